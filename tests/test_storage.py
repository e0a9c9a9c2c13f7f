"""The reflection store never loses what someone wrote: atomic, private, damage-tolerant, shared."""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
import sys
import textwrap
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.core import atomic
from tui.core.atomic import write_atomic
from tui.core.storage import PracticeSummary, ReflectionStore, StoreError, month_key

ROOT = Path(__file__).resolve().parent.parent
DAMAGED_NAME = re.compile(r"^(?P<name>.+)\.damaged-\d{8}T\d{6}(-\d+)?$")


def reflection(
    started_at: str,
    *,
    rid: str | None = None,
    answer: str = "I'm useless at this",
    exercises: tuple[str, ...] = ("noticing-the-critic", "settling-breath"),
    ended_at: str | None = None,
    minutes_planned: int = 5,
    **extra: Any,
) -> dict[str, Any]:
    """A record in the shape the session module saves."""
    return {
        "id": rid or uuid.uuid4().hex,
        "schema": 1,
        "started_at": started_at,
        "ended_at": ended_at,
        "completed": True,
        "situation": "critic",
        "minutes_planned": minutes_planned,
        "exercises": list(exercises),
        "ratings": {"before": {"harsh": 7, "tense": 5}, "after": {"harsh": 4, "tense": None}},
        "steps": [
            {
                "exercise": exercises[0],
                "index": 0,
                "type": "write",
                "id": "thought",
                "prompt": "What is the critic saying?",
                "answer": answer,
                "versions": ["first try", answer],
                "tries": 2,
                "skipped": False,
                "seconds": 12.5,
            }
        ],
        "crisis": False,
        **extra,
    }


@pytest.fixture(params=["plain", "locked"])
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """Each test runs on a plain store and on a locked one (issue 16: nothing lost locked)."""
    if request.param == "locked":
        from tui.core.locking import lock_folder

        lock_folder(tmp_path / "data", "correct horse battery")
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> ReflectionStore:
    return ReflectionStore(data_dir)


def month_file(data_dir: Path, key: str) -> Path:
    return data_dir / "reflections" / f"{key}.json"


def set_aside_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in (data_dir / "reflections").iterdir() if DAMAGED_NAME.match(p.name))


def leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".tmp")]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- round trips ----------------------------------------------------------------------------


def test_save_then_get_returns_exactly_what_was_saved(store: ReflectionStore) -> None:
    saved = reflection("2026-11-25T17:30:00+00:00", ended_at="2026-11-25T17:35:12+00:00")
    store.save(saved)
    assert store.get(saved["id"]) == saved
    assert store.count() == 1
    assert store.warnings == []


@pytest.mark.parametrize("data_dir", ["plain"], indirect=True)  # reads the plain bytes
def test_empty_or_missing_store_reads_as_empty(store: ReflectionStore, data_dir: Path) -> None:
    assert store.list() == []
    assert store.count() == 0
    assert store.get("abcdef0123") is None
    assert store.delete("abcdef") is False
    assert store.last_exercises() == []
    assert store.practice_summary() == PracticeSummary(0, 0.0, 0, None)
    assert not data_dir.exists(), "reading must not create anything"


def test_list_is_newest_first_by_instant_across_months_and_offsets(
    store: ReflectionStore,
) -> None:
    times = [
        "2026-09-03T08:00:00+01:00",
        "2026-11-30T23:30:00-05:00",  # 2026-12-01 04:30 UTC: the newest instant
        "2026-12-01T01:00:00+02:00",  # 2026-11-30 23:00 UTC
        "2025-01-15T12:00:00+00:00",
        "2026-11-02T09:00:00+00:00",
    ]
    for t in times:
        store.save(reflection(t, rid=t))
    assert [r["id"] for r in store.list()] == [
        "2026-11-30T23:30:00-05:00",
        "2026-12-01T01:00:00+02:00",
        "2026-11-02T09:00:00+00:00",
        "2026-09-03T08:00:00+01:00",
        "2025-01-15T12:00:00+00:00",
    ]


