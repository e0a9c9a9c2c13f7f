"""Every focusable thing shows focus, in every theme, with NO_COLOR too.

Tab walks through each screen; for every widget that takes focus, its rendered cells (after
the app's own filters, so NO_COLOR's greys are what is compared) must differ from the same
widget unfocused.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
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
    rows = range(compositor.size.height)[region.y : region.bottom]
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


async def _settle(pilot: Pilot[Any]) -> None:
    """Until focus and blur are handled and styles updated: Pilot's pause waits for the CPU
    to go idle, ~100 ms a time on a busy machine, and this walk makes hundreds."""
    await pilot._wait_for_screen()
    await asyncio.sleep(0)
    await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()  # lay out and draw now, as Pilot.pause ends by doing


async def _walk(pilot: Pilot[Any], app: KindtoneApp, where: str) -> list[str]:
    """Tab through the screen; name every widget whose look doesn't change with focus."""
    unseen: list[str] = []
    visited: list[Widget] = []
    await _settle(pilot)
    for _ in range(40):
        focused = app.screen.focused
        if focused is None or focused in visited:
            break
        visited.append(focused)
        # As Tab does, without the glide; when nothing scrolled, the screen is as it settled.
        if app.screen.scroll_to_widget(focused, animate=False):
            await _settle(pilot)
        with_focus = _cells(app, focused)
        app.screen.set_focus(None)
        await _settle(pilot)
        without = _cells(app, focused)
        if with_focus == without:
            unseen.append(f"{where}: {type(focused).__name__}#{focused.id}")
        app.screen.set_focus(focused)
        app.screen.focus_next()  # what Tab does
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


# Journeys from home: each step's keys are pressed on the screen the step before left, so a
# dialog is walked without opening its screen again (the suite's time is precious).
Step = tuple[str, tuple[str, ...], str]  # what, keys, the screen that must be open
JOURNEYS: list[list[Step]] = [
    [("home", (), "HomeScreen")],
    [("check-in", ("s",), "CheckInScreen")],
    [("check-out", (), "CheckOutScreen")],
    [("library", ("e",), "LibraryScreen"), ("new exercise", ("n",), "NewExerciseScreen")],
    [
        ("reflections", ("r",), "ReflectionsScreen"),
        ("export", ("x",), "ExportScreen"),
        ("delete", ("escape", "d"), "ConfirmScreen"),
    ],
    [("settings", ("comma",), "SettingsScreen")],
    [("help", ("f1",), "HelpScreen")],
    [("support", ("f2",), "SupportScreen")],
]


# The calm default and dracula (where people noticed), and NO_COLOR: the focus styles come
# from theme variables (accent, foreground, block cursor), so these stand for the rest;
# every one of Textual's themes would take minutes of the suite.
CASES = [
    ("kindtone-calm", False),
    ("dracula", False),
    ("kindtone-calm", True),
]


@pytest.mark.parametrize(("theme", "no_color"), CASES)
async def test_every_focusable_widget_shows_focus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str, no_color: bool
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
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        assert app.no_color is no_color
        for journey in JOURNEYS:
            for where, keys, screen in journey:
                if where == "check-out":
                    await _checkout(pilot)
                elif keys:
                    await _press(pilot, *keys)
                assert type(app.screen).__name__ == screen, where
                unseen += await _walk(pilot, app, where)
            while len(app.screen_stack) > 1:
                app.pop_screen()
            await pilot.pause()
    assert not unseen, "no visible focus:\n" + "\n".join(unseen)
