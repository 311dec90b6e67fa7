"""Words of English time expressions and the regex fragments built from them.

The words are data (``lang/en/months.tsv``, ``number_words.tsv``, ``holidays.tsv``, ...), read once
here. Fragments are plain strings; the rule modules compile them once. Month and weekday names are
matched case-insensitively there and their capitalisation is checked afterwards, so that
"may" the modal and "march" the verb never become months.
"""

from __future__ import annotations

from timeline_app.core.lang import table, word_list


def _numbered(name: str) -> dict[str, int]:
    """A two-column table of words and whole numbers, in the file's order."""
    return {word: int(number) for word, number in table(name)}


def _coded(name: str) -> dict[str, str]:
    return {word: code for word, code in table(name)}


MONTHS: dict[str, int] = {month: int(number) for month, number, _form in table("months")}
WEEKDAYS: dict[str, int] = {day: int(number) for day, number, _form in table("weekdays")}
SEASONS: dict[str, str] = _coded("seasons")
DAY_PARTS: dict[str, str] = _coded("day_parts")
NUMBER_WORDS: dict[str, int] = _numbered("number_words")
ORDINALS: dict[str, int] = _numbered("ordinals")
VAGUE_COUNTS = word_list("vague_counts")

UNIT_CODES: dict[str, str] = {unit: code for unit, code, _part in table("duration_units")}
TIME_UNITS = frozenset(unit for unit, _code, part in table("duration_units") if part == "time")

DECADE_WORDS: dict[str, int] = _numbered("decade_words")
# Words before a count that say how exact it is ("about three years", "more than a decade ago"): the TimeML mod.
COUNT_MODIFIERS: dict[str, str] = _coded("count_modifiers")

# The movable holidays are computed in rules_periods.py from these tables.
HOLIDAYS: dict[str, tuple[int, int]] = {name: (int(month), int(day)) for name, month, day in table("holidays")}
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    name: (int(month), int(weekday), int(n)) for name, month, weekday, n in table("weekday_holidays")
}
EASTER_OFFSETS: dict[str, int] = _numbered("easter_holidays")


def alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation trying longer words first, so "sept" wins over "sep"."""
    return "|".join(sorted((w.replace(" ", r"\s+").replace(".", r"\.") for w in words), key=len, reverse=True))


_MONTH_FULL = [m for m, _number, form in table("months") if form == "name"]
_MONTH_ABBR = [m for m, _number, form in table("months") if form == "abbreviation"]

# A month name: full, or abbreviated with an optional period ("Sept.", "Sep").
MONTH = rf"(?:{alternation(_MONTH_FULL)}|(?:{alternation(_MONTH_ABBR)})\.?)"
MONTH_FULL = rf"(?:{alternation(_MONTH_FULL)}|sept\.)"
# Weekday names, and "thurs", which is also read as a name without its full stop.
WEEKDAY = rf"(?:{alternation([w for w in WEEKDAYS if len(w) > 4])})"
_WEEKDAY_ABBR = [w for w, _number, form in table("weekdays") if form == "abbreviation"]
WEEKDAY_ANY = rf"(?:{alternation([w for w in WEEKDAYS if len(w) > 4])}|(?:{alternation(_WEEKDAY_ABBR)})\.?)"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_UNITS_ORD = "|".join(w for w, v in ORDINALS.items() if 0 < v < 10)
DAY_ORD_WORD = rf"(?:{alternation([w for w in ORDINALS if ORDINALS[w] > 0])}|twenty-?(?:{_UNITS_ORD})|thirty-?first)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
SEASON = rf"(?:{alternation(list(SEASONS))})"
COUNT_MODIFIER = alternation(list(COUNT_MODIFIERS))
DAY_PART = r"(?:morning|afternoon|evening|night)"

_UNIT_WORDS = list(word_list("count_units"))
UNIT = rf"(?:(?:{alternation(_UNIT_WORDS)})s?|centur(?:y|ies)|millenni(?:um|a))"
UNIT_SINGULAR = rf"(?:{alternation(_UNIT_WORDS)}|century)"

_SMALL = [w for w, v in NUMBER_WORDS.items() if v < 20 and w not in ("a", "an", "single", "couple")]
_TENS = [w for w, v in NUMBER_WORDS.items() if 20 <= v < 100]
_DIGIT_WORDS = [w for w in _SMALL if NUMBER_WORDS[w] < 10]
NUMBER_WORD = rf"(?:(?:{alternation(_TENS)})(?:[-\s](?:{alternation(_DIGIT_WORDS)}))?|{alternation(_SMALL)})"
NUMBER_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+\d/\d)?"
COUNT = (
    rf"(?:{NUMBER_DIGITS}|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|a\s+(?:couple\s+of|few|dozen|hundred|half)|"
    rf"(?:a\s+)?half(?:\s+an?)?|couple\s+of|an?|several|few|many|some|(?:a\s+)?number\s+of|numerous|dozens\s+of|hundreds\s+of|"
    rf"(?:{NUMBER_WORD}|\d+)\s+(?:to|or)\s+(?:{NUMBER_WORD}|\d+))"
)
