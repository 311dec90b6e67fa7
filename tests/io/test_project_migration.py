"""A project written with the first schema opens, unchanged on disk, and upgrades on save."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from timeline_app.core.model import DateKind, DatePoint, FuzzyDate, Mention, Precision, Status
from timeline_app.io.project import load_project, save_project
from timeline_app.io.project_schema import APPLICATION_ID, SCHEMA_V1, SCHEMA_VERSION, statements


def write_v1_project(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    for statement in statements(SCHEMA_V1):
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('view_state', '{\"zoom\": 3}')")
    conn.execute("INSERT INTO documents VALUES ('a', '/n/a.txt', 'Text A', 'Title A', '2025-09-04', 'dateline')")
    conn.execute("INSERT INTO documents VALUES ('b', '/n/b.txt', 'Text B', 'Title B', NULL, '')")
    conn.executemany(
        "INSERT INTO events VALUES (?,?,?,?,?,?,?,?)",
        [
            ("e2", "Vote", "The council voted.", "2025-09-03", "occurred", "stated", "check", "Politics"),
            ("e1", "Budget", "A budget came.", "2024-10", "reported", "month named", "", ""),
            ("e3", "Deal", "A deal was made.", "[2024-10..2025-09-03]", "occurred", "bounded", "", "Economy"),
            ("e4", "Works", "Works go on.", "2025-05/..", "ongoing", "", "", ""),
        ],
    )
    conn.executemany(
        "INSERT INTO mentions VALUES (?,?,?,?,?)",
        [("e2", "a", 0, 4, "Vote"), ("e2", "b", 7, 11, "vote"), ("e3", "b", 1, 5, "deal")],
    )
    conn.commit()
    conn.close()


def test_v1_project_loads_with_every_field(tmp_path: Path) -> None:
    path = tmp_path / "old.tlproj"
    write_v1_project(path)
    before = path.read_bytes()
    timeline, view_state = load_project(path)
    assert path.read_bytes() == before, "opening must not rewrite an old project"
    assert view_state == {"zoom": 3}
    assert [(d.id, d.title, d.reference_date, d.reference_date_basis) for d in timeline.documents] == [
        ("a", "Title A", date(2025, 9, 4), "dateline"),
        ("b", "Title B", None, ""),
    ]
    assert [e.id for e in timeline.events] == ["e2", "e1", "e3", "e4"]
    vote, budget, deal, works = timeline.events
    assert vote.date == FuzzyDate.point(DatePoint.day(date(2025, 9, 3)))
    assert vote.mentions == [Mention("a", 0, 4, "Vote"), Mention("b", 7, 11, "vote")]
    assert (vote.notes, vote.group, vote.date_basis) == ("check", "Politics", "stated")
    assert budget.date.start == DatePoint(date(2024, 10, 1), date(2024, 10, 31), Precision.MONTH)
    assert budget.status is Status.REPORTED
    assert deal.date.kind is DateKind.BOUNDED
    assert (deal.date.earliest, deal.date.latest) == (date(2024, 10, 1), date(2025, 9, 3))
    assert works.date == FuzzyDate.interval(DatePoint.month(2025, 5), None)
    assert (works.color, works.curated, works.actors) == ("", False, [])


def test_saving_a_v1_project_upgrades_it(tmp_path: Path) -> None:
    path = tmp_path / "old.tlproj"
    write_v1_project(path)
    timeline, view_state = load_project(path)
    timeline.events[0].color = "#ff0000"
    save_project(path, timeline, view_state)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"events", "mentions", "timexes", "edits"} <= tables
    assert not any(t.endswith("_v1") for t in tables)
    reloaded, state = load_project(path)
    assert reloaded == timeline
    assert state == {"zoom": 3}
