"""Check-in: what brings you here, and two ratings that can be skipped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from tui.core.exercises import SITUATIONS
from tui.core.session import Ratings, Session, plan_session
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText
from tui.widgets.ratings_form import RatingsForm

if TYPE_CHECKING:
    from tui.app import KindtoneApp

NOT_SURE = "not-sure"
CHOICES = {**SITUATIONS, NOT_SURE: "I'm not sure"}


def situation_prompt(label: str, chosen: bool) -> Content:
    """The choice is marked with a dot, not only a colour (NO_COLOR, screen readers)."""
    return Content.assemble(("● " if chosen else "  "), label)


class CheckInScreen(Screen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #situation {
        height: auto;
        max-height: 8;
    }
    """
    app: KindtoneApp

    BINDINGS = [
        Binding("ctrl+n", "begin", "Begin", priority=True),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, minutes: int) -> None:
        super().__init__()
        self.minutes = minutes
        self.situation: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="checkin", classes="page"):
            yield LiteralText(f"A {self.minutes}-minute session", classes="title")
            yield LiteralText(
                "Everything here is optional. Skip anything you like.", classes="muted"
            )
            yield LiteralText("What brings you here today?", classes="prompt")
            yield OptionList(
                *[Option(situation_prompt(label, False), id=key) for key, label in CHOICES.items()],
                id="situation",
            )
            if self.app.settings.ask_ratings:
                yield RatingsForm(id="before")
            with Horizontal(classes="buttons"):
                yield Button(Content("Begin"), compact=True, id="begin", variant="primary")
                yield Button(Content("Back"), compact=True, id="back")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#situation", OptionList).focus()
        self.app.warm_analyser()  # while the person answers

    @on(OptionList.OptionSelected, "#situation")
    def _situation_chosen(self, event: OptionList.OptionSelected) -> None:
        """Only an explicit choice counts; a highlighted row is not an answer."""
        self.situation = None if event.option.id == NOT_SURE else event.option.id
        for key, label in CHOICES.items():
            event.option_list.replace_option_prompt(
                key, situation_prompt(label, key == event.option.id)
            )
        self.focus_next()

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.action_back()

    def action_back(self) -> None:
        """Back where the person came from: home, or the shell `kindtone session` was typed
        at (a session started there ends there too)."""
        if self.app.ends_in_shell():
            self.app.back_to_shell()
            return
        self.app.pop_screen()

    @on(Button.Pressed, "#begin")
    def action_begin(self) -> None:
        situation = self.situation
        forms = self.query(RatingsForm)
        before = forms.first().ratings() if forms else Ratings()
        try:
            recent = self.app.store.last_exercises()
        except Exception:
            recent = []
        exercises = plan_session(self.app.library, self.minutes, situation, recent)
        if not exercises:
            self.notify("No exercises could be loaded.", severity="error", markup=False)
            return
        session = Session(
            exercises, situation=situation, before=before, minutes_planned=self.minutes
        )
        self.app.pop_screen()
        self.app.run_session(session)
