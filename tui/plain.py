"""Plain mode: the same session, line by line, for screen readers and simple terminals.

No Textual here. Prompts are printed as plain text and answers read from standard input,
driven by the same core (planning, ``Session``, ``review_answer``, storage) as the
full-screen app, so both behave alike. At any prompt a person can type /back, /skip,
/leave, /support or /help.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tui.core.exercises import SITUATIONS, Exercise, Library, load_library
from tui.core.flow import (
    ASK_CHOICES,
    ASK_HEADING,
    ASK_QUESTION,
    Outcome,
    SaveReport,
    SessionFlow,
    find_draft,
    keep_declined_draft,
    typed_ask_answer,
)
from tui.core.phrases import Phrase
from tui.core.practice import (
    explain_findings,
    gentle_name,
    numbered,
    side_by_side,
    tries_lines,
)
from tui.core.safety import CRISIS_PAUSE, NOT_A_CRISIS_SERVICE, support_lines
from tui.core.session import Ratings, Session, plan_session, try_again_heading
from tui.core.settings import Settings
from tui.core.storage import ReflectionStore, StoreError
from tui.core.text import count, strip_controls, visible_controls
from tui.unsent import UnsentLine, not_sent

COMMANDS = "Type /back, /skip, /leave, /support or /help at any prompt."


def _is_try_again_choice(typed: str, *, picks_words: bool) -> bool:
    """An answer to "Try again?": a choice, a command, one of the kind words offered, or new
    words (a bare number picking nothing is not: it is asked about, not kept)."""
    choices = ("", "y", "yes", "n", "no", "/back", "/skip")
    return typed.lower() in choices or picks_words or any(ch.isalpha() for ch in typed)


class _Leave(Exception):
    """The person typed /leave, or input ended."""


class _Interrupted(KeyboardInterrupt):
    """ctrl+c at a prompt. ``unsent``: the words typed on its line and not yet sent (a
    terminal drops them on ctrl+c unless asked not to: tui.unsent); ``kept``: they are now
    in the session, with the step they were typed at."""

    def __init__(self, unsent: str = "") -> None:
        super().__init__()
        self.unsent = unsent
        self.kept = False


class _Back(Exception):
    """The person typed /back at a rating."""


class _Ended(Exception):
    """The person ended the session from the support pause."""


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
            # An indented line keeps its indent when it wraps (a hanging indent).
            indent = paragraph[: len(paragraph) - len(paragraph.lstrip(" "))]
            wrapped = textwrap.fill(
                paragraph,
                self.width,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            self.stdout.write((wrapped if paragraph else "") + "\n")
        self.stdout.flush()

    # Forgets keys typed while nothing was asked (e.g. during a breathing step).
    flush_input: Callable[[], None] = lambda: None
    # Whether another line is already waiting: lines pasted together at a terminal.
    line_waiting: Callable[[], bool] = lambda: False
    # After ctrl+c: the words typed on the line and not sent (tui.unsent), else "".
    unsent: Callable[[], str] = lambda: ""

    def ask_text(self, prompt: str) -> str:
        """An answer in words: lines that came in together (several lines pasted at once)
        are one answer, not answers to the prompts after it."""
        answer = self.ask(prompt)
        try:
            while self.line_waiting():
                line = self.stdin.readline()
                if not line:
                    break
                answer += "\n" + line.rstrip("\r\n")
        except KeyboardInterrupt:
            raise _Interrupted("\n".join(filter(None, (answer, self.unsent())))) from None
        return answer

    def ask(self, prompt: str) -> str:
        # Long prompts wrap at word boundaries, like everything else said.
        lines = textwrap.wrap(visible_controls(prompt), self.width, break_long_words=False) or [""]
        for line in lines[:-1]:
            self.stdout.write(line + "\n")
        self.stdout.write(lines[-1] + " ")
        self.stdout.flush()
        try:
            line = self.stdin.readline()
        except KeyboardInterrupt:
            raise _Interrupted(self.unsent()) from None
        if not line:
            self.stdout.write("\n")
            raise _Leave
        answer = line.rstrip("\r\n")
        if self.echo:
            self.stdout.write(visible_controls(answer) + "\n")
        return answer


class PlainSession:
    """Presents the session flow line by line; every decision is the flow's."""

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
        self.report: SaveReport | None = None
        self._flow: SessionFlow | None = None

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

    def unsent_of(self, left: BaseException) -> str:
        """The words on the line when ctrl+c came. Not at a prompt (breathing, a moment
        between two), they are read now: left waiting, they would go to the shell after."""
        if isinstance(left, _Interrupted):
            return left.unsent
        return self.io.unsent() if isinstance(left, KeyboardInterrupt) else ""

    def unsent_back(self, unsent: str) -> None:
        """Words typed at a prompt that takes none to keep (a number, y/n), not sent when
        ctrl+c came: shown back, never dropped in silence."""
        said = not_sent(unsent)
        if said is not None:
            self.io.say(said)

    def help(self) -> None:
        self.io.say(COMMANDS)
        self.io.say(
            "Press Enter on its own to skip a question (or to keep the words you already "
            "wrote there). Nothing you write leaves this computer."
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
        """The two optional ratings; /back at the second goes to the first."""
        if not self.settings.ask_ratings:
            return Ratings()
        questions = (
            ("How harsh does your inner voice feel right now?", "gentle", "very harsh"),
            ("How tense do you feel?", "calm", "very tense"),
        )
        values: list[int | None] = [None, None]
        number = 0
        while number < len(questions):
            try:
                values[number] = self.rating(*questions[number])
            except _Back:
                if number == 0:
                    raise
                number -= 1
                continue
            number += 1
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

    # -- before the session ----------------------------------------------------------

    def offer_draft(self) -> tuple[Session, str] | None:
        """An unfinished session from before: resume it, or keep it as a reflection.
        Its words are never deleted unsaved."""
        offer = find_draft(self.store, self.library)
        if offer is None:
            return None
        say = self.io.say
        if offer.session is None:
            report = keep_declined_draft(self.store, offer)
            if report.saved:
                say(
                    "An unfinished session could not be resumed (its exercise has changed). "
                    "What you wrote then is kept as an unfinished reflection."
                )
            say()
            return None
        while True:
            answer = self.io.ask(f"{offer.question()} Resume it? [Y/n]").strip().lower()
            if answer in ("", "y", "yes"):
                return offer.session, offer.stage
            if answer in ("n", "no"):
                break
            if not self._command(answer):
                say(
                    "Please type y to resume it, or n to "
                    + ("keep it in your reflections." if offer.has_words else "let it go.")
                )
        report = keep_declined_draft(self.store, offer)
        if report.saved:
            say("What you wrote then is kept as an unfinished reflection.")
        elif not report.nothing_to_keep:
            say(
                f"It couldn't be moved to your reflections ({report.reason}); "
                "it stays as a draft and will be offered next time."
            )
        say()
        return None

    def check_in(self, minutes: int, rng: random.Random | None = None) -> Session | None:
        say = self.io.say
        say(f"A {minutes}-minute session. Everything is optional.")
        keys = list(SITUATIONS)
        situation = None
        while True:
            for number, key in enumerate(keys, 1):
                say(f"  {number}. {SITUATIONS[key]}")
            while True:
                answer = self.io.ask("What brings you here today? (a number, or Enter to skip):")
                answer = answer.strip()
                if answer == "":
                    break
                if answer.isdigit() and 1 <= int(answer) <= len(keys):
                    situation = keys[int(answer) - 1]
                    break
                if answer == "/back":
                    say("This is the first question.")
                elif not self._command(answer):
                    say("Please type one of the numbers, or press Enter to skip.")
            try:
                before = self.ratings()
            except _Back:
                continue
            break
        try:
            recent = self.store.last_exercises()
        except (OSError, StoreError):
            recent = []
        exercises = plan_session(self.library, minutes, situation, recent, rng)
        if not exercises:
            say("No exercises could be loaded.")
            return None
        return Session(exercises, situation=situation, before=before, minutes_planned=minutes)

    # -- the session -----------------------------------------------------------------

    def run(self, flow: SessionFlow, stage: str = "steps") -> bool:
        """Walk the steps; True when finished, False when left part-way."""
        say = self.io.say
        say(COMMANDS)
        shown_exercise = None
        try:
            while stage == "steps" and not flow.finished:
                planned = flow.current
                assert planned is not None
                if planned.exercise is not shown_exercise:
                    shown_exercise = planned.exercise
                    title, where = flow.progress()
                    say()
                    say(f"== {title} ==")
                    if where.startswith("exercise"):
                        say(where.split(",")[0].capitalize() + ".")
                self.step(flow)
        except _Ended:
            self._report(flow.end_after_support(), completed=False)
            if self.report is not None and self.report.saved:
                say("Be gentle with yourself.")
            return False
        except (_Leave, KeyboardInterrupt) as left:
            say()
            self._report(flow.leave(keep=True), completed=False)
            if not (isinstance(left, _Interrupted) and left.kept):
                self.unsent_back(self.unsent_of(left))
            return False
        if stage != "summary" and self.settings.ask_ratings:
            say()
            say("Before you go, notice how you are now. There's no right answer.")
            flow.keep_draft("checkout")
            try:
                flow.session.after = self.ratings()
            except (_Leave, _Back, KeyboardInterrupt) as left:
                flow.session.after = Ratings()
                if isinstance(left, KeyboardInterrupt):
                    say()
                    self.unsent_back(self.unsent_of(left))
        flow.session.finish()
        self.summary(flow)
        return True

    def step(self, flow: SessionFlow) -> None:
        planned = flow.current
        assert planned is not None
        step = planned.step
        say = self.io.say
        prompt = flow.prompt()
        say()
        if step.type == "read":
            say(prompt)
            answer = self.io.ask("(Enter to continue)").strip()
            if not self._stray(flow, answer):
                self._after(flow, answer, None)
        elif step.type == "breathe":
            if prompt:
                say(prompt)
            seconds = (step.inhale + step.hold + step.exhale) * step.cycles
            answer = self.io.ask(
                f"Press Enter to breathe along for about {count(seconds, 'second')}, or type /skip:"
            ).strip()
            if self._stray(flow, answer):
                return
            if answer == "":
                self.breathe(step.inhale, step.hold, step.exhale, step.cycles)
            self._after(flow, answer, None)
        elif step.type == "choose":
            say(prompt)
            for number, option in enumerate(step.options, 1):
                say(f"  {number}. {option}")
            while True:
                answer = self.io.ask("Your choice (a number, or Enter to skip):").strip()
                if answer.isdigit() and 1 <= int(answer) <= len(step.options):
                    self._after(flow, "", step.options[int(answer) - 1])
                    return
                if answer == "" or answer.startswith("/"):
                    self._after(flow, answer, None)
                    return
                say("Please type one of the numbers.")
        elif step.type == "rate":
            try:
                value = self.rating(prompt, step.low, step.high)
            except _Back:
                flow.back()
                return
            self._show(flow.submit(value))
        else:
            self.write(flow, prompt)

    def _stray(self, flow: SessionFlow, typed: str) -> bool:
        """Words typed where none are asked: said and shown back (the step is asked again),
        never dropped silently. True when that happened."""
        outcome = flow.stray_words(typed)
        if outcome is None:
            return False
        if outcome.note:
            self.io.say(outcome.note)
        if outcome.kind == "crisis":
            # The same pause as the app's (its words, support, then a choice), not the
            # support lines alone: one flow, two faces.
            self.crisis_pause(outcome.pause_words)
        return True

    def _after(self, flow: SessionFlow, command: str, value: str | int | None) -> None:
        if command == "/back":
            flow.back()
        elif command == "/skip":
            flow.skip()
        elif command and self._command(command):
            return  # showed support or help; the same step is asked again
        else:
            self._show(flow.submit(value))

    def write(self, flow: SessionFlow, prompt: str) -> None:
        say = self.io.say
        planned = flow.current
        assert planned is not None
        if planned.step.type == "reframe":
            say("You wrote: " + (flow.quote() or "(nothing yet, and that's fine)"))
        say(prompt)
        so_far = flow.answer_so_far()
        if isinstance(so_far, str) and so_far.strip():
            say(f"Your words so far: “{so_far}”")
            say("Press Enter to go on with them, or write them differently.")
        self._offer(flow.kind_words())
        while True:
            try:
                answer = flow.picked(self.io.ask_text(">"))
            except _Interrupted as interrupted:
                # ctrl+c with words typed and not sent: they are this step's words (after
                # any kept there before), saved with the session as it is left.
                unsent = strip_controls(interrupted.unsent)
                if unsent.strip():
                    earlier = so_far if isinstance(so_far, str) and so_far.strip() else ""
                    flow.note_text(f"{earlier}\n{unsent}" if earlier else unsent)
                    interrupted.kept = True
                raise
            stripped = answer.strip()
            if stripped == "/back":
                flow.back()
                return
            if stripped == "/skip":
                self._show(flow.skip(so_far if isinstance(so_far, str) else None))
                return
            if stripped.startswith("/") and self._command(stripped):
                continue
            if not stripped and isinstance(so_far, str) and so_far.strip():
                answer = so_far
            if self._show(flow.submit(answer)):
                return
            say("Take your time. Write it again:")

    def _show(self, outcome: Outcome) -> bool:
        """Present what an answer led to; False when the person will write it again."""
        say = self.io.say
        if outcome.kind == "crisis":
            self.crisis_pause(outcome.pause_words)
            return True
        if outcome.kind == "ask":
            return self._show(self.ask_directly())
        if outcome.kind == "try-again" and outcome.review is not None:
            analysis = outcome.review.analysis
            attempt = outcome.attempt
            say(try_again_heading(attempt))
            still = " still" if attempt else ""
            say(f"It sounds like the critic might{still} be speaking here:")
            for finding, hint in explain_findings(analysis, attempt):
                say(f"  “{finding.match}”: {gentle_name(finding.category)}.")
                say("  " + hint)
            self._offer(self.flow.kind_words(outcome.review), after="y")
            choice = self._try_again_choice()
            if outcome.note:
                say(outcome.note)
            if choice == "/back":
                self.flow.back()
                return True
            if choice.lower() in ("y", "yes"):
                return False
            if choice.lower() in ("", "n", "no", "/skip"):
                return self._show(self.flow.keep_as_is())
            # New words typed straight in are the next try, read like any other (a number
            # picks one of the kind words offered): never dropped for "keep it as it is".
            return self._show(self.flow.submit(self.flow.picked(choice)))
        if outcome.note:
            say(outcome.note)
        return True

    def _try_again_choice(self) -> str:
        """y, Enter, /back, /skip or new words; /support and /help are shown and it is asked
        again, /leave leaves (as at every prompt)."""
        question = "Try again? (y = try again, Enter = keep it as it is, or write it anew):"
        while True:
            typed = self.io.ask(question).strip()
            if typed.startswith("/") and typed not in ("/back", "/skip"):
                if self._command(typed):
                    continue
            elif _is_try_again_choice(typed, picks_words=self.flow.picked(typed) != typed):
                return typed
            self.io.say("Type y to try again, or press Enter to keep it as it is.")

    def _offer(self, offered: list[Phrase], after: str | None = None) -> None:
        """Your kind words for what was just noticed, numbered: typing one's number uses it."""
        if not offered:
            return
        when = f"after {after}, type" if after else "type"
        self.io.say(f"Words that helped you before ({when} a number to use one):")
        for line in numbered(offered):
            self.io.say(f"  {line}")

    def ask_directly(self) -> Outcome:
        say = self.io.say
        say()
        say(ASK_HEADING)
        say(ASK_QUESTION)
        for number, (_, label) in enumerate(ASK_CHOICES, 1):
            say(f"  {number}. {label}")
        while True:
            answer = self.io.ask("Your answer (1, 2 or 3):").strip()
            choice = typed_ask_answer(answer)
            if choice is not None:
                return self.flow.answer_ask(choice)
            if not self._command(answer):
                say("Please type 1, 2 or 3.")

    def crisis_pause(self, words: str = CRISIS_PAUSE) -> None:
        say = self.io.say
        say()
        say(words)
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
                self.flow.return_from_support()
                return
            elif answer in ("3", "/leave"):
                raise _Ended
            elif answer == "/support":
                self.support()

    def breathe(self, inhale: int, hold: int, exhale: int, cycles: int) -> None:
        for cycle in range(1, cycles + 1):
            self.io.say(f"Breath {cycle} of {cycles}: breathe in for {inhale}…")
            self.io.sleep(inhale)
            if hold:
                self.io.say(f"hold gently for {hold}…")
                self.io.sleep(hold)
            self.io.say(f"and out for {exhale}.")
            self.io.sleep(exhale)
        # Keys pressed while breathing were not answers to anything.
        self.io.flush_input()

    def summary(self, flow: SessionFlow) -> None:
        say = self.io.say
        report = flow.save(completed=True)
        say()
        say("Thank you for practising.")
        for label, before, after in flow.ratings():
            before, after = (v if v != "–" else "not rated" for v in (before, after))
            say(f"{label}: {before} before, {after} after.")
        if report.safe:
            for prompt, answer, original, versions in flow.summary_beside():
                say(prompt)
                if original is None:
                    if len(versions) > 1:
                        # Tried again at a step of its own (not a rewrite): every try, calmly,
                        # as the reflection keeps them, then the one kept.
                        for line in tries_lines(versions, answer):
                            say("  " + line)
                    else:
                        say("  " + answer)
                    continue
                # The harsh original, then every try and the one kept: one after the other,
                # not in columns, so a screen reader reads them in order.
                for line in side_by_side(original, versions, answer, width=0):
                    say("  " + line)
        self._report(report, completed=True)
        say(flow.closing())

    def _report(self, report: SaveReport, *, completed: bool) -> None:
        """Say only what is true; with nothing written anywhere, give the words back."""
        self.report = report
        if report.nothing_to_keep and not completed:
            return
        self.io.say(report.message(completed=completed))
        if not report.safe:
            self.io.say()
            self.io.say(self.flow.words())

    @property
    def flow(self) -> SessionFlow:
        assert self._flow is not None
        return self._flow

    def start(self, session: Session, stage: str = "steps") -> SessionFlow:
        self._flow = SessionFlow(
            session, self.store, backup=self._backup, support_hint="type /support"
        )
        return self._flow

    def _backup(self) -> str | None:
        from tui.core.backups import BackupError, backup_problem, take_daily_backup

        try:
            take_daily_backup(self.store.data_dir)
        except BackupError as error:
            self.io.say(backup_problem(error, after_save=True))
            return str(error)
        return None


def plain_width() -> int:
    """The terminal's width, less one column (so no line is broken by the terminal itself),
    but at most 72 (long lines are hard to follow) and at least 20."""
    return max(20, min(72, shutil.get_terminal_size().columns - 1))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _flusher(stream: TextIO) -> Callable[[], None]:
    """Discard keys typed ahead in a terminal (they were meant for no question)."""

    def flush() -> None:
        with contextlib.suppress(Exception):
            import termios

            termios.tcflush(stream.fileno(), termios.TCIFLUSH)

    return flush if _is_terminal(stream) else (lambda: None)


def _line_waiting(stream: TextIO) -> Callable[[], bool]:
    """At a terminal: is a whole line already there, within a moment? A paste's lines come
    in one burst; a person reads the next prompt before answering it."""

    def waiting() -> bool:
        try:
            import select

            ready, _, _ = select.select([stream.fileno()], [], [], PASTE_GAP)
        except (OSError, ValueError):
            return False
        return bool(ready)

    return waiting if _is_terminal(stream) else (lambda: False)


PASTE_GAP = 0.05  # seconds: lines closer than this came in together


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
    """0 when the words are somewhere safe (or there were none); 1 when nothing holds them."""
    stdin = stdin or sys.stdin
    io = PlainIO(stdin, stdout or sys.stdout, width=plain_width(), echo=not _is_terminal(stdin))
    io.flush_input = _flusher(stdin)
    io.line_waiting = _line_waiting(stdin)
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
    with UnsentLine(stdin) as line:
        io.unsent = line.read
        return _run(plain, chosen, minutes or settings.session_minutes, rng)


def _run(
    plain: PlainSession, chosen: Exercise | None, minutes: int, rng: random.Random | None
) -> int:
    io = plain.io
    io.say("kindtone: self-compassion practice, line by line (plain mode).")
    io.say("A practice tool, not a substitute for professional care. Type /support any time.")
    io.say()
    stage = "steps"
    try:
        resumed = plain.offer_draft()
        if resumed is not None:
            session: Session | None = resumed[0]
            stage = resumed[1]
        elif chosen is not None:
            session = Session([chosen], minutes_planned=chosen.minutes)
        else:
            session = plain.check_in(minutes, rng)
    except (_Leave, KeyboardInterrupt) as left:
        io.say()
        plain.unsent_back(plain.unsent_of(left))
        io.say("Come back whenever you like.")
        return 0
    if session is None:
        return 1
    plain.run(plain.start(session), stage)
    report = plain.report
    return 0 if report is None or report.safe else 1
