"""The footer at any width: F2 Support always shows, and keys are whole or left out (no
stray letter where one was cut off)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

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
            shown = [key for key in footer.query(FooterKey) if key.display]
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
    with F2 Support on a full screen (a dialog lists only its own keys, as Textual's modal
    screens do; F2 still works there)."""
    footers = list(app.screen.query(KeysFooter))
    if len(footers) != 1:
        return f"{type(app.screen).__name__} has {len(footers)} KeysFooter"
    line = "".join(s.text for s in app.screen._compositor.render_strips()[-1])
    if not footers[0].query(FooterKey):
        return f"{type(app.screen).__name__}: an empty footer {line!r}"
    if not app.screen.is_modal and not line.startswith("f2 Support"):
        return f"{type(app.screen).__name__}: {line!r}"
    text = line.replace("▏", " ")
    for key in (k for k in footers[0].query(FooterKey) if k.display):
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
