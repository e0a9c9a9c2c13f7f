"""The learned weights behind the rules (see scripts/train_selftalk_weights.py): they read
wording no rule names yet, and only ever add a verdict the rules would have missed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import chain, repeat
from typing import Any

from .data import Lexicon
from .model import CATEGORIES
from .tokens import BREAK

START = "<s>"
LEARNED_MIN_WORDS = 3
SUPPORT = 0.5  # the weight at which a feature counts as speaking for a flag
CLEAR_MARGIN = 1.5


class Features:
    """Each word, and each word with the one before it ("<s>" after a sentence or clause
    break). After a negation, to the end of its clause, both are marked "!": so "I'm not
    good enough" and "I'm good enough" share no feature past "not" (but "can't stop" and
    "can't help" end the mark: what follows them is meant)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.clause_end = lexicon["clause_end"]
        self.negators = lexicon["negators"]
        self.not_negating = lexicon["not_negating"]

    def __call__(self, words: Sequence[str]) -> set[str]:
        # This runs for every sentence, so it stays one plain loop.
        features: set[str] = set()
        add = features.add
        previous = START
        mark = ""
        clause_end, negators, not_negating = self.clause_end, self.negators, self.not_negating
        for word in words:
            if word == BREAK:
                previous = START
                mark = ""
                continue
            if word in clause_end:
                mark = ""
            add(mark + word)
            add(mark + previous + " " + word)
            if mark and word in not_negating and previous in negators:
                mark = ""  # "can't stop thinking about…" says more of it, not less
            previous = word
            if word in negators:
                mark = "!"
        return features


class Learned:
    """The weights, read from data/selftalk_weights.json."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.crisis_threshold = float(data["crisis"]["threshold"])
        self.crisis = {str(k): float(v) for k, v in data["crisis"]["weights"].items()}
        self.critical_threshold = float(data["critical"]["threshold"])
        self.critical = {str(k): float(v) for k, v in data["critical"]["weights"].items()}
        categories = {
            str(category): {str(k): float(v) for k, v in profile.items()}
            for category, profile in data["categories"].items()
            if category in CATEGORIES
        }
        # Per feature, its fit with each category (in this order): one lookup per feature.
        self.category_names = tuple(categories)
        self.category_fits: dict[str, tuple[float, ...]] = {
            feature: tuple(profile.get(feature, 0.0) for profile in categories.values())
            for feature in set().union(*categories.values())
        }
        # Every plain word the weights know: English words met in training (for language).
        self.words = frozenset(
            feature
            for feature in chain(self.crisis, self.critical, self.category_fits)
            if " " not in feature and not feature.startswith("!")
        )
        # The features strong enough to speak for a flag (see _passes).
        self.crisis_support = frozenset(k for k, v in self.crisis.items() if v >= SUPPORT)
        self.critical_support = frozenset(k for k, v in self.critical.items() if v >= SUPPORT)

    def is_crisis(self, features: set[str]) -> bool:
        return self._passes(self.crisis, self.crisis_support, self.crisis_threshold, features)

    def is_clearly_crisis(self, features: set[str]) -> bool:
        """Past the crisis threshold by CLEAR_MARGIN: on blind batches, weights-only verdicts
        that far past it were nearly all crisis; nearer it, they were as often possible risk
        or everyday words, so those are asked about."""
        total = math.fsum(map(self.crisis.get, features, repeat(0.0)))
        return total >= self.crisis_threshold + CLEAR_MARGIN

    def is_critical(self, features: set[str]) -> bool:
        return self._passes(self.critical, self.critical_support, self.critical_threshold, features)

    @staticmethod
    def _passes(
        weights: dict[str, float], support: frozenset[str], threshold: float, features: set[str]
    ) -> bool:
        """Enough evidence, from two features or more that name at least two different words:
        one word that happens to lean one way ("letters", "fr") is never enough on its own,
        even though it brings two features (itself, and itself after a break)."""
        # The cheap test first: most sentences have fewer than two features that speak.
        speaking = support.intersection(features)
        if len(speaking) < 2:
            return False
        total = sum(map(weights.get, features, repeat(0.0)))
        if abs(total - threshold) < 1e-6:
            # Too close to call with rounding that depends on the set's (hash-seeded) order:
            # fsum is exact, so the verdict never changes from run to run.
            total = math.fsum(map(weights.get, features, repeat(0.0)))
        if total < threshold:
            return False
        if sum(" " not in feature for feature in speaking) >= 2:
            return True  # two single words, and so two different ones
        words = {word for feature in speaking for word in feature.split(" ") if word != START}
        return len(words) >= 2

    def category(self, features: set[str]) -> str:
        fits = [fit for fit in map(self.category_fits.get, features) if fit is not None]
        best, best_score = "labelling", 0.0
        for name, column in zip(self.category_names, zip(*fits, strict=True), strict=False):
            score = math.fsum(column)
            if score > best_score:
                best, best_score = name, score
        return best
