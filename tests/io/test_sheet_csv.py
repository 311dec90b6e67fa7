"""CSV in the TimelineJS spreadsheet layout: columns, round trip, malformed sheets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from io_samples import sample_timeline
from roundtrip_checks import assert_round_trip

from timeline_app.io.safety import FormatError
from timeline_app.io.sheet_csv import COLUMNS, export_sheet_csv, from_sheet_csv, import_sheet_csv, to_sheet_csv


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_columns_and_cells() -> None:
    text = to_sheet_csv(sample_timeline(), title="Harbour")
    assert text.splitlines()[0].split(",") == list(COLUMNS)
    title, vote, budget, _port, press, strike, contract = rows(text)[:7]
    assert title["Type"] == "title" and title["Headline"] == "Harbour"
    assert (vote["Year"], vote["Month"], vote["Day"], vote["Time"]) == ("2025", "9", "3", "")
    assert vote["Headline"] == "Council votes &lt;yes&gt; &amp; adjourns" and vote["Group"] == "Politics"
    assert (budget["Year"], budget["Month"], budget["Day"], budget["Background"]) == ("2024", "10", "", "#1f77b4")
    assert press["Time"] == "14:30"
    assert (strike["End Year"], strike["End Month"], strike["End Day"]) == ("2025", "3", "9")
    assert contract["Display Date"] == "between Oct 2024 and 3 Sep 2025 — date not stated"


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    export_sheet_csv(sample_timeline(), path, title="Harbour")
    imported = import_sheet_csv(path)
    assert_round_trip(sample_timeline(), imported)
    assert imported.events[1].color == "#1f77b4"


def test_formula_like_cells_are_neutralised_and_restored() -> None:
    timeline = sample_timeline()
    timeline.events[0].title = '=HYPERLINK("http://x")'
    timeline.events[1].title = "-5% on the day"
    text = to_sheet_csv(timeline)
    assert not any(r["Headline"].startswith(("=", "-")) for r in rows(text))
    imported = from_sheet_csv(text)
    assert [e.title for e in imported.events[:2]] == ['=HYPERLINK("http://x")', "-5% on the day"]


def test_spreadsheet_style_times_and_eras() -> None:
    text = (
        "Year,Month,Day,Time,End Year,Headline,Type,Group\n2024,5,6,2:15 PM,,Talk,,Talks\n1990,,,,1995,Nineties,era,\n"
    )
    timeline = from_sheet_csv(text)
    talk, era = timeline.events
    assert talk.date.edtf == "2024-05-06T14:15" and talk.group == "Talks"
    assert era.date.edtf == "1990/1995" and era.group == "Era"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "empty"),
        ("Date,Title\n2020,x\n", "not a TimelineJS sheet"),
        ('Year,Headline\n2020,"unterminated\n', "malformed CSV"),
        ("Year,Headline\n0,zero\n", "row 2: year 0 is outside"),
        ("Year,Headline\n99999,far\n", "row 2: year 99999 is outside"),
        ("Year,Month,Headline\n2020,14,x\n", "month 14"),
        ("Year,Month,Day,Headline\n2023,2,29,x\n", "day 29 does not exist"),
        ("Year,Time,Headline\n2020,,x\n,,\n2020,,y,extra\n", "row 4: 4 cells for 3 columns"),
        ("Year,Month,Day,Time,Headline\n2020,1,1,25:00,x\n", "out of range"),
        ("Year,Headline\n,x\n", "row 2: no Year"),
    ],
)
def test_malformed(text: str, match: str) -> None:
    with pytest.raises(FormatError, match=match) as info:
        from_sheet_csv(text, "s.csv")
    assert "\n" not in str(info.value)


def test_a_field_over_the_csv_modules_default_limit_is_read() -> None:
    # The exporter writes a slide's whole text; the file's size is what the import limit bounds.
    (event,) = from_sheet_csv("Year,Headline\n2020," + "x" * 200_000 + "\n").events
    assert len(event.title) == 200_000


def test_an_unterminated_quote_is_a_clean_error() -> None:
    with pytest.raises(FormatError, match="malformed CSV"):
        from_sheet_csv('Year,Headline\n2020,"never closed\n')