def test_limit(store: ReflectionStore) -> None:
    for day in range(1, 21):
        store.save(reflection(f"2026-{(day % 3) + 9:02d}-{day:02d}T10:00:00+00:00", rid=f"r{day}"))
    newest = store.list()
    assert [r["id"] for r in store.list(limit=4)] == [r["id"] for r in newest[:4]]
    assert store.list(limit=0) == []
    assert len(store.list(limit=100)) == 20


def test_limit_stops_reading_older_months(store: ReflectionStore, data_dir: Path) -> None:
    store.save(reflection("2026-11-25T10:00:00+00:00", rid="new"))
    store.save(reflection("2026-11-24T10:00:00+00:00", rid="newer-than-old"))
    old = month_file(data_dir, "2020-01")
    old.write_bytes(b"{not json")  # would be set aside if it were read
    assert [r["id"] for r in store.list(limit=2)] == ["new", "newer-than-old"]
    assert old.exists() and store.warnings == []


def test_search_is_case_insensitive_across_all_text(store: ReflectionStore) -> None:
    a = reflection("2026-11-01T10:00:00+00:00", rid="a" * 32, answer="Walked by the RIVER")
    b = reflection("2026-11-02T10:00:00+00:00", rid="b" * 32, exercises=("shifting-tone",))
    b["steps"][0]["versions"] = ["an earlier Draft about the Straße", "final"]
    c = reflection("2026-11-03T10:00:00+00:00", rid="c" * 32, answer="nothing to see")
    c["steps"][0]["prompt"] = "Who ELSE might feel this?"
    for r in (a, b, c):
        store.save(r)

    def ids(**kwargs: Any) -> list[str]:
        return [r["id"][0] for r in store.list(**kwargs)]

    assert ids(search="river") == ["a"]  # answer, any case
    assert ids(search="STRASSE") == ["b"]  # earlier version; casefold, not just lower
    assert ids(search="SHIFTING-tone") == ["b"]  # exercise id
    assert ids(search="else might") == ["c"]  # prompt
    assert ids(search="critic") == ["c", "b", "a"]  # prompt text of every record
    assert ids(search="bbbbbb") == []  # ids and timestamps are not text
    assert ids(search="2026-11") == []
    assert ids(search="zebra") == []
    assert ids(search="critic", limit=1) == ["c"]


def test_search_finds_text_behind_json_escapes(store: ReflectionStore) -> None:
    tricky = 'She said "enough"\\now'
    store.save(reflection("2026-11-01T10:00:00+00:00", rid="q" * 32, answer=tricky))
    assert [r["id"] for r in store.list(search='"ENOUGH"\\n')] == ["q" * 32]


def test_since_uses_each_reflections_own_date(store: ReflectionStore) -> None:
    store.save(reflection("2026-10-31T23:00:00+00:00", rid="before"))
    # 2026-11-01 00:30 in Berlin is still October in UTC, so it lives in the October file.
    store.save(reflection("2026-11-01T00:30:00+01:00", rid="berlin-first"))
    store.save(reflection("2026-11-15T10:00:00+00:00", rid="mid"))
    assert [r["id"] for r in store.list(since=date(2026, 11, 1))] == ["mid", "berlin-first"]
    assert [r["id"] for r in store.list(since=date(2026, 11, 2))] == ["mid"]
    assert store.list(since=date(2027, 1, 1)) == []


def test_save_upserts_by_id_and_replaces_the_whole_record(store: ReflectionStore) -> None:
    first = reflection("2026-11-25T17:30:00+00:00", answer="draft", mood="low")
    store.save(first)
    second = {k: v for k, v in first.items() if k != "mood"}
    second["steps"][0]["answer"] = "final words"
    store.save(second)
    assert store.count() == 1
    got = store.get(first["id"])
    assert got == second and "mood" not in got


