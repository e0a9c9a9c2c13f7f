"""The home screen's name banner: a figlet drawing, or a plain title when it won't fit."""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content
from textual.widgets import Static

FONT = "small"
MIN_HEIGHT_FOR_ART = 24  # below this the art would push the actions off screen


@lru_cache(maxsize=4)
def figlet(text: str, font: str = FONT) -> str:
    """Render once per run; pyfiglet is imported only here (it costs ~40 ms)."""
    import pyfiglet

    rendered: str = pyfiglet.figlet_format(text, font=font, width=200)
    lines = [line.rstrip() for line in rendered.rstrip("\n").splitlines()]
    # Equal widths, so centring each line (text-align) keeps the drawing intact.
    width = max(len(line) for line in lines)
    return "\n".join(line.ljust(width) for line in lines)


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
