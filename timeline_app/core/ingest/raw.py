"""Reading a file's bytes safely: regular files only, size limit, empty and binary files rejected up front."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from timeline_app.core.ingest.errors import LoadError

# News articles are kilobytes; anything this large is not one and would stall the pipeline.
MAX_BYTES = 5 * 1024 * 1024

# Bytes that never occur in text in any common encoding (NUL aside from UTF-16/32, handled by BOM).
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31}
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")

# Without O_NONBLOCK, opening a named pipe waits for a writer that may never come.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def open_regular_file(path: Path) -> BinaryIO:
    """Open `path` for reading if it is a regular file; LoadError for anything else.

    The type is checked on the opened descriptor, so the file cannot be swapped for a pipe or
    a device (/dev/zero never ends) between the check and the read.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise LoadError("file not found") from None
    except IsADirectoryError:
        raise LoadError("is a directory, not a file") from None
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise LoadError("is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise LoadError(f"not a regular file ({_kind(mode)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_limited(path: Path, max_bytes: int) -> bytes | None:
    """A regular file's bytes, or None when it holds more than `max_bytes` (nothing past that is read)."""
    with open_regular_file(path) as handle:
        try:
            if os.fstat(handle.fileno()).st_size > max_bytes:
                return None
            # A file still growing can exceed its stat size: never read past the limit.
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise LoadError(f"cannot read file: {exc.strerror or exc}") from None
    return None if len(data) > max_bytes else data


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    if max_bytes is None:
        max_bytes = MAX_BYTES
    data = read_limited(path, max_bytes)
    if data is None:
        raise LoadError(f"file too large ({_size_mb(path)}limit {max_bytes / 1_048_576:.0f} MB)")
    if not data.strip():
        raise LoadError("file is empty")
    if looks_binary(data):
        raise LoadError("binary file, not text")
    return data


def _size_mb(path: Path) -> str:
    try:
        return f"{path.stat().st_size / 1_048_576:.1f} MB; "
    except OSError:
        return ""


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables...: many control bytes in the first few kilobytes."""
    if data.startswith(_UTF16_32_BOMS):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(2, len(sample) // 100)
