"""A ride taken to work or home, in many Englishes (session 18, calm): "took the MRT over the
bridge", "caught the jeepney home". concepts.toml RIDE names what people ride (the MRT, a
matatu, a jeepney, a trotro, a danfo, a boda), and "took" a ride is no dose: INGEST with no
drug doesn't stop the trip speaking for the sentence (concepts.everyday_trip). Lines written
for this test, not taken from any batch."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "Took the MRT over the bridge, so crowded today.",
        "Took the LRT over the river bridge, aircon spoil again.",
        "Caught the jeepney home after my shift, so tired.",
        "Took the trotro over the bridge to Kaneshie this morning.",
    ],
)
def test_a_ride_over_a_bridge_is_a_trip(text: str) -> None:
    assert analyse(text).concern is None, text


@pytest.mark.parametrize(
    "text",
    [
        "Took the MRT to the bridge, I'm going to jump tonight.",
        "Took the bus home and then took every pill in the cupboard.",
        "Caught the matatu to the river, I'm walking in tonight.",
    ],
)
def test_a_ride_beside_an_act_or_a_dose_still_is(text: str) -> None:
    assert analyse(text).concern in ("crisis", "ask"), text
