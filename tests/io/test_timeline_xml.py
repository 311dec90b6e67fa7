"""The desktop Timeline's `.timeline` XML: the element order it reads, round trip, hostile XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from io_samples import sample_timeline
from roundtrip_checks import assert_round_trip

from timeline_app.io.safety import FormatError
from timeline_app.io.timeline_xml import export_timeline_xml, from_timeline_xml, import_timeline_xml, to_timeline_xml

# The order in which Timeline's parser expects the children (it rejects others).
TOP_ORDER = ["version", "timetype", "eras", "categories", "events", "view", "now"]
EVENT_ORDER = ["start", "end", "text", "progress", "fuzzy", "locked", "ends_today", "category", "description",
               "alert", "hyperlink", "icon", "default_color", "milestone"]  # fmt: skip


def is_ordered(tags: list[str], order: list[str]) -> bool:
    positions = [order.index(t) for t in tags]
    return positions == sorted(positions) and len(set(tags)) == len(tags)


def test_structure_follows_timeline_schema() -> None:
    root = ET.fromstring(to_timeline_xml(sample_timeline()))
    assert root.tag == "timeline" and root.findtext("version") == "2.4.0"
    assert is_ordered([c.tag for c in root], TOP_ORDER)
    events = root.findall("events/event")
    assert len(events) == 14
    assert all(is_ordered([c.tag for c in e], EVENT_ORDER) for e in events)
    categories = {c.findtext("name"): c.findtext("color") for c in root.iterfind("categories/category")}
    # One category per document, in the viewer's colours for the first and second document.
    assert categories == {"Harbour council minutes": "0,114,178", "Rail strike report": "213,94,0"}
    vote, budget, port, press, _strike, contract = events[:6]
    assert (vote.findtext("start"), vote.findtext("end")) == ("2025-09-03 00:00:00", "2025-09-03 00:00:00")
    assert (budget.findtext("start"), budget.findtext("end")) == ("2024-10-01 00:00:00", "2024-10-31 00:00:00")
    assert press.findtext("start") == "2025-09-04 14:30:00"
    assert contract.findtext("fuzzy") == "True" and contract.findtext("category") == "Rail strike report"
    assert "Precision: bounded" in (contract.findtext("description") or "")
    assert "Group: Transport" in (contract.findtext("description") or "")
    assert contract.findtext("hyperlink") == "https://example.org/rail?id=1&x=2"
    assert budget.findtext("default_color") == "31,119,180"  # its own colour
    assert port.findtext("default_color") == "0,114,178"  # its document's


def test_round_trip(tmp_path: Path) -> None:
    original = sample_timeline()
    original.events[2].title = "(Port) opened"
    path = tmp_path / "t.timeline"
    export_timeline_xml(original, path)
    assert ET.parse(path).getroot().findall("events/event")[2].findtext("text") == " (Port) opened"
    imported = import_timeline_xml(path)
    assert_round_trip(original, imported)
    assert imported.events[1].color == "#1f77b4"


def test_file_written_by_timeline() -> None:
    data = b"""<?xml version="1.0" encoding="utf-8"?>
<timeline><version>2.9.0</version><timetype>gregoriantime</timetype>
<categories><category><name>Work</name><color>255,165,0</color></category></categories>
<events>
 <event><start>2011-02-03 00:00:00</start><end>2011-02-05 00:00:00</end><text>Trip</text>
  <fuzzy>False</fuzzy><category>Work</category><default_color>10,20,30</default_color></event>
 <event><start>2011-03-01 08:46:00</start><end>2011-03-01 08:46:00</end><text>Call</text>
  <hyperlink>https://example.org/call</hyperlink></event>
 <event><start>2011-04-01 00:00:00</start><end>2011-06-01 00:00:00</end><text>Sometime</text><fuzzy>True</fuzzy></event>
</events><view></view></timeline>"""
    timeline = from_timeline_xml(data)
    trip, call, sometime = timeline.events
    assert (trip.date.edtf, trip.group, trip.color) == ("2011-02-03/2011-02-05", "Work", "#0a141e")
    assert call.date.edtf == "2011-03-01T08:46"
    assert [(d.title, d.path) for d in timeline.documents] == [("https://example.org/call",) * 2]
    assert [m.document for m in call.mentions] == [timeline.documents[0].id] and trip.mentions == []
    assert sometime.date.edtf == "[2011-04-01..2011-06-01]"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<timeline><version>2.4.0</version><categories/><events><event><start>2011-02-03 00:00:00</start>
<end>2011-02-03 00:00:00</end><text>&lol9;</text></event></events><view/></timeline>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE timeline [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<timeline><version>2.4.0</version><categories/><events><event><start>2011-02-03 00:00:00</start>
<end>2011-02-03 00:00:00</end><text>&secret;</text></event></events><view/></timeline>"""


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (BILLION_LAUGHS, "refused"),
        (EXTERNAL_ENTITY, "refused"),
        (b"<timeline><events><event>", "malformed XML at line 1"),
        (b"\x00\x01garbage", "malformed XML"),
        (b"<calendar/>", r"not a Timeline file \(root element <calendar>\)"),
        (b"<timeline><version>2.4.0</version></timeline>", "no <events>"),
        (b"<timeline><events><event><start>yesterday</start></event></events></timeline>", "unreadable time"),
        (b"<timeline><events><event><start>0-01-01 00:00:00</start><end>0-01-01 00:00:00</end>"
         b"</event></events></timeline>", "year 0 is outside"),
        (b"<timeline><events><event><start>99999-01-01 00:00:00</start><end>99999-01-01 00:00:00</end>"
         b"</event></events></timeline>", "year 99999 is outside"),
        (b"<timeline><events><event><start>2020-02-30 00:00:00</start><end>2020-02-30 00:00:00</end>"
         b"</event></events></timeline>", "invalid time"),
        (b"<timeline><events><event><start>2020-02-03 00:00:00</start><end>2020-02-01 00:00:00</end>"
         b"</event></events></timeline>", "end is before the start"),
    ],
)  # fmt: skip
def test_hostile_and_malformed(data: bytes, match: str) -> None:
    with pytest.raises(FormatError, match=match) as info:
        from_timeline_xml(data, "x.timeline")
    assert "\n" not in str(info.value)


def test_oversized_xml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.timeline"
    with path.open("wb") as handle:
        handle.write(b"<timeline>")
        handle.truncate(51 * 1024 * 1024)
    with pytest.raises(FormatError, match="import limit"):
        import_timeline_xml(path)


def test_a_file_name_with_angle_brackets_and_percent_comes_back_whole(tmp_path: Path) -> None:
    from datetime import date as _date

    from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
    from timeline_app.io.sources import event_sources, file_name

    docs = [Document("d0", "/x/0 <a> 5%3C.txt", "", title="0"), Document("d1", "0", "", title="00")]
    event = Event("e0", "t", "s", FuzzyDate.point(DatePoint.day(_date(2000, 1, 1))), mentions=[Mention("d0", 0, 0, "")])
    path = tmp_path / "t.timeline"
    export_timeline_xml(Timeline(documents=docs, events=[event]), path)
    back = import_timeline_xml(path)
    (source,) = event_sources(back, back.events[0])
    assert (source.title, file_name(source.path)) == ("0", "0 <a> 5%3C.txt")
    assert back.events[0].group == ""
