"""The gentle "let's try that again" panel shown when a rewrite still sounds harsh."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from tui.core.practice import explain_findings
from tui.core.selftalk import Analysis, Finding
from tui.core.session import try_again_heading


def explained(analysis: Analysis, attempt: int) -> list[tuple[Finding, str]]:
    """The core's explanations, each hint cut to its first sentence (room on a small screen)."""
    out = []
    for finding, hint in explain_findings(analysis, attempt):
        first, dot, _ = hint.partition(". ")
        out.append((finding, first + dot.strip() if dot else hint))
    return out


class TryAgainPanel(Vertical):
    """Never blocks: the person chooses to rewrite or to keep what they wrote."""

    DEFAULT_CSS = """
    TryAgainPanel { height: auto; }
    TryAgainPanel .buttons { margin-top: 0; }
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
        still = " still" if self.attempt else ""
        yield Static(
            Content.assemble(
                (try_again_heading(self.attempt), "bold"),
                f" The critic might{still} be speaking in these words:",
            ),
            classes="heading",
        )
        # Every pattern noticed, each with its own hint; the words are in the box above, so
        # they aren't repeated in full (that pushed the original thought off a small screen).
        for finding, hint in explained(self.analysis, self.attempt):
            line = Content.assemble(("“" + finding.match + "”", "bold"), ": " + hint)
            yield Static(line, classes="hint", markup=False)
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
