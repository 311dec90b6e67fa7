"""A small general gazetteer: countries, their adjectives and capitals, and some large cities (lang/en/countries.tsv,
place_aliases.tsv, cities.txt)."""

from __future__ import annotations

from timeline_app.core.lang import table, word_list

# country: (adjectives, capital)
COUNTRIES: dict[str, tuple[tuple[str, ...], str]] = {
    country: (tuple(adjectives), capital) for country, capital, *adjectives in table("countries")
}
ALIASES: dict[str, str] = {alias: place for alias, place in table("place_aliases")}
CITIES: frozenset[str] = frozenset({capital for _adj, capital in COUNTRIES.values()} | set(word_list("cities")))

_ADJECTIVE_TO_COUNTRY = {adj: country for country, (adjs, _cap) in COUNTRIES.items() for adj in adjs}


def place_name(words: str) -> str | None:
    """The canonical place a capitalised phrase names, if it is a known country or city."""
    if words in COUNTRIES or words in CITIES:
        return words
    return ALIASES.get(words)


def country_of_adjective(word: str) -> str | None:
    return _ADJECTIVE_TO_COUNTRY.get(word)
