"""Findings from walking through kindtone as a new user would (session 11, helper "walk")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers_keys import type_text
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from tui.app import KindtoneApp
from tui.screens.catch import CatchScreen
from tui.screens.new_exercise import NewExerciseScreen
from tui.widgets.literal_text import LiteralText


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_new_exercise_form(pilot: Pilot[Any]) -> NewExerciseScreen:
    """Home, then the library (e), then its new-exercise form (n)."""

    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    await pilot.press("n")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, NewExerciseScreen)
    return form


async def test_a_catch_shows_all_of_its_saved_line_at_80_by_24(tmp_path: Path) -> None:
    """The "Kept … saved" line was cut after its first line: scrolled to before it wrapped."""
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CatchScreen)
        await type_text(pilot, "I am [bold]so stupid[/], I always ruin everything", "enter")
        await settle(pilot)
        await type_text(pilot, "Some days go badly, and I am learning as I go.", "enter")
        await settle(pilot)
        await pilot.pause()
        result = app.screen.query_one("#catch-result", LiteralText)
        assert "saved it to your reflections" in str(result.render())
        page = app.screen.query_one("#catch", VerticalScroll)
        assert result.region.height >= 2
        assert page.region.contains_region(result.region), (result.region, page.region)
        # The result is the page's last line: scrolled to the end, nothing of it under the footer
        # (in a real terminal, scrolling to it before it wrapped hid its second line).
        assert page.scroll_y == page.max_scroll_y, (page.scroll_y, page.max_scroll_y)


async def test_the_draft_timer_firing_as_a_step_moves_on_keeps_words_with_their_own_step(
    tmp_path: Path,
) -> None:
    """Typed at "what happened?", ctrl+n ~1.5 s later: the draft timer fired while the old box
    was still on screen but the flow had moved on, so the words landed in the next step's box
    ("What have you been saying to yourself?") as if typed there."""
    from textual.widgets import TextArea

    from tui.screens.session import SessionScreen

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path, start_exercise="shifting-tone")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        while not screen.session.current.step.takes_text:
            await pilot.press("ctrl+n")
            await pilot.pause()
        first = screen.session.current
        screen.query_one("#answer", TextArea).load_text("I didn't finish the report")
        screen.flow.submit("I didn't finish the report")  # the flow moves on ...
        screen._write_draft()  # ... and the timer fires before the old box is gone
        following = screen.session.current
        assert following is not first and following.step.takes_text
        assert screen.session.record_for(first).answer == "I didn't finish the report"
        assert screen.session.record_for(following).answer is None
        await screen.show_step()
        await pilot.pause()
        assert screen.query_one("#answer", TextArea).text == ""


async def test_the_apps_markdown_export_names_a_catch_as_the_command_line_does(
    tmp_path: Path,
) -> None:
    """The app's export headed a catch "### catch" (its id); `reflections export` said
    "### Caught in the moment". The core names it now, whoever asks."""
    from tui.core.catch import KIND, TITLE

    target = tmp_path / "out.md"
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "I always ruin everything", "enter")
        await settle(pilot)
        await type_text(pilot, "Some days go badly and I learn", "enter")
        await settle(pilot)
        await pilot.press("escape", "r")
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("tab", "tab")
        app.screen.query_one("#path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
    text = target.read_text(encoding="utf-8")
    assert f"### {TITLE}" in text
    assert "### catch" not in text
    from tui.core.reflections_io import OWN_TITLES

    assert OWN_TITLES[KIND] == TITLE  # the core's two spellings of it stay one


async def test_minutes_typed_in_the_custom_field_are_the_length_saved(tmp_path: Path) -> None:
    """With "5 minutes" chosen, typing 7 in "minutes (1-60)" and saving said "Settings saved."
    and kept 5: the minutes typed did nothing."""
    from textual.widgets import Input

    from tui.screens.settings import SettingsScreen

    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.settings.session_minutes == 5
        app.screen.query_one("#custom-minutes", Input).focus()
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    assert app.settings.session_minutes == 7
    assert '"session_minutes": 7' in (tmp_path / "settings.json").read_text(encoding="utf-8")


async def test_a_long_row_in_past_reflections_still_says_unfinished(tmp_path: Path) -> None:
    """At 80 columns a four-exercise session's row was cut at the edge, "unfinished" with it:
    it looked finished. The exercises are shortened with "…" instead."""
    from sample_data import reflection

    from tui.core.storage import ReflectionStore
    from tui.widgets.reflection_list import ReflectionList

    record = reflection(
        1,
        0,
        "avoiding-something",
        "Some days are slow.",
        completed=False,
        exercises=[
            "avoiding-something",
            "lets-try-that-again",
            "self-compassion-break",
            "naming-the-critic",
        ],
    )
    ReflectionStore(tmp_path).save(record)
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        listing = app.screen.query_one(ReflectionList)
        await pilot.pause()
        line = "".join(segment.text for segment in listing.render_line(0)).rstrip()
        assert line.endswith("inner voice 7 → 4 · unfinished"), line
        assert "· When you're putting so" in line and "…" in line
        assert len(line) <= listing.size.width
        await pilot.resize_terminal(200, 24)
        await pilot.pause()
        wide = "".join(segment.text for segment in listing.render_line(0)).rstrip()
        assert "…" not in wide and wide.endswith(
            "Naming the critic · The inner critic is loud · inner voice 7 → 4 · unfinished"
        ), wide


async def test_the_new_exercise_form_says_what_is_missing_in_its_own_words(
    tmp_path: Path,
) -> None:
    """Saved with only a title, the form listed the file checker's words: "summary: expected
    some text, found an empty string", "steps: missing required key "steps" (add at least one
    [[steps]])". A form has no keys or TOML."""
    from textual.widgets import Input

    from tui.widgets.literal_text import LiteralText

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_new_exercise_form(pilot)
        form.query(Input).first().value = "My pause"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        shown = str(form.query_one("#problems", LiteralText).render())
    assert "Summary: please write one sentence on what it's for." in shown
    assert "When does it fit? Please choose at least one." in shown
    assert "Steps: please add at least one step." in shown
    for jargon in ("[[steps]]", "empty string", "required key", "expected"):
        assert jargon not in shown, shown
    assert not (tmp_path / "exercises").exists()


