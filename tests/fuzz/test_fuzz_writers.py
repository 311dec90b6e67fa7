"""Every writer, for any text in any field and dates of every precision: a standard parser accepts
the file, and the app reads back the same events."""

from __future__ import annotations

import random
from pathlib import Path

from conftest import FUZZ, example_folder
from fuzz_inputs import fuzzy_dates, timelines
from fuzz_targets import check_exports, check_timeml_writer
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.core.model import Document, Event, Mention, Status, Timeline, Timex

# Any code point, lone surrogates and characters XML 1.0 forbids included.
any_text = st.text(st.characters(blacklist_categories=()), max_size=60)


@st.composite
def hostile_timelines(draw: st.DrawFn) -> Timeline:
    docs = []
    for i in range(draw(st.integers(0, 2))):
        text = draw(any_text)
        timexes = []
        if text:
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            timexes.append(Timex(start, end, text[start:end], "DATE", draw(any_text)))
        docs.append(Document(f"d{i}", draw(any_text), text, draw(any_text), timexes=timexes))
    events = []
    for i in range(draw(st.integers(1, 4))):
        cited = draw(st.lists(st.sampled_from(docs), max_size=2, unique_by=id)) if docs else []
        events.append(
            Event(
                id=draw(st.one_of(st.just(f"e{i}"), any_text)),
                title=draw(any_text),
                sentence=draw(any_text),
                date=fuzzy_dates(random.Random(draw(st.integers(0, 2**32 - 1)))),
                status=draw(st.sampled_from(list(Status))),
                date_basis=draw(any_text),
                mentions=[Mention(d.id, 0, 0, "") for d in cited],
                actors=draw(st.lists(any_text, max_size=2)),
                group=draw(any_text),
                color=draw(st.one_of(st.just(""), st.just("#0a141e"), any_text)),
            )
        )
    return Timeline(documents=docs, events=events)


@FUZZ
@given(timeline=hostile_timelines())
def test_every_export_of_any_text_reads_back(tmp_path: Path, timeline: Timeline) -> None:
    with example_folder(tmp_path) as folder:
        assert [str(f) for f in check_exports(timeline, folder) + check_timeml_writer(timeline, folder)] == []


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_every_export_of_generated_timelines_reads_back(tmp_path: Path, seed: int) -> None:
    timeline = timelines(random.Random(seed))
    with example_folder(tmp_path) as folder:
        assert [str(f) for f in check_exports(timeline, folder) + check_timeml_writer(timeline, folder)] == []
