"""From a dated document to its events: candidates per clause, ties to dated happenings, merging, entities."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from timeline_app.core.events.candidates import Candidate, aside_candidates, is_modifier, sentence_candidates
from timeline_app.core.events.clauses import Clause, split_clauses
from timeline_app.core.events.entities import Entities, ShortNames, find_entities, merge_short_names
from timeline_app.core.events.lexicon import is_past
from timeline_app.core.events.narrative import FOCUS_WINDOW, Narrative, SentenceDate, clause_tense
from timeline_app.core.events.relatives import Asides, find_relatives, mask_relatives
from timeline_app.core.events.reports import STATEMENT, report_source, report_title, source_of
from timeline_app.core.events.sentences import Sentence, split_sentences
from timeline_app.core.events.ties import TieIndex, lead_clause, lower_bound, tie_target
from timeline_app.core.events.titles import first_verb_end, make_title, sentence_subject
from timeline_app.core.ingest.dateline import find_date_line, find_dateline
from timeline_app.core.lang import alternation
from timeline_app.core.model import DateKind, DatePoint, Document, Event, FuzzyDate, Mention, Status, Timex


@dataclass(slots=True)
class _Group:
    members: list[Candidate] = field(default_factory=list)
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    after: bool = False  # dated only as following another event the same day


def build_events(doc: Document) -> list[Event]:
    text = doc.text
    reference = doc.reference_date
    dateline = find_dateline(text)
    title_end = _title_end(text, doc.title)
    if dateline is None:
        # A bare date under the headline ("March 06, 2008") ends the header, as a dateline would.
        under = find_date_line(text)
        if under is not None and under.date_end is not None and not _SENTENCE_BREAK.search(text[: under.start]):
            dateline = replace(under, end=under.date_end)
            title_end = max(title_end, under.start)
    # Asides ("Doe, who took over in 2021, said ...") are read on their own; the sentence reads on without them.
    relatives = find_relatives(text)
    masked = mask_relatives(text, relatives)
    asides_at = Asides(relatives)
    outside = [t for t in doc.timexes if not asides_at.hold(t)] if relatives else doc.timexes
    candidates: list[Candidate] = []
    narrative = Narrative(reference, doc.timexes)
    near = _Near(outside)
    near_all = _Near(doc.timexes)
    relative_starts = [r.start for r in relatives]
    told: list[_Told] = []
    asides: set[int] = set()
    for sentence in split_sentences(masked, skip_until=title_end):
        if not sentence.prose:
            continue
        body_start = sentence.start
        if dateline and sentence.start <= dateline.start < sentence.end:
            body_start = max(dateline.end, sentence.start)
            if body_start >= sentence.end:
                continue
        clauses = split_clauses(masked, body_start, sentence.end)
        candidates.extend(sentence_candidates(masked, sentence, body_start, near(clauses), reference, clauses))
        if relatives:
            # Only the asides that open in this sentence, and the time expressions that can lie in them.
            here = relatives[
                bisect.bisect_left(relative_starts, sentence.start) : bisect.bisect_left(relative_starts, sentence.end)
            ]
            around = near_all.between(min(r.body_start for r in here), max(r.body_end for r in here)) if here else []
            found = aside_candidates(text, sentence, here, around, reference)
            asides.update(id(c) for c in found)
            candidates.extend(found)
        if (t := _tell(narrative, masked, sentence, body_start, near(clauses), clauses)) is not None:
            told.append(t)
    groups = _resolve(candidates, reference)
    _cover_sentences(groups, told, asides)
    if dateline and reference:
        _attach_dateline(groups, (dateline.start, dateline.end), reference)
    order = {t.sentence.start: n for n, t in enumerate(told)}
    return _to_events(doc, groups, masked, order, asides)


_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][\w'’\-]+")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_BACKSHIFTED = re.compile(r"\bwould\b(?!\s+(?:have|not|never|be\s+\w+ed)\b)")


@dataclass(slots=True)
class _Told:
    """A sentence's own happening: its main clause, its span and the date the narrative gives it."""

    sentence: Sentence
    clause: Clause
    span: tuple[int, int]
    dated: SentenceDate
    content: Clause | None = None  # what a leading statement reports ("the minister noted that ...")


