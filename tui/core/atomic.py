"""Read and write files in the data folder: whole, private, and never through a link.

Every byte of a person's words that the store keeps is read by ``read_bytes_and_stat`` and
written by ``stage_bytes`` here (``read_bytes`` and ``write_atomic`` are built on them), so
anything that must see all of them (encryption at rest) has two narrow places to hook in.
Backups copy a file's bytes as they are, without decoding them. The lock seals in
``stage_bytes``; reads return the bytes as stored (sealed, so backups copy them still
locked), and the store opens them where it parses them (``month_file._read_bytes``).
``private_dir``, ``locked`` and ``remove_stale_temps`` are the folder-level helpers any store
in the data folder (reflections, drafts, phrases) can reuse.

The data folder is kindtone's alone: nothing inside it is followed if it is a symbolic link.
A link is refused with ``LinkRefused`` (an ``OSError`` that names the path), or the link itself is
replaced; its target is never read, written, chmod'ed or deleted.

Writing in place (what TinyDB's ``JSONStorage`` does) can leave invalid JSON behind when the
process dies mid-write; measured for this project, a SIGKILL did so in 3 of 164 trials. Writing
a temporary file next to the target, syncing it and renaming it over the target means a reader
only ever sees the old bytes or the new ones.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tui.core.vault import seal_for

__all__ = [
    "LOCK_FILE",
    "LOCK_TIMEOUT_SECONDS",
    "TEMP_MAX_AGE_SECONDS",
    "LinkRefused",
    "fsync_directory",
    "is_link",
    "lock_file",
    "locked",
    "private_dir",
    "read_bytes",
    "read_bytes_and_stat",
    "remove_stale_temps",
    "stage_bytes",
    "stale_temps",
    "write_atomic",
]

LOCK_FILE = ".lock"
# Long enough for a slow disk under another window's save, short enough that a wedged process
# turns into a clear message instead of a frozen app.
LOCK_TIMEOUT_SECONDS = 10.0
# A temp file lives for the milliseconds of one write; one older than this is left from a crash.
TEMP_MAX_AGE_SECONDS = 60.0
# write_atomic's ``.<name>.<12 hex>.tmp`` and a restore's ``.<name>.restore-<8 hex>.tmp``.
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?:[0-9a-f]{12}|restore-[0-9a-f]{8})\.tmp$")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class LinkRefused(OSError):
    """A path in the data folder is a symbolic link (or not what it should be): never followed.

    Its ``str`` is a whole sentence naming the path, so callers can show it as it is.
    """

    def __init__(self, path: Path, what: str = "a symbolic link") -> None:
        why = (
            "kindtone never follows links inside its data folder"
            if what == "a symbolic link"
            else "so kindtone leaves it alone"
        )
        super().__init__(errno.ELOOP, f"{path} is {what}, {why}", str(path))

    def __str__(self) -> str:
        return str(self.strerror)


def is_link(path: Path) -> bool:
    """True for a symbolic link, whatever it points at (even nothing)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISLNK(st.st_mode)


def read_bytes_and_stat(path: Path) -> tuple[bytes, os.stat_result] | None:
    """A regular file's bytes and identity, or None if it does not exist.

    Opened with ``O_NOFOLLOW`` (and ``O_NONBLOCK``, so a planted FIFO cannot hang a read): a link
    raises ``LinkRefused``; so does anything that is not a regular file.
    """
    flags = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP or is_link(path):
            raise LinkRefused(path) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # a folder, a FIFO, a device
            raise LinkRefused(path, "not a regular file")
        if not _NOFOLLOW and is_link(path):  # platforms without O_NOFOLLOW
            raise LinkRefused(path)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        return handle.read(), st


def read_bytes(path: Path) -> bytes | None:
    """A regular file's bytes, or None if it does not exist; never through a link."""
    found = read_bytes_and_stat(path)
    return None if found is None else found[0]


def private_dir(path: Path) -> Path:
    """A folder inside the data folder, created 0700 if missing; a link there is refused.

    An existing real folder is used as it is (never chmod'ed); one created here is made 0700
    whatever the umask.
    """
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    else:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)
        return path
    if is_link(path):
        raise LinkRefused(path)
    if not path.is_dir():
        raise LinkRefused(path, "not a folder")
    return path


