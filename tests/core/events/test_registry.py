"""Entities across documents: one per real name, fragments and units left out."""

from __future__ import annotations

from datetime import date

from timeline_app.core.events.registry import build_registry, events_of, is_fragment
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline


def _event(n: int, doc: str, actors: list[str], places: list[str] | None = None) -> Event:
    return Event(
        id=f"e{n}",
        title=f"event {n}",
        sentence="",
        date=FuzzyDate.point(DatePoint.day(date(2009, 6, 1))),
        mentions=[Mention(doc, 0, 1, "x")],
        actors=actors,
        places=places or [],
    )


def test_one_entity_per_company_whatever_its_form() -> None:
    timeline = Timeline(
        documents=[Document("a", "", "x"), Document("b", "", "x")],
        events=[
            _event(1, "a", ["General Motors Corporation"]),
            _event(2, "a", ["General Motors", "FAA on"]),
            _event(3, "b", ["GM", "UTC"]),
            _event(4, "b", ["Former", "Ford Motor Company"]),
        ],
    )
    registry = build_registry(timeline)
    gm = next(e for e in registry if "GM" in (e.name, *e.aliases))
    assert {gm.name, *gm.aliases} == {"General Motors Corporation", "General Motors", "GM"}
    assert gm.events == 3 and gm.kind == "actor" and gm.id.startswith("ent")
    names = {e.name for e in registry}
    assert not names & {"FAA on", "UTC", "Former"}
    assert timeline.events[2].actors == [gm.name]  # events name the entity
    assert [e.id for e in events_of(timeline, "gm", registry)] == ["e1", "e2", "e3"]


def test_a_short_name_joins_the_full_name_a_document_gives() -> None:
    timeline = Timeline(
        events=[_event(1, "a", ["Kim Jong-un"]), _event(2, "a", ["Kim"]), _event(3, "b", ["iPhone OS", "iPhone"])]
    )
    registry = build_registry(timeline)
    kim = next(e for e in registry if e.name == "Kim Jong-un")
    assert kim.aliases == ["Kim"] and kim.events == 2
    assert {e.name for e in registry} >= {"iPhone OS", "iPhone"}  # a product is no short name of its OS


def test_fragments() -> None:
    assert is_fragment("FAA on") and is_fragment("UTC") and is_fragment("Former") and is_fragment("The")
    assert not is_fragment("General Motors") and not is_fragment("GM")
