"""``kindtone reflections list`` side by side with jrnl on the same 20,000 entries.

    python3 -m venv /tmp/jrnl-venv && /tmp/jrnl-venv/bin/pip install jrnl   # never into .venv
    .venv/bin/python tests/benchmarks/bench_reflections.py [--n 20000] [--runs 15]
        [--jrnl /tmp/jrnl-venv/bin/jrnl] [--word kind] [--kindtone .venv/bin/kindtone]

Targets (issue "Past reflections"): ``list --limit 10`` ≤ 0.25× the wall time of ``jrnl -n 10``;
``list --search WORD --limit 10`` ≤ 0.4× ``jrnl -contains WORD -n 10``; peak memory below
jrnl's. Both histories come from ``generate_reflections.generate``: kindtone's through its
own store, jrnl's written directly in jrnl's plain-text format (``[YYYY-MM-DD HH:MM] title.``
then the body) with the same words in it — exercises and situation as the title, every
prompt, answer and earlier try as the body — and a minimal config given by ``--config-file``.

Every command runs as a fresh process with its output read through a pipe (as when piped
to a pager); the wall time is from start to exit and the peak RSS is the child's own
``ru_maxrss``. The commands alternate so machine noise hits all alike; medians are reported.
Bytecode is cached (outside the checkout) as it is for an installed app. This is a
measurement, not a test: pytest never runs it. See README.md in this folder.
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
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

JRNL_CONFIG = """\
colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


def jrnl_entry(record: dict[str, Any]) -> str:
    """One reflection as a jrnl entry holding the same words."""
    from datetime import datetime

    started = datetime.fromisoformat(record["started_at"])
    title = ", ".join(record["exercises"])
    if record.get("situation"):
        title += f" ({record['situation']})"
    body: list[str] = []
    for step in record["steps"]:
        if step.get("prompt"):
            body.append(step["prompt"])
        body.extend(step.get("versions", [])[:-1])
        if isinstance(step.get("answer"), str):
            body.append(step["answer"])
    text = "\n".join(body).replace("\n[", "\n (")  # a line starting "[" could look like a date
    return f"[{started:%Y-%m-%d %H:%M}] {title}.\n{text}\n"


def prepare(n: int, folder: Path) -> None:
    """Both histories, from the same generated reflections.

    Run in a child process: a child's ``ru_maxrss`` counts the memory it inherited at
    ``fork`` before ``exec``, so the process that forks the measured commands must stay
    small (holding 20,000 generated records would put a ~300 MiB floor under every figure).
    """
    from generate_reflections import generate

    from tui.core.storage import ReflectionStore

    records = generate(n)
    ReflectionStore(folder / "kindtone").save_many(records)
    journal = folder / "journal.txt"
    ordered = sorted(records, key=lambda r: r["started_at"])
    journal.write_text("\n".join(jrnl_entry(r) for r in ordered), encoding="utf-8")
    (folder / "jrnl.yaml").write_text(JRNL_CONFIG.format(journal=journal), encoding="utf-8")


