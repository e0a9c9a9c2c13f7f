"""Private and local: nothing ever reaches for the network, and everything written is
readable only by its owner, whatever the umask."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_pty import ROOT, child_env, walk_session

from tui.core.storage import ReflectionStore

# Loaded by every Python process whose PYTHONPATH starts with its folder. AF_UNIX stays
# allowed: asyncio's own wake-up pipe is a local socketpair, not the network.
SITECUSTOMIZE = textwrap.dedent(
    """
    import os, socket, traceback

    _LOG = os.environ["KT_NETWORK_LOG"]

    def _refuse(what):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(what + "\\n" + "".join(traceback.format_stack(limit=8)) + "\\n")
        raise OSError(101, f"network blocked by the kindtone offline test: {what}")

    _init = socket.socket.__init__

    def _guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family not in (socket.AF_UNIX, -1):
            _refuse(f"socket(family={family!r})")
        if fileno is None and family == -1:
            _refuse("socket() with the default family (AF_INET)")
        _init(self, family, type, proto, fileno)

    socket.socket.__init__ = _guarded_init
    socket.create_connection = lambda *a, **k: _refuse(f"create_connection{a!r}")
    socket.getaddrinfo = lambda *a, **k: _refuse(f"getaddrinfo{a!r}")
    socket.gethostbyname = lambda *a, **k: _refuse(f"gethostbyname{a!r}")
    """
)

# Every command, one process: the shim is loaded once and each command runs as the CLI would.
EVERY_COMMAND = textwrap.dedent(
    """
    import io, os, socket, sys
    from tui.cli import main

    try:  # the guard must be live, or this test proves nothing
        socket.create_connection(("192.0.2.1", 80), timeout=0.01)
    except OSError as error:
        assert "blocked" in str(error), error
    else:
        raise SystemExit("the network guard is not active")
    open(os.environ["KT_NETWORK_LOG"], "w").close()  # forget the self-test

    os.umask(0)  # files and folders must be private by their own mode, not by the umask
    data, work = sys.argv[1], sys.argv[2]
    base = ["--data-dir", data]
    commands = [
        ["--help"],
        ["check", "I always ruin everything"],
        ["exercises", "list"],
        ["exercises", "list", "--json"],
        ["exercises", "show", "noticing-the-critic"],
        ["exercises", "new", f"{work}/mine.toml"],
        ["exercises", "validate", f"{work}/mine.toml"],
        ["exercises", "install", f"{work}/mine.toml"],
        ["reflections", "list"],
        ["reflections", "list", "--json"],
        ["reflections", "show", "0ff1ce"],
        ["reflections", "export", "--format", "json", "--output", f"{data}/export.json"],
        ["reflections", "export", "--output", f"{data}/export.md"],
        ["reflections", "delete", "--yes", "0ff1ce"],
        ["reflections", "import", f"{data}/export.json"],
        ["backups", "list"],
        ["backups", "restore", "latest"],
    ]
    for args in commands:
        sys.stdin = io.StringIO("")
        try:
            code = main([*base, *args])
        except SystemExit as exit_:
            code = exit_.code
        print(f"@@ {code} {' '.join(args)}", file=sys.stderr, flush=True)
    """
)


@pytest.fixture
def network_guard(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder holding the shim, and the log every blocked attempt is written to."""
    shims = tmp_path / "shims"
    shims.mkdir()
    (shims / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = tmp_path / "network.log"
    log.touch()
    yield shims, log


def private_modes(*roots: Path) -> list[str]:
    """Everything under ``roots`` that is not 0600 (files) or 0700 (folders)."""
    wrong = []
    for root in roots:
        for path in [root, *root.rglob("*")]:
            mode = stat.S_IMODE(path.lstat().st_mode)
            expected = 0o700 if path.is_dir() else 0o600
            if mode != expected:
                wrong.append(f"{oct(mode)} {path.relative_to(root.parent)}")
    return wrong


def seed(data_dir: Path) -> None:
    ReflectionStore(data_dir).save(
        {
            "id": "0ff1ce" + "0" * 26,
            "schema": 1,
            "started_at": "2026-11-20T10:00:00+00:00",
            "completed": True,
            "exercises": ["noticing-the-critic"],
            "steps": [{"type": "write", "prompt": "What is it saying?", "answer": "private"}],
        }
    )


def test_every_command_runs_offline_and_writes_only_private_files(
    tmp_path: Path, network_guard: tuple[Path, Path]
) -> None:
    from tui.core.backups import take_daily_backup

    shims, log = network_guard
    data_dir, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    seed(data_dir)
    take_daily_backup(data_dir)
    env = child_env({"KT_NETWORK_LOG": str(log)})
    env["PYTHONPATH"] = os.pathsep.join([str(shims), env["PYTHONPATH"]])
    result = subprocess.run(
        [sys.executable, "-c", EVERY_COMMAND, str(data_dir), str(work)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    ran = [line.split(" ", 2)[1:] for line in result.stderr.splitlines() if line[:3] == "@@ "]
    codes = {args: code for code, args in ran}
    assert len(codes) == 17, result.stderr[-3000:]
    assert {args: code for args, code in codes.items() if code not in ("0", "None")} == {}
    assert log.read_text() == "", f"something reached for the network:\n{log.read_text()}"
    assert (data_dir / "exercises" / "mine.toml").exists()
    assert list(data_dir.glob("before-restore-*")), "the restore ran"
    assert private_modes(data_dir) == []


def test_the_plain_command_line_is_guarded_too(network_guard: tuple[Path, Path]) -> None:
    """The same shim on a real ``python -m tui`` run: it loads, and nothing is attempted."""
    shims, log = network_guard
    env = child_env({"KT_NETWORK_LOG": str(log)})
    env["PYTHONPATH"] = os.pathsep.join([str(shims), env["PYTHONPATH"]])
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.getaddrinfo('example.com', 80)"],
        capture_output=True,
        env=env,
    )
    assert probe.returncode != 0 and b"blocked" in probe.stderr
    log.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", "nobody likes me"],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert log.read_text() == ""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The same guard in this process, for run_test; returns the attempts made."""
    attempts: list[str] = []
    real_init = socket.socket.__init__

    def guarded_init(self: socket.socket, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("fileno") is None and family not in (socket.AF_UNIX,):
            attempts.append(f"socket({family!r})")
            raise OSError(101, "network blocked by the kindtone offline test")
        real_init(self, family, *args, **kwargs)

    def refuse(name: str) -> Any:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args!r}")
            raise OSError(101, "network blocked by the kindtone offline test")

        return blocked

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


async def test_a_whole_session_runs_offline_and_keeps_everything_private(
    tmp_path: Path, no_network: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import KindtoneApp
    from tui.screens.checkin import CheckInScreen
    from tui.screens.summary import SummaryScreen

    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("192.0.2.1", 80))
    no_network.clear()
    data_dir, config_dir = tmp_path / "data", tmp_path / "config"
    old_umask = os.umask(0)
    try:
        app = KindtoneApp(data_dir=data_dir, config_dir=config_dir, start_minutes=1)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, CheckInScreen)
            await pilot.press("down", "down", "enter", "7", "tab", "5", "ctrl+n")
            await pilot.pause()
            assert await walk_session(pilot, "I'm hopeless at this") >= 1
            assert isinstance(app.screen, SummaryScreen) and app.screen.saved
            await pilot.press("enter")
            await pilot.pause()
            app.theme = "textual-light"  # a setting saved to the config dir
            await pilot.pause()
    finally:
        os.umask(old_umask)
    assert no_network == []
    assert ReflectionStore(data_dir).count() == 1
    assert (config_dir / "settings.json").exists()
    assert private_modes(data_dir, config_dir) == []


async def test_a_data_dir_others_can_read_gets_a_warning(tmp_path: Path) -> None:
    from tui.app import KindtoneApp

    data_dir = tmp_path / "shared"
    seed(data_dir)
    data_dir.chmod(0o755)
    app = KindtoneApp(data_dir=data_dir)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        # In the home page, not a toast (session 18: a toast covered the menu).
        message = " ".join(str(app.screen.query_one("#folder-note").render()).split())
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o755, "warn, but never chmod it"
    assert f"chmod 700 {data_dir}" in message and "Others on this computer" in message