def test_get_accepts_a_unique_prefix_of_six_or_more(store: ReflectionStore) -> None:
    store.save(reflection("2026-11-01T10:00:00+00:00", rid="abcdef111111"))
    store.save(reflection("2026-10-01T10:00:00+00:00", rid="abcdef222222"))
    assert store.get("abcdef1")["id"] == "abcdef111111"  # type: ignore[index]
    assert store.get("abcdef2")["id"] == "abcdef222222"  # type: ignore[index]
    assert store.get("ABCDEF2") is None, "ids are exact, case too"
    assert store.ids_differing_in_case("ABCDEF2") == ["abcdef222222"]
    assert store.get("abcde") is None, "too short to be a prefix"
    assert store.get("abcdef3") is None
    with pytest.raises(StoreError, match="matches 2 reflections"):
        store.get("abcdef")


def test_ids_differing_only_in_case_are_two_reflections_everywhere(
    store: ReflectionStore,
) -> None:
    upper = reflection("2026-11-01T10:00:00+00:00", rid="ABCDEF123456" + "0" * 20, answer="UP")
    lower = reflection("2026-11-02T10:00:00+00:00", rid="abcdef123456" + "0" * 20, answer="low")
    store.save_many([upper, lower])
    assert store.count() == 2
    for wanted, expected in (("abcdef123456", lower), ("ABCDEF123456", upper)):
        assert store.get(wanted) == expected
        assert store.get(expected["id"]) == expected
    assert store.delete(lower["id"])
    assert [r["id"] for r in store.list()] == [upper["id"]]


def test_delete_by_exact_id_only(store: ReflectionStore, data_dir: Path) -> None:
    keep = reflection("2026-11-01T10:00:00+00:00", rid="keep" + "0" * 28)
    gone = reflection("2026-11-02T10:00:00+00:00", rid="gone" + "0" * 28)
    store.save(keep)
    store.save(gone)
    assert store.delete("gone00") is False, "a prefix must never delete"
    assert store.delete(gone["id"]) is True
    assert store.delete(gone["id"]) is False
    assert [r["id"] for r in store.list()] == [keep["id"]]
    assert gone["id"].encode() not in month_file(data_dir, "2026-11").read_bytes()


def test_last_exercises_come_from_the_newest_reflection(store: ReflectionStore) -> None:
    store.save(reflection("2026-11-01T10:00:00+00:00", exercises=("just-a-thought",)))
    store.save(reflection("2026-11-03T10:00:00+00:00", exercises=("settling-breath", "x")))
    store.save(reflection("2026-11-02T10:00:00+00:00", exercises=("shifting-tone",)))
    assert store.last_exercises() == ["settling-breath", "x"]


def test_practice_summary_counts_kindly(store: ReflectionStore) -> None:
    store.save(reflection("2026-11-01T10:00:00+00:00", ended_at="2026-11-01T10:05:30+00:00"))
    store.save(  # same local day, left open overnight: capped at 3 × the 5 planned minutes
        reflection("2026-11-01T22:00:00+00:00", ended_at="2026-11-02T07:00:00+00:00")
    )
    no_end = reflection("2026-11-03T23:30:00-08:00")  # UTC date is the 4th; lived on the 3rd
    no_end["steps"][0]["seconds"] = 90
    store.save(no_end)
    summary = store.practice_summary()
    assert summary.sessions == 3
    assert summary.minutes == pytest.approx(5.5 + 15 + 1.5)
    assert summary.days_practised == 2
    assert summary.last_practised == datetime(2026, 11, 4, 7, 30, tzinfo=UTC)


def test_totals_follow_saves_from_another_store(data_dir: Path) -> None:
    one, two = ReflectionStore(data_dir), ReflectionStore(data_dir)
    one.save(reflection("2026-11-01T10:00:00+00:00"))
    assert two.count() == 1
    one.save(reflection("2026-11-02T10:00:00+00:00"))
    assert two.count() == 2 and two.practice_summary().sessions == 2


