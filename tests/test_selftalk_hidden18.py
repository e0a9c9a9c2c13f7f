"""Hurting oneself with an everyday thing is asked about, never paused for, unless it is meant
(concepts.toml ON_PURPOSE): hidden ("when nobody's looking", "so no one sees") or pressed and
held against the skin is meant. Read after blind be's end score (session 18, so not a blind
figure): a hot iron pressed to an arm "again when nobody's looking, three times today" went from
a pause to a question when the session's "self-harm repeated today" concepts read the iron as
an everyday hurt; and "against my wrist" was no place on the body (ON_BODY)."""

from __future__ import annotations

import pytest

from tui.core.selftalk import default_analyser


@pytest.mark.parametrize(
    "text",
    [
        "Kept the lighter against my wrist in the van so nobody sees, three times this morning.",
        "pressing the curling tongs into my thigh again so nobody sees, third time this week",
    ],
)
def test_a_thing_held_to_the_skin_in_hiding_again_and_again_is_paused_for(text: str) -> None:
    assert default_analyser().analyse(text).concern == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "Burnt my arm on the iron again this morning, rushing as usual.",
        "Caught my thigh on the oven door again, ouch.",
        "I ate the whole cake when nobody was looking, oops.",
        "Held the baby against my chest all afternoon and she finally slept.",
    ],
)
def test_everyday_slips_and_holding_are_not_paused_for(text: str) -> None:
    assert default_analyser().analyse(text).concern != "crisis"
