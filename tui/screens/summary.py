"""The end of a session: what was written, the ratings, and the reflection saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer

from tui.core.session import Ratings, Session, show_rating
from tui.widgets.plain import Plain

if TYPE_CHECKING:
    from tui.app import KindtoneApp


def ratings_line(label: str, before: int | None, after: int | None) -> str:
    return f"{label}: {show_rating(before)} → {show_rating(after)}"


def written_items(session: Session) -> list[tuple[str, str]]:
    """(prompt, answer) for every step that got an answer, in order."""
    items: list[tuple[str, str]] = []
    for record in session.records:
        if record.answer is None or record.type in ("read", "breathe"):
            continue
        answer = str(record.answer)
        if record.type == "rate":
            answer = f"{answer} / 10"
        items.append((record.prompt, answer))
    return items


class SummaryScreen(Screen[None]):
    app: KindtoneApp

    BINDINGS = [Binding("enter,escape", "done", "Done")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.saved = False

    def compose(self) -> ComposeResult:
        session = self.session
        with VerticalScroll(id="summary", classes="page"):
            yield Plain("Thank you for practising", classes="title")
            yield Plain("", id="saved", classes="muted")
            before: Ratings = session.before
            after: Ratings = session.after
            if before.any() or after.any():
                yield Plain("Before → after", classes="prompt")
                if before.harsh is not None or after.harsh is not None:
                    yield Plain(ratings_line("Inner voice harshness", before.harsh, after.harsh))
                if before.tense is not None or after.tense is not None:
                    yield Plain(ratings_line("Tension", before.tense, after.tense))
            items = written_items(session)
            if items:
                yield Plain("What you wrote", classes="prompt")
                for prompt, answer in items:
                    yield Plain(prompt, classes="muted")
                    yield Plain(answer, classes="quote")
            yield Plain(
                "What you practise grows stronger. Come back whenever you like.",
                classes="muted closing",
            )
            yield Button(Content("Done"), compact=True, id="done", variant="primary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.saved = self.app.save_reflection(self.session, completed=True)
        if self.session.preview:
            message = "This was a preview: nothing was saved."
        elif self.saved:
            message = "Saved to your reflections."
        elif self.app.last_save_kept_draft:
            message = "Not saved yet: your words are kept as a draft for next time."
        else:
            message = (
                "Not saved: nothing could be written to disk. Your words are below; "
                "press Done to try saving again, or copy them somewhere safe."
            )
        self.query_one("#saved", Plain).set_text(message)
        self.query_one("#done", Button).focus()

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        """Leave only when the words are somewhere: saved, or kept as a draft."""
        if not (self.saved or self.session.preview or self.app.last_save_kept_draft):
            self.saved = self.app.save_reflection(self.session, completed=True)
            if not (self.saved or self.app.last_save_kept_draft):
                return
        self.app.pop_screen()