def test_two_stores_saving_the_same_month_keep_both(data_dir: Path) -> None:
    """Each write starts from the file on disk, never from what the store read earlier."""
    one, two = ReflectionStore(data_dir), ReflectionStore(data_dir)
    assert one.list() == [] and two.list() == []
    one.save(reflection("2026-11-01T10:00:00+00:00", rid="one"))
    two.save(reflection("2026-11-02T10:00:00+00:00", rid="two"))
    assert {r["id"] for r in one.list()} == {"one", "two"}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"started_at": "2026-11-25T17:30:00+00:00"}, "no 'id'"),
        ({"id": "x" * 32}, "no 'started_at'"),
        ({"id": "x" * 32, "started_at": "2026-11-25T17:30:00"}, "offset"),
        ({"id": "x" * 32, "started_at": "yesterday"}, "offset"),
        ({"id": "x" * 32, "started_at": "2026-11-25T17:30:00+00:00", "s": {1, 2}}, "could not"),
    ],
)
def test_invalid_reflections_are_refused_and_nothing_is_written(
    store: ReflectionStore, data_dir: Path, bad: dict[str, Any], message: str
) -> None:
    with pytest.raises(StoreError, match=message):
        store.save(bad)
    assert not (data_dir / "reflections").exists() or not list(
        (data_dir / "reflections").glob("*.json")
    )


# --- layout and permissions -------------------------------------------------------------------


@pytest.mark.parametrize("data_dir", ["plain"], indirect=True)  # reads the plain bytes
def test_one_file_per_utc_month_and_a_save_touches_only_its_month(
    store: ReflectionStore, data_dir: Path
) -> None:
    store.save(reflection("2026-10-05T10:00:00+00:00", rid="october"))
    store.save(reflection("2026-12-01T00:30:00+02:00", rid="still-november-in-utc"))
    store.save(reflection("2026-11-20T10:00:00+00:00", rid="november"))
    names = sorted(p.name for p in (data_dir / "reflections").glob("*.json"))
    assert names == ["2026-10.json", "2026-11.json"]
    assert month_key("2026-12-01T00:30:00+02:00") == "2026-11"

    october = month_file(data_dir, "2026-10")
    before = (october.read_bytes(), october.stat().st_ino, october.stat().st_mtime_ns)
    store.save(reflection("2026-11-21T10:00:00+00:00"))
    assert (october.read_bytes(), october.stat().st_ino, october.stat().st_mtime_ns) == before

    # The files are TinyDB's own format, readable with TinyDB itself.
    from tinydb import TinyDB

    with TinyDB(month_file(data_dir, "2026-11")) as db:
        ids = {doc["id"] for doc in db.table("reflections").all()}
    assert {"still-november-in-utc", "november"} <= ids


def test_files_are_0600_and_dirs_0700_whatever_the_umask(data_dir: Path) -> None:
    old_umask = os.umask(0)
    try:
        store = ReflectionStore(data_dir)
        store.save(reflection("2026-11-25T17:30:00+00:00"))
        store.save_draft({"id": "d", "answer": "half a thought"})
        month_file(data_dir, "2020-01").write_bytes(b"garbage")  # 0666 under this umask
        store.count()  # sets the garbage aside
    finally:
        os.umask(old_umask)
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "reflections") == 0o700
    assert mode(month_file(data_dir, "2026-11")) == 0o600
    assert mode(data_dir / "draft.json") == 0o600
    assert mode(data_dir / "reflections" / ".lock") == 0o600
    assert [mode(p) for p in set_aside_files(data_dir)] == [0o600]


def test_write_atomic_sets_mode_despite_umask(tmp_path: Path) -> None:
    old_umask = os.umask(0o077 ^ 0o777)  # a umask that would strip the owner's bits
    try:
        write_atomic(tmp_path / "f", b"x")
    finally:
        os.umask(old_umask)
    assert mode(tmp_path / "f") == 0o600


# --- atomic writes ----------------------------------------------------------------------------


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_save_leaves_the_old_file_byte_identical(
    store: ReflectionStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    store.save(reflection("2026-11-01T10:00:00+00:00", rid="safe", answer="words to keep"))
    path = month_file(data_dir, "2026-11")
    original = path.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, disk_full)
    with pytest.raises(StoreError, match="disk is full") as caught:
        store.save(reflection("2026-11-02T10:00:00+00:00", answer="x" * 10_000))
    monkeypatch.undo()

    assert isinstance(caught.value.__cause__, OSError)
    assert caught.value.__cause__.errno == errno.ENOSPC
    assert caught.value.path == path
    assert path.read_bytes() == original
    assert leftovers(path.parent) == []
    assert [r["id"] for r in ReflectionStore(data_dir).list()] == ["safe"]


