"""Catch it in the moment: the critic's words, what was noticed, and a kinder redirect.

One flow for ``kindtone catch`` and the app's catch screen: both only present a
:class:`Catch`. Crisis words are never redirected: they go to the support lines, and the
words are kept. Words that might mean risk are asked about directly first, as in a
session (:mod:`tui.core.flow`), and the answer is kept. No Textual here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui.core.phrases import MAX_OFFERED, Phrase, PhraseStore
from tui.core.practice import categories, gentle_name
from tui.core.record import CATCH_KIND, CATCH_TITLE
from tui.core.text import strip_controls

if TYPE_CHECKING:
    from tui.core.flow import AskAnswer
    from tui.core.selftalk import Analysis

KIND, TITLE = CATCH_KIND, CATCH_TITLE
CRITIC_PROMPT = "What is the critic saying?"
KIND_PROMPT = "How would you say it kindly?"
# Said when the analysis noticed nothing: the person wrote these as the critic's words, and
# the analysis misses some harsh wording, so never call them kind; the box for kinder words
# stays open.
NOTHING_NOTICED = (
    "kindtone noticed nothing harsh in those words, but you know how they felt. "
    "If they sting, say them the way a good friend would."
)
SCHEMA_VERSION = 1
NO_RATINGS = {"harsh": None, "tense": None}  # a catch asks for no ratings


def _now() -> datetime:
    return datetime.now(UTC).astimezone()


@dataclass(frozen=True)
class Redirect:
    """A proposed kinder version, reviewed like a reframe."""

    text: str
    analysis: Analysis
    phrase: Phrase | None = None

    @property
    def crisis(self) -> bool:
        return self.analysis.crisis

    @property
    def offer_try_again(self) -> bool:
        """Still sounds like the critic: offer another go (never forced)."""
        return self.analysis.critical and not self.analysis.crisis


@dataclass
class Catch:
    """One caught thought; build it with :func:`start_catch`."""

    text: str
    analysis: Analysis
    offered: list[Phrase]
    started_at: datetime
    clock: Callable[[], datetime] = _now
    # 32 hex digits like a session's uuid4().hex, without importing uuid (and `platform`)
    id: str = field(default_factory=lambda: os.urandom(16).hex())
    versions: list[str] = field(default_factory=list)
    kept: Redirect | None = None
    crisis: bool = False
    # The direct question's answers, kept in the reflection like a session's.
    safety_checks: list[dict[str, Any]] = field(default_factory=list)
    asked: set[str] = field(default_factory=set)  # "No, I'm safe" words: not asked again

    @property
    def patterns(self) -> list[str]:
        return categories(self.analysis)

    @property
    def nothing_noticed(self) -> bool:
        """The analysis found no pattern to name. Never said of words that might mean risk,
        even once the person has said they are safe."""
        analysis = self.analysis
        return (
            analysis.concern not in ("crisis", "ask")
            and not analysis.critical
            and not self.patterns
        )

    def noticed(self) -> list[str]:
        """What kindtone noticed, named gently: one line per pattern, with the words."""
        lines: list[str] = []
        seen: set[str] = set()
        for finding in self.analysis.findings:
            if finding.category in seen:
                continue
            seen.add(finding.category)
            lines.append(f"“{finding.match}”: {gentle_name(finding.category)}")
        return lines

    def should_ask(self, redirect: Redirect | None = None) -> bool:
        """Words that might mean risk (the critic's, or the redirect's), not asked about yet:
        ask directly and kindly before going on, as a session does."""
        analysis = self.analysis if redirect is None else redirect.analysis
        text = self.text if redirect is None else redirect.text
        return not self.crisis and analysis.concern == "ask" and text not in self.asked

    def answer_ask(
        self, choice: AskAnswer, redirect: Redirect | None = None, *, support: str
    ) -> str | None:
        """The answer, kept in the reflection. "yes" (or not sure) means support: the catch
        becomes a crisis one and the words are kept, never redirected. Otherwise the catch
        goes on, with a gentle note after "I'd rather not say" ({support} names the face's
        way to the support lines)."""
        from tui.core.flow import RATHER_NOT_NOTE

        step = 0 if redirect is None else 1
        self.safety_checks.append({"exercise": KIND, "step": step, "answer": choice})
        if choice == "yes":
            if redirect is None:
                self.crisis = True
            else:
                self.pause_for_support(redirect)
            return None
        self.asked.add(self.text if redirect is None else redirect.text)
        return RATHER_NOT_NOTE.format(support=support) if choice == "rather-not" else None

    def retry_line(self) -> str:
        """After an empty answer, or a number with none of your words behind it."""
        if self.offered:
            return f"Type your kinder words, or a number from 1 to {len(self.offered)}."
        return "Type your kinder words, in any way that feels true."

    def hint(self, attempt: int = 0) -> str:
        from tui.core.selftalk import hint_for

        first = self.patterns[0] if self.patterns else ""
        return hint_for(first, attempt)

    def propose(self, answer: str) -> Redirect | None:
        """A number picks one of the offered phrases; other text is a new redirect.

        None for empty text or a number with no phrase behind it.
        """
        from tui.core.selftalk import analyse

        cleaned = strip_controls(answer).strip()
        if not cleaned:
            return None
        if cleaned.isdigit():
            number = int(cleaned)
            if 1 <= number <= len(self.offered):
                phrase = self.offered[number - 1]
                return Redirect(phrase.text, analyse(phrase.text), phrase)
            if len(cleaned) <= 2:
                return None
        return Redirect(cleaned, analyse(cleaned))

    def keep(self, redirect: Redirect) -> None:
        """Keep this version (also after "keep it as it is"); every try stays recorded."""
        self.versions.append(redirect.text)
        self.kept = redirect

    def pause_for_support(self, redirect: Redirect) -> None:
        """Crisis words in the redirect: kept as written, and no more redirecting."""
        self.versions.append(redirect.text)
        self.crisis = True

    def try_again(self, redirect: Redirect) -> None:
        """The person chose another go: this version is kept among the tries."""
        self.versions.append(redirect.text)

    def to_record(self, *, completed: bool = True, unsent: str = "") -> dict[str, Any]:
        """A reflection of its own kind: listed, searchable and exported like the others.

        Left part-way (``completed=False``), it is kept as unfinished, with the kinder words
        typed but not yet sent (``unsent``) as the last version: nothing written is lost, and
        it is not counted as practice."""
        ended = self.clock()
        seconds = max(0.0, (ended - self.started_at).total_seconds())
        steps: list[dict[str, Any]] = [
            {
                "exercise": KIND,
                "index": 0,
                "type": "write",
                "id": "critic",
                "prompt": CRITIC_PROMPT,
                "answer": self.text,
                "versions": [self.text],
                "tries": 1,
                "skipped": False,
                "seconds": round(seconds, 1),
            }
        ]
        if self.kept is not None and not self.crisis and not self.analysis.crisis:
            step: dict[str, Any] = {
                "exercise": KIND,
                "index": 1,
                "type": "reframe",
                "id": "kinder",
                "prompt": KIND_PROMPT,
                "answer": self.kept.text,
                "versions": list(self.versions),
                "tries": len(self.versions),
                "skipped": False,
                "seconds": 0.0,
                "original": self.text,
                "noticed": self.patterns,
                "first_try": len(self.versions) == 1 and not self.kept.analysis.critical,
            }
            if self.kept.phrase is not None:
                step["phrase"] = self.kept.phrase.id
            steps.append(step)
        elif versions := self.versions + ([unsent] if unsent.strip() else []):
            # Words of pain written as the "kinder" version (kept, never reframed), or the
            # kinder words of a catch left part-way.
            steps.append(
                {
                    "exercise": KIND,
                    "index": 1,
                    "type": "write",
                    "id": "kinder",
                    "prompt": KIND_PROMPT,
                    "answer": versions[-1],
                    "versions": versions,
                    "tries": len(versions),
                    "skipped": False,
                    "seconds": 0.0,
                }
            )
        return {
            "id": self.id,
            "schema": SCHEMA_VERSION,
            "kind": KIND,
            "started_at": self.started_at.isoformat(),
            "ended_at": ended.isoformat(),
            "completed": completed,
            "situation": "critic",
            "minutes_planned": None,
            "exercises": [],
            # the same shape as a session's, so every reader finds what it expects
            "ratings": {"before": dict(NO_RATINGS), "after": dict(NO_RATINGS)},
            "steps": steps,
            "crisis": self.crisis or self.analysis.crisis,
            **({"safety_checks": list(self.safety_checks)} if self.safety_checks else {}),
        }


def start_catch(
    text: str,
    phrases: PhraseStore | None,
    *,
    clock: Callable[[], datetime] = _now,
    limit: int = MAX_OFFERED,
) -> Catch:
    """Read the critic's words and find up to three of your kind words for them."""
    from tui.core.selftalk import analyse

    cleaned = " ".join(strip_controls(text).split())
    analysis = analyse(cleaned)
    catch = Catch(cleaned, analysis, [], clock(), clock)
    if analysis.crisis:
        catch.crisis = True
    elif phrases is not None and catch.patterns:
        catch.offered = phrases.offer(catch.patterns, limit)
    return catch


def is_catch(record: Any) -> bool:
    return isinstance(record, dict) and record.get("kind") == KIND
