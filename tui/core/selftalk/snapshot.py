"""A ready-built analyser, so a fresh process reads one file instead of parsing ~950 rules.

Building from the TOML files and the weights takes a few hundred milliseconds on a slow
machine; loading this snapshot takes a few tens. The snapshot names what it was built from
(a digest of every data file and of this package's code): when anything differs it is not
used, and the analyser builds from the sources as before, so a stale snapshot can cost time,
never correctness. A test fails while it is stale; rebuild it with
``python -m tui.core.selftalk.snapshot`` (the trainer does so too).

It is a pickle: written by this project's own script and shipped inside the package, so it
is as trusted as the code beside it. It is never read from anywhere else.
"""

from __future__ import annotations

import os
from binascii import crc32

# The unpickler itself, not the pickle module: pickle.py (and struct, which it imports) cost a
# fresh process ~0.3 MiB more, for the writing side only save() needs.
try:
    from _pickle import Unpickler, UnpicklingError
except ImportError:  # an interpreter without the C unpickler
    from pickle import Unpickler, UnpicklingError

from .buckets import Blobs, Shelf, Shelved

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from .analyser import _Built

NAME = "snapshot.pickle"
# Plain os.path, not importlib.resources or pathlib: they cost a fresh process more to import
# than the snapshot saves. The package is always files on disk (a wheel or a checkout).
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_DATA = os.path.join(_PACKAGE, "data")
_CHUNK = 1 << 16
_WEIGHTS = os.path.join(os.path.dirname(_PACKAGE), "data", "selftalk_weights.json")
_RISK = os.path.join(os.path.dirname(_PACKAGE), "data", "selftalk_risk.bin")


def _files(folder: str, suffix: str) -> list[str]:
    return [os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(suffix)]


def fingerprint() -> str:
    """What a snapshot must have been built from: the data files, the weights, the code.

    Each file's name, size and CRC-32, read in chunks: a staleness check, not a defence
    against tampering (the files sit beside the code). Not hashlib: importing it maps
    OpenSSL, 3.7 MiB of a fresh process's memory, and its SHA-256 is no faster here."""
    files = _files(_PACKAGE, ".py") + _files(_DATA, ".toml")
    files += [*_files(os.path.join(_DATA, "rules"), ".toml"), _WEIGHTS, _RISK]
    parts = []
    for path in sorted(files, key=os.path.basename):
        checksum = size = 0
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                checksum = crc32(chunk, checksum)
                size += len(chunk)
        parts.append(f"{os.path.basename(path)}:{size}:{checksum:08x}")
    return "/".join(parts)


