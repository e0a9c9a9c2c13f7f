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
    from textual.widgets import RadioSet


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


def focus_repaints_only_what_it_changes() -> None:
    """Each change of focus repainted the whole screen (a full frame: every widget composed
    again), although what focus changes repaints itself: the widget losing focus and the one
    taking it refresh on their blur and focus events and are restyled, with whatever a
    ``:focus-within`` rule reaches; a style that changes refreshes its widget. The screen's
    own repaint added nothing, so only those widgets are drawn again.

    Internals: ``Screen.focused`` is a ``Reactive`` whose ``_repaint`` flag makes its setter
    call ``Screen.refresh()``; ``Widget._on_focus``/``_on_blur`` call ``refresh()``;
    ``Screen._update_focus_styles`` restyles.
    """
    from textual.reactive import Reactive
    from textual.screen import Screen

    focused = Screen.__dict__.get("focused")
    if isinstance(focused, Reactive):
        focused._repaint = False


def dialogs_restyle_only_what_their_class_reaches() -> None:
    """A screen covered by a dialog takes the app's ``SUSPENDED_SCREEN_CLASS`` (kindtone
    hides its footer with it) and loses it when the dialog closes; Textual restyled every
    node of the screen both times (~7% of the app tests' CPU), though the class can change
    only the nodes a rule naming it ends at. Only those are restyled now: a node no such
    rule reaches matches the same rules as before, and Textual leaves a node whose styles
    don't change untouched anyway. That holds only if the screen was up to date when it was
    covered: Textual restyles just the screens on show when the app's classes, pseudo-
    classes (focus, dark, ANSI, NO_COLOR) or theme change. So when any of those, or the
    stylesheet's variables or its rules that no widget type scopes, changed while the
    screen was covered, it is restyled whole as before.

    Internals: ``Screen._on_screen_suspend``/``_on_screen_resume`` add and remove
    ``App.SUSPENDED_SCREEN_CLASS`` with ``add_class``/``remove_class`` (a no-op when
    already so); ``Stylesheet.rules`` (``RuleSet.selector_set``, ``selector_names``),
    ``DOMNode._selector_names``, ``_get_component_classes``, ``Stylesheet.update_nodes``.
    """
    from textual.screen import Screen

    if getattr(Screen._on_screen_suspend, "kindtone", False):
        return
    suspend = Screen._on_screen_suspend
    resume = Screen._on_screen_resume

    def _on_screen_suspend(self: Screen[Any]) -> None:
        name = self.app.SUSPENDED_SCREEN_CLASS
        if name and self.is_attached and not self.has_class(name):
            # On show until now, so up to date: only what the class reaches can change.
            self.add_class(name, update=False)
            self.app.stylesheet.update_nodes(_nodes_a_class_reaches(self, name), animate=True)
            self._styled_with = _what_styles_depend_on(self.app)  # type: ignore[attr-defined]
        suspend(self)

    def _on_screen_resume(self: Screen[Any], event: Any) -> None:
        name = self.app.SUSPENDED_SCREEN_CLASS
        if name and self.is_attached and self.has_class(name):
            if event.refresh_styles:  # Textual restyles the whole screen next anyway
                self.remove_class(name, update=False)
            elif getattr(self, "_styled_with", None) == _what_styles_depend_on(self.app):
                self.remove_class(name, update=False)
                reached = _nodes_a_class_reaches(self, name)
                self.app.stylesheet.update_nodes(reached, animate=True)
            # Otherwise Textual's remove_class restyles the whole screen.
        resume(self, event)

    _on_screen_suspend.kindtone = True  # type: ignore[attr-defined]
    Screen._on_screen_suspend = _on_screen_suspend  # type: ignore[method-assign]
    Screen._on_screen_resume = _on_screen_resume  # type: ignore[method-assign]


def _what_styles_depend_on(app: App[Any]) -> tuple[Any, ...]:
    """What outside a screen its nodes' styles depend on and Textual updates only on the
    screens on show: the app's classes and pseudo-classes, its theme; and, to be safe, the
    stylesheet's variables and sources that no widget type scopes (a type's own scoped CSS
    arrives before its first node and reaches only that type)."""
    sheet = app.stylesheet
    return (
        id(sheet),
        app._css_update_count,
        app.theme,
        frozenset(app.classes),
        frozenset(app.get_pseudo_classes()),
        tuple(sheet._variables.items()),
        tuple((key, src.content) for key, src in sheet.source.items() if not src.scope),
    )


def _nodes_a_class_reaches(screen: Screen[Any], name: str) -> list[Any]:
    """The nodes of ``screen`` (itself included) whose styles class ``name`` on the screen
    can change: those a rule naming it anywhere in its selectors ends at."""
    from textual.css.model import SelectorType

    def names_it(rule: Any) -> bool:
        return any(
            selector.type is SelectorType.CLASS and selector.name == name
            for selector_set in rule.selector_set
            for selector in selector_set.selectors
        )

    return _nodes_reached(screen, f".{name}", names_it)


