"""The reflections screens: list, search, filters, detail, delete, export, insights."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers_pty import until
from sample_data import TODAY, seed
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from tui.app import KindtoneApp
from tui.core.storage import ReflectionStore
from tui.screens.confirm import ConfirmScreen
from tui.screens.export import ExportScreen
from tui.screens.insights import InsightsScreen
from tui.screens.reflections import ReflectionDetailScreen, ReflectionsScreen
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText
from tui.widgets.reflection_list import ReflectionList


async def open_list(pilot: Pilot[Any]) -> ReflectionsScreen:
    await pilot.press("r")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReflectionsScreen)
    return screen


async def open_first(pilot: Pilot[Any], screen: ReflectionsScreen) -> ReflectionDetailScreen:
    """Enter on the list's highlighted reflection: its detail screen."""
    screen.query_one(ReflectionList).focus()
    await pilot.press("enter")
    await pilot.pause()
    detail = pilot.app.screen
    assert isinstance(detail, ReflectionDetailScreen)
    return detail


def shown(screen: ReflectionsScreen) -> list[str]:
    return [row.id[:2] for row in screen.query_one(ReflectionList).rows]


async def test_detail_puts_the_critic_beside_the_kinder_version_and_shows_what_was_asked(
    tmp_path: Path,
) -> None:
    """Found reading a reflection in the app: the summary and `reflections show` put the
    harsh words beside the kinder version and say what the direct question was answered,
    but the detail screen showed only the version kept."""
    from sample_data import reflection

    from tui.widgets.side_by_side import SideBySide

    record = reflection(1, 0, "lets-try-that-again", "I was [b]tired[/b], that's all.")
    record["steps"][0]["original"] = "I'm such a [red]failure"
    record["safety_checks"] = [{"exercise": "lets-try-that-again", "step": 2, "answer": "no"}]
    ReflectionStore(tmp_path).save(record)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await open_list(pilot)
        detail = await open_first(pilot, screen)
        (beside,) = detail.query(SideBySide)
        sides = [str(s.render()) for s in beside.query(".quote")]
        assert sides[0] == "I'm such a [red]failure"  # literally, never markup
        assert sides[1].endswith("I was [b]tired[/b], that's all.") and "try 1:" in sides[1]
        texts = [str(p.render()) for p in detail.query(LiteralText)]
        assert (
            "Asked: thoughts of ending life or self-harm? no, safe "
            "(at Let's try that again, step 3)" in texts
        )


async def test_list_search_and_filters(tmp_path: Path) -> None:
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_list(pilot)
        assert shown(screen) == ["01", "02", "03", "04"]
        await pilot.press("slash", *"WALK")  # "/" and type
        await pilot.pause()
        assert shown(screen) == ["02"]
        assert "1 of 4 match" in str(screen.query_one("#reflections-status", LiteralText).render())
        await pilot.press(*"ZZ")
        await pilot.pause()
        assert shown(screen) == []
        screen.query_one("#search", Input).value = "[bold]"  # earlier versions are searched
        await pilot.pause()
        assert shown(screen) == ["01", "02", "03", "04"]
        screen.query_one("#search", Input).value = ""
        screen.query_one("#filter-exercise", Select).value = "lets-try-that-again"
        await pilot.pause()
        assert shown(screen) == ["01", "03"]
        screen.query_one("#filter-exercise", Select).clear()
        screen.query_one("#filter-situation", Select).value = "overwhelmed"
        await pilot.pause()
        assert shown(screen) == ["02"]
        screen.query_one("#filter-situation", Select).clear()
        screen.query_one("#filter-from", Input).value = "2026-10-01"
        screen.query_one("#filter-to", Input).value = "2026-11-23"
        await pilot.pause()
        assert shown(screen) == ["02", "03"]
        screen.query_one("#filter-to", Input).value = "2026-13-45"  # once ignored silently
        await pilot.pause()
        status = str(screen.query_one("#reflections-status", LiteralText).render())
        assert "“2026-13-45” is not a date like 2026-11-25" in status
        assert screen.query_one("#filter-to", Input).has_class("-invalid")
        assert shown(screen) == ["01", "02", "03"]


