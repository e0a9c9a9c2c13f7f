"""The wider net: a small logistic regression over hashed words, word pairs and the letters
inside words, trained by scripts/train_selftalk_weights.py on this repository's labelled
sentences. Its score says how much a sentence reads like the crisis lines it learned from.

Why letters: phrase rules and word weights only know the words they were shown. Pieces of
words (four letters: "<ove", "dose", "ose>") carry over to forms nobody wrote yet
("overdosing", "od'ing", "tabs", "pils"), so wording no rule names still leans the right way.
Its middle band is asked about, never paused for (see analyser._concern): asking when unsure
costs one gentle question; missing a cry for help costs far more.

Light on purpose: the weights are one byte each in a flat ``array`` (no numpy at run time),
read from ``data/selftalk_risk.bin``. Scoring is linear, so each word's share (itself and
its letter pieces) and each word pair's is worked out once and remembered (bounded); a
sentence then costs two dictionary lookups a word, in C.
"""

from __future__ import annotations

import json
import re
from array import array

# binascii's CRC-32 is zlib's (the same checksum, the same numbers): binascii is loaded
# anyway, zlib would map another library into a fresh process (~0.1 MiB).
from binascii import crc32
from collections.abc import Sequence
from itertools import chain, pairwise
from math import log  # (loaded anyway by the analyser)

from .buckets import Blobs, Paged, Shelved, restore
from .tokens import BREAK, clauses

START = "<s>"
GRAMS = (4,)  # letter pieces of "<word>" (three and four read no better, at twice the cost)
MEMO_LIMIT = 20_000
_row_weight = dict.__getitem__  # a row's weight for the next word (its __missing__ on first sight)


# Emoji that carry a plain meaning, read by the net as that word ("💊💊 + 🍷 tonight. 👋"):
# the tokeniser drops them, and texts told mostly in emoji then read as "tonight". Only emoji
# whose everyday meaning is the word: not 💀 or 🔥, which mean "I'm dead (laughing)" and "great".
EMOJI = {
    "💊": "pills",
    "💉": "needle",
    "🔪": "knife",
    "🗡": "blade",
    "🪒": "razor",
    "🔫": "gun",
    "🪢": "rope",
    "🩸": "blood",
    "🌉": "bridge",
    "🌊": "sea",
    "🚆": "train",
    "🚂": "train",
    "🚄": "train",
    "🚇": "train",
    "🛤": "railway",
    "🏢": "building",
    "🪜": "ladder",
    "⚰": "coffin",
    "🪦": "grave",
    "👋": "goodbye",
    "💔": "heartbroken",
    "🍷": "wine",
    "🍺": "beer",
    "🥃": "whisky",
    "🍾": "bottle",
    "🚗": "car",
    "🔑": "keys",
    "🕛": "midnight",
    "🌙": "night",
    "📝": "note",
    "✉": "letter",
    "💌": "letter",
    "✔": "done",
    "✅": "done",
    "😭": "crying",
    "😢": "crying",
    "🏥": "hospital",
    "🚑": "ambulance",
    "🛁": "bath",
    "🚪": "door",
    "🔒": "locked",
    "🌳": "tree",
    "🏠": "home",
    "🛏": "bed",
    "😴": "sleep",
    "💤": "sleep",
    "❤": "love",
    "🙏": "please",
}
_EMOJI_WORDS = str.maketrans({mark: f" {word} " for mark, word in EMOJI.items()})
_EMOJI_FIND = re.compile("|".join(map(re.escape, EMOJI)))


def emoji_words(low: str) -> str | None:
    """``low`` with its emoji as words (see EMOJI), or None when it has none: most sentences
    cost one C call (``isascii``)."""
    if low.isascii() or _EMOJI_FIND.search(low) is None:
        return None
    return low.translate(_EMOJI_WORDS)


CLAUSE_MIN = 3  # words a clause needs to be read on its own (see windows)


def windows(words: Sequence[str]) -> list[list[str]]:
    """A sentence's clauses of CLAUSE_MIN words or more, each alone and each two side by side,
    when it has more than one: "Finished the hem, labelled every order, and the big shears are
    on the bench for when the shop's shut." buries its crisis clause in everyday ones, whose
    words pull a whole-sentence score down (see Risk.best_window)."""
    if BREAK not in words:
        return []
    kept = [clause for clause in clauses(words) if len(clause) >= CLAUSE_MIN]
    if len(kept) < 2:
        return []
    found = [list(clause) for clause in kept]
    found += [[*first, BREAK, *second] for first, second in pairwise(kept)]
    return found


def length_factor(norm: str | None, at: float, size: int) -> float:
    """What a sentence's summed weights are multiplied by, for its length in words (``size``,
    clause breaks counted): 1 for a plain sum (``norm`` None); ``at / size`` for the mean
    ("mean"), ``(at / size) ** 0.5`` ("sqrt"). ``at`` is the length at which the factor is 1,
    so the weights keep about the size (and the L2 penalty the strength) of the plain sum's.
    Why: a plain sum reads a long sentence as riskier whatever its words (understated crisis
    lines are long), and the net learned filler words as their carrier (session 17)."""
    if norm is None:
        return 1.0
    ratio = at / max(size, 1)
    return ratio if norm == "mean" else ratio**0.5


