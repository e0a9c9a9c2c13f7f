"""Export from the app: all reflections, or just what the list shows, to a file."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, RadioSet

from tui.core.atomic import write_atomic
from tui.core.exercises import SITUATIONS
from tui.core.reflections_io import export_json, export_markdown
from tui.core.storage import StoreError, describe_os_error
from tui.core.text import count
from tui.core.vault import is_locked
from tui.screens.dialog import Dialog
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText
from tui.widgets.toggles import Choice, ChoiceSet

if TYPE_CHECKING:
    from tui.app import KindtoneApp


def default_path(markdown: bool) -> Path:
    suffix = "md" if markdown else "json"
    return Path.home() / f"kindtone-reflections-{date.today().isoformat()}.{suffix}"


class ExportScreen(Dialog[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #scope, #format {
        height: auto;
        margin-bottom: 1;
    }
    """
    app: KindtoneApp

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, shown_ids: list[str], total: int) -> None:
        super().__init__()
        self.shown_ids = shown_ids
        self.total = total

    def compose(self) -> ComposeResult:
        with Vertical(id="export", classes="dialog"):
            yield LiteralText("Export reflections", classes="title")
            with ChoiceSet(id="scope", compact=True):
                yield Choice(
                    Content(f"What the list shows ({len(self.shown_ids)})"),
                    value=len(self.shown_ids) < self.total,
                    name="shown",
                )
                yield Choice(
                    Content(f"All reflections ({self.total})"),
                    value=len(self.shown_ids) >= self.total,
                    name="all",
                )
            with ChoiceSet(id="format", compact=True):
                yield Choice(
                    Content("Markdown, to read or share"), value=True, name="md", id="format-md"
                )
                yield Choice(
                    Content("JSON, complete, to import later"), name="json", id="format-json"
                )
            yield LiteralText("Save to", classes="field-label")
            yield Input(str(default_path(True)), id="path", compact=True)
            yield LiteralText(
                "Your reflections are locked, but this file will be plain text: anyone who "
                "can open it can read it."
                if is_locked(self.app.data_dir)
                else "",
                id="export-status",
                classes="muted",
            )
            with Horizontal(classes="buttons"):
                yield Button(Content("Export"), compact=True, id="do-export", variant="primary")
                yield Button(Content("Cancel"), compact=True, id="cancel")
        yield KeysFooter()

    def _markdown(self) -> bool:
        # The choice's own value: set at once, where the set's pressed button follows a message
        # later (a name typed and Enter pressed at once must export as the name says).
        return not self.query_one("#format-json", Choice).value

    @on(RadioSet.Changed, "#format")
    def _format_changed(self) -> None:
        path = self.query_one("#path", Input)
        current = Path(path.value)
        if current.suffix in (".md", ".json"):
            wanted = ".md" if self._markdown() else ".json"
            path.value = str(current.with_suffix(wanted))

    @on(Input.Changed, "#path")
    def _path_typed(self, event: Input.Changed) -> None:
        """A name ending in .json is a JSON export, one in .md Markdown, as on the command line:
        "walk.json" typed with Markdown chosen wrote Markdown into it, which then wouldn't
        import."""
        suffix = Path(event.value.strip()).suffix.lower()
        wanted = {".json": "json", ".md": "md", ".markdown": "md"}.get(suffix)
        if wanted is None or wanted == ("md" if self._markdown() else "json"):
            return
        self.query_one(f"#format-{wanted}", Choice).value = True

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#do-export")
    @on(Input.Submitted, "#path")
    def _export(self) -> None:
        scope = self.query_one("#scope", RadioSet).pressed_button
        only = set(self.shown_ids) if scope is not None and scope.name == "shown" else None
        target = Path(self.query_one("#path", Input).value.strip()).expanduser()
        markdown = self._markdown()
        if os.path.lexists(target) and not target.is_dir():
            self._ask_to_replace(target, only, markdown)
            return
        self.query_one("#export-status", LiteralText).set_text("Exporting…")
        self.write(target, only, markdown)

    def _ask_to_replace(self, target: Path, only: set[str] | None, markdown: bool) -> None:
        """An existing file is someone's: replace it only when they say so."""
        from tui.screens.confirm import ConfirmScreen

        def decided(yes: bool | None) -> None:
            status = self.query_one("#export-status", LiteralText)
            if not yes:
                status.set_text(f"{target} already exists and was left as it is.")
                return
            status.set_text("Exporting…")
            self.write(target, only, markdown)

        self.app.push_screen(
            ConfirmScreen(
                "Replace the file?",
                f"{target} already exists. Replace it with this export?",
                yes="Replace",
            ),
            decided,
        )

    @work(thread=True, exclusive=True)
    def write(self, target: Path, only: set[str] | None, markdown: bool) -> None:
        try:
            reflections = self.app.store.reflections()
            if only is not None:
                reflections = [r for r in reflections if r.id in only]
            if markdown:
                titles = {e.id: e.title for e in self.app.library.exercises.values()}
                data = export_markdown(
                    reflections,
                    titles=titles,
                    situations=SITUATIONS,
                    exported_on=datetime.now().astimezone(),
                ).encode("utf-8")
            else:
                data = export_json(reflections)
            write_atomic(target, data, mode=0o600)
        except (OSError, StoreError) as error:
            reason = describe_os_error(error, target) if isinstance(error, OSError) else str(error)
            self.app.call_from_thread(
                self.query_one("#export-status", LiteralText).set_text,
                f"Couldn't write {target}: {reason}",
            )
            return
        self.app.call_from_thread(self._done, target, len(reflections))

    def _done(self, target: Path, number: int) -> None:
        plain = " (plain text)" if is_locked(self.app.data_dir) else ""
        self.notify(f"Exported {count(number, 'reflection')} to {target}{plain}", markup=False)
        self.dismiss(None)
