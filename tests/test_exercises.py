"""Loading and validating exercise files: every kind of bad file, reported usefully."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.exercises import MAX_FILE_BYTES, load_library, parse_exercise
from tui.paths import builtin_exercises_dir

GOOD = """\
id = "tiny"
title = "Tiny"
summary = "A tiny exercise."
minutes = 1
situations = ["practice"]

[[steps]]
type = "write"
id = "thought"
prompt = "What is the critic saying?"

[[steps]]
type = "reframe"
source = "thought"
prompt = "You wrote {thought}. Say it kindly."
"""


def write(directory: Path, name: str, text: str | bytes) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str | bytes) -> list[str]:
    path = write(tmp_path, "x.toml", text)
    exercise, problems = parse_exercise(path)
    assert exercise is None
    return [str(p) for p in problems]


def test_good_file_loads(tmp_path: Path) -> None:
    exercise, problems = parse_exercise(write(tmp_path, "tiny.toml", GOOD))
    assert problems == []
    assert exercise is not None
    assert exercise.id == "tiny"
    assert [s.type for s in exercise.steps] == ["write", "reframe"]
    assert exercise.steps[1].source == "thought"
    assert exercise.steps[1].checks_self_talk


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, 'id = "x"\ntitle = \n')
    assert problem.startswith(f"{tmp_path / 'x.toml'}:2:")
    assert "not valid TOML" in problem


def test_missing_field(tmp_path: Path) -> None:
    text = GOOD.replace('summary = "A tiny exercise."\n', "")
    assert problems_of(tmp_path, text) == [
        f'{tmp_path / "x.toml"}: error: summary: missing required key "summary"'
    ]


def test_wrong_type_names_field_path_line_expected_and_found(tmp_path: Path) -> None:
    text = GOOD + '\n[[steps]]\ntype = "breathe"\ninhale = "four"\nexhale = 6\ncycles = 3\n'
    (problem,) = problems_of(tmp_path, text)
    assert problem == (
        f"{tmp_path / 'x.toml'}:19:1: error: steps[2].inhale: "
        'expected a whole number, found the text "four"'
    )


def test_unknown_key_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, GOOD.replace("minutes = 1", "minutes = 1\nsumary = 2"))
    assert ':5:1: error: sumary: unknown key "sumary" (did you mean "summary"?)' in problem


def test_unknown_step_type(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, GOOD + '\n[[steps]]\ntype = "dance"\n')
    assert "steps[2].type: expected one of read, breathe, write, choose, rate, reframe" in problem
    assert 'found the text "dance"' in problem


def test_reference_to_unknown_answer(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, GOOD.replace("You wrote {thought}", "You wrote {feeling}"))
    assert "steps[1].prompt: {feeling} does not name an earlier answer" in problem


def test_reframe_source_must_be_an_earlier_write(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, GOOD.replace('source = "thought"', 'source = "other"'))
    assert 'steps[1].source: expected the id of an earlier write step (thought), found "other"' in (
        problem
    )


def test_out_of_range_and_bool_as_number(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, GOOD.replace("minutes = 1", "minutes = true"))
    assert problems == [
        f"{tmp_path / 'x.toml'}:4:1: error: minutes: expected a whole number, "
        "found a true/false value (true)"
    ]
    problems = problems_of(tmp_path, GOOD.replace("minutes = 1", "minutes = 99"))
    assert problems[0].endswith("minutes: expected at most 15, found 99")


def test_not_utf8_and_too_large(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, GOOD.encode() + b"# caf\xe9\n")
    assert "is not UTF-8 text" in problem
    (problem,) = problems_of(tmp_path, GOOD + "#" * MAX_FILE_BYTES)
    assert "is larger than 256 KB" in problem


def test_deep_nesting_does_not_crash(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "error" in problem


def test_control_characters_are_removed_from_text(tmp_path: Path) -> None:
    text = GOOD.replace("A tiny exercise.", "A tiny\\u001b[31m exercise.\\u0007")
    exercise, problems = parse_exercise(write(tmp_path, "tiny.toml", text))
    assert problems == [] and exercise is not None
    assert exercise.summary == "A tiny[31m exercise."


def test_bad_file_never_stops_the_rest_and_duplicates_name_both(tmp_path: Path) -> None:
    builtin = tmp_path / "builtin"
    custom = tmp_path / "custom"
    write(builtin, "tiny.toml", GOOD)
    write(builtin, "broken.toml", "this is not toml")
    duplicate = write(custom, "mine.toml", GOOD)
    write(custom, "other.toml", GOOD.replace('id = "tiny"', 'id = "other"'))
    library = load_library(builtin, custom)
    assert sorted(library.exercises) == ["other", "tiny"]
    reasons = {b.path.name: b for b in library.broken}
    assert set(reasons) == {"broken.toml", "mine.toml"}
    (dup,) = reasons["mine.toml"].problems
    assert str(dup) == (
        f'{duplicate}:1:1: error: id: the id "tiny" is already used by the built-in exercise '
        "“Tiny”"  # by its title: the built-ins' folder is deep in site-packages
    )
    assert reasons["mine.toml"].source == "custom"


def test_builtin_exercises_all_load() -> None:
    library = load_library(builtin_exercises_dir())
    assert library.broken == []
    assert len(library.exercises) >= 8


@pytest.mark.parametrize("name", ["noticing-the-critic", "lets-try-that-again", "settling-breath"])
def test_required_builtins_exist(name: str) -> None:
    assert name in load_library().exercises
