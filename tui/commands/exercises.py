"""``kindtone exercises``: list, read, check, start and install exercise files.

Exercises are data that people and clinicians write and share, so this is their toolbox.
Every file is untrusted: problems are printed like a compiler's (``PATH:LINE:COL: error:
FIELD: message``) so an editor can jump to them, a pack is installed only if every file in
it is valid, and text from files never reaches the terminal with control characters in it.
No Textual or Rich here: these commands must start fast.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

from tui.commands import Refusal as _Refusal
from tui.commands import os_error_line, report_error
from tui.commands import tolerant_stdout as _tolerant_stdout
from tui.core.atomic import LinkRefused
from tui.core.datafolder import linked_part
from tui.core.describe import render_exercise
from tui.core.exercise_writer import slug, toml_string
from tui.core.exercises import (
    EXERCISE_FIELDS,
    SITUATIONS,
    STEP_FIELDS,
    Exercise,
    FieldSpec,
    Library,
    Locator,
    Problem,
    exercise_files,
    load_library,
    owner_name,
    parse_exercise_text,
    read_exercise_text,
)
from tui.core.text import visible_controls
from tui.paths import resolve_data_dir

CUSTOM_DIR_NAME = "exercises"
_ID_MAX = next(spec.max_length for spec in EXERCISE_FIELDS if spec.name == "id") or 40
_TITLE_MAX = next(spec.max_length for spec in EXERCISE_FIELDS if spec.name == "title") or 60


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "exercises",
        help="list, read, check and install exercises (including your own)",
        description=(
            "Exercises are TOML files. Your own live in the exercises folder of your data "
            "dir and load alongside the built-in ones."
        ),
    )
    commands = parser.add_subparsers(dest="exercises_command", metavar="ACTION", required=True)

    listing = commands.add_parser(
        "list", help="every exercise, and any file that could not be loaded"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    show = commands.add_parser("show", help="read an exercise's steps without starting it")
    show.add_argument("id", metavar="ID", help="the exercise's id (see `exercises list`)")

    validate = commands.add_parser(
        "validate",
        aliases=["check"],  # the word `kindtone --help` uses, and the one people try first
        help="check exercise files and print every problem",
        description=(
            "Check exercise files (or every *.toml in a folder). Each problem is printed as "
            "PATH:LINE:COL: error: FIELD: message. Exits 1 if any file has a problem."
        ),
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")

    new = commands.add_parser(
        "new",
        help="write a commented starter exercise to edit",
        description=(
            "Write a starter exercise with one step of each kind and comments explaining "
            "every key, or a copy of an existing exercise to change. The id comes from the "
            "file name. An existing file is never overwritten."
        ),
    )
    new.add_argument("path", metavar="PATH", help="the new file, ending in .toml")
    new.add_argument("--from", dest="from_id", metavar="ID", help="start from a copy of ID")

    install = commands.add_parser(
        "install",
        help="check exercise files and add them to your exercises",
        description=(
            "Check the files (or every *.toml in a folder) and, only if all of them are "
            "valid, copy them into your exercises folder. Installing a file with the same "
            "name again replaces it."
        ),
    )
    install.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder (a pack)")


def run(args: argparse.Namespace) -> int:
    _tolerant_stdout()
    actions = {
        "list": _list,
        "show": _show,
        "validate": _validate,
        "check": _validate,
        "new": _new,
        "install": _install,
    }
    try:
        return actions[args.exercises_command](args)
    except _Refusal as refusal:
        _error(str(refusal))
        return 1
    except BrokenPipeError:
        raise  # the CLI stops quietly when a pager or head closes early
    except OSError as error:
        _error(os_error_line(error))
        return 1


def _error(message: str) -> None:
    report_error("exercises", message)


def _custom_dir(args: argparse.Namespace) -> Path:
    return resolve_data_dir(args.data_dir) / CUSTOM_DIR_NAME


def _library(args: argparse.Namespace) -> Library:
    return load_library(custom_dir=_custom_dir(args))


def _command(args: argparse.Namespace, *words: str) -> str:
    """How to run a follow-up command, keeping ``--data-dir`` if one was given."""
    parts = ["kindtone"]
    if args.data_dir:
        parts += ["--data-dir", str(args.data_dir)]
    parts += ["exercises", *words]
    return shlex.join(parts)


# --- list ------------------------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    library = _library(args)
    rows: list[dict[str, Any]] = []
    for exercise in library.exercises.values():
        rows.append(
            {
                "id": exercise.id,
                "title": exercise.title,
                "minutes": exercise.minutes,
                "source": exercise.source,
                "status": "ok",
                "path": str(exercise.path),
            }
        )
    for broken in library.broken:
        rows.append(
            {
                "id": None,
                "title": None,
                "minutes": None,
                "source": broken.source,
                "status": broken.reason,
                "path": str(broken.path),
            }
        )
    # Built-ins first, each group in file order, so a broken file sits where it would load.
    rows.sort(key=lambda row: (row["source"] != "built-in", row["path"]))
    if args.json:
        print(_json_dumps(rows))
        return 0
    table = [("ID", "TITLE", "MINUTES", "SOURCE", "STATUS")]
    for row in rows:
        table.append(
            (
                row["id"] or Path(row["path"]).name,
                row["title"] or "-",
                str(row["minutes"] or "-"),
                row["source"],
                row["status"],
            )
        )
    widths = [max(len(visible_controls(r[n])) for r in table) for n in range(4)]
    for row_cells in table:
        cells = [visible_controls(cell) for cell in row_cells]
        line = "  ".join(
            cell.rjust(width) if n == 2 else cell.ljust(width)
            for n, (cell, width) in enumerate(zip(cells, widths, strict=False))
        )
        print(f"{line}  {cells[4]}")
    custom_dir = _custom_dir(args)
    print()
    print(f"Your own exercises live in {visible_controls(str(custom_dir))}")
    # The folder being a link is said in its row; validate would read through the link and
    # find every file fine, so it is not offered as where to see "every problem".
    files = [b for b in library.broken if not b.is_linked_folder]
    if files:
        count = len(files)
        print(
            f"{count} file{'s' if count != 1 else ''} could not be loaded; "
            f"to see every problem: {_command(args, 'validate', str(custom_dir))}"
            if all(b.source == "custom" for b in files)
            else f"{count} file{'s' if count != 1 else ''} could not be loaded."
        )
    elif library.broken:
        print("That folder is a link, so none of your own exercises were loaded.")
    return 0


_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _json_dumps(value: Any) -> str:
    """JSON that is readable (not all \\u escapes) yet holds nothing a terminal would act on.

    ``json`` already escapes C0 controls; C1 controls and bidi overrides are escaped here
    (they can only occur inside strings, so the result is still valid JSON).
    """
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


# --- show ------------------------------------------------------------------------------


def _show(args: argparse.Namespace) -> int:
    library = _library(args)
    exercise = library.get(args.id)
    if exercise is None:
        import difflib

        close = difflib.get_close_matches(args.id, list(library.exercises), n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        raise _Refusal(
            f'no exercise with the id "{visible_controls(args.id)}"{hint}; '
            f"to see them all: {_command(args, 'list')}"
        )
    print(render_exercise(exercise, width=_width()))
    return 0


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((88, 24)).columns, 88))


# --- checking files (validate and install) ---------------------------------------------


@dataclass
class _Checked:
    """One file as the person named it, with what we found."""

    shown: str
    path: Path
    text: str | None = None
    exercise: Exercise | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.exercise is not None and not self.problems

    def lines(self) -> list[str]:
        """Problems as compiler-style lines, starting with the path exactly as given."""
        out = []
        for problem in self.problems:
            line = str(problem)
            prefix = str(problem.path)
            if problem.path == self.path and line.startswith(prefix):
                line = self.shown + line[len(prefix) :]
            out.append(visible_controls(line))
        return out


def _collect(raw_paths: Sequence[str]) -> list[_Checked]:
    """Files named and files in folders named, each once, in the order given."""
    found: list[_Checked] = []
    seen: set[Path] = set()
    for raw in raw_paths:
        path = Path(raw)
        if path.is_dir():
            files = exercise_files(path)
            if not files:
                found.append(_Checked(raw, path, problems=[_problem(path, "has no *.toml files")]))
            for file in files:
                if _key(file) not in seen:
                    seen.add(_key(file))
                    found.append(_Checked(os.path.join(raw, file.name), file))
        elif not path.exists():
            found.append(_Checked(raw, path, problems=[_problem(path, "no such file")]))
        elif _key(path) not in seen:
            seen.add(_key(path))
            found.append(_Checked(raw, path))
    return found


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _problem(path: Path, message: str) -> Problem:
    return Problem(path, "(file)", message)


def _check(files: Iterable[_Checked], taken: dict[str, tuple[Path, str]]) -> None:
    """Parse each file; an id already in ``taken`` (or earlier in ``files``) is a problem.

    ``taken`` maps an id to the file using it and how to name that file.
    """
    owners = dict(taken)
    for checked in files:
        if checked.problems:
            continue
        text, problem = read_exercise_text(checked.path)
        if text is None:
            assert problem is not None
            checked.problems.append(problem)
            continue
        checked.text = text
        exercise, problems = parse_exercise_text(text, checked.path, "custom")
        checked.problems.extend(problems)
        if exercise is None:
            continue
        owner = owners.get(exercise.id)
        if owner is not None and _key(owner[0]) != _key(checked.path):
            line, column = Locator(text).find(["id"])
            checked.problems.append(
                Problem(
                    checked.path,
                    "id",
                    f'the id "{exercise.id}" is already used by {owner[1]}',
                    line,
                    column,
                )
            )
            continue
        owners.setdefault(exercise.id, (checked.path, checked.shown))
        checked.exercise = exercise


def _builtin_ids() -> dict[str, tuple[Path, str]]:
    library = load_library()
    return {e.id: (e.path, owner_name(e)) for e in library.exercises.values()}


def _files_word(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"


def _report(files: list[_Checked]) -> int:
    """Print every problem to stdout; return how many files had one."""
    bad = 0
    for checked in files:
        if checked.ok:
            continue
        bad += 1
        for line in checked.lines():
            print(line)
    return bad


def _validate(args: argparse.Namespace) -> int:
    files = _collect(args.paths)
    _check(files, _builtin_ids())
    bad = 0
    for checked in files:
        if checked.ok:
            print(f"{visible_controls(checked.shown)}: ok")
        else:
            bad += 1
            for line in checked.lines():
                print(line)
    total = len(files)
    if bad:
        verb = "has" if bad == 1 else "have"
        print(f"{bad} of {_files_word(total)} {verb} problems", file=sys.stderr)
        return 1
    print(f"{_files_word(total)} checked: all valid", file=sys.stderr)
    return 0


# --- install ---------------------------------------------------------------------------


def _install(args: argparse.Namespace) -> int:
    from tui.core.atomic import private_dir, write_atomic
    from tui.paths import ensure_private_dir

    custom_dir = _custom_dir(args)
    files = _collect(args.paths)
    names: dict[str, _Checked] = {}
    for checked in files:
        if checked.problems:
            continue
        name = checked.path.name
        if not name.endswith(".toml") or name.startswith("."):
            checked.problems.append(
                _problem(
                    checked.path,
                    "an exercise file's name must end in .toml and not start with a dot",
                )
            )
        elif name in names:
            checked.problems.append(
                _problem(
                    checked.path,
                    f"has the same file name as {names[name].shown}; "
                    "files installed together need different names",
                )
            )
        else:
            names[name] = checked

    # Installing a file with the same name replaces it, so its id is free to take.
    taken = _builtin_ids()
    installed = load_library(custom_dir=custom_dir)
    for exercise in installed.exercises.values():
        if exercise.source == "custom" and exercise.path.name not in names:
            # A pack's new version under a new file name: say how to replace the old one.
            shown = (
                f"{exercise.path}, which you installed (to replace it, "
                f"install yours as {exercise.path.name})"
            )
            taken.setdefault(exercise.id, (exercise.path, shown))
    _check(files, taken)

    bad = _report(files)
    if bad:
        verb = "has" if bad == 1 else "have"
        _error(f"nothing was installed: {bad} of {_files_word(len(files))} {verb} problems")
        return 1

    ensure_private_dir(custom_dir.parent)
    private_dir(custom_dir)  # a link there is refused, never written through
    for checked in files:
        assert checked.exercise is not None and checked.text is not None
        target = custom_dir / checked.path.name
        verb = "Replaced" if os.path.lexists(target) else "Installed"
        # The bytes that were checked, not a second read that might differ.
        write_atomic(target, checked.text.encode("utf-8"), mode=0o600)
        print(
            visible_controls(
                f'{verb} "{checked.exercise.title}" ({checked.exercise.id}) as {target}'
            )
        )
    count = len(files)
    print(
        f"{count} exercise{'s' if count != 1 else ''} ready to practise; "
        f"see them with: {_command(args, 'list')}"
    )
    return 0


# --- new -------------------------------------------------------------------------------


def id_from_name(stem: str) -> str:
    """A file name stem as an exercise id: "My Pause_2" -> "my-pause-2", accents dropped."""
    return slug(stem, _ID_MAX)


def _new(args: argparse.Namespace) -> int:
    shown = args.path
    path = Path(shown)
    if not path.name.endswith(".toml") or path.name.startswith("."):
        raise _Refusal(
            f"{visible_controls(shown)}: exercise files need a name ending in .toml "
            "(and not starting with a dot), like my-exercise.toml"
        )
    if path.exists() or path.is_symlink():
        raise _Refusal(f"{visible_controls(shown)} already exists; choose another name")
    linked = linked_part(resolve_data_dir(args.data_dir), path)
    if linked is not None:
        raise _Refusal(visible_controls(str(LinkRefused(linked))))
    parent = path.parent
    if not parent.is_dir():
        raise _Refusal(f"the folder {visible_controls(str(parent))} does not exist")
    exercise_id = id_from_name(path.name[: -len(".toml")])
    if not exercise_id:
        raise _Refusal(
            f"{visible_controls(shown)}: the id comes from the file name, which needs some "
            "letters or digits, like my-exercise.toml"
        )

    library = _library(args)
    owner = library.get(exercise_id)
    if owner is not None and not (owner.source == "custom" and owner.path.name == path.name):
        raise _Refusal(
            f'the id "{exercise_id}" (from the file name) is already used by '
            f"{visible_controls(owner_name(owner))}; "
            f"choose another name, like my-{exercise_id}.toml"
        )

    if args.from_id is None:
        text = starter_text(exercise_id)
    else:
        original = library.get(args.from_id)
        if original is None:
            raise _Refusal(
                f'no exercise with the id "{visible_controls(args.from_id)}"; '
                f"to see them all: {_command(args, 'list')}"
            )
        text = _copy_text(original, exercise_id)

    exercise, problems = parse_exercise_text(text, path)
    if exercise is None or problems or exercise.id != exercise_id:  # pragma: no cover
        raise _Refusal(f"could not write a valid exercise to {visible_controls(shown)}")

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)

    what = "a starter exercise" if args.from_id is None else f'a copy of "{args.from_id}"'
    print(visible_controls(f"Wrote {what} to {shown} (id: {exercise_id})."))
    print("Edit it in any text editor, then check it with:")
    print(f"  {visible_controls(_command(args, 'validate', shown))}")
    print("When it's ready, add it to your exercises with:")
    print(f"  {visible_controls(_command(args, 'install', shown))}")
    return 0


_TOP_KEY = r"^(?P<head>[ \t]*{key}[ \t]*=[ \t]*)(?P<value>\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*')"


def _replace_top_value(text: str, key: str, value: str) -> str | None:
    """Change one top-level string key in place, keeping every comment and the layout."""
    lines = text.splitlines(keepends=True)
    pattern = re.compile(_TOP_KEY.format(key=re.escape(key)))
    for n, line in enumerate(lines):
        if line.lstrip().startswith("["):
            break
        match = pattern.match(line)
        if match:
            lines[n] = match.group("head") + toml_string(value) + line[match.end() :]
            return "".join(lines)
    return None


def _copy_text(original: Exercise, exercise_id: str) -> str:
    source_text, problem = read_exercise_text(original.path)
    if source_text is None:
        raise _Refusal(str(problem))
    title = f"{original.title} (my version)"
    if len(title) > _TITLE_MAX:
        title = original.title
    text = _replace_top_value(source_text, "id", exercise_id)
    text = _replace_top_value(text, "title", title) if text is not None else None
    if text is None:
        raise _Refusal(
            f'could not find a simple id = "..." and title = "..." in {original.path} '
            "to change; copy the file by hand and change its id"
        )
    header = (
        f'# Your own version of "{original.id}", made with `kindtone exercises new`.\n'
        "# Change anything you like; the id must stay unique.\n"
    )
    if text.startswith("#:schema"):  # editors only read it on the very first line
        first, _, rest = text.partition("\n")
        return f"{first}\n{header}{rest}"
    return header + text


def _spec(specs: Iterable[FieldSpec], name: str) -> FieldSpec:
    return next(spec for spec in specs if spec.name == name)


def _limits(spec: FieldSpec) -> str:
    if spec.kind == "int":
        return f"{spec.minimum} to {spec.maximum}"
    if spec.kind == "texts":
        return (
            f"{spec.min_items} to {spec.max_items} of them, each up to {spec.max_length} characters"
        )
    return f"up to {spec.max_length} characters"


_STARTER = Template(
    """\
