"""Going over something again and again (session 18, "bare"). Lines written for this test,
not taken from any batch.

The word weights and the net lean on "I keep thinking about it", "I keep doing it" from
crisis lines whose "it" was named before, and paused for them. concepts.toml RUMINATE and
REPEAT_IT, read by lean.ruminating: an ongoing verb and thinking about, going over or doing a
bare "it" or an everyday object, nothing else of risk in the sentence. lean.quiet_rumination:
alone in the text, or beside sentences that name no risk, the learned layers' lean on it is
not read; beside a sentence that names risk it is read as ever."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "I keep thinking about it.",
        "cant stop thinking about that convo from friday night",
        "I have been going over it all morning.",
        "I keep replaying the meeting in my head.",
        "We had words at lunch. I keep going over it.",
        "I keep doing it, the late night snacking.",
        "My sister didn't reply. I've been thinking about it.",
        "Still thinking about it, to be honest.",
    ],
)
def test_going_over_something_alone_is_neither_paused_for_nor_asked_about(text: str) -> None:
    assert analyse(text).concern is None, text


@pytest.mark.parametrize(
    "text",
    [
        "I cut my legs again on Sunday. I keep doing it.",
        "There's a bottle of pills in my bag. I keep thinking about it.",
        "The blade is in my desk drawer. I keep thinking about it.",
        "I want to kill myself. I can't stop thinking about it.",
        "I keep thinking about jumping in front of the train.",
        "I keep cutting, I can't stop doing it.",
        "Told my mates goodbye for good last night. I keep going over it.",
    ],
)
def test_going_over_it_after_risk_is_still_crisis(text: str) -> None:
    assert analyse(text).concern == "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "What do I even keep doing it for, the shifts, the smiling.",
        "I'm a burden on everybody. I keep thinking about it.",
    ],
)
def test_hopelessness_beside_going_over_it_is_still_asked_about(text: str) -> None:
    assert analyse(text).concern in ("ask", "crisis"), text
