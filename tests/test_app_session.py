"""A whole session driven by keyboard, and the record it leaves behind."""

from __future__ import annotations

from pathlib import Path

from helpers_keys import type_text
from helpers_pty import session_opened
from textual import events
from textual.widgets import TextArea

from tui.app import KindtoneApp
from tui.core.storage import ReflectionStore
from tui.screens.checkin import CheckInScreen
from tui.screens.checkout import CheckOutScreen
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.try_again import TryAgainPanel

HOSTILE = "I felt [bold] and [/] then [@click=app.quit]x[/]"


async def paste(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """As a terminal delivers a paste (bracketed paste): one event, not keystrokes."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def test_whole_session_by_keyboard(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("down", "down", "enter")  # "The inner critic is loud"
        await pilot.press("7", "tab", "5")
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        session = screen.session
        assert session.situation == "critic"
        written: list[str] = []
        guard = 0
        while isinstance(app.screen, SessionScreen):
            guard += 1
            assert guard < 80, "session never ended"
            planned = session.current
            assert planned is not None
            if planned.step.takes_text:
                text = f"{planned.position} {HOSTILE}"
                await type_text(pilot, f"{planned.position} ")
                await paste(pilot, HOSTILE)
                written.append(text)
                await pilot.press("ctrl+n")
                await pilot.pause()
                if app.screen.query(TryAgainPanel):
                    await pilot.press("tab", "enter")  # keep it as it is
                    await pilot.pause()
            elif planned.step.type == "rate":
                await pilot.press("6", "enter")
            elif planned.step.type == "choose":
                await pilot.press("down", "enter")
            else:
                await pilot.press("ctrl+n")
            await pilot.pause()
        assert isinstance(app.screen, CheckOutScreen)
        await pilot.press("3", "tab", "2", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.saved
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running  # the [@click=app.quit] text never acted

    (record,) = ReflectionStore(tmp_path).list()
    assert record["completed"] is True
    assert record["situation"] == "critic"
    assert record["ratings"] == {
        "before": {"harsh": 7, "tense": 5},
        "after": {"harsh": 3, "tense": 2},
    }
    answers = [s["answer"] for s in record["steps"] if s["type"] in ("write", "reframe")]
    assert answers == written
    assert ReflectionStore(tmp_path).load_draft() is None


async def test_back_keeps_text_and_leaving_can_keep_it(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, start_exercise="noticing-the-critic")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await session_opened(pilot)
        assert isinstance(screen, SessionScreen)
        while not screen.session.current.step.takes_text:  # type: ignore[union-attr]
            await pilot.press("ctrl+n")
            await pilot.pause()
        await type_text(pilot, "I'm hopeless")
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#answer", TextArea).text == "I'm hopeless"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # "Keep what I wrote"
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (record,) = ReflectionStore(tmp_path).list()
    assert record["completed"] is False
    assert "I'm hopeless" in [s["answer"] for s in record["steps"]]


async def _at_first_text_step(app: KindtoneApp, pilot) -> SessionScreen:  # type: ignore[no-untyped-def]
    screen = await session_opened(pilot)
    assert isinstance(screen, SessionScreen)
    while not screen.session.current.step.takes_text:
        await pilot.press("ctrl+n")
        await pilot.pause()
    return screen


def _in_one_burst(app: KindtoneApp, text: str, then: str) -> None:
    """Queue every key at once, as a terminal delivers a paste without bracketed paste."""
    for character in text:
        app.post_message(events.Key("space" if character == " " else character, character))
    app.post_message(events.Key(then, None))


async def test_keys_typed_in_a_burst_before_continue_are_all_kept(tmp_path: Path) -> None:
    """A terminal can deliver typing and ctrl+n in one burst (a paste without bracketed paste,
    a fast typist, a script). ctrl+n is a priority key, handled before the text box has
    caught up with the keys queued for it: the last words must still be kept."""
    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _at_first_text_step(app, pilot)
        text = "I made a mess of the meeting today"
        _in_one_burst(app, text, then="ctrl+n")
        await pilot.pause()
        await pilot.pause()
        record = screen.session.records[2]
        assert record.answer == text


async def test_keys_typed_in_a_burst_before_quitting_are_all_kept(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(100, 32)) as pilot:
        await _at_first_text_step(app, pilot)
        text = "Everyone saw me freeze"
        _in_one_burst(app, text, then="ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # keep what I wrote
        await pilot.pause()
    (record,) = ReflectionStore(tmp_path).list()
    assert text in [step["answer"] for step in record["steps"]]


async def test_the_draft_timer_firing_while_a_step_is_put_on_screen_keeps_the_words(
    tmp_path: Path,
) -> None:
    """The draft timer can fire between a new step's view entering the screen and its text box
    being built (seen once the suite stopped sleeping 20 ms per key): no crash, and the words
    already kept for the step stay."""
    from textual.containers import VerticalScroll

    from tui.widgets.steps import WriteView

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _at_first_text_step(app, pilot)
        screen.query_one("#answer", TextArea).load_text("I froze in the meeting")
        screen._write_draft()
        planned = screen.session.current
        area = screen.query_one("#step-area", VerticalScroll)
        await area.remove_children()
        mounting = area.mount(WriteView(planned.step, "again", "I froze in the meeting"))
        screen._write_draft()  # the view is on the screen, its box not built yet
        await mounting
        await pilot.pause()
        assert screen.session.record_for(planned).answer == "I froze in the meeting"
    assert app.return_code in (0, None)
