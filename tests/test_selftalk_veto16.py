"""Session 16: the steps that drop self-criticism already heard (markers, kind riders, whose
criticism), each mended by concept. Every sentence here was written for this file, in
varied voices; none is from the blind batches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.selftalk import analyse

ROOT = Path(__file__).resolve().parents[1]


# Catching oneself IN something is seeing one's reflection or being caught out, not noticing
# a thought (markers.toml): what follows is the writer's own view.
@pytest.mark.parametrize(
    "text",
    [
        "Caught myself in the hallway mirror this morning, and I'm a fat disgusting slob.",
        "I catch myself in every shop window, I'm a lumpy embarrassment.",
        "i caught myself in a lie to my own mam again, i'm a rotten liar and a worse son",
    ],
)
def test_catching_oneself_in_a_reflection_is_not_defusion(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "I caught myself thinking I'm useless, and let the thought pass.",
        "Caught myself calling me a failure again, just noticed it and moved on.",
    ],
)
def test_catching_oneself_at_a_thought_still_defuses(text: str) -> None:
    assert not analyse(text).critical


# "as clumsy as a child" is a simile: how the writer is now, not a time frame.
@pytest.mark.parametrize(
    "text",
    [
        "Sixty years a carpenter and I'm as clumsy as a child with a chisel, useless with my "
        "hands now.",
        "Forty and still as scared as a child of the phone, pathetic really.",
    ],
)
def test_a_simile_with_a_child_is_not_the_past(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "As a child I was told I was stupid, and I've let that go.",
        "My dad said as a child I was lazy, but he was wrong.",
    ],
)
def test_childhood_told_as_the_past_still_suppresses(text: str) -> None:
    assert not analyse(text).critical


# A kind rider the writer turns from ("…it was fine, but…") softens nothing after the turn.
@pytest.mark.parametrize(
    "text",
    [
        "My boss said it was fine but honestly I'm useless at spreadsheets.",
        "Everyone told me it's okay, yet I still feel like a total failure.",
    ],
)
def test_a_kind_rider_turned_from_does_not_soften(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        "I messed up the order, and that's okay, but I'll learn.",
        "I forgot the milk again, that's fine, it happens, but tomorrow I'll write a list.",
    ],
)
def test_a_kind_rider_after_the_finding_still_softens(text: str) -> None:
    assert not analyse(text).critical


# Someone told by their role, with more said of them before what they did, is someone else:
# the bare label after it is theirs.
@pytest.mark.parametrize(
    "text",
    [
        "The porter on nights left the post room in a state for me. Lazy sod, never lifts a "
        "finger.",
        "The barista at the station got my order wrong again and smirked. Clueless, total clown.",
    ],
)
def test_a_role_told_at_length_is_someone_else(text: str) -> None:
    assert not analyse(text).critical


# A report the writer answers in their own view ("…and I sat there knowing…", "…yet I
# reckon…"): what the weights hear in those last words is the writer's, not the report's.
def test_own_view_after_a_report_is_heard() -> None:
    text = "My coach keeps saying I'm a natural, yet I reckon I'm the clumsiest oaf on the team."
    analysis = analyse(text)
    assert analysis.critical
    assert analysis.findings[0].match.startswith("I reckon")  # not the coach's words


@pytest.mark.parametrize(
    "text",
    [
        "Mum said I'm a lazy useless lump but I know she loves me.",
        "Dad always told me I'd amount to nothing, and I believed him for years.",
        "The doctor said the scan was clear and I felt relieved.",
    ],
)
def test_a_report_answered_kindly_stays_unflagged(text: str) -> None:
    assert not analyse(text).critical


def test_the_veto_diagnostic_explains_each_step() -> None:
    text = "My boss said it was fine but honestly I'm useless at spreadsheets."
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "selftalk_why.py"), text],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "rule labelling" in result.stdout
    assert "own head total" in result.stdout
    assert "=> FLAGGED" in result.stdout


# "turned into" after "I've", "has", "was": becoming, not an old thought reworded into an
# answer (quoting.toml's answer rule), so the harsh words are not read as answered.
@pytest.mark.parametrize(
    "text",
    [
        "Look at the grumpy old git I have turned into, snapping at the kids.",
        "My day has turned into a disaster, I'm such an idiot.",
        "Sixty and look what I've turned into, a forgetful useless lump.",
    ],
)
def test_becoming_is_not_an_answer(text: str) -> None:
    assert analyse(text).critical


@pytest.mark.parametrize(
    "text",
    [
        '"You\'re a mess" turned into "I\'m busy".',
        "I took 'useless idiot' and turned it into 'tired dad who tried'.",
    ],
)
def test_a_thought_turned_into_an_answer_is_still_answered(text: str) -> None:
    assert not analyse(text).critical
