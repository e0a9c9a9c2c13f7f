"""Files kindtone keeps in the user cache dir (the banner drawing, parsed stylesheets).

They only save start-up time, so anything doubtful is ignored rather than trusted: a file
that is a symlink, belongs to someone else or is writable by others is never read, and a
write never follows a link. Each kind of file is keyed by what it depends on (a Textual or
pyfiglet version, say); writing a new one removes the older copies of that kind, so
upgrades do not pile files up.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from tui.core.atomic import read_bytes_and_stat, write_atomic


def read_cache_file(path: Path) -> bytes | None:
    """The file's bytes, or None when it is missing or not safely ours."""
    try:
        found = read_bytes_and_stat(path)  # never through a link; a regular file only
    except OSError:
        return None
    if found is None:
        return None
    data, info = found
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return data


def write_cache_file(path: Path, data: bytes, *, replaces: str) -> bool:
    """Write ``data`` atomically (0600, in a 0700 folder); then remove the other files whose
    names start with ``replaces`` (older copies of the same kind). False when nothing was
    written; a cache that cannot be written only costs the next start some time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, data, seal=False)  # replaces a link at ``path``, never its target
    except OSError:
        return False
    _remove_older(path, replaces)
    return True


def _remove_older(path: Path, prefix: str) -> None:
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            if entry.name == path.name or not entry.name.startswith(prefix):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                # Only our own regular files or links (unlinking a link leaves its target).
                if stat.S_ISLNK(info.st_mode) or (
                    stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()
                ):
                    os.unlink(entry.path)
