"""What you practise grows stronger: the harsh original kept beside its kinder version, and
the kinder versions kept as your own kind words.

A session's reflection records each rewrite with the words it answered (``original``), the
critic's patterns found in them (``noticed``) and whether the first try was kept as it was
(``first_try``). Insights read these instead of analysing years of writing again, and the
summary and ``reflections show`` put the two side by side. No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tui.core.phrases import Phrase, PhraseStore, why_not_kind

if TYPE_CHECKING:
    from tui.core.selftalk import Analysis, Finding
    from tui.core.session import PlannedStep, Session

# Gentle names for the critic's patterns: what it is doing, not what is wrong with you.
GENTLE_NAMES: dict[str, str] = {
    "should-statement": "a 'should' carrying a lot of pressure",
    "labelling": "a harsh label for a whole person",
    "overgeneralising": "an 'always' or 'never' that's bigger than the moment",
    "all-or-nothing": "all-or-nothing thinking",
    "catastrophising": "expecting the worst",
    "mind-reading": "guessing what others think",
    "fortune-telling": "predicting how it will go",
    "personalising": "carrying all of the blame",
    "discounting-the-positive": "brushing off something good",
    "comparing": "comparing yourself with others",
    "harsh-self-address": "a harsh way to speak to anyone",
}


def gentle_name(category: str) -> str:
    return GENTLE_NAMES.get(category, category.replace("-", " "))


def explain_findings(analysis: Analysis, attempt: int) -> list[tuple[Finding, str]]:
    """Each pattern noticed with its hint, for "let's try that again" in both faces: a
    category met twice in one answer gets its next hint, not the same one again."""
    from tui.core.selftalk import hint_for

    seen: dict[str, int] = {}
    out = []
    for finding in analysis.findings:
        n = seen.get(finding.category, 0)
        seen[finding.category] = n + 1
        out.append((finding, hint_for(finding.category, attempt + n)))
    return out


def categories(analysis: Analysis) -> list[str]:
    """The critic's patterns in an analysis, once each, in the order they appear."""
    return list(dict.fromkeys(f.category for f in analysis.findings))


def annotate(session: Session, record: dict[str, Any]) -> dict[str, Any]:
    """Add ``original``, ``noticed`` and ``first_try`` to each answered reframe step."""
    from tui.core.selftalk import analyse

    by_place = {
        (s.get("exercise"), s.get("index")): s
        for s in record.get("steps", [])
        if isinstance(s, dict)
    }
    for planned in session.steps:
        if planned.step.type != "reframe":
            if planned.step.checks_self_talk:
                _annotate_tried_again(by_place.get((planned.exercise.id, planned.step.index)))
            continue
        step = by_place.get((planned.exercise.id, planned.step.index))
        original = session.source_answer(planned)
        if step is None or not original or not isinstance(step.get("answer"), str):
            continue
        step["original"] = original
        step["noticed"] = categories(analyse(original))
        versions = step.get("versions") or [step["answer"]]
        step["first_try"] = len(versions) == 1 and not analyse(versions[0]).critical
    return record


def _annotate_tried_again(step: dict[str, Any] | None) -> None:
    """A checked writing step ("what would you say to a friend?") tried again: the version
    kept answers the critic heard in the earlier tries, so it is a rewrite of them, and
    ``noticed`` names those patterns. It joins your kind words like any rewrite (if it isn't
    flagged itself). No ``original``: the earlier tries are the person's own attempts, kept
    as tries, not "the critic's words", and insights count only rewrites of those."""
    from tui.core.record import earlier_tries
    from tui.core.selftalk import analyse

    if step is None or not isinstance(step.get("answer"), str):
        return
    versions = [v for v in step.get("versions") or [] if isinstance(v, str)]
    noticed: list[str] = []
    for version in earlier_tries(versions, step["answer"]):
        analysis = analyse(version)
        if analysis.critical and not analysis.crisis:
            noticed.extend(c for c in categories(analysis) if c not in noticed)
    if noticed:
        step["noticed"] = noticed


def session_record(session: Session, *, completed: bool) -> dict[str, Any]:
    """The reflection as stored, with each rewrite beside what it answered."""
    return annotate(session, session.to_record(completed=completed))


def kept_rewrites(record: Mapping[str, Any]) -> list[tuple[str, list[str]]]:
    """(kept words, patterns answered) for every rewrite of harsh words in a reflection."""
    found: list[tuple[str, list[str]]] = []
    if record.get("crisis") is True and record.get("kind") == "catch":
        return found
    steps = record.get("steps")
    for step in steps if isinstance(steps, list) else []:
        if not isinstance(step, Mapping):
            continue
        answer, noticed = step.get("answer"), step.get("noticed")
        if not isinstance(answer, str) or not isinstance(noticed, list) or not noticed:
            continue
        if "original" not in step and step.get("type") != "write":
            continue  # (a checked writing step tried again has ``noticed``, no original)
        found.append((answer, [n for n in noticed if isinstance(n, str)]))
    return found


# "Old thought:", "Kinder version:", "Me:": a short label and a colon where a line or a sentence
# starts, as a rewrite that quotes the old thought before answering it is often laid out.
_LABEL = re.compile(r"(?:^|(?<=[.!?…]\s)|(?<=\n))\s*([^\W\d_][\w'’]*(?: [\w'’]+){0,2})\s*:\s+")


