"""Learn the word weights in tui/core/data/selftalk_weights.json.

Run: ``python scripts/train_selftalk_weights.py`` (deterministic; about a minute with the
wider net). Run it again after adding labelled sentences to tests/data/self_talk_cases.tsv,
and commit the JSON it writes. ``--net`` trains the wider net alone (and rebuilds the
snapshot), leaving the JSON as it is (see main).

Why learned weights at all: the rules in tui/core/selftalk/data/rules are exact phrases, and people
write in endless ways. Blind batches showed the rules alone catching as few as 15 of 35 new
crisis sentences and 38 of 50 new self-critical ones. So behind the rules sit two small
logistic regressions over a sentence's words and word pairs (after the analyser's own
normalisation, so "can't" and "cant" are the same):

- crisis: a sentence is crisis language when the rules match OR its score passes the
  threshold;
- critical: a sentence the rules find nothing in, and that no defusion, reported past,
  permission or kind rider reaches, is flagged when its score passes the threshold, under
  the category whose word profile fits it best (naive Bayes over the categories the rules
  give the training sentences).

Training uses every labelled sentence except the held-back batches (names starting with
"holdout"), which stay unseen so they can measure the whole analyser. Thresholds come from
out-of-fold scores (each sentence scored by weights trained without it), so they are set for
wording the weights have not seen: the most watchful value whose false alarms stay within
the limits below.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from selftalk_net import risk_rows, train_net  # noqa: E402

from tui.core.selftalk import Analyser  # noqa: E402

# Rules alone, so the category profiles come from what the rules say.
RULES = Analyser(learned=False)

CASES = ROOT / "tests" / "data" / "self_talk_cases.tsv"
CONCEPTS = ROOT / "tests" / "data" / "self_talk_concepts.tsv"  # for the hashed weights only
OUT = ROOT / "tui" / "core" / "data" / "selftalk_weights.json"
RISK_OUT = ROOT / "tui" / "core" / "data" / "selftalk_risk.bin"

EPOCHS = 60
RATE = 0.3
L2 = 0.01
# The crisis weights are held back harder: with a lighter hand they learned filler words from
# crisis lines ("then", "tonight", "I wrote") and read everyday sentences as crisis.
CRISIS_L2 = 0.02
BIAS = "<bias>"  # the intercept, a feature every training sentence has
MIN_EVIDENCE = 1.0  # the lowest critical threshold: some words must speak for the flag
# Crisis may be flagged on less evidence: a missed cry for help costs far more than a support
# screen opened by mistake (one key away), and the issue allows idioms flagged up to 20%. What
# keeps everyday sentences that share crisis words ("I wrote a letter to my gran", "tonight")
# from reading as crisis is mostly training data (batch training-m) and CRISIS_L2. Not
# lower than 0.5: at 0.25 a few filler words ("then", "today and") were enough to read a
# sentence as crisis.
CRISIS_MIN_EVIDENCE = 0.5
KEEP = 0.1  # weights smaller than this are dropped from the file
FOLDS = 5
# Most of each kind of sentence that may be flagged out of fold by the weights alone.
CRISIS_FALSE_ALARMS = {"idiom": 0.12, "kind": 0.03, "neutral": 0.08}
CRITICAL_FALSE_ALARMS = {"kind": 0.02, "neutral": 0.05, "idiom": 0.05}
CATEGORY_FEATURES = 400  # the most telling features kept per category

Row = tuple[str, str, str]  # label, text, batch


def read(path: Path) -> list[Row]:
    rows = []
    batch = "dev"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# batch:"):
            batch = line.split(":", 1)[1].strip()
            continue
        if not line.strip() or line.startswith("#") or line == "label\ttext":
            continue
        label, _, text = line.partition("\t")
        rows.append((label, text, batch))
    return rows


def training_rows() -> list[Row]:
    """Every labelled sentence but the held-back batches, in file order. Only files in this
    repository: the weights (and the test that checks they are current) must come out the
    same from a fresh clone, with or without the shared dev sample beside it."""
    rows = read(CASES)
    return [row for row in rows if not row[2].startswith("holdout")]


def digest(rows: list[Row]) -> str:
    """Names the training data, so a test can tell when the weights are out of date."""
    text = "\n".join(f"{label}\t{line}" for label, line, _ in rows)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def train(examples: list[tuple[set[str], float]], l2: float) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent, positives weighed up to balance."""
    data = list(examples)
    positives = sum(y for _, y in data)
    boost = (len(data) - positives) / max(positives, 1.0)
    weights: dict[str, float] = {}
    rng = random.Random(7)
    for epoch in range(EPOCHS):
        rng.shuffle(data)
        rate = RATE / (1 + epoch * 0.1)
        for features, y in data:
            z = sum(weights.get(f, 0.0) for f in features)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            gradient = (p - y) * (boost if y else 1.0)
            for f in features:
                w = weights.get(f, 0.0)
                weights[f] = w - rate * (gradient + l2 * w)
    return weights


