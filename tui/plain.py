"""Plain mode: the same session, line by line, for screen readers and simple terminals.

No Textual here. Prompts are printed as plain text and answers read from standard input,
driven by the same core (planning, ``Session``, ``review_answer``, storage) as the
full-screen app, so both behave alike. At any prompt a person can type /back, /skip,
/leave, /support or /help.
"""

from __future__ import annotations

import contextlib
import random
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tui.core.exercises import SITUATIONS, Library, load_library
from tui.core.safety import CRISIS_PAUSE, NOT_A_CRISIS_SERVICE, support_lines
from tui.core.selftalk import hint_for
from tui.core.session import (
    PlannedStep,
    Ratings,
    Session,
    plan_session,
    review_answer,
    show_rating,
    try_again_heading,
)
from tui.core.settings import Settings
from tui.core.storage import ReflectionStore, StoreError
from tui.core.text import visible_controls

COMMANDS = "Type /back, /skip, /leave, /support or /help at any prompt."


class _Leave(Exception):
    """The person typed /leave, or input ended."""


class _Back(Exception):
    """The person typed /back at a rating."""


@dataclass
class PlainIO:
    stdin: TextIO
    stdout: TextIO
    width: int = 72
    sleep: Callable[[float], None] = time.sleep
    # Piped answers aren't echoed by a terminal; echo them so the transcript reads whole.
    echo: bool = False

    def say(self, text: str = "") -> None:
        for paragraph in visible_controls(text).split("\n"):
            self.stdout.write((textwrap.fill(paragraph, self.width) if paragraph else "") + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        self.stdout.write(visible_controls(prompt) + " ")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            raise _Leave
        answer = line.rstrip("\r\n")
        if self.echo:
            self.stdout.write(visible_controls(answer) + "\n")
        return answer


class PlainSession:
    def __init__(
        self,
        io: PlainIO,
        library: Library,
        store: ReflectionStore,
        settings: Settings,
    ) -> None:
        self.io = io
        self.library = library
        self.store = store
        self.settings = settings

    # -- pieces ----------------------------------------------------------------------

    def support(self) -> None:
        say = self.io.say
        say()
        say("Support")
        say(NOT_A_CRISIS_SERVICE)
        say("If you might act on thoughts of harming yourself, please reach a person now:")
        for line in support_lines(self.settings.country, self.settings.support_lines):
            say("- " + line)
        say("Or tell someone you trust how you're feeling. You deserve support.")
        say()

    def help(self) -> None:
        self.io.say(COMMANDS)
        self.io.say(
            "Press Enter on its own to skip a question. Nothing you write leaves this computer."
        )

    def rating(self, prompt: str, low: str, high: str) -> int | None:
        while True:
            answer = self.io.ask(f"{prompt} (0 = {low}, 10 = {high}; Enter to skip):").strip()
            if answer in ("", "/skip"):
                return None
            if answer == "/back":
                raise _Back
            if answer.isdigit() and 0 <= int(answer) <= 10:
                return int(answer)
            if self._command(answer):
                continue
            self.io.say("Please type a number from 0 to 10, or press Enter to skip.")

    def ratings(self) -> Ratings:
        if not self.settings.ask_ratings:
            return Ratings()
        values: list[int | None] = []
        for prompt, low, high in (
            ("How harsh does your inner voice feel right now?", "gentle", "very harsh"),
            ("How tense do you feel?", "calm", "very tense"),
        ):
            try:
                values.append(self.rating(prompt, low, high))
            except _Back:
                values.append(None)
        return Ratings(harsh=values[0], tense=values[1])

    def _command(self, answer: str) -> bool:
        """Handle the commands that make sense anywhere; True if it was one."""
        if answer == "/support":
            self.support()
            return True
        if answer == "/help":
            self.help()
            return True
        if answer == "/leave":
            raise _Leave
        return False

    # -- the session -----------------------------------------------------------------

    def check_in(self, minutes: int, rng: random.Random | None = None) -> Session | None:
        say = self.io.say
        say(f"A {minutes}-minute session. Everything is optional.")
        keys = list(SITUATIONS)
        for number, key in enumerate(keys, 1):
            say(f"  {number}. {SITUATIONS[key]}")
        situation = None
        while True:
            answer = self.io.ask("What brings you here today? (a number, or Enter to skip):")
            answer = answer.strip()
            if answer == "":
                break
            if answer.isdigit() and 1 <= int(answer) <= len(keys):
                situation = keys[int(answer) - 1]
                break
            if not self._command(answer):
                say("Please type one of the numbers, or press Enter to skip.")
        before = self.ratings()
        try:
            recent = self.store.last_exercises()
        except (OSError, StoreError):
            recent = []
        exercises = plan_session(self.library, minutes, situation, recent, rng)
        if not exercises:
            say("No exercises could be loaded.")
            return None
        return Session(exercises, situation=situation, before=before, minutes_planned=minutes)

    def run(self, session: Session) -> bool:
        """Walk the steps; returns True when finished, False when left part-way."""
        say = self.io.say
        say(COMMANDS)
        shown_exercise = None
        try:
            while not session.finished:
                planned = session.current
                assert planned is not None
                if planned.exercise is not shown_exercise:
                    shown_exercise = planned.exercise
                    say()
                    say(f"== {planned.exercise.title} ==")
                self.step(session, planned)
                self._keep_draft(session)
        except (_Leave, KeyboardInterrupt):
            session.finish()
            if session.has_writing:
                self._save(session, completed=False)
                say("What you wrote is kept as an unfinished reflection.")
            else:
                self._discard_draft()
            return False
        say()
        say("Before you go, notice how you are now. There's no right answer.")
        try:
            session.after = self.ratings()
        except _Leave:
            session.after = Ratings()
        session.finish()
        self.summary(session)
        return True

    def step(self, session: Session, planned: PlannedStep) -> None:
        step = planned.step
        say = self.io.say
        prompt = session.prompt_for(planned)
        say()
        if step.type == "read":
            say(prompt)
            answer = self.io.ask("(Enter to continue)").strip()
            self._after(session, answer, None)
        elif step.type == "breathe":
            if prompt:
                say(prompt)
            seconds = (step.inhale + step.hold + step.exhale) * step.cycles
            answer = self.io.ask(
                f"Press Enter to breathe along for about {seconds} seconds, or type /skip:"
            ).strip()
            if answer == "":
                self.breathe(step.inhale, step.hold, step.exhale, step.cycles)
            self._after(session, answer, None)
        elif step.type == "choose":
            say(prompt)
            for number, option in enumerate(step.options, 1):
                say(f"  {number}. {option}")
            while True:
                answer = self.io.ask("Your choice (a number, or Enter to skip):").strip()
                if answer.isdigit() and 1 <= int(answer) <= len(step.options):
                    self._after(session, "", step.options[int(answer) - 1])
                    return
                if answer == "" or answer.startswith("/"):
                    self._after(session, answer, None)
                    return
                say("Please type one of the numbers.")
        elif step.type == "rate":
            try:
                value = self.rating(prompt, step.low, step.high)
            except _Back:
                session.back()
                return
            session.answer(value)
        else:
            self.write(session, planned, prompt)

    def _after(self, session: Session, command: str, value: str | int | None) -> None:
        if command == "/back":
            session.back()
        elif command == "/skip":
            session.skip()
        elif command and self._command(command):
            return  # showed support/help; ask the same step again
        else:
            session.answer(value)

    def write(self, session: Session, planned: PlannedStep, prompt: str) -> None:
        say = self.io.say
        source = session.source_answer(planned)
        if planned.step.type == "reframe":
            say("You wrote: " + (source or "(nothing yet, and that's fine)"))
        say(prompt)
        record = session.record_for(planned)
        versions = list(record.versions)
        while True:
            answer = self.io.ask("> ")
            stripped = answer.strip()
            if stripped in ("/back", "/skip") or (stripped and self._command(stripped)):
                self._after(session, stripped, None)
                return
            if not stripped:
                session.answer(None)
                return
            if not versions or versions[-1] != answer:
                versions.append(answer)
            review = review_answer(planned.step, answer)
            if review.crisis:
                session.crisis = True
                session.answer(review.text, versions=versions)
                self._keep_draft(session)
                self.crisis_pause(session)
                return
            if review.offer_try_again:
                attempt = len(versions) - 1
                say(try_again_heading(attempt))
                say("It sounds like the critic might still be speaking here:")
                for finding in review.analysis.findings:
                    say(f'  "{finding.match}" ({finding.category.replace("-", " ")})')
                first = review.analysis.findings[0]
                say(hint_for(first.category, attempt))
                choice = self.io.ask("Try again? (y = try again, Enter = keep it as it is):")
                if choice.strip().lower() in ("y", "yes"):
                    say("Take your time. Write it again:")
                    continue
            session.answer(review.text, versions=versions)
            return

    def crisis_pause(self, session: Session) -> None:
        say = self.io.say
        say()
        say(CRISIS_PAUSE)
        self.support()
        while True:
            say("  1. A grounding breath")
            say("  2. Return to the exercise")
            say("  3. End the session")
            answer = self.io.ask("What would help? (1, 2 or 3):").strip()
            if answer == "1":
                say(
                    "Feel your feet on the floor. Breathe in gently, and let the out-breath "
                    "be a little longer."
                )
                self.breathe(4, 0, 6, 3)
            elif answer == "2":
                return
            elif answer in ("3", "/leave"):
                raise _Leave

    def breathe(self, inhale: int, hold: int, exhale: int, cycles: int) -> None:
        for cycle in range(1, cycles + 1):
            self.io.say(f"Breath {cycle} of {cycles}: breathe in for {inhale}…")
            self.io.sleep(inhale)
            if hold:
                self.io.say(f"hold gently for {hold}…")
                self.io.sleep(hold)
            self.io.say(f"and out for {exhale}.")
            self.io.sleep(exhale)

    def summary(self, session: Session) -> None:
        say = self.io.say
        saved = self._save(session, completed=True)
        say()
        say("Thank you for practising.")
        before, after = session.before, session.after
        if before.any() or after.any():
            say(f"Inner voice harshness: {show_rating(before.harsh)} -> {show_rating(after.harsh)}")
            say(f"Tension: {show_rating(before.tense)} -> {show_rating(after.tense)}")
        for record in session.records:
            if record.answer is not None and record.type in ("write", "reframe", "choose"):
                say(f"{record.prompt}")
                say(f"  {record.answer}")
        say(
            "Saved to your reflections."
            if saved
            else "Not saved: your words are kept as a draft for next time."
        )

    # -- storage ---------------------------------------------------------------------

    def _save(self, session: Session, *, completed: bool) -> bool:
        from tui.core.phrases import PhraseStore
        from tui.core.practice import harvest, session_record

        record = session_record(session, completed=completed)
        try:
            self.store.save(record)
        except (OSError, StoreError) as error:
            self.io.say(f"Your reflection couldn't be saved ({error}).")
            self._keep_draft(session)
            return False
        self._discard_draft()
        try:
            harvest(record, PhraseStore(self.store.data_dir), source="session")
        except (OSError, StoreError) as error:
            self.io.say(
                f"Your reflection is saved, but your kind words couldn't be updated ({error})."
            )
        from tui.core.backups import BackupError, take_daily_backup

        try:
            take_daily_backup(self.store.data_dir)
        except BackupError as error:
            self.io.say(f"Today's backup couldn't be made ({error}). Your reflection is saved.")
        return True

    def _keep_draft(self, session: Session) -> None:
        with contextlib.suppress(OSError, StoreError):
            self.store.save_draft(session.to_draft())

    def _discard_draft(self) -> None:
        with contextlib.suppress(OSError, StoreError):
            self.store.discard_draft()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_plain(
    data_dir: Path,
    settings: Settings,
    *,
    minutes: int | None = None,
    exercise_id: str | None = None,
    rng: random.Random | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    stdin = stdin or sys.stdin
    io = PlainIO(stdin, stdout or sys.stdout, echo=not _is_terminal(stdin))
    library = load_library(custom_dir=data_dir / "exercises")
    store = ReflectionStore(data_dir)
    plain = PlainSession(io, library, store, settings)
    chosen = library.get(exercise_id) if exercise_id is not None else None
    if exercise_id is not None and chosen is None:
        print(
            f"kindtone: there is no exercise called {exercise_id!r}; "
            "see them with: kindtone exercises list",
            file=sys.stderr,
        )
        return 1
    io.say("kindtone: self-compassion practice, line by line (plain mode).")
    io.say("A practice tool, not a substitute for professional care. Type /support any time.")
    io.say()
    try:
        if chosen is not None:
            session: Session | None = Session([chosen], minutes_planned=chosen.minutes)
        else:
            session = plain.check_in(minutes or settings.session_minutes, rng)
    except (_Leave, KeyboardInterrupt):
        io.say("Come back whenever you like.")
        return 0
    if session is None:
        return 1
    plain.run(session)
    return 0
