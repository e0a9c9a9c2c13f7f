"""Write N realistic reflections into a data dir, for benchmarks and trying the app at scale.

    .venv/bin/python tests/benchmarks/generate_reflections.py 20000 /tmp/kindtone-big

Records have the exact shape the session module saves. They are written with the store's own
``save_many`` (each month file once), so the files are the real format, not an imitation.
The seed and the end date are fixed by default so two runs produce the same history.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tui.core.storage import ReflectionStore

DEFAULT_SEED = 20261125
DEFAULT_END = date(2026, 11, 25)

SITUATIONS = ["didnt-go-to-plan", "overwhelmed", "critic", "avoiding", "practice"]

# exercise id -> (minutes, steps as (type, step id or None, prompt or None, options))
EXERCISES: dict[str, tuple[int, list[tuple[str, str | None, str | None, list[str]]]]] = {
    "noticing-the-critic": (
        2,
        [
            ("read", None, None, []),
            ("write", "critic_words", "What is the critic saying right now, word for word?", []),
            ("choose", "tone", "How does it sound?", ["Sharp", "Cold", "Weary", "Mocking"]),
            ("write", "named", "Write it again, starting with: The critic is saying that…", []),
        ],
    ),
    "shifting-tone": (
        3,
        [
            ("write", "harsh", "What did you say to yourself?", []),
            ("reframe", "kinder", "How might a good friend put the same thing?", []),
        ],
    ),
    "lets-try-that-again": (
        2,
        [
            ("write", "harsh", "Write the harsh sentence as it came.", []),
            ("reframe", "kinder", "Try it again, in a warmer voice.", []),
        ],
    ),
    "settling-breath": (2, [("read", None, None, []), ("breathe", "breath", None, [])]),
    "self-compassion-break": (
        5,
        [
            ("write", "moment", "What is hard right now?", []),
            ("write", "human", "Who else might feel like this today?", []),
            ("write", "kind_words", "What would you like to hear?", []),
        ],
    ),
    "didnt-go-to-plan": (
        3,
        [
            ("write", "what_happened", "What happened, in a sentence or two?", []),
            ("write", "feeling", "What are you feeling about it?", []),
            ("write", "take_forward", "Is there one thing worth taking forward?", []),
            ("write", "kind_words", "What would you say to a friend in this spot?", []),
        ],
    ),
    "feeling-overwhelmed": (
        2,
        [
            ("write", "load", "What is on your plate? List it all.", []),
            ("write", "next_thing", "What is the one next small thing?", []),
        ],
    ),
    "avoiding-something": (
        3,
        [
            ("write", "avoided", "What have you been putting off?", []),
            ("write", "feeling", "What comes up when you think of starting?", []),
            ("write", "tiny_step", "What is the smallest possible first step?", []),
        ],
    ),
    "just-a-thought": (
        1,
        [
            ("write", "thought", "Write the thought that keeps coming back.", []),
            ("write", "having", "Now write: I'm having the thought that…", []),
        ],
    ),
    "naming-the-critic": (
        2,
        [
            ("write", "phrases", "What does your critic usually say?", []),
            ("write", "critic_name", "If it had a name, what would it be?", []),
        ],
    ),
}

WORDS = [
    "today",
    "work",
    "meeting",
    "email",
    "deadline",
    "friend",
    "family",
    "mother",
    "father",
    "sister",
    "brother",
    "partner",
    "tired",
    "anxious",
    "worried",
    "sad",
    "angry",
    "frustrated",
    "ashamed",
    "embarrassed",
    "lonely",
    "stuck",
    "heavy",
    "calm",
    "kind",
    "gentle",
    "warm",
    "patient",
    "steady",
    "okay",
    "enough",
    "trying",
    "learning",
    "human",
    "normal",
    "mistake",
    "forgot",
    "late",
    "missed",
    "failed",
    "dropped",
    "said",
    "wrong",
    "again",
    "always",
    "never",
    "useless",
    "stupid",
    "lazy",
    "behind",
    "everyone",
    "else",
    "better",
    "should",
    "could",
    "would",
    "maybe",
    "sleep",
    "morning",
    "evening",
    "night",
    "walk",
    "tea",
    "coffee",
    "breath",
    "chest",
    "shoulders",
    "stomach",
    "hands",
    "heart",
    "body",
    "project",
    "report",
    "exam",
    "interview",
    "call",
    "message",
    "bills",
    "kitchen",
    "laundry",
    "garden",
    "bus",
    "train",
    "deserve",
    "allowed",
    "rest",
    "small",
    "step",
    "next",
    "start",
    "finish",
    "careful",
    "proud",
    "relieved",
    "grateful",
]

CRITIC_LINES = [
    "You always mess this up.",
    "Why can't you just get it right?",
    "Everyone else manages, what's wrong with you?",
    "You're so lazy.",
    "I'm useless at this.",
    "You should have known better.",
    "Typical. You never follow through.",
]

KIND_LINES = [
    "This is hard, and it makes sense that it hurts.",
    "You're doing what you can with what you have today.",
    "Lots of people would find this difficult too.",
    "It's okay to rest before trying again.",
    "One mistake doesn't undo everything you've done.",
    "You can be disappointed and still be kind to yourself.",
]

# What the analysis finds in each critic line: reframes record it (``noticed``), as sessions do.
CRITIC_PATTERNS = {
    "You always mess this up.": ["overgeneralising"],
    "Why can't you just get it right?": ["harsh-self-address"],
    "Everyone else manages, what's wrong with you?": ["comparing"],
    "You're so lazy.": ["labelling"],
    "I'm useless at this.": ["labelling"],
    "You should have known better.": ["should-statement"],
    "Typical. You never follow through.": ["overgeneralising"],
}
CATCH_SHARE = 0.25

CRITIC_NAMES = ["The Judge", "Grumpy Pete", "Ms Perfect", "The Foreman", "Radio Static"]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "!", "?", "…"])


def _answer(rng: random.Random, step_id: str) -> str:
    """Answers from a few words to a few paragraphs, roughly as people really write."""
    if step_id in ("critic_words", "harsh", "thought", "phrases"):
        return rng.choice(CRITIC_LINES)
    if step_id == "critic_name":
        return rng.choice(CRITIC_NAMES)
    if step_id in ("kinder", "kind_words") and rng.random() < 0.5:
        return rng.choice(KIND_LINES)
    roll = rng.random()
    if roll < 0.4:
        return _sentence(rng, 2, 9)
    if roll < 0.8:
        return " ".join(_sentence(rng, 6, 14) for _ in range(rng.randint(1, 3)))
    if roll < 0.95:
        return " ".join(_sentence(rng, 8, 18) for _ in range(rng.randint(4, 8)))
    paragraphs = [
        " ".join(_sentence(rng, 8, 20) for _ in range(rng.randint(3, 6)))
        for _ in range(rng.randint(2, 4))
    ]
    return "\n\n".join(paragraphs)


def _offset_for(day: date, rng: random.Random) -> timezone:
    """Mostly one home zone with summer time, now and then a trip elsewhere."""
    if rng.random() < 0.04:
        return timezone(timedelta(hours=rng.choice([-8, -5, 5.5, 9, 10, 13])))
    summer = 4 <= day.month <= 10
    return timezone(timedelta(hours=1 if summer else 0))


def make_reflection(rng: random.Random, started: datetime) -> dict[str, Any]:
    """One reflection in the exact shape ``Session.to_record`` produces."""
    situation = rng.choice([*SITUATIONS, None])
    minutes_planned = rng.choice([1, 2, 3, 5, 5, 5, 10])
    names = list(EXERCISES)
    exercises = rng.sample(names, k=rng.choice([1, 1, 2, 2, 3]))
    completed = rng.random() < 0.9
    scales = ["harsh", "tense"] if rng.random() < 0.7 else ["harsh"]
    before = {s: (rng.randint(3, 9) if rng.random() < 0.8 else None) for s in scales}
    after = {
        s: (max(0, v - rng.randint(0, 3)) if v is not None and rng.random() < 0.8 else None)
        for s, v in before.items()
    }
    steps: list[dict[str, Any]] = []
    total_seconds = 0.0
    harsh: str | None = None
    for exercise in exercises:
        for index, (kind, step_id, prompt, options) in enumerate(EXERCISES[exercise][1]):
            seconds = round(rng.uniform(4, 150), 1)
            total_seconds += seconds
            answer: str | None = None
            versions: list[str] = []
            skipped = False
            if kind in ("write", "reframe"):
                if rng.random() < 0.08:
                    skipped = True
                else:
                    answer = _answer(rng, step_id or "")
                    versions = [_sentence(rng, 3, 10) for _ in range(rng.choice([0, 0, 0, 1, 2]))]
                    versions.append(answer)
            elif kind == "choose":
                answer = rng.choice(options)
                versions = [answer]
            elif kind == "breathe":
                seconds = float(rng.choice([30, 60, 90, 120, 180]))
            step: dict[str, Any] = {
                "exercise": exercise,
                "index": index,
                "type": kind,
                "id": step_id,
                "prompt": prompt or "",
                "answer": answer,
                "versions": versions,
                "tries": len(versions),
                "skipped": skipped,
                "seconds": seconds,
            }
            if step_id == "harsh":
                harsh = answer
            elif kind == "reframe" and harsh and answer is not None:
                # as tui.core.practice.annotate records it
                step["original"] = harsh
                step["noticed"] = CRITIC_PATTERNS.get(harsh, [])
                step["first_try"] = len(versions) == 1
            steps.append(step)
    ended: datetime | None = started + timedelta(seconds=total_seconds + rng.uniform(5, 60))
    if rng.random() < 0.05:
        ended = None  # a crash or a closed window
    return {
        "id": uuid.UUID(int=rng.getrandbits(128), version=4).hex,
        "schema": 1,
        "started_at": started.isoformat(),
        "ended_at": ended.isoformat() if ended is not None else None,
        "completed": completed,
        "situation": situation,
        "minutes_planned": minutes_planned,
        "exercises": exercises,
        "ratings": {"before": before, "after": after},
        "steps": steps,
        "crisis": rng.random() < 0.002,
    }


def make_catch(rng: random.Random, started: datetime) -> dict[str, Any]:
    """A catch in the shape ``tui.core.catch.Catch.to_record`` produces."""
    critic = rng.choice(CRITIC_LINES)
    versions = [rng.choice(CRITIC_LINES) for _ in range(rng.choice([0, 0, 0, 1]))]
    versions.append(rng.choice(KIND_LINES))
    seconds = round(rng.uniform(10, 90), 1)
    step = {"exercise": "catch", "prompt": "", "skipped": False, "seconds": seconds}
    return {
        "id": uuid.UUID(int=rng.getrandbits(128), version=4).hex,
        "schema": 1,
        "kind": "catch",
        "started_at": started.isoformat(),
        "ended_at": (started + timedelta(seconds=seconds)).isoformat(),
        "completed": True,
        "situation": "critic",
        "minutes_planned": None,
        "exercises": [],
        "ratings": {
            "before": {"harsh": None, "tense": None},
            "after": {"harsh": None, "tense": None},
        },
        "steps": [
            {
                **step,
                "index": 0,
                "type": "write",
                "id": "critic",
                "answer": critic,
                "versions": [critic],
                "tries": 1,
            },
            {
                **step,
                "index": 1,
                "type": "reframe",
                "id": "kinder",
                "answer": versions[-1],
                "versions": versions,
                "tries": len(versions),
                "original": critic,
                "noticed": CRITIC_PATTERNS[critic],
                "first_try": len(versions) == 1,
            },
        ],
        "crisis": False,
    }


def generate(n: int, *, seed: int = DEFAULT_SEED, end: date = DEFAULT_END) -> list[dict[str, Any]]:
    """``n`` reflections ending at ``end``, about one a day (some days two, some gaps)."""
    rng = random.Random(seed)
    catches = random.Random(seed + 1)  # its own stream: the sessions stay as they were
    reflections: list[dict[str, Any]] = []
    day = end
    while len(reflections) < n:
        for _ in range(rng.choices([0, 1, 2], weights=[15, 70, 15])[0]):
            zone = _offset_for(day, rng)
            minute = rng.randint(6 * 60, 23 * 60 + 30)
            started = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=zone)
            started += timedelta(seconds=rng.randint(0, 59))
            reflection = make_reflection(rng, started)
            if catches.random() < CATCH_SHARE:
                reflection = make_catch(catches, started)
            reflections.append(reflection)
            if len(reflections) == n:
                break
        day -= timedelta(days=1)
    return reflections


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("n", type=int, help="how many reflections")
    parser.add_argument("data_dir", type=Path, help="kindtone data dir to write into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END, help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    reflections = generate(args.n, seed=args.seed, end=args.end)
    made = time.perf_counter()
    store = ReflectionStore(args.data_dir)
    store.save_many(reflections)
    done = time.perf_counter()
    months = len(list((args.data_dir / "reflections").glob("*.json")))
    print(
        f"{args.n} reflections in {months} month files under {args.data_dir} "
        f"(generated {made - began:.2f} s, written {done - made:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
