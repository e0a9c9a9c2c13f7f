"""The base of every dialog: a modal screen whose footer shows F2 Support first."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """Textual leaves the app's keys out of a modal screen's footer, so no dialog showed F2
    Support, though it works there (a priority binding on the app, which handles the key
    before this one: support opens once). This binding is here to be shown."""

    BINDINGS = [Binding("f2", "app.support", "Support", tooltip="Where to find support now")]
