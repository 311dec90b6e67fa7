"""The year of a dateline that gives only a month and a day ("WASHINGTON, March 22 (AP) --").

Every clue the text offers is weighed for each candidate year: the weekday the lead gives the
report's own day (or the day before, as wire leads often tell yesterday's news), years stated in
the text (the latest past one is most often this year or last), "last year" beside a stated year,
anniversaries of events of known year, and ages beside years of birth. A year is chosen as sure
only when the clues single it out; otherwise the best candidate is kept as unsure, with the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline_app.core.lang import word_list

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d$£€.,])\b(1[89]\d\d|20\d\d)\b(?![\d%]|\s*(?:percent|per\s+cent))")
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|expected|planned|scheduled|due|next|in\s+time\s+for|"
    r"target|goal|forecast|projected|plans?|aims?)\b[^.;!?]{0,40}$",
    re.IGNORECASE,
)
_BORN = re.compile(r"\bborn\b[^.;!?]{0,40}?\b(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
_AGE = re.compile(r"(?:,\s*(\d{1,3})\s*,|\baged?\s+(\d{1,3})\b|\b(\d{1,3})-year-old\b)", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
# How far back a year-less dateline may plausibly lie.
YEARS_BACK = 60
# Score at which a year counts as singled out, and the lead it needs over the next candidate.
_RECENT, _RECENT_YEARS = 2.0, 8
_SURE = 4.0
_MARGIN = 1.0


@dataclass(slots=True)
class YearChoice:
    """The chosen day, whether the clues single it out, and the words that say why."""

    day: date
    sure: bool
    reasons: list[str] = field(default_factory=list)
    others: list[int] = field(default_factory=list)  # other candidate years, best first


@dataclass(frozen=True, slots=True)
class YearClues:
    """What the text says about its own year, gathered once."""

    lead_weekdays: dict[int, str]  # weekday index -> the word, from the lead
    past_years: list[int]
    future_years: list[int]
    hinted: dict[int, str]  # year -> why ("last year" beside a stated year, anniversaries, ages)
    # office holders named by title ("President Clinton"): their words and years in office
    offices: list[tuple[str, tuple[tuple[int, int], ...]]] = field(default_factory=list)


def gather_clues(text: str, lead: str, hinted: dict[int, str], today: date) -> YearClues:
    weekdays = {WEEKDAYS.index(w.lower()): w for w in _WEEKDAY.findall(lead)}
    past: list[int] = []
    future: list[int] = []
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if year > today.year + 30:
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        (future if _FUTURE_BEFORE.search(before) else past).append(year)
    hints = dict(hinted)
    for year, why in _age_years(text).items():
        hints.setdefault(year, why)
    return YearClues(weekdays, past, future, hints, office_terms(text, today))


def choose_year(month: int, day: int, clues: YearClues, today: date) -> YearChoice | None:
    candidates = [
        d for y in range(today.year - YEARS_BACK, today.year + 1) if (d := _safe_date(y, month, day)) and d <= today
    ]
    if not candidates:
        return None
    scored = sorted(((_score(c, clues, today), c) for c in candidates), key=lambda item: (item[0].rank, item[1]))
    scored.reverse()
    best, chosen = scored[0]
    runner_up = scored[1][0].rank if len(scored) > 1 else float("-inf")
    # Sure only when clues of different kinds agree: a recent year is likelier, but says nothing by itself.
    # Office holders narrow the years to a term but name none of them: they rank, they do not make sure.
    sure = len(best.kinds - {"office"}) >= 2 and best.evidence >= _SURE and best.rank - runner_up >= _MARGIN
    others = [c.year for s, c in scored[1:4] if s.evidence > 0]
    return YearChoice(chosen, sure, best.reasons, others)


@dataclass(slots=True)
class _Score:
    evidence: float = 0.0
    prior: float = 0.0
    kinds: set[str] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)

    @property
    def rank(self) -> float:
        return self.evidence + self.prior

    def add(self, points: float, kind: str, reason: str) -> None:
        self.evidence += points
        self.kinds.add(kind)
        self.reasons.append(reason)


def _score(candidate: date, clues: YearClues, today: date) -> _Score:
    year = candidate.year
    # Text pasted without its year is most often recent: a prior that fades over the years before today.
    s = _Score(prior=_RECENT * max(0.0, 1 - (today - candidate).days / (365.25 * _RECENT_YEARS)))
    if clues.lead_weekdays:
        same = clues.lead_weekdays.get(candidate.weekday())
        before = clues.lead_weekdays.get((candidate - timedelta(days=1)).weekday())
        if same:
            s.add(3, "weekday", f"{candidate:%b} {candidate.day} {year} was a {same}")
        elif before:
            s.add(1.5, "weekday", f"the lead's {before} is the day before {candidate:%b} {candidate.day} {year}")
        else:
            s.evidence -= 2
    if year in clues.hinted:
        why = clues.hinted[year]
        strong = "anniversary" in why or "since" in why
        s.add(5 if strong else 3 if why.startswith("age") else 2, "stated", why)
    if clues.past_years:
        # News is written in the latest year it tells of as past, or soon after.
        latest = max(clues.past_years)
        if year < latest:
            s.evidence -= 4
        elif year - latest <= 1:
            s.add(1.5, "years", f"the latest year the text tells of is {latest}")
        elif not clues.hinted:
            s.evidence -= min(0.25 * (year - latest - 1), 1.5)  # long after the latest year it tells of: less likely
    if clues.future_years and year > min(clues.future_years):
        s.evidence -= 2  # a year still to come lies after the article
    for words, terms in clues.offices:
        if any(first <= year <= last for first, last in terms):
            s.add(2.5, "office", f"“{words}” held office then")
        else:
            s.evidence -= 3
    return s


def _office_table() -> dict[str, list[tuple[str, int, int]]]:
    """Surname -> (title alternation, first year, last year) from lang/en/office_holders.tsv."""
    table: dict[str, list[tuple[str, int, int]]] = {}
    for line in word_list("office_holders", suffix=".tsv"):
        titles, surname, first, last = line.split("\t")
        table.setdefault(surname, []).append((titles, int(first), 9999 if last == "-" else int(last)))
    return table


_OFFICES = _office_table()
_OFFICE_MENTION = re.compile(
    r"(?P<former>\b(?:former|late|ex-)\s+)?\b(?P<title>"
    + "|".join(
        sorted(
            {re.escape(t) for rows in _OFFICES.values() for ts, _a, _b in rows for t in ts.split("|")},
            key=len,
            reverse=True,
        )
    )
    + r")\s+(?:[A-Z][\w.\-]*\s+){0,2}?(?P<name>"
    + "|".join(sorted((re.escape(n) for n in _OFFICES), key=len, reverse=True))
    + r")\b"
    + r"|\b(?P<admin>"
    + "|".join(
        sorted(
            (re.escape(n) for n, rows in _OFFICES.items() if any(ts == "President" for ts, _a, _b in rows)),
            key=len,
            reverse=True,
        )
    )
    + r")\s+administration\b"
)


def office_terms(text: str, today: date) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    """Office holders the text names by their title, while in office, each with their years in it."""
    found: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    for m in _OFFICE_MENTION.finditer(text):
        if m.group("admin"):
            name, title = m.group("admin"), "President"
        else:
            if m.group("former"):
                continue  # "former President Carter" says nothing of when the text was written
            name, title = m.group("name"), m.group("title")
        terms = tuple(
            (first, min(last, today.year))
            for titles, first, last in _OFFICES.get(name, [])
            if title in titles.split("|") or title.split()[-1] in titles.split("|")
        )
        if terms and name not in found:
            found[name] = (m.group(0).strip(), terms)
    return list(found.values())


def _age_years(text: str) -> dict[int, str]:
    """'Doe, 45, ... born in 1952' in one sentence: the article was written in 1997 or 1998."""
    out: dict[int, str] = {}
    for sentence in _SENTENCE.findall(text):
        born = _BORN.search(sentence)
        age = _AGE.search(sentence)
        if born and age:
            n = int(next(g for g in age.groups() if g))
            if 0 < n < 120:
                # Before or after the birthday: either year fits.
                for year in (int(born.group(1)) + n, int(born.group(1)) + n + 1):
                    out.setdefault(year, f"age {n} beside a birth in {born.group(1)}")
    return out


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
