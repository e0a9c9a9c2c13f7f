"""The suite's own housekeeping (tests/conftest.py): what pytest or the app would do anyway,
done earlier, or once a test process."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import conftest
import pytest
from conftest import (
    _EXERCISES,
    _HOUSEKEEPING,
    _parse_rules_once,
    cache_beside_if_there,
    clean_old_runs,
    count_parameters_once,
    memory_temp_root,
    parse_exercise_text_once,
)
from textual.css.model import RuleSet

import tui.core.exercises as exercises
from tui.paths import builtin_exercises_dir


def _runs(root: Path, numbers: range) -> None:
    for number in numbers:
        folder = root / f"pytest-{number}" / "test_a_thing0" / "kindtone-data"
        folder.mkdir(parents=True)
        (folder / "2026-12.json").write_text("[]", encoding="utf-8")


def _factory(root: Path, policy: str = "all", given: Path | None = None) -> pytest.TempPathFactory:
    return pytest.TempPathFactory(
        given, 3, policy, trace=lambda *_: None, basetemp=root / "pytest-6", _ispytest=True
    )


def test_old_runs_are_deleted_early_and_the_last_three_and_running_ones_kept(
    tmp_path: Path,
) -> None:
    root = tmp_path / "pytest-of-someone"
    _runs(root, range(1, 7))
    (root / "pytest-2" / ".lock").write_text("4242", encoding="utf-8")  # a run still going
    assert clean_old_runs(_factory(root))
    assert sorted(path.name for path in root.iterdir()) == [
        "pytest-2",
        "pytest-4",
        "pytest-5",
        "pytest-6",
    ]
    assert (root / "pytest-6" / "test_a_thing0" / "kindtone-data" / "2026-12.json").exists()


def test_nothing_is_deleted_early_when_pytest_would_delete_this_run_too(tmp_path: Path) -> None:
    root = tmp_path / "pytest-of-someone"
    _runs(root, range(1, 7))
    assert not clean_old_runs(_factory(root, policy="none"))  # keep=0: this run's folder too
    assert not clean_old_runs(_factory(root, given=tmp_path / "base"))  # --basetemp
    assert len(list(root.iterdir())) == 6


def test_the_housekeeping_runs_once_in_the_process_that_reports() -> None:
    """Started at the first report, in the process that prints the summary (never a worker),
    and done long before the run ends."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        assert _HOUSEKEEPING == []  # a worker's reports go to the controller, which does it
        return
    assert len(_HOUSEKEEPING) == 1
    thread = _HOUSEKEEPING[0]
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert thread.name == "suite-housekeeping"
    assert "hypothesis.internal.observability" in sys.modules  # what the summary imports


def test_an_exercise_text_is_parsed_once_a_process_and_a_changed_one_anew(tmp_path: Path) -> None:
    assert exercises.parse_exercise_text is parse_exercise_text_once  # what the app calls
    path = tmp_path / "mine.toml"
    text = (builtin_exercises_dir() / "avoiding-something.toml").read_text(encoding="utf-8")
    text = text.replace('id = "avoiding-something"', f'id = "mine-{len(_EXERCISES)}"')
    first, problems = exercises.parse_exercise_text(text, path, "custom")
    remembered = len(_EXERCISES)
    again, problems_again = exercises.parse_exercise_text(text, path, "custom")
    assert first is not None and again is first and problems_again == problems == []
    assert len(_EXERCISES) == remembered  # not parsed again
    problems_again.append(problems_again)  # each caller gets a list of its own
    assert exercises.parse_exercise_text(text, path, "custom")[1] == []

    changed = text.replace("minutes = 3", "minutes = 99")
    broken, problems = exercises.parse_exercise_text(changed, path)
    assert broken is None and problems and len(_EXERCISES) == remembered + 1  # a new text
    assert exercises.parse_exercise_text(text, tmp_path / "other.toml")[0] != first  # its path


def test_temporary_folders_go_to_memory_only_when_it_has_room_and_nothing_chose_otherwise(
    tmp_path: Path,
) -> None:
    if not sys.platform.startswith("linux"):
        assert memory_temp_root(tmp_path, {}) is None
        return
    assert memory_temp_root(tmp_path, {}) == tmp_path  # a test folder has room for one
    assert memory_temp_root(tmp_path, {"PYTEST_DEBUG_TEMPROOT": "/elsewhere"}) is None
    assert memory_temp_root(tmp_path / "missing", {}) is None
    room = os.statvfs(tmp_path)
    if room.f_bavail * room.f_frsize < (1 << 50):  # no disk holds a pebibyte to spare
        old = conftest.MEMORY_TEMP_ROOM
        conftest.MEMORY_TEMP_ROOM = 1 << 50
        try:
            assert memory_temp_root(tmp_path, {}) is None
        finally:
            conftest.MEMORY_TEMP_ROOM = old


