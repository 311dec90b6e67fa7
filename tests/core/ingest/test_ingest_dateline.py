"""Dateline and title detection."""

from __future__ import annotations

import pytest

from timeline_app.core.ingest.dateline import detect_title, find_date_line, find_dateline


@pytest.mark.parametrize(
    ("text", "place", "agency", "month", "day", "year"),
    [
        ("Seoul, Sep 4 (NewsWire) Leaders met.", "Seoul", "NewsWire", 9, 4, None),
        ("LONDON, March 3, 2021 (Reuters) - Markets rose.", "LONDON", "Reuters", 3, 3, 2021),
        ("NAIROBI, Kenya (AP) _\n\nBombs exploded.", "NAIROBI, Kenya", "AP", None, None, None),
        ("Headline here\n\nLima, 12 June (Andina) -- Talks began.", "Lima", "Andina", 6, 12, None),
        ("Quito (Wire) Sep 4 - Talks began.", "Quito", "Wire", 9, 4, None),
    ],
)
def test_datelines(text: str, place: str, agency: str, month: int | None, day: int | None, year: int | None) -> None:
    d = find_dateline(text)
    assert d is not None
    assert (d.place, d.agency, d.month, d.day, d.year) == (place, agency, month, day, year)
    assert text[d.end :].lstrip()[0].isupper()
    if d.has_date:
        assert d.date_start is not None and d.date_end is not None
        assert text[d.date_start : d.date_end].split()[0][:3] in ("Sep", "Mar", "12")
        assert d.end > d.date_end


def test_no_dateline_in_plain_prose() -> None:
    assert find_dateline("The president (who is old) spoke to reporters about the plan.") is None
    assert find_dateline("Key Takeaways\n- Leaders met.\n- Trade rose.") is None


def test_date_line_needs_a_year() -> None:
    d = find_date_line("Apple releases SDK March 06 , 2008 During an event")
    assert d is not None and (d.year, d.month, d.day) == (2008, 3, 6)
    d = find_date_line("Jobs dies aged 56 October 6 , 2011 The co-founder")
    assert d is not None and (d.year, d.month, d.day) == (2011, 10, 6)
    assert find_date_line("Sales rose on March 6 and fell again.") is None
    d = find_date_line("Rates rise again\n\nPublished 14 March 2024\n\nThe bank raised rates.")
    assert d is not None and (d.year, d.month, d.day) == (2024, 3, 14)
    assert find_dateline("Rates rise again\n\nPublished 14 March 2024\n\nThe bank raised rates.") is None
    assert find_date_line("ADP plans to redeem its debentures due March 1, 2011. The plan was approved.") is None
    assert find_date_line("Results fell. Then on March 1, 2011 Sales rose") is None


def test_titles() -> None:
    assert detect_title("\n# Storm hits coast\n\nBody text here.") == "Storm hits coast"
    title = detect_title("NAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the U.S. embassies. More text.")
    assert title == "Suspected bombs exploded outside the U.S. embassies."
    long_line = "word " * 80
    assert detect_title(long_line).endswith("…")
