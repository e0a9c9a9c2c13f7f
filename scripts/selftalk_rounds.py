"""Does the wider net carry to new wording? Leave one ROUND (a blind file's four batches) out.

For each round: train the net on everything else, its bands chosen from out-of-fold scores
without that round (selftalk_net.train_net does this), then score the round's lines with the
whole analyser (rules, grid, word weights, critic gate and that net) and print the issue's
figures. Two data sets can be compared: ``--data=shipped`` (train_selftalk_weights.BLIND as
shipped) and ``--data=all`` (every blind file in tests/data, SHIPPED_BLIND and the later ones).
A round the data set never holds needs no training: its net is trained on the whole set.

Run: ``python scripts/selftalk_rounds.py train --data=all --rounds=am_ap,aq_at --keep=DIR
[--set=RISK_C:0.3] [--weight=neutral:2,kind:2]`` (a few minutes a round), then
``python scripts/selftalk_rounds.py score --keep=DIR[,DIR...] --rounds=...`` to print one
table per round and the sums (``--rates=ask:0.04`` chooses the bands again from the kept
out-of-fold scores). ``--shipped`` as a DIR scores the shipped net.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

import selftalk_net  # noqa: E402
import train_selftalk_weights as trainer  # noqa: E402
from selftalk_blind import CALM, HELD_OUT, Case, Figures, load  # noqa: E402
from selftalk_cv import analyser_with, rates_given  # noqa: E402

DATA = ROOT / "tests" / "data"


def round_file(name: str) -> Path:
    return DATA / ("self_talk_blind.tsv" if name == "a_j" else f"self_talk_blind_{name}.tsv")


def arg(name: str, default: str = "") -> str:
    return next((a.split("=", 1)[1] for a in sys.argv if a.startswith(f"--{name}=")), default)


def pairs(text: str) -> dict[str, str]:
    return dict(p.split(":", 1) for p in text.split(",") if p)


def every_blind() -> tuple[Path, ...]:
    """Every blind round but the held-out one (HELD_OUT: read only by the lead, figures only),
    which no net trains on, whatever --data says."""
    later = sorted(DATA.glob("self_talk_blind_[a-z][a-z]_*.tsv"))
    later = [p for p in later if p not in trainer.BLIND and p != HELD_OUT]
    return tuple(trainer.BLIND) + tuple(later)


def setting(name: str, value: str) -> None:
    """--set=NAME:VALUE, a selftalk_net setting: a number, True or False, a word or None."""
    current = getattr(selftalk_net, name)
    if value == "None":
        found: object = None
    elif isinstance(current, bool):
        found = value == "True"
    elif current is None or isinstance(current, str):
        found = value
    else:
        found = type(current)(value)
    setattr(selftalk_net, name, found)


def rows_without(files: tuple[Path, ...], left: set[str]) -> list[tuple[str, str, str]]:
    rows = []
    for path in files + trainer.OWN:
        for label, text, batch in trainer.read(path):
            if label in trainer.BLIND_LABELS and batch not in left:
                rows.append((trainer.BLIND_LABELS[label], text, batch))
    return selftalk_net.risk_rows(trainer.training_rows() + trainer.read(trainer.CONCEPTS) + rows)


def train() -> None:
    files = every_blind() if arg("data") == "all" else tuple(trainer.BLIND)
    keep = Path(arg("keep"))
    keep.mkdir(parents=True, exist_ok=True)
    for name, value in pairs(arg("set")).items():
        setting(name, value)
    selftalk_net.LABEL_WEIGHT = {k: float(v) for k, v in pairs(arg("weight")).items()}
    extra = [Path(p) for p in arg("extra").split(",") if p]
    for name in arg("rounds").split(","):
        if Path(keep, f"{name}.bin").exists():
            continue
        left = {case.batch for case in load(round_file(name))}
        rows = rows_without(files, left)
        for path in extra:  # more lines of the helper's own (never scored here)
            rows += [
                (trainer.BLIND_LABELS[label], text, "own")
                for label, text, _ in trainer.read(path)
                if label in trainer.BLIND_LABELS
            ]
        rows = selftalk_net.risk_rows(rows)
        details: dict[str, object] = {}
        raw = selftalk_net.train_net(rows, trainer.RULES.words, False, details)
        Path(keep, f"{name}.bin").write_bytes(raw)
        Path(keep, f"{name}.json").write_text(json.dumps(details))
        print(f"{name}: trained on {len(rows)} rows", file=sys.stderr, flush=True)


FIGURES = (
    ("c|ca", ("crisis",), ("crisis", "ask")),
    ("c|c", ("crisis",), ("crisis",)),
    ("calm|c", CALM, ("crisis",)),
    ("calm|ca", CALM, ("crisis", "ask")),
    ("rec|c", ("recovery",), ("crisis",)),
    ("ask|ca", ("ask",), ("crisis", "ask")),
)


def merge(figures: list[Figures]) -> Figures:
    total = Figures()
    for one in figures:
        total.counts.update(one.counts)
        total.flagged.update(one.flagged)
        for label, counter in one.concern.items():
            total.concern.setdefault(label, Counter()).update(counter)
    return total


def cells(figures: Figures) -> list[str]:
    out = []
    for _, labels, concerns in FIGURES:
        hits, total = figures.share(labels, concerns)
        out.append(f"{hits}/{total}")
    out.append(f"{figures.recall:.3f}")
    out.append(f"{figures.precision:.3f}")
    return out


def score() -> None:
    rates = rates_given()
    header = "| round | net | " + " | ".join(n for n, _, _ in FIGURES) + " | recall | precision |"
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    totals: dict[str, list[Figures]] = {}
    for name in arg("rounds").split(","):
        cases: list[Case] = load(round_file(name))
        for keep in arg("keep").split(","):
            if keep == "--shipped":
                raw, found = None, None
            else:
                raw = Path(keep, f"{name}.bin").read_bytes()
                found = None
                if rates:
                    details = json.loads(Path(keep, f"{name}.json").read_text())
                    found = selftalk_net.bands(
                        details["best"], details["one"], details["tags"], rates, details["window"]
                    )
            analyser = analyser_with(raw, found)
            figures = Figures()
            for case in cases:
                figures.add(case, analyser.analyse(case.text))
            totals.setdefault(keep, []).append(figures)
            label = Path(keep).name
            print(f"| {name} | {label} | " + " | ".join(cells(figures)) + " |", flush=True)
            if "-v" in sys.argv:
                for miss in figures.misses:
                    if "flagged" not in miss and "missed critic" not in miss:
                        print(f"    {miss}")
    for keep, found_figures in totals.items():
        print(f"| sum | {Path(keep).name} | " + " | ".join(cells(merge(found_figures))) + " |")


if __name__ == "__main__":
    {"train": train, "score": score}[sys.argv[1]]()