def total(weights: dict[str, float], features: set[str]) -> float:
    """The evidence a sentence's words give, without the intercept: a sentence of unknown
    words scores 0 and is never flagged (thresholds are at least MIN_EVIDENCE)."""
    return sum(weights.get(f, 0.0) for f in features if f != BIAS)


def threshold_for(
    examples: list[tuple[set[str], float]],
    labels: list[str],
    limits: dict[str, float],
    lowest: float,
    l2: float,
) -> tuple[float, dict[str, str]]:
    """The lowest threshold whose out-of-fold false alarms stay within ``limits``."""
    scores = [0.0] * len(examples)
    order = list(range(len(examples)))
    random.Random(11).shuffle(order)
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        weights = train([e for index, e in enumerate(examples) if index not in held], l2)
        for index in held:
            scores[index] = total(weights, examples[index][0])
    chosen = 10.0
    for step in range(int(lowest * 4), 81):
        candidate = step / 4
        rates = {
            label: sum(
                s >= candidate for s, tag in zip(scores, labels, strict=True) if tag == label
            )
            / max(1, labels.count(label))
            for label in limits
        }
        if all(rates[label] <= limit for label, limit in limits.items()):
            chosen = candidate
            break
    report = {
        label: f"{sum(s >= chosen for s, tag in zip(scores, labels, strict=True) if tag == label)}"
        f"/{labels.count(label)}"
        for label in sorted(set(labels))
    }
    return chosen, report


def category_profiles(rows: list[Row]) -> dict[str, dict[str, float]]:
    """Naive Bayes log-odds of each feature for each category the rules give critic lines."""
    counts: dict[str, Counter[str]] = {}
    everything: Counter[str] = Counter()
    for label, text, _ in rows:
        if label != "critic":
            continue
        findings = RULES.analyse(text).findings
        if not findings:
            continue
        features = RULES.features(text)
        counts.setdefault(findings[0].category, Counter()).update(features)
        everything.update(features)
    vocabulary = len(everything) + 1
    all_total = sum(everything.values())
    profiles: dict[str, dict[str, float]] = {}
    for category, counter in counts.items():
        cat_total = sum(counter.values())
        odds = {
            f: math.log((counter[f] + 0.5) / (cat_total + 0.5 * vocabulary))
            - math.log((everything[f] + 0.5) / (all_total + 0.5 * vocabulary))
            for f in counter
        }
        # Ties broken by name: set order changes from run to run (hash randomisation).
        best = sorted(odds.items(), key=lambda item: (-item[1], item[0]))[:CATEGORY_FEATURES]
        profiles[category] = {f: round(w, 3) for f, w in sorted(best)}
    return profiles


def model(
    rows: list[Row],
    positive: str,
    negatives: set[str],
    limits: dict[str, float],
    lowest: float = MIN_EVIDENCE,
    l2: float = L2,
) -> dict[str, object]:
    chosen = [row for row in rows if row[0] == positive or row[0] in negatives]
    examples = [
        (RULES.features(text) | {BIAS}, float(label == positive)) for label, text, _ in chosen
    ]
    labels = [label for label, _, _ in chosen]
    threshold, report = threshold_for(examples, labels, limits, lowest, l2)
    print(f"{positive}: threshold {threshold}; out of fold, flagged by the weights alone: {report}")
    weights = train(examples, l2)
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= KEEP and f != BIAS}
    return {"threshold": threshold, "weights": kept}


