"""Reading the timestamps in reflections: only times with an offset can be ordered safely."""

from __future__ import annotations

from datetime import datetime


def parse_aware(value: object) -> datetime | None:
    """An ISO 8601 date-time with an offset, or None if missing, malformed or naive."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None
