"""The exercise library: every exercise by situation, a readable preview, and your own."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.atomic import LinkRefused
from tui.core.datafolder import linked_part
from tui.core.describe import render_exercise
from tui.core.exercises import SITUATIONS, Exercise, Library
from tui.core.text import strip_controls, visible_controls
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText

if TYPE_CHECKING:
    from tui.app import KindtoneApp

RELOAD_EVERY = 2.0  # seconds; picks up files edited elsewhere without a restart
NARROW = 90


def library_options(library: Library) -> list[Option]:
    """Each exercise once, by title (the situations it suits are in its description)."""
    options: list[Option] = []
    for exercise in sorted(library.exercises.values(), key=lambda e: e.title.lower()):
        options.append(
            Option(
                Content.assemble(
                    strip_controls(exercise.title),
                    (f" · {exercise.minutes} min", "dim"),
                    (" · yours" if exercise.source == "custom" else "", "italic"),
                ),
                id=f"exercise:{exercise.id}",
            )
        )
    if library.broken:
        options.append(Option(Content.styled("Not loaded", "bold $warning"), disabled=True))
        for broken in library.broken:
            options.append(
                Option(
                    _broken_row(broken.said(visible_controls(broken.path.name))),
                    id=f"broken:{broken.path}",
                )
            )
    return options


def _broken_row(said: str) -> Table:
    """A file that didn't load and why: a grid, so a long reason wraps under the file's
    name, not back at the list's edge (found at 80 columns); the words literally, and a
    name's control bytes made visible (so the file can still be found by its name)."""
    grid = Table.grid(padding=0, expand=True)
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row("  ", Text(strip_controls(said)))
    return grid


def exercise_summary(exercise: Exercise) -> str:
    """Two lines for a narrow window, where the full description has no room."""
    suits = ", ".join(SITUATIONS.get(s, s) for s in exercise.situations)
    return f"{exercise.summary}\nFor: {suits}" if suits else exercise.summary


class ExerciseList(OptionList):
    """The exercises: Enter starts the highlighted one, and the footer says so (the list's
    own Enter, hidden, stood in front of the screen's "enter Start" and left it out)."""

    BINDINGS = [Binding("enter", "select", "Start", show=True)]


