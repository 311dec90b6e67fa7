"""Title and dateline detection.

A news dateline opens the body: "Lima, Jun 12 (Agency) ...", "LONDON, March 3, 2021 (Reuters) -",
"NAIROBI, Kenya (AP) _", or a bare date line under the headline ("March 06, 2008").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

_DATE = rf"(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s*(?P<year>\d{{4}}))?"
_DATE_DMY = rf"(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_PATTERN})(?:\s*,?\s*(?P<year2>\d{{4}}))?"
_DATE_AFTER_AGENCY = re.compile(rf"[ \t]*{_DATE}[ \t]*(?:[-—–_:]+[ \t]*)?")
_WORD = r"[A-ZÀ-ÖØ-Þ][\w.'\-]*"
_PLACE = rf"(?P<place>{_WORD}(?:[ \-]{_WORD}){{0,3}}(?:,[ \t]*{_WORD}(?:[ \t]{_WORD}){{0,2}})?)"
_AGENCY = r"\((?P<agency>[^()\n]{1,40})\)"
_AGENCY2 = _AGENCY.replace("agency", "agency2")

# "Place, Date (Agency) -", "Place (Agency) -", "Place, Date -" at the start of a line.
_DATELINE = re.compile(
    rf"^[ \t]*{_PLACE}[ \t]*,?[ \t]*(?:(?:{_DATE}|{_DATE_DMY})[ \t]*(?:{_AGENCY})?|{_AGENCY2})"
    r"[ \t]*(?:[-—–_:]+[ \t]*)?\n*",
    re.MULTILINE,
)
# A line (or the start of a line) that is just a date: "March 06 , 2008", "4 September 2025".
_DATE_WITH_YEAR = rf"(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>\d{{4}})\b"
_DATE_DMY_WITH_YEAR = rf"(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_PATTERN})\s*,?\s*(?P<year2>\d{{4}})\b"
_DATE_LINE = re.compile(
    rf"(?:^|(?<=\s))(?:(?:Published|Updated|Posted)(?:\s+on)?:?\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_DATE_WITH_YEAR}|{_DATE_DMY_WITH_YEAR})",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int  # where the body text begins
    place: str | None
    agency: str | None
    month: int | None
    day: int | None
    year: int | None
    date_start: int | None  # offsets of the date words, when the dateline has a date
    date_end: int | None

    @property
    def has_date(self) -> bool:
        return self.month is not None and self.day is not None


def find_dateline(text: str, search_chars: int = 1500) -> Dateline | None:
    """The dateline near the start of the text; further down only one with a date (paragraphs may be reordered)."""
    found = _first_dateline(text[:search_chars], text)
    if found is None:
        found = _first_dateline(text[search_chars:], text, offset=search_chars, need_date=True)
    if found is None:
        found = _caps_dateline(text, search_chars)
    return found


def _first_dateline(part: str, text: str, offset: int = 0, need_date: bool = False) -> Dateline | None:
    for m in _DATELINE.finditer(part):
        if m.group("place").split()[0].lower() in _PUBLICATION_WORDS:
            continue  # "Published 14 March 2024" is a date line, not a place
        has_date = bool(m.group("month") or m.group("month2"))
        agency = m.group("agency") or m.group("agency2")
        if not has_date and (need_date or not _agency_like(agency)):
            continue
        if offset + m.end() >= len(text):
            continue
        found = _build(m, m.group("place"), agency, offset)
        late = None if has_date else _DATE_AFTER_AGENCY.match(text, found.end)
        if late is not None:
            # "Place (Agency) Sep 4 -": the date follows the agency.
            month = MONTHS.get(late.group("month").rstrip(".").lower())
            day = int(late.group("day"))
            year = int(late.group("year")) if late.group("year") else None
            if month and 1 <= day <= 31:
                return replace(
                    found, end=late.end(), month=month, day=day, year=year,
                    date_start=late.start("month"), date_end=late.end("year") if year else late.end("day"),
                )  # fmt: skip
        return found
    return None


_PUBLICATION_WORDS = frozenset(["published", "updated", "posted", "modified", "last", "first"])


def find_date_line(text: str, search_chars: int = 400) -> Dateline | None:
    """A bare date written near the top (as under a headline), without place or agency."""
    for m in _DATE_LINE.finditer(text[:search_chars]):
        # A header date stands alone: on its own line or straight before the body's first word,
        # unlike a date inside a sentence ("debentures due March 1, 2011.").
        if _HEADER_END.match(text, m.end()) and not _SENTENCE_BEFORE.search(text[: m.start()]):
            return _build(m, None, None, 0)
    return None


_HEADER_END = re.compile(r"[ \t]*(?:\n|$|[A-Z“\"])")
_SENTENCE_BEFORE = re.compile(r"[a-z0-9][.!?][\"”']?\s+[A-Z]")


# "WASHINGTON _", "NEW YORK —": a capitalised place and a dash, no date or agency.
_CAPS_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\-]+(?:[ \t][A-Z][A-Z.'\-]+){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.'\-]+(?:[ \t][A-Z][A-Za-z.'\-]+)?)?)[ \t]+(?:_|—|–|--)[ \t]*\n*",
    re.MULTILINE,
)


def _caps_dateline(text: str, search_chars: int) -> Dateline | None:
    m = _CAPS_DATELINE.search(text[:search_chars])
    if m is None or m.end() >= len(text):
        return None
    return Dateline(m.start(), m.end(), m.group("place").strip(), None, None, None, None, None, None)


def _agency_like(agency: str) -> bool:
    words = agency.split()
    return 1 <= len(words) <= 4 and agency[:1].isupper()


def _build(m: re.Match[str], place: str | None, agency: str | None, offset: int) -> Dateline:
    month_word = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    year = m.group("year") or m.group("year2")
    month = MONTHS.get(month_word.rstrip(".").lower()) if month_word else None
    day_n = int(day) if day else None
    if day_n is not None and not 1 <= day_n <= 31:
        month = day_n = None
    if month_word:
        span_start = min(m.start(g) for g in ("month", "day", "month2", "day2") if m.start(g) >= 0)
        span_end = max(m.end(g) for g in ("month", "day", "year", "month2", "day2", "year2") if m.start(g) >= 0)
    else:
        span_start = span_end = -1
    return Dateline(
        start=offset + m.start(),
        end=offset + m.end(),
        place=place.strip() if place else None,
        agency=agency.strip() if agency else None,
        month=month,
        day=day_n,
        year=int(year) if year else None,
        date_start=offset + span_start if month else None,
        date_end=offset + span_end if month else None,
    )


_HEADING_MAX = 160
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"'”][.!?])\s+(?=[\"“A-Z])")


def detect_title(text: str, path: Path | None = None) -> str:
    """The headline: the first short line; else the opening sentence of the body, shortened."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        dateline = _DATELINE_START.match(line) or _CAPS_DATELINE.match(line)
        if dateline:
            line = line[dateline.end() :].lstrip(" \t-—–_:")
            if not line:
                continue
        elif len(line) <= _HEADING_MAX and len(_SENTENCE_END.split(line, maxsplit=1)) == 1:
            return line
        sentence = _SENTENCE_END.split(line, maxsplit=1)[0]
        return _shorten(sentence)
    return path.stem if path is not None else ""


def _shorten(sentence: str, limit: int = 110) -> str:
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


_DATELINE_START = re.compile(rf"^{_PLACE}[ \t]*,?[ \t]*(?:{_DATE}[ \t]*)?{_AGENCY}")