def test_this_run_s_folders_are_where_the_suite_chose(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Where the temporary folders are, with nothing given on the command line."""
    worker = getattr(request.config, "workerinput", None)
    argv = worker["mainargv"] if worker else sys.argv
    if any(arg.startswith("--basetemp") for arg in argv):
        return  # the person running the suite chose
    chosen = os.environ.get("PYTEST_DEBUG_TEMPROOT")
    root = Path(chosen) if chosen else Path(tempfile.gettempdir())
    assert tmp_path.resolve().is_relative_to(root.resolve())
    if memory_temp_root() is not None or chosen == str(conftest.MEMORY_TEMP_ROOT):
        assert chosen == str(conftest.MEMORY_TEMP_ROOT)


def test_a_callback_s_parameters_are_counted_as_inspect_counts_them() -> None:
    import functools
    import inspect

    import textual._callback

    assert textual._callback._count_parameters is count_parameters_once  # what Textual calls

    def made(n: int) -> list[Callable[..., object]]:
        def none() -> None: ...

        def two(a: int, b: int = n) -> None: ...

        def every(a: int, /, b: int, *args: int, c: int, **kwargs: int) -> None: ...

        return [none, two, every, lambda x: x]

    @functools.wraps(made(0)[1])
    def wrapper(*args: object) -> None: ...

    def signed(a: int, b: int) -> None: ...

    signed.__signature__ = inspect.Signature()  # type: ignore[attr-defined]
    for func in [*made(1), *made(2), wrapper, signed, functools.partial(made(3)[1], 1)]:
        assert count_parameters_once(func) == len(inspect.signature(func).parameters), func
    assert [count_parameters_once(func) for func in made(4)] == [0, 2, 5, 1]


def test_css_is_parsed_once_for_equal_variables_and_anew_for_others() -> None:
    """Called as the suite's own (the app's kept-CSS cache may wrap it, once started)."""
    from textual.css.stylesheet import Stylesheet

    def parse(stylesheet: Stylesheet) -> list[RuleSet]:
        return _parse_rules_once(stylesheet, "Label { color: $kindtone-test; }", ("", "suite"))

    first = Stylesheet(variables={"kindtone-test": "red"})
    again = Stylesheet(variables={"kindtone-test": "red"})
    other = Stylesheet(variables={"kindtone-test": "blue"})
    parsed = parse(first)
    assert parse(again) is parsed  # equal variables: kept
    assert parse(first) is parsed
    blue = parse(other)
    assert blue is not parsed and blue != parsed
    first.set_variables({"kindtone-test": "blue"})
    first._parse_cache.clear()  # as set_variables' caller (reparse) does
    assert parse(first) is blue


def test_each_test_is_isolated_and_everything_is_put_back_after(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """The one autouse fixture sets what three did (through monkeypatch) and puts it all back:
    the folders, the cheap key derivation, cursors that don't blink. Driven here a second time
    inside this test, on a folder of its own."""
    from textual.widgets import Input, TextArea

    from tui.core import vault

    # This test's own isolation is in place.
    assert os.environ["KINDTONE_DATA_DIR"] == str(tmp_path / "kindtone-data")
    assert Path(os.environ["HOME"]).parent == tmp_path
    assert vault._kdf_for_new_keys == conftest.TEST_KDF
    assert TextArea.cursor_blink is False and Input.cursor_blink is False

    names = ("KINDTONE_DATA_DIR", "KINDTONE_CONFIG_DIR", "HOME", "XDG_DATA_HOME")
    names += ("XDG_CONFIG_HOME", "XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = "/nowhere"  # a value to put back
    del os.environ["XDG_CONFIG_HOME"]  # and one to leave unset again
    before = {name: os.environ.get(name) for name in names}
    vault._kdf_for_new_keys = kdf = {"name": "argon2id", "memory_kib": 65536}
    blink, input_blink = TextArea.__dict__["cursor_blink"], Input.__dict__.get("cursor_blink")
    TextArea.cursor_blink = True  # type: ignore[assignment]
    own = tmp_path / "own"
    own.mkdir()
    steps = conftest.isolated_data_dir._get_wrapped_function()(
        request=_WithoutTmpPath(request), _own_folders=own
    )
    data_dir = next(steps)
    assert data_dir.parent.parent == own
    assert os.environ["KINDTONE_DATA_DIR"] == str(data_dir)
    assert all(os.environ[name].startswith(str(data_dir.parent)) for name in names)
    assert vault._kdf_for_new_keys == conftest.TEST_KDF
    assert TextArea.cursor_blink is False and Input.cursor_blink is False
    steps.close()
    assert {name: os.environ.get(name) for name in names} == before
    assert vault._kdf_for_new_keys is kdf
    assert TextArea.__dict__["cursor_blink"] is True
    assert Input.__dict__.get("cursor_blink") is input_blink
    TextArea.cursor_blink = blink


class _WithoutTmpPath:
    """A request that asked for no ``tmp_path``: the fixture makes a folder of its own."""

    fixturenames = ("isolated_data_dir",)

    def __init__(self, request: pytest.FixtureRequest) -> None:
        self.request = request


def test_bytecode_beside_a_file_is_read_there_and_the_rest_is_cached_in_the_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the prefix, an installed module's own __pycache__ is used (it was compiled when
    installed); a file with none (tui, the tests) has its bytecode in the prefix."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    with_own = tmp_path / "installed" / "module.py"
    without = tmp_path / "tree" / "module.py"
    for source in (with_own, without):
        source.parent.mkdir()
        source.write_text("x = 1\n", encoding="utf-8")
    name = f"module.{sys.implementation.cache_tag}.pyc"
    (with_own.parent / "__pycache__").mkdir()
    (with_own.parent / "__pycache__" / name).write_bytes(b"")
    assert cache_beside_if_there(str(with_own)) == str(with_own.parent / "__pycache__" / name)
    in_prefix = cache_beside_if_there(str(without))
    assert in_prefix.startswith(str(tmp_path / "prefix")) and in_prefix.endswith(name)
    monkeypatch.setattr(sys, "pycache_prefix", None)  # no prefix: Python's own answer
    assert cache_beside_if_there(str(without)) == str(without.parent / "__pycache__" / name)


def test_the_tree_is_compiled_once_before_the_workers_start(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """What compile_ahead writes is what a worker would write and read: the module's own
    bytecode where the import system looks for it, the test module's rewritten asserts where
    pytest looks for them; fresh files are left alone, a changed source is compiled again."""
    import importlib._bootstrap_external as external
    import marshal

    from _pytest.assertion import rewrite
    from conftest import _is_fresh, compile_ahead

    (tmp_path / "tui").mkdir()
    (tmp_path / "tests").mkdir()
    module = tmp_path / "tui" / "a_module.py"
    module.write_text("VALUE = 1\n", encoding="utf-8")
    helper = tmp_path / "tests" / "helpers_x.py"
    helper.write_text("def helper():\n    return 2\n", encoding="utf-8")
    test = tmp_path / "tests" / "test_x.py"
    test.write_text("def test_x():\n    x = 1\n    assert x == 2\n", encoding="utf-8")

    assert compile_ahead(request.config, tmp_path) == 3
    for source in (module, helper):
        cached = external.cache_from_source(str(source))  # where an import looks first
        assert _is_fresh(source, cached)
        data = Path(cached).read_bytes()
        code = compile(source.read_bytes(), str(source), "exec", dont_inherit=True)
        assert marshal.loads(data[16:]) == code
    pyc = rewrite.get_cache_dir(test) / ("test_x" + rewrite.PYC_TAIL)
    code = rewrite._read_pyc(test, pyc)  # as pytest reads it before rewriting again
    assert code is not None
    function = next(const for const in code.co_consts if hasattr(const, "co_varnames"))
    assert "@py_assert1" in function.co_varnames  # the assert, rewritten

    assert compile_ahead(request.config, tmp_path) == 0  # all fresh
    module.write_text("VALUE = 22\n", encoding="utf-8")
    assert compile_ahead(request.config, tmp_path) == 1


def test_the_processes_tests_start_find_what_was_imported_already_compiled(
    tmp_path: Path,
) -> None:
    """seed_prefix puts each module's bytecode where a process with PYTHONPYCACHEPREFIX looks
    for it, byte for byte; a module without fresh bytecode beside it is left to compile."""
    import importlib.util
    import subprocess
    import types

    from conftest import _is_fresh, seed_prefix

    source = tmp_path / "pkg" / "a_module.py"
    source.parent.mkdir()
    source.write_text("VALUE = 1\n", encoding="utf-8")
    beside = source.parent / "__pycache__" / f"a_module.{sys.implementation.cache_tag}.pyc"
    import py_compile

    py_compile.compile(str(source), str(beside), doraise=True)
    stale = tmp_path / "pkg" / "stale.py"
    stale.write_text("VALUE = 2\n", encoding="utf-8")
    modules = [
        types.SimpleNamespace(__spec__=importlib.util.spec_from_file_location("a_module", source)),
        types.SimpleNamespace(__spec__=importlib.util.spec_from_file_location("stale", stale)),
        types.SimpleNamespace(__spec__=None),
    ]
    assert modules[0].__spec__.cached == str(beside)  # as the import system names it
    prefix = tmp_path / "prefix"
    assert seed_prefix(str(prefix), modules) == 1
    assert seed_prefix(str(prefix), modules) == 0  # fresh: left alone

    # A process reading bytecode only under the prefix finds it there and writes nothing.
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(prefix), "PYTHONPATH": str(source.parent)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = "import importlib.util as u, a_module; print(u.cache_from_source(a_module.__file__))"
    (seeded,) = prefix.rglob(beside.name)
    written_at = seeded.stat().st_mtime_ns
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert Path(run.stdout.strip()) == seeded
    assert seeded.read_bytes() == beside.read_bytes() and _is_fresh(source, str(seeded))
    assert seeded.stat().st_mtime_ns == written_at  # read, not compiled again


class _Worker:
    """What an xdist scheduler sees of a worker: it is sent tests and told to shut down."""

    def __init__(self, name: str, log: list[tuple[str, object]]) -> None:
        self.name, self.log, self.shutting_down, self.queue = name, log, False, []
        self.gateway = SimpleNamespace(id=name)

    def send_runtest_some(self, indexes: list[int]) -> None:
        self.log.append((self.name, list(indexes)))
        self.queue.extend(indexes)

    def shutdown(self) -> None:
        self.log.append((self.name, "shutdown"))
        self.shutting_down = True

    def __repr__(self) -> str:
        return self.name


class _Quiet:
    """xdist's log, silent: any name of it, called with anything, does nothing."""

    def __getattr__(self, name: str) -> _Quiet:
        return self

    def __call__(self, *args: object) -> None:
        pass


