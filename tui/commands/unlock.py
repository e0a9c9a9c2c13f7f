"""``kindtone unlock``: remove the lock; the files go back to kindtone's plain format."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tui.commands import report_error
from tui.paths import resolve_data_dir

if TYPE_CHECKING:
    import argparse


def register(subparsers: Any) -> None:
    subparsers.add_parser(
        "unlock",
        help="remove the lock: your reflections are kept in plain files again",
        description=(
            "Remove the lock with your passphrase or your recovery key. Your reflections, "
            "drafts and backups are written back as plain files, readable by anyone who can "
            "open your data folder."
        ),
    )


def run(args: argparse.Namespace) -> int:
    from tui.commands.lock import describe
    from tui.commands.secret import open_folder
    from tui.core import vault
    from tui.core.locking import LockError, unlock_folder

    data_dir = resolve_data_dir(args.data_dir)
    if not vault.is_locked(data_dir):
        print("Your reflections are not locked; nothing to do.")
        return 0
    refused = open_folder(data_dir, "unlock", prompt="Passphrase or recovery key: ")
    if refused is not None:
        return refused
    key = vault.vault_for(data_dir)
    assert key is not None
    try:
        changed = unlock_folder(data_dir, key)
    except (LockError, OSError) as error:
        report_error(
            "unlock",
            f"{error} Your reflections are still locked; files already done open as before.",
        )
        return 1
    print("Your reflections are unlocked: they are kept in plain files again.")
    for line in describe(changed):
        print(line, file=sys.stderr)
    if changed.unopenable:
        print(
            "The lock was kept beside them (lock.json.kept-…) so those files are not lost.",
            file=sys.stderr,
        )
    return 0