# A starter exercise for kindtone. Lines starting with # are notes for you: kindtone
# ignores them, so keep them or delete them. Change the words to your own and remove the
# steps you don't need. Text is shown exactly as written: no formatting, no markup.
#
# Editors that understand TOML schemas (Taplo, or VS Code with "Even Better TOML") can check
# this file as you type if its very first line is:
#   #:schema $schema_path

# A unique id: lowercase words joined by hyphens. It came from the file name.
id = "$id"
# The title shown in lists ($title_limits).
title = "$title"
# One sentence saying what the exercise is for ($summary_limits).
summary = "A few minutes to notice the critic and answer it more kindly."
# Roughly how long it takes, in whole minutes ($minutes_limits).
minutes = 3
# When it fits: one or more of $situations.
situations = ["critic", "practice"]

# Each [[steps]] block is one step; they are shown one at a time, in this order.
# "type" says what kind of step it is: $step_types.

# read: a few sentences to take in ($read_text_limits).
[[steps]]
type = "read"
text = "Find a comfortable way to sit. There is nothing to get right, and you can stop any time."

# breathe: a gentle paced breath with an animation. It can always be skipped.
[[steps]]
type = "breathe"
text = "Let the breath slow down a little."  # optional: words shown first
inhale = 4   # seconds breathing in ($inhale_limits)
hold = 0     # optional: seconds holding the breath ($hold_limits; 0 if left out)
exhale = 6   # seconds breathing out ($exhale_limits)
cycles = 3   # how many breaths ($cycles_limits)

