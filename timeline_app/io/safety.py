"""Guards shared by every importer: size limits, one-line errors and sane years.

Imported files come from anywhere. Each reader checks the size before parsing so a huge
file cannot exhaust memory, and reports problems as a single line the CLI and the File
menu can show as they are.

Articles and other text imports have a fixed limit (``MAX_IMPORT_BYTES``). Timeline files
(events JSON, Arrow columns) are limited by memory instead: ``timeline_limit(fmt)`` is the
memory available now divided by how many bytes of memory a byte of that format takes to open
(``EXPANSION``), so a machine with room for it opens a 5 GB Arrow file and refuses a JSON file
whose Event objects would not fit.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

MAX_IMPORT_BYTES = 50 * 1024 * 1024
_MB = 1024 * 1024
MIN_YEAR = 1
MAX_YEAR = 9999


class FormatError(ValueError):
    """An imported file is unreadable, malformed, hostile or too large (one-line message)."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


def one_line(message: str, limit: int = 300) -> str:
    text = " ".join(str(message).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Bytes of memory per byte of file that opening a timeline file takes, by how it is read:
# - "json-objects": events_json.load, one Event object per event (a 0.6 KB record becomes ~3 KB);
# - "json-columns": events JSON to columns (the file, a copy of its records, the columns);
# - "arrow": an Arrow columns file is memory-mapped; only a few arrays per event are made.
EXPANSION: dict[str, float] = {"json-objects": 6.0, "json-columns": 2.5, "arrow": 0.15}
# What is assumed available where the system cannot tell: enough for the 1 GB events JSON files
# that always opened, as Event objects.
FALLBACK_MEMORY = 8 * 1024 * 1024 * 1024
_MEMINFO = "/proc/meminfo"
# Left for the rest of the application and the system, whatever the file.
_RESERVE = 256 * _MB


def available_memory() -> int:
    """Bytes of memory available to a new allocation now (Linux MemAvailable; else a guess)."""
    try:
        with open(_MEMINFO, "rb") as handle:
            for line in handle:
                if line.startswith(b"MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        pages = os.sysconf("SC_AVPHYS_PAGES")
        size = os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return FALLBACK_MEMORY
    return pages * size if pages > 0 and size > 0 else FALLBACK_MEMORY


def timeline_limit(fmt: str) -> int:
    """The largest file of format ``fmt`` (a key of ``EXPANSION``) that memory allows opening now."""
    return max(int((available_memory() - _RESERVE) / EXPANSION[fmt]), 0)


def check_timeline_size(path: Path, fmt: str) -> int:
    """The size of a timeline file; FormatError when memory could not hold it once opened as ``fmt``."""
    size = check_size(path, limit=1 << 62)
    memory = available_memory()
    if size > max(int((memory - _RESERVE) / EXPANSION[fmt]), 0):
        raise FormatError(too_large_message(path.name, size, fmt, memory))
    return size


def too_large_message(name: str, size: int, fmt: str, memory: int) -> str:
    need = size * EXPANSION[fmt] + _RESERVE
    return (
        f"{name}: too large to open ({size / _MB:,.0f} MB would need about {need / _MB:,.0f} MB of memory;"
        f" {memory / _MB:,.0f} MB is available)"
    )


def check_size(path: Path, limit: int = MAX_IMPORT_BYTES) -> int:
    """The file's size; FormatError when it is no regular file, is over `limit` or cannot be examined."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise FormatError(f"{path.name}: cannot read (no such file)") from exc
    except OSError as exc:
        raise FormatError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(info.st_mode):
        # Checked again on the open file by read_bytes_limited; this spares the parser a pipe or device.
        raise FormatError(f"{path.name}: cannot read (not a regular file)")
    if info.st_size > limit:
        raise FormatError(f"{path.name}: {info.st_size / _MB:.1f} MB is over the {limit / _MB:.0f} MB import limit")
    return info.st_size


def read_bytes_limited(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """Read a whole regular file, refusing before parsing anything when it exceeds `limit`.

    A named pipe, a device or a directory is refused by its type before any byte is read.
    """
    # Here rather than at the top: the ingest package is heavy and most users of this module never read a file.
    from timeline_app.core.ingest.errors import LoadError
    from timeline_app.core.ingest.raw import read_limited

    check_size(path, limit)
    try:
        data = read_limited(path, limit)
    except LoadError as exc:
        raise FormatError(f"{path.name}: cannot read ({exc})") from exc
    if data is None:
        raise FormatError(f"{path.name}: over the {limit / _MB:.0f} MB import limit")
    return data


def read_text_limited(path: Path, limit: int = MAX_IMPORT_BYTES) -> str:
    data = read_bytes_limited(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path.name}: not UTF-8 text (byte {exc.start})") from exc


def check_year(year: int, where: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise FormatError(f"{where}: year {year} is outside {MIN_YEAR}–{MAX_YEAR}")
    return year


MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in `text`, counted without parsing it."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def loads_bounded(text: str, what: str, max_chars: int, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """json.loads for values read from a file: ValueError when too long or too deeply nested.

    Checked before parsing: a deep nesting would otherwise end in a RecursionError, and a huge
    value in a long parse of something no user ever wrote.
    """
    if len(text) > max_chars:
        raise ValueError(f"{what} is too large ({len(text):,} characters; limit {max_chars:,})")
    if json_depth(text) > max_depth:
        raise ValueError(f"{what} is nested too deeply (over {max_depth} levels)")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"{what} is not valid JSON ({one_line(str(exc), 80)})") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """`text` with lone surrogates (which no UTF encoding can write) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
