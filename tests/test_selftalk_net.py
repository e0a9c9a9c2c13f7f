"""What the wider net decides (tui/core/selftalk/hashed.py, analyser._concern): its bands
(ask, sure, alone, veto) and its recovery head. The logic tests move a band to the end of the
scale on an analyser of their own, so they say what each band does whatever the weights; the
example tests say what the shipped weights do with wording written for these tests (by
concept, none of it in the training files)."""

from __future__ import annotations

import math

import pytest

from tui.core.selftalk import Analyser, analyse
from tui.core.selftalk.concepts import planned
from tui.core.selftalk.hashed import Back, Risk, emoji_words, windows
from tui.core.selftalk.tokens import lower

EVERYDAY = "I walked the dog along the beach this morning."
# The grid sees an act and a means, no time: asked about by the grid alone.
GRID_ASKS = "I took them all."
# Possible risk a rule asks about: never made crisis by the net, however sure.
RULE_ASKS = "I keep looking at the pills in the drawer."
# A crisis rule's act with nothing of now or of looking back: crisis unless something says
# it is past.
ACT = "I tried to hang myself in the barn."


def _analyser(**bands: float) -> tuple[Analyser, Risk]:
    analyser = Analyser()
    risk = analyser.built.risk
    assert risk is not None and risk.back is not None
    for name, value in bands.items():
        if name == "back":
            risk.back.start = value
        else:
            setattr(risk, name, value)
    analyser.readings.clear()
    return analyser, risk


def test_the_shipped_net_has_every_band_and_a_recovery_head() -> None:
    risk = Analyser().built.risk
    assert risk is not None
    assert risk.veto < risk.ask <= risk.sure <= risk.alone < math.inf
    assert isinstance(risk.back, Back)


def test_the_sure_band_is_crisis_only_with_another_layer_seeing_risk() -> None:
    analyser, _ = _analyser(ask=-100.0, sure=-100.0, alone=math.inf, back=math.inf)
    assert analyser.analyse(GRID_ASKS).concern == "crisis"
    assert analyser.analyse(EVERYDAY).concern == "ask"  # the net alone, in its sure band
    before, _ = _analyser(ask=-100.0, sure=math.inf, alone=math.inf, back=math.inf)
    assert before.analyse(GRID_ASKS).concern == "ask"  # without the band: asked


def test_a_plan_the_grid_reads_is_another_layer_for_the_sure_band() -> None:
    """Means or a place with a time, or affairs put in order with a time (concepts.planned):
    the net in its sure band beside it is crisis; without the time, or for a plain purpose,
    the net alone is asked about (session 12)."""
    analyser, _ = _analyser(ask=-100.0, sure=-100.0, alone=math.inf, back=math.inf)
    assert analyser.analyse("Left my will on the table for Thursday.").concern == "crisis"
    assert analyser.analyse("Left my will on the table.").concern == "ask"
    assert analyser.analyse("The bridge at midnight.").concern == "crisis"
    assert analyser.analyse("Bought a new rope for the boat, going out Sunday.").concern == "ask"
    assert planned(frozenset({"GUN", "TIME"})) and planned(frozenset({"AFFAIRS", "DAY_SET"}))
    assert not planned(frozenset({"GUN", "SELF"}))  # a means alone stays a question
    assert not planned(frozenset({"AFFAIRS", "GUN"}))  # a gun given away: no time, no plan
    assert not planned(frozenset({"ROPE", "TIME", "MEANS_EVERYDAY"}))  # for a plain purpose
    assert not planned(frozenset({"HEIGHT", "TIME", "DISTANCE"}))  # looking back


def test_the_alone_band_is_crisis_on_the_net_s_word_unless_something_looks_back() -> None:
    analyser, _ = _analyser(ask=-100.0, sure=-100.0, alone=-100.0, back=math.inf)
    assert analyser.analyse(EVERYDAY).concern == "crisis"
    # A recovery cue close by: acknowledged, as before.
    assert analyser.analyse(f"{EVERYDAY} I have a safety plan now.").concern == "recovery"
    # A rule's possible risk stays a question.
    assert analyser.analyse(RULE_ASKS).concern == "ask"
    looking_back, _ = _analyser(ask=-100.0, sure=-100.0, alone=-100.0, back=-100.0)
    assert looking_back.analyse(EVERYDAY).concern == "ask"  # the recovery head: asked


def test_the_recovery_head_turns_a_crisis_verdict_into_a_question() -> None:
    analyser, _ = _analyser(back=-100.0)
    assert analyser.analyse(ACT).concern == "ask"
    never, _ = _analyser(back=math.inf)
    assert never.analyse(ACT).concern == "crisis"
    # Present intent still wins: the head never speaks over "tonight" or "I want to".
    assert analyser.analyse("I'm going to kill myself tonight.").concern == "crisis"


