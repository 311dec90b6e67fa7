"""Obligations look ahead: a date someone must meet is still to come."""

from datetime import date

from timeline_app.core.temporal import tag

REF = date(2025, 9, 4)


def values(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, REF)}


def test_obligation_with_a_deadline_looks_ahead() -> None:
    assert values("Keller must report to prison by Jan. 15.") == {"Jan. 15": "2026-01-15"}
    assert values("He must appear in court on Monday.") == {"Monday": "2025-09-08"}


def test_must_have_is_still_past() -> None:
    assert values("He must have left on Monday.") == {"Monday": "2025-09-01"}
