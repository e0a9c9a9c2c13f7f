"""One flow, two faces: the same scripted sessions through the full-screen app and plain
mode save the same reflection (ids, times and timings aside)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from helpers_pty import session_opened
from textual import events

from tui.app import KindtoneApp
from tui.core.settings import Settings
from tui.core.storage import ReflectionStore
from tui.plain import run_plain
from tui.screens.ask import AskScreen
from tui.screens.summary import SummaryScreen
from tui.screens.support import SupportScreen
from tui.widgets.steps import WriteView
from tui.widgets.try_again import TryAgainPanel

CRISIS = "I want to kill myself"

Action = tuple[str, ...]

SCRIPTS: dict[str, tuple[str, list[Action]]] = {
    # Crisis words, "Return to the exercise", then on with the same words: the defusing
    # step that would hand them back is passed by.
    "crisis-return": (
        "just-a-thought",
        [("next",), ("write", CRISIS), ("return",), ("keep-words",), ("next",)],
    ),
    # A back, a try-again, then a kinder version that is rehearsed.
    "try-again-and-back": (
        "lets-try-that-again",
        [
            ("next",),
            ("next",),
            ("write", "I'm such a failure"),
            ("back",),
            ("keep-words",),
            ("next",),
            ("write", "I'm a total idiot"),
            ("try-again", "I made a mistake and I'm learning"),
            ("next",),
        ],
    ),
    # A harsh rewrite kept as it is is never handed back to rehearse; a skip on the way.
    "keep-harsh-and-skip": (
        "lets-try-that-again",
        [
            ("next",),
            ("skip",),
            ("write", "I'm such a failure"),
            ("next",),
            ("write", "I should have known better, I'm hopeless"),
            ("keep",),
            ("next",),
        ],
    ),
    # Crisis words, then ending the session from the support pause.
    "crisis-end": (
        "lets-try-that-again",
        [("next",), ("next",), ("write", CRISIS), ("end",)],
    ),
}

ASK_SCRIPTS: dict[str, tuple[str, list[Action]]] = {
    "ask-no": (
        "just-a-thought",
        [
            ("next",),
            ("write", "I'm tired of existing"),
            ("ask", "no"),
            ("write", "x"),
            ("next",),
        ],
    ),
    "ask-yes": (
        "just-a-thought",
        [
            ("next",),
            ("write", "I'm tired of existing"),
            ("ask", "yes"),
            ("return",),
            ("keep-words",),
            ("next",),
        ],
    ),
    "ask-rather-not": (
        "just-a-thought",
        [
            ("next",),
            ("write", "I'm tired of existing"),
            ("ask", "rather-not"),
            ("write", "A heavy day, and I got through it"),
            ("next",),
        ],
    ),
}


def plain_lines(script: list[Action]) -> list[str]:
    lines: list[str] = []
    for action in script:
        kind = action[0]
        if kind == "write":
            lines.append(action[1])
        elif kind in ("next", "keep-words", "keep"):
            lines.append("")
        elif kind == "back":
            lines.append("/back")
        elif kind == "skip":
            lines.append("/skip")
        elif kind == "return":
            lines.append("2")
        elif kind == "end":
            lines.append("3")
        elif kind == "try-again":
            lines += ["y", action[1]]
        elif kind == "ask":
            lines.append({"yes": "1", "no": "2", "rather-not": "3"}[action[1]])
    return lines


def run_plain_script(data_dir: Path, exercise: str, script: list[Action]) -> str:
    stdout = io.StringIO()
    code = run_plain(
        data_dir,
        Settings(ask_ratings=False),
        exercise_id=exercise,
        stdin=io.StringIO("\n".join(plain_lines(script)) + "\n"),
        stdout=stdout,
    )
    assert code == 0, stdout.getvalue()
    return " ".join(stdout.getvalue().split())  # wrapped lines read as one


async def run_app_script(data_dir: Path, exercise: str, script: list[Action]) -> None:
    app = KindtoneApp(data_dir=data_dir, start_exercise=exercise)
    async with app.run_test(size=(100, 32)) as pilot:
        app.settings.ask_ratings = False
        await session_opened(pilot)
        for action in script:
            kind = action[0]
            if kind == "write":
                view = app.screen.query_one(WriteView)
                view.set_value("")
                app.post_message(events.Paste(action[1]))
                await pilot.pause()
                await pilot.press("ctrl+n")
            elif kind in ("next", "keep-words"):
                await pilot.press("ctrl+n")
            elif kind == "back":
                await pilot.press("ctrl+b")
            elif kind == "skip":
                await pilot.press("ctrl+s")
            elif kind in ("return", "end"):
                assert isinstance(app.screen, SupportScreen)
                if kind == "return":
                    await pilot.press("enter")  # focus starts on "Return to the exercise"
                else:
                    await pilot.click("#end")
            elif kind == "try-again":
                assert app.screen.query(TryAgainPanel)
                await pilot.press("enter")  # "Try again" is focused
                await pilot.pause()
                app.screen.query_one(WriteView).set_value("")
                app.post_message(events.Paste(action[1]))
                await pilot.pause()
                await pilot.press("ctrl+n")
            elif kind == "keep":
                assert app.screen.query(TryAgainPanel)
                await pilot.click("#keep-button")
            elif kind == "ask":
                assert isinstance(app.screen, AskScreen)
                await pilot.click(f"#ask-{action[1]}")
            await pilot.pause()
        if isinstance(app.screen, SummaryScreen):
            assert app.screen.saved
            await pilot.press("enter")
            await pilot.pause()


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """The reflection without what differs by design: ids, clock times, seconds spent."""
    record = {k: v for k, v in record.items() if k not in ("id", "started_at", "ended_at")}
    record["steps"] = [{k: v for k, v in s.items() if k != "seconds"} for s in record["steps"]]
    return record


async def _both(tmp_path: Path, exercise: str, script: list[Action]) -> tuple[Any, Any, str]:
    run_out = run_plain_script(tmp_path / "plain", exercise, script)
    await run_app_script(tmp_path / "app", exercise, script)
    (plain_record,) = ReflectionStore(tmp_path / "plain").list()
    (app_record,) = ReflectionStore(tmp_path / "app").list()
    assert ReflectionStore(tmp_path / "plain").load_draft() is None
    assert ReflectionStore(tmp_path / "app").load_draft() is None
    return comparable(plain_record), comparable(app_record), run_out


@pytest.mark.parametrize("name", sorted(SCRIPTS))
async def test_both_faces_save_the_same_reflection(tmp_path: Path, name: str) -> None:
    exercise, script = SCRIPTS[name]
    plain_record, app_record, out = await _both(tmp_path, exercise, script)
    assert plain_record == app_record
    answers = [s.get("answer") for s in plain_record["steps"]]
    if name == "crisis-return":
        assert plain_record["crisis"] is True and plain_record["completed"] is True
        assert CRISIS in answers and "Now write it again" not in out
        # Found in plain mode: it ended on "Thank you for practising … Saved" alone.
        assert "If it comes back, type /support to see people you can reach" in out
        assert "grows stronger" not in out
    elif name != "crisis-end":  # that one ends at the support screen, before the summary
        assert "grows stronger" in out and "/support to see people" not in out
    if name == "try-again-and-back":
        reframe = next(s for s in plain_record["steps"] if s["type"] == "reframe")
        assert reframe["versions"] == ["I'm a total idiot", "I made a mistake and I'm learning"]
        assert "Read your new version once more" in out
    elif name == "keep-harsh-and-skip":
        assert "I should have known better, I'm hopeless" in answers
        assert "Read your new version once more" not in out
        assert "Noticing them is the practice" in out
    elif name == "crisis-end":
        assert plain_record["completed"] is False and plain_record["crisis"] is True


@pytest.mark.parametrize("name", sorted(ASK_SCRIPTS))
async def test_ask_is_one_flow_in_both_faces(tmp_path: Path, name: str) -> None:
    # The real analysis (issue 14): "I'm tired of existing" is possible risk, asked about.
    exercise, script = ASK_SCRIPTS[name]
    plain_record, app_record, out = await _both(tmp_path, exercise, script)
    assert plain_record == app_record
    answer = name.removeprefix("ask-")
    assert plain_record["safety_checks"] == [
        {"exercise": "just-a-thought", "step": 1, "answer": answer}
    ]
    assert "Are you having thoughts of ending your life" in out
    assert out.count("Are you having thoughts of ending your life") == 1  # asked once
    if answer == "yes":
        assert "988" in out and plain_record["crisis"] is True
        assert "Now write it again" not in out  # passed by, like crisis words
    else:
        assert plain_record["crisis"] is False
        assert "Now write it again" in out
    if answer == "rather-not":
        assert "type /support to see people" in out and "F2" not in out  # plain's own key


async def test_recovery_talk_is_acknowledged_without_a_pause(tmp_path: Path) -> None:
    words = "I told my sister and we made a safety plan"
    # The defusing step that would hand the words back, and the read about it, are passed by.
    script: list[Action] = [("next",), ("write", words)]
    plain_record, app_record, out = await _both(tmp_path, "just-a-thought", script)
    assert plain_record == app_record
    assert [s["skipped"] for s in plain_record["steps"]][-2:] == [True, True]
    assert "come a long way" in out and "Support is always there: type /support" in out
    assert "988" not in out and "Are you having thoughts" not in out
    assert plain_record["crisis"] is False and "safety_checks" not in plain_record
