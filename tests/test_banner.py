"""The name banner: pyfiglet's drawing, cached after the first run, shown whole or plain."""

from __future__ import annotations

from pathlib import Path

from tui.widgets import banner


def test_drawing_is_cached_and_read_back(tmp_path: Path) -> None:
    banner.figlet.cache_clear()
    art = banner.figlet("kindtone")
    lines = art.splitlines()
    assert len(lines) > 1 and len({len(line) for line in lines}) == 1  # equal widths
    (cached,) = (tmp_path / "xdg-cache").rglob("banner-*.txt")
    assert cached.read_text(encoding="utf-8") == art
    cached.write_text("from the cache", encoding="utf-8")
    banner.figlet.cache_clear()
    assert banner.figlet("kindtone") == "from the cache"
    banner.figlet.cache_clear()
