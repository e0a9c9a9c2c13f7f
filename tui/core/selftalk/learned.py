"""The learned weights behind the rules (see scripts/train_selftalk_weights.py): they read
wording no rule names yet, and only ever add a verdict the rules would have missed."""

from __future__ import annotations

import marshal
import math
from array import array
from binascii import crc32
from collections.abc import Iterable, Sequence
from itertools import chain, compress, repeat

from .buckets import Blobs, LazyBuckets, restore
from .data import Lexicon
from .model import CATEGORIES
from .tokens import BREAK

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

START = "<s>"
LEARNED_MIN_WORDS = 3
SUPPORT = 0.5  # the weight at which a feature counts as speaking for a flag
CLEAR_MARGIN = 1.5
# How a snapshot stores the weights (see Learned.__getstate__): in buckets by last word, read
# as sentences need them.
BUCKETS = 4096
NEED_BUDGET = 5_000  # features checked one by one before the rest is read at once
PAIRS_LIMIT = 20_000  # pair features remembered (see Features)
_MILLI_ABSENT = -32768  # no weight, in a bucket of thousandths


class _Row(dict[str, str]):
    """The pair features one word starts ("i am", "i was"), by the word after it, each made
    once: a remembered string also keeps its hash, which every set and weight lookup of it
    needs."""

    __slots__ = ("first", "rows")
    first: str
    rows: _Rows

    def __missing__(self, word: str) -> str:
        feature = self[word] = f"{self.first} {word}"
        self.rows.size += 1
        return feature


class _Rows(dict[str, _Row]):
    """Pair features by their first word. Bounded: cleared when full (see Features)."""

    def __init__(self) -> None:
        super().__init__()
        self.size = 0  # pair features remembered, in all rows

    def __missing__(self, first: str) -> _Row:
        row = _Row()
        row.first, row.rows = first, self
        self[first] = row  # only whole: another thread may look it up at once
        return row

    def clear(self) -> None:
        super().clear()
        self.size = 0


_pair_feature = dict.__getitem__  # a row's feature for the next word (its __missing__ if new)


class Features:
    """Each word, and each word with the one before it ("<s>" after a sentence or clause
    break). After a negation, to the end of its clause, both are marked "!": so "I'm not
    good enough" and "I'm good enough" share no feature past "not" (but "can't stop" and
    "can't help" end the mark: what follows them is meant)."""

    def __setstate__(self, state: dict[str, object]) -> None:
        restore(self, state)  # attribute reads stay fast (see buckets.py)
        self.pairs = _Rows()

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        del state["pairs"]  # nothing remembered in a snapshot
        return state

    def __init__(self, lexicon: Lexicon) -> None:
        self.clause_end = lexicon["clause_end"]
        self.negators = lexicon["negators"]
        self.not_negating = lexicon["not_negating"]
        self.pairs = _Rows()

    def __call__(self, words: Sequence[str]) -> set[str]:
        if self.negators.isdisjoint(words):
            # Most sentences: no negation, so nothing is marked; the same features, made in
            # C. After a clause break a word starts afresh, and the break has none. Each pair
            # feature is looked up, not joined anew (see _Row).
            rows = self.pairs
            if rows.size > PAIRS_LIMIT:
                rows.clear()
            if BREAK in words:
                before = [START if word == BREAK else word for word in words]
                kept = list(map(BREAK.__ne__, words))
                firsts: Iterable[str] = compress([START, *before], kept)
                lasts: Iterable[str] = compress(words, kept)
            else:
                firsts, lasts = [START, *words], words
            # One list, then one set: a set grown by update() resizes on the way (a fifth
            # of making the features).
            found = list(map(_pair_feature, map(rows.__getitem__, firsts), lasts))
            found += words
            plain = set(found)
            plain.discard(BREAK)
            return plain
        # A sentence with a negation: one plain loop.
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


def _bucket(feature: str) -> int:
    """Which bucket a feature's weights are stored in: by its last word, so that the words of
    a sentence name every bucket its features need. A checksum, not hash(): the same in every
    process."""
    last = feature.rpartition(" ")[2].lstrip("!")
    return crc32(last.encode("utf-8", "surrogatepass")) % BUCKETS


