"""Actors, places and quantities named in a clause, by general surface rules.

Capitalised name sequences are names; a known country or city, or a name followed by a place
word ("region", "province"), is a place; titles ("President", "leader") mark the person after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline_app.core.events.gazetteer import country_of_adjective, place_name
from timeline_app.core.lang import alternation, table, word_list

_COMPANY_SUFFIXES = frozenset(w.lower() for w in word_list("company_suffixes"))
# Lower-case words inside a name ("Bank of England"); they, and "the", never end one.
_PARTICLES = alternation("name_particles", longest_first=False)
_CONNECTORS = frozenset((*word_list("name_particles"), "the"))
# Capitalised words that start sentences or name times, never actors.
_NOT_NAMES = frozenset(
    (
        *word_list("not_name_words"),
        *(month for month, _number, _form in table("months")),
        *(day for day, _number, form in table("weekdays") if form == "name"),
    )
)
TITLES = word_list("person_titles")
_PLACE_WORDS = frozenset(word_list("place_words"))
# Capitalised names of happenings, not of actors: "World War II", "Victory Day", "Olympic Games".
_EVENT_NAME_WORDS = frozenset(word_list("event_name_words"))
# A capitalised word, or one written in mixed case from its first letters ("iPhone", "eBay", "3GS" after it).
_NAME_TOKEN = r"(?:(?<![A-Za-z])[a-z]{1,2}[A-Z][\w'’.\-]*|(?<![A-Za-z])[A-Z][\w'’.\-]*[\w.]|(?<![A-Za-z])[A-Z])"
_NAME_SEQ = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:{_PARTICLES})\s+){{0,2}}{_NAME_TOKEN})*")
_TITLE_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + rf")\s+({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})"
)
_NUMBER = r"(?:\$|€|£)?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:\$|€|£)?\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion))?"
_QUANTITY = re.compile(
    rf"\b(?:(?:approximately|about|around|some|nearly|almost|over|more than|up to|at least|roughly)\s+)?"
    rf"(?<![\w.])(?:{_NUMBER}){_SCALE}(?:\s*(?:%|percent|per cent))?"
    rf"(?P<noun>(?:\s+[A-Za-z][a-z\-]*){{0,3}})"
)
_QUANTITY_STOP = frozenset(word_list("quantity_stop_words"))
# "three weeks" is a duration, which the date says; "century" has an irregular plural, so it is added here.
_TIME_UNITS = frozenset((*word_list("count_units"), "century"))


@dataclass(slots=True)
class Entities:
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)


def find_entities(
    text: str, blocked: list[tuple[int, int]] | None = None, known_names: set[str] | None = None
) -> Entities:
    """Entities in ``text``; spans in ``blocked`` (time expressions) are never quantities or names.

    A lone capitalised word opening the text is taken as a name only if ``known_names`` (words the
    document capitalises mid-sentence) has it: "Trade between the blocs rose" names nobody.
    """
    blocked = blocked or []
    found = Entities()
    titled = {m.group(1).rstrip(".") for m in _TITLE_RE.finditer(text)}
    for m in _NAME_SEQ.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        opening = not text[: m.start()].strip(" \"“'‘(")
        word = m.group(0)
        initials = 2 <= len(word) <= 5 and word.isupper()  # "GM", "NATO": a name wherever it stands
        if (
            opening
            and " " not in word
            and not initials
            and known_names is not None
            and word not in known_names
            and not place_name(word)
        ):
            continue
        pieces = re.split(r"['’]s\s+", m.group(0))
        for i, piece in enumerate(pieces):
            _classify(piece, text, m.end() if i == len(pieces) - 1 else m.start(), titled, found)
    found.quantities = _quantities(text, blocked)
    return found


def _classify(raw: str, text: str, end: int, titled: set[str], found: Entities) -> None:
    words = raw.split()
    while words and words[0].lower().strip(".") in _NOT_NAMES:
        words.pop(0)
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    if not words:
        return
    name = " ".join(words).rstrip(".")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    # Drop a leading nationality and title: "French President Anne Dupont" -> "Anne Dupont".
    parts = name.split()
    for size in (2, 1):
        if len(parts) > size and country_of_adjective(" ".join(parts[:size])):
            name = " ".join(parts[size:])
            break
    name = _after_title(name, found)
    if country_of_adjective(name):
        return
    following = text[end : end + 20].split()
    if place_name(name):
        _add(found.places, place_name(name) or name)
        return
    if len(name.split()) > 1 and name.split()[-1].lower() in _PLACE_WORDS:
        _add(found.places, name)
        return
    if following and following[0].lower().strip(".,") in _PLACE_WORDS:
        _add(found.places, f"{name} {following[0].strip('.,')}")
        return
    if len(name) > 1 and not name.isdigit() and not set(name.split()) & _EVENT_NAME_WORDS:
        _add(found.actors, name)


_TITLE_IN_NAME = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True) if t[0].isupper()) + r")\s+"
)


def _after_title(name: str, found: Entities) -> str:
    """'European Commission President Ann Lee' -> 'Ann Lee', keeping 'European Commission' as an actor."""
    last = None
    for m in _TITLE_IN_NAME.finditer(name):
        last = m
    if last is None or last.end() >= len(name):
        return name
    if name.split()[-1].strip(".").lower() in _COMPANY_SUFFIXES:
        return name  # "General Motors Corporation": a company's name, not General "Motors"
    prefix = name[: last.start()].strip()
    if prefix and not country_of_adjective(prefix) and not place_name(prefix):
        _add(found.actors, prefix)
    return name[last.end() :]


def _quantities(text: str, blocked: list[tuple[int, int]]) -> list[str]:
    out: list[str] = []
    for m in _QUANTITY.finditer(text):
        if any(s < m.start("noun") and m.start() < e for s, e in blocked):
            continue
        number = text[m.start() : m.start("noun")].strip()
        digits = re.sub(r"[^\d]", "", number)
        if re.fullmatch(r"1[89]\d\d|20\d\d", number):
            continue  # a year, not an amount
        nouns: list[str] = []
        for word in m.group("noun").split():
            if word.lower() in _QUANTITY_STOP or (nouns and word.endswith(("ed", "ly"))):
                break
            nouns.append(word)
        if not digits or (not nouns and not any(u in number for u in ("%", "percent", "$", "€", "£"))):
            continue
        if nouns and _singular(nouns[0].lower()) in _TIME_UNITS:
            continue  # a duration, said by the date
        _add(out, " ".join([number, *nouns]))
    return out


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


class ShortNames:
    """The names of one document, indexed so that a short form finds its full name in one look-up.

    A document names thousands of actors when it is long; scanning them all for every event's names
    made a long document cost the square of its length.
    """

    def __init__(self, known: Iterable[str]) -> None:
        # The first name that fits wins, as when the names are read in order.
        self._by_word: dict[str, str] = {}  # a one-word name: any longer name with the word
        self._by_ending: dict[tuple[str, ...], str] = {}  # a longer one: a name with more words ending in it
        for name in known:
            words = name.lower().split()
            if len(words) < 2:
                continue
            for word in words:
                self._by_word.setdefault(word, name)
            for size in range(2, len(words)):
                self._by_ending.setdefault(tuple(words[-size:]), name)

    def full(self, name: str) -> str:
        words = name.lower().split()
        if not words:
            return name
        if len(words) == 1:
            return self._by_word.get(words[0], name)
        return self._by_ending.get(tuple(words), name)


def merge_short_names(names: list[str], known: Iterable[str] | ShortNames) -> list[str]:
    """Map "Dupont" to "Anne Dupont" (and "Von der Leyen" to "Ursula von der Leyen") within one document."""
    index = known if isinstance(known, ShortNames) else ShortNames(known)
    out: list[str] = []
    for name in names:
        _add(out, index.full(name))
    return out
