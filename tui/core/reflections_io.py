"""Reflections leaving and entering the store: Markdown to share, JSON to keep or move.

People export to show a therapist what they wrote (Markdown that reads well raw or rendered)
and to back up or move their history (JSON, lossless). Both are built from the stored records
as they are, so nothing written is lost on the way out.

Everything a person or an exercise file wrote is data, never markup: Markdown-significant
characters are escaped so an answer such as ``[x](javascript:…)`` or ``<script>`` shows as
typed instead of becoming a link or HTML, and terminal control characters are made visible.

An import file may have been edited by hand or come from elsewhere, so it is checked in full
before anything is written: one problem anywhere means nothing is imported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeGuard

import orjson

from tui.core.record import CATCH_KIND, CATCH_TITLE, Step, as_reflections
from tui.core.record import Reflection as Typed
from tui.core.text import visible_controls
from tui.core.timestamps import out_of_range, parse_aware

__all__ = [
    "FORMAT",
    "VERSION",
    "ImportPlan",
    "ImportProblem",
    "escape_markdown",
    "export_json",
    "export_markdown",
    "json_bytes",
    "json_text",
    "parse_export",
    "parse_timestamp",
    "plan_import",
]

FORMAT = "kindtone-reflections"
VERSION = 1
# The newest reflection schema this code understands (tui.core.session.SCHEMA_VERSION).
SCHEMA_VERSION = 1
MAX_ID_LENGTH = 200

Reflection = dict[str, Any]

SCALE_NAMES = {"harsh": "inner voice", "tense": "tension"}

# --- small shared readers --------------------------------------------------------------
# Thin readers for callers holding either kind; the work is done once, by tui.core.record.

parse_timestamp = parse_aware
Readable = Typed | Mapping[str, Any]


def _typed(reflection: Readable) -> Typed | None:
    return reflection if isinstance(reflection, Typed) else Typed.parse(reflection)


def local_when(reflection: Readable, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """When it started, in the offset it was written in: the hour the person lived.

    ``{day}`` in ``fmt`` is the day of the month without a leading zero (``%-d`` is not
    portable) and ``{offset}`` the UTC offset as ``+01:00``.
    """
    typed = _typed(reflection)
    return "unknown date" if typed is None else typed.when(fmt)


def rating(reflection: Readable, when: str, scale: str) -> int | None:
    """One rating (``when`` is "before" or "after"); None if skipped or absent."""
    typed = _typed(reflection)
    if typed is None:
        return None
    side = typed.ratings.before if when == "before" else typed.ratings.after
    return side.get(scale)


def rating_change(reflection: Readable, scale: str = "harsh") -> str | None:
    """``"7 → 4"``, with ``–`` for a skipped side; None when both were skipped."""
    typed = _typed(reflection)
    return None if typed is None else typed.ratings.change(scale)


def scales(reflection: Readable) -> list[str]:
    """Rating scales present in either check-in, the usual two first."""
    typed = _typed(reflection)
    return [] if typed is None else list(typed.ratings.scales())


def exercise_ids(reflection: Readable) -> list[str]:
    typed = _typed(reflection)
    return [] if typed is None else list(typed.exercises)


def steps(reflection: Readable) -> list[Step]:
    typed = _typed(reflection)
    return [] if typed is None else list(typed.steps)


def earlier_tries(step: Step) -> list[str]:
    """The "let's try that again" versions before the one that was kept."""
    return list(step.earlier_tries)


def duration_seconds(reflection: Readable) -> float | None:
    typed = _typed(reflection)
    return None if typed is None else typed.duration_seconds


def format_seconds(seconds: float) -> str:
    """``42 s``, ``5 min 37 s``, ``1 h 2 min``: short and exact enough to read at a glance."""
    whole = round(seconds)
    if whole < 60:
        return f"{seconds:.1f} s" if seconds < 10 and seconds != whole else f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


# --- JSON ---------------------------------------------------------------------------------

# json/orjson escape C0 controls already; C1 controls and bidi overrides are only ever inside
# strings, so escaping them keeps the JSON valid and lossless while harmless in a terminal.
# Matched in the UTF-8 bytes (DEL, U+0080-U+009F, U+202A-U+202E, U+2066-U+2069), so a
# 20,000-reflection export is never decoded into a str just to be checked (~2x faster).
_UNSAFE_IN_JSON = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def _escape_unsafe(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match.group(0).decode('utf-8')):04x}".encode("ascii")


def json_bytes(value: Any) -> bytes:
    """Indented UTF-8 JSON ending in a newline: readable (not all ``\\u`` escapes), lossless,
    yet safe to print to a terminal."""
    data = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    return _UNSAFE_IN_JSON.sub(_escape_unsafe, data)


def json_text(value: Any) -> str:
    return json_bytes(value).decode("utf-8")


def chronological(reflections: Iterable[Readable]) -> list[Typed]:
    """Oldest first (ties by id): an export reads like a journal and diffs like a log."""
    return sorted(as_reflections(reflections), key=Typed.sort_key)


def export_json(
    reflections: Iterable[Readable], phrases: Sequence[Mapping[str, Any]] | None = None
) -> bytes:
    """The lossless export: each reflection exactly as stored, unknown fields too. No export
    time in it, so the same data gives the same bytes. ``phrases``, your kind words, travel
    with the reflections when given; older exports have none and still import."""
    ordered = [r.raw for r in chronological(reflections)]
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION, "reflections": ordered}
    if phrases is not None:
        document["phrases"] = list(phrases)
    return json_bytes(document)


# --- Markdown -------------------------------------------------------------------------------

# Characters that can start emphasis, code, links, images, HTML, entities, tables,
# strikethrough or maths anywhere in a line (GitHub and CommonMark renderers).
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>&|~$])")
# At the start of a line: headings, block quotes, lists, setext underlines, thematic breaks.
_MD_LINE_START = re.compile(r"^([#>+=-])|^(\d{1,9})([.)])")


def escape_markdown(text: str) -> str:
    """Text that renders exactly as typed: every line literal, line breaks kept.

    Blank lines stay paragraph breaks; single newlines become hard breaks (two trailing
    spaces, invisible when read raw). Leading indentation is dropped because four spaces
    would start a code block, where the escapes would show as backslashes.
    """
    text = visible_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = []
    for paragraph in re.split(r"\n[ \t]*\n", text):
        lines = [_escape_line(line) for line in paragraph.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("  \n".join(lines))
    return "\n\n".join(paragraphs)


def _escape_line(line: str) -> str:
    line = _MD_INLINE.sub(r"\\\1", line.strip())
    return _MD_LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line
    )


def _inline(text: str) -> str:
    """One line of escaped text, for headings and labels."""
    return _escape_line(" ".join(visible_controls(text).split()))


# What a reflection that ran no exercise of the library is called, so an export needs no
# caller that remembers it.
OWN_TITLES = {CATCH_KIND: CATCH_TITLE}


def _title(exercise_id: str, titles: Mapping[str, str]) -> str:
    return titles.get(exercise_id) or OWN_TITLES.get(exercise_id, exercise_id)


def export_markdown(
    reflections: Iterable[Readable],
    *,
    titles: Mapping[str, str],
    situations: Mapping[str, str],
    exported_on: datetime,
) -> str:
    """A document to read or share: one section per reflection, oldest first."""
    records = chronological(reflections)
    out = [MARKDOWN_HEADING, ""]
    count = f"{len(records)} reflection{'s' if len(records) != 1 else ''}"
    if records:
        first = records[0].when("{day} %B %Y")
        last = records[-1].when("{day} %B %Y")
        span = f"on {first}" if first == last else f"from {first} to {last}"
        count += f", {span}"
    out += [
        f"{count}. Exported from kindtone on {exported_on.day} {exported_on:%B %Y}.",
        "",
        "*kindtone is a practice tool, not a substitute for professional care.*",
    ]
    for record in records:
        out += ["", "---", ""]
        out += _markdown_reflection(record, titles, situations)
    return "\n".join(out) + "\n"


def _markdown_reflection(
    record: Typed, titles: Mapping[str, str], situations: Mapping[str, str]
) -> list[str]:
    names = [_title(e, titles) for e in record.exercises]
    heading = record.when("%A {day} %B %Y, %H:%M")
    if names:
        heading += " — " + ", ".join(names)
    voice = record.ratings.change()
    if voice is not None:
        heading += f" (inner voice {voice})"
    out = [f"## {_inline(heading)}", ""]

    facts = []
    if record.situation:
        facts.append(
            f"**Situation:** {_inline(situations.get(record.situation, record.situation))}"
        )
    changes = []
    for scale in record.ratings.scales():
        change = record.ratings.change(scale)
        if change is not None:
            changes.append(f"{SCALE_NAMES.get(scale, scale)} {change}")
    if changes:
        facts.append(f"**Ratings (0–10, before → after):** {_inline('; '.join(changes))}")
    status = "Finished" if record.completed else "Not finished"
    seconds = record.duration_seconds
    if seconds is not None:
        status += f", {format_seconds(seconds)}"
    facts.append(f"**{status}.**")
    if record.crisis:
        facts.append("*Support options were shown during this session.*")
    facts += [f"**Asked:** {_inline(asked)}" for asked in record.asked(titles)]
    out.append("  \n".join(facts))

    current: str | None = None
    for step in record.steps:
        if step.exercise != current and step.exercise is not None:
            current = step.exercise
            out += ["", f"### {_inline(_title(current, titles))}"]
        out += _markdown_step(step)
    return out


def _markdown_step(step: Step) -> list[str]:
    if step.type == "read":
        return []  # the exercise's own text; nothing was written
    if step.type == "breathe":
        timing = f", {format_seconds(step.seconds)}" if step.seconds is not None else ""
        return ["", f"*Breathing practice{timing}.*"]
    out = []
    if step.prompt.strip():
        lines = [_inline(line) for line in step.prompt.splitlines() if line.strip()]
        out += ["", "  \n".join(f"**{line}**" for line in lines)]
    tries = step.earlier_tries
    for number, version in enumerate(tries, start=1):
        text = escape_markdown(version) or "*(empty)*"
        out += ["", f"*Try {number}:* {text}"]
    answer = step.answer
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        out += ["", "*Skipped.*"]
    else:
        label = f"*Try {len(tries) + 1}, kept:* " if tries else ""
        out += ["", label + escape_markdown(str(answer))]
    return out


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --- import ---------------------------------------------------------------------------------


class ImportProblem(Exception):
    """A file that can't be imported; the message is the one line the person sees."""


