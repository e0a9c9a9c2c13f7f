"""The ``kindtone`` command.

Kept free of Textual: subcommands such as ``check`` must start fast, so the app is only
imported when the full-screen interface is actually opened.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

from tui import __version__

# name -> module under tui.commands with ``register(subparsers)`` and ``run(args) -> int``.
SUBCOMMANDS: dict[str, str] = {
    "session": "tui.commands.session",
    "check": "tui.commands.check",
    "exercises": "tui.commands.exercises",
    "reflections": "tui.commands.reflections",
    "backups": "tui.commands.backups",
    "catch": "tui.commands.catch",
    "phrases": "tui.commands.phrases",
    "insights": "tui.commands.insights",
    "lock": "tui.commands.lock",
    "unlock": "tui.commands.unlock",
    "passphrase": "tui.commands.passphrase",
}


# One-line help for commands that aren't being run: their modules aren't imported, so
# `kindtone check` doesn't pay for the store and `kindtone reflections` not for the analyser.
SUMMARIES: dict[str, str] = {
    "session": "start a practice session straight away (--plain for line by line)",
    "check": "notice harsh self-talk or crisis language in some text",
    "exercises": "list, read, check and install exercises (including your own)",
    "reflections": "list, read, search, export, import and delete past reflections",
    "backups": "list the automatic backups, or restore one",
    "catch": "catch the critic in the moment and say it again kindly",
    "phrases": "your kind words: list, add or remove them",
    "insights": "how your practice and your inner voice are changing, week by week",
    "lock": "lock your reflections with a passphrase (encrypted on disk)",
    "unlock": "remove the lock: your reflections are kept in plain files again",
    "passphrase": "change the passphrase of a locked data folder",
}
_OPTIONS_WITH_VALUES = ("--data-dir", "--config-dir")


def _chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, found without importing any of them."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in _OPTIONS_WITH_VALUES:
            skip = True
            continue
        if token.startswith("-"):
            continue
        return token if token in SUBCOMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The full parser for the chosen command; the others are listed with their summary."""
    import argparse  # here, not at the top: plain `kindtone` starts without it

    parser = argparse.ArgumentParser(
        prog="kindtone",
        description=(
            "Five minutes of self-compassion practice in your terminal. "
            "A practice tool, not a substitute for professional care."
        ),
    )
    parser.add_argument("--version", action="version", version=f"kindtone {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep all your data in DIR (default: your platform's user data dir; "
        "also set by KINDTONE_DATA_DIR)",
    )
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        help="read settings from DIR (default: your platform's user config dir; "
        "also set by KINDTONE_CONFIG_DIR)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen_command(sys.argv[1:] if argv is None else argv)
    for name, module_name in SUBCOMMANDS.items():
        if name == chosen:
            importlib.import_module(module_name).register(subparsers)
        else:
            subparsers.add_parser(name, help=SUMMARIES.get(name), add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:
        # Plain `kindtone`, the most common start: open the app without building the parser
        # (argparse and its imports are a noticeable share of the first draw).
        from tui.commands.session import open_app

        return open_app(SimpleNamespace(command=None, data_dir=None, config_dir=None))
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    if args.command is None:
        from tui.commands.session import open_app

        return open_app(args)
    module = importlib.import_module(SUBCOMMANDS[args.command])
    try:
        from tui.commands import tolerant_stdin
        from tui.commands.secret import open_if_needed

        tolerant_stdin()  # before a passphrase is read: later it can't be set
        refused = open_if_needed(args)
        if refused is not None:
            return refused
        result: int = module.run(args)
    except KeyboardInterrupt:
        # Ctrl+C at a question ("Replace it? [y/N]", "New passphrase:"): end that line, or
        # the shell's prompt comes back after the "^C" on the same one.
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        # e.g. ``kindtone check < file | head``: stop quietly.
        sys.stderr.close()
        return 0
    return result


if __name__ == "__main__":
    raise SystemExit(main())
