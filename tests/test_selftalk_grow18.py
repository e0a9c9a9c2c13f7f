"""A wish to grow kinder or better, in more wordings (session 18, calm): "I wish I could go
easier on myself", "want to stop being so mean to me", "I hope I can be more patient". The
net leans on "I want to be", "I wish I could" and "want to stop" whatever follows, and paused
for or asked about them. concepts.toml GROW: a way of treating oneself or a skill named;
with nothing of means, an act, a place, a plan, a goodbye or not being here beside it, the
net's lean is not asked about short of half again its alone band (concern.py GROW_BAND).
Lines written for this test, not taken from any batch."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "honestly just want to stop being so harsh on me",
        "I hope I can be more patient with myself once the exams start.",
        "My goal is to get better at asking for a hand.",
        "I wish I could be gentler with the me who keeps messing up.",
        "Trying to learn to rest without feeling guilty about it.",
        "I want to stop judging myself for crying at adverts.",
        "Ah'd like tae be kinder tae masel this winter.",
        "I would like to become more assertive at the meetings.",
    ],
)
def test_a_wish_to_grow_is_neither_paused_for_nor_asked_about(text: str) -> None:
    assert analyse(text).concern is None, text


@pytest.mark.parametrize(
    "text",
    [
        "I want to be better off dead.",
        "I wish I could be braver so I can finally end it tonight.",
        "I want to stop being so hard on myself, I'm taking all my pills tonight.",
        "I want to get better at not being here.",
        "I wish I could just stop being.",
        "I hope I can be strong enough to jump tomorrow.",
        "I want to grow, but the rope is in the shed for tonight.",
    ],
)
def test_a_wish_with_risk_beside_it_still_is_asked_about_or_paused_for(text: str) -> None:
    assert analyse(text).concern in ("crisis", "ask"), text


def test_a_worrying_skill_the_net_reads_far_past_its_alone_band_is_still_asked_about() -> None:
    # "better at" names a skill; past half again its alone band the net's lean still asks.
    assert analyse("I want to be better at hiding it.").concern in ("crisis", "ask")
