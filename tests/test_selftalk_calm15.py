"""Session 15 (calm): an everyday reason for being gone or done on a day (builders
finishing, a move, a house sale) or tablets sorted for the week is not paused for, and the
same words beside means, an act or a plan still are (concepts.everyday_reason). Sentences
written for this test."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse
from tui.core.selftalk.concepts import everyday_reason

CALM = [
    "I won't be a bother for much longer, the plasterers are done on Thursday.",
    "Don't worry, I won't be in your way much longer, the kitchen fitters finish tomorrow.",
    "I won't be here next week, I'm moving into the new flat on Saturday.",
    "I'll be gone for three weeks, the flight to my sister's leaves tomorrow.",
    "Filled the weekly pill box with Dad's heart tablets so he doesn't miss any.",
    "Packed all my things into boxes tonight, the removal van comes at eight.",
]

STILL_CRISIS = [
    "I won't be a problem for you much longer, I've got the pills counted out for tonight.",
    "I won't be a burden much longer, I've picked Friday and I have the means.",
    "I won't be a bother much longer, the builders finish Friday and the rope is ready.",
    "Said goodbye to everyone today, the rope is ready in the garage.",
    "Filled the dosette box with every tablet I have and I'm taking them all tonight.",
    "I've sorted my tablets into the pill organiser, and the rest I've saved up to take tonight.",
    "The builders finish Friday, and after that I'm going to jump off the multistorey.",
]


@pytest.mark.parametrize("text", CALM)
def test_everyday_reason_is_not_paused_for(text: str) -> None:
    assert analyse(text).concern != "crisis"


@pytest.mark.parametrize("text", STILL_CRISIS)
def test_means_or_a_plan_beside_it_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"


def test_everyday_reason_needs_nothing_of_means_or_a_place() -> None:
    assert everyday_reason(frozenset({"SELF", "HOME_WORKS", "NOT_LONG", "TIME"}))
    assert not everyday_reason(frozenset({"SELF", "AWAY_EVERYDAY", "TIME"}))  # too broad alone
    assert not everyday_reason(frozenset({"SELF", "HOME_WORKS", "NOT_LONG", "DRUG"}))
    assert not everyday_reason(frozenset({"SELF", "HOME_WORKS", "HEIGHT", "TIME"}))
    assert not everyday_reason(frozenset({"SELF", "NOT_LONG", "TIME"}))
