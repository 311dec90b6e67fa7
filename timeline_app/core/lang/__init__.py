"""Language data kept as files: one list per file, loaded once, referred to by name.

``lang/<language>/<name>.txt`` holds one entry per line; ``<name>.tsv`` is a table, one row per
line with its cells separated by tabs. In both, '#' starts a comment and blank lines are skipped.
A list whose entries are regular-expression fragments rather than words says so in its opening
comment and is read with ``fragments``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def word_list(name: str, language: str = "en", suffix: str = ".txt") -> tuple[str, ...]:
    """The entries of ``lang/<language>/<name>.txt``: one per line, '#' starts a comment, blank lines skipped.

    Tab-separated tables (``suffix=".tsv"``) keep their tabs inside each entry.
    """
    raw = resources.files(__package__).joinpath(language, f"{name}{suffix}").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip(" \r\n") for line in raw.splitlines())
    return tuple(e for e in entries if e.strip())


@cache
def table(name: str, language: str = "en") -> tuple[tuple[str, ...], ...]:
    """The rows of ``lang/<language>/<name>.tsv``, each as its tab-separated cells."""
    return tuple(tuple(row.split("\t")) for row in word_list(name, language, ".tsv"))


@cache
def alternation(name: str, language: str = "en", *, longest_first: bool = True) -> str:
    """A regex alternation of a list's entries, spaces matching any whitespace.

    Longest first unless ``longest_first`` is False: then in the file's order, for a rule whose
    words are tried in the order they are written.
    """
    parts = word_list(name, language)
    if longest_first:
        parts = tuple(sorted(parts, key=len, reverse=True))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


@cache
def fragments(name: str, language: str = "en") -> str:
    """A regex alternation of a list whose entries are regular-expression fragments, in the file's order."""
    return "|".join(word_list(name, language))
