"""Findings from walking through kindtone as a new user would (session 15, helper "walk")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tui.core.exercises import parse_exercise_text

STARTER = 'id = "pack"\ntitle = "Pack{}"\nsummary = "A few minutes."\nminutes = 3\n'


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def on_top(app: Any) -> Any:
    """The screen on top now (read afresh: mypy would narrow ``app.screen`` for good)."""
    return app.screen


def test_a_control_character_in_an_exercise_file_is_named_placed_and_mended() -> None:
    """A title pasted from a terminal with an ESC byte in it was reported as "not valid TOML:
    Illegal character '\\x1b'": TOML's words, with nothing on what the character is, where it
    is in words, or what to do."""
    for char, name in (("\x1b", "ESC"), ("\x07", "BEL"), ("\x01", "U+0001")):
        _, problems = parse_exercise_text(STARTER.format(char), Path("pack.toml"))
        [problem] = problems
        assert "Illegal character" not in problem.message
        assert name in problem.message
        assert "line 2, column 14" in problem.message
        assert "delete it" in problem.message
        assert (problem.line, problem.column) == (2, 14)
    # Other syntax problems keep their own words.
    _, problems = parse_exercise_text('title = "Pack\n', Path("pack.toml"))
    assert "closing quote" in problems[0].message


async def test_home_acknowledges_a_start_when_the_only_reflections_are_unfinished(
    tmp_path: Path,
) -> None:
    """Someone who left their first session part-way and kept what they wrote came back to
    "This is a good place to start.", as if nothing had been written."""
    from tests.sample_data import reflection
    from tui.app import KindtoneApp
    from tui.core.storage import ReflectionStore

    ReflectionStore(tmp_path).save_many(
        [reflection(1, 0, "lets-try-that-again", "I got through it", completed=False)]
    )
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        line = str(app.screen.query_one("#practice").render())
        assert "good place to start" not in line
        assert "made a start" in line
        assert "practised" not in line  # an unfinished one still isn't counted as practice


async def test_esc_in_a_preview_goes_back_without_asking(tmp_path: Path) -> None:
    """Previewing an exercise (`p`) and pressing Esc asked "Leave this session?" with Leave
    and Stay, though a preview saves nothing: there was nothing to lose."""
    from tui.app import KindtoneApp
    from tui.screens.library import LibraryScreen
    from tui.screens.session import SessionScreen

    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(on_top(app), SessionScreen) and on_top(app).session.preview
        await pilot.press("ctrl+s")  # a step on, still nothing saved
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(on_top(app), LibraryScreen)
    assert not list((tmp_path / "reflections").glob("*.json"))
    assert not (tmp_path / "draft.json").exists()


async def test_the_new_exercise_forms_fields_show_focus_by_more_than_a_shade(
    tmp_path: Path,
) -> None:
    """The form's one-line fields showed focus only by a background one step lighter (236 on
    235 in the calm theme) and the cursor: hard to see where typing would go. The focused
    field now has a bar at its left; the others keep that column blank, so nothing moves."""
    from textual.widget import Widget
    from textual.widgets import Input

    from tui.app import KindtoneApp
    from tui.screens.new_exercise import NewExerciseScreen

    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(NewExerciseScreen())
        await settle(pilot)
        title = app.screen.query_one("#title", Input)
        summary = app.screen.query_one("#summary", Input)
        title.focus()
        await pilot.pause()
        assert title.styles.border_left[0] not in ("", "none", "hidden", "blank")
        assert summary.styles.border_left[0] in ("", "none", "hidden", "blank")
        assert title.content_region.x == summary.content_region.x  # nothing shifts

        def bar_at(field: Widget) -> str:
            rows = app.screen._compositor.render_strips()
            return rows[field.region.y].text[field.region.x]

        assert bar_at(title) == "▊"  # a glyph, so it shows with NO_COLOR too
        assert bar_at(summary) == " "
        await pilot.press("tab")
        assert summary.has_focus
        assert (bar_at(title), bar_at(summary)) == (" ", "▊")
        # The step type's drop-down was as faint (236 on 235): it shows focus the same way.
        step_type = app.screen.query_one("#step-type")
        step_type.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        assert bar_at(step_type) == " "
        step_type.focus()
        await pilot.pause()
        assert bar_at(step_type) == "▊"


LONG_REWRITE = (
    "So the report went out late and the numbers were off again, and the others had theirs "
    "in on time with charts and everything, and I said I would plan better this month and "
    "then I didn't, and the team lead sighed at me in the call. I did set a reminder. I am "
    "a hopeless person who can never get anything right and I always let everyone down."
)


async def test_lets_try_again_at_80x24_shows_the_start_of_a_long_rewrite(tmp_path: Path) -> None:
    """At 80×24 "Let's try that again" under a long pasted rewrite shrank the box to its
    last two lines: the start of what was written couldn't be read while deciding, and the
    panel had a blank row (the app's ".buttons" margin outranked the panel's own rule)."""
    from helpers_pty import rewrite_in_lets_try_again, session_opened
    from textual.widgets import Button, TextArea

    from tui.app import KindtoneApp
    from tui.widgets.try_again import TryAgainPanel

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await rewrite_in_lets_try_again(pilot, "I'm such a failure", LONG_REWRITE)
        await settle(pilot)
        await pilot.pause(0.1)
        panel = app.screen.query_one(TryAgainPanel)
        box = app.screen.query_one("#answer", TextArea)
        assert box.content_region.height >= 3  # two lines were all it kept
        assert box.scroll_y == 0  # its start, not the end the cursor was at
        rows = app.screen._compositor.render_strips()
        assert "So the report went out late" in rows[box.content_region.y].text
        hints = panel.query(".hint")
        buttons = panel.query_one("#try-again-button", Button)
        assert buttons.region.y == hints.last().region.bottom  # no blank row between
        # Trying again still puts the words in the box to rewrite, all of them selected.
        await pilot.press("enter")
        await settle(pilot)
        assert box.has_focus and box.selected_text == LONG_REWRITE


async def test_ctrl_c_in_a_session_asks_what_to_keep_and_copies_a_selection(
    tmp_path: Path,
) -> None:
    """ctrl+c, the terminal's habit at 2 a.m., did nothing in a text box and elsewhere showed
    Textual's "Do you want to quit? Press ctrl+q" toast. Now it copies selected text, as a
    text box does, and otherwise is ctrl+q: in a session it asks what to keep."""
    from helpers_pty import paste, session_opened
    from textual.widgets import TextArea

    from tui.app import KindtoneApp
    from tui.screens.leave import LeaveScreen
    from tui.screens.session import SessionScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await paste(pilot, "I wrecked the whole evening")
        box = app.screen.query_one("#answer", TextArea)
        box.select_all()
        copied: list[str] = []
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign,assignment]
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert copied == ["I wrecked the whole evening"]
        assert isinstance(on_top(app), SessionScreen)
        box.move_cursor(box.document.end)  # nothing selected now
        await pilot.press("ctrl+c")
        await settle(pilot)
        assert isinstance(on_top(app), LeaveScreen)
        assert app.return_code is None  # asked, not closed
        assert not app._notifications  # no "Do you want to quit?" toast
        await pilot.press("enter")  # keep what I wrote
        await settle(pilot)
    from tui.core.storage import ReflectionStore

    [record] = ReflectionStore(tmp_path).list()
    assert "I wrecked the whole evening" in [step["answer"] for step in record["steps"]]


async def test_ctrl_c_at_home_closes_the_app(tmp_path: Path) -> None:
    from tui.app import KindtoneApp

    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0


async def test_quitting_the_new_exercise_form_with_words_in_it_asks_first(
    tmp_path: Path,
) -> None:
    """A clinician half-way through the app's new-exercise form pressed ctrl+q (or ctrl+c):
    the app closed at once and the form's words were gone; only esc asked."""
    from tui.app import KindtoneApp
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.new_exercise import NewExerciseScreen

    for key in ("ctrl+q", "ctrl+c"):
        app = KindtoneApp(data_dir=tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(NewExerciseScreen())
            await settle(pilot)
            await pilot.press(*"For Sam")
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen), key
            assert app.return_code is None
            await pilot.press("enter")  # "Keep writing" is the default
            await settle(pilot)
            assert isinstance(app.screen, NewExerciseScreen)
            await pilot.press(key, "tab", "enter")  # quit without saving
            await settle(pilot)
        assert app.return_code == 0


