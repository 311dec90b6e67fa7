"""TempEval-3 Task A scoring: pairing, strict/relaxed extent, value and type accuracy, corpora loading."""

import json
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.evaluation import GoldDocument, GoldError, load_gold, match_pairs, score_corpus, score_document
from timeline_app.core.model import Timex

TEXT = "Profits rose on Thursday, the third quarter, and fell last year."


def t(phrase: str, value: str, type_: str = "DATE", extra_left: int = 0) -> Timex:
    start = TEXT.index(phrase) - extra_left
    end = TEXT.index(phrase) + len(phrase)
    return Timex(start, end, TEXT[start:end], type_, value)


GOLD = GoldDocument(
    "d1",
    TEXT,
    date(1998, 1, 8),
    [t("Thursday", "1998-01-08"), t("the third quarter", "1997-Q3"), t("last year", "1997")],
)


def test_pairs_take_the_largest_overlap_first() -> None:
    gold = [Timex(0, 10, "", "DATE", "x"), Timex(12, 20, "", "DATE", "y")]
    predicted = [Timex(8, 18, "", "DATE", "y"), Timex(0, 9, "", "DATE", "x")]
    assert sorted(match_pairs(gold, predicted)) == [(0, 1), (1, 0)]


def test_scores_count_strict_relaxed_type_and_value() -> None:
    predicted = [
        t("Thursday", "1998-01-08", extra_left=3),  # "on Thursday": relaxed only, right value
        t("the third quarter", "1998-Q3"),  # strict, wrong value
        t("last year", "P1Y", "DURATION"),  # strict, wrong type and value
        Timex(0, 7, "Profits", "DATE", "PRESENT_REF"),  # spurious
    ]
    s = score_document(GOLD, predicted)
    assert (s.gold, s.predicted, s.relaxed, s.strict, s.type_ok, s.value_ok) == (3, 4, 3, 2, 2, 1)
    assert s.relaxed_p == pytest.approx(0.75)
    assert s.relaxed_r == pytest.approx(1.0)
    assert s.relaxed_f1 == pytest.approx(2 * 0.75 / 1.75)
    assert s.value_accuracy == pytest.approx(1 / 3)
    assert s.value_f1 == pytest.approx(s.value_accuracy * s.relaxed_f1)
    assert s.type_f1 == pytest.approx(2 / 3 * s.relaxed_f1)
    assert len(s.errors) == 3  # two wrong values and one spurious


def test_predictions_after_eval_end_are_ignored() -> None:
    doc = GoldDocument("d", TEXT, None, [t("Thursday", "1998-01-08")], eval_end=TEXT.index(","))
    s = score_document(doc, [t("Thursday", "1998-01-08"), t("last year", "1997")])
    assert (s.predicted, s.value_ok) == (1, 1)
    assert s.value_f1 == pytest.approx(1.0)


def test_score_corpus_gives_the_tagger_the_dct() -> None:
    seen: list[date | None] = []

    def tagger(text: str, reference: date | None) -> list[Timex]:
        seen.append(reference)
        return []

    score_corpus([GOLD], tagger)
    score_corpus([GOLD], tagger, use_dct=False)
    assert seen == [date(1998, 1, 8), None]


def test_load_meantime_jsonl(tmp_path: Path) -> None:
    record = {
        "id": "1",
        "dct": "2008-03-06",
        "eval_end": 20,
        "text": "March 06 , 2008 Apple released",
        "timexes": [{"start": 0, "end": 15, "text": "March 06 , 2008", "type": "DATE", "value": "2008-03-06"}],
    }
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = load_gold(path)
    assert (doc.reference, doc.eval_end, doc.timexes[0].text) == (date(2008, 3, 6), 20, "March 06 , 2008")


def test_load_timeml_folder(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(
        '<TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"/></DCT>'
        '<TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="1998-01-08">today</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    (doc,) = load_gold(tmp_path)
    assert (doc.doc_id, doc.reference, doc.text, doc.timexes[0].value) == (
        "a",
        date(1998, 1, 8),
        "It fell today.",
        "1998-01-08",
    )


def test_bad_gold_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no such file"):
        load_gold(tmp_path / "missing")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.jsonl:1"):
        load_gold(bad)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GoldError, match="no TimeML files"):
        load_gold(empty)
