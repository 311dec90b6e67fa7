"""TimelineJS 3 JSON: the shape TimelineJS reads, round trips, and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from io_samples import sample_timeline
from roundtrip_checks import assert_round_trip

from timeline_app.core.model import DatePoint, FuzzyDate
from timeline_app.io.safety import FormatError
from timeline_app.io.timelinejs import export_timelinejs, from_timelinejs, import_timelinejs, to_timelinejs


def slides_by_id() -> dict[str, dict]:
    return {s["unique_id"]: s for s in to_timelinejs(sample_timeline(), title="Harbour")["events"]}


def test_dates_carry_only_known_parts() -> None:
    slides = slides_by_id()
    assert slides["e1"]["start_date"] == {"year": 2025, "month": 9, "day": 3}
    assert slides["e2"]["start_date"] == {"year": 2024, "month": 10}
    assert slides["e3"]["start_date"] == {"year": 2019}
    assert slides["e4"]["start_date"] == {"year": 2025, "month": 9, "day": 4, "hour": 14, "minute": 30}
    assert slides["e5"]["end_date"] == {"year": 2025, "month": 3, "day": 9}
    assert all("end_date" not in slides[k] and "display_date" not in slides[k] for k in ("e1", "e2", "e3", "e4"))
    assert "display_date" not in slides["e5"]


def test_uncertain_dates_get_a_display_date() -> None:
    slides = slides_by_id()
    contract = slides["e6"]
    assert contract["start_date"] == {"year": 2024, "month": 10}
    assert contract["end_date"] == {"year": 2025, "month": 9, "day": 3}
    assert contract["display_date"] == "between Oct 2024 and 3 Sep 2025 — date not stated"
    assert slides["e8"]["start_date"] == {"year": 2010}
    assert slides["e8"]["display_date"] == "before 2010 — date not stated"
    assert slides["e10"]["display_date"] == "1 Sep – 7 Sep 2025 (week)"


def test_text_is_escaped_and_lists_sources() -> None:
    slides = slides_by_id()
    vote = slides["e1"]
    assert vote["text"]["headline"] == "Council votes &lt;yes&gt; &amp; adjourns"
    assert "<yes>" not in vote["text"]["text"]
    assert 'Source: Harbour council minutes <span class="tl-source-path">harbour.txt</span>' in vote["text"]["text"]
    assert '<a href="https://example.org/rail?id=1&amp;x=2">Rail strike report</a>' in vote["text"]["text"]
    assert vote["group"] == "Politics"
    assert slides["e2"]["background"] == {"color": "#1f77b4"}


def test_title_and_eras() -> None:
    era = FuzzyDate.interval(DatePoint.year(2019), DatePoint.year(2021))
    config = to_timelinejs(sample_timeline(), title="Harbour & rail", eras=[("Works", era)])
    assert config["title"]["text"]["headline"] == "Harbour &amp; rail"
    assert config["eras"] == [{"start_date": {"year": 2019}, "end_date": {"year": 2021}, "text": {"headline": "Works"}}]
    imported = from_timelinejs(config)
    assert imported.events[-1].title == "Works" and imported.events[-1].date == era


def test_undated_events_are_left_out() -> None:
    timeline = sample_timeline()
    timeline.events[0].date = FuzzyDate.bounded(None, None)
    assert "e1" not in {s["unique_id"] for s in to_timelinejs(timeline)["events"]}


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    export_timelinejs(sample_timeline(), path)
    imported = import_timelinejs(path)
    assert_round_trip(sample_timeline(), imported)
    assert [e.id for e in imported.events] == [e.id for e in sample_timeline().events]
    assert imported.events[1].color == "#1f77b4"
    assert imported.events[0].sentence == "Council votes <yes> & adjourns — as reported."


def test_foreign_file_with_string_parts() -> None:
    config = {
        "events": [
            {"start_date": {"year": "1969", "month": "7", "day": "20"}, "text": {"headline": "<b>Landing</b>"}},
            {"start_date": {"year": 1990}, "end_date": {"year": "1992", "month": ""}, "text": {"text": "Plain text"}},
        ]
    }
    timeline = from_timelinejs(config)
    assert [e.title for e in timeline.events] == ["Landing", ""]
    assert timeline.events[0].date.edtf == "1969-07-20"
    assert timeline.events[1].date.edtf == "1990/1992"
    assert timeline.events[1].sentence == "Plain text"


@pytest.mark.parametrize(
    ("config", "match"),
    [
        ([1, 2], "not a TimelineJS file"),
        ({"events": [{"start_date": {"year": 0}}]}, "year 0 is outside"),
        ({"events": [{"start_date": {"year": 99999}}]}, "year 99999 is outside"),
        ({"events": [{"start_date": {"year": 2020, "month": 13}}]}, "month 13"),
        ({"events": [{"start_date": {"year": 2021, "month": 2, "day": 29}}]}, "day 29 does not exist"),
        ({"events": [{"start_date": {"year": "MMXX"}}]}, "whole number"),
        ({"events": [{"text": {"headline": "no date"}}]}, "no start_date"),
        ({"events": [{"start_date": {"year": 2020}, "end_date": {"year": 2019}}]}, "end date is before"),
        ({"events": [{"start_date": {"year": 2020}, "text": "x"}]}, "'text' must be an object"),
    ],
)
def test_bad_content(config: object, match: str) -> None:
    with pytest.raises(FormatError, match=match):
        from_timelinejs(config)


def test_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"events": [ {"start_date": ')
    with pytest.raises(FormatError, match=r"bad.json: malformed JSON at line 1"):
        import_timelinejs(path)


def test_deeply_nested_json(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(FormatError, match=r"deep\.json: JSON nested too deeply"):
        import_timelinejs(path)


def test_100_mb_json_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.write(b'{"events": [')
        chunk = json.dumps({"start_date": {"year": 2020}, "text": {"headline": "x" * 1000}}).encode() + b","
        for _ in range(100 * 1024 * 1024 // len(chunk)):
            handle.write(chunk)
        handle.write(b'{"start_date": {"year": 2020}}]}')
    assert path.stat().st_size > 100_000_000

    def no_parsing(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was parsed")

    monkeypatch.setattr("timeline_app.io.timelinejs.json.loads", no_parsing)
    monkeypatch.setattr("pathlib.Path.read_bytes", no_parsing)
    with pytest.raises(FormatError, match="import limit"):
        import_timelinejs(path)
