"""The home screen's name banner: a figlet drawing, or a plain title when it won't fit."""

from __future__ import annotations

import contextlib
import hashlib
from functools import lru_cache
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

FONT = "small"
MIN_HEIGHT_FOR_ART = 24  # below this the art would push the actions off screen


@lru_cache(maxsize=4)
def figlet(text: str, font: str = FONT) -> str:
    """pyfiglet's drawing of ``text``, kept in the user cache dir after the first run.

    Importing pyfiglet and loading a font costs more than the rest of the home screen;
    the drawing never changes, so later starts read it back instead.
    """
    cache = _cache_file(text, font)
    try:
        return cache.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    import pyfiglet

    rendered: str = pyfiglet.figlet_format(text, font=font, width=200)
    lines = [line.rstrip() for line in rendered.rstrip("\n").splitlines()]
    # Equal widths, so centring each line (text-align) keeps the drawing intact.
    width = max(len(line) for line in lines)
    art = "\n".join(line.ljust(width) for line in lines)
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        cache.write_text(art, encoding="utf-8")
    return art


def _cache_file(text: str, font: str) -> Path:
    """Keyed by the text, the font and the installed pyfiglet (its path and change time),
    found without importing it."""
    from importlib.util import find_spec

    from platformdirs import user_cache_path

    spec = find_spec("pyfiglet")
    installed = ""
    if spec is not None and spec.origin:
        with contextlib.suppress(OSError):
            installed = f"{spec.origin}:{Path(spec.origin).stat().st_mtime_ns}"
    key = hashlib.sha256(f"{installed}\0{font}\0{text}".encode()).hexdigest()[:16]
    return user_cache_path("kindtone", appauthor=False) / f"banner-{key}.txt"


class Banner(Static):
    """Shows ``figlet(name)`` when the terminal is wide enough, else the name itself."""

    def __init__(self, name: str = "kindtone", *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.title_text = name

    def on_mount(self) -> None:
        self.fit(self.app.size.width, self.app.size.height)

    def fit(self, width: int, height: int) -> None:
        """Choose art or plain title for the screen width (the banner itself is auto-sized)."""
        art = figlet(self.title_text)
        art_width = max(len(line) for line in art.splitlines())
        if art_width + 4 <= width and height >= MIN_HEIGHT_FOR_ART:
            self.remove_class("narrow")
            self.update(Content(art))
        else:
            self.add_class("narrow")
            self.update(Content(self.title_text))
