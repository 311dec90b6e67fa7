from viewer_fixtures import make_timeline

from timeline_app.app.chronology import Chronology
from timeline_app.core.model import Event, FuzzyDate, Mention
from timeline_app.core.store import EventStore


def test_reading_order_puts_undated_events_last_and_maps_rows() -> None:
    timeline = make_timeline()
    timeline.events.insert(
        1, Event("nodate", "Undated", "", FuzzyDate.bounded(None, None), mentions=[Mention("doc", 0, 1, "S")])
    )
    timeline.events.reverse()  # source rows no longer follow time
    chronology = Chronology(timeline, EventStore.from_timeline(timeline))
    assert chronology.ids() == ["troops", "region", "parade", "talks", "visit", "nodate"]
    assert len(chronology) == 6 and chronology.undated_count == 1
    assert chronology.index_of("talks") == 3 and chronology.index_of("nodate") == 5
    assert chronology.index_of("missing") == -1
    for event_id in chronology.ids():
        assert timeline.events[chronology.row_of(event_id)].id == event_id
    event = chronology.event_at(5)
    assert event is not None and event.id == "nodate"
    assert chronology.event_at(-1) is None and chronology.event_at(6) is None
