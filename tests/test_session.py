"""Session planning and the session record, without any interface."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from tui.core.exercises import Library, load_library
from tui.core.session import Ratings, Session, plan_session


def ticking_clock(start: datetime, step: float = 10.0):  # type: ignore[no-untyped-def]
    now = [start]

    def clock() -> datetime:
        now[0] += timedelta(seconds=step)
        return now[0]

    return clock


def test_plan_fits_length_and_suits_situation() -> None:
    library = load_library()
    for minutes in (3, 5, 10):
        for situation in ("critic", "overwhelmed", "avoiding", "didnt-go-to-plan", None):
            plan = plan_session(library, minutes, situation, rng=random.Random(minutes))
            assert plan, (minutes, situation)
            assert sum(e.minutes for e in plan) <= minutes
            assert len({e.id for e in plan}) == len(plan)
            if situation:
                assert situation in plan[0].situations or any(
                    situation in e.situations for e in plan
                )


def test_plan_varies_from_last_session() -> None:
    library = load_library()
    first = plan_session(library, 5, "critic", rng=random.Random(1))
    recent = [e.id for e in first]
    second = plan_session(library, 5, "critic", recent=recent, rng=random.Random(1))
    assert set(e.id for e in second) != set(recent)


def test_plan_is_never_empty_when_nothing_fits() -> None:
    library = load_library()
    plan = plan_session(library, 1, "critic", rng=random.Random(0))
    assert len(plan) == 1


def test_empty_library_gives_empty_plan() -> None:
    assert plan_session(Library(), 5) == []


def make_session() -> Session:
    library = load_library()
    exercise = library.exercises["lets-try-that-again"]
    clock = ticking_clock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    return Session([exercise], situation="critic", before=Ratings(7, 5), clock=clock)


def test_walk_answers_back_and_record() -> None:
    session = make_session()
    steps = session.steps
    # answer every text step; go back once and change an answer
    written = {}
    while not session.finished:
        planned = session.current
        assert planned is not None
        if planned.step.takes_text:
            text = f"answer [bold] {planned.position}"
            written[planned.position] = text
            session.answer(text)
        elif planned.step.type == "rate":
            session.answer(4)
        else:
            session.answer(None)
    assert session.back()
    assert session.position == len(steps) - 1
    session.answer(session.record_for(session.steps[-1]).answer)
    session.finish()
    record = session.to_record(completed=True)
    assert record["completed"] is True
    assert record["exercises"] == ["lets-try-that-again"]
    assert record["ratings"]["before"] == {"harsh": 7, "tense": 5}
    assert record["started_at"].endswith("+00:00")
    answers = [s["answer"] for s in record["steps"] if s["type"] in ("write", "reframe")]
    assert answers == list(written.values())
    assert all(s["seconds"] > 0 for s in record["steps"])


def test_reframe_shows_source_answer_literally() -> None:
    session = make_session()
    while session.current is not None and session.current.step.type != "reframe":
        planned = session.current
        session.answer("I'm {useless} [/]" if planned.step.takes_text else None)
    planned = session.current
    assert planned is not None
    assert session.source_answer(planned) == "I'm {useless} [/]"


def test_a_reframe_of_crisis_language_is_passed_by_both_ways() -> None:
    session = make_session()
    while session.current is not None and not session.current.step.takes_text:
        session.answer(None)
    harsh = session.current
    assert harsh is not None and harsh.step.type == "write"
    reframe = next(p for p in session.steps if p.step.type == "reframe")
    session.answer("I want to end my life")
    while session.current is not None and session.current.position < reframe.position:
        session.answer(None)
    # The reframe is passed by, and so is the last step, which quotes the kinder version
    # ("Read your new version once more: {kinder}"): the exercise is over.
    (quoting,) = [p for p in session.steps if f"{{{reframe.step.id}}}" in p.step.text]
    assert session.finished
    assert session.record_for(reframe).skipped and session.record_for(quoting).skipped
    while session.current is not harsh:
        session.back()
        assert session.current not in (reframe, quoting)
    # Words that are not crisis language get their reframe step again.
    session.answer("I'm useless")
    while session.current is not None and session.current.position < reframe.position:
        session.answer(None)
    assert session.current is reframe


def test_versions_and_tries_are_kept() -> None:
    session = make_session()
    session.answer("first", versions=["harsh one", "first"]) if session.current else None
    record = session.records[0]
    assert record.versions == ["harsh one", "first"]
    assert record.tries == 2


def test_draft_round_trip_keeps_position_and_text() -> None:
    library = load_library()
    session = make_session()
    while session.current is not None and not session.current.step.takes_text:
        session.answer(None)
    session.record_for(session.current).answer = "half-written thought"  # type: ignore[arg-type]
    draft = session.to_draft()
    restored = Session.from_draft(draft, library)
    assert restored is not None
    assert restored.position == session.position
    assert restored.current is not None
    assert restored.record_for(restored.current).answer == "half-written thought"
    assert restored.before == Ratings(7, 5)


def test_draft_for_missing_exercise_is_not_resumed() -> None:
    draft = make_session().to_draft()
    draft["exercises"] = ["gone"]
    assert Session.from_draft(draft, load_library()) is None
