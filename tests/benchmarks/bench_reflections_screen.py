"""The reflections screen at scale: first rows, search keystrokes, and saving.

Run: ``python tests/benchmarks/bench_reflections_screen.py [N]`` (default 20,000).

It drives the real app headless (``run_test``) on a generated history: time from opening
the screen until its first rows are on screen, then the time each search keystroke takes
to update the list (measured around the key press, list update included).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_reflections import generate  # noqa: E402

from tui.app import KindtoneApp  # noqa: E402
from tui.core.storage import ReflectionStore  # noqa: E402
from tui.screens.reflections import ReflectionsScreen  # noqa: E402
from tui.widgets.reflection_list import ReflectionList  # noqa: E402


async def measure(data_dir: Path) -> None:
    app = KindtoneApp(data_dir=data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        began = time.perf_counter()
        app.push_screen(ReflectionsScreen())
        screen = None
        while True:
            await asyncio.sleep(0.002)
            screen = app.screen
            if isinstance(screen, ReflectionsScreen) and screen.query_one(ReflectionList).rows:
                break
        first_rows = (time.perf_counter() - began) * 1000
        await app.workers.wait_for_complete()
        everything = (time.perf_counter() - began) * 1000
        await pilot.pause()
        await pilot.press("slash")
        keystrokes, filters = [], []
        for key in "kindness" + "\b" * 8 + "walk":
            started = time.perf_counter()
            await pilot.press("backspace" if key == "\b" else key)
            keystrokes.append((time.perf_counter() - started) * 1000)
            filters.append(screen.last_filter_ms)
        rows = len(screen.query_one(ReflectionList).rows)
    print(f"first rows on screen:           {first_rows:7.1f} ms (target ≤ 300)")
    print(f"whole history loaded (background): {everything:7.1f} ms")
    print(
        f"search keystroke, press → list updated: median {statistics.median(keystrokes):.1f} ms, "
        f"max {max(keystrokes):.1f} ms (target ≤ 50)"
    )
    print(f"  of which filtering + list update: median {statistics.median(filters):.1f} ms")
    print(f"  ('walk' matches {rows} reflections)")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        ReflectionStore(data_dir).save_many(generate(n))
        print(f"{n} reflections")
        asyncio.run(measure(data_dir))


if __name__ == "__main__":
    main()
