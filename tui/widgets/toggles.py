"""Checkboxes and radio buttons whose state reads without colour (NO_COLOR, screen readers).

Textual draws the same mark whether on or off and tells them apart by colour alone; these
show the mark only when on.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class Tick(Checkbox):
    @property  # Textual reads BUTTON_INNER when drawing
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "


class Choice(RadioButton):
    @property  # Textual reads BUTTON_INNER when drawing
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "
