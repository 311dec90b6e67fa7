"""Remembered state: window geometry and layout, recent files, the last confidence threshold (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class AppSettings:
    def __init__(self) -> None:
        self._s = QSettings()

    def recent_files(self) -> list[str]:
        value = self._s.value("recent_files", [])
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list):
            return [str(v) for v in value if v]
        return []

    def add_recent(self, paths: list[str]) -> None:
        recent = self.recent_files()
        for path in reversed(paths):
            absolute = str(Path(path).resolve())
            if absolute in recent:
                recent.remove(absolute)
            recent.insert(0, absolute)
        self._s.setValue("recent_files", recent[:MAX_RECENT])

    def clear_recent(self) -> None:
        self._s.remove("recent_files")

    def confidence_threshold(self, default: float) -> float:
        """The value last chosen in View ▸ Hide Below Confidence…, offered again next time."""
        value = self._s.value("view/confidence_threshold", default)
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default
        return number if 0.0 <= number <= 1.0 else default

    def set_confidence_threshold(self, value: float) -> None:
        self._s.setValue("view/confidence_threshold", float(value))

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def splitter_state(self, name: str) -> QByteArray | None:
        value = self._s.value(f"window/splitter_{name}")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray, splitters: dict[str, QByteArray]) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)
        for name, value in splitters.items():
            self._s.setValue(f"window/splitter_{name}", value)
        self._s.sync()
