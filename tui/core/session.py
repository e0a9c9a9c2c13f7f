"""Planning a session and walking through it, independent of any interface.

The full-screen app and plain mode both drive a :class:`Session`; it owns the order of
steps, the answers, the record that gets saved and the draft that survives a crash, so
the two interfaces can't disagree about what was written.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui.core.exercises import Exercise, Library, Step
from tui.core.text import fill_template, strip_controls, template_names

if TYPE_CHECKING:
    from tui.core.selftalk import Analysis

SCHEMA_VERSION = 1
DEFAULT_MINUTES = 5

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """Timezone-aware local time: reflections read best in the person's own hours."""
    return datetime.now(UTC).astimezone()


def plan_session(
    library: Library,
    minutes: int = DEFAULT_MINUTES,
    situation: str | None = None,
    recent: Sequence[str] = (),
    rng: random.Random | None = None,
) -> list[Exercise]:
    """Choose exercises that fit ``minutes``, suit the situation and differ from last time.

    Exercises for the situation come first (those not done last time before those that
    were), then general ones fill any time left. Nothing fits? The shortest one still runs:
    a session is never empty.
    """
    rng = rng or random.Random()
    everything = list(library.exercises.values())
    if not everything:
        return []
    recent_set = set(recent)

    def ranked(pool: list[Exercise]) -> list[Exercise]:
        shuffled = pool[:]
        rng.shuffle(shuffled)
        return sorted(shuffled, key=lambda e: e.id in recent_set)

    suited = ranked(library.for_situation(situation)) if situation else []
    rest = ranked([e for e in everything if e not in suited])
    chosen: list[Exercise] = []
    total = 0
    for exercise in [*suited, *rest]:
        if total + exercise.minutes <= minutes:
            chosen.append(exercise)
            total += exercise.minutes
        if total >= minutes:
            break
    if not chosen:
        chosen.append(min([*suited, *rest], key=lambda e: e.minutes))
    # A calming exercise reads best first, before the writing ones.
    chosen.sort(key=lambda e: not all(s.type in ("read", "breathe") for s in e.steps))
    return chosen


@dataclass(frozen=True)
class Review:
    """What to do with a written answer; the same decision in the app and plain mode.

    Crisis language always comes first and is never met with "let's try that again".
    """

    text: str
    analysis: Analysis
    offer_try_again: bool

    @property
    def crisis(self) -> bool:
        return self.analysis.crisis


TRY_AGAIN_HEADINGS = (
    "Let's try that again.",
    "Let's try that once more, gently.",
    "That's all right. Shall we try again?",
    "One more go, if you like.",
)


def try_again_heading(attempt: int) -> str:
    """Wording varies across tries, so it never sounds like a scolding on repeat."""
    return TRY_AGAIN_HEADINGS[attempt % len(TRY_AGAIN_HEADINGS)]


def review_answer(step: Step, text: str) -> Review:
    # Imported here: the analyser's rules are compiled on import, which the home screen
    # (and every command that doesn't analyse text) should not wait for.
    from tui.core.selftalk import analyse

    text = strip_controls(text)
    analysis = analyse(text)
    offer = step.checks_self_talk and analysis.critical and not analysis.crisis
    return Review(text, analysis, offer)


@dataclass
class Ratings:
    """Inner-voice harshness and tension, 0–10; None means skipped (always allowed)."""

    harsh: int | None = None
    tense: int | None = None

    def any(self) -> bool:
        return self.harsh is not None or self.tense is not None


