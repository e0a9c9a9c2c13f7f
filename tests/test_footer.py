"""The footer at any width: F2 Support always shows, and keys are whole or left out (no
stray letter where one was cut off)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from tui.app import KindtoneApp
from tui.widgets.footer import KeysFooter


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])  # wider fits everything
async def test_support_is_in_every_footer_and_no_key_is_cut(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = KindtoneApp(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    async with app.run_test(size=size) as pilot:
        for keys in ([], ["e"], ["r"], ["comma"], ["s"], ["e", "n"]):
            while len(app.screen_stack) > 1:
                app.pop_screen()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            footer = app.screen.query_one(KeysFooter)
            line = "".join(s.text for s in app.screen._compositor.render_strips()[-1])
            assert line.startswith("f2 Support"), (keys, line)
            shown = [key for key in footer.query(FooterKey) if key.display]
            text = line.replace("▏", " ")
            for key in shown:
                words = f"{key.key_display} {key.description}".strip()
                assert words in text, (keys, words, line)
            # What is left on the line is exactly the keys shown: nothing cut mid-word.
            for key in shown:
                text = text.replace(f"{key.key_display} {key.description}".strip(), "", 1)
            assert text.strip() == "", (keys, line)
