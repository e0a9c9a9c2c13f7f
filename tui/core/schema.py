"""A JSON Schema for exercise files, generated from the field specs.

Editors that understand JSON Schema for TOML (Taplo, and VS Code's "Even Better TOML",
which uses it) can then complete keys and flag mistakes while someone writes an exercise.
A file opts in with a comment as its very first line, which the loader ignores like any
other TOML comment::

    #:schema ./exercise.schema.json

The schema is built from the same ``FieldSpec`` tables that the loader validates with, so
it cannot describe a different format. It is a helper for editors, not the authority: the
loader also strips control characters before measuring text, checks ``{name}`` references
and that a reframe's ``source`` names an earlier write step, which a schema cannot say.

The shipped copy is regenerated with (a test fails when it drifts)::

    python -m tui.core.schema > exercises/exercise.schema.json
"""

from __future__ import annotations

import json
import sys
from typing import Any

from tui.core.exercises import (
    ANSWER_ID_PATTERN,
    EXERCISE_FIELDS,
    EXERCISE_ID_PATTERN,
    MAX_STEPS,
    SITUATIONS,
    STEP_FIELDS,
    FieldSpec,
)

__all__ = ["SCHEMA_FILE_NAME", "build_schema", "render_schema"]

SCHEMA_FILE_NAME = "exercise.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Shown by editors when hovering over ``type = "..."``; the specs describe keys, not step types.
_STEP_DESCRIPTIONS: dict[str, str] = {
    "read": "A few sentences to read.",
    "breathe": "Paced breathing with a gentle animation; always skippable.",
    "write": "A question answered in the person's own words.",
    "choose": "A question answered by picking one option.",
    "rate": "A 0 to 10 scale; always skippable.",
    "reframe": "Shows an earlier written answer and invites a kinder rewording.",
}

# At least one character that is not white space: the loader rejects blank text.
_NOT_BLANK = r"\S"


def _anchored(pattern: str) -> str:
    """JSON Schema patterns match anywhere; the loader uses ``fullmatch``."""
    return f"^(?:{pattern})$"


def _text(max_length: int | None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": _NOT_BLANK}
    if max_length is not None:
        schema["maxLength"] = max_length
    return schema


def field_schema(spec: FieldSpec) -> dict[str, Any]:
    """The JSON Schema for one key; every ``FieldSpec.kind`` must be handled here."""
    schema: dict[str, Any] = {"description": spec.description}
    if spec.kind == "text":
        schema |= _text(spec.max_length)
    elif spec.kind in ("exercise-id", "answer-id"):
        regex = EXERCISE_ID_PATTERN if spec.kind == "exercise-id" else ANSWER_ID_PATTERN
        schema |= {"type": "string", "pattern": _anchored(regex.pattern)}
        if spec.max_length is not None:
            schema["maxLength"] = spec.max_length
    elif spec.kind == "int":
        schema["type"] = "integer"
        if spec.minimum is not None:
            schema["minimum"] = spec.minimum
        if spec.maximum is not None:
            schema["maximum"] = spec.maximum
    elif spec.kind == "bool":
        schema["type"] = "boolean"
    elif spec.kind in ("texts", "situations", "answer-ids"):
        if spec.kind == "situations":
            items: dict[str, Any] = {"type": "string", "enum": list(SITUATIONS)}
        elif spec.kind == "answer-ids":
            items = {"type": "string", "pattern": _anchored(ANSWER_ID_PATTERN.pattern)}
            if spec.max_length is not None:
                items["maxLength"] = spec.max_length
        else:
            items = _text(spec.max_length)
        schema |= {"type": "array", "items": items, "uniqueItems": True}
        if spec.min_items is not None:
            schema["minItems"] = spec.min_items
        if spec.max_items is not None:
            schema["maxItems"] = spec.max_items
    else:  # pragma: no cover - a new kind must be taught to the schema
        raise ValueError(f"no JSON Schema for field kind {spec.kind!r}")
    if spec.default is not None:
        schema["default"] = spec.default
    return schema


def _object(specs: tuple[FieldSpec, ...], first: dict[str, Any] | None = None) -> dict[str, Any]:
    properties: dict[str, Any] = dict(first or {})
    properties.update((spec.name, field_schema(spec)) for spec in specs)
    required = [*(first or {}), *(spec.name for spec in specs if spec.required)]
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def step_schema(step_type: str) -> dict[str, Any]:
    """One step type; ``type`` is a const so ``oneOf`` picks exactly one."""
    type_schema = {"const": step_type, "description": "Which kind of step this is."}
    schema = _object(STEP_FIELDS[step_type], first={"type": type_schema})
    description = _STEP_DESCRIPTIONS.get(step_type)
    head: dict[str, Any] = {"title": f"{step_type} step"}
    if description:
        head["description"] = description
    return head | schema


def build_schema() -> dict[str, Any]:
    """The whole exercise format as a draft 2020-12 schema."""
    top = _object(EXERCISE_FIELDS)
    top["properties"]["steps"] = {
        "description": "The steps, shown one at a time in this order.",
        "type": "array",
        "minItems": 1,
        "maxItems": MAX_STEPS,
        "items": {"oneOf": [{"$ref": f"#/$defs/{name}"} for name in STEP_FIELDS]},
    }
    top["required"].append("steps")
    return {
        "$schema": DRAFT,
        "title": "kindtone exercise",
        "description": (
            "A self-compassion exercise for kindtone, written in TOML. "
            "Unknown keys are errors, because they are usually typos."
        ),
        **top,
        "$defs": {name: step_schema(name) for name in STEP_FIELDS},
    }


def render_schema() -> str:
    """The schema as committed: stable key order, two-space indent, trailing newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    sys.stdout.buffer.write(render_schema().encode("utf-8"))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
