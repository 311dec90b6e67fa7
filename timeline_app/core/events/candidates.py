"""Event candidates: one per clause that says something happened, will happen or was reported, with its date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from timeline_app.core.events.clauses import REPORTING_VERBS, Clause, split_clauses, split_dated_conjuncts
from timeline_app.core.events.dating import fuzzy_date
from timeline_app.core.events.lexicon import (
    IT_IS_THAT,
    ONGOING,
    STRONG_EXPECTATION,
    WEAK_EXPECTATION,
    event_nouns,
    is_past,
)
from timeline_app.core.events.relatives import Relative
from timeline_app.core.events.sentences import Sentence
from timeline_app.core.model import DateKind, DatePoint, FuzzyDate, Precision, Status, Timex

# A clause linked to a dated one happens at the same time for these links.
_SAME_TIME_LINKS = {"shortly after", "soon after", "just after", "immediately after", "when", "while", "as soon as"}
# "since early 2022", "starting in May": the words between are about the time, not "from it in 2022".
_SINCE_BEFORE = re.compile(
    r"\b(?:since|starting|beginning|from)\s+(?:(?:early|mid|late|the|start|end|beginning|middle|of|in|on|at|"
    r"least|about|around|as|far|back)\s+){0,2}$",
    re.IGNORECASE,
)
_RECENT_REPORT = re.compile(
    r"\b(?:recent|recently|earlier|lately)\b(?=.*\b(?:indicated|reported|showed|suggested|said|stated|revealed)\b)",
    re.IGNORECASE,
)
_QUANTITY_HINT = re.compile(r"\d")
_DEFINITE_FUTURE = re.compile(r"(?:will|shall|going\s+to)\b", re.IGNORECASE)
_PAST_INTENT = re.compile(r"(?:pledged|promised|threatened|vowed|planned|intended|aimed)\s+to", re.IGNORECASE)
_REPORTED_MODAL = re.compile(r"\b(?:would|could|might|may|will|shall)\s+(?!have\b)\w+", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\s*(?:if|unless|whether|it\s+(?:is|was)\s+unclear)\b", re.IGNORECASE)


@dataclass(slots=True, eq=False)  # identity: two clauses with equal words are still two candidates
class Candidate:
    sentence: Sentence
    clause: Clause
    kind: str  # dated | relative | bounded | report | expected | pending (undated, kept only if tied)
    date: FuzzyDate | None
    status: Status
    basis: str
    spans: list[tuple[int, int]]  # mention spans
    timexes: list[Timex] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)
    link: str = ""  # for a relative candidate: how it hangs on the dated clause ("shortly after")
    frame_tie: str | None = None  # the happening an opening phrase refers to ("At the start of the meeting")
    frame: str = ""  # that opening phrase's words
    content: Clause | None = None  # for a report: the clause saying what was reported
    subject: str = ""  # for an aside ("who took over in 2021"): the noun phrase it describes
    title: str = ""  # a title made here because the clause's words tell another event ("New date for ...")
    settled: bool = False  # dated by a rule of its own (a postponement): the sentence's reading does not redate it

    @property
    def start(self) -> int:
        return self.spans[0][0]


def sentence_candidates(
    text: str,
    sentence: Sentence,
    body_start: int,
    timexes: list[Timex],
    reference: date | None,
    clauses: list[Clause] | None = None,
) -> list[Candidate]:
    """``clauses`` are the sentence's clauses when the caller has split it already."""
    if clauses is None:
        clauses = split_clauses(text, body_start, sentence.end)
    clauses = _absorb_bare_time_links(text, clauses, timexes)
    clauses, subjects = _split_conjuncts(text, clauses, timexes, reference)
    out: list[Candidate] = []
    frame_timexes: list[Timex] = []
    frame_text = ""
    report_bound: tuple[FuzzyDate, Timex] | None = None
    leading_report: Candidate | None = None
    dated_by_clause: dict[Clause, Candidate] = {}
    for clause in clauses:
        inside = [t for t in timexes if clause.start <= t.start and t.end <= clause.end and _dates(t, reference)]
        ctext = clause.text_in(text)
        if clause.role == "frame":
            frame_timexes = [t for t in inside if t.value not in _VAGUE]
            frame_text = ctext
            continue
        if clause.role == "attribution":
            d = fuzzy_date(inside[0], reference) if inside else None
            if d is not None and d.kind is DateKind.POINT:
                t = inside[0]
                report = Candidate(
                    sentence, clause, "report", d, Status.REPORTED, f"reported “{t.text}” ({_value_words(t)})",
                    [(clause.start, clause.end)], [t], nouns=[],
                )  # fmt: skip
                out.append(report)
                leading_report = report if _leads(clause, clauses) else None
            elif d is not None:
                report_bound = (d, inside[0])
            elif reference is not None and (recent := _RECENT_REPORT.search(ctext)):
                # "Recent media reports indicated that ...": told before the article, whatever the tagger made of it.
                at = clause.start + recent.start()
                words = Timex(at, at + len(recent.group(0)), recent.group(0), "DATE", "PAST_REF")
                report_bound = (FuzzyDate.point(DatePoint.day(reference)), words)
            continue
        inside = [t for t in inside if t.value not in _VAGUE]
        if not inside and frame_timexes and clause.role in ("main", "content"):
            inside = frame_timexes
        if leading_report is not None and clause.role == "content":
            # "X said on Tuesday that Y": the statement is the event; Y is what it says. When Y has
            # its own date ("... would reopen in May") it is an event of its own as well.
            leading_report.content = clause
            leading_report.spans = [(leading_report.clause.start, clause.end)]
            leading_report = None
            if not inside:
                continue
        frame_tie = None
        if frame_text and not frame_timexes:
            nouns = event_nouns(frame_text)
            frame_tie = nouns[0] if nouns else None
        cand = _clause_candidate(text, sentence, clause, inside, reference, frame_text)
        if cand is None:
            continue
        cand.frame_tie = frame_tie
        cand.frame = frame_text.strip(" ,")
        cand.subject = subjects.get(clause, "")
        out.append(cand)
        if cand.kind == "dated":
            dated_by_clause[clause] = cand
        frame_timexes, frame_text = [], ""
    _link_relatives(out, dated_by_clause, clauses, reference)
    _split_postponements(text, out, reference)
    _bound_reported_content(out, report_bound)
    _absorb_stated_main_clause(out)
    return out


