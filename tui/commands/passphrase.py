"""``kindtone passphrase``: change the passphrase; only ``lock.json`` is rewritten."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.commands import report_error
from tui.paths import resolve_data_dir

if TYPE_CHECKING:
    import argparse


def register(subparsers: Any) -> None:
    subparsers.add_parser(
        "passphrase",
        help="change the passphrase of a locked data folder",
        description=(
            "Change your passphrase. Give the current one (or your recovery key), then the "
            "new one. Your recovery key keeps working."
        ),
    )


def run(args: argparse.Namespace) -> int:
    from tui.commands.lock import ask_new_passphrase
    from tui.commands.secret import open_folder
    from tui.core import vault

    data_dir = resolve_data_dir(args.data_dir)
    if not vault.is_locked(data_dir):
        report_error("passphrase", "your reflections are not locked; to lock them: kindtone lock")
        return 1
    refused = open_folder(data_dir, "passphrase", prompt="Current passphrase or recovery key: ")
    if refused is not None:
        return refused
    key = vault.vault_for(data_dir)
    assert key is not None
    new = ask_new_passphrase("passphrase")
    if new is None:
        return 1
    if len(new) < vault.MIN_PASSPHRASE:
        report_error(
            "passphrase",
            f"please choose a passphrase of at least {vault.MIN_PASSPHRASE} characters; "
            "nothing was changed.",
        )
        return 1
    try:
        keyfile = vault.read_keyfile(data_dir)
        vault.write_keyfile(data_dir, vault.rewrap_passphrase(keyfile, key, new))
    except (vault.KeyfileError, OSError) as error:
        report_error("passphrase", f"{error}; your passphrase was not changed.")
        return 1
    print("Your passphrase is changed. Your recovery key still works.")
    return 0
