"""Findings from walking through kindtone as a new user would (session 14, helper "walk")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers_keys import type_text
from helpers_pty import record_notifications
from textual.pilot import Pilot

import tui.core.backups as backups
from tests.sample_data import seed
from tui.app import KindtoneApp
from tui.core.backups import BackupError, backup_problem
from tui.screens.catch import CatchScreen

DISK_FULL = BackupError(
    "Today's backup could not be written: the disk is full. Your reflections are unchanged."
)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _backups_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: Any, **_kwargs: Any) -> None:
        raise DISK_FULL

    monkeypatch.setattr(backups, "take_daily_backup", full)


def test_a_failed_backup_is_told_once_and_saved_only_after_a_save() -> None:
    """It said "Today's backup couldn't be made (Today's backup could not be written: …
    unchanged.). Your reflection is saved.": the same thing twice, a full stop inside the
    brackets, and "saved" even as the app opened, when nothing had just been saved."""
    opening = backup_problem(DISK_FULL, after_save=False)
    assert opening == str(DISK_FULL)
    assert "saved" not in opening
    after = backup_problem(DISK_FULL, after_save=True)
    assert after.count("backup") == 1 and "(" not in after
    assert after.endswith("What you just wrote is saved.")
    # Errors that don't say which backup (a link, a busy lock) are put in context.
    busy = backup_problem(BackupError("Another window is busy; try again."), after_save=False)
    assert busy.startswith("Today's backup couldn't be made. Another window is busy")


async def test_a_backup_failing_as_the_app_opens_does_not_say_anything_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened on a full disk with a history, the start-of-day backup failed and the app said
    "Your reflection is saved." before anyone had written a word."""
    seed(tmp_path)
    _backups_fail(monkeypatch)
    app = KindtoneApp(data_dir=tmp_path)
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.7)  # the start backup waits half a second
        await settle(pilot)
        said = [message for _severity, _title, message in notes if "backup" in message]
        assert said == [str(DISK_FULL)], notes


async def test_a_backup_failing_after_a_catch_says_the_catch_is_saved_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _backups_fail(monkeypatch)
    app = KindtoneApp(data_dir=tmp_path)
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CatchScreen)
        await type_text(pilot, "I always ruin everything", "enter")
        await settle(pilot)
        await type_text(pilot, "One evening went badly, and I am learning.", "enter")
        await settle(pilot)
        said = [message for _severity, _title, message in notes if "backup" in message]
        # (The start-of-day backup, half a second after opening, may also have been tried.)
        assert f"{DISK_FULL} What you just wrote is saved." in said, notes
        assert set(said) <= {str(DISK_FULL), f"{DISK_FULL} What you just wrote is saved."}


def messages_on_exit(app: KindtoneApp) -> list[str]:
    """What the app leaves printed in the terminal as it closes (App.exit's message)."""
    printed: list[str] = []
    exit_app = app.exit

    def exit(*args: Any, message: Any = None, **kwargs: Any) -> None:
        printed.append(str(message))
        exit_app(*args, message=message, **kwargs)

    app.exit = exit  # type: ignore[method-assign]
    return printed


async def _write_then_leave(pilot: Pilot[Any], *keys: str) -> None:
    """In a session of "Shifting tone": words in its first text box, then ``keys``."""
    from tui.screens.leave import LeaveScreen
    from tui.screens.session import SessionScreen

    app = pilot.app
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    while not screen.session.current.step.takes_text:
        await pilot.press("ctrl+n")
        await pilot.pause()
    await type_text(pilot, "I froze in the meeting")
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(app.screen, LeaveScreen)
    await pilot.click("#keep")
    await settle(pilot)


KEPT = "What you wrote is kept as an unfinished reflection."


async def test_keeping_what_you_wrote_on_leaving_says_it_is_kept(tmp_path: Path) -> None:
    """Esc, "Keep what I wrote": the app went home without a word (plain mode says it), and at
    2 a.m. nobody could tell whether the words were kept."""
    from tui.core.storage import ReflectionStore

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path, start_exercise="shifting-tone")
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_then_leave(pilot, "escape")
        assert [message for _s, _t, message in notes] == [KEPT]
    kept = ReflectionStore(tmp_path).list()
    assert len(kept) == 1 and not kept[0]["completed"]


