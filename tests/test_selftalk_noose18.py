"""A noose has no everyday use: learning to tie one, or looking up how, was given nothing
(the rope rule read "tied"/"tying" but not "tie", and a noose is not rope bought for a job).
Found by the lead in session 18 ("I want to learn how to tie a noose": no concern)."""

from __future__ import annotations

import pytest

from tui.core.selftalk import default_analyser


@pytest.mark.parametrize(
    "text",
    [
        "I want to learn how to tie a noose",
        "looking up how to tie a noose tonight",
        "been practising the noose knot in my room after everyone's asleep",
        "i learnt to tie a noose off youtube today",
    ],
)
def test_learning_or_looking_up_a_noose_is_at_least_asked_about(text: str) -> None:
    assert default_analyser().analyse(text).concern in ("crisis", "ask")


@pytest.mark.parametrize(
    "text",
    [
        "We made a fake noose for the haunted house at the youth club.",
        "The kids made a halloween noose out of wool for the scarecrow.",
        "Learning to tie a bowline and a clove hitch for the sailing course.",
        "Tied the tomato plants to the canes this morning.",
    ],
)
def test_props_and_other_knots_stay_calm(text: str) -> None:
    assert default_analyser().analyse(text).concern is None
