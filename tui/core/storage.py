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
readable with TinyDB itself; the storage only swaps in orjson and atomic replacement. The
format of one month file (and search over it) lives in ``tui.core.month_file``.

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
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.table import Table

from tui.core.atomic import (
    LOCK_FILE,
    LOCK_TIMEOUT_SECONDS,
    LinkRefused,
    fsync_directory,
    is_link,
    lock_file,
    read_bytes_and_stat,
    remove_stale_temps,
    stage_bytes,
    stale_temps,
    write_atomic,
)
from tui.core.month_file import (
    _FOLDS_TO_ASCII_UTF8,
    SEAL_BROKEN,
    TABLE,
    MonthStorage,
    _Damaged,
    _matches,
    _may_contain,
    _MonthContent,
    _read_bytes,
    _why_invalid,
    parse_month,
    parse_started_at,
    searchable_text,
)
from tui.core.record import Reflection as TypedReflection
from tui.core.record import as_reflections
from tui.core.vault import attach, is_sealed, open_for
from tui.paths import DRAFT_FILE, ensure_private_dir

__all__ = [
    "DRAFT_FILE",
    "LOCK_FILE",
    "LOCK_TIMEOUT_SECONDS",
    "_FOLDS_TO_ASCII_UTF8",
    "MonthStorage",
    "PartialSave",
    "PracticeSummary",
    "ReflectionStore",
    "StoreError",
    "month_key",
    "parse_month",
    "parse_started_at",
    "searchable_text",
    "session_minutes",
]

Reflection = dict[str, Any]

REFLECTIONS_DIR = "reflections"
MIN_ID_PREFIX = 6

_IS_A_LINK = "it is a symbolic link, and kindtone never follows links inside its data folder"
_MONTH_FILE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])\.json$")


class StoreError(Exception):
    """Something the person should be told about, in words they can act on."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class PartialSave(StoreError):
    """Some of a ``save_many`` is on disk and some is not: ``saved`` says exactly how many.

    Only a rename failing after every file was written in full can cause this (renames need
    no space), so it is rare; but when it happens the person is told the exact number.
    """

    def __init__(self, message: str, *, saved: int, path: Path | None = None) -> None:
        super().__init__(message, path=path)
        self.saved = saved


@dataclass(frozen=True)
class PracticeSummary:
    """Practice counted kindly: totals only, never streaks."""

    sessions: int = 0
    minutes: float = 0.0
    days_practised: int = 0
    last_practised: datetime | None = None
    reflections: int = 0  # every readable reflection, unfinished ones and catches too


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


# --- helpers on records ------------------------------------------------------------------


def _instant(record: Reflection) -> float:
    parsed = parse_started_at(record.get("started_at"))
    return parsed.timestamp() if parsed is not None else float("-inf")


def _newest_first(records: builtins.list[Reflection]) -> builtins.list[Reflection]:
    return sorted(records, key=lambda r: (_instant(r), str(r.get("id"))), reverse=True)


def session_minutes(record: Reflection) -> float:
    """Minutes practised in one reflection (0 when it has no readable id and start)."""
    typed = TypedReflection.parse(record)
    return typed.minutes if typed is not None else 0.0


@dataclass(frozen=True)
class _MonthStats:
    """What ``count`` and ``practice_summary`` need from one month, small enough to cache."""

    count: int  # every readable reflection
    practised: int  # only those that count as practice (``Reflection.counts_as_practice``)
    minutes: float
    days: frozenset[date]
    last: datetime | None

    @classmethod
    def of(cls, records: Iterable[Reflection]) -> _MonthStats:
        count = practised = 0
        minutes = 0.0
        days: set[date] = set()
        last: datetime | None = None
        for reflection in as_reflections(records):
            count += 1
            if not reflection.counts_as_practice:
                continue
            started = reflection.started
            practised += 1
            minutes += reflection.minutes
            days.add(started.date())
            if last is None or started > last:
                last = started
        return cls(
            count=count, practised=practised, minutes=minutes, days=frozenset(days), last=last
        )


def _why_not_a_draft(raw: bytes) -> str | None:
    if is_sealed(raw):
        return SEAL_BROKEN
    try:
        draft = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return f"it is not valid JSON ({exc})"
    return None if isinstance(draft, dict) else f"expected an object, found {type(draft).__name__}"


def _file_key(stat: os.stat_result) -> tuple[int, ...]:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def plain_reason(error: BaseException) -> str:
    """The store's plain reason ("the disk is full"), without its own lead-in."""
    reason = str(error).rstrip(".")
    if isinstance(error.__cause__, OSError) and ": " in reason:
        reason = reason.split(": ", 1)[1]
    return reason


def nothing_written(folder: Path | None, reason: str | None, *, below: bool = False) -> str:
    """Said when no file holds the words (a session or a catch); the words follow it, or,
    ``below``, are already on the page under it (the summary)."""
    return (
        f"Nothing could be written to {folder} ({reason}). Your words are not saved anywhere. "
        + (
            "They are below, so you can copy them somewhere safe."
            if below
            else "Here they are, so you can copy them somewhere safe:"
        )
    )


