"""Command-line entry point.

`timeline-app [FILE...]` opens the desktop viewer; `timeline-app COMMAND ...` runs one of
the headless commands. Each command lives in its own module exposing
``register(subparsers)``, which adds its parser and sets ``func(args) -> int``; heavy
modules are imported inside ``func`` so that ``--help`` and the window start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from timeline_app import __version__

# command name -> module under timeline_app.cli
COMMANDS: dict[str, str] = {
    "extract": "extract",
    "evaluate": "evaluate",
    "export": "export",
    "import": "import_cmd",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-app",
        description="Turn news articles into a sourced, interactive chronology.",
        epilog="Without a COMMAND, opens the desktop viewer: timeline-app [FILE ...] "
        "(articles, an events JSON or a .tlproj project; the bundled seeds when none are given). "
        "See timeline-app --help-gui for the viewer's options.",
    )
    parser.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMANDS.values():
        module = importlib.import_module(f"timeline_app.cli.{module_name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if (args_list and args_list[0] in COMMANDS) or args_list[:1] in (["-h"], ["--help"]):
        parser = build_parser()
        args = parser.parse_args(args_list)
        try:
            return int(args.func(args))
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0
    if args_list[:1] == ["--help-gui"]:
        args_list = ["--help"]
    elif args_list[:1] == ["--version"]:
        print(f"timeline-app {__version__}")
        return 0
    from timeline_app.cli.gui import main as gui_main

    return gui_main(args_list)
