"""Filters over a timeline's rows as NumPy masks: by the actors and places events name, and by confidence.

Built once per timeline content, so that checking an entity or moving a threshold costs array
operations over row numbers, never a pass over the event objects. A row is an event's position
in ``Timeline.events``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from timeline_app.core.model import Entity, Event

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

KINDS = ("actor", "place")


@dataclass(frozen=True, slots=True)
class Facet:
    """An actor or place the events name, and how many of them do."""

    name: str
    kind: str  # actor | place
    aliases: tuple[str, ...]
    count: int


class EntityFacets:
    """For each entity, the rows of the events naming it (by its name or any of its aliases).

    Checked entities combine as a reader expects of facets: an event passes when it names any
    checked actor, and any checked place when places are checked too.
    Without a registry (older files, projects) every name the events hold is an entity of its own.
    """

    def __init__(self, events: Sequence[Event], entities: Sequence[Entity] = ()) -> None:
        self.size = len(events)
        known = list(entities) or _entities_named_in(events)
        lookup: dict[str, int] = {}
        for k, entity in enumerate(known):
            for name in (entity.name, *entity.aliases):
                lookup.setdefault(name, k)
        # Every (row, name) pair once, then each name to its entity: one pass in Python, the rest arrays.
        names: list[str] = []
        rows: list[int] = []
        for row, event in enumerate(events):
            actors, places = event.actors, event.places
            if actors:
                names.extend(actors)
                rows.extend([row] * len(actors))
            if places:
                names.extend(places)
                rows.extend([row] * len(places))
        codes = np.fromiter((lookup.get(n, -1) for n in names), dtype=np.int64, count=len(names))
        missing = np.flatnonzero(codes < 0)
        if len(missing):
            # Written in another case than the registry's ("apple" for "Apple").
            folded: dict[str, int] = {}
            for k, entity in enumerate(known):
                for name in (entity.name, *entity.aliases):
                    folded.setdefault(name.casefold(), k)
            codes[missing] = [folded.get(names[i].casefold(), -1) for i in missing.tolist()]
        row_array = np.asarray(rows, dtype=np.int64)
        found = codes >= 0
        codes, row_array = codes[found], row_array[found]
        # An event naming "GM" and "General Motors" counts once: unique (entity, row) pairs, grouped by entity.
        pairs = np.sort(codes * max(self.size, 1) + row_array)
        if len(pairs):
            pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
        by_entity = pairs // max(self.size, 1)
        bounds = np.searchsorted(by_entity, np.arange(len(known) + 1, dtype=np.int64))
        self._rows = [pairs[bounds[k] : bounds[k + 1]] % max(self.size, 1) for k in range(len(known))]
        self.facets = [
            Facet(e.name, e.kind if e.kind in KINDS else "actor", tuple(e.aliases), len(r))
            for e, r in zip(known, self._rows, strict=True)
        ]
        self._index = {(f.kind, f.name): k for k, f in enumerate(self.facets)}

    def __len__(self) -> int:
        return len(self.facets)

    def rows(self, k: int) -> IntArray:
        """Rows of the events naming facet ``k``."""
        return self._rows[k]

    def find(self, name: str, kind: str = "") -> int:
        """Index of the facet with this name (and kind, if given); -1 if none."""
        if kind:
            return self._index.get((kind, name), -1)
        return next((k for k, f in enumerate(self.facets) if f.name == name), -1)

    def mask(self, checked: Iterable[int]) -> BoolArray | None:
        """Rows passing the checked facets (any actor, and any place); None when nothing is checked."""
        by_kind: dict[str, list[int]] = {}
        for k in checked:
            if 0 <= k < len(self.facets):
                by_kind.setdefault(self.facets[k].kind, []).append(k)
        if not by_kind:
            return None
        result = np.ones(self.size, dtype=bool)
        for members in by_kind.values():
            hit = np.zeros(self.size, dtype=bool)
            for k in members:
                hit[self._rows[k]] = True
            result &= hit
        return result

    def names(self, checked: Iterable[int]) -> dict[str, set[str]]:
        """Every name (and alias) of the checked facets, by kind, for testing single events."""
        out: dict[str, set[str]] = {}
        for k in checked:
            if 0 <= k < len(self.facets):
                facet = self.facets[k]
                out.setdefault(facet.kind, set()).update(n.casefold() for n in (facet.name, *facet.aliases))
        return out


def names_pass(event: Event, names: dict[str, set[str]]) -> bool:
    """Whether one event passes checked facets given as :meth:`EntityFacets.names`."""
    if not names:
        return True
    told = {n.casefold() for n in (*event.actors, *event.places)}
    return all(told & wanted for wanted in names.values())


def _entities_named_in(events: Sequence[Event]) -> list[Entity]:
    """One entity per name the events hold, most named first."""
    counts: dict[tuple[str, str], int] = {}
    for event in events:
        for kind, names in (("actor", event.actors), ("place", event.places)):
            for name in dict.fromkeys(names):
                counts[(kind, name)] = counts.get((kind, name), 0) + 1
    seen: set[str] = set()
    entities: list[Entity] = []
    for (kind, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1].casefold(), kv[0][0])):
        if name not in seen:  # a name used as actor and place is one entity, of its commoner kind
            seen.add(name)
            entities.append(Entity(f"name{len(entities) + 1}", name, kind, [], n))
    return entities


def confidences(events: Sequence[Event]) -> FloatArray:
    """Each row's confidence."""
    return np.fromiter((e.confidence for e in events), dtype=np.float64, count=len(events))


def at_least(values: FloatArray, threshold: float) -> BoolArray:
    """Rows whose confidence is ``threshold`` or more (a hair below counts, so 0.75 passes 0.75)."""
    return np.asarray(values >= threshold - 1e-9)


def hidden_below(values: FloatArray, threshold: float, among: Collection[bool] | BoolArray | None = None) -> int:
    """How many rows (of those ``among`` marks) fall below ``threshold``."""
    below = ~at_least(values, threshold)
    if among is not None:
        below &= np.asarray(among, dtype=bool)
    return int(below.sum())
