"""Reading a file's bytes safely: size limit, empty and binary files rejected up front."""

from __future__ import annotations

from pathlib import Path

from timeline_app.core.ingest.errors import LoadError

# News articles are kilobytes; anything this large is not one and would stall the pipeline.
MAX_BYTES = 5 * 1024 * 1024

# Bytes that never occur in text in any common encoding (NUL aside from UTF-16/32, handled by BOM).
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31}
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    if max_bytes is None:
        max_bytes = MAX_BYTES
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LoadError("file not found") from None
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from None
    if path.is_dir():
        raise LoadError("is a directory, not a file")
    if size > max_bytes:
        raise LoadError(f"file too large ({size / 1_048_576:.1f} MB; limit {max_bytes / 1_048_576:.0f} MB)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise LoadError(f"file too large (limit {max_bytes / 1_048_576:.0f} MB)")
    if not data.strip():
        raise LoadError("file is empty")
    if looks_binary(data):
        raise LoadError("binary file, not text")
    return data


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables...: many control bytes in the first few kilobytes."""
    if data.startswith(_UTF16_32_BOMS):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(2, len(sample) // 100)
