"""The reflection store: what people wrote in hard moments, kept safe on their own disk.

Layout (under the data dir)::

    draft.json                  one unfinished session, so a crash loses nothing
    reflections/.lock           cross-process lock (filelock) for every read-modify-write
    reflections/2026-11.json    one TinyDB file per month of ``started_at`` *in UTC*
    reflections/2026-10.json.damaged-20261125T173000   a file that could not be read, set aside

Why one file per month: TinyDB rewrites a whole file on every write, so one big file makes
saving slower as the history grows (measured: ~0.8 s at 50k records). A month holds a few dozen
reflections, so a save stays fast at any history size, and "the newest ten" reads one or two
files. Why UTC months: the file a reflection lives in must follow the order of the instants, so
that ``list`` can stop at older months once it has enough; keying by each reflection's own offset
would let a reflection written just after midnight in Sydney sort into the wrong month. Dates a
person sees (``since``, days practised) use each reflection's own offset instead, because that is
the day they lived.

The TinyDB format is kept (``{"reflections": {"1": {...}, "2": {...}}}``) so the files stay
readable with TinyDB itself; the storage only swaps in orjson and atomic replacement.

A reflection's ``started_at`` is treated as fixed for a given ``id``: ``save`` only ever touches
the month of the reflection it is given, so moving a reflection to another month would leave the
old copy behind.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import os
import re
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from tui.core.atomic import write_atomic
from tui.core.timestamps import parse_aware
from tui.core.vault import attach, is_sealed, open_for
from tui.paths import ensure_private_dir

__all__ = [
    "PracticeSummary",
    "ReflectionStore",
    "StoreError",
    "month_key",
    "searchable_text",
    "session_minutes",
]

Reflection = dict[str, Any]

TABLE = "reflections"
REFLECTIONS_DIR = "reflections"
DRAFT_FILE = "draft.json"
LOCK_FILE = ".lock"
# Long enough for a slow disk under another window's save, short enough that a wedged process
# turns into a clear message instead of a frozen app.
LOCK_TIMEOUT_SECONDS = 10.0
MIN_ID_PREFIX = 6
# A session longer than this was almost certainly a window left open, not practice.
MAX_SESSION_MINUTES = 60.0

_MONTH_FILE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])\.json$")
_DOC_ID = re.compile(r"^(0|[1-9][0-9]*)$")
# Structural values that would make searches noisy: "bad" is a substring of many hex ids, and
# every step has a type such as "write".
_NOT_SEARCHED = frozenset({"id", "type", "schema", "started_at", "ended_at"})
# UTF-8 starts of the 19 non-ASCII characters whose casefold contains ASCII letters
# (ß İ ŉ ſ ǰ ẖ-ẚ ẞ K ﬀ-ﬆ), from Python 3.11's Unicode data; a test re-checks the running one.
_FOLDS_TO_ASCII_UTF8 = (
    b"\xc3\x9f",
    b"\xc4\xb0",
    b"\xc5\x89",
    b"\xc5\xbf",
    b"\xc7\xb0",
    b"\xe1\xba",
    b"\xe2\x84\xaa",
    b"\xef\xac",
)
_ASCII = bytes(range(128))
# A locked file whose authentication tag fails: changed or damaged since it was written.
_SEAL_BROKEN = "it is locked, and it was changed or damaged after it was written"


class StoreError(Exception):
    """Something the person should be told about, in words they can act on."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class PracticeSummary:
    """Practice counted kindly: totals only, never streaks."""

    sessions: int = 0
    minutes: float = 0.0
    days_practised: int = 0
    last_practised: datetime | None = None


# --- the file format ---------------------------------------------------------------------


