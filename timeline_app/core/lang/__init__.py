"""Language data kept as files: one list per file, loaded once, referred to by name."""

from __future__ import annotations

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


def alternation(name: str, language: str = "en") -> str:
    """A regex alternation of a list's entries, longest first, spaces matching any whitespace."""
    import re

    parts = sorted(word_list(name, language), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