def run_measured(argv: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """(seconds from start to exit, the child's peak RSS in MiB, its stdout)."""
    with tempfile.TemporaryFile() as errors:
        began = time.perf_counter()
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors, env=env
        )
        assert process.stdout is not None
        out = process.stdout.read()
        process.stdout.close()
        # Reap it ourselves: wait4 gives this child's own rusage (RUSAGE_CHILDREN would be
        # the maximum over every child so far).
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - began
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-400:]
            raise RuntimeError(f"{argv} exited {process.returncode}: {message}")
    return elapsed, usage.ru_maxrss / 1024, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=20_000, help="entries in each history")
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (≥ 5)")
    parser.add_argument("--jrnl", default="/tmp/jrnl-venv/bin/jrnl", help="the jrnl to run")
    parser.add_argument("--word", default="kind", help="the word to search for")
    parser.add_argument(
        "--missing-word",
        default="zebra",
        help="also time a search that matches nothing (no target; '' to skip)",
    )
    parser.add_argument(
        "--kindtone",
        default=str(Path(sys.executable).with_name("kindtone")),
        help="the kindtone command (default: next to this Python)",
    )
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prepare:
        prepare(args.n, args.prepare)
        return 0
    runs = max(args.runs, 5)
    jrnl = shutil.which(args.jrnl) or args.jrnl
    if not Path(jrnl).exists():
        parser.error(f"jrnl not found at {args.jrnl}; see the top of this file to install it")
    kindtone = [args.kindtone] if Path(args.kindtone).exists() else [sys.executable, "-m", "tui"]

    with tempfile.TemporaryDirectory(prefix="kindtone-bench-") as tmp:
        folder = Path(tmp)
        data_dir = folder / "kindtone"
        config = folder / "jrnl.yaml"
        subprocess.run(
            [sys.executable, __file__, "--prepare", str(folder), "--n", str(args.n)], check=True
        )
        kt_mb = sum(p.stat().st_size for p in (data_dir / "reflections").glob("*.json")) / 1e6
        jr_mb = (folder / "journal.txt").stat().st_size / 1e6
        print(
            f"{args.n} entries: kindtone {kt_mb:.1f} MB in month files, "
            f"jrnl {jr_mb:.1f} MB in one file"
        )
        # Bytecode is cached as for an installed app (pip compiles a wheel's modules), but
        # outside the checkout; PYTHONDONTWRITEBYTECODE would make every run compile kindtone.
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
            "XDG_CONFIG_HOME": str(folder / "xdg-config"),
            "XDG_DATA_HOME": str(folder / "xdg-data"),
            "KINDTONE_CONFIG_DIR": str(folder / "kindtone-config"),
            "NO_COLOR": "1",
            "COLUMNS": "100",
        }
        kt = [*kindtone, "--data-dir", str(data_dir), "reflections", "list"]
        jr = [jrnl, "--config-file", str(config)]
        commands = {
            "kindtone list --limit 10": [*kt, "--limit", "10"],
            "jrnl -n 10": [*jr, "-n", "10"],
            f"kindtone list --search {args.word} --limit 10": [
                *kt,
                "--search",
                args.word,
                "--limit",
                "10",
            ],
            f"jrnl -contains {args.word} -n 10": [*jr, "-contains", args.word, "-n", "10"],
        }
        # No target: the worst case, a word in no entry, so every month file is read.
        if args.missing_word:
            word = args.missing_word
            commands[f"kindtone list --search {word} --limit 10"] = [
                *kt,
                "--search",
                word,
                "--limit",
                "10",
            ]
            commands[f"jrnl -contains {word} -n 10"] = [*jr, "-contains", word, "-n", "10"]
        # Once each to warm the page cache, and to check each lists what it should.
        for n, (name, command) in enumerate(commands.items()):
            out = run_measured(command, env)[2].decode()
            shown = (
                sum(1 for line in out.splitlines()[1:] if line.strip())
                if name.startswith("kindtone")
                else sum(1 for line in out.splitlines() if line.startswith(("19", "20")))
            )
            expected = 10 if n < 4 else 0
            if shown != expected:
                raise RuntimeError(f"{name} showed {shown} entries, not {expected}:\n{out[:2000]}")
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                elapsed, rss, _out = run_measured(command, env)
                samples[name].append((elapsed, rss))

    medians = {
        name: (statistics.median(s[0] for s in got) * 1000, statistics.median(s[1] for s in got))
        for name, got in samples.items()
    }
    width = max(len(name) for name in commands)
    print(f"\n| {'command':<{width}} | runs | wall ms (median) | peak RSS MiB (median) |")
    print(f"|{'-' * (width + 2)}|-----:|-----------------:|----------------------:|")
    for name, (wall, rss) in medians.items():
        print(f"| {name:<{width}} | {runs:>4} | {wall:>16.0f} | {rss:>21.1f} |")
    names = list(commands)
    for ours, theirs, target in ((names[0], names[1], 0.25), (names[2], names[3], 0.4)):
        wall = medians[ours][0] / medians[theirs][0]
        rss = medians[ours][1] / medians[theirs][1]
        verdict = "ok" if wall <= target and rss < 1 else "MISSED"
        print(
            f"{ours}: {wall:.2f}x jrnl's wall time (target ≤ {target}x), "
            f"{rss:.2f}x its peak memory (target < 1x): {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
