"""Session 18 (recovery): a recovery told first and the worry told after it, in the present, is
the past of that story, not a safer present speaking for the worry (told.recovery_then_worry,
concern._recovered); the old thought back again ("all the time now", "it's back": the rules'
"back" frame) is worry of its own. A recovery told after the worry, or a safer present the
learned layers alone lean on, still speaks for it.

The sentences here are new ones, written for these tests (none is a line of tests/data)."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse, default_analyser
from tui.core.selftalk.told import frames, lean_only, own_voice, parts, recovery_then_worry


@pytest.mark.parametrize(
    "text",
    [
        "I was in recovery for a year, but tonight I've got the pills lined up and I'm taking"
        " them.",
        "Treatment was working for months, but I've been planning my death since Sunday and the"
        " date is set.",
        "I got through it with therapy last time but this weekend I'm going to kill myself.",
        "Used to be clean of it, yet I'm cutting again and I want to die.",
    ],
)
def test_recovery_then_worry_now_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "I used to think about ending it when I was at school. Lately I think about it all the"
        " time now.",
        "I used to think about hanging myself. I think about it all the time now.",
        # The recovery cue's words reach into the part told now ("... and now").
        "I used to think about hanging myself and now I picture it all the time.",
        "I used to want to disappear. They're back, the thoughts, worse than ever.",
    ],
)
def test_old_thought_back_now_is_not_recovery(text: str) -> None:
    assert analyse(text).concern in ("ask", "crisis")


@pytest.mark.parametrize(
    "text",
    [
        # The recovery told after the worst: it speaks for it.
        "I had a plan to end my life in 2018, and therapy got me through it.",
        # Time put between then and now in the present part.
        "My therapist taught me the urges pass, and I've ridden out plenty since my attempt.",
    ],
)
def test_recovery_told_after_still_acknowledged(text: str) -> None:
    assert analyse(text).concern == "recovery"


def test_parts_split_where_a_story_turns() -> None:
    words = default_analyser().words(
        "I used to plan it, but this time I've written it and I'm done"
    )
    assert [part[0] for _, part in parts(words)] == ["i", "but", "and"]


def test_recovery_then_worry_reads_the_order() -> None:
    analyser = default_analyser()
    built = analyser.built
    before = analyser._reading(
        built, "my safety plan kept me going for years but i tore it up today because i want to die"
    )
    after = analyser._reading(built, "i had decided to die, and my safety plan kept me going")
    assert before is not None and after is not None
    assert recovery_then_worry(before)
    assert not recovery_then_worry(after)


@pytest.mark.parametrize(
    "text",
    [
        "In my first year I tried to hang myself. I'm well now. Nobody will miss me when I'm gone.",
        "When I was 20 I overdosed. I'm 45 now. I don't want to wake up tomorrow.",
        "I survived the last time because someone walked past. I've chosen somewhere no one"
        " walks past now.",
    ],
)
def test_worry_a_rule_names_after_a_safer_present_still_counts(text: str) -> None:
    assert analyse(text).concern in ("ask", "crisis")


def _reading(text: str):  # type: ignore[no-untyped-def]
    analyser = default_analyser()
    reading = analyser._reading(analyser.built, text)
    assert reading is not None
    return reading


def test_quoted_old_words_keep_their_own_time() -> None:
    # "tonight" inside the quote is the thought's time, not the writer's: told then.
    found = frames(_reading('it was "tonight, maybe tonight" for all of that june'))
    assert "now" not in found and "then" in found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A thought reported after a verb of thinking, the report told in the past.
        ("when the lease ended i kept thinking, i'll walk into the sea", False),
        # Told now: the report's own time is the writer's.
        ("i told her i'm going to end it tonight", True),
        # The thought runs to its clause's end; the rest is the writer's own present.
        ("i said i'm well now, and i am", True),
    ],
)
def test_own_voice_leaves_out_a_thought_reported_from_then(text: str, kept: bool) -> None:
    analyser = default_analyser()
    built = analyser.built
    words = built.tokens.words(text)
    assert (own_voice(built, text, words) == words) is kept


@pytest.mark.parametrize(
    ("text", "lean"),
    [
        # The net's lean alone, and the last part places the writer in a safer present.
        ("it's been nine years and i don't think that way any more", True),
        # The last word is a turn, not a safer present: the net's lean stands.
        ("i've been okay for months but i'm done pretending", False),
        ("i've been sober for years now and i'm exhausted by all of it", False),
    ],
)
def test_a_safer_present_the_net_leans_on(text: str, lean: bool) -> None:
    assert lean_only(_reading(text)) is lean


@pytest.mark.parametrize(
    "text",
    [
        "Last year I overdosed. I've been okay for months but I'm done pretending.",
        "At fifteen I cut my wrists. I'm 40 now. I keep thinking how easy it would be.",
        "I took an overdose in 2016. I've been well for years but I'm tired of pretending.",
    ],
)
def test_a_turn_after_a_safer_present_is_not_recovery(text: str) -> None:
    assert analyse(text).concern in ("ask", "crisis")


def test_a_story_that_goes_on_in_the_past_reaches_its_present() -> None:
    # The safer present is the fourth sentence: the two between go on in the past.
    text = (
        "At uni I wanted to die every single day. My flatmate noticed I'd stopped eating. She"
        " walked me to the GP. I've been well for six years now."
    )
    assert analyse(text).concern == "recovery"


def test_present_intent_after_a_recovery_is_asked_about() -> None:
    # No crisis rule's words, only present intent told after the recovery: asked about.
    text = (
        "My crisis plan kept me safe for years, but I binned it this morning because I've"
        " decided to die."
    )
    assert analyse(text).concern in ("ask", "crisis")


@pytest.mark.parametrize(
    "text",
    [
        # An act just told in the past with a short "I'm okay" after it is no story looked
        # back on: no time put between then and now (not acknowledged, whatever changes here).
        "I took all my pills. I'm okay.",
        "I took thirty paracetamol. I'm calm now.",
        "I drank the bleach. I'm alright.",
        "I kept thinking, I'll take all the pills. I'm okay now.",
        "I wrote \"tonight's the night\" an hour ago. I'm fine.",
    ],
)
def test_an_act_just_done_is_never_acknowledged(text: str) -> None:
    assert analyse(text).concern in ("ask", "crisis")
