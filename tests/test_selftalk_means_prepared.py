"""Means made ready by a step taken (session 16, the helper "crisis"): the part before the act,
told in everyday words, is clear risk; the same steps beside a plain purpose are not. So are a
relapse, a plan with a place and a time, and affairs settled with a day (below).

The concept grid's rules for it (data/concepts.toml: PREPARED, DRAWN_UP, HUNG, FITTED, FUELLED,
HIDDEN, INTO_MY_DRINK) carry their own examples; these are further sentences in other voices,
written as a check after the rules were first drafted (on first run 10 of the 16 risk lines
were paused for, and the phrases for "worked out how much", a belt fastened to a hatch and
"nobody's home" were added after; two that still fail, a texting line with no "I" and a
pidgin one, are left out and noted in docs/measurements.md), plus the calm counterparts
issue 14 names (a syringe for the diabetic cat, a rope for the punchbag, charcoal for the
barbecue, a will signed with a solicitor, rent paid before a move, a hose for the garden).
Below them, the same for self-harm gone back to after a clean stretch, and for a plan with a
place and a time or affairs settled with a day (first run 4 of 9 risk lines; "found the
place", "I'll go on", a longer while at the edge, "heading up to" and a spare key's place told
were added after).
"""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse

PREPARED = [
    # a syringe filled, beside a dose looked up or worked out, or a decision
    "Syringe's filled with the whole pen of insulin and I've made my mind up, nobody knows.",
    "I worked out how much of the morphine it would take and the syringe is loaded on my"
    " nightstand.",
    # a ligature hung where it holds
    "rope tied n hanging off the rafter in the barn, just waiting for mum to go to bingo",
    "The belt is fastened to the loft hatch and it held my weight when I tested it.",
    "Knotted my shoelaces together and they're ready under the mattress for after the night check.",
    # a dose put on the skin, or swallowed whole
    "I have stuck every one of the fentanyl patches on and I'm lying in the dark now.",
    # poison or tablets made into a drink of one's own
    "Crushed all of the amitriptyline into a glass of orange, I'll drink it once I've sent this.",
    "The antifreeze is poured into my old Leeds mug and nobody's home till Monday.",
    "Poison is going into my tea after everyone has gone to bed.",
    "Crushed all of Mum's sleeping tablets into my tea, nobody knows.",
    # a hose fitted to the exhaust and tried
    "Tubing's taped onto the exhaust of the Corsa, tried it this morning while the street was"
    " empty.",
    # a dose hidden for a day
    "Fifty of my codeine in a shoebox under the bed, for Sunday.",
    # self-harm hidden
    "Got a razor hidden inside my phone case so nobody knows, did my arm again at lunch.",
    "Been doing it again with the compass under my sleeves so my mum doesn't see.",
    # a bath run and a blade ready, with a last message
    "The knife is sharpened and the bath is run, I'm writing this first.",
]

PLAIN = [
    "Drew up the cat's insulin at six like the vet showed me, she purred through it.",
    "Syringe drawn up for Dad's evening insulin, I'm getting good at this.",
    "Tied the rope to the beam in the garage for my punchbag, it held my weight.",
    "Bought charcoal for the barbecue this afternoon, burgers at six.",
    "Signed my will with the solicitor today, at seventy it felt sensible.",
    "Paid the rent up to the 30th because we move house on the 1st.",
    "Put the hose on the tap and washed the car this afternoon while everyone was out.",
    "Hosepipe's attached to the outside tap, watering the garden before tea.",
    "Put my nicotine patch on this morning, day three without a cigarette.",
    "Put the new blood pressure tablets in my pill organiser for the week.",
    "Crushed Gran's tablets into her yoghurt because she can't swallow them, the nurse said it's"
    " fine.",
    "Sharpened the kitchen knives tonight before the Sunday roast.",
    "The garage door shuts properly now, the plumber fixed the draught and I filled the car's tank"
    " for the trip.",
    "Knotted the bedsheets into a rope ladder for the school play tonight, it's a prop.",
    "Ran the bath and left my razor on the side to shave before the party tonight.",
    "Hid the paracetamol in a tin under the bed, away from the grandkids.",
]


