"""Event building on small articles: which clauses become events, their dates, status, merging, titles."""

from __future__ import annotations

from datetime import date

from timeline_app.core.model import DateKind, Status
from timeline_app.core.pipeline import extract_text

REF = date(1998, 8, 7)


def _events(text: str, ref: date = REF) -> list[tuple[str, str, str]]:
    return [(e.date.edtf, e.status.value, e.title) for e in extract_text(text, doc_id="t", reference_date=ref).events]


def test_statement_with_date_is_one_reported_event() -> None:
    text = "NAIROBI, Kenya (AP) _\n\nThe ambassador said on Thursday that the embassy would reopen soon."
    assert _events(text) == [("1998-08-06", "reported", "Ambassador: The embassy would reopen soon")]


def test_trailing_statement_absorbs_undated_content() -> None:
    timeline = extract_text("The port stayed closed to all ships, officials said Friday.", reference_date=REF)
    assert len(timeline.events) == 1
    event = timeline.events[0]
    assert event.status is Status.REPORTED and event.date.edtf == "1998-08-07"
    assert event.title == "Report by officials" or event.title.startswith("Officials: The port stayed closed")


def test_year_used_as_modifier_does_not_date_the_event() -> None:
    events = _events("The 1987 sedan was found last month at the airport, police said.", date(1999, 1, 22))
    assert [d for d, _s, _t in events] == ["1998-12"]


def test_range_becomes_interval() -> None:
    events = _events("The number of clinics declined between 1982 and 1992 across the region.")
    assert events == [("1982/1992", "occurred", "The number of clinics declined across the region")]


def test_since_makes_ongoing_and_future_is_expected() -> None:
    events = _events("Since March, the rebels have held the town. Elections will take place on Sept. 20.")
    assert ("1998-03", "ongoing") in [(d, s) for d, s, _t in events]
    assert ("1998-09-20", "expected") in [(d, s) for d, s, _t in events]


def test_shortly_after_takes_the_date_of_the_linked_clause_and_follows_it() -> None:
    timeline = extract_text(
        "The vote was held shortly after the delegates arrived on Tuesday. It passed easily.", reference_date=REF
    )
    arrived, vote, passed = (next(e for e in timeline.events if w in e.title) for w in ("arrived", "vote", "passed"))
    assert timeline.events.index(arrived) < timeline.events.index(vote)
    assert arrived.date.edtf == vote.date.edtf == "1998-08-04"
    assert "arrived" in arrived.title and "vote" in vote.title.lower()
    # Undated, in the past, about the vote: the story's day.
    assert passed.date.earliest == passed.date.latest == date(1998, 8, 4) and "passed" in passed.title


def test_meeting_mentions_merge_and_undated_reported_speech_is_bounded() -> None:
    text = (
        "The summit took place on Monday in the capital.\n"
        "At the start of the meeting, the minister noted that engineers repaired the bridge.\n"
        "During the talks, both sides signed a trade pact."
    )
    timeline = extract_text(text, reference_date=REF)
    summit = next(e for e in timeline.events if "summit" in e.title.lower())
    assert summit.date.edtf == "1998-08-03"
    assert any("signed a trade pact" in m.text for m in summit.mentions)
    bridge = next(e for e in timeline.events if "bridge" in e.title and e.status is not Status.REPORTED)
    assert bridge.date.kind is DateKind.BOUNDED and bridge.date.latest == date(1998, 8, 3)
    assert "meeting" in bridge.date_basis
    # The noting is the sentence's news, on the story's day; what was noted keeps its bounds.
    noted = next(e for e in timeline.events if e.status is Status.REPORTED and "bridge" in e.title)
    assert noted.date.edtf == "1998-08-03~" and noted.title.startswith("Minister")


def test_headings_bullets_and_undated_commentary_are_not_events() -> None:
    text = (
        "Key points\n- Talks ended on Monday.\n\n"
        "Analysts think the relationship is complicated. Many observers remain cautious about it."
    )
    assert _events(text) == []


def test_mentions_point_into_the_text() -> None:
    text = "LONDON, March 3, 2021 (Reuters) - Markets rose on Tuesday, traders said. Oil fell in February."
    timeline = extract_text(text)
    assert timeline.documents[0].reference_date == date(2021, 3, 3)
    for e in timeline.events:
        assert e.mentions and all(text[m.start : m.end] == m.text for m in e.mentions)
    assert {e.date.edtf for e in timeline.events} >= {"2021-03-02", "2021-02"}


def test_linked_clauses_of_one_sentence_stay_two_events() -> None:
    timeline = extract_text("The fire broke out shortly after a storm hit the area on Saturday.", reference_date=REF)
    storm, fire = timeline.events
    assert storm.date.edtf == fire.date.edtf == "1998-08-01"
    assert "storm" in storm.title and fire.title == "The fire broke out"


def test_undated_clause_naming_a_happening_as_object_is_not_merged() -> None:
    text = (
        "Parliament will vote on the accord next year.\n"
        "France has said it will try to block the accord, and the minister repeated it."
    )
    timeline = extract_text(text, reference_date=REF)
    vote = next(e for e in timeline.events if "vote" in e.title)
    assert len(vote.mentions) == 1


def test_participle_aside_leaves_the_title_and_names_are_split_from_offices() -> None:
    text = (
        "More than 400 firefighters, backed by 12 aircraft, battled the blaze on Sunday. "
        "European Commission President Ann van der Berg flew to Lima on Monday."
    )
    events = extract_text(text, reference_date=REF).events
    assert events[0].title == "More than 400 firefighters battled the blaze"
    assert "400 firefighters" in " ".join(events[0].quantities)
    assert {"European Commission", "Ann van der Berg"} <= set(events[1].actors)
    assert "President" not in " ".join(events[1].actors)
    assert "Lima" in events[1].places


def test_quoted_statement_and_pronoun_speaker() -> None:
    text = (
        "Mayor Ana Costa visited the flooded district on Sunday.\n"
        '"We will rebuild every house," she said on Monday.\n'
        "She said on Tuesday that the bridge would reopen in May."
    )
    events = extract_text(text, reference_date=date(2024, 5, 1)).events
    by_date = {e.date.edtf: e for e in events}
    assert by_date["2024-04-29"].title == "Ana Costa: We will rebuild every house"
    assert by_date["2024-04-29"].status is Status.REPORTED and by_date["2024-04-29"].actors[0] == "Ana Costa"
    assert by_date["2024-04-30"].title.startswith("Ana Costa: The bridge would reopen")
    assert by_date["2024-05"].status is Status.EXPECTED and "bridge" in by_date["2024-05"].title
