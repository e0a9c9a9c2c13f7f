"""Does the lock cost more than the key derivation? ``kindtone reflections list`` locked vs plain.

    .venv/bin/python tests/benchmarks/bench_lock.py [--n 20000] [--runs 11]
        [--kindtone .venv/bin/kindtone]

Goal (issue 16): locked ``list --limit 10`` and ``list --search WORD --limit 10`` at 20,000
reflections no slower than unlocked + the key derivation + 100 ms. Two copies of the same
history (``generate_reflections``) are made; one is locked with ``kindtone lock`` at production
strength (Argon2id, 64 MiB, 3 passes). Every command runs as a fresh process, the passphrase
piped on its first line, output read through a pipe; the commands alternate so machine noise
hits all alike, and medians are reported. The key derivation is timed on its own, in process,
with the parameters stored in the locked folder's ``lock.json``. Not a test: pytest never
runs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PASS = "a long enough passphrase"


def run(argv: list[str], env: dict[str, str], stdin: bytes) -> float:
    began = time.perf_counter()
    done = subprocess.run(argv, input=stdin, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{argv} failed: {done.stderr.decode()}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--word", default="kind")
    parser.add_argument("--kindtone", default=str(ROOT / ".venv" / "bin" / "kindtone"))
    args = parser.parse_args(argv)

    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from generate_reflections import main as generate

    from tui.core import vault

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain, locked = folder / "plain", folder / "locked"
        generate([str(args.n), str(plain)])
        shutil.copytree(plain, locked)
        env = os.environ | {"PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        env.pop("KINDTONE_DATA_DIR", None)
        run([args.kindtone, "--data-dir", str(locked), "lock"], env, f"{PASS}\n".encode())

        keyfile = vault.read_keyfile(locked)
        kdf_times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            vault.open_keyfile(keyfile, PASS)
            kdf_times.append(time.perf_counter() - began)
        kdf = statistics.median(kdf_times)

        cases = {
            "list --limit 10": ["reflections", "list", "--limit", "10"],
            f"list --search {args.word} --limit 10": [
                "reflections",
                "list",
                "--search",
                args.word,
                "--limit",
                "10",
            ],
            f"list --search {args.word}": ["reflections", "list", "--search", args.word],
        }
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):
            for name, words in cases.items():
                for state, data in (("plain", plain), ("locked", locked)):
                    stdin = f"{PASS}\n".encode() if state == "locked" else b""
                    argv_ = [args.kindtone, "--data-dir", str(data), *words]
                    times.setdefault((name, state), []).append(run(argv_, env, stdin))

        stored = keyfile["passphrase"]["kdf"]
        print(f"{args.n} reflections, {args.runs} runs each, medians; kdf {stored}")
        print(f"key derivation alone: {kdf * 1000:.0f} ms\n")
        print("| command | plain | locked | locked − plain − KDF | goal ≤ 100 ms |")
        print("|---|---:|---:|---:|---|")
        for name in cases:
            p = statistics.median(times[(name, "plain")])
            lk = statistics.median(times[(name, "locked")])
            extra = lk - p - kdf
            print(
                f"| `{name}` | {p * 1000:.0f} ms | {lk * 1000:.0f} ms | "
                f"{extra * 1000:+.0f} ms | {'met' if extra <= 0.1 else 'NOT met'} |"
            )
        print()
        in_process(plain, locked, args.runs, args.word)
        print(f"importing the cipher and KDF (python -X importtime): {import_ms():.0f} ms")
    return 0


def in_process(plain: Path, locked: Path, runs: int, word: str) -> None:
    """The store's own extra work when locked, without process start-up noise: the same
    ``list`` calls in one process, the key already derived, alternating, medians."""
    from tui.core import vault
    from tui.core.storage import ReflectionStore

    vault.unlock_in_memory(locked, PASS)
    calls = {
        "list(limit=10)": {"limit": 10},
        f"list(search={word!r}, limit=10)": {"search": word, "limit": 10},
        f"list(search={word!r})": {"search": word},
    }
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(runs):
        for name, kwargs in calls.items():
            for state, data in (("plain", plain), ("locked", locked)):
                store = ReflectionStore(data)  # fresh: no cache carried over
                began = time.perf_counter()
                store.list(**kwargs)  # type: ignore[arg-type]
                times.setdefault((name, state), []).append(time.perf_counter() - began)
    print("| in process, key derived | plain | locked | extra |")
    print("|---|---:|---:|---:|")
    for name in calls:
        p = statistics.median(times[(name, "plain")])
        lk = statistics.median(times[(name, "locked")])
        print(f"| `{name}` | {p * 1000:.1f} ms | {lk * 1000:.1f} ms | {(lk - p) * 1000:+.1f} ms |")


def import_ms() -> float:
    """Cumulative import time of the cryptography modules a locked command loads."""
    code = (
        "import tui.core.storage;"
        "from cryptography.hazmat.primitives.ciphers.aead import AESGCM;"
        "from cryptography.hazmat.primitives.kdf.argon2 import Argon2id"
    )
    samples = []
    for _ in range(5):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        total = 0
        for line in done.stderr.splitlines():
            parts = line.split("|")
            # top-level cryptography imports only: their cumulative time includes the rest
            if len(parts) == 3 and parts[2].startswith(" cryptography"):
                total += int(parts[1])
        samples.append(total / 1000)
    return statistics.median(samples)


if __name__ == "__main__":
    raise SystemExit(main())
