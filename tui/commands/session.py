"""``kindtone`` and ``kindtone session``: open the full-screen app."""

from __future__ import annotations

import argparse
from typing import Any

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
        default=5,
        metavar="N",
        help="how long the session should be (1-60 minutes, default 5)",
    )
    parser.add_argument(
        "--exercise", metavar="ID", help="practise one exercise instead of a planned session"
    )


def _minutes(value: str) -> int:
    try:
        minutes = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of minutes, got {value!r}")
    if not 1 <= minutes <= 60:
        raise argparse.ArgumentTypeError(f"minutes must be between 1 and 60, got {minutes}")
    return minutes


def open_app(args: argparse.Namespace) -> int:
    """Import Textual only now, when the full-screen interface is wanted."""
    from tui.app import KindtoneApp

    app = KindtoneApp(
        data_dir=resolve_data_dir(args.data_dir),
        start_minutes=getattr(args, "minutes", None),
        start_exercise=getattr(args, "exercise", None),
    )
    app.run()
    return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    return open_app(args)