def _a_saved_catch(data_dir: Path) -> str:
    from tui.core.catch import start_catch
    from tui.core.phrases import PhraseStore
    from tui.core.storage import ReflectionStore

    caught = start_catch("I always ruin everything", PhraseStore(data_dir))
    redirect = caught.propose("Some days go badly, and I learn.")
    assert redirect is not None
    caught.keep(redirect)
    record = caught.to_record()
    ReflectionStore(data_dir).save(record)
    return str(record["id"])


def test_reflections_show_says_no_ratings_were_skipped_for_a_catch(
    tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    """A catch asks no ratings, yet `reflections show` said "Inner voice: skipped" and
    "Tension: skipped"; a session whose ratings were skipped still says so."""
    import io
    import sys

    from sample_data import reflection

    import tui.cli
    from tui.core.storage import ReflectionStore

    catch_id = _a_saved_catch(tmp_path)
    skipped = reflection(2, 1, "just-a-thought", "A thought.")
    skipped["ratings"] = {"before": {"harsh": None}, "after": {"harsh": None}}
    ReflectionStore(tmp_path).save(skipped)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert tui.cli.main(["--data-dir", str(tmp_path), "reflections", "show", catch_id]) == 0
    shown = capsys.readouterr().out
    assert "Caught in the moment" in shown
    assert "skipped" not in shown and "Inner voice" not in shown, shown
    assert tui.cli.main(["--data-dir", str(tmp_path), "reflections", "show", skipped["id"]]) == 0
    assert "Inner voice: skipped" in capsys.readouterr().out


async def test_a_catch_read_in_the_app_has_no_empty_ratings_line(tmp_path: Path) -> None:
    """The detail of a catch showed "Inner voice – → – · tension – → –": nothing was asked."""
    from textual.widgets import Static

    _a_saved_catch(tmp_path)
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = "\n".join(str(w.render()) for w in app.screen.query(Static))
    assert "I always ruin everything" in text
    assert "Inner voice" not in text, text


def test_a_piped_catch_on_a_locked_store_reads_the_passphrase_then_the_words(
    tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    """`printf 'PASS\\nwords\\n' | kindtone catch` on a locked store ended in a traceback:
    stdin was reconfigured after the passphrase had been read from it."""
    import io
    import sys

    import tui.cli
    from tui.core import vault
    from tui.core.locking import lock_folder
    from tui.core.storage import ReflectionStore

    data = tmp_path / "data"
    ReflectionStore(data)  # the folder, as a first start makes it
    lock_folder(data, "correct horse battery")
    vault.forget()  # a new process: no key in memory
    piped = "correct horse battery\nI always ruin everything\nSome days go badly, and I learn.\n"
    stdin = io.TextIOWrapper(io.BytesIO(piped.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code = tui.cli.main(["--data-dir", str(data), "catch"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert code == 0, err
    assert "saved it to your reflections" in out
    vault.forget()
    stdin = io.TextIOWrapper(io.BytesIO(b"correct horse battery\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert tui.cli.main(["--data-dir", str(data), "reflections", "list", "--json"]) == 0
    assert "Some days go badly, and I learn." in capsys.readouterr().out


async def test_the_home_menu_offers_the_catch(tmp_path: Path) -> None:
    """Found walking the app: the catch was only the `c` key (hidden from the footer to keep
    F2 in view), so nothing on the home screen led to it."""
    from textual.widgets import OptionList

    for size in ((80, 24), (60, 20)):  # the care note still shows whole below the menu
        app = KindtoneApp(data_dir=tmp_path)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            note = app.screen.query_one("#care-note")
            assert note.region.height == 2 and note.region.bottom <= size[1] - 1, size
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#home-actions", OptionList)
        menu.highlighted = menu.get_option_index("catch")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CatchScreen)


async def test_a_country_that_is_no_code_is_said_and_not_saved(tmp_path: Path) -> None:
    """Found walking the app: "[/]GB" was saved as the country ("Settings saved.") and then
    matched no country's lines. Now it says what a code looks like, and saves nothing."""
    from textual.widgets import Input

    from tui.core.settings import country_problem
    from tui.screens.settings import SettingsScreen

    assert country_problem("") is None and country_problem(" gb ") is None
    assert country_problem("[/]GB") and country_problem("USA") and country_problem("G1")
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#country", Input).value = "[/]GB"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.focused is app.screen.query_one("#country", Input)
        assert app.settings.country == ""
        app.screen.query_one("#country", Input).value = "gb"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    assert app.settings.country == "GB"


def test_a_long_finished_row_ends_with_an_ellipsis_not_mid_word() -> None:
    """Found at 60 columns (tmux): a finished session of three exercises, not rated, was cut
    at the edge: "… A kind pause, J". With nothing after the exercises to keep in view, the
    row still ends in "…" within the width."""
    from sample_data import reflection

    from tui.core.reflection_index import Row
    from tui.screens.reflections import describe_row

    record = reflection(1, 0, "self-compassion-break", "A day.", completed=True)
    record["exercises"] = ["self-compassion-break", "lets-try-that-again", "naming-the-critic"]
    record["ratings"] = {"before": {}, "after": {}}  # not rated
    row = Row.from_record(record)
    assert row is not None
    titles = {e: e.replace("-", " ").capitalize() for e in record["exercises"]}
    whole = describe_row(row, titles)
    assert "inner voice" not in whole and "unfinished" not in whole, whole
    line = describe_row(row, titles, width=56)
    assert len(line) == 56 and line.endswith("…") and whole.startswith(line[:-1].rstrip()), line
    assert describe_row(row, titles, width=len(whole)) == whole


async def test_the_new_exercise_form_names_a_missing_number_and_a_steps_blank_field_by_its_label(
    tmp_path: Path,
) -> None:
    """Session 12 walk: minutes emptied in the form said 'minutes: expected a whole number, found
    the text ""', and a Rate step left blank 'step 1: missing required key "low"': the file
    checker's words, in a form that shows neither keys nor TOML."""
    from textual.widgets import Input

    from tui.widgets.literal_text import LiteralText

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_new_exercise_form(pilot)
        form.query_one("#title", Input).value = "My pause"
        form.query_one("#minutes", Input).value = ""
        rate = await form.add_step("rate")
        next(w for w in rate.query(Input) if w.name == "prompt").value = "How calm?"
        breathe = await form.add_step("breathe")
        next(w for w in breathe.query(Input) if w.name == "exhale").value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        shown = str(form.query_one("#problems", LiteralText).render())
    assert "About how many minutes? Please write a number from 1 to 15." in shown
    assert "Step 1, “What 0 means”: please write something here." in shown
    assert "Step 1, “What 10 means”: please write something here." in shown
    assert "Step 2, “Seconds out”: please write a number from 1 to 12." in shown
    for jargon in ("required key", "expected", "found", "minutes:", "low", "exhale"):
        assert jargon not in shown, shown


async def test_a_broken_exercise_files_reason_wraps_under_its_name_in_the_library(
    tmp_path: Path,
) -> None:
    """Session 12 walk, 80x24: under "Not loaded", a long reason ran back to the list's edge
    ("  broken.toml: (syntax): not valid TOML: a line ends inside a quoted" / "string (is a
    closing quote missing?)"), out of line with the file it belongs to. Shown literally."""
    from textual.widgets import OptionList

    from tui.screens.library import LibraryScreen

    folder = tmp_path / "exercises"
    folder.mkdir(mode=0o700)
    (folder / "broken.toml").write_text('id = "broken"\ntitle = "Broken [b]one[/b]\n')
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        options = app.screen.query_one(OptionList)
        index = next(
            n
            for n in range(options.option_count)
            if (options.get_option_at_index(n).id or "").startswith("broken:")
        )
        options.highlighted = index
        await pilot.pause()
        lines = [
            "".join(segment.text for segment in options.render_line(y))
            for y in range(options.size.height)
        ]
    first = next(n for n, line in enumerate(lines) if "broken.toml" in line)
    column = lines[first].index("broken.toml")
    rest = lines[first + 1]
    # Session 13: the row said "broken.toml: (syntax): not valid TOML…", the file checker's
    # tag; it says the line in words instead.
    assert "broken.toml, line 2: not valid TOML" in lines[first], lines
    assert "(syntax)" not in "".join(lines)
    assert rest.strip("▊▎ "), lines  # the reason took two lines at 80 columns
    assert rest[:column].strip("▊ ") == "" and rest[column] != " ", (lines[first], rest)


def test_importing_a_markdown_export_says_so_and_how_to_make_one_that_imports(
    tmp_path: Path, capsys: Any
) -> None:
    """Session 12 walk: `reflections import` of kindtone's own Markdown export said "it is not
    valid JSON … Was it changed by hand? Check that line for a missing comma, quote or
    bracket", as if the user had broken a file."""
    from tui.cli import main

    _a_saved_catch(tmp_path)
    exported = tmp_path / "mine.md"
    assert (
        main(["--data-dir", str(tmp_path), "reflections", "export", "--output", str(exported)]) == 0
    )
    assert exported.read_text(encoding="utf-8").startswith("# Reflections")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "reflections", "import", str(exported)]) == 1
    said = capsys.readouterr().err
    assert "this is a Markdown export, made for reading" in said
    assert "kindtone reflections export --format json" in said
    assert "changed by hand" not in said and "not valid JSON" not in said


async def test_an_unfinished_session_is_offered_with_its_day_as_it_is_said(
    tmp_path: Path,
) -> None:
    """Session 12 walk (killed the app mid-session on 4 December, started it again): "You have
    an unfinished session from Friday 04 December, 01:23". Every other date reads "Friday 4
    December"; the plain offer, the reflection's page and its delete question said "04" too."""
    from datetime import UTC, datetime

    from tui.core.exercises import load_library
    from tui.core.flow import DraftOffer
    from tui.core.session import Session
    from tui.core.storage import ReflectionStore
    from tui.screens.resume import ResumeScreen
    from tui.widgets.literal_text import LiteralText

    crashed = Session([load_library().exercises["noticing-the-critic"]], minutes_planned=2)
    crashed.started_at = datetime(2026, 12, 4, 1, 23, tzinfo=UTC)
    crashed.answer(None)
    crashed.record_for(crashed.steps[1]).answer = "I snapped at my sister"
    ReflectionStore(tmp_path).save_draft(crashed.to_draft())
    assert "from Friday 4 December, 01:23" in DraftOffer(crashed.to_draft(), crashed).question()
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        said = " ".join(str(p.render()) for p in app.screen.query(LiteralText))
    assert "from Friday 4 December, 01:23" in said, said
    assert " 04 " not in said


async def test_the_too_small_message_wraps_to_a_narrow_window_not_cut_off(tmp_path: Path) -> None:
    """Session 12 walk, a 30x10 tmux window: "Could you make the window" / "kindtone needs at
    least 60 ×" / "kept as it i": laid out 50 columns wide and cut to 30."""
    from tui.screens.too_small import TooSmallScreen
    from tui.widgets.literal_text import LiteralText

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(30, 10)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        words = app.screen.query_one("#too-small", LiteralText)
        assert words.region.right <= 30, words.region
        drawn = " ".join(
            "".join(segment.text for segment in words.render_line(y)).strip()
            for y in range(words.size.height)
        )
    assert drawn == (
        "Could you make the window a little bigger? kindtone needs at least 60 × 20. "
        "Everything is kept as it is."
    ), drawn


async def test_a_catch_that_cant_be_saved_says_where_and_why_once_and_keeps_the_words_to_copy(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """Session 12 walk, a read-only data folder: a toast said "This couldn't be saved: Your
    reflection could not be saved: the disk is read-only. Your words: … / …" and went after
    15 s, words and all. Now as a session says it, with the words in a box to copy."""
    import errno
    import os

    from textual.widgets import TextArea

    from tui.core import atomic
    from tui.screens.unsaved import UnsavedScreen

    real = os.replace

    def read_only(*args: Any, **kwargs: Any) -> Any:
        if Path(os.fsdecode(args[1])).parent.name == "reflections":
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(args[1]))
        return real(*args, **kwargs)

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(atomic.os, "replace", read_only)
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "I never get anything right", "enter")
        await settle(pilot)
        await type_text(pilot, "Today was messy and I did [b]my best[/b].", "enter")
        await settle(pilot)
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        said = app.screen.message
        words = app.screen.query_one("#unsaved-words", TextArea).text
    assert said.startswith(f"Nothing could be written to {tmp_path} (the disk is read-only).")
    assert said.count("could not be saved") + said.count("couldn't be saved") == 0, said
    assert "I never get anything right" in words
    assert "Today was messy and I did [b]my best[/b]." in words


async def test_a_long_settings_choice_wraps_at_60_columns_not_cut(tmp_path: Path) -> None:
    """Session 12 walk, Settings at 60x20: "▐ ▌ Reduced motion (a gentle count instead of the
    brea", the rest past the window's edge (Textual draws a checkbox on one line)."""
    from tui.screens.settings import SettingsScreen
    from tui.widgets.toggles import Tick

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        tick = app.screen.query_one("#reduced-motion", Tick)
        assert tick.region.right <= 60, tick.region
        drawn = " ".join(
            "".join(segment.text for segment in tick.render_line(y)).strip()
            for y in range(tick.size.height)
        )
    assert drawn.endswith("Reduced motion (a gentle count instead of the breathing animation)")


def test_lock_on_a_locked_folder_says_it_is_locked_before_asking(
    tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    """Session 12 walk: `kindtone lock` at a terminal, already locked, showed only
    "Passphrase: ". Read as "choose one", a new passphrase typed there was told "That
    passphrase doesn't open your reflections." It says it is already locked, and why it asks."""
    from tui.cli import main
    from tui.commands import secret
    from tui.core import vault
    from tui.core.locking import lock_folder

    lock_folder(tmp_path, "first pass phrase")
    vault.forget()
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return "a brand new phrase"

    monkeypatch.setattr(secret, "read_secret", typed)
    assert main(["--data-dir", str(tmp_path), "lock"]) == 1
    assert asked and asked[0].startswith("Your reflections are already locked."), asked
    assert "That passphrase doesn't open your reflections." in capsys.readouterr().err


async def _open_export(pilot: Pilot[Any]) -> Any:
    """Home → past reflections → x: the export dialog, over the list."""
    from tui.screens.export import ExportScreen
    from tui.screens.reflections import ReflectionsScreen
    from tui.widgets.reflection_list import ReflectionList

    app = pilot.app
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(app.screen, ReflectionsScreen)
    app.screen.query_one(ReflectionList).focus()
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    return app.screen


async def test_a_json_name_typed_in_the_apps_export_writes_json(tmp_path: Path) -> None:
    """Session 12 walk: in the app's export, Markdown chosen (the default) and "~/walk-x.json"
    typed wrote Markdown into walk-x.json, which `reflections import` then refused. A name
    ending in .json chooses JSON, as on the command line; .md chooses Markdown again."""
    import json

    from textual.widgets import Input

    from tui.screens.export import ExportScreen
    from tui.widgets.toggles import Choice

    _a_saved_catch(tmp_path)
    target = tmp_path / "mine.json"
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        export = await _open_export(pilot)
        path = export.query_one("#path", Input)
        path.focus()
        path.value = str(tmp_path / "mine.json.md")
        await pilot.pause()
        assert export.query_one("#format-md", Choice).value
        await pilot.press("end", "backspace", "backspace", "backspace", "enter")  # mine.json
        await settle(pilot)
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "kindtone-reflections"


async def test_the_apps_export_to_a_folder_that_does_not_exist_names_the_folder(
    tmp_path: Path,
) -> None:
    """Session 13: exporting to ~/exports/mine.md, with no ~/exports yet, said only "Couldn't
    write …: No such file or directory". It names the missing folder and what to do, as the
    command line does, and the dialog stays open with the name as typed."""
    from textual.widgets import Input

    from tui.widgets.literal_text import LiteralText

    _a_saved_catch(tmp_path)
    target = tmp_path / "exports" / "mine.md"
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        export = await _open_export(pilot)
        path = export.query_one("#path", Input)
        path.focus()
        path.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.screen is export
        said = str(export.query_one("#export-status", LiteralText).render())
    assert f"there is no folder {tmp_path / 'exports'}; make it first" in said, said
    assert not (tmp_path / "exports").exists()


async def test_a_draft_with_nothing_written_is_not_offered_as_words_kept(tmp_path: Path) -> None:
    """Session 13 walk: every step skipped, the app killed at the check-out; the next start
    said "Everything you wrote is still here. Not now keeps it in your reflections" of a
    session with no words, and Not now kept nothing. The offer says what is true, in the
    app and in plain mode (one sentence from the core)."""
    import io

    from tui.core.exercises import load_library
    from tui.core.flow import NOTHING_WRITTEN_YET, WORDS_KEPT
    from tui.core.session import Session
    from tui.core.settings import Settings
    from tui.core.storage import ReflectionStore
    from tui.plain import run_plain
    from tui.screens.resume import ResumeScreen

    empty = Session([load_library().exercises["noticing-the-critic"]], minutes_planned=2)
    empty.answer(None)
    empty.skip()
    ReflectionStore(tmp_path).save_draft(empty.to_draft())
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        said = " ".join(str(p.render()) for p in app.screen.query(LiteralText))
    assert NOTHING_WRITTEN_YET in said, said
    assert WORDS_KEPT not in said and "Everything you wrote" not in said

    stdout = io.StringIO()
    run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        stdin=io.StringIO("maybe\nn\n/leave\n"),
        stdout=stdout,
        exercise_id="just-a-thought",
    )
    out = stdout.getvalue()
    assert "or n to let it go." in out, out
    assert "keep it in your reflections" not in out
    assert ReflectionStore(tmp_path).list() == [] and ReflectionStore(tmp_path).load_draft() is None


def test_a_misspelt_key_in_a_step_is_one_mistake_not_two_in_later_steps(tmp_path: Path) -> None:
    """Session 13 walk, a clinician's first exercise: `promt = ...` in the step with
    `id = "worry"` also reported the next step's "{worry} does not name an earlier answer
    (known: none yet)", which was right. A broken step still names its answer; a near miss
    ({wory}, source "critc", type "breath") says what was probably meant."""
    from tui.core.exercises import parse_exercise

    path = tmp_path / "worry-time.toml"
    path.write_text(
        'id = "worry-time"\ntitle = "Worry time"\nsummary = "Park it."\nminutes = 2\n'
        'situations = ["overwhelmed"]\n\n'
        '[[steps]]\ntype = "write"\nid = "worry"\npromt = "What is the worry?"\n\n'
        '[[steps]]\ntype = "write"\nid = "critic"\nprompt = "Back to {worry} when?"\n\n'
        '[[steps]]\ntype = "read"\ntext = "{wory} can wait."\n\n'
        '[[steps]]\ntype = "reframe"\nsource = "critc"\nprompt = "Say it kindly."\n\n'
        '[[steps]]\ntype = "breath"\ninhale = 4\nexhale = 6\ncycles = 3\n',
        encoding="utf-8",
    )
    _, problems = parse_exercise(path)
    said = "\n".join(str(p) for p in problems)
    assert "{worry} does not name" not in said, said
    assert "steps[0].promt" in said and '(did you mean "prompt"?)' in said
    assert (
        "{wory} does not name an earlier answer (known: worry, critic; did you mean {worry}?)"
        in said
    )
    assert 'found "critc" (did you mean "critic"?)' in said
    assert 'found the text "breath" (did you mean "breathe"?)' in said


async def test_the_box_typed_in_is_on_screen_at_60_by_20_under_a_quote_and_kind_words(
    tmp_path: Path,
) -> None:
    """Session 13 walk, a 60x20 tmux window: a reframe step with the harsh words quoted and
    one kind word offered put its text box below the step area's edge (scrolled to the top,
    no room). The focus was in it, so words typed there went in unseen."""
    from textual.widgets import TextArea

    from tui.core.phrases import PhraseStore
    from tui.screens.session import SessionScreen

    PhraseStore(tmp_path).add("Dear me, you had a rough week and you still showed up.")
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path, start_exercise="shifting-tone")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        harsh = "I'm a terrible daughter and I always forget the people who matter"
        while (planned := screen.flow.current) is not None and planned.step.type != "reframe":
            if planned.step.takes_text:
                screen.flow.submit(harsh)
                if screen.flow.current is planned:
                    screen.flow.keep_as_is()
            else:
                screen.flow.skip()
        await screen.show_step()
        await pilot.pause()
        await pilot.pause()
        box = screen.query_one("#answer", TextArea)
        area = screen.query_one("#step-area")
        assert app.focused is box
        assert area.region.contains_region(box.region), (box.region, area.region)


async def test_a_catch_with_a_kind_word_offered_shows_the_box_for_kinder_words(
    tmp_path: Path,
) -> None:
    """Session 13 walk, 80x24 (NO_COLOR): with one kind word offered, "How would you say it
    kindly?" had its box below the page's edge, focused, and typing there went in unseen.
    The page was measured for scrolling before the kind words were on it."""
    from textual.widgets import Input

    from tui.core.phrases import PhraseStore

    PhraseStore(tmp_path).add("Dear me, you had a rough week and you still showed up.")
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "I'm so stupid, I always ruin everything", "enter")
        await settle(pilot)
        await pilot.pause()
        box = app.screen.query_one("#catch-kind", Input)
        page = app.screen.query_one("#catch", VerticalScroll)
        assert app.focused is box
        assert page.region.contains_region(box.region), (box.region, page.region)


def test_words_typed_but_not_yet_sent_keep_their_question_in_the_draft(tmp_path: Path) -> None:
    """Session 13 walk: words typed at a reframe step, then the terminal closed; "Not now" kept
    the session as unfinished, and its page showed the words under an empty heading "(0 s)":
    the draft had the words but not the question they answer."""
    from tui.core.exercises import load_library
    from tui.core.flow import DraftOffer, SessionFlow, keep_declined_draft
    from tui.core.session import Session
    from tui.core.storage import ReflectionStore

    library = load_library()
    store = ReflectionStore(tmp_path)
    session = Session([library.exercises["noticing-the-critic"]], minutes_planned=2)
    flow = SessionFlow(session, store)
    while not session.current.step.takes_text:  # type: ignore[union-attr]
        flow.submit(None)
    planned = session.current
    assert planned is not None
    flow.note_text("typed, not sent")
    store.save_draft(session.to_draft())
    draft = store.load_draft()
    assert draft is not None
    offer = DraftOffer(draft, Session.from_draft(draft, library))
    assert keep_declined_draft(store, offer).saved
    (record,) = store.list()
    (step,) = [s for s in record["steps"] if s["answer"] == "typed, not sent"]
    assert step["prompt"] == session.prompt_for(planned) != ""


def test_exercises_list_with_a_linked_folder_does_not_send_you_to_validate(
    tmp_path: Path, capsys: Any
) -> None:
    """Session 13 walk: the exercises folder made a link, `exercises list` said "1 file could
    not be loaded; to see every problem: kindtone exercises validate …/exercises", and that
    read through the link and said "2 files checked: all valid". The link is the problem."""
    import tui.cli

    real = tmp_path / "elsewhere"
    real.mkdir()
    (real / "mine.toml").write_text(
        'id = "mine"\ntitle = "Mine"\nsummary = "A tiny one."\nminutes = 1\n'
        'situations = ["practice"]\n\n[[steps]]\ntype = "read"\ntext = "Hello."\n',
        encoding="utf-8",
    )
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "exercises").symlink_to(real)
    assert tui.cli.main(["--data-dir", str(data), "exercises", "list"]) == 0
    out = capsys.readouterr().out
    assert "is a symbolic link" in out
    assert "validate" not in out and "could not be loaded" not in out, out
    assert "That folder is a link, so none of your own exercises were loaded." in out


def test_lines_pasted_together_in_plain_mode_are_one_answer(tmp_path: Path) -> None:
    """Session 13 walk, `kindtone session --plain` in tmux: three lines pasted at "What is
    the critic saying?" kept only the first; the second and third went to "How does it
    sound?" ("Please type one of the numbers." twice), where a write step would have saved
    them as its answer. At a terminal, lines that come in together are one answer."""
    import io
    import os
    import threading
    import time

    from tui.core.settings import Settings
    from tui.core.storage import ReflectionStore
    from tui.plain import run_plain

    master, slave = os.openpty()
    stdin = open(slave, encoding="utf-8", closefd=False)  # noqa: SIM115 - closed below
    stdout = io.StringIO()

    def shown(words: str) -> None:
        deadline = time.monotonic() + 5  # never a hang: the asserts below say what went wrong
        while words not in stdout.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)

    def person() -> None:
        os.write(master, b"\n")  # (Enter to continue)
        shown("Write its exact words")
        os.write(master, "I'm useless\nI always get it wrong 😤\nlike last time\n".encode())
        shown("Your choice")
        os.write(master, b"/leave\n")

    helper = threading.Thread(target=person, daemon=True)
    helper.start()
    try:
        run_plain(
            tmp_path,
            Settings(ask_ratings=False),
            stdin=stdin,
            stdout=stdout,
            exercise_id="noticing-the-critic",
        )
    finally:
        helper.join(timeout=5)
        stdin.close()
        os.close(slave)
        os.close(master)
    assert "Please type one of the numbers" not in stdout.getvalue()
    (record,) = ReflectionStore(tmp_path).list()
    answers = [s["answer"] for s in record["steps"] if s["answer"]]
    assert answers == ["I'm useless\nI always get it wrong 😤\nlike last time"], answers


