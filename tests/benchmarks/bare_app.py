"""The baseline for bench_startup: a bare Textual app showing one Label."""

from textual.app import App, ComposeResult
from textual.widgets import Label


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("bare app ready")


if __name__ == "__main__":
    Bare().run()
