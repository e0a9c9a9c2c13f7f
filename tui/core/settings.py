"""Preferences, kept apart from reflections in the platform's user config dir.

A settings file a person edited by hand may be broken; kindtone then says so, uses the
defaults, and leaves the file alone (it is set aside, never overwritten, if settings are
later saved from the app).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.atomic import write_atomic

ENV_CONFIG_DIR = "KINDTONE_CONFIG_DIR"
SETTINGS_FILE = "settings.json"
SESSION_LENGTHS = (3, 5, 10)
MAX_SUPPORT_LINES = 10
MAX_LINE_LENGTH = 200


def config_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--config-dir``, then ``KINDTONE_CONFIG_DIR``, then the platform's user config dir."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("kindtone", appauthor=False)


def country_problem(value: str) -> str | None:
    """Why a typed country code can't be one, or None ("" shows every line)."""
    code = value.strip()
    if not code or (len(code) == 2 and code.isascii() and code.isalpha()):
        return None
    return "Please use a two-letter country code, like GB or US, or leave it empty."


@dataclass
class Settings:
    session_minutes: int = 5
    ask_ratings: bool = True
    # An ISO country code (e.g. "US") narrows the support screen to lines for that country.
    country: str = ""
    support_lines: list[str] = field(default_factory=list)
    theme: str = "kindtone-calm"
    reduced_motion: bool = False


def _check(data: Any) -> tuple[Settings, list[str]]:
    """Keep every valid value; explain each one that isn't (it falls back to the default)."""
    problems: list[str] = []
    defaults = Settings()
    if not isinstance(data, dict):
        return defaults, ["expected a JSON object of settings"]
    values: dict[str, Any] = {}
    known = {f.name for f in fields(Settings)}
    for key in data:
        if key not in known:
            problems.append(f'unknown setting "{key}" (ignored)')
    for name in known:
        if name not in data:
            continue
        value = data[name]
        default = getattr(defaults, name)
        if name == "session_minutes":
            ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 60
        elif name == "support_lines":
            ok = (
                isinstance(value, list)
                and len(value) <= MAX_SUPPORT_LINES
                and all(isinstance(v, str) and len(v) <= MAX_LINE_LENGTH for v in value)
            )
        elif isinstance(default, bool):
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, str) and len(value) <= MAX_LINE_LENGTH
        if ok:
            values[name] = value
        else:
            problems.append(f'"{name}" has an unusable value {value!r:.60}; using the default')
    return Settings(**values), problems


class SettingsFile:
    def __init__(self, directory: Path) -> None:
        self.path = directory / SETTINGS_FILE
        self.warnings: list[str] = []
        self._damaged = False

    def load(self) -> Settings:
        self.warnings = []
        self._damaged = False
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as error:
            self.warnings.append(
                f"{self.path}: could not be read ({error.strerror}); using defaults"
            )
            return Settings()
        import json  # here: with no settings file yet, start-up doesn't import it

        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            self._damaged = True
            self.warnings.append(f"{self.path}: not valid JSON ({error}); using defaults")
            return Settings()
        settings, problems = _check(data)
        if problems:
            self._damaged = True
        self.warnings.extend(f"{self.path}: {p}" for p in problems)
        return settings

    def save(self, settings: Settings) -> None:
        """Write atomically; a file that didn't load cleanly is kept beside it first."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self._damaged and self.path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            os.replace(self.path, self.path.with_name(f"{self.path.name}.damaged-{stamp}"))
            self._damaged = False
        import json

        data = json.dumps(asdict(settings), indent=2, ensure_ascii=False) + "\n"
        write_atomic(self.path, data.encode("utf-8"), mode=0o600)
