"""Shared fixtures. Tests never touch the real user data dir."""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib._bootstrap_external
import importlib.util
import itertools
import os
import re
import shutil
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any

import pytest
import textual._callback
import textual._wait
import textual.css.stylesheet
from _pytest.pathlib import LOCK_TIMEOUT, cleanup_numbered_dir
from textual.css.model import RuleSet
from textual.css.stylesheet import CSSLocation, Stylesheet

if TYPE_CHECKING:
    from tui.core.exercises import Exercise, Problem, Source

# With PYTHONDONTWRITEBYTECODE=1 (as on the machine the suite is timed on) nothing is cached:
# every xdist worker compiles tui again and rewrites every test module's asserts again, ~3.5 s
# of CPU each on two cores. Cache that bytecode outside the source tree, in .pytest_cache.
# The Python processes the tests start (the app in a pty, the CLI, the savers the SIGKILL tests
# kill) inherit the same cache through the environment: each compiled the tui modules it
# imports again, ~0.1 s of CPU a start for the app (exported in pytest_configure below).
if sys.dont_write_bytecode:
    sys.pycache_prefix = str(Path(__file__).resolve().parent.parent / ".pytest_cache" / "pycache")
    sys.dont_write_bytecode = False

# ... but only for what has no bytecode of its own. With a prefix Python looks for bytecode
# nowhere else, so the standard library and every installed package (compiled when installed,
# in __pycache__ beside each file) were compiled again into .pytest_cache, ~600 modules, by each
# worker at once on a run with an empty cache (a fresh clone, as CI runs it): ~10 s of CPU. Where
# the bytecode beside a file exists it is used, as without a prefix (Python still checks that it
# matches the source); everything else (tui, the tests) is cached in .pytest_cache as above.
# For the same reason the xdist controller does not pass the prefix on to the workers it starts
# (they would import pytest, its plugins and Textual under it before reading this file): each
# worker comes here with PYTHONDONTWRITEBYTECODE as the controller did, and passes the prefix on
# to the processes its tests start.
_cache_in_prefix = importlib._bootstrap_external.cache_from_source


def cache_beside_if_there(path: str, *args: Any, **kwargs: Any) -> str:
    cached: str = _cache_in_prefix(path, *args, **kwargs)
    if sys.pycache_prefix is None or not cached.startswith(sys.pycache_prefix):
        return cached
    beside = os.path.join(os.path.dirname(path), "__pycache__", os.path.basename(cached))
    return beside if os.path.exists(beside) else cached


if sys.pycache_prefix is not None:
    importlib._bootstrap_external.cache_from_source = cache_beside_if_there  # type: ignore[assignment]

# The cyclic collector at its defaults (a young collection every 700 new objects) spent ~30% of
# an app test's CPU: every app builds thousands of widgets, so it ran often, and each full
# collection walked the whole heap of a test process (~100 MiB: Textual, the analyser's data,
# the apps before). Collecting less often changes when garbage is freed, never what a test
# sees; a worker's peak memory grows by ~10%. The app's own start-up pause (gc.disable until
# the first frame, tested in test_app_startup.py) is untouched.
gc.set_threshold(50_000, 20, 10)

# Python's own cache of compiled regular expressions keeps the last 512. The analyser has ~1,000
# rules, each a regular expression compiled on first use, and the tests build it several times
# in a process (from the snapshot, from the sources, in copies of the data folder): each build
# compiled them all again (~0.5 s of CPU). The same text compiles to the same pattern, so a
# larger cache changes nothing but when the work is done.
re._MAXCACHE = 10_000  # type: ignore[attr-defined]

# Pilot's pause() and press() wait for "idle" by sleeping 20 ms at a time until the process used
# under 1 ms of CPU in one of them (textual._wait): at least 20 ms a call, ~60 ms on average,
# and the suite makes thousands of calls (most of its wall time was these sleeps). The same test
# of idleness (under 5% of one core) in 5 ms slices. A test that needs something to have
# happened waits for that condition (tests/helpers_pty.py: until), never on idleness alone.
textual._wait.SLEEP_GRANULARITY = 0.005
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20

