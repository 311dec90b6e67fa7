"""Python code-point offsets ↔ Qt UTF-16 offsets.

The core keeps offsets as Python string indices (code points); ``QTextDocument`` and
``QTextCursor`` count UTF-16 code units, so every character outside the Basic Multilingual
Plane (emoji, some CJK) shifts Qt positions by one. All conversions go through here.
"""

from __future__ import annotations

import bisect


class OffsetMap:
    """Converts offsets for one text; build once per document, then convert in O(log n)."""

    def __init__(self, text: str) -> None:
        self._text_len = len(text)
        # Code-point indices of the characters that take two UTF-16 units.
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 offset at which each wide character starts.
        self._wide_utf16 = [i + k for k, i in enumerate(self._wide)]

    @property
    def utf16_length(self) -> int:
        return self._text_len + len(self._wide)

    def to_utf16(self, index: int) -> int:
        """UTF-16 offset of the code point at ``index`` (``len(text)`` maps to the end)."""
        index = min(max(index, 0), self._text_len)
        return index + bisect.bisect_left(self._wide, index)

    def to_python(self, offset: int) -> int:
        """Code-point index for a UTF-16 offset; an offset inside a surrogate pair rounds down."""
        offset = min(max(offset, 0), self.utf16_length)
        # Pairs starting before ``offset`` each add one unit; a pair that starts at
        # offset - 1 counts too, which lands an offset between its halves on the pair.
        wide_before = bisect.bisect_right(self._wide_utf16, offset - 1)
        return offset - wide_before


def to_utf16(text: str, index: int) -> int:
    return OffsetMap(text).to_utf16(index)


def to_python(text: str, offset: int) -> int:
    return OffsetMap(text).to_python(offset)
