"""Whose criticism: harsh words aimed at someone else are not the person's self-criticism,
and a harsh thought quoted in order to answer it is kind (issue 14)."""

from __future__ import annotations

import pytest

from tui.core.selftalk import Analyser, analyse
from tui.core.selftalk.critic_gate import Gate


@pytest.mark.parametrize(
    "text",
    [
        # in the same sentence: the label names nobody, the sentence named someone else first
        "Some idiot on a scooter cut me up at the lights, what a total moron.",
        "Some numpty in a van tailgated me all the way home, what an absolute moron.",
        "This printer jammed on me three times today, what a useless heap.",
        "The lad at the till short-changed me, what a plonker.",
        "That plumber never turned up, absolute clown.",
        "They cancelled my train again, useless.",
        # in the sentence before
        "The builders left rubble all over the drive. Absolute cowboys.",
        "Our landlord still hasn't fixed the damp. Useless man.",
        "The courier left my parcel in the rain. Total joke.",
        # how someone else treated me, reported
        "The waiter was so rude, treated me like an idiot.",
    ],
)
def test_a_label_aimed_at_someone_else_is_not_self_criticism(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "Forgot the meeting again, what an idiot.",
        "Mum was right, what an idiot I am.",
        "The meeting went badly. I'm such an idiot.",
        "They laughed, and honestly I'm a complete joke.",
        "Missed the bus again. Useless.",
        "My boss treats me like an idiot and honestly I am one.",
    ],
)
def test_a_label_aimed_at_oneself_is_still_read(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "Critic: you ruin everything. Me: I burnt one cake and the rest of the party was fine.",
        "Old voice: \"you're a joke\". New voice: I'm learning and that takes time.",
        '"You\'re pathetic" turned into "you\'re tired and doing your best".',
        'My brain: "you\'re such a failure". Second thought: I failed one exam, not my life.',
    ],
)
def test_a_harsh_thought_quoted_to_answer_it_is_kind(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


def test_a_quoted_harsh_thought_with_no_answer_is_still_read() -> None:
    assert analyse('I keep telling myself "you\'re useless".').critical


@pytest.mark.parametrize(
    "text",
    [
        "Stupid stupid stupid, burnt the toast again.",
        "Locked myself out trying to rush, what a muppet I am.",
        "Reversed into the bollard trying to park fast, what an eejit I am.",
    ],
)
def test_an_insult_clause_at_either_end_of_an_account_is_read(text: str) -> None:
    assert analyse(text).critical


def test_an_insult_clause_aimed_at_someone_named_after_it_is_theirs() -> None:
    assert not analyse("Lazy, selfish, he never lifts a finger at home.").critical


# --- Journal answers (issue 14, session 7): whose criticism and quoted thoughts across sentences.
# New wording, not lines from the blind batches.


@pytest.mark.parametrize(
    "text",
    [
        # quoted, then turned: "But …", "Then …", "I answered: …", later in the answer
        '"Useless with money" came up when the bill arrived. But I paid it on time, and early.',
        'Burnt the stew. "Hopeless cook," my head said. I answered: I fed six people this week.',
        '"You\'re a rubbish dad" popped up at pickup. Then I saw him run out grinning at me.',
        '"Total failure," I thought, walking out of the exam, but one paper is one paper.',
    ],
)
def test_a_quoted_thought_turned_later_in_the_answer_is_kind(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        # no turn after the quote
        'Kept telling myself "you useless lump" all the way home. The traffic was awful.',
        # the turn agrees with the thought
        '"Total failure," I thought after the exam. But it\'s true, I am.',
        # the harsh words are not quoted: a "but" later does not answer them
        "I'm a hopeless cook. But the stew was edible.",
    ],
)
def test_a_quoted_thought_not_turned_is_still_read(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before opened on someone else: "my …", or a noun with a word before it
        "My plumber never showed up again. Lazy, useless man.",
        "My sister-in-law cancelled on us again. Selfish.",
        "Night bus driver sailed straight past the stop. Useless.",
        "Hockey umpire missed every foul today. Useless.",
    ],
)
def test_a_label_after_someone_else_opened_the_sentence_before_is_theirs(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "Missed the last bus home. Useless.",
        "My essay came back covered in red. Useless.",
        "Forgot my sister's birthday. Useless sister.",
    ],
)
def test_a_label_after_my_own_doing_is_still_mine(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        # a role the writer holds, called bad, as a clause of its own at the end of an account
        "Packed the lunches, forgot the water bottles. Rubbish dad again.",
        "Burnt the roast for the in-laws. Useless wife, useless cook.",
        "Didn't ring Gran back. Terrible grandson.",
    ],
)
def test_a_bad_role_label_tucked_at_the_end_of_an_account_is_read(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    ["Poor mum, she's had a week of it.", "Bad day at work. Good dad at home though."],
)
def test_sympathy_and_a_bad_day_are_not_a_role_label(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "Left the umbrella on the train, so that's me, a complete airhead.",
        "Got lost leaving the car park. Me all over, useless with maps.",
    ],
)
def test_a_self_label_tucked_at_the_end_of_an_account_is_read(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "I'm a loving dad having a short-tempered week.",
        "Snapped at the kids over homework. I'm a decent mum who was worn out.",
        "That's me, a proud grandad in the front row.",
    ],
)
def test_a_kind_verdict_with_the_hard_moment_beside_it_is_kind(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "I'm a kind teacher who had one sharp moment.",
        "Shouted at my brother, then apologised. I'm a good sister who had a bad hour.",
    ],
)
def test_a_kind_verdict_is_a_rider_even_to_the_word_weights(text: str) -> None:
    """Not left to the critic gate alone: the word weights read these as harsh."""
    from tui.core.selftalk import Analyser

    ungated = Analyser()
    ungated.built._gate = None
    assert not ungated.analyse(text).critical, ungated.analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        # the "I" dropped, as journals do
        "Parked at the depot. Can't even reverse a van straight, honestly.",
        # one verdict on character between two words the rules don't know
        "Shouted at the dog. I'm short-tempered and selfish these days.",
        # a feeling of being the worst in a role, buried mid-account
        "Swimming lessons. Everyone's kid was in the deep end. I felt like the worst mum there.",
        "Bedtime took two hours again. I'm getting it all wrong. Tea and bed.",
    ],
)
def test_self_criticism_buried_mid_account_in_journal_grammar_is_read(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "Been a bit quiet and tired since the move.",
        "Can't even remember the last time the garden looked this good.",
    ],
)
def test_states_that_pass_and_happy_surprise_are_not_self_criticism(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        # the "I" dropped at the start of a clause, read as if it were there
        "Dropped the shopping bag on the bus. Can't get anything right today.",
        "Snapped at the cashier, always mess things up.",
        # journal idioms of self-blame
        "Talked over everyone at book club. No wonder nobody rings me back.",
        "Worked through the school play. Some mother I am.",
    ],
)
def test_journal_self_blame_without_the_usual_words_is_read(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "Can't wait for the weekend, we're off to the coast.",
        "Could not find a parking space for ages, walked instead.",
        "Always up at six with the dog, love the quiet.",
        # an old line told as a sentence, then a new one
        'Late again. The old line was "hopeless, no wonder they gave up on you". The new line: '
        "the bus broke down and I rang ahead.",
    ],
)
def test_dropped_i_everyday_and_a_told_old_line_are_not_read(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


def test_a_thought_told_before_whose_it_is_is_defused() -> None:
    text = '"Hopeless," muttered the voice as I burnt the rice. I shrugged and made toast.'
    assert not analyse(text).critical, analyse(text).findings
    # The check above can fail: the same words owned by the writer are read.
    assert analyse("Hopeless, I am, I burnt the rice. I shrugged and made toast.").critical


def test_a_sentence_ending_on_a_verdict_on_others_is_theirs_to_the_weights(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.core.selftalk import Analyser
    from tui.core.selftalk import analyser as module

    text = "I stayed polite on the phone but they're a total shambles."
    assert not Analyser().analyse(text).critical
    # ... which is this check's doing: without it the word weights flag it (the critic
    # gate, a later opinion that may agree or not, is left out to see this one alone).
    monkeypatch.setattr(module, "ends_on_others", lambda built, words: False)
    ungated = Analyser()
    ungated.built._gate = None
    assert ungated.analyse(text).critical
    # Discounting the positive by what others will think is still read.
    monkeypatch.undo()
    assert analyse("I passed, but they'll soon see I'm a fraud and fail me.").critical


@pytest.mark.parametrize(
    "text",
    [
        # a bare exclamation after an account of someone else's doing, "me" only as whom
        # they did it to, or with no "I" at all (session 13)
        "Passenger shouted at me the whole way to the airport. Absolute clown.",
        "Two-hour lecture where the professor read from his own textbook. What a dull, "
        "self-important man.",
        # in the same sentence: someone named, what they did, then the verdict
        "Client rang me at midnight about a comma, honestly what a miserable man.",
        # someone of mine, "me" only as whom they did it to
        "My supervisor is a total muppet, sent me to the wrong site again.",
        # a verdict on a thing, whatever else the sentence says
        "Useless app, I've deleted it.",
        "Worst airline in Europe, I'm never flying with them again.",
        "City lost again, most useless team in the league, I'm gutted for the fans.",
        # the place's doing, past an aside
        "Honestly the care at this home is a disgrace, the owner should be sacked.",
    ],
)
def test_a_verdict_on_someone_elses_doing_is_theirs(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        # someone else was right about the writer
        "Dad was right, what a fool.",
        "My sister was right about me being lazy.",
        # the writer's own doing told without "I"
        "Overslept, missed the train. Useless.",
        # a comparison with others is still the writer's own
        "My classmates are all so much faster than me.",
        # a verdict on a thing beside the writer's own blame
        "Lost again, worst team in the league and it's my fault.",
        # the team lost because of the writer; the writer siding with a harsh voice
        "The team lost because I dropped that easy catch.",
        "Doctor says I'm fine and my head says pathetic, pathetic, pathetic.",
        # a name said to be the writer's own, then the label
        "Dazza left the gate open, and by Dazza I mean me. Absolute numpty.",
    ],
)
def test_a_verdict_after_someone_else_is_named_can_still_be_mine(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "Marco is a complete numpty, and by Marco I mean me, left my lunch on the train.",
        "Tash is so pathetic, and by Tash I mean me.",
        "Sal (that's me) is a total loser.",
        "Deano, aka me, is the thickest man alive.",
    ],
)
def test_a_label_by_ones_own_name_said_to_be_oneself_is_read(text: str) -> None:
    findings = analyse(text).findings
    assert findings
    name = text.split()[0].strip(",")
    assert any(name in finding.match for finding in findings), findings


def test_a_name_not_said_to_be_oneself_is_someone_else() -> None:
    """The check above can fail: the same label by a name with no declaration."""
    assert not analyse("Marco is a complete numpty, he left his lunch on the train.").critical


@pytest.mark.parametrize(
    "text",
    [
        "The passport office sent me the wrong form again, useless lot.",
    ],
)
def test_an_organisations_doing_is_theirs_before_the_own_head(text: str) -> None:
    """A pointing word, whom, what they did, then the label: aimed at them by the rules'
    reading, not only by the gate's own head (which is left out here)."""
    gate = Gate.load()
    assert gate is not None
    gate.own = None
    analyser = Analyser()
    analyser.built._gate = gate
    assert not analyser.analyse(text).critical, analyser.analyse(text).findings
