"""``about``: a step that speaks of an earlier answer without quoting it is passed by when
that answer was skipped or held words of crisis, as a quoting step is. Found by trying plain
mode: after "I want to kill myself" in Noticing the critic and a return from support, the
next steps said "Those words are the critic talking" and asked for them again, starting
"The critic is saying that…"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tui.core.describe import render_exercise
from tui.core.exercises import Exercise, load_library, parse_exercise_text
from tui.core.session import Session
from tui.core.settings import Settings
from tui.core.storage import ReflectionStore
from tui.plain import run_plain

CRISIS = "I want to kill myself"

HEADER = """id = "about-test"
title = "About test"
summary = "Steps that speak about an earlier answer."
minutes = 2
situations = ["critic"]
"""

WORDS_STEP = """
[[steps]]
type = "write"
id = "words"
prompt = "What is the critic saying?"
"""

ABOUT_EXERCISE = (
    HEADER
    + WORDS_STEP
    + """
[[steps]]
type = "read"
about = ["words"]
text = "Those words are the critic talking."

[[steps]]
type = "rate"
id = "loud"
prompt = "How loud is it?"
low = "Quiet"
high = "Very loud"

[[steps]]
type = "read"
text = "You gave it {loud}."

[[steps]]
type = "read"
text = "Thank you for practising."
"""
)


def exercise(text: str = ABOUT_EXERCISE) -> Exercise:
    found, problems = parse_exercise_text(text, Path("about-test.toml"))
    assert problems == [] and found is not None
    return found


def shown(session: Session, answers: list[str | int | None]) -> list[str]:
    """The words of every step the person is shown, answering each in turn."""
    seen = []
    for answer in answers:
        planned = session.current
        if planned is None:
            break
        seen.append(planned.step.text or planned.step.prompt)
        if answer is None:
            session.skip()
        else:
            session.answer(answer)
    return seen


def test_a_step_about_an_answer_is_shown_after_ordinary_words() -> None:
    seen = shown(Session([exercise()]), ["I always get it wrong", None, 3, None, None])
    assert "Those words are the critic talking." in seen


def test_a_step_about_crisis_words_is_passed_by() -> None:
    session = Session([exercise()])
    seen = shown(session, [CRISIS, 3, None, None])
    assert "Those words are the critic talking." not in seen
    (passed,) = [p for p in session.steps if p.step.about]
    assert session.record_for(passed).skipped


def test_a_step_about_a_skipped_answer_is_passed_by() -> None:
    seen = shown(Session([exercise()]), [None, 3, None, None])
    assert "Those words are the critic talking." not in seen


def test_the_description_says_what_a_step_is_about() -> None:
    text = render_exercise(exercise())
    assert "About {words}: left out if skipped or if it held words of crisis" in text


def test_a_rating_of_zero_is_an_answer_a_later_step_can_show() -> None:
    # Before: the check for a missing answer read 0 as nothing and passed the step by.
    seen = shown(Session([exercise()]), ["I always get it wrong", None, 0, None, None])
    assert "You gave it {loud}." in seen


@pytest.mark.parametrize(
    ("about", "message"),
    [
        ('["later"]', 'expected the id of an earlier answer (words), found "later"'),
        ('["Words"]', 'expected a lowercase name with underscores (like "first_thought")'),
        ("[]", "expected at least 1 item, found 0"),
        ('"words"', "expected a list, found"),
        ('["words", "words"]', "each item may appear only once"),
    ],
)
def test_a_bad_about_names_its_line(about: str, message: str) -> None:
    text = (
        HEADER
        + WORDS_STEP
        + """
[[steps]]
type = "read"
text = "Those words are the critic talking."
"""
        + f"about = {about}\n"
        + """
[[steps]]
type = "write"
id = "later"
prompt = "And now?"
"""
    )
    found, problems = parse_exercise_text(text, Path("bad-about.toml"))
    assert found is None
    (problem,) = problems
    assert message in str(problem)
    about_line = text.splitlines().index(f"about = {about}") + 1
    assert str(problem).startswith(f"bad-about.toml:{about_line}:")


def test_no_built_in_step_calls_crisis_words_the_critic() -> None:
    """In every built-in exercise, crisis words in any step that takes text pass by every
    later step that quotes them or speaks about them; nothing left mentions "the critic"
    or "those words" about them."""
    library = load_library()
    for built_in in library.exercises.values():
        for position, planned in enumerate(Session([built_in]).steps):
            if not planned.step.takes_text:
                continue
            session = Session([built_in])
            answers: list[str | int | None] = [None] * position + [CRISIS] + [None] * 30
            seen = shown(session, answers)[position + 1 :]
            for words in seen:
                lowered = words.lower()
                assert "those words" not in lowered, (built_in.id, words)
                assert "writing that down" not in lowered, (built_in.id, words)
                assert "the critic" not in lowered or "{" in words, (built_in.id, words)


def test_plain_mode_never_calls_crisis_words_the_critic(tmp_path: Path) -> None:
    stdout = io.StringIO()
    code = run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        stdin=io.StringIO("\n".join(["", CRISIS, "2", "", "", "", "", ""]) + "\n"),
        stdout=stdout,
        exercise_id="noticing-the-critic",
    )
    out = " ".join(stdout.getvalue().split())  # plain mode wraps its lines
    assert code == 0
    after_return = out.split("Return to the exercise")[-1]
    assert "Those words are the critic talking" not in after_return
    assert "The critic is saying that" not in after_return
    assert "How does it sound?" not in after_return
    (record,) = ReflectionStore(tmp_path).list()
    assert record["crisis"] is True
    assert CRISIS in [s["answer"] for s in record["steps"]]


def test_the_readme_example_exercise_is_valid() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Your own exercises", 1)[1].split("\n## ", 1)[0]
    block = section.split("```toml\n", 1)[1].split("```", 1)[0]
    found, problems = parse_exercise_text(block, Path("README.md"))
    assert problems == [] and found is not None
    assert [step.about for step in found.steps][-1] == ("thought",)


RECOVERY = "Two years ago I tried to end my life. I have a safety plan now and I am doing okay."


def test_words_of_recovery_are_never_handed_back_to_defuse(tmp_path: Path) -> None:
    """Found in plain mode: a past attempt, told from a safer place, came back as "You wrote:
    “…”. Now write it again, starting with: I'm having the thought that…"."""
    from tui.core.selftalk import analyse

    assert analyse(RECOVERY).concern == "recovery"
    stdout = io.StringIO()
    code = run_plain(
        tmp_path,
        Settings(ask_ratings=False),
        stdin=io.StringIO("\n".join(["", RECOVERY, "", "", ""]) + "\n"),
        stdout=stdout,
        exercise_id="just-a-thought",
    )
    out = " ".join(stdout.getvalue().split())  # plain mode wraps its lines
    assert code == 0
    assert "come a long way" in out  # acknowledged, no pause
    assert "I'm having the thought that" not in out
    assert "Notice any difference" not in out
    (record,) = ReflectionStore(tmp_path).list()
    assert RECOVERY in [s["answer"] for s in record["steps"]]