async def test_detail_shows_everything_literally_and_delete_confirms(tmp_path: Path) -> None:
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await open_list(pilot)
        detail = await open_first(pilot, screen)
        texts = [str(p.render()) for p in detail.query(LiteralText)]
        # Every try, worded as the summary words them (session 18), literally.
        tries = [str(p.render()) for p in detail.query(".quote").results(Static)]
        assert any(
            "try 1: I'm [bold] hopeless" in t and "try 2, kept: I did my best [/] today" in t
            for t in tries
        ), tries
        assert any("(42 s)" in t for t in texts)
        # Said once each: the heading gives the date, one line the ratings (the list row's
        # words repeated both, found trying the app).
        assert sum("7 → 4" in t for t in texts) == 1, texts
        assert not any(detail.reflection.started.strftime("%Y-%m-%d") in t for t in texts)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "gone for good" not in app.screen.body  # a daily backup may still hold it
        assert "A daily backup may keep a copy" in app.screen.body
        await pilot.press("enter")  # the safe default: Cancel
        await pilot.pause()
        assert ReflectionStore(tmp_path).count() == 4
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("tab", "enter")  # Delete
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
        assert shown(app.screen) == ["02", "03", "04"]
    assert ReflectionStore(tmp_path).get("01" + "a" * 30) is None


async def test_export_what_the_filter_shows(tmp_path: Path) -> None:
    seed(tmp_path)
    target = tmp_path / "out.json"
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await open_list(pilot)
        screen.query_one("#search", Input).value = "steps"
        await pilot.pause()
        screen.query_one(ReflectionList).focus()
        await pilot.press("x")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        await pilot.click("#format-json")
        export.query_one("#path", Input).value = str(target)
        await pilot.click("#do-export")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "kindtone-reflections"
    assert [r["id"][:2] for r in document["reflections"]] == ["03"]
    assert (target.stat().st_mode & 0o777) == 0o600


async def test_export_asks_before_replacing_a_file(tmp_path: Path) -> None:
    """It once replaced an existing file silently."""
    seed(tmp_path)
    target = tmp_path / "notes.md"
    target.write_text("my own notes")
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await open_list(pilot)
        screen.query_one(ReflectionList).focus()
        await pilot.press("x")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        export.query_one("#path", Input).value = str(target)
        await pilot.click("#do-export")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the safe default: Cancel
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is export
        assert "left as it is" in str(export.query_one("#export-status", LiteralText).render())
        assert target.read_text() == "my own notes"
        # A button ignores a press while it still shows the last one (0.2 s).
        button = export.query_one("#do-export")
        await until(pilot, lambda: not button.has_class("-active"), "the button to be ready")
        await pilot.click("#do-export")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("tab", "enter")  # Replace
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
    assert target.read_text().startswith("# Reflections")


async def test_insights(tmp_path: Path) -> None:
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(InsightsScreen(today=TODAY))
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = str(app.screen.query_one("#insights-text", LiteralText).render())
        # The unfinished session (40 days ago) is kept but not counted as practice.
        assert "3 sessions, about 12 minutes of practice in all" in text
        assert "2 practice days in the last year" in text
        assert "on average 3.0 points lower after a session" in text
        assert "streak" not in text.lower()


def _visible_lines(widget: Any) -> list[str]:
    return str(widget.render()).split("\n")


async def test_insights_at_60_columns_show_the_newest_weeks(tmp_path: Path) -> None:
    """Issue 17: the heatmap was 58 cells wide in a 54-cell page, so the newest weeks (on
    the right) were cut off and recent practice looked empty."""
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        app.push_screen(InsightsScreen(today=TODAY))
        await app.workers.wait_for_complete()
        await pilot.pause()
        page = app.screen.query_one("#insights")
        for name in ("#heatmap", "#chart"):
            widget = app.screen.query_one(name)
            assert widget.region.right <= page.scrollable_content_region.right, name
            assert max(len(line) for line in _visible_lines(widget)) <= widget.region.width
        today_row = _visible_lines(app.screen.query_one("#heatmap"))[1 + TODAY.weekday()]
        assert today_row.endswith("■")  # practised today: the last column shows it
        practice = _visible_lines(app.screen.query_one("#chart"))[0]
        assert practice.rstrip()[-1] in "▁▂▃▄▅▆▇█"  # this week's column is drawn


