"""Altered copies of the bundled seed article, for checking that extraction follows general rules."""

from __future__ import annotations

import random
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_97615b8d070adb4e.txt"

RENAMES = {
    "Kim Jong-un": "Park Min-ho",
    "Vladimir Putin": "Jean Moreau",
    "Xi Jinping": "Ana Souza",
    "Kim": "Park",
    "Putin": "Moreau",
    "Xi": "Souza",
    "NationPress": "WireNews",
    "Yonhap": "Kyodo",
    "Korean Central News Agency": "Central Press Office",
    "KCNA": "CPO",
    "Tass": "Interfax",
    "Kursk": "Tula",
    "Beijing": "Hanoi",
    "Seoul": "Tokyo",
    "Tiananmen Square": "Ba Dinh Square",
}


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def with_dateline(text: str, day: str, weekday: str) -> str:
    return text.replace("Sep 4", day, 1).replace("on Thursday", f"on {weekday}", 1)


def renamed(text: str) -> str:
    for old, new in RENAMES.items():
        text = text.replace(old, new)
    return text


def without_anniversary(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if "anniversary" not in line)


def reordered(text: str, seed: int = 7) -> str:
    """Keeps the headline, takeaways, dateline paragraph and the paragraph after it; shuffles the rest."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "(" in line and ")" in line and i > 2)
    head, body = lines[: start + 2], lines[start + 2 :]
    random.Random(seed).shuffle(body)
    return "\n".join(head + body)


def dateline_paragraph_last(text: str) -> str:
    """Moves the paragraph that carries the dateline to the end of the article."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "(" in line and ")" in line and i > 2)
    moved = lines.pop(at)
    return "\n".join([*lines, moved])
