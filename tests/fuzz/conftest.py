"""Fuzz tests run a small example budget in the normal suite; ``scripts/fuzz`` runs the long campaign.

Set FUZZ_EXAMPLES to give every property more examples locally (e.g. FUZZ_EXAMPLES=500).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("fuzz")


@contextlib.contextmanager
def example_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder of its own for each example (hypothesis runs many in one test's tmp_path)."""
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        yield Path(folder)
