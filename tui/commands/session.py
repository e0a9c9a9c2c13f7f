"""``kindtone`` and ``kindtone session``: open the full-screen app."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

from tui.paths import resolve_data_dir


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "session",
        help="start a practice session straight away",
        description="Start a practice session straight away.",
    )
    parser.add_argument(
        "--minutes",
        type=_minutes,
        metavar="N",
        help="how long the session should be (1-60 minutes; default from settings, or 5)",
    )
    parser.add_argument(
        "--exercise", metavar="ID", help="practise one exercise instead of a planned session"
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line by line, without the full-screen interface (for screen readers and "
        "simple terminals; chosen automatically when output is not a terminal or TERM=dumb)",
    )


def _minutes(value: str) -> int:
    import argparse

    try:
        minutes = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of minutes, got {value!r}"
        ) from None
    if not 1 <= minutes <= 60:
        raise argparse.ArgumentTypeError(f"minutes must be between 1 and 60, got {minutes}")
    return minutes


def wants_plain(args: Any) -> bool:
    """Plain mode when asked, or when the full-screen app can't run here."""
    if getattr(args, "plain", False):
        return True
    if os.environ.get("TERM", "") == "dumb":
        return True
    return not (sys.stdout.isatty() and sys.stdin.isatty())


def open_app(args: Any, *, start_session: bool = False) -> int:
    """Import Textual only now, when the full-screen interface is wanted."""
    from tui.core.settings import SettingsFile, config_dir

    if wants_plain(args):
        from tui.commands.secret import open_folder
        from tui.plain import run_plain

        # A locked folder asks first, on the terminal (the app asks on its own screen).
        refused = open_folder(resolve_data_dir(args.data_dir), "session")
        if refused is not None:
            return refused

        settings_file = SettingsFile(config_dir(args.config_dir))
        settings = settings_file.load()
        for warning in settings_file.warnings:
            print(f"kindtone: {warning}", file=sys.stderr)
        from tui.core.datafolder import data_folder_warnings, unwritable_note

        data_dir = resolve_data_dir(args.data_dir)
        for note in data_folder_warnings(data_dir):
            print(f"kindtone: note: {note}", file=sys.stderr)
        if (unwritable := unwritable_note(data_dir)) is not None:
            print(f"kindtone: note: {unwritable}", file=sys.stderr)
        return run_plain(
            resolve_data_dir(args.data_dir),
            settings,
            minutes=getattr(args, "minutes", None),
            exercise_id=getattr(args, "exercise", None),
        )

    # Start-up builds many thousands of long-lived objects (Textual's classes, styles and
    # widgets), and the cyclic collector would walk them over and over before the first
    # frame: about 8 ms of a 150 ms start. It is paused until the first frame is drawn
    # (KindtoneApp.on_mount switches it back on), and never left off.
    gc.disable()
    try:
        from tui.app import KindtoneApp

        app = KindtoneApp(
            data_dir=resolve_data_dir(args.data_dir),
            config_dir=config_dir(args.config_dir),
            start_minutes=getattr(args, "minutes", None),
            start_exercise=getattr(args, "exercise", None),
            start_session=start_session,
            return_to_shell=start_session,
        )
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    return open_app(args, start_session=True)
