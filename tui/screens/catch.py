"""Catch it in the moment: the critic's words, what was noticed, and a kinder redirect.

The decisions are the core's (:mod:`tui.core.catch`), the same as ``kindtone catch``: a
number picks one of your kind words, other words are reviewed like a reframe, and crisis
words open the support screen, never a redirect.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.core.catch import CRITIC_PROMPT, KIND_PROMPT, NOTHING_NOTICED, Catch, Redirect
from tui.widgets.footer import KeysFooter
from tui.widgets.kind_words_offer import WordsThatHelped
from tui.widgets.literal_text import LiteralText
from tui.widgets.side_by_side import highlighted
from tui.widgets.try_again import TryAgainPanel

if TYPE_CHECKING:
    from tui.app import KindtoneApp
    from tui.core.flow import AskAnswer


def noticed_widgets(caught: Catch) -> list[Static]:
    """The critic's words with what was noticed highlighted, then each pattern named gently,
    a widget each so a long one wraps under its own first word, not under the quote."""
    widgets = [Static(highlighted(caught.analysis))]
    widgets.extend(Static(Content(line), classes="noticed-line") for line in caught.noticed())
    return widgets


class CatchScreen(Screen[None]):
    """Two lines, and at most two more keys, from the critic's words to saved."""

    CSS = """
    #catch-offered { height: auto; }
    #catch-noticed { height: auto; }
    #catch-noticed .noticed-line { padding-left: 2; }
    #catch-kind-box { height: auto; margin-top: 1; }
    #catch-result { margin-top: 1; }
    CatchScreen Input { margin: 0 0 1 0; }
    """
    app: KindtoneApp

    BINDINGS = [
        Binding("escape", "leave", "Back"),
        Binding("ctrl+k", "app.kind_words", "Kind words"),
        # Enter sends only what was typed before it, and the words typed straight after it
        # reach the next box ("I am so stupid⏎I did my best" in one read was sent as one line).
        Binding("enter", "steady_submit", "Send", show=False, priority=True),
    ]

    async def action_steady_submit(self) -> None:
        await self.app.steady_submit()

    def __init__(self) -> None:
        super().__init__()
        self.caught: Catch | None = None
        self.pending: Redirect | None = None
        self.attempt = 0
        self.saved = False

    what = "catch"

    @property
    def asks_before_quitting(self) -> bool:
        """Words written and not saved yet: leaving (esc, ctrl+q) asks first, as a session
        does (esc went straight home, and the critic's words and the kinder ones half typed
        were gone without a word)."""
        if self.saved:
            return False
        typed = any(box.value.strip() for box in self.query(Input))
        return typed or self.caught is not None

    async def caught_up(self) -> None:
        """An Input takes each key as it comes: nothing is left waiting in a queue."""

    def action_leave(self, then_quit: bool = False) -> None:
        from tui.core.flow import KEPT_UNFINISHED
        from tui.core.storage import StoreError
        from tui.screens.leave import LeaveScreen

        if not self.asks_before_quitting:
            if then_quit:
                self.app.exit(0)
            else:
                self.app.pop_screen()
            return

        def decided(choice: str | None) -> None:
            if choice is None:
                return
            kept: str | None = None
            if choice == "keep":
                record = self._unfinished_record()
                try:
                    self.app.store.save(record)
                except (OSError, StoreError) as error:
                    self._show_unsaved(record, error)
                    return  # stay: the words are on screen to copy
                self.saved = True
                kept = KEPT_UNFINISHED
            if then_quit:
                self.app.exit(0, message=Text(kept) if kept else None)
                return
            self.app.pop_screen()
            if kept:
                self.app.notify(kept, markup=False)

        self.app.push_screen(LeaveScreen(has_writing=True, what="catch"), decided)

    def _unfinished_record(self) -> dict[str, Any]:
        """The catch as far as it got: the critic's words (sent or only typed) and the
        kinder words typed but not sent."""
        from tui.core.catch import start_catch
        from tui.core.phrases import PhraseStore

        caught = self.caught
        if caught is None:
            typed = self.query_one("#catch-critic", Input).value
            caught = start_catch(typed, PhraseStore(self.app.data_dir))
        unsent = self.query_one("#catch-kind", Input).value if self.pending is None else ""
        return caught.to_record(completed=False, unsent=unsent)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="catch", classes="page"):
            yield LiteralText("Catch it in the moment", classes="title")
            yield LiteralText(CRITIC_PROMPT, classes="prompt")
            yield Input(placeholder="The critic's words, just as they came", id="catch-critic")
            yield Vertical(id="catch-noticed", classes="quote")
            yield LiteralText("", id="catch-hint", classes="hint")
            yield Vertical(id="catch-offered")
            with Vertical(id="catch-kind-box"):
                yield LiteralText(KIND_PROMPT, id="catch-kind-prompt", classes="prompt")
                yield Input(placeholder="Your kinder words, or a number", id="catch-kind")
            yield LiteralText("", id="catch-result", classes="muted")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#catch-noticed").display = False  # an empty quote draws a stray bar
        self.query_one("#catch-kind-box").display = False
        self.query_one("#catch-critic", Input).focus()

    @on(Input.Submitted, "#catch-critic")
    async def _critic(self, event: Input.Submitted) -> None:
        from tui.core.catch import start_catch
        from tui.core.phrases import PhraseStore

        if not event.value.strip() or self.saved:
            return
        caught = start_catch(event.value, PhraseStore(self.app.data_dir))
        self.caught = caught
        noticed = self.query_one("#catch-noticed", Vertical)
        await noticed.remove_children()
        await noticed.mount_all(noticed_widgets(caught))
        noticed.display = True
        if caught.analysis.crisis:
            self._to_support()
            return
        if caught.should_ask():
            self._ask_directly(caught, None, lambda: self._redirect(caught))
            return
        await self._redirect(caught)

    def _ask_directly(
        self, caught: Catch, redirect: Redirect | None, go_on: Callable[[], Awaitable[None]]
    ) -> None:
        """The session's direct question; "yes, or not sure" opens support, as crisis words do."""
        from tui.screens.ask import AskScreen

        async def decided(choice: AskAnswer | None) -> None:
            note = caught.answer_ask(choice or "rather-not", redirect, support="press F2")
            if caught.crisis:
                self._to_support()
                return
            if note:
                self.notify(note, markup=False)
            await go_on()

        self.app.push_screen(AskScreen(), decided)

    async def _redirect(self, caught: Catch) -> None:
        """What was noticed, and the box for kinder words."""
        self.query_one("#catch-critic", Input).disabled = True
        hint = NOTHING_NOTICED if caught.nothing_noticed else caught.hint()
        self.query_one("#catch-hint", LiteralText).set_text(hint)
        if caught.offered:  # mounted before the scroll below measures the page
            await self.query_one("#catch-offered", Vertical).mount(
                WordsThatHelped(caught.offered, how="(type the number to use one)")
            )
        self.query_one("#catch-kind-box").display = True
        box = self.query_one("#catch-kind", Input)
        if not caught.offered:  # no number picks anything
            box.placeholder = "Your kinder words"
        # At once, not by box.focus() (which waits in the app's queue behind keys already
        # typed): words typed straight after Enter belong in this box.
        self.set_focus(box)
        self.call_after_refresh(
            self.query_one("#catch-kind-box").scroll_visible, animate=False, top=False
        )

    @on(Input.Submitted, "#catch-kind")
    async def _kind(self, event: Input.Submitted) -> None:
        if self.caught is None or self.saved or self.query(TryAgainPanel):
            return
        redirect = self.caught.propose(event.value)
        if redirect is None:
            self.notify(self.caught.retry_line(), markup=False)
            return
        if redirect.crisis:
            self.caught.pause_for_support(redirect)
            self._to_support()
            return
        if self.caught.should_ask(redirect):
            self._ask_directly(self.caught, redirect, lambda: self._review(redirect))
            return
        await self._review(redirect)

    async def _review(self, redirect: Redirect) -> None:
        """Still the critic's voice: "let's try that again"; otherwise kept and saved."""
        if self.caught is None:
            return
        if redirect.offer_try_again:
            self.pending = redirect
            panel = TryAgainPanel(redirect.analysis, attempt=self.attempt)
            await self.query_one("#catch-kind-box").mount(panel)
            self.call_after_refresh(panel.scroll_visible, animate=False)
            return
        self.caught.keep(redirect)
        self._save()

    @on(TryAgainPanel.Choice)
    async def _choice(self, event: TryAgainPanel.Choice) -> None:
        event.stop()
        await self.query_one(TryAgainPanel).remove()
        if self.caught is None or self.pending is None:
            return
        redirect, self.pending = self.pending, None
        if event.try_again:
            self.caught.try_again(redirect)
            self.attempt += 1
            box = self.query_one("#catch-kind", Input)
            box.focus()
            return
        self.caught.keep(redirect)
        self._save()

    def _show_unsaved(self, record: dict[str, Any], error: Exception) -> None:
        """As a session says it: the folder, the plain reason, and the words to copy (a
        toast said "This couldn't be saved: Your reflection could not be saved: …" and went
        after 15 s, words and all)."""
        from tui.core.storage import nothing_written, plain_reason
        from tui.screens.unsaved import UnsavedScreen

        words = "\n\n".join(str(step["answer"]) for step in record["steps"])
        message = nothing_written(self.app.data_dir, plain_reason(error))
        self.app.push_screen(UnsavedScreen(message, words))

    def _to_support(self) -> None:
        """Crisis words: the support screen, never a redirect; the words are kept."""
        self.query_one("#catch-kind-box").display = False
        self.query_one("#catch-hint", LiteralText).set_text("")
        self.app.action_support()
        self._save(crisis=True)

    def _save(self, *, crisis: bool = False) -> None:
        from tui.core.storage import StoreError

        if self.caught is None:
            return
        record = self.caught.to_record()
        try:
            self.app.store.save(record)
        except (OSError, StoreError) as error:
            self._show_unsaved(record, error)
            return
        self.saved = True
        self.query_one("#catch-kind", Input).disabled = True
        self.query_one("#catch-critic", Input).disabled = True
        if crisis:
            self.query_one("#catch-result", LiteralText).set_text(
                "What you wrote is kept in your reflections, only on this computer."
            )
            return
        self.app.keep_kind_words(record, source="catch")
        kept = self.caught.kept.text if self.caught.kept else ""
        result = self.query_one("#catch-result", LiteralText)
        result.set_text(f"Kept “{kept}” and saved it to your reflections. Press esc to go back.")
        # The last thing on the page: scroll to the end once it has wrapped (scrolling to the
        # line before its layout left its second line under the footer).
        self.call_after_refresh(self.query_one("#catch", VerticalScroll).scroll_end, animate=False)
        self.app.take_backup()