class _Near:
    """The time expressions that can lie in a sentence's clauses: a slice, not the whole document's, per sentence."""

    def __init__(self, timexes: list[Timex]) -> None:
        self.timexes = timexes
        self.starts = [t.start for t in timexes]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))

    def __call__(self, clauses: list[Clause]) -> list[Timex]:
        if not clauses:
            return self.timexes
        return self.between(min(c.start for c in clauses), max(c.end for c in clauses))

    def between(self, start: int, end: int) -> list[Timex]:
        """A superset, in order, of the expressions lying within start..end (all of them if unordered)."""
        if not self.ordered:
            return self.timexes
        return self.timexes[bisect.bisect_left(self.starts, start) : bisect.bisect_right(self.starts, end)]


def _tell(
    narrative: Narrative, text: str, sentence: Sentence, body_start: int, timexes: list[Timex], clauses: list[Clause]
) -> _Told | None:
    if not clauses or not _HAS_WORDS.search(text[body_start : sentence.end]):
        return None
    main = next((c for c in clauses if c.role != "frame" and c.link != "source"), clauses[0])
    # The time of what is reported ("said that sales fell last year") is the content's, not the statement's.
    said_from = next((c.start for c in clauses if c.role == "content"), sentence.end)
    # A clause of its own ("..., but will be free until September 30") dates its own happening.
    own = [c for c in clauses if (c.start < said_from and c.role != "coordinate") or c.role == "attribution"]
    if main.role != "attribution" and clause_tense(main.text_in(text)) == "future":
        # "The change will occur within months, Apple announced this morning": the morning dates the telling.
        own = [c for c in own if c.role != "attribution"]
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, body_start, sentence.end)]
    inside = [
        t
        for t in timexes
        if any(c.start <= t.start and t.end <= c.end for c in own) and not any(a <= t.start < b for a, b in asides)
    ]
    reported = any(c.role == "attribution" for c in clauses)
    dated = narrative.date(text, sentence.start, main.text_in(text), inside, reported)
    if dated is None:
        return None
    said = [c for c in clauses if c.role == "content"]
    before_said = [c for c in clauses if said and c.role == "attribution" and c.end <= said[0].start]
    statement = before_said[-1] if before_said else None
    if statement is None:
        return _Told(sentence, main, (body_start, sentence.end), dated)
    return _Told(sentence, statement, (body_start, sentence.end), dated, Clause(said[0].start, said[-1].end, "content"))


def _cover_sentences(groups: list[_Group], told: list[_Told], asides: set[int]) -> None:
    """Every sentence that tells something is an event; its main happening takes the sentence's own date.

    The main happening's mention is the whole sentence; other happenings in it keep their clauses.
    """
    by_sentence: dict[int, list[tuple[int, Candidate, _Group]]] = {}
    for g in groups:
        for m in g.members:
            if id(m) not in asides:  # an aside ("who took over in 2021") is its own happening, never the sentence's
                by_sentence.setdefault(m.sentence.start, []).append((m.start, m, g))
    for t in told:
        here = by_sentence.get(t.sentence.start, [])
        _start, first, group = min(here, key=lambda item: item[0]) if here else (0, None, None)
        if first is None or (
            t.content is not None
            and first.clause.role == "content"
            # a past happening told on a day of the story needs no second event for its telling; a plan, an
            # undated happening or one long before the story does
            and (first.date is None or first.status is Status.EXPECTED or not _within_story(first.date, t.dated.date))
            and t.dated.date.kind is DateKind.POINT
            and _named_speaker(t)
        ):
            # "The minister noted that troops took part in ...": the noting is the news, on its own date.
            groups.append(_Group([_candidate(t, with_content=first is None)]))
            continue
        if first.date is None and group is not None and group.members[0] is not first:
            continue  # told as part of a happening dated elsewhere ("The vote ... It passed easily")
        first.spans = [t.span]
        keep = (
            first.settled
            or first.clause.role == "content"  # what was said keeps the time it was told with, or its bounds
            or _dated_apart(first, here)
            or first.kind == "relative"
            or first.status is Status.EXPECTED
            or (first.kind == "report" and first.date is not None)  # the time the statement was made
            or (first.status is Status.ONGOING and t.dated.status is Status.ONGOING)  # not "highest since 2002"
            or (first.date is not None and first.date.kind is DateKind.INTERVAL)
            or (first.kind == "dated" and first.date is not None and first.date.kind is DateKind.BOUNDED)
        )
        if not keep:
            first.date, first.status, first.basis = t.dated.date, t.dated.status, t.dated.basis


