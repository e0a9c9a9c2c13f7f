"""What the app may ask of a screen, typed: no attribute looked up by its name as a string."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class GuardsUnsavedWork(Protocol):
    """A screen holding words not yet saved (a session, a catch). Quitting, or starting a second
    session, goes through it: it catches up on what was typed and asks before leaving."""

    asks_before_quitting: bool
    what: str  # what is under way, as it is named to the person: "session", "catch"

    async def caught_up(self) -> None:
        """Take in the keys typed just before (they may still be on their way)."""

    def action_leave(self, then_quit: bool = False) -> None:
        """Ask whether to keep what was written, then leave (and quit, if asked)."""
