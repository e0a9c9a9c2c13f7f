"""Stored parts read as they are first needed, shared by the rule index and the weights.

A snapshot keeps the rule masks and the learned weights in buckets by word; a bucket becomes
live data the first time a sentence has a word of it. Reading is locked and a bucket is
marked read only once it is all in: the analyser may be shared between threads (the app
warms it in one), and another thread must never read half a bucket.

In the snapshot file the buckets' bytes are not part of the pickle: they follow it, and a
fresh process reads a bucket from the file when it first needs it (see Shelf), so the ~0.6
MiB of buckets a short text never needs are never in its memory."""

from __future__ import annotations

import marshal
import os
import sys
import threading
import weakref
from array import array
from binascii import crc32
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, Set, ValuesView

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def restore(target: object, state: Mapping[str, object]) -> None:
    """Unpickle one attribute at a time: pickle's own way fills the instance dict in one go,
    and Python 3.11 then reads each of its attributes 3-4 times slower (the analyser reads
    them for every sentence)."""
    for name, value in state.items():
        setattr(target, name, value)


class Blobs(list[bytes | None]):
    """Buckets' bytes, marked so that a snapshot may keep them out of its pickle (see
    snapshot.save): pickled any other way, a plain list."""

    __slots__ = ()


class Shelf:
    """The file a snapshot was loaded from, kept open to read its buckets as they are needed.

    Its descriptor is a duplicate of the one the snapshot was read through, so it reads the
    very file the pickle came from even when a newer snapshot or package has since replaced
    it (replacing makes a new file; this one lives on until closed). Closed when nothing
    refers to it any more."""

    def __init__(self, fd: int, base: int) -> None:
        self.fd = fd
        self.base = base  # where the buckets start in the file
        self._lock = threading.Lock()  # for seek and read, where there is no pread
        weakref.finalize(self, os.close, fd)

    def read(self, start: int, size: int) -> bytes:
        data: bytes
        if _PREAD is not None:
            data = _PREAD(self.fd, size, self.base + start)
        else:
            with self._lock:
                os.lseek(self.fd, self.base + start, os.SEEK_SET)
                data = os.read(self.fd, size)
        if len(data) != size:
            raise OSError(f"the analyser's snapshot ended early ({len(data)} of {size} bytes)")
        return data


_PREAD = getattr(os, "pread", None)


class Shelved:
    """A list of buckets kept in a snapshot's file (see Shelf), as LazyBuckets reads its
    pending list: an unread bucket is False until fetched, a read one None."""

    __slots__ = ("_all", "_offsets", "_read", "shelf")

    def __init__(self, shelf: Shelf, offsets: array[int]) -> None:
        self.shelf = shelf
        self._offsets = offsets  # where each bucket starts (one more: where the last ends)
        self._read = bytearray(len(offsets) - 1)
        self._all: bytes | None = None  # every bucket at once, while reading them all

    def __len__(self) -> int:
        return len(self._read)

    def __getitem__(self, number: int) -> bool | None:
        return None if self._read[number] else False

    def __setitem__(self, number: int, value: None) -> None:
        if value is not None:
            raise TypeError("a shelved bucket can only be marked read")
        self._read[number] = 1

    def fetch(self, number: int) -> bytes:
        start, end = self._offsets[number], self._offsets[number + 1]
        whole = self._all
        if whole is not None:
            first = self._offsets[0]
            return whole[start - first : end - first]
        return self.shelf.read(start, end - start)

    def size(self, number: int) -> int:
        return self._offsets[number + 1] - self._offsets[number]

    def fetch_part(self, number: int, start: int, size: int) -> bytes:
        """Bytes ``start`` to ``start + size`` of one bucket."""
        first = self._offsets[number] + start
        if first + size > self._offsets[number + 1]:
            raise ValueError("past the end of the bucket")
        return self.shelf.read(first, size)

    def fetch_all(self, reading: bool) -> None:
        """Keep every bucket in memory while they are all read (one read, not hundreds)."""
        if reading:
            first = self._offsets[0]
            self._all = self.shelf.read(first, self._offsets[-1] - first)
        else:
            self._all = None

    def contents(self) -> list[bytes | None]:
        """Every bucket's bytes (None for one read already)."""
        return [None if self._read[n] else self.fetch(n) for n in range(len(self))]

    def __reduce__(self) -> tuple[type[Blobs], tuple[list[bytes | None]]]:
        """Pickled again (not by snapshot.save, which reads every bucket first): as the
        buckets themselves."""
        return Blobs, (self.contents(),)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Shelved):
            other = other.contents()
        return isinstance(other, list) and self.contents() == other

    __hash__ = None  # type: ignore[assignment]