def aside_candidates(
    text: str, sentence: Sentence, relatives: list[Relative], timexes: list[Timex], reference: date | None
) -> list[Candidate]:
    """Dated asides about a person or thing ("who took over in January 2021") as events of their own."""
    out: list[Candidate] = []
    host: Sentence | None = None
    for r in relatives:
        if not (sentence.start <= r.start < sentence.end) or r.pronoun not in ("who", "which") or not r.antecedent:
            continue
        inside = [
            t
            for t in timexes
            if r.body_start <= t.start and t.end <= r.body_end and t.value not in _VAGUE and _dates(t, reference)
        ]
        if not inside:
            continue
        if host is None:
            host = Sentence(
                sentence.start, sentence.end, text[sentence.start : sentence.end], sentence.prose, sentence.paragraph
            )
        spans = [(t.start, t.end) for t in inside]
        for clause, subject in split_dated_conjuncts(
            text, Clause(r.body_start, r.body_end, "main"), spans, r.antecedent
        ):
            own = [t for t in inside if clause.start <= t.start and t.end <= clause.end]
            cand = _clause_candidate(text, host, clause, own, reference, "") if own else None
            # A past happening ("who took over in 2021"), not a description ("who chairs the meetings this year").
            if cand is not None and cand.kind == "dated" and is_past(clause.text_in(text)):
                cand.subject = subject
                out.append(cand)
    return out


def _split_conjuncts(
    text: str, clauses: list[Clause], timexes: list[Timex], reference: date | None
) -> tuple[list[Clause], dict[Clause, str]]:
    """Verbs joined by 'and', each with its own date, are happenings of their own."""
    if not clauses:
        return clauses, {}
    lo, hi = clauses[0].start, max(c.end for c in clauses)
    near = [t for t in timexes if lo <= t.start and t.end <= hi]  # the document's timexes, cut to this sentence
    dated = [(t.start, t.end) for t in near if t.value not in _VAGUE and _dates(t, reference)]
    out: list[Clause] = []
    subjects: dict[Clause, str] = {}
    for clause in clauses:
        if clause.role in ("frame", "attribution"):
            out.append(clause)
            continue
        own = [(s, e) for s, e in dated if clause.start <= s and e <= clause.end]
        if len(own) < 2:
            out.append(clause)
            continue
        for piece, subject in split_dated_conjuncts(text, clause, own):
            out.append(piece)
            if subject:
                subjects[piece] = subject
    return out, subjects