def _schedule(cls: type, ids: list[str], crash_after: int | None) -> list[tuple[str, object]]:
    """Run a scheduler as xdist's controller does: three workers collect ``ids``, finish their
    tests in a fixed random order, one of them possibly crashing; everything it did, in order."""
    import random

    config = SimpleNamespace(
        option=SimpleNamespace(loadscopereorder=True),
        getvalue=lambda name: {"tx": ["popen"] * 3}.get(name),
    )
    log: list[tuple[str, object]] = []
    scheduler = cls(config, _Quiet())
    workers = [_Worker(f"gw{n}", log) for n in range(3)]
    for worker in workers:
        scheduler.add_node(worker)
    for worker in workers:
        scheduler.add_node_collection(worker, ids)
    scheduler.schedule()
    rng, done = random.Random(17), 0
    while not scheduler.tests_finished:
        busy = [worker for worker in workers if worker.queue]
        if not busy:
            break
        worker = rng.choice(busy)
        if done == crash_after:
            log.append(("crashed", scheduler.remove_node(worker)))
            workers.remove(worker)
            crash_after = None
            continue
        scheduler.mark_test_complete(worker, worker.queue.pop(0))
        done += 1
        log.append(("state", (scheduler.tests_finished, scheduler.has_pending)))
    return log


