"""Session 18, ui2: nothing could be written, and the words are never lost in silence."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from helpers_pty import session_opened
from test_robustness import fail_writes

ANSWER = "Words that nothing on this disk could hold"


def recording_exits(app: Any) -> list[tuple[Any, Any]]:
    """Each exit's return code and message, as the app is still let to exit."""
    exits: list[tuple[Any, Any]] = []
    real_exit = app.exit

    def exit(result: Any = None, return_code: int = 0, message: Any = None) -> None:
        exits.append((return_code, message))
        real_exit(result, return_code, message)

    app.exit = exit
    return exits


async def test_ctrl_q_on_an_unsaved_summary_asks_then_prints_the_words_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Store and draft both unwritable: ctrl+q on the "Not saved" summary asks first (Stay
    keeps the words on screen) and, on quitting, gives the words to the terminal with exit 1,
    as plain mode does. Retries replace the line that says so; no toast covers the words."""
    from helpers_pty import screen_text_of, walk_session

    from tui.app import KindtoneApp
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.summary import SummaryScreen

    switch = fail_writes(monkeypatch, errno.EACCES, "open", only_store=False)
    app = KindtoneApp(data_dir=tmp_path / "data", start_exercise="just-a-thought")
    exits = recording_exits(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_opened(pilot)
        switch["on"] = True
        await walk_session(pilot, ANSWER)
        assert isinstance(app.screen, SummaryScreen)
        assert not app.screen.saved
        for _ in range(3):  # Done retries the save: one notice, however many tries
            await pilot.press("enter")
            await pilot.pause(0.3)  # a button takes no second press while it shows the first
        assert isinstance(app.screen, SummaryScreen)
        # Said in the page, above the words, the line replaced on each try: no toast over them.
        assert len(app._notifications) == 0
        said = " ".join(screen_text_of(app).split())
        assert "Tried again (4 tries): Nothing could be written" in said
        # The words are below the line, and it says so plainly (it once read "…somewhere safe:
        # (They are below, too…)", as if something were missing after the colon).
        assert "They are below, so you can copy them somewhere safe. Press Done" in said
        assert "safe: (" not in said
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "quitting must ask first"
        assert exits == []
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert ANSWER in screen_text_of(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    monkeypatch.undo()
    assert len(exits) == 1
    code, message = exits[0]
    assert code == 1
    assert ANSWER in str(message)
    assert "saved" in str(message).lower()


async def test_ctrl_q_twice_on_an_unsaved_summary_still_prints_the_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+q over "Quit without saving?" quits, but never in silence: exit 1, the words."""
    from helpers_pty import walk_session

    from tui.app import KindtoneApp
    from tui.screens.confirm import ConfirmScreen

    switch = fail_writes(monkeypatch, errno.EACCES, "open", only_store=False)
    app = KindtoneApp(data_dir=tmp_path / "data", start_exercise="just-a-thought")
    exits = recording_exits(app)
    async with app.run_test(size=(60, 20)) as pilot:
        await session_opened(pilot)
        switch["on"] = True
        await walk_session(pilot, ANSWER)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    monkeypatch.undo()
    assert [code for code, _m in exits] == [1]
    assert ANSWER in str(exits[0][1])


def _unwritable(monkeypatch: pytest.MonkeyPatch, *folders: Path) -> None:
    """os.access says these folders can't be written to (the tests run as root, whom
    permissions don't stop)."""
    import os

    import tui.core.datafolder as datafolder

    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode == os.W_OK and Path(path) in folders:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(datafolder.os, "access", access)


def test_the_start_note_says_what_an_unwritable_place_really_costs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The words go to reflections/ and to the draft in the folder itself: a folder that
    can't be written to while reflections/ can still saves reflections, and says so."""
    from tui.core.datafolder import unwritable_note, words_can_be_kept

    data = tmp_path / "data"
    (data / "reflections").mkdir(parents=True)
    _unwritable(monkeypatch, data)
    note = unwritable_note(data)
    assert note is not None
    assert "can't be saved" not in note and "still saved" in note
    # Kind words live in the folder itself (phrases.json, written by replacing it there): a
    # re-walk found them failing at the end with nothing said at the start.
    assert "kind words can't be updated" in note
    assert str(data / "reflections") in note
    assert words_can_be_kept(data)
    monkeypatch.undo()

    _unwritable(monkeypatch, data / "reflections")
    note = unwritable_note(data)
    assert note is not None and "kept as a draft" in note and str(data) in note
    assert words_can_be_kept(data)
    monkeypatch.undo()

    _unwritable(monkeypatch, data, data / "reflections")
    note = unwritable_note(data)
    assert note is not None and "can't be saved" in note
    assert not words_can_be_kept(data)