def _nodes_reached(root: Any, key: str, reaches: Any) -> list[Any]:
    """``root`` and the nodes it holds that a rule for which ``reaches(rule)`` ends at:
    directly, by one of the node's component classes, or by one of its scrollbars. Only
    their styles can change when what those rules test changes. (The rules' names are
    kept by ``key`` until the stylesheet's rules change.)"""
    from textual.scrollbar import ScrollBar, ScrollBarCorner
    from textual.widget import Widget

    sheet = root.app.stylesheet
    rules = sheet.rules
    kept: tuple[list[Any], dict[str, set[str]]] | None = getattr(sheet, "_kindtone_reach", None)
    if kept is None or kept[0] is not rules:
        kept = sheet._kindtone_reach = (rules, {})
    names = kept[1].get(key)
    if names is None:
        names = kept[1][key] = set().union(*(r.selector_names for r in rules if reaches(r)))
    if not names:
        return []
    virtual = {"*", "DOMNode"}  # what a component class's virtual node also answers to
    bars = {*ScrollBar._css_type_names, *ScrollBarCorner._css_type_names, "*"}
    reaches_bars = not names.isdisjoint(bars)
    reached = []
    for node in root.walk_children(with_self=True):
        if not names.isdisjoint(node._selector_names) or (
            reaches_bars and isinstance(node, Widget) and node.is_scrollable
        ):
            reached.append(node)
            continue
        components = node._get_component_classes()
        if components and not names.isdisjoint(virtual | {f".{c}" for c in components}):
            reached.append(node)
    return reached


def focus_restyles_only_what_it_reaches() -> None:
    """A widget taking or losing focus restyled itself and every node it holds (a page's
    scroll container: the whole page, twice per Tab), though focus can change only the
    nodes a ``:focus`` or ``:blur`` rule ends at; a node no such rule reaches keeps its
    styles, which Textual leaves untouched anyway. ``:focus-within`` is Textual's own
    separate restyle, unchanged.

    Internals: ``Widget.watch_has_focus`` calls ``update_node_styles()`` (Select's overlay
    calls it through ``super()``; ``App.update_styles`` restyles the node and all it holds);
    ``RuleSet.pseudo_classes``.
    """
    from textual._context import NoActiveAppError
    from textual.widget import Widget

    if getattr(Widget.watch_has_focus, "kindtone", False):
        return
    focus = {"focus", "blur"}

    def watch_has_focus(self: Widget, _has_focus: bool) -> None:
        try:
            app = self.app
        except NoActiveAppError:  # as Textual: nothing to restyle
            return
        reached = _nodes_reached(self, ":focus", lambda r: not focus.isdisjoint(r.pseudo_classes))
        if reached:
            app.stylesheet.update_nodes(reached, animate=True)

    watch_has_focus.kindtone = True  # type: ignore[attr-defined]
    Widget.watch_has_focus = watch_has_focus  # type: ignore[method-assign]


# Strip's caches and their sizes, as Strip.__init__ makes them.
_STRIP_CACHES = {
    "_divide_cache": 4,
    "_crop_cache": 16,
    "_style_cache": 16,
    "_filter_cache": 4,
    "_line_length_cache": 4,
    "_crop_extend_cache": 4,
    "_offsets_cache": 4,
}


def strips_make_their_caches_when_used() -> None:
    """Every line Textual draws is a ``Strip``, and each was built with seven empty caches
    (one per kind of derived strip), most never used: ~4 µs of a strip's ~5, and seven
    more objects for the collector, hundreds of thousands of times in a session. A cache
    is now made the first time it is asked for; what it holds and when is unchanged.

    Internals: ``Strip.__slots__`` and the ``FIFOCache``s ``Strip.__init__`` sets; an
    unset slot raises ``AttributeError``, so ``__getattr__`` is asked for it.
    """
    from textual.cache import FIFOCache
    from textual.strip import Strip

    if getattr(Strip.__init__, "kindtone", False):
        return
    if not set(_STRIP_CACHES) <= set(Strip.__slots__):
        return  # Textual changed its caches: leave it as it is (a test says so)

    def __init__(self: Strip, segments: Any, cell_length: int | None = None) -> None:
        self._segments = list(segments)
        self._cell_length = cell_length
        self._render_cache = None
        self._link_ids = None
        self._cell_count = None

    def __getattr__(self: Strip, name: str) -> Any:
        size = _STRIP_CACHES.get(name)
        if size is None:
            raise AttributeError(name)
        cache: FIFOCache[Any, Any] = FIFOCache(size)
        setattr(self, name, cache)
        return cache

    __init__.kindtone = True  # type: ignore[attr-defined]
    Strip.__init__ = __init__  # type: ignore[method-assign]
    Strip.__getattr__ = __getattr__  # type: ignore[attr-defined]


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


def cursor_on_chosen(choices: RadioSet) -> None:
    """Put a set of choices' cursor on the choice that is on (tui.widgets.toggles.ChoiceSet).

    Internal: ``RadioSet._selected`` is the cursor's index; ``RadioSet._on_mount`` sets it
    to the first choice.
    """
    if choices.pressed_index >= 0:
        choices._selected = choices.pressed_index


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
