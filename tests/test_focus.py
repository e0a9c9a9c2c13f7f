"""Every focusable thing shows focus, in every theme, with NO_COLOR too.

Tab walks through each screen; for every widget that takes focus, what is left of its drawn
cells once every colour is taken away (the characters and the text styles: bold, reverse,
underline, italic) must differ from the same widget unfocused. A colour alone (one grey for
another with NO_COLOR or in a greyscale terminal, or a hue to the colour-blind) is not enough.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from tests.sample_data import seed
from tui.app import KindtoneApp

THEMES = ["kindtone-calm", "kindtone-calm-light", "kindtone-high-contrast", "dracula", "nord"]


def _cells(app: KindtoneApp, widget: Widget) -> list[tuple[str, str]]:
    """The widget and its children as drawn on screen (the compositor's strips, cropped to
    its region), text and style of every segment, after the app's filters (NO_COLOR).

    Only the widget's rows are composed: the lines ``render_strips()`` gives for them (it
    composes every row from every widget that overlaps it, as here), without the rest."""
    compositor = app.screen._compositor
    region = compositor.find_widget(widget).region
    background = app.screen.styles.background
    rows = range(max(0, region.y), min(region.bottom, compositor.size.height))
    if not rows:
        return []
    crop = Region(0, rows[0], compositor.size.width, len(rows))
    chops = compositor._render_chops(crop, rows.__contains__)
    out: list[tuple[str, str]] = []
    for y in rows:
        strip = Strip.join(chops[y].values()).crop(region.x, region.right)
        for line_filter in app._filters:
            strip = strip.apply_filter(line_filter, background)
        out += [(segment.text, str(segment.style)) for segment in strip]
    return out


def _shape(cells: list[tuple[str, str]]) -> list[tuple[str, tuple[bool, ...]]]:
    """What is left of a widget's cells with every colour taken away: the characters and
    the text styles (bold, reverse, underline, italic). Focus must change this."""
    out = []
    for text, style in cells:
        s = Style.parse(style) if style not in ("", "None") else Style()
        attrs = (bool(s.bold), bool(s.reverse), bool(s.underline), bool(s.italic))
        out += [(char, attrs) for char in text]
    return out


async def _settle(pilot: Pilot[Any]) -> None:
    """Until focus and blur are handled and styles updated: Pilot's pause waits for the CPU
    to go idle, ~100 ms a time on a busy machine, and this walk makes hundreds."""
    await pilot._wait_for_screen()
    await asyncio.sleep(0)
    await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()  # lay out and draw now, as Pilot.pause ends by doing


def _scroll_to(app: KindtoneApp, widget: Widget) -> bool:
    """What Tab does after focusing (``Screen.set_focus``: a widget not wholly in view is
    scrolled to the centre), at once and without the glide: Textual's own scroll waits for a
    refresh and could land after the cells were read. True if something scrolled."""
    screen = app.screen
    if screen.can_view_entire(widget):
        return False
    screen.scroll_to_center(widget, origin_visible=True, animate=False, immediate=True)
    return True


async def _walk(pilot: Pilot[Any], app: KindtoneApp, where: str) -> list[str]:
    """Tab through the screen; name every widget whose focus shows by colour alone (or not
    at all)."""
    unseen: list[str] = []
    visited: list[Widget] = []
    await _settle(pilot)
    for _ in range(40):
        focused = app.screen.focused
        if focused is None or focused in visited:
            break
        visited.append(focused)
        if _scroll_to(app, focused):
            await _settle(pilot)
        with_focus = _shape(_cells(app, focused))
        app.screen.set_focus(None)
        await _settle(pilot)
        if with_focus == _shape(_cells(app, focused)):
            unseen.append(f"{where}: {type(focused).__name__}#{focused.id}")
        chain = app.screen.focus_chain  # what Tab does: the next in the chain, round to the first
        after = chain[(chain.index(focused) + 1) % len(chain)] if focused in chain else None
        app.screen.set_focus(after, scroll_visible=False)
        await _settle(pilot)
    if not visited:
        unseen.append(f"{where}: nothing takes focus")
    return unseen


async def _press(pilot: Pilot[Any], *keys: str) -> None:
    pilot.app.screen.set_focus(None)  # so letter keys reach the screen, not a text box
    for key in keys:
        await pilot.press(key)
        if key == "r":  # the reflections load in a thread
            await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _checkout(pilot: Pilot[Any]) -> None:
    from tui.core.session import Session
    from tui.screens.checkout import CheckOutScreen

    app: KindtoneApp = pilot.app  # type: ignore[assignment]
    session = Session([next(iter(app.library.exercises.values()))], minutes_planned=2)
    await app.push_screen(CheckOutScreen(app.flow_for(session)))
    await pilot.pause()


# Calm words (nothing the analysis would stop for), long enough that what shows them scrolls.
LONG = " ".join(["A slow morning, tea by the window, and that was enough for today."] * 14)


async def _session_at_a_write_step(pilot: Pilot[Any]) -> None:
    """Noticing the critic at its first write step, a long answer in the box: at 60×20 the
    step area scrolls, and takes Tab, as well as the box."""
    from tests.helpers_pty import until
    from tui.core.session import Session
    from tui.screens.session import SessionScreen
    from tui.widgets.text_box import TextBox

    app: KindtoneApp = pilot.app  # type: ignore[assignment]
    session = Session([app.library.exercises["noticing-the-critic"]], minutes_planned=2)
    session.answer(None)  # past the opening words
    screen = SessionScreen(session)
    await app.push_screen(screen)
    await until(pilot, lambda: screen.view is not None and screen.view.is_mounted, "the step")
    screen.query_one(TextBox).load_text(LONG)
    await pilot.pause()


async def _summary(pilot: Pilot[Any]) -> None:
    """The summary after a long answer: the page scrolls, and takes Tab."""
    from tui.core.session import Session
    from tui.screens.summary import SummaryScreen

    app: KindtoneApp = pilot.app  # type: ignore[assignment]
    session = Session([app.library.exercises["just-a-thought"]], minutes_planned=1)
    while session.current is not None:
        session.answer(LONG if session.current.step.takes_text else None)
    await app.push_screen(SummaryScreen(app.flow_for(session)))
    await pilot.pause()


async def _unsaved(pilot: Pilot[Any]) -> None:
    """Nothing could hold the words: they are given back in a box to copy from."""
    from tui.screens.unsaved import UnsavedScreen

    await pilot.app.push_screen(UnsavedScreen("Your words couldn't be saved.", LONG))
    await pilot.pause()


async def _read_one(pilot: Pilot[Any]) -> None:
    """Enter on the list's first row: the reflection, on a page of its own."""
    from tui.widgets.reflection_list import ReflectionList

    pilot.app.screen.query_one(ReflectionList).focus()
    await pilot.press("enter")
    await pilot.pause()


