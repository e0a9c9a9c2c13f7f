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

# Shown in place of a step that would hand back a kinder version to rehearse, when the
# version kept still sounded like the critic: honest, and not a scolding.
HONEST_INSTEAD = (
    "The version you kept still carries some of the critic's voice, and that's all right. "
    "Old ways of talking to ourselves take many goes to change. Noticing them is the "
    "practice, and you did that today."
)
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


def _is_missing(answer: object) -> bool:
    """No answer, or only blank words (a rating of 0 is an answer)."""
    return answer is None or (isinstance(answer, str) and not answer.strip())


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
        # Positions whose words the person said were about harming themselves ("Yes, or I'm
        # not sure"); words the analysis reads as crisis are recognised without this.
        self.crisis_steps: set[int] = set()
        # Words already asked about ("No, I'm safe"): not asked about again.
        self.asked: set[str] = set()
        # What the person answered when asked directly, kept in the reflection.
        self.safety_checks: list[dict[str, Any]] = []
        self._analyses: dict[str, Analysis] = {}
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
        # Steps the last move passed by because they would hand back crisis or recovery words.
        self.steps_left_out = 0
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
        if step.type == "read" and self.rehearses_harsh(planned) is not None:
            return HONEST_INSTEAD
        return self.render(planned, step.prompt or step.text)

    def source_answer(self, planned: PlannedStep) -> str | None:
        """For a reframe step: the earlier answer being rewritten."""
        source = planned.step.source
        if source is None:
            return None
        return self.answers_for(planned.exercise.id).get(source)

    # -- steps passed by ----------------------------------------------------------------

    def analyse(self, text: str) -> Analysis:
        """The analysis of an answer, remembered: pass-by checks ask about the same words often."""
        found = self._analyses.get(text)
        if found is None:
            from tui.core.selftalk import analyse  # see review_answer

            found = self._analyses[text] = analyse(text)
        return found

    def names(self, planned: PlannedStep) -> set[str]:
        """Earlier answers this step shows: ``{name}`` in its words, and a reframe's source."""
        step = planned.step
        found = set()
        for template in (step.prompt, step.text, step.placeholder):
            found.update(template_names(template or ""))
        if step.source:
            found.add(step.source)
        found.update(step.about)
        return found

    def _named_steps(self, planned: PlannedStep) -> list[PlannedStep]:
        names = self.names(planned)
        return [
            other
            for other in self.steps[: planned.position]
            if other.exercise is planned.exercise and other.step.id in names
        ]

    def holds_crisis_words(self, planned: PlannedStep) -> bool:
        """This step's answer is words of crisis (or ones the person said were), or of a
        crisis lived through (recovery): a past attempt or a safety plan is not a thought to
        defuse or rewrite more kindly."""
        if planned.position in self.crisis_steps:
            return True
        answer = self.records[planned.position].answer
        if not (isinstance(answer, str) and answer.strip()):
            return False
        return self.analyse(answer).concern in ("crisis", "recovery")

    def hands_back_crisis(self, planned: PlannedStep) -> bool:
        """Any step whose words name crisis words, directly or through a step passed by for
        them, whatever its type: such words are never quoted, rewritten, defused or reframed
        (nor are words of recovery from one)."""
        return any(
            self.holds_crisis_words(other) or self.hands_back_crisis(other)
            for other in self._named_steps(planned)
        )

    def rehearses_harsh(self, planned: PlannedStep) -> PlannedStep | None:
        """The reframe this step would hand back to rehearse, when the kept version still
        sounded like the critic (the person chose to keep it as it was)."""
        for other in self._named_steps(planned):
            answer = self.records[other.position].answer
            if (
                other.step.type == "reframe"
                and isinstance(answer, str)
                and answer.strip()
                and self.analyse(answer).critical
            ):
                return other
        return None

    def misses_an_answer(self, planned: PlannedStep) -> bool:
        """A step that quotes an earlier answer that was skipped would show an empty quote,
        and one about it (``about``) would answer nothing. A reframe still runs (it says there
        is nothing yet, and that's fine)."""
        if planned.step.type == "reframe":
            return False
        step = planned.step
        quoted = set(step.about)
        for template in (step.prompt, step.text):
            quoted.update(template_names(template or ""))
        return any(
            other.step.id in quoted and _is_missing(self.records[other.position].answer)
            for other in self._named_steps(planned)
        )

    def passed_by(self, planned: PlannedStep) -> bool:
        if self.hands_back_crisis(planned) or self.misses_an_answer(planned):
            return True
        # A read step that would rehearse a harsh version says something honest instead.
        return planned.step.type != "read" and self.rehearses_harsh(planned) is not None

    def _mark_passed(self, planned: PlannedStep) -> None:
        record = self.record_for(planned)
        # Never with answers in it (they may be crisis words), nor with "{thought}" shown raw
        # when the reflection is read: each reference reads "…", as for a skipped answer.
        record.prompt = fill_template(planned.step.prompt or planned.step.text, {})
        record.answer = None
        record.versions = []
        record.tries = 0
        record.skipped = True
        record.visited = False

    def _pass_by_forwards(self) -> None:
        self.steps_left_out = 0
        while (planned := self.current) is not None and self.passed_by(planned):
            # Counted so the person is told: steps vanishing unexplained reads like a fault.
            self.steps_left_out += self.hands_back_crisis(planned)
            self._mark_passed(planned)
            self.position += 1

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
        self._pass_by_forwards()

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
        self._pass_by_forwards()

    def back(self) -> bool:
        """Go to the previous step that is not passed by, keeping what was written there.
        False when there is none."""
        earlier = self.position - 1
        while earlier >= 0 and self.passed_by(self.steps[earlier]):
            earlier -= 1
        if earlier < 0:
            return False
        self._leave()
        self.position = earlier
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
    def practised(self) -> bool:
        """Something was done, not only skipped: a step read or breathed through, an
        answer, or a rating."""
        return (
            any(r.visited and not r.skipped for r in self.records)
            or any(r.answer is not None for r in self.records)
            or self.before.any()
            or self.after.any()
        )

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
            **({"safety_checks": list(self.safety_checks)} if self.safety_checks else {}),
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
            "crisis_steps": sorted(self.crisis_steps),
            "asked": sorted(self.asked),
            "safety_checks": list(self.safety_checks),
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
            session.crisis_steps = {int(n) for n in draft.get("crisis_steps", [])}
            session.asked = {str(t) for t in draft.get("asked", [])}
            session.safety_checks = [dict(c) for c in draft.get("safety_checks", [])]
        except (KeyError, TypeError, ValueError):
            return None
        return session
