"""Asking for the passphrase, for every command that reads or writes the person's words.

From a terminal it is read without echo; otherwise from the first line of standard input, so
``printf 'pass\\nanswers…' | kindtone session --plain`` works: the rest of the input is left
for the command. ``check``, ``exercises`` and ``--help`` never get here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tui.commands import report_error
from tui.paths import resolve_data_dir

WRONG = "That passphrase doesn't open your reflections."
# Every command asks first unless it is here: any new command that touches the person's data
# is covered without being added to a list. `check` and `exercises` never read it; `lock`,
# `unlock` and `passphrase` ask in their own words; `session` (and plain `kindtone`) ask in
# open_app: on the terminal in plain mode, on the app's own screen otherwise.
NEVER_ASKS = frozenset({"check", "exercises", "lock", "unlock", "passphrase", "session"})


def read_secret(prompt: str) -> str | None:
    """One passphrase: from the terminal without echo, else the next line of stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            return getpass.getpass(prompt)
        except EOFError:
            return None
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        return None
    return line.removesuffix("\n").removesuffix("\r")


def open_folder(data_dir: Path, command: str, *, prompt: str = "Passphrase: ") -> int | None:
    """Open a locked folder's key for this process: None when ready, else the exit code.

    Nothing on disk changes here, right or wrong.
    """
    from tui.core import vault

    if not vault.is_locked(data_dir) or vault.vault_for(data_dir) is not None:
        return None
    try:
        keyfile = vault.read_keyfile(data_dir)
    except vault.KeyfileError as error:
        report_error(command, f"your reflections are locked, but {error}.")
        return 1
    tries = vault.TRIES if sys.stdin is not None and sys.stdin.isatty() else 1
    for _ in range(tries):
        secret = read_secret(prompt)
        if secret is None:
            report_error(command, "your reflections are locked and no passphrase was given.")
            return 1
        try:
            vault.remember(data_dir, vault.open_keyfile(keyfile, secret))
        except vault.WrongSecret:
            report_error(command, WRONG)
            continue
        except vault.KeyfileError as error:
            report_error(command, f"your reflections are locked, but {error}.")
            return 1
        return None
    if tries > 1:
        print(vault.FORGOTTEN, file=sys.stderr)
    return 1


def open_if_needed(args: Any) -> int | None:
    """Before a data command runs: ask when its folder is locked (never for the app)."""
    if args.command is None or args.command in NEVER_ASKS:
        return None
    return open_folder(resolve_data_dir(args.data_dir), args.command)
