"""Hostile inputs for every way into the app, generated from a seed.

Each generator takes a ``random.Random`` so that a finding is reproduced by its seed alone.
Inputs mix what the app reads every day (news sentences, dates of every precision, its own
exports) with what breaks readers: characters XML forbids, markup and formulas in text, long
lines, deep nesting, wrong types, unknown encodings, damaged bytes and crafted project files.
"""

from __future__ import annotations

import contextlib
import json
import random
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from timeline_app.core.events.dating import date_point
from timeline_app.core.model import (
    DatePoint,
    Document,
    Event,
    FuzzyDate,
    Mention,
    Precision,
    Status,
    Timeline,
    Timex,
)

SENTENCES = [
    "Seoul, Sep 4, 2025 (Agency) - North Korean leader Kim met Putin on Wednesday, state media said.",
    "The council approved the budget on 4 May 2025 after a vote that lasted until midnight.",
    "Works ran from spring 2025 to autumn 2025, the city said in a statement on Tuesday.",
    "Profits rose in the third quarter of 2024, the company reported last week.",
    "The pier, which opened in the 1990s, closed in October of last year.",
    "Ferries are expected to resume next month, according to the port authority.",
    "Talks ended on Thursday; a deal is due by the end of 2025-W36.",
    "Officials said the plan, first proposed in 2019, would be delayed until 2026.",
    "The festival takes place from July 5 to July 7, 2024 in the old town.",
    "Yesterday the minister said the law had been in force since 1 January 2020.",
]
DATE_WORDS = [
    "on 4 May 2025", "last Tuesday", "in spring 2025", "in winter 2024", "in Q3 2025", "in the 1990s",
    "on Sep 4", "yesterday", "next week", "2025-09-04", "between March and May 2024", "in the 21st century",
    "at 14:30 on 3 June 2023", "every summer", "three years ago", "by the end of the month", "on 29 February 2023",
    "in 9999", "in 0001", "on 31 April 2024", "from 2025 to 2024",
]  # fmt: skip
HOSTILE_PIECES = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b[31m", "\x1c", "\x7f", "\x85", "\ufffe", "\uffff", "\u2028",
    "\u2029", "\u202e", "\u200d", "e\u0301", "\U0001f600", "\U0010fffd", "\r", "\r\n", "\t",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "javascript:alert(1)",
    "=HYPERLINK(\"http://x\")", "\n=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "'quoted",
    "&amp;", "&#0;", "&bogus;", "]]>", "<![CDATA[x]]>", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<?xml version='1.0'?>",
    "'; DROP TABLE events; --", "~", "[..]", "/", "..", "{", "}", "\\", '"', "`", "|", "*", "_", "#", "> quote",
    "---\ntitle: x\n---", "[a](javascript:alert(1))", "![i](x)", "# heading", "* * *", "%s%n", "{0}", "${x}",
    "Source: fake <path>", "EDTF: 2025-13", "Status: imagined", "Date: never",
]  # fmt: skip
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "utf-32", "shift_jis", "koi8-r"]


def hostile_text(rng: random.Random, pieces: int | None = None) -> str:
    """News-like text with hostile pieces scattered through it."""
    out = []
    for _ in range(pieces if pieces is not None else rng.randint(1, 12)):
        roll = rng.random()
        if roll < 0.4:
            out.append(rng.choice(SENTENCES))
        elif roll < 0.6:
            out.append(rng.choice(DATE_WORDS))
        elif roll < 0.85:
            out.append(rng.choice(HOSTILE_PIECES))
        else:
            out.append("".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 20))))
        out.append(rng.choice([" ", " ", "\n", "\n\n", "", ". "]))
    return "".join(out)


def short_text(rng: random.Random) -> str:
    return hostile_text(rng, rng.randint(0, 3))[: rng.choice([5, 40, 200])]


def long_line(rng: random.Random, size: int) -> str:
    words = " ".join(SENTENCES).split()
    parts: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words)
        parts.append(word)
        length += len(word) + 1
    return " ".join(parts)[:size]


