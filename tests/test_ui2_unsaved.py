"""Session 18, ui2: nothing could be written, and the words are never lost in silence."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from helpers_pty import session_opened
from test_robustness import fail_writes

ANSWER = "Words that nothing on this disk could hold"


async def test_ctrl_q_on_an_unsaved_summary_asks_then_prints_the_words_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Store and draft both unwritable: ctrl+q on the "Not saved" summary asks first (Stay
    keeps the words on screen) and, on quitting, gives the words to the terminal with exit 1,
    as plain mode does. Retries replace their notice; they never stack toasts over the words."""
    from helpers_pty import screen_text_of, walk_session

    from tui.app import KindtoneApp
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.summary import SummaryScreen

    switch = fail_writes(monkeypatch, errno.EACCES, "open", only_store=False)
    app = KindtoneApp(data_dir=tmp_path / "data", start_exercise="just-a-thought")
    exits: list[tuple[Any, Any]] = []
    real_exit = app.exit

    def exit(result: Any = None, return_code: int = 0, message: Any = None) -> None:
        exits.append((return_code, message))
        real_exit(result, return_code, message)

    app.exit = exit  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_opened(pilot)
        switch["on"] = True
        await walk_session(pilot, ANSWER)
        assert isinstance(app.screen, SummaryScreen)
        assert not app.screen.saved
        for _ in range(3):  # Done retries the save: one notice, however many tries
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert len(app._notifications) == 1
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
    exits: list[tuple[Any, Any]] = []
    real_exit = app.exit

    def exit(result: Any = None, return_code: int = 0, message: Any = None) -> None:
        exits.append((return_code, message))
        real_exit(result, return_code, message)

    app.exit = exit  # type: ignore[method-assign]
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
