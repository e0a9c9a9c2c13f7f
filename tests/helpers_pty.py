"""Drive kindtone for the robustness tests: real processes (in a pty or as a plain CLI) and
in-process apps (what the screen shows, walking a session, the notifications raised).

``PtyApp`` starts a command in a pty of a fixed size (set in the child before exec, so the
app's first frame already has it), sends keys and reads what it drew. ``screen_text`` strips
terminal escapes so tests can look for words. ``screen_lines`` reads an in-process app's
screen from its own screenshot; ``walk_session``, ``paste`` and ``open_reflection`` drive it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/APC/PM (ESC P/_/^ ... ST), and 2-byte ESC.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[P_^][^\x1b]*\x1b\\"
    r"|\x1b[@-Z\\-_]"
    r"|\x1b[()][0-9A-Za-z]"
)


def screen_text(raw: bytes) -> str:
    """What a person would read: escapes removed, runs of blanks collapsed."""
    text = _ESCAPES.sub(" ", raw.decode("utf-8", "replace"))
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
    return re.sub(r"[ \t\r\n]+", " ", text)


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "PYTHONPATH": os.pathsep.join(p for p in (env.get("PYTHONPATH", ""), str(ROOT)) if p),
            "PYTHONUNBUFFERED": "1",
        }
    )
    for key in ("TEXTUAL", "TEXTUAL_DRIVER", "TEXTUAL_DEVTOOLS"):
        env.pop(key, None)
    env.update(extra or {})
    return env


class PtyApp:
    """A process in a pseudo-terminal of ``cols`` × ``rows``; everything it writes is kept."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        cols: int = 100,
        rows: int = 30,
        cwd: Path = ROOT,
    ) -> None:
        self.output = bytearray()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.chdir(cwd)
                os.execve(argv[0], list(argv), dict(env or child_env()))
            finally:
                os._exit(127)
        self.pid = pid
        self.fd = fd
        self.status: int | None = None

    # -- talking to it --

    def _pump(self, timeout: float) -> bool:
        """Read what is available within ``timeout``; False once the process has gone."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not chunk:
            return False
        self.output.extend(chunk)
        return True

    def text(self, since: int = 0) -> str:
        return screen_text(bytes(self.output[since:]))

    def wait_for(self, *needles: str, timeout: float = 10.0, since: int = 0) -> str:
        """Read until every needle shows on screen (after byte offset ``since``)."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.text(since)
            if all(n in shown for n in needles):
                return shown
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._pump(min(remaining, 0.1)):
                missing = [n for n in needles if n not in self.text(since)]
                raise AssertionError(
                    f"not on screen after {timeout:.0f} s: {missing!r}\n"
                    f"last screen text: {self.text(since)[-1500:]!r}"
                )

    def settle(self, seconds: float) -> None:
        """Keep reading (so the app never blocks on a full pty) for ``seconds``."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            if not self._pump(min(remaining, 0.05)):
                time.sleep(min(remaining, 0.05))

    def send(self, data: str | bytes, *, pause: float = 0.0) -> None:
        os.write(self.fd, data.encode() if isinstance(data, str) else data)
        if pause:
            self.settle(pause)

    def type(self, text: str, *, per_key: float = 0.01) -> None:
        for char in text:
            self.send(char, pause=per_key)

    # -- ending it --

    def kill(self, sig: int = signal.SIGKILL) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, sig)
        self.wait()

    def wait(self, timeout: float = 10.0) -> int:
        deadline = time.monotonic() + timeout
        while self.status is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # already reaped elsewhere
                self.status = -1
                break
            if pid:
                self.status = status
                break
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                _, self.status = os.waitpid(self.pid, 0)
                break
            self._pump(0.05)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        return self.status

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.status is None:
            self.kill()


def kindtone_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui", *args]


# --- what an in-process (run_test) app shows ----------------------------------------------------

_SVG_TEXT = re.compile(
    r'<text [^>]*?x="([\d.]+)"[^>]*?clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>'
)


def screen_lines(app: Any) -> list[str]:
    """The rows of text a person would see on ``app``'s screen, from its own screenshot."""
    import html

    rows: dict[int, list[tuple[float, str]]] = {}
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        rows.setdefault(int(line), []).append((float(x), html.unescape(text)))
    width = app.size.width
    out = []
    for line in sorted(rows):
        out.append("".join(t for _, t in sorted(rows[line])).replace("\xa0", " ")[: width * 2])
    return out


def screen_text_of(app: Any) -> str:
    """Every row joined with newlines (search with ``in``)."""
    return "\n".join(screen_lines(app))


