"""Paced breathing: a bar that fills as you breathe in and empties as you breathe out."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

TICK = 0.1
BAR_WIDTH = 40


@dataclass(frozen=True)
class Pace:
    inhale: int
    hold: int
    exhale: int
    cycles: int

    @property
    def breath(self) -> int:
        return self.inhale + self.hold + self.exhale

    @property
    def total(self) -> int:
        return self.breath * self.cycles

    def at(self, elapsed: float) -> tuple[int, str, float, int]:
        """(breath number from 1, phase name, fill 0–1, whole seconds left in the phase)."""
        elapsed = min(elapsed, self.total - 1e-9)
        cycle, within = divmod(elapsed, self.breath)
        if within < self.inhale:
            return int(cycle) + 1, "Breathe in", within / self.inhale, _left(self.inhale, within)
        within -= self.inhale
        if within < self.hold:
            return int(cycle) + 1, "Hold gently", 1.0, _left(self.hold, within)
        within -= self.hold
        return int(cycle) + 1, "Breathe out", 1 - within / self.exhale, _left(self.exhale, within)


def _left(length: int, within: float) -> int:
    return max(1, int(length - within + 0.999))


class BreathingGuide(Widget):
    """Runs by itself once mounted; skipping is always the screen's choice, never blocked."""

    DEFAULT_CSS = """
    BreathingGuide { height: 4; width: 100%; }
    """

    elapsed: reactive[float] = reactive(0.0)

    class Finished(Message):
        pass

    def __init__(self, pace: Pace, *, reduced_motion: bool = False, id: str | None = None):
        super().__init__(id=id)
        self.pace = pace
        self.reduced_motion = reduced_motion
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        self._timer = self.set_interval(1.0 if self.reduced_motion else TICK, self._tick)

    def _tick(self) -> None:
        self.elapsed += 1.0 if self.reduced_motion else TICK
        if self.elapsed >= self.pace.total and self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.post_message(self.Finished())

    @property
    def done(self) -> bool:
        return self.elapsed >= self.pace.total

    def render(self) -> Content:
        if self.done:
            return Content.assemble(("Well done. ", "bold"), "Take your time, then continue.")
        number, phase, fill, left = self.pace.at(self.elapsed)
        heading = Content.assemble(
            (f"{phase}", "bold"),
            f"  {left}",
            (f"      breath {number} of {self.pace.cycles}", "dim"),
        )
        if self.reduced_motion:
            return heading
        width = min(BAR_WIDTH, max(10, self.size.width - 2))
        filled = round(fill * width)
        bar = Content.assemble(("█" * filled, "$accent"), ("░" * (width - filled), "dim"))
        return Content("\n").join([heading, Content(""), bar])