async def test_leaving_when_nothing_can_be_written_offers_the_words_not_keeping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folder and reflections/ both unwritable: the Leave dialog doesn't offer to keep what
    can't be kept; it offers the words to copy, and says why once, with no toast over them."""
    from helpers_pty import paste, record_notifications, screen_text_of

    from tui.app import KindtoneApp
    from tui.screens.leave import LeaveScreen
    from tui.screens.unsaved import UnsavedScreen

    data = tmp_path / "data"
    (data / "reflections").mkdir(parents=True)
    app = KindtoneApp(data_dir=data, start_exercise="just-a-thought")
    notes = record_notifications(app)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await session_opened(pilot)
        switch = fail_writes(monkeypatch, errno.EACCES, "open", only_store=False)
        switch["on"] = True
        _unwritable(monkeypatch, data, data / "reflections")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await paste(pilot, ANSWER)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        shown = " ".join(screen_text_of(app).split())
        assert "unfinished reflection" not in shown and "Keep what I wrote" not in shown
        assert "can't be kept" in shown and "Show it to copy" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        assert ANSWER in app.screen.words
    monkeypatch.undo()
    assert [m for severity, _t, m in notes if severity == "error"] == []


async def test_a_draft_resumed_from_the_shell_ends_in_the_shell_saying_what_wasnt_started(
    tmp_path: Path,
) -> None:
    """`kindtone session --exercise settling-breath` with a draft: Resume, then Esc and Keep,
    ends at the shell (not on a home screen never asked for), and says the exercise asked
    for was not started, with the command that starts it."""
    from helpers_pty import resume_offered
    from test_flow_findings import left_draft

    from tui.app import KindtoneApp
    from tui.screens.leave import LeaveScreen
    from tui.screens.session import SessionScreen

    left_draft(tmp_path, "words from last night")
    app = KindtoneApp(data_dir=tmp_path, start_exercise="settling-breath", return_to_shell=True)
    said: list[str] = []
    real_exit = app.exit

    def exit(*args: Any, message: Any = None, **kwargs: Any) -> None:
        said.append("" if message is None else str(message))
        real_exit(*args, message=message, **kwargs)

    app.exit = exit  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await resume_offered(pilot)
        await pilot.click("#resume-button")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        await pilot.click("#keep")
        await pilot.pause()
        assert not app.is_running or said, "it stayed open, on the home screen"
    (message,) = said
    assert "kept as an unfinished reflection" in message
    assert "was not started" in message and "--exercise settling-breath" in message


async def test_ctrl_q_mid_session_with_nothing_writable_prints_the_words_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+q mid-session, folder and reflections/ unwritable: the question offers to quit
    and print the words (not to keep them), and quitting gives them to the terminal, exit 1."""
    from helpers_pty import paste, screen_text_of

    from tui.app import KindtoneApp
    from tui.screens.leave import LeaveScreen

    data = tmp_path / "data"
    (data / "reflections").mkdir(parents=True)
    app = KindtoneApp(data_dir=data, start_exercise="just-a-thought")
    exits = recording_exits(app)
    async with app.run_test(size=(60, 20)) as pilot:
        await session_opened(pilot)
        switch = fail_writes(monkeypatch, errno.EACCES, "open", only_store=False)
        switch["on"] = True
        _unwritable(monkeypatch, data, data / "reflections")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await paste(pilot, ANSWER)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        assert "Quit and print it" in screen_text_of(app)
        await pilot.press("enter")
        await pilot.pause()
    monkeypatch.undo()
    assert [code for code, _m in exits] == [1]
    assert ANSWER in str(exits[0][1]) and "Nothing could be written" in str(exits[0][1])


async def test_a_note_on_an_answer_is_said_in_the_page_not_in_a_toast(tmp_path: Path) -> None:
    """The acknowledgement of recovery talk (and what follows from it) was a 10 s toast over
    Skip and Continue: it is said in the page now, where it stays to be read and copied."""
    from helpers_pty import paste, record_notifications, screen_text_of

    from tui.app import KindtoneApp

    app = KindtoneApp(data_dir=tmp_path, start_exercise="just-a-thought")
    notes = record_notifications(app)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await session_opened(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await paste(pilot, "I told my sister and we made a safety plan")
        await pilot.press("ctrl+n")
        await pilot.pause()
        shown = " ".join(screen_text_of(app).split())
        assert "come a long way" in shown, shown
        assert app.screen.query("#stray-note")
    assert [m for _s, _t, m in notes if "long way" in m] == []


async def test_words_typed_at_the_last_reading_step_are_given_back_in_the_next_page(
    tmp_path: Path,
) -> None:
    """ "Copy it if you'd like to keep it": said where it can be copied, not in a toast."""
    from helpers_pty import paste, record_notifications, screen_text_of

    from tui.app import KindtoneApp
    from tui.screens.session import SessionScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="just-a-thought")
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_opened(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        # Walk to the last step, a reading step, and type there.
        while (
            screen.flow.current is not None
            and screen.session.position < len(screen.session.steps) - 1
        ):
            step = screen.flow.current.step
            if step.takes_text:
                await paste(pilot, "A plain thought about Tuesday")
            await pilot.press("ctrl+n")
            await pilot.pause()
            if app.screen is not screen:
                break
        assert app.screen is screen and screen.flow.current is not None
        assert not screen.flow.current.step.takes_text
        await pilot.press(*"one more thing")
        await pilot.press("ctrl+n")
        await pilot.pause()
        shown = " ".join(screen_text_of(app).split())
        assert "one more thing" in shown and "Copy it" in shown, shown
        assert app.screen.query("#stray-note")
    assert [m for _s, _t, m in notes if "Copy it" in m] == []
