"""Check-out: the same two optional ratings, to notice any change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button

from tui.core.flow import SessionFlow
from tui.core.session import Ratings
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText
from tui.widgets.ratings_form import RatingsForm

if TYPE_CHECKING:
    from tui.app import KindtoneApp


class CheckOutScreen(Screen[None]):
    app: KindtoneApp

    BINDINGS = [
        Binding("ctrl+n", "finish", "Finish", priority=True),
        Binding("ctrl+s", "skip", "Skip", priority=True),
    ]

    def __init__(self, flow: SessionFlow, *, note: str | None = None) -> None:
        super().__init__()
        self.flow = flow
        self.note = note  # said at the top of the page (words typed at the last step)
        self.session = flow.session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="checkout", classes="page"):
            yield LiteralText("Before you go", classes="title")
            if self.note:
                yield LiteralText(self.note, classes="muted", id="stray-note")
            yield LiteralText("Notice how you are now. There's no right answer.", classes="muted")
            yield RatingsForm(self.session.after, id="after")
            with Horizontal(classes="buttons"):
                yield Button(Content("Finish"), compact=True, id="finish", variant="primary")
                yield Button(Content("Skip"), compact=True, id="skip")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#harsh").focus()

    @on(Button.Pressed, "#finish")
    def action_finish(self) -> None:
        self.session.after = self.query_one("#after", RatingsForm).ratings()
        self._done()

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self.session.after = Ratings()
        self._done()

    def _done(self) -> None:
        from tui.screens.summary import SummaryScreen

        self.session.finish()
        self.app.switch_screen(SummaryScreen(self.flow))
