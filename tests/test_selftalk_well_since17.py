"""Where the writer is now, said as well, safe or clean for a while ("I've been well for eight
months"), is a safer present (rules/concern.toml "present"): a recovery story told with it is
acknowledged, not asked about (session 17, found by the fresh-install walk)."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "A year ago I had the pills saved up. I've been well for eight months and I told my GP.",
        "In 2019 I had tablets counted out on the kitchen table. Ive been safe since the new meds.",
        "The winter after the divorce I had the rope in the shed. I've been doing okay since.",
    ],
)
def test_well_for_a_while_after_the_old_story_is_recovery(text: str) -> None:
    assert analyse(text).concern == "recovery", text


@pytest.mark.parametrize(
    "text",
    [
        "I've been fine for months but tonight I'm taking all the pills.",
        "I haven't been well for months and I've got the pills saved up.",
    ],
)
def test_well_for_a_while_does_not_soften_a_plan_now(text: str) -> None:
    assert analyse(text).concern == "crisis", text
