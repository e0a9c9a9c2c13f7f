"""Small things a new user trips over (issue 17): each with the test that shows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from tui.app import KindtoneApp


def _app(tmp_path: Path) -> KindtoneApp:
    return KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


def _screen_lines(app: KindtoneApp) -> list[str]:
    return ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]


async def test_help_lists_every_screens_keys_and_wrapped_lines_keep_their_column(
    tmp_path: Path,
) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = " ".join(str(keys.render()) for keys in app.screen.query(".keys-row"))
        text += " ".join(str(keys.render()) for keys in app.screen.query(".keys-row > *"))
        for words in (
            "Reflections",
            "/ search",
            "d delete",
            "x export",
            "i insights",
            ", settings",
        ):
            assert words in text, words
        # A wrapped line continues under its own column, not under "Session".
        lines = _screen_lines(app)
        first = next(n for n, line in enumerate(lines) if "Session      ctrl+n" in line)
        column = lines[first].index("ctrl+n")
        follow = lines[first + 1]
        assert follow[column - 1] == " " and follow[column] != " ", (lines[first], follow)


async def test_home_footer_shows_settings(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert ", Settings" in _screen_lines(app)[-1]


async def test_a_dialog_hides_the_footer_of_the_screen_beneath(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "s Start" in _screen_lines(app)[-1]
        await pilot.press("f1")
        await pilot.pause()
        beneath = app.screen_stack[-2]
        assert beneath.has_class("-under-dialog")
        footer = beneath.query_one("KeysFooter")
        assert footer.styles.visibility == "hidden"
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.has_class("-under-dialog")
        assert "s Start" in _screen_lines(app)[-1]


@pytest.mark.parametrize("no_color", [True, False])
async def test_the_chosen_situation_is_marked_without_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = _app(tmp_path)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second situation
        await pilot.pause()
        situation = app.screen.query_one("#situation", OptionList)
        prompts = [str(situation.get_option_at_index(n).prompt) for n in range(3)]
        assert prompts[1].startswith("● ") and not prompts[0].startswith("●"), prompts
        text = "\n".join(_screen_lines(app))
        assert "● " in text


async def test_the_country_setting_says_what_it_really_does(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        text = " ".join(" ".join(_screen_lines(app)).split())
        assert "lines for where you are" not in text
        assert "only for the US (988)" in text
        assert "findahelpline.com" in text


async def test_a_wrong_custom_length_is_said_beside_the_field_and_in_view(tmp_path: Path) -> None:
    from textual.widgets import Input, RadioSet

    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        length = app.screen.query_one("#length", RadioSet)
        length.focus()
        await pilot.press("down", "down", "down", "enter")  # Custom
        field = app.screen.query_one("#custom-minutes", Input)
        field.value = "99"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#custom-problem").region.height  # shown
        text = "\n".join(_screen_lines(app))
        assert "from 1 to 60" in text  # on screen, not below the fold
        assert app.screen.focused is field


async def test_the_new_exercise_form_says_at_once_that_99_minutes_is_too_many(
    tmp_path: Path,
) -> None:
    from textual.widgets import Input

    app = _app(tmp_path)
    toasts: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "n")
        await pilot.pause()
        screen = app.screen
        screen.notify = lambda message, **kw: toasts.append(message)  # type: ignore[method-assign]
        minutes = app.screen.query_one("#minutes", Input)
        minutes.focus()
        minutes.value = "99"
        await pilot.pause()
        assert "1 to 15 minutes" in "\n".join(_screen_lines(app))  # before any Save
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        # The list of problems is in view and no toast covers it.
        assert toasts == []
        assert "Not saved yet" in "\n".join(_screen_lines(app))


async def test_a_drop_down_opens_framed_and_wide_enough_not_to_wrap(tmp_path: Path) -> None:
    from textual.widgets import Select
    from textual.widgets._select import SelectOverlay

    from tests.sample_data import seed

    seed(tmp_path / "data")
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        select = app.screen.query_one("#filter-exercise", Select)
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = select.query_one(SelectOverlay)
        longest = max(len(str(overlay.get_option_at_index(n).prompt)) for n in range(4))
        assert overlay.content_region.width >= longest + 2  # one line each, with padding
        assert overlay.region.height == overlay.option_count + 2  # no wrapped choice; a frame


def test_the_session_screen_is_what_the_app_asks_of_a_screen_with_unsaved_words() -> None:
    """The app finds the screen to ask before quitting by this typed protocol, not by
    looking attributes up by name: renaming caught_up or action_leave fails here."""
    from tui.core.exercises import load_library
    from tui.core.session import Session
    from tui.screens.home import HomeScreen
    from tui.screens.protocols import GuardsUnsavedWork
    from tui.screens.session import SessionScreen

    exercise = next(iter(load_library().exercises.values()))
    screen = SessionScreen(Session([exercise], minutes_planned=2))
    assert isinstance(screen, GuardsUnsavedWork) and screen.asks_before_quitting
    assert not isinstance(HomeScreen(), GuardsUnsavedWork)


def test_counts_and_minutes_are_worded_for_one_and_many() -> None:
    """ "about 1 minutes", "1 sessions" and "points gentler" were shown."""
    from datetime import date

    from tui.commands.insights import report
    from tui.core.insights import Insights
    from tui.core.text import about_minutes, count
    from tui.screens.insights import summary_lines

    assert count(1, "catch") == "1 catch" and count(3, "catch") == "3 catches"
    assert count(20000, "session", grouped=True) == "20,000 sessions"
    assert about_minutes(1.2) == "about 1 minute" and about_minutes(0.2) == "under a minute"
    one = Insights(sessions=1, minutes=1.0, harsh_change=-3.0, harsh_pairs=1, tense_change=0.02)
    one.tense_pairs = 1
    one.per_day = {date(2026, 11, 1): 1}
    lines = summary_lines(one, {}, date(2026, 11, 2))
    text = "\n".join(lines)
    assert "1 session, about 1 minute of practice in all; 1 practice day in" in text
    assert "on average 3.0 points lower after a session (1 session with both ratings)" in text
    assert "Tension: about the same before and after (1 session with both ratings)" in text
    assert "gentler" not in text and "1 sessions" not in text
    assert "about 1 minute of practice in all." in "\n".join(report(one, date(2026, 11, 2)))


def test_a_quoted_answer_that_ends_a_sentence_gets_no_second_full_stop(tmp_path: Path) -> None:
    """Found in plain mode, Just a thought: 'You wrote: “I am such a mess today.”. Now…'."""
    import io

    from tui.core.settings import Settings
    from tui.core.text import fill_template
    from tui.plain import run_plain

    template = "You wrote: “{thought}”. Now write it again."
    for answer, shown in (
        ("I'm a mess.", "You wrote: “I'm a mess.” Now write it again."),
        ("Am I a mess?", "You wrote: “Am I a mess?” Now write it again."),
        ("(I was late!) ", "You wrote: “(I was late!)” Now write it again."),
        ("I'm a mess", "You wrote: “I'm a mess”. Now write it again."),
        ("", "You wrote: “…”. Now write it again."),
    ):
        assert fill_template(template, {"thought": answer}) == shown
    assert fill_template("{a}. {b}", {"a": "Tired.", "b": "ok"}) == "Tired. ok"
    assert fill_template("{a}... then", {"a": "Tired."}) == "Tired.... then"  # an ellipsis stays
    stdout = io.StringIO()
    run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        exercise_id="just-a-thought",
        stdin=io.StringIO("\nI am such a mess today.\n\n\n\n"),
        stdout=stdout,
    )
    out = " ".join(stdout.getvalue().split())
    assert "You wrote: “I am such a mess today.” Now write it again" in out


def test_words_typed_at_a_reading_step_are_quoted_with_one_full_stop(tmp_path: Path) -> None:
    """Found in plain mode: '(That was a reading step, so nothing was saved from it: “I was
    juggling too much and I can say sorry.”. Copy it…'."""
    import io

    from tui.core.settings import Settings
    from tui.core.text import quoted
    from tui.plain import run_plain

    assert quoted("I can say sorry.") == "“I can say sorry.”"
    assert quoted("why me?") == "“why me?”"
    assert quoted("tired") == "“tired”."
    stdout = io.StringIO()
    run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        exercise_id="lets-try-that-again",
        stdin=io.StringIO("I can say sorry.\nhm\n"),
        stdout=stdout,
    )
    out = " ".join(stdout.getvalue().split())
    # (Another reading step comes next: session 18 says so rather than "the next prompt".)
    assert "nothing was saved from it: “I can say sorry.” The next step is" in out
    assert "nothing was saved from it: “hm”. The next step is" in out


def test_help_says_every_way_to_your_kind_words() -> None:
    """Help said only "Your kind words (ctrl+p)" beside a key list where ctrl+p is "every
    action" and ctrl+k opens kind words, so a new user read ctrl+p as the wrong key (found on
    the session-16 walk). Each way in that the app binds is named, and ctrl+p as the way to
    the action, not as its key."""
    from tui.screens.catch import CatchScreen
    from tui.screens.help import SCREENS

    line = next(line for line in SCREENS.splitlines() if line.startswith("Your kind words"))
    assert 'ctrl+p, then "Your kind words"' in line
    catch_keys = {
        binding.key for binding in CatchScreen.BINDINGS if binding.action == "app.kind_words"
    }
    assert catch_keys == {"ctrl+k"} and "ctrl+k in Catch" in line
    assert "k in Insights" in line
