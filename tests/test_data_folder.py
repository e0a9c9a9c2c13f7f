"""The data folder is kindtone's alone: links inside it are never followed, only kindtone's own
backups are ever pruned, and a folder that is a link or someone else's is pointed out."""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.core import backups
from tui.core.backups import BackupError, list_backups, take_daily_backup
from tui.core.storage import ReflectionStore, StoreError

DAY = date(2026, 11, 25)


def record(n: int, *, month: int = 11, answer: str = "words") -> dict[str, Any]:
    return {
        "id": f"{n:032x}",
        "schema": 1,
        "started_at": f"2026-{month:02d}-{(n % 27) + 1:02d}T10:00:00+00:00",
        "completed": True,
        "exercises": ["noticing-the-critic"],
        "steps": [{"type": "write", "prompt": "What is the critic saying?", "answer": answer}],
    }


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry under ``folder`` with its mode and (for files) bytes."""
    found: dict[str, tuple[int, bytes | None]] = {"": (mode(folder), None)}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        found[rel] = (mode(path), path.read_bytes() if path.is_file() else None)
    return found


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """Someone else's folder, with dated sub-folders that look like backups."""
    other = tmp_path / "elsewhere"
    other.mkdir()
    other.chmod(0o755)
    for n in range(10):
        day = other / (DAY - timedelta(days=n)).isoformat()
        day.mkdir()
        (day / "photo.txt").write_text(f"holiday {n}")
    return other


def test_a_backups_folder_that_is_a_link_is_refused_and_its_target_untouched(
    tmp_path: Path, elsewhere: Path
) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    (data / "backups").symlink_to(elsewhere)
    before = snapshot(elsewhere)

    with pytest.raises(BackupError, match="symbolic link") as caught:
        take_daily_backup(data, today=DAY + timedelta(days=1))

    assert str(data / "backups") in str(caught.value)
    assert snapshot(elsewhere) == before  # nothing deleted, written or chmod'ed there
    with pytest.raises(BackupError, match="symbolic link"):
        list_backups(data)


