"""Typing into the app as a terminal delivers fast typing: one key event a character, sent
together, then one wait for the app to settle.

Pilot's ``press`` waits for the process to go idle after every key (at least two 5 ms slices,
and a frame drawn each time): typing a sentence that way cost ~15 ms a character, ~650
characters in the suite. The key events are the same ones, in the same order; only the
waiting between them is gone. Keys that move focus or change screen (Enter, Escape, Tab) are
pressed on their own afterwards, so nothing races a screen that is still opening.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.message_pump import MessagePump
from textual.pilot import Pilot


async def type_text(pilot: Pilot[Any], text: str, *then: str) -> None:
    """Type ``text`` into whatever has focus, then press the keys in ``then`` one at a time."""
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for char in text:
        event = events.Key(_character_to_key(char), char)  # as Pilot.press names it
        event.set_sender(app)
        driver.send_message(event)
    # Until every key has reached the widget it was for: the app forwards each one on, so a
    # single wait for the screen's queues can end before the last key was forwarded.
    await pilot.pause()
    while _pending(app):
        await pilot.pause()
    if then:
        await pilot.press(*then)


def _pending(app: App[Any]) -> bool:
    nodes: list[MessagePump] = [app, *app.screen.walk_children(with_self=True)]
    return any(node._message_queue.qsize() for node in nodes)
