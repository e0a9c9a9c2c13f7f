"""The one session flow: every decision a session makes, for both faces to present.

The full-screen app and plain mode each show steps and read answers, and nothing more.
What an answer leads to (moving on, "let's try that again", a pause for support, a direct
question), which steps are passed by, where a return from support lands, and what is
really written where when the session ends are all decided here, once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tui.core.phrases import Phrase, PhraseStore
from tui.core.practice import (
    categories,
    harvest,
    offer_for_step,
    picked,
    session_record,
    words_that_helped,
)
from tui.core.safety import CRISIS_PAUSE
from tui.core.session import PlannedStep, Review, Session, review_answer, show_rating
from tui.core.storage import ReflectionStore, StoreError, nothing_written, plain_reason
from tui.core.text import quoted, strip_controls
from tui.core.timestamps import spoken_date

if TYPE_CHECKING:
    from tui.core.exercises import Library

Kind = Literal["moved", "try-again", "crisis", "ask", "stayed"]
AskAnswer = Literal["yes", "no", "rather-not"]
# Where a note about words typed at a step without a box is shown (SessionFlow.stray_words).
Said = Literal["here", "next", "back"]
# What a step without a box to write in is, as a note about stray words names it.
_STEP_KINDS = {
    "read": "for reading too",
    "breathe": "for breathing",
    "choose": "a choice",
    "rate": "a rating",
}

# Asked when words might mean risk but aren't clear: plainly, kindly, and without alarm.
ASK_HEADING = "Can I ask you something directly?"
ASK_QUESTION = (
    "Some of what you wrote made me want to check in with you. "
    "Are you having thoughts of ending your life, or of harming yourself?"
)
ASK_CHOICES: tuple[tuple[AskAnswer, str], ...] = (
    ("yes", "Yes, or I'm not sure"),
    ("no", "No, I'm safe"),
    ("rather-not", "I'd rather not say"),
)
# What a person might type instead of the number, in a line-by-line face.
_ASK_WORDS: dict[str, AskAnswer] = {
    "1": "yes",
    "y": "yes",
    "yes": "yes",
    "not sure": "yes",
    "i'm not sure": "yes",
    "unsure": "yes",
    "2": "no",
    "n": "no",
    "no": "no",
    "i'm safe": "no",
    "no, i'm safe": "no",
    "3": "rather-not",
    "rather not": "rather-not",
    "i'd rather not say": "rather-not",
    "rather not say": "rather-not",
}


def typed_ask_answer(typed: str) -> AskAnswer | None:
    """The choice a typed line picks (its number, or the words), or None.

    Someone answering a yes/no question may well type the word, not the number."""
    return _ASK_WORDS.get(" ".join(typed.casefold().split()).rstrip(".!").replace("’", "'"))


# {support} is how this face opens support: "press F2" in the app, "type /support" in plain
# mode, where F2 is no key at all.
RATHER_NOT_NOTE = (
    "That's all right. If things feel heavy at any point, {support} to see people you can reach."
)
RECOVERY_NOTE = (
    "It sounds like you've come a long way through something hard. That matters. "
    "Support is always there: {support}."
)

# Said once a file holds the words of something left part-way (a session, a catch).
KEPT_UNFINISHED = "What you wrote is kept as an unfinished reflection."

LEFT_OUT_NOTE = (
    "The steps that would have asked you to rework those words are left out, on purpose."
)

CLOSING = "What you practise grows stronger. Come back whenever you like."
CRISIS_CLOSING = (
    "You wrote about something very heavy today. If it comes back, {support} to see people "
    "you can reach. You don't have to carry it alone."
)


@dataclass(frozen=True)
class Outcome:
    """What an answer led to. ``note`` is a short line to show on the way (or None)."""

    kind: Kind
    review: Review | None = None
    attempt: int = 0
    note: str | None = None
    kept: bool = True  # for a pause: the words are in a file (the draft) right now

    @property
    def pause_words(self) -> str:
        """The support pause's opening, true to whether the words are kept."""
        if self.kept:
            return CRISIS_PAUSE
        return CRISIS_PAUSE.replace(" What you wrote is kept.", "")


