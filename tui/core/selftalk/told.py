"""When a sentence is told: the time frames rules/concern.toml finds in it and the time its
verbs are told in, and whether it places the writer in a safer present. Its own module so
concern.py, which weighs these against a text's other cues, stays under 900 lines."""

from __future__ import annotations

from .concepts import looking_back
from .tokens import clauses

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (see concern.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from .analyser import Reading, _Built
    from .tokens import WordList

FRAMES = frozenset({"past", "now", "present", "dated", "again", "back"})
PRESENT = frozenset({"now", "present"})
PAST_TENSE = frozenset({"past"})
PRESENT_TENSE = frozenset({"present"})
THEN_NOW = frozenset({"past", "present"})
WORRYING = frozenset({"risk", "ask", "grid-ask", "weights", "definite"})
# The learned layers' cues, the net sure on its own among them (see lean_only).
_LEARNED = frozenset({"risk", "sure", "weights", "lean", "alone", "ruminate"})
_SAFER = frozenset({"present", "recovery"})  # a present state, or help reached
_TOLD = FRAMES | {"live", "recovery"}


def worrying(reading: Reading) -> bool:
    return reading.crisis or not WORRYING.isdisjoint(reading.cues)


def frames(reading: Reading) -> set[str]:
    """The time frames a sentence is told in (rules/concern.toml "past", "now", "present",
    "dated"; the grid's DISTANCE and old words count as past): read only where a verdict
    turns on them. Old words it reports are told in their own time, not the sentence's
    (own_voice)."""
    built = reading.built
    words = built.tokens.words(reading.low)
    found = frames_of(built, own_voice(built, reading.low, words))
    if looking_back(reading.concepts):
        found.add("past")
    return found


# Session 18 (recovery): verbs that report a thought or words as they were then, and what may
# come between them and the thought ("I kept thinking, I'll take...", "I told myself I'd...").
_REPORTING = frozenset(
    {"thought", "thinking", "said", "saying", "told", "telling", "wrote", "writing", "whispered"}
)
_BEFORE_THOUGHT = frozenset({"myself", "me", "that", ","})
_THOUGHT_OPENS = frozenset({"i", "you", "we", "it", "just", "one", "take", "jump", "do", "end"})


def own_voice(built: _Built, low: str, words: WordList) -> list[str]:
    """The words a sentence tells in its own voice when it reports old words told in their own
    present: quoted words ("Back in 2014 I thought \"I'll just cut until it stops\"", "It was
    \"tonight, tonight\" for all of March"), or a thought after a verb that reports it ("When
    the grief was fresh I kept thinking, I'll take all of his pills"). Only where what is left
    is told in the past (past verbs alone, or a past frame): the report places them then, and
    their "tonight", "I'll" are the thought's time, not the writer's. A reported thought runs
    to its clause's end ("I said I'm well now, and I am."). Else all the words: "I told her
    I'm going to end it tonight" is told now."""
    from .quoting import quote_spans
    from .tokens import BREAK

    keep = [True] * len(words)
    spans = quote_spans(low) if any(mark in low for mark in '"“”') else []
    if spans:
        starts, _ = built.tokens.char_spans(low, words, len(words))
        for index in range(min(len(words), len(starts))):
            if any(a <= starts[index] < b for a, b in spans):
                keep[index] = False
    else:
        last = len(words)
        for index, word in enumerate(words):
            if word not in _REPORTING:
                continue
            after = index + 1
            while after < last and (words[after] in _BEFORE_THOUGHT or words[after] == BREAK):
                after += 1
            if after < last and words[after] in _THOUGHT_OPENS:
                # The thought runs to its clause's end: "I said I'm well now, and I am."
                end = after
                while end < last and words[end] != BREAK:
                    end += 1
                keep[after:end] = [False] * (end - after)
                break
    told = [word for word, kept in zip(words, keep, strict=True) if kept]
    if not told or len(told) == len(words):
        return words
    tenses = built.scoper.tenses(told)
    if tenses == PAST_TENSE or frames_of(built, told) & {"past", "dated"}:
        return told
    return words


def frames_of(built: _Built, words: list[str]) -> set[str]:
    """The time frames rules/concern.toml finds in these words (a sentence, or a clause), and
    the time its verbs are told in (Scoper.tenses): "then" (all past, nothing recent), "past"
    too with time put between then and now ("In my late teens I made two attempts."),
    "tense-now" (all present, or past then present in that order: "I teach swimming.")."""
    low = " ".join(words)
    scoper = built.scoper
    found = {
        pattern.kind
        for pattern, start, _ in built.sentence(low, words).matches("concern")
        if pattern.kind in FRAMES and not scoper.negations_before(words, start)
    }
    order = scoper.tense_order(words)
    tenses = set(order)
    if tenses == PAST_TENSE:
        if not scoper.recent(words):
            found.add("then")
            if scoper.distance(words):
                found.add("past")
    elif tenses == PRESENT_TENSE or (tenses == THEN_NOW and order[-1] == "present"):
        # Present, or told in order from then to now ("I told my GP in 2020 and I've been
        # getting better since."): where the writer is now is its last word.
        found.add("tense-now")
    return found


def distance(reading: Reading) -> bool:
    """Whether a sentence puts time between then and now (Scoper.distance)."""
    built = reading.built
    return built.scoper.distance(built.tokens.words(reading.low))


def lean_only(reading: Reading) -> bool:
    """Session 18 (recovery): worrying only by the learned layers' lean (the net, the word
    weights), nothing a rule or the grid names (own_worry), no act, means or place, nothing
    ahead, and its last part places the writer in a safer present: the net reads
    a story's safer present as a crisis line as often as not ("It's been nine years and I
    don't think that way any more.")."""
    built = reading.built
    words = built.tokens.words(reading.low)
    if not (
        reading.cues
        and _LEARNED.issuperset(reading.cues)
        and "AHEAD" not in reading.concepts
        and built.grid.anchors.isdisjoint(reading.concepts)
        and not own_worry(built, words)
    ):
        return False
    # Where the writer is now is its last word: its last part places the writer in a safer
    # present ("... and I don't think that way any more"), not "I've been okay for months but
    # I'm done pretending" nor "I've been well for years and I'm exhausted by all of it" (the
    # net leans on the recovery's own words as often as on the turn's).
    last = parts(words)[-1][1]
    return bool(frames_of(built, last) & PRESENT) or built.scoper.distance(last)


def safer_now(reading: Reading, frames: set[str], lean: bool = False) -> bool:
    """Told in the present tense with time put between then and now ("I've been well for
    over a decade."; not "I don't know what to do."), nothing worrying, no intent, nothing
    ahead, no act, means or place of the grid's ("I've had the rope for years."), no word of a
    present no better (words.toml tense_no_better: "...and I've stopped caring"). ``lean``:
    the learned layers' lean alone (lean_only) is not worrying here."""
    built = reading.built
    words = built.tokens.words(reading.low)
    return (
        "tense-now" in frames
        and built.scoper.distance(words)
        and built.scoper.tense_no_better.isdisjoint(words)
        and (not worrying(reading) or (lean and lean_only(reading)))
        and "live" not in reading.cues
        and "AHEAD" not in reading.concepts
        and reading.built.grid.anchors.isdisjoint(reading.concepts)
    )


# Session 18 (recovery): where a story turns. A clause break, or a turn word ("but", "yet",
# "though") or "and" before the one who tells or a time ("and now", "and I", "and tonight"):
# the story's parts, each with its own time (a recovery told, then the old thought back).
_TURNS = frozenset({"but", "yet", "though", "although", "except"})
_AND_BEFORE = frozenset({"i", "we", "now", "today", "tonight", "lately", "this", "these", "it's"})
RETURN = frozenset({"again", "now", "back"})


def parts(words: list[str]) -> list[tuple[int, list[str]]]:
    """A sentence's parts where its story may turn (see _TURNS), each with its first word's
    index: "I used to plan it | but this time I've written the letters"."""
    from .tokens import BREAK

    found: list[tuple[int, list[str]]] = [(0, [])]
    for index, word in enumerate(words):
        turn = word == BREAK or word in _TURNS
        if word == "and" and index + 1 < len(words) and words[index + 1] in _AND_BEFORE:
            turn = True
        if turn and found[-1][1]:
            found.append((index + 1 if word == BREAK else index, []))
        if word != BREAK:
            found[-1][1].append(word)
    return [(start, part) for start, part in found if part]


def told_now(built: _Built, words: list[str]) -> bool:
    """Whether words (a sentence or a part of one) are told as now: present or future verbs and
    no past one, or something recent (tonight, today), or a time frame of now or of the act
    back again (rules/concern.toml "now", "again"); not a past frame ("back then") nor time put
    between then and now (Scoper.distance)."""
    frames = frames_of(built, words)
    if frames & {"past", "dated"} or built.scoper.distance(words):
        return False  # time put between then and now: "I've ridden them out since my attempt"
    tenses = built.scoper.tenses(words)
    return (
        bool(frames & RETURN)
        or built.scoper.recent(words)
        or (bool(tenses) and "past" not in tenses)
    )


def recovery_then_worry(reading: Reading) -> bool:
    """A recovery told first and the worry told after it, in the present, in one sentence ("I
    used to plan it and never do it, but this time I've written the letters"; "My safety plan
    worked for years, but I tore it up today"): a part after every recovery cue (rules'
    "recovery") that is told now (told_now) and holds worrying words of its own (own_worry).
    The recovery is the past of that story, not a safer present speaking for it."""
    built = reading.built
    words = built.tokens.words(reading.low)
    recovered = [
        (start, end)
        for pattern, start, end in built.sentence(reading.low, words).matches("concern")
        if pattern.kind == "recovery" and not built.scoper.negations_before(words, start)
    ]
    if not recovered:
        return False
    # A part after the last recovery cue's start, and not inside its words: the cue's own
    # words are no worry after it ("the urge still shows up, but I have my plan and I use it":
    # the plan is the recovery's), but a part it only reaches into is ("I used to think about
    # it and now I think about it all the time": the cue ends on "and now").
    first = max(start for start, _ in recovered)
    last = max(end for _, end in recovered)
    return any(
        start > first
        and start + len(part) > last
        and told_now(built, part)
        and own_worry(built, part)
        for start, part in parts(words)
    )


# A concern rule's worry of its own (not negated): a question's words, the act or thought back.
_RETURNED = frozenset({"ask", "again", "back"})


def own_worry(built: _Built, words: list[str]) -> bool:
    """Whether words hold worry a rule or the grid names, not only the learned layers' lean
    (which reads "3 years on and I have a life I actually want" as a crisis line): a crisis
    rule's match, a concern rule's question or present intent, the act or the old thought
    back again (frames "again", "back": "I think about it all the time now"), or a
    combination the grid reads (an act with means, not means alone: "the meds and talking
    are helping", "holding a rope and grinning")."""
    low = " ".join(words)
    sentence = built.sentence(low, words)
    if sentence.matches("crisis"):
        return True
    for pattern, start, _ in sentence.matches("concern"):
        if pattern.kind == "live" or (
            pattern.kind in ("ask", "again", "back")
            and not built.scoper.negations_before(words, start)
        ):
            return True
    return built.grid.verdict(built.grid.concepts(words, low)) is not None


def story_after(readings: Sequence[Reading], number: int) -> list[Reading]:
    """The two sentences after ``number``, and further while the story goes on in the past
    (session 18: "I wrote the note. I was going to do it on the Friday. My mum found it. I'm
    34 now."): each sentence between told then or in no tense of its own, no present intent,
    up to four in all."""
    end = min(len(readings), number + 3)
    while end < min(len(readings), number + 5) and all(
        goes_on_then(near) for near in readings[number + 1 : end]
    ):
        end += 1
    return list(readings[number + 1 : end])


def goes_on_then(reading: Reading) -> bool:
    """Told then or in no tense of its own: no present, nothing recent, no present intent."""
    found = frames(reading)
    built = reading.built
    return (
        "live" not in reading.cues
        and not found & (PRESENT | {"tense-now"})
        and not built.scoper.recent(built.tokens.words(reading.low))
    )


def recovered(readings: Sequence[Reading], number: int) -> bool:
    """Whether a recovery cue speaks for sentence ``number``'s worrying words (session 18): its
    own, unless told before them with the worry after it in the present (told.
    recovery_then_worry); one of the two sentences after it; one of the two before it only
    when the sentence is not told as now (told.told_now: "I was two years clean. I've got the
    pills out." is the recovery of then and the worry of now, not a story looked back on)."""
    reading = readings[number]
    if "recovery" in reading.cues:
        return not recovery_then_worry(reading)
    if any("recovery" in near.cues for near in readings[number + 1 : number + 3]):
        return True
    if not any("recovery" in near.cues for near in readings[max(0, number - 2) : number]):
        return False
    if "past" in frames(reading):
        return True  # it looks back itself (the grid's too: "my brother's suicide last spring")
    built = reading.built
    words = built.tokens.words(reading.low)
    return not (told_now(built, words) and own_worry(built, words))


def clauses_told_as_past(reading: Reading) -> bool:
    """One sentence that tells it in order, clause by clause: crisis words placed in the past
    and a later clause placing the writer in a safer present ("I tried to end my life in my
    first term; this term I've got a counsellor."). The clause the net finds most crisis-like
    must come before that present clause, which the net must not lean on at all, and a past
    frame must come no later than it."""
    built = reading.built
    risk = built.risk
    if risk is None:
        return False
    parts = [part for part in clauses(built.tokens.words(reading.low)) if part]
    if len(parts) < 2:
        return False
    scores = [risk.score(part) for part in parts]
    worst = max(range(len(parts)), key=scores.__getitem__)
    seen_past = False
    for index, part in enumerate(parts):
        found = frames_of(built, part)
        seen_past = seen_past or "past" in found
        if index <= worst:
            continue
        if seen_past and found & PRESENT and scores[index] < risk.ask:
            return True
    return False


def live_told_in_order(built: _Built, words: WordList) -> bool:
    """Present-intent words ("live") that one sentence places in the past, clause by clause:
    every clause holding them comes after (or has) a past frame, and a later clause places
    the writer in a safer present, itself with no intent and nothing the net leans on ("A
    year ago I had picked a date, and today I'm at my sister's wedding."). Intent in or after
    that present clause stands ("Back in 2017 I tried, and tonight I'll finish it.")."""
    risk = built.risk
    if risk is None:
        return False
    parts = [part for part in clauses(words) if part]
    seen_past = intent = recovered = False
    for part in parts:
        low = " ".join(part)
        found = {
            pattern.kind
            for pattern, start, _ in built.sentence(low, part).matches("concern")
            if pattern.kind in _TOLD
            and (pattern.kind == "live" or not built.scoper.negations_before(part, start))
        }
        seen_past = seen_past or "past" in found
        if "live" in found:
            if not seen_past:
                return False
            intent = True
        elif intent and found & PRESENT and risk.score(part) < risk.ask:
            # A safer present, not only a time ("this Christmas I'm picking the date
            # again" is a time, and intent): a present state, or help reached said here.
            return bool(found & _SAFER) or recovered
        recovered = recovered or "recovery" in found
    return False
