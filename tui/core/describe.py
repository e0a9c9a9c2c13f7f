"""Exercises as a person reads them: used by `exercises show` and the library's preview."""

from __future__ import annotations

import textwrap

from tui.core.exercises import SITUATIONS, Exercise, Step
from tui.core.text import fill_template, template_names, visible_controls


def render_exercise(exercise: Exercise, width: int = 88) -> str:
    """The exercise as a person would read it, every step in order."""
    out: list[str] = [exercise.title, *_wrap(exercise.summary, width)]
    source = "built-in" if exercise.source == "built-in" else f"your own: {exercise.path}"
    out += ["", f"About {exercise.minutes} minute{'s' if exercise.minutes != 1 else ''} ({source})"]
    out += _wrap("Fits when: " + "; ".join(SITUATIONS[s] for s in exercise.situations), width)
    for number, step in enumerate(exercise.steps, 1):
        out += ["", f"{number}. {_step_heading(step)}"]
        out += _step_body(step, width - 3)
    return visible_controls("\n".join(out))


def _step_heading(step: Step) -> str:
    if step.type == "read":
        return "Read"
    if step.type == "breathe":
        return f"Breathe: in {step.inhale} · hold {step.hold} · out {step.exhale} × {step.cycles}"
    if step.type == "write":
        heading = "Write"
        notes = []
        if step.id:
            notes.append(f"answer named {{{step.id}}}")
        if step.check:
            notes.append("checked for harsh self-talk")
        return heading + (f" ({', '.join(notes)})" if notes else "")
    if step.type == "choose":
        return "Choose one" + (f" (answer named {{{step.id}}})" if step.id else "")
    if step.type == "rate":
        return "Rate from 0 to 10, or skip" + (f" (answer named {{{step.id}}})" if step.id else "")
    if step.type == "reframe":
        kept = f", answer named {{{step.id}}}" if step.id else ""
        return f"Rewrite {{{step.source}}} more kindly (checked for harsh self-talk{kept})"
    return step.type.capitalize()  # pragma: no cover - a new step type shows its name


def _step_body(step: Step, width: int) -> list[str]:
    lines: list[str] = []
    for text in (step.text, step.prompt):
        if text:
            lines += _wrap(_readable(text), width)
    if step.placeholder:
        lines += _wrap("Hint: " + _readable(step.placeholder), width)
    lines += [f"• {option}" for option in step.options]
    if step.type == "rate":
        lines.append(f"0 = {step.low} · 10 = {step.high}")
    if step.about:
        names = ", ".join(f"{{{name}}}" for name in step.about)
        lines += _wrap(f"About {names}: left out if skipped or if it held words of crisis", width)
    return ["   " + line if line else "" for line in lines]


def _readable(template: str) -> str:
    """Show ``{name}`` references as written and ``{{``/``}}`` as the braces a person sees."""
    return fill_template(template, {name: f"{{{name}}}" for name in template_names(template)})


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, width) or [""]
    return lines
