"""Exercise files: the format, its validation and loading.

Exercises are data so that people (or a clinician) can write their own. A file may come
from someone else, so loading treats it as untrusted: it is size-limited, must be UTF-8,
is validated field by field against the specs below (unknown keys are errors, because
they are usually typos), and never stops the app — a bad file is reported with reasons
a person can act on, and the rest load.

The field specs are the single definition of the format: validation reads them, and so
does the JSON Schema generator, so the two cannot drift.
"""

from __future__ import annotations

import ast
import errno
import os
import re
import stat
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tui.core.text import strip_controls, template_names

MAX_FILE_BYTES = 256 * 1024
MAX_ABOUT = 8

SITUATIONS: dict[str, str] = {
    "didnt-go-to-plan": "Something didn't go to plan",
    "overwhelmed": "Feeling overwhelmed",
    "critic": "The inner critic is loud",
    "avoiding": "Avoiding something",
    "practice": "Just practising",
}

Source = Literal["built-in", "custom"]

EXERCISE_ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ANSWER_ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class FieldSpec:
    """One key of the format: its type, limits and meaning (also used for the JSON Schema)."""

    name: str
    kind: Literal[
        "text", "int", "bool", "texts", "exercise-id", "answer-id", "answer-ids", "situations"
    ]
    description: str
    required: bool = True
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    default: Any = None


EXERCISE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "exercise-id", "Unique id, lowercase words joined by hyphens.", max_length=40),
    FieldSpec("title", "text", "Short title shown in lists.", max_length=60),
    FieldSpec("summary", "text", "One sentence saying what the exercise is for.", max_length=200),
    FieldSpec("minutes", "int", "Estimated length in minutes.", minimum=1, maximum=15),
    FieldSpec(
        "situations",
        "situations",
        "When this exercise fits: " + ", ".join(SITUATIONS) + ".",
        min_items=1,
        max_items=len(SITUATIONS),
    ),
)

_ANSWER_ID_FIELD = FieldSpec(
    "id",
    "answer-id",
    "Name for the answer, so later text can refer to it as {name}.",
    required=False,
    max_length=32,
)
_PROMPT = FieldSpec("prompt", "text", "The question or invitation.", max_length=300)
# A step can answer an earlier answer without quoting it ("Those words are the critic
# talking"). Saying so lets the session pass it by, as it does a step that quotes the answer,
# when that answer was skipped or held words of crisis: such words are never called the critic.
_ABOUT = FieldSpec(
    "about",
    "answer-ids",
    "Ids of earlier answers this step speaks about without quoting them; it is passed by "
    "when they were skipped or held words of crisis.",
    required=False,
    min_items=1,
    max_items=MAX_ABOUT,
    max_length=32,
)
_PLACEHOLDER = FieldSpec(
    "placeholder", "text", "Faint example text in the empty box.", required=False, max_length=200
)

STEP_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "read": (FieldSpec("text", "text", "A few short sentences to read.", max_length=1000), _ABOUT),
    "breathe": (
        FieldSpec("text", "text", "Optional words before the breathing.", False, 1000),
        FieldSpec("inhale", "int", "Seconds breathing in.", minimum=1, maximum=10),
        FieldSpec("hold", "int", "Seconds holding.", False, minimum=0, maximum=10, default=0),
        FieldSpec("exhale", "int", "Seconds breathing out.", minimum=1, maximum=12),
        FieldSpec("cycles", "int", "How many breaths.", minimum=1, maximum=20),
        _ABOUT,
    ),
    "write": (
        _PROMPT,
        _ANSWER_ID_FIELD,
        _PLACEHOLDER,
        FieldSpec(
            "check",
            "bool",
            "Check the answer for harsh self-talk and offer to try again.",
            required=False,
            default=False,
        ),
        _ABOUT,
    ),
    "choose": (
        _PROMPT,
        FieldSpec("options", "texts", "The choices.", min_items=2, max_items=8, max_length=80),
        _ANSWER_ID_FIELD,
        _ABOUT,
    ),
    "rate": (
        _PROMPT,
        FieldSpec("low", "text", "What 0 means.", max_length=40),
        FieldSpec("high", "text", "What 10 means.", max_length=40),
        _ANSWER_ID_FIELD,
        _ABOUT,
    ),
    "reframe": (
        _PROMPT,
        FieldSpec("source", "answer-id", "Id of an earlier write step to rewrite.", max_length=32),
        _ANSWER_ID_FIELD,
        _PLACEHOLDER,
        _ABOUT,
    ),
}
STEP_TYPES = tuple(STEP_FIELDS)
MAX_STEPS = 30
_TEMPLATED = ("text", "prompt", "placeholder")