def test_write_atomic_propagates_errors_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.json"
    target.write_bytes(b"old")

    def read_only(*args: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.os, "replace", read_only)
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"new")
    assert caught.value.errno == errno.EROFS
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_write_atomic_never_truncates_the_target_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Observed at the moment of the rename, the target still holds the old bytes."""
    target = tmp_path / "file.json"
    target.write_bytes(b"old")
    seen: list[bytes] = []
    real_replace = os.replace

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        seen.append(Path(dst).read_bytes())
        assert Path(src).parent == target.parent, "temp file must be in the same directory"
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", spy)
    write_atomic(target, b"new")
    assert seen == [b"old"]
    assert target.read_bytes() == b"new"


def test_draft_write_failure_is_reported_and_keeps_the_old_draft(
    store: ReflectionStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_draft({"answer": "first"})
    original = (data_dir / "draft.json").read_bytes()

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StoreError, match="disk is full"):
        store.save_draft({"answer": "second"})
    monkeypatch.undo()
    assert (data_dir / "draft.json").read_bytes() == original
    assert leftovers(data_dir) == []


# --- damaged files ----------------------------------------------------------------------------

DAMAGE = {
    "truncated": b'{"reflections": {"1": {"id": "abc", "started_at": "2026-10-01T10:00',
    "garbage": bytes(range(256)) * 4,
    "empty": b"",
    "top-level list": b"[1, 2, 3]",
    "table not an object": b'{"reflections": [1, 2]}',
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_month_is_set_aside_untouched_and_the_rest_still_lists(
    store: ReflectionStore, data_dir: Path, kind: str
) -> None:
    store.save(reflection("2026-11-01T10:00:00+00:00", rid="fine"))
    damaged = month_file(data_dir, "2026-10")
    damaged.write_bytes(DAMAGE[kind])

    assert [r["id"] for r in store.list()] == ["fine"]

    assert not damaged.exists()
    [aside] = set_aside_files(data_dir)
    assert DAMAGED_NAME.match(aside.name)["name"] == "2026-10.json"  # type: ignore[index]
    assert aside.read_bytes() == DAMAGE[kind]
    assert len(store.warnings) == 1
    assert str(damaged) in store.warnings[0] and aside.name in store.warnings[0]

    # Saving into that month starts a fresh file and leaves the set-aside copy alone.
    store.save(reflection("2026-10-02T10:00:00+00:00", rid="october"))
    assert aside.read_bytes() == DAMAGE[kind]
    assert [r["id"] for r in store.list()] == ["fine", "october"]


def test_saving_into_a_damaged_month_sets_it_aside_first(
    store: ReflectionStore, data_dir: Path
) -> None:
    damaged = month_file(data_dir, "2026-11")
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b'{"reflections": {"1": {"id": "lost?"')
    store.save(reflection("2026-11-02T10:00:00+00:00", rid="new"))
    [aside] = set_aside_files(data_dir)
    assert aside.read_bytes() == b'{"reflections": {"1": {"id": "lost?"'
    assert [r["id"] for r in store.list()] == ["new"]
    assert store.warnings


def test_two_damaged_files_in_the_same_second_get_different_names(
    store: ReflectionStore, data_dir: Path
) -> None:
    path = month_file(data_dir, "2026-10")
    path.parent.mkdir(parents=True)
    for content in (b"one", b"two"):
        path.write_bytes(content)
        store.list()
    assert sorted(p.read_bytes() for p in set_aside_files(data_dir)) == [b"one", b"two"]


@pytest.mark.parametrize("data_dir", ["plain"], indirect=True)  # reads the plain bytes
def test_bad_records_are_skipped_and_kept_on_disk_when_the_file_is_rewritten(
    store: ReflectionStore, data_dir: Path
) -> None:
    good = reflection("2026-11-01T10:00:00+00:00", rid="good")
    table = {
        "1": good,
        "2": "not a reflection",
        "3": {"started_at": "2026-11-02T10:00:00+00:00", "answer": "no id"},
        "4": {"id": "no-start", "answer": "words"},
        "x": reflection("2026-11-03T10:00:00+00:00", rid="odd-key"),
    }
    path = month_file(data_dir, "2026-11")
    path.parent.mkdir(parents=True)
    original = orjson.dumps({"reflections": table})
    path.write_bytes(original)

    assert [r["id"] for r in store.list()] == ["good"]
    assert store.count() == 1
    assert path.read_bytes() == original, "reading never rewrites"
    assert len(store.warnings) == 1 and "skipped 4 entries" in store.warnings[0]

    store.save(reflection("2026-11-04T10:00:00+00:00", rid="new"))
    [aside] = set_aside_files(data_dir)
    assert aside.read_bytes() == original, "the unreadable entries survive in the copy"
    assert {r["id"] for r in store.list()} == {"good", "new"}
    assert any(aside.name in w for w in store.warnings)

    store.save(reflection("2026-11-05T10:00:00+00:00", rid="newer"))
    assert len(set_aside_files(data_dir)) == 1, "a clean file needs no further copies"


@pytest.mark.parametrize("data_dir", ["plain"], indirect=True)  # reads the plain bytes
def test_other_tinydb_tables_in_a_month_file_are_preserved(
    store: ReflectionStore, data_dir: Path
) -> None:
    path = month_file(data_dir, "2026-11")
    path.parent.mkdir(parents=True)
    path.write_bytes(orjson.dumps({"reflections": {}, "notes": {"1": {"text": "mine"}}}))
    store.save(reflection("2026-11-04T10:00:00+00:00"))
    assert orjson.loads(path.read_bytes())["notes"] == {"1": {"text": "mine"}}


# --- drafts -----------------------------------------------------------------------------------


def test_draft_round_trip_and_discard(store: ReflectionStore, data_dir: Path) -> None:
    assert store.load_draft() is None
    draft = {"draft": 1, "id": "d1", "records": [{"answer": "half a thought…"}]}
    store.save_draft(draft)
    assert store.load_draft() == draft
    store.save_draft(draft | {"position": 3})
    assert store.load_draft() == draft | {"position": 3}
    store.discard_draft()
    assert store.load_draft() is None
    store.discard_draft()  # nothing to discard is fine
    assert leftovers(data_dir) == []


@pytest.mark.parametrize("data_dir", ["plain"], indirect=True)  # writes the draft by hand
@pytest.mark.parametrize("content", [b'{"draft": 1, "id": ', b"[]", b"\xff\xfe"])
def test_a_damaged_draft_is_set_aside_not_deleted(
    store: ReflectionStore, data_dir: Path, content: bytes
) -> None:
    data_dir.mkdir()
    (data_dir / "draft.json").write_bytes(content)
    assert store.load_draft() is None
    [aside] = [p for p in data_dir.iterdir() if p.name.startswith("draft.json.damaged-")]
    assert aside.read_bytes() == content
    assert store.warnings and "draft.json" in store.warnings[0]


# --- several processes ------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from tui.core.storage import ReflectionStore

    data_dir, tag, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    from tui.core import vault
    if vault.is_locked(data_dir):
        vault.unlock_in_memory(data_dir, "correct horse battery")
    store = ReflectionStore(data_dir)
    go.with_name(f"ready-{tag}").touch()
    while not go.exists():
        time.sleep(0.002)
    for i in range(50):
        store.save({
            "id": f"{tag}{i:031d}",
            "started_at": f"2026-11-25T{i // 60:02d}:{i % 60:02d}:00+00:00",
            "steps": [{"answer": f"{tag} wrote {i}"}],
        })
    """
)


