"""Session 17 (recovery): the time a sentence is told in, read from its verbs (Scoper.tenses),
places a recovery story's worst in the past and the writer in a safer present, whatever the
wording; a crisis told after a recovery, in the present or the future, still pauses.

The sentences here are new ones, written for these tests (none is a line of tests/data)."""

from __future__ import annotations

import pytest
from selftalk_blind import BLIND, figures, load

from tui.core.selftalk import analyse, default_analyser


def _tenses(text: str) -> set[str]:
    analyser = default_analyser()
    return set(analyser.built.scoper.tenses(analyser.words(text)))


@pytest.mark.parametrize(
    ("text", "tenses"),
    [
        ("In my late twenties I swallowed a box of pills.", {"past"}),
        ("There was a time when I'd lie awake all night.", {"past"}),
        ("I'd picked a spot by the weir.", {"past"}),
        ("I used to plan it on the night bus.", {"past"}),
        ("I remember standing on the sea wall.", {"past"}),
        ("I've been well for six years.", {"present"}),
        ("I'm a grandad and I coach the under-tens.", {"present"}),
        ("I don't anymore.", {"present"}),
        ("I'm going to do it tonight.", {"future"}),
        ("I will finish it this weekend.", {"future"}),
        ("I was fine for months but now I want to die.", {"past", "present"}),
        ("If I disappeared tomorrow nobody would notice.", set()),
        ("I wish I was dead.", {"present"}),  # the wish is now; "I was" only supposed
        ("I could go to the bridge.", set()),
        ("i got enough saved up", set()),
    ],
)
def test_the_tense_of_a_sentence_is_read_from_its_verbs(text: str, tenses: set[str]) -> None:
    assert _tenses(text) == tenses, text


@pytest.mark.parametrize(
    "text",
    [
        # The worst told in the past tense, time between then and now in the present after it.
        "During my apprenticeship I thought about ending my life most weeks. I've been well "
        "for five years and I run my own workshop.",
        "Some winters on the oil rig I wanted to jump into the sea. I haven't felt like that in "
        "years and I work onshore.",
        "When the shop closed I swallowed a box of pills. I've been stable for two years now, "
        "with a counsellor every fortnight.",
        # Intent told in a clause wholly in the past, in a sentence put in the past by its frame.
        "There was a spell in my thirties when I planned to hang myself. I've been safe for "
        "seven years and I coach the under-tens.",
        # The present of the story, which only the learned layers lean on.
        "I used to believe that my kids would be better off if I killed myself. I don't "
        "believe it anymore, and they tell me so too.",
    ],
)
def test_a_recovery_story_told_in_the_past_is_not_paused_for(text: str) -> None:
    """Asked about at most: a present told only in its tense can't say it is a safer place
    (see the next test), so where no rule names that present it is asked about, not
    acknowledged."""
    assert analyse(text).concern in ("ask", "recovery"), text


@pytest.mark.parametrize(
    "text",
    [
        # The crisis now, in the present or the future, after a past told in the past tense.
        "Years ago I overdosed. I'm ready to go now and nobody will stop me.",
        "I had picked the place years ago. I'm going there tonight.",
        "In my twenties I tried to end it. For months now I've been saving my tablets.",
        "Three years ago I swallowed a bottle of pills. I still want to die, every single day.",
        "Back in 2019 I tried to drown myself. I have the rope in the car now.",
        "Years ago I wanted to die. I want to die now more than ever.",
        "In my teens I tried to hang myself. I've been planning it again for weeks.",
        "A decade ago I overdosed. I don't want to be here anymore.",
        "When I was at uni I cut myself. I have been doing it every night for months.",
        # Intent in the past tense with nothing putting it in the past: the date is ahead.
        "I picked the date. my birthday seems fitting",
        # A present no better than then, whatever time it puts between.
        "In 2018 I took an overdose. I haven't slept properly in months and I've stopped caring.",
        # A day told in the past tense: today's, not a story looked back on.
        "Climbed the quarry path after work and stood at the edge. I didn't want to come back "
        "down. Went home in the end.",
        # "If I..." is only supposed, not told of then.
        "if i disappeared tmrw my mom would finally be happy. five years of this and i'm done",
    ],
)
def test_a_crisis_told_after_a_past_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis", text


def test_a_present_with_no_distance_in_it_is_no_safer_place() -> None:
    """A present sentence after the past that puts no time between then and now says nothing
    of where the writer is: still asked about, never acknowledged as recovery."""
    text = "Back in March I tried to hang myself. I feel the same way now."
    assert analyse(text).concern in ("crisis", "ask"), text


@pytest.mark.parametrize(
    "text",
    [
        # An age the writer is now is time put between then and now.
        "At school I believed I should die because of the bullying. It's a blur. I'm forty and "
        "it has no hold on me.",
        # The present told last, after the past, in one sentence.
        "In the winter of the strike I thought about ending my life. I told the union rep in "
        "the spring and I've been steadier ever since.",
    ],
)
def test_an_age_now_or_a_present_told_last_is_where_the_writer_is(text: str) -> None:
    assert analyse(text).concern in ("ask", "recovery"), text


@pytest.mark.parametrize(
    "text",
    [
        "Back in 2020 I tried to end it. I have cried every night for months.",
        "In 2018 I took an overdose. I haven't spoken to anyone in months.",
    ],
)
def test_a_present_told_only_in_its_tense_is_never_acknowledged_as_recovery(text: str) -> None:
    """Its verbs say when, not how the writer is: "I have cried every night for months" is
    told in the present with time in it, as "I've been well for five years" is."""
    assert analyse(text).concern in ("crisis", "ask"), text


def test_a_count_is_no_age() -> None:
    """Only after "I am" is a number an age: "I took forty" puts no time between then and now."""
    text = "I took forty of my tablets. I'm okay now."
    assert analyse(text).concern != "recovery", text


def test_the_recovery_helpers_own_lines_keep_what_they_reached() -> None:
    """tests/data/self_talk_recovery_own.tsv (session 17, written before reading the analyser;
    its first score is in its comments): floors of what the round's work reached."""
    result = figures(load(BLIND.parent / "self_talk_recovery_own.tsv"))
    report = "\n".join(result.lines() + result.misses)
    assert result.share(("crisis",), ("crisis", "ask"))[0] >= 76, report
    assert result.share(("crisis",), ("crisis",))[0] >= 71, report
    assert result.share(("recovery",), ("crisis",))[0] <= 9, report
    assert result.flagged["kind-quoting"] <= 3, report
    assert result.flagged["critic"] >= 39, report
