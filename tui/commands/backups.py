"""``kindtone backups``: see the daily backups of your reflections, and put one back.

Errors are one clear line on stderr and exit status 1, never a traceback. No Textual or Rich.
"""

from __future__ import annotations

import argparse
import shlex
from typing import Any

from tui.commands import os_error_line, report_error, tolerant_stdout
from tui.core.backups import BackupError, list_backups, restore_backup
from tui.core.text import visible_controls
from tui.paths import resolve_data_dir


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "backups",
        help="list the daily backups of your reflections, or restore one",
        description=(
            "kindtone copies your reflections into backups/YYYY-MM-DD in your data dir at most "
            "once a day and keeps the last 7. Restoring moves your current reflections aside "
            "into a before-restore folder; nothing is deleted."
        ),
    )
    commands = parser.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    commands.add_parser("list", help="every backup, the last taken first")
    restore = commands.add_parser(
        "restore",
        help="put a backup back (your current reflections are moved aside, not deleted)",
    )
    restore.add_argument("date", metavar="DATE", help="the backup's date, YYYY-MM-DD, or latest")


def run(args: argparse.Namespace) -> int:
    from tui.core.datafolder import data_folder_warnings

    tolerant_stdout()
    for note in data_folder_warnings(resolve_data_dir(args.data_dir)):
        report_error("backups", f"note: {note}")
    try:
        if args.backups_command == "list":
            return _list(args)
        return _restore(args)
    except BackupError as error:
        report_error("backups", str(error))
        return 1
    except BrokenPipeError:
        raise  # the CLI stops quietly when a pager or head closes early
    except OSError as error:
        report_error("backups", os_error_line(error))
        return 1


def _command(args: argparse.Namespace, *words: str) -> str:
    parts = ["kindtone"]
    if args.data_dir:
        parts += ["--data-dir", str(args.data_dir)]
    parts += ["backups", *words]
    return visible_controls(shlex.join(parts))


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n / (1024 * 1024):.1f} MiB"


def _list(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    backups = list_backups(data_dir)
    where = visible_controls(str(data_dir / "backups"))
    if not backups:
        print(f"No backups yet. kindtone takes one a day, in {where}, once you have reflections.")
        return 0
    rows = [("DATE", "REFLECTIONS", "SIZE", "STATUS")]
    for backup in backups:
        if backup.problem is not None:
            rows.append((backup.day.isoformat(), "-", "-", visible_controls(backup.problem)))
        else:
            rows.append((backup.day.isoformat(), str(backup.reflections), _size(backup.size), "ok"))
    widths = [max(len(row[n]) for row in rows) for n in range(3)]
    for row in rows:
        print(
            f"{row[0].ljust(widths[0])}  {row[1].rjust(widths[1])}  "
            f"{row[2].rjust(widths[2])}  {row[3]}"
        )
    print()
    print(f"Backups live in {where}; the last 7 taken are kept.")
    print(f"To put one back: {_command(args, 'restore', backups[0].day.isoformat())}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    day: str = args.date
    if day.strip().lower() == "latest":
        good = [b for b in list_backups(data_dir) if b.problem is None]
        if not good:
            raise BackupError(
                f"There are no backups in {visible_controls(str(data_dir / 'backups'))} yet."
            )
        day = good[0].day.isoformat()  # the last taken, whatever the clock said
    result = restore_backup(data_dir, day)
    count = result.reflections
    print(
        f"Restored the backup from {result.day.isoformat()}: "
        f"{count} reflection{'s' if count != 1 else ''}."
    )
    if result.moved_aside is not None:
        print(
            "Your reflections from before the restore were moved, unchanged, to "
            f"{visible_controls(str(result.moved_aside))}; nothing was deleted."
        )
    if result.draft_kept:
        print("Your unfinished session was kept as it was; kindtone will offer it next time.")
    elif result.draft_restored:
        print("The backup's unfinished session was restored too.")
    if result.skipped_entries:
        print(
            f"{len(result.skipped_entries)} entr"
            f"{'y' if len(result.skipped_entries) == 1 else 'ies'} in the backup could not be "
            "read; they stay in the restored files, untouched."
        )
    return 0
