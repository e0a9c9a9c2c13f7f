"""``kindtone lock``: encrypt everything kindtone keeps about the person, with a passphrase.

The recovery key is printed once, here, and never stored in a form anyone can read back.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tui.commands import os_error_line, report_error, say
from tui.core.text import count, visible_controls
from tui.paths import resolve_data_dir

if TYPE_CHECKING:
    import argparse

    from tui.core.locking import Changed


ALREADY_LOCKED = (
    "Your reflections are already locked. Your passphrase, to check that nothing was left "
    "unlocked: "
)


def register(subparsers: Any) -> None:
    subparsers.add_parser(
        "lock",
        help="lock your reflections with a passphrase (encrypted on disk)",
        description=(
            "Encrypt your reflections, drafts, kind words and backups with a passphrase. "
            "Every command that reads them then asks for it. You get a recovery key to "
            "write down: if you forget the passphrase and lose the recovery key too, no one "
            "can open your reflections again, not even kindtone."
        ),
    )


def ask_new_passphrase(command: str) -> str | None:
    """A new passphrase: typed twice at a terminal, or the next line of piped input.

    At a terminal, one too short or two that differ are asked for again straight away (three
    goes), instead of after typing both or not at all: a new passphrase is easy to mistype.
    Piped, it is taken as it is, and the caller refuses one too short, saying why."""
    from tui.commands.secret import read_secret
    from tui.core.vault import MIN_PASSPHRASE

    at_terminal = sys.stdin is not None and sys.stdin.isatty()
    for _ in range(3 if at_terminal else 1):
        first = read_secret("New passphrase: ")
        if first is None:
            report_error(command, "no passphrase was given; nothing was changed.")
            return None
        if not at_terminal:
            return first
        if len(first) < MIN_PASSPHRASE:
            print(
                f"That's shorter than {MIN_PASSPHRASE} characters. A few words you will "
                "remember work well.",
                file=sys.stderr,
            )
            continue
        if read_secret("The same passphrase again: ") == first:
            return first
        print("The two were not the same. Let's try again.", file=sys.stderr)
    report_error(command, "no new passphrase was set after three goes; nothing was changed.")
    return None


def describe(changed: Changed) -> list[str]:
    lines = []
    for note in changed.left_alone + changed.unopenable:
        lines.append(visible_controls(note) + ".")
    return lines


def run(args: argparse.Namespace) -> int:
    from tui.commands.secret import open_folder
    from tui.core import vault
    from tui.core.locking import LockError, lock_folder, seal_leftovers

    data_dir = resolve_data_dir(args.data_dir)
    try:
        if vault.is_locked(data_dir):
            # Said before asking: a bare "Passphrase: " read as "choose one", and a new one
            # typed there was told "That passphrase doesn't open your reflections."
            refused = open_folder(data_dir, "lock", prompt=ALREADY_LOCKED)
            if refused is not None:
                return refused
            key = vault.vault_for(data_dir)
            assert key is not None
            changed = seal_leftovers(data_dir, key)
            sealed = changed.files + changed.backups
            print(
                "Your reflections are already locked."
                + (
                    f" {count(sealed, 'file')} left unlocked by an interrupted lock "
                    f"{'is' if sealed == 1 else 'are'} locked now."
                    if sealed
                    else ""
                )
            )
            for line in describe(changed):
                print(line, file=sys.stderr)
            return 0
        passphrase = ask_new_passphrase("lock")
        if passphrase is None:
            return 1
        result = lock_folder(data_dir, passphrase)
    except LockError as error:
        report_error("lock", str(error))
        return 1
    except OSError as error:
        report_error(
            "lock",
            f"locking stopped part way: {os_error_line(error)}. Nothing was lost: every "
            "file opens as before, and `kindtone lock` again finishes the job.",
        )
        return 1
    say("Your reflections are locked. kindtone will ask for your passphrase to open them.")
    say(
        "Not locked: your own exercises, your settings (with your support lines), and the "
        "names and sizes of the files (which months you practised in)."
    )
    say()
    say("Your recovery key, shown only this once. Write it down and keep it somewhere safe:")
    say()
    print(f"    {result.recovery_key}")
    say()
    say(
        "It opens your reflections if you forget your passphrase. If both are lost, no one "
        "can open them again, not even kindtone: that is what keeps them private."
    )
    for line in describe(result.changed):
        print(line, file=sys.stderr)
    return 0
