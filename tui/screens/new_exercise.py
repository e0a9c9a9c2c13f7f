"""Write your own exercise in a form; it is saved only as a file that validates."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Select

from tui.core.atomic import LinkRefused, is_link, private_dir, write_atomic
from tui.core.exercise_writer import exercise_toml, form_problem, slug
from tui.core.exercises import EXERCISE_FIELDS, SITUATIONS, parse_exercise_text
from tui.paths import ensure_private_dir
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText
from tui.widgets.step_editor import FORM_LABELS, TYPE_LABELS, StepEditor
from tui.widgets.toggles import Tick

if TYPE_CHECKING:
    from pathlib import Path

    from tui.app import KindtoneApp


_MINUTES = next(spec for spec in EXERCISE_FIELDS if spec.name == "minutes")
MIN_MINUTES, MAX_MINUTES = _MINUTES.minimum or 1, _MINUTES.maximum or 15  # as the format says


class NewExerciseScreen(Screen[str | None]):
    """Dismisses with the new exercise's id once it is saved."""

    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #steps {
        height: auto;
    }

    #situations {
        height: auto;
        max-height: 7;
    }

    .step-editor {
        height: auto;
        border: round $panel-lighten-2;
        padding: 0 1;
        margin-top: 1;
    }

    .step-editor-head {
        height: 1;
    }

    .step-editor-title {
        width: 1fr;
        text-style: bold;
    }

    .step-editor-head Button {
        margin-left: 1;
        min-width: 3;
        width: auto;
    }

    .step-editor .options {
        height: 5;
    }

    #step-type {
        width: 24;
    }

    #problems.error {
        color: $error;
        margin-top: 1;
    }

    .problem {
        display: none;
        color: $error;
        text-style: bold;
    }
    """
    app: KindtoneApp

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="new-exercise", classes="page"):
            yield LiteralText("A new exercise", classes="title")
            yield LiteralText(
                "Write it in your own words. It's saved to your exercises folder as a file "
                "you can edit or share.",
                classes="muted",
            )
            yield LiteralText("Title", classes="field-label")
            yield Input(id="title", compact=True, max_length=60)
            yield LiteralText("Summary: one sentence on what it's for", classes="field-label")
            yield Input(id="summary", compact=True, max_length=200)
            yield LiteralText("About how many minutes?", classes="field-label")
            yield Input("2", id="minutes", type="integer", compact=True, max_length=2)
            yield LiteralText("", id="minutes-problem", classes="problem")
            yield LiteralText("When does it fit?", classes="field-label")
            with Vertical(id="situations"):
                for key, label in SITUATIONS.items():
                    yield Tick(Content(label), name=key, compact=True)
            yield LiteralText("Steps", classes="prompt")
            yield Vertical(id="steps")
            with Horizontal(classes="buttons"):
                yield Select(
                    [(Content(label), key) for key, label in TYPE_LABELS.items()],
                    prompt="Step type",
                    id="step-type",
                    compact=True,
                )
                yield Button(Content("Add step"), compact=True, id="add-step")
            yield LiteralText("", id="problems")
            with Horizontal(classes="buttons"):
                yield Button(Content("Save"), compact=True, id="save", variant="primary")
                yield Button(Content("Cancel"), compact=True, id="cancel")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Changed, "#minutes")
    def _minutes_typed(self, event: Input.Changed) -> None:
        """Said at once, under the field: not only when saving."""
        raw = event.value.strip()
        ok = not raw or (raw.isdigit() and MIN_MINUTES <= int(raw) <= MAX_MINUTES)
        problem = self.query_one("#minutes-problem", LiteralText)
        problem.set_text("" if ok else f"About {MIN_MINUTES} to {MAX_MINUTES} minutes, please.")
        problem.display = not ok

    # -- steps ---------------------------------------------------------------------------

    @on(Button.Pressed, "#add-step")
    async def _add_step(self) -> None:
        step_type = self.query_one("#step-type", Select).value
        if not isinstance(step_type, str):
            self.notify("Choose a step type first.", markup=False)
            return
        await self.add_step(step_type)

    async def add_step(self, step_type: str) -> StepEditor:
        editor = StepEditor(step_type)
        await self.query_one("#steps", Vertical).mount(editor)
        self._renumber()
        editor.scroll_visible()
        editor.focus_first_field()
        return editor

    def _renumber(self) -> None:
        for number, editor in enumerate(self.query(StepEditor), 1):
            editor.set_number(number)

    @on(StepEditor.Move)
    def _move(self, event: StepEditor.Move) -> None:
        steps = self.query_one("#steps", Vertical)
        editors = list(self.query(StepEditor))
        index = editors.index(event.editor)
        target = index + event.delta
        if 0 <= target < len(editors):
            if event.delta < 0:
                steps.move_child(event.editor, before=editors[target])
            else:
                steps.move_child(event.editor, after=editors[target])
            self._renumber()

    @on(StepEditor.Remove)
    async def _remove(self, event: StepEditor.Remove) -> None:
        await event.editor.remove()
        self._renumber()

    # -- saving --------------------------------------------------------------------------

    def collect(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        title = self.query_one("#title", Input).value.strip()
        minutes_text = self.query_one("#minutes", Input).value.strip()
        meta: dict[str, Any] = {
            "id": slug(title) or "my-exercise",
            "title": title,
            "summary": self.query_one("#summary", Input).value.strip(),
            "minutes": int(minutes_text) if minutes_text.isdigit() else minutes_text,
            "situations": [t.name for t in self.query_one("#situations").query(Tick) if t.value],
        }
        return meta, [editor.values() for editor in self.query(StepEditor)]

    def _target(self, exercise_id: str) -> tuple[str, Path]:
        """A free id and file name: never overwrite someone's file or take a built-in id."""
        folder = self.app.custom_exercises_dir
        taken = set(self.app.library.exercises)
        candidate, n = exercise_id, 2
        linked = is_link(folder)  # nothing is looked up through a link; saving refuses it
        while candidate in taken or (not linked and os.path.lexists(folder / f"{candidate}.toml")):
            candidate = f"{exercise_id[:36]}-{n}"
            n += 1
        return candidate, folder / f"{candidate}.toml"

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        meta, steps = self.collect()
        meta["id"], path = self._target(meta["id"])
        text = exercise_toml(meta, steps)
        exercise, problems = parse_exercise_text(text, path, "custom")
        shown = self.query_one("#problems", LiteralText)
        if exercise is None:
            lines = ["Not saved yet. Please check:"]
            types = [step["type"] for step in steps]
            lines += [f"• {form_problem(p.field, p.message, types, FORM_LABELS)}" for p in problems]
            shown.set_text("\n".join(lines))
            shown.add_class("error")
            # No toast: it would sit on top of this list. The list is brought into view.
            self.call_after_refresh(shown.scroll_visible, animate=False)
            return
        try:
            ensure_private_dir(path.parent.parent)
            private_dir(path.parent)  # a link there is refused, never written through
            write_atomic(path, text.encode("utf-8"), mode=0o600)
        except OSError as error:
            why = str(error) if isinstance(error, LinkRefused) else error.strerror or error
            shown.set_text(
                f"Not saved: couldn't write {path}. {why}. What you wrote is still here."
            )
            shown.add_class("error")
            self.call_after_refresh(shown.scroll_visible, animate=False)
            return
        self.notify(
            f'"{exercise.title}" is in your exercises now ({path}).',
            title="Saved",
            markup=False,
        )
        self.dismiss(exercise.id)

    what = "new exercise"

    @property
    def asks_before_quitting(self) -> bool:
        """Something written in the form: ctrl+q (and ctrl+c) ask first, as esc does (they
        closed the app at once, and the form's words were gone)."""
        meta, steps = self.collect()
        return bool(meta["title"] or meta["summary"] or steps)

    async def caught_up(self) -> None:
        """Inputs take each key as it comes: nothing is left waiting in a queue."""

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Leaving with something written asks first."""
        self.action_leave()

    def action_leave(self, then_quit: bool = False) -> None:
        def leave() -> None:
            if then_quit:
                self.app.exit(0)
            else:
                self.dismiss(None)

        if not self.asks_before_quitting:
            leave()
            return
        from tui.screens.confirm import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                leave()

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving?",
                "What you've written in this form will be lost.",
                yes="Quit without saving" if then_quit else "Leave without saving",
                no="Keep writing",
            ),
            decided,
        )
