"""Plain mode: a whole session through piped input, driven by the same core."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.exercises import Exercise, load_library
from tui.core.session import plan_session
from tui.core.settings import Settings
from tui.core.storage import ReflectionStore
from tui.plain import run_plain


def answers_for_just_a_thought() -> list[str]:
    return [
        "",  # read step: Enter
        "I'm useless at [bold] this",  # the thought
        "I'm having the thought that I'm useless at [bold] this",  # defused
        "",
        "",
        "",
        "",
    ]


def answers_for(exercises: list[Exercise], text: str) -> list[str]:
    """One input line per step, as a person would answer each kind of step."""
    per_type = {"read": "", "breathe": "/skip", "choose": "1", "rate": "5"}
    return [per_type.get(s.type, text) for e in exercises for s in e.steps]


def test_whole_session_through_piped_input(tmp_path: Path) -> None:
    text = "It was a hard day, and I'm learning"  # kind: no "try again" question follows
    plan = plan_session(load_library(), 3, "critic", rng=random.Random(7))
    lines = ["3", "8", "", *answers_for(plan, text), "2", "1"]
    stdout = io.StringIO()
    code = run_plain(
        tmp_path,
        Settings(session_minutes=3),
        stdin=io.StringIO("\n".join(lines) + "\n"),
        stdout=stdout,
        rng=random.Random(7),
    )
    assert code == 0
    out = stdout.getvalue()
    assert "What brings you here today?" in out
    (record,) = ReflectionStore(tmp_path).list()
    assert record["completed"] is True
    assert record["exercises"] == [e.id for e in plan]
    assert record["situation"] == "critic"
    assert record["ratings"] == {
        "before": {"harsh": 8, "tense": None},
        "after": {"harsh": 2, "tense": 1},
    }
    written = [s["answer"] for s in record["steps"] if s["type"] in ("write", "reframe")]
    assert written and all(answer == text for answer in written)
    assert record["minutes_planned"] == 3


def test_try_again_and_crisis_in_plain_mode(tmp_path: Path) -> None:
    lines = [
        "",  # read
        "",  # read
        "I'm such a failure",  # write: the harsh thought
        "",  # read
        "I'm a total idiot",  # reframe: still harsh -> try again offered
        "y",  # try again
        "I made a mistake and I'm learning",  # kinder
    ]
    stdout = io.StringIO()
    stdin = io.StringIO("\n".join(lines) + "\n" * 30)
    run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        exercise_id="lets-try-that-again",
        stdin=stdin,
        stdout=stdout,
    )
    out = stdout.getvalue()
    assert "the critic might be speaking" in out
    (record,) = ReflectionStore(tmp_path).list()
    reframe = next(s for s in record["steps"] if s["type"] == "reframe")
    assert reframe["versions"] == ["I'm a total idiot", "I made a mistake and I'm learning"]
    assert reframe["tries"] == 2

    crisis_dir = tmp_path / "crisis"
    stdout = io.StringIO()
    stdin = io.StringIO("\n".join(["", "", "I want to end my life", "3"]) + "\n")
    run_plain(
        crisis_dir,
        Settings(ask_ratings=False, support_lines=["My GP: 0123"]),
        exercise_id="lets-try-that-again",
        stdin=stdin,
        stdout=stdout,
    )
    out = stdout.getvalue()
    assert "988" in out and "findahelpline.com" in out and "My GP: 0123" in out
    assert "the critic might be speaking" not in out
    (record,) = ReflectionStore(crisis_dir).list()
    assert record["crisis"] is True
    assert record["completed"] is False
    assert "I want to end my life" in [s["answer"] for s in record["steps"]]


def test_end_of_input_keeps_what_was_written(tmp_path: Path) -> None:
    stdin = io.StringIO("\nsomething I wrote\n")  # then input ends mid-exercise
    run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        exercise_id="noticing-the-critic",
        stdin=stdin,
        stdout=io.StringIO(),
    )
    (record,) = ReflectionStore(tmp_path).list()
    assert record["completed"] is False
    assert "something I wrote" in [s["answer"] for s in record["steps"]]


def test_kindtone_runs_plain_when_not_a_terminal(tmp_path: Path) -> None:
    """Through the real command, stdin and stdout piped: no full-screen app, no Textual."""
    env = {**os.environ, "KINDTONE_DATA_DIR": str(tmp_path), "TERM": "dumb"}
    result = subprocess.run(
        [sys.executable, "-m", "tui", "session", "--exercise", "just-a-thought"],
        input="\nI always get it wrong\n" + "\n" * 20,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "plain mode" in result.stdout
    assert "\x1b" not in result.stdout
    (record,) = ReflectionStore(tmp_path).list()
    assert "I always get it wrong" in [s["answer"] for s in record["steps"]]


def test_words_typed_at_a_reading_step_are_said_and_shown_back(tmp_path: Path) -> None:
    """An answer typed one prompt early was dropped silently; now it is shown back, the
    reading step is asked again, and the words can be written at the writing prompt."""
    early = "I always mess everything up"
    lines = ["", early, "", early, "", "I'm tired, and that's allowed", ""]
    stdout = io.StringIO()
    run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        exercise_id="lets-try-that-again",
        stdin=io.StringIO("\n".join(lines) + "\n" * 10),
        stdout=stdout,
    )
    out = " ".join(stdout.getvalue().split())
    assert (
        f"(That was a reading step, so nothing was saved from it: “{early}”. "
        "You can write it at the next step.)"
    ) in out
    (record,) = ReflectionStore(tmp_path).list()
    harsh = next(s for s in record["steps"] if s.get("id") == "harsh")
    assert harsh["answer"] == early  # written at the prompt that asks for it, as said


def test_crisis_words_typed_at_a_reading_step_show_support(tmp_path: Path) -> None:
    stdout = io.StringIO()
    run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        exercise_id="lets-try-that-again",
        stdin=io.StringIO("I want to end my life\n/leave\n"),
        stdout=stdout,
    )
    out = " ".join(stdout.getvalue().split())
    assert "(That was a reading step, so nothing was saved from it.)" in out
    assert "please reach a person now" in out
    assert "next writing prompt" not in out


def test_crisis_words_at_a_reading_step_pause_as_the_app_does(tmp_path: Path) -> None:
    """The app pauses (its warm words, support, then a grounding breath / return / end);
    plain mode showed the support lines alone and went on (found by session 18's walk)."""
    stdout = io.StringIO()
    run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        exercise_id="supportive-touch",
        stdin=io.StringIO("The knife is under my bed. I keep thinking about it.\n3\n"),
        stdout=stdout,
    )
    out = " ".join(stdout.getvalue().split())
    assert "carrying something very heavy right now. Let's pause the exercise." in out
    assert "What you wrote is kept" not in out  # nothing was: it was a reading step
    assert "please reach a person now" in out
    assert "1. A grounding breath 2. Return to the exercise 3. End the session" in out