_POSTPONING = (
    r"(?:postponed|delayed|deferred|rescheduled|pushed\s+back|put\s+off|moved\s+back|set\s+back|"
    r"(?:pushed|moved)(?=\s+.{1,60}?\s+(?:back\s+)?(?:until|till|to|into)\s+$))"
)
_POSTPONED_ACTIVE = re.compile(
    rf"\b{_POSTPONING}\s+(?P<object>(?:the|a|an|its|his|her|their|our)\b.{{1,80}}?)\s+(?:back\s+)?"
    r"(?:until|till|to|into)\s+$",
    re.IGNORECASE,
)
_POSTPONED_PASSIVE = re.compile(
    r"(?:^|\b(?:that|said|says)\s+)(?P<object>(?:the|a|an|its|his|her|their|our)\b.{1,80}?)\s+"
    rf"(?:was|were|has\s+been|have\s+been|had\s+been|is\s+being|will\s+be)\s+(?:\w+ly\s+)?{_POSTPONING}\s+"
    r"(?:until|till|to|into)\s+$",
    re.IGNORECASE,
)


_DETERMINER = re.compile(r"(?:The|A|An|Its|His|Her|Their|Our)\b")


def _split_postponements(text: str, out: list[Candidate], reference: date | None) -> None:
    """'postponed the launch until next year': the postponement happened (by the report); the launch is expected.

    The clause's own candidate keeps the words and becomes the past postponement; a second
    candidate carries the new target date and a title naming what was moved.
    """
    reports = [c.date.start for c in out if c.kind == "report" and c.date is not None and c.date.start is not None]
    upper = reports[0] if reports else DatePoint.day(reference) if reference else None
    for cand in list(out):
        if cand.kind != "dated" or cand.date is None or not cand.timexes or cand.date.kind is DateKind.BOUNDED:
            continue
        t = cand.timexes[0]
        if reference is None or cand.date.earliest is None or cand.date.earliest <= reference:
            continue  # a target already past is told as history: nothing is expected
        before = text[cand.clause.start : t.start]
        found = _POSTPONED_ACTIVE.search(before) or _POSTPONED_PASSIVE.search(before)
        if found is None or not _past_verb(before[found.start() :]):
            continue
        target = Candidate(
            cand.sentence, cand.clause, "dated", cand.date, Status.EXPECTED,
            f"new date after a postponement: {cand.basis}", list(cand.spans), list(cand.timexes), list(cand.nouns),
        )  # fmt: skip
        thing = found.group("object").strip()
        target.title = f"New date for {thing[:1].lower() + thing[1:] if _DETERMINER.match(thing) else thing}"
        out.insert(out.index(cand) + 1, target)
        cand.kind, cand.status, cand.timexes, cand.settled = "bounded", Status.OCCURRED, [], True
        cand.date = FuzzyDate.bounded(None, upper)
        cand.basis = "postponed, told in the past tense" + (f": by {upper.describe()}" if upper else "")


def _absorb_stated_main_clause(out: list[Candidate]) -> None:
    """'Y, X said Friday': the statement is the event and Y its content, unless Y has a date of its own."""
    reports = [c for c in out if c.kind == "report" and c.clause.link == "statement" and c.content is None]
    pending = [c for c in out if c.kind == "pending" and c.clause.role == "main"]
    if len(reports) == 1 and len(pending) == 1 and pending[0].start < reports[0].start and not pending[0].nouns:
        report, main = reports[0], pending[0]
        report.content = main.clause
        report.spans = [(main.clause.start, report.clause.end)]
        out.remove(main)


def _leads(clause: Clause, clauses: list[Clause]) -> bool:
    """An attribution that introduces the clause after it ("X said Friday that ...")."""
    i = clauses.index(clause)
    return i + 1 < len(clauses) and clauses[i + 1].role == "content"


