"""Every place kindtone leans on a Textual internal, in one module.

Each function here has a test in tests/test_textual_internals.py, so a Textual upgrade that
changes one of them fails there first, by name, instead of somewhere in a screen.
"""

from __future__ import annotations

import codecs
import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.widgets import Footer


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


def footer_keys_ready_at_mount(footer: Footer) -> None:
    """Let a footer compose its keys when it mounts.

    Internal: ``Footer._bindings_ready`` stays False (an empty footer) until the screen
    first signals its bindings, one refresh after the first frame.
    """
    from textual.widgets import Footer

    footer.set_reactive(Footer._bindings_ready, True)


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
