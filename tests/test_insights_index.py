"""Insights and the in-memory reflection index, on records shaped like real ones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tui.core.insights import compute_insights, heatmap
from tui.core.reflection_index import Filter, ReflectionIndex


def record(
    n: int, day: date, exercises: list[str], text: str, before: int | None, after: int | None
) -> dict[str, Any]:
    start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    return {
        "id": f"{n:032x}",
        "schema": 1,
        "started_at": start.isoformat(),
        "ended_at": (start + timedelta(minutes=5)).isoformat(),
        "completed": True,
        "situation": "critic" if n % 2 else "overwhelmed",
        "minutes_planned": 5,
        "exercises": exercises,
        "ratings": {"before": {"harsh": before, "tense": 5}, "after": {"harsh": after, "tense": 4}},
        "steps": [{"type": "write", "prompt": "What is the critic saying?", "answer": text}],
        "crisis": False,
    }


TODAY = date(2026, 11, 25)
RECORDS = [
    record(1, TODAY - timedelta(days=1), ["shifting-tone"], "I felt Clumsy today", 8, 4),
    record(2, TODAY - timedelta(days=1), ["settling-breath"], "breathing helped", 6, None),
    record(3, TODAY - timedelta(days=40), ["shifting-tone", "just-a-thought"], "work", 7, 5),
    record(4, TODAY - timedelta(days=800), ["just-a-thought"], "long ago", None, None),
]


def test_insights_count_practice() -> None:
    insights = compute_insights(RECORDS, TODAY)
    assert insights.sessions == 4
    assert insights.minutes == 20
    assert insights.per_day == {TODAY - timedelta(days=1): 2, TODAY - timedelta(days=40): 1}
    assert insights.harsh_change == ((4 - 8) + (5 - 7)) / 2
    assert insights.harsh_pairs == 2
    assert insights.tense_change == -1
    assert insights.top_exercises[:2] == [("shifting-tone", 2), ("just-a-thought", 2)]
    assert not insights.welcome_back(TODAY)
    assert insights.welcome_back(TODAY + timedelta(days=30))


def test_heatmap_shape_and_future_days() -> None:
    grid = heatmap({TODAY: 3, TODAY - timedelta(days=7): 1}, TODAY)
    assert len(grid) == 7 and all(len(row) == 53 for row in grid)
    weekday = TODAY.weekday()
    assert grid[weekday][-1] == 3
    assert grid[weekday][-2] == 1
    assert all(grid[d][-1] is None for d in range(weekday + 1, 7))


def test_index_search_and_filters() -> None:
    index = ReflectionIndex(RECORDS)
    assert [r.id for r in index.rows] == [r["id"] for r in RECORDS]  # newest first
    assert [r.id for r in index.filter(Filter(search="clumsy"))] == [RECORDS[0]["id"]]
    assert [r.id for r in index.filter(Filter(search="CRITIC IS"))] == []
    assert len(index.filter(Filter(search="critic"))) == 4  # prompts are searched too
    assert [r.id for r in index.filter(Filter(exercise="just-a-thought"))] == [
        RECORDS[2]["id"],
        RECORDS[3]["id"],
    ]
    assert len(index.filter(Filter(situation="critic"))) == 2
    assert len(index.filter(Filter(start=TODAY - timedelta(days=50), end=TODAY))) == 3
    index.remove(RECORDS[0]["id"])
    assert len(index) == 3
    assert index.exercises() == ["just-a-thought", "settling-breath", "shifting-tone"]


def test_index_skips_unreadable_records() -> None:
    index = ReflectionIndex([{"id": "x"}, {"started_at": "2026-01-01T00:00:00+00:00"}])
    assert len(index) == 0


def test_narrowing_search_reuses_the_last_result_and_widening_does_not() -> None:
    index = ReflectionIndex(RECORDS)
    assert len(index.filter(Filter(search="c"))) == 4  # every prompt mentions the critic
    assert [r.id for r in index.filter(Filter(search="cl"))] == [RECORDS[0]["id"]]
    assert len(index.filter(Filter(search="c"))) == 4  # back to a shorter needle: all again
    assert index.filter(Filter(search="e", exercise="settling-breath"))[0].id == RECORDS[1]["id"]
