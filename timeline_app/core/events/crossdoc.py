"""One happening told in several documents becomes one event: its mentions, its sources, its best date.

Two events of different documents are the same happening when their dates are compatible and they
tell the same predicate (by lemma: "introduced" = "introducing", with synonyms such as launch/unveil)
about the same named things ("iPhone 4", "pancreatic cancer"). Candidates are found through an index
of their rarer words, so the cost grows with the number of events, not its square. Sources that give
one happening incompatible dates stay one event with a conflict that lists each source's date.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from timeline_app.core.events.lexicon import EVENT_NOUN_GROUPS, is_past
from timeline_app.core.events.titles import first_verb_end
from timeline_app.core.lang import word_list
from timeline_app.core.model import DateKind, Event, FuzzyDate, Precision, Status, Timeline

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*|\d+(?:\.\d+)?")
_STOP = frozenset(word_list("stopwords"))
_SYNONYMS: dict[str, str] = {}
for _line in word_list("predicate_synonyms"):
    _head, *_rest = _line.split()
    for _w in [_head, *_rest]:
        _SYNONYMS[_w] = _head
# A word shared by more events than this says little about which happening they tell.
_COMMON = 0.2
# How alike two titles must be, and what counts as a close date for reports of one happening.
_SAME = 0.5
_TELLING = 0.5
_SAMPLE = 30  # the weight of a word that one event in ten tells
_VERY_SAME = 0.8
_RETOLD = timedelta(days=14)
_AMOUNT = re.compile(r"[$€£]\s?\d[\d,.]*|\d[\d,.]*\s?(?:%|percent|million|billion)")


@dataclass(slots=True)
class _Sig:
    index: int
    document: str
    predicates: frozenset[str]
    words: frozenset[str]
    names: frozenset[str]
    lo: date | None
    hi: date | None
    stated: bool
    amounts: frozenset[str] = field(default_factory=frozenset)


def merge_across_documents(timeline: Timeline) -> int:
    """Merge, in place, the events of different documents that tell one happening; return merges made."""
    events = timeline.events
    if len({e.document for e in events}) < 2:
        return 0
    sigs = [_signature(i, e) for i, e in enumerate(events)]
    frequency = Counter(w for s in sigs for w in s.words)
    limit = max(3, int(_COMMON * len(events)))
    index: dict[str, list[int]] = defaultdict(list)
    for s in sigs:
        for w in s.words:
            if frequency[w] <= limit:
                index[w].append(s.index)
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    told = {d.id: d.reference_date for d in timeline.documents}
    merges = 0
    slipped: dict[int, set[int]] = defaultdict(set)  # a later report -> the earlier expectations of it
    for s in sigs:
        seen: set[int] = set()
        for w in s.words:
            for j in index.get(w, ()):
                if j <= s.index or j in seen:
                    continue
                seen.add(j)
                other = sigs[j]
                if other.document == s.document or find(j) == find(s.index):
                    continue
                verdict = _same_happening(s, other, frequency, len(events), events)
                if verdict == "same":
                    parent[find(j)] = find(s.index)
                    merges += 1
                elif verdict == "slipped":
                    early, late = sorted((s.index, j), key=lambda k: told.get(events[k].document) or date.max)
                    slipped[late].add(early)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[find(i)].append(i)
    slips_of: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for late, earlier in slipped.items():
        for k in earlier:
            when = told.get(events[k].document)
            slips_of[find(late)].append((events[k].document, events[k].date.edtf, when.isoformat() if when else ""))
    if not merges and not slips_of:
        return 0
    merged: list[Event] = []
    for root, members in groups.items():
        event = events[members[0]] if len(members) == 1 else _combine([events[i] for i in members])
        chain = slips_of.get(root, [])
        if event.status is not Status.EXPECTED:
            # Expectations merged into what happened are part of its chain as well.
            for i in members:
                if events[i].status is Status.EXPECTED:
                    when = told.get(events[i].document)
                    chain.append((events[i].document, events[i].date.edtf, when.isoformat() if when else ""))
        if chain:
            event = replace(event, slips=sorted(set(chain), key=lambda x: (x[2], x[0], x[1])))
        merged.append(event)
    timeline.events = merged
    return merges


def _same_happening(a: _Sig, b: _Sig, frequency: Counter[str], total: int, events: list[Event]) -> str:
    """'same' (one event), 'slipped' (an expectation and a later report of it, dated apart) or ''."""
    similarity = _similarity(a, b, frequency, total)
    if similarity < _SAME:
        return ""
    if _dates_meet(a, b, close=similarity < _VERY_SAME):
        return "same"
    expected = [x for x in (a, b) if events[x.index].status is Status.EXPECTED]
    if expected and a.stated and b.stated:
        return "slipped"  # "expected in mid-2006", then "in October 2007": a chain of dates, not a conflict
    # Told in nearly the same words, about something only these two tell, within a year: one happening
    # whose sources disagree on its date (kept as a conflict), not two.
    shared = (a.words - a.predicates) & (b.words - b.predicates)
    rare = any(frequency[w] <= 2 for w in shared & (a.names | b.names))
    return "same" if a.stated and b.stated and rare and similarity >= _VERY_SAME and _within_a_year(a, b) else ""


def _similarity(a: _Sig, b: _Sig, frequency: Counter[str], total: int) -> float:
    if not (a.predicates & b.predicates):
        return 0.0
    if a.amounts and b.amounts and not a.amounts & b.amounts:
        return 0.0  # "cut to $199" and "cut to $399" are two cuts
    # What the happening is about, beyond its verb: weighted so that words every article uses count little.
    content_a, content_b = a.words - a.predicates, b.words - b.predicates
    shared = content_a & content_b
    if not shared or not (a.names & b.names or len(shared) >= 2):
        return 0.0
    # A word told only by the pair itself weighs 1; one that one event in ten tells, 0.5 (a handful of
    # events is no sample to call a word common in).
    weight = {w: 1.0 / (1 + max(frequency[w] - 2, 0) / max(total, _SAMPLE) * 10) for w in content_a | content_b}
    if max(weight[w] for w in shared) < _TELLING:
        return 0.0  # only words that run through the whole story ("Apple", "CEO") are shared
    both = sum(weight[w] for w in shared)
    # Measured against the shorter title: a long title telling more around the same happening still matches.
    smaller = min(sum(weight[w] for w in content_a), sum(weight[w] for w in content_b))
    return both / smaller if smaller else 0.0


def _dates_meet(a: _Sig, b: _Sig, close: bool) -> bool:
    """Compatible dates. An inferred day (the report's day) is a loose bound on the happening: a dated
    happening may be told again later, soon after (``close``) unless the two tell it in nearly the same words."""
    if a.stated and b.stated:
        return _overlap(a.lo, a.hi, b.lo, b.hi)
    if a.stated or b.stated:
        stated, told = (a, b) if a.stated else (b, a)
        if stated.lo is None or told.hi is None:
            return True
        if told.hi < stated.lo:
            return False  # told before it happened
        return not close or stated.hi is None or told.hi <= stated.hi + _RETOLD
    return _overlap(a.lo, a.hi, b.lo, b.hi)


def _within_a_year(a: _Sig, b: _Sig) -> bool:
    if None in (a.lo, a.hi, b.lo, b.hi):
        return False
    assert a.lo and a.hi and b.lo and b.hi
    return abs((a.lo - b.lo).days) <= 366 and abs((a.hi - b.hi).days) <= 366


def _overlap(alo: date | None, ahi: date | None, blo: date | None, bhi: date | None) -> bool:
    return (alo is None or bhi is None or alo <= bhi) and (blo is None or ahi is None or blo <= ahi)


def _signature(i: int, e: Event) -> _Sig:
    tokens = _WORD.findall(e.title)
    words: set[str] = set()
    predicates = _main_predicates(e.title)
    names: set[str] = set()
    for k, token in enumerate(tokens):
        low = token.lower()
        if low in _STOP or len(low) < 2:
            continue
        lemma = _lemma(low)
        key = _SYNONYMS.get(lemma, lemma)
        words.add(key)
        if lemma in _SYNONYMS or low in EVENT_NOUN_GROUPS:
            predicates.add(EVENT_NOUN_GROUPS.get(low, key))  # a noun naming the happening: "launch", "death"
        if (token[:1].isupper() and k > 0) or any(ch.isdigit() for ch in token):
            names.add(key)
    for name in (*e.actors, *e.places):
        # The entity as a whole counts as one word: "GM" and "General Motors" are one name by now.
        words.add("@" + name.lower())
        names.add("@" + name.lower())
        for token in _WORD.findall(name):
            if token.lower() not in _STOP:
                names.add(_lemma(token.lower()))
    d = e.date
    stated = d.kind is not DateKind.BOUNDED and not d.inferred
    amounts = frozenset(re.sub(r"[\s,]", "", a) for a in _AMOUNT.findall(e.title))
    return _Sig(
        i, e.document, frozenset(predicates), frozenset(words), frozenset(names), d.earliest, d.latest, stated, amounts
    )


@cache
def _lemma(word: str) -> str:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    for pos in ("VERB", "NOUN", "ADJ"):
        if pos in lemmas:
            return str(lemmas[pos][0]).lower()
    return word


def _main_predicates(title: str) -> set[str]:
    """Lemmas of the title's verbs ("has been fighting" -> fight; "revealing he had undergone" -> reveal,
    undergo), each read as its synonym group; light verbs (have, take, give) say too little to count."""
    out: set[str] = set()
    end = first_verb_end(title)
    if end:
        for word in _WORD.findall(title[:end])[-1:] + _WORD.findall(title[end:])[:3]:
            low = word.lower()
            if low in _AUXILIARIES or low in _SKIP_AFTER_AUXILIARY or not _is_verb(low):
                continue
            out.add(_predicate(low))
            break
    previous = ""
    for word in _WORD.findall(title):
        low = word.lower()
        if is_past(low) and previous not in _DETERMINERS and low not in _AUXILIARIES:
            out.add(_predicate(low))
        previous = low
    return out - _LIGHT_VERBS


def _predicate(word: str) -> str:
    lemma = _lemma(word)
    return _SYNONYMS.get(lemma, lemma)


@cache
def _is_verb(word: str) -> bool:
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word)


_DETERMINERS = frozenset(["a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those"])
_LIGHT_VERBS = frozenset(["have", "take", "give", "get", "make", "do", "be", "say", "go", "come", "put", "use"])


_AUXILIARIES = frozenset(word_list("auxiliaries")) | {"been", "being", "be"}
_SKIP_AFTER_AUXILIARY = frozenset(["not", "also", "already", "just", "still", "now", "never", "only", "first"])


def _combine(members: list[Event]) -> Event:
    """One event from the reports of one happening: the best-supported date, every mention, any conflict."""
    ranked = sorted(members, key=_support_rank)
    lead = ranked[0]
    stated = [m for m in members if m.date.kind is not DateKind.BOUNDED and not m.date.inferred]
    conflict = _conflict(stated)
    date_, basis, status = lead.date, lead.date_basis, lead.status
    votes = Counter(m.date for m in stated)
    if votes:
        best, count = max(votes.items(), key=lambda kv: (kv[1], -_width(kv[0])))
        if best != date_:
            chosen = next(m for m in stated if m.date == best)
            date_, basis, status = best, chosen.date_basis, chosen.status
        if count > 1:
            basis = f"{basis}; told alike by {count} sources"
    mentions = [m for e in members for m in e.mentions]
    documents = list(dict.fromkeys(m.document for m in mentions))
    return replace(
        lead,
        date=date_,
        date_basis=basis,
        status=status,
        mentions=mentions,
        actors=_union(e.actors for e in members),
        places=_union(e.places for e in members),
        quantities=_union(e.quantities for e in members),
        salience=round(min(1.0, max(e.salience for e in members) + 0.05 * (len(documents) - 1)), 2),
        conflict=conflict,
    )


def _support_rank(e: Event) -> tuple[int, int, float]:
    d = e.date
    unstated = d.kind is DateKind.BOUNDED or d.inferred
    return (int(unstated), _width(d), -e.salience)


_FINENESS = list(Precision)


def _width(d: FuzzyDate) -> int:
    if d.kind is DateKind.POINT and d.start is not None:
        return _FINENESS.index(d.start.precision)
    return len(_FINENESS)


def _conflict(stated: list[Event]) -> list[tuple[str, str]]:
    """Each source's date, when two sources state dates that cannot both be right."""
    for i, a in enumerate(stated):
        for b in stated[i + 1 :]:
            if a.status is not Status.EXPECTED and b.status is not Status.EXPECTED:
                da, db = a.date, b.date
                if not _overlap(da.earliest, da.latest, db.earliest, db.latest):
                    return [(e.document, e.date.edtf) for e in stated]
    return []


def _union(lists: Iterable[list[str]]) -> list[str]:
    return list(dict.fromkeys(x for xs in lists for x in xs))