def test_the_scheduler_that_keeps_counts_decides_exactly_as_xdist_s_own() -> None:
    """counting_loadgroup's scheduler sends the same tests to the same workers in the same
    messages, shuts them down at the same moments, and after a crash names the same test and
    hands its unfinished tests on as xdist's loadgroup scheduler does; and it is the one used."""
    from conftest import counting_loadgroup, pytest_xdist_make_scheduler
    from xdist.scheduler import LoadGroupScheduling

    ids = [f"tests/test_{n % 7}.py::test_{n}" for n in range(400)]
    ids += [f"tests/test_g.py::test_{n}@group{n % 3}" for n in range(60)]
    ids.insert(100, "tests/test_odd.py::test_at[a@b]")  # an '@' inside a parameter: no group
    counting = counting_loadgroup()
    assert issubclass(counting, LoadGroupScheduling)
    for crash_after in (None, 0, 5, 130, 455):
        ours = _schedule(counting, ids, crash_after)
        assert ours == _schedule(LoadGroupScheduling, ids, crash_after), crash_after
        assert sum(len(sent) for _, sent in ours if isinstance(sent, list)) >= len(ids)
    assert len(ours) > len(ids)

    config = pytest.Config.__new__(pytest.Config)
    config.getvalue = lambda name: {"dist": "loadgroup", "tx": ["popen"] * 2}[name]  # type: ignore[method-assign]
    config.option = SimpleNamespace(loadscopereorder=True)  # type: ignore[assignment]
    assert type(pytest_xdist_make_scheduler(config, None)) is counting
    config.getvalue = lambda name: {"dist": "load"}[name]  # type: ignore[method-assign]
    assert pytest_xdist_make_scheduler(config, None) is None
