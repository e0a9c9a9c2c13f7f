"""Found by the fresh-install walk at 80x24 and 60x20: a focused control out of sight, Continue
doing nothing under "let's try that again", and typed words going nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_pty import session_opened, to_step
from textual.widgets import Button, TextArea

from tui.app import KindtoneApp
from tui.screens.session import SessionScreen
from tui.screens.support import SupportScreen
from tui.widgets.try_again import TryAgainPanel


def in_view(screen, widget) -> bool:  # type: ignore[no-untyped-def]
    """The whole widget is drawn on the screen, inside every scrolling parent."""
    region = widget.region
    if not region.area:
        return False
    for parent in widget.ancestors:
        scrolls = getattr(parent, "is_scrollable", False)
        if scrolls and not parent.region.contains_region(region):
            return False
    return screen.region.contains_region(region)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_crisis_pause_shows_its_focused_button(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = KindtoneApp(data_dir=tmp_path, start_exercise="noticing-the-critic")
    async with app.run_test(size=size) as pilot:
        await session_opened(pilot)
        await to_step(pilot, "write")
        app.screen.query_one(TextArea).load_text("I want to end my life")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SupportScreen)
        focused = screen.focused
        assert isinstance(focused, Button) and focused.id == "continue"
        assert in_view(screen, focused)
        # The helplines themselves stay on screen with it.
        assert all(in_view(screen, line) for line in screen.query(".resource"))
        await pilot.press("enter")  # Enter never ends the session
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_f2_support_shows_its_focused_close(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SupportScreen)
        focused = screen.focused
        assert isinstance(focused, Button) and focused.id == "close"
        assert in_view(screen, focused)
        assert all(in_view(screen, line) for line in screen.query(".resource"))


async def _try_again_up(pilot):  # type: ignore[no-untyped-def]
    await session_opened(pilot)
    await to_step(pilot, "reframe")
    screen = pilot.app.screen
    planned = screen.session.current
    screen.query_one("#answer", TextArea).load_text("I'm a loser")
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert screen.query(TryAgainPanel)
    return screen, planned


async def test_continue_under_try_again_checks_the_new_words(tmp_path: Path) -> None:
    """Kinder words written straight into the box: Continue goes on with them (read afresh,
    as plain mode reads words typed at its try-again question). It did nothing at all."""
    app = KindtoneApp(data_dir=tmp_path, start_exercise="shifting-tone")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, planned = await _try_again_up(pilot)
        box = screen.query_one("#answer", TextArea)
        box.load_text("I was tired, and that is human.")
        await pilot.press("ctrl+n")
        await pilot.pause()
        record = screen.session.record_for(planned)
        assert record.answer == "I was tired, and that is human."
        assert record.versions == ["I'm a loser", "I was tired, and that is human."]
        assert screen.session.current != planned


async def test_continue_under_try_again_with_the_same_words_keeps_them(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, start_exercise="shifting-tone")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, planned = await _try_again_up(pilot)
        await pilot.press("ctrl+n")  # as "Keep it as it is" (Enter in plain mode)
        await pilot.pause()
        assert screen.session.record_for(planned).answer == "I'm a loser"
        assert screen.session.current != planned
        assert not screen.query(TryAgainPanel)


async def test_continue_under_try_again_with_new_harsh_words_asks_again(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, start_exercise="shifting-tone")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, planned = await _try_again_up(pilot)
        screen.query_one("#answer", TextArea).load_text("I'm such an idiot")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.session.current == planned
        panel = screen.query_one(TryAgainPanel)
        assert panel.attempt == 1  # "still", about the new words


async def test_letters_typed_with_focus_on_a_button_go_into_the_box(tmp_path: Path) -> None:
    """After Tab at a writing step, letters went nowhere and ctrl+n moved on with nothing."""
    app = KindtoneApp(data_dir=tmp_path, start_exercise="noticing-the-critic")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await to_step(pilot, "write")
        screen = app.screen
        planned = screen.session.current
        box = screen.query_one("#answer", TextArea)
        box.focus()
        await pilot.pause()
        while not isinstance(screen.focused, Button):
            await pilot.press("tab")
        await pilot.press("h", "i", "space", "y", "o", "u")
        await pilot.pause()
        assert screen.focused is box
        assert box.text == "hi you"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.session.record_for(planned).answer == "hi you"


async def test_words_typed_at_a_reading_step_are_said_on_the_next_step_at_60x20(
    tmp_path: Path,
) -> None:
    """The first ctrl+n after typing was swallowed, and the toast saying so stayed over the
    next step's box and buttons at 60x20: now it moves on and says it in the page."""
    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await session_opened(pilot)
        step = screen.flow.current.step
        assert step.type == "read"
        await pilot.press("o", "k", "space", "s", "u", "r", "e", "ctrl+n")
        await pilot.pause()
        await pilot.pause()
        assert screen.flow.current.step is not step
        assert not app._notifications
        note = screen.query_one("#stray-note")
        assert "“ok sure”." in str(note.render())
        assert in_view(screen, screen.focused)
        assert in_view(screen, screen.query_one("#continue"))


async def test_a_question_mark_on_a_button_still_opens_help(tmp_path: Path) -> None:
    """Letters typed on a button go into the box, but "?" is Help's key on every screen:
    on a button it opens Help (the box, once focused, takes it as a character)."""
    from tui.screens.help import HelpScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="noticing-the-critic")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await to_step(pilot, "write")
        screen = app.screen
        box = screen.query_one("#answer", TextArea)
        box.focus()
        await pilot.pause()
        while not isinstance(screen.focused, Button):
            await pilot.press("tab")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert box.text == ""
        await pilot.press("escape")
        await pilot.pause()
        box.focus()
        await pilot.press("w", "h", "y", "question_mark")
        await pilot.pause()
        assert box.text == "why?"
