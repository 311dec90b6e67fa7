"""Markdown to plain reading text: markup removed so sentences and offsets refer to what a reader sees."""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)")
_CODE_FENCE = re.compile(r"^[ \t]*```.*$", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(title|date)[ \t]*:[ \t]*[\"']?(.+?)[\"']?[ \t]*$", re.MULTILINE | re.IGNORECASE)


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """A leading YAML block ("---\ntitle: ...\ndate: 2024-05-01\n---") as simple fields, and the rest."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, source
    fields = {f.group(1).lower(): f.group(2).strip() for f in _FIELD.finditer(m.group(1))}
    return fields, source[m.end() :]


def markdown_to_text(source: str) -> str:
    text = _CODE_FENCE.sub("", source)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
