"""Every place kindtone leans on a Textual internal, in one module.

Each function here has a test in tests/test_textual_internals.py, so a Textual upgrade that
changes one of them fails there first, by name, instead of somewhere in a screen.
"""

from __future__ import annotations

import codecs
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.events import Resize
from textual.widgets import OptionList

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


def tolerate_undecodable_input() -> None:
    """One invalid UTF-8 byte from the terminal (a Latin-1 paste) must not end the app (and
    lose the text being written): Textual's Linux driver decodes strictly.

    Internal: ``textual.drivers.linux_driver`` looks up ``getincrementaldecoder`` as a
    module global when it starts reading input.
    """
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on this platform
        return
    linux_driver.getincrementaldecoder = lambda encoding: functools.partial(  # type: ignore[attr-defined]
        codecs.getincrementaldecoder(encoding), errors="replace"
    )


def set_theme_before_first_parse(app: App[Any], name: str) -> None:
    """Choose the theme before the first stylesheet parse.

    Setting ``theme`` runs Textual's watcher, which re-parses every stylesheet on the next
    tick: needless before the first parse, which will use this theme's variables anyway. So
    when the theme keeps the app's dark/light mode (the ANSI colour filter and mode classes
    are already right) it is set quietly, with the class the watcher would add and the
    theme's variables for that first parse. Otherwise the watcher's full path runs.

    Internals: ``set_reactive`` skips ``App.watch_theme``/``_watch_theme``; the watcher's
    ``-theme-NAME`` class; ``App.stylesheet.set_variables`` with ``get_css_variables()``.
    """
    from textual.app import App

    theme = app.get_theme(name)
    if theme is None or theme.dark != app.current_theme.dark or app.is_running:
        app.theme = name
        return
    app.set_reactive(App.theme, name)
    app.set_class(True, f"-theme-{name}", update=False)
    # The stylesheet took its variables from the default theme in App.__init__.
    app.stylesheet.set_variables(app.get_css_variables())


def scroll_containers_focus_only_when_they_scroll() -> None:
    """A page or dialog that fits its window is no Tab stop: Textual's VerticalScroll always
    takes focus, and focus on one that cannot scroll shows nothing and does nothing. One
    that scrolls still takes focus (its keys scroll it) and shows it with its scrollbar
    (app.tcss). Widgets built on it (RadioSet) are left alone.

    Internal: ``Widget.focusable`` asks ``allow_focus()``, which VerticalScroll does not
    override.
    """
    from textual.containers import VerticalScroll

    def allow_focus(self: VerticalScroll) -> bool:
        if type(self) is not VerticalScroll:  # RadioSet and others build on it: unchanged
            return self.can_focus
        if not self.size.area:
            # Not laid out yet (a screen's first focus): as Textual does, so a screen that
            # focuses something itself on mount still opens at the top.
            return self.can_focus
        return self.can_focus and (self.allow_vertical_scroll or self.allow_horizontal_scroll)

    VerticalScroll.allow_focus = allow_focus  # type: ignore[method-assign,assignment]


def first_frame_is_complete() -> None:
    """A screen is laid out and drawn whole when it first shows, but Textual then drew it two
    or three more times within ~30 ms: the refreshes its widgets asked for while they
    mounted, took their styles and got their sizes reach the screen only after that frame,
    and the screen asks for a full repaint of itself as it resumes. All of that repeats what
    is already on the terminal (home settled ~30 ms after its first frame, in four bursts).
    Now what was asked before a screen's first whole frame is taken as drawn by it; anything
    asked after it is drawn as before. Nor is a screen shown for the first time restyled
    when that would change nothing (see ``_styled_as_mounted``).

    Internals: ``Screen._on_screen_resume`` lays out and paints when the screen's size is
    new (``_size`` vs ``app.size``), then calls ``refresh()`` (``_repaint_required``);
    ``_dirty_widgets`` and ``_layout_widgets`` collect ``messages.Update``/``Layout``
    (stamped with ``Message.time``) from widgets' ``_repaint_required`` and
    ``_layout_required``; ``Compositor.visible_widgets`` are the widgets it drew.
    """
    from textual import messages
    from textual._time import get_time
    from textual.screen import Screen

    if getattr(Screen._on_screen_resume, "kindtone", False):
        return
    resume = Screen._on_screen_resume
    on_update = Screen._on_update
    on_layout = Screen._on_layout

    def _on_screen_resume(self: Screen[Any], event: Any) -> None:
        size = self.app.size  # Textual lays out and paints only a non-empty new size
        drawn_whole = self.is_attached and bool(size) and self._size != size
        if not getattr(self, "_resumed_before", False) and _styled_as_mounted(self):
            event.refresh_styles = False
        self._resumed_before = True  # type: ignore[attr-defined]
        resume(self, event)
        if not (drawn_whole and self.is_current and not self.app._batch_count):
            return
        self._drawn_whole_at = get_time()  # type: ignore[attr-defined]
        self._repaint_required = False
        self._dirty_widgets.clear()
        self._layout_widgets.clear()
        for widget in self._compositor.visible_widgets:
            widget._repaint_required = False
            widget._layout_required = False

    async def _on_update(self: Screen[Any], message: messages.Update) -> None:
        if message.time <= getattr(self, "_drawn_whole_at", -1.0):
            message.stop()
            message.prevent_default()
            return
        await on_update(self, message)

    async def _on_layout(self: Screen[Any], message: messages.Layout) -> None:
        if message.time <= getattr(self, "_drawn_whole_at", -1.0):
            message.stop()
            message.prevent_default()
            return
        await on_layout(self, message)

    _on_screen_resume.kindtone = True  # type: ignore[attr-defined]
    Screen._on_screen_resume = _on_screen_resume  # type: ignore[method-assign]
    Screen._on_update = _on_update  # type: ignore[method-assign]
    Screen._on_layout = _on_layout  # type: ignore[method-assign]


