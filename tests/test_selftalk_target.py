"""Whose criticism: harsh words aimed at someone else are not the person's self-criticism,
and a harsh thought quoted in order to answer it is kind (issue 14)."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


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
