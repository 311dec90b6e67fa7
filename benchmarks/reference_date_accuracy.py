"""Share of MEANTIME-apple documents whose reference date is found from the text alone.

Usage: .venv/bin/python benchmarks/reference_date_accuracy.py [path/to/meantime_apple.jsonl]
Prints the accuracy and each miss. Target: at least 90 %.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from timeline_app.core.reference_date import reference_date_from_text

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-apple" / "meantime_apple.jsonl"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"MEANTIME data not found at {path}")
        return 1
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    correct = 0
    for row in rows:
        found = reference_date_from_text(row["text"])
        got = found.day.isoformat() if found else None
        if got == row["dct"]:
            correct += 1
        else:
            print(f"  miss {row['id']}: gold {row['dct']}, found {got} ({found.basis if found else 'nothing'})")
    print(f"reference date from text alone: {correct}/{len(rows)} = {100 * correct / len(rows):.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
