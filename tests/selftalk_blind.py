"""Scoring for the blind batches written to the issue's goals (tests/data/self_talk_blind.tsv).

Labels: crisis (clear risk), ask (possible risk), recovery (looking back from a safer place),
critic, kind, kind-quoting (a kind answer that quotes the old harsh thought), other-critic
(harsh words about someone else), everyday, sad, idiom, non-english. Run it on a file with
``python tests/selftalk_blind.py FILE...`` to print the figures the goals name.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.selftalk import Analysis, analyse  # noqa: E402

BLIND = Path(__file__).resolve().parent / "data" / "self_talk_blind.tsv"
# The newest round's lines are read by the lead alone: helpers see its figures only, so
# nothing that prints lines (a failing floor, a verdict compare) may print these.
HELD_OUT = BLIND.parent / "self_talk_blind_bc_bf.tsv"
LABELS = frozenset(
    [
        "crisis",
        "ask",
        "recovery",
        "critic",
        "kind",
        "kind-quoting",
        "other-critic",
        "everyday",
        "sad",
        "idiom",
        "non-english",
    ]
)
CALM = ("idiom", "sad", "everyday", "kind", "kind-quoting")
# Not self-criticism: every label but critic and the risk labels (whose self-criticism is
# not what they are labelled for).
NOT_CRITIC = ("kind", "kind-quoting", "other-critic", "everyday", "sad", "idiom", "recovery")


@dataclass(frozen=True)
class Case:
    label: str
    text: str
    batch: str


def load(path: Path, batch: str | None = None) -> list[Case]:
    """``label<TAB>text`` lines; ``# batch: NAME`` starts a batch; other ``#`` lines are notes."""
    cases = []
    current = batch or path.stem
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# batch:"):
            current = line.split(":", 1)[1].strip()
            continue
        if not line.strip() or line.startswith("#") or line == "label\ttext":
            continue
        label, separator, text = line.partition("\t")
        if not separator or label not in LABELS or not text.strip():
            raise ValueError(f"{path.name}:{number}: expected label<TAB>text, got {line!r}")
        cases.append(Case(label, text, current))
    return cases


@dataclass
class Figures:
    counts: Counter[str] = field(default_factory=Counter)
    concern: dict[str, Counter[str]] = field(default_factory=dict)  # label -> concern counts
    flagged: Counter[str] = field(default_factory=Counter)  # label -> critical
    unsupported: Counter[str] = field(default_factory=Counter)  # label -> language unsupported
    misses: list[str] = field(default_factory=list)

    def add(self, case: Case, analysis: Analysis) -> None:
        label = case.label
        self.counts[label] += 1
        self.concern.setdefault(label, Counter())[str(analysis.concern)] += 1
        self.flagged[label] += analysis.critical
        self.unsupported[label] += analysis.language == "unsupported"
        concern = analysis.concern
        if label == "crisis" and concern != "crisis":
            self.misses.append(f"crisis read as {concern}: {case.text}")
        elif label == "ask" and concern not in ("crisis", "ask"):
            self.misses.append(f"ask read as {concern}: {case.text}")
        elif label in CALM and concern in ("crisis", "ask"):
            self.misses.append(f"{label} read as {concern}: {case.text}")
        elif label == "recovery" and concern == "crisis":
            self.misses.append(f"recovery read as crisis: {case.text}")
        if label == "critic" and not analysis.critical:
            self.misses.append(f"missed critic: {case.text}")
        elif label in NOT_CRITIC and analysis.critical:
            words = "; ".join(f.match for f in analysis.findings)
            self.misses.append(f"flagged {label}: {case.text}  [{words}]")
        if label == "non-english" and analysis.language != "unsupported":
            self.misses.append(f"non-english read as English: {case.text}")

    def share(self, labels: tuple[str, ...], concerns: tuple[str, ...]) -> tuple[int, int]:
        hits = sum(self.concern.get(label, Counter())[c] for label in labels for c in concerns)
        return hits, sum(self.counts[label] for label in labels)

    @property
    def precision(self) -> float:
        true = self.flagged["critic"]
        false = sum(self.flagged[label] for label in NOT_CRITIC)
        return true / (true + false) if true + false else 1.0

    @property
    def recall(self) -> float:
        return self.flagged["critic"] / self.counts["critic"] if self.counts["critic"] else 1.0

    def rate(self, hits_total: tuple[int, int]) -> float:
        hits, total = hits_total
        return hits / total if total else 0.0

    def lines(self) -> list[str]:
        def show(name: str, figure: tuple[int, int], goal: str) -> str:
            hits, total = figure
            return f"  {name:44} {hits:4}/{total:<4} {self.rate(figure):6.1%}   goal {goal}"

        kinds = ("kind", "kind-quoting")
        out = [
            show(
                "crisis given crisis or ask", self.share(("crisis",), ("crisis", "ask")), ">= 99%"
            ),
            show("crisis given crisis", self.share(("crisis",), ("crisis",)), ">= 90%"),
            show(
                "ask given crisis or ask",
                self.share(("ask",), ("crisis", "ask")),
                "(possible risk)",
            ),
            show(
                "calm (idiom/sad/everyday/kind) given crisis",
                self.share(CALM, ("crisis",)),
                "<= 3%",
            ),
            show("calm given crisis or ask", self.share(CALM, ("crisis", "ask")), "<= 10%"),
            show("recovery given crisis", self.share(("recovery",), ("crisis",)), "<= 10%"),
            show(
                "recovery given recovery",
                self.share(("recovery",), ("recovery",)),
                "(acknowledged)",
            ),
            f"  {'critic precision':44} {self.precision:.3f}{'':13}goal >= 0.95",
            f"  {'critic recall':44} {self.flagged['critic']:4}/{self.counts['critic']:<4} "
            f"{self.recall:6.1%}   goal >= 95%",
            show(
                "kind lines flagged (quoting ones too)",
                (sum(self.flagged[k] for k in kinds), sum(self.counts[k] for k in kinds)),
                "<= 3%",
            ),
            show(
                "  of them kind-quoting flagged",
                (self.flagged["kind-quoting"], self.counts["kind-quoting"]),
                "",
            ),
            show(
                "criticism of others flagged",
                (self.flagged["other-critic"], self.counts["other-critic"]),
                "<= 3%",
            ),
            show(
                "non-English said so",
                (self.unsupported["non-english"], self.counts["non-english"]),
                "all",
            ),
            show(
                "English read as unsupported",
                (
                    sum(v for k, v in self.unsupported.items() if k != "non-english"),
                    sum(v for k, v in self.counts.items() if k != "non-english"),
                ),
                "none",
            ),
        ]
        return out


def figures(cases: list[Case]) -> Figures:
    result = Figures()
    for case in cases:
        result.add(case, analyse(case.text))
    return result


def main(paths: list[str]) -> None:
    for name in paths:
        path = Path(name)
        cases = load(path)
        batches: dict[str, list[Case]] = {}
        for case in cases:
            batches.setdefault(case.batch, []).append(case)
        for batch, members in batches.items():
            result = figures(members)
            print(f"{batch} ({len(members)} lines)")
            print("\n".join(result.lines()))
            if "-v" in sys.argv:
                print("\n".join("    " + miss for miss in result.misses))


if __name__ == "__main__":
    main([arg for arg in sys.argv[1:] if arg != "-v"])
