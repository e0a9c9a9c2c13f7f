"""The words on a line typed at a terminal and not yet sent, when ctrl+c comes.

A terminal in its usual (canonical) mode holds what is typed until Enter, and on ctrl+c it
throws that line away before the program can read it: "I'm sorry I snapped at^C" and the
words were gone. Plain mode and `kindtone catch` read whole lines, so they ask the terminal
to keep the line on an interrupt (NOFLSH) and, when ctrl+c comes, read what is left of it
(switching the terminal out of line mode just long enough to take what is waiting). Nothing
else about the terminal changes, and it is put back as it was on the way out.

No Textual here (plain mode and the command line never import it).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any, TextIO


def _fd(stream: TextIO) -> int | None:
    try:
        return stream.fileno() if stream.isatty() else None
    except (AttributeError, OSError, ValueError):
        return None


class UnsentLine:
    """``with UnsentLine(sys.stdin) as line:`` … ``line.read()`` after a KeyboardInterrupt
    gives the words typed on the line so far ("" when not a terminal, or none)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._fd: int | None = None
        self._saved: list[Any] | None = None

    def __enter__(self) -> UnsentLine:
        fd = _fd(self.stream)
        if fd is None:
            return self
        with contextlib.suppress(ImportError, OSError, ValueError):
            import termios

            self._saved = termios.tcgetattr(fd)
            keep = list(self._saved)
            keep[3] |= termios.NOFLSH  # ctrl+c leaves the line being typed in place
            termios.tcsetattr(fd, termios.TCSANOW, keep)
            self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is None or self._saved is None:
            return
        with contextlib.suppress(ImportError, OSError, ValueError):
            import termios

            termios.tcsetattr(self._fd, termios.TCSANOW, self._saved)
        self._fd = None

    def read(self) -> str:
        """What was typed on the current line and not sent (erased characters are gone
        already: the terminal did the editing)."""
        fd = self._fd
        if fd is None:
            return ""
        data = b""
        with contextlib.suppress(ImportError, OSError, ValueError):
            import termios

            line_mode = termios.tcgetattr(fd)
            raw = list(line_mode)
            raw[3] &= ~termios.ICANON  # what waits on the line becomes readable at once
            raw[6] = list(raw[6])
            raw[6][termios.VMIN] = 0
            raw[6][termios.VTIME] = 0
            termios.tcsetattr(fd, termios.TCSANOW, raw)
            try:
                while len(data) < 1 << 20:
                    chunk = os.read(fd, 65536)
                    if not chunk:
                        break
                    data += chunk
            finally:
                termios.tcsetattr(fd, termios.TCSANOW, line_mode)
        return data.decode("utf-8", "replace").rstrip("\r\n")


def not_sent(words: str) -> str | None:
    """What plain mode and ``kindtone catch`` say of words left unsent at a prompt that keeps
    none (a number, y/n, the critic's words before any were sent): shown back, never dropped
    in silence. None when there were none."""
    words = words.strip()
    return f"Not sent, so not saved: “{words}”" if words else None
