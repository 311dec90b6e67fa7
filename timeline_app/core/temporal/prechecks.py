"""Where a rule can match, found before the rule runs.

A rule's pattern is a long alternation built from the word lists (month names, number words,
units, ...): searched for at every position of a text, it costs the tagger most of its time.
But a rule can only match where a word begins with one of the ways its pattern can begin
("three years ago" begins with a count: a digit, "a", "several", "three", ...). Those beginnings
are read from the compiled pattern itself, so they follow the word lists with no second list to
keep. A text is indexed once by the first letter of each word; each rule is then tried only at
the words that begin as it can, and a rule none of whose beginnings occur does not run at all.

The result is the one a search of every position gives: a rule whose beginnings cannot be read
(a pattern that may begin with any character) is searched everywhere as before.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

try:
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python's regex internals: every rule searches everywhere
    sre_parser = sre_constants = None

# Every rule's pattern opens with this (base.rule): no match starts right after a letter or digit.
WORD_START_GUARD = r"(?<![\w/$£€])"
# Where a match can begin: a word, or a sign that is not a space, after no letter or digit.
_WORD = re.compile(r"(?<!\w)(?:\w+|\S)")
# A character class wider than this is no useful beginning.
_WIDEST_CLASS = 64


@dataclass(frozen=True, slots=True)
class Beginnings:
    """The lower-case ASCII strings one of which every match of a rule begins with.

    A match beginning with any other character than ASCII is always tried (case-insensitive
    matching makes "ſ" an "s" and "K" a "k"), so only ASCII beginnings need to be listed.
    """

    prefixes: frozenset[str]
    by_first: tuple[tuple[str, tuple[str, ...]], ...]  # the prefixes by their first character
    heads: frozenset[str]  # what a shorter word can be and still be followed by the rest ("sept" of "sept.")

    @classmethod
    def of(cls, prefixes: set[str]) -> Beginnings:
        grouped: dict[str, set[str]] = defaultdict(set)
        for p in prefixes:
            grouped[p[0]].add(p)
        by_first = tuple((c, tuple(sorted(ps))) for c, ps in sorted(grouped.items()))
        heads = frozenset(p[:n] for p in prefixes for n in range(1, len(p)))
        return cls(frozenset(prefixes), by_first, heads)


def beginnings(pattern: re.Pattern[str]) -> Beginnings | None:
    """How every match of a rule's compiled pattern begins; None when it could begin anywhere."""
    if sre_parser is None or not pattern.pattern.startswith(WORD_START_GUARD):
        return None
    try:
        parsed = sre_parser.parse(pattern.pattern, pattern.flags)
        found = _sequence(list(parsed.data))
    except Exception:  # a construct this reading does not know: search everywhere, as the safe answer
        return None
    if not found or any(not p or p[0].isspace() for p in found):
        return None  # a match could begin on a space, which no word start marks
    return Beginnings.of(found)


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The literal beginnings of a sequence of parsed items; None when one may begin with anything."""
    c = sre_constants
    out: set[str] = set()
    for i, (op, av) in enumerate(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: what follows begins the match
        if op is c.LITERAL:
            return out | {_literal_run(items, i)}
        if op is c.IN:
            chars = _charset(av)
            if chars is None:
                return None
            return out | chars
        if op is c.SUBPATTERN:
            inner = av[-1]
            alternatives = [inner]
        elif op is c.BRANCH:
            alternatives = list(av[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            low, _high, inner = av
            alternatives = [inner]
            if low == 0:
                alternatives.append(None)  # may be skipped altogether
        else:
            return None
        empty = False
        for alt in alternatives:
            if alt is None:
                empty = True
                continue
            found = _sequence(list(alt.data))
            if found is None:
                return None
            out |= found
            empty = empty or alt.getwidth()[0] == 0
        if not empty:
            return out
    return None  # the whole sequence may match nothing: it begins wherever what follows does


def _literal_run(items: list[tuple[Any, Any]], start: int) -> str:
    """The lower-case ASCII letters the sequence spells from `start` ('' if the first is not ASCII)."""
    run = []
    for op, av in items[start:]:
        if op is not sre_constants.LITERAL or av > 127:
            break
        run.append(chr(av).lower())
    return "".join(run)


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    c = sre_constants
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            if av <= 127:
                chars.add(chr(av).lower())
        elif op is c.RANGE:
            low, high = av
            if high - low > _WIDEST_CLASS:
                return None
            chars.update(chr(x).lower() for x in range(low, min(high, 127) + 1))
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            chars.update("0123456789")  # other scripts' digits are not ASCII: always tried
        else:
            return None
    return chars


class Starts:
    """The words (and signs) of one text, each with the places where it begins."""

    def __init__(self, text: str) -> None:
        self.text = text
        places: dict[str, list[int]] = defaultdict(list)
        self.other: list[int] = []  # words with a character that is not ASCII: always tried
        for m in _WORD.finditer(text):
            word = m.group()
            if word.isascii():
                places[word.lower()].append(m.start())
            else:
                self.other.append(m.start())
        self.places = places

    def of(self, wanted: Beginnings) -> list[int]:
        """Where a match with these beginnings may start, in order."""
        return Catalogue((wanted,)).places(self)[0]


# (word, beginnings): where the word stands, whether it begins the match ("all") or only may ("sept" of "sept.").
Verdict = tuple[int, tuple[str, ...] | None]


class Catalogue:
    """Which of several rules' beginnings each word can open, remembered across texts: a word is judged
    once, and a text's places for every rule come from one pass over its words."""

    _MOST_WORDS = 200_000  # judged words kept; beyond that the memory starts again

    def __init__(self, kinds: tuple[Beginnings, ...]) -> None:
        self.kinds = kinds
        self._by_first = [dict(kind.by_first) for kind in kinds]
        self._verdicts: dict[str, tuple[Verdict, ...]] = {}

    def verdicts(self, word: str) -> tuple[Verdict, ...]:
        known = self._verdicts.get(word)
        if known is None:
            found: list[Verdict] = []
            first = word[0]
            for n, kind in enumerate(self.kinds):
                prefixes = self._by_first[n].get(first)
                if prefixes is None:
                    continue
                if word.startswith(prefixes):
                    found.append((n, None))
                elif word in kind.heads:
                    found.append((n, tuple(p for p in prefixes if p.startswith(word))))
            known = tuple(found)
            if len(self._verdicts) >= self._MOST_WORDS:
                self._verdicts.clear()
            self._verdicts[word] = known
        return known

    def places(self, starts: Starts) -> list[list[int]]:
        """For each kind of beginnings, where in the text a match may start, in order."""
        text = starts.text
        found: list[list[int]] = [list(starts.other) for _ in self.kinds]
        for word, at in starts.places.items():
            for n, longer in self.verdicts(word):
                if longer is None:
                    found[n].extend(at)
                else:
                    # A beginning longer than the word ("sept." for "Sept", "year-" for "year"): what follows decides.
                    size = max(len(p) for p in longer)
                    found[n].extend(a for a in at if _begins(text[a : a + size], longer))
        for places in found:
            places.sort()
        return found


def _begins(piece: str, prefixes: tuple[str, ...]) -> bool:
    return not piece.isascii() or piece.lower().startswith(prefixes)


def first_match(pattern: re.Pattern[str], text: str, places: list[int], pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)``, trying only the given places (all a match can start at)."""
    for i in range(bisect.bisect_left(places, pos), len(places)):
        m = pattern.match(text, places[i])
        if m is not None:
            return m
    return None
