"""The footer at any width: F2 Support always shows, and keys are whole or left out (no
stray letter where one was cut off)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Input

from tui.app import KindtoneApp
from tui.widgets.footer import KeysFooter


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])  # wider fits everything
async def test_support_is_in_every_footer_and_no_key_is_cut(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=size) as pilot:
        for keys in ([], ["e"], ["r"], ["comma"], ["s"], ["e", "n"]):
            while len(app.screen_stack) > 1:
                app.pop_screen()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            footer = app.screen.query_one(KeysFooter)
            line = "".join(s.text for s in app.screen._compositor.render_strips()[-1])
            assert line.startswith("f2 Support"), (keys, line)
            shown = [entry for _x, entry in footer.shown()]
            text = line.replace("▏", " ")
            for key in shown:
                words = f"{key.key_display} {key.description}".strip()
                assert words in text, (keys, words, line)
            # What is left on the line is exactly the keys shown: nothing cut mid-word.
            for key in shown:
                text = text.replace(f"{key.key_display} {key.description}".strip(), "", 1)
            assert text.strip() == "", (keys, line)


def _footer_line_problem(app: KindtoneApp) -> str | None:
    """None when the bottom line holds only whole keys of the screen's own footer, starting
    with F2 Support (a dialog's too: see tui/screens/dialog.py)."""
    footers = list(app.screen.query(KeysFooter))
    if len(footers) != 1:
        return f"{type(app.screen).__name__} has {len(footers)} KeysFooter"
    line = "".join(s.text for s in app.screen._compositor.render_strips()[-1])
    if not footers[0].entries():
        return f"{type(app.screen).__name__}: an empty footer {line!r}"
    if not line.startswith("f2 Support"):
        return f"{type(app.screen).__name__}: {line!r}"
    text = line.replace("▏", " ")
    for _x, key in footers[0].shown():
        words = f"{key.key_display} {key.description}".strip()
        if words not in text:
            return f"{type(app.screen).__name__}: {words!r} cut in {line!r}"
        text = text.replace(words, "", 1)
    return None if text.strip() == "" else f"{type(app.screen).__name__}: stray {line!r}"


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_session_summary_insights_and_flow_dialogs_keep_f2_in_their_own_footer(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """These used Textual's Footer (F2 fell off at 60 columns), or showed no footer at all."""
    from tui.core.session import Session
    from tui.screens.ask import AskScreen
    from tui.screens.catch import CatchScreen
    from tui.screens.insights import InsightsScreen
    from tui.screens.kind_words import KindWordsScreen
    from tui.screens.leave import LeaveScreen
    from tui.screens.resume import ResumeScreen
    from tui.screens.summary import SummaryScreen
    from tui.screens.support import SupportScreen
    from tui.screens.unsaved import UnsavedScreen

    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=size) as pilot:
        exercise = app.library.exercises["just-a-thought"]
        problems = []
        screens = [
            lambda: InsightsScreen(),
            lambda: CatchScreen(),
            lambda: KindWordsScreen(),
            lambda: SummaryScreen(app.flow_for(Session([exercise], preview=True))),
            lambda: SupportScreen(paused_session=True),
            lambda: LeaveScreen(has_writing=True),
            lambda: ResumeScreen(Session([exercise])),
            lambda: UnsavedScreen("Not saved.", "my words"),
            lambda: AskScreen(),
        ]
        for make in screens:
            while len(app.screen_stack) > 1:
                app.pop_screen()
            await pilot.pause()
            app.push_screen(make())
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            problems.append(_footer_line_problem(app))
        while len(app.screen_stack) > 1:
            app.pop_screen()
        app.start_single("just-a-thought")
        await pilot.pause()
        problems.append(_footer_line_problem(app))
    assert [p for p in problems if p] == []


def _dialog_classes() -> set[type]:
    """Every modal screen kindtone has, found by importing tui/screens (a new one must be
    added to the test below)."""
    import importlib
    import pkgutil

    from textual.screen import ModalScreen

    import tui.screens

    for module in pkgutil.iter_modules(tui.screens.__path__):
        importlib.import_module(f"tui.screens.{module.name}")
    found: set[type] = set()
    pending: list[type] = [ModalScreen]
    while pending:
        for cls in pending.pop().__subclasses__():
            pending.append(cls)
            if cls.__module__.startswith("tui.") and cls.__name__ != "Dialog":
                found.add(cls)
    return found


async def test_every_dialog_shows_f2_first_and_f2_opens_support_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual leaves the app's keys out of a modal screen's footer: no dialog showed F2
    Support, though F2 worked in each."""
    from tui.core.session import Session
    from tui.screens.ask import AskScreen
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.export import ExportScreen
    from tui.screens.grounding import GroundingScreen
    from tui.screens.help import HelpScreen
    from tui.screens.leave import LeaveScreen
    from tui.screens.resume import ResumeScreen
    from tui.screens.support import SupportScreen
    from tui.screens.too_small import TooSmallScreen
    from tui.screens.unsaved import UnsavedScreen

    opened: list[str] = []
    real = KindtoneApp.action_support

    def counted(self: KindtoneApp) -> None:
        opened.append(type(self.screen).__name__)
        real(self)

    monkeypatch.setattr(KindtoneApp, "action_support", counted)
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        exercise = app.library.exercises["just-a-thought"]
        dialogs: dict[type, Any] = {
            AskScreen: lambda: AskScreen(),
            ConfirmScreen: lambda: ConfirmScreen("Delete?", "It goes for good.", "Delete"),
            ExportScreen: lambda: ExportScreen([], 0),
            GroundingScreen: lambda: GroundingScreen(),
            HelpScreen: lambda: HelpScreen(),
            LeaveScreen: lambda: LeaveScreen(has_writing=True),
            ResumeScreen: lambda: ResumeScreen(Session([exercise])),
            SupportScreen: lambda: SupportScreen(),
            UnsavedScreen: lambda: UnsavedScreen("Not saved.", "my words"),
            TooSmallScreen: None,  # the app opens it itself, below 60 × 20
        }
        assert set(dialogs) == _dialog_classes()
        problems = []
        for cls, make in dialogs.items():
            while len(app.screen_stack) > 1:
                app.pop_screen()
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            if make is None:
                await pilot.resize_terminal(50, 16)
            else:
                app.push_screen(make())
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, cls), (cls, app.screen)
            line = "".join(s.text for s in app.screen._compositor.render_strips()[-1])
            if not line.startswith("f2 Support"):
                problems.append(f"{cls.__name__}: {line!r}")
            opened.clear()
            await pilot.press("f2")
            await pilot.pause()
            if opened != [cls.__name__]:
                problems.append(f"{cls.__name__}: F2 ran support {len(opened)} times")
            if not isinstance(app.screen, SupportScreen):
                problems.append(f"{cls.__name__}: F2 opened {type(app.screen).__name__}")
            supports = [s for s in app.screen_stack if isinstance(s, SupportScreen)]
            if len(supports) != 1:
                problems.append(f"{cls.__name__}: {len(supports)} support screens")
    assert problems == []


class _Keys(App[None]):
    BINDINGS = [Binding("x", "ring", "Ring", tooltip="Ring the bell")]
    rung = 0

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield Input(id="three")  # takes the letter keys: the footer must lose "x"
        yield KeysFooter()

    def action_ring(self) -> None:
        self.rung += 1


async def test_the_footer_has_its_keys_in_the_first_frame_and_redraws_only_on_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refreshed: list[str] = []
    real = KeysFooter.refresh

    def counted(self: KeysFooter, *args: Any, **kwargs: Any) -> Any:
        if self.is_mounted:
            refreshed.append(type(self.screen.focused).__name__)
        return real(self, *args, **kwargs)

    app = _Keys()
    async with app.run_test(size=(80, 10)) as pilot:
        footer = app.query_one(KeysFooter)
        await pilot.pause()
        assert "x Ring" in app.screen._compositor.render_strips()[-1].text
        monkeypatch.setattr(KeysFooter, "refresh", counted)
        await pilot.press("tab")  # focus moves; the keys shown stay the same
        await pilot.pause()
        assert refreshed == []
        await pilot.press("tab")  # into the Input, which takes "x"
        await pilot.pause()
        assert refreshed == ["Input"]
        assert "Ring" not in [entry.description for entry in footer.entries()]
        assert "Ring" not in app.screen._compositor.render_strips()[-1].text


async def test_a_click_on_a_footer_key_presses_it_and_hover_shows_its_tooltip() -> None:
    app = _Keys()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        x = next(x for x, entry in footer.shown() if entry.key == "x")
        await pilot.hover(KeysFooter, offset=(x + 2, 0))
        await pilot.pause()
        assert footer.tooltip == "Ring the bell"
        await pilot.click(KeysFooter, offset=(x + 2, 0))
        await pilot.pause()
        assert app.rung == 1
        palette = next(x for x, entry in footer.shown() if entry.palette)
        await pilot.click(KeysFooter, offset=(palette - 2, 0))  # between keys: nothing
        await pilot.pause()
        assert app.rung == 1


async def test_home_draws_its_footer_as_one_widget(tmp_path: Path) -> None:
    """Textual's footer was a container with a widget per key: 8 of home's 15 widgets, each
    composed, mounted, styled, laid out and drawn before the first frame."""
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        assert not footer.children
        assert len(list(app.screen.walk_children())) <= 8
        line = app.screen._compositor.render_strips()[-1].text
        assert line.startswith("f2 Support s Start e Exercise r Reflections , Settings f1 Help")
        assert line.endswith("▏^p palette ")
