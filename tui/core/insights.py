"""Practice insights: what has been practised, and how the inner voice is changing.

Only practice is counted; nothing here measures what was missed, and a gap is met with a
welcome back, never a broken streak. Weeks without practice are simply not listed.

It reads what each reflection recorded when it was saved (``kind``, and for each rewrite
``noticed`` and ``first_try``), never analysing years of writing again, so 20,000
reflections take a fraction of a second. No Textual here.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from tui.core.atomic import read_bytes, write_atomic
from tui.core.record import Reflection
from tui.core.vault import open_for

if TYPE_CHECKING:
    from tui.core.phrases import Phrase
    from tui.core.storage import ReflectionStore

HEATMAP_WEEKS = 53
WELCOME_BACK_AFTER_DAYS = 7
TREND_WEEKS = 4  # a pattern's last four weeks against the four before
TOP_PATTERNS = 5
TOP_PHRASES = 5
SPARKS = "▁▂▃▄▅▆▇█"
CATCH = "catch"  # tui.core.catch.KIND, without importing the analyser
CACHE_FILE = ".insights-cache.json"
CACHE_VERSION = 3  # 3: only reflections that count as practice


@dataclass
class Week:
    """One week of practice (Monday first); ratings summed so they can be averaged."""

    monday: date
    sessions: int = 0
    catches: int = 0
    rewrites: int = 0
    first_try: int = 0
    ratings: dict[str, list[int]] = field(default_factory=dict)

    def add_rating(self, name: str, value: int) -> None:
        total = self.ratings.setdefault(name, [0, 0])
        total[0] += value
        total[1] += 1

    def average(self, name: str) -> float | None:
        total = self.ratings.get(name)
        return round(total[0] / total[1], 2) if total and total[1] else None

    @property
    def first_try_share(self) -> float | None:
        return self.first_try / self.rewrites if self.rewrites else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "week": self.monday.isoformat(),
            "sessions": self.sessions,
            "catches": self.catches,
            "rewrites": self.rewrites,
            "first_try": self.first_try,
            "harsh_before": self.average("harsh_before"),
            "harsh_after": self.average("harsh_after"),
            "tense_before": self.average("tense_before"),
            "tense_after": self.average("tense_after"),
        }


# How a trend reads, the same in the app and on the command line.
TREND_WORDS = {
    "growing": "more often lately",
    "shrinking": "less often lately",
    "steady": "about as often lately",
}


@dataclass(frozen=True)
class PatternTrend:
    category: str
    count: int
    recent: int  # caught in the last TREND_WEEKS weeks
    earlier: int  # in the TREND_WEEKS weeks before
    # Whether anyone practised in those weeks before: without that, "more often lately" in
    # a first week would compare against nothing.
    compared: bool = True

    @property
    def trend(self) -> str | None:
        if not self.compared:
            return None
        if self.recent > self.earlier:
            return "growing"
        if self.recent < self.earlier:
            return "shrinking"
        return "steady"

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "count": self.count,
            "trend": self.trend,
            "recent": self.recent,
            "earlier": self.earlier,
        }


@dataclass
class Insights:
    sessions: int = 0
    catches: int = 0
    minutes: float = 0.0
    per_day: dict[date, int] = field(default_factory=dict)
    harsh_change: float | None = None  # mean of (after - before); negative is gentler
    tense_change: float | None = None
    harsh_pairs: int = 0
    tense_pairs: int = 0
    top_exercises: list[tuple[str, int]] = field(default_factory=list)
    last: datetime | None = None
    weeks: list[Week] = field(default_factory=list)  # oldest first, practised weeks only
    patterns: list[PatternTrend] = field(default_factory=list)
    top_phrases: list[tuple[str, int]] = field(default_factory=list)

    @property
    def days_practised(self) -> int:
        return len(self.per_day)

    def welcome_back(self, today: date) -> bool:
        return self.last is not None and (today - self.last.date()).days > WELCOME_BACK_AFTER_DAYS

    def to_dict(self) -> dict[str, Any]:
        return {
            "sessions": self.sessions,
            "catches": self.catches,
            "minutes": round(self.minutes, 1),
            "days_practised": self.days_practised,
            "last_practised": self.last.isoformat() if self.last else None,
            "harsh_change": _rounded(self.harsh_change),
            "tense_change": _rounded(self.tense_change),
            "weeks": [week.to_dict() for week in self.weeks],
            "patterns": [pattern.to_dict() for pattern in self.patterns],
            "top_phrases": [{"text": text, "uses": uses} for text, uses in self.top_phrases],
        }


def _rounded(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


def _rating(record: Mapping[str, Any], when: str, key: str) -> int | None:
    ratings = record.get("ratings")
    group = ratings.get(when) if isinstance(ratings, dict) else None
    value = group.get(key) if isinstance(group, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _pair(record: Mapping[str, Any], key: str) -> tuple[int, int] | None:
    before, after = _rating(record, "before", key), _rating(record, "after", key)
    return (before, after) if before is not None and after is not None else None


_monday = functools.lru_cache(maxsize=None)(date.fromisoformat)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def summarise(records: Iterable[Reflection | Mapping[str, Any]]) -> dict[str, Any]:
    """What insights need from some reflections (one month file, usually): counts only,
    no words, and mergeable, so a month is summarised once and cached."""
    summary: dict[str, Any] = {
        "sessions": 0,
        "catches": 0,
        "minutes": 0.0,
        "last": None,
        "last_ts": None,
        "exercises": {},
        "pairs": {},
        "days": {},
        "weeks": {},
    }
    exercises: Counter[str] = Counter()
    days: Counter[str] = Counter()
    pairs: dict[str, list[int]] = {}
    weeks: dict[str, dict[str, Any]] = {}
    caught: dict[str, int] = {}
    last_ts: float | None = None
    for item in records:
        typed = item if isinstance(item, Reflection) else Reflection.parse(item)
        if typed is None or not typed.counts_as_practice:  # kept, but not practice
            continue
        record, started = typed.raw, typed.started
        day = started.date()
        monday = monday_of(day).isoformat()
        week = weeks.get(monday)
        if week is None:
            week = weeks[monday] = {"s": 0, "c": 0, "r": 0, "f": 0, "ratings": {}, "noticed": {}}
        if record.get("kind") == CATCH:
            summary["catches"] += 1
            week["c"] += 1
        else:
            summary["sessions"] += 1
            week["s"] += 1
        summary["minutes"] += typed.minutes
        days[day.isoformat()] += 1
        stamp = started.timestamp()
        if last_ts is None or stamp > last_ts:
            last_ts = stamp
            summary["last"] = started.isoformat()
        for exercise in record.get("exercises") or []:
            if isinstance(exercise, str):
                exercises[exercise] += 1
        ratings = week["ratings"]
        for key in ("harsh", "tense"):
            before, after = _rating(record, "before", key), _rating(record, "after", key)
            for when, value in (("before", before), ("after", after)):
                if value is not None:
                    total = ratings.setdefault(f"{key}_{when}", [0, 0])
                    total[0] += value
                    total[1] += 1
            if before is not None and after is not None:
                pair = pairs.setdefault(key, [0, 0])
                pair[0] += after - before
                pair[1] += 1
        for step in record.get("steps") or ():
            if not isinstance(step, dict) or "original" not in step:
                continue
            if not isinstance(step.get("answer"), str):
                continue
            week["r"] += 1
            if step.get("first_try") is True:
                week["f"] += 1
            noticed = step.get("noticed")
            for category in noticed if isinstance(noticed, list) else ():
                if isinstance(category, str):
                    week["noticed"][category] = week["noticed"].get(category, 0) + 1
                    caught[category] = caught.get(category, 0) + 1
    summary.update(
        exercises=dict(exercises),
        days=dict(days),
        pairs=pairs,
        weeks=weeks,
        last_ts=last_ts,
        noticed=caught,
    )
    return summary


def combine(
    summaries: Iterable[dict[str, Any]],
    today: date,
    phrases: Sequence[Phrase] = (),
    weeks_from: date | None = None,
) -> Insights:
    """Insights from month summaries; ``today`` places the heatmap and the trends.

    ``weeks_from``: list only weeks from then on (the screen charts the last half year;
    building every week of decades was a third of its first paint). Totals and patterns
    still count everything."""
    trend_from = monday_of(today) - timedelta(weeks=2 * TREND_WEEKS - 1)
    weeks_text = min(weeks_from, trend_from).isoformat() if weeks_from is not None else ""
    insights = Insights()
    exercises: Counter[str] = Counter()
    per_day: Counter[date] = Counter()
    pairs: dict[str, list[int]] = {"harsh": [0, 0], "tense": [0, 0]}
    weeks: dict[str, Week] = {}
    noticed: dict[str, Counter[str]] = {}
    caught: Counter[str] = Counter()
    first_text = (today - timedelta(weeks=HEATMAP_WEEKS)).isoformat()
    today_text = today.isoformat()
    last_ts: float | None = None
    for summary in summaries:
        insights.sessions += summary["sessions"]
        insights.catches += summary["catches"]
        insights.minutes += summary["minutes"]
        if summary["last_ts"] is not None and (last_ts is None or summary["last_ts"] > last_ts):
            last_ts = summary["last_ts"]
            insights.last = datetime.fromisoformat(summary["last"])
        for exercise, count in summary["exercises"].items():
            exercises[exercise] += count
        for key, (total, count) in summary["pairs"].items():
            pairs.setdefault(key, [0, 0])
            pairs[key][0] += total
            pairs[key][1] += count
        last_day = summary["last"][:10] if summary["last"] else ""
        # A month that ended before the heatmap's first day has no day to show: skip it.
        for day_text, count in summary["days"].items() if last_day >= first_text else ():
            if first_text <= day_text <= today_text:  # ISO dates sort as text: parse few
                per_day[date.fromisoformat(day_text)] += count
        for category, count in summary["noticed"].items():
            caught[category] += count
        for monday, part in summary["weeks"].items() if last_day >= weeks_text else ():
            if monday < weeks_text:
                continue
            week = weeks.get(monday)
            if week is None:
                week = weeks[monday] = Week(_monday(monday))
            week.sessions += part["s"]
            week.catches += part["c"]
            week.rewrites += part["r"]
            week.first_try += part["f"]
            for name, (total, count) in part["ratings"].items():
                mine = week.ratings.setdefault(name, [0, 0])
                mine[0] += total
                mine[1] += count
            if part["noticed"]:
                counts = noticed.setdefault(monday, Counter())
                for category, count in part["noticed"].items():
                    counts[category] += count
    this_monday = monday_of(today)
    recent_from = (this_monday - timedelta(weeks=TREND_WEEKS - 1)).isoformat()
    earlier_from = (this_monday - timedelta(weeks=2 * TREND_WEEKS - 1)).isoformat()
    recent: Counter[str] = Counter()
    earlier: Counter[str] = Counter()
    for monday, counts in noticed.items():
        if monday >= recent_from:
            recent.update(counts)
        elif monday >= earlier_from:
            earlier.update(counts)
    insights.per_day = dict(per_day)
    insights.weeks = [
        weeks[monday]
        for monday in sorted(weeks)
        if weeks_from is None or monday >= weeks_from.isoformat()
    ]
    insights.harsh_pairs, insights.tense_pairs = pairs["harsh"][1], pairs["tense"][1]
    insights.harsh_change = pairs["harsh"][0] / pairs["harsh"][1] if pairs["harsh"][1] else None
    insights.tense_change = pairs["tense"][0] / pairs["tense"][1] if pairs["tense"][1] else None
    insights.top_exercises = exercises.most_common(5)
    compared = any(
        earlier_from <= monday < recent_from and (week.sessions or week.catches)
        for monday, week in weeks.items()
    )
    insights.patterns = [
        PatternTrend(category, count, recent[category], earlier[category], compared)
        for category, count in caught.most_common(TOP_PATTERNS)
    ]
    used = sorted((p for p in phrases if p.uses > 0), key=lambda p: p.uses, reverse=True)
    insights.top_phrases = [(p.text, p.uses) for p in used[:TOP_PHRASES]]
    return insights


def compute_insights(
    records: Iterable[Reflection | Mapping[str, Any]],
    today: date,
    phrases: Sequence[Phrase] = (),
) -> Insights:
    return combine([summarise(records)], today, phrases)


def _file_identity(path: Path) -> list[int] | None:
    try:
        stat = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


class SummaryCache:
    """Month summaries (counts only, no words) kept in ``.insights-cache.json``, each under
    its month file's identity, which every atomic replace changes. Only months that changed
    are read again: at 20,000 reflections that is ~0.1 s instead of ~0.5 s. A cache that
    can't be read or written is simply rebuilt or skipped."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / CACHE_FILE
        self._months: dict[str, Any] | None = None
        self._listed: list[tuple[Path, list[int] | None]] | None = None

    def _load(self) -> dict[str, Any]:
        if self._months is None:
            self._months = {}
            try:
                raw = read_bytes(self.path)  # never through a link
                if raw is not None:
                    raw = open_for(self.path, raw)  # sealed, like every file, under a lock
                data = orjson.loads(raw) if raw is not None else None
            except (OSError, orjson.JSONDecodeError):  # VaultLocked is an OSError: rebuild
                data = None
            if isinstance(data, dict) and data.get("v") == CACHE_VERSION:
                self._months = data.get("months") or {}
        return self._months

    def stale(self, store: ReflectionStore) -> int:
        """How many month files would have to be read again (a few stats, no reading)."""
        months = self._load()
        listed = [(path, _file_identity(path)) for _key, path in store._months()]
        self._listed = listed  # the next ``summaries`` needn't list and stat them again
        count = 0
        for path, identity in listed:
            cached = months.get(path.name)
            if cached is None or cached.get("id") != identity:
                count += 1
        return count

    def forget_listing(self) -> None:
        """Before summarising later (in a thread): files may change meanwhile, so stat again."""
        self._listed = None

    def summaries(self, store: ReflectionStore) -> list[dict[str, Any]]:
        months = self._load()
        found: list[dict[str, Any]] = []
        fresh: dict[str, Any] = {}
        changed = False
        listed, self._listed = self._listed, None
        if listed is None:
            listed = [(path, _file_identity(path)) for _key, path in store._months()]
        for path, identity in listed:
            cached = months.get(path.name)
            if identity is not None and cached is not None and cached.get("id") == identity:
                fresh[path.name] = cached
                found.append(cached["summary"])
                continue
            raw = store._read_month_bytes(path)
            content = store._parse_for_reading(path, raw) if raw is not None else None
            if content is None:
                continue
            summary = summarise(content.records)
            found.append(summary)
            changed = True
            if identity is not None and not content.problems:
                fresh[path.name] = {"id": identity, "summary": summary}
        if changed or set(fresh) != set(months):
            self._months = fresh
            if store.data_dir.is_dir():
                with contextlib.suppress(OSError):
                    write_atomic(self.path, orjson.dumps({"v": CACHE_VERSION, "months": fresh}))
        return found


