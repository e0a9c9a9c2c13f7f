"""Issue 15, done means: a phrase kept in one session is offered in the next and in a catch."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from tui.cli import main
from tui.core.phrases import PhraseStore
from tui.core.settings import Settings
from tui.core.storage import ReflectionStore
from tui.plain import run_plain

KIND = "I made a mistake, and I'm still learning."


def plain_session(data_dir: Path, answers: list[str]) -> str:
    stdout = io.StringIO()
    code = run_plain(
        data_dir,
        Settings(ask_ratings=False),
        exercise_id="lets-try-that-again",
        stdin=io.StringIO("\n".join(answers) + "\n"),
        stdout=stdout,
    )
    assert code == 0, stdout.getvalue()
    return stdout.getvalue()


def test_plain_a_phrase_kept_in_one_session_is_offered_in_the_next_and_in_a_catch(
    tmp_path: Path, capsys: object
) -> None:
    # reads: Enter; harsh words; read: Enter; the kinder version; read: Enter
    first = plain_session(tmp_path, ["", "", "I'm such an idiot", "", KIND, ""])
    assert "Words that helped you before" not in first  # nothing kept yet
    [phrase] = PhraseStore(tmp_path).list()
    assert phrase.text == KIND and phrase.patterns == ("labelling",)

    second = plain_session(tmp_path, ["", "", "I'm so stupid", "", "1", ""])
    assert "Words that helped you before" in second
    assert f"1. {KIND}" in second
    # the summary: the harsh original, then the version kept, one after the other
    summary = second.split("Thank you for practising.")[1]
    assert "the critic:\n  I'm so stupid\n  kept:\n  " + KIND in summary
    newest = ReflectionStore(tmp_path).list()[0]
    kinder = next(s for s in newest["steps"] if s["type"] == "reframe")
    assert kinder["answer"] == KIND and kinder["original"] == "I'm so stupid"
    assert PhraseStore(tmp_path).list()[0].uses == 2

    sys.stdin = io.StringIO("1\n")
    try:
        assert main(["--data-dir", str(tmp_path), "catch", "I'm a total idiot"]) == 0
    finally:
        sys.stdin = sys.__stdin__
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert f"1. {KIND}" in out
    assert PhraseStore(tmp_path).list()[0].uses == 3