@dataclass
class _Checker:
    """Collects every problem so the person can fix a file in one go."""

    problems: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_timestamp(check: _Checker, where: str, value: object, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        check.add(where, f"should be a date-time as text, found {_kind(value)}")
    elif out_of_range(value):
        check.add(
            where, f"{value[:40]!r} is too close to the ends of the calendar to be a real time"
        )
    elif parse_timestamp(value) is None:
        check.add(where, f"{value[:40]!r} is not an ISO 8601 date-time with a UTC offset")


def _check_ratings(check: _Checker, where: str, value: object) -> None:
    if not isinstance(value, dict):
        check.add(where, f"should be an object, found {_kind(value)}")
        return
    for when, group in value.items():
        if not isinstance(group, dict):
            check.add(f"{where}.{when}", f"should be an object, found {_kind(group)}")
            continue
        for scale, number in group.items():
            if number is None:
                continue
            if not _is_int(number):
                check.add(
                    f"{where}.{when}.{scale}",
                    f"should be a whole number or null, found {_kind(number)}",
                )
            elif not 0 <= number <= 10:
                check.add(f"{where}.{when}.{scale}", f"should be 0 to 10, found {number}")


# Fields this version knows: (what it should be, a check). Others are kept as they are.
_STEP_FIELDS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "exercise": ("text", lambda v: isinstance(v, str)),
    "index": ("a whole number", _is_int),
    "type": ("text", lambda v: isinstance(v, str)),
    "id": ("text or null", lambda v: v is None or isinstance(v, str)),
    "prompt": ("text", lambda v: isinstance(v, str)),
    "answer": (
        "text, a whole number or null",
        lambda v: v is None or isinstance(v, str) or _is_int(v),
    ),
    "versions": (
        "a list of text",
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    ),
    "tries": ("a whole number", _is_int),
    "skipped": ("true/false", lambda v: isinstance(v, bool)),
    "seconds": ("a number of seconds", lambda v: _is_number(v) and v >= 0),
}

