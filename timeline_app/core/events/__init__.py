"""Events from dated documents: sentences and clauses, dates or bounds, status, merging, entities."""

from timeline_app.core.events.builder import build_events

__all__ = ["build_events"]