def _styled_as_mounted(screen: Screen[Any]) -> bool:
    """Whether restyling a screen that is shown for the first time would change nothing.

    Each node was styled as it mounted; Textual restyles them all again when the screen
    resumes (~10% of home's time to its first frame). That is needed only if a rule came
    later that can reach a node mounted earlier: one not scoped to a widget type (a type's
    own CSS arrives before its first node, and reaches only it and what it holds), apart
    from the app's own stylesheet, loaded before any screen; or a rule that depends on
    siblings mounted later (first/last child, odd/even) or on focus inside a node.

    Internals: ``Stylesheet.source`` (``CssSource.scope``), ``App.css_path``, the
    ``_has_order_style``/``_has_odd_or_even``/``_has_focus_within`` flags ``apply`` sets.
    """
    app = screen.app
    own = {(str(path), "") for path in app.css_path}
    if any(not src.scope and key not in own for key, src in app.stylesheet.source.items()):
        return False
    return not any(
        node._has_order_style or node._has_odd_or_even or node._has_focus_within
        for node in screen.walk_children(with_self=True)
    )


def hidden_toasts_left_alone() -> None:
    """With no notification to show, Textual still sets its (hidden, empty) toast rack to
    ``display: none`` each time a screen resumes: a new layout and a second frame just after
    the first. Nothing changes on screen, so it is skipped.

    Internals: ``App._refresh_notifications`` and ``App._notifications``; the screen's
    ``ToastRack`` child.
    """
    from textual.app import App, ScreenStackError
    from textual.css.query import NoMatches
    from textual.widgets._toast import ToastRack

    if getattr(App._refresh_notifications, "kindtone", False):
        return
    refresh = App._refresh_notifications

    def _refresh_notifications(self: App[Any]) -> None:
        if not self._notifications:
            try:
                rack = self.screen.get_child_by_type(ToastRack)
            except (NoMatches, ScreenStackError):
                rack = None
            if rack is not None and not rack.display and not rack.children:
                return
        refresh(self)

    _refresh_notifications.kindtone = True  # type: ignore[attr-defined]
    App._refresh_notifications = _refresh_notifications  # type: ignore[method-assign]


class SteadyOptionList(OptionList):
    """An OptionList that draws itself again after a resize only when its width changed.

    Textual's clears its caches and redraws on every resize, including the first, which
    comes just after the first frame (already drawn at that width): a second frame for
    nothing. Heights don't change how options wrap; widths do.

    Internal: ``OptionList._on_resize`` (no event argument) clears the caches; a subclass's
    ``_on_resize`` runs first and ``prevent_default`` stops it.
    """

    _drawn_width: int | None = None

    def _on_resize(self, event: Resize) -> None:  # type: ignore[override]
        # The first resize reports the size the first frame was drawn at.
        unchanged = self._drawn_width in (None, event.size.width)
        self._drawn_width = event.size.width
        if unchanged:
            event.prevent_default()


# -- parsed CSS kept between starts ---------------------------------------------------------

_CSS_CACHE_FORMAT = 1
_CSS_CACHE_THEMES = 4  # variable sets (themes) kept; the oldest goes first
_CSS_CACHE_ENTRIES = 200  # stylesheets kept per theme (kindtone has ~60); the oldest go first


