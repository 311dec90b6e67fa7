"""Score the temporal tagger on the development corpora (TempEval-3 Task A, creation date given).

Reads ../shared/data relative to the repository; corpora that are absent are skipped.
Usage: python benchmarks/evaluate_temporal.py [--errors N] [--no-dct]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timeline_app.core.evaluation import Scores, load_gold, score_document  # noqa: E402
from timeline_app.core.temporal import tag  # noqa: E402

DATA = REPO.parent / "shared" / "data"
CORPORA = {
    "TimeBank": DATA / "timeml" / "TBAQ-cleaned" / "TimeBank",
    "AQUAINT": DATA / "timeml" / "TBAQ-cleaned" / "AQUAINT",
    "MEANTIME-apple": DATA / "meantime-apple" / "meantime_apple.jsonl",
}
HEIDELTIME_VALUE_F1 = {"TimeBank": 0.793, "AQUAINT": 0.727, "MEANTIME-apple": 0.839}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per corpus")
    parser.add_argument("--no-dct", action="store_true", help="do not give the creation date to the tagger")
    args = parser.parse_args()
    header = f"{'corpus':<15} {'gold':>5} {'pred':>5} {'strictF1':>8} {'relaxP':>7} {'relaxR':>7} {'relaxF1':>7} "
    header += f"{'typeAcc':>7} {'valAcc':>7} {'valueF1':>7} {'HeidelTime':>10}"
    print(header)
    for name, path in CORPORA.items():
        if not path.exists():
            print(f"{name:<15} skipped: {path} not found")
            continue
        docs = load_gold(path)
        total = Scores()
        for doc in docs:
            total += score_document(doc, tag(doc.text, None if args.no_dct else doc.reference))
        print(
            f"{name:<15} {total.gold:>5} {total.predicted:>5} {total.strict_f1:>8.3f} {total.relaxed_p:>7.3f} "
            f"{total.relaxed_r:>7.3f} {total.relaxed_f1:>7.3f} {total.type_accuracy:>7.3f} "
            f"{total.value_accuracy:>7.3f} {total.value_f1:>7.3f} {HEIDELTIME_VALUE_F1[name]:>10.3f}"
        )
        for doc_id, gold, pred in total.errors[: args.errors]:
            g = f"{gold.text!r} {gold.type} {gold.value}" if gold else "-"
            p = f"{pred.text!r} {pred.type} {pred.value}" if pred else "-"
            print(f"    {doc_id}: gold {g} | predicted {p}")
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    try:
        code = main()
        print(f"elapsed {time.perf_counter() - start:.2f} s")
    except BrokenPipeError:  # output piped into head
        code = 0
    raise SystemExit(code)