async def test_insights_show_patterns_kind_words_and_weeks(tmp_path: Path) -> None:
    from tui.core.phrases import PhraseStore

    records = seed(tmp_path)
    catch = dict(records[0], id="c" * 32, kind="catch", exercises=[])
    catch["steps"] = [
        dict(records[0]["steps"][0], original="I'm so lazy", noticed=["labelling"], first_try=True)
    ]
    ReflectionStore(tmp_path).save(catch)
    # A catch five weeks ago, so there is practice to compare the last four weeks with.
    earlier = datetime.fromisoformat(catch["started_at"]) - timedelta(weeks=5)
    ReflectionStore(tmp_path).save(
        dict(
            catch,
            id="d" * 32,
            started_at=earlier.isoformat(),
            ended_at=(earlier + timedelta(minutes=1)).isoformat(),
            steps=[dict(catch["steps"][0], noticed=[])],
        )
    )
    PhraseStore(tmp_path).add("I was tired, and I can rest.", ["labelling"], count_use=True)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(InsightsScreen(today=TODAY))
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = str(app.screen.query_one("#insights-text", LiteralText).render())
        assert "3 sessions and 2 catches" in text  # the unfinished one is not counted
        voice = str(app.screen.query_one("#voice", LiteralText).render())
        assert "a harsh label for a whole person, more often lately" in voice
        assert "I was tired, and I can rest." in voice
        chart = str(app.screen.query_one("#chart").render())
        assert "inner voice before" in chart and "kind at first try" in chart
        assert "streak" not in (text + voice + chart).lower()


async def test_letter_keys_work_on_arrival_and_the_footer_shows_them(tmp_path: Path) -> None:
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_list(pilot)
        assert isinstance(screen.focused, ReflectionList)
        footer = " ".join(
            f"{key.key_display} {key.description}"
            for _x, key in screen.query_one(KeysFooter).shown()
        )
        for shown_key in ("/ Search", "d Delete", "x Export", "i Insights", "Read"):
            assert shown_key.split()[-1] in footer, footer
        for key, opened in (("i", InsightsScreen), ("x", ExportScreen), ("d", ConfirmScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, opened), key
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
        assert screen.query_one("#search", Input).value == ""
        await pilot.press("enter")  # the first Enter reads
        await pilot.pause()
        assert isinstance(app.screen, ReflectionDetailScreen)


async def test_after_a_delete_the_highlight_stays_where_it_was(tmp_path: Path) -> None:
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_list(pilot)
        await pilot.press("down", "down")  # the third
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert shown(screen) == ["01", "02", "04"]
        current = screen.query_one(ReflectionList).current
        assert current is not None and current.id.startswith("04")  # the next one, not the top
        assert "3 reflections" in str(screen.query_one("#reflections-status", LiteralText).render())


async def test_a_read_that_ends_after_leaving_the_reflections_is_dropped(tmp_path: Path) -> None:
    """The history is read in a thread; leaving the screen before it ends (Esc at once) must
    not crash the app when the rows arrive (seen as WorkerFailed: NoMatches SelectOverlay)."""
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectionsScreen)
        index = screen.index
        app.pop_screen()
        await pilot.pause()
        screen._loaded(index, True)  # the rows arrive after the screen has gone
        screen._failed("late")
        await pilot.pause()
        assert app.is_running


async def test_leaving_reflections_while_they_load_is_quiet(tmp_path: Path) -> None:
    """The full read ends ~0.2 s after the first rows; leaving before it ended crashed the
    app (NoMatches in the filter of a screen already gone)."""
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path / "config")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(ReflectionsScreen())
        await pilot.pause()  # the first rows, not yet the whole history
        app.pop_screen()
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running


async def test_leaving_insights_while_they_load_is_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first time (many months to read) insights are computed in a thread. Leaving the
    reflections screen that way crashed the app; insights hand their result to the screen
    already gone too, and must stay quiet (checked: it is drawn off screen, harmlessly)."""
    import tui.screens.insights as insights_screen

    monkeypatch.setattr(insights_screen, "INLINE_STALE_MONTHS", -1)  # always the thread
    slow_read = insights_screen.load_insights

    def load_insights(*args: Any) -> Any:
        time.sleep(0.3)  # still reading when the person leaves
        return slow_read(*args)

    monkeypatch.setattr(insights_screen, "load_insights", load_insights)
    seed(tmp_path)
    app = KindtoneApp(data_dir=tmp_path, config_dir=tmp_path / "config")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(InsightsScreen(today=TODAY))
        await pilot.pause()  # mounted: the thread has started
        app.pop_screen()
        await pilot.pause(0.6)  # the thread ends, cancelled or not, and hands its result back
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_export_with_nothing_to_export_says_so_and_writes_nothing(tmp_path: Path) -> None:
    """It once opened the export dialog, wrote an empty file and said "Exported 0
    reflections" (session 17's walk)."""
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(pilot)
        screen.query_one(ReflectionList).focus()
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is screen
        assert any("Nothing to export" in str(n.message) for n in app._notifications)
