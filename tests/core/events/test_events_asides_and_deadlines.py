"""Asides with their own dates, deadlines, reported forecasts and the clause that holds the verb."""

from __future__ import annotations

from datetime import date

from timeline_app.core.events.relatives import find_relatives, mask_relatives
from timeline_app.core.model import DateKind, Event, Status
from timeline_app.core.pipeline import extract_text

REF = date(2025, 6, 12)


def _events(text: str, reference: date = REF) -> list[Event]:
    return extract_text(text, reference_date=reference).events


def _titled(events: list[Event], words: str) -> Event:
    found = [e for e in events if words.lower() in e.title.lower()]
    assert found, [e.title for e in events]
    return found[0]


def test_aside_is_masked_with_offsets_kept() -> None:
    text = "The mayor, who was elected in 2019, said the bridge would reopen."
    relatives = find_relatives(text)
    assert [(r.pronoun, r.antecedent) for r in relatives] == [("who", "The mayor")]
    masked = mask_relatives(text, relatives)
    assert len(masked) == len(text) and "2019" not in masked and masked.endswith("said the bridge would reopen.")


def test_aside_date_stays_in_the_aside() -> None:
    text = (
        "Head coach Maria Lopez, who joined the club in March 2022, said the team would sign two strikers "
        "by the end of the month."
    )
    events = _events(text)
    joined = _titled(events, "Maria Lopez joined")
    assert joined.date.edtf == "2022-03" and joined.status is Status.OCCURRED
    assert "who" not in joined.title.lower()
    sign = _titled(events, "will sign two strikers")
    assert sign.status is Status.EXPECTED and sign.date.kind is DateKind.BOUNDED
    assert sign.date.earliest == REF and sign.date.latest == date(2025, 6, 30)


def test_which_aside_is_dropped_from_the_title() -> None:
    text = "The bank, which lends mostly to farmers, said on Tuesday that deposits had fallen since January."
    titles = [e.title for e in _events(text)]
    assert titles and all("farmers" not in t for t in titles)
    assert any("Deposits had fallen" in t for t in titles), titles


def test_by_a_past_date_is_an_upper_bound() -> None:
    events = _events("Rescue teams had reached the flooded village by Tuesday, officials said.")
    e = _titled(events, "reached the flooded village")
    assert e.date.kind is DateKind.BOUNDED and e.date.earliest is None and e.date.latest == date(2025, 6, 10)


def test_by_a_future_date_is_a_deadline() -> None:
    e = _titled(_events("The ministry will publish the new rules by September 30."), "publish the new rules")
    assert e.status is Status.EXPECTED and e.date.kind is DateKind.BOUNDED
    assert (e.date.earliest, e.date.latest) == (REF, date(2025, 9, 30))


def test_reported_could_with_a_future_time_is_expected() -> None:
    e = _titled(_events("Forecasters warned that rivers could burst their banks later this week."), "rivers could")
    assert e.status is Status.EXPECTED


def test_reported_forecast_about_a_past_quarter_is_expected() -> None:
    text = "The retailer warned on Monday that first-quarter sales would fall short of targets."
    e = _titled(_events(text), "sales")
    assert e.status is Status.EXPECTED, (e.title, e.status)


def test_date_comes_from_the_clause_holding_the_verb() -> None:
    text = "The council will close the old library next year, the deputy mayor told reporters on Wednesday."
    events = _events(text)
    close = _titled(events, "close the old library")
    assert close.status is Status.EXPECTED and close.date.edtf == "2026"
    assert all(e.date.edtf != "2025-06-11" or e.status is Status.REPORTED for e in events)


def test_title_ends_before_a_participle_phrase() -> None:
    text = (
        "Heavy rain flooded dozens of streets in the old town on Monday, forcing more than 800 people from their homes."
    )
    e = _titled(_events(text), "Heavy rain flooded")
    assert e.title == "Heavy rain flooded dozens of streets in the old town"


def test_titles_keep_one_sentence_and_no_cut_short_relative() -> None:
    from timeline_app.core.events.titles import make_title

    assert make_title("Nobody was hurt in the blast. We were very lucky, a resident said") == (
        "Nobody was hurt in the blast"
    )
    assert make_title("The ferry sailed from St. Malo with 300 passengers") == (
        "The ferry sailed from St. Malo with 300 passengers"
    )
    assert make_title("As expected, the central bank raised its key rate by a quarter point") == (
        "The central bank raised its key rate by a quarter point"
    )
    assert make_title("The insurer posted a record loss, which analysts said") == "The insurer posted a record loss"


def test_long_title_without_a_phrase_break_ends_on_a_content_word() -> None:
    from timeline_app.core.events.titles import make_title

    title = make_title(
        "A consortium comprising regional utilities and two Nordic pension funds acquired "
        "the country's largest offshore wind farm operator"
    )
    assert not title.endswith("…") and title.split()[-1] not in ("of", "and", "the", "two")
    assert title.startswith("A consortium comprising regional utilities")


def test_thousands_separator_is_no_phrase_break() -> None:
    text = (
        "Since March, the country has reportedly sent approximately 12,000 engineers to rebuild bridges "
        "in the north, as stated by the ministry."
    )
    titles = [e.title for e in _events(text)]
    assert any("12,000 engineers" in t for t in titles), titles


def test_title_drops_a_wire_dateline_and_keeps_adjective_lists() -> None:
    from timeline_app.core.events.titles import make_title

    text = "SPRINGFIELD, Ill., The state senate approved a new water pricing scheme after a long debate"
    assert make_title(text).startswith("The state senate approved a new water pricing scheme")
    listed = make_title("The thieves escaped from the quiet, tree-lined street in a stolen van with the paintings")
    assert "quiet, tree-lined street" in listed


def test_aside_with_initials_is_still_an_aside() -> None:
    text = "Ms. Grant, who joined U.S. Steel in 2015, said the company would close the plant next year."
    events = _events(text)
    assert _titled(events, "Grant joined").date.edtf == "2015"
    close = next(e for e in events if "close the plant" in e.title and e.status is not Status.REPORTED)
    assert close.status is Status.EXPECTED and close.date.edtf == "2026"


def test_until_a_future_date_is_a_state_from_now() -> None:
    e = _titled(_events("The bridge will stay closed to lorries until August 3."), "bridge will stay closed")
    assert e.date.kind is DateKind.INTERVAL and e.status is Status.EXPECTED
    assert (e.date.earliest, e.date.latest) == (REF, date(2025, 8, 3))


def test_reported_expectation_stays_expected() -> None:
    e = _titled(_events("Economists said they expect a rebound in 2025."), "expect a rebound")
    assert e.status is Status.EXPECTED and e.date.edtf == "2025"
    backed = _titled(_events("Lawmakers on Tuesday backed a plan to raise the pension age."), "backed a plan")
    assert backed.status is Status.OCCURRED and backed.date.edtf == "2025-06-10"


def test_title_is_not_cut_between_expected_and_to() -> None:
    from timeline_app.core.events.titles import make_title

    title = make_title(
        "The regional government is expected to approve the new harbour extension at a special session of the assembly"
    )
    assert title.endswith("approve the new harbour extension"), title