# Textual calls each callback with as many arguments as it takes, counted with
# inspect.signature and remembered on the function. A closure made anew each time is a new
# function, counted anew: Pilot's wait for the screen makes one (``decrement_counter``) for
# every widget on it at every press and pause, ~6,000 signatures in test_focus alone. The count
# of a plain function's parameters is fixed by its code object, so count once a code object.
_count_parameters = textual._callback._count_parameters
_PARAMETERS: dict[CodeType, int] = {}


def count_parameters_once(func: Callable[..., object]) -> int:
    if (
        type(func) is not FunctionType
        or "__wrapped__" in func.__dict__
        or ("__signature__" in func.__dict__)
    ):
        return _count_parameters(func)
    count = _PARAMETERS.get(func.__code__)
    if count is None:
        count = _PARAMETERS[func.__code__] = _count_parameters(func)
    return count


textual._callback._count_parameters = count_parameters_once

# Each app parses the same CSS again (app.tcss and every widget's DEFAULT_CSS), and again on
# each theme change and on each screen with CSS of its own (Stylesheet.reparse starts from an
# empty cache), ~15% of an app test's CPU. Parsing is a pure function of the text, where it was
# read from, and the theme's variables, and Textual already hands the same parsed rules to
# every parse of one stylesheet, so the test process remembers them across apps too.
_PARSED: dict[tuple[object, ...], list[RuleSet]] = {}
_parse_rules = Stylesheet._parse_rules
_PARSE = textual.css.stylesheet.parse
# The theme's variables as part of a key: one frozenset per variables dict a stylesheet is
# given (Textual never changes that dict in place: its own tokens of it are made once, in
# set_variables), and one object for equal ones, so a lookup compares them by identity. Built
# on every call, with the long CSS texts compared too, the key cost ~1% of the suite's CPU.
_VARIABLES: dict[frozenset[tuple[str, str]], frozenset[tuple[str, str]]] = {}


def _variables_key(self: Stylesheet) -> frozenset[tuple[str, str]]:
    variables = self._variables
    kept: tuple[dict[str, str], frozenset[tuple[str, str]]] | None
    kept = self.__dict__.get("_suite_variables")
    if kept is None or kept[0] is not variables:
        items = frozenset(variables.items())
        kept = (variables, _VARIABLES.setdefault(items, items))
        self.__dict__["_suite_variables"] = kept
    return kept[1]


def _parse_rules_once(
    self: Stylesheet,
    css: str,
    read_from: CSSLocation,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    if textual.css.stylesheet.parse is not _PARSE:  # a test watching the parser sees it parse
        return _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
    own_key = (css, read_from, is_default_rules, tie_breaker, scope)
    rules = self._parse_cache.get(own_key)  # as Textual's own method starts
    if rules is not None:
        return rules
    key = (*own_key, _variables_key(self))
    rules = _PARSED.get(key)
    if rules is None:
        rules = _PARSED[key] = _parse_rules(
            self, css, read_from, is_default_rules, tie_breaker, scope
        )
    else:
        self._parse_cache[own_key] = rules  # as Textual's own method ends
    return rules


Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]

# Every app, plain session and exercises command reads the built-in exercises again: the same
# ~12 TOML files parsed and validated each time, ~5 ms a library, ~1,200 files a worker. The
# result (frozen dataclasses and a fresh list of problems) is a pure function of the text, the
# path and the source, so the test process remembers it; the files are still read each time,
# and a changed file is a new text, parsed anew.


# Every save fsyncs the file and its folder (tui/core/atomic.py), as it must for the person's
# words. On this machine's ext4 /tmp that is ~2.4 ms of waiting a save (0.02 ms in memory), and
# the store, backup, lock and SIGKILL tests make thousands: the test folders were a third of
# those files' wall time. When the machine has a memory filesystem with room to spare, pytest's
# temporary folders go there: the same code runs, the same calls are made (fsync included),
# and a killed process leaves the same bytes behind as on a disk (the page cache outlives it).
# PYTEST_DEBUG_TEMPROOT (pytest's own setting, read when the first temporary folder is made)
# or --basetemp, when given, decide instead.
MEMORY_TEMP_ROOT = Path("/dev/shm")
MEMORY_TEMP_ROOM = 2 << 30  # a run leaves ~100 MiB; pytest keeps the last three runs


