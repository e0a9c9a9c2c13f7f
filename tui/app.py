"""The full-screen kindtone app: it wires screens to the core and keeps the services."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen

from tui.core.settings import SettingsFile
from tui.core.settings import config_dir as default_config_dir
from tui.screens.protocols import GuardsUnsavedWork
from tui.textual_internals import (
    dialogs_restyle_only_what_their_class_reaches,
    first_frame_is_complete,
    focus_repaints_only_what_it_changes,
    focus_restyles_only_what_it_reaches,
    hidden_toasts_left_alone,
    keep_parsed_css,
    save_parsed_css,
    scroll_containers_focus_only_when_they_scroll,
    set_theme_before_first_parse,
    strips_make_their_caches_when_used,
    tolerate_undecodable_input,
)
from tui.themes import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    # Imported where used: the home screen's first draw must not wait for the exercise
    # loader, the session core or the store (TinyDB, orjson, filelock).
    from textual.dom import DOMNode

    from tui.core.exercises import Library
    from tui.core.flow import SaveReport, SessionFlow
    from tui.core.session import Session
    from tui.core.storage import ReflectionStore


tolerate_undecodable_input()
scroll_containers_focus_only_when_they_scroll()
# Each screen settles with its first frame: see tui/textual_internals.py.
first_frame_is_complete()
hidden_toasts_left_alone()
# What a dialog or a change of focus changes is redrawn, not the whole screen.
dialogs_restyle_only_what_their_class_reaches()
focus_repaints_only_what_it_changes()
focus_restyles_only_what_it_reaches()
strips_make_their_caches_when_used()


def _collector_back_on() -> None:
    """Switch the cyclic collector back on once home is drawn, if ``open_app`` paused it.

    What start-up built (Textual's classes, styles, the screen) lives as long as the app, so
    it is frozen first: the collector would otherwise walk all of it in its first full pass,
    ~20 ms of CPU just after the first frame, to find almost nothing. Only then: an app
    started with the collector running (tests) must stay collectable when it ends.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _warm_analyser() -> None:
    from tui.core.selftalk import analyse

    analyse("warming up")


async def _caught_up(node: DOMNode) -> None:
    """Return once ``node`` has handled what is already in its queue (a callback queued
    behind it runs then); at most a second, so a busy widget never holds the keys long."""
    if not node.is_running:
        return
    done = asyncio.Event()
    if node.call_later(done.set):
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), timeout=1.0)


DRAFT_LEFT = (
    "Your session's draft is still on this computer: kindtone offers to resume it when you "
    "open it again."
)


class KindtoneApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "kindtone"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("f2", "support", "Support", priority=True, tooltip="Where to find support now"),
        Binding("f1", "help", "Help", priority=True),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        # ctrl+c: a copy when text is selected, else what a terminal's habit means by it
        # (Textual's own was a toast with markup, "Do you want to quit? Press ctrl+q", and
        # nothing at all in a text box or a dialog).
        Binding("ctrl+c", "interrupt", "Quit", show=False, priority=True),
        # Tab and shift+tab move focus once the focused widget has taken the keys typed
        # before them: "For Sam<tab>A gentle start" arriving in one read put all of it in
        # the title (the keys after a non-priority Tab were forwarded to the old focus).
        Binding("tab", "steady_focus(1)", "Next", show=False, priority=True),
        Binding("shift+tab", "steady_focus(-1)", "Previous", show=False, priority=True),
    ]

    MIN_SIZE = (60, 20)
    # Class defaults: App.__init__ may run watch_theme before this __init__ sets them.
    previewing_theme = False  # the settings screen is trying themes: don't save them
    _settings_ready = False
    # A screen under a dialog hides its footer (app.tcss): its keys don't work from there.
    SUSPENDED_SCREEN_CLASS = "-under-dialog"

    def __init__(
        self,
        data_dir: Path,
        *,
        config_dir: Path | None = None,
        start_minutes: int | None = None,
        start_exercise: str | None = None,
        start_session: bool = False,
        reduced_motion: bool = False,
        return_to_shell: bool = False,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings_file = SettingsFile(config_dir or default_config_dir())
        self.settings = self.settings_file.load()
        self.start_minutes = start_minutes or self.settings.session_minutes
        self.start_exercise = start_exercise
        self.start_session = start_session
        # `kindtone session` was typed at a shell: the session it starts ends back there (what
        # was kept said as the app closes), as plain mode does, not on a home screen never
        # seen. Sessions started inside the app end where they were started.
        self.return_to_shell = return_to_shell
        self._shell_session_pending = False
        self.shell_session: str | None = None  # the id of the session that ends in the shell
        # What the shell asked for and never started (a draft was resumed instead): said there.
        self._not_started: str | None = None
        self.reduced_motion = reduced_motion or self.settings.reduced_motion
        for theme in THEMES:
            self.register_theme(theme)
        set_theme_before_first_parse(
            self,
            self.settings.theme if self.settings.theme in self.available_themes else DEFAULT_THEME,
        )
        self._settings_ready = True
        self.previewing_theme = False
        self._library: Library | None = None
        self._library_signature: tuple[tuple[str, int, int], ...] = ()
        self._store: ReflectionStore | None = None
        self._analyser_warmed = False
        self._data_unwritable = False  # said so at start: the start backup is not tried
        self._folder_notes: list[str] | None = None  # (folder_notes)
        # True while a locked data folder waits for its passphrase: nothing of the person's
        # is read (no store, no draft, no backup) until it opens.
        self.waiting_for_passphrase = False

    # -- services ------------------------------------------------------------------------

    @property
    def custom_exercises_dir(self) -> Path:
        return self.data_dir / "exercises"

    @property
    def library(self) -> Library:
        """Loaded on first use, and again whenever an exercise file changes on disk."""
        from tui.core.exercises import exercise_dir_signature, load_library

        signature = exercise_dir_signature(self.custom_exercises_dir)
        if self._library is None or signature != self._library_signature:
            self._library = load_library(custom_dir=self.custom_exercises_dir)
            self._library_signature = signature
        return self._library

    @property
    def store(self) -> ReflectionStore:
        from tui.core.storage import ReflectionStore

        if self._store is None:
            # The store creates the data dir (0700) when it first writes; an existing folder
            # is never chmodded behind the person's back (--data-dir ~ must not touch home).
            self._store = ReflectionStore(self.data_dir)
        return self._store

    def flow_for(self, session: Session) -> SessionFlow:
        """The one session flow (tui.core.flow), saving to this app's store."""
        from tui.core.flow import SessionFlow

        def backup() -> None:
            self.take_backup()

        return SessionFlow(session, self.store, backup=backup)

    def tell_report(self, report: SaveReport, *, completed: bool) -> None:
        """Say what the save really did; only a failure needs a notification."""
        if report.saved or report.preview or report.nothing_to_keep:
            return
        self.notify(
            report.message(completed=completed),
            title="Not saved",
            severity="error",
            timeout=15,
            markup=False,
        )

    def keep_kind_words(self, record: dict[str, Any], *, source: str) -> None:
        """Kinder versions kept in a saved reflection join your kind words; a failure here
        is told, and never undoes the save."""
        from tui.core.phrases import PhraseStore
        from tui.core.practice import harvest
        from tui.core.storage import StoreError

        try:
            harvest(record, PhraseStore(self.data_dir), source=source)
        except (OSError, StoreError) as error:
            self.notify(
                f"Your reflection is saved, but your kind words couldn't be updated: {error}",
                severity="warning",
                markup=False,
            )

    def take_backup(self, *, after_save: bool = True) -> None:
        """Today's backup (at most one a day), off the main thread: years of reflections
        take a moment to copy. A failure is reported, never in the way; it says the words
        are saved only when ``after_save`` (a save has just happened)."""
        self.run_worker(partial(self._backup, after_save), thread=True, group="backup")

    def has_history(self) -> bool:
        """Whether any month of reflections is on disk; a glance, without opening the store."""
        return any((self.data_dir / "reflections").glob("*.json"))

    def take_start_backup(self) -> None:
        """Only a history is worth a start-of-day backup: one of just a draft would stand in
        for the day and leave out the reflection saved minutes later."""
        if self.has_history() and not self._data_unwritable:
            # (A folder already said to be unwritable gets no second warning about it.)
            self.take_backup(after_save=False)

    def _backup(self, after_save: bool) -> None:
        from tui.core.backups import BackupError, backup_problem, take_daily_backup

        try:
            take_daily_backup(self.data_dir)
        except BackupError as error:
            self.call_from_thread(
                self.notify,
                backup_problem(error, after_save=after_save),
                severity="warning",
                markup=False,
            )

    def warm_analyser(self) -> None:
        """Read the self-talk rules once, in the background, when a session is near: the
        first check of an answer then takes no longer than the next. Not at start-up, where
        it would cost ~15 MiB and a late redraw before anyone writes a word."""
        if self._analyser_warmed:
            return
        self._analyser_warmed = True
        self.run_worker(_warm_analyser, thread=True, group="warm-analyser")

    def apply_settings(self) -> None:
        """Settings take effect at once; no restart."""
        self.start_minutes = self.settings.session_minutes
        self.reduced_motion = self.settings.reduced_motion
        from tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_session_length()

    def save_settings(self) -> None:
        try:
            self.settings_file.save(self.settings)
        except OSError as error:
            self.notify(
                f"Settings couldn't be saved ({error.strerror or error}).",
                severity="error",
                markup=False,
            )

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen anywhere (settings screen or command palette)."""
        if self.previewing_theme:
            return
        if self._settings_ready and theme != self.settings.theme:
            self.settings.theme = theme
            self.save_settings()

    # -- start-up ------------------------------------------------------------------------

    def run(self, *args: Any, **kwargs: Any) -> int | None:
        """Run the app, with the stylesheets parsed at an earlier start read back from the
        user cache dir instead of parsed again (see ``keep_parsed_css``); only a real start
        does this, never a test's ``run_test``. What was new is saved a second after the
        first frame (not during it) and when the app ends."""
        from platformdirs import user_cache_path

        keep_parsed_css(user_cache_path("kindtone", appauthor=False))
        try:
            return super().run(*args, **kwargs)
        finally:
            save_parsed_css()

    def get_default_screen(self) -> Screen[Any]:
        """Home is the base screen: one screen to build before the first draw, not two.

        When the data is locked, the passphrase screen comes first instead, and home is only
        built once it has opened.
        """
        from tui.core.vault import is_locked, vault_for

        if is_locked(self.data_dir) and vault_for(self.data_dir) is None:
            from tui.screens.passphrase import PassphraseScreen

            self.waiting_for_passphrase = True
            return PassphraseScreen()
        from tui.screens.home import HomeScreen

        return HomeScreen()

    def data_opened(self) -> None:
        """The passphrase opened the lock: on to home, and what start-up does with the data."""
        from tui.screens.home import HomeScreen

        self.waiting_for_passphrase = False
        # Pushed over the passphrase screen: the base screen can't be switched away, and
        # nothing pops home, so the passphrase screen is never seen again.
        self.push_screen(HomeScreen())
        self._start_with_data()

    def _start_with_data(self) -> None:
        # Today's backup also on start, so a reflection deleted later today can come back.
        self.set_timer(0.5, self.take_start_backup)
        # An unfinished session comes first, whatever was asked for: starting a new one
        # would overwrite its draft.
        self.call_after_refresh(self.offer_draft, self.start_requested)

    def on_mount(self) -> None:
        for warning in self.settings_file.warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=10, markup=False)
        self.warn_if_data_dir_is_shared()
        if not self.waiting_for_passphrase:
            self._start_with_data()
        # `kindtone` pauses the cyclic garbage collector while it starts (see open_app).
        self.call_after_refresh(_collector_back_on)
        self.set_timer(1.0, save_parsed_css)

    def warn_if_data_dir_is_shared(self) -> None:
        """Looked at once, at start. What is wrong is said in the page, on home (and at the
        first step of a session started from the shell, which never shows home): a 15 s
        toast covered the menu and the buttons at 80x24 and 60x20."""
        self.folder_notes  # noqa: B018 (looked at now: the start backup depends on it)

    @property
    def folder_notes(self) -> list[str]:
        """What is worth knowing about the data folder (open to others, someone else's, a
        link, can't be written to), each naming the folder and why; [] when all is well."""
        if self._folder_notes is None:
            from tui.core.datafolder import data_folder_warnings, unwritable_note

            notes = data_folder_warnings(self.data_dir)
            if (unwritable := unwritable_note(self.data_dir)) is not None:
                notes.append(unwritable)
                self._data_unwritable = True
            self._folder_notes = notes
        return self._folder_notes

    def start_requested(self) -> None:
        """What the command line asked for (a session or one exercise), once any draft is
        dealt with."""
        self._shell_session_pending = self.return_to_shell
        if self.start_exercise is not None:
            exercise = self.library.get(self.start_exercise)
            if exercise is None:
                self.notify(
                    f"There is no exercise called {self.start_exercise!r}.",
                    severity="warning",
                    markup=False,
                )
            else:
                self.start_single(exercise.id)
        elif self.start_session:
            self.action_start_session()
        from tui.screens.checkin import CheckInScreen
        from tui.screens.session import SessionScreen

        if not isinstance(self.screen, (CheckInScreen, SessionScreen)):
            self._shell_session_pending = False  # nothing started: home is where they are

    def ends_in_shell(self, session_id: str | None = None) -> bool:
        """True for the session started from the shell (or, with no id, its check-in)."""
        if session_id is None:
            return self._shell_session_pending
        return self.return_to_shell and session_id == self.shell_session

    def quit_printing(self, words: str) -> None:
        """Quit with nothing holding the words: they are printed as the app closes, as they
        are (never markup), and the exit is 1, as plain mode gives them back."""
        from rich.text import Text

        self.exit(return_code=1, message=Text(words))

    def back_to_shell(self, message: str | None = None) -> None:
        """End where `kindtone session` was typed, saying ``message`` (only ever what the
        save really did) as the app closes; a path in it is never markup."""
        from rich.text import Text

        said = "\n".join(part for part in (message, self._not_started) if part)
        self.exit(0, message=Text(said) if said else None)

    def _asked_for(self) -> str | None:
        """What `kindtone session` was asked to start, as said when it wasn't started."""
        if self.start_exercise is not None:
            exercise = self.library.get(self.start_exercise)
            if exercise is None:
                return None
            return (
                f"{exercise.title} was not started (you resumed your unfinished session "
                f"instead): kindtone session --exercise {exercise.id}"
            )
        if self.start_session:
            return (
                "A new session was not started (you resumed your unfinished session instead): "
                "kindtone session"
            )
        return None

    def on_resize(self, event: Resize) -> None:
        """Below the minimum size, a friendly message instead of a squashed layout."""
        width, height = event.size
        too_small = width < self.MIN_SIZE[0] or height < self.MIN_SIZE[1]
        if not too_small and len(self.screen_stack) <= 1:
            return  # the usual start: nothing to show or take away, nothing to import
        from tui.screens.too_small import TooSmallScreen

        waiting = any(isinstance(screen, TooSmallScreen) for screen in self.screen_stack)
        if too_small and not waiting:
            self.push_screen(TooSmallScreen())
        elif not too_small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
        # A dialog opened on top of the message (F2) closes it itself: see TooSmallScreen.

    def fits(self) -> bool:
        return self.size.width >= self.MIN_SIZE[0] and self.size.height >= self.MIN_SIZE[1]

    def offer_draft(self, otherwise: Callable[[], None] | None = None) -> None:
        """After a crash, offer to resume right where the person was; else ``otherwise``.
        Declined, the draft is kept as an unfinished reflection (tui.core.flow decides).

        Runs just after the first frame: with nothing at the draft path it returns at once,
        without loading the store and the exercises, so the home screen settles in the same
        burst of drawing as a bare app's."""
        from tui.paths import something_at_draft_path

        if not something_at_draft_path(self.data_dir):
            if otherwise is not None:
                otherwise()
            return
        from tui.core.flow import KEPT_UNFINISHED, find_draft, keep_declined_draft
        from tui.screens.resume import ResumeScreen

        offer = find_draft(self.store, self.library)
        if offer is None:
            if otherwise is not None:
                otherwise()
            return
        session = offer.session
        if session is None:
            report = keep_declined_draft(self.store, offer)
            if report.saved:
                self.notify(
                    "An unfinished session could not be resumed (its exercise has changed). "
                    "What you wrote then is kept as an unfinished reflection.",
                    markup=False,
                )
            if otherwise is not None:
                otherwise()
            return

        def decided(resume: bool | None) -> None:
            if resume:
                # Started from the shell, the resumed session is the one that ends there; what
                # the shell asked for is said as the app closes, not silently dropped.
                self._shell_session_pending = self.return_to_shell
                self._not_started = self._asked_for() if self.return_to_shell else None
                self.run_session(session, stage=offer.stage)
                return
            if resume is False:
                report = keep_declined_draft(self.store, offer)
                if report.saved:
                    self.notify(KEPT_UNFINISHED, markup=False)
                elif not report.nothing_to_keep:
                    self.notify(
                        f"It couldn't be moved to your reflections ({report.reason}); it "
                        "stays as a draft and will be offered next time.",
                        severity="warning",
                        markup=False,
                    )
            if otherwise is not None:
                otherwise()

        self.push_screen(ResumeScreen(session, offer.what_is_kept()), decided)

    # -- actions -------------------------------------------------------------------------

    def session_in_progress(self) -> bool:
        """One session at a time: a second would hide the first and take over its draft."""
        for screen in self.screen_stack:
            if isinstance(screen, GuardsUnsavedWork) and screen.asks_before_quitting:
                self.notify(
                    f"You're in the middle of a {screen.what}. Finish it or leave it (esc) first.",
                    markup=False,
                )
                return True
        return False

    def action_start_session(self, minutes: int | None = None) -> None:
        from tui.screens.checkin import CheckInScreen

        if self.session_in_progress():
            return
        self.push_screen(CheckInScreen(minutes or self.start_minutes))

    def start_single(self, exercise_id: str, *, preview: bool = False) -> None:
        from tui.core.session import Session

        exercise = self.library.get(exercise_id)
        if exercise is None or self.session_in_progress():
            return
        self.run_session(Session([exercise], minutes_planned=exercise.minutes, preview=preview))

    def run_session(self, session: Session, stage: str = "steps") -> None:
        from tui.screens.session import SessionScreen

        self.warm_analyser()
        if self._shell_session_pending:
            self._shell_session_pending = False
            self.shell_session = session.id
        self.push_screen(SessionScreen(session, stage=stage))

    def action_choose_exercise(self) -> None:
        from tui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())

    def action_reflections(self) -> None:
        from tui.screens.reflections import ReflectionsScreen

        self.push_screen(ReflectionsScreen())

    async def action_quit(self) -> None:
        """Quitting mid-session asks first, so nothing written is lost by accident."""
        screen = self.screen
        if isinstance(screen, GuardsUnsavedWork) and screen.asks_before_quitting:
            await screen.caught_up()  # the words typed just before ctrl+q go in first
            screen.action_leave(then_quit=True)
            return
        from tui.paths import something_at_draft_path
        from tui.screens.session import SessionScreen
        from tui.screens.summary import SummaryScreen

        beneath = [s for s in self.screen_stack[:-1] if isinstance(s, GuardsUnsavedWork)]
        sessions = [s for s in self.screen_stack[:-1] if isinstance(s, SessionScreen)]
        if sessions and not all(session.keep_draft_now() for session in sessions):
            # The draft could not take the words typed last: back to the session, which asks
            # what to keep and says plainly when nothing could be written.
            for _ in range(len(self.screen_stack) - 1 - self.screen_stack.index(sessions[-1])):
                await self.pop_screen()
            sessions[-1].action_leave(then_quit=True)
            return
        unsaved = [
            s
            for s in self.screen_stack[:-1]
            if isinstance(s, SummaryScreen) and s.asks_before_quitting
        ]
        if unsaved:
            # ctrl+q again over "Quit without saving?" (or any dialog over a summary nothing
            # could save): quitting, with the words printed, never dropped (exit 1).
            self.quit_printing(unsaved[-1].words_for_terminal())
            return
        if beneath and something_at_draft_path(self.data_dir):
            # Quit from a dialog over a session (the direct question, support): the draft,
            # written just now with every word, stays and is offered next time; said, so
            # nobody thinks the words are gone.
            self.exit(0, message=DRAFT_LEFT)
            return
        self.exit(0)

    async def _focused_caught_up(self) -> None:
        """Let the focused widget take the keys already queued for it."""
        if self.focused is not None:
            await _caught_up(self.focused)

    async def steady_submit(self) -> None:
        """Enter in a one-line field: submitted once the keys before it are in, before those
        after it (a non-priority Enter ran only after they had been typed into the field).
        Anywhere else Enter is left to the focused widget and the screen, as before. Bound
        by a screen whose Enter moves on to another field (the catch); an app-wide binding
        would stand in front of the screens' own "enter" in their footers."""
        from textual.actions import SkipAction
        from textual.widgets import Input

        focused = self.focused
        if not isinstance(focused, Input):
            raise SkipAction()
        await self._focused_caught_up()
        if self.focused is not focused:
            return
        await focused.action_submit()
        # The Submitted message bubbles from the field to its screen, one queue at a time:
        # wait for each to take it, so a screen that moves focus on it (the catch's second
        # box) has done so before the keys typed after Enter are forwarded.
        screen = focused.screen
        for node in (focused, *focused.ancestors):
            await _caught_up(node)
            if node is screen:
                break

    async def action_steady_focus(self, step: int) -> None:
        """Focus moves on only after the focused widget has handled what was typed before
        the Tab (a callback queued behind those keys runs once they are in): then the keys
        after it reach the newly focused widget, as a slower typist's would."""
        await self._focused_caught_up()
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    async def action_interrupt(self) -> None:
        """ctrl+c copies selected text, as in any text box; otherwise it is ctrl+q: quit,
        asking first wherever words are not yet kept (a session, a catch, a new exercise)."""
        from textual.widgets import Input, TextArea

        focused = self.focused
        if isinstance(focused, Input | TextArea) and focused.selected_text:
            focused.action_copy()
            return
        await self.action_quit()

    def action_catch(self) -> None:
        from tui.screens.catch import CatchScreen

        if not isinstance(self.screen, CatchScreen):
            self.push_screen(CatchScreen())

    def action_kind_words(self) -> None:
        from tui.screens.kind_words import KindWordsScreen

        if not isinstance(self.screen, KindWordsScreen):
            self.push_screen(KindWordsScreen())

    def action_insights(self) -> None:
        from tui.screens.insights import InsightsScreen

        if not isinstance(self.screen, InsightsScreen):
            self.push_screen(InsightsScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_settings(self) -> None:
        from tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_library(self) -> None:
        self.action_choose_exercise()

    def action_new_exercise(self) -> None:
        from tui.screens.new_exercise import NewExerciseScreen

        self.push_screen(NewExerciseScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action in the command palette (ctrl+p), before Textual's own."""
        if self.waiting_for_passphrase:  # nothing that reads the person's data yet
            yield SystemCommand("Support", "Where to find support now", self.action_support)
            yield SystemCommand(
                "Help", "Keys, screens, and where your data lives", self.action_help
            )
            yield from super().get_system_commands(screen)
            return
        yield SystemCommand(
            "Start a session", "Check in, then a few short exercises", self.action_start_session
        )
        yield SystemCommand(
            "Choose an exercise", "Practise one exercise", self.action_choose_exercise
        )
        yield SystemCommand(
            "Catch a thought", "Catch the critic in the moment and say it kindly", self.action_catch
        )
        yield SystemCommand(
            "Your kind words",
            "Words that helped you before: read, star, remove, add",
            self.action_kind_words,
        )
        yield SystemCommand("Reflections", "Read what you wrote before", self.action_reflections)
        yield SystemCommand("Insights", "Your practice over the last year", self.action_insights)
        yield SystemCommand(
            "Exercise library", "Browse, preview and edit exercises", self.action_library
        )
        yield SystemCommand(
            "New exercise", "Write an exercise of your own", self.action_new_exercise
        )
        yield SystemCommand(
            "Settings", "Session length, ratings, support lines, theme", self.action_settings
        )
        yield SystemCommand("Support", "Where to find support now", self.action_support)
        yield SystemCommand("Help", "Keys, screens, and where your data lives", self.action_help)
        yield from super().get_system_commands(screen)

    def action_support(self) -> None:
        from tui.screens.support import SupportScreen

        if not isinstance(self.screen, SupportScreen):
            self.push_screen(SupportScreen())
