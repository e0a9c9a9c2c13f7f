"""Plain mode run from a script of typed lines, as the plain-mode tests drive it."""

from __future__ import annotations

import io
from pathlib import Path

from tui.core.settings import Settings
from tui.plain import run_plain


def plain_output(data_dir: Path, lines: list[str], exercise: str) -> str:
    """What plain mode prints for these lines typed, one a line (ratings not asked)."""
    stdout = io.StringIO()
    run_plain(
        data_dir,
        Settings(ask_ratings=False),
        exercise_id=exercise,
        stdin=io.StringIO("\n".join(lines) + "\n"),
        stdout=stdout,
    )
    return stdout.getvalue()
