"""Actors and places across documents: one entity per real name, whatever form each source writes.

"GM", "General Motors" and "General Motors Corporation" are one entity; so are "Dupont" and "Anne Dupont"
once a document gives the full name. Fragments ("FAA on", "Former") and units ("UTC") are no entities.
Events keep their names as written; the registry maps each written form to its entity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from timeline_app.core.lang import word_list
from timeline_app.core.model import Entity, Event, Timeline

_SUFFIXES = frozenset(w.lower() for w in word_list("company_suffixes"))
_NOT_ENTITIES = frozenset(w.lower() for w in word_list("not_entities"))
_STOP = frozenset(word_list("stopwords"))
_POSSESSIVE = re.compile(r"['’]s$")


def is_fragment(name: str) -> bool:
    """'FAA on', 'Former', 'UTC', 'Chapter': words a name finder picked up that name nobody."""
    words = name.split()
    if not words or name.lower() in _NOT_ENTITIES:
        return True
    if words[-1].lower() in _STOP or words[0].lower() in _STOP:
        return True  # cut out of a sentence: "FAA on", "The"
    return len(words) == 1 and words[0].lower() in _STOP


def build_registry(timeline: Timeline) -> list[Entity]:
    """The entities the events name, most told first; each event's actors and places are also
    rewritten to the entity names and cleared of fragments."""
    written: Counter[tuple[str, str]] = Counter()
    by_document: dict[str, set[str]] = defaultdict(set)
    for e in timeline.events:
        for kind, names in (("actor", e.actors), ("place", e.places)):
            for name in names:
                if not is_fragment(name):
                    written[(kind, name)] += 1
                    by_document[e.document].add(name)
    canonical = _canonical_forms(written, by_document)
    entities: dict[str, Entity] = {}
    for (kind, name), _count in written.most_common():
        key = canonical[name]
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = Entity(id="", name=key, kind=kind)
        if name != key and name not in entity.aliases:
            entity.aliases.append(name)
    for e in timeline.events:
        e.actors = _rewrite(e.actors, canonical)
        e.places = _rewrite(e.places, canonical)
        for name in {*e.actors, *e.places}:
            if name in entities:
                entities[name].events += 1
    ordered = sorted(entities.values(), key=lambda x: (-x.events, x.name))
    for n, entity in enumerate(ordered, start=1):
        entity.id = f"ent{n}"
    return ordered


def recount(timeline: Timeline, entities: list[Entity]) -> list[Entity]:
    """The entities with their event counts taken again (after events were joined), most told first."""
    counts: Counter[str] = Counter(n for e in timeline.events for n in {*e.actors, *e.places})
    for entity in entities:
        entity.events = counts[entity.name]
    ordered = sorted((x for x in entities if x.events), key=lambda x: (-x.events, x.name))
    for n, entity in enumerate(ordered, start=1):
        entity.id = f"ent{n}"
    return ordered


def events_of(timeline: Timeline, name: str, registry: list[Entity]) -> list[Event]:
    """The events that name an entity, by its name or any alias (case-insensitive)."""
    wanted = name.strip().lower()
    names = {
        n.lower()
        for entity in registry
        if wanted in (entity.name.lower(), *(a.lower() for a in entity.aliases))
        for n in (entity.name, *entity.aliases)
    } or {wanted}
    return [e for e in timeline.events if names & {n.lower() for n in (*e.actors, *e.places)}]


def _rewrite(names: list[str], canonical: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(canonical.get(n, n) for n in names if not is_fragment(n)))


def _canonical_forms(written: Counter[tuple[str, str]], by_document: dict[str, set[str]]) -> dict[str, str]:
    """Each written form mapped to the name of its entity."""
    # Fully ordered (the name itself breaks ties), so the same articles always give the same entities.
    names = sorted({name for _kind, name in written}, key=lambda n: (-len(n.split()), -len(n), n))
    count: Counter[str] = Counter()
    for (_kind, name), n in written.items():
        count[name] += n
    core = {name: _core(name) for name in names}
    # Longest forms first: "General Motors Corporation" and "General Motors" share the core "general motors".
    by_core: dict[str, str] = {}
    forms: dict[str, list[str]] = {}
    for name in names:
        by_core.setdefault(core[name], name)
        forms.setdefault(core[name], []).append(name)
    canonical: dict[str, str] = {}
    for name in names:
        full = by_core[core[name]]
        # The form written most often names the entity; among equals, the fuller one.
        best = max(forms[core[name]], key=lambda n: (count[n], len(n), n))
        canonical[name] = best if count[best] > count[full] else full
    multi = [n for n in names if len(core[n].split()) > 1]
    people = _people_by_word(multi, core)
    for name in names:
        # A name written as one word ("Kim", "GM"); "Apple Inc" is no short form of anything.
        if len(name.split()) != 1 or canonical[name] != name:
            continue
        target = _acronym_of(name, multi, core) or _short_name_of(name, people, core, by_document)
        if target:
            canonical[name] = canonical[target]
    return canonical


def _core(name: str) -> str:
    words = [_POSSESSIVE.sub("", w) for w in name.replace(".", "").split()]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0].lower() in ("the",):
        words.pop(0)
    return " ".join(w.lower() for w in words)


def _acronym_of(name: str, multi: list[str], core: dict[str, str]) -> str | None:
    """'GM' for 'General Motors': the initials of a longer name's words."""
    letters = name.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper()):
        return None
    found = {core[n] for n in multi if "".join(w[0] for w in core[n].split() if w not in _STOP).upper() == letters}
    if len(found) != 1:
        return None
    wanted = found.pop()
    return next(n for n in multi if core[n] == wanted)


def _people_by_word(multi: list[str], core: dict[str, str]) -> dict[str, list[str]]:
    """The names that look like a person's, under each word of their core: one look-up per short name, not a
    scan of every name (which made a long document cost the square of its length)."""
    people: dict[str, list[str]] = {}
    for n in multi:
        if _looks_like_a_person(n):
            for word in dict.fromkeys(core[n].split()):
                people.setdefault(word, []).append(n)
    return people


def _short_name_of(
    name: str, people: dict[str, list[str]], core: dict[str, str], by_document: dict[str, set[str]]
) -> str | None:
    """'Dupont' for 'Anne Dupont' when a document that writes 'Kim' also writes the full name, and no other
    full name there has the word."""
    word = core[name]
    documents = [names for names in by_document.values() if name in names]
    found = {n for n in people.get(word, ()) if any(n in names for names in documents)}
    return found.pop() if len(found) == 1 else None


def _looks_like_a_person(name: str) -> bool:
    """'Anne Dupont', 'Steve Jobs': two or three capitalised words, no initialism, no company ending."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and not w.isupper() and (w.isalpha() or "-" in w) for w in words)
        and words[-1].lower().strip(".") not in _SUFFIXES
    )
