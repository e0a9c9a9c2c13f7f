"""Issue 17 audited as a new user would find it (session 16, the helper "audit")."""

from __future__ import annotations

import contextlib
import io
import os
import pty
import select
import time
from pathlib import Path
from typing import Any

import pytest

from tui.core.settings import Settings
from tui.core.storage import ReflectionStore

# --- ctrl+c with words typed and not sent (plain mode, kindtone catch) -----------------------


def _echoed(master: int, needle: bytes, timeout: float = 5.0) -> None:
    """Until the terminal has echoed ``needle``: the line discipline has taken what came
    before it (no sleeping for it)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen:
        ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"the terminal never echoed {needle!r}: {seen!r}"
        seen += os.read(master, 1024)


@pytest.mark.parametrize("kept", [True, False], ids=["UnsentLine", "as-the-terminal-does"])
def test_ctrl_c_leaves_the_line_being_typed_for_kindtone_to_read(kept: bool) -> None:
    """A terminal drops the line being typed on ctrl+c ("my critic sounds like a tired
    teach^C" and the words were gone before plain mode could read them). Inside
    ``UnsentLine`` the line stays and ``read()`` gives it back, erased letters erased; outside
    it, the terminal's own habit is unchanged (this shows the test can see the difference)."""
    from tui.unsent import UnsentLine

    master, slave = pty.openpty()
    stream = open(slave, encoding="utf-8", closefd=False)  # noqa: SIM115
    try:
        with UnsentLine(stream) if kept else contextlib.nullcontext() as line:
            os.write(master, "my critic sounds like a tired teachx\x7fé\x03".encode())
            _echoed(master, b"^C")
            if line is None:
                line = UnsentLine(stream)
                with line:
                    assert line.read() == ""  # flushed by the terminal itself
                return
            assert line.read() == "my critic sounds like a tired teaché"
            assert line.read() == ""  # taken once
        # Outside, the terminal is as it was: still in line mode.
        import termios

        attrs = termios.tcgetattr(slave)
        assert attrs[3] & termios.ICANON and not attrs[3] & termios.NOFLSH
    finally:
        stream.close()
        os.close(slave)
        os.close(master)


class _CtrlCAfter(io.StringIO):
    """Answers the prompts with ``lines``, then ctrl+c comes at the next one (a terminal)."""

    def readline(self, *_args: Any) -> str:
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line

    def isatty(self) -> bool:
        return True


class _Unsent:
    """Stands for tui.unsent.UnsentLine: the terminal held ``words`` when ctrl+c came."""

    words = ""

    def __init__(self, _stream: Any) -> None:
        pass

    def __enter__(self) -> _Unsent:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def read(self) -> str:
        return type(self).words


def _plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: list[str], unsent: str, **kw: Any
) -> str:
    import tui.plain

    monkeypatch.setattr(_Unsent, "words", unsent)
    monkeypatch.setattr(tui.plain, "UnsentLine", _Unsent)
    out = io.StringIO()
    stdin = _CtrlCAfter("".join(a + "\n" for a in answers))
    code = tui.plain.run_plain(tmp_path, Settings(ask_ratings=False), stdin=stdin, stdout=out, **kw)
    assert code == 0
    return out.getvalue()


def test_plain_mode_keeps_words_typed_and_not_sent_when_ctrl_c_comes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`session --plain`, half-way through writing, ctrl+c: it left in silence and the
    words on the line were gone. They are the step's words now, kept with the session."""
    words = "my critic sounds like a tired teacher"
    out = _plain(tmp_path, monkeypatch, [""], words, exercise_id="naming-the-critic")
    assert "kept as an unfinished reflection" in out
    [kept] = ReflectionStore(tmp_path).list()
    assert kept["completed"] is False
    assert [s["answer"] for s in kept["steps"] if s["type"] == "write"][0] == words


def test_plain_mode_keeps_both_the_words_kept_before_and_those_not_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Back at a step answered before, the words typed and not sent don't replace those
    kept there: both are kept."""
    first, second = "it says I'm lazy", "and it sounds like my old coach"
    out = _plain(
        tmp_path, monkeypatch, ["", first, "/back"], second, exercise_id="naming-the-critic"
    )
    assert "kept as an unfinished reflection" in out
    [kept] = ReflectionStore(tmp_path).list()
    answers = [s["answer"] for s in kept["steps"] if s["type"] == "write"]
    assert answers[0] == f"{first}\n{second}"


def test_plain_mode_shows_back_words_not_sent_at_a_prompt_that_keeps_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the check-in's first question (nothing to keep them with), the words typed are
    shown back, not dropped in silence."""
    out = _plain(tmp_path, monkeypatch, [], "I just feel like giving up on this course")
    assert "Not sent, so not saved: “I just feel like giving up on this course”" in out
    assert out.rstrip().endswith("Come back whenever you like.")
    assert ReflectionStore(tmp_path).list() == []


def test_catch_keeps_kinder_words_typed_and_not_sent_when_ctrl_c_comes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kindtone catch`, kinder words half typed, ctrl+c: the critic's words were kept and
    the kinder ones, still on the line, were gone."""
    import sys

    import tui.cli
    import tui.unsent

    monkeypatch.setattr(_Unsent, "words", "I was tired and did my best")
    monkeypatch.setattr(tui.unsent, "UnsentLine", _Unsent)
    monkeypatch.setattr(sys, "stdin", _CtrlCAfter(""))
    status = tui.cli.main(["--data-dir", str(tmp_path), "catch", "I am such an idiot"])
    assert status == 0
    assert "kept as an unfinished reflection" in capsys.readouterr().out
    [kept] = ReflectionStore(tmp_path).list()
    assert [s["answer"] for s in kept["steps"]] == [
        "I am such an idiot",
        "I was tired and did my best",
    ]
