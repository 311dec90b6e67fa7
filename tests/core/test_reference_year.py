"""The year of a dateline without one: clues of different kinds must agree before a year counts as sure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.reference_date import reference_date_from_text, unsure_note

TODAY = date(2026, 12, 2)


def _found(text: str) -> tuple[date, bool, str]:
    found = reference_date_from_text(text, today=TODAY)
    assert found is not None
    return found.day, found.weak, found.basis


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lead's weekday and the years the article tells of agree (22 Mar 2013 was a Friday)
        (
            "WASHINGTON, March 22 (AP) -- The Senate voted Friday to pass a budget. "
            "The last budget passed in 2009, and spending rose in 2012.",
            date(2013, 3, 22),
        ),
        # an anniversary of a dated event and the weekday agree (4 Sep 2025 was a Thursday)
        (
            "Seoul, Sep 4 (Wire) Leaders met on Thursday, on the 80th anniversary of the end of the war in 1945.",
            date(2025, 9, 4),
        ),
        # "last year" beside a stated year and the weekday (20 Nov 1997 was a Thursday)
        (
            "PARIS, Nov. 20 (AP) -- Ministers agreed on Thursday to raise the tax. Last year, in 1996, they refused.",
            date(1997, 11, 20),
        ),
    ],
)
def test_agreeing_clues_choose_a_sure_year(text: str, expected: date) -> None:
    day, weak, basis = _found(text)
    assert (day, weak) == (expected, False), basis


def test_weekday_alone_is_unsure_and_names_the_other_years() -> None:
    day, weak, basis = _found("WASHINGTON, March 22 (AP) -- The Senate voted on Friday to approve the budget.")
    assert day == date(2024, 3, 22) and weak
    assert "Friday" in basis and "also possible" in basis and "2019" in basis


def test_a_weekday_that_fits_no_year_of_the_text_stays_unsure() -> None:
    # 22 Mar 2010 was a Monday: the text's 2010 and its Friday disagree.
    day, weak, basis = _found("WASHINGTON, March 22 (AP) -- The Senate voted Friday. Spending peaked in 2010.")
    assert weak and day.year > 2010 and day.weekday() == 4, basis  # a Friday, after the text's 2010


def test_years_still_to_come_do_not_place_the_article() -> None:
    day, weak, basis = _found(
        "LONDON, June 3 (Wire) -- The plant will close by 2030, the company said on Tuesday. It opened in 2018."
    )
    # 3 Jun 2025 was a Tuesday, after 2018 and before 2030; 2020 fits the weekday as the day before.
    assert (day, weak) == (date(2025, 6, 3), True) and "tells of is 2030" not in basis


def test_age_beside_a_birth_year_gives_two_candidate_years() -> None:
    day, weak, basis = _found("ROME, May 5 (Wire) -- Maria Rossi, 70, who was born in 1931, died on Saturday.")
    # 5 May 2001 was a Saturday: the weekday picks one of 2001 and 2002.
    assert (day, weak) == (date(2001, 5, 5), False), basis
    assert "age 70" in basis


def test_metadata_date_contradicted_by_the_dateline_is_a_conflict(tmp_path: Path) -> None:
    from timeline_app.core.ingest import load_document
    from timeline_app.core.reference_date import resolve_reference_date

    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2024-05-02"><title>Vote</title></head>'
        "<body><article><p>BERLIN, May 9 (Wire) - Parliament approved the law on Thursday after a long debate "
        "that lasted well into the night and ended with a narrow vote.</p></article></body></html>",
        encoding="utf-8",
    )
    doc = load_document(page, "p")
    resolve_reference_date(doc)
    assert doc.reference_date == date(2024, 5, 2) and doc.reference_date_weak
    assert "conflict" in doc.reference_date_basis and "May 9" in doc.reference_date_basis
    note = unsure_note(doc)
    assert note is not None and "--reference-date" in note


def test_office_holders_named_by_title_narrow_the_years() -> None:
    from timeline_app.core.reference_year import office_terms

    text = (
        "President Clinton met Prime Minister Tony Blair and Secretary-General Kofi Annan, while the Bush "
        "administration was recalled and former President Carter watched."
    )
    terms = dict(office_terms(text, TODAY))
    assert terms["President Clinton"] == ((1993, 2001),)
    assert terms["Prime Minister Tony Blair"] == ((1997, 2007),)
    assert terms["Bush administration"] == ((1989, 1993), (2001, 2009))
    assert not any("Carter" in words for words in terms)
    # Feb 13 was a Friday in 1998, 2004, 2009, 2015 and 2026: only 1998 falls in Clinton's and Annan's terms.
    day, _weak, basis = _found(
        "WASHINGTON, Feb. 13 (AP) -- President Clinton and Secretary-General Kofi Annan spoke on Friday."
    )
    assert day == date(1998, 2, 13) and "President Clinton" in basis


def test_leaders_named_by_title_narrow_the_years_too() -> None:
    from timeline_app.core.reference_year import office_terms

    text = (
        "Supreme Leader Ayatollah Ali Khamenei received Libyan leader Moammar Gaddafi, "
        "and the late leader Kim Il-sung was recalled."
    )
    terms = dict(office_terms(text, TODAY))
    assert terms["Supreme Leader Ayatollah Ali Khamenei"] == ((1989, TODAY.year),)  # still in office
    assert terms["leader Moammar Gaddafi"] == ((1969, 2011),)
    assert not any("Kim Il-sung" in words for words in terms)  # "late": no longer in office


def test_the_seed_is_placed_without_the_office_holders(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer is general knowledge, not a rule for the bundled article: its weekday and its
    anniversary place it in 2025 with every office-holder clue taken away."""
    import re

    from timeline_app.core import reference_year

    seed = next((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    with_holders = reference_date_from_text(seed, today=TODAY)
    monkeypatch.setattr(reference_year, "_OFFICE_MENTION", re.compile(r"(?!)"))
    without = reference_date_from_text(seed, today=TODAY)
    assert with_holders is not None and without is not None
    assert without.day == with_holders.day == date(2025, 9, 4) and not without.weak
    assert "held office" in with_holders.basis and "held office" not in without.basis
