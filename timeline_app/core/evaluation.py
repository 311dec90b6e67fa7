"""TempEval-3 Task A scoring of time expressions: extent (strict and relaxed), type and value.

Definitions (TempEval-3, with the creation date given as input):

* relaxed match: a predicted and a gold TIMEX3 overlap; pairs are formed one-to-one, largest
  overlap first;
* strict match: a relaxed match with the same extent, surrounding whitespace ignored;
* precision = matches / predicted, recall = matches / gold, summed over the corpus;
* type and value accuracy: share of relaxed matches with the same type / the same value string;
* type F1 and value F1: that accuracy times the relaxed F1 (value F1 is the headline number).

Gold corpora come as TimeML files (or folders of them) or as a MEANTIME JSON-lines file, whose
``eval_end`` limits scoring to the annotated beginning of each document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline_app.core.ingest.timeml import TimeMLError, load_timeml, parse_day
from timeline_app.core.model import Timex


class GoldError(ValueError):
    """A gold file could not be read."""


@dataclass(slots=True)
class GoldDocument:
    doc_id: str
    text: str
    reference: date | None
    timexes: list[Timex]
    eval_end: int | None = None  # ignore predictions starting at or after this offset


@dataclass(slots=True)
class Scores:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[tuple[str, Timex | None, Timex | None]] = field(default_factory=list)

    def __iadd__(self, other: Scores) -> Scores:
        self.gold += other.gold
        self.predicted += other.predicted
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok
        self.errors.extend(other.errors)
        return self

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def precision(self, matches: int) -> float:
        return matches / self.predicted if self.predicted else 0.0

    def recall(self, matches: int) -> float:
        return matches / self.gold if self.gold else 0.0

    @property
    def strict_p(self) -> float:
        return self.precision(self.strict)

    @property
    def strict_r(self) -> float:
        return self.recall(self.strict)

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict_p, self.strict_r)

    @property
    def relaxed_p(self) -> float:
        return self.precision(self.relaxed)

    @property
    def relaxed_r(self) -> float:
        return self.recall(self.relaxed)

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed_p, self.relaxed_r)

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed_f1

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_f1

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "strict_p": self.strict_p,
            "strict_r": self.strict_r,
            "strict_f1": self.strict_f1,
            "relaxed_p": self.relaxed_p,
            "relaxed_r": self.relaxed_r,
            "relaxed_f1": self.relaxed_f1,
            "type_accuracy": self.type_accuracy,
            "value_accuracy": self.value_accuracy,
            "type_f1": self.type_f1,
            "value_f1": self.value_f1,
        }


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    return start + lead, end - trail


def match_pairs(gold: list[Timex], predicted: list[Timex]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, largest overlap first."""
    overlaps: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                overlaps.append((overlap, gi, pi))
    overlaps.sort(key=lambda o: (-o[0], o[1], o[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in overlaps:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def score_document(doc: GoldDocument, predicted: list[Timex]) -> Scores:
    if doc.eval_end is not None:
        predicted = [p for p in predicted if p.start < doc.eval_end]
    scores = Scores(gold=len(doc.timexes), predicted=len(predicted))
    pairs = match_pairs(doc.timexes, predicted)
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = doc.timexes[gi], predicted[pi]
        scores.relaxed += 1
        if _trimmed(doc.text, g.start, g.end) == _trimmed(doc.text, p.start, p.end):
            scores.strict += 1
        if g.type == p.type:
            scores.type_ok += 1
        if g.value == p.value:
            scores.value_ok += 1
        else:
            scores.errors.append((doc.doc_id, g, p))
    scores.errors.extend((doc.doc_id, g, None) for i, g in enumerate(doc.timexes) if i not in paired_g)
    scores.errors.extend((doc.doc_id, None, p) for i, p in enumerate(predicted) if i not in paired_p)
    return scores


def score_corpus(
    docs: Iterable[GoldDocument], tagger: Callable[[str, date | None], list[Timex]], use_dct: bool = True
) -> Scores:
    total = Scores()
    for doc in docs:
        total += score_document(doc, tagger(doc.text, doc.reference if use_dct else None))
    return total


def _timeml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix.lower() in (".tml", ".xml") and p.is_file())
    return [path]


def load_timeml_gold(path: Path) -> Iterator[GoldDocument]:
    for file in _timeml_files(path):
        try:
            doc = load_timeml(file)
        except TimeMLError as exc:
            raise GoldError(str(exc)) from exc
        yield GoldDocument(doc.doc_id, doc.text, doc.reference_date, doc.timexes)


def load_meantime_gold(path: Path) -> Iterator[GoldDocument]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read ({exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            timexes = [
                Timex(t["start"], t["end"], text[t["start"] : t["end"]], t["type"], t["value"], basis="gold annotation")
                for t in record["timexes"]
            ]
            yield GoldDocument(
                str(record.get("id", number)),
                text,
                parse_day(record.get("dct")),
                sorted(timexes, key=lambda t: t.start),
                record.get("eval_end"),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: not a MEANTIME record ({exc})") from exc


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Gold documents from a .tml file, a folder of them, or a MEANTIME .jsonl file."""
    p = Path(path)
    if not p.exists():
        raise GoldError(f"{p}: no such file or folder")
    if p.is_file() and p.suffix.lower() in (".jsonl", ".json"):
        return list(load_meantime_gold(p))
    docs = list(load_timeml_gold(p))
    if not docs:
        raise GoldError(f"{p}: no TimeML files found")
    return docs
