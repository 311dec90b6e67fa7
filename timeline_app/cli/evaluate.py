"""`timeline-app evaluate GOLD...`: score the tagger and the event layer against gold annotations.

Each GOLD is one corpus:

* a .tml file, a folder of them, or a MEANTIME .jsonl file: prints TempEval-3 Task A scores for time
  expressions (strict and relaxed P/R/F1, type and value accuracy, value F1);
* a SemEval-2015 TimeLine folder (one holding both ``timeml/`` and ``timelines/``), or any GOLD when
  ``--events`` is given: prints event dating (right / dated gold events), coverage and cross-document
  pairs (recall, precision), as defined in ``timeline_app.core.evaluation_events``; ``--show N`` also
  lists the first N wrong or missed gold events.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline_app.core.evaluation_events import EventScores


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score time-expression tagging and event dating against gold annotations",
        description="Score the temporal tagger on gold TimeML files/folders or a MEANTIME .jsonl file "
        "(TempEval-3 Task A), and event dating on SemEval-2015 TimeLine folders: a GOLD folder holding "
        "both timeml/ and timelines/ is scored for events automatically. The document creation time is "
        "given unless --no-dct.",
    )
    parser.add_argument(
        "gold", nargs="+", metavar="GOLD", help=".tml file, folder of .tml files, .jsonl, or SemEval TimeLine folder"
    )
    parser.add_argument("--no-dct", action="store_true", help="do not give the creation date to the tagger")
    parser.add_argument(
        "--events", action="store_true", help="score every GOLD as a SemEval TimeLine folder (timeml/ + timelines/)"
    )
    parser.add_argument(
        "--show", type=int, default=0, metavar="N", help="also list the first N wrong or missed gold events"
    )
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


def format_events(name: str, scores: EventScores) -> str:
    return (
        f"{name}  dating {scores.right}/{scores.dated} = {scores.dating:.1%}  coverage {scores.coverage:.1%}  "
        f"cross-document pairs: recall {scores.found_pairs}/{scores.gold_pairs}, "
        f"precision {scores.correct_pairs}/{scores.judged_pairs}"
    )


def run(args: argparse.Namespace) -> int:
    from timeline_app.core.evaluation import GoldError, Scores, load_gold, score_corpus
    from timeline_app.core.evaluation_events import extract_events, is_event_gold, load_event_gold, score_event_dating
    from timeline_app.core.temporal import tag

    if args.show < 0:
        print("timeline-app evaluate: --show needs a number of events, 0 or more", file=sys.stderr)
        return 2
    corpora = []
    event_corpora = []
    for path in args.gold:
        name = Path(path).name or path
        try:
            if args.events or is_event_gold(path):
                event_corpora.append((name, load_event_gold(path)))
            else:
                corpora.append((name, load_gold(path)))
        except GoldError as exc:
            print(f"timeline-app evaluate: {exc}", file=sys.stderr)
            return 2
    if corpora:
        print(HEADER)
        total = Scores()
        for name, docs in corpora:
            scores = score_corpus(docs, tag, use_dct=not args.no_dct)
            print(format_row(name, scores))
            total += scores
        if len(corpora) > 1:
            print(format_row("all", total))
    for name, gold in event_corpora:
        event_scores = score_event_dating(gold, extract_events(gold, use_dct=not args.no_dct))
        print(format_events(name, event_scores))
        for miss in event_scores.misses[: args.show]:
            print(f"  - gold {miss.gold} [{miss.word}] got {miss.got}\n      {miss.sentence[:160]}")
    return 0
