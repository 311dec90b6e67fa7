"""Years of widely commemorated events, so that "the 80th anniversary of ..." can date an article.

General knowledge only, kept in ``lang/en/historical_years.tsv``; each entry is (year, patterns
naming the event). Patterns are regular expressions matched case-insensitively as whole words in
the words following "anniversary of".
"""

from __future__ import annotations

import re

from timeline_app.core.lang import table

_NAMED_PART = re.compile(r"%(\w+)")


def _historical_years() -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The table's patterns by year, in its order; "%name" rows name fragments the later patterns use."""
    parts: dict[str, str] = {}
    years: dict[int, list[str]] = {}
    for key, pattern in table("historical_years"):
        expanded = _NAMED_PART.sub(lambda m: parts[m.group(1)], pattern)
        if key.startswith("%"):
            parts[key[1:]] = expanded
        else:
            years.setdefault(int(key), []).append(expanded)
    return tuple((year, tuple(patterns)) for year, patterns in years.items())


HISTORICAL_YEARS: tuple[tuple[int, tuple[str, ...]], ...] = _historical_years()
