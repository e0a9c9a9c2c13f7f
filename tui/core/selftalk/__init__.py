"""Notice harsh self-talk and crisis language, and say exactly which words and why.

Rule-based on purpose: every flag points at the words that raised it and names the thinking
pattern, so the person can see why and decide for themselves (the app never diagnoses and
never blocks). The rules are data (``data/rules/*.toml``), written as short token patterns
(see pattern.py) over normalised words, so they read like the phrases they catch and can be
reviewed by someone who doesn't write Python; each carries examples that are tests.

What is *not* self-criticism matters as much as what is: kind, negated ("I'm not a failure"),
defused ("I'm having the thought that…", "the critic says…"), reported-past ("I used to call
myself…") and practical ("I should drink some water") sentences are left alone. Crisis
language is the opposite: it is never explained away by negation or defusion, because
missing it costs far more than a gentle pause that wasn't needed.

Performance: the tokeniser is one linear regular expression, each pattern is bounded and
runs as a regular expression over one character a word, and only patterns whose trigger
words occur in a sentence are tried, so the work is linear in the input. The rules are read
on the first call, not at import. No Textual or Rich here.
"""

from __future__ import annotations

from .analyser import Analyser
from .model import CATEGORIES, CONCERNS, Analysis, Finding, hint_for

__all__ = [
    "CATEGORIES",
    "CONCERNS",
    "Analyser",
    "Analysis",
    "Finding",
    "analyse",
    "default_analyser",
    "hint_for",
    "word_features",
]

_DEFAULT = Analyser()


def default_analyser() -> Analyser:
    """The analyser ``analyse`` uses (the app's: rules and learned weights)."""
    return _DEFAULT


def analyse(text: str) -> Analysis:
    """Analyse ``text`` (any length, any characters). Never raises on str input."""
    return _DEFAULT.analyse(text)


def word_features(text: str) -> set[str]:
    """The words and word pairs the learned weights are keyed by."""
    return _DEFAULT.features(text)
