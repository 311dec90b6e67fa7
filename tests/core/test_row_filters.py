"""Facet and confidence masks over a timeline's rows."""

from __future__ import annotations

from datetime import date

import numpy as np

from timeline_app.core.model import DatePoint, Entity, Event, FuzzyDate
from timeline_app.core.row_filters import EntityFacets, at_least, confidences, hidden_below, names_pass


def _event(i: int, actors: list[str], places: list[str], confidence: float = 0.5) -> Event:
    day = FuzzyDate.point(DatePoint.day(date(2020, 1, 1 + i)))
    return Event(f"e{i}", f"E{i}", "", day, actors=actors, places=places, confidence=confidence)


EVENTS = [
    _event(0, ["General Motors"], ["Detroit"]),
    _event(1, ["GM", "General Motors"], []),  # two forms of one entity: counted once
    _event(2, ["Ford"], ["Detroit"]),
    _event(3, ["Ford"], ["Paris"]),
    _event(4, [], []),
]
ENTITIES = [
    Entity("ent1", "General Motors", "actor", ["GM"], 2),
    Entity("ent2", "Ford", "actor", [], 2),
    Entity("ent3", "Detroit", "place", [], 2),
    Entity("ent4", "Paris", "place", [], 1),
]


def test_any_checked_actor_and_any_checked_place() -> None:
    facets = EntityFacets(EVENTS, ENTITIES)
    gm, ford, detroit = facets.find("General Motors"), facets.find("Ford"), facets.find("Detroit", "place")
    assert [f.count for f in facets.facets] == [2, 2, 2, 1]
    assert facets.mask([]) is None
    assert np.flatnonzero(facets.mask([gm])).tolist() == [0, 1]
    assert np.flatnonzero(facets.mask([gm, ford])).tolist() == [0, 1, 2, 3]
    assert np.flatnonzero(facets.mask([gm, ford, detroit])).tolist() == [0, 2]
    names = facets.names([gm, detroit])
    assert [names_pass(e, names) for e in EVENTS] == [True, False, False, False, False]
    assert names_pass(EVENTS[4], {})


def test_without_a_registry_every_name_is_a_facet() -> None:
    facets = EntityFacets(EVENTS)
    assert {(f.name, f.kind, f.count) for f in facets.facets} == {
        ("General Motors", "actor", 2),
        ("GM", "actor", 1),
        ("Ford", "actor", 2),
        ("Detroit", "place", 2),
        ("Paris", "place", 1),
    }
    assert facets.facets[0].count == 2  # most named first
    assert facets.find("nobody") == -1


def test_confidence_threshold() -> None:
    values = confidences([_event(i, [], [], c) for i, c in enumerate((0.2, 0.5, 0.75, 0.9))])
    assert at_least(values, 0.75).tolist() == [False, False, True, True]
    assert hidden_below(values, 0.6) == 2
    assert hidden_below(values, 0.6, among=[True, False, True, True]) == 1
