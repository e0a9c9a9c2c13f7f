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
        # Long enough that a loaded machine still sees it before it times out (at 0.2 s a
        # busy run missed it), short enough to wait out below.
        app.notify("hello", timeout=1.0)
        await pilot.pause()
        assert rack.display and rack.query(Toast)
        for _ in range(60):  # it times out and goes, as before
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


class _Terminal:
    """What a terminal shows: every update the app writes, applied cell by cell (as the
    driver would send it: nothing while updates are batched)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.cells: dict[tuple[int, int], tuple[str, Any]] = {}
        self.updates: list[str] = []
        real = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None and not app._batch_count:
                self.updates.append(type(renderable).__name__)
                self._apply(renderable, self.cells)
            real(screen, renderable)

        app._display = display  # type: ignore[method-assign]

    def _apply(self, update: Any, cells: dict[tuple[int, int], tuple[str, Any]]) -> None:
        from rich.segment import ControlType
        from rich.text import cell_len

        console = self.app.console
        x = y = 0
        for segment in update.__rich_console__(console, console.options):
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            if segment.text == "\n":
                continue  # each line of an update starts with a move
            for char in segment.text:
                cells[x, y] = (char, segment.style)
                x += cell_len(char)

    def differs_from_a_whole_frame(self) -> list[int]:
        """The rows where the terminal differs from the screen drawn whole now."""
        from textual._compositor import LayoutUpdate

        screen = self.app.screen
        whole = screen._compositor.render_update(
            full=True, screen_stack=self.app._background_screens
        )
        assert isinstance(whole, LayoutUpdate)
        drawn: dict[tuple[int, int], tuple[str, Any]] = {}
        self._apply(whole, drawn)
        return sorted({y for (x, y), cell in drawn.items() if self.cells.get((x, y)) != cell})


def _styles_now(screen: Any) -> dict[int, tuple[Any, ...]]:
    return {
        id(node): (
            tuple(node.styles.base.css_lines),
            tuple(
                (name, tuple(styles.base.css_lines))
                for name, styles in sorted(node._component_styles.items())
            ),
        )
        for node in screen.walk_children(with_self=True)
    }


def _stale_nodes(screen: Any) -> list[str]:
    """Nodes whose styles differ from what restyling the whole screen gives."""
    before = _styles_now(screen)
    screen.app.stylesheet.update(screen, animate=False)
    after = _styles_now(screen)
    return [
        f"{type(node).__name__}#{node.id}"
        for node in screen.walk_children(with_self=True)
        if before[id(node)] != after[id(node)]
    ]


async def test_focus_and_dialogs_redraw_only_what_changed_and_the_terminal_stays_right(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """The kindtone app: moving focus and opening and closing dialogs leave the terminal
    exactly as the screen drawn whole, and every node styled as a whole restyle would;
    focus no longer redraws the whole screen, a dialog no longer restyles the screen
    beneath it whole."""
    from textual.css.stylesheet import Stylesheet

    from tui.app import KindtoneApp

    restyled: list[Any] = []
    update_nodes = Stylesheet.update_nodes

    def counted(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        if nodes and not isinstance(nodes[0], App):  # not a new screen's CSS reaching all
            restyled.extend(nodes)
        update_nodes(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counted)
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        terminal = _Terminal(app)
        await pilot.pause()
        app.screen.refresh()  # a whole frame to start the terminal from
        await pilot.pause()
        home = app.screen
        for key in ("comma", "f1", "f2", "escape", "f1"):
            if key == "escape":  # leave settings for home
                await pilot.press(key)
                await pilot.pause()
                continue
            beneath = app.screen
            nodes = list(beneath.walk_children(with_self=True))
            restyled.clear()
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is not beneath and beneath.has_class("-under-dialog")
            # The screen beneath: only what the class reaches (its footer) is restyled.
            again = [node for node in restyled if node in nodes]
            assert len(again) <= 2, (key, again)
            assert [f.styles.visibility for f in beneath.query(KeysFooter)] == ["hidden"], key
            assert _stale_nodes(beneath) == []
            terminal.updates.clear()
            for _ in range(3):
                await pilot.press("tab")
                await pilot.pause()
                assert terminal.differs_from_a_whole_frame() == []
                assert _stale_nodes(app.screen) == []
            if key == "comma":  # a page of settings: focus draws what changed (a
                # whole frame only where the page scrolled to show what took focus)
                assert terminal.updates.count("LayoutUpdate") < 3, terminal.updates
            if key != "comma":
                await pilot.press("escape")
                await pilot.pause()
                assert app.screen is beneath and not beneath.has_class("-under-dialog")
                assert [f.styles.visibility for f in beneath.query(KeysFooter)] == ["visible"]
                assert terminal.differs_from_a_whole_frame() == []
                assert _stale_nodes(beneath) == []
        assert app.screen is home


class _Covered(App[None]):
    SUSPENDED_SCREEN_CLASS = "-covered"
    CSS = """
    App.-marked Label { color: red; }
    Screen.-covered .note { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        from textual.widgets import Label

        yield Label("plain", id="plain")
        yield Label("note", id="note", classes="note")


async def test_a_screen_covered_while_the_app_or_its_theme_changed_is_restyled_whole() -> None:
    """Textual restyles only the screens on show when the app's classes change: a screen
    that was covered then is restyled whole when it shows again, and one covered while the
    theme changed shows the new theme's colours."""
    from textual.color import Color
    from textual.screen import Screen
    from textual.widgets import Label

    from tui.textual_internals import dialogs_restyle_only_what_their_class_reaches

    dialogs_restyle_only_what_their_class_reaches()
    app = _Covered()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        beneath = app.screen
        note = app.query_one("#note", Label)
        plain = app.query_one("#plain", Label)
        await app.push_screen(Screen())  # opaque: Textual restyles only it from now on
        await pilot.pause()
        assert note.styles.text_style.bold and beneath.has_class("-covered")
        app.add_class("-marked")
        await pilot.pause()
        assert plain.styles.color != Color.parse("red")  # as Textual leaves it, covered
        app.pop_screen()
        await pilot.pause()
        assert plain.styles.color == Color.parse("red")
        assert not note.styles.text_style.bold
        assert _stale_nodes(beneath) == []

        await app.push_screen(Screen())
        await pilot.pause()
        app.theme = "nord" if app.theme != "nord" else "gruvbox"
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert app.screen is beneath and _stale_nodes(beneath) == []
        variables = app.get_css_variables()
        assert beneath.styles.background == Color.parse(variables["background"])


class _FocusMarks(_Pages):
    CSS = "#long:focus > .mark { text-style: bold; }"

    def on_mount(self) -> None:
        self.query("#long Label").first().add_class("mark")


async def test_focus_restyles_only_what_a_focus_rule_reaches(monkeypatch: Any) -> None:
    """A scroll container taking focus restyled each of its 30 lines; now only what a
    ``:focus``/``:blur`` rule ends at (here the line a rule marks)."""
    from textual.css.stylesheet import Stylesheet
    from textual.widgets import Label

    from tui.textual_internals import focus_restyles_only_what_it_reaches

    focus_restyles_only_what_it_reaches()
    restyled: list[Any] = []
    update_nodes = Stylesheet.update_nodes

    def counted(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        restyled.extend(nodes)
        update_nodes(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counted)
    app = _FocusMarks()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        long = app.query_one("#long")
        mark = app.query_one(".mark", Label)
        assert not mark.styles.text_style.bold
        for focused in (long, None, long):
            restyled.clear()
            app.screen.set_focus(focused)
            await pilot.pause()
            assert mark in restyled
            assert len(restyled) < 10, restyled  # not each of the 31 nodes
            assert bool(mark.styles.text_style.bold) is (focused is long)
            assert _stale_nodes(app.screen) == []


def test_a_strip_makes_each_cache_when_first_used_and_gives_the_same_lines() -> None:
    from rich.segment import Segment
    from rich.style import Style
    from textual.cache import FIFOCache
    from textual.strip import Strip

    from tui.textual_internals import _STRIP_CACHES, strips_make_their_caches_when_used

    strips_make_their_caches_when_used()
    assert set(_STRIP_CACHES) <= set(Strip.__slots__)  # else Textual moved them
    strip = Strip([Segment("hello "), Segment("world", Style(bold=True))])
    for name in _STRIP_CACHES:
        with pytest.raises(AttributeError):
            object.__getattribute__(strip, name)  # not made yet
    assert strip.crop(2, 8).text == "llo wo"
    assert strip.crop(2, 8) is strip.crop(2, 8)  # cached, as before
    crops = object.__getattribute__(strip, "_crop_cache")
    assert isinstance(crops, FIFOCache) and crops._maxsize == _STRIP_CACHES["_crop_cache"]
    assert [s.text for s in strip.divide([3, 11])] == ["hel", "lo world"]
    assert strip.apply_style(Style(italic=True)).text == "hello world"
    assert strip.crop_extend(0, 14, None).text == "hello world   "
    assert strip.cell_length == 11 and strip.text == "hello world"
    with pytest.raises(AttributeError):
        strip.not_a_cache  # noqa: B018


async def test_a_set_of_choices_starts_its_cursor_on_the_choice_that_is_on(tmp_path: Any) -> None:
    """Settings opened with "5 minutes" chosen put the cursor (and its focus bar) on "3
    minutes"; ↓ then went to 5. Its cursor starts on the choice that is on."""
    from tui.app import KindtoneApp
    from tui.screens.settings import SettingsScreen
    from tui.widgets.toggles import Choice, ChoiceSet

    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(SettingsScreen())
        await pilot.pause()
        length = app.screen.query_one("#length", ChoiceSet)
        assert length.has_focus
        [cursor] = length.query(".-selected").results(Choice)
        assert cursor.value and cursor is length.pressed_button
        await pilot.press("down")
        [cursor] = length.query(".-selected").results(Choice)
        assert cursor.label.plain == "10 minutes"
