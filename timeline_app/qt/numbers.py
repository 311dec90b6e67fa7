"""Counts as people read them: with the thousands separator of their locale ("100,000", "100.000")."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def number_locale() -> QLocale:
    """The user's locale; the "C" locale (no locale set at all) reads like English."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def format_count(n: int) -> str:
    return number_locale().toString(int(n))