def test_wrapped_hint_lines_keep_their_indent() -> None:
    from tui.plain import PlainIO

    stdout = io.StringIO()
    PlainIO(io.StringIO(), stdout, width=40).say(
        "  That's a heavy label for a whole person. What actually happened, in plain words?"
    )
    lines = stdout.getvalue().splitlines()
    assert len(lines) > 1 and all(line.startswith("  ") for line in lines), lines


def test_plain_mode_wraps_to_a_narrow_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 60 columns, 72-column lines were broken mid-word by the terminal itself."""
    import shutil

    from tui.plain import plain_width

    monkeypatch.setattr(
        shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size((60, 20))
    )
    assert plain_width() == 59
    monkeypatch.setattr(
        shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size((200, 50))
    )
    assert plain_width() == 72  # long lines stay easy to read on a wide terminal
    monkeypatch.setattr(
        shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size((12, 5))
    )
    assert plain_width() == 20  # never so narrow that every word is a line


@pytest.mark.parametrize(("typed", "kept"), [("no", "no"), ("Yes", "yes"), ("n", "no")])
def test_the_direct_question_takes_yes_or_no_in_words(
    tmp_path: Path, typed: str, kept: str
) -> None:
    """Asked 'Are you having thoughts of ending your life…?', people type 'no', not '2'."""
    lines = ["", "I'm tired of existing", typed, "", "", "", "", "", "", "/leave", "1"]
    out = io.StringIO()
    code = run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        exercise_id="just-a-thought",
        stdin=io.StringIO("\n".join(lines) + "\n"),
        stdout=out,
    )
    assert code == 0
    assert "Please type 1, 2 or 3." not in out.getvalue()
    (record,) = ReflectionStore(tmp_path).list()
    assert record["safety_checks"][0]["answer"] == kept
