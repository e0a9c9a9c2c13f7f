"""One test for each Textual internal kindtone relies on (tui/textual_internals.py): after a
Textual upgrade, a failure here names the internal that moved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers_pty import until
from textual.app import App, ComposeResult
from textual.widgets import RadioSet

from tui.textual_internals import set_theme_before_first_parse, tolerate_undecodable_input
from tui.themes import CALM_LIGHT, HIGH_CONTRAST, THEMES
from tui.widgets.footer import KeysFooter


def test_the_linux_driver_decodes_invalid_utf8_as_replacement_characters() -> None:
    from textual.drivers import linux_driver

    tolerate_undecodable_input()
    decoder = linux_driver.getincrementaldecoder("utf-8")()  # type: ignore[attr-defined]
    assert decoder.decode(b"caf\xe9 \xff ok") == "caf\ufffd \ufffd ok"


def _app() -> App[None]:
    app: App[None] = App()
    for theme in THEMES:
        app.register_theme(theme)
    return app


def test_a_theme_set_before_the_first_parse_is_complete_without_the_watcher() -> None:
    app = _app()
    set_theme_before_first_parse(app, HIGH_CONTRAST.name)  # dark, like the default
    assert app.theme == HIGH_CONTRAST.name
    assert app.has_class(f"-theme-{HIGH_CONTRAST.name}")
    variables = app.get_css_variables()
    assert variables["background"].upper() == "#000000"
    assert app.stylesheet._variables == variables
    # A theme that changes dark/light mode takes Textual's own path (its watcher).
    other = _app()
    set_theme_before_first_parse(other, CALM_LIGHT.name)
    assert other.theme == CALM_LIGHT.name


class _Pages(App[None]):
    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll
        from textual.widgets import Label

        with VerticalScroll(id="short"):
            yield Label("fits")
        with VerticalScroll(id="long"):
            for n in range(30):
                yield Label(f"line {n}")
        yield RadioSet("a", "b", id="choices")  # built on VerticalScroll, fits


async def test_a_scroll_container_takes_focus_only_when_it_scrolls() -> None:
    from tui.textual_internals import scroll_containers_focus_only_when_they_scroll

    scroll_containers_focus_only_when_they_scroll()
    app = _Pages()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert not app.query_one("#short").focusable
        assert app.query_one("#long").focusable
        assert app.query_one("#choices").focusable


class _Several(App[None]):
    def compose(self) -> ComposeResult:
        from textual.widgets import Label, OptionList, Static

        yield Label("one", id="one")
        yield Static("two")
        yield OptionList("a", "b", "c")
        yield KeysFooter()


async def test_a_screen_settles_with_its_first_whole_frame(monkeypatch: Any) -> None:
    from tui.textual_internals import first_frame_is_complete

    first_frame_is_complete()  # idempotent: tui.app has done it already
    frames: list[str] = []
    real = App._display

    def counted(self: App[None], screen: Any, renderable: Any) -> None:
        if renderable is not None:
            frames.append(type(renderable).__name__)
        real(self, screen, renderable)

    monkeypatch.setattr(App, "_display", counted)
    app = _Several()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert frames[:1] == ["LayoutUpdate"]
        # The widgets' refreshes from mounting and sizing are in that frame (the toast rack
        # and the option list, left to Textual here, may still add one).
        assert len(frames) <= 2, frames
        settled = len(frames)
        from textual.widgets import Label

        app.query_one("#one", Label).update("changed")
        await pilot.pause()
        assert len(frames) > settled
        assert "changed" in "".join(s.text for s in app.screen._compositor.render_strips()[0])


async def test_hidden_toasts_are_left_alone_and_a_notification_still_shows() -> None:
    from textual.widgets._toast import Toast, ToastRack

    from tui.textual_internals import hidden_toasts_left_alone

    hidden_toasts_left_alone()
    app = _Several()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        rack = app.screen.get_child_by_type(ToastRack)
        assert "display" not in rack.styles.inline.get_rules()  # never set: no new layout
        app.notify("hello", timeout=0.2)
        await pilot.pause()
        assert rack.display and rack.query(Toast)
        for _ in range(40):  # it times out and goes, as before
            await pilot.pause(0.1)
            if not rack.query(Toast):
                break
        assert not rack.query(Toast)
        app.notify("again")
        await pilot.pause()
        assert rack.query(Toast)


async def test_a_steady_option_list_redraws_on_a_new_width_only(monkeypatch: Any) -> None:
    from textual.widgets import OptionList

    from tui.textual_internals import SteadyOptionList

    cleared: list[int] = []
    real = OptionList._clear_caches

    def counted(self: OptionList) -> None:
        cleared.append(self.size.width)
        real(self)

    monkeypatch.setattr(OptionList, "_clear_caches", counted)

    class _List(App[None]):
        def compose(self) -> ComposeResult:
            yield SteadyOptionList("a", "b")

    app = _List()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert cleared == []  # the first resize: drawn at that width already
        listing = app.query_one(SteadyOptionList)
        await pilot.resize_terminal(40, 12)
        await until(pilot, lambda: app.screen.size.height == 12, "the new height")
        await pilot.pause()
        assert cleared == []
        await pilot.resize_terminal(30, 12)
        await until(pilot, lambda: listing.size.width <= 30, "the new width")
        await pilot.pause()
        assert len(cleared) == 1


async def test_a_screen_is_restyled_on_its_first_showing_only_when_a_rule_needs_it(
    monkeypatch: Any,
) -> None:
    from textual.screen import Screen
    from textual.widgets import Static

    from tui.textual_internals import first_frame_is_complete

    first_frame_is_complete()
    restyled: list[str] = []
    real = Screen.update_node_styles

    def counted(self: Screen[Any], animate: bool = True) -> None:
        restyled.append(type(self).__name__)
        real(self, animate)

    monkeypatch.setattr(Screen, "update_node_styles", counted)

    class Plain(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("one")
            yield Static("two")

    async with Plain().run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert restyled == []  # each node was styled as it mounted: nothing to redo

    class Last(Static):
        DEFAULT_CSS = "Last:last-child { color: red; }"  # depends on siblings mounted later

    class Ordered(App[None]):
        def compose(self) -> ComposeResult:
            yield Last("one")
            yield Last("two")

    async with Ordered().run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert restyled == ["Screen"]
        first, second = pilot.app.query(Last)
        assert second.styles.color != first.styles.color

    class Unscoped(App[None]):
        CSS = "Static { color: red; }"  # not the app's stylesheet file: restyle to be safe

        def compose(self) -> ComposeResult:
            yield Static("one")

    restyled.clear()
    async with Unscoped().run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert restyled == ["Screen"]


def _rules_seen(app: App[Any]) -> list[tuple[Any, ...]]:
    return [
        (
            repr(rule.selector_set),
            repr(rule.styles.get_rules()),  # layouts compare by identity; their names by repr
            rule.is_default_rules,
            rule.tie_breaker,
            rule.selector_names,
            rule.pseudo_classes,
        )
        for rule in app.stylesheet.rules
    ]


async def test_parsed_css_is_kept_between_starts_and_read_back_the_same(
    tmp_path: Path, monkeypatch: Any
) -> None:
    import textual.css.stylesheet

    from tui import textual_internals
    from tui.app import KindtoneApp
    from tui.textual_internals import keep_parsed_css, save_parsed_css

    monkeypatch.setattr(textual_internals, "_parsed_css", None)  # back to None afterwards
    parsed: list[str] = []
    real = textual.css.stylesheet.parse

    def counted(scope: str, css: str, read_from: Any, **kwargs: Any) -> Any:
        parsed.append(str(read_from))
        return real(scope, css, read_from, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", counted)
    seen = []
    for _start in range(2):
        keep_parsed_css(tmp_path / "cache")
        parsed.clear()
        app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            seen.append((_rules_seen(app), list(parsed)))
        save_parsed_css()
    (first, parsed_first), (second, parsed_second) = seen
    assert any("app.tcss" in source for source in parsed_first)
    assert parsed_second == []  # every stylesheet read back, none parsed again
    assert second == first
    [kept] = (tmp_path / "cache").iterdir()
    assert kept.stat().st_mode & 0o777 == 0o600
    # Another theme is parsed (and kept) for itself, not taken from the first.
    async with KindtoneApp(data_dir=tmp_path / "data").run_test(size=(80, 24)) as pilot:
        parsed.clear()
        pilot.app.theme = "kindtone-high-contrast"
        await pilot.pause()
        assert any("app.tcss" in source for source in parsed)


@pytest.mark.parametrize("spoil", ["writable by others", "symlink", "damaged"])
def test_a_kept_css_file_that_is_not_safely_ours_is_ignored(
    tmp_path: Path, monkeypatch: Any, spoil: str
) -> None:
    from textual.css.stylesheet import Stylesheet

    from tui import textual_internals
    from tui.textual_internals import keep_parsed_css, save_parsed_css

    monkeypatch.setattr(textual_internals, "_parsed_css", None)
    keep_parsed_css(tmp_path)
    Stylesheet(variables={"accent": "red"})._parse_rules("Label { color: $accent; }", ("x", ""))
    save_parsed_css()
    [kept] = tmp_path.iterdir()
    keep_parsed_css(tmp_path)
    assert textual_internals._parsed_css is not None and textual_internals._parsed_css.kept
    if spoil == "writable by others":
        kept.chmod(0o666)
    elif spoil == "symlink":
        moved = tmp_path / "elsewhere"
        kept.rename(moved)
        kept.symlink_to(moved)
    else:
        kept.write_bytes(b"\x80\x05not a pickle")
    keep_parsed_css(tmp_path)
    assert textual_internals._parsed_css is not None
    assert textual_internals._parsed_css.kept == {}
