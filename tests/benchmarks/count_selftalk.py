"""How many instructions one 100 KB analysis takes, here and at an earlier commit: a figure no
load can move, for a shared machine where even paired timings swing.

    .venv/bin/python tests/benchmarks/count_selftalk.py [REF] [--kinds dense journal critic calm]

Needs valgrind (not a dependency). Exports REF (default ``main``) with ``git archive`` and, for
each tree and each text of ``bench_selftalk.py`` (dense, journal, critic: self-criticism only,
and calm: its lines that are not worrying on their own, each of the last two with every
sentence read afresh as that script times it), starts one process under callgrind that builds
the analyser, reads the texts once (so every rule it needs is compiled
and every weight read), forgets every sentence, then analyses the one text once; only that call
is counted (it goes through ``functools.partial``, and collection is switched on only inside
``partial_vectorcall``). The hash seed is fixed: set and dict orders, and so the counts, are
the same run after run. Two processes at a time; each takes minutes (valgrind runs Python ~50
times slower). Prints the counts and this tree / REF.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ONE = """
import functools, random, sys
root, kind = sys.argv[1], sys.argv[2]
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
analyser = selftalk.default_analyser()
if kind == "calm":  # the critic lines that are not worrying on their own, as bench_selftalk.py
    calm = [text for text in critics if analyser.analyse(text).concern is None]
    texts["calm"] = bench.dense_text(calm, rng)
for text in texts.values():
    analyser.analyse(text)
analyser.readings.clear()
if kind in ("critic", "calm"):
    analyser.readings_limit = 0  # as bench_selftalk.py times it: every sentence read afresh
functools.partial(analyser.analyse, texts[kind])()
"""


def count(root: Path, kind: str, folder: Path) -> int:
    """Instructions of one analysis of ``kind`` with the code in ``root``."""
    out = folder / f"callgrind.{root.name}.{kind}"
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            "--toggle-collect=partial_vectorcall",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-c",
            ONE,
            str(root),
            kind,
        ],
        cwd=root,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"no count from valgrind:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", default="main")
    parser.add_argument("--kinds", nargs="+", default=["dense", "journal", "critic"])
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    with tempfile.TemporaryDirectory(prefix="kindtone-count-") as name:
        folder = Path(name)
        ref = folder / "ref"
        ref.mkdir()
        archive = subprocess.run(
            ["git", "archive", args.ref], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(ref)], input=archive, check=True)
        jobs = [(tree, kind) for kind in args.kinds for tree in (ref, ROOT)]
        with ThreadPoolExecutor(max_workers=2) as pool:
            counts = dict(
                zip(jobs, pool.map(lambda job: count(job[0], job[1], folder), jobs), strict=True)
            )
        for kind in args.kinds:
            before, now = counts[ref, kind], counts[ROOT, kind]
            print(
                f"100 KB {kind:8}: {args.ref} {before:,} instructions, this tree {now:,} "
                f"(tree/{args.ref} {now / before:.3f})"
            )


if __name__ == "__main__":
    main()