def bucket(feature: str, mask: int) -> int:
    """Where a feature's weight lives: CRC-32 (the same in every process, unlike hash())."""
    return crc32(feature.encode("utf-8")) & mask


def word_features(word: str) -> list[str]:
    """A word's own features: the word and its letter pieces (none for a clause break)."""
    if word == BREAK:
        return [f"w {word}"]
    padded = f"<{word}>"
    found = [f"w {word}"]
    for size in GRAMS:
        found += [f"c {padded[i : i + size]}" for i in range(len(padded) - size + 1)]
    return found


def features(words: Sequence[str]) -> list[str]:
    """Every feature of a sentence (what the trainer learns from; with repeats): each word,
    its letter pieces, and each word with the one before it. No negation marks: crisis words
    are never explained away by "not" here either, and leaving them out keeps the run-time
    sum two loops in C (see Risk.score)."""
    found: list[str] = []
    for word in words:
        found += word_features(word)
    found += [f"p {a} {b}" for a, b in zip(chain((START,), words), words, strict=False)]
    return found


class _Words(dict[str, float]):
    """Each word's share of the score (itself and its letter pieces), on first sight. One
    frame a new word: this is the cost of text nobody wrote before."""

    def __init__(self, weights: array[int] | Paged, mask: int, scale: float) -> None:
        super().__init__()
        self.weights, self.mask, self.scale = weights, mask, scale

    def __missing__(self, word: str) -> float:
        weights, mask, crc = self.weights, self.mask, crc32
        total = weights[crc(f"w {word}".encode()) & mask]
        if word != BREAK:
            padded = f"<{word}>"
            for size in GRAMS:
                for i in range(len(padded) - size + 1):
                    total += weights[crc(f"c {padded[i : i + size]}".encode()) & mask]
        value = self[word] = total * self.scale
        return value


class _Row(dict[str, float]):
    """The weights of the pairs one word starts, by the word after it, on first sight."""

    __slots__ = ("first", "rows")

    def __init__(self, first: str, rows: _Rows) -> None:
        super().__init__()
        self.first, self.rows = first, rows

    def __missing__(self, word: str) -> float:
        rows = self.rows
        key = f"p {self.first} {word}".encode()
        value = self[word] = rows.weights[crc32(key) & rows.mask] * rows.scale
        rows.size += 1
        return value


class _Rows(dict[str, _Row]):
    """Each word pair's weight, as a row for its first word: two small lookups a pair cost
    less than one keyed by a tuple (hashed afresh for every pair of every sentence)."""

    def __init__(self, weights: array[int] | Paged, mask: int, scale: float) -> None:
        super().__init__()
        self.weights, self.mask, self.scale = weights, mask, scale
        self.size = 0  # pairs remembered, in all rows

    def __missing__(self, first: str) -> _Row:
        row = self[first] = _Row(first, self)
        return row

    def clear(self) -> None:
        super().clear()
        self.size = 0


def _plain(weights: array[int] | Paged) -> array[int]:
    return weights.everything() if isinstance(weights, Paged) else weights


def _stored_weights(stored: object) -> array[int] | Paged:
    """Weights saved by __getstate__: from a snapshot's file a page at a time (see Paged),
    or, pickled any other way, the array itself."""
    if isinstance(stored, Shelved):
        size = stored.size(0)
        return Paged(lambda start, length: stored.fetch_part(0, start, length), 0, size)
    if isinstance(stored, Blobs) and isinstance(stored[0], bytes):
        return array("b", stored[0])
    raise ValueError("stored weights of an unknown kind")


