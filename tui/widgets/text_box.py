"""A TextArea that survives being drawn without its component styles (Textual 8.2).

Textual's TextArea applies its theme from component styles on every draw. A frame drawn
just as the text box is removed (they are cleared on removal) or before they are first set
raises ``KeyError: "No 'text-area--gutter' key in COMPONENT_CLASSES"`` and stops the app
(textual#6528, textual#6208). It happened about once in twenty whole-session test runs, on
moving from a write step to the next. For that one frame this draws nothing instead.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class TextBox(TextArea):
    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError as error:
            if "COMPONENT_CLASSES" not in str(error):
                raise
            return [Strip.blank(crop.width, self.rich_style) for _ in range(crop.height)]