_REFLECTION_FIELDS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "completed": ("true/false", lambda v: isinstance(v, bool)),
    "crisis": ("true/false", lambda v: isinstance(v, bool)),
    "situation": ("text or null", lambda v: v is None or isinstance(v, str)),
    "minutes_planned": ("a whole number or null", lambda v: v is None or _is_int(v)),
    "exercises": (
        "a list of exercise ids",
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    ),
}


def _check_step(check: _Checker, where: str, step: object) -> None:
    if not isinstance(step, dict):
        check.add(where, f"should be an object, found {_kind(step)}")
        return
    for name, (wanted, ok) in _STEP_FIELDS.items():
        if name in step and not ok(step[name]):
            check.add(f"{where}.{name}", f"should be {wanted}, found {_kind(step[name])}")


def _check_reflection(check: _Checker, where: str, record: object) -> None:
    if not isinstance(record, dict):
        check.add(where, f"should be an object, found {_kind(record)}")
        return
    rid = record.get("id")
    if "id" not in record:
        check.add(where, "has no 'id'")
    elif not isinstance(rid, str) or not rid.strip():
        check.add(f"{where}.id", f"should be non-empty text, found {_kind(rid)}")
    elif len(rid) > MAX_ID_LENGTH or visible_controls(rid) != rid or rid != rid.strip():
        check.add(
            f"{where}.id", "should be a plain id (no spaces at the ends or control characters)"
        )
    if "started_at" not in record:
        check.add(where, "has no 'started_at'")
    else:
        _check_timestamp(check, f"{where}.started_at", record["started_at"], optional=False)
    if "ended_at" in record:
        _check_timestamp(check, f"{where}.ended_at", record["ended_at"], optional=True)
    schema = record.get("schema", SCHEMA_VERSION)
    if not _is_int(schema):
        check.add(f"{where}.schema", f"should be a whole number, found {_kind(schema)}")
    elif schema > SCHEMA_VERSION:
        check.add(f"{where}.schema", f"is {schema}: written by a newer kindtone; please update")
    for name, (wanted, ok) in _REFLECTION_FIELDS.items():
        if name in record and not ok(record[name]):
            check.add(f"{where}.{name}", f"should be {wanted}, found {_kind(record[name])}")
    if "ratings" in record:
        _check_ratings(check, f"{where}.ratings", record["ratings"])
    if "steps" in record:
        raw_steps = record["steps"]
        if not isinstance(raw_steps, list):
            check.add(f"{where}.steps", f"should be a list, found {_kind(raw_steps)}")
        else:
            for n, step in enumerate(raw_steps, start=1):
                _check_step(check, f"{where}.steps[{n}]", step)


