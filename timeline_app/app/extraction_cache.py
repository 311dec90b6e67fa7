"""Articles already read come back at once: extraction results kept in the user's cache folder.

Opening the same articles again (every start on the bundled seeds, a reopened folder) skips
importing the extraction engine and running it: the timeline is read back from an events
JSON file written the first time. A result is used only for exactly the same inputs: the
files' contents and places, the reference date given, and the extraction engine itself (its
code and language data, by size and modification time, and the package version). Anything
unreadable in the cache is ignored and removed; the cache never decides what a user sees
other than by being a copy of a fresh extraction.

``TIMELINE_APP_CACHE_DIR`` moves the cache; ``TIMELINE_APP_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

from timeline_app import __version__
from timeline_app.core.model import Timeline

_MAX_ENTRIES = 64
_MAX_INPUT_BYTES = 64 * 1024 * 1024  # hashing more than this costs more than it saves on a start


def enabled() -> bool:
    return os.environ.get("TIMELINE_APP_NO_CACHE", "") not in ("1", "true", "yes")


def cache_dir() -> Path:
    configured = os.environ.get("TIMELINE_APP_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline-app" / "extractions"


@cache
def engine_fingerprint() -> str:
    """Changes whenever the extraction code or its language data could give other results."""
    core = Path(__file__).resolve().parents[1] / "core"
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(core.rglob("*")):
        if path.suffix in (".py", ".txt", ".tsv") and path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(core)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def key_for(paths: Sequence[str], reference_date: date | None) -> str | None:
    """The cache key of extracting ``paths`` together, or None when they cannot be cached."""
    digest = hashlib.sha256(engine_fingerprint().encode())
    digest.update(f"reference={reference_date.isoformat() if reference_date else ''}\n".encode())
    total = 0
    for raw in paths:
        path = Path(raw)
        try:
            if not path.is_file():
                return None
            total += path.stat().st_size
            if total > _MAX_INPUT_BYTES:
                return None
            content = path.read_bytes()
        except OSError:
            return None
        # The place matters too: documents keep their path, which the viewer shows and saves.
        digest.update(f"{path.resolve()}\n".encode())
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def lookup(key: str) -> Timeline | None:
    from timeline_app.io import events_json

    path = cache_dir() / f"{key}.json"
    if not path.is_file():
        return None
    try:
        timeline = events_json.load(path)
    except Exception:  # a damaged or foreign entry: forget it and extract again
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used entries are the ones kept
    return timeline


def store(key: str, timeline: Timeline) -> None:
    """Keep ``timeline`` as the result for ``key``; a full or read-only disk only loses the cache."""
    import tempfile

    from timeline_app.io import events_json

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".partial-", suffix=".json")
        os.close(handle)
        try:
            events_json.dump(timeline, temp)
            os.replace(temp, folder / f"{key}.json")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        keep_newest(folder, "*.json", _MAX_ENTRIES)
    except OSError:
        return


def keep_newest(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the ``keep`` most recently used files matching ``pattern`` in ``folder``."""
    entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
