"""The footer of every screen: Support first, whole keys only, one widget drawn with the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen

FIRST = "f2"  # support: the one key that must show on every screen, at any width
DIVIDER = "▏"  # before the command-palette key, as Textual's footer draws its left border


class FooterEntry(NamedTuple):
    key: str
    key_display: str
    description: str
    enabled: bool
    tooltip: str
    palette: bool = False  # the command-palette key, kept at the right

    @property
    def width(self) -> int:
        """Cells it takes: the key, a space and the description, and a space after; the
        palette key also a divider before."""
        words = len(self.key_display) + (len(self.description) + 1 if self.description else 0)
        return words + (2 if self.palette else 1)


class KeysFooter(Widget, can_focus=False):
    """The screen's keys on one line, as Textual's compact footer shows them, in one widget.

    Textual's footer is a container of one widget per key: on home that was 8 of its 15
    widgets, each to compose, mount, style, lay out and draw before the first frame (about a
    third of the app's own start-up work), and the footer recomposed after every change of
    focus. This one draws the same line itself: F2 Support first, then the screen's keys
    while they fit whole (a key that doesn't fit is left out, never cut to a stray letter),
    and the command-palette key at the right. It redraws only when the keys change. A click
    on a key presses it (a disabled one rings the bell), the key under the mouse is
    highlighted and its tooltip shown, as in Textual's footer.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--hover",
        "keys-footer--divider",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        width: 100%;
        color: $footer-foreground;
        background: $footer-background;
        & > .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keys-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .keys-footer--divider {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._drawn: tuple[FooterEntry, ...] | None = None
        self._hover: FooterEntry | None = None

    # -- which keys ----------------------------------------------------------------------

    def entries(self) -> list[FooterEntry]:
        """The screen's keys in footer order (F2 first, one key per action), then the
        command-palette key."""
        active = self.screen.active_bindings
        entries: list[FooterEntry] = []
        actions: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            entries.append(self._entry(binding, enabled, tooltip))
        entries.sort(key=lambda entry: entry.key != FIRST)
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _node, binding, enabled, _tooltip = palette
                tooltip = binding.tooltip or binding.description
                entries.append(self._entry(binding, enabled, tooltip, palette=True))
        return entries

    def _entry(
        self, binding: Binding, enabled: bool, tooltip: str, *, palette: bool = False
    ) -> FooterEntry:
        key = self.app.get_key_display(binding)
        return FooterEntry(binding.key, key, binding.description, enabled, tooltip, palette)

    def shown(self, width: int | None = None) -> list[tuple[int, FooterEntry]]:
        """(x, entry) of each key drawn at ``width`` (the footer's own by default): keys in
        order while they fit whole, and the command-palette key at the right."""
        width = self.size.width if width is None else width
        entries = self.entries()
        palette = [entry for entry in entries if entry.palette]
        # As Textual's footer fitted them: the space after the last key may sit under the
        # palette key's divider.
        room = width - sum(entry.width - 1 for entry in palette)
        placed: list[tuple[int, FooterEntry]] = []
        x = 0
        for entry in entries:
            if entry.palette:
                continue
            if x + entry.width > room:
                break  # after one is left out, no more
            placed.append((x, entry))
            x += entry.width
        x = width
        for entry in reversed(palette):
            x -= entry.width
            placed.append((x, entry))
        return placed

    def key_at(self, x: int) -> FooterEntry | None:
        for start, entry in self.shown():
            if start <= x < start + entry.width - 1:
                return entry
        return None

    # -- drawing -------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Redraw only when the keys differ from what is on screen."""
        if self.is_attached and screen is self.screen and tuple(self.entries()) != self._drawn:
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y:
            return Strip.blank(width, base)
        placed = self.shown(width)
        self._drawn = tuple(self.entries())
        blank = Style(bgcolor=base.bgcolor)  # between keys: the footer's background alone
        left = [entry for _x, entry in placed if not entry.palette]
        right = [(x, entry) for x, entry in placed if entry.palette]
        segments: list[Segment] = []
        for entry in left:
            segments.extend(self._entry_segments(entry, base))
            segments.append(Segment(" ", blank))
        end = right[0][0] if right else width
        line = Strip(segments).crop_extend(0, end, blank)
        tail: list[Segment] = []
        for _x, entry in right:
            tail.extend(self._entry_segments(entry, base))
            tail.append(Segment(" ", blank))
        return Strip.join([line, Strip(tail)]).crop_extend(0, width, blank)

    def _entry_segments(self, entry: FooterEntry, base: Style) -> list[Segment]:
        key_style = base + self.get_component_rich_style("keys-footer--key")
        description_style = base + self.get_component_rich_style("keys-footer--description")
        item = base
        if entry == self._hover:
            hover = self.get_component_rich_style("keys-footer--hover")
            item = base + hover
            key_style = self._over(key_style, "keys-footer--key", hover)
            description_style = self._over(description_style, "keys-footer--description", hover)
        if not entry.enabled:
            dim = Style(dim=True)
            item, key_style, description_style = (
                item + dim,
                key_style + dim,
                description_style + dim,
            )
        segments: list[Segment] = []
        if entry.palette:
            divider = self.get_component_rich_style("keys-footer--divider")
            segments.append(Segment(DIVIDER, item + Style(color=divider.color)))
        segments.append(Segment(entry.key_display, key_style))
        if entry.description:
            segments.append(Segment(f" {entry.description}", description_style))
        return segments

    def _over(self, style: Style, component: str, hover: Style) -> Style:
        """A part with no background of its own shows the hover background, as a key's
        parts did over Textual's FooterKey:hover."""
        if self.get_component_styles(component).background == Color(0, 0, 0, 0):
            return style + Style(bgcolor=hover.bgcolor)
        return style

    # -- the mouse -----------------------------------------------------------------------

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_on(self.key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover_on(None)

    def _hover_on(self, entry: FooterEntry | None) -> None:
        if entry == self._hover:
            return
        self._hover = entry
        self.tooltip = entry.tooltip if entry is not None and entry.tooltip else None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        entry = self.key_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