@dataclass(frozen=True)
class SaveReport:
    """What was really written, and where. Faces say only what this says."""

    saved: bool = False
    draft_kept: bool = False
    nothing_to_keep: bool = False
    preview: bool = False
    folder: Path | None = None
    reason: str | None = None
    # Saved, but the kinder versions couldn't join your kind words (tui.core.phrases): why.
    kind_words_problem: str | None = None

    @property
    def safe(self) -> bool:
        """The words are in a file (or there were none to keep)."""
        return self.saved or self.draft_kept or self.nothing_to_keep or self.preview

    def message(self, *, completed: bool = True, words_below: bool = False) -> str:
        """What the save did, said plainly. ``words_below``: the page shows the words under
        this line (said so, not led into with a colon)."""
        if self.preview:
            return "This was a preview: nothing was saved."
        if self.nothing_to_keep:
            return "Nothing was written, so there was nothing to keep."
        if self.saved:
            saved = "Saved to your reflections." if completed else KEPT_UNFINISHED
            if self.kind_words_problem:
                saved += f" Your kind words couldn't be updated ({self.kind_words_problem})."
            return saved
        if self.draft_kept:
            return (
                f"Your reflection couldn't be saved ({self.reason}). Your words are kept as a "
                f"draft in {self.folder} and will be offered next time."
            )
        return nothing_written(self.folder, self.reason, below=words_below)


def reflection_from_draft(draft: dict[str, Any]) -> dict[str, Any] | None:
    """An unfinished reflection made from a draft as it is, without the exercises: for a
    draft that can't be resumed (its exercise changed) or that the person declined."""
    try:
        records = [r for r in draft["records"] if isinstance(r, dict)]
        steps = [
            {k: v for k, v in r.items() if k != "visited"}
            for r in records
            if r.get("visited") or r.get("answer") is not None or r.get("skipped")
        ]
        record: dict[str, Any] = {
            "id": str(draft["id"]),
            "schema": 1,
            "started_at": str(draft["started_at"]),
            "ended_at": str(draft.get("ended_at") or draft["started_at"]),
            "completed": False,
            "situation": draft.get("situation"),
            "minutes_planned": draft.get("minutes_planned"),
            "exercises": list(draft.get("exercises", [])),
            "ratings": {"before": draft.get("before", {}), "after": draft.get("after", {})},
            "steps": steps,
            "crisis": bool(draft.get("crisis", False)),
        }
    except (KeyError, TypeError, ValueError):
        return None
    if draft.get("safety_checks"):
        record["safety_checks"] = draft["safety_checks"]
    return record


def draft_has_words(draft: dict[str, Any]) -> bool:
    records = draft.get("records")
    if not isinstance(records, list):
        return False
    return any(
        isinstance(r, dict) and isinstance(r.get("answer"), str) and r["answer"].strip()
        for r in records
    )


WORDS_KEPT = (
    "Everything you wrote is still here. Not now keeps it in your reflections, as unfinished."
)
NOTHING_WRITTEN_YET = "Nothing was written in it yet, so Not now simply lets it go."


@dataclass(frozen=True)
class DraftOffer:
    """An unfinished session found at start: resume it, or keep it in the reflections."""

    draft: dict[str, Any]
    session: Session | None  # None: it can't be resumed (its exercises changed)

    @property
    def stage(self) -> str:
        return str(self.draft.get("stage", "steps"))

    def question(self) -> str:
        started = self.session.started_at if self.session else None
        when = spoken_date(started) if started else "earlier"
        titles = ", ".join(e.title for e in self.session.exercises) if self.session else ""
        return f"An unfinished session from {when}" + (f": {titles}." if titles else ".")

    @property
    def has_words(self) -> bool:
        return draft_has_words(self.draft)

    def what_is_kept(self) -> str:
        """What the offer says of the words, true either way: a draft where nothing was
        written (every step skipped or only read) has nothing to keep, and "Not now" keeps
        nothing (keep_declined_draft lets it go)."""
        return WORDS_KEPT if self.has_words else NOTHING_WRITTEN_YET


def find_draft(store: ReflectionStore, library: Library) -> DraftOffer | None:
    """The draft left by a session that ended without saving, if any."""
    try:
        draft = store.load_draft()
    except (OSError, StoreError):
        return None
    if draft is None:
        return None
    return DraftOffer(draft, Session.from_draft(draft, library))


