"""Daily backups: one a day, the last seven kept, private, real copies, and a safe restore."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.core import backups
from tui.core.backups import (
    BackupError,
    check_backup,
    list_backups,
    restore_backup,
    take_daily_backup,
)
from tui.core.locking import lock_folder
from tui.core.storage import ReflectionStore
from tui.core.vault import MAGIC, is_locked

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2026, 11, 25)
PASS = "correct horse battery"


def record(n: int, *, month: int = 11, answer: str | None = None) -> dict[str, Any]:
    return {
        "id": f"{n:032x}",
        "schema": 1,
        "started_at": f"2026-{month:02d}-{(n % 27) + 1:02d}T10:{n % 60:02d}:00+00:00",
        "completed": True,
        "exercises": ["noticing-the-critic"],
        "steps": [{"type": "write", "prompt": "What is the critic saying?", "answer": answer}],
    }


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def tree(root: Path) -> dict[str, bytes]:
    """Every regular file under ``root`` by relative path, with its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def backup_folders(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "backups").iterdir() if p.is_dir())


def store_files(data_dir: Path) -> dict[str, bytes]:
    files = tree(data_dir / "reflections") if (data_dir / "reflections").exists() else {}
    draft = data_dir / "draft.json"
    if draft.exists():
        files["draft.json"] = draft.read_bytes()
    return files


@pytest.fixture(params=["plain", "locked"])
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """Every test runs on a plain store and on a locked one (issue 16: nothing lost locked)."""
    store = ReflectionStore(tmp_path / "data")
    store.save(record(1, answer="October words", month=10))
    store.save(record(2, answer="November words"))
    store.save_draft({"draft": 1, "id": "d", "records": [{"answer": "half a thought"}]})
    if request.param == "locked":
        lock_folder(tmp_path / "data", PASS)
    return tmp_path / "data"


def edit(raw: bytes) -> bytes:
    """A small change to a file's bytes, plain or locked."""
    if raw.startswith(MAGIC):
        return raw[:-1] + bytes([raw[-1] ^ 1])
    return raw.replace(b"November", b"Novembre")


# --- taking backups ------------------------------------------------------------------------


def test_a_backup_is_an_exact_copy_of_the_month_files_and_draft(data_dir: Path) -> None:
    taken = take_daily_backup(data_dir, today=DAY)
    assert taken == data_dir / "backups" / "2026-11-25"
    copied = tree(taken)
    assert copied.pop("manifest.json")
    assert copied == {
        "draft.json": (data_dir / "draft.json").read_bytes(),
        "reflections/2026-10.json": (data_dir / "reflections/2026-10.json").read_bytes(),
        "reflections/2026-11.json": (data_dir / "reflections/2026-11.json").read_bytes(),
    }
    [listed] = list_backups(data_dir)
    assert (listed.day, listed.reflections, listed.files, listed.problem) == (DAY, 2, 3, None)


def test_at_most_one_backup_a_day(data_dir: Path) -> None:
    first = take_daily_backup(data_dir, today=DAY)
    assert first is not None
    before = tree(first)
    ReflectionStore(data_dir).save(record(3, answer="later that day"))
    assert take_daily_backup(data_dir, today=DAY) is None
    assert tree(first) == before, "the day's backup is not rewritten"
    assert backup_folders(data_dir) == ["2026-11-25"]
    assert take_daily_backup(data_dir, today=DAY + timedelta(days=1)) is not None
    assert len(list_backups(data_dir)) == 2


def test_the_last_seven_are_kept(data_dir: Path) -> None:
    (data_dir / "backups").mkdir(mode=0o700)
    unrelated = data_dir / "backups" / "my notes"
    unrelated.mkdir()
    for n in range(10):
        assert take_daily_backup(data_dir, today=DAY + timedelta(days=n)) is not None
    kept = sorted(b.day for b in list_backups(data_dir))
    assert kept == [DAY + timedelta(days=n) for n in range(3, 10)]
    assert unrelated.is_dir(), "only folders named like a date are ever pruned"


def test_backups_are_private_whatever_the_umask(data_dir: Path) -> None:
    old_umask = os.umask(0)
    try:
        taken = take_daily_backup(data_dir, today=DAY)
    finally:
        os.umask(old_umask)
    assert taken is not None
    assert mode(data_dir / "backups") == 0o700
    dirs = [taken, *(p for p in taken.rglob("*") if p.is_dir())]
    files = [p for p in taken.rglob("*") if p.is_file()]
    assert len(dirs) == 2 and len(files) == 4
    assert {mode(p) for p in dirs} == {0o700}
    assert {mode(p) for p in files} == {0o600}


