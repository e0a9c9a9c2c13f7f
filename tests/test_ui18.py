"""Found in session 17's fresh-install walk, left on main, fixed in session 18 (the helper
"ui"): each test here failed before its fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_plain import plain_output

from tui.core.exercises import load_library
from tui.core.flow import SessionFlow
from tui.core.phrases import PhraseStore
from tui.core.session import Session
from tui.core.storage import ReflectionStore

# didnt-go-to-plan: the facts, a feeling, a read, something to take forward, then "What would
# you say to a friend if this had happened to them?" (a writing step checked for the critic).
HARSH_TO_A_FRIEND = "You idiot, you should have known better."
KIND_TO_A_FRIEND = "It happens to everyone, and you did your best with what you had."
UP_TO_THE_FRIEND = ["", "The train was late and I missed the interview", "1", "", "Leave earlier"]


def plain(tmp_path: Path, lines: list[str], exercise: str = "didnt-go-to-plan") -> str:
    return plain_output(tmp_path, lines, exercise)


def tried_twice_at_the_friend_step(tmp_path: Path) -> str:
    return plain(
        tmp_path, [*UP_TO_THE_FRIEND, HARSH_TO_A_FRIEND, "y", KIND_TO_A_FRIEND, "", "", ""]
    )


# -- 1. the summary shows every try, as the reflection's page does ----------------------------


def test_plain_summary_shows_both_tries_at_a_writing_step(tmp_path: Path) -> None:
    out = tried_twice_at_the_friend_step(tmp_path)
    summary = out[out.index("Thank you for practising") :]
    assert "try 1:" in summary and HARSH_TO_A_FRIEND in summary
    assert summary.index(HARSH_TO_A_FRIEND) < summary.index("try 2, kept:")
    assert summary.index("try 2, kept:") < summary.index(KIND_TO_A_FRIEND)


async def test_app_summary_shows_both_tries_at_a_writing_step(tmp_path: Path) -> None:
    from helpers_pty import screen_text_of, until, watch_start_up

    from tui.app import KindtoneApp
    from tui.screens.summary import SummaryScreen

    app = KindtoneApp(data_dir=tmp_path)
    started = watch_start_up(app)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, started, "start-up")
        flow = app.flow_for(Session([load_library().exercises["didnt-go-to-plan"]]))
        answers = iter(["The train was late", 0, None, "Leave earlier", HARSH_TO_A_FRIEND])
        while flow.current is not None and flow.current.step.id != "kind_words":
            flow.submit(next(answers) if flow.current.step.type != "read" else None)
        assert flow.submit(HARSH_TO_A_FRIEND).kind == "try-again"
        assert flow.continue_from_try_again(KIND_TO_A_FRIEND).kind == "moved"
        while not flow.finished:
            flow.submit(None)
        flow.session.finish()
        app.push_screen(SummaryScreen(flow))
        await pilot.pause()
        shown = " ".join(screen_text_of(app).split())
    assert f"try 1: {HARSH_TO_A_FRIEND}" in shown
    assert f"try 2, kept: {KIND_TO_A_FRIEND}" in shown


# -- 2. a kind version kept after trying again joins your kind words ---------------------------


def test_a_kind_version_kept_after_trying_again_joins_your_kind_words(tmp_path: Path) -> None:
    tried_twice_at_the_friend_step(tmp_path)
    (record,) = ReflectionStore(tmp_path).list()
    step = next(s for s in record["steps"] if s["id"] == "kind_words")
    assert step["versions"] == [HARSH_TO_A_FRIEND, KIND_TO_A_FRIEND]
    assert step["noticed"] and "original" not in step  # not counted as a rewrite in insights
    phrases = PhraseStore(tmp_path).list()
    assert [p.text for p in phrases] == [KIND_TO_A_FRIEND]
    assert set(phrases[0].patterns) == set(step["noticed"])


def test_a_first_kind_answer_or_a_harsh_one_kept_joins_nothing(tmp_path: Path) -> None:
    """Only a version that answered the critic heard in an earlier try is a rewrite; a kind
    first answer is no answer to anything, and a harsh one kept as it is never joins."""
    plain(tmp_path / "kind", [*UP_TO_THE_FRIEND, KIND_TO_A_FRIEND, "", "", ""])
    plain(tmp_path / "harsh", [*UP_TO_THE_FRIEND, HARSH_TO_A_FRIEND, "", "", "", ""])
    for folder in ("kind", "harsh"):
        (record,) = ReflectionStore(tmp_path / folder).list()
        step = next(s for s in record["steps"] if s["id"] == "kind_words")
        assert "noticed" not in step, folder
        assert PhraseStore(tmp_path / folder).list() == [], folder


# -- 6. `reflections export -o FILE` with nothing to export writes nothing ---------------------


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from tui.cli import main

    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("form", [["-o", "out.md"], ["--format", "json", "-o", "out.json"], []])
def test_export_with_no_reflections_says_so_and_writes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    form: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    data = str(tmp_path / "data")
    code, out, err = _cli(capsys, "--data-dir", data, "reflections", "export", *form)
    assert code == 1 and out == ""
    assert "Nothing to export: none saved yet. Nothing was written." in err
    assert not (tmp_path / "out.md").exists() and not (tmp_path / "out.json").exists()


def test_export_since_after_every_reflection_writes_nothing_but_kind_words_still_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    tried_twice_at_the_friend_step(tmp_path / "data")  # one reflection, one kind phrase
    base = ("--data-dir", str(tmp_path / "data"), "reflections", "export", "--since")
    code, _, err = _cli(capsys, *base, "2999-01-01", "-o", "later.md")
    assert code == 1 and "Nothing to export: none from 2999-01-01 on." in err
    assert not (tmp_path / "later.md").exists()
    code, _, err = _cli(capsys, *base, "2999-01-01", "-o", "later.json")
    assert code == 0 and "Exported 0 reflections" in err  # your kind words are in it
    assert KIND_TO_A_FRIEND in (tmp_path / "later.json").read_text()


# -- 7. words typed at a reading step: where to write them, true for what comes next -----------


def flow_for(tmp_path: Path, exercise: str) -> SessionFlow:
    library = load_library()
    return SessionFlow(Session([library.exercises[exercise]]), ReflectionStore(tmp_path))


def test_stray_words_before_another_reading_step_say_the_writing_prompt_comes_after_it(
    tmp_path: Path,
) -> None:
    # lets-try-that-again: read, read, write, read, reframe, read.
    flow = flow_for(tmp_path, "lets-try-that-again")
    said = flow.stray_words("I always get it wrong")
    assert said is not None and said.note is not None
    assert said.note.endswith(
        "The next step is for reading too; you can write it at a writing prompt after that.)"
    )
    assert "at the next writing prompt" not in said.note
    moved = flow.stray_words("I always get it wrong", said="next")  # shown on that reading step
    assert moved is not None and moved.note is not None
    assert moved.note.endswith("You can write it at a writing prompt a little later.)")
    flow.submit(None)  # on to the second reading step: a writing step comes next
    here = flow.stray_words("I always get it wrong")
    assert here is not None and here.note is not None
    assert here.note.endswith("You can write it at the next step.)")
    there = flow.stray_words("I always get it wrong", said="next")
    assert there is not None and there.note is not None
    assert there.note.endswith("You can write it here.)")


def test_stray_words_with_a_breath_or_no_writing_to_come(tmp_path: Path) -> None:
    # settling-breath: read, breathe, read, rate: no writing prompt at all.
    flow = flow_for(tmp_path, "settling-breath")
    said = flow.stray_words("so tired")
    assert said is not None and said.note is not None
    assert said.note.endswith("Copy it if you'd like to keep it.)")


async def test_the_app_says_write_it_here_on_the_writing_step_it_moves_to(
    tmp_path: Path,
) -> None:
    from helpers_keys import type_text
    from helpers_pty import session_opened

    from tui.app import KindtoneApp
    from tui.widgets.literal_text import LiteralText

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await session_opened(pilot)
        await pilot.press("ctrl+n")  # on to the second reading step
        await pilot.pause()
        await type_text(pilot, "I always get it wrong")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.flow.current.step.takes_text
        note = str(screen.query_one("#stray-note", LiteralText).render())
    note = " ".join(note.split())
    assert note.endswith("You can write it here.)"), note


# -- 4. reflections with nothing saved: focus on something to do, and say what to do ----------


async def test_empty_reflections_focus_start_a_session_and_say_what_to_do(tmp_path: Path) -> None:
    from helpers_pty import screen_text_of, until

    from tui.app import KindtoneApp
    from tui.screens.checkin import CheckInScreen
    from tui.screens.reflections import ReflectionsScreen

    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ReflectionsScreen), "reflections")
        await until(pilot, lambda: app.focused is not None, "focus on something")
        assert app.focused is not None and app.focused.id == "empty-start"
        shown = " ".join(screen_text_of(app).split())
        assert "Nothing here yet" in shown and "Start a session" in shown
        assert "Search everything you wrote" not in shown  # nothing to search
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "empty-catch"
        await pilot.press("shift+tab", "enter")
        await until(pilot, lambda: isinstance(app.screen, CheckInScreen), "the check-in")


# -- 3. a session started from the shell ends there, kept or finished --------------------------


def _exits(app: Any) -> list[str]:
    """Every exit the app asks for, with the message it prints as it closes."""
    said: list[str] = []
    real_exit = app.exit

    def exit_(*args: Any, message: Any = None, **kwargs: Any) -> None:
        said.append("" if message is None else str(message))
        real_exit(*args, message=message, **kwargs)

    app.exit = exit_
    return said


async def test_keep_what_i_wrote_in_a_session_from_the_shell_ends_in_the_shell(
    tmp_path: Path,
) -> None:
    from helpers_keys import type_text
    from helpers_pty import session_opened

    from tui.app import KindtoneApp

    app = KindtoneApp(data_dir=tmp_path, start_exercise="just-a-thought", return_to_shell=True)
    said = _exits(app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await session_opened(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.flow.current is not None and screen.flow.current.step.takes_text
        await type_text(pilot, "Nobody will ever want to work with me")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # "Keep what I wrote"
        await pilot.pause()
        assert not app.is_running or said, "it stayed open, on the home screen"
    assert said == ["What you wrote is kept as an unfinished reflection."]
    (record,) = ReflectionStore(tmp_path).list()
    assert record["completed"] is False


async def test_done_after_a_session_from_the_shell_ends_in_the_shell_as_leaving_does(
    tmp_path: Path,
) -> None:
    from helpers_pty import walk_session

    from tui.app import KindtoneApp
    from tui.screens.summary import SummaryScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="just-a-thought", return_to_shell=True)
    said = _exits(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_session(pilot, "A long day, and I'm tired")
        assert isinstance(app.screen, SummaryScreen) and app.screen.saved
        await pilot.press("enter")
        await pilot.pause()
    assert said == ["Saved to your reflections."]


async def test_back_at_the_check_in_of_kindtone_session_ends_in_the_shell(tmp_path: Path) -> None:
    from helpers_pty import until

    from tui.app import KindtoneApp
    from tui.screens.checkin import CheckInScreen

    app = KindtoneApp(data_dir=tmp_path, start_session=True, return_to_shell=True)
    said = _exits(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, CheckInScreen), "the check-in")
        await pilot.press("escape")
        await pilot.pause()
    assert said == [""]


async def test_sessions_started_inside_the_app_still_end_where_they_started(
    tmp_path: Path,
) -> None:
    """`kindtone session --exercise` with an id that isn't there starts nothing: the
    session started from home afterwards ends at home, as any session started in the app."""
    from helpers_pty import until, walk_session

    from tui.app import KindtoneApp
    from tui.screens.home import HomeScreen
    from tui.screens.summary import SummaryScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="no-such-one", return_to_shell=True)
    said = _exits(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        assert isinstance(app.screen, HomeScreen)  # nothing started from the shell
        app.start_single("just-a-thought")
        await walk_session(pilot, "A long day, and I'm tired")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
    assert said == []


# -- 5. a data folder others can open: said in the page, covering nothing ----------------------


@pytest.fixture
def short_folder() -> Iterator[Path]:
    """A data folder others can open, with a path short enough to read whole at 56 columns
    (a long one is folded mid-path, as any word longer than a line is)."""
    import os
    import shutil
    import tempfile

    data = Path(tempfile.mkdtemp(prefix="kt-", dir="/tmp"))
    os.chmod(data, 0o755)
    yield data
    shutil.rmtree(data, ignore_errors=True)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_data_folder_open_to_others_is_said_in_the_page_not_over_the_menu(
    tmp_path: Path, short_folder: Path, size: tuple[int, int]
) -> None:

    from helpers_pty import record_notifications, screen_text_of, until

    from tui.app import KindtoneApp

    data = short_folder
    app = KindtoneApp(data_dir=data, config_dir=tmp_path / "config")
    notes = record_notifications(app)
    async with app.run_test(size=size, notifications=True) as pilot:
        await until(pilot, lambda: bool(app.screen.query("#home-actions")), "home")
        await pilot.pause(0.7)  # past the start backup
        shown = " ".join(screen_text_of(app).split())
        # Where and why, and how to mend it:
        assert "Others on this computer can open your data folder." in shown
        assert f"chmod 700 {data}" in shown
        # ... and every control, and the care note, whole:
        for words in ("Start a 5-minute session", "Settings", "Help", "Quit"):
            assert words in shown, (words, shown)
        assert "Press F2 any time for support." in shown
        assert not app.screen.query("Toast"), "a toast over the page"
    assert notes == []


async def test_a_session_from_the_shell_says_it_at_its_first_step_with_the_buttons_seen(
    short_folder: Path,
) -> None:

    from helpers_pty import record_notifications, screen_text_of, session_opened

    from tui.app import KindtoneApp

    data = short_folder
    app = KindtoneApp(data_dir=data, start_exercise="didnt-go-to-plan", return_to_shell=True)
    notes = record_notifications(app)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await session_opened(pilot)
        shown = " ".join(screen_text_of(app).split())
        assert f"chmod 700 {data}" in shown
        assert "Back Skip Continue" in shown
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "chmod 700" not in screen_text_of(app)  # said once; it doesn't linger
    assert notes == []


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_data_folder_that_cant_be_written_leaves_the_menu_and_care_note_whole(
    tmp_path: Path, short_folder: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    import os

    from helpers_pty import screen_text_of, until

    import tui.core.datafolder as datafolder
    from tui.app import KindtoneApp

    os.chmod(short_folder, 0o700)
    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode == os.W_OK and Path(path) == short_folder:
            return False  # (as root, permissions stop nothing)
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(datafolder.os, "access", access)
    app = KindtoneApp(data_dir=short_folder, config_dir=tmp_path / "config")
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: bool(app.screen.query("#home-actions")), "home")
        await pilot.pause()
        shown = " ".join(screen_text_of(app).split())
    assert f"can't write to your data folder {short_folder}" in shown
    assert "Quit" in shown and "Press F2 any time for support." in shown
