"""`timeline-app evaluate GOLD...`: score the temporal tagger against gold TimeML or MEANTIME files.

Each GOLD is one corpus: a .tml file, a folder of them, or a MEANTIME .jsonl file. Prints
TempEval-3 Task A scores per corpus (strict and relaxed P/R/F1, type and value accuracy, value F1).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score time-expression tagging against gold annotations",
        description="Score the temporal tagger on gold TimeML files/folders or a MEANTIME .jsonl file "
        "(TempEval-3 Task A; the document creation time is given unless --no-dct).",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD", help=".tml file, folder of .tml files, or .jsonl")
    parser.add_argument("--no-dct", action="store_true", help="do not give the creation date to the tagger")
    parser.set_defaults(func=run)


def format_row(name: str, scores: Any) -> str:
    return (
        f"{name:<24} {scores.gold:>5} {scores.predicted:>5} "
        f"{scores.strict_p:>6.3f} {scores.strict_r:>6.3f} {scores.strict_f1:>6.3f} "
        f"{scores.relaxed_p:>6.3f} {scores.relaxed_r:>6.3f} {scores.relaxed_f1:>6.3f} "
        f"{scores.type_accuracy:>6.3f} {scores.value_accuracy:>6.3f} {scores.value_f1:>6.3f}"
    )


HEADER = (
    f"{'corpus':<24} {'gold':>5} {'pred':>5} {'sP':>6} {'sR':>6} {'sF1':>6} {'rP':>6} {'rR':>6} {'rF1':>6} "
    f"{'type':>6} {'value':>6} {'valF1':>6}"
)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from timeline_app.core.evaluation import GoldError, Scores, load_gold, score_corpus
    from timeline_app.core.temporal import tag

    corpora = []
    for path in args.gold:
        try:
            corpora.append((Path(path).name or path, load_gold(path)))
        except GoldError as exc:
            print(f"timeline-app evaluate: {exc}", file=sys.stderr)
            return 2
    print(HEADER)
    total = Scores()
    for name, docs in corpora:
        scores = score_corpus(docs, tag, use_dct=not args.no_dct)
        print(format_row(name, scores))
        total += scores
    if len(corpora) > 1:
        print(format_row("all", total))
    return 0
