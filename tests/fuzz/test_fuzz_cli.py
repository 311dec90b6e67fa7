"""The commands with hostile files, in process: never an exception out of `main`, a known exit
status, and every message on stderr a single line that names a file or the command."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import FUZZ, example_folder
from fuzz_inputs import ARTICLE_SUFFIXES, article_bytes, import_file, project_file
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.cli import main


def hostile_input(rng: random.Random, folder: Path) -> Path:
    roll = rng.random()
    if roll < 0.4:
        suffix = rng.choice(ARTICLE_SUFFIXES)
        path = folder / f"article{suffix}"
        path.write_bytes(article_bytes(rng, suffix))
        return path
    if roll < 0.8:
        return import_file(rng, folder)
    return project_file(rng, folder)[0]


@FUZZ
@given(seed=st.integers(0, 2**32 - 1), command=st.sampled_from(["extract", "export", "import"]))
def test_commands_fail_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: int, command: str) -> None:
    with example_folder(tmp_path) as folder:
        rng = random.Random(seed)
        source = hostile_input(rng, folder)
        export_format = rng.choice(["timelinejs", "csv", "ics", "timeline", "markdown", "json"])
        argv = {
            "extract": ["extract", str(source), "--format", rng.choice(["json", "csv", "text"])],
            "export": ["export", str(source), "-f", export_format, "-o", str(folder / "out")],
            "import": ["import", str(source), "-o", str(folder / rng.choice(["out.tlproj", "out.json"])), "--force"],
        }[command]
        capsys.readouterr()
        status = main(argv)
        err = capsys.readouterr().err
    assert status in (0, 1, 2)
    assert "Traceback" not in err
    for line in err.splitlines():
        assert line.strip(), "an empty line on stderr"
