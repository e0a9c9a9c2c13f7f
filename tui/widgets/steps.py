"""One view per step type. Each shows its step and can say what the answer is now."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.core.exercises import Step
from tui.core.text import shown_part, strip_controls
from tui.widgets.breathe import BreathingGuide, Pace
from tui.widgets.kind_words_offer import WordsThatHelped
from tui.widgets.literal_text import LiteralText, literal
from tui.widgets.rating import RatingBar
from tui.widgets.side_by_side import critic_content
from tui.widgets.text_box import TextBox

if TYPE_CHECKING:
    from tui.core.phrases import Phrase


class StepView(Vertical):
    """Base: a prompt above whatever the step needs."""

    DEFAULT_CSS = """
    StepView { height: auto; }
    """

    def __init__(self, step: Step, prompt: str, answer: str | int | None = None) -> None:
        super().__init__(classes=f"step step-{step.type}")
        self.step = step
        self.prompt = shown_part(prompt)  # a prompt quoting a huge answer draws its start
        self.initial = answer

    def compose(self) -> ComposeResult:
        yield LiteralText(self.prompt, classes="prompt")

    def value(self) -> str | int | None:
        return None

    def focus_input(self, *, again: bool = False) -> None:
        """``again``: after "Try again", where the words just written are to be written anew."""
        self.focus()


class ReadView(StepView):
    pass


class BreatheView(StepView):
    def __init__(
        self, step: Step, prompt: str, answer: str | int | None = None, reduced_motion: bool = False
    ) -> None:
        super().__init__(step, prompt, answer)
        self.reduced_motion = reduced_motion

    def compose(self) -> ComposeResult:
        if self.prompt:
            yield LiteralText(self.prompt, classes="prompt")
        pace = Pace(self.step.inhale, self.step.hold, self.step.exhale, self.step.cycles)
        yield BreathingGuide(pace, reduced_motion=self.reduced_motion, id="breathing")


class WriteView(StepView):
    def __init__(
        self,
        step: Step,
        prompt: str,
        answer: str | int | None = None,
        source_answer: str | None = None,
        placeholder: str = "",
        offered: Sequence[Phrase] = (),
    ) -> None:
        super().__init__(step, prompt, answer)
        self.source_answer = source_answer
        self.placeholder = placeholder
        self.offered = list(offered)  # your kind words for what the critic said

    def compose(self) -> ComposeResult:
        if self.step.type == "reframe":
            yield LiteralText("You wrote:", classes="quote-label")
            quote = shown_part(self.source_answer) if self.source_answer else None
            if quote:
                # The harsh original, literally, with the words the analysis noticed marked.
                yield Static(critic_content(quote), classes="quote", id="reframe-original")
            else:
                yield LiteralText("(nothing yet, and that's fine)", classes="quote")
            if self.offered:
                yield WordsThatHelped(self.offered, id="words-that-helped")
        yield LiteralText(self.prompt, classes="prompt")
        yield TextBox(
            str(self.initial) if isinstance(self.initial, str) else "",
            soft_wrap=True,
            placeholder=literal(self.placeholder or "Write as much or as little as you like."),
            id="answer",
            tab_behavior="focus",
        )

    def value(self) -> str | int | None:
        return self.query_one("#answer", TextArea).text

    def set_value(self, text: str) -> None:
        self.query_one("#answer", TextArea).load_text(text)

    def focus_input(self, *, again: bool = False) -> None:
        area = self.query_one("#answer", TextArea)
        area.focus()
        if again:
            # The harsh words selected: typing replaces them, an arrow key keeps them to edit
            # (walked in tmux: Ctrl+A only goes to the line's start, so kind words landed in
            # front of the old ones and were asked about again).
            area.select_all()
        else:
            area.move_cursor(area.document.end)


class ChooseView(StepView):
    """Only an option actually chosen (enter or click) is an answer, never a highlight."""

    def compose(self) -> ComposeResult:
        yield LiteralText(self.prompt, classes="prompt")
        options = [
            Option(Content(strip_controls(text)), id=str(n))
            for n, text in enumerate(self.step.options)
        ]
        option_list = OptionList(*options, id="choices")
        self.chosen: str | None = None
        if isinstance(self.initial, str) and self.initial in self.step.options:
            option_list.highlighted = self.step.options.index(self.initial)
            self.chosen = self.initial
        yield option_list

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.chosen = self.step.options[event.option_index]

    def value(self) -> str | int | None:
        return self.chosen

    def focus_input(self, *, again: bool = False) -> None:
        self.query_one("#choices", OptionList).focus()


class RateView(StepView):
    def compose(self) -> ComposeResult:
        yield LiteralText(self.prompt, classes="prompt")
        initial = self.initial if isinstance(self.initial, int) else None
        yield RatingBar(self.step.low, self.step.high, initial, id="rating")
        yield LiteralText("Use ← → or a number. Leaving it blank is fine.", classes="hint")

    def value(self) -> str | int | None:
        return self.query_one("#rating", RatingBar).value

    def focus_input(self, *, again: bool = False) -> None:
        self.query_one("#rating", RatingBar).focus()


VIEWS: dict[str, type[StepView]] = {
    "read": ReadView,
    "breathe": BreatheView,
    "write": WriteView,
    "reframe": WriteView,
    "choose": ChooseView,
    "rate": RateView,
}
