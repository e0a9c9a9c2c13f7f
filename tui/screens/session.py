"""Walking through the planned steps, one at a time, with a progress bar for the session."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Input, OptionList, ProgressBar, TextArea

from tui.core.flow import AskAnswer, Outcome, Said, SaveReport, SessionFlow
from tui.core.session import Session
from tui.core.text import strip_controls
from tui.widgets.breathe import BreathingGuide
from tui.widgets.footer import KeysFooter
from tui.widgets.kind_words_offer import WordsThatHelped
from tui.widgets.literal_text import LiteralText
from tui.widgets.steps import VIEWS, BreatheView, StepView, WriteView
from tui.widgets.try_again import TryAgainPanel

if TYPE_CHECKING:
    from tui.app import KindtoneApp
    from tui.core.phrases import Phrase

DRAFT_DELAY = 1.5  # seconds after the last keystroke; keeps drafts ≤ ~2 s behind


class SessionScreen(Screen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #session-top {
        height: 1;
        margin: 0 0 0 1;
    }

    #exercise-title {
        width: 1fr;
        text-style: bold;
        color: $accent;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }

    #step-count {
        width: auto;
        margin-left: 2;
        color: $text-muted;
    }

    #progress {
        margin: 0 0 1 1;
        width: 1fr;
    }

    #progress Bar {
        width: 1fr;
    }

    /* A step that scrolls takes Tab; it shows focus by a thin bar down its left edge, in a
       column of the page's padding kept blank meanwhile (app.tcss: scrolled pages). The
       page gives that column up; the rest keep theirs as a margin, so all stay in line (the
       area's width is the page's: a fraction would lose a column to the others' margin). */
    #session {
        padding: 1 2 1 1;
    }

    #session > .buttons {
        margin: 1 0 0 1;
    }

    #step-area {
        width: 100%;
        height: 1fr;
        border-left: blank;
    }

    #step-area:focus {
        border-left: wide $accent;
    }

    #breathing {
        margin-top: 1;
    }

    #answer {
        height: auto;
        min-height: 5;
        max-height: 12;
        margin-top: 1;
    }

    #try-again {
        border: round $warning;
        padding: 0 1;
        margin-top: 1;
    }

    /* While "let's try that again" is open, the box shrinks so the thought stays in view. */
    .-trying #answer {
        height: 3;
        min-height: 3;
        margin-top: 0;
    }

    .-trying #try-again {
        margin-top: 0;
    }

    /* The app's ".buttons { margin-top: 1 }" outranked the panel's own rule: a blank row
       inside the panel that the shrunken box needed more (80×24). */
    #try-again .buttons {
        margin-top: 0;
    }

    #try-again .heading {
        text-style: bold;
    }

    #choices {
        height: auto;
        max-height: 100%;
    }
    """
    app: KindtoneApp

    BINDINGS = [
        Binding("ctrl+n", "next", "Continue", priority=True),
        Binding("ctrl+b", "back", "Back", priority=True),
        Binding("ctrl+s", "skip", "Skip", priority=True),
        Binding("escape", "leave", "Leave"),
        Binding("enter", "next", "Continue", show=False),
        Binding("ctrl+o", "use_kind_words", "Your words", show=False),
    ]

    asks_before_quitting = True
    what = "session"

    def __init__(self, session: Session, stage: str = "steps") -> None:
        super().__init__()
        self.session = session
        self.stage = stage
        self._flow: SessionFlow | None = None
        self._draft_timer: Timer | None = None
        # Keys typed at a reading or breathing step (no box to take them): an answer typed
        # one prompt early. Said and shown back on moving, as plain mode does; they vanished.
        self._stray = ""
        # What the flow said about those words, shown on the step moved to, in the page
        # (a 10 s toast stayed longer and, at 60x20, covered the box and the buttons).
        self._stray_note: str | None = None

    @property
    def flow(self) -> SessionFlow:
        """Every decision is the flow's (tui.core.flow); this screen only shows them."""
        if self._flow is None:
            self._flow = self.app.flow_for(self.session)
        return self._flow

    def compose(self) -> ComposeResult:
        with Vertical(id="session", classes="page"):
            with Horizontal(id="session-top"):
                yield LiteralText("", id="exercise-title")
                yield LiteralText("", id="step-count")
            yield ProgressBar(
                total=max(1, len(self.session.steps)),
                show_eta=False,
                show_percentage=False,
                id="progress",
            )
            yield VerticalScroll(id="step-area")
            with Horizontal(classes="buttons"):
                yield Button(Content("Back"), compact=True, id="back")
                yield Button(Content("Skip"), compact=True, id="skip")
                yield Button(Content("Continue"), compact=True, id="continue", variant="primary")
        yield KeysFooter()

    async def on_mount(self) -> None:
        if self.stage != "steps" or self.flow.finished:
            self.call_after_refresh(self._after_steps)
            return
        if self.app.ends_in_shell(self.session.id) and self.app.folder_notes:
            # Started from the shell, home never showed what is wrong with the data folder:
            # said here, in the page, at the first step (a toast covered the buttons).
            self._stray_note = " ".join(self.app.folder_notes)
        await self.show_step()

    # -- showing a step ------------------------------------------------------------------

    @property
    def view(self) -> StepView | None:
        views = self.query(StepView)
        return views.first() if views else None

    async def show_step(self) -> None:
        flow = self.flow
        planned = flow.current
        if planned is None:
            self._after_steps()
            return
        self._stray = ""  # said already, or typed at the step just left
        area = self.query_one("#step-area", VerticalScroll)
        self.query_one("#session").remove_class("-trying")
        await area.remove_children()
        step = planned.step
        prompt = flow.prompt()
        answer = flow.answer_so_far()
        view: StepView
        if step.type == "breathe":
            view = BreatheView(step, prompt, reduced_motion=self.app.reduced_motion)
        elif step.takes_text:
            view = WriteView(
                step,
                prompt,
                answer,
                flow.quote(),
                placeholder=self.session.render(planned, step.placeholder),
                offered=flow.kind_words(),
            )
        else:
            view = VIEWS[step.type](step, prompt, answer)
        await area.mount(view)
        done, _ = self.session.progress
        title, where = flow.progress()
        preview = " · preview, nothing is saved" if self.session.preview else ""
        self.query_one("#exercise-title", LiteralText).set_text(title + preview)
        self.query_one("#step-count", LiteralText).set_text(where)
        self.query_one("#progress", ProgressBar).update(progress=done)
        self.query_one("#back", Button).disabled = done == 0
        if step.type in ("read", "breathe"):
            self.query_one("#continue", Button).focus()
        else:
            view.focus_input()
        area.scroll_home(animate=False)
        await self._show_stray_note()
        self.call_after_refresh(self._input_in_view)

    async def _show_stray_note(self) -> None:
        """Words typed at the step just left, said once at the top of this one."""
        note, self._stray_note = self._stray_note, None
        if note:
            area = self.query_one("#step-area", VerticalScroll)
            for old in area.query("#stray-note"):  # one note: the newest takes its place
                await old.remove()
            await area.mount(LiteralText(note, classes="muted", id="stray-note"), before=0)

    def _input_in_view(self) -> None:
        """The prompt first, but never at the cost of the box being typed in: at 60x20 a
        reframe's quote and kind words pushed it below the step area's edge, and the words
        typed went in unseen. Scrolled just enough to show all of it."""
        focused = self.focused
        area = self.query_one("#step-area", VerticalScroll)
        if focused is not None and area in focused.ancestors:
            area.scroll_to_widget(focused, animate=False)

    # -- moving --------------------------------------------------------------------------

    def _current_text(self) -> str | None:
        view = self.view
        # A new step's view is on screen a moment before its text box is built (the draft
        # timer can fire then): nothing has been typed in it yet.
        # And the flow can move on a moment before the old step's view leaves the screen: its
        # words belong to that step, never to the next one.
        current = self.flow.current
        if current is None or view is None or view.step is not current.step:
            return None
        if isinstance(view, WriteView) and view.query("#answer"):
            return strip_controls(str(view.value()))
        return None

    async def caught_up(self) -> None:
        """Let the text box take the keys queued for it before a priority key acts.

        ctrl+n, ctrl+b and ctrl+s are priority bindings: they act as soon as they reach the
        app, while keys typed just before them can still be waiting in the text box's queue
        (a paste without bracketed paste, a fast typist, a script). A callback queued behind
        those keys runs once they are in, so the last words typed are never lost.
        """
        focused = self.focused
        if not isinstance(focused, TextArea) or not focused.is_running:
            return
        done = asyncio.Event()
        if focused.call_later(done.set):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), timeout=1.0)

    def _at_a_step_without_a_box(self) -> bool:
        planned = self.flow.current
        return planned is not None and planned.step.type in ("read", "breathe")

    def on_key(self, event: events.Key) -> None:
        view = self.view
        if isinstance(view, WriteView) and event.is_printable and event.character:
            self._into_the_box(view, event)
            return
        if not self._at_a_step_without_a_box():
            return
        if event.is_printable and event.character:
            self._stray += event.character
        elif event.key == "backspace":
            self._stray = self._stray[:-1]

    def _into_the_box(self, view: WriteView, event: events.Key) -> None:
        """A letter typed at a writing step while focus is on a button (after Tab) goes into
        the answer box, which takes focus: it went nowhere, and Continue then moved on with
        an empty answer. A space still presses the focused button and "?" opens Help, as they do
        everywhere; once the box has focus, both are typed."""
        focused = self.focused
        boxes = view.query("#answer").results(TextArea)
        box = next(boxes, None)
        if box is None or focused is box or isinstance(focused, (TextArea, Input)):
            return
        if event.character in (" ", "?") and isinstance(focused, Button):
            return  # a space presses the button; "?" opens Help, as on every other screen
        event.stop()
        event.prevent_default()
        box.focus()
        box.insert(event.character or "")
        self.call_after_refresh(self._input_in_view)

    def on_paste(self, event: events.Paste) -> None:
        if self._at_a_step_without_a_box():
            self._stray += event.text

    async def _stray_words_said(self, said: Said = "next") -> bool:
        """Words typed where none are asked: the flow says so with the words shown back, on
        the step moved to (the key that moves still moves: the first ctrl+n after typing was
        swallowed). Crisis words open support first, and the step stays: True then."""
        typed, self._stray = self._stray, ""
        if len(typed.strip()) < 2 or not any(char.isalnum() for char in typed):
            return False  # a stray key or two ("," or "j"), not words to give back
        at_a_step_without_a_box = self._at_a_step_without_a_box()
        outcome = self.flow.stray_words(typed, said=said) if at_a_step_without_a_box else None
        if outcome is None:
            return False
        if outcome.kind == "crisis":
            if outcome.note:
                self.notify(outcome.note, timeout=10, markup=False)
            self._pause_for_support(outcome.pause_words)
            return True
        self._stray_note = outcome.note
        return False

    async def action_next(self) -> None:
        await self.caught_up()
        if await self._stray_words_said():
            return
        view = self.view
        if view is None or self.flow.current is None:
            return
        if self.query(TryAgainPanel):
            # The flow decides: changed words are checked afresh, the same ones kept.
            text = self._current_text()
            await self._close_try_again()
            await self.present(self.flow.continue_from_try_again(text))
            return
        await self.present(self.flow.submit(view.value()))

    async def present(self, outcome: Outcome) -> None:
        """Show what the flow decided."""
        if outcome.note and outcome.kind == "crisis":
            self.notify(outcome.note, timeout=10, markup=False)  # support opens over the page
        elif outcome.note:
            # Said in the page, at the top of what comes next: a 10 s toast covered Skip and
            # Continue, and went before it could be read (or copied).
            self._stray_note = " ".join(filter(None, (self._stray_note, outcome.note)))
        if outcome.kind == "crisis":
            self._pause_for_support(outcome.pause_words)
        elif outcome.kind == "ask":
            self._ask_directly()
        elif outcome.kind == "try-again" and outcome.review is not None:
            panel = TryAgainPanel(outcome.review.analysis, attempt=outcome.attempt)
            self.query_one("#session").add_class("-trying")
            await self.query_one("#step-area", VerticalScroll).mount(panel)
            await self._offer_kind_words(self.flow.kind_words(outcome.review))
            await self._show_stray_note()
            panel.scroll_visible(animate=False)
            self.call_after_refresh(self._fit_answer_box)
        else:
            await self.show_step()

    async def _offer_kind_words(self, offered: list[Phrase]) -> None:
        """Under "let's try that again": your kind words for the patterns just noticed. They
        stay while the person tries again, in place of the step's own."""
        if not offered:
            return  # none for these patterns: the step's own (if any) stay
        for old in self.query(WordsThatHelped):
            await old.remove()
        widget = WordsThatHelped(offered, id="words-that-helped")
        await self.query_one("#step-area", VerticalScroll).mount(widget)

    def action_use_kind_words(self) -> None:
        """One key puts one of your kind words in the box to edit (again: the next one)."""
        offers = self.query(WordsThatHelped)
        view = self.view
        if not offers or not isinstance(view, WriteView):
            return
        phrase = offers.last().take()
        if phrase is not None:
            view.set_value(phrase.text)
            view.focus_input()

    def _fit_answer_box(self) -> None:
        """While "let's try that again" is open the box shrinks to keep the thought in view
        on a small screen; any room left over goes back to it, so more of the words show."""
        boxes = self.query("#answer").results(TextArea)
        box = next(boxes, None)
        if box is None or not self.query(TryAgainPanel):
            return
        area = self.query_one("#step-area", VerticalScroll)
        used = max(child.virtual_region_with_margin.bottom for child in area.displayed_children)
        spare = area.scrollable_content_region.height - used
        shown = box.outer_size.height
        words = box.wrapped_document.height + box.styles.gutter.height
        height = max(3, min(words, shown + spare))
        if height != shown:
            box.styles.height = height
        if words > height and not box.has_focus:
            # Too long to show whole: show its start, not the end the cursor left it at.
            # The panel quotes the words it noticed; the start was what couldn't be read.
            self.call_after_refresh(box.scroll_home, animate=False, immediate=True)

    def on_resize(self) -> None:
        if self.query(TryAgainPanel):
            self.call_after_refresh(self._fit_answer_box)

    async def _close_try_again(self) -> None:
        for box in self.query("#answer"):
            box.styles.clear_rule("height")  # the step's own height again
        self.query_one("#session").remove_class("-trying")
        for panel in self.query(TryAgainPanel):
            await panel.remove()

    @on(TryAgainPanel.Choice)
    async def _try_again_choice(self, event: TryAgainPanel.Choice) -> None:
        await self._close_try_again()
        view = self.view
        if event.try_again:
            if view is not None:
                view.focus_input(again=True)
            return
        await self.present(self.flow.keep_as_is())

    async def action_back(self) -> None:
        await self.caught_up()
        at_first = self.session.position == 0
        if await self._stray_words_said("here" if at_first else "back"):
            return
        await self._close_try_again()
        if self.flow.back(self._current_text()):
            await self.show_step()
        else:
            await self._show_stray_note()  # at the first step: said here

    async def action_skip(self) -> None:
        """Skip a step; words already typed are kept (skipping only passes the checks)."""
        await self.caught_up()
        if await self._stray_words_said():
            return
        await self._close_try_again()
        await self.present(self.flow.skip(self._current_text()))

    def _note_current(self) -> None:
        """Keep unfinished text with the step, so back, resize or a crash lose nothing."""
        self.flow.note_text(self._current_text())

    @on(Button.Pressed, "#continue")
    async def _continue_pressed(self) -> None:
        await self.action_next()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Button.Pressed, "#skip")
    async def _skip_pressed(self) -> None:
        await self.action_skip()

    @on(OptionList.OptionSelected, "#choices")
    async def _choice_made(self) -> None:
        await self.action_next()

    @on(BreathingGuide.Finished)
    def _breathing_done(self) -> None:
        self.query_one("#continue", Button).focus()

    # -- drafts --------------------------------------------------------------------------

    @on(TextArea.Changed)
    def _typing(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self._write_draft)

    def _write_draft(self) -> None:
        self._draft_timer = None
        self._note_current()
        self.flow.keep_draft()

    def keep_draft_now(self) -> bool:
        """Write the draft with every word typed so far, not 1.5 s later: the app is closing
        from a dialog over the session. True when the draft is on disk."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        self._note_current()
        return self.flow.keep_draft()

    # -- leaving and finishing -----------------------------------------------------------

    def action_leave(self, then_quit: bool = False) -> None:
        from tui.screens.leave import LeaveScreen

        self._note_current()

        def decided(choice: str | None) -> None:
            if choice is None:
                return
            report = self.flow.leave(keep=choice == "keep")
            if not report.safe and then_quit:
                # Quitting, and nothing holds the words: they go to the terminal as the app
                # closes, with why (exit 1), as plain mode gives them back; never dropped.
                self.app.quit_printing(self.flow.unsaved_words(report, completed=False))
                return
            if not report.safe:
                # Said once, in the dialog with the words: a toast repeating it covered them.
                self._show_unsaved(report)
                return  # stay, with the words on screen to copy
            self.app.tell_report(report, completed=False)
            # Kept: said once a file holds the words, as plain mode says it (leaving in
            # silence left someone unsure whether "Keep what I wrote" had kept anything).
            kept = report.message(completed=False) if report.saved else None
            if then_quit or self.app.ends_in_shell(self.session.id):
                # Printed as the app closes, as it is: a path in a reason is never markup. A
                # session started from the shell ends there, as finishing it does.
                self.app.back_to_shell(kept)
            else:
                self.app.pop_screen()
                if kept:
                    self.app.notify(kept, markup=False)

        if self.session.preview:
            # Nothing is saved in a preview, so there is nothing to lose: "Leave this
            # session?" only stood between someone browsing and the list they came from.
            decided("discard")
            return
        from tui.core.datafolder import words_can_be_kept

        self.app.push_screen(
            LeaveScreen(
                has_writing=self.session.has_writing,
                can_keep=words_can_be_kept(self.app.data_dir),
                quitting=then_quit,
            ),
            decided,
        )

    def _show_unsaved(self, report: SaveReport) -> None:
        """Nothing holds the words: say so, and show them where they can be copied."""
        from tui.screens.unsaved import UnsavedScreen

        self.app.push_screen(UnsavedScreen(report.message(completed=False), self.flow.words()))

    def _pause_for_support(self, words: str) -> None:
        from tui.screens.support import SupportScreen

        async def decided(choice: str | None) -> None:
            if choice == "end":
                report = self.flow.end_after_support()
                if not report.safe:
                    self._show_unsaved(report)  # said there, with the words: no toast over them
                    return
                self.app.tell_report(report, completed=False)
                if report.saved:
                    self.notify(
                        "What you wrote is kept as an unfinished reflection. "
                        "Be gentle with yourself.",
                        markup=False,
                    )
                self.app.pop_screen()
            else:
                # Back to the very step they were on, with their words still there; they
                # may change them, or continue as they are.
                self.flow.return_from_support()
                await self.show_step()

        self.app.push_screen(SupportScreen(paused_session=True, pause_words=words), decided)

    def _ask_directly(self) -> None:
        from tui.screens.ask import AskScreen

        async def decided(choice: AskAnswer | None) -> None:
            await self.present(self.flow.answer_ask(choice or "rather-not"))

        self.app.push_screen(AskScreen(), decided)

    def _after_steps(self) -> None:
        from tui.screens.checkout import CheckOutScreen
        from tui.screens.summary import SummaryScreen

        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        # Words typed at the last step ("copy it if you'd like to keep it"), or a note on the
        # last answer: said in the next page, where it can be read and copied (an 8-10 s
        # toast went before it could be, and covered the buttons).
        note, self._stray_note = self._stray_note, None
        if self.stage == "summary":
            self.app.switch_screen(SummaryScreen(self.flow, note=note))
        elif not self.app.settings.ask_ratings or self.session.preview:
            self.session.finish()
            self.app.switch_screen(SummaryScreen(self.flow, note=note))
        else:
            self.flow.keep_draft(stage="checkout")
            self.app.switch_screen(CheckOutScreen(self.flow, note=note))
