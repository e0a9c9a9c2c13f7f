"""The footer of every screen: Support first, whole keys only, drawn once with the screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.textual_internals import footer_keys_ready_at_mount

FIRST = "f2"  # support: the one key that must show on every screen, at any width


class KeysFooter(Footer):
    """Textual's footer starts empty and recomposes after every change of focus, so each
    screen drew its footer two or three times after the first frame; and when its keys
    don't fit, the last one is cut mid-word (a stray "f") and F2 Support, being last, falls
    off at 60 columns. This one has its keys in the first frame, recomposes only when they
    differ, shows F2 first, and leaves out whole keys that don't fit."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        footer_keys_ready_at_mount(self)
        self._drawn: tuple[tuple[str, str, bool], ...] | None = None

    def _keys(self) -> tuple[tuple[str, str, bool], ...]:
        return tuple(
            (binding.key, binding.description, enabled)
            for _node, binding, enabled, _tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        self._drawn = self._keys()
        widgets: list[Widget] = list(super().compose())  # no binding groups in kindtone
        widgets.sort(key=lambda w: not (isinstance(w, FooterKey) and w.key == FIRST))
        for widget in widgets:
            if isinstance(widget, FooterKey):
                # Compact from the first frame, not one frame later (FooterKey's watcher).
                widget.set_class(self.compact, "-compact", update=False)
        # Fitted to the screen's width before the first frame (a footer spans the screen):
        # fitting after it would lay the screen out and draw it again.
        fit_keys([w for w in widgets if isinstance(w, FooterKey)], self.app.size.width)
        yield from widgets
        self.call_after_refresh(self._fit_now)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and self._keys() == self._drawn:
            return
        super().bindings_changed(screen)

    def _fit_now(self) -> None:
        self.fit(self.size.width)

    def on_resize(self, event: Resize) -> None:
        self.fit(event.size.width)

    def fit(self, width: int) -> None:
        fit_keys(list(self.query_children(FooterKey)), width)


def fit_keys(keys: list[FooterKey], width: int) -> None:
    """Show keys in order while they fit whole; the command-palette key keeps its place.
    A key whose display is already right is left alone: setting it anyway lays the screen
    out again and redraws it."""
    palette = [key for key in keys if key.has_class("-command-palette")]
    room = width - sum(key_width(key) for key in palette)
    for key in keys:
        if key in palette:
            continue
        needed = key_width(key)
        show = needed <= room
        if key.display != show:
            key.display = show
        room -= needed if show else room  # after one is left out, no more


def key_width(key: FooterKey) -> int:
    """Cells a compact key takes: the key, a space, the description, and a space after."""
    description = f" {key.description}" if key.description else ""
    return len(key.key_display) + len(description) + 1
