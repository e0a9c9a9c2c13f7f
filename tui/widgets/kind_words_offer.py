""" "Words that helped you before": up to three of your kind words, offered back.

Shown in a reframe step and under "let's try that again". One key (ctrl+o) puts the first
into the text box to edit; pressing it again puts the next one instead. Always literal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from tui.widgets.literal_text import literal

if TYPE_CHECKING:
    from tui.core.phrases import Phrase

USE_KEY = "ctrl+o"


class WordsThatHelped(Vertical):
    # The number in a column of its own, so a phrase that wraps stays clear of it.
    DEFAULT_CSS = """
    WordsThatHelped { height: auto; margin: 1 0 0 0; }
    WordsThatHelped .offer-heading { color: $text-muted; }
    WordsThatHelped .offer-row { height: auto; }
    WordsThatHelped .offer-number { width: 5; }
    WordsThatHelped .offer-phrase { width: 1fr; }
    """

    def __init__(
        self,
        phrases: Sequence[Phrase],
        *,
        id: str | None = None,
        how: str = f"({USE_KEY.replace('ctrl+', '^')} puts one in the box to edit)",
    ) -> None:
        super().__init__(id=id, classes="words-that-helped")
        self.phrases = list(phrases)
        self.how = how
        self._next = 0

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble("Words that helped you before ", (self.how, "dim")),
            classes="offer-heading",
        )
        for number, phrase in enumerate(self.phrases, start=1):
            with Horizontal(classes="offer-row"):
                yield Static(Content(f"  {number}"), classes="offer-number")
                yield Static(literal(phrase.text), classes="offer-phrase")

    def take(self) -> Phrase | None:
        """The next phrase to put in the box: the first, then the second, and round again."""
        if not self.phrases:
            return None
        phrase = self.phrases[self._next % len(self.phrases)]
        self._next += 1
        return phrase
