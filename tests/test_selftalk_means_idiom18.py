"""Idioms built on a noun that can be a means (session 18, calm): "off the hook", "at the end of
my rope", "take the plunge", "bridge the gap", "jump the gun", "bite the bullet", "a knife edge",
"bottle it up", "go easy on myself". rules/idioms.toml, kind "means": the noun there is no
means, so the concept grid reads none of the idiom's words, and (as every idiom) the learned
layers don't lean on it. The crisis rules still read every word, and the grid the rest of the
sentence. Lines written for this test, not taken from any batch."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "Don't jump the gun on the promotion, wait for HR.",
        "Ma jumped the gun and told the whole church about the baby.",
        "I'm ready to bridge the gap between me and my stepson.",
        "Bit the bullet and rang the bank about the overdraft.",
        "The match is on a knife edge going into the last over.",
        "I need to stop bottling everything up and ring my sister.",
        "I wish I could go easier on myself when the shift goes badly.",
        "Letting myself off the hook for the burnt rice, it happens.",
        "Finally took the plunge and signed up for the choir.",
        "I jumped at the chance to cover the Saturday market.",
        "I burned a bridge with my old manager and I'm gutted.",
    ],
)
def test_an_idiom_on_a_means_noun_is_neither_paused_for_nor_asked_about(text: str) -> None:
    assert analyse(text).concern is None, text


@pytest.mark.parametrize(
    "text",
    [
        "I'm at the end of my rope and it's tied to the beam in the loft, tonight.",
        "Jumped the gun on nothing, I'm going to shoot myself with dad's rifle tonight.",
        "Off the hook soon, the rope's ready in the garage and so am I.",
        "I've bitten the bullet, I'm taking all the tablets in the drawer tonight.",
        "Took the plunge: swallowed every one of my nan's heart pills to die.",
        "Bridge the gap? No. I'm going to jump off the bridge after my shift.",
        "Stopped bottling it up, I'm going to hang myself when they're out.",
    ],
)
def test_a_means_beside_the_idiom_still_is(text: str) -> None:
    assert analyse(text).concern in ("crisis", "ask"), text
