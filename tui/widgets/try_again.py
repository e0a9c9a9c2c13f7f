"""The gentle "let's try that again" panel shown when a rewrite still sounds harsh."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from tui.core.selftalk import Analysis, hint_for
from tui.core.session import try_again_heading


def highlighted(analysis: Analysis) -> Content:
    """The person's words, literally, with the flagged spans marked.

    The session strips control characters before analysing, so spans line up.
    """
    content = Content(analysis.text)
    for finding in analysis.findings:
        content = content.stylize("bold reverse", finding.start, finding.end)
    return content


class TryAgainPanel(Vertical):
    """Never blocks: the person chooses to rewrite or to keep what they wrote."""

    DEFAULT_CSS = """
    TryAgainPanel { height: auto; }
    """

    class Choice(Message):
        def __init__(self, try_again: bool) -> None:
            super().__init__()
            self.try_again = try_again

    def __init__(self, analysis: Analysis, attempt: int) -> None:
        super().__init__(id="try-again")
        self.analysis = analysis
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        first = self.analysis.findings[0] if self.analysis.findings else None
        yield Static(Content(try_again_heading(self.attempt)), classes="heading")
        still = " still" if self.attempt else ""
        yield Static(
            Content(f"It sounds like the critic might{still} be speaking here:"), classes="muted"
        )
        yield Static(highlighted(self.analysis), classes="quote", markup=False)
        if first is not None:
            yield Static(Content(hint_for(first.category, self.attempt)), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(
                Content("Try again"), compact=True, id="try-again-button", variant="primary"
            )
            yield Button(Content("Keep it as it is"), compact=True, id="keep-button")

    def on_mount(self) -> None:
        self.query_one("#try-again-button", Button).focus()

    @on(Button.Pressed, "#try-again-button")
    def _try(self) -> None:
        self.post_message(self.Choice(True))

    @on(Button.Pressed, "#keep-button")
    def _keep(self) -> None:
        self.post_message(self.Choice(False))