def test_an_older_file_without_the_bands_never_gives_crisis_by_the_net() -> None:
    header = {"bits": 2, "scale": 1.0, "bias": 0.0, "ask": 1.0, "veto": -1.0, "trained_on": ""}
    risk = Risk(header, bytes(4))
    assert risk.sure == risk.alone == math.inf and risk.back is None
    with pytest.raises(ValueError):
        Risk(header, bytes(5))


def test_a_window_s_recovery_score_is_the_sum_of_its_sentences_shares() -> None:
    analyser = Analyser()
    risk = analyser.built.risk
    assert risk is not None and risk.back is not None
    back = risk.back
    words = analyser.words("I told my therapist about the night I took the pills")
    back.forget()
    first = back.share(words)
    assert back.share(words) == pytest.approx(first)  # again, from what it remembered
    pairs = zip(["<s>", *words], words, strict=False)
    assert first == pytest.approx(
        sum(back.words[w] for w in words) + sum(back.pairs[a][b] for a, b in pairs)
    )


# Examples written for these tests, by concept (none is in the training files). The first of
# each list was not paused for / was paused for before the net decided (main at the start of
# session 7); the journal answer is kept so burying the key sentence stays covered.
@pytest.mark.parametrize(
    "text",
    [
        # Means taken, in words the rules and the grid only ask about.
        "the whole blister pack of my mums sleeping tablets is gone, i swallowed it after tea",
        "Work was fine. Sorted the rota. I have taken every one of the painkillers in the "
        "cupboard and I'm going to lie down until it's over.",
    ],
)
def test_clear_risk_in_new_wording_is_paused_for(text: str) -> None:
    assert analyse(text).concern == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "The marks on my arms are from when I was sixteen and cut every night; I'm "
        "thirty now and I run a bakery.",
        "Ten years after the overdose I stood at my daughter's wedding and gave a speech.",
        "I jumped from the car park roof in 2015 and broke both legs, and today I walked the "
        "coast path.",
    ],
)
def test_crisis_words_looking_back_are_not_paused_for(text: str) -> None:
    """The recovery head: each of these was paused for before it (asked about, or since
    session 14 acknowledged when the time frames place the risk in the past and the writer in a
    safer present: the first)."""
    assert analyse(text).concern in ("ask", "recovery")


# Session 8 (issue 14, batches k-n read): how the net's answer is used.
SOFTER_NEIGHBOUR = "I walked down to the harbour instead."


def test_a_neighbour_s_softer_sign_does_not_soften_the_net_sure_on_its_own() -> None:
    """An everyday "instead" next door said "asked, not paused for" even when the net was
    sure on its own of the sentence beside it (k-n: "... harbour instead. ... When it gets
    dark I'm going in, I've decided."). Now only its own sentence softens it."""
    alone, _ = _analyser(ask=-100.0, sure=-100.0, alone=-100.0, back=math.inf)
    assert alone.analyse(f"{SOFTER_NEIGHBOUR} {EVERYDAY}").concern == "crisis"
    assert alone.analyse(SOFTER_NEIGHBOUR).concern == "ask"  # in its own sentence it does
    # In the sure band (not alone) a neighbour's softer sign still keeps it a question.
    sure, _ = _analyser(ask=-100.0, sure=-100.0, alone=math.inf, back=math.inf)
    assert sure.analyse(GRID_ASKS).concern == "crisis"
    assert sure.analyse(f"{SOFTER_NEIGHBOUR} {GRID_ASKS}").concern == "ask"


def test_a_decision_is_crisis_beside_a_rule_s_question_when_the_net_is_sure_alone() -> None:
    decided = "I keep looking at the pills in the drawer, I've decided."
    alone, _ = _analyser(ask=-100.0, sure=-100.0, alone=-100.0, back=math.inf)
    assert alone.analyse(decided).concern == "crisis"
    assert alone.analyse(RULE_ASKS).concern == "ask"  # no decision: still a question
    sure, _ = _analyser(ask=-100.0, sure=-100.0, alone=math.inf, back=math.inf)
    assert sure.analyse(decided).concern == "ask"  # the net not sure on its own: a question


