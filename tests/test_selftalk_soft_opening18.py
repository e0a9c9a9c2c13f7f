"""A soft opening before a harsh verdict (session 18, "bare"). Lines written for this test,
not taken from any batch.

"That's a shame." pointed elsewhere ("that" opens a sentence about someone else) and carried
the harsh words after it onto no one (aim._remark); a soft clause before a turn ("..., that's a
shame, but you're still so thick") lowered the gate's own head below its veto: the clause
after the turn is read too (aim.after_turn). A kind answer quoting the old thought, and harsh
words about someone else, stay unflagged."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "That's a shame. Honestly you're pathetic.",
        "This is a pity. You are such an idiot.",
        "You tried, that's nice, but you're still so useless sometimes.",
        "You got it wrong, that's a shame, but you're still so thick sometimes.",
        "It's fine, yet honestly I'm a total failure.",
    ],
)
def test_a_soft_opening_does_not_unsay_a_harsh_verdict(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize(
    "text",
    [
        "That's my landlord for you. What a useless idiot.",
        "Old thought: I'm pathetic. Kinder: I'm tired and learning.",
        "Old story: I'm a joke. The new story: I'm someone learning a hard thing.",
        "I used to think I was pathetic, but I'm not.",
        "That's a shame, but you did your best.",
    ],
)
def test_someone_else_or_an_answered_thought_is_still_not_flagged(text: str) -> None:
    assert not analyse(text).critical, text
