"""The JSON Schema for exercise files: generated from the specs, shipped, and in step with both.

``jsonschema`` is not a dependency, so a small checker below understands exactly the
keywords the generator emits (a test proves it knows every one), and the real library is
used as well whenever it happens to be installed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tui.core.exercises import (
    EXERCISE_FIELDS,
    MAX_STEPS,
    SITUATIONS,
    STEP_FIELDS,
    load_library,
    parse_exercise,
)
from tui.core.schema import SCHEMA_FILE_NAME, build_schema, render_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "exercises" / SCHEMA_FILE_NAME
BUILTINS = sorted((ROOT / "exercises").glob("*.toml"))
BROKEN = Path(__file__).resolve().parent / "data" / "broken_exercises"
REGENERATE = "python -m tui.core.schema > exercises/exercise.schema.json"

# Files the schema must reject, and files that are fine on their own (one id clash needs
# a second file or the built-ins, which a schema can't see).
SCHEMA_REJECTS = [
    "missing-field.toml",
    "wrong-type.toml",
    "unknown-step-type.toml",
    "unknown-key.toml",
]
SCHEMA_ACCEPTS = ["duplicate-id-first.toml", "duplicate-id-second.toml", "builtin-id.toml"]


def test_committed_schema_is_up_to_date() -> None:
    committed = SCHEMA_FILE.read_text("utf-8") if SCHEMA_FILE.exists() else "(missing)"
    assert committed == render_schema(), (
        f"{SCHEMA_FILE.relative_to(ROOT)} no longer matches the exercise format; "
        f"regenerate it with: {REGENERATE}"
    )


def test_documented_command_regenerates_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui.core.schema"], capture_output=True, cwd=ROOT, check=True
    )
    assert result.stdout.decode("utf-8") == render_schema()
    assert json.loads(result.stdout) == build_schema()


def test_schema_follows_the_specs() -> None:
    schema = build_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == [spec.name for spec in EXERCISE_FIELDS] + ["steps"]
    assert schema["required"] == [s.name for s in EXERCISE_FIELDS if s.required] + ["steps"]
    for spec in EXERCISE_FIELDS:
        assert schema["properties"][spec.name]["description"] == spec.description
    assert schema["properties"]["id"]["pattern"] == "^(?:[a-z0-9]+(?:-[a-z0-9]+)*)$"
    assert schema["properties"]["title"]["maxLength"] == 60
    minutes = schema["properties"]["minutes"]
    assert (minutes["type"], minutes["minimum"], minutes["maximum"]) == ("integer", 1, 15)
    situations = schema["properties"]["situations"]
    assert situations["items"]["enum"] == list(SITUATIONS)
    assert (situations["minItems"], situations["maxItems"]) == (1, len(SITUATIONS))
    steps = schema["properties"]["steps"]
    assert steps["maxItems"] == MAX_STEPS
    assert steps["items"]["oneOf"] == [{"$ref": f"#/$defs/{t}"} for t in STEP_FIELDS]

    for step_type, specs in STEP_FIELDS.items():
        step = schema["$defs"][step_type]
        assert step["additionalProperties"] is False
        assert step["properties"]["type"]["const"] == step_type
        assert list(step["properties"]) == ["type", *(s.name for s in specs)]
        assert step["required"] == ["type", *(s.name for s in specs if s.required)]
        for spec in specs:
            assert step["properties"][spec.name]["description"] == spec.description
    breathe = schema["$defs"]["breathe"]["properties"]
    assert breathe["hold"] == {
        "description": "Seconds holding.",
        "type": "integer",
        "minimum": 0,
        "maximum": 10,
        "default": 0,
    }
    options = schema["$defs"]["choose"]["properties"]["options"]
    assert (options["minItems"], options["maxItems"], options["items"]["maxLength"]) == (2, 8, 80)
    assert schema["$defs"]["write"]["properties"]["id"]["pattern"] == "^(?:[a-z][a-z0-9_]*)$"


# --- a checker for exactly the keywords the generator uses ------------------------------

ANNOTATIONS = {"$schema", "$defs", "title", "description", "default"}
CHECKED = {
    "$ref",
    "oneOf",
    "const",
    "enum",
    "type",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "uniqueItems",
    "items",
    "required",
    "properties",
    "additionalProperties",
}
TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "integer": int,
}


def schema_errors(
    schema: dict[str, Any], value: Any, root: dict[str, Any], where: str = "$"
) -> list[str]:
    """JSON Schema errors for ``value``, for the keywords in CHECKED only."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return schema_errors(root["$defs"][name], value, root, where)
    errors: list[str] = []
    if "oneOf" in schema:
        matches = [s for s in schema["oneOf"] if not schema_errors(s, value, root, where)]
        if len(matches) != 1:
            errors.append(f"{where}: matches {len(matches)} of oneOf")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: not one of {schema['enum']}")
    if "type" in schema:
        expected = TYPES[schema["type"]]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            return [*errors, f"{where}: not {schema['type']}"]
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: too short")
        if len(value) > schema.get("maxLength", len(value)):
            errors.append(f"{where}: too long")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: does not match {schema['pattern']}")
    is_number = isinstance(value, int) and not isinstance(value, bool)
    if is_number and not schema.get("minimum", value) <= value <= schema.get("maximum", value):
        errors.append(f"{where}: out of range")
    if isinstance(value, list):
        if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
            errors.append(f"{where}: wrong number of items")
        if schema.get("uniqueItems") and len({json.dumps(v) for v in value}) != len(value):
            errors.append(f"{where}: items repeat")
        for n, item in enumerate(value):
            errors += schema_errors(schema.get("items", {}), item, root, f"{where}[{n}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        errors += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(properties[key], item, root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: unexpected {key}")
    return errors


