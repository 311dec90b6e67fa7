"""Event dating and cross-document events on the SemEval-2015 TimeLine trial set (creation date given).

Reads ../shared/data/semeval2015-trial relative to the repository and exits quietly when it is absent.
Usage: python benchmarks/event_dating.py [--show N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline_app.core.evaluation_events import load_event_gold, score_event_dating  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "semeval2015-trial"
# Floors measured on this set (see its README): every event at its article's date; the first date the
# tagger finds in the sentence, else the article's date.
FLOORS = {"article date": 0.528, "first date in sentence": 0.681}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", type=int, default=0, help="list this many wrong or missed gold events")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    s = score_event_dating(load_event_gold(DATA))
    floors = ", ".join(f"{name} {value:.1%}" for name, value in FLOORS.items())
    print(f"event dating           {s.right}/{s.dated} = {s.dating:.1%}  (floors: {floors})")
    print(f"coverage               {s.covered}/{s.dated} = {s.coverage:.1%}")
    print(
        f"cross-document pairs   recall {s.found_pairs}/{s.gold_pairs} = {s.pair_recall:.1%}, "
        f"precision {s.correct_pairs}/{s.judged_pairs} = {s.pair_precision:.1%}"
    )
    for miss in s.misses[: args.show]:
        print(f"  - gold {miss.gold} [{miss.word}] got {miss.got}\n      {miss.sentence[:160]}")
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    try:
        code = main()
        print(f"elapsed {time.perf_counter() - start:.2f} s")
    except BrokenPipeError:  # output piped into head
        code = 0
    raise SystemExit(code)
