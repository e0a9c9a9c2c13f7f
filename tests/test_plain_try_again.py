"""The "let's try that again" question in plain mode, found by trying it: /leave there kept
the harsh words and moved on to the next step, new words typed there were dropped for "keep
it as it is", and the patterns were named by their code ("harsh self address") with the
same hint twice, where the app names them gently and varies the hint."""

from __future__ import annotations

from pathlib import Path

from helpers_plain import plain_output

from tui.core.practice import explain_findings, gentle_name
from tui.core.selftalk import analyse
from tui.core.storage import ReflectionStore
from tui.widgets.try_again import explained

BEFORE_THE_REFRAME = ["", "", "I'm such a failure", ""]  # lets-try-that-again
HARSH = "I'm a total idiot"


def plain(tmp_path: Path, lines: list[str], exercise: str = "lets-try-that-again") -> str:
    return " ".join(plain_output(tmp_path, lines, exercise).split())  # plain mode wraps lines


def reframe_of(tmp_path: Path) -> dict[str, object]:
    (record,) = ReflectionStore(tmp_path).list()
    return next(s for s in record["steps"] if s["type"] == "reframe")


def test_leave_at_the_try_again_question_leaves(tmp_path: Path) -> None:
    out = plain(tmp_path, [*BEFORE_THE_REFRAME, HARSH, "/leave", "", "", ""])
    assert "Read your new version once more" not in out  # not on to the next step
    assert "kept as an unfinished reflection" in out
    (record,) = ReflectionStore(tmp_path).list()
    assert record["completed"] is False


def test_new_words_at_the_try_again_question_are_the_next_try(tmp_path: Path) -> None:
    kinder = "I made a mistake and I'm learning"
    plain(tmp_path, [*BEFORE_THE_REFRAME, HARSH, kinder, "", "", ""])
    reframe = reframe_of(tmp_path)
    assert reframe["versions"] == [HARSH, kinder]
    assert reframe["answer"] == kinder


def test_support_and_help_at_the_try_again_question_ask_it_again(tmp_path: Path) -> None:
    out = plain(tmp_path, [*BEFORE_THE_REFRAME, HARSH, "/support", "", "", "", ""])
    assert "findahelpline.com" in out
    assert out.count("Try again? (y = try again") == 2
    assert reframe_of(tmp_path)["answer"] == HARSH  # then Enter kept it as it is


def test_a_bare_number_with_nothing_offered_is_asked_about_not_kept(tmp_path: Path) -> None:
    out = plain(tmp_path, [*BEFORE_THE_REFRAME, HARSH, "2", "", "", ""])
    assert "Type y to try again, or press Enter to keep it as it is." in out
    assert reframe_of(tmp_path)["versions"] == [HARSH]


def test_both_faces_explain_the_same_patterns_gently(tmp_path: Path) -> None:
    words = "You idiot, you should have known better."
    analysis = analyse(words)
    core = explain_findings(analysis, 0)
    assert len(core) >= 2 and len({hint for _, hint in core}) == len(core)  # no hint twice
    app = explained(analysis, 0)
    assert [f for f, _ in app] == [f for f, _ in core]
    pairs = zip(core, app, strict=True)
    assert all(core_hint.startswith(app_hint) for (_, core_hint), (_, app_hint) in pairs)
    out = plain(tmp_path, ["", "", "", "", words, "/leave"], exercise="didnt-go-to-plan")
    for finding, hint in core:
        assert f"“{finding.match}”: {gentle_name(finding.category)}." in out
        assert hint in out
    assert "harsh self address" not in out


def test_harsh_words_to_a_friend_are_not_called_speaking_to_yourself() -> None:
    """The friend step ("What would you say to a friend…?") is checked too; the words are
    said to someone else, so neither face may say they were said to yourself."""
    for finding, hint in explain_findings(analyse("You idiot, you should have known."), 0):
        assert "yourself" not in hint and "yourself" not in gentle_name(finding.category)


def test_each_face_names_its_own_way_to_support_in_the_flows_notes(tmp_path: Path) -> None:
    """Found in plain mode: after "I'd rather not say", "F2 (or /support) shows people…",
    where F2 is no key; the app said "/support", which is no command there."""
    from tui.core.exercises import load_library
    from tui.core.flow import SessionFlow
    from tui.core.session import Session

    ask, recovery = (
        "Everyone would be better off without me around.",
        "Two years ago I tried to end my life, and I'm doing much better now.",
    )
    out = plain(tmp_path / "plain", ["", ask, "3", "", ""], exercise="just-a-thought")
    assert "type /support to see people you can reach" in out and "F2" not in out
    out = plain(tmp_path / "again", ["", recovery, "", ""], exercise="just-a-thought")
    assert "Support is always there: type /support." in out and "F2" not in out
    library = load_library()
    for words, choice in ((ask, "rather-not"), (recovery, None)):
        session = Session([library.exercises["just-a-thought"]])
        flow = SessionFlow(session, ReflectionStore(tmp_path / "app"))
        flow.submit(None)
        outcome = flow.submit(words)
        if choice is not None:
            assert outcome.kind == "ask"
            outcome = flow.answer_ask("rather-not")
        assert outcome.note is not None and "press F2" in outcome.note
        assert "/support" not in outcome.note
