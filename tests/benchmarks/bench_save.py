"""How the reflection store behaves with a long history (target: saving one ≤ 50 ms at 20,000).

    .venv/bin/python tests/benchmarks/bench_save.py [--n 20000] [--repeat 50]

Generates the history into a temporary dir, then times the operations the app and the CLI use.
"Cold" means a fresh ``ReflectionStore`` (nothing cached in the process); the OS page cache is
warm either way, as it is for someone who just used the app.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from generate_reflections import generate, make_reflection

from tui.core.storage import ReflectionStore


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    """Milliseconds for each of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=50, help="saves to time (at least 30)")
    args = parser.parse_args(argv)
    repeat = max(args.repeat, 30)

    with tempfile.TemporaryDirectory(prefix="kindtone-bench-") as tmp:
        data_dir = Path(tmp)
        began = time.perf_counter()
        ReflectionStore(data_dir).save_many(generate(args.n))
        setup = time.perf_counter() - began
        months = len(list((data_dir / "reflections").glob("*.json")))
        size_mb = sum(p.stat().st_size for p in (data_dir / "reflections").glob("*.json")) / 1e6
        print(f"{args.n} reflections, {months} month files, {size_mb:.1f} MB (setup {setup:.1f} s)")

        store = ReflectionStore(data_dir)
        rng = random.Random(7)
        now = datetime.now(UTC).astimezone()
        new_ones = [
            make_reflection(rng, now + timedelta(seconds=i)) | {"id": uuid.uuid4().hex}
            for i in range(repeat)
        ]
        queue = iter(new_ones)
        newest_id = store.list(limit=1)[0]["id"]

        rows: list[tuple[str, list[float]]] = [
            ("save one new reflection", timed(lambda: store.save(next(queue)), repeat)),
            ("save again (upsert)", timed(lambda: store.save(new_ones[0]), repeat)),
            ("list(limit=10)", timed(lambda: store.list(limit=10), 20)),
            (
                "list(search='kind', limit=10)",
                timed(lambda: store.list(search="kind", limit=10), 20),
            ),
            (
                "list(search='zebra', limit=10)  [no match: scans all]",
                timed(lambda: store.list(search="zebra", limit=10), 5),
            ),
            ("get(8-char prefix)  [scans all]", timed(lambda: store.get(newest_id[:8]), 5)),
            ("count()  cold", timed(lambda: ReflectionStore(data_dir).count(), 5)),
            ("count()  warm", timed(store.count, 20)),
            (
                "practice_summary()  cold",
                timed(lambda: ReflectionStore(data_dir).practice_summary(), 5),
            ),
            ("practice_summary()  warm", timed(store.practice_summary, 20)),
        ]
        assert store.count() == args.n + repeat, "a save went missing"
        assert not store.warnings, store.warnings

    width = max(len(name) for name, _ in rows)
    print(f"\n| {'operation':<{width}} | runs | median ms |  p90 ms |")
    print(f"|{'-' * (width + 2)}|-----:|----------:|--------:|")
    for name, times in rows:
        p90 = statistics.quantiles(times, n=10)[-1] if len(times) >= 10 else max(times)
        median = statistics.median(times)
        print(f"| {name:<{width}} | {len(times):>4} | {median:>9.1f} | {p90:>7.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
