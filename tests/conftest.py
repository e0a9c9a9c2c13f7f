"""Shared fixtures. Tests never touch the real user data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import textual._wait

# Pilot's pause() and press() wait for "idle" by sleeping 20 ms at a time until the process used
# under 1 ms of CPU in one of them (textual._wait): at least 20 ms a call, ~60 ms on average,
# and the suite makes thousands of calls (most of its wall time was these sleeps). The same test
# of idleness (under 5% of one core) in 5 ms slices. A test that needs something to have
# happened waits for that condition (tests/helpers_pty.py: until), never on idleness alone.
textual._wait.SLEEP_GRANULARITY = 0.005
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every default location at a temporary folder, in case something forgets --data-dir."""
    data_dir = tmp_path / "kindtone-data"
    monkeypatch.setenv("KINDTONE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("KINDTONE_CONFIG_DIR", str(tmp_path / "kindtone-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield data_dir


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blinking cursors make screenshots differ from run to run."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)
    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)


# Argon2id at its smallest, so a lock in a test costs a millisecond. Only tests lower it; a test
# in test_lock.py checks that production uses at least OWASP's parameters.
TEST_KDF = {"name": "argon2id", "memory_kib": 8, "iterations": 1, "lanes": 1}


@pytest.fixture(autouse=True)
def cheap_lock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap key derivation for new locks, and no key left in memory between tests."""
    from tui.core import vault

    monkeypatch.setattr(vault, "_kdf_for_new_keys", dict(TEST_KDF))
    vault.forget()
    yield
    vault.forget()


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(LONG_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: files stay whole
