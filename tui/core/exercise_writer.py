"""Writing exercise files, for the new-exercise form and `exercises new --from`.

The output is plain TOML in the documented layout (top-level keys, then ``[[steps]]``), so
a file made by the form reads like one written by hand and can be edited later.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from tui.core.exercises import EXERCISE_FIELDS, STEP_FIELDS, FieldSpec


def toml_string(value: str) -> str:
    """A TOML basic string. JSON's escapes are valid TOML; DEL must be escaped too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"can't write {type(value).__name__} to an exercise file")


def slug(text: str, max_length: int = 40) -> str:
    """An exercise id from a title or file name: lowercase ASCII words joined by hyphens.

    Empty when the text has no letters or digits; callers decide what to do then.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:max_length].strip("-")


def exercise_toml(meta: Mapping[str, Any], steps: Sequence[Mapping[str, Any]]) -> str:
    """Top-level keys in the format's order, then each step with ``type`` first."""
    lines = ["# Written with kindtone's new-exercise form. Edit freely; check it with", ""]
    lines[0] += " `kindtone exercises validate FILE`."
    for spec in EXERCISE_FIELDS:
        if spec.name in meta:
            lines.append(f"{spec.name} = {toml_value(meta[spec.name])}")
    for step in steps:
        step_type = step["type"]
        lines += ["", "[[steps]]", f"type = {toml_string(step_type)}"]
        for spec in STEP_FIELDS.get(step_type, ()):
            value = step.get(spec.name)
            if value is None or value == "" or value == () or value == []:
                continue
            if spec.default is not None and value == spec.default:
                continue
            lines.append(f"{spec.name} = {toml_value(value)}")
    return "\n".join(lines) + "\n"


# The form has no keys, brackets or TOML: the checker's words for a file, said as the form
# asks ("summary: expected some text, found an empty string" read as a fault in a program).
_FORM_WORDS = {
    ("title", "expected some text"): "Title: please give it a title.",
    ("summary", "expected some text"): "Summary: please write one sentence on what it's for.",
    ("situations", "expected at least"): "When does it fit? Please choose at least one.",
    ("steps", "missing required key"): "Steps: please add at least one step.",
}


def _spec(specs: Sequence[FieldSpec], name: str) -> FieldSpec | None:
    return next((spec for spec in specs if spec.name == name), None)


def _range_words(spec: FieldSpec | None, message: str) -> str | None:
    """ "please write a number from 1 to 12" for a whole number missing or out of its range."""
    if spec is None or spec.kind != "int" or spec.minimum is None or spec.maximum is None:
        return None
    starts = ("expected a whole number", "expected at least", "expected at most", "missing")
    if message.startswith(starts):
        return f"please write a number from {spec.minimum} to {spec.maximum}."
    return None


def form_problem(
    field: str,
    message: str,
    step_types: Sequence[str] = (),
    labels: Mapping[tuple[str, str], str] | None = None,
) -> str:
    """One problem the file checker found, in the new-exercise form's own words.

    ``step_types`` are the form's steps in order and ``labels`` the form's label for each
    (step type, field), so a step's problem names the field as the form shows it ("Step 1,
    What 0 means: please write something here.", not 'missing required key "low"').
    """
    for (name, start), words in _FORM_WORDS.items():
        if field == name and message.startswith(start):
            return words
    if field == "minutes":
        minutes = _range_words(_spec(EXERCISE_FIELDS, "minutes"), message)
        if minutes is not None:
            return f"About how many minutes? {minutes[0].upper()}{minutes[1:]}"
    match = re.match(r"steps\[(\d+)\]\.?(.*)", field)
    if match is not None:
        index = int(match.group(1))
        name = match.group(2)
        missing = re.match(r'missing required key "([a-z_]+)"', message)
        if not name and missing is not None:
            name = missing.group(1)
        step_type = step_types[index] if index < len(step_types) else ""
        label = (labels or {}).get((step_type, name), name)
        where = f"Step {index + 1}" + (f", “{label}”" if label else "")
        spec = _spec(STEP_FIELDS.get(step_type, ()), name)
        number = _range_words(spec, message)
        if number is not None:
            return f"{where}: {number}"
        if message.startswith("expected some text") or (missing is not None and spec is not None):
            return f"{where}: please write something here."
        items = re.match(r"expected at least (\d+) items", message)
        if items is not None and spec is not None and spec.kind == "texts":
            return f"{where}: please write at least {items.group(1)}, one on each line."
        return f"{where}: {message}"
    return f"{field}: {message}"