@dataclass(frozen=True)
class Step:
    """One step of an exercise; only the fields of its type are set."""

    type: str
    index: int
    id: str | None = None
    text: str = ""
    prompt: str = ""
    placeholder: str = ""
    check: bool = False
    options: tuple[str, ...] = ()
    low: str = ""
    high: str = ""
    source: str | None = None
    about: tuple[str, ...] = ()
    inhale: int = 0
    hold: int = 0
    exhale: int = 0
    cycles: int = 0

    @property
    def takes_text(self) -> bool:
        return self.type in ("write", "reframe")

    @property
    def checks_self_talk(self) -> bool:
        return self.type == "reframe" or (self.type == "write" and self.check)


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    summary: str
    minutes: int
    situations: tuple[str, ...]
    steps: tuple[Step, ...]
    path: Path
    source: Source = "built-in"
    id_position: tuple[int | None, int | None] = (None, None)  # where a duplicate id is reported


@dataclass(frozen=True)
class Problem:
    """Something wrong with a file, phrased so a person can fix it."""

    path: Path
    field: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: error: {self.field}: {self.message}"


@dataclass(frozen=True)
class BrokenFile:
    path: Path
    source: Source
    problems: tuple[Problem, ...]

    @property
    def is_linked_folder(self) -> bool:
        """The exercises folder itself is a link (linked_folder_problem): not a file."""
        return self.problems[0].field == LINKED_FOLDER

    @property
    def reason(self) -> str:
        first = self.problems[0]
        more = len(self.problems) - 1
        suffix = f" (and {more} more)" if more else ""
        return f"{first.field}: {first.message}{suffix}"

    def said(self, name: str) -> str:
        """The file and its reason as the app says them: no "(syntax)"-style tag (that is the
        file checker's, beside its FILE:LINE), the line in words."""
        first = self.problems[0]
        more = len(self.problems) - 1
        why = first.message if first.field.startswith("(") else f"{first.field}: {first.message}"
        where = f"{name}, line {first.line}" if first.line is not None else name
        return f"{where}: {why}" + (f" (and {more} more)" if more else "")


