"""The app on a locked data folder: a calm passphrase screen first, nothing read before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_pty import resume_offered, until
from textual.widgets import Input

from tui.app import KindtoneApp
from tui.core import vault
from tui.core.locking import lock_folder
from tui.core.storage import ReflectionStore
from tui.screens.home import HomeScreen
from tui.screens.passphrase import PassphraseScreen
from tui.widgets.literal_text import LiteralText

PASS = "correct horse battery"


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    """A locked folder holding an unfinished session (as after a crash)."""
    from tui.core.exercises import load_library
    from tui.core.session import Session

    data_dir = tmp_path / "data"
    session = Session([load_library().exercises["noticing-the-critic"]])
    while not session.current.step.takes_text:  # type: ignore[union-attr]
        session.answer(None)
    session.answer("an unfinished thought")
    ReflectionStore(data_dir).save_draft(session.to_draft())
    lock_folder(data_dir, PASS)
    vault.forget()  # a fresh start: no key in memory
    return data_dir


def app_on(data_dir: Path, tmp_path: Path) -> KindtoneApp:
    return KindtoneApp(data_dir=data_dir, config_dir=tmp_path / "config")


async def type_and_submit(pilot: object, app: KindtoneApp, text: str) -> None:
    box = app.screen.query_one("#passphrase", Input)
    box.value = text
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]

    # The key derivation runs in a thread, with the box disabled until it ends (or the app
    # closes after the third wrong try).
    def done() -> bool:
        return (
            not app.is_running or not box.disabled or not isinstance(app.screen, PassphraseScreen)
        )

    await until(pilot, done, "the passphrase to be checked")


async def test_a_locked_folder_opens_on_the_passphrase_screen_and_reads_nothing(
    locked: Path, tmp_path: Path
) -> None:
    app = app_on(locked, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.7)  # past the start-up backup timer
        assert isinstance(app.screen, PassphraseScreen)
        box = app.screen.query_one("#passphrase", Input)
        assert box.password and box.has_focus
        assert app._store is None, "nothing of the person's is read before the passphrase"
        assert not (locked / "backups").exists()

        await type_and_submit(pilot, app, "not the one")
        status = str(app.screen.query_one("#passphrase-status", LiteralText).render())
        assert "That passphrase doesn't open your reflections." in status
        assert "2 more tries" in status and box.value == ""

        await type_and_submit(pilot, app, PASS)
        await resume_offered(pilot)
        # Home, with the locked draft read through the key and offered first.
        from tui.screens.resume import ResumeScreen

        assert isinstance(app.screen, ResumeScreen)
        assert any(isinstance(s, HomeScreen) for s in app.screen_stack)


async def test_three_wrong_tries_close_the_app_with_exit_1(locked: Path, tmp_path: Path) -> None:
    app = app_on(locked, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            if not app.is_running:
                break
            await type_and_submit(pilot, app, "wrong wrong")
        await pilot.pause(0.2)
    assert app.return_code == 1


async def test_f2_support_works_on_the_passphrase_screen(locked: Path, tmp_path: Path) -> None:
    from tui.screens.support import SupportScreen

    app = app_on(locked, tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, SupportScreen), "support")
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PassphraseScreen), "the passphrase")
        assert isinstance(app.screen, PassphraseScreen)


async def test_help_and_settings_say_whether_the_data_is_locked(
    locked: Path, tmp_path: Path
) -> None:
    app = app_on(locked, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await type_and_submit(pilot, app, PASS)
        await resume_offered(pilot)  # the draft is offered first
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.press("f1")
        await until(pilot, lambda: app.screen.query("#lock-status"), "help")
        assert str(app.screen.query_one("#lock-status", LiteralText).render()).startswith("Locked")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.press("comma")
        await until(pilot, lambda: app.screen.query("#lock-status"), "settings")
        assert str(app.screen.query_one("#lock-status", LiteralText).render()).startswith("Locked")

    plain = tmp_path / "plain"
    app = app_on(plain, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        await until(pilot, lambda: app.screen.query("#lock-status"), "settings")
        assert str(app.screen.query_one("#lock-status", LiteralText).render()).startswith(
            "Not locked"
        )