def _absorb_bare_time_links(text: str, clauses: list[Clause], timexes: list[Timex]) -> list[Clause]:
    """'... until now', '... since 1990': a link followed only by a time is a preposition, not a clause."""
    out: list[Clause] = []
    for clause in clauses:
        if clause.role == "subordinate" and out and out[-1].end <= clause.start:
            rest = clause.text_in(text)
            for t in timexes:
                if clause.start <= t.start and t.end <= clause.end:
                    rest = rest.replace(t.text, " ")
            if len(re.findall(r"\w+", rest)) <= 1:
                prev = out.pop()
                link = clause.link if clause.link == "since" else prev.link
                out.append(Clause(prev.start, clause.end, prev.role, link))
                continue
        out.append(clause)
    return out


def _bound_reported_content(out: list[Candidate], vague: tuple[FuzzyDate, Timex] | None) -> None:
    """What a report says happened in the past did so before the report ("recent reports indicated that ...")."""
    reports = [(c.date, c.timexes[0]) for c in out if c.kind == "report" and c.date is not None and c.timexes]
    found = reports[0] if reports else vague
    if found is None:
        return
    bound, words = found
    upper = bound.end if bound.kind is not DateKind.POINT else bound.start
    if upper is None:
        return
    for c in out:
        text = c.sentence.text[c.clause.start - c.sentence.start : c.clause.end - c.sentence.start]
        if c.kind == "pending" and c.clause.role == "content" and is_past(text):
            c.kind = "bounded"
            c.date = FuzzyDate.bounded(None, upper)
            c.basis = f"told in the past tense by a report “{words.text}” (by {upper.describe()}); date not stated"


def _clause_candidate(
    text: str, sentence: Sentence, clause: Clause, inside: list[Timex], reference: date | None, frame_text: str
) -> Candidate | None:
    ctext = clause.text_in(text)
    nouns = event_nouns(ctext)
    span = [(clause.start, clause.end)]
    if inside:
        ranged = _range(text, inside, reference)
        if ranged is not None:
            first, last, interval = ranged
            why = f"from “{first.text}” to “{last.text}” ({interval.describe()})"
            return Candidate(sentence, clause, "dated", interval, Status.OCCURRED, why, span, [first, last], nouns)
        t = _main_timex(text, inside)
        d = fuzzy_date(t, reference)
        assert d is not None
        if _DEADLINE.search(text[max(clause.start, t.start - 20) : t.start]):
            return _deadline_candidate(sentence, clause, t, d, ctext, reference, span, nouns)
        if (
            reference is not None
            and d.start is not None
            and d.start.earliest > reference
            and _UNTIL.search(text[max(clause.start, t.start - 12) : t.start])
            and (_REPORTED_MODAL.search(ctext) or not _past_verb(ctext))
        ):
            # "will remain in force until September 15": a state from now to that date, not a happening on it.
            why = f"from the report of {reference.isoformat()} until “{t.text}” ({d.start.describe()})"
            interval = FuzzyDate.interval(DatePoint.day(reference), d.start)
            return Candidate(sentence, clause, "dated", interval, Status.EXPECTED, why, span, [t], nouns)
        status, why = _status(text, clause, t, d, reference, frame_text)
        return Candidate(sentence, clause, "dated", d, status, f"{why}“{t.text}” ({_value_words(t)})", span, [t], nouns)
    strong = STRONG_EXPECTATION.search(ctext)
    weak = WEAK_EXPECTATION.search(ctext)
    # "will send 800 soldiers" is a plan; "would give 55 million customers" is a hypothesis.
    definite = weak is not None and _DEFINITE_FUTURE.match(weak.group(0)) is not None
    if strong and (_PAST_INTENT.fullmatch(strong.group(0)) or _acted_before(ctext[: strong.start()])):
        strong = None  # "threatened to block the deal": the threat was made; nothing dated is expected
    cue = strong or (
        weak if weak and (IT_IS_THAT.match(ctext) or (definite and _QUANTITY_HINT.search(ctext))) else None
    )
    if cue is not None and not _CONDITIONAL.match(ctext):
        lower = DatePoint.day(reference) if reference else None
        basis = f"expected (“{cue.group(0).strip()}”), no date given"
        if reference:
            basis += f"; after the report of {reference.isoformat()}"
        return Candidate(
            sentence, clause, "expected", FuzzyDate.bounded(lower, None), Status.EXPECTED, basis, span, [], nouns
        )
    # Undated: kept only if later tied to a dated happening or linked inside the sentence.
    return Candidate(sentence, clause, "pending", None, Status.OCCURRED, "", span, [], nouns)


