"""Sentence segmentation with code-point offsets, and which lines are prose at all.

Headings, bullet lists ("Key takeaways") and one-line labels are not prose: their lines are
returned with ``prose=False`` so the event builder can skip them without losing offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline_app.core.lang import table, word_list

# Words that end with a dot without ending the sentence.
_ABBREVIATIONS = frozenset(
    (
        *word_list("abbreviations"),
        *(month for month, _number, form in table("months") if form == "abbreviation"),
        *(day for day, _number, form in table("weekdays") if form == "abbreviation"),
    )
)
_BULLET = re.compile(r"^[ \t]*(?:[-*•‣◦▪–—]|\d{1,2}[.)])[ \t]+")
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    prose: bool  # False for headings, bullets and labels
    paragraph: int


def split_sentences(text: str, skip_until: int = 0) -> list[Sentence]:
    """Sentences in order; ``skip_until`` marks text (a headline) that is never prose."""
    sentences: list[Sentence] = []
    pos = 0
    paragraph = 0
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            paragraph += 1
            continue
        prose = _is_prose_line(line) and line_end > skip_until
        for s, e in _split_line(text, line_start, line_end):
            sentences.append(Sentence(s, e, text[s:e], prose, paragraph))
        paragraph += 1
    return sentences


def _is_prose_line(line: str) -> bool:
    stripped = line.strip()
    if _BULLET.match(line):
        return False
    words = stripped.split()
    # A heading or label: short and without closing punctuation.
    return not (len(words) < 8 and not stripped.endswith((".", "!", '"', "”", "'")))


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    s = start
    for m in _END.finditer(text, start, end):
        cut = m.end()
        if m.group(0) == "\n":
            break
        if _is_abbreviation(text, s, m.start()):
            continue
        nxt = text[cut:end].lstrip()
        if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"“'‘("):
            continue
        spans.append(_trim(text, s, cut))
        s = cut
    if text[s:end].strip():
        spans.append(_trim(text, s, end))
    return [sp for sp in spans if sp[1] > sp[0]]


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"([A-Za-z.]+)$", text[sentence_start:dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J.", "U.S.") end no sentence unless the next word clearly starts one.
    return len(word) == 1 and word.isalpha()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
