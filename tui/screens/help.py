"""Help: the keys, what each screen is for, crisis language, data, and what this is not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll

from tui.core.vault import lock_status
from tui.screens.dialog import Dialog
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText

if TYPE_CHECKING:
    from tui.app import KindtoneApp

# (where, keys): drawn as two columns, so a long line wraps under its own column.
KEYS = (
    ("Anywhere", "F2 support · F1 or ? help · ctrl+p every action · ctrl+q or ctrl+c quit"),
    (
        "Home",
        "s start a session · c catch a thought · e one exercise · r reflections · "
        ", settings · q quit",
    ),
    (
        "Session",
        "ctrl+n continue · ctrl+b back · ctrl+s skip · esc leave "
        "(enter continues when you're not in a text box; tab moves between parts) · "
        "ctrl+o puts one of your kind words in the box (again: the next) · "
        "enter or esc closes the summary",
    ),
    (
        "Catch",
        "enter after each line · a number picks one of your kind words · "
        "ctrl+k your kind words · esc back",
    ),
    ("Kind words", "s star · d remove · a add · esc back"),
    (
        "Library",
        "enter start · p preview without saving · n new exercise · o open in $EDITOR · esc back",
    ),
    (
        "Reflections",
        "enter read · / search (enter or down back to the list) · d delete · x export · "
        "i insights · esc back",
    ),
    ("Insights", "k your kind words · esc back"),
    ("Settings", "ctrl+s save · esc back (asks first if something changed)"),
    ("Support", "b a grounding breath · esc close"),
    ("Dialogs", "tab moves between buttons · enter chooses · esc cancels"),
)

SCREENS = """\
Home: start a session, practise one exercise, or read past reflections.
Session: an optional check-in, a few short exercises that fit the time, an optional \
check-out, then a summary of what you wrote. Everything is optional; skipping is fine.
Let's try that again: when a kinder rewrite still sounds like the critic, kindtone shows \
the words it noticed and why. You decide: try again, or keep it as it is.
Catch a thought (c): write the critic's words, see what was noticed, and say it again \
kindly, in your own words or by typing the number of one of your kind words.
Your kind words (ctrl+p, then "Your kind words"; ctrl+k in Catch; k in Insights): kinder \
versions you kept, offered back when the critic returns.
Reflections: everything you wrote, newest first; search, filter, read, delete, export.
Library: every exercise, your own included, and what each suits. Write new ones with n.
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


class HelpScreen(Dialog[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #help {
        width: 90;
    }

    .keys-row {
        height: auto;
    }

    .keys-where {
        width: 13;
        color: $text-muted;
    }

    .keys {
        width: 1fr;
        color: $text;
    }
    """
    app: KindtoneApp

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss_help", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield LiteralText("Help", classes="title")
            yield LiteralText("Keys", classes="prompt")
            for where, keys in KEYS:
                with Horizontal(classes="keys-row"):
                    yield LiteralText(where, classes="keys-where")
                    yield LiteralText(keys, classes="keys")
            yield LiteralText("Screens", classes="prompt")
            yield LiteralText(SCREENS)
            yield LiteralText("When things are very hard", classes="prompt")
            yield LiteralText(CRISIS)
            yield LiteralText("Where your words are kept", classes="prompt")
            yield LiteralText(f"Reflections and drafts: {self.app.data_dir}")
            yield LiteralText(lock_status(self.app.data_dir), id="lock-status")
            yield LiteralText(f"Your own exercises: {self.app.custom_exercises_dir}")
            yield LiteralText(f"Settings: {self.app.settings_file.path}")
            yield LiteralText(
                "Change the data folder with --data-dir DIR or KINDTONE_DATA_DIR.", classes="muted"
            )
            yield LiteralText("What kindtone is not", classes="prompt")
            yield LiteralText(NOT_THERAPY)
            yield LiteralText("Press esc to close.", classes="muted")
        yield KeysFooter()

    def on_mount(self) -> None:
        # Once laid out: a dialog takes focus only if it scrolls (then up/down scroll it).
        self.call_after_refresh(self.query_one("#help").focus)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
