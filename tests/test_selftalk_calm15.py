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
    "I won't be a problem for you much longer, the builders finish Friday.",
    "Counting Mum's pills into her dosette box for the week ahead, all seven days.",
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
    "I won't be a burden to you much longer, the builders finish Friday and then I'll do it.",
    "I won't be a problem for you much longer, after the house sale I'm ending it.",
    "The plasterers finish Thursday and then I'm going to hang myself, the cord's over the beam.",
    "I've been counting up my pills for weeks and tonight I'm taking the lot.",
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


# Grief and a loss told as what happened, and kind words that name pain (concepts.grieving).
GRIEF_CALM = [
    "I keep thinking about the pregnancy we lost and what might have been.",
    "They shut the shop for good today, and I feel like I've lost part of myself.",
    "Since I retired I don't know what I'm for anymore.",
    "I'm letting myself grieve without blaming myself for it.",
]

GRIEF_STILL_ASKED = [
    "I miss him so much, I just want to be with him again.",
    "Since I lost the baby everyone would be better off without me.",
    "My cat died and I want to go to sleep and not wake up.",
    "The shop closed for good and there's no reason to carry on.",
    "I'm letting myself go, nobody would even notice if I was gone.",
    "The cat died and I just want to be with her.",
    "Everyone says be kind to myself, but it's hard to be kind to someone you're planning"
    " to get rid of.",
]

GRIEF_STILL_CRISIS = [
    "My dog died last night and tonight I'm taking every pill in the house.",
    "Since I was made redundant I've decided to end it, the rope's in the loft.",
    "My mum died and I'd be better off with her.",
    "They would grieve for a week and then be spared the cost of looking after me.",
    "Found the cat a new home, so nothing is keeping me here now.",
]


@pytest.mark.parametrize("text", GRIEF_CALM)
def test_grief_and_kind_words_are_not_asked_about(text: str) -> None:
    assert analyse(text).concern not in ("crisis", "ask")


@pytest.mark.parametrize("text", GRIEF_STILL_ASKED)
def test_grief_beside_a_wish_to_die_or_join_them_is_still_asked_about(text: str) -> None:
    assert analyse(text).concern in ("crisis", "ask")


@pytest.mark.parametrize("text", GRIEF_STILL_CRISIS)
def test_grief_beside_means_or_a_plan_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"
