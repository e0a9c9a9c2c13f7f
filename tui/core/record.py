"""A reflection as the rest of kindtone reads it: typed, frozen, parsed once from storage.

The store keeps reflections as JSON objects, and a file may come from an older kindtone, an
import or a hand edit, so every field is read defensively, here and only here. Insights, the
reflections index, export, the command line and the screens then read plain attributes instead
of re-checking ``isinstance`` on nested dicts in four places. ``raw`` keeps the stored object
exactly (unknown fields included) for the lossless JSON export.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from types import MappingProxyType
from typing import Any, Generic, TypeVar, overload

from tui.core.timestamps import parse_aware, spoken_date

# A catch (tui.core.catch) is a reflection of its own kind that runs no exercise: its kind and
# the name it is listed under, here where every reader of reflections can see them.
CATCH_KIND = "catch"
CATCH_TITLE = "Caught in the moment"

__all__ = [
    "SCALES",
    "Ratings",
    "Reflection",
    "Step",
    "as_reflections",
    "earlier_tries",
]

# The two scales a check-in asks, in the order they are shown; others (from a newer kindtone
# or an import) follow by name.
SCALES = ("harsh", "tense")
# A session longer than this was almost certainly a window left open, not practice.
MAX_SESSION_MINUTES = 60.0

# The direct question's answers (tui.core.flow.ASK_CHOICES), as a reflection reads them back.
_ASK_ANSWERS = {"yes": "yes, or not sure", "no": "no, safe", "rather-not": "rather not say"}
_EMPTY: Mapping[str, int | None] = MappingProxyType({})
_T = TypeVar("_T")


def earlier_tries(versions: Sequence[str], kept: object) -> list[str]:
    """The "let's try that again" versions before the one that was kept (all of them when
    none was kept, or the kept words are not the last try)."""
    if versions and versions[-1] == kept:
        return list(versions[:-1])
    return list(versions)


class cached_property(Generic[_T]):
    """``functools.cached_property`` without its per-access lock (Python 3.11 takes one, which
    doubles the cost of reading a 20,000-reflection history). Computed once per instance, then
    read straight from the instance's ``__dict__``; a frozen dataclass can use it."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object, owner: type | None = None) -> _T | cached_property[_T]:
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def _scores(value: object) -> Mapping[str, int | None]:
    """One side of the ratings: each scale's 0-10 score, None where it was skipped."""
    if not isinstance(value, dict) or not value:
        return _EMPTY
    return MappingProxyType(
        {
            str(scale): score if type(score) is int else None  # bool is not a score
            for scale, score in value.items()
        }
    )


@dataclass(frozen=True)
class Ratings:
    """The check-in (``before``) and check-out (``after``) ratings; every one can be skipped."""

    before: Mapping[str, int | None] = field(default_factory=lambda: _EMPTY)
    after: Mapping[str, int | None] = field(default_factory=lambda: _EMPTY)

    @classmethod
    def parse(cls, value: object) -> Ratings:
        if not isinstance(value, dict):
            return _NO_RATINGS
        return cls(before=_scores(value.get("before")), after=_scores(value.get("after")))

    def pair(self, scale: str) -> tuple[int | None, int | None]:
        return self.before.get(scale), self.after.get(scale)

    def both(self, scale: str) -> tuple[int, int] | None:
        """Before and after, only when both were given: what a change can be measured on."""
        before, after = self.pair(scale)
        return (before, after) if before is not None and after is not None else None

    def change(self, scale: str = "harsh") -> str | None:
        """``"7 → 4"``, with ``–`` for a skipped side; None when both were skipped."""
        before, after = self.pair(scale)
        if before is None and after is None:
            return None
        return f"{'–' if before is None else before} → {'–' if after is None else after}"

    def scales(self) -> tuple[str, ...]:
        """Scales present in either check-in, the usual two first."""
        found = list(dict.fromkeys([*self.before, *self.after]))
        order = list(SCALES)
        return tuple(sorted(found, key=lambda s: (order.index(s) if s in order else len(order), s)))


_NO_RATINGS = Ratings()


