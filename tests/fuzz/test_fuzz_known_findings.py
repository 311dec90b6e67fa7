"""Findings of the fuzz campaign, kept as reproductions once fixed.

A finding not fixed yet is marked as a strict xfail: when it is fixed the test passes, fails as an
unexpected pass, and its marker should go.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fuzz_inputs import ARTICLE_SUFFIXES, article_bytes
from fuzz_targets import check_article

CAMPAIGN_SEED_SALT = 0x5EED  # campaign.run_input derives an input's generator from its seed this way


@pytest.mark.parametrize("seed", [20251205846, 20251213114])
def test_extracted_dates_never_end_before_they_start(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed ^ CAMPAIGN_SEED_SALT)
    suffix = rng.choice(ARTICLE_SUFFIXES)
    path = tmp_path / f"article{suffix}"
    path.write_bytes(article_bytes(rng, suffix))
    assert [str(f) for f in check_article(path)] == []
