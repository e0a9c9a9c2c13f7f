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
    assert next(s["answer"] for s in kept["steps"] if s["type"] == "write") == words


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


# --- focus shows by a mark or a text style, not by colour alone -------------------------------


async def test_every_kind_of_focusable_widget_shows_focus_without_colour_in_every_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ticks and choices showed focus by a grey label background alone with NO_COLOR (one
    grey for another as focus left a set of choices), and the reflections list by its
    cursor row's greys. Every kind of focusable widget the app uses (a tick, a set of
    choices, a one-line field, a drop-down, a list, a button, a 0-10 rating, the reflections
    list) must show focus by a mark or a text style, in every theme (Textual's too: the
    block cursor's style is a theme variable), so it reads with NO_COLOR and to the
    colour-blind. The text box and scrolled pages and dialogs (a frame or a bar, the same
    in every theme) are walked in tests/test_focus.py."""
    from textual.app import ComposeResult
    from textual.containers import VerticalScroll
    from textual.content import Content
    from textual.screen import Screen
    from textual.widgets import Button, Input, OptionList, RadioSet, Select

    from tests.sample_data import reflection
    from tests.test_focus import _cells, _settle, _shape
    from tui.app import KindtoneApp
    from tui.core.reflection_index import Row
    from tui.widgets.rating import RatingBar
    from tui.widgets.reflection_list import ReflectionList
    from tui.widgets.toggles import Choice, Tick

    monkeypatch.setenv("NO_COLOR", "1")

    class Gallery(Screen[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Tick(Content("Something didn't go to plan"), compact=True)
                with RadioSet(compact=True):
                    yield Choice(Content("3 minutes"))
                    yield Choice(Content("5 minutes"), value=True)
                yield Input("words", compact=True)
                yield Select([("Write", "write"), ("Read", "read")], compact=True)
                yield OptionList("Start a session", "Catch a thought")
                yield Button(Content("Continue"), compact=True, variant="primary")
                yield Button(Content("Back"), compact=True)
                yield RatingBar("gentle", "very harsh", 4)
                yield ReflectionList(lambda row, _width: row.id, id="list")

    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    app.animation_level = "none"
    unseen: list[str] = []
    async with app.run_test(size=(60, 40)) as pilot:
        assert app.no_color
        await app.push_screen(Gallery())
        records = [reflection(n, n, "just-a-thought", "words") for n in (1, 2)]
        rows = [row for row in map(Row.from_record, records) if row is not None]
        app.screen.query_one(ReflectionList).set_rows(rows)
        await pilot.pause()
        widgets = app.screen.focus_chain
        assert len(widgets) == 9
        for theme in sorted(app.available_themes):
            app.theme = theme
            for widget in widgets:
                widget.focus()
                await _settle(pilot)
                focused = _shape(_cells(app, widget))
                app.screen.set_focus(None)
                await _settle(pilot)
                if _shape(_cells(app, widget)) == focused:
                    unseen.append(f"{theme}: {type(widget).__name__}")
    assert not unseen, "focus shown by colour alone:\n" + "\n".join(unseen)


# --- words typed at a step with no box to take them (the app) ---------------------------------


@pytest.mark.parametrize("how", ["typed", "pasted"])
async def test_words_typed_at_a_reading_step_are_shown_back_not_dropped(
    tmp_path: Path, how: str
) -> None:
    """At a reading step (focus on Continue) an answer typed one prompt early, then Enter:
    the letters went nowhere and Enter moved on, the words gone without a word. Plain mode
    says so and shows them back; the app now does the same."""
    from helpers_pty import paste, session_opened

    from tui.app import KindtoneApp
    from tui.screens.session import SessionScreen
    from tui.widgets.literal_text import LiteralText

    words = "I feel like a failure"
    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await session_opened(pilot)
        assert isinstance(screen, SessionScreen) and screen.flow.current is not None
        step = screen.flow.current.step
        assert step.type == "read"
        if how == "typed":
            await pilot.press(*[("space" if c == " " else c) for c in words], "enter")
        else:
            await paste(pilot, words)
            await pilot.press("enter")
        await pilot.pause()
        # Said on the step moved to, in the page, not in a toast over the box (session 17:
        # the first Enter or ctrl+n after typing was swallowed, and at 60x20 the 10 s toast
        # covered the next step's box and buttons).
        assert screen.flow.current is not None and screen.flow.current.step is not step
        note = str(screen.query_one("#stray-note", LiteralText).render())
        assert f"“{words}”" in note and "nothing was saved" in note, note
        assert not app._notifications


async def test_crisis_words_typed_at_a_reading_step_open_support(tmp_path: Path) -> None:
    """Crisis words typed where no box takes them were dropped with the rest: support first."""
    from helpers_pty import paste, session_opened

    from tui.app import KindtoneApp
    from tui.screens.support import SupportScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await paste(pilot, "I'm going to kill myself tonight")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)


async def test_a_stray_key_at_a_reading_step_is_not_made_into_words(tmp_path: Path) -> None:
    """A single key knocked at a reading step (",") is not words to give back: Enter goes on."""
    from helpers_pty import session_opened

    from tui.app import KindtoneApp

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await session_opened(pilot)
        await pilot.press("comma", "ctrl+n")
        await pilot.pause()
        assert screen.flow.current is not None and screen.flow.current.position == 1
        assert not app._notifications


def test_plain_mode_reads_back_words_typed_during_breathing_when_ctrl_c_comes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+c while breathing along (no prompt waiting): the words typed meanwhile stayed
    on the terminal's line (kept there for kindtone to read) and went to the shell after."""
    import tui.plain

    def interrupted(*_args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(tui.plain.PlainSession, "breathe", interrupted)
    out = _plain(tmp_path, monkeypatch, ["", ""], "so tired of this", exercise_id="settling-breath")
    assert "Not sent, so not saved: “so tired of this”" in out


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_a_long_title_never_runs_into_the_step_count(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """Issue 17: "…nothing is savedexercise 1 of 1". The longest built-in title, previewed,
    at 60 and 80 columns: the step count is whole and apart from the title (no test had
    guarded it)."""
    from helpers_pty import until

    from tui.app import KindtoneApp
    from tui.screens.session import SessionScreen

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path / "config")
    async with app.run_test(size=size) as pilot:
        longest = max(app.library.exercises.values(), key=lambda e: len(e.title))
        app.start_single(longest.id, preview=True)
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the preview")
        await pilot.pause()
        title = app.screen.query_one("#exercise-title")
        where = app.screen.query_one("#step-count")
        shown = f"step 1 of {len(longest.steps)}"
        assert str(where.render()) == shown
        assert where.content_region.width >= len(shown)  # whole
        assert title.content_region.right < where.content_region.x  # apart, a gap between
        assert title.region.y == where.region.y


def test_the_markup_safe_label_has_one_name_that_is_not_plain_modes() -> None:
    """Issue 17 (Code): the markup-safe label was renamed LiteralText, but thirteen screens
    still imported it under its old name, Plain, through a shim: two names, one of them
    plain mode's. One name now, and no module named like plain mode among the widgets."""
    import tui

    root = Path(tui.__file__).parent
    assert not (root / "widgets" / "plain.py").exists()
    users = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "widgets.plain" in path.read_text(encoding="utf-8")
    ]
    assert users == []
