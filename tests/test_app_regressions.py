"""Behaviours found by walking the app as a person would; each once lost or misrecorded words."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_pty import session_opened, to_step
from textual import events
from textual.widgets import Select, TextArea

from tui.app import KindtoneApp
from tui.core.backups import list_backups
from tui.core.storage import ReflectionStore
from tui.screens.ask import AskScreen
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.settings import SettingsScreen
from tui.screens.support import SupportScreen
from tui.screens.too_small import TooSmallScreen


async def test_a_second_session_cannot_take_over_the_first(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, start_exercise="noticing-the-critic")
    async with app.run_test(size=(100, 30)) as pilot:
        await session_opened(pilot)
        first = app.screen
        assert isinstance(first, SessionScreen)
        app.action_start_session()
        app.start_single("settling-breath")
        await pilot.pause()
        assert app.screen is first
        assert sum(isinstance(s, SessionScreen) for s in app.screen_stack) == 1


async def test_choose_without_choosing_is_no_answer(tmp_path: Path) -> None:
    # A choose step about nothing earlier: one about a skipped answer is passed by.
    app = KindtoneApp(data_dir=tmp_path, start_exercise="didnt-go-to-plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await session_opened(pilot)
        await to_step(pilot, "choose")
        session = app.screen.session  # type: ignore[attr-defined]
        planned = session.current
        await pilot.press("down", "ctrl+n")  # a highlight moved, nothing chosen
        await pilot.pause()
        assert session.record_for(planned).answer is None


async def test_skip_keeps_typed_words_and_crisis_return_goes_back(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, start_exercise="noticing-the-critic")
    async with app.run_test(size=(100, 30)) as pilot:
        await session_opened(pilot)
        await to_step(pilot, "write")
        screen = app.screen
        session = screen.session  # type: ignore[attr-defined]
        planned = session.current
        screen.query_one(TextArea).load_text("words I typed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session.record_for(planned).answer == "words I typed"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.query_one(TextArea).text == "words I typed"
        screen.query_one(TextArea).load_text("I want to end my life")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("escape")  # return to the exercise
        await pilot.pause()
        assert session.current == planned
        assert screen.query_one(TextArea).text == "I want to end my life"
        assert session.crisis
        # Continuing with the same words goes on: the support screen was seen, and nobody has
        # to delete what they wrote to get past it. Every later step of this exercise speaks
        # of the critic's words, so each is passed by: crisis words are never called the critic.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not isinstance(app.screen, SupportScreen)
        assert session.current is None
        assert session.record_for(planned).answer == "I want to end my life"
        later = [p for p in session.steps if p.position > planned.position]
        assert later and all(session.record_for(p).skipped for p in later)


async def write_crisis_words_and_return(pilot, text: str):  # type: ignore[no-untyped-def]
    """Write ``text`` at the first write step, see the support screen, return to the step."""
    await session_opened(pilot)
    await to_step(pilot, "write")
    screen = pilot.app.screen
    planned = screen.session.current
    screen.query_one(TextArea).load_text(text)
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SupportScreen)
    await pilot.press("escape")  # return to the exercise
    await pilot.pause()
    assert screen.session.current == planned
    assert screen.query_one(TextArea).text == text
    return screen, planned


async def test_return_from_support_comes_back_to_the_step_before_a_reframe(
    tmp_path: Path,
) -> None:
    # In "Let's try that again" the harsh thought is followed by a reframe of it, which is
    # passed by for crisis language; returning must still land on the words just written.
    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(100, 30)) as pilot:
        # Clear risk (crisis): "Nobody would miss me" alone is now possible risk, asked about.
        screen, planned = await write_crisis_words_and_return(
            pilot, "I want to end my life tonight."
        )
        session = screen.session
        # The same words: on, past the read that thanks them for writing "that" down and the
        # reframe of those words.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert session.current is None or session.current.step.type != "reframe"
        assert all(session.record_for(p).skipped for p in session.steps if p.step.type == "reframe")
        thanks = session.steps[planned.position + 1]
        assert thanks.step.type == "read" and session.record_for(thanks).skipped


async def test_new_crisis_words_after_returning_open_support_again(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, start_exercise="noticing-the-critic")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, _ = await write_crisis_words_and_return(pilot, "I want to end my life")
        screen.query_one(TextArea).load_text("I want to end my life. Nobody would miss me.")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)


async def test_too_small_message_never_sticks_under_a_dialog(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause(0.5)
        assert isinstance(app.screen, HomeScreen)


async def test_leaving_settings_unsaved_keeps_the_old_theme(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path / "config")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#theme", Select).value = "kindtone-high-contrast"
        await pilot.pause()
        assert app.theme == "kindtone-high-contrast"  # a preview
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Leave without saving"
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "kindtone-calm"
    assert not (tmp_path / "config" / "settings.json").exists()


async def test_saving_a_reflection_takes_the_daily_backup(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, start_exercise="just-a-thought")
    async with app.run_test(size=(100, 30)) as pilot:
        await session_opened(pilot)
        while isinstance(app.screen, SessionScreen):
            if app.screen.session.current.step.takes_text:
                app.post_message(events.Paste("a thought"))
                await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
        await pilot.press("ctrl+n")  # check-out
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert ReflectionStore(tmp_path).count() == 1
    assert len(list_backups(tmp_path)) == 1


@pytest.mark.parametrize(
    ("words", "opens"),
    [
        ("I took all of the pills an hour ago.", SupportScreen),
        ("Sometimes I wish I could just not wake up.", AskScreen),
    ],
)
async def test_a_note_still_showing_never_covers_the_support_lines(
    tmp_path: Path, words: str, opens: type
) -> None:
    """Found in a terminal at 80x24: the warm note after recovery words stays 10 s, and crisis
    words written just after opened support under it, covering the helplines. (An exercise
    with a later write step that does not hand the recovery words back.)"""
    app = KindtoneApp(data_dir=tmp_path, start_exercise="didnt-go-to-plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await to_step(pilot, "write")
        app.screen.query_one(TextArea).load_text(
            "Two years ago I tried to end my life; now I have a safety plan and I'm doing okay."
        )
        await pilot.press("ctrl+n")
        await pilot.pause()
        # Session 18: the note is said in the page, not in a toast that could cover anything.
        assert "come a long way" in str(app.screen.query_one("#stray-note").render())
        assert not list(app._notifications)
        await to_step(pilot, "write")
        app.screen.query_one(TextArea).load_text(words)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, opens)
        assert not list(app._notifications)
