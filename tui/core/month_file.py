"""One month file of reflections: its format, how it is read and checked, and search over it.

A month file is TinyDB's format (``{"reflections": {"1": {...}, "2": {...}}}``) so it stays
readable with TinyDB itself; ``MonthStorage`` only swaps in orjson and atomic replacement.
Every byte is read through ``tui.core.atomic`` (never through a link). Split from
``tui.core.storage`` so each module stays small; the store re-exports what others import.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tui.core.atomic import read_bytes, write_atomic
from tui.core.timestamps import parse_aware
from tui.core.vault import is_sealed, open_for

Reflection = dict[str, Any]

TABLE = "reflections"
# A locked file whose authentication tag fails: changed or damaged since it was written.
SEAL_BROKEN = "it is locked, and it was changed or damaged after it was written"
_DOC_ID = re.compile(r"^(0|[1-9][0-9]*)$")

# Structural values that would make searches noisy: "bad" is a substring of many hex ids, and
# every step has a type such as "write".
_NOT_SEARCHED = frozenset({"id", "type", "schema", "started_at", "ended_at"})
# UTF-8 starts of the 19 non-ASCII characters whose casefold contains ASCII letters
# (ß İ ŉ ſ ǰ ẖ-ẚ ẞ K ﬀ-ﬆ), from Python 3.11's Unicode data; a test re-checks the running one.
_FOLDS_TO_ASCII_UTF8 = (
    b"\xc3\x9f",
    b"\xc4\xb0",
    b"\xc5\x89",
    b"\xc5\xbf",
    b"\xc7\xb0",
    b"\xe1\xba",
    b"\xe2\x84\xaa",
    b"\xef\xac",
)
_ASCII = bytes(range(128))

# --- the file format ---------------------------------------------------------------------


class _Damaged(Exception):
    """The file as a whole cannot be trusted (not JSON, or not TinyDB's shape)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _MonthContent:
    """A parsed month file: good records, plus what had to be skipped and the original bytes."""

    tables: dict[str, dict[str, Any]]
    records: builtins.list[Reflection]
    problems: builtins.list[str] = field(default_factory=builtins.list)
    raw: bytes = b""


def parse_started_at(value: object) -> datetime | None:
    """``started_at`` as an aware datetime, or None if it is missing, malformed or naive."""
    return parse_aware(value)


def _why_invalid(record: object) -> str | None:
    """Why a record cannot be listed, or None: the store needs an id and a sortable time."""
    if not isinstance(record, dict):
        return f"it is {type(record).__name__}, not an object"
    rid = record.get("id")
    if not isinstance(rid, str) or not rid.strip():
        return "it has no 'id'"
    if "started_at" not in record:
        return "it has no 'started_at'"
    if parse_started_at(record["started_at"]) is None:
        return "its 'started_at' is not a date-time with a UTC offset"
    return None


def parse_month(raw: bytes) -> _MonthContent:
    """Parse and check a month file; bad entries are reported, never silently dropped."""
    if not raw.strip():
        raise _Damaged("the file is empty")
    if is_sealed(raw):
        raise _Damaged(SEAL_BROKEN)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise _Damaged(f"it is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise _Damaged(f"expected a JSON object at the top level, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise _Damaged(f"table {name!r} should be an object, found {type(table).__name__}")
    raw_table: dict[str, Any] = data.get(TABLE, {})
    clean: dict[str, Any] = {}
    records: builtins.list[Reflection] = []
    problems: builtins.list[str] = []
    for doc_id, record in raw_table.items():
        why = (
            "its key is not a TinyDB document number"
            if not _DOC_ID.match(doc_id)
            else _why_invalid(record)
        )
        if why is not None:
            problems.append(f"entry {doc_id!r}: {why}")
            continue
        clean[doc_id] = record
        records.append(record)
    if problems:
        data[TABLE] = clean
    return _MonthContent(tables=data, records=records, problems=problems, raw=raw)


def _read_bytes(path: Path) -> bytes | None:
    """Every read of the store goes here (and ``_all_stats``): never through a link.

    A locked file comes back open (``vault.open_for``); one that fails its check comes back
    sealed, and ``parse_month`` then calls it damaged.
    """
    raw = read_bytes(path)
    return None if raw is None else open_for(path, raw)


class MonthStorage(Storage):
    """TinyDB storage for one month file: orjson, atomic replace, and nothing lost on rewrite.

    It reads the file on every call (no cache) so a write under the lock always starts from
    what is on disk now, not from what this process saw earlier. Before rewriting a file that
    had unreadable entries it hands the original bytes to ``preserve``, because TinyDB would
    otherwise write the file back without them.
    """

    def __init__(
        self, path: Path, preserve: Callable[[Path, _MonthContent], None] | None = None
    ) -> None:
        super().__init__()
        self.path = path
        self._preserve = preserve
        self._last: _MonthContent | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        raw = _read_bytes(self.path)
        if raw is None:
            self._last = None
            return None
        self._last = parse_month(raw)
        return self._last.tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._preserve is not None and self._last is not None and self._last.problems:
            self._preserve(self.path, self._last)
            self._last = None
        write_atomic(self.path, orjson.dumps(data))


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_SEARCHED:
                yield from _texts(item)
    elif isinstance(value, builtins.list):
        for item in value:
            yield from _texts(item)


def _matches(record: Reflection, needle: str) -> bool:
    return any(needle in text.casefold() for text in _texts(record))


def searchable_text(record: Mapping[str, Any]) -> str:
    """All of a reflection's words, casefolded, for search-as-you-type over a loaded history.

    The same texts ``list(search=...)`` looks at; joined by a newline so a search can't match
    across two answers.
    """
    return "\n".join(text.casefold() for text in _texts(record))


def _may_contain(raw: bytes, needle: str) -> bool:
    """Cheap test on a file's bytes so a search can skip a month without parsing it.

    It only says "no" when that is certain; a "maybe" is settled by parsing. casefold works
    character by character, so a match inside one value is also a match inside the whole
    file. orjson writes printable text literally, so an ASCII needle can only hide behind
    ASCII case (handled by ``lower``), one of the few characters that casefold into ASCII
    (ß, ﬁ, the Kelvin sign…, looked for among the file's few non-ASCII bytes) or a ``\\u``
    escape written by another tool.
    """
    if orjson.dumps(needle)[1:-1] != needle.encode():
        return True  # the needle itself would be escaped (quotes, backslashes, controls)
    if not needle.isascii():
        return needle in raw.decode("utf-8", "replace").casefold()
    if needle.encode() in raw.lower():
        return True
    if b"\\u" in raw:
        return True
    non_ascii = raw.translate(None, _ASCII)
    return any(start in non_ascii for start in _FOLDS_TO_ASCII_UTF8)