@dataclass(frozen=True)
class Step:
    """One step as it was shown and answered. ``answer`` is None when skipped or not asked."""

    type: str = "step"
    prompt: str = ""
    answer: str | int | None = None
    exercise: str | None = None
    index: int | None = None
    id: str | None = None
    versions: tuple[str, ...] = ()
    tries: int | None = None
    skipped: bool = False
    seconds: float | None = None

    @classmethod
    def parse(cls, value: Mapping[str, Any]) -> Step:
        answer = value.get("answer")
        seconds = value.get("seconds")
        return cls(
            type=_text(value.get("type")) or "step",
            prompt=_text(value.get("prompt")) or "",
            answer=answer if isinstance(answer, str) or _is_int(answer) else None,
            exercise=_text(value.get("exercise")),
            index=value.get("index") if _is_int(value.get("index")) else None,
            id=_text(value.get("id")),
            versions=_texts(value.get("versions")),
            tries=value.get("tries") if _is_int(value.get("tries")) else None,
            skipped=value.get("skipped") is True,
            seconds=float(seconds)
            if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) and seconds >= 0
            else None,
        )

    @property
    def earlier_tries(self) -> tuple[str, ...]:
        """The "let's try that again" versions before the one that was kept."""
        return tuple(earlier_tries(self.versions, self.answer))

    @property
    def written(self) -> bool:
        """A step where the person could write or choose (not reading or breathing)."""
        return self.type not in ("read", "breathe")


