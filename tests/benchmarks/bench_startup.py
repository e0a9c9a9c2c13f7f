"""Start-up side by side: kindtone's home screen against a bare Textual app.

Run: ``python tests/benchmarks/bench_startup.py [RUNS]``

Each run starts the program in a pseudo-terminal (80×24) and reads everything it draws.
Two times are taken from process start: until the marker text appears (the first draw), and
until the last byte of the first burst of output that is followed by QUIET seconds with no
output at all (the screen has settled: the practice line and footer included). Then it quits
with ctrl+q and reads the peak RSS of the process. The two programs alternate so machine
noise hits both alike; medians are reported.
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
QUIET = 0.3  # seconds without output that count as "settled"
ANSI = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")


def run_once(
    argv: list[str], marker: bytes, env: dict[str, str], *, trace: bool = False
) -> tuple[float, float, float]:
    """(seconds to first draw, seconds until settled, peak RSS in MiB)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    import fcntl
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    drawn = None
    last_byte = None
    while time.perf_counter() - start < TIMEOUT:
        ready, _, _ = select.select([fd], [], [], 0.01)
        now = time.perf_counter()
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if trace:
                print(f"  {(now - start) * 1000:7.1f} ms  {len(chunk):6d} bytes")
            seen += chunk
            last_byte = now
            if drawn is None and marker in ANSI.sub(b"", seen):
                drawn = now - start
        elif drawn is not None and last_byte is not None and now - last_byte >= QUIET:
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
    if drawn is None or last_byte is None:
        raise RuntimeError(f"{argv} never drew {marker!r}: {seen[-400:]!r}")
    return drawn, last_byte - start, usage.ru_maxrss / 1024


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--trace"]
    runs = int(args[0]) if args else 15
    python = sys.executable
    with tempfile.TemporaryDirectory() as data_dir, tempfile.TemporaryDirectory() as locked:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "KINDTONE_DATA_DIR": data_dir,
            "KINDTONE_CONFIG_DIR": str(Path(data_dir) / "config"),
        }
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
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in programs}
        for name, (argv, marker, env_) in programs.items():  # warm the file cache
            if "--trace" in sys.argv:
                print(name)
            run_once(argv, marker, env_, trace="--trace" in sys.argv)
        for _ in range(runs):
            for name, (argv, marker, env_) in programs.items():
                results[name].append(run_once(argv, marker, env_))
    print(f"{'program':<18} {'first draw':>11} {'settled':>9} {'peak RSS':>10}   (medians)")
    medians = {}
    for name, samples in results.items():
        draw = statistics.median(s[0] for s in samples) * 1000
        settled = statistics.median(s[1] for s in samples) * 1000
        rss = statistics.median(s[2] for s in samples)
        medians[name] = (draw, settled, rss)
        print(f"{name:<18} {draw:>8.0f} ms {settled:>6.0f} ms {rss:>6.1f} MiB")
    bare, ours = medians["bare Textual app"], medians["kindtone home"]
    locked_screen = medians["passphrase screen"]
    print(
        f"ratio: settled {ours[1] / bare[1]:.2f}x (target ≤ 1.15x), "
        f"first draw {ours[0] / bare[0]:.2f}x, "
        f"peak memory {ours[2] / bare[2]:.2f}x (target ≤ 1.3x); {runs} runs each"
    )
    print(
        f"passphrase screen: first draw {locked_screen[0] / bare[0]:.2f}x the bare app, "
        f"{locked_screen[0] / ours[0]:.2f}x home (target: within home's budget, ≤ 1.15x bare)"
    )


if __name__ == "__main__":
    main()