def test_a_backup_holds_copies_not_links(data_dir: Path) -> None:
    """A hard link would follow the store's files; atomic replace would make it stale."""
    taken = take_daily_backup(data_dir, today=DAY)
    assert taken is not None
    copy = taken / "reflections" / "2026-11.json"
    original = data_dir / "reflections" / "2026-11.json"
    assert copy.stat().st_ino != original.stat().st_ino
    assert copy.stat().st_nlink == 1 and not copy.is_symlink()
    snapshot = copy.read_bytes()
    ReflectionStore(data_dir).save(record(2, answer="changed after the backup"))
    assert copy.read_bytes() == snapshot


def test_nothing_to_back_up_creates_nothing(tmp_path: Path) -> None:
    assert take_daily_backup(tmp_path / "empty", today=DAY) is None
    assert not (tmp_path / "empty").exists()


def test_a_damaged_month_is_left_out_so_the_backup_restores(data_dir: Path) -> None:
    (data_dir / "reflections" / "2026-09.json").write_bytes(b'{"reflections": {"1": ')
    taken = take_daily_backup(data_dir, today=DAY)
    assert taken is not None
    assert not (taken / "reflections" / "2026-09.json").exists()
    manifest = orjson.loads((taken / "manifest.json").read_bytes())
    assert [s.split(":")[0] for s in manifest["skipped"]] == ["reflections/2026-09.json"]
    assert (data_dir / "reflections" / "2026-09.json").exists(), "the store's file is untouched"
    assert check_backup(data_dir, DAY).reflections == 2


def test_a_failed_backup_leaves_no_half_backup_and_the_store_unchanged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store_files(data_dir)

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups.os, "fsync", disk_full)
    with pytest.raises(BackupError, match="disk is full"):
        take_daily_backup(data_dir, today=DAY)
    monkeypatch.undo()
    assert store_files(data_dir) == before
    assert list_backups(data_dir) == []
    assert backup_folders(data_dir) == [], "no half-built backup is left behind"
    assert take_daily_backup(data_dir, today=DAY) is not None, "tomorrow (or now) it works"


def test_a_backup_interrupted_by_a_crash_is_never_listed_and_is_cleaned_up(
    data_dir: Path,
) -> None:
    half = data_dir / "backups" / ".tmp-2026-11-24-deadbeef"
    (half / "reflections").mkdir(parents=True)
    (half / "reflections" / "2026-11.json").write_bytes(b'{"reflecti')
    assert list_backups(data_dir) == []
    assert take_daily_backup(data_dir, today=DAY) is not None
    assert not half.exists()


@pytest.mark.slow
def test_two_processes_taking_backups_at_once_make_one_a_day(
    data_dir: Path, tmp_path: Path
) -> None:
    code = (
        "import sys, time; from datetime import date, timedelta; from pathlib import Path\n"
        "from tui.core.backups import take_daily_backup\n"
        "from tui.core import vault\n"
        "data, go = Path(sys.argv[1]), Path(sys.argv[2])\n"
        f"if vault.is_locked(data): vault.unlock_in_memory(data, {PASS!r})\n"
        "go.with_name('ready-' + sys.argv[3]).touch()\n"
        "while not go.exists(): time.sleep(0.001)\n"
        "for n in range(6):\n"
        "    day = date(2026, 11, 20) + timedelta(days=n)\n"
        "    print(day, take_daily_backup(data, today=day) is not None, flush=True)\n"
    )
    go = tmp_path / "go"
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(data_dir), str(go), str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        for n in range(2)
    ]
    deadline = time.monotonic() + 30
    while not all((tmp_path / f"ready-{n}").exists() for n in range(2)):
        assert time.monotonic() < deadline and all(c.poll() is None for c in children)
        time.sleep(0.005)
    go.touch()  # both have imported everything and wait at the gate: they back up at once
    outputs = [child.communicate(timeout=30) for child in children]
    assert [child.returncode for child in children] == [0, 0], [err for _, err in outputs]
    taken: dict[str, int] = {}
    for out, _err in outputs:
        for line in out.splitlines():
            day, took = line.split()
            taken[day] = taken.get(day, 0) + (took == "True")
    assert len(taken) == 6 and set(taken.values()) == {1}, taken
    assert [b.problem for b in list_backups(data_dir)] == [None] * 6


