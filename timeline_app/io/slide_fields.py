"""Fields of TimelineJS slides that its viewer puts into the page as they are.

TimelineJS renders a slide's group label as HTML and its background colour as a CSS value;
both come from article text or imported files, so both are checked before they are written.
"""

from __future__ import annotations

import html
import re

from timeline_app.io.sources import plain_text

# "#rgb", "#rrggbb" (with alpha too), "rgb(…)"/"rgba(…)" of numbers, or a CSS colour name.
_COLOUR = re.compile(
    r"^(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
    r"|rgba?\(\s*\d{1,3}%?\s*(?:,\s*\d{1,3}%?\s*){2}(?:,\s*(?:0|1|0?\.\d+)\s*)?\)"
    r"|[a-zA-Z]{3,20})$"
)


def safe_colour(value: str) -> str:
    """`value` when it is a plain CSS colour, else "" (no colour rather than markup or script)."""
    value = value.strip()
    return value if _COLOUR.match(value) else ""


def group_html(group: str) -> str:
    return html.escape(group)


def group_text(value: str) -> str:
    """A group label read back from HTML (TimelineJS files written elsewhere may hold markup)."""
    return plain_text(value)
