"""`timeline-app evaluate` on SemEval-2015 TimeLine folders: one line of event scores; bad input, one line."""

from pathlib import Path

import pytest

from timeline_app.cli import main

# Line 2's gold year is deliberately not the sentence's, so one miss is certain.
ARTICLES = {
    "101": (
        "2020-03-05",
        [
            "Acme opens a factory",
            "March 05 , 2020",
            "Acme Corp. opened a factory in Ohio on March 2 , 2020 .",
            "The company was founded in 1990 by two engineers .",
            "Analysts expect strong sales .",
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
TIMELINE = (
    "Acme\n"
    "1\t2020-03-02\t101-2-opened\t102-2-opened\n"
    "2\t2019-XX-XX\t101-3-founded\n"
    "3\t2020-03-XX\t102-3-resigned\n"
    "0\tXXXX-XX-XX\t101-4-expect\n"
)
LINE = "acme  dating 2/3 = 66.7%  coverage 100.0%  cross-document pairs: recall 1/1, precision 1/1"


def build(root: Path) -> Path:
    (root / "timeml").mkdir(parents=True)
    (root / "timelines").mkdir()
    for doc_id, (dct, sentences) in ARTICLES.items():
        body = "".join(f'<s id="{n}">{s}</s>' for n, s in enumerate(sentences))
        (root / "timeml" / f"{doc_id}.tml").write_text(
            f'<TimeML><DOCID>{doc_id}</DOCID><DCT><TIMEX3 value="{dct}"/></DCT><TEXT>{body}</TEXT></TimeML>',
            encoding="utf-8",
        )
    (root / "timelines" / "acme.txt").write_text(TIMELINE, encoding="utf-8")
    return root


@pytest.mark.parametrize("flags", [[], ["--events"]])
def test_folder_prints_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str]) -> None:
    root = build(tmp_path / "acme")
    assert main(["evaluate", *flags, str(root)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [LINE]
    assert captured.err == ""


def test_show_lists_misses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build(tmp_path / "acme")
    assert main(["evaluate", str(root), "--show", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == LINE
    assert lines[1].startswith("  - gold 2019-XX-XX [founded] got 1990-01-01..1990-12-31 (")
    assert lines[2].strip() == "The company was founded in 1990 by two engineers ."
    assert len(lines) == 3


def test_tempeval_folder_keeps_its_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build(tmp_path / "acme")
    assert main(["evaluate", str(root / "timeml"), str(root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert "valF1" in lines[0]
    assert lines[1].split()[:2] == ["timeml", "0"]  # the creation date is input, not a gold time expression
    assert lines[2] == LINE


@pytest.mark.parametrize("spoil", ["no timelines", "bad xml", "missing"])
def test_bad_folder_fails_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], spoil: str) -> None:
    root = build(tmp_path / "acme")
    if spoil == "no timelines":
        (root / "timelines" / "acme.txt").unlink()
        (root / "timelines").rmdir()
    elif spoil == "bad xml":
        (root / "timeml" / "102.tml").write_text("<TimeML><TEXT>", encoding="utf-8")
    else:
        root = tmp_path / "nope"
    assert main(["evaluate", "--events", str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("timeline-app evaluate: ")
    if spoil == "bad xml":
        assert "102.tml" in captured.err