def test_means_bought_for_a_plain_purpose_are_asked_about_not_paused_for() -> None:
    """A crisis rule on "bought a rope" beside a plain purpose (the grid's everyday means), with
    nothing done or decided, unless the net is sure on its own: asked about, never let pass.
    Leaning is not enough (session 10: crisis lines say "bought a rope" too, so a net trained
    on them leans on the hardware shop's rope as well)."""
    for text in (
        "I bought a rope at the hardware shop today.",
        "Got a tarp and some rope for the pick-up, camping next week.",
    ):
        assert analyse(text).concern == "ask", text
    assert analyse("I bought a rope today.").concern == "crisis"  # no purpose: as before
    leaning, _ = _analyser(ask=-100.0, sure=-100.0, back=math.inf)
    assert leaning.analyse("I bought a rope at the hardware shop today.").concern == "ask"
    alone, _ = _analyser(ask=-100.0, sure=-100.0, alone=-100.0, back=math.inf)
    assert alone.analyse("I bought a rope at the hardware shop today.").concern == "crisis"


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("I don't want to die anymore.", "recovery"),
        (
            "She saw me through the worst winter, when I wanted to die every day. It's not like "
            "that now.",
            "recovery",
        ),
        ("I don't want help this time, I've taken all the pills.", "crisis"),
        ("I don't want to die anymore but I took them all an hour ago.", "crisis"),
        ("700 days safe today.", "recovery"),
        ("Two weeks clean and all I can think about is cutting.", "crisis"),
    ],
)
def test_a_wish_that_has_passed_is_recovery_and_present_intent_still_stands(
    text: str, concern: str
) -> None:
    assert analyse(text).concern == concern


def test_the_net_on_its_own_is_not_crisis_where_the_grid_reads_a_plain_purpose() -> None:
    """Trained on k-n, the net is sure of "the scaffold tonight… not coming down": with a plain
    purpose beside it ("to fix the sheeting") it asks instead of pausing."""
    alone, _ = _analyser(ask=-100.0, sure=-100.0, alone=-100.0, back=math.inf)
    assert alone.analyse("I'm going up the scaffold tonight to fix the sheeting.").concern == "ask"
    assert alone.analyse("I'm going up the scaffold tonight.").concern == "crisis"


def test_a_goodbye_to_colleagues_is_asked_about_unless_the_net_is_sure_on_its_own() -> None:
    """A crisis rule's goodbye beside the grid's everyday note (a card, the team, a new job)
    and the net not sure on its own: asked about, not paused for. A goodbye letter stays
    crisis."""
    email = "Sent my goodbye email to my colleagues, starting the new job tomorrow!"
    assert analyse(email).concern == "ask"
    assert analyse("Wrote my goodbye letter tonight.").concern == "crisis"
    alone, _ = _analyser(ask=-100.0, sure=-100.0, alone=-100.0, back=math.inf)
    assert alone.analyse(email).concern == "crisis"


def test_usual_tablets_do_not_speak_for_a_gun_or_a_height() -> None:
    """The grid's DOSE_EVERYDAY ("as usual", "back to") keeps the net's lean on tablets taken
    as prescribed from being asked about; beside a gun it can't speak for it."""
    leaning, _ = _analyser(ask=-100.0, single=-100.0, back=math.inf)
    gun = "Drove out to the old barn with the rifle, I'm not coming back to the house."
    assert {"DOSE_EVERYDAY", "GUN"} <= leaning.built.grid.concepts(leaning.words(gun))
    assert leaning.analyse(gun).concern in ("ask", "crisis")
    assert leaning.analyse("Took my tablets an hour ago as usual.").concern is None


def test_the_single_band_asks_only_when_the_text_is_that_one_sentence() -> None:
    # The net's lower band for a text of one sentence, moved to the bottom of the scale: the
    # sentence alone is asked about; with a second everyday sentence the text is a journal
    # answer and only the sentence band (here out of reach) asks.
    analyser, _ = _analyser(ask=math.inf, single=-100.0, sure=math.inf, alone=math.inf)
    assert analyser.analyse(EVERYDAY).concern == "ask"
    assert analyser.analyse(f"{EVERYDAY} Then I had lunch with my sister.").concern is None
    never, _ = _analyser(ask=math.inf, single=math.inf, sure=math.inf, alone=math.inf)
    assert never.analyse(EVERYDAY).concern is None
    # It only ever asks: a recovery cue is still acknowledged.
    assert analyser.analyse("I have a safety plan now.").concern == "recovery"


def test_the_shipped_single_band_sits_below_the_sentence_band() -> None:
    risk = Analyser().built.risk
    assert risk is not None
    # At or below it: trained on a-ah (session 13) both bands fall at -0.1 at their rates (a
    # text of one sentence is then asked about as any sentence is).
    assert risk.single <= risk.ask
    header = {"bits": 2, "scale": 1.0, "bias": 0.0, "ask": 1.0, "veto": -1.0, "trained_on": ""}
    assert Risk(header, bytes(4)).single == 1.0  # an older file: the sentence band
    assert Risk({**header, "single": 3.0}, bytes(4)).single == 1.0  # never above it


