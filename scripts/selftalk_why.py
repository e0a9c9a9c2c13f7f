"""Why a text is or isn't flagged as self-criticism: every veto step, sentence by sentence.

    python scripts/selftalk_why.py "Text one." "Text two. More."      # texts as arguments
    python scripts/selftalk_why.py --tsv FILE [--label critic] [--missed] [--heard]

For each sentence: what the rules found and whether aim.aimed_elsewhere dropped it; else
whether the word weights were asked (about_me, ends_on_others, a kind rider), whether they
heard it (learned.is_critical), whether the critic gate agrees (and its score against its
threshold), the gate's alone band, a crisis reading, a marker rule, the category, and
points_elsewhere / weighed_elsewhere. Then the text's steps: defused, a label right after
someone else was named (the sentence before points elsewhere), a weak finding with a kind
rider, an answered old thought, and the own head's total against its threshold.

A diagnostic for whoever works on the analyser; it reads the analyser's own parts and
changes nothing. ``--missed`` keeps the critic lines not flagged, ``--heard`` only those
where something was heard in a sentence and dropped later.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.selftalk import analyse  # noqa: E402
from tui.core.selftalk.aim import (  # noqa: E402
    about_me,
    aimed_elsewhere,
    ends_on_others,
    points_elsewhere,
    weighed_elsewhere,
)
from tui.core.selftalk.analyser import Analyser  # noqa: E402
from tui.core.selftalk.learned import LEARNED_MIN_WORDS  # noqa: E402
from tui.core.selftalk.quoting import answered as answered_in  # noqa: E402
from tui.core.selftalk.tokens import BREAK, lower, sentence_list  # noqa: E402


def explain(analyser: Analyser, text: str) -> tuple[list[str], bool]:
    """Lines that explain ``text``, and whether anything was heard in a sentence."""
    built = analyser.built
    low = lower(text)
    out: list[str] = []
    heard_any = False
    gate = built.gate()
    analysis = analyse(text)
    readings = []
    for start, chunk in sentence_list(low):
        reading = analyser._reading(built, chunk)
        if reading is None:
            continue
        readings.append((start, reading))
        words = built.tokens.words(chunk)
        sentence = built.sentence(chunk, words)
        raw = built.scoper.critical_findings(sentence)
        notes: list[str] = []
        if raw:
            heard_any = True
            for item in raw:
                dropped = aimed_elsewhere(built, words, item)
                notes.append(
                    f"rule {item[0]} {' '.join(words[item[1] : item[2]])!r}"
                    + (" weak" if item[3] else "")
                    + (" DROPPED by aimed_elsewhere" if dropped else "")
                )
        learned = built.learned
        if learned is not None and not raw:
            enough = len(words) - words.count(BREAK) >= LEARNED_MIN_WORDS
            mine = about_me(built, words)
            ends = ends_on_others(built, words)
            features = built.features(words)
            critical = enough and learned.is_critical(features)
            score = gate.score(words) if gate is not None else 0.0
            agrees = built.critic_agrees(words)
            alone = built.critic_alone(words)
            category = learned.category(features)
            verdict = category not in ("mind-reading", "personalising", "comparing")
            points = points_elsewhere(built, words, verdict)
            weighed = weighed_elsewhere(built, words, category, points)
            marker = " ".join(
                f"{pattern.kind}:{'_'.join(words[s:e])}"
                for pattern, s, e in sentence.matches("marker")
            )
            asked = enough and mine and not ends and not reading.kind
            notes.append(
                f"weights {'HEARD' if critical else 'no'}"
                + ("" if asked else " (not asked:")
                + ("" if enough else " few words")
                + ("" if mine else " not about_me")
                + (" ends_on_others" if ends else "")
                + (" kind" if reading.kind else "")
                + ("" if asked else ")")
                + f"; gate {score:+.2f} vs {gate.threshold if gate else 0:+.2f}"
                + (" agrees" if agrees else " DISAGREES")
                + (" alone-band" if alone else "")
                + f"; {category}"
                + (" points_elsewhere" if points else "")
                + (" WEIGHED_ELSEWHERE" if weighed else "")
                + (f" MARKER {marker}" if marker else "")
                + (f" crisis{sorted(reading.cues)}" if reading.crisis else "")
            )
            if critical or alone:
                heard_any = True
        if reading.found:
            heard_any = True
        found = "; ".join(
            f"{category}{' weak' if weak else ''}{' alone' if reading.alone else ''} {chunk[s:e]!r}"
            for category, s, e, weak in reading.found
        )
        flags = [
            name
            for name, on in (
                ("kind", reading.kind),
                ("defused", reading.defused),
                ("selfless", reading.selfless),
                ("verdict", reading.verdict is not None),
            )
            if on
        ]
        out.append(f"  [{len(readings) - 1}] {chunk.strip()!r}")
        out.append(f"      found: {found or '-'}   {' '.join(flags)}")
        for note in notes:
            out.append(f"      {note}")
        if len(readings) > 1 and reading.found and reading.selfless:
            before = readings[-2]
            points = points_elsewhere(built, built.tokens.words_at(low, before[0]))
            if points:
                out.append("      DROPPED: the sentence before points elsewhere")
    out += _text_steps(built, text, low, readings)
    own = gate.own if gate is not None else None
    if own is not None and readings:
        total = own.bias
        for start, _reading in readings:
            total += own.share(built.tokens.words_at(low, start))
        out.append(
            f"  own head total {total:+.2f} vs {own.threshold:+.2f}"
            + (f" (alone {own.alone:+.2f})" if own.alone is not None else "")
            + ("" if total >= own.threshold else "  -> VETO if anything was found")
        )
    out.append(f"  concern {analysis.concern}")
    out.append(
        "  => "
        + (
            "FLAGGED " + "; ".join(repr(f.match) for f in analysis.findings)
            if analysis.critical
            else "not flagged"
        )
    )
    return out, heard_any


def _text_steps(built, text, low, readings) -> list[str]:  # type: ignore[no-untyped-def]
    """What Analyser.analyse does with each sentence's findings (the same order)."""
    out = []
    answered = answered_in(text, readings)
    last = len(readings) - 1
    for number, (offset, reading) in enumerate(readings):
        if not reading.found:
            continue
        kind, defused = reading.kind, reading.defused
        if number < last:
            after = readings[number + 1][1]
            kind = kind or after.kind
            defused = defused or after.defused
        if defused:
            out.append(f"  [{number}] DROPPED: defused (here or in the next sentence)")
            continue
        for _category, start, end, weak in reading.found:
            if weak and kind:
                out.append(f"  [{number}] DROPPED: weak, with a kind rider here or next")
            elif answered(number, offset + start, offset + end):
                out.append(f"  [{number}] DROPPED: answered (a quoted old thought)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("texts", nargs="*")
    parser.add_argument("--tsv", action="append", default=[])
    parser.add_argument("--label", default="critic")
    parser.add_argument("--missed", action="store_true")
    parser.add_argument("--heard", action="store_true")
    args = parser.parse_args()
    analyser = Analyser()
    texts: list[tuple[str, str]] = [("", text) for text in args.texts]
    for name in args.tsv:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            label, _, text = line.partition("\t")
            if text and not line.startswith("#") and label == args.label:
                texts.append((label, text))
    for label, text in texts:
        if args.missed and analyse(text).critical:
            continue
        lines, heard = explain(analyser, text)
        if args.heard and not heard:
            continue
        print(f"{label or 'text'}: {text}")
        print("\n".join(lines))
        print()


if __name__ == "__main__":
    main()