def blob_at(blobs: Blobs | Shelved, number: int) -> bytes:
    """One of these buckets' bytes (read from the file, if shelved)."""
    if isinstance(blobs, Shelved):
        return blobs.fetch(number)
    blob = blobs[number]
    if blob is None:
        raise ValueError(f"bucket {number} was read already")
    return blob


class LazyBuckets:
    """What the index and the weights share: the pending buckets and how they are read.
    A subclass says how a key names its bucket (``_bucket_of``) and how one is read
    (``_fill``)."""

    _pending: Blobs | Shelved
    _waiting: int
    _budget: int
    _lock: threading.Lock
    _bucket_of: Callable[[str], int]
    need_budget = 0  # keys checked one by one before every bucket is read at once

    def _start_buckets(self, buckets: list[bytes] | Shelved) -> None:
        """None read yet (or, with no buckets, everything already live)."""
        self._pending = buckets if isinstance(buckets, Shelved) else Blobs(buckets)
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
        pending = self._pending
        shelved = pending if isinstance(pending, Shelved) else None
        if shelved is not None and self._waiting:
            shelved.fetch_all(True)
        try:
            for number in range(len(pending)):
                if pending[number] is not None:
                    self._read(number)
        finally:
            if shelved is not None:
                shelved.fetch_all(False)

    def _read(self, number: int) -> None:
        with self._lock:
            pending = self._pending
            blob = pending[number]
            if blob is not None:
                if isinstance(pending, Shelved):
                    blob = pending.fetch(number)
                assert isinstance(blob, bytes)
                self._fill(blob)
                pending[number] = None
                self._waiting -= 1


TABLE_BUCKETS = 512


def table_bucket(key: str) -> int:
    """A checksum, not hash(): the same in every process."""
    return crc32(key.encode("utf-8", "surrogatepass")) % TABLE_BUCKETS


def table_blobs(table: Mapping[str, object]) -> Blobs:
    """A table stored as a snapshot keeps it (see LazyTable): its entries in buckets by key,
    then the whole table in one piece (read instead when a text needs many buckets)."""
    # Interned, a string is written as such and read back as the one interned string: the
    # same word or concept in many buckets is then one string however many are read.
    table = {sys.intern(key): _interned(value) for key, value in table.items()}
    groups: list[dict[str, object]] = [{} for _ in range(TABLE_BUCKETS)]
    for key in sorted(table):
        groups[table_bucket(key)][key] = table[key]
    return Blobs([*map(marshal.dumps, groups), marshal.dumps(table)])


def _interned(value: object) -> object:
    """``value`` with every string in it interned (strings, ints, None, tuples, frozensets
    and dicts of them)."""
    if type(value) is str:
        return sys.intern(value)
    if type(value) is tuple:
        return tuple(map(_interned, value))
    if type(value) is frozenset:
        return frozenset(map(_interned, value))
    if type(value) is dict:
        return {_interned(key): _interned(part) for key, part in value.items()}
    if value is None or type(value) in (int, bool):
        return value
    raise TypeError(f"a table of {type(value).__name__} cannot be stored in buckets")