_UNTIL = re.compile(r"\b(?:until|till|through)\s+$", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|no\s+later\s+than)\s+$", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:had|has|have)\s+(?:been\s+)?\w+(?:ed|en)\b", re.IGNORECASE)


def _deadline_candidate(
    sentence: Sentence,
    clause: Clause,
    t: Timex,
    d: FuzzyDate,
    ctext: str,
    reference: date | None,
    span: list[tuple[int, int]],
    nouns: list[str],
) -> Candidate:
    """'by the end of the month', 'by September 15': a deadline bounds the event from above, it is no date in it."""
    assert d.start is not None
    last = d.latest or d.start.latest
    ends = (t.mod or "").upper() == "END" or "end" in t.text.lower().split()
    upper = DatePoint.day(last) if ends or d.start.precision in (Precision.DAY, Precision.TIME) else d.start
    to_come = reference is None or last > reference
    if to_come and not _PERFECT.search(ctext):
        lower = DatePoint.day(reference) if reference else None
        why = f"expected by “{t.text}” ({upper.describe()}): a deadline, the date itself not stated"
        return Candidate(
            sentence, clause, "dated", FuzzyDate.bounded(lower, upper), Status.EXPECTED, why, span, [t], nouns
        )
    why = f"done by “{t.text}” ({upper.describe()}): on or before it, the date itself not stated"
    return Candidate(sentence, clause, "dated", FuzzyDate.bounded(None, upper), Status.OCCURRED, why, span, [t], nouns)


_TIME_PREPOSITION = re.compile(
    r"\b(?:in|on|at|since|during|by|until|till|from|before|after|last|this|next|early|late|of|through|between|"
    r"around|as\s+of)\s*$",
    re.IGNORECASE,
)


_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|through|until|till|-|–)\s*$", re.IGNORECASE)


def _range(text: str, inside: list[Timex], reference: date | None) -> tuple[Timex, Timex, FuzzyDate] | None:
    """'between 1982 and 1992', 'from March to June': one interval, not two dates."""
    for a, b in pairwise(inside):
        if _RANGE_OPEN.search(text[max(0, a.start - 10) : a.start]) and _RANGE_JOIN.match(text[a.end : b.start]):
            lo, hi = fuzzy_date(a, reference), fuzzy_date(b, reference)
            if lo and hi and lo.start and hi.start and lo.start.earliest <= hi.start.latest:
                return a, b, FuzzyDate.interval(lo.start, hi.start)
    return None


def _main_timex(text: str, inside: list[Timex]) -> Timex:
    """The time expression that dates the clause: introduced by a preposition, not a modifier ("a 1987 car")."""

    first = min(t.start for t in inside)

    def score(t: Timex) -> int:
        before = text[max(0, t.start - 12) : t.start]
        after = text[t.end : t.end + 2]
        points = 2 if _TIME_PREPOSITION.search(before) else 0
        if _STAMP.match(text, t.end) and not text[max(0, t.start - 2) : t.start].strip():
            points += 3  # "11:20 GMT - The agency issued ...": a live-blog stamp dates its entry
        if t.start > first and _HANGING_PHRASE.search(text[first : t.start]):
            points -= 2  # "today, eighteen months after the beta in March 2024": the later date is the anchor
        if re.fullmatch(r"\d{4}", t.text.strip()) and not points and after[:1] == " " and after[1:2].isalnum():
            points -= 3  # a year used as an adjective
        if is_modifier(text, t):
            points -= 4  # "in third-quarter operating profit": the period describes the profit, not the event
        return points

    return max(inside, key=score)


_STAMP = re.compile(r"(?:\s+[A-Z]{2,4})?\s*[-–—:|]\s+[A-Z\"“]")
_HANGING_PHRASE = re.compile(r"\b(?:after|before|following|since|ahead\s+of)\b[^,.;]{0,60}$", re.IGNORECASE)


_REPORTED = re.compile(rf"^.*\b(?:{REPORTING_VERBS})\b", re.IGNORECASE | re.DOTALL)


def _acted_before(words: str) -> bool:
    """A past action before an expectation word ("backed a plan to"), not a report of it ("said they expect")."""
    return _past_verb(_REPORTED.sub("", words))


