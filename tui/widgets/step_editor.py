"""One step in the new-exercise form: its type's fields, and moving or removing it."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, TextArea

from tui.widgets.literal_text import LiteralText
from tui.widgets.text_box import TextBox
from tui.widgets.toggles import Tick

# (field, label, kind, default) for each step type; kinds: text, int, bool, lines.
FORM_FIELDS: dict[str, tuple[tuple[str, str, str, Any], ...]] = {
    "read": (("text", "Text to read", "text", ""),),
    "breathe": (
        ("text", "Words before the breathing (optional)", "text", ""),
        ("inhale", "Seconds in", "int", 4),
        ("hold", "Seconds holding", "int", 0),
        ("exhale", "Seconds out", "int", 6),
        ("cycles", "Breaths", "int", 3),
    ),
    "write": (
        ("prompt", "Prompt", "text", ""),
        ("id", "Name for the answer (optional, e.g. thought)", "text", ""),
        ("placeholder", "Faint example text (optional)", "text", ""),
        ("check", 'Offer "let\'s try that again" if it sounds harsh', "bool", False),
    ),
    "choose": (
        ("prompt", "Prompt", "text", ""),
        ("options", "Choices, one per line", "lines", ""),
        ("id", "Name for the answer (optional)", "text", ""),
    ),
    "rate": (
        ("prompt", "Prompt", "text", ""),
        ("low", "What 0 means", "text", ""),
        ("high", "What 10 means", "text", ""),
        ("id", "Name for the answer (optional)", "text", ""),
    ),
    "reframe": (
        ("prompt", "Prompt", "text", ""),
        ("source", "Name of the earlier write answer to rewrite", "text", ""),
        ("placeholder", "Faint example text (optional)", "text", ""),
    ),
}

# The form's label for each (step type, field): how a problem with that field is named.
FORM_LABELS = {
    (step_type, name): label
    for step_type, fields in FORM_FIELDS.items()
    for name, label, _kind, _default in fields
}

TYPE_LABELS = {
    "read": "Read",
    "breathe": "Breathe",
    "write": "Write",
    "choose": "Choose",
    "rate": "Rate 0–10",
    "reframe": "Kinder rewrite",
}


class StepEditor(Vertical):
    class Move(Message):
        def __init__(self, editor: StepEditor, delta: int) -> None:
            super().__init__()
            self.editor = editor
            self.delta = delta

    class Remove(Message):
        def __init__(self, editor: StepEditor) -> None:
            super().__init__()
            self.editor = editor

    def __init__(self, step_type: str) -> None:
        super().__init__(classes="step-editor")
        self.step_type = step_type

    def compose(self) -> ComposeResult:
        with Horizontal(classes="step-editor-head"):
            yield LiteralText(TYPE_LABELS[self.step_type], classes="step-editor-title")
            yield Button(Content("↑"), compact=True, classes="up", tooltip="Move up")
            yield Button(Content("↓"), compact=True, classes="down", tooltip="Move down")
            yield Button(Content("Remove"), compact=True, classes="remove")
        for name, label, kind, default in FORM_FIELDS[self.step_type]:
            if kind == "bool":
                yield Tick(Content(label), value=bool(default), name=name, compact=True)
                continue
            yield LiteralText(label, classes="field-label")
            if kind == "lines":
                yield TextBox("", name=name, classes="options", soft_wrap=True)
            elif kind == "int":
                yield Input(str(default), type="integer", name=name, compact=True)
            else:
                yield Input("", name=name, compact=True)

    def focus_first_field(self) -> None:
        fields = self.query("Input, TextArea, Tick")
        if fields:
            fields.first().focus()

    def set_number(self, number: int) -> None:
        self.query_one(".step-editor-title", LiteralText).set_text(
            f"Step {number}: {TYPE_LABELS[self.step_type]}"
        )

    def values(self) -> dict[str, Any]:
        """The step as a table for the file; blanks are left out, numbers stay numbers."""
        out: dict[str, Any] = {"type": self.step_type}
        for name, _label, kind, _default in FORM_FIELDS[self.step_type]:
            if kind == "bool":
                out[name] = next(w for w in self.query(Checkbox) if w.name == name).value
            elif kind == "lines":
                area = next(w for w in self.query(TextArea) if w.name == name)
                out[name] = [line.strip() for line in area.text.splitlines() if line.strip()]
            else:
                raw = next(w for w in self.query(Input) if w.name == name).value.strip()
                if kind == "int":
                    out[name] = int(raw) if raw.lstrip("-").isdigit() else raw
                else:
                    out[name] = raw
        return out

    @on(Button.Pressed, ".up")
    def _up(self) -> None:
        self.post_message(self.Move(self, -1))

    @on(Button.Pressed, ".down")
    def _down(self) -> None:
        self.post_message(self.Move(self, 1))

    @on(Button.Pressed, ".remove")
    def _remove(self) -> None:
        self.post_message(self.Remove(self))
