"""Where the CPU time of a start goes: kindtone's home screen against a bare Textual app.

Run: ``python tests/benchmarks/profile_startup.py [RUNS] [--cprofile FILE] [--importtime]``

A companion to bench_startup.py for a busy machine, where wall-clock ratios are noise: the
CPU time a process has used (``time.process_time``, all threads, from exec) is read at a few
marks on its way to the first frame, in an 80×24 pseudo-terminal as bench_startup runs it:

- ``python``: the interpreter is up and this probe starts (the same for both programs);
- ``textual.app``: ``textual.app`` has been imported;
- ``App.run``: the app object exists and ``App.run`` is called (the rest of the imports);
- ``frame``: the text that marks the first frame has been written to the terminal;
- ``+0.4 s``: 400 ms later, anything done after the frame (a late redraw, a collection).

Nothing in the product is changed to take them: the child process wraps ``sys.__stderr__``
(where Textual's driver writes) and the import of ``textual.app`` before running the program
exactly as ``python -m tui`` or ``bare_app.py`` would. The two programs alternate and medians
are printed. ``--cprofile FILE`` writes a cProfile of each program from ``App.run`` to its
first frame (``PROGRAM`` in FILE becomes its name); ``--importtime`` prints, from
``python -X importtime`` in the same pty, the import time of kindtone's start by package.
With ``PROFILE_STARTUP_PARTS=1`` in the environment each run also adds up the CPU time of a
few Textual methods (``PARTS``: CSS parsing, styling, compose and mount, layout, render) and
notes when the driver is handed the first frame, for ``measure()`` callers to compare.
"""

from __future__ import annotations

import itertools
import json
import os
import pty
import select
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PROGRAMS = {"bare": b"bare app ready", "kindtone": b"not a substitute"}
PHASES = ("python", "textual.app", "App.run", "frame", "+0.4 s")


# -- the child: run one program, note the marks ---------------------------------------------