class LazyTable(dict[str, "Any"]):
    """A table read from a snapshot a bucket at a time, as its keys are first looked up
    (``table[key]``; ``get`` and ``in`` answer from ``keys``, the table's keys, without
    reading): a short text needs the entries of a few of its words. After ``budget``
    buckets the whole table is read in one piece. Equal to the table it was stored from;
    iterating it reads it all.

    Its values are made anew from bytes (marshal keeps the sharing within a bucket, not
    between buckets): a process that reads it all reads the whole table's one piece, not the
    buckets, so it keeps no more than the table itself."""

    def __init__(self, keys: frozenset[str], blobs: Blobs | Shelved, budget: int) -> None:
        super().__init__()
        self.keys_ = keys
        self._blobs = blobs
        self._budget = budget
        self._done = not keys
        self._read = bytearray(TABLE_BUCKETS)
        self._lock = threading.Lock()

    def __missing__(self, key: str) -> Any:
        if key not in self.keys_:
            raise KeyError(key)
        with self._lock:
            # Another thread may have read its bucket (or everything) meanwhile: an entry is
            # in the table only whole, and a bucket is marked read once all of it is in.
            number = table_bucket(key)
            if not self._done and not self._read[number]:
                self._budget -= 1
                if self._budget < 0:
                    self._read_all()
                else:
                    self.update(marshal.loads(self._fetch(number)))
                    self._read[number] = 1
        return dict.__getitem__(self, key)

    def _fetch(self, number: int) -> bytes:
        blobs = self._blobs
        if isinstance(blobs, Shelved):
            return blobs.fetch(number)
        blob = blobs[number]
        assert isinstance(blob, bytes)
        return blob

    def _read_all(self) -> None:
        """(Under the lock.) Every entry from the whole table's piece; entries already read
        are replaced by equal ones, each whole (another thread sees one or the other)."""
        self.update(marshal.loads(self._fetch(TABLE_BUCKETS)))
        self._done = True
        self._blobs = Blobs()

    def everything(self) -> dict[str, Any]:
        if not self._done:
            with self._lock:
                if not self._done:
                    self._read_all()
        return dict(dict.items(self))

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self.keys_ else default

    def __contains__(self, key: object) -> bool:
        return key in self.keys_

    def __len__(self) -> int:
        return len(self.keys_)

    def __iter__(self) -> Iterator[str]:
        return iter(self.everything())

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return self.everything().keys()

    def values(self) -> ValuesView[Any]:  # type: ignore[override]
        return self.everything().values()

    def items(self) -> ItemsView[str, Any]:  # type: ignore[override]
        return self.everything().items()

    def __eq__(self, other: object) -> bool:
        return self.everything() == other

    __hash__ = None

    def __reduce__(self) -> tuple[type[dict[str, Any]], tuple[dict[str, Any]]]:
        return dict, (self.everything(),)


PAGE_BITS = 7  # 128 weights a page: a sentence's hashed features fall on ~100 of them
PAGE_BUDGET = 256  # pages read one at a time before all of them are read at once


class Paged:
    """Weights of hashed features (signed bytes, any of which a new word may ask for) read
    from a file a page at a time as they are asked for, then, after ``budget`` pages, all at
    once: a fresh process that reads a short text reads a few dozen pages of ~0.45 MiB.

    Once all are read, each holder (an object whose ``weights`` is this) is given the plain
    array, so a long text reads them in C as before."""

    __slots__ = ("_budget", "_lock", "_pages", "_read", "_size", "_start", "holders", "whole")

    def __init__(
        self, read: Callable[[int, int], bytes], start: int, size: int, budget: int = PAGE_BUDGET
    ) -> None:
        self._read, self._start, self._size, self._budget = read, start, size, budget
        self._pages: dict[int, array[int]] = {}
        self._lock = threading.Lock()
        self.whole: array[int] | None = None
        self.holders: list[object] = []

    def __len__(self) -> int:
        return self._size

    def part(self, start: int, size: int) -> Paged:
        """Weights ``start`` to ``start + size`` of these, read the same way (not yet read)."""
        return Paged(self._read, self._start + start, size, self._budget)

    def __getitem__(self, index: int) -> int:
        whole = self.whole
        if whole is not None:
            return whole[index]
        if not 0 <= index < self._size:
            raise IndexError("weight index out of range")
        page = self._pages.get(index >> PAGE_BITS)
        if page is None:
            page = self._page(index >> PAGE_BITS)
        return page[index & ((1 << PAGE_BITS) - 1)]

    def _page(self, number: int) -> array[int]:
        with self._lock:
            whole = self.whole
            if whole is not None:  # (another thread read them all meanwhile)
                return whole[number << PAGE_BITS : (number + 1) << PAGE_BITS]
            page = self._pages.get(number)
            if page is not None:
                return page
            self._budget -= 1
            if self._budget < 0:
                return self.everything()[number << PAGE_BITS : (number + 1) << PAGE_BITS]
            first = number << PAGE_BITS
            page = array(
                "b", self._read(self._start + first, min(1 << PAGE_BITS, self._size - first))
            )
            self._pages[number] = page
            return page

    def everything(self) -> array[int]:
        """Every weight, as the plain array (read now if not yet), given to each holder."""
        whole = self.whole
        if whole is None:
            whole = array("b", self._read(self._start, self._size))
            for holder in self.holders:
                holder.weights = whole  # type: ignore[attr-defined]
            self.whole = whole
            self._pages = {}
        return whole

    def __iter__(self) -> Iterator[int]:
        return iter(self.everything())

    def tolist(self) -> list[int]:
        return self.everything().tolist()

    def __reduce__(self) -> tuple[type[array[int]], tuple[str, bytes]]:
        return array, ("b", self.everything().tobytes())