# --- restoring ----------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_moves_the_current_store_aside(
    data_dir: Path,
) -> None:
    taken = take_daily_backup(data_dir, today=DAY)
    assert taken is not None
    store = ReflectionStore(data_dir)
    store.save(record(2, answer="rewritten after the backup"))
    store.save(record(3, month=12, answer="a new month"))
    assert store.delete(record(1)["id"])
    current = tree(data_dir / "reflections")

    result = restore_backup(data_dir, "2026-11-25")

    assert result.reflections == 2 and result.day == DAY
    restored = ReflectionStore(data_dir)
    assert {r["id"]: r["steps"][0]["answer"] for r in restored.list()} == {
        record(1)["id"]: "October words",
        record(2)["id"]: "November words",
    }
    assert restored.warnings == []
    # Nothing was deleted: the store as it was sits, byte for byte, in a timestamped folder.
    aside = result.moved_aside
    assert aside is not None and aside.parent == data_dir
    assert aside.name.startswith("before-restore-")
    assert tree(aside / "reflections") == {k: v for k, v in current.items() if k != ".lock"}
    assert mode(aside) == 0o700 and {mode(p) for p in aside.rglob("*.json")} == {0o600}
    assert result.draft_kept and (data_dir / "draft.json").exists()
    assert list((data_dir / "reflections").glob("*.tmp")) == []


def test_restoring_twice_keeps_both_earlier_stores(data_dir: Path) -> None:
    take_daily_backup(data_dir, today=DAY)
    first = restore_backup(data_dir, DAY).moved_aside
    second = restore_backup(data_dir, DAY).moved_aside
    assert first is not None and second is not None and first != second
    assert first.exists() and second.exists()


def test_restore_brings_back_the_draft_only_when_there_is_none(data_dir: Path) -> None:
    take_daily_backup(data_dir, today=DAY)
    draft = (data_dir / "draft.json").read_bytes()
    (data_dir / "draft.json").unlink()
    result = restore_backup(data_dir, DAY)
    assert result.draft_restored and not result.draft_kept
    assert (data_dir / "draft.json").read_bytes() == draft
    assert mode(data_dir / "draft.json") == 0o600


@pytest.mark.parametrize(
    "damage",
    ["truncated month", "edited month", "missing month", "garbage manifest", "no manifest"],
)
def test_a_damaged_backup_is_refused_and_the_store_is_untouched(
    data_dir: Path, damage: str
) -> None:
    taken = take_daily_backup(data_dir, today=DAY)
    assert taken is not None
    month = taken / "reflections" / "2026-11.json"
    if damage == "truncated month":
        month.write_bytes(month.read_bytes()[:40])
    elif damage == "edited month":
        month.write_bytes(edit(month.read_bytes()))
    elif damage == "missing month":
        month.unlink()
    elif damage == "garbage manifest":
        (taken / "manifest.json").write_bytes(b"\x00\xff not json")
    else:
        (taken / "manifest.json").unlink()
    ReflectionStore(data_dir).save(record(4, answer="newer than the backup"))
    before = store_files(data_dir)

    with pytest.raises(BackupError) as caught:
        restore_backup(data_dir, DAY)

    assert str(taken) in str(caught.value)
    assert store_files(data_dir) == before
    assert not list(data_dir.glob("before-restore-*"))
    [listed] = list_backups(data_dir)
    if "manifest" in damage:
        assert listed.problem is not None


def test_restore_of_a_missing_day_names_the_days_there_are(data_dir: Path) -> None:
    take_daily_backup(data_dir, today=DAY)
    with pytest.raises(BackupError, match=r"no backup from 2026-11-20 \(backups: 2026-11-25\)"):
        restore_backup(data_dir, "2026-11-20")
    with pytest.raises(BackupError, match="not a date"):
        restore_backup(data_dir, "../../etc")


@pytest.mark.parametrize(
    ("failing", "error"),
    [
        ("fsync", errno.ENOSPC),  # writing the second restored file: the disk fills up
        ("rename", errno.EIO),  # moving the second current month aside
    ],
)
def test_a_restore_that_fails_half_way_changes_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, failing: str, error: int
) -> None:
    take_daily_backup(data_dir, today=DAY)
    ReflectionStore(data_dir).save(record(4, answer="newer than the backup"))
    before = store_files(data_dir)
    real = getattr(os, failing)
    calls = 0

    def fails_second_time(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(error, os.strerror(error))
        return real(*args)

    monkeypatch.setattr(backups.os, failing, fails_second_time)
    with pytest.raises(BackupError, match=r"could not be restored.*Nothing was deleted"):
        restore_backup(data_dir, DAY)
    monkeypatch.undo()
    assert calls >= 2
    assert store_files(data_dir) == before
    assert list((data_dir / "reflections").glob(".*.tmp")) == []
    assert list(data_dir.glob("before-restore-*/reflections/*")) == []


# --- the command --------------------------------------------------------------------------


def kindtone(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "backups", *args],
        capture_output=True,
        text=True,
        input=PASS + "\n" if is_locked(data_dir) else "",
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        timeout=30,
    )


