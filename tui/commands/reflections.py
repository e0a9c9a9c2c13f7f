"""``kindtone reflections``: list, read, export, import and delete past reflections.

People come back to what they wrote in hard moments, share it with a therapist and want to
see that they have been practising; this is that history from the shell. It must start
fast, so nothing here imports Textual or Rich, the store is imported only when a command
runs, and exercise titles are loaded only when there is something to show.

Everything a person wrote is printed literally with control characters made visible, and
every error is one line on stderr with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.commands import Refusal as _Refusal
from tui.commands import os_error_line, report_error
from tui.commands import tolerant_stdout as _tolerant_stdout
from tui.core.record import CATCH_KIND, CATCH_TITLE
from tui.core.text import visible_controls
from tui.paths import resolve_data_dir

if TYPE_CHECKING:
    from tui.core.record import Reflection, Step
    from tui.core.storage import ReflectionStore

SHORT_ID = 8
MIN_PREFIX = 6  # tui.core.storage.MIN_ID_PREFIX, without importing the store to build --help


def _sentence(reason: str) -> str:
    """A reason that ends the line ends as a sentence ("…a missing comma, quote or
    bracket" stopped short of its full stop)."""
    reason = reason.rstrip()
    return reason if reason.endswith((".", "!", "?")) else reason + "."


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "reflections",
        help="list, read, export, import and delete your past reflections",
        description=(
            "Your past reflections: read them again, share them (Markdown), back them up "
            "or move them (JSON). IDs can be shortened to their first 6 or more characters."
        ),
    )
    commands = parser.add_subparsers(dest="reflections_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="newest first, one line each")
    listing.add_argument("--limit", type=_positive, metavar="N", help="show only the newest N")
    listing.add_argument(
        "--search", metavar="TEXT", help="only those whose words contain TEXT (any case)"
    )
    listing.add_argument(
        "--since", type=_day, metavar="YYYY-MM-DD", help="only those from this day on"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array of them in full")

    show = commands.add_parser("show", help="read one reflection in full")
    show.add_argument("id", metavar="ID", help="its id, or the first 6 or more characters")

    export = commands.add_parser(
        "export",
        help="write every reflection as Markdown (to share) or JSON (to keep or import)",
        description=(
            "Markdown reads well in any viewer and is meant to be shared; JSON keeps "
            "everything and can be imported again. Oldest first. Prints to the terminal "
            "unless --output is given; a file is written readable only by you."
        ),
    )
    export.add_argument(
        "--format",
        choices=("markdown", "md", "json"),
        help="markdown (or md) to read and share, json to import later (default: json for "
        "a FILE ending in .json, otherwise markdown)",
    )
    export.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead; an existing FILE is replaced only if you say yes at the "
        "prompt, or with --force",
    )
    export.add_argument(
        "--force", action="store_true", help="replace an existing FILE without asking"
    )
    export.add_argument(
        "--since", type=_day, metavar="YYYY-MM-DD", help="only reflections from this day on"
    )

    importing = commands.add_parser(
        "import",
        help="add the reflections from a JSON export",
        description=(
            "Add reflections from a file made by `export --format json`. The whole file is "
            "checked first: if anything in it is wrong, nothing is imported. Reflections "
            "you already have (same id) are left as they are, so importing twice is harmless."
        ),
    )
    importing.add_argument("file", metavar="FILE", help="the export file, or - for stdin")

    delete = commands.add_parser(
        "delete",
        help="delete one reflection",
        description="Delete one reflection. Asks first, unless --yes is given.",
    )
    delete.add_argument("id", metavar="ID", help="its id, or the first 6 or more characters")
    delete.add_argument("--yes", "-y", action="store_true", help="don't ask for confirmation")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {number}")
    return number


def _day(value: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD, got '{visible_controls(value)}'"
        ) from None


def run(args: argparse.Namespace) -> int:
    from tui.core.datafolder import data_folder_warnings
    from tui.core.storage import ReflectionStore, StoreError

    _tolerant_stdout()
    data_dir = resolve_data_dir(args.data_dir)
    for note in data_folder_warnings(data_dir):
        _error(f"note: {note}")
    store = ReflectionStore(data_dir)
    actions = {
        "list": _list,
        "show": _show,
        "export": _export,
        "import": _import,
        "delete": _delete,
    }
    try:
        code = actions[args.reflections_command](args, store)
    except _Refusal as refusal:
        _error(str(refusal))
        code = 1
    except StoreError as error:
        _error(visible_controls(str(error)))
        code = 1
    except BrokenPipeError:
        raise  # the CLI stops quietly when a pager or head closes early
    except OSError as error:
        _error(os_error_line(error))
        code = 1
    for warning in store.warnings:  # damaged files set aside: the person should know
        _error(f"note: {visible_controls(warning)}")
    return code


def _error(message: str) -> None:
    report_error("reflections", message)


def _command(args: argparse.Namespace, *words: str) -> str:
    """How to run a follow-up command, keeping ``--data-dir`` if one was given."""
    parts = ["kindtone"]
    if args.data_dir:
        parts += ["--data-dir", str(args.data_dir)]
    parts += ["reflections", *words]
    return visible_controls(shlex.join(parts))


class _Names:
    """Exercise titles and situation labels, loaded only when first needed.

    Loading the library parses every exercise file (~10 ms for the built-ins, more with many
    of one's own), so ``list --json`` and empty results never pay for it. A reflection whose
    exercise has since been removed shows the exercise's id instead.
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self._custom_dir = resolve_data_dir(args.data_dir) / "exercises"
        self._titles: dict[str, str] | None = None
        self._situations: dict[str, str] | None = None
        self._sources: dict[tuple[str, int], str] = {}

    def _load(self) -> None:
        from tui.core.exercises import SITUATIONS, load_library

        try:
            library = load_library(custom_dir=self._custom_dir)
        except OSError:  # e.g. an unreadable exercises folder: ids still say what was done
            self._titles = {}
        else:
            self._titles = {e.id: e.title for e in library.exercises.values()}
            self._titles.setdefault(CATCH_KIND, CATCH_TITLE)
            self._sources = library.sources()
        self._situations = dict(SITUATIONS)

    @property
    def titles(self) -> dict[str, str]:
        if self._titles is None:
            self._load()
        assert self._titles is not None
        return self._titles

    @property
    def sources(self) -> dict[tuple[str, int], str]:
        """(exercise, step index) -> the step id a reframe rewrites, for older reflections."""
        if self._titles is None:
            self._load()
        return self._sources

    @property
    def situations(self) -> dict[str, str]:
        if self._situations is None:
            self._load()
        assert self._situations is not None
        return self._situations

    def exercises(self, record: Reflection) -> str:
        if record.is_catch:  # a catch runs no exercise
            return CATCH_TITLE
        return ", ".join(self.titles.get(e, e) for e in record.exercises) or "-"

    def situation(self, record: Reflection) -> str:
        if not record.situation:
            return "-"
        return self.situations.get(record.situation, record.situation)


def _one_line(text: str) -> str:
    return visible_controls(" ".join(text.split()))


def _find(args: argparse.Namespace, store: ReflectionStore) -> Reflection:
    """The reflection ``args.id`` names (full id or unique prefix), or a clear refusal."""
    wanted = args.id.strip()
    record = store.reflection(wanted)
    if record is None:
        hint = (
            f"; give at least {MIN_PREFIX} characters of the id"
            if 0 < len(wanted) < MIN_PREFIX
            else ""
        )
        twins = store.ids_differing_in_case(wanted)
        if twins:
            shown = ", ".join(visible_controls(t) for t in twins[:5])
            hint = f" (an id must match exactly, upper and lower case too; did you mean {shown}?)"
        raise _Refusal(
            f"no reflection with the id '{visible_controls(wanted)}'{hint}; "
            f"to see them: {_command(args, 'list')}"
        )
    return record


# --- list --------------------------------------------------------------------------------


def _list(args: argparse.Namespace, store: ReflectionStore) -> int:
    from tui.core.reflections_io import json_text

    records = store.reflections(limit=args.limit, search=args.search, since=args.since)
    if args.json:
        sys.stdout.write(json_text([r.raw for r in records]))
        return 0
    if not records:
        filtered = args.search or args.since
        print(
            "No reflections match."
            if filtered
            else "No reflections yet: they appear here after a session.",
            file=sys.stderr,
        )
        return 0
    names = _Names(args)
    table = [("ID", "DATE", "INNER VOICE", "STATUS", "SITUATION", "EXERCISES")]
    for record in records:
        table.append(
            (
                record.id[:SHORT_ID],
                record.when(),
                record.ratings.change() or "-",
                "finished" if record.completed else "unfinished",
                names.situation(record),
                names.exercises(record),
            )
        )
    cells = [[_one_line(cell) for cell in row] for row in table]
    widths = [max(len(row[n]) for row in cells) for n in range(len(table[0]) - 1)]
    lines = []
    for row in cells:
        lines.append("  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]]))
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


# --- show --------------------------------------------------------------------------------


def _indented(text: str, indent: str) -> str:
    """Text exactly as written (controls made visible), each line under the first indented."""
    lines = visible_controls(text.replace("\r\n", "\n")).split("\n")
    return "\n".join(indent + line if line else indent.rstrip() for line in lines)


def _show(args: argparse.Namespace, store: ReflectionStore) -> int:
    from tui.core import reflections_io as io

    record = _find(args, store)
    names = _Names(args)
    out: list[str] = [f"Reflection {visible_controls(record.id)}"]

    def fact(label: str, value: str) -> None:
        out.append(f"{label + ':':<13}{value}")

    fact("Date", record.when("%A {day} %B %Y, %H:%M (UTC{offset})"))
    fact("Started", visible_controls(str(record.raw.get("started_at"))))
    ended = record.raw.get("ended_at")
    if ended is not None:
        seconds = record.duration_seconds
        took = f" ({io.format_seconds(seconds)})" if seconds is not None else ""
        fact("Ended", f"{visible_controls(str(ended))}{took}")
    else:
        fact("Ended", "not recorded")
    fact("Status", "finished" if record.completed else "not finished")
    if record.situation:
        fact(
            "Situation",
            f"{_one_line(names.situation(record))} ({visible_controls(record.situation)})",
        )
    if record.minutes_planned is not None:
        fact("Planned", f"{record.minutes_planned} min")
    exercises = [
        f"{_one_line(names.titles.get(e, e))} ({visible_controls(e)})"
        if e in names.titles
        else visible_controls(e)
        for e in record.exercises
    ]
    fact("Exercises", ", ".join(exercises) or _one_line(names.exercises(record)))
    for scale in (record.ratings.scales() or ("harsh",)) if record.shows_ratings else ():
        change = record.ratings.change(scale) or "skipped"
        label = io.SCALE_NAMES.get(scale, scale).capitalize()
        fact(visible_controls(label), f"{change} (0–10, before → after)")
    if record.crisis:
        fact("Support", "support options were shown during this session")
    for check in record.asked(names.titles):
        fact("Asked", visible_controls(check))

    current: str | None = None
    # The stored steps beside the typed ones (the same filter), for what only a rewrite keeps.
    raw_steps = record.stored_steps()
    for number, step in enumerate(record.steps, start=1):
        if step.exercise != current and step.exercise is not None:
            current = step.exercise
            title = names.titles.get(current)
            heading = f"{_one_line(title)} ({current})" if title else current
            out += ["", f"== {visible_controls(heading)}"]
        out.append("")
        out += _show_step(number, step, raw_steps[number - 1], record, names)
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _show_step(
    number: int, step: Step, raw: Mapping[str, Any], record: Reflection, names: _Names
) -> list[str]:
    import shutil

    from tui.core import reflections_io as io
    from tui.core.practice import original_of, side_by_side

    details = [visible_controls(step.type)]
    if step.seconds is not None:
        details.append(io.format_seconds(step.seconds))
    if step.tries is not None and step.tries > 1:
        details.append(f"{step.tries} tries")
    if step.skipped:
        details.append("skipped")
    indent = " " * 5
    out = [f"{number:>3}. " + " · ".join(details)]
    if step.prompt.strip():
        out.append(_indented(step.prompt, indent))
    original = original_of(record.raw, raw, names.sources)
    if original is not None and isinstance(step.answer, str):
        # The harsh original beside the version kept, with every try (issue 15).
        width = min(shutil.get_terminal_size().columns, 120) - len(indent)
        shown = [visible_controls(t) for t in step.versions]
        answer = visible_controls(step.answer)
        for line in side_by_side(visible_controls(original), shown, answer, width):
            out.append(indent + line if line else "")
        return out
    earlier = step.earlier_tries
    for n, version in enumerate(earlier, start=1):
        out.append(f"{indent}try {n}:")
        out.append(_indented(version, indent + "  | "))
    if step.answer is not None:
        if earlier:
            out.append(f"{indent}try {len(earlier) + 1}, kept:")
        out.append(_indented(str(step.answer), indent + "  > "))
    return out


# --- export ------------------------------------------------------------------------------


def _may_replace(args: argparse.Namespace, path: Path) -> bool:
    """An existing file is someone's: replace it only if they say so (``--force`` or yes at
    the prompt). Without a terminal to ask on, refuse: a script must not lose a file."""
    import os

    if args.force or not os.path.lexists(path) or path.is_dir():
        return True
    shown = visible_controls(str(path))
    if not sys.stdin.isatty():
        rest = [w for w in ("--format", args.format) if args.format != "markdown"]
        if args.since:
            rest += ["--since", args.since.isoformat()]
        raise _Refusal(
            f"{shown} already exists and was left as it is; to replace it: "
            f"{_command(args, 'export', *rest, '--output', str(path), '--force')}"
        )
    sys.stderr.write(f"{shown} already exists. Replace it? [y/N] ")
    sys.stderr.flush()
    if sys.stdin.readline().strip().casefold() in ("y", "yes"):
        return True
    print(f"Nothing was exported; {shown} is as it was.", file=sys.stderr)
    return False


def _export(args: argparse.Namespace, store: ReflectionStore) -> int:
    from tui.core import reflections_io as io
    from tui.core.vault import is_locked

    if args.format is None:  # "-o reflections.json" means JSON, not Markdown in a .json file
        named_json = bool(args.output) and args.output.casefold().endswith(".json")
        args.format = "json" if named_json else "markdown"
    locked = is_locked(store.data_dir)
    if locked and (not args.output or args.output == "-"):
        # Locked words leave the lock only as a file the person named, never by default.
        # The example writes what was asked for: a .json name means JSON (a JSON export was
        # shown "--output reflections.md", which would have written Markdown).
        example = "reflections.json" if args.format == "json" else "reflections.md"
        raise _Refusal(
            "your reflections are locked, and an export is plain text: name the file to "
            f"write it to, e.g. {_command(args, 'export', '--output', example)}"
        )
    records = store.reflections(since=args.since)
    phrases: list[dict[str, Any]] = []
    if args.format == "json":  # a JSON export carries your kind words too
        from tui.core.phrases import PhraseStore

        phrases = [p.to_dict() for p in PhraseStore(store.data_dir).list()]
    if not records and not phrases:
        # An export of nothing wrote a file that looked like a backup and held no words (the
        # app's `x` already said so and wrote nothing). Nothing is written, not even stdout.
        why = f"none from {args.since.isoformat()} on" if args.since else "none saved yet"
        print(f"Nothing to export: {why}. Nothing was written.", file=sys.stderr)
        return 1
    if args.output and args.output != "-" and not _may_replace(args, Path(args.output)):
        return 1
    if args.format == "json":
        data = io.export_json(records, phrases)
    else:
        names = _Names(args)
        data = io.export_markdown(
            records,
            titles=names.titles,
            situations=names.situations,
            exported_on=datetime.now().astimezone(),
        ).encode("utf-8")
    if not args.output or args.output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return 0
    _write_file(Path(args.output), data)
    count = f"{len(records)} reflection{'s' if len(records) != 1 else ''}"
    print(f"Exported {count} to {visible_controls(args.output)}", file=sys.stderr)
    if locked:
        print(
            "Your reflections stay locked, but this file is plain text: anyone who can open "
            "it can read it.",
            file=sys.stderr,
        )
    return 0


def _write_file(path: Path, data: bytes) -> None:
    """Atomic and private (0600): an export holds everything someone wrote in hard moments."""
    from tui.core.atomic import write_atomic

    shown = visible_controls(str(path))
    if path.is_dir():
        raise _Refusal(f"can't write {shown}: it is a folder; give a file name")
    try:
        write_atomic(path, data, 0o600)
    except OSError as error:
        # The error names write_atomic's temporary file; the person only knows their path.
        from tui.core.storage import describe_os_error

        raise _Refusal(f"can't write {shown}: {describe_os_error(error, path)}") from None


# --- import ------------------------------------------------------------------------------


def _import(args: argparse.Namespace, store: ReflectionStore) -> int:
    from tui.core import reflections_io as io

    shown = visible_controls(args.file)
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as error:
        raise _Refusal(f"can't read {shown}: {error.strerror or error}") from None
    try:
        incoming = io.parse_export(raw)
    except io.ImportProblem as problem:
        raise _Refusal(f"{shown}: nothing was imported: {_sentence(str(problem))}") from None

    import orjson

    from tui.core.phrases import PhraseStore, phrases_from_export
    from tui.core.storage import PartialSave, StoreError

    try:
        kind_words = phrases_from_export(orjson.loads(raw.removeprefix(b"\xef\xbb\xbf")))
    except StoreError as problem:
        raise _Refusal(f"{shown}: nothing was imported: {_sentence(str(problem))}") from None
    existing = {str(r["id"]): r for r in store.list()} if incoming else {}
    plan = io.plan_import(incoming, existing)
    code = 0
    added = len(plan.new)
    if plan.new:
        try:
            store.save_many(plan.new)
        except PartialSave as partial:
            # Say exactly what is in: importing the same file again adds just the rest.
            added, code = partial.saved, 1
            _error(f"{visible_controls(str(partial))} Importing {shown} again adds just those.")
        except StoreError as error:
            from tui.core.storage import describe_os_error

            cause = error.__cause__
            why = describe_os_error(cause) if isinstance(cause, OSError) else str(error)
            where = f" (writing to {error.path})" if error.path is not None else ""
            raise _Refusal(
                f"{shown}: nothing was imported: {why}{where}; your reflections are as they were"
            ) from None
    summary = f"{added:,} added, {len(plan.unchanged):,} already there"
    print(f"Imported from {shown}: {summary}.")
    if kind_words:
        added, same, refused = PhraseStore(store.data_dir).merge(kind_words)
        note = (
            f"; {refused} left out: kind words never sound like the critic or like real pain"
            if refused
            else ""
        )
        print(f"Kind words: {added} added, {same} already there{note}.")
    if plan.differ:
        ids = ", ".join(visible_controls(str(r["id"]))[:SHORT_ID] for r in plan.differ[:5])
        more = "…" if len(plan.differ) > 5 else ""
        print(
            f"{len(plan.differ)} in the file share an id with one you have but differ from it; "
            f"yours {'was' if len(plan.differ) == 1 else 'were'} kept ({ids}{more}). To take the "
            f"file's version, delete yours first: {_command(args, 'delete', 'ID')}"
        )
    return code


# --- delete ------------------------------------------------------------------------------


def _delete(args: argparse.Namespace, store: ReflectionStore) -> int:
    record = _find(args, store)
    rid = record.id
    when = record.when()
    names = _Names(args)
    what = f"the reflection from {when} ({_one_line(names.exercises(record))}, id {rid[:SHORT_ID]})"
    if not args.yes:
        if not sys.stdin.isatty():
            raise _Refusal(
                f"not deleting {visible_controls(what)} without confirmation; to delete it: "
                f"{_command(args, 'delete', '--yes', rid)}"
            )
        sys.stderr.write(f"Delete the reflection from {when}? [y/N] ")
        sys.stderr.flush()
        answer = sys.stdin.readline()
        if answer.strip().casefold() not in ("y", "yes"):
            print("Nothing was deleted.", file=sys.stderr)
            return 1
    if not store.delete(rid):
        raise _Refusal(f"{visible_controls(what)} was already gone")
    from tui.core.backups import AFTER_DELETE

    print(f"Deleted {visible_controls(what)}. {AFTER_DELETE}")
    return 0