# The wider net (tui/core/selftalk/hashed.py): trained in selftalk_net.py.
# The blind batches (tests/data/self_talk_blind*.tsv) train it too since session 7 (o-r since
# session 9, s-v since session 10, w-z since session 11, aa-ad since session 12, ae-ah since
# session 13, ai-al since session 14): their first scores are kept in their comments, and later
# blind batches measure it. Their labels, in the net's terms (non-English lines are left out:
# the net reads English).
BLIND = (
    ROOT / "tests" / "data" / "self_talk_blind.tsv",
    ROOT / "tests" / "data" / "self_talk_blind_last.tsv",
    ROOT / "tests" / "data" / "self_talk_blind_k_n.tsv",
    ROOT / "tests" / "data" / "self_talk_blind_o_r.tsv",
    ROOT / "tests" / "data" / "self_talk_blind_s_v.tsv",
    ROOT / "tests" / "data" / "self_talk_blind_w_z.tsv",
    ROOT / "tests" / "data" / "self_talk_blind_aa_ad.tsv",
    ROOT / "tests" / "data" / "self_talk_blind_ae_ah.tsv",
    ROOT / "tests" / "data" / "self_talk_blind_ai_al.tsv",
)
BLIND_LABELS = {
    "crisis": "crisis",
    "ask": "ask",
    "recovery": "recovery",
    "critic": "critic",
    "kind": "kind",
    "kind-quoting": "kind",
    "other-critic": "neutral",
    "everyday": "neutral",
    "sad": "neutral",
    "idiom": "idiom",
}


# Lines written for the net, labelled as the blind batches are, but never a blind batch: in
# every net's training, never in selftalk_cv.py's columns (session 11: the helper's own lines
# by concept, and the lead's friend-voice advice).
OWN = (
    ROOT / "tests" / "data" / "self_talk_net_own.tsv",
    ROOT / "tests" / "data" / "self_talk_advice.tsv",
)


def blind_rows(leave_out: str | None = None) -> list[Row]:
    """The blind batches as training rows (all but ``leave_out``, a batch name), and the
    lines written for the net (OWN)."""
    rows = []
    for path in BLIND + OWN:
        for label, text, batch in read(path):
            if label in BLIND_LABELS and batch != leave_out:
                rows.append((BLIND_LABELS[label], text, batch))
    return rows


def net_rows(leave_out: str | None = None) -> list[Row]:
    """What the wider net learns from: the cases (held-back batches aside), the concept
    lines and the blind batches."""
    return risk_rows(training_rows() + read(CONCEPTS) + blind_rows(leave_out))


def main() -> None:
    training = training_rows()
    RISK_OUT.write_bytes(train_net(net_rows(), RULES.words))
    print(f"-> {RISK_OUT.relative_to(ROOT)}")
    # --net: the net alone (and the snapshot). The word weights' JSON is left as it is: its
    # crisis and critical weights come out byte for byte the same while the cases and the
    # rules' features are, but its category profiles follow what the rules find in the critic
    # lines, so every rule that catches a training line moves them (session 18: 9 lines since
    # 3034890, and 2,000+ of the profiles' 4,000 values with them).
    if "--net" not in sys.argv:
        write_weights(training)
    # The analyser's snapshot names the weights it was built with: build it again.
    from tui.core.selftalk import snapshot

    snapshot.main()


def write_weights(training: list[Row]) -> None:
    data = {
        "crisis": model(
            training,
            "crisis",
            {"critic", "kind", "neutral", "idiom"},
            CRISIS_FALSE_ALARMS,
            CRISIS_MIN_EVIDENCE,
            CRISIS_L2,
        ),
        "critical": model(training, "critic", {"kind", "neutral", "idiom"}, CRITICAL_FALSE_ALARMS),
        "categories": category_profiles(training),
        "trained_on": digest(training),
    }
    OUT.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"-> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
