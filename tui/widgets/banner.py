"""The home screen's name banner: a figlet drawing, or a plain title when it won't fit."""

from __future__ import annotations

import contextlib
from functools import lru_cache
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from tui.user_cache import read_cache_file, write_cache_file

FONT = "small"
MIN_HEIGHT_FOR_ART = 24  # below this the art would push the actions off screen


@lru_cache(maxsize=4)
def figlet(text: str, font: str = FONT) -> str:
    """pyfiglet's drawing of ``text``, kept in the user cache dir after the first run.

    Importing pyfiglet and loading a font costs more than the rest of the home screen;
    the drawing never changes, so later starts read it back instead.
    """
    cache, kind = _cache_file(text, font)
    kept = read_cache_file(cache)
    if kept is not None:
        with contextlib.suppress(UnicodeDecodeError):
            return kept.decode("utf-8")
    import pyfiglet

    rendered: str = pyfiglet.figlet_format(text, font=font, width=200)
    lines = [line.rstrip() for line in rendered.rstrip("\n").splitlines()]
    # Equal widths, so centring each line (text-align) keeps the drawing intact.
    width = max(len(line) for line in lines)
    art = "\n".join(line.ljust(width) for line in lines)
    write_cache_file(cache, art.encode("utf-8"), replaces=kind)
    return art


def _cache_file(text: str, font: str) -> tuple[Path, str]:
    """Keyed by the text, the font and the installed pyfiglet (its size and change time),
    found without importing it. A readable name, so no hashing module to import; the name's
    start without the pyfiglet mark names the older copies a new drawing replaces."""
    from importlib.util import find_spec

    from platformdirs import user_cache_path

    spec = find_spec("pyfiglet")
    installed = "none"
    if spec is not None and spec.origin:
        with contextlib.suppress(OSError):
            stat = Path(spec.origin).stat()
            installed = f"{stat.st_size}-{stat.st_mtime_ns}"
    safe_text = "".join(ch if ch.isalnum() else "_" for ch in text)[:40]
    kind = f"banner-{font}-{safe_text}-"
    return user_cache_path("kindtone", appauthor=False) / f"{kind}{installed}.txt", kind


class Banner(Static):
    """Shows ``figlet(name)`` when the terminal is big enough, else the name itself.

    The choice is made before mounting, from the size it is given: choosing on mount would
    lay the home screen out twice before its first draw.
    """

    def __init__(
        self, name: str = "kindtone", *, width: int, height: int, id: str | None = None
    ) -> None:
        self.title_text = name
        content, self._narrow = self._choose(width, height)
        super().__init__(content, id=id, markup=False, classes="narrow" if self._narrow else "")

    def _choose(self, width: int, height: int) -> tuple[Content, bool]:
        art = figlet(self.title_text)
        art_width = max(len(line) for line in art.splitlines())
        if art_width + 4 <= width and height >= MIN_HEIGHT_FOR_ART:
            return Content(art), False
        return Content(self.title_text), True

    def fit(self, width: int, height: int) -> None:
        """Choose art or plain title for a new terminal size (the banner is auto-sized)."""
        content, narrow = self._choose(width, height)
        if narrow != self._narrow:  # unchanged: no new layout (the first Resize comes here too)
            self._narrow = narrow
            self.set_class(narrow, "narrow")
            self.update(content)