def _past_verb(words: str) -> bool:
    """A past verb among lower-case words outside asides: names such as "Mohamed" are no past tense, nor is
    "advertised" in "The offer, advertised today, is scheduled to ..."."""
    words = re.sub(r",[^,]*,", " ", words)
    return is_past(" ".join(w for w in words.split() if not w[:1].isupper()))


_PERIOD_ADJECTIVE = re.compile(r"-(?:quarter|half|year|month|week|day)$", re.IGNORECASE)


def is_modifier(text: str, t: Timex) -> bool:
    """A hyphenated period used as an adjective before a noun ("second-quarter profit", "full-year sales")."""
    return bool(_PERIOD_ADJECTIVE.search(t.text)) and re.match(r" [a-z]", text[t.end : t.end + 2]) is not None


def _status(
    text: str, clause: Clause, t: Timex, d: FuzzyDate, reference: date | None, frame_text: str
) -> tuple[Status, str]:
    before = text[clause.start : t.start] if clause.start <= t.start else ""
    ctext = clause.text_in(text)
    if reference and d.earliest and d.earliest > reference:
        return Status.EXPECTED, ""  # "from October 6" ahead of the report: it has not begun
    if (
        (clause.link == "since" and clause.role != "subordinate")
        or _SINCE_BEFORE.search(before)
        or frame_text.lower().startswith("since")
        or t.text.lower().startswith("since")
    ):
        return Status.ONGOING, "ongoing since "
    if reference and d.earliest and d.earliest > reference:
        return Status.EXPECTED, ""
    if clause.role == "content" and _REPORTED_MODAL.search(ctext):
        # "warned that second-quarter profit would miss forecasts": a forecast, whatever period it is about.
        return Status.EXPECTED, "expected "
    strong = STRONG_EXPECTATION.search(ctext)
    if strong and _acted_before(ctext[: strong.start()]) and not (d.earliest and reference and d.earliest > reference):
        strong = None  # "backed a plan to cap ...": the backing happened; the plan is only its object
    future_words = strong or (WEAK_EXPECTATION.search(ctext) and not is_past(ctext))
    if future_words and not (reference and d.latest and d.latest < reference):
        return Status.EXPECTED, "expected "
    if ONGOING.search(ctext) and not is_past(ctext.replace("been", "")):
        return Status.ONGOING, ""
    return Status.OCCURRED, ""


def _link_relatives(
    out: list[Candidate], dated: dict[Clause, Candidate], clauses: list[Clause], reference: date | None
) -> None:
    """A pending main clause followed by a dated 'after/when ...' clause takes its date from it."""
    for i, clause in enumerate(clauses[:-1]):
        nxt = clauses[i + 1]
        if nxt.role != "subordinate" or nxt not in dated:
            continue
        cand = next((c for c in out if c.clause is clause and c.kind == "pending"), None)
        anchor = dated[nxt]
        if cand is None or anchor.date is None or anchor.date.start is None:
            continue
        point = anchor.date.start
        link = nxt.link
        cand.link = link
        if link in _SAME_TIME_LINKS:
            cand.date = FuzzyDate.point(point)
            cand.basis = f"“{link}” {_describe_anchor(anchor)}"
        elif link.endswith("after"):
            cand.date = FuzzyDate.bounded(point, DatePoint.day(reference) if reference else None)
            cand.basis = f"“{link}” {_describe_anchor(anchor)}"
        elif link in ("before", "until"):
            cand.date = FuzzyDate.bounded(None, point)
            cand.basis = f"“{link}” {_describe_anchor(anchor)}"
        else:
            continue
        cand.kind = "relative"


def _describe_anchor(anchor: Candidate) -> str:
    t = anchor.timexes[0]
    assert anchor.date is not None
    words = anchor.sentence.text[anchor.clause.start - anchor.sentence.start : t.start - anchor.sentence.start]
    words = " ".join(words.split()[-6:])
    return f"“{words} {t.text}” ({anchor.date.describe()})"


_VAGUE = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


def _dates(t: Timex, reference: date | None) -> bool:
    """Time expressions that can date a clause; vague ones ("recently", "now") only bound reports."""
    return fuzzy_date(t, reference) is not None


def _value_words(t: Timex) -> str:
    why = re.sub(r"^'[^']*':\s*", "", t.basis) if t.basis else ""
    return f"{t.value}: {why}" if why else t.value