async def paste(pilot: Any, text: str) -> None:
    """Paste as a terminal would (bracketed paste reaches the app, then the focused widget)."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def rewrite_in_lets_try_again(pilot: Any, thought: str, rewrite: str) -> None:
    """In "Let's try that again", just opened: past the first step, ``thought`` written, past
    the read step, ``rewrite`` written at the reframe and sent (the try-again check follows)."""
    await pilot.press("ctrl+n", "ctrl+n")
    await paste(pilot, thought)
    await pilot.press("ctrl+n", "ctrl+n")
    await pilot.pause()
    await paste(pilot, rewrite)
    await pilot.press("ctrl+n")


async def to_step(pilot: Any, step_type: str) -> None:
    """Continue through the session until a step of this type is on screen."""
    for _ in range(20):
        if pilot.app.screen.session.current.step.type == step_type:
            return
        await pilot.press("ctrl+n")
        await pilot.pause()
    raise AssertionError(f"no {step_type} step")


async def until(pilot: Any, condition: Any, what: str = "", timeout: float = 15.0) -> None:
    """Pause until ``condition()`` holds: a wait for what the test needs, not a guess at how
    long the app takes (Pilot.pause only waits for the CPU to go quiet)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what or condition}"
        await pilot.pause()


def watch_start_up(app: Any) -> Any:
    """Call before ``run_test``: a condition for ``until`` that holds once start-up has looked
    for an unfinished draft (``offer_draft`` has run, after the first frame)."""
    looked: list[bool] = []
    offer_draft = app.offer_draft

    def spy(*args: Any, **kwargs: Any) -> Any:
        looked.append(True)
        return offer_draft(*args, **kwargs)

    app.offer_draft = spy
    return lambda: bool(looked)


async def resume_offered(pilot: Any) -> Any:
    """The ResumeScreen start-up opens for an unfinished draft, once its buttons are there."""
    from tui.screens.resume import ResumeScreen

    def offered() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, ResumeScreen) and bool(screen.query("#discard"))

    await until(pilot, offered, "the offer to resume")
    return pilot.app.screen


async def session_opened(pilot: Any) -> Any:
    """The SessionScreen an app started with ``start_exercise`` opens once start-up has looked
    for an unfinished draft (after the first frame), with its first step built and laid out."""
    from tui.screens.session import SessionScreen

    def opened() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, SessionScreen) and bool(
            screen.view is not None and screen.view.is_mounted
        )

    await until(pilot, opened, "the session")
    await pilot.pause()  # ends by laying out and drawing the screen
    return pilot.app.screen


async def walk_session(pilot: Any, answer: str) -> int:
    """Walk the current SessionScreen to the summary: paste ``answer`` into every text step,
    keep it as it is if "let's try that again" is offered, pick the first choice, continue past
    the rest, then finish check-out. Returns how many text steps were answered."""
    from tui.screens.session import SessionScreen
    from tui.widgets.try_again import TryAgainPanel

    app = pilot.app
    answered = 0
    await session_opened(pilot)
    for _ in range(100):
        screen = app.screen
        if not isinstance(screen, SessionScreen) or screen.session.current is None:
            break
        step = screen.session.current.step
        if step.takes_text:
            await paste(pilot, answer)
            answered += 1
            await pilot.press("ctrl+n")
            await pilot.pause()
            if app.screen.query(TryAgainPanel):
                await pilot.press("tab", "enter")  # keep it as it is
        elif step.type == "rate":
            await pilot.press("6", "enter")
        elif step.type == "choose":
            await pilot.press("down", "enter")
        else:
            await pilot.press("ctrl+n")
        await pilot.pause()
    await pilot.pause()
    if type(app.screen).__name__ == "CheckOutScreen":
        await pilot.press("ctrl+n")
        await pilot.pause()
    return answered


def record_notifications(app: Any) -> list[tuple[str, str, str]]:
    """(severity, title, message) of every notification the app raises from now on."""
    seen: list[tuple[str, str, str]] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        seen.append((kwargs.get("severity", "information"), kwargs.get("title", ""), message))
        original(message, **kwargs)

    app.notify = notify
    return seen


async def open_reflection(pilot: Any, index: int = 0) -> None:
    """On the reflections screen, open the ``index``-th row (newest first) in full, whatever
    has the focus (the search box does when the screen opens)."""
    from tui.widgets.reflection_list import ReflectionList

    pilot.app.screen.query_one(ReflectionList).focus()
    await pilot.pause()
    await pilot.press("home", *(["down"] * index), "enter")
    await pilot.pause()