@pytest.mark.parametrize("text", PREPARED)
def test_means_made_ready_by_a_step_taken_are_paused_for(text: str) -> None:
    assert analyse(text).concern == "crisis", text


@pytest.mark.parametrize("text", PLAIN)
def test_the_same_steps_beside_a_plain_purpose_are_not_paused_for(text: str) -> None:
    assert analyse(text).concern != "crisis", text


RELAPSE = [
    "Long shift at the bakery. Went back to the blades after ten months clean, my thigh is a mess."
    " My boyfriend thinks I'm doing great.",
    "gone back on the razor after a year clean, sleeves down at school, nobody's noticed",
]

RELAPSE_TOLD_SAFE = [
    "Gone back on the razor since my beard went patchy.",
    "I went back to cutting after two years clean, and that night I told my therapist, we've upped"
    " my sessions and I'm safe now.",
    "Had the urge after nine months clean, rang my sister instead and it passed.",
]


@pytest.mark.parametrize("text", RELAPSE)
def test_self_harm_gone_back_to_after_a_clean_stretch_is_paused_for(text: str) -> None:
    """The stretch it broke ("after ten months clean") is no recovery story: the act is now."""
    assert analyse(text).concern == "crisis", text


@pytest.mark.parametrize("text", RELAPSE_TOLD_SAFE)
def test_a_razor_for_shaving_or_a_relapse_met_with_help_is_not_paused_for(text: str) -> None:
    assert analyse(text).concern != "crisis", text


# A plan with a place and a time, and affairs settled with a day or an end said plainly.
PLANNED = [
    "Found the place, the old viaduct past the football ground, and I'll go on Saturday night.",
    "figured out the way, the 10.20 express past the level crossing, tomorrow after work",
    "I've been stood on the ledge at the top of the car park for twenty minutes now.",
    "Tomorrow I'm climbing the railing on the Orwell bridge, I've made up my mind.",
    "Made a plan for Thursday, the sea wall at high tide, I've walked out to look at it twice.",
    "Will's witnessed, the cat's gone to my neighbour, and Saturday is when.",
    "Gave my records to my nephew and paid the bills till the end of the month, that's as far as"
    " I'm going.",
    "Left my keys and wallet with the receptionist, I'm heading up to the roof now.",
    "The deeds are in the brown envelope and my brother knows where the spare key is. It will be"
    " Friday.",
]

PLANNED_PLAIN = [
    "Found the spot, the old viaduct, for the engagement photos on Saturday.",
    "Been sitting on the edge of the harbour wall for an hour, watching the sunset with my chips.",
    "Tomorrow I'm climbing the railing at the climbing centre for the first time.",
    "Made my plan for Saturday: the sea wall walk with the ramblers, I've walked out to look at it"
    " twice.",
    "Will signed with the solicitor and the cat's gone to my sister while we're on holiday,"
    " Friday's the day we fly.",
    "Paid the rent till the end of the month and gave my sofa to my nephew, we move to Leeds on"
    " the 1st.",
    "Left my keys with the neighbour, I'm off to the roof terrace bar now with the girls.",
    "The deeds are in the envelope, the estate agent knows where the spare key is, completion is"
    " Friday.",
    "Gave my old bike to my nephew, that's the end of it, I'm a car man now.",
    "Gave my rifle to my brother to keep while I get through this, I feel lighter already.",
]


@pytest.mark.parametrize("text", PLANNED)
def test_a_plan_with_a_place_and_a_time_or_affairs_settled_with_a_day_are_paused_for(
    text: str,
) -> None:
    assert analyse(text).concern == "crisis", text


@pytest.mark.parametrize("text", PLANNED_PLAIN)
def test_places_visited_and_affairs_settled_for_a_plain_reason_are_not_paused_for(
    text: str,
) -> None:
    assert analyse(text).concern != "crisis", text
