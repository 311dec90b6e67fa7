"""Guards shared by every importer: size limits, one-line errors and sane years.

Imported files come from anywhere. Each reader checks the size before parsing so a huge
file cannot exhaust memory, and reports problems as a single line the CLI and the File
menu can show as they are.
"""

from __future__ import annotations

from pathlib import Path

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


def check_size(path: Path, limit: int = MAX_IMPORT_BYTES) -> int:
    """The file's size; FormatError when it is over `limit` or cannot be examined."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FormatError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    if size > limit:
        raise FormatError(f"{path.name}: {size / _MB:.1f} MB is over the {limit / _MB:.0f} MB import limit")
    return size


def read_bytes_limited(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """Read a whole file, refusing before parsing anything when it exceeds `limit`."""
    check_size(path, limit)
    try:
        with path.open("rb") as handle:
            # A device or a file still growing can exceed its stat size: never read past the limit.
            data = handle.read(limit + 1)
    except OSError as exc:
        raise FormatError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > limit:
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
