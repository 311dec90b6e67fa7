"""Obligations and postponements look ahead: their dates are still to come."""

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


def test_delayed_until_a_month_looks_ahead() -> None:
    assert values("The vote was delayed until March.") == {"March": "2026-03"}
    assert values("The hearing was pushed back until October.") == {"October": "2025-10"}
