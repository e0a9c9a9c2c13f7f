"""Is the data folder the person's own? Said once here; the app, plain mode and the CLI show it.

kindtone never changes an existing folder's permissions or owner itself (``--data-dir ~``
must not touch someone's home), so it says plainly what it sees instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.core.text import visible_controls

__all__ = ["data_folder_warnings"]


def data_folder_warnings(data_dir: Path) -> list[str]:
    """What is worth knowing about the data folder: a link, someone else's, or open to others.

    Each is one or two plain sentences naming the folder, with control characters made
    visible. An absent folder gets none: kindtone creates it private (0700).
    """
    shown = visible_controls(str(data_dir))
    notes: list[str] = []
    try:
        own = os.lstat(data_dir)
    except OSError:
        return notes
    if stat.S_ISLNK(own.st_mode):
        try:
            target = visible_controls(os.readlink(data_dir))
        except OSError:
            target = "somewhere else"
        notes.append(
            f"Your data folder {shown} is a symbolic link to {target}. kindtone keeps your "
            "reflections there; if you did not set this link up yourself, move it away."
        )
    try:
        st = os.stat(data_dir)
    except OSError:
        return notes
    getuid = getattr(os, "getuid", None)
    if getuid is not None and st.st_uid != getuid():
        notes.append(
            f"Your data folder {shown} belongs to another user (uid {st.st_uid}), who can read "
            "and change your reflections. Use a folder of your own (--data-dir)."
        )
    if stat.S_IMODE(st.st_mode) & 0o077:
        notes.append(
            f"Others on this computer can open {shown}, where your reflections are kept. "
            f"To keep them private: chmod 700 {shown}"
        )
    return notes
