"""A success told, one's own, with no slip, failure or lack beside it, and a fault denied
(rules/critic.toml, group "success"): the word weights and the critic gate don't read them as
self-criticism, however much "genius", "strikes again" or "that's me" sound like mock praise
to them. Mock praise still tells the slip it mocks, so it stays heard. Every sentence here was
written for this test (session 18, the helper "critic2"), in varied voices, not taken from a
blind batch."""

from __future__ import annotations

import copy
from collections.abc import Sequence

import pytest

from tui.core.selftalk import analyse
from tui.core.selftalk.analyser import Analyser

SINCERE = [
    "Nailed the parallel parking on the first go, get in!",
    "Aced my citizenship test this morning, proper chuffed.",
    "Won the pub quiz single-handed tonight, who's the brains now.",
    "Sorted the whole garage in one afternoon, absolute machine.",
    "Passed the bar exam, first attempt, still grinning.",
    "First one up the hill on the club ride, legs of steel today.",
    "ok but i smashed that presentation, no notes, zero stutter",
    "Top scorer at netball again, that's me, the goal machine.",
    "Got the promotion! Manager of the year, watch this space.",
    "Beat my grandson at chess twice, the old fox still has it.",
    "Fixed the wobbly table with a folded beer mat, genius at work.",
    "Wah, I score full marks for the maths paper, so shiok.",
    "Finished the crossword in ten minutes flat, sharp as a tack this morning.",
    "Me, first in the queue at the sale and home with the best bargains, that's skill.",
    "Sang the solo at the wedding without a wobble, proud of myself.",
    "Won the allotment prize for the biggest marrow, green fingers, me.",
    "Smashed the exam, genius strikes again.",
    "Always first on the dance floor, that's me.",
]
DENIALS = [
    "Who left the gate open? Not me, obviously.",
    "Who broke the vase? Not me, I was at work all day.",
    "Wasn't me who left the tap running, it was the cat.",
    "Who ate the last biscuit? Not me, honest.",
    "Someone scratched the car. Not me, I haven't driven it in weeks.",
]
# Mock praise beside the slip it mocks: flagged on main before this change, and still.
MOCKING = [
    "Employee of the month, me, after locking the whole team out of the server.",
    "First to arrive and last to realise I'd come on the wrong day, classic me.",
    "Mother of the year here, forgot the school play entirely.",
    "Such a talent, I managed to fail the easiest quiz in the building.",
    "Born leader, me, led the whole hike group down the wrong valley.",
    "Wah, top student lah, fail the driving test three times already.",
]
# Mock praise of a slip a success word opens: what the gate would hear stays heard.
MOCKING_A_SUCCESS_WORD = [
    "Aced the fire drill by setting it off, genius.",
    "Top of the class at forgetting my own PIN.",
    "Smashed it, by which I mean I smashed Mum's favourite bowl.",
    "Won the prize for most parking tickets in a single week, go me.",
]

# A success discounted in the same breath is not sincere praise: it stays heard too.
DISCOUNTED = [
    "Aced the audition, but honestly it was luck.",
    "Came first in the bake-off, though only because the others dropped out.",
    "Won the raffle at work, fluke, nothing to do with me.",
    "Passed my driving test somehow, a total fluke.",
]


def _all_ears() -> Analyser:
    """An analyser whose critic gate agrees with the word weights on every sentence and hears
    every sentence alone: what is calm with it is calm by the concept, not by the weights."""
    analyser = Analyser()
    gate = analyser.built.gate()
    assert gate is not None
    loud = copy.copy(gate)

    def score(words: Sequence[str]) -> float:
        return 99.0

    loud.score = score  # type: ignore[method-assign]
    analyser.built._gate = loud
    return analyser


@pytest.mark.parametrize("text", SINCERE + DENIALS)
def test_a_success_told_or_a_fault_denied_is_calm(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


def test_a_success_told_or_a_fault_denied_is_calm_whatever_the_gate_hears() -> None:
    analyser = _all_ears()
    flagged = [text for text in SINCERE + DENIALS if analyser.analyse(text).critical]
    assert flagged == []


def test_mock_praise_beside_a_slip_is_still_heard_by_a_gate_that_hears_it() -> None:
    analyser = _all_ears()
    missed = [text for text in MOCKING_A_SUCCESS_WORD if not analyser.analyse(text).critical]
    assert missed == []


@pytest.mark.parametrize("text", MOCKING)
def test_mock_praise_beside_a_slip_is_self_criticism(text: str) -> None:
    assert analyse(text).critical, text


def test_a_success_discounted_is_still_heard_by_a_gate_that_hears_it() -> None:
    analyser = _all_ears()
    missed = [text for text in DISCOUNTED if not analyser.analyse(text).critical]
    assert missed == []
