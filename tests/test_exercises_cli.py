"""``kindtone exercises``: list, show, validate, new and install, as a person would use them.

Problems are asserted as the exact lines printed, because people (and editors) act on
them: the path as typed, the line and column, the field and what was expected.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

import tui.cli
from tui.core.exercises import MAX_FILE_BYTES, load_library, parse_exercise
from tui.paths import builtin_exercises_dir

DATA = Path(__file__).resolve().parent / "data"
BROKEN = DATA / "broken_exercises"
BUILTIN = builtin_exercises_dir()

Run = Callable[..., tuple[int, str, str]]

TINY = """\
id = "{id}"
title = "{title}"
summary = "A tiny exercise."
minutes = 1
situations = ["practice"]

[[steps]]
type = "read"
text = "Hello."
"""


def tiny(exercise_id: str = "tiny", title: str = "Tiny") -> str:
    return TINY.format(id=exercise_id, title=title)


@pytest.fixture(autouse=True)
def only_this_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the parser with just this group, so these tests don't depend on sibling commands."""
    monkeypatch.setattr(tui.cli, "SUBCOMMANDS", {"exercises": "tui.commands.exercises"})


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*args: str) -> tuple[int, str, str]:
        code = tui.cli.main(["--data-dir", str(data_dir), "exercises", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def columns(line: str) -> list[str]:
    """A row of the ``list`` table: cells are separated by two spaces or more."""
    return re.split(r" {2,}", line.strip())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- list ------------------------------------------------------------------------------


def test_list_shows_every_builtin(run: Run, data_dir: Path) -> None:
    code, out, err = run("list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "MINUTES", "SOURCE", "STATUS"]
    rows = {line.split()[0]: line for line in lines[1:] if line and not line.startswith("Your")}
    assert set(rows) == set(load_library().exercises)
    assert rows["settling-breath"].split()[-4:] == ["breath", "2", "built-in", "ok"]
    assert lines[-1] == f"Your own exercises live in {data_dir / 'exercises'}"
    assert not (data_dir / "exercises").exists(), "listing must not create folders"


def test_list_json(run: Run) -> None:
    code, out, _ = run("list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == len(load_library().exercises)
    row = next(r for r in rows if r["id"] == "settling-breath")
    assert row == {
        "id": "settling-breath",
        "title": "Settling breath",
        "minutes": 2,
        "source": "built-in",
        "status": "ok",
        "path": str(BUILTIN / "settling-breath.toml"),
    }


def test_list_includes_broken_custom_files_by_name(run: Run, data_dir: Path) -> None:
    custom = data_dir / "exercises"
    write(custom / "mine.toml", tiny("mine", "Mine"))
    write(custom / "oops.toml", tiny("oops").replace("minutes = 1", "minutes = 99"))
    shutil.copy(BROKEN / "builtin-id.toml", custom / "clash.toml")

    code, out, _ = run("list")
    assert code == 0
    rows = {cells[0]: cells for cells in map(columns, out.splitlines()[1:]) if cells[0]}
    assert rows["mine"] == ["mine", "Mine", "1", "custom", "ok"]
    assert rows["oops.toml"] == [
        "oops.toml",
        "-",
        "-",
        "custom",
        "minutes: expected at most 15, found 99",
    ]
    assert rows["clash.toml"][-1] == (
        'id: the id "settling-breath" is already used by the built-in exercise “Settling breath”'
    )
    assert out.splitlines()[-1] == (
        f"2 files could not be loaded; to see every problem: "
        f"kindtone --data-dir {data_dir} exercises validate {custom}"
    )

    code, out, _ = run("list", "--json")
    by_path = {Path(r["path"]).name: r for r in json.loads(out) if r["source"] == "custom"}
    assert by_path["oops.toml"] == {
        "id": None,
        "title": None,
        "minutes": None,
        "source": "custom",
        "status": "minutes: expected at most 15, found 99",
        "path": str(custom / "oops.toml"),
    }
    assert by_path["mine.toml"]["status"] == "ok"
    assert [r["source"] for r in json.loads(out)][-3:] == ["custom"] * 3


def test_list_json_escapes_what_a_terminal_would_act_on(run: Run, data_dir: Path) -> None:
    # The loader strips controls from values; a file name can still hold them.
    write(data_dir / "exercises" / "odd\x9b2J.toml", "not toml")
    code, out, _ = run("list", "--json")
    assert code == 0 and "\x9b" not in out
    assert any(r["path"].endswith("odd\x9b2J.toml") for r in json.loads(out))
    code, out, _ = run("list")
    assert "\x9b" not in out and "odd\\x9b2J.toml" in out


# --- show ------------------------------------------------------------------------------

EVERY_STEP = """\
id = "every-step"
title = "Every step\\u001b[2J"
summary = "One of each kind."
minutes = 4
situations = ["critic", "practice"]

[[steps]]
type = "read"
text = "Braces like {{this}} are shown as written."

[[steps]]
type = "breathe"
inhale = 4
exhale = 6
cycles = 3

[[steps]]
type = "write"
id = "thought"
prompt = "What is the critic saying?"
placeholder = "Its exact words"
check = true

[[steps]]
type = "choose"
prompt = "Which feels closest?"
options = ["Tired", "Worried"]

[[steps]]
type = "rate"
id = "loud"
prompt = "How loud is it?"
low = "quiet"
high = "very loud"

[[steps]]
type = "reframe"
source = "thought"
prompt = "How would a friend say \\"{thought}\\"?"
"""


def test_show_reads_like_the_exercise(run: Run, data_dir: Path) -> None:
    path = write(data_dir / "exercises" / "every.toml", EVERY_STEP)
    code, out, err = run("show", "every-step")
    assert (code, err) == (0, "")
    assert out == (
        "Every step[2J\n"
        "One of each kind.\n"
        "\n"
        f"About 4 minutes (your own: {path})\n"
        "Fits when: The inner critic is loud; Just practising\n"
        "\n"
        "1. Read\n"
        "   Braces like {this} are shown as written.\n"
        "\n"
        "2. Breathe: in 4 · hold 0 · out 6 × 3\n"
        "\n"
        "3. Write (answer named {thought}, checked for harsh self-talk)\n"
        "   What is the critic saying?\n"
        "   Hint: Its exact words\n"
        "\n"
        "4. Choose one\n"
        "   Which feels closest?\n"
        "   • Tired\n"
        "   • Worried\n"
        "\n"
        "5. Rate from 0 to 10, or skip (answer named {loud})\n"
        "   How loud is it?\n"
        "   0 = quiet · 10 = very loud\n"
        "\n"
        "6. Rewrite {thought} more kindly (checked for harsh self-talk)\n"
        '   How would a friend say "{thought}"?\n'
    )


def test_show_builtin_breathing(run: Run) -> None:
    code, out, _ = run("show", "settling-breath")
    assert code == 0
    assert out.startswith("Settling breath\n")
    assert "About 2 minutes (built-in)\n" in out
    assert "\n2. Breathe: in 4 · hold 0 · out 6 × 6\n" in out
    assert "\n   0 = Not at all · 10 = Very settled\n" in out


def test_show_unknown_id_is_one_line_on_stderr(run: Run, data_dir: Path) -> None:
    code, out, err = run("show", "settling-breth")
    assert (code, out) == (1, "")
    assert err == (
        'kindtone exercises: no exercise with the id "settling-breth" '
        '(did you mean "settling-breath"?); '
        f"to see them all: kindtone --data-dir {data_dir} exercises list\n"
    )
    code, _, err = run("show", "\x1b[2Jnothing")
    assert code == 1 and "\x1b" not in err and "\\x1b[2Jnothing" in err


# --- validate --------------------------------------------------------------------------

EXPECTED = {
    "builtin-id.toml": [
        "broken_exercises/builtin-id.toml:2:1: error: id: "
        'the id "settling-breath" is already used by the built-in exercise “Settling breath”'
    ],
    "duplicate-id-first.toml": [],
    "duplicate-id-second.toml": [
        "broken_exercises/duplicate-id-second.toml:2:1: error: id: "
        'the id "duplicate-id" is already used by broken_exercises/duplicate-id-first.toml'
    ],
    "missing-field.toml": [
        'broken_exercises/missing-field.toml: error: summary: missing required key "summary"'
    ],
    "syntax-error.toml": [
        "broken_exercises/syntax-error.toml:3:20: error: (syntax): "
        "not valid TOML: a line ends inside a quoted string (is a closing quote missing?)"
    ],
    "unknown-key.toml": [
        'broken_exercises/unknown-key.toml:11:1: error: steps[0].promt: unknown key "promt" '
        '(did you mean "prompt"?); expected one of about, check, id, placeholder, prompt'
    ],
    "unknown-step-type.toml": [
        "broken_exercises/unknown-step-type.toml:9:1: error: steps[0].type: expected one of "
        'read, breathe, write, choose, rate, reframe, found the text "dance"'
    ],
    "wrong-type.toml": [
        "broken_exercises/wrong-type.toml:14:1: error: steps[1].inhale: "
        'expected a whole number, found the text "four"'
    ],
}


def test_fixtures_are_the_ones_described() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.toml")) == sorted(EXPECTED)


def test_validate_folder_prints_every_problem_like_a_compiler(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DATA)
    code, out, err = run("validate", "broken_exercises")
    assert code == 1
    expected = []
    for name, lines in sorted(EXPECTED.items()):
        expected += lines or [f"broken_exercises/{name}: ok"]
    assert out.splitlines() == expected
    assert err == "7 of 8 files have problems\n"


@pytest.mark.parametrize("name", sorted(n for n, lines in EXPECTED.items() if lines))
def test_validate_each_broken_file(run: Run, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.chdir(DATA)
    paths = [f"broken_exercises/{name}"]
    if name == "duplicate-id-second.toml":
        paths.insert(0, "broken_exercises/duplicate-id-first.toml")
    code, out, err = run("validate", *paths)
    assert code == 1
    assert [line for line in out.splitlines() if not line.endswith(": ok")] == EXPECTED[name]
    assert err == f"1 of {len(paths)} file{'s' if len(paths) > 1 else ''} has problems\n"


def test_validate_duplicate_alone_is_fine(run: Run) -> None:
    """Only together do the two files clash."""
    path = str(BROKEN / "duplicate-id-second.toml")
    assert run("validate", path) == (0, f"{path}: ok\n", "1 file checked: all valid\n")
    # `kindtone --help` says "check", and that is what a new user typed first: an error.
    assert run("check", path) == (0, f"{path}: ok\n", "1 file checked: all valid\n")


def test_validate_not_utf8_and_too_large(run: Run, tmp_path: Path) -> None:
    latin = write(tmp_path / "latin.toml", tiny().encode() + b'# caf\xe9\nx = "\xe9"\n')
    large = write(tmp_path / "large.toml", tiny() + "#" * MAX_FILE_BYTES + "\n")
    code, out, err = run("validate", str(latin), str(large))
    assert code == 1
    assert out.splitlines() == [
        f"{latin}:10: error: (file): is not UTF-8 text; save it as UTF-8",
        f"{large}: error: (file): is larger than 256 KB; exercises are short",
    ]
    assert err == "2 of 2 files have problems\n"


def test_validate_missing_path_and_empty_folder(run: Run, tmp_path: Path) -> None:
    good = write(tmp_path / "good.toml", tiny())
    (tmp_path / "empty").mkdir()
    code, out, err = run(
        "validate", str(tmp_path / "nope.toml"), str(good), str(tmp_path / "empty")
    )
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path / 'nope.toml'}: error: (file): no such file",
        f"{good}: ok",
        f"{tmp_path / 'empty'}: error: (file): has no *.toml files",
    ]
    assert err == "2 of 3 files have problems\n"


def test_validate_keeps_the_path_exactly_as_typed(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "pack" / "bad.toml", tiny().replace("minutes = 1", "minutes = 0"))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("validate", "./pack/", "./nowhere//x.toml")
    assert code == 1
    assert out.splitlines() == [
        "./pack/bad.toml:4:1: error: minutes: expected at least 1, found 0",
        "./nowhere//x.toml: error: (file): no such file",
    ]


def test_validate_same_file_twice_is_not_a_duplicate(run: Run, tmp_path: Path) -> None:
    good = write(tmp_path / "good.toml", tiny())
    code, out, _ = run("validate", str(good), str(tmp_path))
    assert code == 0
    assert out == f"{good}: ok\n"


def test_validate_the_builtins_themselves(run: Run) -> None:
    code, out, err = run("validate", str(BUILTIN))
    assert code == 0, out
    count = len(list(BUILTIN.glob("*.toml")))
    assert err == f"{count} files checked: all valid\n"


def test_validate_never_shows_control_characters(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "x\x1b]0;pwned\x07.toml", "id = ]\n")
    code, out, _ = run("validate", str(path))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert out.startswith(str(tmp_path / "x\\x1b]0;pwned\\x07.toml") + ":1:6: error: (syntax)")


# --- new -------------------------------------------------------------------------------


def test_new_starter_validates_and_explains(run: Run, tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "My Kind Pause.toml"
    code, out, err = run("new", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Wrote a starter exercise to {path} (id: my-kind-pause).",
        "Edit it in any text editor, then check it with:",
        f"  kindtone --data-dir {data_dir} exercises validate '{path}'",
        "When it's ready, add it to your exercises with:",
        f"  kindtone --data-dir {data_dir} exercises install '{path}'",
    ]
    exercise, problems = parse_exercise(path)
    assert problems == [] and exercise is not None
    assert (exercise.id, exercise.title) == ("my-kind-pause", "My kind pause")
    assert {s.type for s in exercise.steps} >= {
        "read",
        "breathe",
        "write",
        "choose",
        "rate",
        "reframe",
    }
    text = path.read_text("utf-8")
    for key in ("hold", "placeholder", "check", 'id = "critic_words"'):
        line = next(x for x in text.splitlines() if x.startswith(key))
        assert "# optional" in line, line
    assert "(1 to 10)" in text and "(1 to 15)" in text, "limits come from the specs"
    assert mode(path) == 0o600
    assert run("validate", str(path))[0] == 0


def test_new_from_copies_with_a_fresh_id(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "my_pause.toml"
    code, out, _ = run("new", str(path), "--from", "self-compassion-break")
    assert code == 0
    assert out.startswith(f'Wrote a copy of "self-compassion-break" to {path} (id: my-pause).\n')
    exercise, problems = parse_exercise(path)
    assert problems == [] and exercise is not None
    original = load_library().exercises["self-compassion-break"]
    assert exercise.id == "my-pause"
    assert exercise.title == f"{original.title} (my version)"
    assert exercise.steps == original.steps, "the steps are copied unchanged"
    text = path.read_text("utf-8")
    assert "# Self-compassion break" in text, "the original's comments are kept"
    assert run("validate", str(path))[:2] == (0, f"{path}: ok\n")


def test_new_refuses_to_overwrite(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "mine.toml", "precious")
    code, out, err = run("new", str(path))
    assert (code, out) == (1, "")
    assert err == f"kindtone exercises: {path} already exists; choose another name\n"
    assert path.read_text() == "precious"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing/x.toml", "the folder {tmp}/missing does not exist"),
        (
            "notes.txt",
            "{tmp}/notes.txt: exercise files need a name ending in .toml "
            "(and not starting with a dot), like my-exercise.toml",
        ),
        (
            "___.toml",
            "{tmp}/___.toml: the id comes from the file name, which needs some letters "
            "or digits, like my-exercise.toml",
        ),
        (
            "Settling Breath.toml",
            'the id "settling-breath" (from the file name) is already used by '
            "the built-in exercise “Settling breath”; "
            "choose another name, like my-settling-breath.toml",
        ),
    ],
)
def test_new_refusals(run: Run, tmp_path: Path, name: str, message: str) -> None:
    code, out, err = run("new", str(tmp_path / name))
    assert (code, out) == (1, "")
    assert err == f"kindtone exercises: {message.format(tmp=tmp_path)}\n"
    assert not (tmp_path / name).exists()


def test_new_from_unknown_id(run: Run, tmp_path: Path, data_dir: Path) -> None:
    code, _, err = run("new", str(tmp_path / "x.toml"), "--from", "nope")
    assert code == 1
    assert err == (
        'kindtone exercises: no exercise with the id "nope"; '
        f"to see them all: kindtone --data-dir {data_dir} exercises list\n"
    )
    assert not (tmp_path / "x.toml").exists()


# --- install ---------------------------------------------------------------------------


def test_install_a_pack(run: Run, tmp_path: Path, data_dir: Path) -> None:
    pack = tmp_path / "pack"
    write(pack / "one.toml", tiny("one", "One"))
    write(pack / "two.toml", tiny("two", "Two"))
    write(pack / "notes.md", "not an exercise")
    custom = data_dir / "exercises"

    code, out, err = run("install", str(pack))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f'Installed "One" (one) as {custom / "one.toml"}',
        f'Installed "Two" (two) as {custom / "two.toml"}',
        f"2 exercises ready to practise; see them with: "
        f"kindtone --data-dir {data_dir} exercises list",
    ]
    assert sorted(p.name for p in custom.iterdir()) == ["one.toml", "two.toml"]
    assert (custom / "one.toml").read_bytes() == (pack / "one.toml").read_bytes()
    assert mode(data_dir) == 0o700
    assert mode(custom) == 0o700
    assert mode(custom / "one.toml") == mode(custom / "two.toml") == 0o600

    library = load_library(custom_dir=custom)
    assert library.broken == []
    assert library.exercises["one"].source == "custom"

    rows = {r["id"]: r for r in json.loads(run("list", "--json")[1])}
    assert rows["two"]["source"] == "custom" and rows["two"]["status"] == "ok"
    assert rows["two"]["path"] == str(custom / "two.toml")


def test_install_nothing_if_any_file_is_invalid(run: Run, tmp_path: Path, data_dir: Path) -> None:
    pack = tmp_path / "pack"
    write(pack / "a-good.toml", tiny("good"))
    bad = write(pack / "b-bad.toml", tiny("bad").replace('title = "Tiny"\n', ""))
    clash = shutil.copy(BROKEN / "builtin-id.toml", pack / "c-clash.toml")
    code, out, err = run("install", str(pack))
    assert code == 1
    assert out.splitlines() == [
        f'{bad}: error: title: missing required key "title"',
        f'{clash}:2:1: error: id: the id "settling-breath" is already used by '
        "the built-in exercise “Settling breath”",
    ]
    assert err == "kindtone exercises: nothing was installed: 2 of 3 files have problems\n"
    assert not (data_dir / "exercises").exists()


def test_reinstall_replaces_but_another_file_cannot_take_the_id(
    run: Run, tmp_path: Path, data_dir: Path
) -> None:
    custom = data_dir / "exercises"
    first = write(tmp_path / "mine.toml", tiny("mine", "Mine"))
    assert run("install", str(first))[0] == 0

    write(first, tiny("mine", "Mine, revised"))
    code, out, _ = run("install", str(first))
    assert code == 0
    assert out.splitlines()[0] == f'Replaced "Mine, revised" (mine) as {custom / "mine.toml"}'
    assert "Mine, revised" in (custom / "mine.toml").read_text()

    other = write(tmp_path / "other" / "copy.toml", tiny("mine", "Copy"))
    code, out, err = run("install", str(other))
    assert code == 1
    assert out == (
        f'{other}:1:1: error: id: the id "mine" is already used by {custom / "mine.toml"}, '
        "which you installed (to replace it, install yours as mine.toml)\n"
    )
    assert err == "kindtone exercises: nothing was installed: 1 of 1 file has problems\n"
    assert sorted(p.name for p in custom.iterdir()) == ["mine.toml"]


def test_install_refuses_two_files_with_one_name(run: Run, tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "same.toml", tiny("a"))
    b = write(tmp_path / "b" / "same.toml", tiny("b"))
    code, out, _ = run("install", str(a), str(b))
    assert code == 1
    assert out == (
        f"{b}: error: (file): has the same file name as {a}; "
        "files installed together need different names\n"
    )


def test_install_missing_path(run: Run, tmp_path: Path, data_dir: Path) -> None:
    code, out, err = run("install", str(tmp_path / "nope"))
    assert code == 1
    assert out == f"{tmp_path / 'nope'}: error: (file): no such file\n"
    assert err.startswith("kindtone exercises: nothing was installed")
    assert not data_dir.exists()


def test_new_then_install_then_show(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "evening.toml"
    assert run("new", str(path))[0] == 0
    assert run("install", str(path))[0] == 0
    code, out, _ = run("show", "evening")
    assert code == 0
    assert out.startswith("Evening\n")
    assert "Breathe: in 4 · hold 0 · out 6 × 3" in out


def test_no_traceback_on_unreadable_destination(run: Run, tmp_path: Path, data_dir: Path) -> None:
    """A data dir that is a file is reported in one line, not a traceback."""
    write(data_dir, "not a folder")
    good = write(tmp_path / "good.toml", tiny())
    code, out, err = run("install", str(good))
    assert code == 1
    assert err.startswith("kindtone exercises: ") and err.count("\n") == 1
    assert "Traceback" not in out + err


def test_new_from_keeps_a_schema_line_first(run: Run, tmp_path: Path, data_dir: Path) -> None:
    write(data_dir / "exercises" / "mine.toml", "#:schema ./exercise.schema.json\n" + tiny("mine"))
    path = tmp_path / "yours.toml"
    assert run("new", str(path), "--from", "mine")[0] == 0
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == "#:schema ./exercise.schema.json"
    assert lines[1].startswith('# Your own version of "mine"')
    assert 'id = "yours"' in lines and 'title = "Tiny (my version)"' in lines


def test_a_linked_exercises_folder_is_never_followed(
    run: Run, data_dir: Path, tmp_path: Path
) -> None:
    """Loading, `new` into it and `install` all refuse the link, naming it; the target is
    left exactly as it was."""
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "planted.toml", tiny("planted", "Planted"))
    data_dir.mkdir()
    (data_dir / "exercises").symlink_to(elsewhere, target_is_directory=True)
    before = sorted(p.name for p in elsewhere.iterdir())
    library = load_library(custom_dir=data_dir / "exercises")
    assert "planted" not in library.exercises
    (broken,) = library.broken
    assert broken.path == data_dir / "exercises" and "symbolic link" in broken.reason
    code, out, _ = run("list")
    assert code == 0 and "planted" not in out and "symbolic link" in out
    code, _, err = run("new", str(data_dir / "exercises" / "mine.toml"))
    assert code == 1 and f"{data_dir / 'exercises'} is a symbolic link" in err
    code, _, err = run("install", str(write(tmp_path / "mine.toml", tiny("mine", "Mine"))))
    assert code == 1 and "symbolic link" in err
    assert sorted(p.name for p in elsewhere.iterdir()) == before


def test_a_linked_exercise_file_in_the_data_folder_is_reported_not_read(
    data_dir: Path, tmp_path: Path
) -> None:
    outside = write(tmp_path / "outside.toml", tiny("outside", "Outside"))
    custom = data_dir / "exercises"
    custom.mkdir(parents=True)
    (custom / "linked.toml").symlink_to(outside)
    library = load_library(custom_dir=custom)
    assert "outside" not in library.exercises
    (broken,) = library.broken
    assert "is a symbolic link" in broken.reason
    # A file given by the person (outside the data folder) may still be a link.
    exercise, problems = parse_exercise(custom / "linked.toml", "built-in")
    assert exercise is not None and problems == []