MARKDOWN_HEADING = "# Reflections"  # the first line of every Markdown export


def json_problem(raw: bytes, error: ValueError) -> str:
    """Why bytes are not JSON, in plain words and with where: the parser's own message
    ("invalid literal, expected 'null'") means nothing to someone who edited a file by hand."""
    if not raw.strip():
        return "the file is empty"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (
            f"it is not UTF-8 text (the first odd byte is number {exc.start + 1}); "
            "a kindtone export always is"
        )
    line = getattr(error, "lineno", 1)
    column = getattr(error, "colno", 1)
    lines = text.splitlines() or [""]
    shown = lines[min(max(line, 1), len(lines)) - 1].strip()
    near = f": {visible_controls(shown[:60])!r}" if shown else ""
    return (
        f"it is not valid JSON: the text stops making sense at line {line}, column {column}"
        f"{near}. Was it changed by hand? Check that line for a missing comma, quote or "
        "bracket"
    )


def parse_export(raw: bytes) -> list[Reflection]:
    """The reflections in a JSON export, all checked; ImportProblem names the first problem.

    Unknown fields are kept (a newer kindtone may add some), but every field this version
    knows must have the right type, so nothing imported can break ``show`` or ``export``.
    """
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark from some Windows editors
        raw = raw[3:]
    if raw.lstrip().startswith(MARKDOWN_HEADING.encode()):
        # Our own Markdown export was read as broken JSON ("Was it changed by hand?").
        raise ImportProblem(
            "this is a Markdown export, made for reading; only a JSON export can be imported. "
            "Make one with `kindtone reflections export --format json --output FILE`"
        )
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ImportProblem(json_problem(raw, exc)) from None
    expected = f'a kindtone export (an object with "format": "{FORMAT}")'
    if isinstance(data, list):
        raise ImportProblem(
            f"expected {expected}, found a list; `reflections list --json` output can't be "
            "imported, make the file with `kindtone reflections export --format json`"
        )
    if not isinstance(data, dict):
        raise ImportProblem(f"expected {expected}, found {_kind(data)}")
    if data.get("format") != FORMAT:
        found = data.get("format")
        shown = repr(visible_controls(found)[:40]) if isinstance(found, str) else _kind(found)
        raise ImportProblem(f"expected {expected}, found format {shown}")
    version = data.get("version")
    if not _is_int(version) or version != VERSION:
        shown = str(version) if _is_int(version) else _kind(version)
        raise ImportProblem(
            f"this is export version {shown}; this kindtone reads version {VERSION}"
            + ("; please update kindtone" if _is_int(version) and version > VERSION else "")
        )
    reflections = data.get("reflections")
    if not isinstance(reflections, list):
        raise ImportProblem(f"'reflections' should be a list, found {_kind(reflections)}")

    check = _Checker()
    seen: dict[str, int] = {}
    for n, record in enumerate(reflections, start=1):
        where = f"reflection {n}"
        _check_reflection(check, where, record)
        rid = record.get("id") if isinstance(record, dict) else None
        if isinstance(rid, str):
            if rid in seen:
                check.add(where, f"has the same id as reflection {seen[rid]}")
            else:
                seen[rid] = n
    if check.problems:
        more = len(check.problems) - 1
        suffix = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        raise ImportProblem(visible_controls(check.problems[0]) + suffix)
    return reflections


@dataclass
class ImportPlan:
    """What an import would do: only ``new`` is written."""

    new: list[Reflection] = field(default_factory=list)
    unchanged: list[Reflection] = field(default_factory=list)
    # Same id, different content: the one already stored is kept, never overwritten,
    # because it may hold words the file doesn't.
    differ: list[Reflection] = field(default_factory=list)


def plan_import(incoming: Sequence[Reflection], existing: Mapping[str, Reflection]) -> ImportPlan:
    """Sort incoming reflections by whether the store already has them (by id)."""
    plan = ImportPlan()
    for record in incoming:
        have = existing.get(record["id"])
        if have is None:
            plan.new.append(record)
        elif have == record:
            plan.unchanged.append(record)
        else:
            plan.differ.append(record)
    return plan
