"""Rolling daily backups of the reflection store, and putting one back.

Layout (under the data dir)::

    backups/2026-11-25/manifest.json             what was copied, with sizes and SHA-256
    backups/2026-11-25/reflections/2026-11.json  exact copies of the month files
    backups/2026-11-25/draft.json                and of the unfinished session, if any
    backups/2026-11-25/phrases.json              and of your kind words, if any
    before-restore-20261125T173000/              what a restore moved out of the way

At most one backup a day (the local date), the newest ``KEEP`` kept. "Newest" is the order
they were taken in (a sequence number in each manifest), not their dates: a clock set to 2150
once would otherwise make that backup the latest for ever, and a clock running behind would
have the new day's backup pruned the moment it was taken. ``take_daily_backup`` is
cheap when today's backup exists (one ``stat``), so it can be called on start and after every
save. Files are *copied*, never hard-linked: a link shares the file, so it is a snapshot only
while every writer replaces files atomically; one in-place write (a hand edit, another tool,
TinyDB's own storage) would change the "backup" too, and restoring would bring back nothing.

A backup is built in a hidden temporary folder, synced, and renamed into place, so a crash
leaves either a complete backup or none. Backups take their own lock (``backups/.lock``), not
the store's: copying a large history takes about a second, and a save must never wait for
it. Each month file is only ever replaced whole, so every copy is a consistent month. Month
files the store could not read are left out (the store sets them aside itself and never
deletes them), so every backup can be restored.

A restore checks the backup first (every file present, unchanged and readable). It then moves
the current month files aside into ``before-restore-<UTC time>/``, never deleting them. The
current draft is left in place: it holds the newest unfinished words, and resuming it saves
into the restored store. If there is no current draft, the backup's draft is restored.

No Textual or Rich here: the CLI uses this and must start fast.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
from filelock import Timeout

from tui.core.atomic import LinkRefused, is_link, locked, read_bytes
from tui.core.month_file import _Damaged, parse_month
from tui.core.phrases import PHRASES_FILE
from tui.core.storage import (
    DRAFT_FILE,
    LOCK_FILE,
    LOCK_TIMEOUT_SECONDS,
    REFLECTIONS_DIR,
    _describe_os_error,
)
from tui.core.vault import open_for

__all__ = [
    "AFTER_DELETE",
    "BACKUPS_DIR",
    "KEEP",
    "Backup",
    "BackupCheck",
    "BackupError",
    "RestoreResult",
    "check_backup",
    "list_backups",
    "restore_backup",
    "take_daily_backup",
]

BACKUPS_DIR = "backups"
KEEP = 7
# Said wherever a reflection is deleted: the backups are not rewritten, so "gone for good"
# would not be true until they are replaced.
AFTER_DELETE = f"A daily backup may keep a copy until it is replaced (the newest {KEEP} are kept)."
MANIFEST = "manifest.json"
ASIDE_PREFIX = "before-restore-"
FORMAT = 1

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_FILE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])\.json$")
_TMP_PREFIX = ".tmp-"


class BackupError(Exception):
    """Something about a backup the person should be told, in words they can act on."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


def backup_problem(error: BackupError, *, after_save: bool) -> str:
    """What to tell the person when today's backup failed: the reason once (the error is
    already a whole sentence), and "saved" only when a save has just happened: the backup
    taken as the app opens follows no save, and saying so then would be untrue."""
    said = str(error)
    if not said.startswith("Today's backup"):
        said = f"Today's backup couldn't be made. {said}"
    if after_save:
        said += " What you just wrote is saved."
    return said


@dataclass(frozen=True)
class Backup:
    """One day's backup as listed: ``problem`` is None when it looks complete."""

    day: date
    path: Path
    reflections: int = 0
    files: int = 0
    size: int = 0
    taken_at: str | None = None
    problem: str | None = None
    seq: int = 0  # the order backups were taken in; 0 for those from before it was recorded


