"""Help: the keys, what each screen is for, crisis language, data, and what this is not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from tui.core.vault import lock_status
from tui.widgets.plain import Plain

if TYPE_CHECKING:
    from tui.app import KindtoneApp

KEYS = """\
Anywhere     F2 support · F1 or ? help · ctrl+p every action · ctrl+q quit
Home         s start a session · e one exercise · r reflections · q quit
Session      ctrl+n continue · ctrl+b back · ctrl+s skip · esc leave
             (enter continues when you're not in a text box; tab moves between parts)
Library      enter start · p preview without saving · n new exercise · o open in $EDITOR"""

SCREENS = """\
Home: start a session, practise one exercise, or read past reflections.
Session: an optional check-in, a few short exercises that fit the time, an optional \
check-out, then a summary of what you wrote. Everything is optional; skipping is fine.
Let's try that again: when a kinder rewrite still sounds like the critic, kindtone shows \
the words it noticed and why. You decide: try again, or keep it as it is.
Reflections: everything you wrote, newest first.
Library: all exercises by situation, your own included. Write new ones with n.
Settings: session length, check-in ratings, support lines, theme, reduced motion."""

CRISIS = """\
If you write about harming yourself or ending your life, kindtone pauses the exercise \
and shows support options: your local emergency number, 988 in the US (call or text), \
findahelpline.com for other countries, and any lines you added in settings. It doesn't \
try to reframe those words. What you wrote is still saved, only on this computer. \
kindtone is not a crisis service and never contacts anyone."""

NOT_THERAPY = """\
kindtone is a practice tool, not a substitute for professional care. It doesn't \
diagnose or treat anything. Nothing you write leaves this computer."""


class HelpScreen(ModalScreen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #help {
        width: 90;
    }

    .keys {
        color: $text;
    }
    """
    app: KindtoneApp

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss_help", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Plain("Help", classes="title")
            yield Plain("Keys", classes="prompt")
            yield Plain(KEYS, classes="keys")
            yield Plain("Screens", classes="prompt")
            yield Plain(SCREENS)
            yield Plain("When things are very hard", classes="prompt")
            yield Plain(CRISIS)
            yield Plain("Where your words are kept", classes="prompt")
            yield Plain(f"Reflections and drafts: {self.app.data_dir}")
            yield Plain(lock_status(self.app.data_dir), id="lock-status")
            yield Plain(f"Your own exercises: {self.app.custom_exercises_dir}")
            yield Plain(f"Settings: {self.app.settings_file.path}")
            yield Plain(
                "Change the data folder with --data-dir DIR or KINDTONE_DATA_DIR.", classes="muted"
            )
            yield Plain("What kindtone is not", classes="prompt")
            yield Plain(NOT_THERAPY)
            yield Plain("Press esc to close.", classes="muted")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
