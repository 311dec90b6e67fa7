"""Cells a spreadsheet shows as written: text that would run as a formula gets a leading quote.

Spreadsheets evaluate a cell whose first non-blank character is ``=``, ``+``, ``-`` or ``@``
(some also the full-width forms), and some first drop a leading tab, carriage return or line
feed. Such text, and text that itself starts with a quote, is written with one more leading
quote, which the import removes again: every text reads back exactly.
"""

from __future__ import annotations

_FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_DROPPED_FIRST = frozenset("'\t\r\n")


def _needs_quote(text: str) -> bool:
    return text[:1] in _DROPPED_FIRST or text.lstrip()[:1] in _FORMULA_STARTS


def to_cell(text: str) -> str:
    return "'" + text if text and _needs_quote(text) else text


def from_cell(text: str) -> str:
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text
