"""TextBox draws a blank frame instead of crashing when Textual can't find its component
styles (textual#6528), and lets any other error through."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea

from tui.widgets.text_box import TextBox


class _One(App[None]):
    def compose(self) -> ComposeResult:
        yield TextBox("some words")


async def test_a_frame_without_component_styles_is_blank_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = _One()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        box = app.query_one(TextBox)
        assert any("some words" in strip.text for strip in box.render_lines(Region(0, 0, 20, 2)))

        def missing(self: TextArea, crop: Region) -> list[Strip]:
            raise KeyError("No 'text-area--gutter' key in COMPONENT_CLASSES")

        monkeypatch.setattr(TextArea, "render_lines", missing)
        blank = box.render_lines(Region(0, 0, 20, 2))
        assert len(blank) == 2 and all(strip.text.strip() == "" for strip in blank)

        def other(self: TextArea, crop: Region) -> list[Strip]:
            raise KeyError("something else")

        monkeypatch.setattr(TextArea, "render_lines", other)
        with pytest.raises(KeyError, match="something else"):
            box.render_lines(Region(0, 0, 20, 2))