async def test_a_support_line_wraps_under_its_words_not_under_its_bullet(tmp_path: Path) -> None:
    """Session 13 walk, F2 at 80x24 and 60x20: "• Emergency services: If you or someone else
    is in immediate" went on at the bullet's column ("call your local emergency number…"),
    so in a hard moment the lines ran together. Each wraps under its own words now."""
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await pilot.pause()
        rows = list(app.screen.query(".resource"))
        assert len(rows) >= 3, rows
        for row in rows:
            bullet, words = row.query(LiteralText)
            assert str(bullet.render()) == "•"
            # The words are a block of their own, right of the bullet: every wrapped line
            # starts at that column.
            assert words.region.x == bullet.region.x + 2, (bullet.region, words.region)
        assert rows[0].query(LiteralText).last().region.height > 1  # it does wrap at 60 columns


async def test_a_data_folder_that_cant_be_written_is_said_before_the_session(
    tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    """Session 13 walk, the data folder on a read-only mount (`unshare --mount`): home looked
    as ever, and only after the whole session did it say "Nothing could be written…". Said
    at the start now, in the app and by `session --plain`. (os.access is told the folder is
    not writable: these tests run as root, whom permissions don't stop.)"""
    import io
    import os

    import tui.cli
    import tui.core.datafolder as datafolder

    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode == os.W_OK and Path(path) == data:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(datafolder.os, "access", access)
    assert datafolder.unwritable_note(tmp_path / "absent") is None  # created when needed
    note = datafolder.unwritable_note(data)
    assert note is not None and str(data) in note and "can't be saved" in note

    seen: list[str] = []
    app = KindtoneApp(data_dir=data, config_dir=tmp_path)
    original = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (seen.append(message), original(message, **kw))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # In the home page (session 18: a toast over the menu hid it, then went).
        shown = str(app.screen.query_one("#folder-note").render())
    assert note in " ".join(shown.split()), shown
    assert seen == [], seen

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    tui.cli.main(["--data-dir", str(data), "--config-dir", str(tmp_path), "session", "--plain"])
    assert note in capsys.readouterr().err


def test_installing_a_new_version_under_a_new_name_says_how_to_replace_the_old(
    tmp_path: Path, capsys: Any
) -> None:
    """Session 13 walk, a clinician's second version of an exercise saved as
    kind-letter-v2.toml: install said only 'the id "kind-letter" is already used by
    …/kind-letter.toml'. Installing under the same file name replaces it (the README says
    so); the message says so where it is needed."""
    import tui.cli

    exercise = (
        'id = "kind-letter"\ntitle = "A kind letter"\nsummary = "Write kindly."\nminutes = 1\n'
        'situations = ["critic"]\n\n[[steps]]\ntype = "read"\ntext = "Hello."\n'
    )
    (tmp_path / "kind-letter.toml").write_text(exercise, encoding="utf-8")
    (tmp_path / "kind-letter-v2.toml").write_text(exercise.replace("Hello", "Hi"), "utf-8")
    data = ["--data-dir", str(tmp_path / "data"), "exercises", "install"]
    assert tui.cli.main([*data, str(tmp_path / "kind-letter.toml")]) == 0
    capsys.readouterr()
    assert tui.cli.main([*data, str(tmp_path / "kind-letter-v2.toml")]) == 1
    out = capsys.readouterr().out
    assert 'the id "kind-letter" is already used by' in out
    assert "which you installed (to replace it, install yours as kind-letter.toml)" in out, out


async def test_after_try_again_typing_replaces_the_harsh_words(tmp_path: Path) -> None:
    """Session 13, walked in tmux: after "Try again" the harsh words stayed in the box with the
    cursor at their end (and Ctrl+A only goes to the line's start), so the kind words were
    typed beside them and asked about again. The words are selected now: typing replaces
    them; an arrow key keeps them to edit."""
    from helpers_pty import rewrite_in_lets_try_again, session_opened
    from textual.widgets import TextArea

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await rewrite_in_lets_try_again(
            pilot,
            "I forgot Mum's birthday again, I'm such a failure",
            "I'm a loser and always will be",
        )
        await settle(pilot)
        await pilot.click("#try-again-button")
        await settle(pilot)
        box = app.screen.query_one("#answer", TextArea)
        assert box.has_focus
        await type_text(pilot, "I forgot, and I can still ring her tonight.")
        assert box.text == "I forgot, and I can still ring her tonight."
