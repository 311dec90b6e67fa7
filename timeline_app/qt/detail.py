"""The event detail pane: what happened, when (in words, with precision and certainty),
how far to trust that date and why, where it was read, and — for an event several articles
tell — each source with its sentence and its date, where they disagree, and what was expected
before it happened. A source's title is a link: it shows that article with the sentence
highlighted (``source_requested``); so is the article of an earlier expectation
(``slip_requested``)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline_app.core.curation import is_hand_set
from timeline_app.core.model import DateKind, Document, Event, Precision, Status
from timeline_app.core.provenance import confidence_text, edtf_words, slip_chain, source_accounts
from timeline_app.qt.style import WARNING_LIGHT, warning_color

_STATUS_WORDS = {
    Status.OCCURRED: "occurred",
    Status.ONGOING: "ongoing",
    Status.EXPECTED: "expected — has not happened yet",
    Status.REPORTED: "reported",
}
SENTENCE_CHARS = 280  # a source's sentence is cut after this many characters (the article pane has it whole)
SOURCE_LINK = "source:"
SLIP_LINK = "slip:"


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


def _name(document: Document | None, doc_id: str) -> str:
    return (document.title or document.path or doc_id) if document is not None else doc_id


def _written(document: Document | None) -> str:
    if document is None or document.reference_date is None:
        return "date of writing unknown"
    d = document.reference_date
    return f"written {d.day} {d:%b %Y}"


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SENTENCE_CHARS else text[: SENTENCE_CHARS - 1].rstrip() + "…"


def detail_html(
    event: Event,
    document: Document | None,
    documents: Mapping[str, Document] | None = None,
    shown_source: str = "",
    warning: str = WARNING_LIGHT,
) -> str:
    """The pane's HTML. ``documents`` (by id) lets it name every source; ``shown_source`` is the
    document the article pane shows; ``warning`` colours what needs a reader's attention."""
    docs = dict(documents or {})
    if document is not None:
        docs.setdefault(document.id, document)
    several = len(event.sources) > 1
    rows: list[tuple[str, str]] = [
        ("When", f"<b>{escape(event.date.describe())}</b>"),
        ("Certainty", escape(certainty_words(event))),
        ("Confidence", escape(confidence_text(event.confidence))),
    ]
    if event.conflict:
        told = "; ".join(
            f"{escape(_name(docs.get(doc_id), doc_id))}: <b>{escape(edtf_words(edtf))}</b>"
            for doc_id, edtf in event.conflict
        )
        rows.append(
            (
                "Disagreement",
                f"<span style='color:{warning};'>⚠ The sources give different dates</span> — {told}. "
                "Shown: the best-supported date.",
            )
        )
    if event.slips:

        def link(k: int, words: str) -> str:
            return f"<a href='{SLIP_LINK}{k}'>{escape(words)}</a>"

        rows.append(("Expected before", slip_chain(event, link)))
    if event.date.edtf:
        rows.append(("EDTF", f"<code>{escape(event.date.edtf)}</code>"))
    if event.date_basis:
        rows.append(("Why this date", escape(event.date_basis)))
    rows.append(("Status", escape(_STATUS_WORDS.get(event.status, event.status.value))))
    for label, values in (("Actors", event.actors), ("Places", event.places), ("Quantities", event.quantities)):
        if values:
            rows.append((label, escape(", ".join(values))))
    if document is not None and not several:
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
    if several:
        tail = _sources_html(event, docs, shown_source, warning)
    else:
        tail = f"<p style='margin-top:8px;'>“{escape(event.sentence)}”</p>" if event.sentence else ""
    return f"<h3 style='margin:0 0 6px 0;'>{escape(event.title or '(untitled)')}</h3><table>{table}</table>{tail}"


def _sources_html(event: Event, docs: Mapping[str, Document], shown: str, warning: str) -> str:
    """Each source: its title (a link to its sentence), when it was written, its date, its sentence."""
    accounts = source_accounts(event, docs)
    items = []
    for k, account in enumerate(accounts):
        document = docs.get(account.document)
        title = escape(_name(document, account.document))
        facts = [escape(_written(document))]
        if account.date:
            said = f" (“{escape(account.words)}”)" if account.words else ""
            style = f" style='color:{warning};'" if account.disagrees else ""
            facts.append(f"<span{style}>gives <b>{escape(edtf_words(account.date))}</b>{said}</span>")
        else:
            facts.append("no date of its own in this sentence")
        here = " <small>◂ in the article pane</small>" if account.document == shown else ""
        sentences = "<br/>".join(f"“{escape(_cut(m.text))}”" for m in account.mentions if m.text.strip())
        items.append(
            f"<tr><td style='padding:4px 6px 0 0; vertical-align:top;'>{k + 1}.</td>"
            f"<td style='padding:4px 0 0 0;'><a href='{SOURCE_LINK}{k}'>{title}</a>{here}"
            f"<br/><small>{' · '.join(facts)}</small>"
            f"<br/><small><i>{sentences}</i></small></td></tr>"
        )
    head = f"<p style='margin:10px 0 2px 0;'><b>Told by {len(accounts)} articles</b> — click one to read it there</p>"
    return f"{head}<table>{''.join(items)}</table>"


class EventDetail(QTextBrowser):
    source_requested = Signal(str)  # a source's link was clicked: show this document's sentence
    slip_requested = Signal(int)  # the article of the k-th earlier expectation was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event_id = ""
        self._sources: list[str] = []  # the shown event's documents, as its links number them
        self.setObjectName("eventDetail")
        self.setAccessibleName("Event detail")
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self.anchorClicked.connect(self._clicked)
        self.show_event(None, None)

    def show_event(
        self,
        event: Event | None,
        document: Document | None,
        documents: Mapping[str, Document] | None = None,
        shown_source: str = "",
    ) -> None:
        if event is None:
            self._event_id, self._sources = "", []
            self.setHtml("<p><i>Select an event on the timeline, in the list or in the text.</i></p>")
            return
        # Keep the reader's place when the same event is shown again (another source picked).
        bar = self.verticalScrollBar()
        keep = bar.value() if event.id == self._event_id else 0
        self._event_id, self._sources = event.id, event.sources
        self.setHtml(detail_html(event, document, documents, shown_source, warning_color(self.palette()).name()))
        bar.setValue(keep)

    def _clicked(self, url: QUrl) -> None:
        target = url.toString()
        for prefix in (SOURCE_LINK, SLIP_LINK):
            number = target[len(prefix) :]
            if not target.startswith(prefix) or not number.isdigit():
                continue
            if prefix == SLIP_LINK:
                self.slip_requested.emit(int(number))
            elif int(number) < len(self._sources):
                self.source_requested.emit(self._sources[int(number)])
