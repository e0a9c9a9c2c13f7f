"""Stored parts read as they are first needed, shared by the rule index and the weights.

A snapshot keeps the rule masks and the learned weights in buckets by word; a bucket becomes
live data the first time a sentence has a word of it. Reading is locked and a bucket is
marked read only once it is all in: the analyser may be shared between threads (the app
warms it in one), and another thread must never read half a bucket."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence, Set


def restore(target: object, state: Mapping[str, object]) -> None:
    """Unpickle one attribute at a time: pickle's own way fills the instance dict in one go,
    and Python 3.11 then reads each of its attributes 3-4 times slower (the analyser reads
    them for every sentence)."""
    for name, value in state.items():
        setattr(target, name, value)


class LazyBuckets:
    """What the index and the weights share: the pending buckets and how they are read.
    A subclass says how a key names its bucket (``_bucket_of``) and how one is read
    (``_fill``)."""

    _pending: list[bytes | None]
    _waiting: int
    _budget: int
    _lock: threading.Lock
    _bucket_of: Callable[[str], int]
    need_budget = 0  # keys checked one by one before every bucket is read at once

    def _start_buckets(self, buckets: Sequence[bytes]) -> None:
        """None read yet (or, with no buckets, everything already live)."""
        self._pending = list(buckets)
        self._waiting = len(self._pending)
        self._budget = self.need_budget if buckets else 0
        self._lock = threading.Lock()

    def _fill(self, blob: bytes) -> None:
        raise NotImplementedError

    def _need(self, keys: Set[str]) -> None:
        """Read the buckets of these keys, if not read yet. After a few thousand keys (a long
        text, or a long while) read the rest at once: buckets of rare words might never be
        read, and checking every key costs more than they do."""
        self._budget -= len(keys)
        if self._budget < 0:
            self._read_all()
            return
        pending, bucket_of = self._pending, self._bucket_of
        for key in keys:
            number = bucket_of(key)
            if pending[number] is not None:
                self._read(number)
                if not self._waiting:
                    return

    def _read_all(self) -> None:
        for number in range(len(self._pending)):
            if self._pending[number] is not None:
                self._read(number)

    def _read(self, number: int) -> None:
        with self._lock:
            blob = self._pending[number]
            if blob is not None:
                self._fill(blob)
                self._pending[number] = None
                self._waiting -= 1