@dataclass(frozen=True)
class RestoreResult:
    day: date
    reflections: int
    moved_aside: Path | None
    draft_restored: bool
    draft_kept: bool
    skipped_entries: list[str] = field(default_factory=list)


# --- small helpers ---------------------------------------------------------------------------


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUPS_DIR


def _real_dir(path: Path) -> bool:
    """A folder itself, not a link to one: kindtone never follows links in its data folder."""
    return path.is_dir() and not is_link(path)


def _check_root(root: Path, doing: str) -> None:
    """Refuse a ``backups`` folder that is a link: pruning through it would delete elsewhere."""
    if is_link(root):
        raise BackupError(
            f"{LinkRefused(root)}, so {doing}. Move the link away and kindtone will make its "
            "own folder there.",
            path=root,
        )


def _month_files(reflections_dir: Path, *, links: bool = False) -> list[Path]:
    """Month files (regular files only, or links too when ``links``); never read through."""
    try:
        names = [
            e.name
            for e in os.scandir(reflections_dir)
            if e.is_file(follow_symlinks=False) or (links and e.is_symlink())
        ]
    except FileNotFoundError:
        return []
    return sorted(reflections_dir / n for n in names if _MONTH_FILE.match(n))


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` (it must not exist) with ``data``, 0600 whatever the umask, synced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # unsupported on some filesystems; best effort
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _make_private_dir(path: Path) -> None:
    path.mkdir(mode=0o700)
    path.chmod(0o700)  # mkdir's mode passes through the umask; an odd one could lock us out


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse_day(value: str | date) -> date:
    if isinstance(value, date):
        return value
    text = value.strip()
    try:
        if not _DAY.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise BackupError(f"{value!r} is not a date like 2026-11-25.") from None


def _why(exc: OSError) -> str:
    return _describe_os_error(exc)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """A cross-process lock on ``folder`` (created private): ``backups/`` serialises backups
    and restores; ``reflections/`` is the store's own lock, so no save runs during a restore.

    A link in place of the folder or of its lock file is never followed (LinkRefused)."""
    try:
        with locked(folder):
            yield
    except Timeout as exc:
        raise BackupError(
            "Another kindtone window is busy with your reflections and did not finish in "
            f"{LOCK_TIMEOUT_SECONDS:.0f} seconds; please try again.",
            path=folder / LOCK_FILE,
        ) from exc


# --- taking a backup -------------------------------------------------------------------------


def take_daily_backup(
    data_dir: Path, *, today: date | None = None, keep: int = KEEP
) -> Path | None:
    """Copy the store into ``backups/<today>/`` unless today's backup exists; keep ``keep``.

    Returns the new backup's folder, or None when there was nothing to do (already taken
    today, or nothing to back up). Raises BackupError (with the OSError as ``__cause__``) if
    the backup could not be written; the store itself is never changed, so callers can
    simply report it and carry on.
    """
    data_dir = Path(data_dir)
    day = today or date.today()
    root = backups_dir(data_dir)
    _check_root(root, "no backup was taken")
    target = root / day.isoformat()
    if is_link(target):
        raise BackupError(f"{LinkRefused(target)}, so no backup was taken today.", path=target)
    if target.exists():
        return None
    reflections_dir = data_dir / REFLECTIONS_DIR
    if is_link(reflections_dir):
        raise BackupError(
            f"{LinkRefused(reflections_dir)}, so no backup was taken.", path=reflections_dir
        )
    draft_path = data_dir / DRAFT_FILE
    if not _month_files(reflections_dir) and not (draft_path.is_file() and not is_link(draft_path)):
        return None
    try:
        with _locked(root):
            if os.path.lexists(target):  # another window took it while we waited for the lock
                return None
            _remove_stale_temps(root)
            ours = _ours(root)
            seq = max((_seq(m) for _folder, m in ours), default=0) + 1
            tmp = root / f"{_TMP_PREFIX}{day.isoformat()}-{secrets.token_hex(4)}"
            _make_private_dir(tmp)
            try:
                _copy_store(data_dir, tmp, day, seq)
                os.rename(tmp, target)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            _fsync_dir(root)
            _prune(root, keep, just_taken=target)
    except OSError as exc:
        raise BackupError(
            f"Today's backup could not be written: {_why(exc)}. Your reflections are unchanged.",
            path=root,
        ) from exc
    return target


def _copy_store(data_dir: Path, into: Path, day: date, seq: int) -> None:
    files: dict[str, dict[str, Any]] = {}
    skipped: list[str] = []
    count = 0
    reflections_dir = data_dir / REFLECTIONS_DIR
    months = _month_files(reflections_dir)
    if months:
        _make_private_dir(into / REFLECTIONS_DIR)
    for path in months:
        name = f"{REFLECTIONS_DIR}/{path.name}"
        try:
            found = read_bytes(path)
        except LinkRefused as exc:
            skipped.append(f"{name}: {exc}")
            continue
        if found is None:
            continue
        raw = found
        try:
            # A locked month is copied as it is (still locked) and only opened to count it.
            content = parse_month(open_for(path, raw))
        except _Damaged as exc:
            # The store sets such a file aside (never deletes it); a backup must restore.
            skipped.append(f"{name}: {exc.reason}")
            continue
        count += len(content.records)
        _write_new(into / REFLECTIONS_DIR / path.name, raw)
        files[name] = {"size": len(raw), "sha256": _sha256(raw)}
    # The unfinished session, and your kind words (tui.core.phrases), kept like the reflections.
    for single in (DRAFT_FILE, PHRASES_FILE):
        try:
            raw_single = read_bytes(data_dir / single)
        except LinkRefused as exc:
            skipped.append(f"{single}: {exc}")
            continue
        if raw_single is not None:
            _write_new(into / single, raw_single)
            files[single] = {"size": len(raw_single), "sha256": _sha256(raw_single)}
    manifest = {
        "backup": FORMAT,
        "day": day.isoformat(),
        "seq": seq,
        "taken_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "reflections": count,
        "files": files,
        "skipped": skipped,
    }
    _write_new(into / MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
    if months:
        _fsync_dir(into / REFLECTIONS_DIR)
    _fsync_dir(into)


def _remove_stale_temps(root: Path) -> None:
    """Half-built backups from a crash (we hold the lock, so none is being built now)."""
    for entry in root.iterdir():
        if entry.name.startswith(_TMP_PREFIX) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _seq(manifest: dict[str, Any]) -> int:
    value = manifest.get("seq", 0)
    return value if _is_count(value) else 0


def _ours(root: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Backups kindtone made: real folders whose manifest is ours and names their day.

    A folder is never taken for a backup by its name alone: someone may keep dated folders
    of their own next to ours, or link one in.
    """
    found = []
    for folder in root.iterdir():
        if not _DAY.match(folder.name) or not _real_dir(folder):
            continue
        try:
            manifest = _read_manifest(folder)
        except BackupError:
            continue
        if manifest.get("backup") == FORMAT and manifest.get("day") == folder.name:
            found.append((folder, manifest))
    return found


def _prune(root: Path, keep: int, just_taken: Path) -> None:
    """Keep the ``keep`` backups kindtone took last (by sequence, not by date, so a wrong
    clock can't pin one or drop the new one); nothing else is ever touched."""
    ours = sorted(_ours(root), key=lambda item: (_seq(item[1]), item[0].name), reverse=True)
    for old, _manifest in ours[max(keep, 1) :]:
        if old != just_taken:
            shutil.rmtree(old, ignore_errors=True)


# --- looking at backups ----------------------------------------------------------------------


def list_backups(data_dir: Path) -> list[Backup]:
    """Every daily backup, the last taken first, with what its manifest says (or what is
    wrong)."""
    root = backups_dir(Path(data_dir))
    _check_root(root, "its backups were not read")
    try:
        entries = [e for e in root.iterdir() if _DAY.match(e.name) and _real_dir(e)]
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise BackupError(f"{root} could not be read: {_why(exc)}.", path=root) from exc
    found: list[Backup] = []
    for entry in entries:
        try:
            day = date.fromisoformat(entry.name)
        except ValueError:
            continue
        try:
            manifest = _read_manifest(entry)
        except BackupError as exc:
            found.append(Backup(day=day, path=entry, problem=str(exc)))
            continue
        files = manifest["files"]
        found.append(
            Backup(
                day=day,
                path=entry,
                reflections=int(manifest.get("reflections", 0)),
                files=len(files),
                size=sum(int(f.get("size", 0)) for f in files.values()),
                taken_at=str(manifest.get("taken_at") or "") or None,
                seq=_seq(manifest),
            )
        )
    # The order they were taken in, not their dates, which a wrong clock may have set.
    found.sort(key=lambda b: (b.seq, b.day), reverse=True)
    return found


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        raw = read_bytes(path)
    except OSError as exc:
        raise BackupError(f"{path} could not be read: {_why(exc)}.", path=path) from exc
    if raw is None:
        raise BackupError(f"{path} is missing: the backup is incomplete.", path=path)
    try:
        manifest: object = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise BackupError(f"{path} is not valid JSON.", path=path) from None
    if not isinstance(manifest, dict):
        raise BackupError(f"{path} is not a kindtone backup manifest.", path=path)
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(info, dict) and _is_count(info.get("size")) for info in files.values()
    ):
        raise BackupError(f"{path} is not a kindtone backup manifest.", path=path)
    if not _is_count(manifest.get("reflections", 0)):
        raise BackupError(f"{path} is not a kindtone backup manifest.", path=path)
    return manifest


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@dataclass
class BackupCheck:
    day: date
    folder: Path
    months: dict[str, bytes]
    draft: bytes | None
    reflections: int
    problems: list[str]
    phrases: bytes | None = None


def check_backup(data_dir: Path, day: str | date) -> BackupCheck:
    """Read a backup and make sure it would load; BackupError says exactly what is wrong."""
    wanted = _parse_day(day)
    _check_root(backups_dir(Path(data_dir)), "nothing was restored")
    folder = backups_dir(Path(data_dir)) / wanted.isoformat()
    if not _real_dir(folder):
        available = ", ".join(b.day.isoformat() for b in list_backups(data_dir)) or "none yet"
        raise BackupError(
            f"There is no backup from {wanted.isoformat()} (backups: {available}).", path=folder
        )
    manifest = _read_manifest(folder)
    months: dict[str, bytes] = {}
    draft: bytes | None = None
    phrases: bytes | None = None
    reflections = 0
    problems: list[str] = []
    for name, info in sorted(manifest["files"].items()):
        parts = name.split("/")
        is_month = len(parts) == 2 and parts[0] == REFLECTIONS_DIR and _MONTH_FILE.match(parts[1])
        if not is_month and name not in (DRAFT_FILE, PHRASES_FILE):
            raise BackupError(f"{folder / MANIFEST} lists an unexpected file {name!r}.")
        path = folder.joinpath(*parts)
        try:
            found = read_bytes(path)
        except OSError as exc:
            raise BackupError(f"{path} could not be read: {_why(exc)}.", path=path) from exc
        if found is None:
            raise BackupError(f"{path} is missing from the backup.", path=path)
        raw = found
        if len(raw) != info.get("size") or _sha256(raw) != info.get("sha256"):
            raise BackupError(f"{path} has changed since the backup was taken.", path=path)
        if name == DRAFT_FILE:
            draft = raw
            continue
        if name == PHRASES_FILE:
            phrases = raw
            continue
        try:
            content = parse_month(open_for(path, raw))
        except _Damaged as exc:
            raise BackupError(f"{path} could not be read: {exc.reason}.", path=path) from None
        reflections += len(content.records)
        problems.extend(f"{path.name}: {p}" for p in content.problems)
        months[parts[1]] = raw
    return BackupCheck(wanted, folder, months, draft, reflections, problems, phrases)


# --- restoring -------------------------------------------------------------------------------


def restore_backup(data_dir: Path, day: str | date) -> RestoreResult:
    """Put a day's backup back; the current reflections are moved aside, never deleted.

    Nothing changes unless the backup checks out and every restored file could be written
    next to its final place first; then a few renames (which need no disk space) swap them in.
    """
    data_dir = Path(data_dir)
    checked = check_backup(data_dir, day)
    reflections_dir = data_dir / REFLECTIONS_DIR
    draft_path = data_dir / DRAFT_FILE
    staged: list[tuple[Path, Path]] = []
    moved: list[tuple[Path, Path]] = []
    aside: Path | None = None
    draft_kept = False
    try:
        with _locked(backups_dir(data_dir)), _locked(reflections_dir):
            try:
                for name, raw in checked.months.items():
                    tmp = reflections_dir / f".{name}.restore-{secrets.token_hex(4)}.tmp"
                    _write_new(tmp, raw)
                    staged.append((tmp, reflections_dir / name))
                draft_kept = os.path.lexists(draft_path)
                if checked.draft is not None and not draft_kept:
                    tmp = data_dir / f".{DRAFT_FILE}.restore-{secrets.token_hex(4)}.tmp"
                    _write_new(tmp, checked.draft)
                    staged.append((tmp, draft_path))
                phrases_path = data_dir / PHRASES_FILE
                if checked.phrases is not None:
                    tmp = data_dir / f".{PHRASES_FILE}.restore-{secrets.token_hex(4)}.tmp"
                    _write_new(tmp, checked.phrases)
                    staged.append((tmp, phrases_path))
                # Links in place of month files are moved aside too (the links themselves).
                current = _month_files(reflections_dir, links=True)
                if current or (checked.phrases is not None and os.path.lexists(phrases_path)):
                    aside = _aside_folder(data_dir)
                    _make_private_dir(aside)
                if current and aside is not None:
                    _make_private_dir(aside / REFLECTIONS_DIR)
                    for path in current:
                        os.rename(path, aside / REFLECTIONS_DIR / path.name)
                        moved.append((path, aside / REFLECTIONS_DIR / path.name))
                    _fsync_dir(aside / REFLECTIONS_DIR)
                if checked.phrases is not None and os.path.lexists(phrases_path) and aside:
                    os.rename(phrases_path, aside / PHRASES_FILE)  # never deleted either
                    moved.append((phrases_path, aside / PHRASES_FILE))
            except BaseException:
                for tmp, _final in staged:  # copies of the backup: safe to remove
                    with contextlib.suppress(OSError):
                        os.unlink(tmp)
                for original, now in reversed(moved):  # put the current store back
                    with contextlib.suppress(OSError):
                        os.rename(now, original)
                raise
            for tmp, final in staged:
                os.replace(tmp, final)
            _fsync_dir(reflections_dir)
            _fsync_dir(data_dir)
    except OSError as exc:
        raise BackupError(
            f"The backup from {checked.day.isoformat()} could not be restored: {_why(exc)}. "
            "Nothing was deleted.",
            path=reflections_dir,
        ) from exc
    return RestoreResult(
        day=checked.day,
        reflections=checked.reflections,
        moved_aside=aside,
        draft_restored=checked.draft is not None and not draft_kept,
        draft_kept=draft_kept,
        skipped_entries=checked.problems,
    )


def _aside_folder(data_dir: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    candidate = data_dir / f"{ASIDE_PREFIX}{stamp}"
    number = 2
    while os.path.lexists(candidate):
        candidate = data_dir / f"{ASIDE_PREFIX}{stamp}-{number}"
        number += 1
    return candidate
