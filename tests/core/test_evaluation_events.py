"""Event dating and cross-document pairs against SemEval-2015 TimeLine gold, on a hand-checked folder."""

import re
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.evaluation import GoldError
from timeline_app.core.evaluation_events import EventGold, extract_events, load_event_gold, score_event_dating
from timeline_app.core.model import DatePoint, Event, FuzzyDate, Mention

TRIAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "semeval2015-trial"

ARTICLES = {
    "101": (
        "2020-03-05",
        [
            "Acme opens a factory",
            "March 05 , 2020",
            "Acme Corp. opened a factory in Ohio on March 2 , 2020 , with help from <EVENT>AT&amp;T</EVENT> .",
            "The company was founded in 1990 by two engineers .",
            "  Analysts expect strong sales .  ",
        ],
    ),
    "102": (
        "2020-03-10",
        [
            "Acme factory draws crowds",
            "March 10 , 2020",
            "The factory that Acme opened on March 2 in Ohio employs 500 people .",
            "Its chief executive resigned on Monday , the board said .",
        ],
    ),
}
# Line 2's gold year is deliberately not the one the sentence states, so that miss is certain;
# article 999 is not in the folder, so its mention is dropped.
TIMELINE = (
    "Acme\n"
    "1\t2020-03-02\t101-2-opened\t102-2-opened\n"
    "2\t2019-XX-XX\t101-3-founded\n"
    "3\t2020-03-XX\t102-3-resigned\t999-4-quit\n"
    "0\tXXXX-XX-XX\t101-4-expect\n"
)
TEXT_101 = (
    "Acme opens a factory\nMarch 05 , 2020\n"
    "Acme Corp. opened a factory in Ohio on March 2 , 2020 , with help from AT&T .\n"
    "The company was founded in 1990 by two engineers .\nAnalysts expect strong sales .\n"
)


def build(root: Path, timeline: str = TIMELINE) -> Path:
    (root / "timeml").mkdir(parents=True)
    (root / "timelines").mkdir()
    for doc_id, (dct, sentences) in ARTICLES.items():
        body = "".join(f'<s id="{n}">{s}</s>' for n, s in enumerate(sentences))
        (root / "timeml" / f"{doc_id}.tml").write_text(
            f'<?xml version="1.0"?>\n<TimeML><DOCID>{doc_id}</DOCID>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}">{dct}</TIMEX3></DCT>\n'
            f"<TEXT>{body}</TEXT></TimeML>\n",
            encoding="utf-8",
        )
    (root / "timelines" / "acme.txt").write_text(timeline, encoding="utf-8")
    return root


def event(when: FuzzyDate, *mentions: tuple[str, int, int]) -> Event:
    return Event("e", "title", "", when, mentions=[Mention(doc, start, end, "") for doc, start, end in mentions])


def day(d: date) -> FuzzyDate:
    return FuzzyDate.point(DatePoint.day(d))


def year(y: int) -> FuzzyDate:
    return FuzzyDate.point(DatePoint.year(y))


@pytest.fixture
def gold(tmp_path: Path) -> EventGold:
    return load_event_gold(build(tmp_path / "acme"))


def test_plain_text_sentences_and_gold_lines(gold: EventGold) -> None:
    article = gold.articles["101"]
    assert article.text == TEXT_101
    assert article.reference == date(2020, 3, 5)
    assert article.sentences[2] == (37, 114)
    assert article.sentences[4] == (166, 196)  # surrounding spaces stripped
    assert [line.value for line in gold.lines] == ["2020-03-02", "2019-XX-XX", "2020-03-XX", "XXXX-XX-XX"]
    assert gold.lines[2].mentions == (("102", 3, "resigned"),)
    assert gold.lines[3].period is None
    assert gold.lines[2].period == (date(2020, 3, 1), date(2020, 3, 31))