def keywords(schema: Any) -> set[str]:
    """Every keyword used anywhere in ``schema`` (property and definition names excluded)."""
    if isinstance(schema, list):
        return set().union(*(keywords(s) for s in schema)) if schema else set()
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for key, value in schema.items():
        if key in ("properties", "$defs"):
            found |= set().union(*(keywords(v) for v in value.values()))
        elif key not in ("enum", "const", "required", "default"):
            found |= keywords(value)
    return found


def test_checker_knows_every_keyword_the_schema_uses() -> None:
    assert keywords(build_schema()) <= ANNOTATIONS | CHECKED


def load_toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_builtins_fit_the_schema(path: Path) -> None:
    schema = build_schema()
    assert schema_errors(schema, load_toml(path), schema) == []


def test_builtins_exist() -> None:
    assert len(BUILTINS) >= 8
    assert load_library().broken == []


@pytest.mark.parametrize("name", SCHEMA_REJECTS)
def test_schema_rejects_broken_files(name: str) -> None:
    schema = build_schema()
    assert schema_errors(schema, load_toml(BROKEN / name), schema) != []


@pytest.mark.parametrize("name", SCHEMA_ACCEPTS)
def test_schema_accepts_files_broken_only_by_a_clash(name: str) -> None:
    schema = build_schema()
    assert schema_errors(schema, load_toml(BROKEN / name), schema) == []


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (lambda d: d.update(minutes=True), "$.minutes: not integer"),
        (lambda d: d.update(minutes=16), "$.minutes: out of range"),
        (lambda d: d.update(id="Not Kebab"), "$.id: does not match"),
        (lambda d: d.update(title="   "), "$.title: does not match"),
        (lambda d: d.update(situations=["critic", "critic"]), "$.situations: items repeat"),
        (lambda d: d.update(situations=["sad"]), "$.situations[0]: not one of"),
        (lambda d: d["steps"][0].update(colour="blue"), "$.steps[0]: matches 0 of oneOf"),
        (lambda d: d.update(steps=[]), "$.steps: wrong number of items"),
    ],
)
def test_schema_rejects_each_kind_of_mistake(change: Any, found: str) -> None:
    schema = build_schema()
    data = load_toml(ROOT / "exercises" / "settling-breath.toml")
    assert schema_errors(schema, data, schema) == []
    change(data)
    errors = schema_errors(schema, data, schema)
    assert any(e.startswith(found) for e in errors), errors


# --- the real library, when it is installed ---------------------------------------------


