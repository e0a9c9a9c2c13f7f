"""Insights at scale: ``kindtone insights --json`` and the insights screen's first paint.

Run: ``python tests/benchmarks/bench_insights.py [N]`` (default 20,000).

The command is timed as a whole process (start-up included), medians of 7 runs: once with
no summary cache (the first run after an upgrade, or after the cache was deleted) and once
with it (every later run; a save changes one month, which alone is read again). The screen
is timed from ``push_screen`` until its totals and charts are on screen, in a fresh app,
with and without the cache file.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from generate_reflections import generate  # noqa: E402

from tui.core.insights import CACHE_FILE  # noqa: E402
from tui.core.storage import ReflectionStore  # noqa: E402

RUNS = 7


def command_ms(data_dir: Path, *, cached: bool) -> float:
    times = []
    kindtone = [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "insights", "--json"]
    subprocess.run(kindtone, check=True, capture_output=True, cwd=ROOT)  # warm the disk cache
    for _ in range(RUNS):
        if not cached:
            (data_dir / CACHE_FILE).unlink(missing_ok=True)
        began = time.perf_counter()
        subprocess.run(kindtone, check=True, capture_output=True, cwd=ROOT)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


async def screen_ms(data_dir: Path) -> float:
    """From push_screen until the frame that first shows the totals and charts is drawn (a
    callback queued after the refresh that follows ``show``)."""
    from tui.app import KindtoneApp
    from tui.screens import insights as module

    module._CACHES.clear()  # a fresh app: only the file on disk, if any
    painted: list[float] = []
    show = module.InsightsScreen.show

    def timed_show(screen: module.InsightsScreen, *args: object) -> None:
        show(screen, *args)  # type: ignore[arg-type]
        screen.call_after_refresh(lambda: painted.append(time.perf_counter()))

    module.InsightsScreen.show = timed_show  # type: ignore[method-assign]
    try:
        app = KindtoneApp(data_dir=data_dir)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()  # home has settled, as when a person opens it
            await pilot.pause()
            began = time.perf_counter()
            app.push_screen(module.InsightsScreen())
            while not painted:
                await asyncio.sleep(0.001)
            return (painted[0] - began) * 1000
    finally:
        module.InsightsScreen.show = show  # type: ignore[method-assign]


def loop_ms() -> float:
    """A plain 1M-iteration loop, to tell a slow machine from slow code (20-23 ms when quiet)."""
    times = []
    for _ in range(5):
        began = time.perf_counter()
        for _ in range(1_000_000):
            pass
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    print(f"1M-iteration loop: {loop_ms():.1f} ms (this machine, now)")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        ReflectionStore(data_dir).save_many(generate(n))
        print(f"{n} reflections")
        print(f"insights --json, no cache:   {command_ms(data_dir, cached=False):7.1f} ms")
        cached = command_ms(data_dir, cached=True)
        print(f"insights --json, cached:     {cached:7.1f} ms (target ≤ 300)")
        cold, warm = [], []
        for _ in range(5):
            (data_dir / CACHE_FILE).unlink(missing_ok=True)
            cold.append(asyncio.run(screen_ms(data_dir)))
            warm.append(asyncio.run(screen_ms(data_dir)))
        print(f"screen first paint, no cache: {statistics.median(cold):7.1f} ms")
        print(f"screen first paint, cached:   {statistics.median(warm):7.1f} ms (target ≤ 300)")
        print(f"1M-iteration loop: {loop_ms():.1f} ms (again, after)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