def load_insights(
    store: ReflectionStore,
    today: date,
    cache: SummaryCache | None = None,
    weeks_from: date | None = None,
) -> Insights:
    """Insights of everything in the store, with your most-used kind words."""
    from tui.core.phrases import PhraseStore

    cache = cache or SummaryCache(store.data_dir)
    try:
        kind_words = PhraseStore(store.data_dir).list()
    except Exception:  # kind words are a bonus here; their own screen reports problems
        kind_words = []
    return combine(cache.summaries(store), today, kind_words, weeks_from)


def spark(values: Sequence[float | None], top: float | None = None) -> str:
    """One character per value, ▁ to █ (a space for no value): a chart in a line of text."""
    known = [v for v in values if v is not None]
    high = top if top is not None else max(known, default=0.0)
    line = []
    for value in values:
        if value is None:
            line.append(" ")
        elif high <= 0:
            line.append(SPARKS[0])
        else:
            level = round(max(0.0, min(value, high)) / high * (len(SPARKS) - 1))
            line.append(SPARKS[level])
    return "".join(line)


def recent_weeks(weeks: Sequence[Week], today: date, count: int) -> list[Week]:
    """The last ``count`` calendar weeks ending this week, newest last; empty weeks included
    (as blank columns) so the chart's time runs evenly."""
    by_monday = {week.monday: week for week in weeks}
    this_monday = monday_of(today)
    mondays = [this_monday - timedelta(weeks=n) for n in range(count - 1, -1, -1)]
    return [by_monday.get(monday, Week(monday)) for monday in mondays]


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
