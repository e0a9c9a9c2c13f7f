"""Session 14's critic work, by concept: verdicts told sideways about the writer's own doing
(a bare verdict as a sentence of its own, mock praise, comparisons that end in a verdict on
oneself), and whose a bare verdict is when it follows another about someone else. Each
sentence here was written for the test, not taken from a blind batch."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse

# A verdict on one's character as a sentence of its own, no "I am", after one's own doing.
OWN_BARE_VERDICTS = [
    "Said nothing when the chair asked for objections. Gutless.",
    "Let the new starter take the blame for my slip. Spineless, honestly.",
    "Sent the client the draft with the track changes still on. Sloppy. So sloppy.",
    "Third time this month I've forgotten the float. Clueless.",
    "Turned up to the match without my boots. Shambolic.",
]

# The same verdicts aimed at someone named before them, and carried on in a second bare
# verdict: theirs, not the writer's.
OTHERS_BARE_VERDICTS = [
    "The letting agent lost our deposit forms again. Clueless. Utterly clueless.",
    "The umpire waved it away without looking. Clown. Absolute clown.",
    "My landlord ignored the leak for a month. Gutless. Completely gutless.",
    "The contractor left the wiring exposed. Sloppy. Really sloppy.",
    # ... or said after it to be a group's, or with a verb only someone else's can take.
    "Head office moved the deadline again. Useless, all of them. I'll cope.",
    "Ten minutes of excuses about why she can't visit. Lazy, selfish, always has been. I'm fine.",
]


@pytest.mark.parametrize("text", OWN_BARE_VERDICTS)
def test_a_bare_verdict_after_ones_own_doing_is_self_criticism(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize("text", OTHERS_BARE_VERDICTS)
def test_bare_verdicts_after_someone_else_named_are_theirs(text: str) -> None:
    assert not analyse(text).critical, text


def test_the_aim_stops_at_the_writers_own_doing() -> None:
    """A bare verdict after the writer tells of their own slip is theirs again, even when an
    earlier one was aimed at someone else."""
    text = "The umpire waved it away. Clown. Then I dropped the easiest catch. Useless."
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "Left the oven on all afternoon. Top work, mastermind.",
        "Burnt the stew and the rice. Chef of the century, me.",
        "All my cousins are doctors or lawyers. Then there's me, still temping at thirty-five.",
        "Every one of my flatmates got a place on the course, except me, predictably.",
    ],
)
def test_mock_praise_and_comparisons_that_end_on_oneself(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize(
    "text",
    [
        "Great work, team, the stall sold out by noon.",
        "My niece passed her driving test. Nice one, superstar!",
        "Who left the gate open? Not me, obviously.",
        "My son sulked all evening. Grow up, I told him, and then we laughed.",
        "We got to the beach, and there's me, sitting in the sun with a cone, bliss.",
        "Someone like me could never afford a flat round here.",
        "My brother can't have one family meal without ruining it.",
    ],
)
def test_praise_and_everyday_lines_stay_calm(text: str) -> None:
    assert not analyse(text).critical, text