async def test_quitting_from_the_direct_question_says_the_draft_stays(tmp_path: Path) -> None:
    """ctrl+c (or ctrl+q) while the direct question was open over a session closed the app
    without a word; the draft was there, but nobody was told."""
    from helpers_pty import paste, session_opened
    from test_walk14 import messages_on_exit

    from tui.app import DRAFT_LEFT, KindtoneApp
    from tui.screens.ask import AskScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    printed = messages_on_exit(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await paste(pilot, "Honestly everyone would be better off without me around")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, AskScreen)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0
    assert (tmp_path / "draft.json").exists()
    assert printed == [DRAFT_LEFT]  # printed as the app closes


def _burst(app: Any, *parts: str) -> None:
    """Queue keys all at once, as a terminal delivers them in one read (tmux send-keys, a
    fast typist): text, with "tab"/"shift+tab" between."""
    from textual import events

    for part in parts:
        if part in ("tab", "shift+tab", "enter"):
            app.post_message(events.Key(part, {"tab": "\t", "enter": "\r"}.get(part)))
            continue
        for character in part:
            app.post_message(events.Key("space" if character == " " else character, character))


async def test_keys_after_tab_in_one_burst_reach_the_field_tab_moved_to(tmp_path: Path) -> None:
    """ "For Sam<tab>A gentle start" arriving in one read ended as the title "For SamA gentle
    start" and an empty summary: keys after Tab went to the field focused before it."""
    from textual.widgets import Input

    from tui.app import KindtoneApp
    from tui.screens.new_exercise import NewExerciseScreen

    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(NewExerciseScreen())
        await settle(pilot)
        _burst(app, "For Sam", "tab", "A gentle start", "tab", "4", "shift+tab", "!")
        await settle(pilot)
        await pilot.pause(0.1)
        screen = app.screen
        assert screen.query_one("#title", Input).value == "For Sam"
        # shift+tab back into the summary selects it, as Tab into a filled field does
        assert screen.query_one("#summary", Input).value == "!"
        assert screen.query_one("#minutes", Input).value == "4"


