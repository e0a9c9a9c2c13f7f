"""A second opinion on self-criticism that only the word weights heard: a small logistic
regression over hashed words, word pairs and four-letter pieces of words, trained by
scripts/train_selftalk_critic.py on single sentences AND on every sentence of the journal
answers in the blind batches.

Why: the word weights (learned.py) learned from lines that were each one verdict, so in a
journal answer they read plain everyday sentences ("Forgot the barometer reading.", "Lost
keys twice today.", "Dipped the sheep, checked the boreholes.") as self-criticism, because
harsh lines so often begin that way. This model also saw those sentences told calmly, so a
flag the weights alone raise stands only when it agrees. The rules' own findings never go
through here: they name the words that make them.

Its second head, ``own``, reads a whole text that has findings: whether the harsh words in it
are the writer's own verdict on themselves, or an old thought quoted to answer it ("Old
belief: I'm a failure. New belief: ...") or criticism of someone else ("Ignorant, lazy
woman."). It learned from those three kinds of answer only, so it leans on what tells them
apart (frames, who is named, what follows), not on the harsh words all three share. Below
its threshold the text's findings are dropped (see Analyser.analyse).

Light on purpose: one signed byte a weight in a flat ``array`` (no numpy at run time), read
from ``tui/core/data/selftalk_critic.bin`` the first time a text has findings or the weights
alone would flag a sentence (most texts never need it).
"""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Sequence

# The same features as the wider net's, hashed the same way (the trainer imports them here).
from .buckets import Paged, Shelf
from .hashed import START, bucket, features
from .hashed import word_features as _word_features

__all__ = ["FILE", "OWN_MAX_SENTENCES", "Gate", "bucket", "features"]

# The own head judges answers the length of those it learned from (one to five sentences;
# journal answers run two to six): a longer text (a pasted page) is read as before, and
# costs nothing more (scoring every sentence of 100 KB took a tenth more time).
OWN_MAX_SENTENCES = 8

MEMO_LIMIT = 20_000  # words and pairs remembered with their share of the score
PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
FILE = os.path.join(PATH, "selftalk_critic.bin")


class _Shares(dict[str, int]):
    """Each word's share (itself and its letter pieces), on first sight."""

    __slots__ = ("gate",)

    def __init__(self, gate: Gate) -> None:
        super().__init__()
        self.gate = gate

    def __missing__(self, word: str) -> int:
        share = self[word] = self.gate._sum(_word_features(word))
        return share


class _PairRow(dict[str, int]):
    """The shares of the pairs one word starts, by the word after it, on first sight."""

    __slots__ = ("first", "rows")

    def __init__(self, first: str, rows: _PairRows) -> None:
        super().__init__()
        self.first, self.rows = first, rows

    def __missing__(self, word: str) -> int:
        rows = self.rows
        share = self[word] = rows.gate._sum([f"p {self.first} {word}"])
        rows.size += 1
        return share


class _PairRows(dict[str, _PairRow]):
    """Each pair's share, as a row for its first word: two small lookups a pair cost less
    than one keyed by a tuple (made and hashed afresh for every pair of every sentence)."""

    def __init__(self, gate: Gate) -> None:
        super().__init__()
        self.gate = gate
        self.size = 0  # pairs remembered, in all rows

    def __missing__(self, first: str) -> _PairRow:
        row = self[first] = _PairRow(first, self)
        return row

    def clear(self) -> None:
        super().clear()
        self.size = 0


_pair_share = dict.__getitem__  # a row's share for the next word (its __missing__ if new)


