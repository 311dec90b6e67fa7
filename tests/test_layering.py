"""The core, io and application layers must work without Qt: checked by import, not by convention."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import timeline_app

PACKAGE_DIR = Path(timeline_app.__file__).parent

BLOCK_QT = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "timeline_app.qt")):
            raise ImportError(f"forbidden import: {name}")
        return None
sys.meta_path.insert(0, Block())
import timeline_app.core, timeline_app.io, timeline_app.app
for pkg in (timeline_app.core, timeline_app.io, timeline_app.app):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
print("ok")
"""


def test_core_io_and_app_import_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_core_and_io_have_modules() -> None:
    names = [m.name for m in pkgutil.walk_packages([str(PACKAGE_DIR / "core")])]
    assert "model" in names


def test_package_import_does_not_load_qt() -> None:
    code = "import sys, timeline_app, timeline_app.cli; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_import_contracts_hold() -> None:
    """The import-linter contracts in pyproject.toml (indirect imports included)."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], capture_output=True, text=True, check=False, cwd=PACKAGE_DIR.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
