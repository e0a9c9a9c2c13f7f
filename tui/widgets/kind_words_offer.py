""" "Words that helped you before": up to three of your kind words, offered back.

Shown in a reframe step and under "let's try that again". One key (ctrl+o) puts the first
into the text box to edit; pressing it again puts the next one instead. Always literal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.widgets.plain import literal

if TYPE_CHECKING:
    from tui.core.phrases import Phrase

USE_KEY = "ctrl+o"


class WordsThatHelped(Vertical):
    DEFAULT_CSS = """
    WordsThatHelped { height: auto; margin: 1 0 0 0; }
    WordsThatHelped .offer-heading { color: $text-muted; }
    """

    def __init__(self, phrases: Sequence[Phrase], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="words-that-helped")
        self.phrases = list(phrases)
        self._next = 0

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                "Words that helped you before ",
                (f"({USE_KEY.replace('ctrl+', '^')} puts one in the box to edit)", "dim"),
            ),
            classes="offer-heading",
        )
        for number, phrase in enumerate(self.phrases, start=1):
            yield Static(
                Content.assemble(f"  {number}  ", literal(phrase.text)), classes="offer-phrase"
            )

    def take(self) -> Phrase | None:
        """The next phrase to put in the box: the first, then the second, and round again."""
        if not self.phrases:
            return None
        phrase = self.phrases[self._next % len(self.phrases)]
        self._next += 1
        return phrase