def test_only_backups_kindtone_made_are_pruned(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    root = data / "backups"
    root.mkdir(mode=0o700)
    strangers = [(DAY - timedelta(days=30 + n)).isoformat() for n in range(3)]
    for name in strangers:  # dated folders kindtone did not make (no manifest, or not ours)
        (root / name).mkdir()
        (root / name / "notes.txt").write_text("mine")
    (root / strangers[0] / "manifest.json").write_text('{"something": "else"}')
    for n in range(9):
        take_daily_backup(data, today=DAY + timedelta(days=n))
    names = sorted(p.name for p in root.iterdir() if not p.name.startswith("."))
    ours = [(DAY + timedelta(days=n)).isoformat() for n in range(2, 9)]
    assert names == sorted(strangers + ours)
    for name in strangers:
        assert (root / name / "notes.txt").read_text() == "mine"


def test_a_dated_link_inside_backups_is_never_pruned_through(
    tmp_path: Path, elsewhere: Path
) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    root = data / "backups"
    root.mkdir(mode=0o700)
    (root / "2000-01-01").symlink_to(elsewhere / DAY.isoformat())
    before = snapshot(elsewhere)
    for n in range(9):
        take_daily_backup(data, today=DAY + timedelta(days=n))
    assert snapshot(elsewhere) == before
    assert (root / "2000-01-01").is_symlink()
    assert all(b.day != date(2000, 1, 1) for b in list_backups(data))


def test_a_month_file_that_is_a_link_is_never_followed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = ReflectionStore(data)
    store.save(record(1, month=10))
    outside = tmp_path / "someone-elses.txt"
    outside.write_text("not JSON at all")
    outside.chmod(0o644)
    link = data / "reflections" / "2026-11.json"
    link.symlink_to(outside)

    listed = ReflectionStore(data)
    assert [r["id"] for r in listed.list()] == [record(1, month=10)["id"]]
    assert any(str(link) in w and "link" in w for w in listed.warnings)
    assert mode(outside) == 0o644
    assert outside.read_text() == "not JSON at all"

    saver = ReflectionStore(data)
    saver.save(record(2, month=11))  # the link itself is set aside, a real file takes its place
    assert mode(outside) == 0o644
    assert outside.read_text() == "not JSON at all"
    assert not link.is_symlink()
    assert [r["id"] for r in ReflectionStore(data).list()] == [
        record(2)["id"],
        record(1, month=10)["id"],
    ]
    aside = [p for p in link.parent.iterdir() if p.name.startswith("2026-11.json.")]
    assert len(aside) == 1 and aside[0].is_symlink()
    assert any(str(link) in w for w in saver.warnings)


def test_a_draft_that_is_a_link_is_set_aside_not_followed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("{broken")
    outside.chmod(0o644)
    (data / "draft.json").symlink_to(outside)
    store = ReflectionStore(data)
    assert store.load_draft() is None
    assert mode(outside) == 0o644 and outside.read_text() == "{broken"
    assert any("link" in w for w in store.warnings)
    store.save_draft({"id": "d", "stage": "steps"})
    assert outside.read_text() == "{broken"
    assert not (data / "draft.json").is_symlink()


def test_a_reflections_folder_that_is_a_link_is_refused(tmp_path: Path, elsewhere: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "reflections").symlink_to(elsewhere)
    before = snapshot(elsewhere)
    store = ReflectionStore(data)
    with pytest.raises(StoreError, match="symbolic link") as caught:
        store.save(record(1))
    assert str(data / "reflections") in str(caught.value)
    with pytest.raises(StoreError, match="symbolic link"):
        store.list()
    (elsewhere / "2026-11.json").write_bytes(orjson.dumps({"reflections": {}}))
    before = snapshot(elsewhere)
    with pytest.raises(BackupError, match="symbolic link"):
        take_daily_backup(data, today=DAY)
    assert not (data / "backups").exists()
    assert snapshot(elsewhere) == before


def test_a_lock_file_that_is_a_link_is_replaced_not_followed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "reflections").mkdir(parents=True)
    outside = tmp_path / "important.txt"
    outside.write_text("keep me")
    (data / "reflections" / ".lock").symlink_to(outside)
    ReflectionStore(data).save(record(1))
    assert outside.read_text() == "keep me"
    assert [r["id"] for r in ReflectionStore(data).list()] == [record(1)["id"]]


def test_backups_copy_no_linked_month_or_draft(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    secret = tmp_path / "secret.json"
    secret.write_bytes(orjson.dumps({"reflections": {}}))
    (data / "draft.json").symlink_to(secret)
    (data / "reflections" / "2026-01.json").symlink_to(secret)
    target = take_daily_backup(data, today=DAY)
    assert target is not None
    assert not (target / "draft.json").exists()
    assert not (target / "reflections" / "2026-01.json").exists()
    manifest = orjson.loads((target / backups.MANIFEST).read_bytes())
    assert set(manifest["files"]) == {"reflections/2026-11.json"}


# --- warnings about the data folder itself ------------------------------------------------------


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    import tui.cli

    code = tui.cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="chown needs root")
def test_the_cli_warns_when_the_data_folder_is_someone_elses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    os.chown(data, 12345, 12345)
    for command in (["reflections", "list"], ["backups", "list"]):
        code, _out, err = _cli(["--data-dir", str(data), *command], capsys)
        assert code == 0
        assert f"{data} belongs to another user (uid 12345)" in err


