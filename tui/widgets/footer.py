"""The footer of every screen: its keys drawn with the screen, and again only when they change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.textual_internals import footer_keys_ready_at_mount


class KeysFooter(Footer):
    """Textual's footer starts empty and recomposes after every change of focus, so each
    screen drew its footer two or three times after the first frame. This one has its keys
    in the first frame and recomposes only when the keys it shows differ."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        footer_keys_ready_at_mount(self)
        self._drawn: tuple[tuple[str, str, bool], ...] | None = None

    def _keys(self) -> tuple[tuple[str, str, bool], ...]:
        return tuple(
            (binding.key, binding.description, enabled)
            for _node, binding, enabled, _tooltip in self.screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette"
        )

    def compose(self) -> ComposeResult:
        self._drawn = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Compact from the first frame, not one frame later (FooterKey's watcher).
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and self._keys() == self._drawn:
            return
        super().bindings_changed(screen)