@dataclass
class Library:
    """Every exercise that loaded, and every file that did not, with its reasons."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    broken: list[BrokenFile] = field(default_factory=list)

    def get(self, exercise_id: str) -> Exercise | None:
        return self.exercises.get(exercise_id)

    def sources(self) -> dict[tuple[str, int], str]:
        """(exercise, step index) -> the step id a reframe rewrites: for reflections saved
        before a rewrite kept its original beside it (see practice.original_of)."""
        return {
            (e.id, step.index): step.source
            for e in self.exercises.values()
            for step in e.steps
            if step.source
        }

    def for_situation(self, situation: str | None) -> list[Exercise]:
        if situation is None:
            return list(self.exercises.values())
        return [e for e in self.exercises.values() if situation in e.situations]


# ---------------------------------------------------------------------------------------
# Locating a field in the source, so problems can name a line.


class Locator:
    """Finds the line of a key in a TOML file laid out the usual way (``[[steps]]`` tables)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.step_headers = [
            n for n, line in enumerate(self.lines) if line.strip().startswith("[[steps]]")
        ]
        self.first_table = next(
            (n for n, line in enumerate(self.lines) if line.lstrip().startswith("[")),
            len(self.lines),
        )

    def find(self, path: Sequence[str | int]) -> tuple[int | None, int | None]:
        if not path:
            return None, None
        if path[0] == "steps" and len(path) >= 2 and isinstance(path[1], int):
            index = path[1]
            if index >= len(self.step_headers):
                return self._key("steps", 0, self.first_table)
            start = self.step_headers[index]
            end = self.step_headers[index + 1] if index + 1 < len(self.step_headers) else None
            end = end if end is not None else len(self.lines)
            if len(path) >= 3 and isinstance(path[2], str):
                line, col = self._key(path[2], start + 1, end)
                if line is not None:
                    return line, col
            return start + 1, self.lines[start].index("[") + 1
        return self._key(str(path[0]), 0, self.first_table)

    def _key(self, key: str, start: int, end: int) -> tuple[int | None, int | None]:
        for n in range(start, min(end, len(self.lines))):
            stripped = self.lines[n].lstrip()
            if stripped.startswith(key) and stripped[len(key) :].lstrip().startswith("="):
                return n + 1, len(self.lines[n]) - len(stripped) + 1
        return None, None


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _path_text(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(file)"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"a true/false value ({str(value).lower()})"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the decimal number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'the text "{strip_controls(shown)}"'
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


# ---------------------------------------------------------------------------------------
# Validation


class _Validator:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.locator = Locator(text)
        self.problems: list[Problem] = []

    def problem(self, where: Sequence[str | int], message: str) -> None:
        line, column = self.locator.find(where)
        self.problems.append(Problem(self.path, _path_text(where), message, line, column))

    def value(self, spec: FieldSpec, raw: Any, where: list[str | int]) -> Any:
        """Check one value against its spec; return it cleaned, or None after a problem."""
        kind = spec.kind
        if kind == "int":
            if isinstance(raw, bool) or not isinstance(raw, int):
                self.problem(where, f"expected a whole number, found {_describe(raw)}")
                return None
            if spec.minimum is not None and raw < spec.minimum:
                self.problem(where, f"expected at least {spec.minimum}, found {raw}")
                return None
            if spec.maximum is not None and raw > spec.maximum:
                self.problem(where, f"expected at most {spec.maximum}, found {raw}")
                return None
            return raw
        if kind == "bool":
            if not isinstance(raw, bool):
                self.problem(where, f"expected true or false, found {_describe(raw)}")
                return None
            return raw
        if kind in ("texts", "situations", "answer-ids"):
            return self._list(spec, raw, where)
        if not isinstance(raw, str):
            self.problem(where, f"expected text, found {_describe(raw)}")
            return None
        cleaned = strip_controls(raw).strip()
        if not cleaned:
            self.problem(where, "expected some text, found an empty string")
            return None
        if spec.max_length is not None and len(cleaned) > spec.max_length:
            self.problem(
                where, f"expected at most {spec.max_length} characters, found {len(cleaned)}"
            )
            return None
        if kind == "exercise-id" and not EXERCISE_ID_PATTERN.fullmatch(cleaned):
            self.problem(
                where,
                f'expected lowercase words joined by hyphens (like "my-exercise"), '
                f'found "{cleaned}"',
            )
            return None
        if kind == "answer-id" and not ANSWER_ID_PATTERN.fullmatch(cleaned):
            self.problem(where, _not_an_answer_id(cleaned))
            return None
        return cleaned

    def _list(self, spec: FieldSpec, raw: Any, where: list[str | int]) -> tuple[str, ...] | None:
        if not isinstance(raw, list):
            self.problem(where, f"expected a list, found {_describe(raw)}")
            return None
        if spec.min_items is not None and len(raw) < spec.min_items:
            self.problem(where, f"expected at least {_items(spec.min_items)}, found {len(raw)}")
            return None
        if spec.max_items is not None and len(raw) > spec.max_items:
            self.problem(where, f"expected at most {_items(spec.max_items)}, found {len(raw)}")
            return None
        items: list[str] = []
        for n, item in enumerate(raw):
            item_where = [*where, n]
            if not isinstance(item, str) or not strip_controls(item).strip():
                self.problem(item_where, f"expected some text, found {_describe(item)}")
                return None
            cleaned = strip_controls(item).strip()
            if spec.kind == "situations" and cleaned not in SITUATIONS:
                self.problem(
                    item_where,
                    f'expected one of {", ".join(SITUATIONS)}, found "{cleaned}"',
                )
                return None
            if spec.kind == "answer-ids" and not ANSWER_ID_PATTERN.fullmatch(cleaned):
                self.problem(item_where, _not_an_answer_id(cleaned))
                return None
            if spec.max_length is not None and len(cleaned) > spec.max_length:
                self.problem(
                    item_where,
                    f"expected at most {spec.max_length} characters, found {len(cleaned)}",
                )
                return None
            items.append(cleaned)
        if len(set(items)) != len(items):
            self.problem(where, "each item may appear only once")
            return None
        return tuple(items)

    def fields(
        self, specs: Iterable[FieldSpec], table: dict[str, Any], where: list[str | int]
    ) -> dict[str, Any] | None:
        specs = tuple(specs)
        known = {spec.name for spec in specs}
        ok = True
        for key in table:
            if key not in known:
                ok = False
                hint = _did_you_mean(key, known)
                self.problem(
                    [*where, key],
                    f'unknown key "{key}"{hint}; expected one of {", ".join(sorted(known))}',
                )
        values: dict[str, Any] = {}
        for spec in specs:
            if spec.name not in table:
                if spec.required:
                    ok = False
                    self.problem(where or [spec.name], f'missing required key "{spec.name}"')
                elif spec.default is not None:
                    values[spec.name] = spec.default
                continue
            cleaned = self.value(spec, table[spec.name], [*where, spec.name])
            if cleaned is None:
                ok = False
            else:
                values[spec.name] = cleaned
        return values if ok else None

    def exercise(self, data: dict[str, Any], source: Source) -> Exercise | None:
        top = {k: v for k, v in data.items() if k != "steps"}
        values = self.fields(EXERCISE_FIELDS, top, [])
        steps = self.steps(data.get("steps"))
        if values is None or steps is None:
            return None
        return Exercise(
            id=values["id"],
            title=values["title"],
            summary=values["summary"],
            minutes=values["minutes"],
            situations=values["situations"],
            steps=steps,
            path=self.path,
            source=source,
            id_position=self.locator.find(["id"]),
        )

    def steps(self, raw: Any) -> tuple[Step, ...] | None:
        if raw is None:
            self.problem(["steps"], 'missing required key "steps" (add at least one [[steps]])')
            return None
        if not isinstance(raw, list) or not all(isinstance(s, dict) for s in raw):
            self.problem(["steps"], f"expected a list of [[steps]] tables, found {_describe(raw)}")
            return None
        if not 1 <= len(raw) <= MAX_STEPS:
            self.problem(["steps"], f"expected 1 to {MAX_STEPS} steps, found {len(raw)}")
            return None
        steps: list[Step] = []
        answer_ids: dict[str, str] = {}  # id -> step type, in order seen
        ok = True
        for index, table in enumerate(raw):
            where: list[str | int] = ["steps", index]
            step_type = table.get("type")
            if step_type not in STEP_FIELDS:
                ok = False
                self.problem(
                    [*where, "type"],
                    f"expected one of {', '.join(STEP_TYPES)}, found {_describe(step_type)}"
                    + _did_you_mean(step_type, set(STEP_TYPES))
                    if step_type is not None
                    else f'missing required key "type" (one of {", ".join(STEP_TYPES)})',
                )
                _remember_id(table, str(step_type), answer_ids)
                continue
            rest = {k: v for k, v in table.items() if k != "type"}
            values = self.fields(STEP_FIELDS[step_type], rest, where)
            if values is None:
                ok = False
                _remember_id(table, step_type, answer_ids)
                continue
            ok = self._references(values, answer_ids, where) and ok
            if values.get("id"):
                if values["id"] in answer_ids:
                    ok = False
                    self.problem([*where, "id"], f'the id "{values["id"]}" is already used')
                answer_ids[values["id"]] = step_type
            steps.append(Step(type=step_type, index=index, **values))
        return tuple(steps) if ok else None

    def _references(
        self, values: dict[str, Any], earlier: dict[str, str], where: list[str | int]
    ) -> bool:
        ok = True
        source = values.get("source")
        if source is not None and earlier.get(source) != "write":
            ok = False
            known = [k for k, v in earlier.items() if v == "write"]
            self.problem(
                [*where, "source"],
                f"expected the id of an earlier write step ({', '.join(known) or 'none yet'}), "
                f'found "{source}"' + _did_you_mean(source, set(known)),
            )
        for n, name in enumerate(values.get("about", ())):
            if name not in earlier:
                ok = False
                self.problem(
                    [*where, "about", n],
                    f"expected the id of an earlier answer ({', '.join(earlier) or 'none yet'}), "
                    f'found "{name}"' + _did_you_mean(name, set(earlier)),
                )
        for key in _TEMPLATED:
            for name in template_names(values.get(key, "")):
                if name not in earlier:
                    ok = False
                    self.problem(
                        [*where, key],
                        f"{{{name}}} does not name an earlier answer "
                        f"(known: {', '.join(earlier) or 'none yet'}"
                        + _did_you_mean(name, set(earlier), braces=True)
                        + "); write {{ for a literal brace",
                    )
        return ok


def _remember_id(table: dict[str, Any], step_type: str, answer_ids: dict[str, str]) -> None:
    """A step with its own mistakes still names its answer: later steps that use that name
    are not reported as naming nothing (one typo, one message; its {name} was never wrong)."""
    raw = table.get("id")
    if isinstance(raw, str):
        name = raw.strip()
        if ANSWER_ID_PATTERN.fullmatch(name) and name not in answer_ids:
            answer_ids[name] = step_type


def _not_an_answer_id(found: str) -> str:
    return f'expected a lowercase name with underscores (like "first_thought"), found "{found}"'


def _did_you_mean(key: object, known: set[str], *, braces: bool = False) -> str:
    import difflib

    if not isinstance(key, str):
        return ""
    close = difflib.get_close_matches(key, sorted(known), n=1)
    if not close:
        return ""
    return f"; did you mean {{{close[0]}}}?" if braces else f' (did you mean "{close[0]}"?)'


_LINK_WHY = "kindtone never follows links or opens special files inside its data folder"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_AT_END = " (at end of document)"


def _read_bounded(path: Path, *, follow: bool) -> bytes:
    """Up to one byte more than the limit; without ``follow`` a link raises ``LinkRefused``
    (opened with ``O_NOFOLLOW``, and ``O_NONBLOCK`` so a planted FIFO cannot hang loading)."""
    if follow:
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    from tui.core.atomic import LinkRefused, is_link

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP or is_link(path):
            raise LinkRefused(path) from None
        raise
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(st.st_mode):
            raise LinkRefused(path, "not a regular file")
        if not getattr(os, "O_NOFOLLOW", 0) and is_link(path):  # pragma: no cover
            raise LinkRefused(path)
        return handle.read(MAX_FILE_BYTES + 1)


def read_exercise_text(
    path: Path, *, follow_links: bool = True
) -> tuple[str | None, Problem | None]:
    """Read a file as untrusted input: bounded size, strict UTF-8.

    A file in the data folder is read with ``follow_links=False``: a link there is reported,
    never followed (the data folder is kindtone's alone).
    """
    from tui.core.atomic import LinkRefused

    try:
        raw = _read_bounded(path, follow=follow_links)
    except IsADirectoryError:
        return None, Problem(path, "(file)", "is a directory, not an exercise file")
    except LinkRefused:
        what = "a symbolic link" if _is_link(path) else "not a regular file"
        return None, Problem(path, "(file)", f"is {what}; {_LINK_WHY}")
    except OSError as error:
        return None, Problem(path, "(file)", f"could not be read: {error.strerror or error}")
    if len(raw) > MAX_FILE_BYTES:
        return None, Problem(
            path, "(file)", f"is larger than {MAX_FILE_BYTES // 1024} KB; exercises are short"
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem(path, "(file)", "is not UTF-8 text; save it as UTF-8", line)


def parse_exercise(path: Path, source: Source = "custom") -> tuple[Exercise | None, list[Problem]]:
    """Load and validate one exercise file. Never raises for a bad file.

    A custom file lives in the data folder, so a link there is refused, never followed.
    """
    text, problem = read_exercise_text(path, follow_links=source != "custom")
    if text is None:
        assert problem is not None
        return None, [problem]
    return parse_exercise_text(text, path, source)


_ILLEGAL_CHARACTER = re.compile(r"^Illegal character '(.+)'$")
_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BEL, a bell",
    0x08: "BS, a backspace",
    0x0B: "VT, a vertical tab",
    0x0C: "FF, a form feed",
    0x0D: "CR, a carriage return on its own",
    0x1B: "ESC, an escape",
    0x7F: "DEL",
}


def _illegal_control(message: str, line: int | None, column: int | None) -> str | None:
    """TOML's "Illegal character '\\x1b'" in plain words: which invisible character, and what
    to do about it, with where it is in words (the problem's position is terse)."""
    match = _ILLEGAL_CHARACTER.match(message)
    if match is None:
        return None
    try:
        char = ast.literal_eval(f"'{match.group(1)}'")
    except (ValueError, SyntaxError):
        return None
    if len(char) != 1 or not (ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0):
        return None
    code = ord(char)
    name = _CONTROL_NAMES.get(code)
    what = f"U+{code:04X}" + (f", {name}" if name else "")
    where = f"at line {line}, column {column}" if line and column else "in the file"
    return (
        f"an invisible control character ({what}) is {where}, and exercise files can't "
        "hold one; delete it in your editor (it often comes with text copied from a terminal)"
    )


def parse_exercise_text(
    text: str, path: Path, source: Source = "custom"
) -> tuple[Exercise | None, list[Problem]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = column = None
        if position:
            line, column = int(position.group(1)), int(position.group(2))
            message = message[: position.start()].rstrip()
        elif message.endswith(_TOML_AT_END):
            lines = text.splitlines() or [""]
            line, column = len(lines), len(lines[-1]) + 1
            message = message.removesuffix(_TOML_AT_END) + " at the end of the file"
        if message == "Illegal character '\\n'":
            message = "a line ends inside a quoted string (is a closing quote missing?)"
        elif (control := _illegal_control(message, line, column)) is not None:
            message = control
        return None, [Problem(path, "(syntax)", f"not valid TOML: {message}", line, column)]
    except RecursionError:
        return None, [Problem(path, "(syntax)", "values are nested too deeply")]
    validator = _Validator(path, text)
    exercise = validator.exercise(data, source)
    return exercise, validator.problems


def exercise_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.toml") if not p.name.startswith("."))


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


LINKED_FOLDER = "(folder)"


def linked_folder_problem(directory: Path) -> Problem:
    """The custom exercises folder is a link: said once, naming it; nothing in it is read."""
    return Problem(
        directory,
        LINKED_FOLDER,
        "is a symbolic link; kindtone never follows links inside its data folder, so no "
        "exercise in it was loaded. Replace the link with a real folder to use your own "
        "exercises.",
    )


def exercise_dir_signature(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and change times of the custom files: cheap to compare, so the app
    notices an edited, added or removed exercise without a restart. Never through a link."""
    if _is_link(directory):
        return ((directory.name, -1, -1),)  # a link is never listed, only noticed
    signature = []
    for path in exercise_files(directory):
        try:
            st = os.lstat(path)
        except OSError:
            continue
        signature.append((path.name, st.st_size, st.st_mtime_ns))
    return tuple(signature)


def owner_name(exercise: Exercise) -> str:
    """How to name the exercise that has an id already: a built-in by its title (its file
    sits deep in the installed package, a path nobody writing a pack would know), one's own
    by its file."""
    if exercise.source == "built-in":
        return f"the built-in exercise “{exercise.title}”"
    return str(exercise.path)


def load_library(builtin_dir: Path | None = None, custom_dir: Path | None = None) -> Library:
    """Load the built-ins, then custom exercises; a custom file can't take a built-in's id."""
    from tui.paths import builtin_exercises_dir

    library = Library()
    origin: dict[str, Exercise] = {}
    sources: list[tuple[Path, Source]] = [(builtin_dir or builtin_exercises_dir(), "built-in")]
    if custom_dir is not None:
        sources.append((custom_dir, "custom"))
    for directory, source in sources:
        if source == "custom" and _is_link(directory):
            library.broken.append(
                BrokenFile(directory, source, (linked_folder_problem(directory),))
            )
            continue
        for path in exercise_files(directory):
            exercise, problems = parse_exercise(path, source)
            if exercise is not None and exercise.id in origin:
                first = origin[exercise.id]
                problems = [
                    Problem(
                        path,
                        "id",
                        f'the id "{exercise.id}" is already used by {owner_name(first)}',
                        *exercise.id_position,
                    )
                ]
                exercise = None
            if exercise is None:
                library.broken.append(BrokenFile(path, source, tuple(problems)))
                continue
            origin[exercise.id] = exercise
            library.exercises[exercise.id] = exercise
    return library