def test_the_cli_and_plain_mode_warn_when_the_data_folder_is_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    ReflectionStore(real).save(record(1))
    data = tmp_path / "data"
    data.symlink_to(real)
    code, out, err = _cli(["--data-dir", str(data), "reflections", "list"], capsys)
    assert code == 0 and record(1)["id"][:8] in out
    assert f"{data} is a symbolic link to {real}" in err

    import tui.plain

    monkeypatch.setattr(tui.plain, "run_plain", lambda *args, **kwargs: 0)
    code, _out, err = _cli(["--data-dir", str(data), "session", "--plain"], capsys)
    assert code == 0
    assert f"{data} is a symbolic link to {real}" in err


def test_a_private_folder_of_ones_own_gets_no_warning(tmp_path: Path) -> None:
    from tui.core.datafolder import data_folder_warnings

    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    assert data_folder_warnings(data) == []
    data.chmod(0o755)
    assert [w for w in data_folder_warnings(data) if "chmod 700" in w]
    assert data_folder_warnings(tmp_path / "absent") == []


def test_installing_an_exercise_never_chmods_the_data_folder_or_a_link(
    tmp_path: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import tui.cli

    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)  # someone's own choice, e.g. --data-dir ~
    (data / "exercises").symlink_to(elsewhere)
    exercise = tmp_path / "mine.toml"
    exercise.write_text(
        'id = "mine"\ntitle = "Mine"\nsummary = "A line."\nminutes = 1\n'
        'situations = ["practice"]\n\n[[steps]]\ntype = "read"\ntext = "Breathe."\n'
    )
    before = snapshot(elsewhere)
    code = tui.cli.main(["--data-dir", str(data), "exercises", "install", str(exercise)])
    _out, err = capsys.readouterr()
    assert code == 1
    assert f"{data / 'exercises'} is a symbolic link" in err
    assert mode(data) == 0o755
    assert snapshot(elsewhere) == before


def test_a_restore_moves_a_linked_month_aside_as_a_link(tmp_path: Path) -> None:
    from tui.core.backups import restore_backup

    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    take_daily_backup(data, today=DAY)
    month = data / "reflections" / "2026-11.json"
    month.unlink()
    outside = tmp_path / "outside.json"
    outside.write_text("someone else's")
    month.symlink_to(outside)
    result = restore_backup(data, DAY)
    assert result.moved_aside is not None
    assert (result.moved_aside / "reflections" / "2026-11.json").is_symlink()
    assert outside.read_text() == "someone else's"
    assert [r["id"] for r in ReflectionStore(data).list()] == [record(1)["id"]]


def test_a_temp_file_left_by_a_killed_restore_is_cleared_too(tmp_path: Path) -> None:
    import time

    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    left = data / "reflections" / ".2026-11.json.restore-0a1b2c3d.tmp"
    left.write_text("a copy of someone's words")
    old = time.time() - 120
    os.utime(left, (old, old))
    ReflectionStore(data).list()
    assert not left.exists()


def test_a_draft_that_is_a_folder_is_set_aside_with_the_right_reason(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "draft.json").mkdir(parents=True)
    (data / "draft.json" / "inside.txt").write_text("kept")
    store = ReflectionStore(data)
    assert store.load_draft() is None
    assert any("not a regular file" in w for w in store.warnings)
    assert not any("symbolic link" in w for w in store.warnings)
    (aside,) = [p for p in data.iterdir() if p.name.startswith("draft.json.damaged-")]
    assert (aside / "inside.txt").read_text() == "kept"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_a_month_never_hangs_a_save(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = tmp_path / "data"
    ReflectionStore(data).save(record(1, month=10))
    os.mkfifo(data / "reflections" / "2026-11.json")
    script = (
        "import sys; from tui.core.storage import ReflectionStore, StoreError\n"
        "try:\n"
        f"    ReflectionStore(sys.argv[1]).save({record(2)!r})\n"
        "except StoreError as e:\n"
        "    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(data)], capture_output=True, text=True, timeout=30
    )
    assert "2026-11.json is not a regular file" in done.stdout
    assert [r["id"] for r in ReflectionStore(data).list()] == [record(1, month=10)["id"]]
