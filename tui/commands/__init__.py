"""Command-line subcommands. Each module registers its parser and runs without Textual.

The few helpers here keep every command's failures alike: one clear line on stderr, never
a traceback, and no raw terminal control characters from file names or user text.
"""

from __future__ import annotations

import contextlib
import io
import sys

from tui.core.text import visible_controls


class Refusal(Exception):
    """A request we won't carry out; its message is the one line the person sees."""


def say(text: str = "") -> None:
    """A paragraph on stdout, wrapped to the terminal (at most 80 columns): a line as wide as
    the terminal breaks mid-word ("somewhere saf / e")."""
    import shutil
    import textwrap

    width = min(shutil.get_terminal_size((80, 24)).columns, 80) - 1
    print(textwrap.fill(text, max(width, 40)) if text else "")


def report_error(command: str, message: str) -> None:
    print(f"kindtone {command}: {visible_controls(message)}", file=sys.stderr)


def os_error_line(error: OSError) -> str:
    from tui.core.atomic import LinkRefused

    if isinstance(error, LinkRefused):
        return str(error)  # a whole sentence that names the path
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}"


def tolerant_stdin() -> None:
    """Undecodable bytes typed or piped in become U+FFFD, not a crash. Only possible before
    the first read: once the passphrase of a locked store was read, it is left as it is."""
    stdin = sys.stdin
    if isinstance(stdin, io.TextIOWrapper):
        with contextlib.suppress(io.UnsupportedOperation, ValueError):
            stdin.reconfigure(errors="replace")


def tolerant_stdout() -> None:
    """Words in an alphabet the terminal's encoding lacks must not end in a traceback."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