def test_jsonschema_agrees() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in BUILTINS:
        assert list(validator.iter_errors(load_toml(path))) == [], path.name
    for name in SCHEMA_REJECTS:
        assert list(validator.iter_errors(load_toml(BROKEN / name))) != [], name
    for name in SCHEMA_ACCEPTS:
        assert list(validator.iter_errors(load_toml(BROKEN / name))) == [], name


# --- the #:schema line ------------------------------------------------------------------


def test_schema_line_is_an_ignored_comment(tmp_path: Path) -> None:
    """Editors read ``#:schema``; the loader must see a plain comment and keep line numbers."""
    text = (ROOT / "exercises" / "settling-breath.toml").read_text("utf-8")
    path = tmp_path / "with-schema.toml"
    path.write_text(f"#:schema ./{SCHEMA_FILE_NAME}\n{text}", encoding="utf-8")
    exercise, problems = parse_exercise(path)
    assert problems == [] and exercise is not None
    assert exercise.id == "settling-breath"

    path.write_text(
        f"#:schema ./{SCHEMA_FILE_NAME}\n" + text.replace("minutes = 2", "minutes = 0"), "utf-8"
    )
    line = 1 + next(n for n, x in enumerate(text.splitlines(), 1) if x.startswith("minutes"))
    _, problems = parse_exercise(path)
    assert [str(p) for p in problems] == [
        f"{path}:{line}:1: error: minutes: expected at least 1, found 0"
    ]


# --- the format reference (docs/exercise-format.md) --------------------------------------

DOC = ROOT / "docs" / "exercise-format.md"


def doc_section(heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = len(heading.split(" ")[0])
    lines: list[str] = []
    inside = in_code = False
    for line in DOC.read_text("utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            marks = len(line) - len(line.lstrip("#"))
            if line == heading:
                inside = True
            elif inside and marks <= level:
                break
        if inside:
            lines.append(line)
    assert lines, f"no {heading!r} in {DOC.name}"
    return "\n".join(lines) + "\n"


def toml_blocks(text: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", text, flags=re.DOTALL)


def rules(spec: Any) -> list[str]:
    """The limits of a spec, as the reference words them."""
    if spec.kind == "int":
        return [f"from {spec.minimum} to {spec.maximum}"]
    if spec.kind in ("texts", "answer-ids"):
        return [f"{spec.min_items} to {spec.max_items}", f"up to {spec.max_length} characters"]
    if spec.kind == "situations":
        return [f"| `{name}` |" for name in SITUATIONS]
    if spec.kind == "bool":
        return ["`true` or `false`"]
    return [f"up to {spec.max_length} characters"]


def test_reference_describes_every_field_and_limit() -> None:
    about = doc_section("## About the exercise").lower()
    for spec in EXERCISE_FIELDS:
        assert f"| `{spec.name}` |" in about
        for rule in rules(spec):
            assert rule.lower() in about, (spec.name, rule)
    assert f"from 1 to {MAX_STEPS} steps" in about
    for step_type, specs in STEP_FIELDS.items():
        section = doc_section(f"### {step_type}").lower()
        assert f'type = "{step_type}"' in section
        for spec in specs:
            assert f"| `{spec.name}` | {'yes' if spec.required else 'no'} |" in section
            if spec.kind != "answer-id":
                for rule in rules(spec):
                    assert rule.lower() in section, (step_type, spec.name, rule)


def test_reference_examples_are_valid(tmp_path: Path) -> None:
    """The header example plus every step's example, in order, make a valid exercise."""
    (header,) = toml_blocks(doc_section("## The shape of a file"))
    steps = [toml_blocks(doc_section(f"### {t}")) for t in STEP_FIELDS]
    assert all(len(blocks) == 1 for blocks in steps)
    path = tmp_path / "from-the-docs.toml"
    path.write_text(header + "".join(blocks[0] for blocks in steps), encoding="utf-8")
    exercise, problems = parse_exercise(path)
    assert [str(p) for p in problems] == []
    assert exercise is not None
    assert {s.type for s in exercise.steps} == set(STEP_FIELDS)

    (names,) = toml_blocks(doc_section("## Using earlier answers: `{name}`, `{{` and `}}`"))
    path.write_text(header + names, encoding="utf-8")
    assert parse_exercise(path)[1] == []
