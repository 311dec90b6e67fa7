"""The anchoring rules the product promises, on news-style sentences (reference date 2025-09-04)."""

from datetime import date

import pytest

from timeline_app.core.model import Timex
from timeline_app.core.temporal import tag

REF = date(2025, 9, 4)


def only(text: str, reference: date | None = REF) -> Timex:
    found = tag(text, reference)
    assert len(found) == 1, found
    return found[0]


def test_weekday_in_past_reporting_is_the_reference_day() -> None:
    t = only("Leaders discussed cooperation, as reported by state media on Thursday.")
    assert (t.text, t.type, t.value) == ("Thursday", "DATE", "2025-09-04")
    assert "Thursday" in t.basis and "2025-09-04" in t.basis
    assert t.anchor == "2025-09-04"


def test_previous_day_anchors_on_last_date_mentioned() -> None:
    found = tag("State media reported on Thursday. A parade was held on the previous day.", REF)
    assert [(t.text, t.value) for t in found] == [("Thursday", "2025-09-04"), ("the previous day", "2025-09-03")]
    assert found[1].anchor == "2025-09-04"


def test_month_of_last_year() -> None:
    t = only("Since October of last year, the country has sent troops.")
    assert (t.text, t.type, t.value) == ("October of last year", "DATE", "2024-10")
    assert "2024" in t.basis


@pytest.mark.parametrize(
    "sentence",
    [
        "It is anticipated that North Korea may send an additional 6,000 soldiers to Russia.",
        "The ceremony commemorated the 80th anniversary of the victory.",
        "The agency estimated that around 2,000 troops have lost their lives.",
        "About 15,000 troops were dispatched.",
        "Veterans of the Second World War attended.",
    ],
)
def test_no_false_dates(sentence: str) -> None:
    assert tag(sentence, REF) == []


def test_dateline_without_reference_keeps_month_and_day() -> None:
    t = only("Seoul, Sep 4 (Agency) Leaders met.", None)
    assert (t.text, t.value) == ("Sep 4", "XXXX-09-04")


def test_weekday_without_reference_is_unresolved_but_keeps_weekday() -> None:
    t = only("The talks ended on Thursday.", None)
    assert t.value == "XXXX-WXX-4"
