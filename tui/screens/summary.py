"""The end of a session: what was written, the ratings, and the reflection saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from tui.core.flow import SaveReport, SessionFlow
from tui.core.text import shown_part
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText
from tui.widgets.side_by_side import SideBySide, kinder_content

if TYPE_CHECKING:
    from tui.app import KindtoneApp


class SummaryScreen(Screen[None]):
    """Also guards unsaved work: while nothing holds the words, quitting asks first and, on
    quitting, prints them to the terminal (exit 1), as plain mode does."""

    app: KindtoneApp

    BINDINGS = [Binding("enter,escape", "done", "Done")]
    what = "session"

    def __init__(self, flow: SessionFlow, *, note: str | None = None) -> None:
        super().__init__()
        self.flow = flow
        self.note = note  # said at the top of the page (words typed at the last step)
        self.session = flow.session
        self.report: SaveReport | None = None
        self._tries = 0

    @property
    def saved(self) -> bool:
        return self.report is not None and self.report.saved

    @property
    def asks_before_quitting(self) -> bool:
        """True while nothing holds the words (the save failed): ctrl+q asks first."""
        return self.report is not None and not self.report.safe

    async def caught_up(self) -> None:
        """Nothing is typed here: the words are the session's, already in the flow."""

    def action_leave(self, then_quit: bool = False) -> None:
        """Quit with the words unsaved only when asked twice, and then print them."""
        from tui.screens.confirm import ConfirmScreen

        def decided(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.app.quit_printing(self.words_for_terminal())

        self.app.push_screen(
            ConfirmScreen(
                "Quit without saving?",
                "Nothing could be written, so what you wrote is not saved anywhere. "
                "If you quit, it is printed in the terminal for you to copy.",
                yes="Quit and print it",
                no="Stay",
            ),
            decided,
        )

    def words_for_terminal(self) -> str:
        """What the save did, then every word, as plain mode prints them."""
        if self.report is None:
            return self.flow.words()
        return self.flow.unsaved_words(self.report, completed=True)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary", classes="page"):
            yield LiteralText("Thank you for practising", classes="title")
            if self.note:
                yield LiteralText(self.note, classes="muted", id="stray-note")
            yield LiteralText("", id="saved", classes="muted")
            rows = self.flow.ratings()
            if rows:
                yield LiteralText("Before → after", classes="prompt")
                for label, before, after in rows:
                    yield LiteralText(f"{label}: {before} → {after}")
            items = self.flow.summary_beside()
            if items:
                yield LiteralText("What you wrote", classes="prompt")
                for prompt, answer, original, versions in items:
                    yield LiteralText(shown_part(prompt), classes="muted")
                    if original is not None:
                        # The harsh original beside the version kept, with every try.
                        yield SideBySide(
                            shown_part(original),
                            [shown_part(v) for v in versions],
                            shown_part(answer),
                        )
                    elif len(versions) > 1:
                        # Tried again at a step of its own: every try, dimmed and numbered,
                        # then the one kept, as the reflection's page shows them.
                        yield Static(
                            kinder_content([shown_part(v) for v in versions], shown_part(answer)),
                            classes="quote",
                        )
                    else:
                        yield LiteralText(shown_part(answer), classes="quote")
            yield LiteralText(self.flow.closing(), classes="muted closing")
            yield Button(Content("Done"), compact=True, id="done", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._save()
        self.query_one("#done", Button).focus(scroll_visible=False)
        self.query_one("#summary", VerticalScroll).scroll_home(animate=False)

    def _save(self) -> None:
        """Said in the page, at the top, above the words: a toast saying it covered the very
        words to copy (and each retry stacked another). A retry replaces the line."""
        self._tries += 1
        report = self.report = self.flow.save(completed=True)
        # The words are below this line, and it says so ("…somewhere safe: (They are below,
        # too…)" read as if something were missing: session 18's re-walk).
        message = report.message(completed=True, words_below=True)
        if not report.safe:
            message += " Press Done to try saving again."
            if self._tries > 1:
                message = f"Tried again ({self._tries} tries): {message}"
        self.query_one("#saved", LiteralText).set_text(message)

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        """Leave only when the words are somewhere; otherwise they stay on screen, here."""
        if self.report is None or not self.report.safe:
            self._save()
            if self.report is None or not self.report.safe:
                return
        if self.app.ends_in_shell(self.session.id):
            # Started from the shell: back there, with what the save did said once more.
            self.app.back_to_shell(self.report.message(completed=True))
            return
        self.app.pop_screen()
