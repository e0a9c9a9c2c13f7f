"""Is the data folder the person's own? Said once here; the app, plain mode and the CLI show it.

kindtone never changes an existing folder's permissions or owner itself (``--data-dir ~``
must not touch someone's home), so it says plainly what it sees instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.core.storage import REFLECTIONS_DIR
from tui.core.text import visible_controls

__all__ = ["data_folder_warnings", "linked_part", "unwritable_note", "words_can_be_kept"]


def linked_part(data_dir: Path, path: Path) -> Path | None:
    """The first symbolic link on ``path`` below ``data_dir`` (the path itself included), or
    None. A path outside the data folder is the person's own choice: None.

    Compared as written (absolute, not resolved), so a link is found, not followed.
    """
    base = Path(os.path.abspath(data_dir))
    full = Path(os.path.abspath(path))
    try:
        parts = full.relative_to(base).parts
    except ValueError:
        return None
    current = base
    for part in parts:
        current = current / part
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                return current
        except OSError:
            return None
    return None


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
            "Others on this computer can open your data folder. To keep your reflections "
            f"private: chmod 700 {shown}"
        )
    return notes


def _can_write(folder: Path) -> bool:
    try:
        return os.access(folder, os.W_OK)
    except (OSError, ValueError):
        return True  # not known: the save itself says what happened


def _places(data_dir: Path) -> tuple[bool, bool]:
    """(the data folder, reflections/) can be written to, as far as can be told beforehand;
    an absent reflections/ is created in the folder."""
    top = _can_write(data_dir)
    store_dir = data_dir / REFLECTIONS_DIR
    try:
        store_exists = os.path.isdir(store_dir)
    except (OSError, ValueError):
        store_exists = False
    return top, (_can_write(store_dir) if store_exists else top)


def words_can_be_kept(data_dir: Path) -> bool:
    """False only when neither reflections/ nor the draft's folder can be written to: then
    "keep what I wrote" can't be offered, only the words to copy."""
    try:
        if not os.path.isdir(data_dir):
            return True  # created when needed
    except (OSError, ValueError):
        return True
    return any(_places(data_dir))


def unwritable_note(data_dir: Path) -> str | None:
    """Said before a session, not after it: where the words go that can't be written to (a
    read-only disk, a folder without write permission). Finding that out only at the end of
    five minutes of hard words is unkind; saying it when it isn't so is as bad.

    The words go to two places: reflections are saved in ``reflections/``, and the draft
    (kept as you go, and when a reflection can't be saved) in the data folder itself. Each
    is looked at: one unwritable place is said as what it really costs. None when both can
    be written to, or the folder doesn't exist yet (kindtone creates it)."""
    try:
        if not os.path.isdir(data_dir):
            return None
    except (OSError, ValueError):
        return None
    top, store = _places(data_dir)
    store_dir = data_dir / REFLECTIONS_DIR
    if top and store:
        return None
    shown = visible_controls(str(data_dir))
    if store:
        return (
            f"kindtone can't write to your data folder {shown}, so no draft is kept as you "
            "write, and your kind words can't be updated. Your reflections are still saved "
            f"(in {visible_controls(str(store_dir))}) when you finish or keep them."
        )
    if top:
        return (
            f"kindtone can't write to {visible_controls(str(store_dir))}, so reflections "
            f"can't be saved there. What you write is kept as a draft in {shown} and offered "
            "next time."
        )
    return (
        f"kindtone can't write to your data folder {shown}, so what you write now can't be "
        "saved. You can still practise: at the end, your words are shown for you to copy."
    )
