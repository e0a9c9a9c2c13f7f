"""Session 16 (calm): an everyday occasion speaks for a sentence's worrying-looking words
(concepts.everyday_occasion): tablets taken for an ailment, a move that is why one won't be
here, a train or bus caught or missed, a chore at a height. The same words beside a count of
many, a stock, a decision, an end, a place to step from or other means are still paused for
or asked about. Sentences written for this test, in many voices; none is from tests/data."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse
from tui.core.selftalk.concepts import (
    everyday_chore,
    everyday_trip,
    gone_for_a_reason,
    ordinary_dose,
)

# Neither paused for nor asked about.
CALM = [
    # an ordinary dose with its reason
    "I took 2 paracetamol for my headache at 10.",
    "Took 2 paracetamol at 10 for my headache.",
    "I took 2 aspirin for the hangover and drank a pint of water.",
    "Gave myself two paracetamol for the period pain at half ten.",
    "taken 2 panadol for the migraine, dark room time",
    "At 6 o'clock I am taking two tablets of Panadol for the fever, then sleeping.",
    "Had to take 2 antihistamines for my allergies today, the pollen is brutal.",
    # gone for a while because of a move
    "I won't be here next week, I'm moving.",
    "I won't be here next week, I'm moving house.",
    "I won't be here next week, we're moving house on Tuesday.",
    "Won't be here after Friday, I'm relocating to Glasgow for the new job.",
    "I'll not be here after Friday, I'm moving out of the flat.",
    "I won't be here much longer, the removal van comes on Thursday.",
    "Sorry I won't be here next Sunday, we are moving to the coast.",
    # a trip by timetable
    "Waiting on the platform for the last train, it's freezing.",
    "Missed the last bus home, had to walk back in the rain.",
    "Caught the last train home by the skin of my teeth.",
    # a chore at a height
    "Leaning over the balcony rail to hang the washing out.",
    "Hung the washing out over the balcony rail, it'll dry in no time in this wind.",
    "Spent Saturday painting the fence and then cleaning the upstairs windows.",
]

# Still paused for: a count of many, the rest of a pack, a stock, intent, a method.
STILL_CRISIS = [
    "I took 2 paracetamol for my headache and then the rest of the box.",
    "Took two paracetamol for the headache, and I'm going to take the rest tonight.",
    "I took 2 paracetamol for my headache and 30 more after that.",
    "I took 40 paracetamol for my headache.",
    "Took the whole box of paracetamol for my headache.",
    "I won't be here next week, I'm going to end it.",
    "I won't be here much longer, the builders finish Friday and I've saved up my tablets.",
    "I won't be here next week, I'm moving and I don't want to wake up there.",
    "Waiting for the last train, I'm going to step off the platform in front of it.",
    "The last train comes at 11.40 and I'm going to lie on the tracks.",
    "Missed the last bus on purpose, I'm walking to the bridge to jump.",
    "Leaning over the balcony rail hanging the washing and I just want to let go and fall.",
    "Up on the roof fixing the shed and I thought about jumping, I still am.",
    "Hanging the washing out on the balcony and then I'm going over the rail tonight.",
    "Going up the ladder to the loft with the rope after I've hung the washing out.",
]

# Still asked about at least: the occasion can't speak for a wish to die, a better place,
# other means or made plans.
STILL_ASKED = [
    "I won't be here next week, I've made my plans.",
    "I won't be here next week, I'm moving to a better place.",
    "Won't be here next week, I'm moving out of this life.",
    "I won't be here next week, we're moving, and I've got the rope in the loft.",
    "I asked myself today how many of my pain pills it would take to never wake up.",
    "If I got hit by a bus I wouldn't mind.",
    "i took a big handful of the codeine for my back and a bottle of wine",
    "I'm catching the last train out of this life.",
    "Worked out what the life insurance pays, then the mortgage, and the sums look better"
    " without me in them.",
    "The wifi's weak since we moved the router, I just want everything to stop, permanently.",
]


@pytest.mark.parametrize("text", CALM)
def test_an_everyday_occasion_is_neither_paused_for_nor_asked_about(text: str) -> None:
    assert analyse(text).concern is None


@pytest.mark.parametrize("text", STILL_CRISIS)
def test_the_occasion_beside_a_dose_a_plan_or_a_method_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"


@pytest.mark.parametrize("text", STILL_ASKED)
def test_the_occasion_cannot_speak_for_a_wish_to_die_or_other_means(text: str) -> None:
    assert analyse(text).concern in ("crisis", "ask")


def test_each_occasion_needs_nothing_beside_it_that_it_cannot_speak_for() -> None:
    assert ordinary_dose(frozenset({"SELF", "DRUG", "INGEST", "AILMENT", "TIME"}))
    assert not ordinary_dose(frozenset({"SELF", "DRUG", "INGEST", "AILMENT", "DOSE"}))
    assert not ordinary_dose(frozenset({"SELF", "DRUG", "AILMENT", "STOCKPILE"}))
    assert not ordinary_dose(frozenset({"SELF", "INGEST", "AILMENT"}))  # no drug named
    assert gone_for_a_reason(frozenset({"SELF", "NOT_LONG", "HOME_WORKS", "INTENT"}))
    assert gone_for_a_reason(frozenset({"SELF", "NOT_LONG", "MOVING", "AWAY_EVERYDAY"}))
    assert not gone_for_a_reason(frozenset({"SELF", "HOME_WORKS"}))  # not about being gone
    assert not gone_for_a_reason(frozenset({"SELF", "NOT_LONG", "HOME_WORKS", "WITH_THE_DEAD"}))
    assert everyday_trip(frozenset({"TRAVEL_EVERYDAY", "TRAIN", "HEIGHT", "GOING_ON"}))
    assert not everyday_trip(frozenset({"TRAVEL_EVERYDAY", "TRAIN", "LIE_IN_PATH"}))
    assert not everyday_trip(frozenset({"TRAVEL_EVERYDAY", "TRAIN", "PERCHED"}))
    assert everyday_chore(frozenset({"CHORE_HEIGHT", "HEIGHT", "ROPE_PLAIN"}))
    assert not everyday_chore(frozenset({"CHORE_HEIGHT", "HEIGHT", "JUMP"}))
    assert not everyday_chore(frozenset({"CHORE_HEIGHT", "HEIGHT", "ROPE"}))


# Recovery told with old words quoted (quoting.old_words_quoted): a crisis rule's words only
# inside quotation marks, reported as said, written or thought before, are asked about at
# most; the same words said now, or with intent or a plan outside the quotes, still pause.
OLD_WORDS_ASKED_AT_MOST = [
    'Clinic review. The doctor read back what I said in March: "I have no reason to be'
    " alive.\" I don't recognise that man now. Dose coming down.",
    'Found my old notebook. On the first page I had written "nobody would care if I killed'
    " myself\". I'm reading it on my allotment with a flask of tea, and I care.",
]

OLD_WORDS_STILL_CRISIS = [
    'My head keeps saying "just kill yourself" and tonight I think I\'ll listen.',
    'I wrote "I\'m going to kill myself tonight" in my diary and I meant it.',
    'She read out my note, "I\'m going to end it tonight", and I said yes, I still mean it.',
    'I used to say "I want to die" and now I say it every day again.',
    'The voice says "take all the pills" and I\'ve got them counted out on the table.',
    'I told my GP "I want to die" this morning and she asked me to come back tomorrow.',
    '"I\'m going to jump tonight," I said to my reflection.',
    "Last week I texted my brother \"I'm going to hang myself\". I haven't changed my mind.",
]


@pytest.mark.parametrize("text", OLD_WORDS_ASKED_AT_MOST)
def test_old_words_quoted_in_a_recovery_story_are_not_paused_for(text: str) -> None:
    assert analyse(text).concern in ("ask", "recovery")


@pytest.mark.parametrize("text", OLD_WORDS_STILL_CRISIS)
def test_quoted_words_said_now_or_with_a_plan_still_pause(text: str) -> None:
    assert analyse(text).concern == "crisis"


# Plain sadness at a working life's end, told as what happened with no time ahead: the net's
# lean on loss words, even past its alone band (short of twice it), is asked about, not
# paused for; grief beside a wish to die, a plan or a time still is.
def test_a_loss_told_as_what_happened_is_not_paused_for_on_the_net_alone() -> None:
    assert analyse(
        "Closing the office where I've worked my whole life and I feel like nobody."
    ).concern in (None, "ask")


@pytest.mark.parametrize(
    "text",
    [
        "My husband died and I want to be with him tonight.",
        "The shop closed for good and I'm going to end it tonight.",
    ],
)
def test_grief_beside_a_plan_or_a_time_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"


# A pet put to sleep, told or booked: the sleep and the goodbyes are the animal's.
PET_NOT_PAUSED = [
    "Tomorrow we have to put the dog to sleep, I've said my goodbyes to him.",
    "We're putting our cat to sleep on Friday, the vet is coming to the house.",
    "The vet is coming at 4 to put our old cat to sleep, the kids have said goodbye.",
]

PET_STILL_CRISIS = [
    "The vet put our cat down this morning, and tonight I'm taking all my pills.",
    "We had the cat put to sleep, she was all I had, I've said my goodbyes and I'm going to"
    " the bridge.",
    "Put the dog to sleep today. Now there's nothing keeping me here.",
]


@pytest.mark.parametrize("text", PET_NOT_PAUSED)
def test_a_pet_put_to_sleep_is_not_paused_for(text: str) -> None:
    assert analyse(text).concern != "crisis"


@pytest.mark.parametrize("text", PET_STILL_CRISIS)
def test_a_pets_death_beside_means_a_place_or_nothing_keeping_one_still_pauses(
    text: str,
) -> None:
    assert analyse(text).concern == "crisis"


# A "now" sentence that only the word weights lean on, after a past told and help reached:
# its "now" is the safer present, asked about at most; "now" with means, a place or a method
# of its own still pauses.
def test_a_present_only_the_weights_lean_on_is_softened_by_help_reached_beside_it() -> None:
    text = (
        "Choir practice tonight. The winter before last I used to lie awake thinking my family"
        " would be better off without me. I told my doctor and we made a plan. Now it's the"
        " alto line I think about all week."
    )
    assert analyse(text).concern in ("ask", "recovery")


@pytest.mark.parametrize(
    "text",
    [
        "Last year I got better for a while. Now it's the pills in the drawer I think about,"
        " every night.",
        "I had a good few months with my counsellor. Now it's the bridge I think about again,"
        " and when.",
        "Therapy helped for a bit. Now all I think about is how I'd do it.",
    ],
)
def test_now_with_means_a_place_or_a_method_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"


# "Finish me off" and "end me" with a thing as the subject are hyperbole; as the writer's own
# wish or act they still pause.
@pytest.mark.parametrize(
    "text",
    [
        "This heatwave in Lahore will finish me off, 46 degrees.",
        "these stairs are going to finish me off lol",
        "The commute is going to end me one of these days.",
        "This cold snap is going to finish me, I can't get warm.",
    ],
)
def test_a_thing_that_will_finish_me_off_is_hyperbole(text: str) -> None:
    assert analyse(text).concern is None


@pytest.mark.parametrize(
    "text",
    [
        "I want to end me, I'm so tired of living.",
        "I'm going to finish me off tonight with the pills.",
        "i just want to end me",
        "Wallahi I am going to finish myself today.",
    ],
)
def test_finishing_oneself_off_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"


# A car taken to the garage to be mended is an errand (concepts.everyday_errand); a car in a
# garage with a hose, the door shut or no coming out still pauses.
@pytest.mark.parametrize(
    "text",
    [
        "Taking it to the garage tomorrow.",
        "Scraped the van on a bollard. Taking it to the garage tomorrow, the wing's dented.",
    ],
)
def test_a_car_taken_to_the_garage_to_be_mended_is_not_asked_about(text: str) -> None:
    assert analyse(text).concern is None


@pytest.mark.parametrize(
    "text",
    [
        "Taking the car to the garage tonight with a hose for the exhaust.",
        "I'm taking the car into the garage tonight, shutting the door and leaving the engine"
        " running.",
        "Tonight I'll drive the car into the garage and not come out.",
    ],
)
def test_a_car_in_a_garage_with_a_hose_or_no_way_out_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"


def test_a_quote_split_across_sentences_is_read_from_its_own_marks() -> None:
    """The splitter ends a sentence at a full stop inside a quote: the opening mark runs to the
    sentence's end, and a mark leading the next sentence is that quote's end, not a new one
    (so crisis words after it are not read as quoted)."""
    from tui.core.selftalk.quoting import _quote_spans

    opened = 'she read out what i said: "i have no reason to live.'
    assert _quote_spans(opened) == [(opened.index('"'), len(opened))]
    assert _quote_spans('" i took 40 pills an hour ago') == [(0, 1)]
    assert _quote_spans("i said “i want to die") == [(7, 21)]
    assert _quote_spans("i want to die.”") == [(0, 15)]
    assert _quote_spans("it's fine, isn't it") == []
