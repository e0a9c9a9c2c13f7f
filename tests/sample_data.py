"""Sample reflections for tests and snapshots: fixed dates, hostile-looking text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.core.storage import ReflectionStore

TODAY = date(2026, 11, 25)


def reflection(n: int, days_ago: int, exercise: str, answer: str, **extra: Any) -> dict[str, Any]:
    start = datetime(2026, 11, 25, 8, 30, tzinfo=UTC) - timedelta(days=days_ago)
    record = {
        "id": f"{n:02d}" + "a" * 30,
        "schema": 1,
        "started_at": start.isoformat(),
        "ended_at": (start + timedelta(minutes=4)).isoformat(),
        "completed": True,
        "situation": "critic",
        "minutes_planned": 5,
        "exercises": [exercise],
        "ratings": {"before": {"harsh": 7, "tense": 6}, "after": {"harsh": 4, "tense": 3}},
        "steps": [
            {
                "exercise": exercise,
                "index": 2,
                "type": "reframe",
                "id": "kinder",
                "prompt": "Say it as a friend would.",
                "answer": answer,
                "versions": ["I'm [bold] hopeless", answer],
                "tries": 2,
                "skipped": False,
                "seconds": 42.0,
            }
        ],
        "crisis": False,
    }
    record.update(extra)
    return record


def seed(data_dir: Path) -> list[dict[str, Any]]:
    records = [
        reflection(1, 0, "lets-try-that-again", "I did my best [/] today"),
        reflection(2, 3, "shifting-tone", "The walk helped", situation="overwhelmed"),
        reflection(3, 40, "lets-try-that-again", "Small steps count", completed=False),
        reflection(4, 400, "just-a-thought", "An old one"),
    ]
    ReflectionStore(data_dir).save_many(records)
    return records
