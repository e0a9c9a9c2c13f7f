"""Text helpers shared by every place that shows words a person typed or a file held.

Such text is data: it is never parsed as markup, and terminal control characters are
removed (or made visible) before it reaches a screen, so a pasted escape sequence can't
move the cursor, retitle the window or hide what was written.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (ESC-free CSI etc.).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates can reorder what is shown; keep the text but neutralise them.
_BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# {name} refers to an earlier answer; {{ and }} are literal braces. A reference may be followed
# by closing quotes and one full stop, which an answer's own last stop makes one too many.
_TEMPLATE = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]{0,31})\}(?:([\"'”’]*)\.(?!\.))?")
# An answer that already ends a sentence, perhaps inside its own closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def strip_controls(text: str) -> str:
    """Drop control characters that a terminal would act on; keep tabs and newlines."""
    text = _CONTROL.sub("", text)
    return _BIDI_CONTROL.sub("", text)


def visible_controls(text: str) -> str:
    """Show control characters as escapes (for CLI output, where hiding them would mislead)."""

    def show(match: re.Match[str]) -> str:
        return match.group(0).encode("unicode_escape").decode("ascii")

    return _BIDI_CONTROL.sub(show, _CONTROL.sub(show, text))


def template_names(template: str) -> list[str]:
    """The ``{name}`` references in ``template``, in order."""
    return [m.group(1) for m in _TEMPLATE.finditer(template) if m.group(1)]


def fill_template(template: str, answers: dict[str, str]) -> str:
    """Put earlier answers into ``template`` as plain text.

    Substitution happens once, left to right, so braces inside an answer are never
    expanded again. A reference with no answer yet (skipped step) becomes "…". The
    template's full stop after a reference is dropped when the answer ends a sentence
    itself: “I'm a mess.” Now…, not “I'm a mess.”. Now….
    """

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        answer = answers.get(match.group(1), "")
        quotes, stop = match.group(2) or "", "." if match.group(2) is not None else ""
        if not answer.strip():
            return "…" + quotes + stop
        if stop and _ENDS_SENTENCE.search(answer):
            return answer.rstrip() + quotes
        return answer + quotes + stop

    return _TEMPLATE.sub(replace, template)


def quoted(text: str) -> str:
    """“text” closing a sentence: its own full stop, question or exclamation mark is the
    sentence's (“I'm a mess.”, not “I'm a mess.”.)."""
    if _ENDS_SENTENCE.search(text):
        return f"“{text.rstrip()}”"
    return f"“{text}”."


def count(n: int, noun: str, plural: str | None = None, *, grouped: bool = False) -> str:
    """ "1 reflection", "2 reflections", "3 catches": never "1 reflections" or
    "reflection(s)". ``grouped`` writes 20,000 with a comma."""
    if plural is None:
        plural = noun + ("es" if noun.endswith(("ch", "sh", "s", "x")) else "s")
    number = f"{n:,}" if grouped else str(n)
    return f"{number} {noun if n == 1 else plural}"


def about_minutes(minutes: float) -> str:
    """ "about 1 minute", "about 12 minutes", "under a minute": never "about 1 minutes"."""
    whole = round(minutes)
    return "under a minute" if whole < 1 else f"about {count(whole, 'minute', grouped=True)}"


# Drawing a very long answer takes seconds; what is shown is capped, what is kept never is.
SHOWN_CHARACTERS = 4000


def shown_part(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """The start of a long text for display, saying how much more is kept."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters, all kept)"
