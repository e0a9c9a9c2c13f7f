"""``kindtone catch``: catch the critic in the moment and redirect it, line by line.

No Textual or Rich, and the store is imported only once there is something to save, so it
starts as fast as ``kindtone check``. From the critic's words to saved: the two lines, and
at most two more keys (a number and Enter to pick one of your kind words).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from tui.commands import report_error, tolerant_stdin, tolerant_stdout
from tui.core.text import strip_controls, visible_controls
from tui.paths import resolve_data_dir

if TYPE_CHECKING:
    from tui.core.catch import Catch, Redirect

DESCRIPTION = """\
Catch the critic in the moment: write its words, see what kindtone noticed, and say it
again kindly, in your own words or one of your kind words. Saved to your reflections, only
on this computer. A practice tool, not a substitute for professional care."""

EPILOG = """\
input:
  The critic's words are TEXT, or the first line of standard input. Then type your kinder
  version; a number picks one of your kind words. /support shows people you can reach.
  Ctrl-C stops without saving.

exit status:
  0 when done (saved, or nothing to redirect); 1 if it could not be saved; 2 usage error."""


SUPPORT_COMMAND = "/support"  # at any prompt: the support lines, as in plain mode


class _Ended(Exception):
    """Input ended."""


class _Interrupted(_Ended):
    """Ctrl+C at a prompt: the person leaving, not a script's input ending. ``unsent``: the
    words typed on its line and not yet sent (tui.unsent)."""

    def __init__(self, unsent: str = "") -> None:
        super().__init__()
        self.unsent = unsent


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "catch",
        help="catch the critic in the moment and say it again kindly",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", nargs="*", metavar="TEXT", help="the critic's words")


class _Lines:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.echo = not stdin.isatty()
        self.unsent: Callable[[], str] = lambda: ""  # after ctrl+c (tui.unsent)

    def say(self, text: str = "") -> None:
        self.stdout.write(visible_controls(text).replace("\r", "") + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        self.stdout.write(prompt + " ")
        self.stdout.flush()
        try:
            line = self.stdin.readline()
        except KeyboardInterrupt:
            self.stdout.write("\n")  # what is said next starts on a line of its own
            raise _Interrupted(self.unsent()) from None
        if not line:
            self.stdout.write("\n")
            raise _Ended
        answer = line.rstrip("\r\n")
        if self.echo:
            self.stdout.write(visible_controls(answer) + "\n")
        return answer


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    tolerant_stdin()  # after a locked store's passphrase was read from a pipe, too
    from tui.unsent import UnsentLine

    lines = _Lines(sys.stdin, sys.stdout)
    with UnsentLine(sys.stdin) as line:
        lines.unsent = line.read
        return catch(args, lines)


def catch(args: argparse.Namespace, lines: _Lines) -> int:
    from tui.core.catch import CRITIC_PROMPT, NOTHING_NOTICED, start_catch
    from tui.core.phrases import PhraseStore

    data_dir = resolve_data_dir(args.data_dir)
    text = " ".join(args.text)
    if not text.strip():
        try:
            text = lines.ask(CRITIC_PROMPT)
        except _Interrupted as left:
            from tui.unsent import not_sent

            said = not_sent(left.unsent)
            if said is not None:
                lines.say(said)
            return 0
        except _Ended:
            return 0
    if not text.strip():
        report_error("catch", "nothing to catch: write the critic's words")
        return 2
    phrases = PhraseStore(data_dir)
    caught = start_catch(text, phrases)
    say = lines.say
    say(f"“{caught.text}”")
    if caught.analysis.crisis:
        return _support(caught, lines, args)
    ended = _ask_if_it_might_mean_risk(caught, None, lines, args)
    if ended is not None:
        return ended
    if caught.nothing_noticed:
        say(NOTHING_NOTICED)
    else:
        say("kindtone noticed:")
        for line in caught.noticed():
            say(f"  - {line}")
        say(caught.hint())
    if caught.offered:
        say("Words that helped you before:")
        for number, phrase in enumerate(caught.offered, start=1):
            say(f"  {number}. {phrase.text}")
    prompt = "How would you say it kindly?"
    if caught.offered:
        count = len(caught.offered)
        prompt += f" ({'1' if count == 1 else f'1-{count}'} picks one of yours)"
    attempt = 0
    while True:
        try:
            answer = lines.ask(prompt)
        except _Interrupted as left:
            # As plain mode keeps a session left with ctrl+c: the critic's words (and any
            # kinder ones tried, and those typed but not sent) are kept, as unfinished (the
            # prompt was left mid-line, exit 130, nothing said and nothing kept).
            return _save(caught, lines, args, unfinished=True, unsent=left.unsent)
        except _Ended:
            say("Nothing was saved.")
            return 0
        if answer.strip() == SUPPORT_COMMAND:
            _say_support_lines(lines, args)
            continue
        redirect = caught.propose(answer)
        if redirect is None:
            say(caught.retry_line())
            continue
        if redirect.crisis:
            caught.pause_for_support(redirect)
            return _support(caught, lines, args)
        ended = _ask_if_it_might_mean_risk(caught, redirect, lines, args)
        if ended is not None:
            return ended
        if redirect.offer_try_again and not _keep_anyway(caught, redirect, attempt, lines):
            caught.try_again(redirect)
            attempt += 1
            prompt = "How would you say it kindly?"
            continue
        caught.keep(redirect)
        return _save(caught, lines, args)


def _keep_anyway(caught: Catch, redirect: Redirect, attempt: int, lines: _Lines) -> bool:
    """The "let's try that again" review: it explains, and the person decides."""
    from tui.core.practice import gentle_name
    from tui.core.selftalk import hint_for
    from tui.core.session import try_again_heading

    lines.say(try_again_heading(attempt))
    for finding in redirect.analysis.findings[:3]:
        lines.say(f"  - “{finding.match}”: {gentle_name(finding.category)}")
    if redirect.analysis.findings:
        lines.say(hint_for(redirect.analysis.findings[0].category, attempt + 1))
    try:
        choice = lines.ask("Enter to try again, k to keep it as it is:")
    except _Ended:
        return True
    return choice.strip().casefold() in ("k", "keep")


def _ask_if_it_might_mean_risk(
    caught: Catch, redirect: Redirect | None, lines: _Lines, args: argparse.Namespace
) -> int | None:
    """The exit status when the catch ends at the question (support, or input ended)."""
    if not caught.should_ask(redirect):
        return None
    try:
        _ask_directly(caught, redirect, lines, args)
    except _Ended:
        lines.say("Nothing was saved.")
        return 0
    return _support(caught, lines, args) if caught.crisis else None


def _ask_directly(
    caught: Catch, redirect: Redirect | None, lines: _Lines, args: argparse.Namespace
) -> None:
    """The session's direct question, asked the same way; the answer is kept."""
    from tui.core.flow import ASK_CHOICES, ASK_HEADING, ASK_QUESTION, typed_ask_answer

    lines.say(ASK_HEADING)
    lines.say(ASK_QUESTION)
    for number, (_, label) in enumerate(ASK_CHOICES, start=1):
        lines.say(f"  {number}. {label}")
    while True:
        typed = lines.ask("Your answer (1, 2 or 3):")
        if typed.strip() == SUPPORT_COMMAND:
            _say_support_lines(lines, args)
            continue
        choice = typed_ask_answer(typed)
        if choice is not None:
            break
        lines.say("Please type 1, 2 or 3.")
    note = caught.answer_ask(choice, redirect, support=f"type {SUPPORT_COMMAND}")
    if note:
        lines.say(note)