# write: a question answered in the person's own words.
[[steps]]
type = "write"
id = "critic_words"  # optional: a name for the answer, so later text can say {critic_words}
prompt = "What is your inner critic saying right now? Write its exact words."
placeholder = "e.g. You always mess this up."  # optional: faint example text in the empty box
check = false  # optional: true offers "let's try that again" if the answer sounds harsh

# choose: pick one of a few options ($options_limits).
[[steps]]
type = "choose"
id = "feeling"  # optional, as above
prompt = "Which feels closest right now?"
options = ["Tired", "Worried", "Frustrated", "Something else"]

# rate: a 0 to 10 scale. It can always be skipped.
[[steps]]
type = "rate"
id = "loudness"  # optional, as above
prompt = "How loud is the critic right now?"
low = "barely there"  # what 0 means ($low_limits)
high = "very loud"    # what 10 means ($high_limits)

# reframe: shows an earlier write step's answer (named by "source") and invites a kinder
# version. The answer is always checked for harsh self-talk. {name} puts an earlier answer
# into the text; write {{ or }} for a brace that should simply be shown.
[[steps]]
type = "reframe"
source = "critic_words"
prompt = "You wrote: \\"{critic_words}\\". How would a good friend say this to you instead?"
placeholder = "e.g. This is hard, and I'm doing my best."  # optional

