"""`timeline-app extract --jobs N` and `--scheduler`: the output of a serial run, bad files named, Dask optional."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

from timeline_app.cli import extract

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_97615b8d070adb4e.txt"
TBAQ = REPO.parent / "shared" / "data" / "timeml" / "TBAQ-cleaned"
# Articles that share names and happenings, so cross-document merging has work to do.
SAMPLE = ("TimeBank/wsj_0542.tml", "TimeBank/wsj_0152.tml", "TimeBank/APW19980227.0487.tml",
          "AQUAINT/APW19980807.0261.tml", "AQUAINT/NYT19990312.0271.tml", "AQUAINT/XIE19980808.0031.tml")  # fmt: skip


@pytest.fixture(autouse=True)
def every_batch_in_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small test batches would run in this process; here they must go through the worker processes."""
    from timeline_app.core import batch as batch_module

    monkeypatch.setattr(batch_module, "SMALL_BATCH", 0)


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="timeline-app")
    extract.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["extract", *argv])
    return int(args.func(args))


def outputs(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(*argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sample() -> list[str]:
    paths = [TBAQ / name for name in SAMPLE]
    if not all(p.exists() for p in paths):
        pytest.skip(f"TBAQ-cleaned not found under {TBAQ}")
    return [str(p) for p in paths]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_two_jobs_print_what_one_prints(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    files = [*sample(), str(SEED)]
    serial = outputs(capsys, *files, "--jobs", "1", "--format", fmt)
    parallel = outputs(capsys, *files, "--jobs", "2", "--format", fmt)
    assert serial[0] == 0
    assert parallel == serial
    assert len(json.loads(serial[1])["documents"]) == len(files) if fmt == "json" else True


def test_order_given_is_kept(capsys: pytest.CaptureFixture[str]) -> None:
    files = [*reversed(sample()), str(SEED)]
    code, out, _ = outputs(capsys, *files, "--jobs", "2")
    assert code == 0
    assert [d["id"] for d in json.loads(out)["documents"]] == [Path(f).stem for f in files]


def test_seed_alone_with_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    assert outputs(capsys, str(SEED), "--jobs", "2") == outputs(capsys, str(SEED), "--jobs", "1")


def test_bad_files_among_good_ones_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Zürich, Mar 3, 2023 (Wire) Café owners protested on Friday.".encode("cp1252"))
    files = [str(binary), *sample()[:2], str(empty), str(SEED), str(latin), str(tmp_path / "gone.txt")]
    code, out, err = outputs(capsys, *files, "--jobs", "2")
    assert (code, out, err) == outputs(capsys, *files, "--jobs", "1")
    assert code == 1
    for name in ("photo.txt", "empty.txt", "gone.txt"):
        assert sum(name in line for line in err.splitlines()) == 1
    ids = [d["id"] for d in json.loads(out)["documents"]]
    assert ids == ["wsj_0542", "wsj_0152", SEED.stem, "latin"]


def test_failed_document_leaves_its_name_to_the_next(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Serially the second "report" takes the id the failed first one never used; so must a parallel run.
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "b" / "report.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    files = [str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt"), str(SEED)]
    code, out, err = outputs(capsys, *files, "--jobs", "2")
    assert (code, out, err) == outputs(capsys, *files, "--jobs", "1")
    assert [d["id"] for d in json.loads(out)["documents"]] == ["report", SEED.stem]


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(str(SEED), "--jobs", "0")
    assert "--jobs" in capsys.readouterr().err


def test_scheduler_without_dask_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    code, out, err = outputs(capsys, str(SEED), "--scheduler", "tcp://127.0.0.1:8786")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "timeline-app[distributed]" in err and "--scheduler" in err


def test_unreachable_scheduler_is_one_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from timeline_app.core import batch

    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", "1s")
    code, out, err = outputs(capsys, str(SEED), "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler" in err
