"""Support: real options for reaching a person, opened by F2 or by crisis language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button

from tui.core.safety import CRISIS_PAUSE, NOT_A_CRISIS_SERVICE, support_lines
from tui.screens.dialog import Dialog
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText

if TYPE_CHECKING:
    from tui.app import KindtoneApp

OPENED = "If things feel like too much, you don't have to manage it alone."


class SupportScreen(Dialog[str | None]):
    """Dismisses with "continue", "end" or None (closed from outside a session)."""

    app: KindtoneApp

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("b", "breathe", "Grounding breath"),
    ]

    def __init__(self, *, paused_session: bool = False, pause_words: str = CRISIS_PAUSE) -> None:
        super().__init__()
        self.paused_session = paused_session
        self.pause_words = pause_words  # says "kept" only when the words are in a file

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="support", classes="dialog"):
            yield LiteralText("Support", classes="title")
            yield LiteralText(self.pause_words if self.paused_session else OPENED)
            yield LiteralText(NOT_A_CRISIS_SERVICE, classes="muted")
            yield LiteralText(
                "If you might act on thoughts of harming yourself, please reach a person now:",
                classes="prompt",
            )
            settings = self.app.settings
            for line in support_lines(settings.country, settings.support_lines):
                # A hanging indent: a long line wraps under its words, not under the bullet.
                with Horizontal(classes="resource"):
                    yield LiteralText("•", classes="bullet")
                    yield LiteralText(line)
            yield LiteralText(
                "Or tell someone you trust how you're feeling. You deserve support.",
            )
            with Horizontal(classes="buttons"):
                yield Button(Content("A grounding breath"), compact=True, id="breathe")
                if self.paused_session:
                    yield Button(
                        Content("Return to the exercise"),
                        compact=True,
                        id="continue",
                        variant="primary",
                    )
                    yield Button(Content("End the session"), compact=True, id="end")
                else:
                    yield Button(Content("Close"), compact=True, id="close", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        # A note still showing (the warm one after recovery words stays 10 s) would cover the
        # lines below: nothing is drawn over them.
        self.app.clear_notifications()
        # Enter must never end a paused session: focus starts on "Return to the exercise".
        first = "#continue" if self.paused_session else "#close"
        button = self.query_one(first, Button)
        button.focus(scroll_visible=False)
        support = self.query_one("#support", VerticalScroll)
        support.scroll_home(animate=False)  # the words first, then the buttons
        # ...but the focused button is never out of sight (at 80x24 and 60x20 it was below
        # the fold: Enter would press a button nobody could see). Scrolled just enough to
        # show it, once the lines are laid out; the lines above stay a scroll away.
        self.call_after_refresh(support.scroll_to_widget, button, animate=False, immediate=True)

    def action_close(self) -> None:
        self.dismiss("continue" if self.paused_session else None)

    @on(Button.Pressed, "#close")
    @on(Button.Pressed, "#continue")
    def _close(self) -> None:
        self.action_close()

    @on(Button.Pressed, "#end")
    def _end(self) -> None:
        self.dismiss("end")

    @on(Button.Pressed, "#breathe")
    def action_breathe(self) -> None:
        from tui.screens.grounding import GroundingScreen

        self.app.push_screen(GroundingScreen())