async def test_keeping_what_you_wrote_on_quitting_says_it_as_the_app_closes(
    tmp_path: Path,
) -> None:
    """ctrl+q, "Keep what I wrote": the terminal is left with the same words."""
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path, start_exercise="shifting-tone")
    printed = messages_on_exit(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_then_leave(pilot, "ctrl+q")
    assert app.return_code == 0
    assert printed == [KEPT]


def test_three_wrong_passphrases_at_a_terminal_end_with_the_way_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forgotten passphrase: three tries, then only "That passphrase doesn't open your
    reflections." and back at the prompt, with no word of the recovery key that opens them.
    Piped (one try), it stays one line."""
    import getpass
    import io
    import sys

    import tui.cli
    from tui.core import vault
    from tui.core.locking import lock_folder

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    data_dir = tmp_path / "data"
    seed(data_dir)
    lock_folder(data_dir, "the right passphrase")
    vault.forget()
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "not the one")
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    assert tui.cli.main(["--data-dir", str(data_dir), "reflections", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("That passphrase doesn't open your reflections.") == vault.TRIES
    assert err.rstrip().endswith(vault.FORGOTTEN)
    assert "recovery key" in vault.FORGOTTEN

    class Piped(Terminal):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", Piped("not the one\n"))
    assert tui.cli.main(["--data-dir", str(data_dir), "reflections", "list"]) == 1
    assert "recovery key" not in capsys.readouterr().err


async def test_the_apps_last_wrong_passphrase_says_the_recovery_key_opens_them_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Input

    from tui.core import vault
    from tui.core.locking import lock_folder

    data_dir = tmp_path / "data"
    seed(data_dir)
    lock_folder(data_dir, "the right passphrase")
    vault.forget()
    monkeypatch.setattr(vault, "try_secret", lambda _data_dir, _secret: False)
    app = KindtoneApp(data_dir=data_dir, config_dir=tmp_path / "config")
    printed = messages_on_exit(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(vault.TRIES):
            app.screen.query_one("#passphrase", Input).value = "not the one"
            await pilot.press("enter")
            await settle(pilot)
    assert app.return_code == 1
    assert printed == [f"That passphrase doesn't open your reflections.\n{vault.FORGOTTEN}"]


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_library_footer_says_enter_starts_an_exercise(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """Read from the footer, the library offered preview, new and editor but not how to
    start: the list's own Enter (hidden) stood in front of the screen's "enter Start"."""
    from tui.screens.library import LibraryScreen
    from tui.screens.session import SessionScreen
    from tui.widgets.footer import KeysFooter

    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        shown = [entry.description for _x, entry in app.screen.query_one(KeysFooter).shown()]
        assert "Start" in shown, shown
        line = "".join(s.text for s in app.screen._compositor.render_strips()[-1])
        assert "Start" in line, line
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


def test_help_names_every_key_of_every_screen() -> None:
    """Read for every key, Help left out the catch's, your kind words' (s, d, a), insights'
    (k), the support screen's (b) and ctrl+o in a session: a keyboard-only user who learns
    the keys from Help never found them. Arrow keys and hidden moves within a list aside."""
    from textual.binding import Binding

    from tui.screens.catch import CatchScreen
    from tui.screens.help import KEYS
    from tui.screens.home import HomeScreen
    from tui.screens.insights import InsightsScreen
    from tui.screens.kind_words import KindWordsScreen
    from tui.screens.library import ExerciseList, LibraryScreen
    from tui.screens.reflections import ReflectionsScreen
    from tui.screens.session import SessionScreen
    from tui.screens.settings import SettingsScreen
    from tui.screens.summary import SummaryScreen
    from tui.screens.support import SupportScreen

    rows = dict(KEYS)
    where = {
        HomeScreen: "Home",
        SessionScreen: "Session",
        SummaryScreen: "Session",
        CatchScreen: "Catch",
        KindWordsScreen: "Kind words",
        LibraryScreen: "Library",
        ExerciseList: "Library",
        ReflectionsScreen: "Reflections",
        InsightsScreen: "Insights",
        SettingsScreen: "Settings",
        SupportScreen: "Support",
    }
    said = {"escape": "esc", "slash": "/", "comma": ","}
    missing = []
    for screen, row in where.items():
        for binding in screen.BINDINGS:
            assert isinstance(binding, Binding)
            for key in binding.key.split(","):
                if key in ("up", "down", "pageup", "pagedown", "home", "end"):
                    continue
                shown = binding.key_display or said.get(key, key)
                words = rows[row].replace("(", " ").split(" ")
                if shown not in words:
                    missing.append(f"{row}: {shown} ({binding.description})")
    assert not missing, missing


async def test_a_data_folder_said_to_be_unwritable_is_not_warned_about_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a read-only mount with a history, home opened under two warnings: the folder can't
    be written, then half a second later "Today's backup could not be written: the disk is
    read-only", two toasts over the menu for the one fact. The start backup isn't tried then."""
    import os

    import tui.core.datafolder as datafolder

    data = tmp_path / "data"
    seed(data)
    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode == os.W_OK and Path(path) == data:
            return False  # (as root, permissions stop nothing: the folder is said read-only)
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(datafolder.os, "access", access)
    _backups_fail(monkeypatch)
    app = KindtoneApp(data_dir=data, config_dir=tmp_path / "config")
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.7)  # past the start backup's half second
        await settle(pilot)
        # Said once, in the page (session 18: a toast covered the menu), and no backup toast.
        note = " ".join(str(app.screen.query_one("#folder-note").render()).split())
    assert f"can't write to your data folder {data}" in note
    assert notes == [], notes


