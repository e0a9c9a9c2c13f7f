"""A list that draws only the rows on screen, so 20,000 reflections scroll smoothly."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.reflection_index import Row
from tui.core.text import strip_controls


class ReflectionList(ScrollView, can_focus=True):
    """Rows are data; their text is built with ``describe`` and shown literally."""

    COMPONENT_CLASSES = {"reflection-list--cursor", "reflection-list--unfinished"}

    DEFAULT_CSS = """
    ReflectionList { height: 1fr; }
    ReflectionList > .reflection-list--cursor { background: $accent 40%; text-style: bold; }
    ReflectionList:focus > .reflection-list--cursor { background: $accent; color: $background; }
    ReflectionList > .reflection-list--unfinished { color: $text-muted; }
    """

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Read", show=True),
    ]

    cursor: reactive[int] = reactive(0)

    class Selected(Message):
        def __init__(self, row: Row) -> None:
            super().__init__()
            self.row = row

    def __init__(self, describe: Callable[[Row, int], str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.describe = describe
        self.rows: Sequence[Row] = ()
        self._text_cache: dict[str, str] = {}

    def set_rows(self, rows: Sequence[Row], keep: str | None = None, near: int = 0) -> None:
        """Replace the rows (a search or filter); keep the cursor on ``keep`` if it's there,
        else at position ``near`` (after a delete: the row that took its place)."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        index = next((n for n, row in enumerate(rows) if row.id == keep), None)
        if index is None:
            index = max(0, min(near, len(rows) - 1))
        self.cursor = index
        self.scroll_to(y=max(0, index - self.size.height // 2), animate=False)
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()  # the mark on the cursor's row

    def on_blur(self) -> None:
        self.refresh()

    def allow_focus(self) -> bool:
        """An empty list is no place to stop on the way round with Tab."""
        return bool(self.rows)

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        top = self.scroll_offset.y
        height = max(1, self.size.height)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)

    def _text(self, row: Row) -> str:
        text = self._text_cache.get(row.id)
        if text is None:
            # A row fits the width it is drawn at (less the space before it).
            text = strip_controls(self.describe(row, self.size.width - 1)).replace("\n", " ")
            self._text_cache[row.id] = text
        return text

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        if index >= len(self.rows):
            # Emptied while it had focus (the last match deleted): the mark alone, where the
            # cursor's row would be, so focus still shows without colour.
            mark = "▸" if index == 0 and self.has_focus else " "
            return Strip([Segment(mark, self.rich_style)]).crop_extend(0, width, self.rich_style)
        row = self.rows[index]
        text = self._text(row)
        style: Style = self.rich_style
        if index == self.cursor:
            style = style + self.get_component_rich_style("reflection-list--cursor")
        elif not row.completed:
            style = style + self.get_component_rich_style("reflection-list--unfinished")
        # The cursor's row is marked while the list has focus, so focus reads without
        # colour (NO_COLOR: the row's two greys were all that changed), as a rating does.
        mark = "▸" if index == self.cursor and self.has_focus else " "
        strip = Strip([Segment(mark + text, style)])
        return strip.crop_extend(0, width, style)

    def action_move(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height - 1)

    def action_jump(self, where: int) -> None:
        self.cursor = 0 if where == 0 else len(self.rows) - 1

    def action_select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Selected(row))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.rows):
            if index == self.cursor and event.chain >= 2:
                self.action_select()
            self.cursor = index

    def on_resize(self) -> None:
        self._text_cache.clear()
        self.virtual_size = Size(self.size.width, len(self.rows))
