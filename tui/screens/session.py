"""Walking through the planned steps, one at a time, with a progress bar for the session."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, OptionList, ProgressBar, TextArea

from tui.core.session import Session, review_answer
from tui.core.text import strip_controls
from tui.widgets.breathe import BreathingGuide
from tui.widgets.plain import Plain
from tui.widgets.steps import VIEWS, BreatheView, StepView, WriteView
from tui.widgets.try_again import TryAgainPanel

if TYPE_CHECKING:
    from tui.app import KindtoneApp

DRAFT_DELAY = 1.5  # seconds after the last keystroke; keeps drafts ≤ ~2 s behind


class SessionScreen(Screen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #session-top {
        height: 1;
    }

    #exercise-title {
        width: 1fr;
        text-style: bold;
        color: $accent;
    }

    #step-count {
        width: auto;
        color: $text-muted;
    }

    #progress {
        margin: 0 0 1 0;
        width: 100%;
    }

    #progress Bar {
        width: 1fr;
    }

    #step-area {
        height: 1fr;
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
    ]

    asks_before_quitting = True

    def __init__(self, session: Session, stage: str = "steps") -> None:
        super().__init__()
        self.session = session
        self.stage = stage
        self._versions: list[str] = []
        self._draft_timer: Timer | None = None
        # (step position, text) whose support screen was seen and left with "Return to the
        # exercise": continuing with the same words goes on, rather than pausing again.
        self._support_seen: set[tuple[int, str]] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="session", classes="page"):
            with Horizontal(id="session-top"):
                yield Plain("", id="exercise-title")
                yield Plain("", id="step-count")
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
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        if self.stage != "steps" or self.session.finished:
            self.call_after_refresh(self._after_steps)
            return
        await self.show_step()

    # -- showing a step ------------------------------------------------------------------

    @property
    def view(self) -> StepView | None:
        views = self.query(StepView)
        return views.first() if views else None

    async def show_step(self) -> None:
        planned = self.session.current
        if planned is None:
            self._after_steps()
            return
        area = self.query_one("#step-area", VerticalScroll)
        await area.remove_children()
        record = self.session.record_for(planned)
        self._versions = list(record.versions)
        step = planned.step
        prompt = self.session.prompt_for(planned)
        view: StepView
        if step.type == "breathe":
            view = BreatheView(step, prompt, reduced_motion=self.app.reduced_motion)
        elif step.takes_text:
            view = WriteView(
                step,
                prompt,
                record.answer,
                self.session.source_answer(planned),
                placeholder=self.session.render(planned, step.placeholder),
            )
        else:
            view = VIEWS[step.type](step, prompt, record.answer)
        await area.mount(view)
        done, total = self.session.progress
        exercise_number = self.session.exercises.index(planned.exercise) + 1
        preview = " · preview, nothing is saved" if self.session.preview else ""
        self.query_one("#exercise-title", Plain).set_text(planned.exercise.title + preview)
        self.query_one("#step-count", Plain).set_text(
            f"exercise {exercise_number} of {len(self.session.exercises)}"
            f" · step {done + 1} of {total}"
        )
        self.query_one("#progress", ProgressBar).update(progress=done)
        self.query_one("#back", Button).disabled = done == 0
        if step.type in ("read", "breathe"):
            self.query_one("#continue", Button).focus()
        else:
            view.focus_input()
        area.scroll_home(animate=False)

    # -- moving --------------------------------------------------------------------------

    def _current_text(self) -> str | None:
        view = self.view
        if isinstance(view, WriteView):
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

    async def action_next(self) -> None:
        await self.caught_up()
        view = self.view
        planned = self.session.current
        if view is None or planned is None or self.query(TryAgainPanel):
            return
        if not isinstance(view, WriteView):
            self.session.answer(view.value())
            await self._moved()
            return
        text = self._current_text() or ""
        if not text.strip():
            self.session.answer(None)
            await self._moved()
            return
        if not self._versions or self._versions[-1] != text:
            self._versions.append(text)
        review = review_answer(planned.step, text)
        if review.crisis:
            self.session.crisis = True
            position = self.session.position
            seen = (position, text) in self._support_seen
            self.session.answer(text, versions=self._versions)
            self.app.keep_draft(self.session)
            if seen:
                await self.show_step()  # no reframing is offered on crisis language
            else:
                self._pause_for_support(text, position)
            return
        if review.offer_try_again:
            self.session.record_for(planned).versions = list(self._versions)
            self.app.keep_draft(self.session)
            panel = TryAgainPanel(review.analysis, attempt=len(self._versions) - 1)
            await self.query_one("#step-area", VerticalScroll).mount(panel)
            panel.scroll_visible(animate=False)
            return
        self.session.answer(text, versions=self._versions)
        await self._moved()

    @on(TryAgainPanel.Choice)
    async def _try_again_choice(self, event: TryAgainPanel.Choice) -> None:
        await self.query_one(TryAgainPanel).remove()
        view = self.view
        if event.try_again:
            if view is not None:
                view.focus_input()
            return
        text = self._current_text() or ""
        self.session.answer(text, versions=self._versions)
        await self._moved()

    async def _moved(self) -> None:
        self.app.keep_draft(self.session)
        await self.show_step()

    async def action_back(self) -> None:
        await self.caught_up()
        if self.query(TryAgainPanel):
            await self.query_one(TryAgainPanel).remove()
        self._note_current()
        if self.session.back():
            await self.show_step()

    async def action_skip(self) -> None:
        """Skip a step; words already typed are kept (skipping only passes the checks)."""
        await self.caught_up()
        if self.query(TryAgainPanel):
            await self.query_one(TryAgainPanel).remove()
        text = self._current_text()
        planned = self.session.current
        if planned is not None and text and text.strip():
            versions = list(self._versions)
            if not versions or versions[-1] != text:
                versions.append(text)
            position = self.session.position
            seen = (position, text) in self._support_seen
            self.session.answer(text, versions=versions)
            if review_answer(planned.step, text).crisis and not seen:
                # Crisis language is never skipped past without the support screen.
                self.session.crisis = True
                self.app.keep_draft(self.session)
                self._pause_for_support(text, position)
                return
        else:
            self.session.skip()
        await self._moved()

    def _note_current(self) -> None:
        """Keep unfinished text with the step, so back, resize or a crash lose nothing."""
        text = self._current_text()
        planned = self.session.current
        if text is not None and planned is not None:
            self.session.record_for(planned).answer = text if text.strip() else None

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
        self.app.keep_draft(self.session)

    # -- leaving and finishing -----------------------------------------------------------

    def action_leave(self, then_quit: bool = False) -> None:
        from tui.screens.leave import LeaveScreen

        self._note_current()

        def decided(choice: str | None) -> None:
            if choice is None:
                return
            if choice == "keep":
                self.session.finish()
                if not self.app.save_reflection(self.session, completed=False):
                    return  # the draft still holds it; stay so the person sees the message
            else:
                self.app.store.discard_draft()
            if then_quit:
                self.app.exit(0)
            else:
                self.app.pop_screen()

        has_writing = self.session.has_writing and not self.session.preview
        self.app.push_screen(LeaveScreen(has_writing=has_writing), decided)

    def _pause_for_support(self, text: str, position: int) -> None:
        from tui.screens.support import SupportScreen

        async def decided(choice: str | None) -> None:
            if choice == "end":
                self.session.finish()
                if self.app.save_reflection(self.session, completed=False):
                    self.app.notify(
                        "What you wrote is kept as an unfinished reflection. "
                        "Be gentle with yourself.",
                        markup=False,
                    )
                self.app.pop_screen()
            else:
                # Back to the very step they were on, with their words still there; they
                # may change them, or continue as they are.
                while self.session.position > position and self.session.back():
                    pass
                self._support_seen.add((position, text))
                await self.show_step()

        self.app.push_screen(SupportScreen(paused_session=True), decided)

    def _after_steps(self) -> None:
        from tui.screens.checkout import CheckOutScreen
        from tui.screens.summary import SummaryScreen

        if self.stage == "summary":
            self.app.switch_screen(SummaryScreen(self.session))
        elif not self.app.settings.ask_ratings or self.session.preview:
            self.session.finish()
            self.app.switch_screen(SummaryScreen(self.session))
        else:
            self.app.keep_draft(self.session, stage="checkout")
            self.app.switch_screen(CheckOutScreen(self.session))
