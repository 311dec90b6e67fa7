"""Sentences, clauses, titles and entities: the text units events are built from."""

from __future__ import annotations

from timeline_app.core.events.clauses import split_clauses
from timeline_app.core.events.entities import find_entities, merge_short_names
from timeline_app.core.events.sentences import split_sentences
from timeline_app.core.events.titles import make_title


def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "Gen. Smith met Mr. Jones in the U.S. capital on Jan. 5. They talked.\n\nA second paragraph follows here."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Gen. Smith met Mr. Jones in the U.S. capital on Jan. 5.",
        "They talked.",
        "A second paragraph follows here.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sentences[1].paragraph == sentences[0].paragraph < sentences[2].paragraph


def test_bullets_and_headings_are_not_prose() -> None:
    text = (
        "Key Takeaways\n- Leaders met on Friday in the capital city.\n* Trade rose.\n"
        "The talks began on Friday and lasted for many hours."
    )
    prose = {s.text: s.prose for s in split_sentences(text)}
    assert prose["Key Takeaways"] is False
    assert prose["- Leaders met on Friday in the capital city."] is False
    assert prose["The talks began on Friday and lasted for many hours."] is True


def _roles(sentence: str) -> list[tuple[str, str, str]]:
    return [(c.role, c.link, c.text_in(sentence).strip(" ,.")) for c in split_clauses(sentence, 0, len(sentence))]


def test_attribution_is_split_off() -> None:
    roles = _roles("The ministers signed the accord in Oslo, as reported by local media on Friday.")
    assert roles[0] == ("main", "", "The ministers signed the accord in Oslo")
    assert roles[1][0] == "attribution" and "local media on Friday" in roles[1][2]
    roles = _roles("Prices rose sharply in March, according to the statistics office.")
    assert roles[-1][0] == "attribution"


def test_reported_content_and_frame() -> None:
    roles = _roles("At the start of the session, the mayor noted that firefighters rescued four people.")
    assert [r[0] for r in roles] == ["frame", "attribution", "content"]
    assert roles[2][2] == "firefighters rescued four people"


def test_temporal_link_makes_subordinate_clause() -> None:
    roles = _roles("The vote took place shortly after the candidates debated on Monday.")
    assert roles[0][:2] == ("main", "")
    assert roles[1] == ("subordinate", "shortly after", "the candidates debated on Monday")


def test_titles_are_clean_clauses() -> None:
    clause = (
        "Acme Corp chief executive Jane Roe has reportedly announced plans for a new factory (its third) "
        "in Ohio during a visit on Tuesday"
    )
    start = clause.index("on Tuesday") + 3
    title = make_title(clause, [(start, start + len("Tuesday"))])
    assert "reportedly" not in title and "(" not in title and "Tuesday" not in title
    assert len(title) <= 72 and not title.endswith((",", " a", " the", " for"))
    assert title.startswith("Acme Corp")
    assert (
        make_title("It is expected that the council will vote on the budget") == "The council will vote on the budget"
    )
    assert make_title("French President Anne Dupont visited the plant") == "Anne Dupont visited the plant"


def test_entities() -> None:
    text = (
        "Russian President Ivan Petrov and Prime Minister Lee met in Geneva and the Tula region, "
        "where 1,200 troops and 3 tanks waited."
    )
    found = find_entities(text)
    assert "Ivan Petrov" in found.actors and "Lee" in found.actors
    assert "Geneva" in found.places and "Tula region" in found.places
    assert "1,200 troops" in found.quantities and "3 tanks" in found.quantities
    assert "Russian" not in " ".join(found.actors)


def test_years_and_blocked_spans_are_not_quantities() -> None:
    text = "In 2024 exports fell by 12 percent on March 3."
    at = text.index("March 3")
    found = find_entities(text, blocked=[(at, at + len("March 3"))])
    assert found.quantities == ["12 percent"]


def test_short_names_merge_into_full_names() -> None:
    assert merge_short_names(["Lee", "Ivan Petrov", "Petrov"], ["Lee Min-ho", "Ivan Petrov"]) == [
        "Lee Min-ho",
        "Ivan Petrov",
    ]
