"""Is the analyser faster than at an earlier commit? Paired, so a busy machine can still say.

    .venv/bin/python tests/benchmarks/bench_selftalk_pair.py [REF] [--pairs 40] [--kinds ...]

Exports REF (default ``main``) with ``git archive`` into a temporary folder and starts two
long-lived processes, one on REF and one on this working tree. Each reads the same 100 KB
texts as ``bench_selftalk.py`` (dense, journal, critic: self-criticism only; with ``--kinds``
also calm and calm-app: calm self-criticism, none remembered and as the app reads it) once to
warm up, then they take turns: one analysis here, one there, alternating who goes first, each timed
in CPU time (``time.process_time``) with no sentence remembered (and for critic, as
``bench_selftalk.py`` times it, no repeat inside the text remembered either). On a shared
machine the load changes from second to second, but two analyses a few milliseconds apart
see about the same load, so the median of the paired ratios (this tree / REF) is steady
where the absolute times are not. Prints medians, minimums and that ratio for each text.
Timings are never tests.

For a figure no load can touch, count instructions with valgrind (not a dependency):
``valgrind --tool=callgrind --collect-atstart=no --toggle-collect=partial_vectorcall`` on a
script that warms the analyser and then calls one analysis through ``functools.partial``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SERVER = """
import random, sys, time
root = sys.argv[1]
sys.path[:0] = [root, root + "/tests/benchmarks"]
import bench_selftalk as bench
from tui.core import selftalk
assert selftalk.__file__.startswith(root), selftalk.__file__
quality = bench._quality_module()
sentences = [case.text for case in quality.load_cases(quality.DATA)]
rng = random.Random(20240601)
texts = {"dense": bench.dense_text(sentences, rng), "journal": bench.journal_text(sentences, rng)}
critics = [case.text for case in quality.load_cases(quality.DATA) if case.label == "critic"]
texts["critic"] = bench.dense_text(critics, rng)  # drawn in bench_selftalk.py's order
# Calm self-criticism (no line worrying on its own: the concern never settles), as
# bench_selftalk.py draws it; "calm" reads every sentence afresh, "calm-app" as the app does.
calm = [text for text in critics if selftalk.analyse(text).concern is None]
texts["calm"] = texts["calm-app"] = bench.dense_text(calm, rng)
analyser = selftalk.default_analyser()
for text in texts.values():
    analyser.analyse(text)
limit = analyser.readings_limit
print("ready", flush=True)
for line in sys.stdin:
    kind = line.strip()
    analyser.readings.clear()
    # Self-criticism only is timed as bench_selftalk.py times it: every sentence read afresh.
    analyser.readings_limit = 0 if kind in ("critic", "calm") else limit
    started = time.process_time()
    analyser.analyse(texts[kind])
    print(time.process_time() - started, flush=True)
"""


def _start(root: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(root)],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def _ask(process: subprocess.Popen[str], kind: str) -> float:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(kind + "\n")
    process.stdin.flush()
    return float(process.stdout.readline())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", default="main")
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--kinds", nargs="+", default=["dense", "journal", "critic"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kindtone-pair-") as folder:
        archive = subprocess.run(
            ["git", "archive", args.ref], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        before, now = _start(Path(folder)), _start(ROOT)
        try:
            for kind in args.kinds:
                times: dict[str, list[float]] = {"ref": [], "tree": []}
                for number in range(args.pairs):
                    order = [("ref", before), ("tree", now)]
                    for name, process in order if number % 2 == 0 else order[::-1]:
                        times[name].append(_ask(process, kind))
                ratios = [a / b for a, b in zip(times["tree"], times["ref"], strict=True)]
                ref, tree = times["ref"], times["tree"]
                print(
                    f"100 KB {kind:8}: {args.ref} median {statistics.median(ref) * 1000:6.1f} ms "
                    f"(min {min(ref) * 1000:6.1f}), this tree median "
                    f"{statistics.median(tree) * 1000:6.1f} ms (min {min(tree) * 1000:6.1f}); "
                    f"tree/{args.ref}, median of {args.pairs} paired ratios: "
                    f"{statistics.median(ratios):.3f}"
                )
        finally:
            for process in (before, now):
                assert process.stdin is not None
                process.stdin.close()
                process.wait()


if __name__ == "__main__":
    main()
