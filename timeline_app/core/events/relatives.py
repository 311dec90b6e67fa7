"""Non-restrictive relative clauses ("Jane Doe, who took over in 2021, said ..."): asides with their own time.

The aside's date belongs to the aside, never to the sentence around it. The sentence is read with the
aside blanked out (same length, so offsets hold), and the aside becomes a clause of its own whose subject
is the noun phrase it hangs on.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from timeline_app.core.model import Timex

# ", who took over in January 2021," — closed by a comma, then the main clause goes on with a lower-case word.
_RELATIVE = re.compile(
    r",\s+(?P<pronoun>who|which|whose|whom|where)\s+(?P<body>(?:[^,;:.!?\"“”()\n]|(?<=[A-Z])\.){3,140}?),\s+"
    r"(?=(?!(?:and|but|or|nor|while|as|so|then)\b)[a-z])",
)
# "..., replacing Jane Doe, who stepped down in June." — an aside about a person that ends the sentence.
_TRAILING_WHO = re.compile(r",\s+(?P<pronoun>who)\s+(?P<body>[^,;:.!?\"“”()\n]{3,140}?)(?=[.!?](?:[\"”]?\s|$))")
_TRAILING_NAME = re.compile(r"(?<![\w'’\-])(?:[^\W\d_a-z][\w'’\-]*\s+)*[^\W\d_a-z][\w'’\-]*$")
_ANTECEDENT = re.compile(r"(?:^|[,;:(]\s*|\b(?:that|and|but|after|when|while|because)\s+)([^,;:()]{2,80})$")


@dataclass(frozen=True, slots=True)
class Relative:
    start: int  # the opening comma
    end: int  # just after the closing comma
    body_start: int  # the words after the pronoun
    body_end: int
    pronoun: str
    antecedent: str  # the noun phrase the clause describes, as written


def find_relatives(text: str) -> list[Relative]:
    out: list[Relative] = []
    for m in _RELATIVE.finditer(text):
        comma = m.end("body")
        out.append(
            Relative(m.start(), comma + 1, m.start("body"), comma, m.group("pronoun").lower(), _antecedent(text, m))
        )
    for m in _TRAILING_WHO.finditer(text):
        if any(r.start <= m.start() < r.end for r in out):
            continue
        name = _TRAILING_NAME.search(text, max(0, m.start() - 80), m.start())
        if name is None:
            continue  # only a named person: "..., which hurt morale" may describe the whole clause
        end = m.end("body")
        out.append(Relative(m.start(), end, m.start("body"), end, "who", name.group(0)))
    out.sort(key=lambda r: r.start)
    return out


def _antecedent(text: str, m: re.Match[str]) -> str:
    line_start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
    head = _ANTECEDENT.search(text[line_start : m.start()].lstrip())
    return head.group(1).strip() if head else ""


def mask_relatives(text: str, relatives: list[Relative]) -> str:
    """The text with each aside replaced by spaces: the main clause reads on as if it were not there."""
    if not relatives:
        return text
    parts: list[str] = []
    pos = 0
    for r in relatives:
        parts.append(text[pos : r.start])
        parts.append(" " * (r.end - r.start))
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


def inside_any(t: Timex, relatives: list[Relative]) -> bool:
    return any(r.start <= t.start and t.end <= r.end for r in relatives)


class Asides:
    """``inside_any`` for many time expressions: a long text has thousands of asides, so each is not tried."""

    def __init__(self, relatives: list[Relative]) -> None:
        ordered = sorted(relatives, key=lambda r: r.start)
        self._starts = [r.start for r in ordered]
        self._ends = [r.end for r in ordered]
        self._reach = list(itertools.accumulate(self._ends, max))  # the farthest end among the first k

    def hold(self, t: Timex) -> bool:
        j = bisect.bisect_right(self._starts, t.start) - 1
        while j >= 0 and self._reach[j] >= t.end:
            if self._ends[j] >= t.end:
                return True
            j -= 1
        return False
