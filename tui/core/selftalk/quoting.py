"""Quoting an old harsh thought to answer it kindly (rules/quoting.toml): which findings of a
text were being answered, not said afresh. Kept apart from the analyser so each stays short."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from .concepts import looking_back

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .analyser import Reading, _Built
    from .scope import Sentence
    from .tokens import WordList

__all__ = [
    "answered",
    "apposed_me",
    "old_quotes",
    "old_words_quoted",
    "plain_label",
    "quote_spans",
    "quoted_only",
]


# Double quotes, and single ones: an opening quote not after a letter (not "don't"), a closing
# one not before a letter, and apostrophes inside only between letters ("'I'm hopeless'",
# "'yow'm a waste of space'"). One expression for each opening mark, each starting on it:
# re then skips to the mark as str.find does (one expression of all four read every
# character, ~20 ms for 100 KB instead of ~0.6).
_SINGLE = r"(?<![\w'’]{mark})(?=[^\s'’])(?:[^'’‘\n]|(?<=\w)['’](?=\w)){{1,400}}?['’](?!\w)"
_QUOTES = tuple(
    re.compile(expression)
    for expression in (
        r'"[^"\n]{1,400}"',
        r"“[^”\n]{1,400}”",
        "'" + _SINGLE.format(mark="'"),
        "‘" + _SINGLE.format(mark="‘"),
    )
)
_MARKS = ("'", "’", '"', "”")
_OPENING = ('"', "“", "'", "‘")
# A dash or an arrow straight after a quote: "'Useless' - I was tired", "'Useless' → tired".
_DASH_AFTER = re.compile(r"[\s.,;:!?]*(?:[-–—→⇒➔➡⟶]|=>)")


def answered(text: str, readings: list[tuple[int, Reading]]) -> Callable[[int, int, int], bool]:
    """Which findings are an old harsh thought quoted to be answered kindly ("Old thought:
    I'm useless. Kinder: I had a hard day and still showed up."), which is what the
    exercises invite: with a kind answer somewhere in the text, a finding inside quotation
    marks, after an introduction ("Old thought:", "Before:"), inside the answer itself, or in
    the sentence just before an introduction (what happened: "Failed my test. Voice: ...")."""
    answers = [number for number, (_, reading) in enumerate(readings) if reading.answer is not None]
    turns = _turns(readings)
    reported: dict[int, tuple[int, int] | None] = {}  # by sentence, worked out once each

    def in_reported(number: int, start: int, end: int) -> bool:
        if number not in reported:
            reported[number] = _reported(readings[number])
        span = reported[number]
        return span is not None and span[0] <= start and end <= span[1]

    if not answers and not turns and not any(mark in text for mark in _MARKS):
        return in_reported
    Spans = list[tuple[int, int]]
    state: list[tuple[list[int], Spans, Spans]] = []  # worked out on the first finding

    def setup() -> tuple[list[int], Spans, Spans]:
        quotes = sorted(match.span() for quoted in _QUOTES for match in quoted.finditer(text))
        every = sorted(turns + _dash_turns(text, quotes, readings))
        # What happened, told in the quote's sentence or the one before it, when the quote is
        # turned from ("Mrs Pike came and I forgot her name. I wrote \"silly old woman\" and
        # crossed it out."): the account that set the old thought off, answered with it.
        starts = [offset for offset, _ in readings]
        set_off = [
            (bisect_right(starts, low) - 2, low)
            for low, high in quotes
            if every and every[-1] >= high
        ]
        state.append((every, quotes, set_off))
        return state[0]

    last_answer = answers[-1] if answers else -1

    def check(number: int, start: int, end: int) -> bool:
        if in_reported(number, start, end):
            return True  # a thought reported and replied to in one sentence
        turns, quotes, set_off = state[0] if state else setup()
        if not turns and number > last_answer:
            return False  # (what the tests below say then, with no turn there is no set_off)
        offset, reading = readings[number]
        if turns:
            # Introduced, then turned from later on; or quoted, and the quote turned from
            # ("\"Hopeless.\" But I paid it on time.", and a weights flag on the whole
            # sentence that holds both): answered, though no label says so.
            if reading.intro is not None and end > offset + reading.intro and turns[-1] >= end:
                return True
            if any(start < high and low < end and turns[-1] >= high for low, high in quotes):
                return True
            # The turn's own clause, when it answers a quote before it and says no "I" or "me"
            # ("The word \"coward\" came. But a coward wouldn't have gone up there."): the
            # old word taken up to be answered, not owned ("But I am one, always have been").
            turn = offset + reading.turn if reading.turn is not None else -1
            if (
                reading.selfless
                and turn in turns
                and start >= turn
                and any(high <= turn for _, high in quotes)
            ):
                return True
        if any(first <= number and end <= low for first, low in set_off):
            return True  # told before a turned-from quote, in its sentence or the one before
        if number > last_answer:
            return False  # after every answer: said afresh
        if number < last_answer and readings[number + 1][1].intro is not None:
            return True  # what happened, told just before the old thought it set off
        if (
            reading.answer is not None
            and end > offset + reading.answer
            and (number or reading.answer)
            # A finding that ends on the label's own word holds it as one of its words
            # ("Driver of the decade, me, again."): no answer follows it there.
            and (
                start >= offset + reading.answer
                or len(text[offset + reading.answer : end].split()) > 1
            )
        ):
            return True  # in the answer, or reaching into it (not "Me, I'm such an idiot.")
        if reading.intro is not None and end > offset + reading.intro:
            # after the introduction, or reaching into it from its label ("Voice: ...")
            return True
        return _in_quotes(quotes, start, end)

    return check


def _dash_turns(
    text: str, quotes: list[tuple[int, int]], readings: list[tuple[int, Reading]]
) -> list[int]:
    """A quote answered straight after a dash or an arrow ("'You always say something
    stupid' - I said one awkward thing", "'Lazy' → resting"): a turn where the dash is,
    unless a sentence sides with the thought before it."""
    agree = next((offset for offset, reading in readings if reading.agree), len(text))
    found = []
    for _, high in quotes:
        dash = _DASH_AFTER.match(text, high)
        if dash is not None and dash.end() < agree:
            found.append(dash.end())
    return found


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


def _reported(item: tuple[int, Reading]) -> tuple[int, int] | None:
    """Where (in the text's characters) a sentence holds a harsh thought it reports and
    replies to (Scoper.reported_thought: "Whenever I think I'm not smart enough, I remind
    myself I got in."): a finding inside it is answered, as an introduced old thought is.
    Remembered with the sentence's reading (Reading.reported_span)."""
    offset, reading = item
    span = reading.reported_span()
    return None if span is None else (offset + span[0], offset + span[1])


def quoted_only(
    built: _Built, sentence: Sentence, words: WordList, concepts: frozenset[str]
) -> bool:
    """Whether every present-intent cue ("live", rules/concern.toml) of a sentence that looks
    back (``concepts``, the grid's: "used to", "my old diary") is inside quotation marks: old
    words quoted ("my old diary says \"I want to end it\""), not said now."""
    low = sentence.low
    if not looking_back(concepts) or not any(mark in low for mark in _OPENING):
        return False
    at = [
        start
        for pattern, start, _ in sentence.matches("concern")
        if pattern.kind == "live" and not built.scoper.negations_before(words, start)
    ]
    spans = [match.span() for quoted in _QUOTES for match in quoted.finditer(low)]
    starts, _ = built.tokens.char_spans(low, words, max(at) + 1)
    return all(
        position < len(starts) and any(start <= starts[position] < end for start, end in spans)
        for position in at
    )


_DOUBLE = re.compile(r'["“”]')
_CLOSING_END = re.compile(r"[\s.,;:!?…)\]]*$")


def quote_spans(low: str) -> list[tuple[int, int]]:
    """Where a sentence's quotation marks hold words: each pair, and a double quote left
    unpaired, which the sentence splitter leaves when a quote holds its own full stop (``...:
    "I have no reason to live."``): an opening one runs to the sentence's end, a closing one
    (only punctuation after it) from its start."""
    spans = [match.span() for quoted in _QUOTES for match in quoted.finditer(low)]
    marks = [match.start() for match in _DOUBLE.finditer(low)]
    inside = [m for m in marks if any(start <= m < end for start, end in spans)]
    loose = [m for m in marks if m not in inside]
    if len(loose) % 2:
        last = loose[-1]
        mark = low[last]
        # A straight quote leading the sentence is the end of the one before: the splitter
        # leaves a quote's closing mark after the full stop inside it ('." I barely...').
        closing = not low[:last].strip() or _CLOSING_END.match(low, last + 1) is not None
        if mark == "”" or (mark == '"' and closing):
            spans.append((0, last + 1))  # a quote's end, its start in the sentence before
        else:
            spans.append((last, len(low)))  # a quote's start, its end in the sentence after
    return spans


def old_words_quoted(
    built: _Built, sentence: Sentence, words: WordList, concepts: frozenset[str]
) -> bool:
    """Session 16 (calm): whether a sentence's crisis rules match only inside quotation marks,
    in words it reports as said, written or thought before (the grid's REPORTED: "what I said
    at my first appointment", "I'd have turned it into", "the old voice"; or it looks back),
    and the words outside the quotes don't lean for the net: old words quoted, not said now
    ("A while back I'd have turned one slip into \"I should just die\"")."""
    low = sentence.low
    if "REPORTED" not in concepts and not looking_back(concepts):
        return False
    if not any(mark in low for mark in _OPENING):
        return False
    found = sentence.matches("crisis")
    if not found:
        return False
    spans = quote_spans(low)
    if not spans:
        return False
    starts, _ = built.tokens.char_spans(low, words, max(end for _, _, end in found))
    for _, start, end in found:
        for position in range(start, end):
            if position >= len(starts) or not any(a <= starts[position] < b for a, b in spans):
                return False
    outside = list(low)
    for a, b in spans:
        outside[a:b] = " " * (b - a)
    rest = built.tokens.words("".join(outside))
    risk = built.risk
    return risk is None or len(rest) < 3 or risk.score(rest) < risk.ask


_quote_spans = quote_spans  # the older name (tests/test_selftalk_calm16.py)


# Session 17: where a kind answer's label or an old thought quoted is not one.
_APPOSED_ME = re.compile(r"me\s*,")
_QUOTE_MARKS = ('"', "“", "'", "‘")
# The kind answer's labels that are everyday words too (rules/quoting.toml, kind "answer"),
# followed by a comma or a verb ("reality is,"), not a colon or a dash (see plain_label).
_PLAIN_LABEL = re.compile(
    r"(?:me|then|after|(?:the )?truth|reality|new|answer|reply|response|counter|evidence)"
    r"(?:\s+is)?\s*,"
)


def apposed_me(low: str, at: int) -> bool:
    """Whether the "me" at ``at`` is the writer naming themselves beside a label, set off by
    commas ("Proper dunce, me, left the pasty in", "A disgrace to the station, me, plain and
    simple"), not a speaker's label for the kind answer ("Critic: useless. Me: I tried."),
    which opens the sentence or takes a colon or a dash: the word list can't tell them apart,
    as every clause break is one token there."""
    return at > 0 and _APPOSED_ME.match(low, at) is not None and bool(low[:at].strip())


def plain_label(low: str, at: int) -> bool:
    """Whether the kind answer's label at ``at`` is an everyday word said in passing, between
    commas mid-sentence ("Burnt the toast, then, idiot that I am…", "Locked out again,
    reality is, I'm a total idiot", "Dropped the tray, after, I felt like a clumsy idiot"): a
    word that labels the answer ("Then: I tried.", "Reality: I was tired.") opens the sentence
    or takes a colon or a dash. Labels that are never everyday words ("kinder version, …")
    still count anywhere."""
    return at > 0 and _PLAIN_LABEL.match(low, at) is not None and bool(low[:at].strip())


def old_quotes(reading: Reading) -> list[tuple[int, int]]:
    """Where a sentence's quotation marks hold an old thought told as the past: the sentence
    looks back (the grid's concepts: "used to", "back then", "my old diary"), so quoted words
    in it are the old thought ("I remember thinking \"I'm such a burden\" back then", "Found
    my old diary where I wrote \"I'm worthless\""), as the concern reads them
    (old_words_quoted), not a verdict said now. Quoted self-talk told as now stays the
    writer's ("I keep telling myself \"you're useless\"", "This morning I told myself
    \"you're pathetic\""). Worked out once a sentence (a finding inside a span is dropped)."""
    low = reading.low
    if not any(mark in low for mark in _QUOTE_MARKS) or not looking_back(reading.concepts):
        return []
    return quote_spans(low)
