"""A 0–10 rating that can always be left unanswered."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.text import strip_controls


class RatingBar(Widget, can_focus=True):
    """Left/right or a digit to choose; nothing chosen means skipped."""

    BINDINGS = [
        Binding("left", "move(-1)", "Less", show=False),
        Binding("right", "move(1)", "More", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    COMPONENT_CLASSES = {"rating-bar--scale"}

    # Focus shows twice: a mark before the scale (it reads without colour, NO_COLOR too) and
    # the scale on a tint of the theme's accent.
    DEFAULT_CSS = """
    RatingBar { height: 3; width: auto; min-width: 52; }
    RatingBar > .rating-bar--scale { color: $foreground; }
    RatingBar:focus > .rating-bar--scale { background: $accent 35%; text-style: bold; }
    """

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, bar: RatingBar, value: int | None) -> None:
            super().__init__()
            self.bar = bar
            self.value = value

    def __init__(
        self,
        low: str,
        high: str,
        value: int | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.low = strip_controls(low)
        self.high = strip_controls(high)
        self.set_reactive(RatingBar.value, value)

    def render(self) -> Content:
        cells: list[tuple[str, str] | str] = ["▸ " if self.has_focus else "  "]
        for n in range(11):
            label = f" {n} "
            if n == self.value:
                cells.append((label, "reverse bold"))
            else:
                cells.append((label, ""))
        scale = Content.assemble(*cells).stylize_before(self.get_visual_style("rating-bar--scale"))
        ends = Content(f"  0 = {self.low}   ·   10 = {self.high}")
        chosen = "not rated (that's fine)" if self.value is None else f"you chose {self.value}"
        return Content("\n").join([scale, ends, Content.styled("  " + chosen, "dim")])

    def on_focus(self) -> None:
        self.refresh()  # the mark

    def on_blur(self) -> None:
        self.refresh()

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_move(self, delta: int) -> None:
        start = 5 if self.value is None else self.value
        self.value = max(0, min(10, start + (delta if self.value is not None else 0)))

    def action_clear(self) -> None:
        self.value = None

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            digit = int(event.character)
            # "1" then "0" within a moment makes 10.
            self.value = 10 if (digit == 0 and self.value == 1) else digit
            event.stop()

    def on_click(self, event: events.Click) -> None:
        if event.y == 0 and 2 <= event.x < 35:  # after the focus mark, three cells a number
            self.value = (event.x - 2) // 3
