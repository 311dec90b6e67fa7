"""Reference date: explicit, metadata, the text (dateline, year recovery), file time as a weak last resort."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from seed_variants import seed_text, with_dateline, without_anniversary

from timeline_app.core.model import Document
from timeline_app.core.reference_date import (
    anniversary_years,
    reference_date_from_text,
    resolve_reference_date,
)

TODAY = date(2026, 11, 28)
MEANTIME = Path(__file__).resolve().parents[3] / "shared" / "data" / "meantime-apple" / "meantime_apple.jsonl"


def test_seed_year_from_weekday_and_anniversary() -> None:
    found = reference_date_from_text(seed_text(), today=TODAY)
    assert found is not None
    assert found.day == date(2025, 9, 4)
    assert "Thursday" in found.basis and "1945 + 80" in found.basis


def test_weekday_alone_picks_most_recent_matching_year() -> None:
    text = without_anniversary(with_dateline(seed_text(), "Mar 12", "Wednesday"))
    found = reference_date_from_text(text, today=TODAY)
    assert found is not None and found.day == date(2025, 3, 12)
    # The same weekday two years earlier: 2019-03-12 was a Tuesday, 2024-03-12 a Tuesday too.
    found = reference_date_from_text(with_dateline(without_anniversary(seed_text()), "Mar 12", "Tuesday"), today=TODAY)
    assert found is not None and found.day == date(2024, 3, 12)


def test_anniversary_alone_sets_year() -> None:
    text = "Paris, May 8 (Wire) Crowds marked the 75th anniversary of the end of World War II in Europe."
    found = reference_date_from_text(text, today=TODAY)
    assert found is not None and found.day == date(2020, 5, 8)


def test_anniversary_with_explicit_year() -> None:
    assert 2019 in anniversary_years("the 30th anniversary of the 1989 revolution")
    assert 2025 in anniversary_years("Crowds marked 80 years since the end of the Second World War.")
    assert anniversary_years("the 12th anniversary of the company's founding") == {}


def test_last_year_beside_explicit_year() -> None:
    text = "Oslo, Feb 2 (Wire) Output fell. Sales rose in 2021, last year, by a tenth."
    found = reference_date_from_text(text, today=TODAY)
    assert found is not None and found.day == date(2022, 2, 2)


def test_dateline_with_year_and_date_under_headline() -> None:
    found = reference_date_from_text("LONDON, March 3, 2021 (Reuters) - Markets rose.", today=TODAY)
    assert found is not None and found.day == date(2021, 3, 3)
    found = reference_date_from_text("Company posts results\nMarch 06 , 2008\nThe company said.", today=TODAY)
    assert found is not None and found.day == date(2008, 3, 6)


def test_never_a_future_date() -> None:
    found = reference_date_from_text("Rome, Dec 30 (Wire) The pope spoke on Sunday.", today=date(2026, 11, 28))
    assert found is not None and found.day <= date(2026, 11, 28)


def test_no_date_in_text() -> None:
    assert reference_date_from_text("Nothing here has a date at all.", today=TODAY) is None


def test_order_explicit_then_metadata_then_text_then_file_time(tmp_path: Path) -> None:
    doc = Document(id="d", path="", text=seed_text())
    resolve_reference_date(doc, explicit=date(2000, 1, 2))
    assert doc.reference_date == date(2000, 1, 2) and doc.reference_date_basis == "given by the user"

    doc = Document(id="d", path="", text=seed_text(), reference_date=date(2011, 1, 1), reference_date_basis="meta")
    resolve_reference_date(doc)
    # Metadata wins, but a dateline that says otherwise is kept beside it and makes the date unsure.
    assert doc.reference_date == date(2011, 1, 1) and doc.reference_date_basis.startswith("meta")
    assert doc.reference_date_weak and "conflict" in doc.reference_date_basis

    agreeing = Document(id="d", path="", text=seed_text(), reference_date=date(2025, 9, 4), reference_date_basis="m")
    resolve_reference_date(agreeing)
    assert agreeing.reference_date_basis == "m" and not agreeing.reference_date_weak

    doc = Document(id="d", path="", text=seed_text())
    resolve_reference_date(doc, today=TODAY)
    assert doc.reference_date == date(2025, 9, 4) and not doc.reference_date_weak

    f = tmp_path / "undated.txt"
    f.write_text("No date here.", encoding="utf-8")
    stamp = 1_600_000_000  # 2020-09-13
    os.utime(f, (stamp, stamp))
    doc = Document(id="d", path=str(f), text="No date here.")
    resolve_reference_date(doc, today=TODAY)
    assert doc.reference_date == date.fromtimestamp(stamp)
    assert doc.reference_date_weak and "modification time" in doc.reference_date_basis


@pytest.mark.skipif(not MEANTIME.exists(), reason="MEANTIME data not available")
def test_meantime_reference_dates_from_text_alone() -> None:
    rows = [json.loads(line) for line in MEANTIME.read_text(encoding="utf-8").splitlines() if line.strip()]
    correct = 0
    for row in rows:
        found = reference_date_from_text(row["text"], today=TODAY)
        correct += found is not None and found.day.isoformat() == row["dct"]
    assert correct / len(rows) >= 0.9


def test_latest_year_mentioned_breaks_weekday_ties() -> None:
    # 7 Aug was a Friday in 1998 and in 2026: the years the article names decide.
    text = "NAIROBI, August 7 (Wire) -- Bombs exploded on Friday. Security was raised after threats in 1996 and 1998."
    found = reference_date_from_text(text, today=TODAY)
    assert found is not None and found.day == date(1998, 8, 7)
    assert "1998" in found.basis


def test_year_without_evidence_is_weak() -> None:
    found = reference_date_from_text("Lima, Jun 12 (Wire) - The council approved the plan.", today=TODAY)
    assert found is not None and found.day == date(2026, 6, 12)
    assert found.weak and "assumed" in found.basis


def test_yearless_date_opening_an_article_without_dateline() -> None:
    text = "On Thursday, Sep 4, the two leaders met in the capital. They talked for hours."
    found = reference_date_from_text(text, today=TODAY)
    assert found is not None and found.day == date(2025, 9, 4)
    # Sep 4 was a Thursday in 2025, 2014 and 2008: the most recent is kept, unsure, with the others named.
    assert "Thursday" in found.basis and found.weak and "2014" in found.basis


def test_date_in_a_closing_sentence_is_not_the_writing_date() -> None:
    text = (
        "Pump maker shares slide\n\n"
        "NEW YORK (AP) — Shares of a pump maker fell 9% on Tuesday after a profit warning.\n"
        "The firm will publish its full results on Sept. 18."
    )
    assert reference_date_from_text(text, today=TODAY) is None


def test_future_date_at_the_top_is_not_the_writing_date() -> None:
    text = "The summit will open on Oct. 2 in Geneva, organisers said. Delegates arrive on Monday."
    assert reference_date_from_text(text, today=TODAY) is None


def test_saying_date_before_reported_future_still_counts() -> None:
    text = "On Friday, Oct. 3, the mayor said the bridge would reopen in spring. Repairs began in May."
    found = reference_date_from_text(text, today=TODAY)
    assert found is not None and found.day.month == 10 and found.day.day == 3


def test_full_date_deep_in_the_body_is_a_weak_guess() -> None:
    text = (
        "Council approves budget\n\nThe council approved the budget after a long debate.\n"
        "Members argued for hours. The previous plan was rejected on 12 May 2025 by a narrow vote."
    )
    found = reference_date_from_text(text, today=TODAY)
    assert found is not None and found.day == date(2025, 5, 12) and found.weak