class _Damaged(Exception):
    """The file as a whole cannot be trusted (not JSON, or not TinyDB's shape)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _MonthContent:
    """A parsed month file: good records, plus what had to be skipped and the original bytes."""

    tables: dict[str, dict[str, Any]]
    records: builtins.list[Reflection]
    problems: builtins.list[str] = field(default_factory=builtins.list)
    raw: bytes = b""


def parse_started_at(value: object) -> datetime | None:
    """``started_at`` as an aware datetime, or None if it is missing, malformed or naive."""
    return parse_aware(value)


def month_key(started_at: str) -> str:
    """The month file a reflection belongs in: ``YYYY-MM`` of ``started_at`` in UTC."""
    parsed = parse_started_at(started_at)
    if parsed is None:
        raise StoreError(
            f"'started_at' must be an ISO 8601 date-time with an offset: {started_at!r}"
        )
    return _month_of(parsed.astimezone(UTC))


def _month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _why_invalid(record: object) -> str | None:
    """Why a record cannot be listed, or None: the store needs an id and a sortable time."""
    if not isinstance(record, dict):
        return f"it is {type(record).__name__}, not an object"
    rid = record.get("id")
    if not isinstance(rid, str) or not rid.strip():
        return "it has no 'id'"
    if "started_at" not in record:
        return "it has no 'started_at'"
    if parse_started_at(record["started_at"]) is None:
        return "its 'started_at' is not a date-time with a UTC offset"
    return None


def parse_month(raw: bytes) -> _MonthContent:
    """Parse and check a month file; bad entries are reported, never silently dropped."""
    if not raw.strip():
        raise _Damaged("the file is empty")
    if is_sealed(raw):
        raise _Damaged(_SEAL_BROKEN)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise _Damaged(f"it is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise _Damaged(f"expected a JSON object at the top level, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise _Damaged(f"table {name!r} should be an object, found {type(table).__name__}")
    raw_table: dict[str, Any] = data.get(TABLE, {})
    clean: dict[str, Any] = {}
    records: builtins.list[Reflection] = []
    problems: builtins.list[str] = []
    for doc_id, record in raw_table.items():
        why = (
            "its key is not a TinyDB document number"
            if not _DOC_ID.match(doc_id)
            else _why_invalid(record)
        )
        if why is not None:
            problems.append(f"entry {doc_id!r}: {why}")
            continue
        clean[doc_id] = record
        records.append(record)
    if problems:
        data[TABLE] = clean
    return _MonthContent(tables=data, records=records, problems=problems, raw=raw)


def _why_not_a_draft(raw: bytes) -> str | None:
    if is_sealed(raw):
        return _SEAL_BROKEN
    try:
        draft = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return f"it is not valid JSON ({exc})"
    return None if isinstance(draft, dict) else f"expected an object, found {type(draft).__name__}"


def _read_bytes(path: Path) -> bytes | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return open_for(path, raw)


class MonthStorage(Storage):
    """TinyDB storage for one month file: orjson, atomic replace, and nothing lost on rewrite.

    It reads the file on every call (no cache) so a write under the lock always starts from
    what is on disk now, not from what this process saw earlier. Before rewriting a file that
    had unreadable entries it hands the original bytes to ``preserve``, because TinyDB would
    otherwise write the file back without them.
    """

    def __init__(
        self, path: Path, preserve: Callable[[Path, _MonthContent], None] | None = None
    ) -> None:
        super().__init__()
        self.path = path
        self._preserve = preserve
        self._last: _MonthContent | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        raw = _read_bytes(self.path)
        if raw is None:
            self._last = None
            return None
        self._last = parse_month(raw)
        return self._last.tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._preserve is not None and self._last is not None and self._last.problems:
            self._preserve(self.path, self._last)
            self._last = None
        write_atomic(self.path, orjson.dumps(data))


# --- helpers on records ------------------------------------------------------------------


def _instant(record: Reflection) -> float:
    parsed = parse_started_at(record.get("started_at"))
    return parsed.timestamp() if parsed is not None else float("-inf")


def _newest_first(records: builtins.list[Reflection]) -> builtins.list[Reflection]:
    return sorted(records, key=lambda r: (_instant(r), str(r.get("id"))), reverse=True)


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_SEARCHED:
                yield from _texts(item)
    elif isinstance(value, builtins.list):
        for item in value:
            yield from _texts(item)


def _matches(record: Reflection, needle: str) -> bool:
    return any(needle in text.casefold() for text in _texts(record))


def searchable_text(record: Reflection) -> str:
    """All of a reflection's words, casefolded, for search-as-you-type over a loaded history.

    The same texts ``list(search=...)`` looks at; joined by a newline so a search can't match
    across two answers.
    """
    return "\n".join(text.casefold() for text in _texts(record))


def session_minutes(record: Reflection) -> float:
    """Minutes practised in one reflection (0 when it has no readable start)."""
    started = parse_started_at(record.get("started_at"))
    return _session_minutes(record, started) if started is not None else 0.0


def _may_contain(raw: bytes, needle: str) -> bool:
    """Cheap test on a file's bytes so a search can skip a month without parsing it.

    It only says "no" when that is certain; a "maybe" is settled by parsing. casefold works
    character by character, so a match inside one value is also a match inside the whole
    file. orjson writes printable text literally, so an ASCII needle can only hide behind
    ASCII case (handled by ``lower``), one of the few characters that casefold into ASCII
    (ß, ﬁ, the Kelvin sign…, looked for among the file's few non-ASCII bytes) or a ``\\u``
    escape written by another tool.
    """
    if orjson.dumps(needle)[1:-1] != needle.encode():
        return True  # the needle itself would be escaped (quotes, backslashes, controls)
    if not needle.isascii():
        return needle in raw.decode("utf-8", "replace").casefold()
    if needle.encode() in raw.lower():
        return True
    if b"\\u" in raw:
        return True
    non_ascii = raw.translate(None, _ASCII)
    return any(start in non_ascii for start in _FOLDS_TO_ASCII_UTF8)


def _session_minutes(record: Reflection, started: datetime) -> float:
    """Minutes practised in one session, capped so a window left open does not count as hours.

    The cap is generous (three times the plan, at least 15 minutes, at most an hour). Without
    an ``ended_at`` (a crash, a session closed early) the steps' own timings are used instead.
    """
    planned = record.get("minutes_planned")
    cap = MAX_SESSION_MINUTES
    if isinstance(planned, (int, float)) and not isinstance(planned, bool) and planned > 0:
        cap = min(MAX_SESSION_MINUTES, max(15.0, 3.0 * float(planned)))
    ended = parse_started_at(record.get("ended_at"))
    if ended is not None:
        minutes = (ended - started).total_seconds() / 60.0
    else:
        steps = record.get("steps")
        seconds = 0.0
        if isinstance(steps, builtins.list):
            for step in steps:
                value = step.get("seconds") if isinstance(step, dict) else None
                if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
                    seconds += float(value)
        minutes = seconds / 60.0
    return min(max(minutes, 0.0), cap)


@dataclass(frozen=True)
class _MonthStats:
    """What ``count`` and ``practice_summary`` need from one month, small enough to cache."""

    count: int
    minutes: float
    days: frozenset[date]
    last: datetime | None

    @classmethod
    def of(cls, records: Iterable[Reflection]) -> _MonthStats:
        count = 0
        minutes = 0.0
        days: set[date] = set()
        last: datetime | None = None
        for record in records:
            started = parse_started_at(record["started_at"])
            if started is None:  # cannot happen for records that passed parse_month
                continue
            count += 1
            minutes += _session_minutes(record, started)
            days.add(started.date())
            if last is None or started > last:
                last = started
        return cls(count=count, minutes=minutes, days=frozenset(days), last=last)


def _file_key(stat: os.stat_result) -> tuple[int, ...]:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission was denied"
    if exc.errno == errno.EDQUOT:
        return "your disk quota is used up"
    return exc.strerror or str(exc)


def _aside_name(path: Path) -> Path:
    """A fresh ``<name>.damaged-<UTC timestamp>`` name next to ``path``; never an existing one."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
        number += 1
    return candidate


def _replace_with(record: Reflection) -> Callable[[MutableMapping[str, Any]], None]:
    """An update that replaces the document, so fields dropped from a reflection go too."""

    def update(doc: MutableMapping[str, Any]) -> None:
        doc.clear()
        doc.update(record)

    return update


# --- the store -----------------------------------------------------------------------------


class ReflectionStore:
    """Reflections and the draft under one data dir; safe for several processes at once.

    Reads take no lock: files are only ever replaced whole, so a reader sees the old file or
    the new one. Every write takes the lock and re-reads its month from disk first, so two
    windows saving at once both keep their words.

    ``warnings`` collects human-readable notes about damaged files that were set aside or
    entries that were skipped; the UI shows them. Nothing is deleted because it was unreadable.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.reflections_dir = self.data_dir / REFLECTIONS_DIR
        self.draft_path = self.data_dir / DRAFT_FILE
        self.warnings: builtins.list[str] = []
        attach(self.data_dir)  # so what it writes is sealed whenever the folder is locked
        self._stats_cache: dict[Path, tuple[tuple[int, ...], _MonthStats]] = {}
        self._lock = FileLock(
            self.reflections_dir / LOCK_FILE, timeout=LOCK_TIMEOUT_SECONDS, mode=0o600
        )

    # -- writing --

    def save(self, reflection: dict[str, Any]) -> None:
        """Insert or replace (by ``id``) one reflection; only its month's file is touched.

        Raises StoreError with a human message if the reflection is malformed or could not be
        written (the OSError, e.g. a full disk, is kept as ``__cause__``). On failure the file
        on disk is exactly as before.
        """
        record = self._normalise(reflection)
        path = self._month_path(month_key(record["started_at"]))
        with self._writing(path):
            table = self._open_month(path)
            found = table.search(Query()["id"] == record["id"])
            if not found:
                table.insert(record)
                return
            table.update(_replace_with(record), doc_ids=[found[0].doc_id])
            if len(found) > 1:  # duplicates can only come from hand edits; keep one
                table.remove(doc_ids=[doc.doc_id for doc in found[1:]])

    def save_many(self, reflections: Iterable[dict[str, Any]]) -> None:
        """Upsert many reflections, writing each month file once (imports, benchmarks)."""
        by_month: dict[str, dict[str, Reflection]] = {}
        for reflection in reflections:
            record = self._normalise(reflection)
            by_month.setdefault(month_key(record["started_at"]), {})[record["id"]] = record
        if not by_month:
            return
        with self._writing(self.reflections_dir):
            for key in sorted(by_month):
                path = self._month_path(key)
                pending = by_month[key]
                table = self._open_month(path)
                existing = {doc["id"]: doc.doc_id for doc in table.all()}
                replacements = {rid: rec for rid, rec in pending.items() if rid in existing}
                if replacements:

                    def replace(
                        doc: MutableMapping[str, Any], new: dict[str, Reflection] = replacements
                    ) -> None:
                        record = new[doc["id"]]
                        doc.clear()
                        doc.update(record)

                    table.update(replace, doc_ids=[existing[rid] for rid in replacements])
                fresh = [rec for rid, rec in pending.items() if rid not in existing]
                if fresh:
                    table.insert_multiple(fresh)

    def delete(self, reflection_id: str) -> bool:
        """Delete by exact id only: deleting is final, so a short prefix must never pick one.

        Callers that accept a prefix resolve it with ``get`` first and pass the full id.
        """
        if not reflection_id:
            return False
        removed = False
        for _key, path in self._months():
            raw = self._read_month_bytes(path)
            if raw is None or not _may_contain(raw, reflection_id.casefold()):
                continue
            content = self._parse_for_reading(path, raw)
            if content is None or not any(r["id"] == reflection_id for r in content.records):
                continue
            with self._writing(path, "The reflection could not be deleted"):
                table = self._open_month(path)
                if table.remove(Query()["id"] == reflection_id):
                    removed = True
        return removed

    # -- reading --

    def get(self, reflection_id: str) -> dict[str, Any] | None:
        """The reflection with this id, or the only one whose id starts with it (≥ 6 chars).

        Raises StoreError if a prefix matches more than one reflection, like git does, rather
        than guessing.
        """
        query = reflection_id.strip().casefold()
        if not query:
            return None
        allow_prefix = len(query) >= MIN_ID_PREFIX
        candidates: dict[str, Reflection] = {}
        for _key, path in self._months():
            raw = self._read_month_bytes(path)
            if raw is None or not _may_contain(raw, query):
                continue
            content = self._parse_for_reading(path, raw)
            if content is None:
                continue
            for record in content.records:
                rid = record["id"].casefold()
                if rid == query:
                    return record
                if allow_prefix and rid.startswith(query):
                    candidates[record["id"]] = record
        if len(candidates) > 1:
            shown = ", ".join(sorted(candidates)[:5])
            raise StoreError(
                f"{reflection_id!r} matches {len(candidates)} reflections ({shown}); "
                "type more of the id."
            )
        return next(iter(candidates.values()), None)

    def list(
        self,
        *,
        limit: int | None = None,
        search: str | None = None,
        since: date | None = None,
    ) -> builtins.list[dict[str, Any]]:
        """Reflections newest first, optionally only ``limit``, matching ``search``, from ``since``.

        ``search`` is a case-insensitive substring of any text (prompts, answers, earlier
        versions, exercise ids, situation), not of ids or timestamps. ``since`` compares the
        date in each reflection's own offset. Older months are not read once enough are found.
        """
        if limit is not None and limit <= 0:
            return []
        needle = search.strip().casefold() if search else ""
        # A reflection's own date can be one day after its UTC date (offsets up to +14 h).
        floor = _month_of(since - timedelta(days=1)) if since is not None else None
        found: builtins.list[Reflection] = []
        for key, path in self._months():
            if floor is not None and key < floor:
                break
            if limit is not None and len(found) >= limit:
                break
            raw = self._read_month_bytes(path)
            if raw is None or (needle and not _may_contain(raw, needle)):
                continue
            content = self._parse_for_reading(path, raw)
            if content is None:
                continue
            for record in content.records:
                if since is not None and self._local_date(record) < since:
                    continue
                if needle and not _matches(record, needle):
                    continue
                found.append(record)
        found = _newest_first(found)
        return found if limit is None else found[:limit]

    def count(self) -> int:
        """How many reflections can be read (skipped entries are in ``warnings``)."""
        return sum(stats.count for stats in self._all_stats())

    def practice_summary(self) -> PracticeSummary:
        """Totals for a kind "you've practised" line: sessions, minutes, distinct days."""
        sessions = 0
        minutes = 0.0
        days: set[date] = set()
        last: datetime | None = None
        for stats in self._all_stats():
            sessions += stats.count
            minutes += stats.minutes
            days |= stats.days
            if stats.last is not None and (last is None or stats.last > last):
                last = stats.last
        return PracticeSummary(
            sessions=sessions,
            minutes=round(minutes, 2),
            days_practised=len(days),
            last_practised=last,
        )

    def last_exercises(self) -> builtins.list[str]:
        """Exercise ids of the newest reflection, so the next session can offer something else."""
        newest = self.list(limit=1)
        if not newest:
            return []
        exercises = newest[0].get("exercises")
        if not isinstance(exercises, builtins.list):
            return []
        return [e for e in exercises if isinstance(e, str)]

    # -- drafts --

    def save_draft(self, draft: dict[str, Any]) -> None:
        """Keep the unfinished session; called often, so it is one small atomic write."""
        if not isinstance(draft, dict):
            raise StoreError("A draft must be an object.")
        data = self._encode(draft)
        try:
            self._ensure_data_dir()
            write_atomic(self.draft_path, data)
        except OSError as exc:
            raise StoreError(
                f"Your draft could not be kept: {_describe_os_error(exc)}.", path=self.draft_path
            ) from exc

    def load_draft(self) -> dict[str, Any] | None:
        """The unfinished session, or None; a damaged draft is set aside, never deleted."""
        try:
            raw = _read_bytes(self.draft_path)
        except OSError as exc:
            self._warn(f"{self.draft_path} could not be read ({_describe_os_error(exc)}).")
            return None
        if raw is None:
            return None
        reason = _why_not_a_draft(raw)
        if reason is None:
            draft: dict[str, Any] = orjson.loads(raw)
            return draft
        try:
            self._set_aside(self.draft_path, reason)
        except OSError as exc:
            self._warn(
                f"{self.draft_path} could not be read ({reason}) and could not be moved aside "
                f"({_describe_os_error(exc)}); it was left as it is."
            )
        return None

    def discard_draft(self) -> None:
        """Forget the draft once its reflection is safely saved (or the person chose to)."""
        try:
            self.draft_path.unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(
                f"The draft could not be removed: {_describe_os_error(exc)}.",
                path=self.draft_path,
            ) from exc

    # -- internals --

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _month_path(self, key: str) -> Path:
        return self.reflections_dir / f"{key}.json"

    def _months(self) -> builtins.list[tuple[str, Path]]:
        """Month files, newest first; damaged copies and temp files are ignored by name."""
        try:
            scanned = list(os.scandir(self.reflections_dir))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StoreError(
                f"Your reflections in {self.reflections_dir} could not be read: "
                f"{_describe_os_error(exc)}.",
                path=self.reflections_dir,
            ) from exc
        entries = []
        for entry in scanned:
            if entry.is_file():
                entries.append(entry.name)
            elif _MONTH_FILE.match(entry.name):
                self._warn(
                    f"{entry.path} should be a file of reflections but is not a file; "
                    "it was left alone."
                )
        months = []
        for name in entries:
            match = _MONTH_FILE.match(name)
            if match:
                months.append((f"{match[1]}-{match[2]}", self.reflections_dir / name))
        months.sort(reverse=True)
        return months

    def _read_month_bytes(self, path: Path) -> bytes | None:
        """A month's bytes for reading; one unreadable file is reported and skipped."""
        try:
            return _read_bytes(path)
        except OSError as exc:
            self._warn(f"{path} could not be read ({_describe_os_error(exc)}); skipped.")
            return None

    def _all_stats(self) -> Iterator[_MonthStats]:
        """Per-month totals, re-parsed only for months whose file changed since last time.

        Parsing every month costs ~0.2 s at 20,000 reflections; the app asks for totals after
        every session, and usually only the newest month has changed. The cache is keyed by
        the file's identity (inode, size, times), which every atomic replace changes.
        """
        for _key, path in self._months():
            try:
                stat_key = _file_key(os.stat(path))
            except FileNotFoundError:
                continue
            except OSError as exc:
                self._warn(f"{path} could not be read ({_describe_os_error(exc)}); skipped.")
                continue
            cached = self._stats_cache.get(path)
            if cached is not None and cached[0] == stat_key:
                yield cached[1]
                continue
            try:
                with path.open("rb") as handle:
                    stat_key = _file_key(os.fstat(handle.fileno()))
                    raw = open_for(path, handle.read())
            except FileNotFoundError:
                continue
            except OSError as exc:
                self._warn(f"{path} could not be read ({_describe_os_error(exc)}); skipped.")
                continue
            content = self._parse_for_reading(path, raw)
            if content is None:
                self._stats_cache.pop(path, None)
                continue
            stats = _MonthStats.of(content.records)
            self._stats_cache[path] = (stat_key, stats)
            yield stats

    @staticmethod
    def _local_date(record: Reflection) -> date:
        parsed = parse_started_at(record.get("started_at"))
        return parsed.date() if parsed is not None else date.min

    @staticmethod
    def _encode(value: dict[str, Any]) -> bytes:
        try:
            return orjson.dumps(value)
        except orjson.JSONEncodeError as exc:
            raise StoreError(f"This could not be saved because it holds {exc}.") from exc

    def _normalise(self, reflection: dict[str, Any]) -> Reflection:
        """A private JSON round-trip copy: later edits by the caller cannot change what was
        checked, and ``get`` returns exactly what was stored."""
        if not isinstance(reflection, dict):
            raise StoreError("A reflection must be an object.")
        record: Reflection = orjson.loads(self._encode(reflection))
        why = _why_invalid(record)
        if why is not None:
            raise StoreError(f"This reflection can't be saved because {why}.")
        return record

    def _parse_for_reading(self, path: Path, raw: bytes) -> _MonthContent | None:
        """Parse a month for reading; a damaged one is set aside (under the lock) and skipped."""
        try:
            content = parse_month(raw)
        except _Damaged:
            return self._recover(path)
        self._note_problems(path, content)
        return content

    def _note_problems(self, path: Path, content: _MonthContent) -> None:
        if content.problems:
            self._warn(
                f"{path}: skipped {len(content.problems)} entr"
                f"{'y' if len(content.problems) == 1 else 'ies'} that could not be read "
                f"({'; '.join(content.problems)}). They are left in the file, and the file is "
                "copied aside before it is next updated."
            )

    def _recover(self, path: Path) -> _MonthContent | None:
        """Re-check a damaged month under the lock (another process may just have replaced it)
        and set it aside if it is still damaged."""
        try:
            with self._writing(path, "It could not be moved aside"):
                raw = _read_bytes(path)
                if raw is None:
                    return None
                try:
                    content = parse_month(raw)
                except _Damaged as exc:
                    self._set_aside(path, exc.reason)
                    return None
        except StoreError as exc:
            self._warn(f"{path} could not be read. {exc} It was skipped and left as it is.")
            return None
        self._note_problems(path, content)
        return content

    def _set_aside(self, path: Path, reason: str) -> None:
        """Move an unreadable file out of the way so it is never overwritten, and say so."""
        target = _aside_name(path)
        os.rename(path, target)
        with contextlib.suppress(OSError):  # the person's words: private, like everything else
            os.chmod(target, 0o600)
        self._warn(
            f"{path} could not be read: {reason}. It was moved to {target.name} unchanged, "
            "so nothing in it is lost; your other reflections are unaffected."
        )

    def _preserve(self, path: Path, content: _MonthContent) -> None:
        """Copy a month with unreadable entries aside before TinyDB rewrites it without them."""
        target = _aside_name(path)
        write_atomic(target, content.raw)
        self._warn(
            f"{path} had {len(content.problems)} unreadable entr"
            f"{'y' if len(content.problems) == 1 else 'ies'}; before updating it, the whole "
            f"file was copied to {target.name} so nothing is lost."
        )

    def _open_month(self, path: Path) -> Table:
        """A fresh TinyDB table on ``path`` (call with the lock held); damage is set aside first.

        Fresh on every call so no query cache or next-id from an earlier read can be stale.
        """
        raw = _read_bytes(path)
        if raw is not None:
            try:
                parse_month(raw)
            except _Damaged as exc:
                self._set_aside(path, exc.reason)
        db = TinyDB(path, self._preserve, storage=MonthStorage)
        return db.table(TABLE, cache_size=0)

    def _ensure_data_dir(self) -> None:
        # Only create the data dir private; an existing dir someone chose with --data-dir
        # (perhaps their home) is not ours to chmod. Our own files inside are 0600 anyway.
        if not self.data_dir.exists():
            ensure_private_dir(self.data_dir)

    @contextmanager
    def _writing(
        self, path: Path, failure: str = "Your reflection could not be saved"
    ) -> Iterator[None]:
        """Hold the cross-process lock; turn OS errors into a message the person can act on."""
        try:
            self._ensure_data_dir()
            ensure_private_dir(self.reflections_dir)
            with self._lock:
                yield
        except Timeout as exc:
            raise StoreError(
                "Another kindtone window is busy saving and did not finish in "
                f"{LOCK_TIMEOUT_SECONDS:.0f} seconds; please try again.",
                path=self.reflections_dir / LOCK_FILE,
            ) from exc
        except _Damaged as exc:  # only if the file changed under the lock (hand edits)
            raise StoreError(f"{path} could not be read: {exc.reason}.", path=path) from exc
        except OSError as exc:
            raise StoreError(f"{failure}: {_describe_os_error(exc)}.", path=path) from exc
