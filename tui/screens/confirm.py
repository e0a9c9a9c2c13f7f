"""A yes/no question that defaults to the safe answer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button

from tui.screens.dialog import Dialog
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText


class ConfirmScreen(Dialog[bool]):
    BINDINGS = [Binding("escape", "no", "Cancel")]

    def __init__(self, title: str, body: str, yes: str, no: str = "Cancel") -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield LiteralText(self.title_text, classes="title")
            yield LiteralText(self.body)
            with Horizontal(classes="buttons"):
                yield Button(Content(self.no), compact=True, id="no", variant="primary")
                yield Button(Content(self.yes), compact=True, id="yes", variant="error")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)
