"""``kindtone check``: readable and JSON output, stdin, safety text, and no Textual."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands.check import NOTHING_FOUND
from tui.core.safety import NOT_A_CRISIS_SERVICE
from tui.core.selftalk import hint_for

ROOT = Path(__file__).resolve().parent.parent


def run_check(
    capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None
) -> tuple[int, str]:
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)  # put back by restore_stdin
    status = main(["check", *args])
    return status, capsys.readouterr().out


@pytest.fixture(autouse=True)
def restore_stdin() -> Iterator[None]:
    saved = sys.stdin
    yield
    sys.stdin = saved


def test_flags_words_with_category_and_hint(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_check(capsys, "I'm so stupid, I always get lost.")
    assert status == 0
    assert "I'm so stupid, I always get lost." in out
    assert '"I\'m so stupid" (labelling)' in out
    assert '"I always get lost" (overgeneralising)' in out
    assert hint_for("labelling") in out
    assert NOTHING_FOUND not in out


def test_kind_words_get_a_gentle_all_clear(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_check(capsys, "I did my best with the time I had.")
    assert status == 0
    assert NOTHING_FOUND in out


def test_crisis_points_to_people_and_offers_no_hints(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_check(capsys, "I'm useless and I want to end my life.")
    assert status == 0
    assert "988" in out and "call or text" in out.lower()
    assert "findahelpline.com" in out
    assert "emergency number" in out
    assert NOT_A_CRISIS_SERVICE in out
    assert hint_for("labelling") not in out, "no reframing during a crisis"


def test_each_argument_is_checked_separately_in_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out = run_check(capsys, "--json", "I'm an idiot", "I'm fine", "kms")
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["text"] for row in rows] == ["I'm an idiot", "I'm fine", "kms"]
    assert [(row["critical"], row["crisis"]) for row in rows] == [
        (True, False),
        (False, False),
        (False, True),
    ]
    assert set(rows[0]) == {"text", "critical", "crisis", "concern", "language", "findings"}
    (finding,) = rows[0]["findings"]
    assert set(finding) == {"category", "start", "end", "match", "hint"}
    assert rows[0]["text"][finding["start"] : finding["end"]] == finding["match"]


def test_stdin_lines_blank_lines_skipped_when_readable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out = run_check(capsys, stdin="I'm a failure\n\n   \r\nI'm okay\r\n")
    assert status == 0
    assert out.count("“") == 2, out
    assert "“I'm a failure”" in out and "“I'm okay”" in out
    assert "\r" not in out


def test_stdin_json_keeps_one_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_check(capsys, "--json", stdin="I'm a failure\n\nI'm okay")
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["text"] for row in rows] == ["I'm a failure", "", "I'm okay"]
    assert [row["critical"] for row in rows] == [True, False, False]


def test_control_characters_are_never_echoed_raw(capsys: pytest.CaptureFixture[str]) -> None:
    text = "\x1b]0;owned\x07I'm an \x1b[31midiot\x9b2J\x7f\u202e\nnext"
    status, out = run_check(capsys, text)
    assert status == 0
    for raw in ("\x1b", "\x07", "\x9b", "\x7f", "\u202e"):
        assert raw not in out
    assert "\\x1b" in out and "\\n" in out
    assert out.count("\n") == 2, "the text stays on one line"


def test_json_escapes_control_characters_and_round_trips(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "I'm an idiot \x1b[2J\x9b\x7f\u2028\u202e end"
    status, out = run_check(capsys, "--json", text)
    assert status == 0
    for raw in ("\x1b", "\x9b", "\x7f", "\u2028", "\u202e"):
        assert raw not in out
    assert json.loads(out)["text"] == text
    assert len(out.splitlines()) == 1


def test_undecodable_argument_bytes_do_not_crash(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_check(capsys, "--json", "I'm an idiot \udcff")
    assert status == 0
    assert json.loads(out)["text"] == "I'm an idiot \ufffd"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--nope"])
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_help_explains_input_blank_lines_and_exit_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for words in ("standard input", "Blank lines", "--json", "exit status", "not a substitute"):
        assert words in out


@pytest.mark.slow
def test_python_m_tui_check_json_reads_piped_stdin() -> None:
    lines = ["I should have known better.", "", "The bus should be here soon.", "kms"]
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--json"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["text"] for row in rows] == lines
    assert [row["critical"] for row in rows] == [True, False, False, False]
    assert [row["crisis"] for row in rows] == [False, False, False, True]
    assert rows[0]["findings"][0]["category"] == "should-statement"


@pytest.mark.slow
def test_check_never_imports_textual_or_rich() -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        "status = main(['check', '--json', \"I'm such an idiot\"])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "print('LOADED', loaded, status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED [] 0" in result.stdout
    assert "textual" not in result.stdout.split("LOADED")[1]


@pytest.mark.slow
def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_crash() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    text = "I’m such an idiot — “really”"
    for flags in ([], ["--json"]):
        result = subprocess.run(
            [sys.executable, "-m", "tui", "check", *flags, text],
            capture_output=True,
            cwd=ROOT,
            env=env,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("ascii")
        if flags:
            assert json.loads(out)["text"] == text
        else:
            assert "idiot" in out and "\\u2019" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


TEXTS = [
    "Two years since my attempt. I told my sister and we made a safety plan together.",
    "I keep messing everything up at work, I am such a useless idiot and everyone can see it.",
    "Everyone would be better off without me.",
]


@pytest.mark.parametrize("columns", [60, 100])
def test_on_a_terminal_every_line_wraps_under_its_own_indent(
    monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """Found at 80 columns: the recovery note (158 characters) and the hints ran past the
    edge and broke mid-word. On a terminal each line is wrapped (at most 80 columns), a hint
    under its own words; piped, every note is still one line, as scripts read it."""
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("LINES", "24")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["check", *TEXTS]) == 0
    shown = terminal.getvalue().splitlines()
    width = min(columns, 80) - 1
    assert all(len(line) <= width for line in shown), [x for x in shown if len(x) > width]
    hint = next(n for n, line in enumerate(shown) if line.startswith("  - "))
    assert shown[hint + 1].startswith("    ") and not shown[hint + 1].startswith("     ")
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stdout", piped)
    assert main(["check", *TEXTS]) == 0
    lines = piped.getvalue().splitlines()
    assert any(len(line) > 100 for line in lines)  # one line a note, as before
    assert " ".join(" ".join(shown).split()) == " ".join(" ".join(lines).split())  # same words


def test_kind_words_and_insights_wrap_on_a_terminal_and_stay_whole_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Found at 60 columns: `phrases list` printed a 146-character line and `insights` a
    pattern's name, both broken mid-word by the terminal. On a terminal they wrap, the words
    hanging under the words (not under the id or the count); piped, a line each as before."""
    long = (
        "When I get something wrong at work, I can remember that everyone learns by doing, "
        "and that I have handled harder days than this one."
    )
    base = ["--data-dir", str(tmp_path)]
    assert main([*base, "phrases", "add", long]) == 0
    sys.stdin = io.StringIO("I always ruin everything, I'm such an idiot.\n" + long + "\n")
    assert main([*base, "catch"]) == 0
    monkeypatch.setenv("COLUMNS", "60")
    for command in (["phrases", "list"], ["insights"]):
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stdout", terminal)
        assert main([*base, *command]) == 0
        shown = terminal.getvalue().splitlines()
        assert shown and all(len(line) <= 59 for line in shown), shown
        piped = io.StringIO()
        monkeypatch.setattr(sys, "stdout", piped)
        assert main([*base, *command]) == 0
        lines = piped.getvalue().splitlines()
        assert max(map(len, lines)) > 59
        assert " ".join(" ".join(shown).split()) == " ".join(" ".join(lines).split())
        if command == ["phrases", "list"]:
            first = next(n for n, line in enumerate(shown) if "When I get" in line)
            column = shown[first].index("When I get")
            assert shown[first + 1][:column].strip() == "" and shown[first + 1][column] != " "
        else:
            row = next(n for n, line in enumerate(shown) if "'always' or 'never'" in line)
            column = shown[row].index("an 'always'")
            assert shown[row + 1][:column].strip() == "" and shown[row + 1][column] != " "
