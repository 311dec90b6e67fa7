"""Event dating and cross-document events, scored against SemEval-2015 TimeLine gold timelines.

A gold folder holds ``timeml/DOCID.tml`` articles and ``timelines/ENTITY.txt`` timelines. Definitions:

* input: each article's ``<s id="N">`` sentences, tags stripped and entities unescaped, each stripped
  of surrounding whitespace, joined with newlines (plus a final one); the DCT is the reference date;
* gold line: ``order<TAB>date<TAB>mention...`` with a mention ``DOCID-SENTENCE-WORD``; mentions in
  articles that are not in the folder are left out, and so are lines left with none;
* event dating: for every gold line with a date (not ``XXXX-XX-XX``), our event is the one whose
  mention overlaps its first mention's sentence most (the first wins ties); it is right when both its
  bounds are known and lie inside the gold day, month or year; coverage is the share of those lines
  with any overlapping event;
* cross-document pairs: pairs of sentences from different articles on one gold line; one of ours is
  an event whose mentions (each in the sentence it overlaps most) lie in both. Recall is over the gold
  pairs; precision over our pairs whose sentences both hold a gold mention of some timeline.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

from timeline_app.core.evaluation import GoldError
from timeline_app.core.events.crossdoc import merge_across_documents
from timeline_app.core.model import Event, Timeline
from timeline_app.core.pipeline import extract_text

_GOLD_DATE = re.compile(r"(\d{4})(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?")
_MENTION = re.compile(r"(.+?)-(\d+)-(.+)")

Sentence = tuple[str, int]  # (document id, sentence number)


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    text: str
    reference: date
    sentences: dict[int, tuple[int, int]]  # sentence number -> character range in text


@dataclass(frozen=True, slots=True)
class GoldLine:
    source: str  # "timelines/ipod.txt:5", for messages
    value: str  # the gold date as written, e.g. "2008-01-XX"
    period: tuple[date, date] | None  # None when undated
    mentions: tuple[tuple[str, int, str], ...]  # (document id, sentence number, word)


@dataclass(slots=True)
class EventGold:
    articles: dict[str, Article]
    lines: list[GoldLine]


@dataclass(frozen=True, slots=True)
class Miss:
    gold: str
    word: str
    sentence: str
    event: Event | None  # the event we matched to the gold one, None when none overlapped its sentence

    @property
    def got(self) -> str:
        if self.event is None:
            return "no event"
        return f"{self.event.date.earliest}..{self.event.date.latest} ({self.event.title[:60]})"


@dataclass(slots=True)
class EventScores:
    dated: int = 0
    right: int = 0
    covered: int = 0
    gold_pairs: int = 0
    found_pairs: int = 0
    judged_pairs: int = 0
    correct_pairs: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def dating(self) -> float:
        return self.right / self.dated if self.dated else 0.0

    @property
    def coverage(self) -> float:
        return self.covered / self.dated if self.dated else 0.0

    @property
    def pair_recall(self) -> float:
        return self.found_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def pair_precision(self) -> float:
        return self.correct_pairs / self.judged_pairs if self.judged_pairs else 0.0


def is_event_gold(path: str | Path) -> bool:
    p = Path(path)
    return (p / "timeml").is_dir() and (p / "timelines").is_dir()


def load_event_gold(directory: str | Path) -> EventGold:
    """Articles and gold lines of a SemEval-2015 TimeLine folder; anything unreadable raises GoldError."""
    root = Path(directory)
    if not is_event_gold(root):
        raise GoldError(f"{root}: not a SemEval TimeLine folder (needs timeml/ and timelines/)")
    articles: dict[str, Article] = {}
    for file in sorted((root / "timeml").glob("*.tml")):
        article = _article(file)
        if article.doc_id in articles:
            raise GoldError(f"{file}: document id {article.doc_id} used twice")
        articles[article.doc_id] = article
    if not articles:
        raise GoldError(f"{root / 'timeml'}: no .tml files found")
    timelines = sorted((root / "timelines").glob("*.txt"))
    if not timelines:
        raise GoldError(f"{root / 'timelines'}: no .txt timelines found")
    lines = [line for file in timelines for line in _gold_lines(file, articles)]
    return EventGold(articles, lines)


def extract_events(gold: EventGold, use_dct: bool = True, merge: bool = True) -> list[Event]:
    """The articles' events as `extract` gives them for all the articles at once: one happening told
    in several articles is one event (unless ``merge`` is off)."""
    combined = Timeline()
    for article in gold.articles.values():
        timeline = extract_text(article.text, article.doc_id, article.reference if use_dct else None)
        combined.documents += timeline.documents
        combined.events += timeline.events
    if merge:
        merge_across_documents(combined)
    return combined.events


def score_event_dating(gold: EventGold, events: Iterable[Event] | None = None) -> EventScores:
    """Score ``events`` (extracted from the gold articles when not given) against the gold timelines."""
    event_list = extract_events(gold) if events is None else list(events)
    scores = EventScores()
    spans: dict[str, list[tuple[int, int, Event]]] = {}
    for event in event_list:
        for m in event.mentions:
            spans.setdefault(m.document, []).append((m.start, m.end, event))
    for line in gold.lines:
        if line.period is None:
            continue
        scores.dated += 1
        doc_id, number, word = line.mentions[0]
        article = gold.articles[doc_id]
        lo, hi = article.sentences.get(number, (0, 0))
        best: Event | None = None
        best_overlap = 0
        for start, end, event in spans.get(doc_id, []):
            overlap = min(end, hi) - max(start, lo)
            if overlap > best_overlap:
                best, best_overlap = event, overlap
        right = False
        if best is not None:
            scores.covered += 1
            first, last = best.date.earliest, best.date.latest
            right = first is not None and last is not None and line.period[0] <= first and last <= line.period[1]
        if right:
            scores.right += 1
        else:
            scores.misses.append(Miss(line.value, word, article.text[lo:hi], best))
    _score_pairs(gold, event_list, scores)
    return scores


def _score_pairs(gold: EventGold, events: list[Event], scores: EventScores) -> None:
    gold_pairs: set[tuple[Sentence, Sentence]] = set()
    marked: set[Sentence] = set()
    for line in gold.lines:
        sentences = {(doc_id, number) for doc_id, number, _ in line.mentions}
        marked |= sentences
        gold_pairs |= _cross_pairs(sentences)
    ours: set[tuple[Sentence, Sentence]] = set()
    for event in events:
        told_in: set[Sentence] = set()
        for m in event.mentions:
            article = gold.articles.get(m.document)
            number = _sentence_of(article, m.start, m.end) if article else None
            if number is not None:
                told_in.add((m.document, number))
        ours |= _cross_pairs(told_in)
    judged = {p for p in ours if p[0] in marked and p[1] in marked}
    scores.gold_pairs = len(gold_pairs)
    scores.found_pairs = len(gold_pairs & ours)
    scores.judged_pairs = len(judged)
    scores.correct_pairs = len(judged & gold_pairs)


def _cross_pairs(sentences: set[Sentence]) -> set[tuple[Sentence, Sentence]]:
    return {(a, b) for a, b in combinations(sorted(sentences), 2) if a[0] != b[0]}


def _sentence_of(article: Article, start: int, end: int) -> int | None:
    best, best_overlap = None, 0
    for number, (lo, hi) in article.sentences.items():
        overlap = min(hi, end) - max(lo, start)
        if overlap > best_overlap:
            best, best_overlap = number, overlap
    return best


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _article(file: Path) -> Article:
    try:
        root: Element = SafeET.fromstring(file.read_bytes())
    except OSError as exc:
        raise GoldError(f"{file}: cannot read ({exc.strerror or exc})") from exc
    except Exception as exc:  # defusedxml raises several unrelated types for bad or hostile input
        raise GoldError(f"{file}: not well-formed TimeML ({exc})".splitlines()[0]) from exc
    doc_id, dct = file.stem, ""
    parts: list[str] = []
    sentences: dict[int, tuple[int, int]] = {}
    offset = 0
    for el in root.iter():
        name = _local(el.tag)
        if name == "DOCID" and el.text and el.text.strip():
            doc_id = el.text.strip()
        elif name == "DCT" and not dct:
            timex = next((t for t in el.iter() if _local(t.tag) == "TIMEX3"), None)
            dct = timex.get("value", "") if timex is not None else ""
        elif name == "s" and (el.get("id") or "").isdecimal():
            sentence = "".join(el.itertext()).strip()
            sentences[int(el.get("id", ""))] = (offset, offset + len(sentence))
            parts.append(sentence)
            offset += len(sentence) + 1
    try:
        reference = date.fromisoformat(dct[:10])
    except ValueError:
        raise GoldError(f"{file}: no creation date (<DCT> TIMEX3 value) found") from None
    if not parts:
        raise GoldError(f'{file}: no <s id="N"> sentences found')
    return Article(doc_id, "\n".join(parts) + "\n", reference, sentences)


def _gold_lines(file: Path, articles: dict[str, Article]) -> list[GoldLine]:
    try:
        rows = file.read_text(encoding="utf-8").splitlines()[1:]  # the first line names the entity
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{file}: cannot read ({exc})") from exc
    lines: list[GoldLine] = []
    for number, row in enumerate(rows, 2):
        if not row.strip():
            continue
        source = f"{file}:{number}"
        cols = row.split("\t")
        if len(cols) < 3:
            raise GoldError(f"{source}: expected order, date and mentions separated by tabs")
        mentions = []
        for raw in cols[2:]:
            m = _MENTION.fullmatch(raw.strip())
            if m is None:
                raise GoldError(f"{source}: mention {raw!r} is not DOCID-SENTENCE-WORD")
            if m.group(1) in articles:  # timelines may cite articles the folder does not hold
                mentions.append((m.group(1), int(m.group(2)), m.group(3)))
        if mentions:
            lines.append(GoldLine(source, cols[1], _period(cols[1], source), tuple(mentions)))
    return lines


def _period(value: str, source: str) -> tuple[date, date] | None:
    if value.startswith("XXXX"):
        return None
    m = _GOLD_DATE.fullmatch(value)
    try:
        if m is None:
            raise ValueError(value)
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if month is None or month == "XX":
            return date(year, 1, 1), date(year, 12, 31)
        if day is None or day == "XX":
            return date(year, int(month), 1), date(year, int(month), calendar.monthrange(year, int(month))[1])
        return date(year, int(month), int(day)), date(year, int(month), int(day))
    except ValueError:
        raise GoldError(f"{source}: date {value!r} is not YYYY-MM-DD, YYYY-MM-XX, YYYY-XX-XX or XXXX-XX-XX") from None
