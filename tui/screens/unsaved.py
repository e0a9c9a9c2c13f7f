"""When nothing could hold the words: say so plainly and give them back to copy."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, TextArea

from tui.screens.dialog import Dialog
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText


class UnsavedScreen(Dialog[None]):
    BINDINGS = [Binding("escape", "close", "Back")]

    CSS = """
    #unsaved-words {
        height: 1fr;
        min-height: 4;
    }

    #unsaved {
        height: 90%;
    }
    """

    def __init__(self, message: str, words: str) -> None:
        super().__init__()
        self.message = message
        self.words = words

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved", classes="dialog"):
            yield LiteralText("Not saved", classes="title")
            yield LiteralText(self.message)
            # A read-only text box: select and copy, nothing to retype.
            yield TextArea(self.words, read_only=True, soft_wrap=True, id="unsaved-words")
            with Horizontal(classes="buttons"):
                yield Button(Content("Back"), compact=True, id="close", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#unsaved-words", TextArea).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
