"""Session 18 (the helper "crisis"): crisis told in the families the lead named after reading
the session-17 blind batches (README, "Where it falls short"), read by concept
(data/concepts.toml, "Session 18"): self-harm with an ordinary tool, done again today and
counted; working up to the act beside means set out; a cord or a belt on a point it could
hang from while nobody is home; tablets kept back for the night the family are away, or all of
them going down with drink; a timed message so a chosen person is the one who finds me; a cover
story for the means and what they are really for; strong tablets packed and a room booked; the
depth of water checked and the time set; a goodbye said and a gun taken out; and the first
person of Caribbean and West African Englishes ("ah" before a verb, "mi"). The calm lines that
share their nouns (a belt on a door hook for a dressing gown, a lock's depth for a barge, heart
tablets for a flight home, a rifle for foxes) are not paused for."""

from __future__ import annotations

from pathlib import Path

import pytest
from selftalk_blind import CALM, figures, load

from tui.core.selftalk import analyse

DATA = Path(__file__).resolve().parent / "data"

# (file, batch): crisis given crisis or ask, given crisis, at least; calm given crisis or ask
# and calm given crisis at most (counts at the end of session 18: floors, so they don't slip
# back). The first file was written before the rules and they were tuned on it; the second was
# written after them and scored once (24/30 and 20/30, main 16/30 and 11/30), then tuned on;
# the third was written after the last change and scored once (14/15 and 13/15, main 10/15 and
# 7/15), never tuned on.
FLOORS = [
    ("crisis_own_18.tsv", "crisis-own-18-single", 60, 59, 10, 3),
    ("crisis_own_18.tsv", "crisis-own-18-journal", 19, 19, 10, 3),
    ("crisis_own_18_fresh.tsv", "crisis-own-18-fresh", 29, 27, 5, 2),
    ("crisis_own_18_fresh2.tsv", "crisis-own-18-fresh2", 14, 13, 1, 0),
]


@pytest.mark.parametrize(("name", "batch", "asked", "paused", "calm", "calm_paused"), FLOORS)
def test_the_helpers_own_lines_hold_what_they_reached(
    name: str, batch: str, asked: int, paused: int, calm: int, calm_paused: int
) -> None:
    cases = [case for case in load(DATA / name) if case.batch == batch]
    result = figures(cases)
    report = "\n".join(result.lines() + result.misses)
    assert result.share(("crisis",), ("crisis", "ask"))[0] >= asked, report
    assert result.share(("crisis",), ("crisis",))[0] >= paused, report
    assert result.share(CALM, ("crisis", "ask"))[0] <= calm, report
    assert result.share(CALM, ("crisis",))[0] <= calm_paused, report


@pytest.mark.parametrize(
    "text",
    [
        # Self-harm with an ordinary tool, again today, counted.
        "Used the nail scissors on my thigh again this afternoon, that's twice since school.",
        "Stanley blade, staff toilet, third time today.",
        # Working up to it, the means set out.
        "Pills in a row on the windowsill, nearly ready.",
        # A cord on a point it could hang from, and nobody home.
        "The lamp flex is looped over the top of the door and everyone's out till Monday.",
        # Tablets kept back for the night the family are away; all of them with drink.
        "I've been keeping back my warfarin for the weekend my daughter goes to her dad's.",
        "Necking the whole lot of the tramadol with the rum once she's in bed.",
        # A timed message so that a chosen person finds me.
        "The email's set for 7am so my brother is the one who finds me.",
        # A cover story for the means, and what it is really for.
        "Told the man in the shop the rope was for the boat. It's actually for me.",
        # The depth of the water checked, and the time set.
        "Measured the depth at the weir with a stick, that's when, Saturday.",
        # The writer as "ah" and "mi" in Caribbean and West African Englishes.
        "Ah drinking de weedkiller now.",
        "mi tek de rat poison tonight",
    ],
)
def test_crisis_told_in_these_families_is_paused_for(text: str) -> None:
    assert analyse(text).concern == "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "Used the nail scissors on the dog's fringe again this afternoon, twice since school.",
        "The belt is on the hook behind the door with my dressing gown, nobody's back till ten.",
        "I'm working up to a 10k by the summer.",
        "Checked how deep the lock is for the barge licence, we go through on Saturday.",
        "Put my heart tablets in the case for the flight home on Sunday.",
        "Scheduled the email for 7am so my brother gets the rota.",
        "Took the rifle out to the back field after tea for the foxes.",
        "Ah going to de market now for some yam.",
        "Ah, I could drink a whole bottle of wine tonight.",
        "Ah well, the bus was late again this morning.",
        "Mi tie de goat pon de mango tree, mi a go market when dem reach.",
    ],
)
def test_calm_lines_that_share_their_nouns_are_not_paused_for(text: str) -> None:
    assert analyse(text).concern != "crisis", text


def test_mi_as_the_writer_looking_back_from_a_year_gone_by_is_not_asked_about() -> None:
    # "mi" reads as the writer now; "back in 2019" looks back, as "two years ago" does, so the
    # grid's "ending it, with a time" does not ask about a past told from a safer present.
    text = "Mi did try fi end it back in 2019, now mi go choir every Sunday, mi feel stronger."
    assert analyse(text).concern not in ("crisis", "ask"), text
