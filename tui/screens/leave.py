"""Leaving mid-session: keep what's written (as unfinished) or let it go."""

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


class LeaveScreen(Dialog[str | None]):
    """Dismisses with "keep", "discard" or None (stay)."""

    BINDINGS = [Binding("escape", "stay", "Stay")]

    def __init__(
        self,
        *,
        has_writing: bool,
        what: str = "session",
        can_keep: bool = True,
        quitting: bool = False,
    ) -> None:
        super().__init__()
        self.has_writing = has_writing
        # False when nothing can be written: "keep" is then only the words shown to copy.
        self.can_keep = can_keep
        self.quitting = quitting  # ctrl+q: the words that can't be kept go to the terminal
        self.what = what  # "session", or "catch" (only ever asked with words written)

    def compose(self) -> ComposeResult:
        with Vertical(id="leave", classes="dialog"):
            yield LiteralText(f"Leave this {self.what}?", classes="title")
            if self.has_writing and not self.can_keep:
                yield LiteralText(
                    "Nothing can be written to your data folder, so what you've written can't "
                    + (
                        "be kept. Quit, and it is printed in the terminal to copy; or let it go."
                        if self.quitting
                        else "be kept. You can see it to copy, or let it go."
                    )
                )
            elif self.has_writing:
                yield LiteralText(
                    "You can keep what you've written as an unfinished reflection, or let it go."
                )
            else:
                yield LiteralText("Stopping early is fine. You can come back any time.")
            with Horizontal(classes="buttons"):
                if self.has_writing:
                    keep = (
                        "Keep what I wrote"
                        if self.can_keep
                        else "Quit and print it"
                        if self.quitting
                        else "Show it to copy"
                    )
                    yield Button(Content(keep), compact=True, id="keep", variant="primary")
                    yield Button(Content("Discard it"), compact=True, id="discard", variant="error")
                else:
                    yield Button(Content("Leave"), compact=True, id="discard", variant="primary")
                yield Button(Content("Stay"), compact=True, id="stay")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss("keep")

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.dismiss("discard")

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        self.dismiss(None)
