"""Home: the name, a welcome, how much you've practised, and where to go."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.text import about_minutes
from tui.textual_internals import SteadyOptionList
from tui.widgets.banner import Banner
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText

if TYPE_CHECKING:
    from tui.app import KindtoneApp
    from tui.core.storage import PracticeSummary

WELCOME = "A few quiet minutes to practise a kinder inner voice."


def practice_line(summary: PracticeSummary | None, now: datetime) -> str:
    """Count practice; never mention what was missed. Welcome people back after a gap."""
    if summary is not None and summary.sessions == 0 and summary.reflections > 0:
        # Only unfinished reflections (or ones with nothing written): not counted as
        # practice, but not nothing either; "a good place to start" would deny the start.
        return "You've made a start. There's no wrong way to do this."
    if summary is None or summary.sessions == 0:
        return "This is a good place to start. There's no wrong way to do this."
    sessions = summary.sessions
    times = "once" if sessions == 1 else f"{sessions} times"
    line = f"You've practised {times}"
    if round(summary.minutes) >= 1:
        line += f", {about_minutes(summary.minutes)} in all"
    line += "."
    last = summary.last_practised
    if last is not None and now - last > timedelta(days=7):
        line = "Welcome back. It's good to see you. " + line
    return line


class HomeScreen(Screen[None]):
    app: KindtoneApp
    _practice_shown = ""

    BINDINGS = [
        Binding("s", "app.start_session", "Start"),
        # Not in the footer: at 80 columns it would push F2 Support out (the help screen,
        # the command palette and the README list it).
        Binding("c", "app.catch", "Catch a thought", show=False),
        Binding("e", "app.choose_exercise", "Exercise"),
        Binding("r", "app.reflections", "Reflections"),
        Binding("comma", "app.settings", "Settings", key_display=","),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        # Lines are centred with text-align; only the option list needs a Center container.
        with Vertical(id="home"):
            yield Banner(id="banner", width=self.app.size.width, height=self.app.size.height)
            notes = self.app.folder_notes
            if notes:
                # In the page, where the welcome was: it covers nothing and stays while it
                # is true (a toast hid the menu at 80x24 and 60x20, then went).
                yield LiteralText(" ".join(notes), id="folder-note")
            else:
                yield LiteralText(WELCOME, id="welcome")
            # With no history yet the line is known at once, and drawn in the first frame.
            first = " " if self.app.has_history() else practice_line(None, datetime.now())
            self._practice_shown = first
            yield LiteralText(first, id="practice")
            with Center():
                yield SteadyOptionList(
                    Option(Content(f"Start a {self.app.start_minutes}-minute session"), id="start"),
                    Option(Content("Choose one exercise"), id="exercise"),
                    # The catch was only `c` (kept out of the footer for F2's sake): found
                    # trying the app, a new user never met it.
                    Option(Content("Catch a thought"), id="catch"),
                    Option(Content("Past reflections"), id="reflections"),
                    Option(Content("Settings"), id="settings"),
                    Option(Content("Help"), id="help"),
                    Option(Content("Quit"), id="quit"),
                    id="home-actions",
                )
            yield LiteralText(
                "A practice tool, not a substitute for professional care. "
                "Press F2 any time for support.",
                id="care-note",
            )
        yield KeysFooter()

    def show_session_length(self) -> None:
        option_list = self.query_one("#home-actions", OptionList)
        option_list.replace_option_prompt(
            "start", Content(f"Start a {self.app.start_minutes}-minute session")
        )

    def on_mount(self) -> None:
        self.query_one("#home-actions", OptionList).focus()
        self._make_room(self.app.size.width, self.app.size.height)

    def on_resize(self, event: Resize) -> None:
        self.query_one(Banner).fit(event.size.width, event.size.height)
        self._make_room(event.size.width, event.size.height)

    def _make_room(self, width: int, height: int) -> None:
        """A note about the data folder longer than two lines, or below 24 rows, takes the
        practice line's place too, so the menu and the care note still show whole."""
        note = " ".join(self.app.folder_notes)
        tight = bool(note) and (height < 24 or len(note) > 2 * max(1, width - 6))
        self.set_class(tight, "-note-tight")

    def on_screen_resume(self) -> None:
        if self.app.has_history():
            self.load_practice()
        else:
            self._show_practice(practice_line(None, datetime.now().astimezone()))

    @work(thread=True, exclusive=True, group="practice")
    def load_practice(self) -> None:
        """Off the main thread: years of reflections must not delay the first draw. Nothing
        else is loaded here: the analyser warms when a session starts (see
        KindtoneApp.warm_analyser), so the home screen settles at once and stays light."""
        try:
            summary = self.app.store.practice_summary()
        except Exception:  # a damaged store is reported elsewhere; home still opens
            summary = None
        line = practice_line(summary, datetime.now().astimezone())
        # The app may have closed, or this screen gone, while the history was read.
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._show_practice, line)

    def _show_practice(self, line: str) -> None:
        if line == self._practice_shown:  # the same words: no new layout, no second frame
            return
        self._practice_shown = line
        for practice in self.query("#practice").results(LiteralText):
            practice.set_text(line)

    @on(OptionList.OptionSelected, "#home-actions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        actions = {
            "start": self.app.action_start_session,
            "catch": self.app.action_catch,
            "exercise": self.app.action_choose_exercise,
            "reflections": self.app.action_reflections,
            "settings": self.app.action_settings,
            "help": self.app.action_help,
        }
        if event.option.id == "quit":
            self.app.exit(0)
        elif event.option.id in actions:
            actions[event.option.id]()
