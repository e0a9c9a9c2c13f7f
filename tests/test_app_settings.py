"""Settings take effect at once and survive a restart; help, palette, small windows."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, OptionList, RadioSet, Select, TextArea

from tui.app import KindtoneApp
from tui.core.settings import SettingsFile
from tui.screens.checkin import CheckInScreen
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.settings import SettingsScreen
from tui.screens.summary import SummaryScreen
from tui.screens.support import SupportScreen
from tui.screens.too_small import TooSmallScreen
from tui.widgets.breathe import BreathingGuide
from tui.widgets.literal_text import LiteralText
from tui.widgets.ratings_form import RatingsForm


def texts(screen) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(p.render()) for p in screen.query(LiteralText))


async def test_every_setting_takes_effect_and_survives_restart(tmp_path: Path) -> None:
    config = tmp_path / "config"
    app = KindtoneApp(data_dir=tmp_path, config_dir=config)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        buttons = list(screen.query_one("#length", RadioSet).query("RadioButton"))
        await pilot.click(buttons[2])  # 10 minutes
        screen.query_one("#ask-ratings", Checkbox).value = False
        screen.query_one("#reduced-motion", Checkbox).value = True
        screen.query_one("#theme", Select).value = "kindtone-high-contrast"
        screen.query_one("#country", Input).value = "gb"
        screen.query_one("#support-lines", TextArea).load_text("My GP [bold]: 01234\n\n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        option = app.screen.query_one("#home-actions", OptionList).get_option("start")
        assert "10-minute" in str(option.prompt)
        assert app.theme == "kindtone-high-contrast"
        await pilot.press("f2")
        await pilot.pause()
        support = texts(app.screen)
        assert "My GP [bold]: 01234" in support
        assert "findahelpline.com" in support
        assert "988" not in support  # the US line is not shown for GB
        await pilot.press("escape")

    saved = SettingsFile(config).load()
    assert (saved.session_minutes, saved.ask_ratings, saved.reduced_motion) == (10, False, True)
    assert saved.country == "GB" and saved.support_lines == ["My GP [bold]: 01234"]

    app = KindtoneApp(data_dir=tmp_path, config_dir=config)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "kindtone-high-contrast"
        assert app.start_minutes == 10
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert not app.screen.query(RatingsForm)  # ratings not asked
        app.pop_screen()
        app.start_single("settling-breath")
        await pilot.pause()
        while app.screen.session.current.step.type != "breathe":  # type: ignore[attr-defined]
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert app.screen.query_one(BreathingGuide).reduced_motion
        while isinstance(app.screen, SessionScreen):
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # no check-out ratings either


async def test_malformed_settings_file_falls_back_and_is_kept(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text("{oops", encoding="utf-8")
    app = KindtoneApp(data_dir=tmp_path, config_dir=config)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.start_minutes == 5
        assert any("not valid JSON" in w for w in app.settings_file.warnings)
    assert (config / "settings.json").read_text(encoding="utf-8") == "{oops"


async def test_help_palette_and_small_window(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = texts(app.screen)
        for needed in ("ctrl+n", "not a substitute for professional care", str(tmp_path), "988"):
            assert needed in help_text
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for wanted in (
            "Start a session",
            "Choose an exercise",
            "Reflections",
            "Insights",
            "Exercise library",
            "New exercise",
            "Settings",
            "Support",
            "Help",
        ):
            assert wanted in titles
        app.start_single("noticing-the-critic")
        await pilot.pause()
        session_screen = app.screen
        await pilot.resize_terminal(50, 16)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is session_screen
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
