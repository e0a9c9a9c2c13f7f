"""A Static that only ever shows its text literally (named so as not to be confused with
plain mode, tui/plain.py).

Every word a person typed or an exercise file held goes through here (or through
``Content``), so ``[bold]`` or ``[@click=app.quit]`` is shown, never obeyed.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.core.text import strip_controls


def literal(text: str) -> Content:
    """Text as displayable content: no markup, no terminal control characters."""
    return Content(strip_controls(text))


class LiteralText(Static):
    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(literal(text), id=id, classes=classes, markup=False)

    def set_text(self, text: str) -> None:
        self.update(literal(text))
