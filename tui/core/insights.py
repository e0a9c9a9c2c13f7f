"""Practice insights: what has been practised, counted kindly.

Only practice is counted; nothing here measures what was missed, and a gap is met with a
welcome back, never a broken streak.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from tui.core.record import Reflection, as_reflections

HEATMAP_WEEKS = 53
WELCOME_BACK_AFTER_DAYS = 7


@dataclass
class Insights:
    sessions: int = 0
    minutes: float = 0.0
    per_day: dict[date, int] = field(default_factory=dict)
    harsh_change: float | None = None  # mean of (after - before); negative is gentler
    tense_change: float | None = None
    harsh_pairs: int = 0
    tense_pairs: int = 0
    top_exercises: list[tuple[str, int]] = field(default_factory=list)
    last: datetime | None = None

    @property
    def days_practised(self) -> int:
        return len(self.per_day)

    def welcome_back(self, today: date) -> bool:
        return self.last is not None and (today - self.last.date()).days > WELCOME_BACK_AFTER_DAYS


def compute_insights(records: Iterable[Reflection | Mapping[str, Any]], today: date) -> Insights:
    """Totals, practice days and how the ratings moved, from typed reflections (stored
    objects are parsed once on the way in)."""
    insights = Insights()
    exercises: Counter[str] = Counter()
    harsh: list[int] = []
    tense: list[int] = []
    first_day = today - timedelta(weeks=HEATMAP_WEEKS)
    per_day: Counter[date] = Counter()
    for reflection in as_reflections(records):
        started = reflection.started
        insights.sessions += 1
        insights.minutes += reflection.minutes
        day = reflection.day
        if first_day <= day <= today:
            per_day[day] += 1
        if insights.last is None or started > insights.last:
            insights.last = started
        exercises.update(reflection.exercises)
        for key, bucket in (("harsh", harsh), ("tense", tense)):
            pair = reflection.ratings.both(key)
            if pair is not None:
                bucket.append(pair[1] - pair[0])
    insights.per_day = dict(per_day)
    insights.harsh_pairs, insights.tense_pairs = len(harsh), len(tense)
    insights.harsh_change = sum(harsh) / len(harsh) if harsh else None
    insights.tense_change = sum(tense) / len(tense) if tense else None
    insights.top_exercises = exercises.most_common(5)
    return insights


def heatmap(
    per_day: dict[date, int], today: date, weeks: int = HEATMAP_WEEKS
) -> list[list[int | None]]:
    """Seven rows (Monday first) by ``weeks`` columns ending this week; None for days to come."""
    this_monday = today - timedelta(days=today.weekday())
    first_monday = this_monday - timedelta(weeks=weeks - 1)
    grid: list[list[int | None]] = [[None] * weeks for _ in range(7)]
    for column in range(weeks):
        for weekday in range(7):
            day = first_monday + timedelta(weeks=column, days=weekday)
            grid[weekday][column] = None if day > today else per_day.get(day, 0)
    return grid
