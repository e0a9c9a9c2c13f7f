"""Session 17 (the helper "crisis"): crisis told in the families the lead named after the
session-16 end score, read by concept (data/concepts.toml), and the calm lines that share their
words. Access to locked means and a spell when nobody is there; money or papers put in order
around one's own death with a date; a strap, a cable or a beam tried with one's own weight;
self-harm going on, told in new words; and the other side: a gun, a rope or a blade put to a
plain use, and a scratch with a plain cause, are not paused for."""

from __future__ import annotations

from pathlib import Path

import pytest
from selftalk_blind import CALM, figures, load

from tui.core.selftalk import analyse

DATA = Path(__file__).resolve().parent / "data"


# (file, batch): crisis given crisis or ask, given crisis, at least; calm given crisis or ask at
# most (counts, as scored at the end of session 17: floors, so they don't slip back). The first
# file was written before the rules and they were tuned on it; the second was read and tuned on
# after its first score; the third was scored once and never tuned on (see their comments).
FLOORS = [
    ("crisis_own_17.tsv", "crisis-own-17-single", 65, 62, 6),
    ("crisis_own_17.tsv", "crisis-own-17-journal", 10, 9, 1),
    ("crisis_own_17_check.tsv", "crisis-own-17-check", 28, 25, 1),
    ("crisis_own_17_fresh.tsv", "crisis-own-17-fresh", 16, 13, 2),
]


@pytest.mark.parametrize(("name", "batch", "asked", "paused", "calm"), FLOORS)
def test_the_helpers_own_lines_hold_what_they_reached(
    name: str, batch: str, asked: int, paused: int, calm: int
) -> None:
    cases = [case for case in load(DATA / name) if case.batch == batch]
    result = figures(cases)
    report = "\n".join(result.lines() + result.misses)
    assert result.share(("crisis",), ("crisis", "ask"))[0] >= asked, report
    assert result.share(("crisis",), ("crisis",))[0] >= paused, report
    assert result.share(CALM, ("crisis", "ask"))[0] <= calm, report
    assert result.share(("recovery",), ("crisis",))[0] == 0, report


@pytest.mark.parametrize(
    "text",
    [
        # Access to locked means, and a spell when nobody is there.
        "Found the spare key to the gun cupboard in his tackle box, they're all away till Sunday.",
        "I've got the code for the drugs safe at work and I'm on my own there over the holiday.",
        # Money or papers put in order around one's own death, with a date.
        "Phoned the insurer to be sure the life cover pays out even if I do it myself.",
        "Paid the last of the loans so nobody's stuck paying for me, and Thursday is when.",
        # A strap or a beam tried with one's own weight.
        "Put all my weight on the strap over the garage girder and it held.",
        # Self-harm going on, told in new words.
        "It's started again, new marks on my legs every night this week.",
        "Kept a jagged piece of the broken mug and dragged it across my arm in the toilets.",
    ],
)
def test_crisis_told_in_these_families_is_paused_for(text: str) -> None:
    assert analyse(text).concern == "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        # The lead's own counter-examples of session 16: the grid left them alone, the word
        # weights and the net did not.
        "I will use the shotgun on the pigeons in the top field tomorrow.",
        "I'm going to use the rope on Sunday to tow the trailer out of the mud.",
        "Tomorrow I'm going to use the glue gun for the costumes.",
        "Going to use the rope to tow the van out of the mud once everyone's gone home.",
        "Gonna use the staple gun on the shed roof this afternoon.",
        "I'll use the knife to gut the mackerel tonight when everyone's out.",
        # A key for the season or an inspection; a policy with the broker; a strap for a load.
        "Got the key to the gun cabinet back from the club, the deer season opens Saturday.",
        "Reviewed the life policy with the broker and switched to a cheaper one.",
        "Tested the ratchet strap on the trailer before the drive to market.",
    ],
)
def test_everyday_uses_of_the_same_words_are_not_asked_about(text: str) -> None:
    assert analyse(text).concern is None, text


def test_means_turned_on_oneself_stays_crisis_beside_a_time() -> None:
    assert analyse("I'm going to use the rifle on myself once they leave for the airport.").crisis


@pytest.mark.parametrize(
    "text",
    [
        "Scratched my arms on the brambles picking blackberries again.",
        "My eczema's back on my wrists, scratched them raw in my sleep again.",
        "The cat leaves new scratches on my arms every night when I trim her claws.",
    ],
)
def test_a_scratch_with_a_plain_cause_is_not_paused_for(text: str) -> None:
    """The word weights lean on "scratched my arms raw again"; with a plain cause said and the
    net not sure on its own, they are not a layer of their own (concepts.everyday_hurt)."""
    assert analyse(text).concern != "crisis", text


def test_a_crisis_combination_stands_where_the_word_weights_agree_and_the_net_does_not() -> None:
    """The word weights reading crisis under the net's lowest band made a question of a crisis
    rule's words ("veto"); the grid's crisis combinations stand against that (session 17), as
    they stand against a crisis rule's veto."""
    text = "Rang the insurer to check the life policy pays out even if it's by my own hand."
    assert analyse(text).concern == "crisis"


def test_what_is_happening_now_is_not_made_a_question_by_the_recovery_head() -> None:
    """A grid combination marked ``present`` (marks that are new, a check just made) is not
    read as looking back by the recovery head alone; a past frame or help reached still is."""
    now = "The old habit is back with a vengeance, fresh lines on my thigh every evening."
    assert analyse(now).crisis
    then = "Back in the army I checked the beam would take my weight; now I have a counsellor."
    assert not analyse(then).crisis


@pytest.mark.parametrize(
    "text",
    [
        "Market day Saturday, when everybody busy, ah going to hang mihself in de shed.",
        "Ah'll no be at the ceilidh, the rope's up and I'm hanging masel the night.",
        "tonight im gonna hang mysen in the garage while theyre all at the match",
    ],
)
def test_myself_as_it_is_spelt_in_other_englishes_reads_as_myself(text: str) -> None:
    """Session 17, after ay-bb's end score: a Caribbean "mihself" left a plan to hang oneself
    with a day set given nothing; "myself" in the same words was crisis."""
    assert analyse(text).concern == "crisis", text