[[steps]]
type = "read"
text = "Kindness can feel awkward at first. That's normal. Noticing the critic is the practice."
"""
)


def starter_text(exercise_id: str) -> str:
    """A commented exercise with one step of each kind; limits come from the specs."""
    from tui.core.schema import SCHEMA_FILE_NAME
    from tui.paths import builtin_exercises_dir

    title = exercise_id.replace("-", " ").capitalize()[:_TITLE_MAX].strip()
    values: dict[str, str] = {
        "id": exercise_id,
        "title": title,
        "schema_path": (builtin_exercises_dir() / SCHEMA_FILE_NAME).as_posix(),
        "situations": ", ".join(SITUATIONS),
        "step_types": ", ".join(STEP_FIELDS),
    }
    for spec in EXERCISE_FIELDS:
        if spec.kind in ("text", "int"):
            values[f"{spec.name}_limits"] = _limits(spec)
    values["read_text_limits"] = _limits(_spec(STEP_FIELDS["read"], "text"))
    for name in ("inhale", "hold", "exhale", "cycles"):
        values[f"{name}_limits"] = _limits(_spec(STEP_FIELDS["breathe"], name))
    values["options_limits"] = _limits(_spec(STEP_FIELDS["choose"], "options"))
    for name in ("low", "high"):
        values[f"{name}_limits"] = _limits(_spec(STEP_FIELDS["rate"], name))
    return _STARTER.substitute(values)
