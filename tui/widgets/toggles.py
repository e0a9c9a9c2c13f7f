"""Checkboxes and radio buttons whose state reads without colour (NO_COLOR, screen readers).

Textual draws the same mark whether on or off and tells them apart by colour alone; these
show the mark only when on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton, RadioSet

from tui.textual_internals import cursor_on_chosen

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


def _wrapped_height(toggle: Checkbox | RadioButton, width: int) -> int:
    """Textual counts one line whatever the width: a long label was cut at the window's edge
    ("Reduced motion (a gentle count instead of the brea" at 60 columns). It wraps (app.tcss)."""
    # RenderStyles reads rules as RulesMap does (Textual's own widgets pass it the same way).
    return max(1, toggle.render().get_height(cast("RulesMap", toggle.styles), width))


class Tick(Checkbox):
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return _wrapped_height(self, width)

    @property  # Textual reads BUTTON_INNER when drawing
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "


class Choice(RadioButton):
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return _wrapped_height(self, width)

    @property  # Textual reads BUTTON_INNER when drawing
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "


class ChoiceSet(RadioSet):
    """A set of choices whose cursor starts on the choice that is on, not on the first:
    Settings opened with "5 minutes" chosen and the cursor (the focus bar) on "3 minutes",
    two rows marked, and ↓ went to the one already chosen. (Textual's own mount handler,
    which puts it on the first, runs after this one: hence after a refresh.)"""

    def on_mount(self) -> None:
        self.call_after_refresh(cursor_on_chosen, self)
