"""Reading the timestamps in reflections: only times with an offset can be ordered safely."""

from __future__ import annotations

from datetime import UTC, datetime


def spoken_date(moment: datetime, fmt: str = "%A {day} %B, %H:%M") -> str:
    """A date as it is said: "Friday 4 December, 01:23", not "Friday 04 December".

    ``{day}`` in ``fmt`` is the day of the month without a leading zero (``%-d`` is not
    portable).
    """
    return moment.strftime(fmt.replace("{day}", str(moment.day)))


def parse_aware(value: object) -> datetime | None:
    """An ISO 8601 date-time with an offset, or None if missing, malformed, naive or so near
    the ends of the calendar that it has no UTC time (``9999-12-31T23:59:59-23:59`` is in the
    year 10000 in UTC, which Python cannot represent: sorting or filing it would crash)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None
    try:
        parsed.astimezone(UTC)
    except OverflowError:
        return None
    return parsed


def out_of_range(value: object) -> bool:
    """A date-time with an offset that ``parse_aware`` refuses only because it has no UTC time."""
    if not isinstance(value, str):
        return False
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return False
    return parsed.tzinfo is not None and parse_aware(value) is None
