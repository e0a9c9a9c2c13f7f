"""An honest estimate for the wider net: leave one blind batch out.

For each blind batch (a-al since session 14): train the net on everything else
(train_selftalk_weights.net_rows without that batch), then score the batch with the whole
analyser (rules, grid, word weights and that net) and print the issue's figures for it, then
the sums over single-sentence and journal batches. Iterate on these sums, never on one
batch: the rules were tuned on the misses of most batches, so this measures what the net
adds to them on lines it never saw, not the rules' own generalisation (the blind batches of
the next round do that).

Run: ``python scripts/selftalk_cv.py`` (the training extra; 10-20 minutes).
``--skip=BATCH,...`` leaves those training batches out of every net (to score the code before
some data was added). ``--shipped``
scores every batch with the shipped net instead (for a before/after table); ``--keep=DIR``
saves each batch's net (and the out-of-fold scores its bands were chosen from) and
``--reuse=DIR`` scores with them again; with ``--rates=ask:0.05,single:0.08,...`` the bands are
chosen again from those scores at other rates (see selftalk_net.bands), so rates are chosen by
leaving batches out without training again; ``-v`` lists the misses.
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

import train_selftalk_weights as trainer  # noqa: E402
from selftalk_blind import CALM, Case, Figures, load  # noqa: E402
from selftalk_net import bands, train_net  # noqa: E402

from tui.core.selftalk import Analyser  # noqa: E402
from tui.core.selftalk.hashed import Risk  # noqa: E402

ROWS = (
    ("crisis given crisis or ask (>= 99%)", ("crisis",), ("crisis", "ask")),
    ("crisis given crisis (>= 90%)", ("crisis",), ("crisis",)),
    ("ask given crisis or ask", ("ask",), ("crisis", "ask")),
    ("calm given crisis (<= 3%)", CALM, ("crisis",)),
    ("calm given crisis or ask (<= 10%)", CALM, ("crisis", "ask")),
    ("recovery given crisis (<= 10%)", ("recovery",), ("crisis",)),
    ("recovery given recovery", ("recovery",), ("recovery",)),
)


def score(analyser: Analyser, cases: list[Case]) -> Figures:
    result = Figures()
    for case in cases:
        result.add(case, analyser.analyse(case.text))
    return result


def analyser_with(raw: bytes | None, found: dict[str, float] | None = None) -> Analyser:
    """An analyser with that net (the shipped one for None); ``found``: bands to use instead
    of the file's (from its kept out-of-fold scores and other rates, see bands)."""
    analyser = Analyser()
    if raw is not None:
        analyser.built.risk = Risk.read(raw)
    risk = analyser.built.risk
    if found is not None and risk is not None:
        for name, value in found.items():
            setattr(risk, name, value)
    analyser.readings.clear()
    return analyser


def rates_given() -> dict[str, float]:
    """``--rates=ask:0.05,single:0.08``: rates for bands() other than selftalk_net's."""
    given = next((arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--rates=")), "")
    return {name: float(value) for name, value in (p.split(":") for p in given.split(",") if p)}


def merge(figures: list[Figures]) -> Figures:
    total = Figures()
    for one in figures:
        total.counts.update(one.counts)
        for label, counter in one.concern.items():
            total.concern.setdefault(label, Counter()).update(counter)
        total.misses += one.misses
    return total


def table(columns: dict[str, Figures]) -> list[str]:
    out = ["| figure | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for name, labels, concerns in ROWS:
        cells = []
        for figures in columns.values():
            hits, total = figures.share(labels, concerns)
            cells.append(f"{hits}/{total} ({hits / total:.0%})" if total else "-")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


def main() -> None:
    shipped = "--shipped" in sys.argv
    verbose = "-v" in sys.argv
    cases = [case for path in trainer.BLIND for case in load(path)]
    batches: dict[str, list[Case]] = {}
    for case in cases:
        batches.setdefault(case.batch, []).append(case)
    keep = next((arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--keep=")), None)
    reuse = next((arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--reuse=")), None)
    results: dict[str, Figures] = {}
    rates = rates_given()
    # --skip=NAME,...: training batches left out (say, to score the code before data was added).
    skip = set(
        next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--skip=")), "").split(",")
    ) - {""}
    for batch, members in batches.items():
        found = None
        # --keep=DIR saves each batch's net, --reuse=DIR reads them back (to try the
        # analyser's side of a change without training again).
        if shipped:
            raw = None
        elif reuse:
            raw = Path(reuse, f"{batch}.bin").read_bytes()
            kept = Path(reuse, f"{batch}.json")
            if rates and kept.exists():
                details = json.loads(kept.read_text())
                found = bands(
                    details["best"], details["one"], details["tags"], rates, details.get("window")
                )
        elif keep and Path(keep, f"{batch}.json").exists():  # a run cut short, resumed
            raw = Path(keep, f"{batch}.bin").read_bytes()
            details = json.loads(Path(keep, f"{batch}.json").read_text())
            if rates:
                found = bands(
                    details["best"], details["one"], details["tags"], rates, details.get("window")
                )
        else:
            details = {}
            rows = [row for row in trainer.net_rows(batch) if row[2] not in skip]
            raw = train_net(rows, trainer.RULES.words, False, details)
            if rates:
                found = bands(
                    details["best"], details["one"], details["tags"], rates, details.get("window")
                )
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                Path(keep, f"{batch}.bin").write_bytes(raw)
                Path(keep, f"{batch}.json").write_text(json.dumps(details))
        if found is not None:
            print(f"{batch}: bands {found}", file=sys.stderr, flush=True)
        results[batch] = score(analyser_with(raw, found), members)
        print(f"{batch}: done", file=sys.stderr, flush=True)
    columns = {name.split("-")[1]: figures for name, figures in results.items()}
    columns["single"] = merge([f for n, f in results.items() if "single" in n])
    columns["journal"] = merge([f for n, f in results.items() if "journal" in n])
    print("\n".join(table(columns)))
    if verbose:
        for name, figures in results.items():
            print(f"\n{name}")
            print("\n".join("  " + miss for miss in figures.misses if "flagged" not in miss))


if __name__ == "__main__":
    main()