def load(expected: str | None = None, path: str | None = None) -> _Built | None:
    """The snapshot, if there is one and it was built from exactly these sources (``path``:
    another file than the package's, for tests)."""
    try:
        with open(path or os.path.join(_DATA, NAME), "rb") as stream:
            stamp = Unpickler(stream).load()
            if stamp != (expected or fingerprint()):
                return None
            size, tables = Unpickler(stream).load()
            shelf = Shelf(os.dup(stream.fileno()), stream.tell() + size)
            unpickler = Unpickler(stream)
            # The buckets follow the pickle (see save): each list of them is a reference.
            made: dict[int, Shelved] = {}  # (one list may be referred to many times)

            def shelved(number: int) -> Shelved:
                found = made.get(number)
                if found is None:
                    found = made[number] = Shelved(shelf, tables[number])
                return found

            unpickler.persistent_load = shelved  # type: ignore[method-assign]
            built: _Built = unpickler.load()
    except (OSError, UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    return built


def share(root: object) -> None:
    """Make equal strings, tuples and frozensets one object throughout ``root``, in place.

    Every data file is read on its own, so the same word is a new string in each word class,
    rule and concept that names it, and the same set of words a new set in each place that
    keeps one. Pickle writes an object once and then refers to it, but only the very same
    object: equal copies are written, and loaded, again and again (~0.3 MiB of strings, as
    many again of sets and tuples). Shared before saving, each is loaded once. Only values
    (strings, tuples, frozensets) are merged: nothing mutable, and nothing whose identity the
    analyser asks about (rules, concepts, arrays); an equal value read elsewhere stays equal."""
    from types import BuiltinFunctionType, FunctionType, MethodType

    code = (type, FunctionType, MethodType, BuiltinFunctionType)  # (code, not data)
    canonical: dict[tuple[type, object], object] = {}
    done: set[int] = set()

    def value(item: object) -> object:
        kind = type(item)
        if isinstance(item, str) and kind is str:
            return canonical.setdefault((str, item), item)
        if isinstance(item, tuple) and kind is tuple:
            item = tuple(value(part) for part in item)
        elif isinstance(item, frozenset) and kind is frozenset:
            item = frozenset(value(part) for part in item)
        else:
            inside(item)
            return item
        try:
            return canonical.setdefault((kind, item), item)
        except TypeError:  # a tuple holding something unhashable
            return item

    def inside(item: object) -> None:
        if id(item) in done or isinstance(item, code):
            return
        done.add(id(item))
        if isinstance(item, dict):
            pairs = [(value(key), value(part)) for key, part in item.items()]
            dict.clear(item)
            dict.update(item, pairs)
        elif isinstance(item, list):
            item[:] = [value(part) for part in item]
        elif isinstance(item, set):
            members = [value(part) for part in item]
            set.clear(item)
            set.update(item, members)
        fields = getattr(item, "__dict__", None)
        if isinstance(fields, dict):
            inside(fields)
        for cls in type(item).__mro__:
            for name in getattr(cls, "__slots__", ()):
                if name not in ("__dict__", "__weakref__") and hasattr(item, name):
                    object.__setattr__(item, name, value(getattr(item, name)))

    inside(root)


def save(built: _Built, path: Path | None = None) -> Path:
    """Write ``built`` slimmed for reading: each rule keeps its source, parsed and compiled on
    first use, and none of what only building needed (pattern trees, expressions, the
    parser's caches); the weights and the index's masks are stored compactly (see
    Learned.__getstate__ and Index.__getstate__)."""
    codes = built.codes
    # Each rule's expression, kept in the file (see Pattern.source_expression): parsing
    # rules again took the first analysis ~0.4 MiB (trees, the parser's caches).
    expressions, texts = [], Blobs()
    for number, pattern in enumerate(built.index.patterns):
        expressions.append(pattern.source_expression(codes).encode("utf-8"))
        # ... and its source and FILE:LINE (see Pattern.source)
        texts.append(f"{pattern.source}\n{pattern.where}".encode())
        pattern.stored = number
        pattern._source = pattern._where = None
        pattern.texts = texts
    codes.expressions = Blobs(expressions)
    for pattern in built.index.patterns:
        pattern.regex = pattern.expression = None
        pattern.node = pattern.context = None
        pattern.trigger = None
        pattern.required = ()
    codes.sources.clear()
    built.grammar.forget()
    built.codes.unknown.clear()
    built.index.chosen.clear()
    built.tokens.clear()
    if built.risk is not None:
        built.risk.forget()
    built._english = None
    # Read only for a text with no finding and no concern: one string until then (~80 KiB of
    # a fresh process as a set).
    built._foreign_text = "\n".join(sorted(built.foreign))
    built._foreign = None
    built._lists_text = "\n".join(" ".join(sorted(words)) for words in built.language_lists)
    built._lists = None
    built._gate = False  # read from its own file when first needed
    share(built)
    import io
    import pickle
    from array import array
    from pathlib import Path

    target = path or Path(_DATA, NAME)
    temporary = target.with_suffix(".tmp")
    # The buckets (rule masks and word weights, ~0.6 MiB: Blobs) go after the pickle, which
    # keeps where each list of them starts: a fresh process reads one when first needed.
    shelved: list[Blobs] = []
    numbers: dict[int, int] = {}  # (one list may be met many times: every rule's texts)

    class Pickler(pickle.Pickler):
        def persistent_id(self, item: object) -> int | None:
            if type(item) is not Blobs:
                return None
            number = numbers.get(id(item))
            if number is None:
                number = numbers[id(item)] = len(shelved)
                shelved.append(item)
            return number

    body = io.BytesIO()
    Pickler(body, protocol=pickle.HIGHEST_PROTOCOL).dump(built)
    tables, start = [], 0
    for blobs in shelved:
        offsets = array("I", [start])
        for blob in blobs:
            assert blob is not None  # every bucket is stored, none read
            start += len(blob)
            offsets.append(start)
        tables.append(offsets)
    with temporary.open("wb") as stream:
        pickle.dump(fingerprint(), stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump((len(body.getbuffer()), tables), stream, protocol=pickle.HIGHEST_PROTOCOL)
        stream.write(body.getbuffer())
        for blobs in shelved:
            for blob in blobs:
                assert blob is not None
                stream.write(blob)
    temporary.replace(target)
    return target


def main() -> None:
    from .analyser import _Built

    print(f"-> {save(_Built(None, learned=True))}")


if __name__ == "__main__":
    main()
