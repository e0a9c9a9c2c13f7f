"""Where kindtone keeps things.

All user data lives under one data directory so that ``--data-dir`` (or
``KINDTONE_DATA_DIR``) can point tests and experiments somewhere harmless.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "KINDTONE_DATA_DIR"
APP_NAME = "kindtone"
DRAFT_FILE = "draft.json"  # one unfinished session (tui.core.storage reads and writes it)


def default_data_dir() -> Path:
    """The platform's user data dir (XDG on Linux, ~/Library on macOS, AppData on Windows)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``KINDTONE_DATA_DIR``, then the platform default.

    The folder is noted (``vault.attach``) so that whatever is written in it, by any module, is
    encrypted whenever it is locked.
    """
    from tui.core.vault import attach

    if cli_value:
        chosen = Path(cli_value).expanduser()
    else:
        env = os.environ.get(ENV_DATA_DIR)
        chosen = Path(env).expanduser() if env else default_data_dir()
    attach(chosen)
    return chosen


def something_at_draft_path(data_dir: Path) -> bool:
    """Whether anything (a file, a link, a folder) sits where the draft would be: a glance,
    so a start with no draft doesn't load the store and the exercises to find none. When
    something is there the store decides what it is (a draft, or damage to set aside)."""
    try:
        os.lstat(data_dir / DRAFT_FILE)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:  # unreadable: let the store say why
        return True
    return True


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable only by its owner.

    Only a folder created here is chmod'ed (mkdir's mode passes through the umask): an
    existing one is someone's choice (``--data-dir ~`` must not touch a home folder), and a
    link is never followed to change its target. The data-folder warning points out a folder
    others can open.
    """
    missing = not os.path.lexists(path)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if missing:
        try:
            if not path.is_symlink() and path.stat().st_mode & 0o077:
                path.chmod(0o700)
        except OSError:
            pass
    return path


def builtin_exercises_dir() -> Path:
    """The shipped exercises, in a wheel install or a source checkout (editable install).

    In a wheel they sit inside the package (``tui/exercises``); in an editable install the
    package is the checkout's ``tui/`` and the files are the checkout's ``exercises/``.
    """
    package_dir = Path(__file__).resolve().parent
    packaged = package_dir / "exercises"
    if packaged.is_dir():
        return packaged
    return package_dir.parent / "exercises"
