"""Speed and quality of the self-talk analysis.

Run with ``.venv/bin/python tests/benchmarks/bench_selftalk.py``. Not collected by pytest, and
timing is never a test: shared machines are too noisy for that. Prints:

- the median (and best) time to analyse 100 KB, for three kinds of text:
  * dense: every line is a sentence from the labelled cases (any label: self-criticism,
    kind, neutral, crisis, idiom), so every sentence is worth a closer look;
  * journal: paragraphs where about one sentence in three is from the cases and the rest is
    the ordinary business of a day;
  * self-criticism only: every line a critic sentence (the costliest kind to read), and the
    same from the critic lines that are not worrying on their own (calm: the text's concern
    never settles, so every sentence is read for it as well); each both as the app reads it
    (a sentence said twice in the text is read once) and with every sentence read afresh;
- the first analysis in fresh processes (from the shipped snapshot, and built from the TOML
  sources), with the peak memory it adds (peak RSS, and tracemalloc's peak in separate
  processes), and the memory after a first 100 KB; the first analysis after import here,
  and the first 100 KB (which compiles the expressions of the rules that text needs, once);
- the quality figures on the dev sample and on every batch of tests/data/self_talk_cases.tsv.
"""

from __future__ import annotations

import importlib.util
import random
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SIZE = 100_000
RUNS = 15

DAY = [
    "Woke up at seven and made porridge.",
    "The bus was ten minutes late, so I read on my phone.",
    "We had the weekly meeting about the spring budget.",
    "Lunch was a sandwich in the park; the pigeons were bold.",
    "I answered emails for most of the afternoon.",
    "Mum called to ask about the weekend plans.",
    "The shop had run out of the bread I like, so I got rolls.",
    "I walked home the long way because the evening was warm.",
    "Dinner was pasta with whatever was left in the fridge.",
    "Watched two episodes of a cooking show before bed.",
    "It rained all morning and the garden looks greener already.",
    "The new colleague started today and seems friendly.",
    "I finally fixed the wobbly shelf in the hall.",
    "The train was packed, so I stood by the doors.",
    "My sister sent photos of her new flat.",
    "I need to renew my passport before the summer.",
    "The printer jammed twice, then worked fine.",
    "We talked about booking a cottage for August.",
    "I did the washing and hung it by the radiator.",
    "Tomorrow is the dentist, then the big presentation on Thursday.",
]


def _quality_module() -> ModuleType:
    path = ROOT / "tests" / "test_selftalk_quality.py"
    spec = importlib.util.spec_from_file_location("selftalk_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def dense_text(sentences: list[str], rng: random.Random) -> str:
    lines: list[str] = []
    size = 0
    while size < SIZE:
        line = rng.choice(sentences)
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)[:SIZE]


def journal_text(sentences: list[str], rng: random.Random) -> str:
    paragraphs: list[str] = []
    size = 0
    while size < SIZE:
        paragraph = " ".join(
            rng.choice(sentences) if rng.random() < 1 / 3 else rng.choice(DAY)
            for _ in range(rng.randint(4, 9))
        )
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:SIZE]


