"""The wider net (tui/core/selftalk/hashed.py): hashed weights read with plain Python."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers_scripts import load_script
from test_selftalk import RULES_ONLY

from tui.core.selftalk import analyse, default_analyser
from tui.core.selftalk.hashed import Risk, bucket, features, length_factor

ROOT = Path(__file__).resolve().parents[1]
RISK_FILE = ROOT / "tui" / "core" / "data" / "selftalk_risk.bin"


def _trainer() -> Any:
    return load_script("train_selftalk_weights")


def _risk() -> Risk:
    risk = default_analyser().built.risk
    assert risk is not None
    return risk


def test_risk_file_is_well_formed_and_trained_on_the_current_cases() -> None:
    trainer = _trainer()
    net = sys.modules["selftalk_net"]
    risk = Risk.read(RISK_FILE.read_bytes())
    assert len(risk.weights) == 1 << net.RISK_BITS
    assert sum(1 for w in risk.weights if w) > 10_000  # trained, not an empty file
    assert risk.ask <= risk.sure <= risk.alone < float("inf")
    assert risk.veto < risk.ask
    assert risk.back is not None and len(risk.back.weights) == 1 << net.BACK_BITS
    assert sum(1 for w in risk.back.weights if w) > 1_000
    assert risk.trained_on == trainer.digest(trainer.net_rows()), (
        "tests/data/self_talk_*.tsv changed: run python scripts/train_selftalk_weights.py"
    )


def test_the_net_was_trained_on_its_lines_as_the_tokeniser_reads_them_today() -> None:
    """The header names the training lines' words as the tokeniser read them: a change to
    how sentences are cut or words spelt (tokens.py, words.toml) that reaches a training line
    means the scripts no longer rebuild the shipped net byte for byte (session 18: 13 lines,
    "the 6.40 freight" and "miself"), and the net's bands come from lines read another way."""
    trainer = _trainer()
    net = sys.modules["selftalk_net"]
    risk = Risk.read(RISK_FILE.read_bytes())
    if not risk.read_as:
        pytest.skip(
            "the net was trained before its header named its lines' words (session 18): "
            "retrained today it differs by 13 lines read otherwise, see docs/measurements.md"
        )
    assert risk.read_as == net.read_digest(trainer.net_rows(), trainer.RULES.words), (
        "the tokeniser or tui/core/selftalk/data/words.toml now reads the net's training lines "
        "otherwise: run python scripts/train_selftalk_weights.py --net"
    )


def test_the_lines_words_digest_changes_when_one_word_is_read_otherwise() -> None:
    """What the check above compares: the same lines, one spelling read another way ("miself"
    as "myself", words.toml since 323a416), give another digest; the lines' own digest
    (trained_on) does not see it."""
    trainer = _trainer()
    net = sys.modules["selftalk_net"]
    rows = [
        ("kind", "mi tell miself, yuh do good today.", "x"),
        ("crisis", "the 6.40 freight", "x"),
    ]

    def older(text: str) -> list[str]:
        return [w.replace("myself", "miself") for w in trainer.RULES.words(text)]

    assert "myself" in trainer.RULES.words("mi tell miself")
    assert net.read_digest(rows, trainer.RULES.words) != net.read_digest(rows, older)


def test_the_blind_batches_train_the_net_and_one_can_be_left_out() -> None:
    """The blind batches train the net once scored blind (their first scores are kept in
    their comments): a-v since session 10; leaving one out is what scripts/selftalk_cv.py
    measures with."""
    trainer = _trainer()
    every = trainer.net_rows()
    without = trainer.net_rows("blind-j-journal")
    assert {"blind-a-single", "blind-j-journal", "blind-r-journal", "blind-v-journal"} <= {
        batch for _, _, batch in every
    }
    assert "blind-j-journal" not in {batch for _, _, batch in without}
    assert 150 < len(every) - len(without) < 250
    # Possible risk ("ask") is the rules' to ask about: the net learns crisis from the rest.
    assert {label for label, _, _ in every} == {
        "crisis",
        "recovery",
        "critic",
        "kind",
        "neutral",
        "idiom",
    }


def test_the_bands_are_chosen_from_the_calm_lines_out_of_fold_scores() -> None:
    """selftalk_net.bands: each band is the lowest score (in tenths) that no more than its
    rate of calm lines reach; the one-sentence band reads one-sentence calm lines only."""
    pytest.importorskip("numpy")
    _trainer()
    net = sys.modules["selftalk_net"]
    # 100 calm lines scoring 0.0 .. 9.9 (half of them one sentence), 10 crisis lines at 5.0.
    best = [n / 10 for n in range(100)] + [5.0] * 10
    one = [n % 2 == 0 for n in range(100)] + [True] * 10
    tags = ["neutral"] * 100 + ["crisis"] * 10
    found = net.bands(best, one, tags, {"ask": 0.05, "single": 0.10, "sure": 0.02, "alone": 0.01})
    assert found["ask"] == pytest.approx(9.5)  # 9.5 .. 9.9: five of 100
    assert found["single"] == pytest.approx(8.9)  # 9.0, 9.2 .. 9.8: five of 50 one-sentence
    assert found["sure"] == pytest.approx(9.8) and found["alone"] == pytest.approx(9.9)
    assert found["single"] <= found["ask"] <= found["sure"] <= found["alone"]
    # A rate of 0 for the one-sentence band: no band of its own.
    assert (
        net.bands(best, one, tags, {"single": 0.0})["single"] == net.bands(best, one, tags)["ask"]
    )


