"""Words of English time expressions and the regex fragments built from them.

Fragments are plain strings; patterns.py compiles them once. Month and weekday names are
matched case-insensitively there and their capitalisation is checked afterwards, so that
"may" the modal and "march" the verb never become months.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI",
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "single": 1, "couple": 2,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "last": -1, "final": -1,
}  # fmt: skip

# Words that make a count vague: "several years" is PXY.
VAGUE_COUNTS = ("several", "a few", "few", "many", "some", "numerous", "a number of", "countless")

# TimeML duration letters per unit; time units go after the "T".
UNIT_CODES: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "millennium": "ML",
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# Fixed-date holidays (month, day); the movable ones are computed in rules_periods.py.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "boxing day": (12, 26), "bastille day": (7, 14), "veterans day": (11, 11),
    "remembrance day": (11, 11), "armistice day": (11, 11), "juneteenth": (6, 19), "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17), "saint patrick's day": (3, 17), "canada day": (7, 1), "australia day": (1, 26),
    "anzac day": (4, 25), "may day": (5, 1), "guy fawkes night": (11, 5), "bonfire night": (11, 5),
    "hogmanay": (12, 31), "ve day": (5, 8), "vj day": (8, 15),
    "earth day": (4, 22), "world aids day": (12, 1), "groundhog day": (2, 2),
}  # fmt: skip

# Holidays on the n-th weekday of a month (month, weekday with Monday = 0, n; -1 = last): US calendar.
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "labor day": (9, 0, 1), "labour day": (9, 0, 1), "memorial day": (5, 0, -1), "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4), "martin luther king day": (1, 0, 3), "martin luther king jr. day": (1, 0, 3),
    "mlk day": (1, 0, 3), "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3), "president's day": (2, 0, 3),
    "columbus day": (10, 0, 2), "indigenous peoples' day": (10, 0, 2), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
}  # fmt: skip

# Days counted from Easter Sunday.
EASTER_OFFSETS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2, "holy saturday": -1,
    "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "whit monday": 50,
}  # fmt: skip


def alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation trying longer words first, so "sept" wins over "sep"."""
    return "|".join(sorted((w.replace(" ", r"\s+").replace(".", r"\.") for w in words), key=len, reverse=True))


_MONTH_FULL = [m for m in MONTHS if (len(m) > 3 or m == "may") and m != "sept"]
_MONTH_ABBR = [m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")]

# A month name: full, or abbreviated with an optional period ("Sept.", "Sep").
MONTH = rf"(?:{alternation(_MONTH_FULL)}|(?:{alternation(_MONTH_ABBR)})\.?)"
MONTH_FULL = rf"(?:{alternation(_MONTH_FULL)}|sept\.)"
WEEKDAY = rf"(?:{alternation([w for w in WEEKDAYS if len(w) > 4])})"
_WEEKDAY_ABBR = [w for w in WEEKDAYS if len(w) <= 5 and not w.endswith("day")]
WEEKDAY_ANY = rf"(?:{alternation([w for w in WEEKDAYS if len(w) > 4])}|(?:{alternation(_WEEKDAY_ABBR)})\.?)"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_UNITS_ORD = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
DAY_ORD_WORD = rf"(?:{alternation([w for w in ORDINALS if ORDINALS[w] > 0])}|twenty-?(?:{_UNITS_ORD})|thirty-?first)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
SEASON = rf"(?:{alternation(list(SEASONS))})"
DAY_PART = r"(?:morning|afternoon|evening|night)"

_UNIT_WORDS = ["second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade"]
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
