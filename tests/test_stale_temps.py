"""A write killed half-way leaves a temp file holding someone's words: the store clears it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tui.core.atomic import remove_stale_temps, write_atomic
from tui.core.storage import ReflectionStore

ROOT = Path(__file__).resolve().parent.parent
WORDS = "the words I wrote at 3 am"


def record(rid: str) -> dict[str, object]:
    return {
        "id": rid,
        "schema": 1,
        "started_at": "2026-11-25T10:00:00+00:00",
        "steps": [{"type": "write", "prompt": "?", "answer": WORDS}],
    }


def temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def kill_mid_write(data: Path) -> None:
    """Run a save in another process and SIGKILL it after the temp file is written, before
    the rename."""
    script = textwrap.dedent(
        f"""
        import os, sys, time
        from tui.core.storage import ReflectionStore

        def stuck(*args, **kwargs):
            print("written", flush=True)
            time.sleep(60)

        os.replace = stuck
        ReflectionStore(sys.argv[1]).save({record("killed")!r})
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(data)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "written"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.parametrize("next_use", ["list", "delete", "save", "count"])
def test_a_temp_file_left_by_sigkill_is_removed_when_the_store_is_next_used(
    tmp_path: Path, next_use: str
) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record("kept"))
    kill_mid_write(data)
    folder = data / "reflections"
    (left,) = temps(folder)
    assert WORDS.encode() in left.read_bytes()

    age(left, 61)
    store = ReflectionStore(data)
    if next_use == "list":
        assert [r["id"] for r in store.list()] == ["kept"]
    elif next_use == "delete":
        assert store.delete("kept")
    elif next_use == "save":
        store.save(record("another"))
    else:
        assert store.count() == 1
    assert temps(folder) == []


def test_a_fresh_temp_file_may_be_a_write_in_progress_and_is_left(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record("kept"))
    kill_mid_write(data)
    (left,) = temps(data / "reflections")
    age(left, 10)
    ReflectionStore(data).list()
    assert temps(data / "reflections") == [left]


def test_draft_temps_and_only_write_atomic_names_are_cleared(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record("kept"))
    stale = data / ".draft.json.0123456789ab.tmp"
    stale.write_text(WORDS)
    mine = data / "notes.tmp"  # not a name write_atomic makes
    mine.write_text("mine")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    link = data / "reflections" / ".2026-11.json.abcdefabcdef.tmp"
    link.symlink_to(outside)
    for path in (stale, mine):
        age(path, 120)
    os.utime(link, (time.time() - 120, time.time() - 120), follow_symlinks=False)
    ReflectionStore(data).list()
    assert not stale.exists()
    assert mine.read_text() == "mine"
    assert not os.path.lexists(link) and outside.read_text() == "keep"


def test_remove_stale_temps_is_reusable_for_another_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "phrases.json", b"[]")
    leftover = tmp_path / ".phrases.json.a1b2c3d4e5f6.tmp"
    leftover.write_bytes(b"kind words")
    assert remove_stale_temps(tmp_path, now=time.time() + 3600) == [leftover]
    assert (tmp_path / "phrases.json").read_bytes() == b"[]"


def test_the_lock_helper_is_reusable_and_never_follows_a_link(tmp_path: Path) -> None:
    from tui.core.atomic import LinkRefused, locked

    data = tmp_path / "data"
    data.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    (data / "phrases").mkdir()
    (data / "phrases" / ".lock").symlink_to(outside)
    with locked(data / "phrases"):
        write_atomic(data / "phrases" / "phrases.json", b"[]")
    assert outside.read_text() == "keep"
    (data / "elsewhere").symlink_to(tmp_path)
    with pytest.raises(LinkRefused, match="symbolic link"), locked(data / "elsewhere"):
        pass