class _ParsedCss:
    """What ``keep_parsed_css`` read and parsed: {variables: {source key: pickled rules}}."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept: dict[tuple[tuple[str, str], ...], dict[tuple[Any, ...], bytes]] = {}
        # Rules already read back in this process, shared as Textual's own parse cache
        # shares them (rule sets are not changed after parsing).
        self.read: dict[tuple[Any, ...], Any] = {}
        self.changed = False


_parsed_css: _ParsedCss | None = None


def keep_parsed_css(folder: Path) -> None:
    """Parse each stylesheet once, not at every start: Textual parses every stylesheet (the
    app's, and each widget's DEFAULT_CSS) anew in each process, about a fifth of the CPU
    time kindtone takes from ``App.run`` to its first frame. The parsed rules are kept in a
    file in ``folder`` (the user cache dir) and read back at the next start; they depend
    only on the CSS text, where it came from, the theme's variables and Textual's parser,
    and all of them are the key (the parser by the size and change time of its modules, in
    the file name). ``save_parsed_css`` writes what was new. A cache file that is a symlink,
    someone else's, writable by others, or unreadable is ignored (and then replaced).

    Internal: ``Stylesheet._parse_rules(css, read_from, is_default_rules, tie_breaker,
    scope)`` returns the list of ``RuleSet`` parsed with ``self._variables``.
    """
    global _parsed_css
    from textual.css.stylesheet import Stylesheet

    _parsed_css = _ParsedCss(folder / _css_cache_name())
    _parsed_css.kept = _read_parsed_css(_parsed_css.path)
    if getattr(Stylesheet._parse_rules, "kindtone", False):
        return
    parse_rules = Stylesheet._parse_rules

    def _parse_rules(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        cache = _kept_css()
        if cache is None:  # saved, or never asked for: Textual's own parse
            return parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        key = (css, read_from, is_default_rules, tie_breaker, scope)
        if key in self._parse_cache:
            return self._parse_cache[key]
        variables = tuple(sorted(self._variables.items()))
        read = cache.read.get((variables, key))
        if read is not None:  # Textual re-parses every source when one is added
            self._parse_cache[key] = read
            return read
        kept = cache.kept.get(variables)
        if kept is not None and key in kept:
            import pickle

            try:
                rules = pickle.loads(kept[key])
            except Exception:
                pass
            else:
                cache.read[variables, key] = rules
                self._parse_cache[key] = rules
                return rules
        rules = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):
            import pickle

            try:
                pickled = pickle.dumps(rules, protocol=5)
            except Exception:  # something that can't be kept: parsed at each start
                return rules
            entries = {**(kept or {}), key: pickled}
            while len(entries) > _CSS_CACHE_ENTRIES:
                del entries[next(iter(entries))]
            cache.kept.pop(variables, None)  # most recently used last
            cache.kept[variables] = entries
            while len(cache.kept) > _CSS_CACHE_THEMES:
                del cache.kept[next(iter(cache.kept))]
            cache.changed = True
        return rules

    _parse_rules.kindtone = True  # type: ignore[attr-defined]
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]


def _kept_css() -> _ParsedCss | None:
    return _parsed_css


def save_parsed_css() -> None:
    """Write the parsed CSS ``keep_parsed_css`` gathered, if any was new since the last save
    (atomically, 0600)."""
    cache = _parsed_css
    if cache is None or not cache.changed:
        return
    cache.changed = False
    import pickle

    from tui.user_cache import write_cache_file

    data = pickle.dumps((_CSS_CACHE_FORMAT, cache.kept), protocol=5)
    write_cache_file(cache.path, data, replaces="css-")


def _read_parsed_css(path: Path) -> dict[Any, Any]:
    import pickle

    from tui.user_cache import read_cache_file

    data = read_cache_file(path)
    if data is None:
        return {}
    try:
        version, kept = pickle.loads(data)
    except Exception:
        return {}
    return kept if version == _CSS_CACHE_FORMAT and isinstance(kept, dict) else {}


def _css_cache_name() -> str:
    """Names Textual's parser by the size and change time of its modules."""
    import os
    import sys

    from textual.css import model, parse, styles, stylesheet, tokenize

    marks = []
    for module in (parse, tokenize, model, styles, stylesheet):
        try:
            info = os.stat(module.__file__ or "")
        except OSError:
            marks.append("x")
        else:
            marks.append(f"{info.st_size:x}{info.st_mtime_ns:x}")
    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return f"css-{_CSS_CACHE_FORMAT}-py{python}-{'-'.join(marks)}.pickle"