def _within_story(content: FuzzyDate, telling: FuzzyDate) -> bool:
    """Whether a reported happening's own date lies within the week up to its telling."""
    if content.kind is not DateKind.POINT or content.earliest is None or telling.latest is None:
        return False
    return telling.latest - FOCUS_WINDOW <= content.earliest <= telling.latest


def _dated_apart(first: Candidate, here: list[tuple[int, Candidate, _Group]]) -> bool:
    """Happenings of one sentence dated each by its own time ("opened stores in May and plans more by June")."""
    return (
        first.kind == "dated"
        and bool(first.timexes)
        and any(c is not first and c.kind == "dated" and c.timexes and c.timexes != first.timexes for _s, c, _g in here)
    )


def _named_speaker(t: _Told) -> bool:
    """A person or body who said it ("the minister noted that"), not an unnamed report ("media reports indicated")."""
    source = report_source(t.clause.text_in(t.sentence.text, t.sentence.start))
    return bool(source) and not _MEDIA_REPORT.search(source)


_MEDIA_REPORT = re.compile(r"\b(?:reports?|media|sources?)\b", re.IGNORECASE)


def _candidate(t: _Told, with_content: bool) -> Candidate:
    d = t.dated
    stamps = [d.timex] if d.timex else []
    if t.content is not None:
        report = Candidate(t.sentence, t.clause, "report", d.date, Status.REPORTED, d.basis, [t.span], stamps)
        report.content = t.content
        if with_content and d.status is not Status.OCCURRED:
            report.kind, report.status = "expected", d.status
            report.clause = Clause(t.span[0], t.span[1], "main")
        return report
    clause = Clause(t.span[0], t.span[1], "main") if t.clause.role == "attribution" else t.clause
    return Candidate(t.sentence, clause, "dated", d.date, d.status, d.basis, [t.span], stamps)


# "the 2011 version", "its 2008 model": a time that names a thing, kept in the title.
_NAMES_A_THING = re.compile(r"\b(?:the|its|his|her|their|this|a|an)\s+$", re.IGNORECASE)


def _ordered(d: FuzzyDate) -> FuzzyDate:
    """Never a date that ends before it starts: a lower bound past the upper one ('after' a date later
    than the article) leaves the happening open after it; reversed ends of a range are put in order."""
    if d.start is None or d.end is None or d.start.earliest <= d.end.latest:
        return d
    if d.kind is DateKind.BOUNDED:
        return FuzzyDate.bounded(d.start, None)
    return FuzzyDate.interval(d.end, d.start)


def _noun_ref(t: Timex) -> bool:
    """'the future', 'the past': a vague time that is a noun phrase of the sentence, not its date."""
    return t.value.endswith("_REF") and t.text.lower().startswith("the ")


# "Jobs, born in San Francisco on February 24, 1955, has built ...": an aside about the subject.
_ASIDE = re.compile(rf"\s?,\s+(?:{alternation('aside_openers')})\b[^;]{{0,90}}?,\s+(?=[a-z])", re.IGNORECASE)
_HAS_WORDS = re.compile(r"[A-Za-z]{2,}")


def _title_end(text: str, title: str) -> int:
    if not title:
        return 0
    stripped = text.lstrip()
    first_line = stripped.split("\n", 1)[0].strip().lstrip("#").strip()
    # A headline rarely ends with a full stop; a first line that does is the lead, not a headline.
    if first_line == title and not first_line.endswith("."):
        return len(text) - len(stripped) + len(stripped.split("\n", 1)[0])
    return 0


