"""What an analysis says: the public records, and the hints that go with each finding."""

from __future__ import annotations

import threading
from dataclasses import dataclass

CATEGORIES: tuple[str, ...] = (
    "should-statement",
    "labelling",
    "overgeneralising",
    "all-or-nothing",
    "catastrophising",
    "mind-reading",
    "fortune-telling",
    "personalising",
    "discounting-the-positive",
    "comparing",
    "harsh-self-address",
)

# What worrying words call for: a pause and the support screen ("crisis"), a direct, kind
# question ("ask"), a warm acknowledgement of a safer place reached ("recovery").
CONCERNS: tuple[str, ...] = ("crisis", "ask", "recovery")


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged stretch of the person's own words: ``text[start:end] == match``."""

    category: str
    start: int
    end: int
    match: str
    hint: str

    def to_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """``critical``: the speaker is criticising themselves; ``concern``: what worrying words
    call for (see CONCERNS), None when there are none; ``crisis`` is ``concern == "crisis"``
    (which pauses any exercise, whatever else was found). ``language`` is "unsupported" for
    text that doesn't read as English: then nothing found means nothing read, not nothing
    there."""

    text: str
    critical: bool
    crisis: bool
    findings: tuple[Finding, ...]
    concern: str | None = None
    language: str = "en"

    def __post_init__(self) -> None:
        if self.crisis and self.concern is None:  # built the older way: crisis alone
            object.__setattr__(self, "concern", "crisis")
        if self.crisis != (self.concern == "crisis"):
            raise ValueError("crisis is true exactly when concern is 'crisis'")
        if self.concern is not None and self.concern not in CONCERNS:
            raise ValueError(f"unknown concern {self.concern!r}")

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "critical": self.critical,
            "crisis": self.crisis,
            "concern": self.concern,
            "language": self.language,
            "findings": [finding.to_dict() for finding in self.findings],
        }


_HINTS: dict[str, tuple[str, ...]] = {}
_HINTS_LOCK = threading.Lock()
_GENERIC = "generic"


def load_hints() -> dict[str, tuple[str, ...]]:
    """data/hints.toml (the snapshot carries them too, see remember_hints)."""
    import tomllib  # only here: a fresh process reading the snapshot never needs it
    from importlib import resources

    raw = resources.files(__package__).joinpath("data/hints.toml").read_text("utf-8")
    return {
        str(name): tuple(str(hint) for hint in table["hints"])
        for name, table in tomllib.loads(raw).items()
    }


def remember_hints(hints: dict[str, tuple[str, ...]]) -> None:
    with _HINTS_LOCK:
        if not _HINTS:
            _HINTS.update(hints)


def _hints() -> dict[str, tuple[str, ...]]:
    if not _HINTS:
        remember_hints(load_hints())
    return _HINTS


def hint_for(category: str, attempt: int = 0) -> str:
    """A gentle hint for ``category``; ``attempt`` varies the wording between tries.

    Unknown categories get a generic hint rather than an error: a hint is never worth a crash.
    """
    hints = _hints()
    chosen = hints.get(category) or hints[_GENERIC]
    return chosen[attempt % len(chosen)]
