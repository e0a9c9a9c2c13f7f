"""The two optional check-in questions, used before and after a session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from tui.core.session import Ratings
from tui.widgets.literal_text import LiteralText
from tui.widgets.rating import RatingBar

HARSH_PROMPT = "How harsh does your inner voice feel right now?"
TENSE_PROMPT = "How tense do you feel?"


class RatingsForm(Vertical):
    DEFAULT_CSS = """
    RatingsForm { height: auto; }
    """

    def __init__(self, ratings: Ratings | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.initial = ratings or Ratings()

    def compose(self) -> ComposeResult:
        yield LiteralText(HARSH_PROMPT, classes="prompt")
        yield RatingBar("gentle", "very harsh", self.initial.harsh, id="harsh")
        yield LiteralText(TENSE_PROMPT, classes="prompt")
        yield RatingBar("calm", "very tense", self.initial.tense, id="tense")

    def ratings(self) -> Ratings:
        return Ratings(
            harsh=self.query_one("#harsh", RatingBar).value,
            tense=self.query_one("#tense", RatingBar).value,
        )
