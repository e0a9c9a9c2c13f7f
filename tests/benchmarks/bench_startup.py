"""Start-up side by side: kindtone's home screen against a bare Textual app.

Run: ``python tests/benchmarks/bench_startup.py [RUNS]``

Each run starts the program in a pseudo-terminal (80×24), times until the marker text
appears on screen (the first draw), quits, and reads the peak RSS of the process. The two
programs alternate so machine noise hits both alike; medians are reported.
"""

from __future__ import annotations

import contextlib
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TIMEOUT = 20.0
ANSI = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")


def run_once(argv: list[str], marker: bytes, env: dict[str, str]) -> tuple[float, float]:
    """(seconds to first draw, peak RSS in MiB)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    import fcntl
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    drawn = None
    while time.perf_counter() - start < TIMEOUT:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if marker in ANSI.sub(b"", seen):
                drawn = time.perf_counter() - start
                break
    os.write(fd, b"\x11")  # ctrl+q
    deadline = time.perf_counter() + 5

    while time.perf_counter() < deadline:
        with contextlib.suppress(OSError):
            os.read(fd, 65536)
        done, _status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.02)
    else:
        os.kill(pid, signal.SIGKILL)
        _, _status, usage = os.wait4(pid, 0)
    os.close(fd)
    if drawn is None:
        raise RuntimeError(f"{argv} never drew {marker!r}: {seen[-400:]!r}")
    return drawn, usage.ru_maxrss / 1024


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    python = sys.executable
    with tempfile.TemporaryDirectory() as data_dir, tempfile.TemporaryDirectory() as locked:
        env = {**os.environ, "TERM": "xterm-256color", "KINDTONE_DATA_DIR": data_dir}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cached
        # A locked folder (issue 16) opens on the passphrase screen; its first draw is held
        # to the home screen's budget.
        sys.path.insert(0, str(ROOT))
        from tui.core.locking import lock_folder

        lock_folder(Path(locked), "a long enough passphrase")
        locked_env = {**env, "KINDTONE_DATA_DIR": locked}
        programs = {
            "bare Textual app": ([python, str(HERE / "bare_app.py")], b"bare app ready", env),
            "kindtone home": ([python, "-m", "tui"], b"not a substitute", env),
            "passphrase screen": ([python, "-m", "tui"], b"Type your passphrase", locked_env),
        }
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
        for argv, marker, env_ in programs.values():  # warm the file cache
            run_once(argv, marker, env_)
        for _ in range(runs):
            for name, (argv, marker, env_) in programs.items():
                results[name].append(run_once(argv, marker, env_))
    print(f"{'program':<20} {'first draw (median)':>20} {'peak RSS (median)':>18}")
    medians = {}
    for name, samples in results.items():
        draw = statistics.median(s[0] for s in samples) * 1000
        rss = statistics.median(s[1] for s in samples)
        medians[name] = (draw, rss)
        print(f"{name:<20} {draw:>17.0f} ms {rss:>14.1f} MiB")
    bare, ours = medians["bare Textual app"], medians["kindtone home"]
    locked_screen = medians["passphrase screen"]
    print(
        f"ratio: first draw {ours[0] / bare[0]:.2f}x (target ≤ 1.15x), "
        f"peak memory {ours[1] / bare[1]:.2f}x (target ≤ 1.3x); {runs} runs each"
    )
    print(
        f"passphrase screen: first draw {locked_screen[0] / bare[0]:.2f}x the bare app, "
        f"{locked_screen[0] / ours[0]:.2f}x home (target: within home's budget, ≤ 1.15x bare)"
    )


if __name__ == "__main__":
    main()
