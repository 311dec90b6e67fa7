"""The seed's chronology survives any order of the paragraphs after its dateline."""

from __future__ import annotations

import random
from datetime import date

import pytest
from seed_variants import renamed, seed_text
from test_pipeline import check_seed_chronology

from timeline_app.core.pipeline import extract_text


def shuffled_after_dateline(text: str, seed: int) -> str:
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "(" in line and ")" in line and i > 2)
    head, body = lines[: at + 1], lines[at + 1 :]
    random.Random(seed).shuffle(body)
    return "\n".join(head + body)


@pytest.mark.parametrize("seed", range(12))
def test_any_paragraph_order_after_the_dateline(seed: int) -> None:
    text = shuffled_after_dateline(renamed(seed_text()), seed)
    check_seed_chronology(extract_text(text, doc_id="shuffled"), date(2025, 9, 4))
