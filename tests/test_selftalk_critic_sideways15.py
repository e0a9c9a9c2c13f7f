"""Session 15's critic concepts (critic.toml's session-15 block): comparisons that end on a
verdict about oneself, rhetorical questions that answer themselves, similes and mock titles
as self-verdicts. Each sentence here was written for the test, not taken from a blind batch.
The rules' own examples run in test_selftalk_rules.py; these are whole texts through the
analyser, and the near misses each rule must leave alone."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "My twin runs a surgery and I stack shelves, so guess which of us ended up the letdown.",
        "Forgot the parking permit again, parking genius strikes again.",
        "Sent the invoice to my landlord by mistake, real admin whizz, your dad.",
        "Couldn't lift the bag onto the rack. Weak as a kitten, that's me.",
        "Forgot the toast. What kind of friend forgets the toast, a useless one, that's what kind.",
        "Fifteen years driving and I still can't reverse park, what a fossil I've become.",
        "Everyone on the course passed the mock, only me like a headless chicken in the exam hall.",
        # a bare verdict on one's worth to employers, after one's own rejection
        "Third interview, third no. Unemployable, clearly.",
        # the verdict answered by someone else's reassurance still stands (not weak)
        "Forgot Dad's pills. What kind of son forgets his dad's pills, a careless one, that's "
        "what kind. The pharmacist said it happens.",
    ],
)
def test_a_sideways_verdict_on_oneself_is_self_criticism(text: str) -> None:
    assert analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        # a boast after a success, not a slip
        "Baked my first sourdough from scratch, kitchen goddess strikes again!",
        # a success told with "smashed", then a title
        "Smashed the exam, genius strikes again.",
        # a sincere boast told with a title
        "Fixed the boiler myself this morning, real plumbing genius, your mum!",
        # someone else's slip and someone else's title
        "Our keeper let in an easy one, real football genius, your son.",
        # someone else named in the "here's …, the …" frame
        "Here's Tom, the idiot who reversed the van into the gate.",
        # the same bare verdict after someone else is named is theirs
        "The new hire can't spell. Unemployable, honestly.",
        # what happened to "us" (a match, a trip), a label that fits a thing
        "We got thrashed five-nil on Saturday, what a shambles.",
        # an ironic simile about someone else, and a gentle one about oneself
        "The new manager is about as sharp as a bowling ball.",
        "I'm soft as a kitten with the grandkids.",
        # a romantic, not a verdict
        "Always first on the dance floor, that's me.",
    ],
)
def test_near_misses_are_left_alone(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


def test_a_thing_label_after_us_stays_the_writers_when_they_say_i() -> None:
    text = "We missed the ferry because I forgot the tickets, what a shambles."
    assert analyse(text).critical