@dataclass(frozen=True)
class Reflection:
    """One saved session. Only ``id`` and ``started`` are required of a stored record.

    Everything else is read from ``raw`` (the stored object, kept whole for the lossless JSON
    export) on first use and kept, defensively: a count or a list of 20,000 reflections pays
    only for the id and the start, and nobody re-checks the nested shape after this.
    """

    id: str
    started: datetime
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, hash=False)

    @classmethod
    def parse(cls, record: Mapping[str, Any]) -> Reflection | None:
        """The typed reflection, or None without a usable ``id`` and ``started_at``."""
        rid = record.get("id")
        started = parse_aware(record.get("started_at"))
        if not isinstance(rid, str) or not rid or started is None:
            return None
        return cls(rid, started, record)

    @cached_property
    def ended(self) -> datetime | None:
        return parse_aware(self.raw.get("ended_at"))

    @property
    def completed(self) -> bool:
        return self.raw.get("completed") is True

    @property
    def is_catch(self) -> bool:
        return self.raw.get("kind") == CATCH_KIND

    @property
    def shows_ratings(self) -> bool:
        """Whether the ratings get a line when it is read: a catch asks none, so saying they
        were "skipped" would be wrong."""
        ratings = self.ratings
        rated = any(ratings.pair(scale) != (None, None) for scale in ratings.scales())
        return rated or not self.is_catch

    @property
    def counts_as_practice(self) -> bool:
        """Finished, with something written: what "practised N times", the minutes and the
        insights count (the one place that decides). A session left midway or one where
        every box stayed empty is still kept and listed, just not counted as practice.

        Read straight from ``raw``: insights ask this of every reflection ever saved."""
        if self.raw.get("completed") is not True:
            return False
        steps = self.raw.get("steps")
        return isinstance(steps, list) and any(
            isinstance(step, dict)
            and isinstance(answer := step.get("answer"), str)
            and not answer.isspace()
            and answer != ""
            for step in steps
        )

    @property
    def crisis(self) -> bool:
        """Support options were shown during the session."""
        return self.raw.get("crisis") is True

    @property
    def situation(self) -> str | None:
        return _text(self.raw.get("situation")) or None

    @property
    def minutes_planned(self) -> int | None:
        planned = self.raw.get("minutes_planned")
        return planned if _is_int(planned) else None

    @property
    def schema(self) -> int:
        schema = self.raw.get("schema", 1)
        return schema if _is_int(schema) else 1

    @cached_property
    def exercises(self) -> tuple[str, ...]:
        return _texts(self.raw.get("exercises"))

    @cached_property
    def ratings(self) -> Ratings:
        return Ratings.parse(self.raw.get("ratings"))

    @cached_property
    def steps(self) -> tuple[Step, ...]:
        return tuple(Step.parse(s) for s in self.stored_steps())

    def stored_steps(self) -> builtins.list[Mapping[str, Any]]:
        """The steps as stored, one for each of ``steps``: for what only the stored object
        keeps (the harsh words a rewrite answered)."""
        raw = self.raw.get("steps")
        return [s for s in raw if isinstance(s, dict)] if isinstance(raw, list) else []

    @property
    def day(self) -> date:
        """The day it was lived: the date in its own offset."""
        return self.started.date()

    def when(self, fmt: str = "%Y-%m-%d %H:%M") -> str:
        """When it started, in the offset it was written in.

        ``{day}`` in ``fmt`` is the day of the month without a leading zero (``%-d`` is not
        portable) and ``{offset}`` the UTC offset as ``+01:00``.
        """
        minutes = round((self.started.utcoffset() or timedelta()).total_seconds() / 60)
        offset = f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return spoken_date(self.started, fmt.replace("{offset}", offset))

    @property
    def duration_seconds(self) -> float | None:
        if self.ended is None:
            return None
        return max(0.0, (self.ended - self.started).total_seconds())

    @property
    def minutes(self) -> float:
        """Minutes practised, capped so a window left open does not count as hours.

        The cap is generous (three times the plan, at least 15 minutes, at most an hour).
        Without an end (a crash, a session closed early) the steps' own timings are used.
        """
        cap = MAX_SESSION_MINUTES
        if self.minutes_planned is not None and self.minutes_planned > 0:
            cap = min(MAX_SESSION_MINUTES, max(15.0, 3.0 * float(self.minutes_planned)))
        if self.ended is not None:
            minutes = (self.ended - self.started).total_seconds() / 60.0
        else:
            minutes = sum(s.seconds or 0.0 for s in self.steps) / 60.0
        return min(max(minutes, 0.0), cap)

    @cached_property
    def words(self) -> str:
        """What was written and asked, casefolded, for search (a newline between answers, so a
        search can't match across two). Read straight from ``raw``: four times faster than
        building every step first, and search-as-you-type indexes the whole history."""
        return "\n".join(self._word_parts()).casefold()

    def _word_parts(self) -> Iterator[str]:
        yield from self.exercises
        if self.situation:
            yield self.situation
        steps = self.raw.get("steps")
        for step in steps if isinstance(steps, list) else ():
            if not isinstance(step, dict):
                continue
            for key in ("prompt", "answer"):
                value = step.get(key)
                if isinstance(value, str):
                    yield value
            versions = step.get("versions")
            if isinstance(versions, list):
                yield from (v for v in versions if isinstance(v, str))

    def asked(self, titles: Mapping[str, str]) -> builtins.list[str]:
        """Each time the direct question was asked, and the answer, as the reflection keeps
        it: someone reading their reflection back sees what they told kindtone. Plain text
        (callers show it literally, or make controls visible)."""
        checks = self.raw.get("safety_checks")
        lines = []
        for check in checks if isinstance(checks, list) else []:
            if not isinstance(check, dict):
                continue
            answer = check.get("answer")
            said = _ASK_ANSWERS.get(answer, str(answer)) if answer else "no answer"
            where, step = check.get("exercise"), check.get("step")
            name = " ".join(
                (titles.get(where, where) if isinstance(where, str) else str(where)).split()
            )
            place = f" (at {name}" if where else ""
            if place and isinstance(step, int) and not isinstance(step, bool):
                place += f", step {step + 1}"
            lines.append(
                f"thoughts of ending life or self-harm? {said}{place + ')' if place else ''}"
            )
        return lines

    def sort_key(self) -> tuple[datetime, str]:
        """Oldest first by instant, ties by id."""
        return (self.started.astimezone(UTC), self.id)

    def to_dict(self) -> dict[str, Any]:
        """The stored object (a copy), for JSON output."""
        return dict(self.raw)


def as_reflections(records: Iterable[Reflection | Mapping[str, Any]]) -> builtins.list[Reflection]:
    """Typed reflections from either kind, parsing stored objects once; unusable ones dropped."""
    found: builtins.list[Reflection] = []
    for record in records:
        if isinstance(record, Reflection):
            found.append(record)
        else:
            parsed = Reflection.parse(record)
            if parsed is not None:
                found.append(parsed)
    return found
