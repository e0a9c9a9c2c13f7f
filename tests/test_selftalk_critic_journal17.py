"""Session 17's critic work on journal answers, by the step that dropped a verdict already
heard. Each sentence here was written for the test, in many voices, not taken from a blind
batch or from tests/data/self_talk_critic_journal_own.tsv; the counter-examples are the same
shapes told as an answer to an old thought, or as defusion."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse

# A label, then "me" set off by commas: the writer naming themselves beside the label. The
# "me ," was read as the speaker's label of a kind answer ("Me: I tried."), so the label was
# taken for an old thought being answered and dropped.
APPOSED_ME = [
    "A disgrace to the family name, me, no two ways about it.",
    "Took the wrong exit twice on the ring road. Worst navigator alive, me, honestly.",
    "Useless lump, me, cried at the staff meeting again.",
    "Shelved the atlases upside down. Biggest clot in the library, me, no contest. Tea at four.",
    "Ach, slow as a wet week, me, the lads had to wait on me again.",
    "Wah, so blur, me, forgot my own PIN at the ATM.",
]

# The same for the other labels of a kind answer that are everyday words ("then", "after",
# "reality", "truth"): between commas mid-sentence they are said in passing, not a label.
PLAIN_LABEL_WORDS = [
    "Burnt the porridge, then, muppet that I am, burnt the second pan as well.",
    "Locked the van keys inside again, reality is, I'm a total idiot.",
    "Tripped on the stage steps, after, I felt like a clumsy idiot all night.",
    "Missed the bus, truth is, I'm just a lazy lump.",
]

# Those labels where they label the answer: a colon, or the sentence's first word.
PLAIN_LABEL_ANSWERS = [
    "Critic: you're useless. Then: I did my best with a bad day.",
    "Old thought: I'm a lazy lump. Reality: I worked a twelve-hour shift.",
    "Old thought: I'm lazy, kinder version, I'm exhausted and allowed to rest.",
    "Voice: pathetic. After: I cried, then I made tea and I was fine.",
]

# The speaker's label of the kind answer, as before: a colon, or the sentence's first word.
ME_ANSWERS = [
    "Critic: you're useless at this. Me: I learned it last week, give it time.",
    "Old voice: lazy cow. Me: I worked a double and I'm resting.",
    "Head says I'm a failure. Me, I know I did my best today.",
]

# A verdict that sums the writer up as "the story of me": not the defusion "that's the old
# story" (the mind's story named as one).
STORY_OF_ME = [
    "Missed the deadline again, pathetic, that's the whole story of me.",
    "Burnt the dinner for my in-laws, that is the story of my life, hopeless.",
    "Forgot my lines in the nativity. Such a loser, that's the sad story of me.",
    "Forgot my lines. A proper idiot, that is the story of me.",
]

STORY_DEFUSED = [
    "I'm useless. There's the old story that I'm not good enough.",
    "I'm such a failure, oh, that's the old story again, I can let it pass.",
]


@pytest.mark.parametrize("text", APPOSED_ME)
def test_a_label_then_me_set_off_by_commas_is_the_writer_naming_themselves(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize("text", ME_ANSWERS)
def test_me_as_the_kind_answer_s_label_still_answers_the_old_thought(text: str) -> None:
    assert not analyse(text).critical, text


@pytest.mark.parametrize("text", PLAIN_LABEL_WORDS)
def test_an_everyday_word_between_commas_is_not_the_kind_answer_s_label(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize("text", PLAIN_LABEL_ANSWERS)
def test_an_everyday_word_that_labels_the_answer_still_does(text: str) -> None:
    assert not analyse(text).critical, text


@pytest.mark.parametrize("text", STORY_OF_ME)
def test_the_story_of_me_is_a_verdict_not_defusion(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize("text", STORY_DEFUSED)
def test_the_old_story_named_is_still_defusion(text: str) -> None:
    assert not analyse(text).critical, text


# An old harsh thought quoted in a sentence that looks back: told as the past, not said now.
OLD_QUOTES = [
    'I remember thinking "I\'m such a useless burden" back then. Now I run the food bank.',
    "Found my old diary where I'd written \"I'm worthless\". I'm doing much better now.",
    'Years ago I\'d mutter "you pathetic waste of space" at the mirror; these days I nod at it.',
]

# Quoted self-talk told as now is still the writer's.
PRESENT_QUOTES = [
    "I keep telling myself \"you're useless\" and I can't stop.",
    'This morning I told myself "you\'re pathetic" in the mirror.',
    'Burnt the rice and muttered "you useless cow" at myself.',
]


@pytest.mark.parametrize("text", OLD_QUOTES)
def test_an_old_thought_quoted_as_the_past_is_not_a_verdict_now(text: str) -> None:
    assert not analyse(text).critical, text


@pytest.mark.parametrize("text", PRESENT_QUOTES)
def test_quoted_self_talk_told_as_now_is_the_writer_s(text: str) -> None:
    assert analyse(text).critical, text


def test_the_trainer_learns_a_verdict_no_rule_knows_from_its_answer() -> None:
    """scripts/train_selftalk_critic.py --buried (not shipped): in a self-critical answer no
    rule flags, the sentence a first gate scores highest is taken as its verdict; without it,
    such an answer gives the gate nothing to learn from."""
    pytest.importorskip("sklearn")
    from helpers_scripts import load_script

    trainer = load_script("train_selftalk_critic")
    found = [
        (["i", "am", "such", "a", "useless", "idiot"], True, "x"),
        (["what", "a", "useless", "lump", "i", "am"], True, "x"),
        (["hopeless", "idiot", "me"], True, "x"),
        (["went", "to", "bed", "early"], False, "x"),
        (["tea", "and", "toast", "for", "lunch"], False, "x"),
        (["rain", "all", "afternoon"], False, "x"),
    ]
    answer = [["walked", "to", "the", "shop"], ["useless", "idiot", "again"], ["tea", "after"]]
    picked = trainer.buried(found, [(answer, "y")])
    assert picked == [(["useless", "idiot", "again"], True, "y")]
