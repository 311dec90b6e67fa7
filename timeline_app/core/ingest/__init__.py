"""Loading documents of every supported kind into plain text with title, dateline and metadata."""

from timeline_app.core.ingest.errors import LoadError
from timeline_app.core.ingest.loader import document_from_text, load_document

__all__ = ["LoadError", "document_from_text", "load_document"]
