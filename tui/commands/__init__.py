"""Command-line subcommands. Each module registers its parser and runs without Textual.

The few helpers here keep every command's failures alike: one clear line on stderr, never
a traceback, and no raw terminal control characters from file names or user text.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys

from tui.core.text import visible_controls


class Refusal(Exception):
    """A request we won't carry out; its message is the one line the person sees."""


def text_width() -> int:
    """Columns for wrapped output: the terminal's, at most 80, one short of the edge (a line
    as wide as the terminal breaks mid-word there: "somewhere saf / e")."""
    import shutil

    return max(min(shutil.get_terminal_size((80, 24)).columns, 80) - 1, 40)


def wrap_line(line: str, width: int, hang: int | None = None) -> list[str]:
    """One line wrapped under its own indent; a "- " item or a “quote” hangs under its
    first word, so what follows never runs back under the bullet or the quote mark. ``hang``
    gives the column the lines after the first start at instead."""
    import textwrap

    body = line.lstrip(" ")
    indent = line[: len(line) - len(body)]
    hanging = indent + ("  " if body.startswith("- ") else " " if body.startswith("“") else "")
    counted = re.match(r"\S+  (?=\S)", body)  # "3  words": a count, then what it counts
    if counted:
        hanging = indent + " " * counted.end()
    if hang is not None:
        hanging = " " * hang
    wrapped = textwrap.wrap(
        body, width, initial_indent=indent, subsequent_indent=hanging, break_on_hyphens=False
    )
    return wrapped or [line]


def show(line: str, hang: int | None = None) -> None:
    """A line on stdout: wrapped on a terminal, whole in a pipe (where scripts read it)."""
    if sys.stdout.isatty():
        print("\n".join(wrap_line(line, text_width(), hang)))
    else:
        print(line)


def say(text: str = "") -> None:
    """A paragraph on stdout, wrapped to the terminal."""
    print("\n".join(wrap_line(text, text_width())) if text else "")


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
