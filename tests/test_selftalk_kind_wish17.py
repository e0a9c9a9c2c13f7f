"""A wish to grow kinder or better is what the exercises invite, not a risk (session 17, found
by the fresh-install walk: "I want to be kinder to myself." opened the support screen in a
session and ended a `kindtone catch`). The learned layers read "I want to be" as risk whatever
follows; a wish for a better self (concepts.toml KIND_SELF) speaks for the sentence as kind
words naming pain do, and never for means, a time ahead or being dead or gone."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "I want to be kinder to myself.",
        "i want to be kind",
        "I want to be happier.",
        "Part of me wants to be braver at work.",
        "I wish I were more patient with the kids.",
        "Honestly I just want to be there for my girls.",
        "I want to be a better friend to Sade.",
        "Trying to be gentler with myself this week.",
        "Today was tough. I want to be kinder to myself tomorrow.",
    ],
)
def test_a_wish_to_grow_kinder_is_not_a_risk(text: str) -> None:
    assert analyse(text).concern is None, text


def test_a_wish_the_net_reads_past_its_alone_band_is_neither_paused_for_nor_asked_about() -> None:
    """The net reads this one past its alone band (2.75 against 2.4). Session 17 asked about
    it, as for grief told with nothing ahead; session 18 (calm): a wish to grow (GROW) is not
    asked about short of half again the alone band (concern.py, GROW_BAND)."""
    assert analyse("I want to be better at saying no.").concern is None


@pytest.mark.parametrize(
    "text",
    [
        "I want to be dead.",
        "I want to be gone by the weekend.",
        "I want to be kinder to myself but the pills are in my bag for tonight.",
        "I'd be happier dead, honestly.",
    ],
)
def test_a_wish_to_be_dead_or_gone_still_is(text: str) -> None:
    assert analyse(text).concern in ("crisis", "ask"), text