async def _delete_the_last_match(pilot: Pilot[Any]) -> None:
    """Search down to one reflection, read the list (Enter), delete it: the list keeps focus
    with nothing in it."""
    from tests.helpers_pty import until
    from tui.widgets.reflection_list import ReflectionList

    app = pilot.app
    await _press(pilot, "slash", *"walk", "enter")
    listed = app.screen.query_one(ReflectionList)
    assert listed.has_focus and len(listed.rows) == 1
    await pilot.press("d")
    await until(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen", "the question")
    app.screen.query_one("#yes").press()
    await until(pilot, lambda: not listed.rows, "the delete")
    await pilot.pause()


# Journeys from home: each step's keys are pressed (or its steps taken) on the screen the step
# before left, so a dialog is walked without opening its screen again (the suite's time is
# precious).
Action = Callable[[Pilot[Any]], Awaitable[None]]
Step = tuple[str, tuple[str | Action, ...], str]  # what, keys or actions, the screen then open
JOURNEYS: list[list[Step]] = [
    [("home", (), "HomeScreen")],
    [("check-in", ("s",), "CheckInScreen")],
    [("check-out", (_checkout,), "CheckOutScreen")],
    [("a write step", (_session_at_a_write_step,), "SessionScreen")],
    [("summary", (_summary,), "SummaryScreen")],
    [("library", ("e",), "LibraryScreen"), ("new exercise", ("n",), "NewExerciseScreen")],
    [
        ("reflections", ("r",), "ReflectionsScreen"),
        ("export", ("x",), "ExportScreen"),
        ("delete", ("escape", "d"), "ConfirmScreen"),
        ("a reflection", ("escape", _read_one), "ReflectionDetailScreen"),
        ("insights", ("escape", "i"), "InsightsScreen"),
        ("emptied", ("escape", _delete_the_last_match), "ReflectionsScreen"),
    ],
    [("catch", ("c",), "CatchScreen")],
    [("settings", ("comma",), "SettingsScreen")],
    [("help", ("f1",), "HelpScreen")],
    [("support", ("f2",), "SupportScreen")],
    [("unsaved", (_unsaved,), "UnsavedScreen")],
]


async def _take(pilot: Pilot[Any], keys: tuple[str | Action, ...]) -> None:
    """Press the keys; an action among them is taken in its turn."""
    pressed: list[str] = []
    for key in keys:
        if isinstance(key, str):
            pressed.append(key)
            continue
        if pressed:
            await _press(pilot, *pressed)
            pressed = []
        await key(pilot)
    if pressed:
        await _press(pilot, *pressed)


# The calm default and dracula (where people noticed), and NO_COLOR: the focus styles come
# from theme variables (accent, foreground, block cursor), so these stand for the rest;
# every one of Textual's themes would take minutes of the suite (tests/test_audit16.py mounts
# one of each kind of widget in all of them). Three sizes, so each place a mark is drawn is
# reached once at least: at 100 columns the library shows an exercise's description beside
# the list (it scrolls); at 60×20 the support dialog and a step with a long answer scroll.
CASES = [
    ("kindtone-calm", False, (80, 24)),
    ("dracula", False, (100, 24)),
    ("kindtone-calm", True, (60, 20)),
]


@pytest.mark.parametrize(("theme", "no_color", "size"), CASES)
async def test_every_focusable_widget_shows_focus(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    theme: str,
    no_color: bool,
    size: tuple[int, int],
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    data = tmp_path / "data"
    seed(data)
    unseen: list[str] = []
    app = KindtoneApp(data_dir=data, config_dir=tmp_path / "config")
    app.animation_level = "none"  # a scroll to the focused widget lands at once
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        assert app.no_color is no_color
        for journey in JOURNEYS:
            for where, keys, screen in journey:
                await _take(pilot, keys)
                assert type(app.screen).__name__ == screen, where
                unseen += await _walk(pilot, app, where)
            while len(app.screen_stack) > 1:
                app.pop_screen()
            await pilot.pause()
    assert not unseen, "no visible focus:\n" + "\n".join(unseen)


async def test_an_unfocused_text_box_can_be_seen_in_every_kindtone_theme(tmp_path: Path) -> None:
    """Without focus a text box is drawn in thin lines. In Textual's blurred-border colour
    they were the background's own colour in high contrast (black on black): an empty box
    with focus elsewhere was not there at all. Its frame must stand out from what is around."""
    from textual.app import ComposeResult
    from textual.color import Color
    from textual.screen import Screen
    from textual.widgets import Button

    from tui.widgets.text_box import TextBox

    class Form(Screen[None]):
        def compose(self) -> ComposeResult:
            yield TextBox("", id="box")
            yield Button("Save", id="save")

    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=(40, 10)) as pilot:
        await app.push_screen(Form())
        app.screen.query_one("#save").focus()
        box = app.screen.query_one("#box")
        faint: list[str] = []
        for theme in ("kindtone-calm", "kindtone-calm-light", "kindtone-high-contrast"):
            app.theme = theme
            await _settle(pilot)
            assert not box.has_focus
            [(corner, style), *_] = _cells(app, box)
            assert corner.startswith("╭")
            parsed = Style.parse(style)
            assert parsed.color is not None and parsed.bgcolor is not None
            line = Color.from_rich_color(parsed.color)
            ground = Color.from_rich_color(parsed.bgcolor)
            if abs(line.brightness - ground.brightness) < 0.15:
                faint.append(f"{theme}: {line.hex} on {ground.hex}")
    assert not faint, "an unfocused text box's frame barely shows:\n" + "\n".join(faint)