@pytest.mark.slow
def test_two_processes_saving_at_once_lose_nothing(data_dir: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir), tag, str(go)], env=env, cwd=ROOT
        )
        for tag in ("a", "b")
    ]
    deadline = time.monotonic() + 30
    while not all((tmp_path / f"ready-{tag}").exists() for tag in "ab"):
        assert time.monotonic() < deadline and all(c.poll() is None for c in children)
        time.sleep(0.005)
    go.touch()  # both have imported everything and wait at the gate: they save at once
    assert [child.wait(timeout=60) for child in children] == [0, 0]

    store = ReflectionStore(data_dir)
    records = store.list()
    assert len(records) == 100
    for tag in ("a", "b"):
        for i in range(50):
            found = store.get(f"{tag}{i:031d}")
            assert found is not None and found["steps"][0]["answer"] == f"{tag} wrote {i}"
    assert store.warnings == []


# --- the benchmark generator ------------------------------------------------------------------


def test_generator_writes_realistic_records_in_the_store_format(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    try:
        from generate_reflections import main
    finally:
        sys.path.pop(0)
    assert main(["120", str(tmp_path / "gen")]) == 0
    store = ReflectionStore(tmp_path / "gen")
    records = store.list()
    assert len(records) == 120 and store.warnings == []
    keys = set(reflection("2026-11-25T17:30:00+00:00"))
    # a catch (tui.core.catch) is a reflection of its own kind, with no exercises
    assert all(set(r) == keys | ({"kind"} if r.get("kind") == "catch" else set()) for r in records)
    assert any(r.get("kind") == "catch" for r in records)
    assert all(len(r["id"]) == 32 for r in records)
    assert len({e for r in records for e in r["exercises"]}) >= 8
    spread = records[0]["started_at"][:10], records[-1]["started_at"][:10]
    first, last = (date.fromisoformat(d) for d in spread)
    assert timedelta(days=80) < first - last < timedelta(days=160)


def test_a_stuck_lock_becomes_a_clear_error_not_a_hang(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from tui.core import storage

    monkeypatch.setattr(storage, "LOCK_TIMEOUT_SECONDS", 0.2)
    store = ReflectionStore(data_dir)
    store.save(reflection("2026-11-01T10:00:00+00:00"))
    with FileLock(data_dir / "reflections" / ".lock"), pytest.raises(StoreError, match="busy"):
        store.save(reflection("2026-11-02T10:00:00+00:00"))
    assert store.count() == 1


def test_the_search_shortcut_knows_every_character_that_folds_into_ascii() -> None:
    """The byte-level pre-filter is only exact if this list matches the running Unicode data."""
    from tui.core.storage import _FOLDS_TO_ASCII_UTF8

    folding = [
        chr(c)
        for c in range(0x80, sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF and any(ord(x) < 0x80 for x in chr(c).casefold())
    ]
    assert folding and all(ch.encode().startswith(_FOLDS_TO_ASCII_UTF8) for ch in folding)


def test_only_finished_sessions_with_something_written_count_as_practice(
    store: ReflectionStore,
) -> None:
    """Unfinished sessions and ones where every box stayed empty are kept and listed, but
    "practised N times", the minutes and the days count only real practice."""
    store.save(reflection("2026-11-01T10:00:00+00:00", ended_at="2026-11-01T10:05:00+00:00"))
    unfinished = reflection("2026-11-02T10:00:00+00:00", ended_at="2026-11-02T10:05:00+00:00")
    unfinished["completed"] = False
    store.save(unfinished)
    store.save(
        reflection("2026-11-03T10:00:00+00:00", ended_at="2026-11-03T10:05:00+00:00", answer=" ")
    )
    skipped = reflection("2026-11-04T10:00:00+00:00", ended_at="2026-11-04T10:05:00+00:00")
    for step in skipped["steps"]:
        step.update(answer=None, skipped=True)
    store.save(skipped)
    assert store.count() == 4
    summary = store.practice_summary()
    assert summary.sessions == 1
    assert summary.minutes == pytest.approx(5.0)
    assert summary.days_practised == 1
    assert summary.last_practised == datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
