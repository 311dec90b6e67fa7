"""Scores on the development corpora (TempEval-3 Task A, creation date given) must beat HeidelTime.

Reads ../shared/data relative to the repository; skipped where the corpora are absent.
"""

from pathlib import Path

import pytest

from timeline_app.core.evaluation import load_gold, score_corpus
from timeline_app.core.temporal import tag

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
CORPORA = {
    "TimeBank": (DATA / "timeml" / "TBAQ-cleaned" / "TimeBank", 0.793),
    "AQUAINT": (DATA / "timeml" / "TBAQ-cleaned" / "AQUAINT", 0.727),
    "MEANTIME-apple": (DATA / "meantime-apple" / "meantime_apple.jsonl", 0.839),
}


@pytest.mark.parametrize("name", list(CORPORA))
def test_value_f1_beats_heideltime(name: str) -> None:
    path, heideltime = CORPORA[name]
    if not path.exists():
        pytest.skip(f"{path} not available")
    scores = score_corpus(load_gold(path), tag)
    assert scores.value_f1 > heideltime, scores.as_dict()
    assert scores.relaxed_f1 > 0.9
