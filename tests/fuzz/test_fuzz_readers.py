"""Every way into the app, with hostile files: each reader returns its result or raises its one
documented error, and whatever it read exports and reads back."""

from __future__ import annotations

import random
from pathlib import Path

from conftest import FUZZ, example_folder
from fuzz_inputs import ARTICLE_SUFFIXES, article_bytes, import_file, project_file
from fuzz_targets import CAUGHT, INCONSISTENT, Finding, check_article, check_import, check_project
from hypothesis import given
from hypothesis import strategies as st

seeds = st.integers(0, 2**32 - 1)


def problems(findings: list[Finding]) -> list[str]:
    # A defect the batch guard caught is no crash, and an inconsistent extraction is the extractor's
    # own to test (see test_fuzz_known_findings): the campaign counts both on their own.
    return [str(f) for f in findings if f.kind not in (CAUGHT, INCONSISTENT)]


@FUZZ
@given(seed=seeds, suffix=st.sampled_from(ARTICLE_SUFFIXES))
def test_any_article_loads_or_is_refused_in_words(tmp_path: Path, seed: int, suffix: str) -> None:
    with example_folder(tmp_path) as folder:
        path = folder / f"article{suffix}"
        path.write_bytes(article_bytes(random.Random(seed), suffix))
        assert problems(check_article(path, folder)) == []


@FUZZ
@given(seed=seeds)
def test_any_file_to_import_is_read_or_refused_in_words(tmp_path: Path, seed: int) -> None:
    with example_folder(tmp_path) as folder:
        assert problems(check_import(import_file(random.Random(seed), folder), folder)) == []


@FUZZ
@given(seed=seeds)
def test_any_project_file_opens_or_is_refused_and_runs_nothing(tmp_path: Path, seed: int) -> None:
    with example_folder(tmp_path) as folder:
        path, with_trigger = project_file(random.Random(seed), folder)
        assert problems(check_project(path, with_trigger)) == []


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".html", ".tml", ".json", ".csv", ".ics"]))
def test_any_bytes_at_all(tmp_path: Path, data: bytes, suffix: str) -> None:
    with example_folder(tmp_path) as folder:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        check = check_article if suffix in (".txt", ".html", ".tml") else check_import
        assert problems(check(path, folder)) == []