def test_the_remembered_score_is_the_sum_of_the_features_weights() -> None:
    """The run-time score (each word's share remembered) must equal what the trainer
    learned: the bias plus one weight per feature the trainer saw."""
    risk = _risk()
    words = default_analyser().words("I can't stop thinking about the pills, not tonight")
    risk.forget()
    mask = (1 << risk.bits) - 1
    plain = risk.scale * sum(risk.weights[bucket(f, mask)] for f in features(words))
    size = len(words)  # read for its length as the trainer read it (none for a plain sum)
    expected = risk.bias + plain * length_factor(risk.norm, risk.norm_at, size)
    expected += risk.length * math.log(size / risk.norm_at)
    assert risk.score(words) == pytest.approx(expected)
    assert risk.score(words) == pytest.approx(expected)  # again, from what it remembered


@pytest.mark.parametrize(
    ("norm", "length", "factor"),
    [
        ("mean", 0.0, 15 / 5),
        ("sqrt", 0.0, (15 / 5) ** 0.5),
        (None, 0.5, 1.0),
        ("sqrt", -0.5, 3**0.5),
    ],
)
def test_a_net_read_for_length_scales_its_sum_as_the_trainer_did(
    norm: str | None, length: float, factor: float
) -> None:
    """A net trained with selftalk_net.NORM or LENGTH (session 18: a plain sum reads a long
    sentence as riskier whatever its words) scores a sentence of five words as its features'
    weights times the length factor, plus the length term: what the trainer's matrix held."""
    header: dict[str, object] = {"bits": 4, "scale": 0.5, "bias": -1.0, "ask": 1.0}
    header |= {"veto": -1.0, "trained_on": "", "norm": norm, "norm_at": 15.0, "length": length}
    risk = Risk.read(json.dumps(header).encode() + b"\n" + bytes(range(16)))
    words = ["i", "have", "the", "rope", "ready"]
    plain = 0.5 * sum(range(16)[bucket(f, 15)] for f in features(words))
    expected = -1.0 + plain * factor + length * math.log(5 / 15)
    assert risk.score(words) == pytest.approx(expected)
    assert risk.score(words) == pytest.approx(expected)  # again, from what it remembered
    assert length_factor(norm, 15.0, 5) == pytest.approx(factor)
    older = {k: v for k, v in header.items() if k not in ("norm", "norm_at", "length")}
    assert Risk.read(json.dumps(older).encode() + b"\n" + bytes(range(16))).score(
        words
    ) == pytest.approx(-1.0 + plain)  # older files: the plain sum


def test_a_word_shares_its_letter_pieces_with_forms_nobody_wrote() -> None:
    assert {"c <ove", "c over", "c rdos"} <= set(features(["overdosing"])) & set(
        features(["overdosed"])
    )
    assert features([","]) == ["w ,", "p <s> ,"]  # a clause break has no letters


@pytest.mark.parametrize(
    "text",
    [
        "been reading about how many tabs it takes all evening",
        "i have everything i need saved up in the drawer for when i go",
        "everyone will be fine once im not around to drag them down",
    ],
)
def test_the_wider_net_asks_about_crisis_wording_no_rule_names(text: str) -> None:
    rules_only = RULES_ONLY.analyse(text)
    assert rules_only.concern is None  # no rule knows these words ...
    risk = _risk()
    assert risk.score(default_analyser().words(text)) >= risk.ask  # ... the net leans ...
    assert analyse(text).concern in ("ask", "crisis")  # ... and it is asked about at least


@pytest.mark.parametrize(
    "text",
    [
        "I bought new blades for the lawnmower this morning.",
        "Got new blades for the strimmer today.",
        "We hung a rope swing from the old oak in the garden.",
    ],
)
def test_everyday_words_near_crisis_words_are_not_asked_about(text: str) -> None:
    assert analyse(text).concern is None


def test_the_concepts_data_written_for_the_net_meets_the_batch_targets() -> None:
    """tests/data/self_talk_concepts.tsv (training data for the net, not for the word weights)
    is held to the same targets as every batch of the cases file."""
    from test_selftalk_quality import assert_targets, load_cases, score

    cases = load_cases(ROOT / "tests" / "data" / "self_talk_concepts.tsv")
    assert len(cases) >= 80
    assert_targets("concepts", score(cases))