class Gate:
    """The weights and the threshold the trainer chose out of fold: at or above it, a
    sentence reads like the self-critical lines it learned from."""

    def __init__(self, header: dict[str, object], weights: array[int] | memoryview | Paged) -> None:
        """``weights``: the sentence head's, then the own head's when the header has one."""
        self.bits = int(str(header["bits"]))
        self.scale = float(str(header["scale"]))
        self.bias = float(str(header["bias"]))
        self.threshold = float(str(header["threshold"]))
        # The band where the gate speaks alone (see Gate.alone_hears), and for the own head,
        # how sure it must be of a text only that band flagged: None in a file without them.
        alone = header.get("alone")
        self.alone: float | None = None if alone is None else float(str(alone))
        self.trained_on = str(header["trained_on"])
        self.sources = str(header.get("sources", ""))  # see the trainer's sources_digest
        size = 1 << self.bits
        own = header.get("own")
        if len(weights) != (size if own is None else 2 * size):
            raise ValueError("selftalk_critic.bin: the weights are not the size the header says")
        self.weights = weights.part(0, size) if isinstance(weights, Paged) else weights[:size]
        if isinstance(self.weights, Paged):
            self.weights.holders.append(self)
        self.mask = size - 1
        self._shares = _Shares(self)
        self._pairs = _PairRows(self)
        # The own head (see the module's docstring): None in a file without it.
        self.own: Gate | None = None
        if isinstance(own, dict):
            rest = weights.part(size, size) if isinstance(weights, Paged) else weights[size:]
            self.own = Gate({**own, "bits": self.bits, "trained_on": ""}, rest)

    @classmethod
    def read(cls, raw: bytes) -> Gate:
        """The file: one line of JSON (the header), then the weights, a signed byte each."""
        line, _, blob = raw.partition(b"\n")
        weights = array("b")
        weights.frombytes(blob)
        return cls(json.loads(line), weights)

    @classmethod
    def load(cls) -> Gate | None:
        """The shipped gate, or None when the file is missing (then the weights speak alone,
        as before it existed). The weights go straight from the file into the array."""
        try:
            with open(FILE, "rb", buffering=0) as stream:
                header = json.loads(stream.readline())
                size = (2 if "own" in header else 1) << int(str(header["bits"]))
                start = stream.tell()
                if os.fstat(stream.fileno()).st_size - start != size:
                    return None
                # Read a page at a time as sentences ask (see buckets.Paged): a short text
                # needs a few dozen pages of the 128 KiB.
                shelf = Shelf(os.dup(stream.fileno()), start)
        except (OSError, ValueError, KeyError):
            return None
        return cls(header, Paged(shelf.read, 0, size))

    def score(self, words: Sequence[str]) -> float:
        """The log-odds that the sentence is self-criticism (bias included): the same sum as
        over ``features(words)``, by each word's share (itself and its letter pieces) and
        each pair's, remembered (bounded), so a sentence costs a few lookups a word."""
        shares, rows = self._shares, self._pairs
        if len(shares) > MEMO_LIMIT or rows.size > MEMO_LIMIT:
            shares.clear()
            rows.clear()
        # Whole numbers, so the order of the sums can't change them: each word's share, then
        # each pair's, its row found by the word before it, in C (map also looks up the last
        # word's row before it sees the words run out: at most an empty row).
        total = sum(map(shares.__getitem__, words)) + sum(
            map(_pair_share, map(rows.__getitem__, [START, *words]), words)
        )
        return self.bias + total * self.scale

    def _sum(self, found: list[str]) -> int:
        weights, mask = self.weights, self.mask
        return sum(weights[bucket(feature, mask)] for feature in found)

    def agrees(self, words: Sequence[str]) -> bool:
        return self.score(words) >= self.threshold

    def alone_hears(self, words: Sequence[str]) -> bool:
        """Whether the sentence reads like self-criticism so plainly that the gate flags it
        though neither a rule nor the word weights do: "I'm a proper dodderer, left the gate
        open again". The word weights learned from the labelled cases alone; the gate has
        also read every blind batch, in their many Englishes, so it hears self-labels they
        never saw. Its band is chosen out of batch, well above ``threshold``."""
        return self.alone is not None and self.score(words) >= self.alone

    def share(self, words: Sequence[str]) -> float:
        """A sentence's part of a text's score (no bias): the own head adds its sentences'."""
        return self.score(words) - self.bias