def test_a_broken_import_ends_its_advice_with_a_full_stop(
    tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    """`reflections import` of broken JSON ended "…Check that line for a missing comma,
    quote or bracket" with no full stop; every refusal reason now ends as a sentence."""
    import tui.cli

    monkeypatch.setenv("KINDTONE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KINDTONE_CONFIG_DIR", str(tmp_path / "config"))
    source = tmp_path / "broken.json"
    for content in ('[{"id": "x", ', "[1, 2]"):
        source.write_text(content, encoding="utf-8")
        assert tui.cli.main(["reflections", "import", str(source)]) == 1
        err = capsys.readouterr().err.strip()
        assert "nothing was imported" in err
        assert err.endswith("."), err


async def test_editing_a_built_in_exercise_names_its_id_to_copy_from(tmp_path: Path) -> None:
    """`o` on a built-in exercise said to copy it with "… --from ID", leaving the clinician
    to find the id; it now names the highlighted exercise's own."""
    from helpers_pty import record_notifications

    from tui.app import KindtoneApp
    from tui.screens.library import LibraryScreen

    app = KindtoneApp(data_dir=tmp_path)
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        exercise = app.screen._exercise()
        assert exercise is not None and exercise.source != "custom"
        await pilot.press("o")
        await pilot.pause()
    [(_, _, message)] = notes
    assert message.endswith(f"kindtone exercises new my-copy.toml --from {exercise.id}")
    # and that command works as written
    import tui.cli

    assert (
        tui.cli.main(
            [
                "--data-dir",
                str(tmp_path),
                "exercises",
                "new",
                str(tmp_path / "my-copy.toml"),
                "--from",
                exercise.id,
            ]
        )
        == 0
    )


async def test_enter_in_a_burst_sends_only_what_was_typed_before_it(tmp_path: Path) -> None:
    """ "I am so stupid⏎I did my best today" in one read (tmux, a fast typist) sent the catch
    "I am so stupidI did my best today", and it "noticed nothing harsh": a non-priority
    Enter was handled only after the keys behind it had been typed into the same field."""
    from textual.widgets import Input

    from tui.app import KindtoneApp
    from tui.screens.catch import CatchScreen

    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_catch()
        await settle(pilot)
        assert isinstance(app.screen, CatchScreen)
        _burst(app, "I am so stupid", "enter", "I did my best today")
        await settle(pilot)
        await pilot.pause(0.2)
        screen = app.screen
        assert screen.caught is not None
        assert screen.caught.text == "I am so stupid"
        assert screen.caught.analysis.critical  # noticed, not "nothing harsh"
        assert screen.query_one("#catch-kind", Input).value == "I did my best today"


async def test_quitting_from_support_over_a_session_keeps_the_words_just_typed(
    tmp_path: Path,
) -> None:
    """ "The draft is still there" was said on quitting from a dialog over a session, but the
    draft is written 1.5 s after the last key: words typed just before F2 were not in it."""
    from helpers_pty import session_opened
    from test_walk14 import messages_on_exit

    from tui.app import DRAFT_LEFT, KindtoneApp
    from tui.screens.support import SupportScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    printed = messages_on_exit(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.press(*"I burnt the dinner")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert "I burnt the dinner" in (tmp_path / "draft.json").read_text(encoding="utf-8")
    assert printed == [DRAFT_LEFT]


async def test_quitting_from_support_when_no_draft_can_be_written_asks_instead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the draft can't take the words, the app doesn't close saying it is there: it goes
    back to the session, which asks what to keep (and says so when nothing can be written)."""
    from helpers_pty import session_opened

    from tui.app import KindtoneApp
    from tui.screens.leave import LeaveScreen
    from tui.screens.session import SessionScreen

    monkeypatch.setattr(SessionScreen, "keep_draft_now", lambda self: False)
    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.press(*"I burnt the dinner")
        await pilot.press("f2", "ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, LeaveScreen)
        assert isinstance(app.screen_stack[-2], SessionScreen)
        assert app.return_code is None
