"""The loaders load when first asked for: reading an events JSON at start-up never pays for them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app.core.model import Timeline
from timeline_app.io import events_json


def test_reading_an_events_json_leaves_the_loaders_unimported(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    events_json.dump(Timeline(), path)
    code = (
        "import sys; from timeline_app.io import events_json;"
        f"events_json.load({str(path)!r});"
        "print(sorted(m for m in ('timeline_app.core.ingest.loader', 'charset_normalizer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_package_still_offers_its_loaders() -> None:
    from timeline_app.core import ingest
    from timeline_app.core.ingest import loader

    assert ingest.load_document is loader.load_document
    assert ingest.document_from_text is loader.document_from_text
    with pytest.raises(AttributeError, match="no_such_loader"):
        ingest.no_such_loader  # noqa: B018