def test_hand_built_events(gold: EventGold) -> None:
    events = [
        # Straddles sentences 1 and 2 of 101, mostly 2: joins both articles' sentence 2.
        event(day(date(2020, 3, 2)), ("101", 30, 60), ("102", 42, 110)),
        event(year(2019), ("101", 115, 130)),
        event(year(1990), ("101", 115, 165)),  # overlaps line 2's sentence more: replaces the one before
        event(day(date(2020, 3, 9)), ("102", 111, 168)),
        event(day(date(2020, 5, 1)), ("102", 111, 168), ("101", 166, 196)),  # a tie: the first event keeps it
        event(day(date(2020, 3, 5)), ("101", 21, 36), ("102", 26, 41)),  # date lines hold no gold mention
        event(day(date(2020, 3, 5)), ("101", 0, 20), ("102", 42, 110)),  # nor do titles: not judged either
    ]
    scores = score_event_dating(gold, events)
    assert (scores.dated, scores.right, scores.covered) == (3, 2, 3)
    assert [(m.gold, m.word, m.event is events[2]) for m in scores.misses] == [("2019-XX-XX", "founded", True)]
    assert scores.misses[0].sentence == "The company was founded in 1990 by two engineers ."
    assert (scores.gold_pairs, scores.found_pairs) == (1, 1)
    assert (scores.judged_pairs, scores.correct_pairs) == (2, 1)
    assert scores.pair_precision == 0.5


def test_open_bound_is_wrong_and_no_overlap_is_uncovered(gold: EventGold) -> None:
    open_ended = FuzzyDate.bounded(DatePoint.day(date(2020, 3, 9)), None)
    scores = score_event_dating(gold, [event(open_ended, ("102", 111, 168))])
    assert (scores.dated, scores.right, scores.covered) == (3, 0, 1)
    assert [m.event is None for m in scores.misses] == [True, True, False]
    assert (scores.gold_pairs, scores.found_pairs, scores.judged_pairs) == (1, 0, 0)
    assert scores.coverage == pytest.approx(1 / 3)


def test_extracted_events(gold: EventGold) -> None:
    scores = score_event_dating(gold)
    assert (scores.dated, scores.right, scores.covered) == (3, 2, 3)
    assert [(m.gold, m.word) for m in scores.misses] == [("2019-XX-XX", "founded")]
    # The two articles tell one happening: extraction joins them into one event.
    assert (scores.gold_pairs, scores.found_pairs, scores.judged_pairs, scores.correct_pairs) == (1, 1, 1, 1)
    separate = score_event_dating(gold, extract_events(gold, merge=False))
    assert (separate.found_pairs, separate.judged_pairs) == (0, 0)


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("timeml/102.tml", b"<TimeML><TEXT><s id='0'>x</TEXT>", "102.tml"),  # not well-formed
        ("timeml/101.tml", b"\xff\xfe<", "101.tml"),
        ("timeml/101.tml", b'<TimeML><TEXT><s id="0">x</s></TEXT></TimeML>', "101.tml"),  # no DCT
        ("timelines/acme.txt", b"Acme\n1\t2020-13-XX\t101-2-opened\n", "acme.txt:2"),
        ("timelines/acme.txt", b"Acme\n\n1\t2020-03-02\t101-opened\n", "acme.txt:3"),
        ("timelines/acme.txt", b"Acme\n1\t2020-03-02\n", "acme.txt:2"),
        ("timelines/acme.txt", None, "timelines"),
    ],
)
def test_malformed_input_names_the_file(tmp_path: Path, name: str, content: bytes | None, where: str) -> None:
    root = build(tmp_path / "acme")
    if content is None:
        (root / name).unlink()
    else:
        (root / name).write_bytes(content)
    with pytest.raises(GoldError, match=re.escape(where)) as info:
        load_event_gold(root)
    assert "\n" not in str(info.value)


def test_folder_without_timelines_is_refused(tmp_path: Path) -> None:
    (tmp_path / "timeml").mkdir()
    with pytest.raises(GoldError, match="not a SemEval TimeLine folder"):
        load_event_gold(tmp_path)


@pytest.mark.skipif(not TRIAL.is_dir(), reason="SemEval-2015 trial data not present")
def test_trial_corpus() -> None:
    scores = score_event_dating(load_event_gold(TRIAL))
    assert scores.dated == 144
    assert scores.dating >= 0.75
    assert scores.coverage >= 0.95
