"""The critic gate (tui/core/selftalk/critic_gate.py): a flag the word weights alone raise
stands only when a model that has also read journal answers' everyday sentences agrees."""

from __future__ import annotations

import pytest

from tui.core.selftalk import Analyser, analyse
from tui.core.selftalk.critic_gate import FILE, Gate


def test_the_gate_file_is_well_formed() -> None:
    gate = Gate.load()
    assert gate is not None, FILE
    assert len(gate.weights) == 1 << gate.bits
    assert gate.scale > 0
    assert any(gate.weights)


@pytest.mark.parametrize(
    "text",
    [
        # an everyday slip told as what happened next, in new words
        "Forgot the recycling again. Put a note on the fridge.",
        "Forgot the bins again. Rang the council about the pickup.",
    ],
)
def test_an_everyday_slip_in_an_account_is_not_self_criticism(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings
    # ... which is the gate's doing: the word weights alone flag it.
    without = Analyser()
    without.built._gate = None
    assert without.analyse(text).critical


def test_self_criticism_only_the_weights_hear_still_passes_the_gate() -> None:
    text = "I let the whole team down again, they'd be better off with someone else."
    assert not Analyser(learned=False).analyse(text).critical  # no rule names it
    assert analyse(text).critical


def test_without_its_file_the_weights_speak_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.core.selftalk.critic_gate.FILE", "/nonexistent/selftalk_critic.bin")
    analyser = Analyser()
    analyser.built._gate = False  # read the (missing) file again
    assert analyser.analyse("Forgot the bins again. Rang the council about the pickup.").critical


def test_the_remembered_score_is_the_sum_the_trainer_learned() -> None:
    """Gate.score sums by remembered word and pair shares; the trainer learns from
    features(): both must give the same number, the second time too."""
    from tui.core.selftalk.critic_gate import bucket, features

    gate = Gate.load()
    assert gate is not None
    analyser = Analyser()
    for text in ("Forgot the bins again, honestly.", "I'm such an idiot", "ok"):
        words = analyser.words(text)
        total = sum(gate.weights[bucket(f, gate.mask)] for f in features(words))
        plain_score = gate.bias + total * gate.scale
        for _ in range(2):
            assert gate.score(words) == pytest.approx(plain_score)
