import subprocess
import sys

import pytest

from timeline_app import __version__
from timeline_app.cli import COMMANDS, main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline_app", *args], capture_output=True, text=True, check=False)


def test_version_prints_package_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"timeline-app {__version__}"


def test_help_lists_every_command_and_the_viewer() -> None:
    result = run("--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert name in result.stdout
    assert "desktop viewer" in result.stdout


def test_gui_help_describes_screenshot_option() -> None:
    result = run("--help-gui")
    assert result.returncode == 0
    assert "--screenshot" in result.stdout


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_has_help(command: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0


def test_unknown_option_of_a_command_fails_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--no-such-option", "x.txt"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err
