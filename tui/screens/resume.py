"""After a crash or a closed window: pick up where you left off, or keep it for later reading."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button

from tui.core.flow import WORDS_KEPT
from tui.core.session import Session
from tui.core.timestamps import spoken_date
from tui.screens.dialog import Dialog
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText


class ResumeScreen(Dialog[bool | None]):
    BINDINGS = [Binding("escape", "later", "Later")]

    def __init__(self, session: Session, kept: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.kept = kept or WORDS_KEPT  # what the offer says of the words (the core's)

    def compose(self) -> ComposeResult:
        started = spoken_date(self.session.started_at)
        titles = ", ".join(e.title for e in self.session.exercises)
        with Vertical(id="resume", classes="dialog"):
            yield LiteralText("Welcome back", classes="title")
            yield LiteralText(f"You have an unfinished session from {started}: {titles}.")
            yield LiteralText(self.kept, classes="muted")
            with Horizontal(classes="buttons"):
                yield Button(Content("Resume"), compact=True, id="resume-button", variant="primary")
                yield Button(Content("Not now"), compact=True, id="discard")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#resume-button", Button).focus()

    @on(Button.Pressed, "#resume-button")
    def _resume(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.dismiss(False)

    def action_later(self) -> None:
        self.dismiss(None)
