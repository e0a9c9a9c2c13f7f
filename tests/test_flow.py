"""The session flow's decisions, without any face."""

from __future__ import annotations

from pathlib import Path

from tui.core.exercises import load_library
from tui.core.flow import SessionFlow
from tui.core.session import Session
from tui.core.storage import ReflectionStore

CRISIS = "I want to kill myself"


def flow_for(tmp_path: Path, exercise: str) -> SessionFlow:
    library = load_library()
    return SessionFlow(Session([library.exercises[exercise]]), ReflectionStore(tmp_path))


def test_crisis_pauses_on_the_step_and_return_goes_on_with_the_same_words(tmp_path: Path) -> None:
    flow = flow_for(tmp_path, "just-a-thought")
    assert flow.submit(None).kind == "moved"
    position = flow.session.position
    outcome = flow.submit(CRISIS)
    assert outcome.kind == "crisis" and outcome.kept
    assert flow.session.position == position  # paused, not moved on
    assert ReflectionStore(tmp_path).load_draft() is not None  # the words are in a file
    flow.return_from_support()
    assert flow.session.position == position and flow.answer_so_far() == CRISIS
    assert flow.submit(CRISIS).kind == "moved"
    # "You wrote: {thought}. Now write it again…" is passed by, and so is the closing read
    # about both versions ("Notice any difference… that's fine"): the exercise is done.
    assert flow.current is None
    assert all(flow.session.record_for(p).skipped for p in flow.session.steps[position + 1 :])


def test_a_step_passed_by_is_kept_without_its_template_braces(tmp_path: Path) -> None:
    """Found reading a reflection in the app: a step passed by (its answer skipped) showed
    'You wrote: “{thought}”. Now write it again…' with the braces."""
    flow = flow_for(tmp_path, "just-a-thought")
    flow.submit(None)
    flow.submit(None)  # the thought left empty: the step that quotes it is passed by
    record = flow.session.to_record(completed=True)
    passed = next(s for s in record["steps"] if s["id"] == "having")
    assert passed["skipped"] and passed["answer"] is None
    assert passed["prompt"].startswith("You wrote: “…”. Now write it again")
    assert not any("{" in step["prompt"] for step in record["steps"])


def test_changed_words_after_support_are_read_afresh(tmp_path: Path) -> None:
    flow = flow_for(tmp_path, "just-a-thought")
    flow.submit(None)
    assert flow.submit(CRISIS).kind == "crisis"
    flow.return_from_support()
    assert flow.submit("A hard day at work").kind == "moved"
    assert "A hard day at work" in flow.prompt()  # now it may be defused


def test_try_again_keeps_every_version_and_keep_as_is_moves_on(tmp_path: Path) -> None:
    flow = flow_for(tmp_path, "lets-try-that-again")
    flow.submit(None)
    flow.submit(None)
    flow.submit("I'm such a failure")
    flow.submit(None)
    first = flow.submit("I'm a total idiot")
    assert first.kind == "try-again" and first.attempt == 0 and first.review is not None
    second = flow.submit("I'm still a total idiot")
    assert second.kind == "try-again" and second.attempt == 1
    assert flow.keep_as_is().kind == "moved"
    reframe = next(r for r in flow.session.records if r.type == "reframe")
    assert reframe.versions == ["I'm a total idiot", "I'm still a total idiot"]
    assert "critic's voice" in flow.prompt()  # honest, not the harsh words to rehearse


def test_continue_under_try_again_reads_changed_words_and_keeps_the_same(
    tmp_path: Path,
) -> None:
    """Continue while "let's try that again" is open: words changed in the box are the next
    try, checked like a fresh answer; the same words are kept as they are."""
    flow = flow_for(tmp_path, "lets-try-that-again")
    for answer in (None, None, "I'm such a failure", None):
        flow.submit(answer)
    assert flow.submit("I'm a total idiot").kind == "try-again"
    again = flow.continue_from_try_again("I'm still a total idiot")
    assert again.kind == "try-again" and again.attempt == 1
    position = flow.session.position
    assert flow.continue_from_try_again("I'm still a total idiot").kind == "moved"
    assert flow.session.position != position
    reframe = next(r for r in flow.session.records if r.type == "reframe")
    assert reframe.answer == "I'm still a total idiot"
    assert reframe.versions == ["I'm a total idiot", "I'm still a total idiot"]


