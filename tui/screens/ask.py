"""Asking directly, and kindly, when words might mean risk but aren't clear."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button

from tui.core.flow import ASK_CHOICES, ASK_HEADING, ASK_QUESTION, AskAnswer
from tui.screens.dialog import Dialog
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText


class AskScreen(Dialog[AskAnswer | None]):
    """Dismisses with the person's answer; escape means "I'd rather not say"."""

    CSS = """
    #ask-choices {
        height: auto;
        margin-top: 1;
    }

    /* As wide as their words: a short one, centred in a wider button, sat a column in. */
    #ask-choices Button {
        min-width: 0;
    }
    """

    BINDINGS = [
        Binding("escape", "rather_not", "I'd rather not say"),
        Binding("down", "app.focus_next", "Next", show=False),
        Binding("up", "app.focus_previous", "Previous", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="ask", classes="dialog"):
            yield LiteralText(ASK_HEADING, classes="title")
            yield LiteralText(ASK_QUESTION)
            # One choice a line: all three fit at 60 columns, and read in order.
            with Vertical(id="ask-choices"):
                for choice, label in ASK_CHOICES:
                    yield Button(Content(label), compact=True, id=f"ask-{choice}")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.app.clear_notifications()  # nothing drawn over the question or its choices
        # No answer is pre-chosen for them: focus the question's first choice, read aloud
        # first by screen readers, and Enter on it opens support (the safe side).
        self.query_one("#ask-yes", Button).focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        for choice, _ in ASK_CHOICES:
            if event.button.id == f"ask-{choice}":
                self.dismiss(choice)

    def action_rather_not(self) -> None:
        self.dismiss("rather-not")
