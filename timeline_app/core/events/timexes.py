"""The one place the event layer calls the temporal tagger."""

from __future__ import annotations

from datetime import date

from timeline_app.core.events.relatives import Asides, find_relatives, mask_relatives
from timeline_app.core.model import Timex
from timeline_app.core.temporal import tag


def tag_text(text: str, reference: date | None) -> list[Timex]:
    return list(tag(text, reference))


def tag_with_asides(text: str, reference: date | None) -> list[Timex]:
    """Time expressions, where those outside a dated aside ("Doe, who took over in 2021, said ...") are
    resolved as if the aside were not there: its year must not anchor "the end of the year" after it."""
    timexes = tag_text(text, reference)
    relatives = find_relatives(text)
    asides = Asides(relatives)
    if not any(asides.hold(t) for t in timexes):
        return timexes
    outside = [t for t in tag_text(mask_relatives(text, relatives), reference) if not asides.hold(t)]
    return sorted(outside + [t for t in timexes if asides.hold(t)], key=lambda t: t.start)