def stale_temps(
    directory: Path, *, older_than: float = TEMP_MAX_AGE_SECONDS, now: float | None = None
) -> list[Path]:
    """``write_atomic``'s temp files in ``directory`` older than ``older_than`` seconds.

    Only names kindtone's writes make (``.<name>.<12 hex>.tmp``, a restore's
    ``.<name>.restore-<8 hex>.tmp``) and never folders; a link counts by its own age (it would
    be removed itself, never its target).
    """
    now = time.time() if now is None else now
    found: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return found
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(st.st_mode) and now - st.st_mtime >= older_than:
            found.append(Path(entry.path))
    return found


def lock_file(folder: Path) -> Path:
    """``folder``'s lock file, ready to lock: the folder is real and private (a link there
    raises LinkRefused) and a link in the lock's own place is removed, never followed."""
    private_dir(folder)
    path = folder / LOCK_FILE
    if is_link(path):
        os.unlink(path)
    return path


@contextlib.contextmanager
def locked(folder: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold ``folder``'s cross-process lock (``filelock.Timeout`` if another process keeps it).

    For any store in the data folder: take it around every read-modify-write, and call
    ``remove_stale_temps`` under it.
    """
    from filelock import FileLock

    with FileLock(lock_file(folder), timeout=timeout, mode=0o600):
        yield


def remove_stale_temps(
    directory: Path, *, older_than: float = TEMP_MAX_AGE_SECONDS, now: float | None = None
) -> list[Path]:
    """Delete the temp files a killed write left (they hold words); call under the lock.

    Only ``stale_temps``: a write in progress in another process is younger than a minute.
    """
    removed: list[Path] = []
    for path in stale_temps(directory, older_than=older_than, now=now):
        try:
            os.unlink(path)
        except OSError:  # best effort: clearing up must never stop a save
            continue
        removed.append(path)
    return removed


# Directory fsync is unsupported on some filesystems and platforms; these errors mean "can't",
# not "failed", and the rename itself has already happened.
_DIR_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.EBADF, errno.ENOTSUP, errno.EACCES, errno.EISDIR}


def stage_bytes(path: Path, data: bytes, mode: int = 0o600, *, seal: bool = True) -> Path:
    """Write ``data`` to a fresh temp file next to ``path``, synced; return the temp's path.

    The one place the store's bytes are written (``write_atomic`` and all-or-nothing saves of
    several files build on it). Created with ``O_EXCL`` and ``mode`` from the start, so the
    words are never readable by others, not even for a moment. On failure nothing is left.

    Under a locked data folder the bytes are sealed first (``tui.core.vault``), so the words
    are never on disk in plain text, not even in the temporary file. Only ``kindtone unlock``
    passes ``seal=False``, to turn the files back into plain ones.
    """
    if seal:
        data = seal_for(path, data)
    tmp = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                # os.open's mode is filtered through the umask; the caller asked for exactly this.
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def write_atomic(path: Path, data: bytes, mode: int = 0o600, *, seal: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically and durably; the file ends up with ``mode``.

    The temporary file lives in the same directory because ``os.replace`` is only atomic within
    one filesystem. If ``path`` is a link, the link itself is replaced, never its target. On
    any failure before the rename the temporary file is removed, the old file is untouched and
    the error propagates: the caller must be able to tell the person that their save did not
    happen (a full disk, a read-only filesystem).
    """
    tmp = stage_bytes(path, data, mode, seal=seal)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    """Make the rename itself durable: without this a power cut can bring the old file back.

    Errors other than "not supported here" propagate, because the save is then not known to be
    on disk and the caller should say so (saving again is harmless).
    """
    if sys.platform == "win32":  # directories cannot be opened for fsync on Windows
        return
    try:
        dir_fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        if exc.errno in _DIR_FSYNC_UNSUPPORTED:
            return
        raise
    try:
        os.fsync(dir_fd)
    except OSError as exc:
        if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(dir_fd)
