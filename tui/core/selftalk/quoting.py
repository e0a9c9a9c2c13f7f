"""Quoting an old harsh thought to answer it kindly (rules/quoting.toml): which findings of a
text were being answered, not said afresh. Kept apart from the analyser so each stays short."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analyser import Reading

__all__ = ["answered"]


_QUOTED = re.compile(r'"[^"\n]{1,400}"|“[^”\n]{1,400}”')


def answered(text: str, readings: list[tuple[int, Reading]]) -> Callable[[int, int, int], bool]:
    """Which findings are an old harsh thought quoted to be answered kindly ("Old thought:
    I'm useless. Kinder: I had a hard day and still showed up."), which is what the
    exercises invite: with a kind answer somewhere in the text, a finding inside quotation
    marks, after an introduction ("Old thought:", "Before:"), inside the answer itself, or in
    the sentence just before an introduction (what happened: "Failed my test. Voice: ...")."""
    answers = [number for number, (_, reading) in enumerate(readings) if reading.answer is not None]
    turns = _turns(readings)
    if not answers and not turns:
        return _never
    quotes = [match.span() for match in _QUOTED.finditer(text)]
    last_answer = answers[-1] if answers else -1

    def check(number: int, start: int, end: int) -> bool:
        offset, reading = readings[number]
        if turns and turns[-1] >= end:
            # Quoted or introduced, then turned from later on ("\"Hopeless.\" But I paid
            # it on time."): answered, though no label says so.
            introduced = reading.intro is not None and end > offset + reading.intro
            if introduced or _in_quotes(quotes, start, end):
                return True
        if number > last_answer:
            return False  # after every answer: said afresh
        if number < last_answer and readings[number + 1][1].intro is not None:
            return True  # what happened, told just before the old thought it set off
        if reading.answer is not None and end > offset + reading.answer:
            return True  # in the answer, or reaching into it
        if reading.intro is not None and end > offset + reading.intro:
            # after the introduction, or reaching into it from its label ("Voice: ...")
            return True
        return _in_quotes(quotes, start, end)

    return check


def _in_quotes(quotes: list[tuple[int, int]], start: int, end: int) -> bool:
    """A finding that holds quoted words: the quote itself, or the sentence that reports it
    ("I heard myself think \"pathetic…\"", "First thought \"omg such a loser\""), which the
    word weights flag whole. Whether it was answered is the caller's question."""
    return any(start < high and low < end for low, high in quotes)


def _turns(readings: list[tuple[int, Reading]]) -> list[int]:
    """Where (in the text's characters) clauses turn from an old thought, up to the first
    sentence that sides with it ("It's true."): no turn counts after that."""
    found: list[int] = []
    for offset, reading in readings:
        if reading.agree:
            break
        if reading.turn is not None:
            found.append(offset + reading.turn)
    return found


def _never(number: int, start: int, end: int) -> bool:
    return False