def deep(rng: random.Random, depth: int, opener: str = "<div>", closer: str = "</div>") -> str:
    return opener * depth + rng.choice(SENTENCES) + closer * rng.choice([depth, depth // 2, 0])


# ---------------------------------------------------------------- dates and timelines

TIMEML_VALUES = [
    "{d}",
    "{d}T14:30",
    "{y}-W{w:02d}",
    "{y}-{m:02d}",
    "{y}-Q{q}",
    "{y}-H{h}",
    "{y}-{s}",
    "{y}",
    "{dec}",
    "{c}",
]


def date_points(rng: random.Random) -> DatePoint:
    """A calendar unit of any precision, as the extractor makes them, or now and then an odd span."""
    year = rng.choice([rng.randint(1, 9998), rng.randint(1900, 2100), 1, 9998])
    day = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
    if rng.random() < 0.1:  # a week, quarter or season that is no whole one, as imports from other apps make them
        span = rng.randint(1, 400)
        latest = day + timedelta(days=min(span, (date(9999, 12, 31) - day).days))
        return DatePoint(day, latest, rng.choice([Precision.WEEK, Precision.QUARTER, Precision.SEASON]))
    value = rng.choice(TIMEML_VALUES).format(
        d=day.isoformat(), y=f"{year:04d}", w=rng.randint(1, 52), m=day.month, q=rng.randint(1, 4),
        h=rng.randint(1, 2), s=rng.choice(["SP", "SU", "FA", "WI"]), dec=f"{max(year // 10, 1):03d}",
        c=f"{max(year // 100, 1):02d}",
    )  # fmt: skip
    point = date_point(value)
    return point if point is not None else DatePoint.day(day)


def fuzzy_dates(rng: random.Random) -> FuzzyDate:
    shape = rng.choice(["point", "inferred", "interval", "bounded", "open"])
    if shape in ("point", "inferred"):
        return FuzzyDate.point(date_points(rng), inferred=shape == "inferred")
    lo, hi = date_points(rng), date_points(rng)
    if hi.earliest < lo.earliest:
        lo, hi = hi, lo
    if shape == "open":
        return rng.choice([FuzzyDate.interval(lo, None), FuzzyDate.interval(None, hi), FuzzyDate.bounded(None, hi)])
    return FuzzyDate.interval(lo, hi) if shape == "interval" else FuzzyDate.bounded(lo, hi)


def timelines(rng: random.Random) -> Timeline:
    """A timeline whose every text field may hold anything, dated at every precision."""
    docs = []
    for i in range(rng.randint(0, 3)):
        text = hostile_text(rng)
        timexes = []
        if text and rng.random() < 0.5:
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randint(1, 12))
            timexes.append(Timex(start, end, text[start:end], "DATE", rng.choice(["2025-09-04", "PAST_REF", "2025"])))
        path = rng.choice(["", f"/news/{i}.txt", "https://example.org/" + short_text(rng), short_text(rng)])
        docs.append(
            Document(f"d{i}", path, text, short_text(rng), rng.choice([None, date(2025, 9, 4)]), short_text(rng))
        )
    events = []
    for i in range(rng.randint(0, 8)):
        cited = rng.sample(docs, rng.randint(0, len(docs)))
        events.append(
            Event(
                id=rng.choice([f"e{i}", short_text(rng) or f"e{i}"]),
                title=short_text(rng),
                sentence=hostile_text(rng, rng.randint(0, 4)),
                date=fuzzy_dates(rng),
                status=rng.choice(list(Status)),
                date_basis=short_text(rng),
                mentions=[Mention(d.id, 0, min(5, len(d.text)), d.text[:5]) for d in cited],
                actors=[short_text(rng) for _ in range(rng.randint(0, 2))],
                notes=short_text(rng),
                group=rng.choice(["", "Politics", short_text(rng)]),
                color=rng.choice(["", "#0a141e", "red", short_text(rng)]),
                curated=rng.random() < 0.3,
                salience=rng.random(),
            )
        )
    return Timeline(documents=docs, events=events)


# ---------------------------------------------------------------- bytes


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A few random edits: flipped bits, cut, repeated or inserted pieces, a truncation."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        pos = rng.randint(0, len(buf))
        if op < 0.25 and buf:
            at = rng.randrange(len(buf))
            buf[at] ^= 1 << rng.randrange(8)
        elif op < 0.45:
            del buf[pos : pos + rng.randint(1, 64)]
        elif op < 0.6 and buf:
            piece = buf[pos : pos + rng.randint(1, 64)]
            buf[pos:pos] = piece * rng.randint(1, 8)
        elif op < 0.85:
            buf[pos:pos] = rng.choice(HOSTILE_PIECES).encode("utf-8", "surrogatepass")
        else:
            del buf[pos:]
    return bytes(buf)


def encoded(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(ENCODINGS)
    return text.encode(
        encoding, errors=rng.choice(["replace", "ignore", "surrogatepass"]) if "utf" in encoding else "replace"
    )


def article_bytes(rng: random.Random, suffix: str) -> bytes:
    body = hostile_text(rng)
    if rng.random() < 0.05:
        body += "\n" + long_line(rng, rng.choice([20_000, 100_000, 300_000]))
    if suffix in (".html", ".htm"):
        meta = (
            f'<meta property="article:published_time" content="{rng.choice(["2025-09-04", "garbage", "9999-99-99"])}">'
        )
        inner = deep(rng, rng.choice([3, 200, 5000])) if rng.random() < 0.2 else f"<p>{body}</p>"
        head = f"<head><title>{short_text(rng)}</title>{meta}</head>"
        text = f"<!DOCTYPE html><html>{head}<body><article>{inner}</article></body></html>"
    elif suffix in (".md", ".markdown"):
        front = f"---\ntitle: {short_text(rng)}\ndate: {rng.choice(['2025-09-04', 'soon', ''])}\n---\n"
        text = f"{front}# {short_text(rng)}\n\n{body}"
    elif suffix in (".tml", ".xml"):
        text = timeml_text(rng, body)
    else:
        text = body
    data = encoded(rng, text) if rng.random() < 0.3 else text.encode("utf-8", "surrogatepass")
    return mutate(rng, data) if rng.random() < 0.4 else data


def timeml_text(rng: random.Random, body: str) -> str:
    safe = body.replace("&", "&amp;").replace("<", "&lt;")
    timex = (
        f'<TIMEX3 tid="t1" type="DATE" value="{rng.choice(["2025-09-04", "XXXX", "", "PAST_REF"])}">Thursday</TIMEX3>'
    )
    encoding = rng.choice(["utf-8", "UTF-8", "Otf-8", "utf-16", "ascii", ""])
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>' if encoding else "<?xml version='1.0'?>"
    nesting = rng.choice([0, 0, 0, 50, 2000, 20_000])
    text = "<s>" * nesting + safe + " on " + timex + "." + "</s>" * nesting
    dtd = rng.choice(["", "", '<!DOCTYPE TimeML [<!ENTITY x "y">]>', '<!DOCTYPE TimeML SYSTEM "file:///etc/passwd">'])
    dct = f'<DCT><TIMEX3 tid="t0" type="DATE" value="{rng.choice(["2025-09-04", "19980108", "bad"])}">x</TIMEX3></DCT>'
    docid = f"<DOCID>{short_text(rng)[:10].replace('<', '').replace('&', '')}</DOCID>"
    return f"{declaration}{dtd}<TimeML>{docid}{dct}<TEXT>{text}</TEXT></TimeML>"


def json_mutation(rng: random.Random, value: object, depth: int = 0) -> object:
    """The same JSON with some values swapped for wrong types, huge numbers, deep nesting or escapes."""
    if isinstance(value, dict):
        return {k: json_mutation(rng, v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [json_mutation(rng, v, depth + 1) for v in value]
    if rng.random() < 0.05:
        return rng.choice(
            [None, True, 1e308, -(2**70), "", [], {}, "\ud800", [[[[[]]]]], "9999-99-99", "2025-13", -1, "x" * 5000]
        )
    return value


def json_bytes(rng: random.Random, value: object) -> bytes:
    value = json_mutation(rng, value) if rng.random() < 0.5 else value
    text = json.dumps(value, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.1:
        text = '{"events": ' + "[" * rng.choice([100, 5000, 100_000]) + "]" * rng.choice([0, 100]) + "}"
    data = text.encode("utf-8", "surrogatepass")
    return mutate(rng, data) if rng.random() < 0.3 else data


# ---------------------------------------------------------------- import files


def import_file(rng: random.Random, folder: Path) -> Path:
    """A file in one of the importable formats: an export of a hostile timeline, damaged or not."""
    from timeline_app.io import events_json
    from timeline_app.io.ics import to_ics
    from timeline_app.io.sheet_csv import to_sheet_csv
    from timeline_app.io.timeline_xml import to_timeline_xml
    from timeline_app.io.timelinejs import to_timelinejs

    timeline = timelines(rng)
    kind = rng.choice(["events.json", "timelinejs.json", "sheet.csv", "calendar.ics", "desktop.timeline", "doc.xml"])
    path = folder / kind
    if kind == "events.json":
        data = json_bytes(rng, events_json.to_dict(timeline))
    elif kind == "timelinejs.json":
        data = json_bytes(rng, to_timelinejs(timeline))
    elif kind == "sheet.csv":
        data = mutate(rng, to_sheet_csv(timeline).encode("utf-8", "surrogatepass"))
    elif kind == "calendar.ics":
        data = mutate(rng, to_ics(_plain(timeline)))
    elif kind == "desktop.timeline":
        data = to_timeline_xml(timeline)
        if rng.random() < 0.3:
            data = data.replace(b"<timeline>", b'<!DOCTYPE timeline [<!ENTITY a "aaaa">]><timeline>', 1)
        if rng.random() < 0.2:
            data = data.replace(b'encoding="utf-8"', rng.choice([b'encoding="Otf-8"', b'encoding="utf-16"']), 1)
        data = mutate(rng, data) if rng.random() < 0.5 else data
    else:
        data = article_bytes(rng, ".xml")
    path.write_bytes(data)
    return path


def _plain(timeline: Timeline) -> Timeline:
    """Surrogate-free text for writers of other libraries (an import cannot carry them anyway)."""
    from timeline_app.io.project_rows import valid_unicode_timeline

    return valid_unicode_timeline(timeline)


# ---------------------------------------------------------------- project files

NEVER_ENDING = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n"
PROJECT_TAMPERING: list[tuple[str, tuple[object, ...]]] = [
    ("CREATE TRIGGER t1 AFTER INSERT ON meta BEGIN UPDATE events SET title = 'pwned'; END", ()),
    (f"CREATE TRIGGER t2 BEFORE INSERT ON meta BEGIN SELECT count(*) FROM ({NEVER_ENDING}); END", ()),
    ("CREATE TRIGGER t3 AFTER UPDATE ON events BEGIN DELETE FROM documents; END", ()),
    ("DROP TABLE events", ()),
    (f"DROP TABLE mentions; CREATE VIEW mentions AS {NEVER_ENDING}", ()),
    ("CREATE TABLE extra (x)", ()),
    ("CREATE INDEX i ON events (title)", ()),
    ("ALTER TABLE events ADD COLUMN more TEXT", ()),
    ("UPDATE events SET title = x'4142'", ()),
    ("UPDATE events SET curated = 'yes'", ()),
    ("UPDATE events SET salience = 1e308", ()),
    ("UPDATE events SET start_earliest = '2030-01-01', start_latest = '2001-01-01'", ()),
    ("UPDATE events SET start_precision = 'eon'", ()),
    ("UPDATE events SET start_time = 'noon', start_precision = 'time'", ()),
    ("UPDATE events SET status = 'imagined'", ()),
    ("UPDATE events SET date_kind = 'sometime'", ()),
    ("UPDATE events SET actors = ?", ("[" * 100_000 + "]" * 100_000,)),
    ("UPDATE events SET places = ?", ('["a", 1, null]',)),
    ("UPDATE meta SET value = ? WHERE key = 'view_state'", ('{"a": ' + "[" * 50_000 + "]" * 50_000 + "}",)),
    ("UPDATE meta SET value = ? WHERE key = 'view_state'", ("[1, 2]",)),
    ("UPDATE meta SET value = ? WHERE key = 'view_state'", ("{bad json",)),
    ("UPDATE documents SET reference_date = '2025-02-30'", ()),
    ("UPDATE documents SET text = x'00ff'", ()),
    ('UPDATE mentions SET start = -5, "end" = -9', ()),
    ("UPDATE timexes SET start = 1.5", ()),
    ("PRAGMA user_version = 99", ()),
    ("PRAGMA user_version = 0", ()),
    ("PRAGMA application_id = 7", ()),
    ("DELETE FROM meta", ()),
]


def project_file(rng: random.Random, folder: Path) -> tuple[Path, bool]:
    """A project: saved by the app, then tampered with through SQL or damaged byte by byte.

    Returns the path and whether the file holds a trigger (which must never run).
    """
    from timeline_app.io.project import save_project

    path = folder / "p.tlproj"
    save_project(path, _plain(timelines(rng)), {"zoom": rng.random()})
    with_trigger = False
    if rng.random() < 0.7:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            for _ in range(rng.randint(1, 3)):
                sql, params = rng.choice(PROJECT_TAMPERING)
                with_trigger |= "TRIGGER" in sql
                for statement in sql.split("; "):
                    with contextlib.suppress(sqlite3.Error):  # a tampering that does not apply to this file
                        conn.execute(statement, params if "?" in statement else ())
        finally:
            conn.close()
    else:
        path.write_bytes(mutate(rng, path.read_bytes()))
    return path, with_trigger


ARTICLE_SUFFIXES = [".txt", ".md", ".html", ".tml", ".xml", ".text", ""]
Generator = Callable[[random.Random, Path], Path]
