"""Does ``kindtone catch`` start as fast as ``kindtone check``?

Run: ``python tests/benchmarks/bench_catch.py``. Both commands read the same harsh sentence
as a whole process (start-up included), medians of 15, alternating so load on a shared
machine hits both alike. ``catch`` runs until its question, with three kind words to offer
(stdin is empty, so it stops there and saves nothing).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.phrases import PhraseStore  # noqa: E402

SENTENCE = "I'm such an idiot, I always get this wrong"
RUNS = 15


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        phrases = PhraseStore(Path(tmp))
        for text in ("I made a mistake, and I'm learning.", "I was tired.", "One step."):
            phrases.add(text, ["labelling"])
        base = [sys.executable, "-m", "tui", "--data-dir", tmp]
        check, catch = [*base, "check", SENTENCE], [*base, "catch", SENTENCE]
        times: dict[str, list[float]] = {"check": [], "catch": []}
        for _ in range(RUNS):
            for name, command in (("check", check), ("catch", catch)):
                began = time.perf_counter()
                subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, check=True)
                times[name].append((time.perf_counter() - began) * 1000)
    check_ms, catch_ms = statistics.median(times["check"]), statistics.median(times["catch"])
    print(f"kindtone check: {check_ms:6.1f} ms   kindtone catch: {catch_ms:6.1f} ms")
    print(f"catch / check:  {catch_ms / check_ms:.2f}x (target: about 1x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
