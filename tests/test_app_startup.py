"""Start-up shortcuts must not change what people see: the theme chosen before the first
stylesheet parse, the banner chosen before mounting, the collector paused only until the
first frame."""

from __future__ import annotations

import gc
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers_pty import until
from textual.color import Color

from tui.app import KindtoneApp
from tui.commands import session as session_command
from tui.core.settings import SettingsFile
from tui.widgets.banner import Banner


def _app_with_theme(tmp_path: Path, theme: str) -> KindtoneApp:
    config = tmp_path / "config"
    settings_file = SettingsFile(config)
    settings = settings_file.load()
    settings.theme = theme
    settings_file.save(settings)
    return KindtoneApp(data_dir=tmp_path / "data", config_dir=config)


@pytest.mark.parametrize(
    "theme",
    [
        "kindtone-calm",
        "kindtone-high-contrast",
        "kindtone-calm-light",
        "textual-light",
        "nord",
    ],
)
async def test_the_saved_theme_is_drawn_from_the_first_frame(tmp_path: Path, theme: str) -> None:
    app = _app_with_theme(tmp_path, theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        chosen = app.get_theme(theme)
        assert chosen is not None
        assert app.theme == theme
        assert app.has_class(f"-theme-{theme}")
        assert app.has_class("-dark-mode") is chosen.dark
        assert app.has_class("-light-mode") is not chosen.dark
        assert app.screen.styles.background == Color.parse(chosen.background or "")
        # Switching later still goes through Textual's watcher and restyles everything.
        other = "kindtone-calm-light" if chosen.dark else "kindtone-calm"
        app.theme = other
        await pilot.pause()
        assert not app.has_class(f"-theme-{theme}")
        assert app.has_class(f"-theme-{other}")
        expected = app.get_theme(other)
        assert expected is not None
        assert app.screen.styles.background == Color.parse(expected.background or "")


async def test_banner_fits_the_terminal_it_starts_in(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(Banner), "the home screen's banner")
        banner = app.screen.query_one(Banner)
        assert not banner.has_class("narrow")
        assert len(str(banner.render()).splitlines()) > 1  # the drawing
        await pilot.resize_terminal(60, 20)
        # The resize reaches the banner through the message queue: under load one pause is
        # not always enough (seen once), so wait for it, and fail only if it never comes.
        await until(pilot, lambda: banner.has_class("narrow"), "the banner to turn narrow")
        assert str(banner.render()).strip() == "kindtone"
    narrow_app = KindtoneApp(data_dir=tmp_path)
    async with narrow_app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: narrow_app.screen.query(Banner), "the home screen's banner")
        assert narrow_app.screen.query_one(Banner).has_class("narrow")


async def test_home_torn_down_while_the_practice_line_loads_is_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The home screen reads the history in a thread; the screen's widgets may be gone when it
    # is done (the app closing). Seen once in CI as a WorkerFailed: NoMatches for "#practice".
    import time

    from tests.sample_data import seed
    from tui.core.storage import ReflectionStore

    seed(tmp_path)
    real = ReflectionStore.practice_summary

    def slow(self: ReflectionStore) -> object:
        time.sleep(0.4)
        return real(self)

    monkeypatch.setattr(ReflectionStore, "practice_summary", slow)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.1)  # the history is being read
        await app.screen.query_one("#practice").remove()  # as when the app tears down
        await pilot.pause(0.6)  # the read ends; nothing may fail
        assert app.screen.query_one("#home-actions")


async def test_home_settles_without_the_analyser_and_a_session_warms_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warming the self-talk rules at start cost ~15 MiB and a late redraw of the practice
    line; they are read when a session is near instead."""
    from tui.core import selftalk

    calls: list[str] = []
    real = selftalk.analyse

    def counted(text: str) -> selftalk.Analysis:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(selftalk, "analyse", counted)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        practice = app.screen.query_one("#practice")
        assert "good place to start" in str(practice.render())  # drawn with the screen
        assert calls == []
        await pilot.press("s")  # the check-in
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert calls == ["warming up"]


async def test_collector_runs_again_once_the_first_frame_is_drawn(tmp_path: Path) -> None:
    gc.disable()  # as `kindtone` does before importing Textual
    try:
        app = KindtoneApp(data_dir=tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, gc.isenabled, "the collector, after the first frame")
            assert gc.isenabled()
            # What start-up built is frozen, so the first full pass doesn't walk it all.
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


async def test_an_app_started_with_the_collector_on_freezes_nothing(tmp_path: Path) -> None:
    assert gc.isenabled()
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.1)
        assert gc.get_freeze_count() == 0  # this app stays collectable when it ends


def test_collector_is_switched_back_on_when_the_app_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def broken_run(self: KindtoneApp) -> None:
        seen.append(gc.isenabled())
        raise RuntimeError("terminal went away")

    monkeypatch.setattr(session_command, "wants_plain", lambda args: False)
    monkeypatch.setattr(KindtoneApp, "run", broken_run)
    args = SimpleNamespace(command=None, data_dir=str(tmp_path), config_dir=str(tmp_path / "c"))
    with pytest.raises(RuntimeError):
        session_command.open_app(args)
    assert seen == [False]  # paused while starting
    assert gc.isenabled()


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_home_is_drawn_once_and_settles_with_its_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """Home used to be drawn four times in its first ~30 ms (the widgets' own refreshes from
    mounting, Textual's repaint on resume, the hidden toast rack, the option list's resize,
    the footer fitted after the frame): the last of them was when it settled."""
    from textual.app import App

    frames: list[str] = []
    real = App._display

    def counted(self: App[object], screen: object, renderable: object) -> None:
        if renderable is not None:
            frames.append(type(renderable).__name__)
        real(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "_display", counted)
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.2)
        assert frames == ["LayoutUpdate"]
        strips = app.screen._compositor.render_strips()
        assert "good place to start" in "".join(s.text for s in strips)
        assert "".join(s.text for s in strips[-1]).startswith("f2 Support")
        # What changes after the first frame is still drawn.
        await pilot.press("down")
        await pilot.pause()
        assert len(frames) == 2


async def test_a_start_without_a_draft_does_not_open_the_store_to_look_for_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for a draft loaded the store and every exercise just after the first frame,
    holding up the rest of it; a glance at the draft path does now."""
    from tui.core import flow

    looked: list[object] = []
    real = flow.find_draft

    def counted(store: object, library: object) -> object:
        looked.append(store)
        return real(store, library)  # type: ignore[arg-type]

    monkeypatch.setattr(flow, "find_draft", counted)
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert looked == []
        assert app._store is None and app._library is None
    # Something at the draft path (here a broken one) is left to the store to judge.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "draft.json").write_text("{not json", encoding="utf-8")
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(looked) == 1