def keep_declined_draft(store: ReflectionStore, offer: DraftOffer) -> SaveReport:
    """Declined: kept as an unfinished reflection; the draft goes only once that is on disk."""
    folder = store.data_dir
    if not draft_has_words(offer.draft):
        with contextlib.suppress(OSError, StoreError):
            store.discard_draft()
        return SaveReport(nothing_to_keep=True, folder=folder)
    # A draft kept at the summary (its save failed) is a finished session.
    completed = offer.stage == "summary"
    record = session_record(offer.session, completed=completed) if offer.session else None
    record = record or reflection_from_draft(offer.draft)
    if record is not None:
        record["completed"] = completed
    if record is None:
        return SaveReport(draft_kept=True, folder=folder, reason="the draft could not be read")
    try:
        store.save(record)
    except (OSError, StoreError) as error:
        return SaveReport(draft_kept=True, folder=folder, reason=plain_reason(error))
    with contextlib.suppress(OSError, StoreError):
        store.discard_draft()
    return SaveReport(saved=True, folder=folder)


class SessionFlow:
    """One session's decisions. Faces call these and present what comes back."""

    def __init__(
        self,
        session: Session,
        store: ReflectionStore,
        *,
        backup: Callable[[], str | None] | None = None,
        support_hint: str = "press F2",
    ) -> None:
        self.session = session
        self.store = store
        self.support_hint = support_hint
        # Runs after a reflection is saved; returns a problem to mention, or None.
        self.backup = backup
        self.last_report: SaveReport | None = None
        # (position, words) whose support screen was seen: going on with them moves on.
        self._support_seen: set[tuple[int, str]] = set()
        self._pending: tuple[int, str] | None = None
        self._closed = False  # saved (or let go): a late draft must not bring it back
        self.offered: list[Phrase] = []  # your kind words last offered (kind_words)
        session._pass_by_forwards()

    # -- where we are --------------------------------------------------------------------

    @property
    def current(self) -> PlannedStep | None:
        return self.session.current

    @property
    def finished(self) -> bool:
        return self.session.finished

    def prompt(self) -> str:
        planned = self.current
        return self.session.prompt_for(planned) if planned else ""

    def quote(self) -> str | None:
        """For a reframe: the earlier answer it rewrites."""
        planned = self.current
        return self.session.source_answer(planned) if planned else None

    def answer_so_far(self) -> str | int | None:
        planned = self.current
        return self.session.record_for(planned).answer if planned else None

    def progress(self) -> tuple[str, str]:
        """(title, where we are) for the top of a step: one count, not two mixed."""
        planned = self.current
        if planned is None:
            return "", ""
        exercise = planned.exercise
        steps = [p for p in self.session.steps if p.exercise is exercise]
        number = steps.index(planned) + 1
        exercises = self.session.exercises
        where = f"step {number} of {len(steps)}"
        if len(exercises) > 1:
            where = f"exercise {exercises.index(exercise) + 1} of {len(exercises)}, " + where
        return exercise.title, where

    # -- answering -----------------------------------------------------------------------

    def note_text(self, text: str | None) -> None:
        """Keep unfinished words with their step (back, a crash or leaving lose nothing)."""
        planned = self.current
        if text is not None and planned is not None:
            text = strip_controls(text)
            record = self.session.record_for(planned)
            record.answer = text if text.strip() else None
            if record.answer is not None and not record.prompt:
                # Kept with the question it answers: a draft declined or read back later
                # showed these words under an empty heading.
                record.prompt = self.session.prompt_for(planned)

    def stray_words(self, text: str, *, said: Said = "here") -> Outcome | None:
        """Words typed at a step that takes none (reading, breathing), e.g. an answer typed
        one prompt early. Nothing is saved from them, and that is said, with the words shown
        back, never dropped silently. ``stayed``: nothing is kept for this step (plain mode
        asks it again; the app, its step still on screen, says it on the next); ``crisis``:
        support first, all the same. None when ``text`` is empty or a command.

        ``said``: where the note is shown: at this step (``here``), on the step moved on to
        (``next``) or back to (``back``), so "where to write it" is true where it is read."""
        planned = self.current
        text = strip_controls(text).strip()
        if planned is None or planned.step.takes_text or not text or text.startswith("/"):
            return None
        what = "a breathing step" if planned.step.type == "breathe" else "a reading step"
        then = self._where_to_write(planned, said)
        note = f"(That was {what}, so nothing was saved from it: {quoted(text)} "
        note += f"{then.capitalize()}.)"
        review = review_answer(planned.step, text)
        if review.analysis.crisis:  # not quoted back, nor invited to be written again
            self.session.crisis = True
            note = f"(That was {what}, so nothing was saved from it.)"
            return Outcome("crisis", review, note=note, kept=False)
        return Outcome("stayed", review, note=note)

    def _where_to_write(self, planned: PlannedStep, said: Said) -> str:
        """Where words typed one step early can be written: the next step, when it asks for
        writing; a writing prompt after another step that doesn't (it once said "at the next
        writing prompt" with another reading step next); or nowhere later in the session."""
        rest = self.session.steps[planned.position + 1 :]
        if not any(p.step.takes_text for p in rest):
            return "copy it if you'd like to keep it"
        following = rest[0].step
        if following.takes_text:
            return (
                "you can write it here" if said == "next" else "you can write it at the next step"
            )
        if said == "here":
            kind = _STEP_KINDS.get(following.type, "another step without a box to write in")
            return f"the next step is {kind}; you can write it at a writing prompt after that"
        return "you can write it at a writing prompt a little later"

    def submit(self, value: str | int | None) -> Outcome:
        """The person continues with ``value`` as the answer to the current step."""
        planned = self.current
        if planned is None:
            return Outcome("moved")
        if not planned.step.takes_text:
            self.session.answer(value)
            return self._moved()
        text = strip_controls(str(value or ""))
        if not text.strip():
            self.session.answer(None)
            return self._moved()
        return self._review(planned, text)

    def _keep_version(self, planned: PlannedStep, text: str) -> None:
        record = self.session.record_for(planned)
        if not record.versions or record.versions[-1] != text:
            record.versions.append(text)
        record.tries = len(record.versions)
        record.prompt = self.session.prompt_for(planned)
        record.answer = text

    def _review(self, planned: PlannedStep, text: str, note: str | None = None) -> Outcome:
        session = self.session
        self._keep_version(planned, text)
        review = review_answer(planned.step, text)
        concern = review.analysis.concern
        position = planned.position
        if (position, text) in self._support_seen:
            return self._answer(planned, note)  # going on with them after support
        session.crisis_steps.discard(position)  # any earlier "yes" was about other words
        if concern == "crisis":
            session.crisis = True
            self._pending = (position, text)
            return Outcome("crisis", review, kept=self.keep_draft())
        if concern == "ask" and text not in session.asked:
            self._pending = (position, text)
            self.keep_draft()
            return Outcome("ask", review)
        if concern == "recovery":
            note = RECOVERY_NOTE.format(support=self.support_hint)
        if review.offer_try_again:
            self.keep_draft()
            record = session.record_for(planned)
            return Outcome("try-again", review, attempt=len(record.versions) - 1, note=note)
        return self._answer(planned, note)

    def _answer(self, planned: PlannedStep, note: str | None = None) -> Outcome:
        record = self.session.record_for(planned)
        self.session.answer(record.answer, versions=list(record.versions))
        return self._moved(note)

    def _moved(self, note: str | None = None) -> Outcome:
        self.keep_draft()
        if self.session.steps_left_out:
            note = f"{note} {LEFT_OUT_NOTE}" if note else LEFT_OUT_NOTE
        return Outcome("moved", note=note)

    def continue_from_try_again(self, text: str | None) -> Outcome:
        """Continue pressed while "let's try that again" is open. Words changed in the box
        are the next try, read like any fresh answer (plain mode reads words typed at its
        try-again question the same way); the same words keep it as it is, as Enter does
        there; a box emptied is no answer, as anywhere. Never nothing: the panel kept the old
        words and said nothing."""
        planned = self.current
        if planned is None:
            return Outcome("moved")
        text = strip_controls(text or "")
        versions = self.session.record_for(planned).versions
        if versions and text == versions[-1]:
            return self.keep_as_is()
        return self.submit(text)

    def keep_as_is(self) -> Outcome:
        """After "let's try that again": the person keeps what they wrote."""
        planned = self.current
        if planned is None:
            return Outcome("moved")
        return self._answer(planned)

    def answer_ask(self, choice: AskAnswer) -> Outcome:
        """The person's answer to the direct question; it is kept in the reflection."""
        planned = self.current
        if planned is None or self._pending is None:
            return Outcome("moved")
        position, text = self._pending
        self.session.safety_checks.append(
            {"exercise": planned.exercise.id, "step": planned.step.index, "answer": choice}
        )
        if choice == "yes":
            self.session.crisis = True
            self.session.crisis_steps.add(position)
            return Outcome("crisis", kept=self.keep_draft())
        self._pending = None
        self.session.asked.add(text)
        note = RATHER_NOT_NOTE.format(support=self.support_hint) if choice == "rather-not" else None
        return self._review(planned, text, note)

    def return_from_support(self) -> None:
        """Back to the very step, with the words still there, to change or go on with."""
        if self._pending is not None:
            self._support_seen.add(self._pending)
            self._pending = None
        self.keep_draft()

    def end_after_support(self) -> SaveReport:
        self._pending = None
        self.session.finish()
        return self.save(completed=False)

    def back(self, text: str | None = None) -> bool:
        self.note_text(text)
        self._pending = None
        moved = self.session.back()
        self.keep_draft()
        return moved

    def skip(self, text: str | None = None) -> Outcome:
        """Skip a step; words already typed are kept (skipping passes the checks), but
        crisis words are never skipped past without the support screen."""
        planned = self.current
        if planned is None:
            return Outcome("moved")
        text = strip_controls(text) if text else None
        if planned.step.takes_text and text and text.strip():
            self._keep_version(planned, text)
            concern = self.session.analyse(text).concern
            if concern == "crisis" and (planned.position, text) not in self._support_seen:
                self.session.crisis = True
                self._pending = (planned.position, text)
                return Outcome("crisis", kept=self.keep_draft())
            return self._answer(planned)
        self.session.skip()
        return self._moved()

    def skip_exercise(self) -> None:
        self.session.skip_exercise()
        self.keep_draft()

    # -- the end -------------------------------------------------------------------------

    def summary(self) -> list[tuple[str, str]]:
        """(prompt, answer) for every step that got an answer, in order."""
        items: list[tuple[str, str]] = []
        for record in self.session.records:
            if record.answer is None or record.type in ("read", "breathe"):
                continue
            answer = str(record.answer)
            if record.type == "rate":
                answer = f"{answer} / 10"
            items.append((record.prompt, answer))
        return items

    def summary_beside(self) -> list[tuple[str, str, str | None, list[str]]]:
        """The summary with each rewrite beside what it answered: (prompt, answer, the harsh
        original or None, every version tried). Same items, same order as ``summary``."""
        originals: dict[int, str] = {}
        for planned in self.session.steps:
            if planned.step.type == "reframe":
                source = self.session.source_answer(planned)
                if source:
                    originals[planned.position] = source
        items: list[tuple[str, str, str | None, list[str]]] = []
        for position, record in enumerate(self.session.records):
            if record.answer is None or record.type in ("read", "breathe"):
                continue
            answer = str(record.answer)
            if record.type == "rate":
                answer = f"{answer} / 10"
            original = originals.get(position) if record.type == "reframe" else None
            items.append((record.prompt, answer, original, list(record.versions)))
        return items

    def closing(self) -> str:
        """The last words of a session. After crisis words it ends on where help is, not on
        "practice": those words may still be there when the window closes."""
        if self.session.crisis:
            return CRISIS_CLOSING.format(support=self.support_hint)
        return CLOSING

    def ratings(self) -> list[tuple[str, str, str]]:
        """(label, before, after) for the ratings given, either side."""
        before, after = self.session.before, self.session.after
        rows = []
        for label, a, b in (
            ("Inner voice harshness", before.harsh, after.harsh),
            ("Tension", before.tense, after.tense),
        ):
            if a is not None or b is not None:
                rows.append((label, show_rating(a), show_rating(b)))
        return rows

    def words(self) -> str:
        """Everything written, as plain text to copy when nothing could be saved."""
        parts = []
        for planned, record in zip(self.session.steps, self.session.records, strict=True):
            if isinstance(record.answer, str) and record.answer.strip():
                earlier = [v for v in record.versions if v != record.answer]
                prompt = record.prompt or self.session.prompt_for(planned)
                parts.append("\n".join([prompt, *earlier, record.answer]))
        return "\n\n".join(parts)

    def unsaved_words(self, report: SaveReport, *, completed: bool) -> str:
        """What a save that nothing holds said, then every word: as printed to the terminal
        when the app quits with nothing kept (exit 1)."""
        return f"{report.message(completed=completed)}\n\n{self.words()}".strip()

    def keeps_anything(self, *, completed: bool) -> bool:
        """A finished session is practice, even a breath, unless every step was skipped;
        an unfinished one is kept only when something was written."""
        return self.session.has_writing or (completed and self.session.practised)

    def save(self, *, completed: bool, stage: str = "summary") -> SaveReport:
        """Save, else keep a draft, else say plainly that nothing holds the words."""
        session = self.session
        folder = self.store.data_dir
        if session.preview:
            report = SaveReport(preview=True)
        elif not self.keeps_anything(completed=completed):
            self._closed = True
            self._discard_own_draft()
            report = SaveReport(nothing_to_keep=True, folder=folder)
        else:
            # Each rewrite recorded beside the words it answered (tui.core.practice).
            record = session_record(session, completed=completed)
            try:
                self.store.save(record)
            except (OSError, StoreError) as error:
                reason = plain_reason(error)
                kept = self.keep_draft(stage)
                report = SaveReport(draft_kept=kept, folder=folder, reason=reason)
            else:
                self._closed = True
                self._discard_own_draft()
                problem = self._keep_kind_words(record)
                report = SaveReport(saved=True, folder=folder, kind_words_problem=problem)
                if self.backup is not None:
                    self.backup()
        self.last_report = report
        return report

    def _keep_kind_words(self, record: dict[str, Any]) -> str | None:
        """Kinder versions kept (and not flagged) join your kind words; None, or why not."""
        try:
            harvest(record, PhraseStore(self.store.data_dir), source="session")
        except (OSError, StoreError) as error:
            return plain_reason(error)
        return None

    # -- your kind words, offered back (issue 15) -----------------------------------------

    def kind_words(self, review: Review | None = None) -> list[Phrase]:
        """Up to three of your kind words for the patterns just noticed: in a rewrite's
        "let's try that again" (``review``), else in a reframe step, those in the words being
        rewritten. Kept in ``offered``, so a number typed next picks from the same list."""
        phrases = PhraseStore(self.store.data_dir)
        planned = self.current
        if self.session.preview:
            self.offered = []
        elif review is not None:
            self.offered = words_that_helped(
                phrases, [] if review.crisis else categories(review.analysis)
            )
        elif planned is not None:
            self.offered = offer_for_step(self.session, planned, phrases)
        else:
            self.offered = []
        return self.offered

    def picked(self, answer: str) -> str:
        """A bare number picks one of the words just offered; any other answer is itself."""
        return picked(answer, self.offered)

    def leave(self, *, keep: bool) -> SaveReport:
        """Leaving part-way: keep what's written as an unfinished reflection, or let it go."""
        self.session.finish()
        if keep:
            return self.save(completed=False, stage="steps")
        self._closed = True
        self._discard_own_draft()
        report = SaveReport(nothing_to_keep=True, folder=self.store.data_dir)
        self.last_report = report
        return report

    # -- drafts --------------------------------------------------------------------------

    def keep_draft(self, stage: str = "steps") -> bool:
        """True when the draft is on disk. Another session's draft is never overwritten: it
        is kept as an unfinished reflection first, or this draft is not written. Checked on
        every write, not only the first: two windows can each be in a session, and each
        writes its draft as the person types (a small read, every second or two at most)."""
        if self.session.preview or self._closed:
            return True  # nothing to keep, or the reflection already holds it all
        try:
            if not self._set_aside_other_draft():
                return False
            self.store.save_draft(self.session.to_draft(stage))
        except (OSError, StoreError):
            return False
        return True

    def _set_aside_other_draft(self) -> bool:
        draft = self.store.load_draft()
        if draft is None or draft.get("id") == self.session.id:
            return True
        if not draft_has_words(draft):
            return True
        record = reflection_from_draft(draft)
        if record is None:
            return False
        self.store.save(record)
        return True

    def _discard_own_draft(self) -> None:
        with contextlib.suppress(OSError, StoreError):
            draft = self.store.load_draft()
            if draft is None or draft.get("id") == self.session.id:
                self.store.discard_draft()
