"""``kindtone reflections``: list, show, export, import and delete, as a person would use them.

Every error case checks the one line on stderr, the exit status, that no traceback leaked
and, where something could have been written, that the store is byte for byte unchanged.
"""

from __future__ import annotations

import io
import json
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import tui.cli
from tui.core.exercises import load_library
from tui.core.session import Ratings, Session
from tui.core.storage import ReflectionStore

ROOT = Path(__file__).resolve().parent.parent
ZONE = timezone(timedelta(hours=1))
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def only_this_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the parser with just this group, so these tests don't depend on sibling commands."""
    monkeypatch.setattr(tui.cli, "SUBCOMMANDS", {"reflections": "tui.commands.reflections"})


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


class _Stdin(io.StringIO):
    def __init__(self, text: str, *, tty: bool) -> None:
        super().__init__(text)
        self.tty = tty
        self.buffer = io.BytesIO(text.encode())

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def run(*args: str, stdin: str = "", tty: bool = False, data: Path | None = None) -> Any:
        monkeypatch.setattr(sys, "stdin", _Stdin(stdin, tty=tty))
        code = tui.cli.main(["--data-dir", str(data or data_dir), "reflections", *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


def usage_error(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        tui.cli.main(["--data-dir", str(data_dir), "reflections", *args])
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def clock(start: datetime) -> Callable[[], datetime]:
    """A clock that moves on 20 seconds each time it is read."""
    ticks = iter(range(10_000))
    return lambda: start + timedelta(seconds=20 * next(ticks))


def session_record(
    start: datetime,
    session_id: str,
    *,
    harsh: str = "I'm useless at this.",
    tries: tuple[str, ...] = ("You idiot, again.", "I'm still learning, and that's okay."),
) -> dict[str, Any]:
    """A reflection made the way the app makes one: by walking a real built-in exercise."""
    library = load_library()
    session = Session(
        [library.exercises["lets-try-that-again"]],
        situation="critic",
        before=Ratings(harsh=7, tense=5),
        clock=clock(start),
        session_id=session_id,
    )
    while session.current is not None:
        step = session.current.step
        if step.type == "write":
            session.answer(harsh)
        elif step.type == "reframe":
            session.answer(tries[-1], versions=list(tries))
        else:
            session.answer(None)
    session.after = Ratings(harsh=4, tense=None)
    session.finish()
    return session.to_record(completed=True)


def plain_record(start: datetime, session_id: str, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": session_id,
        "schema": 1,
        "started_at": start.isoformat(),
        "ended_at": (start + timedelta(minutes=3)).isoformat(),
        "completed": False,
        "situation": None,
        "minutes_planned": 2,
        "exercises": ["just-a-thought"],
        "ratings": {"before": {"harsh": None}, "after": {"harsh": None}},
        "steps": [
            {
                "exercise": "just-a-thought",
                "index": 0,
                "type": "write",
                "id": "thought",
                "prompt": "Write the thought that keeps coming back.",
                "answer": "The deadline again.",
                "versions": ["The deadline again."],
                "tries": 1,
                "skipped": False,
                "seconds": 12.5,
            }
        ],
        "crisis": False,
    }
    record.update(changes)
    return record


OLD = "0a1b2c3d" + "0" * 24
MIDDLE = "5e6f7a8b" + "1" * 24
NEW = "9c8d7e6f" + "2" * 24
TWIN_A = "77777777aaaa" + "3" * 20
TWIN_B = "77777777bbbb" + "4" * 20


@pytest.fixture
def seeded(data_dir: Path) -> list[dict[str, Any]]:
    """Three reflections in two months: an old unfinished one, two made by a real session."""
    records = [
        plain_record(datetime(2026, 9, 30, 23, 50, tzinfo=ZONE), OLD),
        session_record(datetime(2026, 10, 12, 8, 15, tzinfo=ZONE), MIDDLE),
        session_record(
            datetime(2026, 10, 20, 21, 5, tzinfo=ZONE),
            NEW,
            harsh="Nobody likes me [click](javascript:alert(1)) <script>x</script>",
            tries=("# shouting", "\x1b[31mred\x1b[0m", "One step at a time."),
        ),
    ]
    ReflectionStore(data_dir).save_many(records)
    return records


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (the lock file aside): to prove nothing was written."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def table_rows(out: str) -> list[list[str]]:
    import re

    return [re.split(r" {2,}", line.strip()) for line in out.splitlines()]


# --- list -----------------------------------------------------------------------------------


def test_list_is_newest_first_with_titles_ratings_and_status(run: Run, seeded: Any) -> None:
    code, out, err = run("list")
    assert code == 0 and err == ""
    header, *rows = table_rows(out)
    assert header == ["ID", "DATE", "INNER VOICE", "STATUS", "SITUATION", "EXERCISES"]
    assert [row[0] for row in rows] == ["9c8d7e6f", "5e6f7a8b", "0a1b2c3d"]
    assert rows[0] == [
        "9c8d7e6f",
        "2026-10-20 21:05",
        "7 → 4",
        "finished",
        "The inner critic is loud",
        "Let's try that again",
    ]
    # Shown in the offset it was written in (23:50 at +01:00 is 22:50 UTC, same day).
    assert rows[2] == ["0a1b2c3d", "2026-09-30 23:50", "-", "unfinished", "-", "Just a thought"]


def test_list_limit_search_and_since(run: Run, seeded: Any) -> None:
    assert [r[0] for r in table_rows(run("list", "--limit", "1")[1])[1:]] == ["9c8d7e6f"]
    assert [r[0] for r in table_rows(run("list", "--search", "DEADLINE")[1])[1:]] == ["0a1b2c3d"]
    since = table_rows(run("list", "--since", "2026-10-12")[1])[1:]
    assert [r[0] for r in since] == ["9c8d7e6f", "5e6f7a8b"]
    code, out, err = run("list", "--search", "zebra")
    assert (code, out, err.strip()) == (0, "", "No reflections match.")


def test_list_json_is_the_full_reflections(run: Run, seeded: list[dict[str, Any]]) -> None:
    code, out, _ = run("list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert out.endswith("}\n]\n")
    assert [r["id"] for r in listed] == [NEW, MIDDLE, OLD]
    assert listed[0] == seeded[2]
    assert "\x1b" not in out  # escaped as \u001b, still valid JSON


def test_list_on_an_empty_store_says_so_kindly(run: Run, data_dir: Path) -> None:
    code, out, err = run("list")
    assert (code, out) == (0, "")
    assert "No reflections yet" in err
    assert run("list", "--json")[1] == "[]\n"
    assert not data_dir.exists()  # looking creates nothing


@pytest.mark.parametrize("since", ["2026-13-01", "yesterday", "2026-1-5", "20261005"])
def test_bad_since_is_a_usage_error(
    since: str, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    err = usage_error(capsys, data_dir, "list", "--since", since)
    assert f"expected a date as YYYY-MM-DD, got '{since}'" in err


@pytest.mark.parametrize("limit", ["0", "-3", "ten"])
def test_bad_limit_is_a_usage_error(
    limit: str, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert "argument --limit" in usage_error(capsys, data_dir, "list", "--limit", limit)


# --- show -----------------------------------------------------------------------------------


def test_show_prints_everything_written(run: Run, seeded: list[dict[str, Any]]) -> None:
    code, out, err = run("show", NEW[:8])
    assert code == 0 and err == ""
    record = seeded[2]
    assert out.startswith(f"Reflection {NEW}\n")
    assert "Date:        Tuesday 20 October 2026, 21:05 (UTC+01:00)" in out
    assert f"Started:     {record['started_at']}" in out
    assert f"Ended:       {record['ended_at']}" in out
    assert "Situation:   The inner critic is loud (critic)" in out
    assert "Inner voice: 7 → 4 (0–10, before → after)" in out
    assert "Tension:     5 → – (0–10, before → after)" in out
    assert "== Let's try that again (lets-try-that-again)" in out
    for step in record["steps"]:
        assert step["prompt"].splitlines()[0] in out
    # Every "let's try that again" version, literally, with control characters made visible.
    # The harsh original beside every try and the version kept (issue 15).
    assert "the critic:" in out and "│ try 1:" in out
    assert "Nobody likes me" in out.split("the critic:")[1]
    assert "│ # shouting" in out
    assert "│ \\x1b[31mred\\x1b[0m" in out
    assert "│ try 3, kept:" in out and "│ One step at a time." in out
    assert "reframe · 20 s · 3 tries" in out
    assert "> Nobody likes me [click](javascript:alert(1)) <script>x</script>" in out
    assert "\x1b" not in out


def test_show_accepts_the_full_id_and_any_unique_prefix_of_six(run: Run, seeded: Any) -> None:
    for wanted in (MIDDLE, MIDDLE[:6], f"  {MIDDLE[:10]} "):
        code, out, _ = run("show", wanted)
        assert code == 0 and out.startswith(f"Reflection {MIDDLE}")


def test_ids_are_exact_and_show_import_and_delete_agree(run: Run, data_dir: Path) -> None:
    """`delete abcdef123456` once removed `ABCDEF12…`, a different reflection."""
    upper, lower = "ABCDEF123456" + "1" * 20, "abcdef123456" + "2" * 20
    export = {
        "format": "kindtone-reflections",
        "version": 1,
        "reflections": [
            plain_record(datetime(2026, 11, 1, 9, 0, tzinfo=ZONE), upper),
            plain_record(datetime(2026, 11, 2, 9, 0, tzinfo=ZONE), lower),
        ],
    }
    file = data_dir.parent / "twins.json"
    file.write_text(json.dumps(export))
    code, out, _ = run("import", str(file))
    assert code == 0 and "2 added" in out
    code, out, _ = run("show", "abcdef123456")
    assert code == 0 and out.startswith(f"Reflection {lower}")
    code, out, _ = run("delete", "--yes", "abcdef123456")
    assert code == 0 and lower[:8] in out
    assert [r["id"] for r in ReflectionStore(data_dir).list()] == [upper]
    code, out, err = run("show", "abcdef123456")
    assert code == 1 and out == ""
    assert f"did you mean {upper}?" in err
    code, out, _ = run("import", str(file))  # the exact id is what import compares too
    assert code == 0 and "1 added, 1 already there" in out


def test_show_unknown_short_and_ambiguous_ids(run: Run, seeded: Any, data_dir: Path) -> None:
    ReflectionStore(data_dir).save_many(
        [
            plain_record(datetime(2026, 11, 1, 9, 0, tzinfo=ZONE), TWIN_A),
            plain_record(datetime(2026, 11, 2, 9, 0, tzinfo=ZONE), TWIN_B),
        ]
    )
    code, out, err = run("show", "ffffffff")
    assert (code, out) == (1, "")
    assert err == (
        "kindtone reflections: no reflection with the id 'ffffffff'; to see them: "
        f"kindtone --data-dir {data_dir} reflections list\n"
    )
    code, _, err = run("show", "9c8d")
    assert code == 1 and "give at least 6 characters of the id" in err
    code, _, err = run("show", "777777")
    assert code == 1 and len(err.splitlines()) == 1
    assert "matches 2 reflections" in err and TWIN_A in err and TWIN_B in err
    code, _, err = run("show", "\x1b[2J")
    assert code == 1 and "\x1b" not in err


# --- export ---------------------------------------------------------------------------------


def test_export_markdown_to_stdout_holds_every_answer_escaped(
    run: Run, seeded: list[dict[str, Any]]
) -> None:
    code, out, _ = run("export")
    assert code == 0
    assert out.startswith("# Reflections\n\n3 reflections, from 30 September 2026 to 20 October")
    assert "## Tuesday 20 October 2026, 21:05 — Let's try that again (inner voice 7 → 4)" in out
    assert "Nobody likes me \\[click\\](javascript:alert(1)) \\<script\\>x\\</script\\>" in out
    assert "*Try 1:* \\# shouting" in out
    assert "*Try 2:* \\\\x1b\\[31mred\\\\x1b\\[0m" in out
    assert "*Try 3, kept:* One step at a time." in out
    assert "The deadline again." in out and "I'm useless at this." in out
    assert out.index("30 September 2026") < out.index("20 October 2026, 21:05")


def test_export_json_to_a_private_file(
    run: Run, seeded: list[dict[str, Any]], tmp_path: Path
) -> None:
    target = tmp_path / "backup.json"
    target.write_text("an older export, readable by others")
    target.chmod(0o644)
    code, out, err = run("export", "--format", "json", "--output", str(target), "--force")
    assert code == 0 and out == ""
    assert err == f"Exported 3 reflections to {target}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "kindtone-reflections" and document["version"] == 1
    assert document["reflections"] == sorted(seeded, key=lambda r: r["started_at"])


def test_export_to_a_json_file_writes_json_unless_told_otherwise(
    run: Run, seeded: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Found trying the CLI: `export -o reflections.json` wrote Markdown into the .json file."""
    code, _, _ = run("export", "-o", str(tmp_path / "Reflections.JSON"))
    assert code == 0
    document = json.loads((tmp_path / "Reflections.JSON").read_text(encoding="utf-8"))
    assert len(document["reflections"]) == len(seeded)
    run("export", "-o", str(tmp_path / "r.md"))
    run("export", "--format", "markdown", "-o", str(tmp_path / "told.json"))
    for name in ("r.md", "told.json"):
        assert (tmp_path / name).read_text(encoding="utf-8").startswith("# Reflections")


def test_export_never_replaces_a_file_without_asking(
    run: Run, seeded: Any, tmp_path: Path, data_dir: Path
) -> None:
    """It once replaced an existing file silently."""
    target = tmp_path / "notes.md"
    target.write_text("my own notes")
    code, out, err = run("export", "--format", "json", "-o", str(target))
    assert (code, out) == (1, "")
    assert f"{target} already exists and was left as it is" in err
    assert f"export --format json --output {target} --force" in err
    assert target.read_text() == "my own notes"

    code, _, err = run("export", "-o", str(target), stdin="n\n", tty=True)
    assert code == 1 and "Replace it? [y/N]" in err and "Nothing was exported" in err
    assert target.read_text() == "my own notes"

    code, _, err = run("export", "-o", str(target), stdin="y\n", tty=True)
    assert code == 0 and "Exported 3 reflections" in err
    assert target.read_text().startswith("# Reflections")

    target.write_text("my own notes")
    code, _, _ = run("export", "-o", str(target), "--force")
    assert code == 0 and target.read_text().startswith("# Reflections")


def test_export_since_only_takes_newer_ones(run: Run, seeded: Any) -> None:
    document = json.loads(run("export", "--format", "json", "--since", "2026-10-15")[1])
    assert [r["id"] for r in document["reflections"]] == [NEW]


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        # Session 13: "No such file or directory" named neither the folder nor what to do.
        (
            "missing/deeper/out.md",
            "there is no folder {missing}; make it first, or choose another place",
        ),
        ("a-file/out.md", "Not a directory"),
        (".", "it is a folder; give a file name"),
    ],
)
def test_export_to_an_unwritable_path_is_one_clear_line(
    run: Run, seeded: Any, tmp_path: Path, where: str, reason: str
) -> None:
    (tmp_path / "a-file").write_text("x")
    target = tmp_path / where
    code, out, err = run("export", "--output", str(target))
    assert (code, out) == (1, "")
    reason = reason.format(missing=tmp_path / "missing")
    assert err == f"kindtone reflections: can't write {target}: {reason}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "data"]


# --- import ---------------------------------------------------------------------------------


def test_round_trip_export_import_export_is_identical(
    run: Run, seeded: Any, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    assert run("export", "--format", "json", "-o", str(first))[0] == 0
    elsewhere = tmp_path / "elsewhere"
    code, out, _ = run("import", str(first), data=elsewhere)
    assert (code, out) == (0, f"Imported from {first}: 3 added, 0 already there.\n")
    second = tmp_path / "second.json"
    assert run("export", "--format", "json", "-o", str(second), data=elsewhere)[0] == 0
    assert second.read_bytes() == first.read_bytes()
    # The Markdown of the imported copy is the same too (bar nothing).
    assert run("export", data=elsewhere)[1] == run("export")[1]


def test_importing_twice_adds_nothing(
    run: Run, seeded: Any, tmp_path: Path, data_dir: Path
) -> None:
    backup = tmp_path / "backup.json"
    run("export", "--format", "json", "-o", str(backup))
    before = snapshot(data_dir)
    code, out, _ = run("import", str(backup))
    assert (code, out) == (0, f"Imported from {backup}: 0 added, 3 already there.\n")
    assert snapshot(data_dir) == before  # not even rewritten
    assert ReflectionStore(data_dir).count() == 3


def test_import_adds_only_new_ones_and_keeps_yours_when_they_differ(
    run: Run, seeded: list[dict[str, Any]], tmp_path: Path, data_dir: Path
) -> None:
    changed = dict(seeded[0], situation="overwhelmed")
    fresh = plain_record(datetime(2026, 11, 3, 7, 0, tzinfo=ZONE), "f00dfeed" * 4)
    document = {"format": "kindtone-reflections", "version": 1}
    document["reflections"] = [seeded[1], changed, fresh]
    source = tmp_path / "mixed.json"
    source.write_text(json.dumps(document))
    code, out, _ = run("import", "-", stdin=source.read_text())
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Imported from -: 1 added, 1 already there."
    assert lines[1].startswith("1 in the file share an id with one you have but differ from it;")
    assert "yours was kept (0a1b2c3d)" in lines[1]
    store = ReflectionStore(data_dir)
    assert store.count() == 4
    assert store.get(OLD) == seeded[0]


def _doc(*reflections: Any, **top: Any) -> str:
    document: dict[str, Any] = {"format": "kindtone-reflections", "version": 1}
    document["reflections"] = list(reflections)
    document.update(top)
    return json.dumps(document)


GOOD = plain_record(datetime(2026, 11, 5, 7, 0, tzinfo=ZONE), "beefcafe" * 4)


def _missing(key: str) -> dict[str, Any]:
    record = dict(GOOD)
    del record[key]
    return record


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("this is not json {", "it is not valid JSON: the text stops making sense at line 1, col"),
        (_doc(GOOD, format="jrnl"), "found format 'jrnl'"),
        (_doc(GOOD, version=3), "this is export version 3; this kindtone reads version 1"),
        (_doc(GOOD, _missing("id")), "reflection 2: has no 'id'"),
        (_doc(_missing("started_at"), GOOD), "reflection 1: has no 'started_at'"),
        (
            _doc(dict(GOOD, started_at="2026-11-05 07:00")),
            "reflection 1.started_at: '2026-11-05 07:00' is not an ISO 8601 date-time with a",
        ),
        (_doc(dict(GOOD, steps="none")), "reflection 1.steps: should be a list, found text"),
        (_doc(dict(GOOD, completed=1)), "reflection 1.completed: should be true/false, found a"),
        (json.dumps([GOOD]), "found a list; `reflections list --json` output can't be imported"),
    ],
    ids=[
        "not-json",
        "wrong-format",
        "wrong-version",
        "no-id",
        "no-started-at",
        "naive-timestamp",
        "steps-not-list",
        "completed-not-bool",
        "bare-list",
    ],
)
def test_a_malformed_import_changes_nothing(
    run: Run, seeded: Any, tmp_path: Path, data_dir: Path, content: str, reason: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(content)
    before = snapshot(data_dir)
    code, out, err = run("import", str(source))
    assert (code, out) == (1, "")
    assert err.startswith(f"kindtone reflections: {source}: nothing was imported: ")
    assert reason in err
    assert len(err.splitlines()) == 1
    assert snapshot(data_dir) == before
    assert ReflectionStore(data_dir).count() == 3


def test_import_of_a_missing_file(run: Run, tmp_path: Path, data_dir: Path) -> None:
    code, _, err = run("import", str(tmp_path / "nope.json"))
    assert code == 1
    assert (
        err
        == f"kindtone reflections: can't read {tmp_path / 'nope.json'}: No such file or directory\n"
    )
    assert not data_dir.exists()


# --- delete ---------------------------------------------------------------------------------


def test_delete_with_yes(run: Run, seeded: Any, data_dir: Path) -> None:
    code, out, _ = run("delete", "--yes", MIDDLE[:8])
    assert code == 0
    # Found walking the app: "gone for good" was said while a daily backup still held it.
    assert out == (
        "Deleted the reflection from 2026-10-12 08:15 (Let's try that again, id 5e6f7a8b). "
        "A daily backup may keep a copy until it is replaced (the newest 7 are kept).\n"
    )
    store = ReflectionStore(data_dir)
    assert store.get(MIDDLE) is None and store.count() == 2


def test_delete_refuses_without_yes_when_not_a_terminal(
    run: Run, seeded: Any, data_dir: Path
) -> None:
    before = snapshot(data_dir)
    code, out, err = run("delete", MIDDLE[:8], stdin="y\n", tty=False)
    assert (code, out) == (1, "")
    assert err.startswith("kindtone reflections: not deleting the reflection from 2026-10-12 08:15")
    assert f"reflections delete --yes {MIDDLE}" in err and len(err.splitlines()) == 1
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(("answer", "deleted"), [("y\n", True), ("YES\n", True), ("n\n", False)])
def test_delete_asks_at_a_terminal(
    run: Run, seeded: Any, data_dir: Path, answer: str, deleted: bool
) -> None:
    code, _, err = run("delete", OLD[:6], stdin=answer, tty=True)
    assert err.startswith("Delete the reflection from 2026-09-30 23:50? [y/N] ")
    assert code == (0 if deleted else 1)
    assert (ReflectionStore(data_dir).get(OLD) is None) is deleted
    if not deleted:
        assert "Nothing was deleted." in err


def test_import_errors_say_in_plain_words_where_the_file_goes_wrong(
    run: Run, data_dir: Path
) -> None:
    file = data_dir.parent / "edited.json"
    file.write_text(
        '{"format": "kindtone-reflections", "version": 1,\n "reflections": [\n  {"id": nul}\n]}'
    )
    code, _, err = run("import", str(file))
    assert code == 1
    assert "line 3, column 10" in err and '{"id": nul}' in err
    assert "invalid literal" not in err and "char 76" not in err
    file.write_bytes(b"")
    code, _, err = run("import", str(file))
    assert code == 1 and "the file is empty" in err and "zero-length" not in err


def test_a_time_at_the_end_of_the_calendar_is_refused_not_a_traceback(
    run: Run, data_dir: Path
) -> None:
    file = data_dir.parent / "far.json"
    far = dict(GOOD, started_at="9999-12-31T23:59:59-23:59")
    file.write_text(_doc(far))
    code, out, err = run("import", str(file))
    assert (code, out) == (1, "")
    assert "reflection 1.started_at: '9999-12-31T23:59:59-23:59' is too close" in err
    assert not (data_dir / "reflections").exists()
    code, _, err = run("list", "--since", "0001-01-01")
    assert code == 0 and "No reflections" in err


def test_delete_at_a_terminal_defaults_to_no(run: Run, seeded: Any, data_dir: Path) -> None:
    code, _, _ = run("delete", OLD, stdin="", tty=True)  # Enter or end of input
    assert code == 1 and ReflectionStore(data_dir).count() == 3


def test_delete_unknown_or_ambiguous_deletes_nothing(run: Run, seeded: Any, data_dir: Path) -> None:
    ReflectionStore(data_dir).save_many(
        [
            plain_record(datetime(2026, 11, 1, 9, 0, tzinfo=ZONE), TWIN_A),
            plain_record(datetime(2026, 11, 2, 9, 0, tzinfo=ZONE), TWIN_B),
        ]
    )
    before = snapshot(data_dir)
    code, _, err = run("delete", "--yes", "deadbeef")
    assert code == 1 and "no reflection with the id 'deadbeef'" in err
    code, _, err = run("delete", "--yes", "7777777")
    assert code == 1 and "matches 2 reflections" in err and len(err.splitlines()) == 1
    assert snapshot(data_dir) == before


# --- no Textual on these paths ---------------------------------------------------------------

NO_TEXTUAL = """\
import sys
import tui.cli
{patch}
code = tui.cli.main(["--data-dir", sys.argv[1], "reflections", "list", "--limit", "5"])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print("loaded:", ",".join(heavy), file=sys.stderr)
sys.exit(code or (1 if heavy else 0))
"""


def _no_textual(data_dir: Path, patch: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", NO_TEXTUAL.format(patch=patch), str(data_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_listing_does_not_import_textual(seeded: Any, data_dir: Path) -> None:
    patch = "tui.cli.SUBCOMMANDS = {'reflections': 'tui.commands.reflections'}"
    result = _no_textual(data_dir, patch)
    assert result.returncode == 0, result.stderr
    assert "loaded: \n" in result.stderr
    assert "9c8d7e6f" in result.stdout


def test_listing_through_the_real_cli_does_not_import_textual(seeded: Any, data_dir: Path) -> None:
    result = _no_textual(data_dir, "")
    assert result.returncode == 0, result.stderr
    assert "loaded: \n" in result.stderr
    assert "9c8d7e6f" in result.stdout


def test_a_damaged_month_is_reported_not_hidden(run: Run, seeded: Any, data_dir: Path) -> None:
    (data_dir / "reflections" / "2026-09.json").write_bytes(b"{half a file")
    code, out, err = run("list")
    assert code == 0
    assert [row[0] for row in table_rows(out)[1:]] == ["9c8d7e6f", "5e6f7a8b"]
    assert err.startswith("kindtone reflections: note: ")
    assert "2026-09.json could not be read" in err and "nothing in it is lost" in err


# --- imports hit by a full disk ----------------------------------------------------------------


def _months_export(path: Path, months: int = 3, each: int = 4) -> list[dict[str, Any]]:
    records = [
        plain_record(datetime(2026, 1 + m, 1 + n, 9, 0, tzinfo=ZONE), f"{m:02d}{n:02d}" + "a" * 28)
        for m in range(months)
        for n in range(each)
    ]
    path.write_text(_doc(*records))
    return records


def test_an_import_on_a_full_disk_adds_nothing_and_says_so(
    run: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It once wrote some months, then said 'could not be saved' with 1,896 rows added."""
    import errno
    import os

    from tui.core import atomic

    ReflectionStore(data_dir).save(plain_record(datetime(2026, 2, 20, 9, tzinfo=ZONE), "mine" * 8))
    file = data_dir.parent / "three-months.json"
    _months_export(file)
    before = snapshot(data_dir)
    calls = {"n": 0}
    real_fsync = os.fsync

    def full_on_third(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", full_on_third)
    code, out, err = run("import", str(file))
    monkeypatch.undo()
    assert (code, out) == (1, "")
    assert "nothing was imported: the disk is full (writing to " in err
    assert "your reflections are as they were" in err
    assert snapshot(data_dir) == before
    assert [p.name for p in (data_dir / "reflections").iterdir() if p.name.endswith(".tmp")] == []


def test_an_import_cut_short_between_renames_says_exactly_what_was_added(
    run: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    file = data_dir.parent / "three-months.json"
    _months_export(file)
    real_replace = os.replace
    calls = {"n": 0}

    def fails_second(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fails_second)
    code, out, err = run("import", str(file))
    monkeypatch.undo()
    assert code == 1
    assert "Only 4 of the 12 reflections were saved; the other 8 could not be" in err
    assert "Imported from" in out and "4 added" in out
    assert ReflectionStore(data_dir).count() == 4
    code, out, _ = run("import", str(file))
    assert code == 0 and "8 added, 4 already there" in out


def test_show_prints_the_answer_to_the_direct_question(run: Run, data_dir: Path) -> None:
    """The answer to "are you thinking of ending your life…" is kept; show prints it too."""
    record = session_record(datetime(2026, 11, 2, 9, 0, tzinfo=ZONE), NEW)
    record["safety_checks"] = [
        {"exercise": "lets-try-that-again", "step": 1, "answer": "no"},
        {"exercise": "lets-try-that-again", "step": 3, "answer": "rather-not"},
    ]
    ReflectionStore(data_dir).save_many([record])
    code, out, _ = run("show", NEW)
    assert code == 0
    asked = [line for line in out.splitlines() if line.startswith("Asked:")]
    assert asked == [
        "Asked:       thoughts of ending life or self-harm? no, safe "
        "(at Let's try that again, step 2)",
        "Asked:       thoughts of ending life or self-harm? rather not say "
        "(at Let's try that again, step 4)",
    ]
    # The Markdown to share says it too (it didn't: only show and the app did).
    code, out, _ = run("export")
    assert code == 0
    assert (
        "**Asked:** thoughts of ending life or self-harm? no, safe "
        "(at Let's try that again, step 2)" in out
    )
