"""The event detail pane: what happened, when (in words, with precision and certainty),
why that date, and where it was read."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline_app.core.curation import is_hand_set
from timeline_app.core.model import DateKind, Document, Event, Precision, Status

_STATUS_WORDS = {
    Status.OCCURRED: "occurred",
    Status.ONGOING: "ongoing",
    Status.EXPECTED: "expected — has not happened yet",
    Status.REPORTED: "reported",
}


def certainty_words(event: Event) -> str:
    words = _certainty(event)
    # A person's date is as certain as they made it: say whose it is, then how precise.
    return f"set by hand: {words}" if is_hand_set(event.date_basis) else words


def _certainty(event: Event) -> str:
    fd = event.date
    if fd.kind is DateKind.BOUNDED:
        return "uncertain: the text gives no date, only bounds it lies between"
    if fd.kind is DateKind.INTERVAL:
        if fd.start is None or fd.end is None:
            return "a period with an open end"
        return "a period"
    if fd.start is not None and fd.start.precision in (Precision.DAY, Precision.TIME):
        if fd.inferred:
            return f"implied, not stated: to the {fd.start.precision.value}"
        return f"stated to the {fd.start.precision.value}"
    return f"known only to the {fd.precision}"


def detail_html(event: Event, document: Document | None) -> str:
    rows: list[tuple[str, str]] = [
        ("When", f"<b>{escape(event.date.describe())}</b>"),
        ("Certainty", escape(certainty_words(event))),
    ]
    if event.date.edtf:
        rows.append(("EDTF", f"<code>{escape(event.date.edtf)}</code>"))
    if event.date_basis:
        rows.append(("Why this date", escape(event.date_basis)))
    rows.append(("Status", escape(_STATUS_WORDS.get(event.status, event.status.value))))
    for label, values in (("Actors", event.actors), ("Places", event.places), ("Quantities", event.quantities)):
        if values:
            rows.append((label, escape(", ".join(values))))
    if document is not None:
        source = escape(document.title or document.path)
        ref = ""
        if document.reference_date:
            ref = f"<br/><small>written {escape(document.reference_date.isoformat())}"
            if document.reference_date_basis:
                ref += f" ({escape(document.reference_date_basis)})"
            ref += "</small>"
        rows.append(("Source", f"{source}<br/><small>{escape(document.path)}</small>{ref}"))
    if event.curated:
        rows.append(("Edited", "yes — your changes are kept when the articles are extracted again"))
    if event.group:
        rows.append(("Group", escape(event.group)))
    if event.notes:
        rows.append(("Notes", escape(event.notes).replace("\n", "<br/>")))
    table = "".join(
        f"<tr><td style='padding:2px 10px 2px 0; vertical-align:top; white-space:nowrap;'><i>{k}</i></td>"
        f"<td style='padding:2px 0;'>{v}</td></tr>"
        for k, v in rows
    )
    quote = f"<p style='margin-top:8px;'>“{escape(event.sentence)}”</p>" if event.sentence else ""
    return f"<h3 style='margin:0 0 6px 0;'>{escape(event.title or '(untitled)')}</h3><table>{table}</table>{quote}"


class EventDetail(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDetail")
        self.setAccessibleName("Event detail")
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self.show_event(None, None)

    def show_event(self, event: Event | None, document: Document | None) -> None:
        if event is None:
            self.setHtml("<p><i>Select an event on the timeline, in the list or in the text.</i></p>")
            return
        self.setHtml(detail_html(event, document))