def _resolve(candidates: list[Candidate], reference: date | None) -> list[_Group]:
    index = TieIndex([c for c in candidates if c.kind in ("dated", "relative") and c.date is not None])
    groups: list[_Group] = []
    by_candidate: dict[int, _Group] = {}

    def group_of(c: Candidate) -> _Group:
        if id(c) not in by_candidate:
            g = _Group([c], after=c.kind == "relative" and "after" in c.link)
            groups.append(g)
            by_candidate[id(c)] = g
        return by_candidate[id(c)]

    # Only groups whose lead has the same date can take a candidate: looked up, not searched for.
    by_date: dict[FuzzyDate, list[_Group]] = {}
    for c in candidates:
        if c.kind in ("dated", "relative", "expected", "report", "bounded"):
            _merge_or_add(c, by_date, by_candidate, group_of)
    lead = lead_clause(candidates)
    for c in candidates:
        if c.kind != "pending":
            continue
        target = tie_target(c, index)
        if target is None:
            if c is lead and reference is not None:
                # The lead reports the news: it happened on or shortly before the article's date.
                c.kind = "bounded"
                c.date = FuzzyDate.bounded(None, DatePoint.day(reference))
                c.basis = f"the article's lead, in the past tense: on or before {reference.isoformat()}"
                group_of(c)
            elif c.clause.role == "content" and c.frame_tie and reference is not None and _told_as_past(c):
                # Told at a happening the text does not date: still before the article was written.
                c.kind = "bounded"
                c.date = FuzzyDate.bounded(None, DatePoint.day(reference))
                c.basis = f"told in the past tense “{c.frame}”, before the article of {reference.isoformat()}"
                lower_bound(c, candidates)
                group_of(c)
            continue
        if c.clause.role == "content" and c.frame_tie:
            # Reported at the tied happening: it took place before it, date not stated.
            c.kind = "bounded"
            c.date = FuzzyDate.bounded(None, target.date.start if target.date else None)
            upper = target.date.describe() if target.date else "?"
            c.basis = f"told in the past tense “{c.frame}”, the {c.frame_tie} of {upper}; date not stated"
            lower_bound(c, candidates)
            group_of(c)
        else:
            group_of(target).members.append(c)
    return groups


def _merge_or_add(
    c: Candidate,
    by_date: dict[FuzzyDate, list[_Group]],
    by_candidate: dict[int, _Group],
    group_of: Callable[[Candidate], _Group],
) -> None:
    for g in by_date.get(c.date, ()) if c.date is not None else ():
        lead = g.members[0]
        if _same_happening(lead, c):
            g.members.append(c)
            by_candidate[id(c)] = g
            if c.kind == "relative" and "after" in c.link:
                g.after = True
            return
    g = group_of(c)
    if c.date is not None:
        by_date.setdefault(c.date, []).append(g)


def _same_happening(a: Candidate, b: Candidate) -> bool:
    if a.date is None or b.date is None or a.sentence is b.sentence:
        return False  # two clauses of one sentence are told apart by the sentence itself
    if a.kind == "report" or b.kind == "report":
        return a.kind == b.kind and a.date == b.date and source_of(a) == source_of(b) != ""
    if a.status is not b.status or a.date != b.date or a.date.kind is not DateKind.POINT:
        return False
    return bool(a.nouns and b.nouns and a.nouns[0] == b.nouns[0])


def _attach_dateline(groups: list[_Group], span: tuple[int, int], reference: date) -> None:
    day = FuzzyDate.point(DatePoint.day(reference))
    for g in groups:
        if g.members[0].kind == "report" and g.members[0].date == day:
            g.extra_spans.insert(0, span)
            return


