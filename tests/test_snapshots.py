"""Pictures of the key screens at 80×24; a change in how they look fails until reviewed.

Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers_pty import session_opened
from sample_data import TODAY, seed
from textual.pilot import Pilot
from textual.widgets import TextArea

from tui.app import KindtoneApp
from tui.widgets.breathe import BreathingGuide

SIZE = (80, 24)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def advance_to(pilot: Pilot[Any], step_type: str) -> None:
    await settle(pilot)
    await session_opened(pilot)
    for _ in range(30):
        current = pilot.app.screen.session.current
        if current.step.type == step_type:
            break
        await pilot.press("ctrl+s")
        await pilot.pause()
    await settle(pilot)


def test_home(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(KindtoneApp(data_dir=tmp_path), run_before=settle, terminal_size=SIZE)


def test_write_step(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await advance_to(pilot, "write")
        pilot.app.screen.query_one(TextArea).load_text("I'm [bold] useless [/] at this.")
        await settle(pilot)

    app = KindtoneApp(data_dir=tmp_path, start_exercise="noticing-the-critic")
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_breathe_step(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await advance_to(pilot, "breathe")
        guide = pilot.app.screen.query_one(BreathingGuide)
        assert guide._timer is not None
        guide._timer.stop()  # a still frame: 2 s into the first in-breath
        guide.elapsed = 2.0
        await settle(pilot)

    app = KindtoneApp(data_dir=tmp_path, start_exercise="settling-breath")
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_summary(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        screen = await session_opened(pilot)
        while screen.session.current is not None:
            if screen.session.current.step.takes_text:
                screen.query_one(TextArea).load_text("I'm having the thought that I'm behind.")
            await pilot.press("ctrl+n")
            await pilot.pause()
        await pilot.press("3", "tab", "2", "ctrl+n")
        await settle(pilot)

    app = KindtoneApp(data_dir=tmp_path, start_exercise="just-a-thought")
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def _seeded(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    seed(data_dir)
    return data_dir


def test_reflections_list(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("r")
        await settle(pilot)

    app = KindtoneApp(data_dir=_seeded(tmp_path))
    assert snap_compare(app, run_before=run_before, terminal_size=(100, 24))


def test_insights(snap_compare: Any, tmp_path: Path) -> None:
    from tui.screens.insights import InsightsScreen

    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.push_screen(InsightsScreen(today=TODAY))
        await settle(pilot)

    app = KindtoneApp(data_dir=_seeded(tmp_path))
    assert snap_compare(app, run_before=run_before, terminal_size=(100, 24))


def test_settings(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("comma")
        await settle(pilot)

    # Fixed paths, since the screen shows them: tmp_path differs between test workers.
    app = KindtoneApp(data_dir=Path("/kindtone-data"), config_dir=Path("/kindtone-config"))
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_help(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("f1")
        await settle(pilot)

    app = KindtoneApp(data_dir=Path("/kindtone-data"), config_dir=Path("/kindtone-config"))
    assert snap_compare(app, run_before=run_before, terminal_size=(100, 30))


def test_high_contrast_home(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "kindtone-high-contrast"
        await settle(pilot)

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path / "config")
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_too_small_message(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(KindtoneApp(data_dir=tmp_path), run_before=settle, terminal_size=(50, 16))


def test_passphrase_screen(snap_compare: Any, tmp_path: Path) -> None:
    """A locked data folder: the calm screen before home, a wrong try shown kindly."""
    from tui.core import vault
    from tui.core.locking import lock_folder

    lock_folder(tmp_path, "correct horse battery")
    vault.forget()

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press(*"not it")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"typing")
        await settle(pilot)

    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path / "config")
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)
