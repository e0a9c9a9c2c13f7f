"""A loaded history, ready for search-as-you-type and filters at ten years of daily use.

The reflections screen loads every reflection once (in the background) and keeps one row
per reflection with its words casefolded, so each keystroke is a scan of short strings in
memory instead of a read of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tui.core.record import Reflection, as_reflections
from tui.core.storage import searchable_text
from tui.core.text import strip_controls


@dataclass(frozen=True)
class Row:
    """One reflection in the list: the typed record, and its words casefolded for search."""

    reflection: Reflection
    text: str  # casefolded words for search

    @classmethod
    def of(cls, reflection: Reflection) -> Row:
        steps = reflection.raw.get("steps")
        # A record of another shape (an older kindtone, an import) is searched field by field.
        text = reflection.words if isinstance(steps, list) else searchable_text(reflection.raw)
        return cls(reflection, text)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Row | None:
        reflection = Reflection.parse(record)
        return None if reflection is None else cls.of(reflection)

    @property
    def id(self) -> str:
        return self.reflection.id

    @property
    def started(self) -> datetime:
        return self.reflection.started

    @property
    def day(self) -> date:
        return self.reflection.day

    @property
    def exercises(self) -> tuple[str, ...]:
        if self.reflection.raw.get("kind") == "catch":  # tui.core.catch.KIND: filtered like one
            return ("catch",)
        return self.reflection.exercises

    @property
    def situation(self) -> str | None:
        return self.reflection.situation

    @property
    def completed(self) -> bool:
        return self.reflection.completed

    @property
    def harsh_before(self) -> int | None:
        return self.reflection.ratings.before.get("harsh")

    @property
    def harsh_after(self) -> int | None:
        return self.reflection.ratings.after.get("harsh")


def read_day(text: str) -> tuple[date | None, str | None]:
    """A date typed into a filter: (the day, None), (None, None) when empty, or (None, why).

    "2026-13-45" must not be ignored silently: the person would think the filter is on.
    """
    typed = text.strip()
    if not typed:
        return None, None
    try:
        if len(typed) != 10:
            raise ValueError
        return date.fromisoformat(typed), None
    except ValueError:
        return None, f"“{strip_controls(typed)[:20]}” is not a date like 2026-11-25"


@dataclass(frozen=True)
class Filter:
    search: str = ""
    exercise: str | None = None
    situation: str | None = None
    start: date | None = None
    end: date | None = None

    def matches(self, row: Row, needle: str) -> bool:
        if self.exercise is not None and self.exercise not in row.exercises:
            return False
        if self.situation is not None and row.situation != self.situation:
            return False
        if self.start is not None and row.day < self.start:
            return False
        if self.end is not None and row.day > self.end:
            return False
        return not needle or needle in row.text


class ReflectionIndex:
    def __init__(self, records: Iterable[Reflection | Mapping[str, Any]] = ()) -> None:
        rows = [Row.of(reflection) for reflection in as_reflections(records)]
        rows.sort(key=lambda r: r.started, reverse=True)
        self.rows = rows
        self._last: tuple[Filter, str, list[Row]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def filter(self, criteria: Filter) -> list[Row]:
        """Typing one more letter only narrows the last result, so keystrokes stay cheap."""
        needle = criteria.search.strip().casefold()
        narrowing = (criteria.exercise, criteria.situation, criteria.start, criteria.end)
        pool = self.rows
        if self._last is not None:
            last_criteria, last_needle, last_rows = self._last
            last_narrowing = (
                last_criteria.exercise,
                last_criteria.situation,
                last_criteria.start,
                last_criteria.end,
            )
            if last_narrowing == narrowing and last_needle and needle.startswith(last_needle):
                pool = last_rows
        if narrowing == (None, None, None, None):
            rows = [row for row in pool if needle in row.text] if needle else self.rows
        else:
            rows = [row for row in pool if criteria.matches(row, needle)]
        self._last = (criteria, needle, rows)
        return rows

    def remove(self, reflection_id: str) -> None:
        self.rows = [row for row in self.rows if row.id != reflection_id]
        self._last = None

    def exercises(self) -> list[str]:
        return sorted({e for row in self.rows for e in row.exercises})