def memory_temp_root(
    candidate: Path = MEMORY_TEMP_ROOT, environ: Mapping[str, str] = os.environ
) -> Path | None:
    """``candidate`` if it can hold the suite's temporary folders and nothing chose otherwise."""
    if environ.get("PYTEST_DEBUG_TEMPROOT") or not sys.platform.startswith("linux"):
        return None
    try:
        room = os.statvfs(candidate)
    except OSError:
        return None
    if room.f_bavail * room.f_frsize < MEMORY_TEMP_ROOM or not os.access(
        candidate, os.W_OK | os.X_OK
    ):
        return None
    return candidate


if (_memory_root := memory_temp_root()) is not None:
    os.environ["PYTEST_DEBUG_TEMPROOT"] = str(_memory_root)

import tui.core.exercises  # noqa: E402  (after the bytecode cache is set up, above)

_EXERCISES: dict[tuple[str, Path, str], tuple[Exercise | None, list[Problem]]] = {}
_parse_exercise_text = tui.core.exercises.parse_exercise_text


def parse_exercise_text_once(
    text: str, path: Path, source: Source = "custom"
) -> tuple[Exercise | None, list[Problem]]:
    key = (text, path, source)
    if key not in _EXERCISES:
        _EXERCISES[key] = _parse_exercise_text(text, path, source)
    exercise, problems = _EXERCISES[key]
    return exercise, list(problems)


tui.core.exercises.parse_exercise_text = parse_exercise_text_once

from textual.widgets import Input, TextArea  # noqa: E402

from tui.core import vault  # noqa: E402

_BLINKING = (TextArea, Input)
_ABSENT = object()