def child(program: str, marks_path: str, profile_path: str | None) -> None:
    import re
    import threading

    marks: dict[str, float] = {"python": time.process_time()}
    wall0 = time.perf_counter()
    marker = PROGRAMS[program].decode()
    ansi = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")
    profiler = None
    if profile_path:
        import cProfile

        profiler = cProfile.Profile()

    def finish() -> None:
        time.sleep(0.4)
        marks["+0.4 s"] = time.process_time()
        Path(marks_path).write_text(json.dumps(marks))
        # A warm-up run stays long enough for what a start keeps for the next one (the
        # parsed stylesheets, saved a second after the first frame) to be written.
        time.sleep(float(os.environ.get("PROFILE_STARTUP_LINGER", "0")))
        os._exit(0)

    class Stderr:
        """Sees what Textual writes; passes it on unchanged."""

        def __init__(self, real: Any) -> None:
            self._real = real
            self._seen = ""

        def write(self, text: str) -> int:
            result: int = self._real.write(text)
            if "frame" not in marks:
                self._seen += text
                if marker in ansi.sub("", self._seen):
                    marks["frame"] = time.process_time()
                    marks["frame wall"] = time.perf_counter() - wall0
                    marks["written wall"] = time.perf_counter()
                    if profiler is not None:
                        profiler.disable()
                        assert profile_path is not None
                        profiler.dump_stats(profile_path)
                    threading.Thread(target=finish, daemon=True).start()
            return result

        def __getattr__(self, name: str) -> Any:
            return getattr(self._real, name)

    import_log = os.environ.get("PROFILE_STARTUP_IMPORTLOG")
    if import_log:
        # -X importtime writes to fd 2: send that to the log, and Textual to the terminal.
        terminal = os.dup(2)
        os.dup2(os.open(import_log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
        sys.__stderr__ = open(terminal, "w", encoding="utf-8", errors="replace")  # type: ignore[misc]  # noqa: SIM115
    sys.__stderr__ = Stderr(sys.__stderr__)  # type: ignore[misc]

    import importlib.abc
    import importlib.machinery

    class Watch(importlib.abc.MetaPathFinder):
        """Notes when textual.app is imported and when App.run is called."""

        def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
            if name != "textual.app":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return spec
            loader = spec.loader
            exec_module = loader.exec_module

            def exec_and_mark(module: Any) -> None:
                exec_module(module)
                marks["textual.app"] = time.process_time()
                marks["textual.app wall"] = time.perf_counter() - wall0
                run = module.App.run

                def marked_run(self: Any, *args: Any, **kwargs: Any) -> Any:
                    marks["App.run"] = time.process_time()
                    marks["App.run wall"] = time.perf_counter() - wall0
                    if os.environ.get("PROFILE_STARTUP_PARTS"):
                        time_parts(marks)
                    if profiler is not None:
                        profiler.enable()
                    return run(self, *args, **kwargs)

                module.App.run = marked_run

            loader.exec_module = exec_and_mark  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Watch())
    if program == "bare":
        import runpy

        sys.argv = [str(HERE / "bare_app.py")]
        runpy.run_path(str(HERE / "bare_app.py"), run_name="__main__")
    else:
        import runpy

        sys.argv = ["kindtone"]
        sys.path.insert(0, str(ROOT))
        runpy.run_module("tui", run_name="__main__", alter_sys=True)


PARTS = {
    "parse CSS": ("textual.css.stylesheet", "Stylesheet", "parse"),
    "style nodes": ("textual.css.stylesheet", "Stylesheet", "apply"),
    "compose+mount": ("textual.widget", "Widget", "_on_compose"),
    "screen compose": ("textual.screen", "Screen", "_compose"),
    "layout": ("textual._compositor", "Compositor", "reflow"),
    "render": ("textual._compositor", "Compositor", "render_update"),
    "default screen": ("textual.app", "App", "_init_mode"),
}


def time_parts(marks: dict[str, float]) -> None:
    """Add up the CPU time spent in a few Textual methods (outermost calls only), and note
    when the driver is handed the first frame (its writer thread writes it a moment later)."""
    import functools
    import importlib
    import inspect

    from textual.drivers.linux_driver import LinuxDriver

    driver_write = LinuxDriver.write

    def write(self: Any, data: str) -> None:
        if len(data) > 1000 and "handed" not in marks:
            marks["handed"] = time.process_time()
            marks["handed wall"] = time.perf_counter()
        driver_write(self, data)

    LinuxDriver.write = write  # type: ignore[method-assign]

    for part, (module_name, class_name, attr) in PARTS.items():
        cls = getattr(importlib.import_module(module_name), class_name)
        original = getattr(cls, attr)
        depth = [0]
        marks[part] = 0.0

        def make(original: Any, part: str, depth: list[int]) -> Any:
            if inspect.iscoroutinefunction(original):

                @functools.wraps(original)
                async def timed_async(*args: Any, **kwargs: Any) -> Any:
                    # Awaits let other work run inside: count only the synchronous stretches
                    # would need a tracer; this counts the whole await (an upper bound).
                    depth[0] += 1
                    start = time.process_time()
                    try:
                        return await original(*args, **kwargs)
                    finally:
                        depth[0] -= 1
                        if not depth[0]:
                            marks[part] += time.process_time() - start

                return timed_async

            @functools.wraps(original)
            def timed(*args: Any, **kwargs: Any) -> Any:
                depth[0] += 1
                start = time.process_time()
                try:
                    return original(*args, **kwargs)
                finally:
                    depth[0] -= 1
                    if not depth[0]:
                        marks[part] += time.process_time() - start

            return timed

        setattr(cls, attr, make(original, part, depth))


# -- the parent: run the children in a pty -------------------------------------------------


def run_in_pty(argv: list[str], env: dict[str, str], timeout: float = 20.0) -> bytes:
    """Everything the program writes until it exits (it exits itself; see ``child``)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    import fcntl
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out = b""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return out


def measure(program: str, env: dict[str, str], profile: str | None = None) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        marks_path = handle.name
    argv = [sys.executable, __file__, "--child", program, marks_path]
    if profile:
        argv += [profile.replace("PROGRAM", program)]
    try:
        run_in_pty(argv, env)
        marks: dict[str, float] = json.loads(Path(marks_path).read_text() or "{}")
    finally:
        os.unlink(marks_path)
    if "frame" not in marks:
        raise RuntimeError(f"{program} never drew its marker")
    return marks


def import_times(env: dict[str, str]) -> None:
    """``-X importtime`` of a kindtone start, the modules outside Textual and Rich."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        marks_path = handle.name
    log = Path(marks_path + ".log")
    argv = [sys.executable, "-X", "importtime", __file__, "--child", "kindtone", marks_path]
    run_in_pty(argv, {**env, "PROFILE_STARTUP_IMPORTLOG": str(log)})
    rows = []
    for line in log.read_text(errors="replace").splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = [p.strip() for p in line[len("import time:") :].split("|")]
        if not parts[0].isdigit():
            continue
        name = parts[2]
        rows.append((int(parts[1]), int(parts[0]), name))
    os.unlink(marks_path)
    log.unlink()
    total = sum(own for _cum, own, _name in rows)
    print(f"imports: {len(rows)} modules, {total / 1000:.1f} ms self time in all")
    groups: dict[str, int] = {}
    for _cum, own, name in rows:
        top = name.strip().split(".")[0]
        groups[top] = groups.get(top, 0) + own
    for top, own in sorted(groups.items(), key=lambda kv: -kv[1])[:25]:
        print(f"  {own / 1000:7.1f} ms  {top}")
    print("kindtone's own modules and those they brought in (cumulative, top 25):")
    for cum, _own, name in sorted(rows, reverse=True):
        if name.strip().split(".")[0] not in ("textual", "rich") and cum > 1000:
            print(f"  {cum / 1000:7.1f} ms  {name}")


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--child":
        child(args[1], args[2], args[3] if len(args) > 3 else None)
        return
    profile = None
    if "--cprofile" in args:
        profile = args[args.index("--cprofile") + 1]
        args.remove("--cprofile")
        args.remove(profile)
    importtime = "--importtime" in args
    if importtime:
        args.remove("--importtime")
    runs = int(args[0]) if args else 15
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "KINDTONE_DATA_DIR": data_dir,
            "KINDTONE_CONFIG_DIR": str(Path(data_dir) / "config"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if importtime:
            import_times(env)
        if profile:
            for program in PROGRAMS:
                measure(program, env, profile=str(Path(profile).resolve()))
            print(f"cProfiles from App.run to the first frame: {profile} (PROGRAM: bare, kindtone)")
        for program in PROGRAMS:  # warm the file, bytecode and kept-CSS caches
            measure(program, {**env, "PROFILE_STARTUP_LINGER": "1.5"})
        results: dict[str, list[dict[str, float]]] = {name: [] for name in PROGRAMS}
        for _ in range(runs):
            for program in PROGRAMS:
                results[program].append(measure(program, env))
    print(f"CPU ms at each mark, from exec (medians of {runs}); wall ms to the frame")
    print(f"{'':<10}" + "".join(f"{p:>13}" for p in PHASES) + f"{'frame wall':>12}")
    medians: dict[str, dict[str, float]] = {}
    for program, samples in results.items():
        medians[program] = {
            p: statistics.median(s[p] for s in samples) * 1000 for p in (*PHASES, "frame wall")
        }
        print(
            f"{program:<10}"
            + "".join(f"{medians[program][p]:>13.1f}" for p in PHASES)
            + f"{medians[program]['frame wall']:>12.1f}"
        )
    print("CPU ms per phase (medians of per-run differences)")
    steps = list(itertools.pairwise(PHASES))
    print(f"{'':<10}" + "".join(f"{b:>13}" for _a, b in steps))
    for program, samples in results.items():
        cells = [statistics.median(s[b] - s[a] for s in samples) * 1000 for a, b in steps]
        print(f"{program:<10}" + "".join(f"{c:>13.1f}" for c in cells))
    bare, ours = medians["bare"], medians["kindtone"]
    print(
        f"CPU to the frame: kindtone {ours['frame']:.0f} ms, bare {bare['frame']:.0f} ms, "
        f"ratio {ours['frame'] / bare['frame']:.2f}x; after the frame (+0.4 s): "
        f"{ours['+0.4 s'] - ours['frame']:.1f} vs {bare['+0.4 s'] - bare['frame']:.1f} ms"
    )


if __name__ == "__main__":
    main()