class Learned(LazyBuckets):
    """The weights, read from data/selftalk_weights.json."""

    need_budget = NEED_BUDGET
    _bucket_of = staticmethod(_bucket)

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
        self._words: frozenset[str] | None = frozenset(
            feature
            for feature in chain(self.crisis, self.critical, self.category_fits)
            if " " not in feature and not feature.startswith("!")
        )
        # The features strong enough to speak for a flag (see _passes).
        self.crisis_support = {k for k, v in self.crisis.items() if v >= SUPPORT}
        self.critical_support = {k for k, v in self.critical.items() if v >= SUPPORT}
        self._start_buckets([])  # all live; a snapshot stores them in buckets (__getstate__)
        self._word_list = ""

    # --- storage: a snapshot keeps the weights compact and reads them as they are needed ------
    #
    # As dicts of strings and floats the weights take ~5.6 MiB, a third of what a fresh process
    # added for its first analysis; a short text needs the weights of a few dozen words. So a
    # snapshot stores them in buckets by each feature's last word, as a few bytes a weight,
    # and a bucket becomes dict entries when a sentence first has a word of it. What is read is
    # exactly what the JSON said: weights in thousandths are stored as integers only when
    # dividing by 1000 gives back the very same float, else as the floats themselves.

    def __getstate__(self) -> dict[str, Any]:
        self._read_all()
        features = sorted(set(self.crisis) | set(self.critical) | set(self.category_fits))
        exact = all(
            _milli(weight) is not None
            for weight in chain(self.crisis.values(), self.critical.values())
        )
        code = "h" if exact else "d"
        absent = _MILLI_ABSENT if exact else math.nan
        groups: list[list[str]] = [[] for _ in range(BUCKETS)]
        for feature in features:
            groups[_bucket(feature)].append(feature)
        buckets = []
        for group in groups:
            crisis = array(code, (_stored(self.crisis.get(f), exact, absent) for f in group))
            critical = array(code, (_stored(self.critical.get(f), exact, absent) for f in group))
            fits = [self.category_fits.get(f) for f in group]
            sparse = tuple(
                (number, column, weight)
                for number, fit in enumerate(fits)
                if fit is not None
                for column, weight in enumerate(fit)
                if weight != 0.0
            )
            fitted = tuple(number for number, fit in enumerate(fits) if fit is not None)
            record = ("\n".join(group), code, crisis.tobytes(), critical.tobytes(), fitted, sparse)
            buckets.append(marshal.dumps(record))
        words = self.words
        return {
            "crisis_threshold": self.crisis_threshold,
            "critical_threshold": self.critical_threshold,
            "category_names": self.category_names,
            "buckets": Blobs(buckets),
            "words": "\n".join(sorted(words)),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.crisis_threshold = state["crisis_threshold"]
        self.critical_threshold = state["critical_threshold"]
        self.category_names = state["category_names"]
        self.crisis = {}
        self.critical = {}
        self.category_fits = {}
        self.crisis_support = set()
        self.critical_support = set()
        self._start_buckets(state["buckets"])
        self._word_list = state["words"]
        self._words = None

    @property
    def words(self) -> frozenset[str]:
        """Every plain word the weights know: English words met in training (for language)."""
        if self._words is None:
            self._words = frozenset(self._word_list.split("\n")) if self._word_list else frozenset()
        return self._words

    def _fill(self, blob: bytes) -> None:
        text, code, crisis_bytes, critical_bytes, fitted, sparse = marshal.loads(blob)
        if not text:
            return
        group = text.split("\n")
        exact = code == "h"
        for weights, support, raw in (
            (self.crisis, self.crisis_support, crisis_bytes),
            (self.critical, self.critical_support, critical_bytes),
        ):
            pairs = zip(group, array(code, raw), strict=True)
            if exact:
                read = [(f, v / 1000) for f, v in pairs if v != _MILLI_ABSENT]
            else:
                read = [(f, v) for f, v in pairs if not math.isnan(v)]
            weights.update(read)
            support.update([feature for feature, weight in read if weight >= SUPPORT])
        width = len(self.category_names)
        columns = {number: [0.0] * width for number in fitted}
        for row, column, weight in sparse:
            columns[row][column] = weight
        for row, fit in columns.items():
            self.category_fits[group[row]] = tuple(fit)

    # --- reading -------------------------------------------------------------------------------

    def is_crisis(self, features: set[str]) -> bool:
        if self._waiting:
            self._need(features)
        return self._passes(self.crisis, self.crisis_support, self.crisis_threshold, features)

    def is_clearly_crisis(self, features: set[str]) -> bool:
        """Past the crisis threshold by CLEAR_MARGIN: on blind batches, weights-only verdicts
        that far past it were nearly all crisis; nearer it, they were as often possible risk
        or everyday words, so those are asked about."""
        if self._waiting:
            self._need(features)
        total = math.fsum(map(self.crisis.get, features, repeat(0.0)))
        return total >= self.crisis_threshold + CLEAR_MARGIN

    def is_critical(self, features: set[str]) -> bool:
        if self._waiting:
            self._need(features)
        return self._passes(self.critical, self.critical_support, self.critical_threshold, features)

    @staticmethod
    def _passes(
        weights: dict[str, float], support: set[str], threshold: float, features: set[str]
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
        if self._waiting:
            self._need(features)
        fits = [fit for fit in map(self.category_fits.get, features) if fit is not None]
        best, best_score = "labelling", 0.0
        for name, column in zip(self.category_names, zip(*fits, strict=True), strict=False):
            score = math.fsum(column)
            if score > best_score:
                best, best_score = name, score
        return best


def _milli(weight: float) -> int | None:
    """``weight`` in thousandths, if that is exactly what it is (and it fits two bytes)."""
    milli = round(weight * 1000)
    if milli / 1000 == weight and -32767 <= milli <= 32767:
        return milli
    return None


def _stored(weight: float | None, exact: bool, absent: float) -> float:
    if weight is None:
        return absent
    if exact:
        milli = _milli(weight)
        assert milli is not None
        return milli
    return weight
