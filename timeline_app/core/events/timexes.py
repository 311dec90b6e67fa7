"""The one place the event layer calls the temporal tagger."""

from __future__ import annotations

from datetime import date

from timeline_app.core.model import Timex
from timeline_app.core.temporal import tag


def tag_text(text: str, reference: date | None) -> list[Timex]:
    return list(tag(text, reference))
