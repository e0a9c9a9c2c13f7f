"""Your kind words: read them, star the ones you want offered first, remove, or add one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText

if TYPE_CHECKING:
    from rich.table import Table

    from tui.app import KindtoneApp
    from tui.core.phrases import Phrase, PhraseStore

EMPTY = (
    "No kind words yet. The kinder versions you keep in a session or a catch gather here, "
    "to be offered back when the critic returns. You can also add your own (a)."
)


def phrase_prompt(phrase: Phrase) -> Table:
    """The words literally, then how they have helped; a star for the ones offered first.
    A grid, so wrapped words hang under the words, not back under the star's column."""
    from rich.table import Table
    from rich.text import Text

    from tui.core.practice import gentle_name

    uses = f"used {phrase.uses}×" if phrase.uses else "not used yet"
    patterns = ", ".join(gentle_name(p) for p in phrase.patterns) or "any moment"
    grid = Table.grid(padding=0, expand=True)
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1)
    words = Text(phrase.text)  # literally: never read as markup
    words.append("\n")
    words.append(f"{uses} · for {patterns}", style="dim")
    grid.add_row("★ " if phrase.starred else "  ", words)
    return grid


class KindWordsScreen(Screen[None]):
    CSS = """
    #kind-words-list { height: auto; max-height: 1fr; margin-top: 1; }
    #kind-words-add { margin-top: 1; }
    """
    app: KindtoneApp

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("s", "star", "Star"),
        Binding("d", "remove", "Remove"),
        Binding("a", "add", "Add"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.phrases: list[Phrase] = []

    @property
    def store(self) -> PhraseStore:
        from tui.core.phrases import PhraseStore

        return PhraseStore(self.app.data_dir)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="kind-words", classes="page"):
            yield LiteralText("Your kind words", classes="title")
            yield LiteralText(
                "Words that helped you before. Starred ones (s) are offered first.",
                classes="muted",
            )
            yield LiteralText("", id="kind-words-empty")
            yield OptionList(id="kind-words-list")
            yield Input(placeholder="Add kind words of your own, then Enter", id="kind-words-add")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#kind-words-add", Input).display = False
        self.refresh_list()

    def refresh_list(self, keep: str | None = None) -> None:
        from tui.core.storage import StoreError

        try:
            self.phrases = self.store.list()
        except (OSError, StoreError) as error:
            self.phrases = []
            self.notify(f"Your kind words couldn't be read: {error}", markup=False)
        option_list = self.query_one("#kind-words-list", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(Option(phrase_prompt(p), id=p.id) for p in self.phrases)
        self.query_one("#kind-words-empty", LiteralText).set_text("" if self.phrases else EMPTY)
        option_list.display = bool(self.phrases)
        if self.phrases:
            ids = [p.id for p in self.phrases]
            option_list.highlighted = (
                ids.index(keep) if keep in ids else min(highlighted or 0, len(ids) - 1)
            )
            option_list.focus()

    def _current(self) -> Phrase | None:
        option_list = self.query_one("#kind-words-list", OptionList)
        index = option_list.highlighted
        return self.phrases[index] if index is not None and index < len(self.phrases) else None

    def action_star(self) -> None:
        phrase = self._current()
        if phrase is not None:
            self._write(lambda store: store.set_starred(phrase.id, not phrase.starred))
            self.refresh_list(keep=phrase.id)

    def action_remove(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        phrase = self._current()
        if phrase is None:
            return

        def decided(remove: bool | None) -> None:
            if remove:
                self._write(lambda store: store.remove(phrase.id))
                self.refresh_list()

        self.app.push_screen(ConfirmScreen("Remove these words?", phrase.text, "Remove"), decided)

    def action_add(self) -> None:
        box = self.query_one("#kind-words-add", Input)
        box.display = True
        box.focus()

    def action_back(self) -> None:
        box = self.query_one("#kind-words-add", Input)
        if box.has_focus:
            box.display = False
            self.refresh_list()
            return
        self.app.pop_screen()

    @on(Input.Submitted, "#kind-words-add")
    def _added(self, event: Input.Submitted) -> None:
        from tui.core.storage import StoreError

        if not event.value.strip():
            return
        try:
            phrase = self.store.add(event.value, source="added")
        except StoreError as error:  # flagged words are refused, saying why
            self.notify(str(error), severity="warning", timeout=10, markup=False)
            return
        event.input.value = ""
        event.input.display = False
        self.refresh_list(keep=phrase.id)

    def _write(self, change: object) -> None:
        from tui.core.storage import StoreError

        try:
            change(self.store)  # type: ignore[operator]
        except (OSError, StoreError) as error:
            self.notify(f"That couldn't be saved: {error}", severity="error", markup=False)
