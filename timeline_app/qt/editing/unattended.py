"""Answers for a window nobody watches (``--screenshot``): no dialog ever waits for a click.

Errors go to standard error as one line each and are kept, so the run can end with a
non-zero status; every question gets the answer that changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from timeline_app.qt.editing.prompts import Recovery, Unsaved


def one_line(title: str, message: str) -> str:
    """ "Cannot open project; /path/p.tlproj: not a timeline project" from a dialog's title and paragraphs."""
    paragraphs = [" ".join(part.split()) for part in message.split("\n\n")]
    parts: list[str] = []
    for text in (p for p in paragraphs if p):
        previous = parts[-1] if parts else ""
        name = f"{Path(previous).name}: " if previous else ""
        if name and text.startswith(name):
            parts[-1] = f"{previous}: {text[len(name) :]}"  # the reason already names the file shown above it
        else:
            parts.append(text)
    return "; ".join([title, *parts])


class UnattendedPrompts:
    """A :class:`~timeline_app.qt.editing.prompts.Questions` that never shows a dialog."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def unsaved_changes(self, name: str) -> Unsaved:
        return Unsaved.CANCEL

    def recover(self, description: str) -> Recovery:
        return Recovery.LATER

    def open_path(self, title: str, file_filter: str, start: str = "") -> Path | None:
        return None

    def open_paths(self, title: str, file_filter: str, start: str = "") -> list[Path]:
        return []

    def save_path(self, title: str, file_filter: str, start: str = "") -> Path | None:
        return None

    def error(self, title: str, message: str) -> None:
        line = one_line(title, message)
        self.errors.append(line)
        print(f"timeline-app: {line}", file=sys.stderr, flush=True)

    def confirm(self, title: str, message: str, details: str = "", accept: str = "Apply") -> bool:
        return False

    def inform(self, title: str, message: str, details: str = "") -> None:
        print(f"timeline-app: {one_line(title, message)}", file=sys.stderr, flush=True)
