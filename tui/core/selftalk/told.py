"""When a sentence is told: the time frames rules/concern.toml finds in it and the time its
verbs are told in, and whether it places the writer in a safer present. Its own module so
concern.py, which weighs these against a text's other cues, stays under 900 lines."""

from __future__ import annotations

from .concepts import looking_back

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (see concern.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .analyser import Reading, _Built

FRAMES = frozenset({"past", "now", "present", "dated", "again"})
PRESENT = frozenset({"now", "present"})
PAST_TENSE = frozenset({"past"})
PRESENT_TENSE = frozenset({"present"})
THEN_NOW = frozenset({"past", "present"})
WORRYING = frozenset({"risk", "ask", "grid-ask", "weights", "definite"})


def worrying(reading: Reading) -> bool:
    return reading.crisis or not WORRYING.isdisjoint(reading.cues)


def frames(reading: Reading) -> set[str]:
    """The time frames a sentence is told in (rules/concern.toml "past", "now", "present",
    "dated"; the grid's DISTANCE and old words count as past): read only where a verdict
    turns on them."""
    found = frames_of(reading.built, reading.built.tokens.words(reading.low))
    if looking_back(reading.concepts):
        found.add("past")
    return found


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


def safer_now(reading: Reading, frames: set[str]) -> bool:
    """Told in the present tense with time put between then and now ("I've been well for
    over a decade."; not "I don't know what to do."), nothing worrying, no intent, nothing
    ahead, no act, means or place of the grid's ("I've had the rope for years."), no word of a
    present no better (words.toml tense_no_better: "...and I've stopped caring")."""
    built = reading.built
    words = built.tokens.words(reading.low)
    return (
        "tense-now" in frames
        and built.scoper.distance(words)
        and built.scoper.tense_no_better.isdisjoint(words)
        and not worrying(reading)
        and "live" not in reading.cues
        and "AHEAD" not in reading.concepts
        and reading.built.grid.anchors.isdisjoint(reading.concepts)
    )