class Risk:
    """The hashed weights and the bands the trainer chose from out-of-fold scores (see
    scripts/selftalk_net.py): ``ask`` (asked about), ``sure`` (crisis when another layer sees
    possible risk too), ``alone`` (crisis on the net's word alone), ``veto`` (nearly no
    crisis line scored lower). Files without ``sure`` or ``alone`` (older ones) never give a
    crisis verdict. ``back``: the recovery head (whether crisis words look back), or None."""

    def __getstate__(self) -> dict[str, object]:
        """For the snapshot: the weights as bytes it keeps in its file (see _stored_weights),
        the memos made again when loaded."""
        state = dict(self.__dict__)
        del state["words"], state["pairs"]
        state["weights"] = Blobs([bytes(_plain(self.weights))])
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        restore(self, state)  # attribute reads stay fast (see buckets.py)
        self.weights = weights = _stored_weights(state["weights"])
        mask = (1 << self.bits) - 1
        self.words = _Words(weights, mask, self.scale)
        self.pairs = _Rows(weights, mask, self.scale)
        if isinstance(weights, Paged):
            weights.holders += [self, self.words, self.pairs]

    def __init__(self, header: dict[str, object], blob: bytes) -> None:
        self.bits = int(str(header["bits"]))
        self.scale = float(str(header["scale"]))
        self.bias = float(str(header["bias"]))
        self.ask = float(str(header["ask"]))
        never = float("inf")
        # A text of one sentence is asked about from here (never above ``ask``).
        self.single = min(self.ask, float(str(header.get("single", self.ask))))
        self.sure = float(str(header.get("sure", never)))
        self.alone = float(str(header.get("alone", never)))
        self.veto = float(str(header["veto"]))
        # Under it the word weights' lean near their threshold is let go (older files: never).
        self.quiet = float(str(header.get("quiet", -never)))
        # The single band was chosen on clause windows: a text of one sentence is read so.
        self.windows = header.get("windows") is True
        self.trained_on = str(header["trained_on"])
        # Its training lines as the tokeniser read them (selftalk_net.read_digest): older
        # files, none.
        self.read_as = str(header.get("read_as", ""))
        # How the sum is read for a sentence's length (see length_factor): older files, a
        # plain sum.
        norm = header.get("norm")
        self.norm = str(norm) if norm is not None else None
        self.norm_at = float(str(header.get("norm_at", 1.0)))
        # A length term: its weight times log(words / norm_at), learned with the rest (older
        # files: none).
        self.length = float(str(header.get("length", 0.0)))
        size = 1 << self.bits
        weights = array("b")
        weights.frombytes(blob[:size])
        if len(weights) != size:
            raise ValueError("selftalk_risk.bin: the weights are not the size the header says")
        self.weights = weights
        mask = size - 1
        self.words = _Words(weights, mask, self.scale)
        self.pairs = _Rows(weights, mask, self.scale)
        back = header.get("back")
        self.back: Back | None = None
        if isinstance(back, dict):
            self.back = Back(back, blob[size:])
        elif len(blob) != size:
            raise ValueError("selftalk_risk.bin: the weights are not the size the header says")

    @classmethod
    def read(cls, raw: bytes) -> Risk:
        """The file: one line of JSON (the header), then the weights, a signed byte each."""
        line, _, blob = raw.partition(b"\n")
        return cls(json.loads(line), blob)

    def score(self, words: Sequence[str]) -> float:
        """The log-odds that the sentence reads like the crisis lines (bias included)."""
        words_memo, rows = self.words, self.pairs
        if len(words_memo) > MEMO_LIMIT or rows.size > MEMO_LIMIT:
            words_memo.clear()
            rows.clear()
        # The same sums in the same order as ever: each word's share, then each pair's
        # weight, its row found by the word before it (map also looks up the last word's row
        # before it sees the words run out: one lookup, and at most an empty row).
        # (The words before, as a list: map reads a list faster than a chain.)
        own = sum(map(words_memo.__getitem__, words))
        pairs = sum(map(_row_weight, map(rows.__getitem__, [START, *words]), words))
        if self.norm is None and not self.length:
            return self.bias + own + pairs
        size = max(len(words), 1)
        return (
            self.bias
            + (own + pairs) * length_factor(self.norm, self.norm_at, size)
            + self.length * log(size / self.norm_at)
        )

    def best_window(self, words: Sequence[str]) -> float:
        """The most crisis-like of the sentence's clause windows (see windows), or the whole
        sentence's score when it has none: read for a text of one sentence only (its
        ``single`` band was chosen on these scores)."""
        return max([self.score(words), *map(self.score, windows(words))])

    def forget(self) -> None:
        """Drop what was remembered (before the analyser is saved in a snapshot)."""
        self.words.clear()
        self.pairs.clear()
        if self.back is not None:
            self.back.forget()


class Back:
    """The recovery head: recovery lines against crisis lines. Read only where crisis words
    are, over a window of sentences: linear, so the window's score is the bias plus each
    sentence's ``share``. ``start``: from here crisis words read as looking back."""

    __getstate__ = Risk.__getstate__
    __setstate__ = Risk.__setstate__

    def __init__(self, header: dict[str, object], blob: bytes) -> None:
        self.bits = int(str(header["bits"]))
        self.scale = float(str(header["scale"]))
        self.bias = float(str(header["bias"]))
        self.start = float(str(header["from"]))
        weights = array("b")
        weights.frombytes(blob)
        if len(weights) != 1 << self.bits:
            raise ValueError("selftalk_risk.bin: the recovery weights are not the size expected")
        self.weights = weights
        mask = (1 << self.bits) - 1
        self.words = _Words(weights, mask, self.scale)
        self.pairs = _Rows(weights, mask, self.scale)

    def share(self, words: Sequence[str]) -> float:
        """One sentence's part of a window's score (no bias)."""
        words_memo, rows = self.words, self.pairs
        if len(words_memo) > MEMO_LIMIT or rows.size > MEMO_LIMIT:
            self.forget()
        return sum(map(words_memo.__getitem__, words)) + sum(
            map(_row_weight, map(rows.__getitem__, [START, *words]), words)
        )

    def forget(self) -> None:
        self.words.clear()
        self.pairs.clear()
