"""Shown instead of a squashed layout when the terminal is below the minimum size."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle

from tui.screens.dialog import Dialog
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText


class TooSmallScreen(Dialog[None]):
    """Nothing underneath is lost; the app returns to it when the window grows."""

    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    TooSmallScreen > Middle {
        width: 1fr;  /* not auto: that grew to the words (50 columns) past a narrow window */
    }

    #too-small {
        width: 100%;
        max-width: 50;
        text-align: center;
    }
    """

    def on_mount(self) -> None:
        self._leaving = False
        self.set_interval(0.25, self._check)

    def on_screen_resume(self) -> None:
        self._check()

    def _check(self) -> None:
        """Back on top after a dialog closed, the window may have grown meanwhile."""
        if not self._leaving and self.app.screen is self and self.app.fits():  # type: ignore[attr-defined]
            self._leaving = True
            self.dismiss(None)

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield LiteralText(
                "Could you make the window a little bigger? "
                "kindtone needs at least 60 × 20. Everything is kept as it is.",
                id="too-small",
            )
        yield KeysFooter()  # F2 Support, even in a small window
