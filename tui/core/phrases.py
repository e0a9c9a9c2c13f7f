"""Your kind words: the kinder versions a person kept, offered back when the critic returns.

What you practise grows stronger: a kind sentence found last week is easier to reach for
when it is right there. Layout (under the data dir)::

    phrases.json        {"format": "kindtone-phrases", "version": 1, "phrases": [...]}
    .lock               the data folder's lock (tui.core.atomic.locked), for every write

The file is written like the reflections: atomically, 0600, under a cross-process lock, a
damaged file set aside (never overwritten) and a symlink never followed. It is small (a few
hundred phrases at most in years of practice), so it is read and written whole.

A phrase joins only when the analysis finds nothing harsh and no crisis words in it, and it
is checked again before being offered: the analysis may have learned since, or the file
been edited by hand. No Textual here.
"""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from tui.core.atomic import LinkRefused, locked, read_bytes, write_atomic
from tui.core.text import strip_controls
from tui.core.timestamps import parse_aware

# The store (TinyDB) and filelock are imported only to write: `kindtone catch` reads your
# kind words before anything is saved, and starts as fast as `kindtone check`.

__all__ = [
    "MAX_OFFERED",
    "Phrase",
    "PhraseStore",
    "phrases_from_export",
    "pick",
    "why_not_kind",
]

PHRASES_FILE = "phrases.json"
FORMAT = "kindtone-phrases"
VERSION = 1
MAX_OFFERED = 3
MAX_LENGTH = 500
SOURCES = ("session", "catch", "added", "import")


@dataclass(frozen=True)
class Phrase:
    """One kind sentence and the critic's patterns it answered."""

    id: str
    text: str
    patterns: tuple[str, ...] = ()
    uses: int = 0
    added_at: str = ""
    source: str = "added"
    starred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "patterns": list(self.patterns),
            "uses": self.uses,
            "added_at": self.added_at,
            "source": self.source,
            "starred": self.starred,
        }

    @classmethod
    def from_dict(cls, value: object) -> Phrase | None:
        """A phrase from stored JSON, or None when it is not one (reported by the caller)."""
        if not isinstance(value, dict):
            return None
        pid, text = value.get("id"), value.get("text")
        if not isinstance(pid, str) or not pid.strip() or not isinstance(text, str):
            return None
        if not text.strip():
            return None
        patterns = value.get("patterns", [])
        uses = value.get("uses", 0)
        added_at = value.get("added_at", "")
        source = value.get("source", "added")
        starred = value.get("starred", False)
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            return None
        if not isinstance(uses, int) or isinstance(uses, bool) or uses < 0:
            return None
        if not isinstance(added_at, str) or not isinstance(source, str):
            return None
        if not isinstance(starred, bool):
            return None
        return cls(pid, text, tuple(patterns), uses, added_at, source, starred)

    @property
    def key(self) -> str:
        return same_words_key(self.text)


def same_words_key(text: str) -> str:
    """Two phrases that differ only in case or spacing are the same phrase."""
    return " ".join(text.split()).casefold()


def clean_text(text: str) -> str:
    return " ".join(strip_controls(text).split())


def why_not_kind(text: str) -> str | None:
    """Why ``text`` can't be one of your kind words, or None when it can.

    Never a sentence the analysis flags, and never crisis words: those are met with
    support, not kept as something to say to yourself.
    """
    from tui.core.selftalk import analyse  # compiled on first use; the list needn't wait

    cleaned = clean_text(text)
    if not cleaned:
        return "it is empty"
    if not any(character.isalpha() for character in cleaned):
        return "it has no words"  # "1", "…": a number picked nothing, a pause isn't a phrase
    if len(cleaned) > MAX_LENGTH:
        return f"it is longer than {MAX_LENGTH} characters; kind words work best short"
    analysis = analyse(cleaned)
    if analysis.crisis:
        return "it sounds like words of real pain, not kind words to offer back"
    if analysis.concern == "ask":  # even once someone has said they're safe
        return "it may be words of real pain, not kind words to offer back"
    if analysis.critical or analysis.findings:
        found = analysis.findings[0] if analysis.findings else None
        if found is None:
            return "it still sounds like the critic"
        return f'it still sounds like the critic: "{found.match}" ({found.category})'
    return None


def _now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def _instant(phrase: Phrase) -> float:
    parsed = parse_aware(phrase.added_at)
    return parsed.timestamp() if parsed is not None else float("-inf")


def pick(
    phrases: Iterable[Phrase], patterns: Iterable[str], limit: int = MAX_OFFERED
) -> list[Phrase]:
    """Up to ``limit`` phrases for the critic's ``patterns``: fitting ones first, then
    starred, often used and recent ones; each checked again, so none is flagged."""
    wanted = set(patterns)

    def rank(phrase: Phrase) -> tuple[int, bool, int, float]:
        return (len(wanted & set(phrase.patterns)), phrase.starred, phrase.uses, _instant(phrase))

    chosen: list[Phrase] = []
    for phrase in sorted(phrases, key=rank, reverse=True):
        if len(chosen) >= limit:
            break
        if why_not_kind(phrase.text) is None:
            chosen.append(phrase)
    return chosen


