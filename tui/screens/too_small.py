"""Shown instead of a squashed layout when the terminal is below the minimum size."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import ModalScreen

from tui.widgets.plain import Plain


class TooSmallScreen(ModalScreen[None]):
    """Nothing underneath is lost; the app returns to it when the window grows."""

    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #too-small {
        width: auto;
        max-width: 50;
        text-align: center;
    }
    """

    def on_screen_resume(self) -> None:
        """Back on top after a dialog closed: the window may have grown meanwhile."""
        if self.app.fits():  # type: ignore[attr-defined]
            self.dismiss(None)

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Plain(
                "Could you make the window a little bigger? "
                "kindtone needs at least 60 × 20. Everything is kept as it is.",
                id="too-small",
            )