def describe_os_error(exc: OSError, path: Path | None = None) -> str:
    """Why a file operation failed, in words a person can act on; with the ``path`` being
    written, a missing folder is named ("No such file or directory" named neither)."""
    if path is not None and exc.errno == errno.ENOENT and not path.parent.is_dir():
        missing = path.parent
        while not missing.parent.is_dir() and missing.parent != missing:
            missing = missing.parent
        return f"there is no folder {missing}; make it first, or choose another place"
    return _describe_os_error(exc)


def _describe_os_error(exc: OSError) -> str:
    if isinstance(exc, LinkRefused):
        return str(exc)
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
    while os.path.lexists(candidate):
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
        self._tidied = False

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

    def save_many(self, reflections: Iterable[dict[str, Any]]) -> int:
        """Upsert many reflections (imports): all of them or none; returns how many.

        Every month file is written in full to a temp file first; only when all are on disk
        are they renamed into place, so a full disk half-way leaves the store exactly as it
        was (StoreError). If a rename itself fails, PartialSave says exactly how many are in.
        """
        by_month: dict[str, dict[str, Reflection]] = {}
        for reflection in reflections:
            record = self._normalise(reflection)
            by_month.setdefault(month_key(record["started_at"]), {})[record["id"]] = record
        total = sum(len(pending) for pending in by_month.values())
        if not total:
            return 0
        staged: builtins.list[tuple[Path, Path, int]] = []
        failure = (
            "The reflection could not be saved"
            if total == 1
            else f"None of the {total:,} reflections could be saved"
        )
        with self._writing(self.reflections_dir, failure):
            try:
                for key in sorted(by_month):
                    path = self._month_path(key)
                    data = self._merged_month(path, by_month[key])
                    staged.append((stage_bytes(path, data), path, len(by_month[key])))
                saved = 0
                for tmp, final, count in staged:
                    try:
                        os.replace(tmp, final)
                    except OSError as exc:
                        if not saved:
                            raise
                        raise PartialSave(
                            f"Only {saved:,} of the {total:,} reflections "
                            f"{'was' if saved == 1 else 'were'} saved; the other "
                            f"{total - saved:,} could not be ({_describe_os_error(exc)}).",
                            saved=saved,
                            path=final,
                        ) from exc
                    saved += count
            finally:
                for tmp, _final, _count in staged:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(tmp)  # only those not renamed are still there
            fsync_directory(self.reflections_dir)
        return total

    def _merged_month(self, path: Path, pending: dict[str, Reflection]) -> bytes:
        """A month file's new bytes with ``pending`` upserted by id (TinyDB's format).

        Damage, links and unreadable entries are handled as a single save does: set aside or
        copied aside first, never lost.
        """
        if is_link(path):
            self._set_aside(path, _IS_A_LINK)
        raw = _read_bytes(path)
        tables: dict[str, dict[str, Any]] = {}
        if raw is not None:
            try:
                content = parse_month(raw)
            except _Damaged as exc:
                self._set_aside(path, exc.reason)
            else:
                if content.problems:
                    self._preserve(path, content)
                tables = content.tables
        table = tables.setdefault(TABLE, {})
        placed: set[str] = set()
        for doc_id in builtins.list(table):
            rid = table[doc_id]["id"]
            if rid not in pending:
                continue
            if rid in placed:  # duplicates can only come from hand edits; keep one
                del table[doc_id]
            else:
                table[doc_id] = pending[rid]
                placed.add(rid)
        next_id = max((int(k) for k in table), default=0) + 1
        for rid, record in pending.items():
            if rid not in placed:
                table[str(next_id)] = record
                next_id += 1
        return orjson.dumps(tables)

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
        """The reflection with exactly this id, or the only one whose id starts with it (≥ 6).

        Ids are exact everywhere (import, show, delete): ``abcdef`` never finds ``ABCDEF…``,
        because two ids may differ only in case and deleting must never pick the other one
        (``ids_differing_in_case`` helps say so). Raises StoreError if a prefix matches more
        than one reflection, like git does, rather than guessing.
        """
        query = reflection_id.strip()
        if not query:
            return None
        allow_prefix = len(query) >= MIN_ID_PREFIX
        candidates: dict[str, Reflection] = {}
        for _key, path in self._months():
            raw = self._read_month_bytes(path)
            if raw is None or not _may_contain(raw, query.casefold()):
                continue
            content = self._parse_for_reading(path, raw)
            if content is None:
                continue
            for record in content.records:
                rid = record["id"]
                if rid == query:
                    return record
                if allow_prefix and rid.startswith(query):
                    candidates[rid] = record
        if len(candidates) > 1:
            shown = ", ".join(sorted(candidates)[:5])
            more = ", …" if len(candidates) > 5 else ""
            raise StoreError(
                f"{reflection_id.strip()!r} matches {len(candidates)} reflections "
                f"({shown}{more}); type more of the id."
            )
        return next(iter(candidates.values()), None)

    def ids_differing_in_case(self, reflection_id: str) -> builtins.list[str]:
        """Ids that would match ``reflection_id`` if case were ignored: a hint after a miss."""
        query = reflection_id.strip().casefold()
        if len(query) < MIN_ID_PREFIX:
            return []
        found: builtins.list[str] = []
        for _key, path in self._months():
            raw = self._read_month_bytes(path)
            if raw is None or not _may_contain(raw, query):
                continue
            content = self._parse_for_reading(path, raw)
            if content is not None:
                found += [r["id"] for r in content.records if r["id"].casefold().startswith(query)]
        return sorted(found)

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
        floor = (
            _month_of(max(since, date.min + timedelta(days=1)) - timedelta(days=1))
            if since is not None
            else None
        )
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

    def reflections(
        self,
        *,
        limit: int | None = None,
        search: str | None = None,
        since: date | None = None,
    ) -> builtins.list[TypedReflection]:
        """``list``, as typed reflections: what insights, the index, export and screens read."""
        return as_reflections(self.list(limit=limit, search=search, since=since))

    def reflection(self, reflection_id: str) -> TypedReflection | None:
        """``get``, as a typed reflection."""
        record = self.get(reflection_id)
        return None if record is None else TypedReflection.parse(record)

    def count(self) -> int:
        """How many reflections can be read (skipped entries are in ``warnings``)."""
        return sum(stats.count for stats in self._all_stats())

    def practice_summary(self) -> PracticeSummary:
        """Totals for a kind "you've practised" line: sessions, minutes, distinct days.

        Only finished sessions with something written count (``counts_as_practice``)."""
        sessions = 0
        minutes = 0.0
        days: set[date] = set()
        last: datetime | None = None
        reflections = 0
        for stats in self._all_stats():
            reflections += stats.count
            sessions += stats.practised
            minutes += stats.minutes
            days |= stats.days
            if stats.last is not None and (last is None or stats.last > last):
                last = stats.last
        return PracticeSummary(
            sessions=sessions,
            minutes=round(minutes, 2),
            days_practised=len(days),
            last_practised=last,
            reflections=reflections,
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
        except LinkRefused as exc:
            try:
                why = _IS_A_LINK if is_link(self.draft_path) else "it is not a regular file"
                self._set_aside(self.draft_path, why)
            except OSError:
                self._warn(f"{exc}; it was left as it is.")
            return None
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

    def _tidy_once(self) -> None:
        """On first use, remove temp files a killed write left behind: they hold words, and
        nothing else would ever delete them (not even deleting the reflection). The lock is
        only taken when there is something to remove."""
        if self._tidied:
            return
        if not any(stale_temps(d) for d in (self.reflections_dir, self.data_dir)):
            self._tidied = True
            return
        try:
            with self._writing(self.reflections_dir, "Old temporary files could not be removed"):
                pass  # _writing tidies once it holds the lock
        except StoreError as exc:
            self._tidied = True  # say it once, don't retry on every read
            self._warn(str(exc))

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _month_path(self, key: str) -> Path:
        return self.reflections_dir / f"{key}.json"

    def _months(self) -> builtins.list[tuple[str, Path]]:
        """Month files, newest first; damaged copies and temp files are ignored by name.

        A month file that is a link is skipped with a note, never followed; a reflections
        folder that is a link is refused.
        """
        if is_link(self.reflections_dir):
            raise StoreError(
                f"Your reflections could not be read: {LinkRefused(self.reflections_dir)}.",
                path=self.reflections_dir,
            )
        self._tidy_once()
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
            if entry.is_symlink():
                if _MONTH_FILE.match(entry.name):
                    self._warn(
                        f"{entry.path} is a symbolic link, and kindtone never follows links "
                        "inside its data folder: it was skipped and left alone."
                    )
            elif entry.is_file(follow_symlinks=False):
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
                stat_key = _file_key(os.lstat(path))
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
                found = read_bytes_and_stat(path)
                if found is None:
                    continue
                raw, stat_key = open_for(path, found[0]), _file_key(found[1])
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
        linked = is_link(path)
        os.rename(path, target)  # a link is renamed itself; its target is never touched
        if not linked:
            with contextlib.suppress(OSError):  # the person's words: private, like the rest
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

        Fresh on every call so no query cache or next-id from an earlier read can be stale. A
        month that is a link is set aside (the link itself) and a real file takes its place.
        """
        if is_link(path):
            self._set_aside(path, _IS_A_LINK)
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
            lock_file(self.reflections_dir)  # a link there is refused, or replaced if the lock
            with self._lock:
                if not self._tidied:
                    self._tidied = True
                    for folder in (self.reflections_dir, self.data_dir):
                        remove_stale_temps(folder)
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
