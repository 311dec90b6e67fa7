"""Text fit for XML 1.0, and what an exporter had to change to write a valid file.

XML 1.0 cannot carry most C0 controls (form feed, vertical tab, U+0001...), U+FFFE/U+FFFF or
lone surrogates, not even as character references: a file holding one is not XML, and no
parser (this app's included) reads it back. Such characters are written as U+FFFD, one for
one so that offsets into the text stay exact, and counted so that the export can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REPLACEMENT = "\ufffd"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Written:
    """What an exporter changed to write a file its reader and a standard parser accept."""

    replaced: int = 0  # characters the format cannot hold, written as U+FFFD

    def note(self) -> str:
        if not self.replaced:
            return ""
        noun = "character" if self.replaced == 1 else "characters"
        return f"{self.replaced} {noun} the format cannot hold written as U+FFFD"


class XmlText:
    """Makes strings fit for XML 1.0, counting the characters it replaced."""

    def __init__(self) -> None:
        self.replaced = 0

    def __call__(self, text: str) -> str:
        if _NOT_XML.search(text) is None:
            return text
        cleaned, count = _NOT_XML.subn(REPLACEMENT, text)
        self.replaced += count
        return cleaned

    def written(self) -> Written:
        return Written(self.replaced)
