"""Before home, when the reflections are locked: a calm place to type the passphrase.

Nothing about the person is read until it opens. F2 (support) works here like everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input

from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText

if TYPE_CHECKING:
    from tui.app import KindtoneApp

WRONG = "That passphrase doesn't open your reflections."


class PassphraseScreen(Screen[None]):
    app: KindtoneApp

    def __init__(self) -> None:
        from tui.core.vault import TRIES

        super().__init__()
        self.tries_left = TRIES

    def compose(self) -> ComposeResult:
        with Vertical(id="passphrase-box", classes="dialog"):
            yield LiteralText("Your reflections are locked", classes="title")
            yield LiteralText(
                "Type your passphrase to open them. Your recovery key works here too."
            )
            yield Input(
                password=True,
                id="passphrase",
                compact=True,
                placeholder="passphrase",
                select_on_focus=False,
            )
            yield LiteralText(" ", id="passphrase-status", classes="muted")
            with Horizontal(classes="buttons"):
                yield Button(Content("Open"), compact=True, id="open", variant="primary")
                yield Button(Content("Quit"), compact=True, id="quit")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.app.exit(0)

    @on(Button.Pressed, "#open")
    @on(Input.Submitted, "#passphrase")
    def _open(self) -> None:
        box = self.query_one("#passphrase", Input)
        if not box.value or box.disabled:
            return
        box.disabled = True
        self.query_one("#passphrase-status", LiteralText).set_text("Opening…")
        self.check(box.value)

    @work(thread=True, exclusive=True)
    def check(self, secret: str) -> None:
        """Off the main thread: the key derivation takes a noticeable moment on purpose."""
        from tui.core.vault import KeyfileError, try_secret

        try:
            opened: bool | str = try_secret(self.app.data_dir, secret)
        except KeyfileError as error:
            opened = f"Your reflections are locked, but {error}."
        self.app.call_from_thread(self._checked, opened)

    def _checked(self, opened: bool | str) -> None:
        box = self.query_one("#passphrase", Input)
        status = self.query_one("#passphrase-status", LiteralText)
        box.value = ""  # the secret stays in no widget
        if opened is True:
            status.set_text(" ")
            self.app.data_opened()
            return
        if isinstance(opened, str):
            status.set_text(opened)
            return
        self.tries_left -= 1
        if self.tries_left <= 0:
            from tui.core.vault import FORGOTTEN

            self.app.exit(return_code=1, message=f"{WRONG}\n{FORGOTTEN}")
            return
        tries = "1 more try" if self.tries_left == 1 else f"{self.tries_left} more tries"
        status.set_text(f"{WRONG} Take your time: {tries}.")
        box.disabled = False
        box.focus()