@pytest.fixture(scope="session")
def _own_folders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where tests that never asked for ``tmp_path`` get a folder of their own."""
    return tmp_path_factory.mktemp("own")


_OWN = itertools.count()


# Argon2id at its smallest, so a lock in a test costs a millisecond. Only tests lower it; a test
# in test_lock.py checks that production uses at least OWASP's parameters.
TEST_KDF = {"name": "argon2id", "memory_kib": 8, "iterations": 1, "lanes": 1}


@pytest.fixture(autouse=True)
def isolated_data_dir(request: pytest.FixtureRequest, _own_folders: Path) -> Iterator[Path]:
    """Point every default location at a temporary folder, in case something forgets --data-dir;
    cheap key derivation for new locks and no key left in memory between tests; cursors that
    don't blink (blinking makes screenshots differ from run to run).

    A test that uses ``tmp_path`` gets the folders inside it; any other (most of the ~2,700,
    like each rule's examples) a new empty folder of its own, made with one mkdir. pytest's
    ``tmp_path`` rescans every folder it made so far to number the next and re-points a
    symlink, which on this disk cost those tests more than they do.

    One fixture, setting and restoring by hand what three autouse fixtures did through
    ``monkeypatch``: the same values before the test and the old ones after it, in ~0.2 ms
    instead of ~0.8 ms a test (pytest's fixture machinery, three times over ~2,700 tests).
    A test's own ``monkeypatch`` is undone first, as before (this fixture is set up first)."""
    if "tmp_path" in request.fixturenames:
        tmp_path: Path = request.getfixturevalue("tmp_path")
    else:
        tmp_path = _own_folders / str(next(_OWN))
        tmp_path.mkdir()
    data_dir = tmp_path / "kindtone-data"
    values = {
        "KINDTONE_DATA_DIR": str(data_dir),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "KINDTONE_CONFIG_DIR": str(tmp_path / "kindtone-config"),
        "HOME": str(tmp_path / "home"),
    }
    environ = os.environ
    old_environ = {name: environ.get(name) for name in values}
    environ.update(values)
    blink = [(cls, cls.__dict__.get("cursor_blink", _ABSENT)) for cls in _BLINKING]
    for cls, _ in blink:
        cls.cursor_blink = False  # type: ignore[attr-defined]
    old_kdf = vault._kdf_for_new_keys
    vault._kdf_for_new_keys = dict(TEST_KDF)
    vault.forget()
    try:
        yield data_dir
    finally:
        vault.forget()
        vault._kdf_for_new_keys = old_kdf
        for cls, old in blink:
            if old is _ABSENT:
                delattr(cls, "cursor_blink")
            else:
                setattr(cls, "cursor_blink", old)  # noqa: B010  (the descriptor, put back)
        for name, old_value in old_environ.items():
            if old_value is None:
                environ.pop(name, None)
            else:
                environ[name] = old_value


# The files whose tests take longest (measured with --durations on two cores), run first: with
# `pytest -n auto` the scheduler then hands them out while both workers are free, instead of one
# worker finishing a 10 s test alone at the end. This only orders; it neither drops nor skips.
LONG_FILES_FIRST = (
    "test_focus.py",
    "test_robustness.py",
    "test_app_practice.py",
    "test_app_session.py",
    "test_two_faces.py",
    "test_app_regressions.py",
    "test_hostile_input.py",
    "test_app_reflections.py",
    "test_footer.py",
    "test_app_lock.py",
    "test_polish.py",
    "test_app_library.py",
    "test_app_settings.py",
    "test_offline.py",
)


# Long single tests (1.3 s or more of wall each on the quiet 2-core machine, `pytest -n auto`)
# from files not listed above: they run right after the listed files, not in their file's place.
# Last in the suite, one of them (2-3 s) ran alone while the other workers had run dry; moved,
# the workers' last tests end within ~0.3 s of each other. Moving every long test to the very
# front was tried too: two runs of it took 12-14 s more CPU, within this machine's run-to-run
# spread (102-120 s for the same code), so it is neither adopted nor ruled out.
LONG_TESTS_NEXT = frozenset(
    {
        "test_focus_and_dialogs_redraw_only_what_changed_and_the_terminal_stays_right",
        "test_a_branch_left_out_of_the_index_is_caught",
        "test_the_index_offers_every_rule_that_matches",
        "test_no_plain_words_even_after_sigkill_mid_save",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(LONG_FILES_FIRST)}

    def order(item: pytest.Item) -> int:
        long_test = getattr(item, "originalname", item.name) in LONG_TESTS_NEXT
        return rank.get(item.path.name, len(rank) + (0 if long_test else 1))

    items.sort(key=order)  # stable: only moves; every test still runs


@functools.cache
def counting_loadgroup() -> type[Any]:
    """xdist's ``--dist loadgroup`` scheduler, with each worker's count of tests given and not
    yet finished kept as tests are given and finished instead of counted again each time.

    After every test a worker finishes, xdist (3.8) counts that worker's unfinished tests by
    walking every work unit it was ever given, and a test with no group is a unit of its own:
    ~1,200 units a worker by the end of a run, ~2 million steps in all, O(tests²), in the
    controller. It also found each test it sends by searching the list of all of them. Same
    decisions, same order of tests, same messages: only the counting and the lookup are kept
    (tests/test_suite_housekeeping.py runs both schedulers side by side, a worker crash too)."""
    from xdist.scheduler import LoadGroupScheduling

    class CountingLoadGroupScheduling(LoadGroupScheduling):  # type: ignore[misc]
        def __init__(self, config: pytest.Config, log: Any = None) -> None:
            super().__init__(config, log)
            self._unfinished: dict[Any, int] = {}  # worker -> tests given, not finished
            self._positions: dict[Any, dict[str, int]] = {}  # worker -> test id -> index

        def add_node(self, node: Any) -> None:
            super().add_node(node)
            self._unfinished[node] = 0

        def remove_node(self, node: Any) -> str | None:
            crashed: str | None = super().remove_node(node)
            self._unfinished.pop(node, None)
            return crashed

        def _pending_of(self, workload: dict[str, dict[str, bool]]) -> int:
            for node, assigned in self.assigned_work.items():
                if assigned is workload and node in self._unfinished:
                    return self._unfinished[node]
            count: int = super()._pending_of(workload)  # a workload no worker holds any more
            return count

        def mark_test_complete(self, node: Any, item_index: int, duration: float = 0) -> None:
            nodeid = self.registered_collections[node][item_index]
            unit = self.assigned_work[node][self._split_scope(nodeid)]
            if not unit[nodeid]:
                self._unfinished[node] -= 1
            super().mark_test_complete(node, item_index, duration)

        def _assign_work_unit(self, node: Any) -> None:  # xdist's, with the two changes
            assert self.workqueue
            scope, work_unit = self.workqueue.popitem(last=False)
            self.assigned_work.setdefault(node, {})[scope] = work_unit
            positions = self._positions.get(node)
            if positions is None:
                positions = self._positions[node] = {}
                for position, nodeid in enumerate(self.registered_collections[node]):
                    positions.setdefault(nodeid, position)  # the first, as list.index finds
            indexes = [positions[nodeid] for nodeid, done in work_unit.items() if not done]
            self._unfinished[node] = self._unfinished.get(node, 0) + len(indexes)
            node.send_runtest_some(indexes)

    return CountingLoadGroupScheduling


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadgroup":
        return None  # xdist's own
    return counting_loadgroup()(config, log)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: one worker more than there are cores. Part of a worker's time is spent
    waiting (on child processes, the disk, the app going idle), which another worker fills;
    PYTEST_XDIST_AUTO_NUM_WORKERS still decides when set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


def clean_old_runs(factory: pytest.TempPathFactory) -> bool:
    """Delete the numbered temporary folders of old runs now, as pytest does at exit.

    pytest keeps the folders of the last few runs (``tmp_path_retention_count``) and deletes
    older ones when the process ends; a whole run's folder (thousands of small folders, one a
    test) took 0.5-1.2 s, after the last test, with every worker done and nothing else to do.
    The same function, the same arguments; locked folders (runs still going) are left alone,
    and what is left at exit (nothing, unless another run started since) is deleted then."""
    if factory._given_basetemp is not None:  # --basetemp (and every xdist worker): no numbering
        return False
    keep = 0 if factory._retention_policy == "none" else factory._retention_count
    if keep < 1:  # pytest would delete this run's folder too, at exit: leave it to pytest
        return False
    basetemp = factory.getbasetemp()
    cleanup_numbered_dir(basetemp.parent, "pytest-", keep, basetemp.stat().st_mtime - LOCK_TIMEOUT)
    return True


def _housekeeping(config: pytest.Config) -> None:
    factory = getattr(config, "_tmp_path_factory", None)  # None with -p no:tmpdir
    if factory is not None:
        clean_old_runs(factory)
    # The hypothesis plugin's end-of-run summary imports this (~0.25 s of CPU); an xdist
    # controller runs no property tests, so it was imported only then, after the last test.
    import hypothesis.internal.observability  # noqa: F401


_HOUSEKEEPING: list[threading.Thread] = []
_CONFIG: list[pytest.Config] = []

ROOT = Path(__file__).resolve().parent.parent


def _is_fresh(source: Path, cached: str) -> bool:
    """Whether ``cached`` is bytecode of ``source`` as it is now, as the import system and
    pytest check it (magic number, timestamp flags, the source's mtime and size)."""
    try:
        with open(cached, "rb") as file:
            header = file.read(16)
        stat = source.stat()
    except OSError:
        return False
    return (
        len(header) == 16
        and header[:4] == importlib.util.MAGIC_NUMBER
        and header[4:8] == b"\0\0\0\0"
        and int.from_bytes(header[8:12], "little") == int(stat.st_mtime) & 0xFFFFFFFF
        and int.from_bytes(header[12:16], "little") == stat.st_size & 0xFFFFFFFF
    )


def compile_ahead(config: pytest.Config, root: Path = ROOT) -> int:
    """Before the xdist workers start: compile the tree's modules and rewrite the test
    modules' asserts once, into the cache the workers read. Returns how many it wrote.

    With an empty cache (a fresh clone, as CI runs the suite) each of the three workers did
    all of it itself, at the same time: ~2.7 s of CPU a worker, ~8 s a run, for the same
    bytes. The same functions write the same files (py_compile as the import system would,
    pytest's own rewrite for test modules), so a worker reads them as it reads what it wrote
    itself; with a warm cache this only reads ~250 file headers. Anything unexpected leaves
    the work to the workers, as before."""
    import py_compile

    from _pytest.assertion import rewrite

    written = 0
    state = config.stash.get(rewrite.assertstate_key, None)
    rewriting = state is not None and config.getoption("assertmode") == "rewrite"
    sources = sorted((root / "tui").rglob("*.py")) + sorted((root / "tests").glob("*.py"))
    for source in sources:
        if rewriting and source.name.startswith("test_"):  # python_files: test_*.py
            pyc = rewrite.get_cache_dir(source) / (source.name[:-3] + rewrite.PYC_TAIL)
            if _is_fresh(source, str(pyc)) or not rewrite.try_makedirs(pyc.parent):
                continue
            source_stat, code = rewrite._rewrite_test(source, config)
            written += rewrite._write_pyc(state, code, source_stat, pyc)
        elif not source.name.startswith(("test_", "conftest")):
            cached = importlib._bootstrap_external.cache_from_source(str(source))
            if _is_fresh(source, cached):
                continue
            mode = py_compile.PycInvalidationMode.TIMESTAMP  # as the import system writes
            written += (
                py_compile.compile(str(source), cached, quiet=2, invalidation_mode=mode) is not None
            )
    # Hypothesis is a pytest plugin, so pytest rewrites its ~70 modules' asserts too, in each
    # worker that imports it, when nothing is cached: importing it here does that once.
    spec = importlib.util.find_spec("hypothesis")
    if root == ROOT and rewriting and spec is not None and spec.origin is not None:
        origin = Path(spec.origin)
        if not _is_fresh(
            origin, str(rewrite.get_cache_dir(origin) / f"__init__{rewrite.PYC_TAIL}")
        ):
            import hypothesis.strategies  # noqa: F401

            written += 1
    if root == ROOT and sys.pycache_prefix is not None:
        written += seed_prefix(sys.pycache_prefix, list(sys.modules.values()))
    return written


def seed_prefix(prefix: str, modules: list[Any]) -> int:
    """Copy into ``prefix`` the bytecode beside the sources of ``modules``; returns how many.

    The processes tests start (the app in a pty, the CLI, the savers) read bytecode only under
    the prefix (PYTHONPYCACHEPREFIX, exported by the workers), so on an empty cache the first
    of them compiled the standard library, Textual and Rich there again, ~1 s of CPU each and
    several at once. What the controller imported has bytecode beside its source, checked
    against the source as an import checks it: the same bytes, where those processes look."""
    copied = 0
    for module in modules:
        spec = getattr(module, "__spec__", None)
        origin, cached = getattr(spec, "origin", None), getattr(spec, "cached", None)
        if not (isinstance(origin, str) and isinstance(cached, str) and origin.endswith(".py")):
            continue
        if cached.startswith(prefix):
            continue
        folder = os.path.dirname(os.path.abspath(origin))  # as cache_from_source does
        target = os.path.join(prefix, folder.lstrip(os.sep), os.path.basename(cached))
        if _is_fresh(Path(origin), target) or not _is_fresh(Path(origin), cached):
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        partial = f"{target}.{os.getpid()}"
        shutil.copyfile(cached, partial)
        os.replace(partial, target)
        copied += 1
    return copied


def pytest_configure(config: pytest.Config) -> None:
    _CONFIG.append(config)
    starts_workers = not os.environ.get("PYTEST_XDIST_WORKER") and bool(
        config.getoption("numprocesses", None) or config.getoption("tx", None)
    )
    if sys.pycache_prefix is not None and not starts_workers:  # for the processes tests start
        os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if starts_workers and not sys.dont_write_bytecode:
        # If pytest's internals moved or the tree is read-only, the workers compile as before.
        with contextlib.suppress(Exception):
            compile_ahead(config)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Once the first test has reported, in the process that prints the summary: the xdist
    controller waits on its workers for the whole run, so the work above is done by then."""
    if _HOUSEKEEPING or not _CONFIG or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    thread = threading.Thread(
        target=_housekeeping, args=(_CONFIG[0],), name="suite-housekeeping", daemon=True
    )
    _HOUSEKEEPING.append(thread)
    thread.start()


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Bring the collector to rest before pytest's last sweep for unraisable exceptions.

    That sweep (after every unconfigure hook) runs five full collections, each walking the whole
    heap of a test process: 0.25-0.35 s apiece at the end of a worker, ~1.5 s of CPU a worker.
    Five is a guess at how many it takes until a collection finds nothing (finalizers can leave
    new garbage behind). Here collections run until one finds nothing, every finalizer run and
    every unraisable exception raised as before, and what is left, all reachable, is frozen: the
    five then walk only what is made after it, and find the same nothing."""
    for _ in range(10):
        if gc.collect() == 0:
            break
    gc.freeze()
