"""A short, slow breath to come back to the room; reachable from the support screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button

from tui.screens.dialog import Dialog
from tui.widgets.breathe import BreathingGuide, Pace
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText

if TYPE_CHECKING:
    from tui.app import KindtoneApp

GROUNDING = (
    "Feel your feet on the floor and the seat beneath you. "
    "Breathe in gently, and let the out-breath be a little longer."
)


class GroundingScreen(Dialog[None]):
    app: KindtoneApp

    BINDINGS = [Binding("escape", "close", "Done")]

    def compose(self) -> ComposeResult:
        with Vertical(id="grounding", classes="dialog"):
            yield LiteralText("A grounding breath", classes="title")
            yield LiteralText(GROUNDING)
            yield BreathingGuide(Pace(4, 0, 6, 4), reduced_motion=self.app.reduced_motion)
            yield Button(Content("Done"), compact=True, id="done", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#done", Button).focus()

    @on(Button.Pressed, "#done")
    def action_close(self) -> None:
        self.dismiss(None)