def test_continue_under_try_again_with_the_box_emptied_is_no_answer(tmp_path: Path) -> None:
    flow = flow_for(tmp_path, "lets-try-that-again")
    for answer in (None, None, "I'm such a failure", None):
        flow.submit(answer)
    assert flow.submit("I'm a total idiot").kind == "try-again"
    assert flow.continue_from_try_again("").kind == "moved"
    reframe = next(r for r in flow.session.records if r.type == "reframe")
    assert reframe.answer is None  # what the box held, as Continue reads it anywhere


def test_back_skips_over_steps_passed_by_and_keeps_words(tmp_path: Path) -> None:
    flow = flow_for(tmp_path, "just-a-thought")
    flow.submit(None)
    flow.submit(CRISIS)
    flow.return_from_support()
    flow.submit(CRISIS)
    assert flow.back()
    assert flow.answer_so_far() == CRISIS  # the step before the passed-by one


def test_skip_with_crisis_words_still_pauses(tmp_path: Path) -> None:
    flow = flow_for(tmp_path, "just-a-thought")
    flow.submit(None)
    assert flow.skip(CRISIS).kind == "crisis"


def test_a_declined_draft_from_a_failed_summary_save_is_kept_as_finished(tmp_path: Path) -> None:
    from tui.core.flow import find_draft, keep_declined_draft

    flow = flow_for(tmp_path, "just-a-thought")
    while not flow.finished:
        flow.submit("words")
    store = ReflectionStore(tmp_path)
    store.save_draft(flow.session.to_draft("summary"))  # as when the summary's save failed
    offer = find_draft(store, load_library())
    assert offer is not None and offer.stage == "summary"
    assert keep_declined_draft(store, offer).saved
    (record,) = store.list()
    assert record["completed"] is True


def test_a_session_with_crisis_words_closes_on_where_help_is(tmp_path: Path) -> None:
    """Found in plain mode: after crisis words and "Return to the exercise", the session
    ended on "Thank you for practising" and nothing about support."""
    flow = flow_for(tmp_path, "just-a-thought")
    assert "grows stronger" in flow.closing()
    flow.submit(None)
    assert flow.submit(CRISIS).kind == "crisis"
    assert flow.closing().startswith("You wrote about something very heavy today.")
    assert "press F2 to see people you can reach" in flow.closing()


def test_steps_left_out_for_crisis_or_recovery_words_are_said_so(tmp_path: Path) -> None:
    """Found walking a session in tmux: after recovery words ("Five years ago I tried to kill
    myself…") the steps that would rework them vanished, and the check-out came straight
    after "step 2 of 4" with no word why. The same after crisis words and support."""
    from tui.core.flow import LEFT_OUT_NOTE, RECOVERY_NOTE

    recovery = "Five years ago I tried to kill myself. Now I run a support group and I'm well."
    flow = flow_for(tmp_path / "recovery", "just-a-thought")
    flow.submit(None)
    outcome = flow.submit(recovery)
    assert outcome.kind == "moved" and flow.current is None
    assert outcome.note is not None
    assert outcome.note.startswith(RECOVERY_NOTE.split("{")[0]) and LEFT_OUT_NOTE in outcome.note

    flow = flow_for(tmp_path / "crisis", "just-a-thought")
    flow.submit(None)
    assert flow.submit(CRISIS).kind == "crisis"
    flow.return_from_support()
    assert flow.submit(CRISIS).note == LEFT_OUT_NOTE

    # A thought the exercise goes on to work with: nothing is left out, nothing said.
    flow = flow_for(tmp_path / "plain", "just-a-thought")
    flow.submit(None)
    assert flow.submit("I'm not good enough.").note is None
    assert LEFT_OUT_NOTE not in (flow.submit(None).note or "")  # a skip passes nothing by