async def _catch_half_done(pilot: Pilot[Any]) -> None:
    """A catch: the critic's words sent, kinder words half typed, not sent."""
    await settle(pilot)
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CatchScreen)
    await type_text(pilot, "I'm a complete failure and everyone knows it", "enter")
    await settle(pilot)
    await type_text(pilot, "I had a hard day and I")


async def test_esc_in_a_catch_with_words_written_asks_and_keeps_them(tmp_path: Path) -> None:
    """At 2 a.m., Esc half-way through a catch went straight home: the critic's words and
    the kinder ones half typed were gone, without a word. It asks now, as a session does;
    kept, the catch is an unfinished reflection (not counted as practice)."""
    from tui.core.storage import ReflectionStore
    from tui.screens.home import HomeScreen
    from tui.screens.leave import LeaveScreen

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _catch_half_done(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")  # stay: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, CatchScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#keep")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert KEPT in [message for _s, _t, message in notes]
    store = ReflectionStore(tmp_path)
    [kept] = store.list()
    assert kept["completed"] is False and kept["kind"] == "catch"
    answers = [step["answer"] for step in kept["steps"]]
    assert answers == ["I'm a complete failure and everyone knows it", "I had a hard day and I"]
    assert store.practice_summary().sessions == 0


async def test_a_catch_let_go_or_not_begun_leaves_nothing(tmp_path: Path) -> None:
    from tui.core.storage import ReflectionStore
    from tui.screens.home import HomeScreen

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _catch_half_done(pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#discard")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("c")  # nothing written: esc goes straight back
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert ReflectionStore(tmp_path).list() == []


async def test_ctrl_q_in_a_half_done_catch_asks_before_quitting(tmp_path: Path) -> None:
    from tui.core.storage import ReflectionStore
    from tui.screens.leave import LeaveScreen

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _catch_half_done(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        await pilot.click("#keep")
        await settle(pilot)
    assert app.return_code == 0
    assert len(ReflectionStore(tmp_path).list()) == 1


def test_ctrl_c_at_kindtone_catch_keeps_the_critics_words_and_ends_on_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kindtone catch`, the critic's words written, ctrl+c at "How would you say it
    kindly?": the shell prompt came back on the same line ("…kindly? well I^Cbash$"), exit
    130, nothing said and nothing kept. Now, as plain mode keeps a session left with ctrl+c,
    the words are kept as unfinished and it says so on a line of its own."""
    import io
    import sys

    import tui.cli
    from tui.core.storage import ReflectionStore

    class Typing(io.StringIO):
        def readline(self, *_args: Any) -> str:
            raise KeyboardInterrupt

        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Typing(""))
    words = "I always mess everything up"
    status = tui.cli.main(["--data-dir", str(tmp_path), "catch", words])
    out = capsys.readouterr().out
    assert status == 0
    assert out.endswith(f"How would you say it kindly? \n{KEPT}\n"), out
    [kept] = ReflectionStore(tmp_path).list()
    assert kept["completed"] is False and [s["answer"] for s in kept["steps"]] == [words]


def test_ctrl_c_at_a_commands_question_ends_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C at "Replace it? [y/N]" or "New passphrase:" left the shell's prompt on the
    same line as the question ("…[y/N] ^Cbash$")."""
    import io
    import sys

    import tui.cli

    seed(tmp_path)
    target = tmp_path / "out.md"
    target.write_text("mine")

    class Typing(io.StringIO):
        def readline(self, *_args: Any) -> str:
            raise KeyboardInterrupt

        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Typing(""))
    code = tui.cli.main(["--data-dir", str(tmp_path), "reflections", "export", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 130 and err.endswith("\n"), repr(err)
    assert target.read_text() == "mine"


def test_a_locked_json_export_without_a_file_suggests_a_json_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reflections export --format json` on a locked store was told to run
    `… export --output reflections.md`, which writes Markdown, not the JSON asked for."""
    import io
    import sys

    import tui.cli
    from tui.core import vault
    from tui.core.locking import lock_folder

    seed(tmp_path)
    lock_folder(tmp_path, "the right passphrase")
    for asked, suggested in (("json", "--output reflections.json"), ("markdown", ".md")):
        vault.forget()
        monkeypatch.setattr(sys, "stdin", io.StringIO("the right passphrase\n"))
        code = tui.cli.main(
            ["--data-dir", str(tmp_path), "reflections", "export", "--format", asked]
        )
        err = capsys.readouterr().err
        assert code == 1 and suggested in err, err
    vault.forget()
