"""The wider net: a small logistic regression over hashed words, word pairs and the letters
inside words, trained by scripts/train_selftalk_weights.py on this repository's labelled
sentences. Its score says how much a sentence reads like the crisis lines it learned from.

Why letters: phrase rules and word weights only know the words they were shown. Pieces of
words (three and four letters, "<ove", "dose", "ose>") carry over to forms nobody wrote yet
("overdosing", "od'ing", "tabs", "pils"), so wording no rule names still leans the right way.
Its middle band is asked about, never paused for (see analyser._concern): asking when unsure
costs one gentle question; missing a cry for help costs far more.

Light on purpose: the weights are one byte each in a flat ``array`` (no numpy at run time),
read from ``data/selftalk_risk.bin``. Scoring is linear, so each word's share (itself and
its letter pieces) is worked out once and remembered; a sentence then costs a lookup a word
and one hash a word pair.
"""

from __future__ import annotations

import json
import zlib
from array import array
from collections.abc import Iterable, Sequence

from .tokens import BREAK

START = "<s>"
GRAMS = (3, 4)  # letter pieces of "<word>"
MEMO_LIMIT = 50_000


def bucket(feature: str, mask: int) -> int:
    """Where a feature's weight lives: CRC-32 (the same in every process, unlike hash())."""
    return zlib.crc32(feature.encode("utf-8")) & mask


def word_features(word: str, mark: str) -> list[str]:
    """A word's own features: the word (marked "!" after a negation) and its letter pieces
    (unmarked: "overdos" means the same after "not")."""
    padded = f"<{word}>"
    found = [f"w {mark}{word}"]
    for size in GRAMS:
        found += [f"c {padded[i : i + size]}" for i in range(len(padded) - size + 1)]
    return found


class Marker:
    """Negation marks, as in learned.Features: after "not" to the end of the clause, words
    are read as negated ("I'm not going to hurt myself"), except after "can't stop"."""

    def __init__(self, negators: Iterable[str], clause_end: Iterable[str], keep: Iterable[str]):
        self.negators = frozenset(negators)
        self.clause_end = frozenset(clause_end)
        self.not_negating = frozenset(keep)

    def walk(self, words: Sequence[str]) -> list[tuple[str, str, str]]:
        """(mark, previous word, word) for each word of the sentence."""
        out = []
        previous, mark = START, ""
        for word in words:
            if word == BREAK:
                previous, mark = START, ""
                continue
            if word in self.clause_end:
                mark = ""
            out.append((mark, previous, word))
            if mark and word in self.not_negating and previous in self.negators:
                mark = ""
            previous = word
            if word in self.negators:
                mark = "!"
        return out

    def features(self, words: Sequence[str]) -> list[str]:
        """Every feature of a sentence (what the trainer learns from; with repeats)."""
        found: list[str] = []
        for mark, previous, word in self.walk(words):
            found += word_features(word, mark)
            found.append(f"p {mark}{previous} {word}")
        return found


class Risk:
    """The hashed weights and the thresholds the trainer chose from out-of-fold scores:
    ``ask`` (the middle band starts), ``clear`` (nearly only crisis lines scored so) and
    ``veto`` (nearly no crisis line scored lower)."""

    __slots__ = (
        "ask",
        "bias",
        "bits",
        "clear",
        "marker",
        "pairs",
        "scale",
        "trained_on",
        "veto",
        "weights",
        "words",
    )

    def __init__(self, header: dict[str, object], blob: bytes, marker: Marker) -> None:
        self.bits = int(str(header["bits"]))
        self.scale = float(str(header["scale"]))
        self.bias = float(str(header["bias"]))
        self.ask = float(str(header["ask"]))
        self.clear = float(str(header["clear"]))
        self.veto = float(str(header["veto"]))
        self.trained_on = str(header["trained_on"])
        weights = array("b")
        weights.frombytes(blob)
        if len(weights) != 1 << self.bits:
            raise ValueError("selftalk_risk.bin: the weights are not the size the header says")
        self.weights = weights
        self.marker = marker
        self.words: dict[str, float] = {}  # (mark + word) -> its share of the score
        self.pairs: dict[str, float] = {}

    @classmethod
    def read(cls, raw: bytes, marker: Marker) -> Risk:
        """The file: one line of JSON (the header), then the weights, a signed byte each."""
        line, _, blob = raw.partition(b"\n")
        return cls(json.loads(line), blob, marker)

    def _sum(self, features: list[str]) -> float:
        weights, mask = self.weights, (1 << self.bits) - 1
        return sum(weights[bucket(feature, mask)] for feature in features) * self.scale

    def score(self, words: Sequence[str]) -> float:
        """The log-odds that the sentence reads like the crisis lines (bias included)."""
        total = self.bias
        memo_words, memo_pairs = self.words, self.pairs
        if len(memo_words) > MEMO_LIMIT or len(memo_pairs) > MEMO_LIMIT:
            memo_words.clear()
            memo_pairs.clear()
        for mark, previous, word in self.marker.walk(words):
            key = mark + word
            share = memo_words.get(key)
            if share is None:
                share = memo_words[key] = self._sum(word_features(word, mark))
            pair = f"p {mark}{previous} {word}"
            weight = memo_pairs.get(pair)
            if weight is None:
                weight = memo_pairs[pair] = self._sum([pair])
            total += share + weight
        return total

    def forget(self) -> None:
        """Drop what was remembered (before the analyser is saved in a snapshot)."""
        self.words.clear()
        self.pairs.clear()
