"""Reference dates recovered when a pasted article's dateline has no year ("WASHINGTON, March 22 (AP) --").

Each development article (TimeBank, AQUAINT, MEANTIME-apple, SemEval-2015 trial) is given a
wire dateline with its creation day and month but no year, and any line that states the creation
date in full is removed. Prints the share found exactly, the share confidently wrong (a wrong date
not marked as unsure) and the share marked unsure.

Usage: .venv/bin/python benchmarks/yearless_datelines.py [--show N]
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from timeline_app.core.ingest.timeml import TimeMLError, load_timeml
from timeline_app.core.reference_date import reference_date_from_text

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MONTHS = ("", "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
TODAY = date(2026, 12, 2)  # fixed, so the figures do not drift with the calendar


CORPORA = {
    "TimeBank": "timeml/TBAQ-cleaned/TimeBank",
    "AQUAINT": "timeml/TBAQ-cleaned/AQUAINT",
    "SemEval-2015 trial": "semeval2015-trial/timeml",
}


def articles() -> dict[str, list[tuple[str, date, str]]]:
    out: dict[str, list[tuple[str, date, str]]] = {}
    for corpus, folder in CORPORA.items():
        for path in sorted((DATA / folder).glob("*.tml")):
            try:
                doc = load_timeml(path)
            except TimeMLError:
                continue
            if doc.reference_date is not None:
                out.setdefault(corpus, []).append((path.stem, doc.reference_date, doc.text))
    jsonl = DATA / "meantime-apple" / "meantime_apple.jsonl"
    if jsonl.exists():
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.setdefault("MEANTIME-apple", []).append((row["id"], date.fromisoformat(row["dct"]), row["text"]))
    return out


def pasted(day: date, text: str) -> str:
    """The article as pasted with a year-less dateline, its own full date (a date line) taken out."""
    for form in ("%B %d , %Y", "%B %d, %Y", "%Y-%m-%d", "%m/%d/%Y"):
        for written in {day.strftime(form), day.strftime(form).replace(" 0", " ")}:
            text = text.replace(written, " ")
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    return f"WASHINGTON, {MONTHS[day.month]} {day.day} (AP) -- " + "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="list this many confidently wrong documents")
    args = parser.parse_args()
    corpora = articles()
    if not corpora:
        print(f"skipped: no development articles under {DATA}")
        return 0
    shown = 0
    for corpus, docs in corpora.items():
        right = wrong_sure = unsure = 0
        for name, day, text in docs:
            found = reference_date_from_text(pasted(day, text), today=TODAY)
            ok = found is not None and found.day == day
            right += ok
            if found is not None and found.weak:
                unsure += 1
            elif not ok:
                wrong_sure += 1
                if shown < args.show:
                    shown += 1
                    got = f"{found.day} ({found.basis})" if found else "nothing"
                    print(f"  wrong {name}: gold {day}, found {got}")
        n = len(docs)
        print(
            f"{corpus:<20} {n:>4} articles: exactly right {right / n:6.1%}, confidently wrong {wrong_sure / n:6.1%}, "
            f"marked unsure {unsure / n:6.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