def _say_support_lines(lines: _Lines, args: argparse.Namespace) -> None:
    from tui.core.safety import NOT_A_CRISIS_SERVICE, support_lines
    from tui.core.settings import SettingsFile, config_dir

    settings = SettingsFile(config_dir(args.config_dir)).load()
    for line in support_lines(settings.country, list(settings.support_lines)):
        lines.say(f"  - {line}")
    lines.say(NOT_A_CRISIS_SERVICE)


def _support(caught: Catch, lines: _Lines, args: argparse.Namespace) -> int:
    lines.say(
        "Thank you for writing that down. It sounds like you're carrying something very "
        "heavy. You don't have to carry it alone; talking to a person can help, right now "
        "if you can:"
    )
    _say_support_lines(lines, args)
    code = _save(caught, lines, args, quiet=True)
    if code == 0:
        lines.say("What you wrote is kept in your reflections, only on this computer.")
    return code


def _save(
    caught: Catch,
    lines: _Lines,
    args: argparse.Namespace,
    *,
    quiet: bool = False,
    unfinished: bool = False,
    unsent: str = "",
) -> int:
    from tui.core.phrases import PhraseStore
    from tui.core.practice import harvest
    from tui.core.storage import ReflectionStore, StoreError, nothing_written, plain_reason

    data_dir = resolve_data_dir(args.data_dir)
    record = caught.to_record(completed=not unfinished, unsent=strip_controls(unsent))
    try:
        ReflectionStore(data_dir).save(record)
    except (OSError, StoreError) as error:
        report_error("catch", nothing_written(data_dir, plain_reason(error)))
        for step in record["steps"]:
            lines.say(f"  {step['answer']}")
        return 1
    if quiet:
        return 0
    if unfinished:
        from tui.core.flow import KEPT_UNFINISHED

        lines.say(KEPT_UNFINISHED)
        return 0
    joined: list[str] = []
    try:
        joined = harvest(record, PhraseStore(data_dir), source="catch")
    except (OSError, StoreError) as error:
        report_error("catch", f"your kind words couldn't be updated: {error}")
    kept = caught.kept.text if caught.kept is not None else ""
    lines.say(f"Kept “{kept}” and saved it to your reflections.")
    if joined and (caught.kept is None or caught.kept.phrase is None):
        lines.say("It joins your kind words, to be offered when the critic comes back.")
    return 0
