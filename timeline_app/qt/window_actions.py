"""Building the window's actions: shortcuts without duplicates, tooltips naming the key."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from timeline_app.qt.icons import standard_icon


def unique_shortcuts(shortcuts: Sequence[QKeySequence | QKeySequence.StandardKey | str]) -> list[QKeySequence]:
    """Platform bindings of standard keys plus explicit ones, each once, in order."""
    keys: list[QKeySequence] = []
    for s in shortcuts:
        if isinstance(s, QKeySequence.StandardKey):
            keys.extend(QKeySequence.keyBindings(s))
        else:
            keys.append(QKeySequence(s))
    unique: list[QKeySequence] = []
    for k in keys:
        if not k.isEmpty() and all(k != u for u in unique):
            unique.append(k)
    return unique


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    shortcuts: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
    icon: str = "",
    theme: str = "",
) -> QAction:
    """``icon``: a QStyle standard pixmap name; ``theme``: a freedesktop icon name preferred to it."""
    action = QAction(text, parent)
    keys = unique_shortcuts(shortcuts)
    if keys:
        action.setShortcuts(keys)
        label = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{label} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})")
    if icon or theme:
        action.setIcon(standard_icon(icon, theme))
    action.triggered.connect(lambda _checked=False: slot())
    return action