def _to_events(
    doc: Document, groups: list[_Group], masked: str, order: dict[int, int], asides: set[int]
) -> list[Event]:
    text = doc.text
    events: list[Event] = []
    all_names: list[str] = []
    prepared: list[tuple[_Group, list[tuple[int, int]], list[Entities]]] = []
    known = set(_MID_SENTENCE_NAME.findall(text))
    for g in groups:
        spans = sorted(set(g.extra_spans + [s for m in g.members for s in m.spans]))
        blocked = [(t.start, t.end) for m in g.members for t in m.timexes]
        found = []
        for s, e in spans:
            local_blocked = [(bs - s, be - s) for bs, be in blocked if s <= bs and be <= e]
            found.append(find_entities(text[s:e], local_blocked, known))
            all_names.extend(found[-1].actors)
        prepared.append((g, spans, found))
    prepared.sort(key=lambda item: item[1][0][0])
    # Clauses that are events of their own: a report of one is titled as the statement, not by its words again.
    told_apart = {(m.clause.start, m.clause.end) for g in groups for m in g.members if m.kind != "report"}
    short_names = ShortNames(all_names)
    near_doc = _Near(doc.timexes)
    for n, (g, spans, found) in enumerate(prepared, start=1):
        lead = _lead(g)
        date_cand = _best_dated(g)
        actors: list[str] = []
        places: list[str] = []
        quantities: list[str] = []
        for ents in found:
            actors += [a for a in ents.actors if a not in actors]
            places += [p for p in ents.places if p not in places]
            quantities += [q for q in ents.quantities if q not in quantities]
        assert date_cand.date is not None
        title = _title(doc, masked, g, lead, told_apart, near_doc)
        # A country that opens the title is its subject: it acts, not only a place.
        actors = [p for p in places if title.startswith(p + " ") and p not in actors] + actors
        told = lead.kind == "report" and ": " in title and not title.startswith(STATEMENT)
        speaker = title.split(": ", 1)[0] if told else ""
        if speaker and speaker not in actors:
            actors.insert(0, speaker)  # who made the statement, even when the text says "she"
        events.append(
            Event(
                id=f"{doc.id}-e{n}",
                title=title,
                sentence=text[lead.sentence.start : lead.sentence.end],
                date=_ordered(date_cand.date),
                status=date_cand.status if lead.kind != "report" else Status.REPORTED,
                date_basis=date_cand.basis,
                mentions=[Mention(doc.id, s, e, text[s:e]) for s, e in spans],
                actors=merge_short_names(actors, short_names),
                places=places,
                quantities=quantities,
                salience=_salience(g, lead, date_cand, order, asides),
            )
        )
    # Same-day order: what is said to follow another event ("shortly after the vote") comes after it.
    after = {events[i].id for i, (g, _spans, _found) in enumerate(prepared) if g.after}
    events.sort(key=lambda e: (e.date.sort_key(), e.id in after, e.mentions[0].start))
    return events


def _salience(g: _Group, lead: Candidate, dated: Candidate, order: dict[int, int], asides: set[int]) -> float:
    """How central an event is: the lead's news first, then what the text dates or bounds, then what is
    only inferred, statements about it and asides; a little less each sentence on, more when told again."""
    d = dated.date
    inferred = d is not None and d.inferred
    if id(lead) in asides:
        base = 0.35
    elif lead.kind == "report":
        base = 0.35 if inferred else 0.6
    elif inferred:
        base = 0.4
    elif dated.status is Status.EXPECTED or (d is not None and d.kind is DateKind.BOUNDED):
        base = 0.55
    else:
        base = 0.7
    position = order.get(lead.sentence.start, len(order))
    if position == 0:
        base = max(base, 0.9)  # the lead sentence tells the news of the day
    told_again = len({m.sentence.start for m in g.members}) - 1
    score = base - 0.01 * max(position - 1, 0) + 0.05 * min(told_again, 3)
    return round(min(max(score, 0.1), 1.0), 2)


_PRONOUN_SUBJECT = re.compile(r"^(?:It|They|He|She)\s+(?=[a-z])")


def _name_the_speaker(title: str, attribution: str) -> str:
    """'The operator said it expected to restore ...': the title names the operator, not 'it'."""
    pronoun = _PRONOUN_SUBJECT.match(title)
    if pronoun is None:
        return title
    attribution = _OPENING.split(attribution)[-1]  # after a dateline or a live-blog stamp
    source = report_source(attribution)
    if not source or source.lower() in ("he", "she", "it", "they", "we", "i", "you") or len(source.split()) > 5:
        return title
    written = re.search(rf"\b(?:the\s+)?{re.escape(source)}", attribution, re.IGNORECASE)
    name = written.group(0) if written else source
    return name[:1].upper() + name[1:] + " " + title[pronoun.end() :]