class LibraryScreen(Screen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #library-body {
        height: 1fr;
    }

    #exercise-list {
        width: 1fr;
        height: 1fr;
    }

    /* A long description scrolls and takes Tab: focus shows as a thin bar at its left, in
       a column kept blank meanwhile (app.tcss: scrolled pages), a column apart from the
       list's frame so the two don't read as one double line. */
    #exercise-detail {
        width: 1fr;
        height: 1fr;
        margin: 0 0 0 1;
        padding: 0 1 0 1;
        border-left: blank;
    }

    #exercise-detail:focus {
        border-left: wide $accent;
    }

    LibraryScreen.narrow #exercise-detail {
        display: none;
    }

    #exercise-summary {
        display: none;
        height: auto;
        max-height: 4;
        color: $text-muted;
        border-top: solid $panel;
    }

    LibraryScreen.narrow #exercise-summary {
        display: block;
    }
    """
    app: KindtoneApp

    BINDINGS = [
        Binding("enter", "start", "Start", show=True),
        Binding("p", "preview", "Preview"),
        Binding("n", "new", "New exercise"),
        Binding("o", "edit", "Open in editor"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="library", classes="page"):
            yield LiteralText("Exercises", classes="title")
            with Horizontal(id="library-body"):
                yield ExerciseList(id="exercise-list")
                with VerticalScroll(id="exercise-detail"):
                    yield LiteralText("", id="detail-text")
            yield LiteralText("", id="exercise-summary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._shown: Library | None = None
        self.refresh_list()
        self.query_one("#exercise-list", OptionList).focus()
        self.set_interval(RELOAD_EVERY, self.refresh_list)

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    def refresh_list(self) -> None:
        """Rebuild the list only when the library really changed (keeps the highlight)."""
        library = self.app.library
        if library is self._shown:
            return
        self._shown = library
        option_list = self.query_one("#exercise-list", OptionList)
        previous = self._highlighted_id()
        option_list.clear_options()
        option_list.add_options(library_options(library))
        ids = [option_list.get_option_at_index(n).id for n in range(option_list.option_count)]
        target = ids.index(previous) if previous is not None and previous in ids else None
        if target is None:
            target = next(
                (
                    n
                    for n in range(option_list.option_count)
                    if not option_list.get_option_at_index(n).disabled
                ),
                None,
            )
        self._highlight(target)

    def _highlight(self, index: int | None) -> None:
        option_list = self.query_one("#exercise-list", OptionList)
        option_list.highlighted = index
        self._describe()

    def _highlighted_id(self) -> str | None:
        option_list = self.query_one("#exercise-list", OptionList)
        if option_list.highlighted is None:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id

    def _exercise(self) -> Exercise | None:
        option_id = self._highlighted_id() or ""
        if option_id.startswith("broken:"):
            return None
        return self.app.library.get(option_id.removeprefix("exercise:"))

    @on(OptionList.OptionHighlighted, "#exercise-list")
    def _describe(self) -> None:
        detail = self.query_one("#detail-text", LiteralText)
        option_id = self._highlighted_id() or ""
        if option_id.startswith("broken:"):
            broken = next(
                (b for b in self.app.library.broken if f"broken:{b.path}" == option_id), None
            )
            if broken is not None:
                lines = [f"{broken.path} could not be loaded:", ""]
                lines += [str(p) for p in broken.problems]
                detail.set_text("\n".join(lines))
            return
        exercise = self._exercise()
        # A very wide width: the pane wraps the text itself, to whatever size it has.
        detail.set_text(render_exercise(exercise, width=10_000) if exercise else "")
        self.query_one("#exercise-summary", LiteralText).set_text(
            exercise_summary(exercise) if exercise else ""
        )

    @on(OptionList.OptionSelected, "#exercise-list")
    def action_start(self) -> None:
        exercise = self._exercise()
        if exercise is not None:
            self.app.start_single(exercise.id)

    def action_preview(self) -> None:
        exercise = self._exercise()
        if exercise is not None:
            self.app.start_single(exercise.id, preview=True)

    def action_new(self) -> None:
        from tui.screens.new_exercise import NewExerciseScreen

        self.app.push_screen(NewExerciseScreen(), self._show_saved)

    def _show_saved(self, exercise_id: str | None) -> None:
        """The exercise just written is the one highlighted."""
        if exercise_id is not None:
            self.refresh_list()
            self.highlight_option(f"exercise:{exercise_id}")

    def highlight_option(self, option_id: str) -> None:
        option_list = self.query_one("#exercise-list", OptionList)
        for n in range(option_list.option_count):
            if option_list.get_option_at_index(n).id == option_id:
                self._highlight(n)
                option_list.scroll_to_highlight()
                return

    def action_edit(self) -> None:
        """Open a custom exercise in $EDITOR; the list reloads when the file changes."""
        exercise = self._exercise()
        option_id = self._highlighted_id() or ""
        broken = next((b for b in self.app.library.broken if f"broken:{b.path}" == option_id), None)
        if broken is not None:
            path, editable = str(broken.path), broken.source == "custom"
        elif exercise is not None:
            path, editable = str(exercise.path), exercise.source == "custom"
        else:
            return
        if not editable:
            # The highlighted exercise's own id: "--from ID" left the clinician to find it.
            source = exercise.id if exercise is not None else "ID"
            self.notify(
                "Built-in exercises can't be edited here. Press n to write your own, "
                f"or copy this one to change with: kindtone exercises new my-copy.toml "
                f"--from {source}",
                markup=False,
            )
            return
        linked = linked_part(self.app.data_dir, Path(path))
        if linked is not None:
            # An editor would write through the link: its target is never touched.
            self.notify(str(LinkRefused(linked)), title="Not opened", markup=False)
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify(f"Set $EDITOR to open files from here. The file is {path}", markup=False)
            return
        with self.app.suspend():
            subprocess.run([*shlex.split(editor), path], check=False)
        self.refresh_list()
        self._say_if_broken(path, was_broken=broken is not None)

    def _say_if_broken(self, path: str, *, was_broken: bool) -> None:
        """An edit that broke the file is said plainly, and the entry shown, not left to be
        found under "Not loaded"."""
        broken = next((b for b in self.app.library.broken if str(b.path) == path), None)
        if broken is None:
            if was_broken:
                self.notify(f"{Path(path).name} loads again.", markup=False)
            return
        self.notify(
            "Your edit left this file unable to load: "
            f"{strip_controls(broken.said(visible_controls(broken.path.name)))}. "
            "It's listed under Not loaded; "
            "press o to open it again.",
            title="Not loaded",
            severity="warning",
            timeout=12,
            markup=False,
        )
        self.highlight_option(f"broken:{broken.path}")
