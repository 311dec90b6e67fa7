"""Loading documents of every supported kind into plain text with title, dateline and metadata.

The loaders are imported when first asked for: a reader that needs only :class:`LoadError` (the
events JSON reader, at every start) does not pay for their patterns and the encoding detector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline_app.core.ingest.errors import LoadError

if TYPE_CHECKING:
    from timeline_app.core.ingest.loader import document_from_text, load_document

__all__ = ["LoadError", "document_from_text", "load_document"]


def __getattr__(name: str) -> Any:
    if name in ("document_from_text", "load_document"):
        from timeline_app.core.ingest import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
