"""Locking and unlocking a whole data folder: every file the person's words could be in.

``lock_folder`` writes ``lock.json`` first and then seals file by file, so a crash half-way
leaves a folder that still opens (the store reads sealed and plain files alike) and running
``kindtone lock`` again seals the rest. ``unlock_folder`` is the mirror image and removes
``lock.json`` last. Both hold the backups' lock and the store's lock, in the order a restore
takes them, so no save, backup or restore runs in between.

"Every file" is the default, not a list: whatever lies under the data folder is sealed except
``lock.json``, the empty lock files, and the person's own exercises (``exercises/``), which
``kindtone exercises`` reads without asking. A backup folder is rebuilt next to itself with
its manifest's sizes and checksums updated, then swapped in, so it can still be restored.

No Textual or Rich here.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from filelock import Timeout

from tui.core import vault as _vault
from tui.core.atomic import locked, read_bytes, write_atomic
from tui.core.backups import BACKUPS_DIR, MANIFEST, _fsync_dir, _sha256, _write_new
from tui.core.storage import LOCK_FILE, LOCK_TIMEOUT_SECONDS, REFLECTIONS_DIR
from tui.core.vault import KEYFILE, PLAIN_FOLDERS, Vault, is_sealed, role_of
from tui.paths import ensure_private_dir

__all__ = ["Changed", "LockError", "lock_folder", "seal_leftovers", "unlock_folder"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A backup being swapped out. Not ``.tmp-``: the backups module clears those, and a crash
# between the two renames must leave this one to be put back, not deleted.
_OLD = re.compile(r"^\.relock-old-(\d{4}-\d{2}-\d{2})-[0-9a-f]{8}$")


class LockError(Exception):
    """Something about locking the person should be told, in words they can act on."""


@dataclass
class Changed:
    """What a lock or unlock did, for one honest sentence."""

    files: int = 0
    backups: int = 0
    left_alone: list[str] = field(default_factory=list)
    unopenable: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NewLockResult:
    recovery_key: str
    changed: Changed


def lock_folder(data_dir: Path, passphrase: str) -> NewLockResult:
    """Lock an unlocked folder; the recovery key is returned to be shown once."""
    data_dir = Path(data_dir)
    if _vault.is_locked(data_dir):
        raise LockError("Your reflections are already locked.")
    if len(passphrase) < _vault.MIN_PASSPHRASE:
        raise LockError(
            f"Please choose a passphrase of at least {_vault.MIN_PASSPHRASE} characters; "
            "a few words you will remember work well."
        )
    new = _vault.create_keyfile(passphrase)
    ensure_private_dir(data_dir)
    with _quiet_folder(data_dir):
        _vault.write_keyfile(data_dir, new.keyfile)
        _vault.remember(data_dir, new.vault)
        changed = _convert(data_dir, new.vault, seal=True)
    return NewLockResult(new.recovery_key, changed)


def seal_leftovers(data_dir: Path, vault: Vault) -> Changed:
    """Seal any plain file left in a locked folder (a lock that was interrupted)."""
    with _quiet_folder(Path(data_dir)):
        return _convert(Path(data_dir), vault, seal=True)


def unlock_folder(data_dir: Path, vault: Vault) -> Changed:
    """Turn every sealed file back into plain form, then remove the lock.

    A file that no longer opens (damaged) is left as it is, and ``lock.json`` is then kept
    under another name rather than deleted, so that file is not made unopenable for good.
    """
    data_dir = Path(data_dir)
    with _quiet_folder(data_dir):
        changed = _convert(data_dir, vault, seal=False)
        keyfile = data_dir / KEYFILE
        if changed.unopenable:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            os.rename(keyfile, data_dir / f"{KEYFILE}.kept-{stamp}")
        else:
            os.unlink(keyfile)
        _fsync_dir(data_dir)
    _vault.forget(data_dir)
    return changed


@contextmanager
def _quiet_folder(data_dir: Path) -> Iterator[None]:
    """Hold the backups' lock, then the store's (a restore's order): nothing else writes."""
    folders = [data_dir / BACKUPS_DIR, data_dir / REFLECTIONS_DIR]
    try:
        with contextlib.ExitStack() as stack:
            for folder in folders:
                if folder.is_dir() and not folder.is_symlink():
                    stack.enter_context(locked(folder))
            yield
    except Timeout as exc:
        raise LockError(
            "Another kindtone window is busy with your reflections and did not finish in "
            f"{LOCK_TIMEOUT_SECONDS:.0f} seconds; please try again."
        ) from exc


# --- converting files --------------------------------------------------------------------


def _convert(data_dir: Path, vault: Vault, *, seal: bool) -> Changed:
    changed = Changed()
    for path in _loose_files(data_dir, changed):
        if _convert_file(path, vault, seal=seal, changed=changed):
            changed.files += 1
    backups = data_dir / BACKUPS_DIR
    if backups.is_dir() and not backups.is_symlink():
        _tidy_backups(backups)
        for entry in sorted(os.scandir(backups), key=lambda e: e.name):
            is_day = entry.is_dir(follow_symlinks=False) and _DAY.match(entry.name)
            if is_day and _convert_backup(Path(entry.path), vault, seal=seal, changed=changed):
                changed.backups += 1
    return changed


def _loose_files(data_dir: Path, changed: Changed) -> Iterator[Path]:
    """Every regular file under the data folder, except backups (done whole), the lock
    itself, lock files and exercises. Links are never followed, and are reported."""
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        here = Path(folder)
        at_top = here == data_dir
        keep_dirs = []
        for name in sorted(dirs):
            path = here / name
            if at_top and (name in PLAIN_FOLDERS or name == BACKUPS_DIR):
                if name == BACKUPS_DIR and path.is_symlink():
                    changed.left_alone.append(f"{path} is a link; it was not followed")
                continue
            if path.is_symlink():
                changed.left_alone.append(f"{path} is a link; it was not followed")
                continue
            keep_dirs.append(name)
        dirs[:] = keep_dirs
        for name in sorted(files):
            path = here / name
            if name == LOCK_FILE or (at_top and name.startswith(KEYFILE)):
                continue
            if path.is_symlink():
                changed.left_alone.append(f"{path} is a link; it was not followed")
                continue
            if path.is_file():
                yield path


def _read(path: Path) -> bytes:
    """A regular file's bytes, never through a link nor from a FIFO (``atomic.read_bytes``)."""
    found = read_bytes(path)
    if found is None:
        raise FileNotFoundError(path)
    return found


def _transform(
    path: Path, raw: bytes, vault: Vault, *, seal: bool, changed: Changed
) -> bytes | None:
    """The file's new bytes, or None when it is already as wanted (or can't be opened)."""
    if seal:
        return None if is_sealed(raw) else vault.seal(role_of(path), raw)
    if not is_sealed(raw):
        return None
    opened = vault.open(role_of(path), raw)
    if opened is None:
        changed.unopenable.append(f"{path} could not be opened (it was changed or damaged)")
    return opened


def _convert_file(path: Path, vault: Vault, *, seal: bool, changed: Changed) -> bool:
    try:
        raw = _read(path)
    except FileNotFoundError:
        return False
    new = _transform(path, raw, vault, seal=seal, changed=changed)
    if new is None:
        return False
    write_atomic(path, new, seal=False)
    return True


def _tidy_backups(backups: Path) -> None:
    """Finish or undo a swap a crash interrupted, and drop half-built copies (we hold the
    backups' lock, so none is being built now)."""
    for entry in list(os.scandir(backups)):
        if not entry.is_dir(follow_symlinks=False):
            continue
        old = _OLD.match(entry.name)
        if old and not (backups / old[1]).exists():
            os.rename(entry.path, backups / old[1])
        elif old or entry.name.startswith(".tmp-"):
            shutil.rmtree(entry.path, ignore_errors=True)


def _convert_backup(folder: Path, vault: Vault, *, seal: bool, changed: Changed) -> bool:
    """Rebuild one backup beside itself with every file converted, then swap it in."""
    manifest: dict[str, Any] | None
    try:
        loaded = orjson.loads(_read(folder / MANIFEST))
        manifest = loaded if isinstance(loaded, dict) else None
    except (OSError, orjson.JSONDecodeError):
        manifest = None
    files = manifest.get("files") if manifest is not None else None
    if not isinstance(files, dict):  # not a complete backup: convert what is there in place
        done = False
        for path in _loose_files(folder, changed):
            done = _convert_file(path, vault, seal=seal, changed=changed) or done
        return done
    new_bytes: dict[str, bytes] = {}
    any_converted = False
    for path in _loose_files(folder, changed):
        name = path.relative_to(folder).as_posix()
        if name == MANIFEST:
            continue
        raw = _read(path)
        converted = _transform(path, raw, vault, seal=seal, changed=changed)
        new_bytes[name] = raw if converted is None else converted
        any_converted = any_converted or converted is not None
        if converted is not None and isinstance(files.get(name), dict):
            files[name] = {**files[name], "size": len(converted), "sha256": _sha256(converted)}
    if not any_converted:
        return False
    tag = secrets.token_hex(4)
    staging = folder.parent / f".tmp-relock-{folder.name}-{tag}"
    staging.mkdir(mode=0o700)
    try:
        for name, data in new_bytes.items():
            target = staging / name
            if not target.parent.exists():
                target.parent.mkdir(mode=0o700, parents=True)
            _write_new(target, data)
            _fsync_dir(target.parent)
        _write_new(staging / MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        _fsync_dir(staging)
        old = folder.parent / f".relock-old-{folder.name}-{tag}"
        os.rename(folder, old)
        os.rename(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _fsync_dir(folder.parent)
    shutil.rmtree(old, ignore_errors=True)
    return True
