"""The typed reflection: parsed once from storage, frozen, and what every reader uses."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tui.core import reflections_io as io
from tui.core.insights import compute_insights
from tui.core.record import Ratings, Reflection, Step, as_reflections
from tui.core.reflection_index import Filter, ReflectionIndex
from tui.core.storage import ReflectionStore, session_minutes

ZONE = timezone(timedelta(hours=-5, minutes=-30))


def stored(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "abc123abc123",
        "schema": 1,
        "started_at": "2026-03-01T23:30:00-05:30",
        "ended_at": "2026-03-01T23:35:07-05:30",
        "completed": True,
        "crisis": False,
        "situation": "critic",
        "minutes_planned": 5,
        "exercises": ["lets-try-that-again", 7],
        "ratings": {"before": {"harsh": 7, "tense": True}, "after": {"harsh": 4, "calm": 2}},
        "steps": [
            {"type": "read", "prompt": "Settle in."},
            {
                "exercise": "lets-try-that-again",
                "type": "reframe",
                "prompt": "Rewrite it kindly.",
                "answer": "I'm still learning.",
                "versions": ["You idiot.", "I'm still learning.", 3],
                "tries": 2,
                "seconds": 64,
            },
            "not a step",
        ],
        "future_field": {"kept": True},
    }
    record.update(changes)
    return record


def test_a_stored_object_is_parsed_once_into_plain_attributes() -> None:
    reflection = Reflection.parse(stored())
    assert reflection is not None
    assert reflection.id == "abc123abc123"
    assert reflection.started == datetime(2026, 3, 1, 23, 30, tzinfo=ZONE)
    assert reflection.day == date(2026, 3, 1), "the day lived, in its own offset"
    assert reflection.duration_seconds == 307
    assert reflection.exercises == ("lets-try-that-again",)
    assert reflection.ratings.pair("harsh") == (7, 4)
    assert reflection.ratings.pair("tense") == (None, None), "true is not a score"
    assert reflection.ratings.scales() == ("harsh", "tense", "calm")
    assert reflection.ratings.change() == "7 → 4"
    assert reflection.ratings.both("calm") is None
    assert [s.type for s in reflection.steps] == ["read", "reframe"]
    step = reflection.steps[1]
    assert step.versions == ("You idiot.", "I'm still learning.")
    assert step.earlier_tries == ("You idiot.",)
    assert step.seconds == 64.0 and step.tries == 2 and not step.skipped
    assert reflection.steps is reflection.steps, "steps are parsed once and kept"
    assert reflection.raw["future_field"] == {"kept": True}, "the stored object is kept whole"
    assert reflection.when("{day} %B, UTC{offset}") == "1 March, UTC-05:30"


def test_it_is_frozen() -> None:
    reflection = Reflection.parse(stored())
    assert reflection is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        reflection.id = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        reflection.ratings.before["harsh"] = 1  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        reflection.steps[1].answer = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    "broken",
    [
        {"id": "x"},
        {"started_at": "2026-01-01T00:00:00+00:00"},
        stored(id=""),
        stored(id=7),
        stored(started_at="2026-01-01T00:00:00"),
        stored(started_at="9999-12-31T23:59:59-23:59"),
    ],
)
def test_without_an_id_and_a_usable_start_there_is_no_reflection(broken: dict[str, Any]) -> None:
    assert Reflection.parse(broken) is None
    assert as_reflections([broken]) == []


def test_odd_shapes_from_hand_edits_are_read_defensively() -> None:
    reflection = Reflection.parse(
        stored(ratings="none", steps={"a": 1}, exercises="x", situation=5, minutes_planned=True)
    )
    assert reflection is not None
    assert reflection.ratings == Ratings()
    assert reflection.steps == () and reflection.exercises == ()
    assert reflection.situation is None and reflection.minutes_planned is None
    assert Step.parse({"answer": ["a list"], "seconds": -1}).answer is None
    assert Step.parse({"seconds": -1}).seconds is None


def test_minutes_are_capped_and_fall_back_to_step_timings() -> None:
    assert Reflection.parse(stored()).minutes == pytest.approx(307 / 60)  # type: ignore[union-attr]
    open_all_night = stored(ended_at="2026-03-02T09:00:00-05:30")
    assert Reflection.parse(open_all_night).minutes == 15.0  # type: ignore[union-attr]
    no_end = stored(ended_at=None)
    assert Reflection.parse(no_end).minutes == pytest.approx(64 / 60)  # type: ignore[union-attr]
    assert session_minutes(no_end) == pytest.approx(64 / 60)


def test_the_store_insights_index_and_export_all_read_the_same_record(tmp_path: Path) -> None:
    store = ReflectionStore(tmp_path / "data")
    store.save(stored())
    store.save(stored(id="def456def456", started_at="2026-03-03T08:00:00+00:00"))
    typed = store.reflections()
    assert all(isinstance(r, Reflection) for r in typed)
    assert [r.id for r in typed] == ["def456def456", "abc123abc123"]
    assert store.reflection("abc123") == typed[1]
    assert store.reflection("nothing") is None

    insights = compute_insights(typed, date(2026, 3, 10))
    assert insights == compute_insights(store.list(), date(2026, 3, 10)), "dicts still work"
    assert insights.sessions == 2 and insights.harsh_pairs == 2

    index = ReflectionIndex(typed)
    assert [row.id for row in index.filter(Filter(search="STILL LEARNING"))] == [
        "def456def456",
        "abc123abc123",
    ]
    assert index.rows[1].reflection is typed[1]
    assert index.rows[1].harsh_before == 7 and index.rows[1].harsh_after == 4

    assert io.export_json(typed) == io.export_json(store.list())
    assert b'"future_field"' in io.export_json(typed)
    markdown = io.export_markdown(
        typed, titles={}, situations={}, exported_on=datetime(2026, 3, 10)
    )
    assert "*Try 1:* You idiot." in markdown and "(inner voice 7 → 4)" in markdown