def show_rating(value: object) -> str:
    """A rating for people to read; a skipped one is a dash, never a zero."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else "–"


@dataclass
class StepRecord:
    """What happened at one step; kept for the reflection and the draft."""

    exercise: str
    index: int
    type: str
    id: str | None
    prompt: str
    answer: str | int | None = None
    versions: list[str] = field(default_factory=list)
    tries: int = 0
    skipped: bool = False
    seconds: float = 0.0
    visited: bool = False


@dataclass(frozen=True)
class PlannedStep:
    exercise: Exercise
    step: Step
    position: int  # across the whole session


class Session:
    """One practice session: check-in, the planned steps, check-out, and its record."""

    def __init__(
        self,
        exercises: Sequence[Exercise],
        *,
        situation: str | None = None,
        before: Ratings | None = None,
        minutes_planned: int = DEFAULT_MINUTES,
        clock: Clock = local_now,
        session_id: str | None = None,
        preview: bool = False,
    ) -> None:
        self.id = session_id or uuid.uuid4().hex
        # A preview walks an exercise (e.g. one just written) without keeping anything.
        self.preview = preview
        self.exercises = list(exercises)
        self.situation = situation
        self.before = before or Ratings()
        self.after = Ratings()
        self.minutes_planned = minutes_planned
        self.clock = clock
        self.started_at = clock()
        self.ended_at: datetime | None = None
        self.crisis = False
        self.steps = [
            PlannedStep(exercise, step, n)
            for n, (exercise, step) in enumerate(
                (exercise, step) for exercise in self.exercises for step in exercise.steps
            )
        ]
        self.records = [
            StepRecord(
                exercise=p.exercise.id,
                index=p.step.index,
                type=p.step.type,
                id=p.step.id,
                prompt="",
            )
            for p in self.steps
        ]
        self.position = 0
        self._entered_at = clock()

    # -- where we are ------------------------------------------------------------------

    @property
    def current(self) -> PlannedStep | None:
        return self.steps[self.position] if self.position < len(self.steps) else None

    @property
    def finished(self) -> bool:
        return self.position >= len(self.steps)

    @property
    def progress(self) -> tuple[int, int]:
        return self.position, len(self.steps)

    def record_for(self, planned: PlannedStep) -> StepRecord:
        return self.records[planned.position]

    def answers_for(self, exercise_id: str) -> dict[str, str]:
        """Earlier answers in this exercise by id, as text, for ``{name}`` references."""
        answers: dict[str, str] = {}
        for record in self.records:
            if record.exercise == exercise_id and record.id and record.answer is not None:
                answers[record.id] = str(record.answer)
        return answers

    def render(self, planned: PlannedStep, template: str) -> str:
        return fill_template(template, self.answers_for(planned.exercise.id))

    def prompt_for(self, planned: PlannedStep) -> str:
        step = planned.step
        return self.render(planned, step.prompt or step.text)

    def source_answer(self, planned: PlannedStep) -> str | None:
        """For a reframe step: the earlier answer being rewritten."""
        source = planned.step.source
        if source is None:
            return None
        return self.answers_for(planned.exercise.id).get(source)

    def rewrites_crisis_language(self, planned: PlannedStep) -> bool:
        """A reframe step whose earlier answer reads as crisis language, or a step that quotes
        such a reframe ("Read your new version once more: {kinder}"): passed by, as no
        reframing is offered on crisis text (the support screen was shown instead)."""
        if self._reframes_crisis(planned):
            return True
        step = planned.step
        names = set(template_names(step.prompt or "") + template_names(step.text or ""))
        return any(
            other.exercise is planned.exercise
            and other.step.id in names
            and self._reframes_crisis(other)
            for other in self.steps[: planned.position]
        )

    def _reframes_crisis(self, planned: PlannedStep) -> bool:
        text = self.source_answer(planned)
        if not text:
            return False
        from tui.core.selftalk import analyse  # see review_answer

        return analyse(text).crisis

    def _pass_crisis_reframes(self, direction: int) -> None:
        """Move past reframe steps of crisis language, forwards (+1) or backwards (-1)."""
        while (planned := self.current) is not None and self.rewrites_crisis_language(planned):
            record = self.record_for(planned)
            record.prompt = self.prompt_for(planned)
            record.answer = None
            record.versions = []
            record.skipped = True
            if direction < 0 and self.position == 0:
                return
            self.position += direction

    # -- moving ------------------------------------------------------------------------

    def _leave(self) -> None:
        planned = self.current
        if planned is None:
            return
        record = self.record_for(planned)
        now = self.clock()
        record.seconds += max(0.0, (now - self._entered_at).total_seconds())
        record.visited = True
        if not record.prompt:
            record.prompt = self.prompt_for(planned)
        self._entered_at = now

    def answer(self, value: str | int | None, *, versions: Sequence[str] | None = None) -> None:
        """Keep the answer to the current step and move on. Empty text counts as skipped."""
        planned = self.current
        if planned is None:
            return
        record = self.record_for(planned)
        record.prompt = self.prompt_for(planned)
        if isinstance(value, str) and not value.strip():
            value = None
        record.answer = value
        record.skipped = value is None and planned.step.type not in ("read", "breathe")
        if versions is not None:
            record.versions = list(versions)
            record.tries = len(versions)
        elif isinstance(value, str):
            record.versions = [value]
            record.tries = 1
        self._leave()
        self.position += 1
        self._pass_crisis_reframes(+1)

    def skip(self) -> None:
        planned = self.current
        if planned is None:
            return
        record = self.record_for(planned)
        record.prompt = self.prompt_for(planned)
        record.answer = None
        record.skipped = True
        self._leave()
        self.position += 1
        self._pass_crisis_reframes(+1)

    def back(self) -> bool:
        """Go to the previous step, keeping what was written there. False at the start."""
        if self.position == 0:
            return False
        self._leave()
        self.position -= 1
        self._pass_crisis_reframes(-1)
        self._entered_at = self.clock()
        return True

    def skip_exercise(self) -> None:
        """Skip the rest of the current exercise."""
        planned = self.current
        if planned is None:
            return
        while self.current is not None and self.current.exercise is planned.exercise:
            self.skip()

    # -- the record --------------------------------------------------------------------

    @property
    def has_writing(self) -> bool:
        return any(isinstance(r.answer, str) and r.answer.strip() for r in self.records)

    def finish(self) -> None:
        self.ended_at = self.clock()

    def to_record(self, *, completed: bool) -> dict[str, Any]:
        """The reflection as stored: everything written, with its prompts and timings."""
        ended = self.ended_at or self.clock()
        return {
            "id": self.id,
            "schema": SCHEMA_VERSION,
            "started_at": self.started_at.isoformat(),
            "ended_at": ended.isoformat(),
            "completed": completed,
            "situation": self.situation,
            "minutes_planned": self.minutes_planned,
            "exercises": [e.id for e in self.exercises],
            "ratings": {"before": asdict(self.before), "after": asdict(self.after)},
            "steps": [
                {k: v for k, v in asdict(r).items() if k != "visited"}
                for r in self.records
                if r.visited or r.answer is not None or r.skipped
            ],
            "crisis": self.crisis,
        }

    def to_draft(self, stage: str = "steps") -> dict[str, Any]:
        """Everything needed to resume right here after a crash."""
        return {
            "draft": 1,
            "id": self.id,
            "stage": stage,
            "started_at": self.started_at.isoformat(),
            "situation": self.situation,
            "minutes_planned": self.minutes_planned,
            "exercises": [e.id for e in self.exercises],
            "position": self.position,
            "before": asdict(self.before),
            "after": asdict(self.after),
            "records": [asdict(r) for r in self.records],
            "crisis": self.crisis,
        }

    @classmethod
    def from_draft(
        cls, draft: dict[str, Any], library: Library, clock: Clock = local_now
    ) -> Session | None:
        """Rebuild a session from a draft; None when its exercises are gone or changed."""
        try:
            exercises = [library.exercises[i] for i in draft["exercises"]]
            session = cls(
                exercises,
                situation=draft.get("situation"),
                before=Ratings(**draft.get("before", {})),
                minutes_planned=int(draft.get("minutes_planned", DEFAULT_MINUTES)),
                clock=clock,
                session_id=str(draft["id"]),
            )
            session.after = Ratings(**draft.get("after", {}))
            session.started_at = datetime.fromisoformat(draft["started_at"])
            records = [StepRecord(**r) for r in draft["records"]]
            if [(r.exercise, r.index) for r in records] != [
                (r.exercise, r.index) for r in session.records
            ]:
                return None
            session.records = records
            session.position = max(0, min(int(draft["position"]), len(session.steps)))
            session.crisis = bool(draft.get("crisis", False))
        except (KeyError, TypeError, ValueError):
            return None
        return session
