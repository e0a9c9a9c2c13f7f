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

import hashlib
import pickle
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analyser import _Built

NAME = "snapshot.pickle"


def _package() -> Traversable:
    return resources.files(__package__)


def fingerprint() -> str:
    """What a snapshot must have been built from: the data files, the weights, the code."""
    package = _package()
    digest = hashlib.sha256()
    files: list[Traversable] = [entry for entry in package.iterdir() if entry.name.endswith(".py")]
    data = package.joinpath("data")
    files += [entry for entry in data.iterdir() if entry.name.endswith(".toml")]
    files += [entry for entry in data.joinpath("rules").iterdir() if entry.name.endswith(".toml")]
    files.append(resources.files("tui.core").joinpath("data/selftalk_weights.json"))
    for file in sorted(files, key=lambda entry: entry.name):
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:32]


def load(expected: str | None = None) -> _Built | None:
    """The snapshot, if there is one and it was built from exactly these sources."""
    file = _package().joinpath("data", NAME)
    try:
        with file.open("rb") as stream:
            stamp = pickle.load(stream)
            if stamp != (expected or fingerprint()):
                return None
            built: _Built = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return built


def save(built: _Built, path: Path | None = None) -> Path:
    """Write ``built`` slimmed for reading: each rule keeps its regular expression's source
    (compiled on first use) and none of what only building needed (pattern trees, the
    parser's caches)."""
    codes = built.codes
    for pattern in built.index.patterns:
        pattern.source_expression(codes)
        pattern.regex = None
        pattern.node = pattern.context = None
        pattern.trigger = None
        pattern.required = ()
    codes.sources.clear()
    built.grammar.forget()
    built.codes.unknown.clear()
    built.index.chosen.clear()
    built.tokens.clear()
    target = path or Path(str(_package().joinpath("data", NAME)))
    temporary = target.with_suffix(".tmp")
    with temporary.open("wb") as stream:
        pickle.dump(fingerprint(), stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(built, stream, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(target)
    return target


def main() -> None:
    from .analyser import _Built

    print(f"-> {save(_Built(None, learned=True))}")


if __name__ == "__main__":
    main()
