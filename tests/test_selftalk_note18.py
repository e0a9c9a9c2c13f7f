"""A note or letter left for the people closest, with no everyday purpose said, is a goodbye
that might be one: asked about (issue 14, "ask"). Found in session 18: once rumination
stopped pausing alone ("bare"), "I wrote a note for my family. I keep thinking about it."
was given nothing, since nothing read the note itself."""

from __future__ import annotations

import pytest

from tui.core.selftalk import default_analyser


@pytest.mark.parametrize(
    "text",
    [
        "I wrote a note for my family.",
        "Wrote a letter for the kids last night and put it in the drawer.",
        "i left a note for my mum on the pillow",
    ],
)
def test_a_note_for_family_with_no_purpose_said_is_asked_about(text: str) -> None:
    assert default_analyser().analyse(text).concern in ("ask", "crisis")


def test_going_over_it_after_such_a_note_is_still_a_worry() -> None:
    text = "I wrote a note for my family. I keep thinking about it."
    assert default_analyser().analyse(text).concern in ("ask", "crisis")


@pytest.mark.parametrize(
    "text",
    [
        "I wrote a thank-you note for my family after the party.",
        "Left a note for my husband to pick up milk.",
        "Wrote a letter to my mum for her birthday.",
        "I left a note for my kids saying dinner's in the oven.",
    ],
)
def test_a_note_that_says_its_purpose_stays_calm(text: str) -> None:
    assert default_analyser().analyse(text).concern is None