def time_it(analyse: object, text: str, forget: object) -> tuple[float, float]:
    """Median and best of RUNS analyses, each starting with no sentence remembered."""
    assert callable(analyse) and callable(forget)
    times = []
    for _ in range(RUNS):
        forget()
        started = time.perf_counter()
        analyse(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, min(times) * 1000


def calibration_ms() -> float:
    """A plain Python loop, to say how fast this machine is when reading the figures."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return best * 1000


FRESH = """
import json, resource, sys, time
trace = sys.argv[2] == "trace"
if trace:
    import tracemalloc
    tracemalloc.start()
def status(key):
    # This process's own figures (Linux): its current and peak RSS, in KiB. Not ru_maxrss: a
    # child's starts at its parent's peak (the kernel keeps it across fork and exec), so from
    # a parent bigger than the child it hid most of what the import and analysis add.
    try:
        with open("/proc/self/status", encoding="ascii") as stream:
            for line in stream:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
before = status("VmRSS:")
started = time.perf_counter()
import tui.core.selftalk as selftalk
imported = time.perf_counter()
if sys.argv[1] == "sources":
    from tui.core.selftalk.data import data_dir
    analyser = selftalk.Analyser(folder=data_dir())
else:
    analyser = selftalk.default_analyser()
analysis = analyser.analyse("I'm such an idiot, I always mess everything up.")
done = time.perf_counter()
assert analysis.critical
if sys.argv[1] == "100 KB":
    with open("tests/data/self_talk_cases.tsv", encoding="utf-8") as stream:
        lines = [line.partition(chr(9))[2] for line in stream if not line.startswith("#")]
    analyser.analyse("".join(lines)[:100_000])
after = status("VmHWM:")
memory = tracemalloc.get_traced_memory()[1] / 2**20 if trace else (after - before) / 1024
print(json.dumps([imported - started, done - imported, memory]))
"""


def fresh_processes(runs: int = 15) -> None:
    """The first analysis in a fresh process (import, then one short text), in milliseconds,
    and the peak memory it adds from before the import: from the shipped snapshot, and built
    from the TOML sources as a stale snapshot would be; and, from the snapshot, after a first
    100 KB too (by then every weight has been read). Memory is measured two ways, in separate
    processes because tracing itself takes memory: peak RSS (the process's VmHWM less its
    VmRSS before the import, from /proc/self/status; until session 16 ru_maxrss, which a child
    inherits from its parent's peak, so this script's own size hid ~3 MiB of it) and the peak
    of Python's own allocations (tracemalloc; no interpreter, shared libraries or allocator
    slack). Alternated, medians; times from the RSS runs."""
    import json
    import subprocess

    kinds = ("snapshot", "sources", "100 KB")
    results: dict[tuple[str, str], list[list[float]]] = {
        (kind, way): [] for kind in kinds for way in ("rss", "trace")
    }
    for _ in range(runs):
        for (kind, way), rows in results.items():
            out = subprocess.run(
                [sys.executable, "-c", FRESH, kind, way],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            rows.append(json.loads(out))
    for kind in kinds:
        imported, first, rss = (
            statistics.median(column) for column in zip(*results[kind, "rss"], strict=True)
        )
        traced = statistics.median(row[2] for row in results[kind, "trace"])
        what = "first analysis" if kind != "100 KB" else "first analysis, then 100 KB:"
        print(
            f"fresh process, {kind:8}: import {imported * 1000:5.1f} ms, {what} "
            f"{first * 1000:5.1f} ms (together {(imported + first) * 1000:5.1f} ms), "
            f"+{rss:4.1f} MiB peak RSS, {traced:4.1f} MiB peak traced (medians of {runs})"
        )


def main() -> None:
    fresh_processes()
    started = time.perf_counter()
    from tui.core import selftalk

    imported = time.perf_counter()
    selftalk.analyse("warming up")
    built = time.perf_counter()
    print(
        f"import: {(imported - started) * 1000:.1f} ms; "
        f"first analysis (reads the rules and weights): {(built - imported) * 1000:.1f} ms"
    )
    print(f"machine: 1M-iteration Python loop takes {calibration_ms():.1f} ms")

    quality = _quality_module()
    cases = quality.load_cases(quality.DATA)
    sentences = [case.text for case in cases]
    rng = random.Random(20240601)
    dense, journal = dense_text(sentences, rng), journal_text(sentences, rng)
    critic = dense_text([case.text for case in cases if case.label == "critic"], rng)
    # Each rule's expression is compiled the first time a sentence needs it: a first long
    # text pays for the ones it uses, once.
    started = time.perf_counter()
    selftalk.analyse(dense)
    patterns = selftalk.default_analyser().patterns
    compiled = sum(pattern.regex is not None for pattern in patterns)
    print(
        f"first 100 KB after start (compiles {compiled} of {len(patterns)} "
        f"rules): {(time.perf_counter() - started) * 1000:.1f} ms"
    )

    # The same with no line that is worrying on its own: such a text's concern never settles,
    # so every sentence is read for it too (a few critic lines read as crisis, and settle the
    # text above: within its first hundred sentences).
    calm = [
        c.text for c in cases if c.label == "critic" and selftalk.analyse(c.text).concern is None
    ]
    critic_calm = dense_text(calm, rng)

    def forget() -> None:
        # Nothing remembered from earlier runs: no sentence readings.
        selftalk.default_analyser().readings.clear()

    fresh = selftalk.Analyser(readings_limit=0)
    fresh.analyse(dense)  # built, and the same expressions compiled

    def uncached(text: str) -> object:
        # Every sentence read afresh, as if no sentence in the text repeated another.
        return fresh.analyse(text)

    for name, text, analyse in (
        ("dense", dense, selftalk.analyse),
        ("journal", journal, selftalk.analyse),
        # The app's own analyser remembers each sentence it reads, so a sentence said twice in
        # one text is read once (these texts repeat a third to a half of theirs); the rows
        # "none remembered" read every sentence afresh: a text that never repeats one.
        ("self-criticism only", critic, selftalk.analyse),
        ("calm self-criticism", critic_calm, selftalk.analyse),
        ("dense, no sentence remembered", dense, uncached),
        ("journal, no sentence remembered", journal, uncached),
        ("self-criticism only, none remembered", critic, uncached),
        ("calm self-criticism, none remembered", critic_calm, uncached),
    ):
        median, best = time_it(analyse, text, forget)
        analysis = selftalk.analyse(text)
        print(
            f"100 KB {name:36}: median {median:6.1f} ms, best {best:6.1f} ms "
            f"({len(text):,} chars, {len(analysis.findings):,} findings)"
        )
    # The app checks an answer again after each edit: most of its sentences are unchanged.
    forget()
    selftalk.analyse(dense)
    edited = dense.replace("\n", " ", 50)  # a few lines joined
    started = time.perf_counter()
    selftalk.analyse(edited)
    print(
        f"the same 100 KB checked again after a small edit: "
        f"{(time.perf_counter() - started) * 1000:.1f} ms"
    )

    print()
    if quality.DEV.exists():
        print(quality.score(quality.load_cases(quality.DEV)).summary("dev sample"))
    batches: dict[str, list[object]] = {}
    for case in cases:
        batches.setdefault(case.batch, []).append(case)
    for batch, members in batches.items():
        print(quality.score(members).summary(f"cases[{batch}]"))
    print(quality.score(cases).summary("cases[all]"))


if __name__ == "__main__":
    main()