_OPENING = re.compile(r"[(),;]\s*|\s[-–—|]\s")


def _told_as_past(c: Candidate) -> bool:
    return is_past(c.clause.text_in(c.sentence.text, c.sentence.start))


def _lead(g: _Group) -> Candidate:
    """The mention whose clause reads best as the title: the first one with a substantial clause."""
    if g.members[0].kind == "report":
        return g.members[0]
    ordered = sorted(g.members, key=lambda c: (c.kind not in ("dated", "relative"), c.start))
    for c in ordered:
        if len(c.clause.text_in(c.sentence.text, c.sentence.start).split()) >= 5 and c.kind != "report":
            return c
    return min(g.members, key=lambda c: c.start)


def _best_dated(g: _Group) -> Candidate:
    dated = [c for c in g.members if c.date is not None]
    order = {DateKind.POINT: 0, DateKind.INTERVAL: 1, DateKind.BOUNDED: 2}

    def key(c: Candidate) -> tuple[int, int, int]:
        d = c.date
        assert d is not None
        width = ((d.latest or date.max) - (d.earliest or date.min)).days if d.latest and d.earliest else 10**6
        return (order[d.kind], width, 0 if c.kind == "dated" else 1)

    return min(dated, key=key)


def _title(
    doc: Document,
    masked: str,
    g: _Group,
    lead: Candidate,
    told_apart: set[tuple[int, int]] | None = None,
    near: _Near | None = None,
) -> str:
    text = masked
    if lead.kind == "report":
        content = lead.content
        own_event = content is not None and told_apart is not None and (content.start, content.end) in told_apart
        title = report_title(text, lead, with_content=not own_event)
        if title:
            return title
        others = [c for c in g.members if c.kind != "report"]
        return _title(doc, masked, g, others[0], near=near) if others else make_title(lead.sentence.text)
    if lead.title:
        return lead.title
    s, e = lead.clause.start, lead.clause.end
    drops = [
        (t.start - s, t.end - s)
        for t in (near.between(s, e) if near is not None else doc.timexes)
        if s <= t.start
        and t.end <= e
        and t.type in ("DATE", "TIME")
        and not is_modifier(text, t)
        and not _noun_ref(t)
        and not _NAMES_A_THING.search(text, max(0, t.start - 6), t.start)
    ]
    if lead.subject:
        # An aside: its subject is the noun phrase it describes ("Jane Doe, who took over ..." -> "Jane Doe took over").
        shift = len(lead.subject) + 1
        return make_title(f"{lead.subject} {doc.text[s:e]}", [(a + shift, b + shift) for a, b in drops])
    title = make_title(text[s:e], drops)
    if s > lead.sentence.start and (subject := sentence_subject(text[lead.sentence.start : s], title)):
        title = f"{subject} {title[:1].lower()}{title[1:]}"  # "..., but will be free" names what will be
    if lead.clause.role == "content":
        title = _name_the_speaker(title, text[lead.sentence.start : s])
    if lead.clause.role == "content" and lead.status is Status.EXPECTED:
        title = _BACKSHIFTED.sub("will", title, count=1)  # reported "would cut" is a plan: "will cut"
    # "Americans in Tanzania | , he said, | should stay home": a clause cut off at a comma before its verb.
    verbless = (
        len(title.split()) <= 5
        and text[e : e + 2].strip().startswith(",")
        and not (first_verb_end(title) or is_past(title))
        and first_verb_end(lead.sentence.text) > 0
    )
    if (len(title.split()) < 3 and not is_past(title)) or verbless:
        # A fragment ("Finally", "The day") says nothing: use the whole sentence instead.
        sentence_drops = [(t.start - lead.sentence.start, t.end - lead.sentence.start) for t in lead.timexes]
        fuller = make_title(lead.sentence.text, sentence_drops)
        if len(fuller.split()) > len(title.split()):
            return fuller
    return title or make_title(lead.sentence.text)