def test_backups_list_and_restore_commands(data_dir: Path) -> None:
    take_daily_backup(data_dir, today=DAY - timedelta(days=1))
    take_daily_backup(data_dir, today=DAY)
    listed = kindtone("list", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["DATE", "REFLECTIONS", "SIZE", "STATUS"]
    assert lines[1].startswith("2026-11-25") and lines[1].split()[1] == "2"
    assert lines[2].startswith("2026-11-24")
    assert "backups restore 2026-11-25" in listed.stdout

    restored = kindtone("restore", "2026-11-24", data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert "Restored the backup from 2026-11-24: 2 reflections." in restored.stdout
    assert "before-restore-" in restored.stdout and "nothing was deleted" in restored.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("restore", "2020-01-01"), "no backup from 2020-01-01"),
        (("restore", "someday"), "not a date"),
        (("restore", "latest"), "has changed since the backup was taken"),  # damaged
    ],
)
def test_backup_command_errors_are_one_clear_line(
    data_dir: Path, args: tuple[str, ...], expected: str
) -> None:
    taken = take_daily_backup(data_dir, today=DAY)
    assert taken is not None
    month = taken / "reflections" / "2026-11.json"
    month.write_bytes(month.read_bytes()[:10])
    result = kindtone(*args, data_dir=data_dir)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("kindtone backups: ") and expected in result.stderr
    assert "Traceback" not in result.stderr


def test_backups_list_with_none_yet(tmp_path: Path) -> None:
    result = kindtone("list", data_dir=tmp_path / "fresh")
    assert result.returncode == 0 and "No backups yet" in result.stdout
    assert not (tmp_path / "fresh").exists()


# --- wiring: the app takes the day's backup ------------------------------------------------


async def test_the_app_backs_up_after_a_save(tmp_path: Path) -> None:
    """The first save of a new store makes the day's backup (at start there was nothing)."""
    from helpers_pty import walk_session

    from tui.app import KindtoneApp

    data_dir = tmp_path / "fresh"
    app = KindtoneApp(data_dir=data_dir, start_exercise="just-a-thought")
    async with app.run_test(size=(100, 30)) as pilot:
        await walk_session(pilot, "words worth keeping")
        await app.workers.wait_for_complete()
    [today] = list_backups(data_dir)
    assert today.day == date.today() and today.problem is None
    assert today.reflections == 1, "the session just saved"


async def test_the_app_takes_the_days_backup_on_start(data_dir: Path) -> None:
    from helpers_pty import until

    from tui.app import KindtoneApp

    app = KindtoneApp(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        # The app waits a moment after its first frame, then backs up in a thread.
        await until(pilot, lambda: list_backups(data_dir), "the start-up backup")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert [b.day for b in list_backups(data_dir)] == [date.today()]


# --- a wrong clock -----------------------------------------------------------------------------


def test_a_backup_from_a_clock_set_to_2150_is_not_latest_for_ever(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    take_daily_backup(data, today=date(2150, 1, 1))
    for n in range(3):
        take_daily_backup(data, today=DAY + timedelta(days=n))
    listed = list_backups(data)
    assert listed[0].day == DAY + timedelta(days=2), "the last taken is the latest"
    for n in range(3, 9):
        take_daily_backup(data, today=DAY + timedelta(days=n))
    assert date(2150, 1, 1) not in [b.day for b in list_backups(data)], "it ages out like any"
    assert len(list_backups(data)) == backups.KEEP


def test_with_the_clock_behind_the_new_days_backup_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ReflectionStore(data).save(record(1))
    for n in range(backups.KEEP):
        take_daily_backup(data, today=DAY + timedelta(days=n))
    behind = DAY - timedelta(days=400)
    target = take_daily_backup(data, today=behind)
    assert target is not None and target.is_dir()
    days = [b.day for b in list_backups(data)]
    assert days[0] == behind
    assert DAY not in days, "the oldest taken went instead"
    assert len(days) == backups.KEEP


def test_backups_list_never_prints_a_raw_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import tui.cli

    data = tmp_path / "data\x1b[31mred"
    ReflectionStore(data).save(record(1))
    take_daily_backup(data, today=DAY)
    assert tui.cli.main(["--data-dir", str(data), "backups", "list"]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    assert "\\x1b[31mred" in out
