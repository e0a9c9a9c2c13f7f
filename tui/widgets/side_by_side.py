"""The harsh original beside the version kept, with every try: the tone change, seen.

Always literal: every word here was typed by the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from tui.core.record import earlier_tries
from tui.core.text import strip_controls

if TYPE_CHECKING:
    from tui.core.selftalk import Analysis


def highlighted(analysis: Analysis) -> Content:
    """The analysed words, literally, with the noticed spans marked (the analysis was made
    on control-free text, so the spans line up)."""
    content = Content(analysis.text)
    for finding in analysis.findings:
        content = content.stylize("bold reverse", finding.start, finding.end)
    return content


def critic_content(original: str) -> Content:
    """The critic's words, with what the analysis noticed highlighted."""
    from tui.core.selftalk import analyse

    return highlighted(analyse(strip_controls(original)))


def kinder_content(tries: Sequence[str], kept: str) -> Content:
    """Every earlier try, dimmed and numbered, then the version kept."""
    earlier = earlier_tries(tries, kept)
    parts: list[Content] = []
    for number, version in enumerate(earlier, start=1):
        parts.append(Content.styled(f"try {number}: ", "dim"))
        parts.append(Content.styled(strip_controls(version), "dim"))
        parts.append(Content("\n"))
    if earlier:
        parts.append(Content.styled(f"try {len(earlier) + 1}, kept: ", "dim"))
    parts.append(Content(strip_controls(kept)))
    return Content("").join(parts)


class SideBySide(Horizontal):
    """Two columns: "The critic" and "Kinder"; each wraps its own words."""

    DEFAULT_CSS = """
    SideBySide { height: auto; margin-bottom: 1; }
    SideBySide > Vertical { width: 1fr; height: auto; padding: 0 1 0 0; }
    SideBySide .side-label { color: $text-muted; }
    """

    def __init__(self, original: str, tries: Sequence[str], kept: str) -> None:
        super().__init__(classes="side-by-side")
        self.original = original
        self.tries = list(tries)
        self.kept = kept

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("The critic"), classes="side-label")
            yield Static(critic_content(self.original), classes="quote side-critic")
        with Vertical():
            yield Static(Content("Kinder"), classes="side-label")
            yield Static(kinder_content(self.tries, self.kept), classes="quote side-kinder")