def test_the_net_reads_emoji_as_their_words() -> None:
    """The tokeniser drops emoji, so "💊💊 + 🍷 tonight. 👋" read as "tonight": the net reads
    them as their words (hashed.EMOJI), as it was trained to."""
    assert emoji_words("💊💊 + 🍷 tonight") == " pills  pills  +  wine  tonight"
    assert emoji_words("Took my tablets, it’s fine.") is None  # not ASCII, no emoji
    assert emoji_words("plain text") is None
    analyser = Analyser()
    risk = analyser.built.risk
    assert risk is not None
    text = "💊💊💊 + 🍷 tonight"
    analyser.analyse(text)
    reading = analyser.readings[lower(text)]
    assert reading is not None
    assert reading.risk == risk.score(analyser.words("pills pills pills wine tonight"))
    assert reading.risk != risk.score(analyser.words("tonight"))


def test_clause_windows_are_each_clause_and_each_two_side_by_side() -> None:
    words = ["fed", "the", "cat", ",", "watered", "the", "plants", ",", "ok", ",", "and", "then"]
    assert windows(words) == [
        ["fed", "the", "cat"],
        ["watered", "the", "plants"],
        ["fed", "the", "cat", ",", "watered", "the", "plants"],
    ]
    assert windows(["fed", "the", "cat"]) == []  # one clause: the sentence is the window
    assert windows(["fed", "the", "cat", ",", "ok"]) == []  # a clause too short to read alone


BURIED = "Fed the cat, watered the tomatoes, and the bottle is on the sink for after."


def test_a_one_sentence_text_is_asked_about_when_a_clause_window_leans() -> None:
    """A crisis clause buried among everyday ones: the whole sentence's score is pulled down
    by them, a clause window's is not. Read for a text of one sentence, from its band."""
    analyser, risk = _analyser(sure=math.inf, alone=math.inf, back=math.inf)
    words = analyser.words(BURIED)
    whole, top = risk.score(words), risk.best_window(words)
    assert top > whole
    risk.ask, risk.single = top + 1.0, (whole + top) / 2
    risk.windows = True
    assert analyser.analyse(BURIED).concern == "ask"
    # Only for a text of one sentence; and not from a file whose band was chosen without them.
    assert analyser.analyse(f"{BURIED} Then I had lunch with my sister.").concern is None
    # Nor where the whole sentence scores under the veto band (nearly no crisis line is that far).
    risk.veto = whole + 0.1
    analyser.readings.clear()
    assert analyser.analyse(BURIED).concern is None
    risk.veto, risk.windows = whole - 1.0, False
    analyser.readings.clear()
    assert analyser.analyse(BURIED).concern is None


NEAR = "Send them a message now, they'll understand."  # the word weights, near their threshold
CLEARLY = "Send him a message now, he'll understand."  # ... and past it by their margin


def test_the_word_weights_crisis_is_doubted_where_the_net_does_not_lean() -> None:
    """The word weights learned from the cases alone; the net has read every batch. Where it
    scores a sentence under its lowest band, the weights' clear crisis is asked about, and
    their lean near the threshold is let go under the net's quiet band (nearly no crisis
    line scores that low)."""
    off = {"ask": math.inf, "sure": math.inf, "alone": math.inf}
    trusted, _ = _analyser(single=-math.inf, quiet=-math.inf, **off)
    assert trusted.analyse(NEAR).concern == "ask"
    assert trusted.analyse(CLEARLY).concern == "crisis"
    doubted, _ = _analyser(single=math.inf, quiet=-math.inf, **off)
    assert doubted.analyse(NEAR).concern == "ask"
    assert doubted.analyse(CLEARLY).concern == "ask"
    quiet, _ = _analyser(single=math.inf, quiet=math.inf, **off)
    assert quiet.analyse(NEAR).concern is None
    assert quiet.analyse(CLEARLY).concern == "ask"


@pytest.mark.parametrize(
    "text",
    [
        # Asked about by the net of session 10 (trained on a-v, without the advice lines).
        "Have a long bath tonight and deal with the bank on Monday.",
        "Don't answer the email tonight, it can wait till the morning.",
        "Text your dad back tomorrow, he'll understand.",
        "Put the phone away tonight and call him when you're rested.",
    ],
)
def test_kind_friend_voice_advice_is_not_asked_about(text: str) -> None:
    assert analyse(text).concern is None, text


@pytest.mark.parametrize(
    "text",
    [
        "Tell the kids I'm sorry, I won't be here when they wake up.",
        "Look after Mum for me, I'm done after tonight.",
    ],
)
def test_a_goodbye_told_as_an_instruction_is_still_asked_about(text: str) -> None:
    """The check above can fail: the same shape, a goodbye, is not let pass."""
    assert analyse(text).concern in ("ask", "crisis"), text