def answer_part(text: str) -> str:
    """The kind answer of a rewrite laid out as the old thought, then its answer ("Old
    thought: I'm useless. Kinder: I had a full month."): what is kept as kind words, so
    they are never offered back with the harsh words inside. Other texts are kept whole."""
    from tui.core.selftalk import analyse

    labels = list(_LABEL.finditer(text))
    if len(labels) < 2 or labels[0].start() != 0:
        return text
    last = labels[-1]
    quoted, answer = text[labels[0].end() : last.start()], text[last.end() :].strip()
    if not answer or not analyse(quoted).critical:
        return text
    return answer


def harvest(record: Mapping[str, Any], phrases: PhraseStore, *, source: str) -> list[str]:
    """Keep each unflagged rewrite as one of your kind words; the texts that joined.

    Called once a reflection is safely saved. A rewrite kept again (perhaps one offered back)
    counts as one more use. Raises StoreError when the file can't be written.
    """
    joined: list[str] = []
    for whole, noticed in kept_rewrites(record):
        text = answer_part(whole)
        if why_not_kind(text) is not None:
            continue
        phrase = phrases.add(text, noticed, source=source, count_use=True)
        joined.append(phrase.text)
    return joined


def original_of(
    record: Mapping[str, Any],
    step: Mapping[str, Any],
    sources: Mapping[tuple[str, int], str] | None = None,
) -> str | None:
    """The harsh words a rewrite answered: recorded with it, or (for reflections saved before
    that) the answer of the step its exercise names as the ``source``, when known."""
    original = step.get("original")
    if isinstance(original, str):
        return original
    if step.get("type") != "reframe" or not sources:
        return None
    exercise, index = step.get("exercise"), step.get("index")
    if not isinstance(exercise, str) or not isinstance(index, int):
        return None
    source = sources.get((exercise, index))
    steps = record.get("steps")
    for other in steps if isinstance(steps, list) else []:
        if (
            isinstance(other, Mapping)
            and other.get("exercise") == exercise
            and other.get("id") == source
            and isinstance(other.get("answer"), str)
        ):
            return str(other["answer"])
    return None


def tries_lines(tries: Sequence[str], kept: str | None) -> list[str]:
    """Every earlier "let's try that again" version, numbered, then the one kept: as the
    summary, ``reflections show`` and a reflection's page show them, so a person who tried
    twice sees both tries. Just "kept:" and the words when there was one try."""
    from tui.core.record import earlier_tries  # (not at import: `kindtone catch` needs none)

    lines: list[str] = []
    earlier = earlier_tries(tries, kept)
    for n, version in enumerate(earlier, start=1):
        lines.append(f"try {n}:")
        lines.append(version)
    if kept is not None:
        lines.append(f"try {len(earlier) + 1}, kept:" if earlier else "kept:")
        lines.append(kept)
    return lines


def side_by_side(
    original: str, tries: Sequence[str], kept: str | None, width: int, *, gap: str = " │ "
) -> list[str]:
    """The critic's words beside the kinder version kept, every try shown, as text lines.

    Below ~50 columns there is no room for two columns, so the kinder side follows below.
    Callers make control characters visible first; this only lays the words out.
    """
    import textwrap

    right = tries_lines(tries, kept)
    left = ["the critic:", original]
    if width < 50:
        return [*left, *right]
    column = (width - len(gap)) // 2

    def wrap(parts: list[str]) -> list[str]:
        lines: list[str] = []
        for part in parts:
            for paragraph in part.split("\n"):
                lines.extend(textwrap.wrap(paragraph, column) or [""])
        return lines

    left_lines, right_lines = wrap(left), wrap(right)
    rows = max(len(left_lines), len(right_lines))
    left_lines += [""] * (rows - len(left_lines))
    right_lines += [""] * (rows - len(right_lines))
    return [f"{a:<{column}}{gap}{b}".rstrip() for a, b in zip(left_lines, right_lines, strict=True)]


def patterns_in(text: str) -> list[str]:
    """The critic's patterns in some words; none for crisis words (never redirected)."""
    from tui.core.selftalk import analyse

    analysis = analyse(text)
    return [] if analysis.crisis else categories(analysis)


def words_that_helped(phrases: PhraseStore, patterns: Sequence[str]) -> list[Phrase]:
    """Up to three of your kind words for the patterns just noticed; none when nothing was
    noticed (they answer the critic, not every sentence)."""
    if not patterns:
        return []
    return phrases.offer(patterns)


def picked(answer: str, offered: Sequence[Phrase]) -> str:
    """A bare number picks one of the words offered (plain mode, catch); other text is kept."""
    stripped = answer.strip()
    if stripped.isdigit() and 1 <= int(stripped) <= len(offered):
        return offered[int(stripped) - 1].text
    return answer


def numbered(offered: Sequence[Phrase]) -> list[str]:
    """How plain text lists them: "1. I was tired, and that's human." """
    return [f"{number}. {phrase.text}" for number, phrase in enumerate(offered, start=1)]


def offer_for_step(session: Session, planned: PlannedStep, phrases: PhraseStore) -> list[Phrase]:
    """In a reframe step: your kind words for the patterns in the words being rewritten."""
    if planned.step.type != "reframe":
        return []
    source = session.source_answer(planned)
    return words_that_helped(phrases, patterns_in(source)) if source else []