def phrases_from_export(document: object) -> list[Phrase]:
    """The ``"phrases"`` of a JSON export (older exports have none); malformed ones refused."""
    from tui.core.storage import StoreError

    if not isinstance(document, dict) or "phrases" not in document:
        return []
    raw = document["phrases"]
    if not isinstance(raw, list):
        raise StoreError("'phrases' should be a list of kind words")
    found: list[Phrase] = []
    for number, item in enumerate(raw, start=1):
        phrase = Phrase.from_dict(item)
        if phrase is None:
            raise StoreError(f"kind words {number} is not a phrase kindtone can read")
        found.append(phrase)
    return found


@dataclass
class _Loaded:
    phrases: list[Phrase]
    problems: list[str] = field(default_factory=list)


class PhraseStore:
    """The kind-words file under one data dir; safe for several processes at once."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / PHRASES_FILE
        self.warnings: list[str] = []
        from tui.core.vault import attach

        attach(self.data_dir)  # what it writes is sealed whenever the folder is locked

    # -- reading --

    def list(self) -> builtins.list[Phrase]:
        """Every phrase, newest first."""
        loaded = self._load()
        # Appended in order, so within one second the later one is the newer.
        return sorted(reversed(loaded.phrases), key=_instant, reverse=True)

    def offer(self, patterns: Iterable[str], limit: int = MAX_OFFERED) -> builtins.list[Phrase]:
        """Up to three of your phrases for the critic's ``patterns``; never raises: an
        unreadable file only means nothing is offered (and a warning)."""
        try:
            return pick(self._load().phrases, patterns, limit)
        except Exception as error:  # an offer is a bonus: a problem only means none today
            self.warnings.append(f"Your kind words couldn't be read: {error}")
            return []

    def get(self, phrase_id: str) -> Phrase | None:
        wanted = phrase_id.strip().casefold()
        if not wanted:
            return None
        matches = [p for p in self._load().phrases if p.id.casefold().startswith(wanted)]
        exact = [p for p in matches if p.id.casefold() == wanted]
        if exact:
            return exact[0]
        if len(matches) > 1:
            from tui.core.storage import StoreError

            raise StoreError(f"{phrase_id!r} matches {len(matches)} phrases; type more of the id.")
        return matches[0] if matches else None

    # -- writing --

    def add(
        self,
        text: str,
        patterns: Sequence[str] = (),
        *,
        source: str = "added",
        added_at: str | None = None,
        count_use: bool = False,
    ) -> Phrase:
        """Keep ``text`` (or, if it is already there, add the new patterns to it).

        ``count_use``: the words were just used (kept in a session or a catch), so they count
        one more use. Raises StoreError saying why when flagged or not written.
        """
        from tui.core.storage import StoreError

        cleaned = clean_text(text)
        why = why_not_kind(cleaned)
        if why is not None:
            raise StoreError(f"This can't join your kind words because {why}.")
        with self._writing() as phrases:
            key = same_words_key(cleaned)
            for n, existing in enumerate(phrases):
                if existing.key == key:
                    merged = tuple(dict.fromkeys([*existing.patterns, *patterns]))
                    uses = existing.uses + (1 if count_use else 0)
                    phrases[n] = replace(existing, patterns=merged, uses=uses)
                    return phrases[n]
            phrase = Phrase(
                id=os.urandom(5).hex(),  # not uuid: it imports `platform`, slowing catch
                text=cleaned,
                patterns=tuple(dict.fromkeys(patterns)),
                uses=1 if count_use else 0,
                added_at=added_at or _now(),
                source=source if source in SOURCES else "added",
            )
            phrases.append(phrase)
            return phrase

    def merge(self, incoming: Iterable[Phrase]) -> tuple[int, int, int]:
        """Import phrases: (added, already there, refused because flagged). Never overwrites."""
        added = same = refused = 0
        with self._writing() as phrases:
            ids = {p.id for p in phrases}
            keys = {p.key for p in phrases}
            for phrase in incoming:
                if phrase.id in ids or phrase.key in keys:
                    same += 1
                elif why_not_kind(phrase.text) is not None:
                    refused += 1
                else:
                    phrases.append(replace(phrase, text=clean_text(phrase.text)))
                    ids.add(phrase.id)
                    keys.add(phrase.key)
                    added += 1
        return added, same, refused

    def remove(self, phrase_id: str) -> Phrase | None:
        """Remove by exact id (resolve a prefix with ``get`` first); the removed phrase."""
        with self._writing() as phrases:
            for n, phrase in enumerate(phrases):
                if phrase.id == phrase_id:
                    return phrases.pop(n)
        return None

    def set_starred(self, phrase_id: str, starred: bool) -> Phrase | None:
        return self._change(phrase_id, lambda p: replace(p, starred=starred))

    def used(self, phrase_id: str) -> Phrase | None:
        """Count a use: the phrase was picked again, so it is offered sooner next time."""
        return self._change(phrase_id, lambda p: replace(p, uses=p.uses + 1))

    def _change(self, phrase_id: str, change: Callable[[Phrase], Phrase]) -> Phrase | None:
        with self._writing() as phrases:
            for n, phrase in enumerate(phrases):
                if phrase.id == phrase_id:
                    phrases[n] = change(phrase)
                    return phrases[n]
        return None

    # -- internals --

    def _read(self) -> bytes | None:
        """The file's bytes, never through a symlink (someone else's file is not ours)."""
        from tui.core.vault import open_for

        try:
            raw = read_bytes(self.path)
        except LinkRefused as exc:
            from tui.core.storage import StoreError

            raise StoreError(
                f"{self.path} is a link or not a regular file; kindtone never follows links "
                "in its data folder. Move it away to keep kind words here.",
                path=self.path,
            ) from exc
        # Under a lock the file is sealed (tui.core.vault): opened here, like the store's files;
        # one that fails its check stays sealed, and is then set aside as damaged.
        return None if raw is None else open_for(self.path, raw)

    def _load(self) -> _Loaded:
        raw = self._read()
        if raw is None:
            return _Loaded([])
        try:
            return self._parse(raw)
        except ValueError as exc:
            self._set_aside(str(exc))
            return _Loaded([])

    def _parse(self, raw: bytes) -> _Loaded:
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise ValueError(f"it is not valid JSON ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("it is not a kindtone file of kind words")
        raw_phrases = data.get("phrases")
        if not isinstance(raw_phrases, list):
            raise ValueError("its 'phrases' is not a list")
        loaded = _Loaded([])
        for number, item in enumerate(raw_phrases, start=1):
            phrase = Phrase.from_dict(item)
            if phrase is None:
                loaded.problems.append(f"entry {number}")
            else:
                loaded.phrases.append(phrase)
        if loaded.problems:
            note = (
                f"{self.path}: skipped {len(loaded.problems)} unreadable kind words "
                f"({', '.join(loaded.problems)})."
            )
            if note not in self.warnings:
                self.warnings.append(note)
        return loaded

    def _set_aside(self, reason: str) -> None:
        from filelock import Timeout

        from tui.core.storage import _aside_name

        target = _aside_name(self.path)
        try:
            with locked(self.data_dir):
                if self.path.is_symlink() or not self.path.exists():
                    return
                os.rename(self.path, target)
        except (OSError, Timeout):
            self.warnings.append(f"{self.path} could not be read ({reason}); left as it is.")
            return
        with contextlib.suppress(OSError):
            os.chmod(target, 0o600)
        self.warnings.append(
            f"{self.path} could not be read: {reason}. It was moved to {target.name} "
            "unchanged, so nothing in it is lost."
        )

    @contextmanager
    def _writing(self) -> Iterator[builtins.list[Phrase]]:
        """Hold the lock, read what is on disk now, let the caller change it, write it back."""
        from filelock import Timeout

        from tui.core.storage import (
            LOCK_TIMEOUT_SECONDS,
            StoreError,
            _aside_name,
            _describe_os_error,
        )

        try:
            with locked(self.data_dir):  # makes the folder (0700) if needed; never a link
                raw = self._read()
                kept_aside = False
                phrases: builtins.list[Phrase] = []
                if raw is not None:
                    try:
                        loaded = self._parse(raw)
                    except ValueError as exc:
                        target = _aside_name(self.path)
                        write_atomic(target, raw)  # a copy first: never lose what was there
                        kept_aside = True
                        self.warnings.append(
                            f"{self.path} could not be read ({exc}); it was copied to "
                            f"{target.name} before being replaced."
                        )
                    else:
                        phrases = loaded.phrases
                        if loaded.problems:
                            target = _aside_name(self.path)
                            write_atomic(target, raw)
                before = list(phrases)
                yield phrases
                if phrases != before or kept_aside:
                    document = {
                        "format": FORMAT,
                        "version": VERSION,
                        "phrases": [p.to_dict() for p in phrases],
                    }
                    write_atomic(self.path, orjson.dumps(document, option=orjson.OPT_INDENT_2))
        except Timeout as exc:
            raise StoreError(
                "Another kindtone window is busy saving and did not finish in "
                f"{LOCK_TIMEOUT_SECONDS:.0f} seconds; please try again.",
                path=self.data_dir,
            ) from exc
        except OSError as exc:
            raise StoreError(
                f"Your kind words could not be saved: {_describe_os_error(exc)}.", path=self.path
            ) from exc
