"""The lock (issue 16): each promise made to the person, tested the way they would meet it.

Key derivation runs at test strength here (conftest's ``isolated_data_dir``); one test checks that
production derives keys at no less than OWASP's parameters.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

import tui.cli
from tui.core import vault
from tui.core.backups import check_backup, list_backups, restore_backup, take_daily_backup
from tui.core.locking import lock_folder, seal_leftovers, unlock_folder
from tui.core.storage import ReflectionStore, StoreError

ROOT = Path(__file__).resolve().parent.parent
PASS = "correct horse battery"
WORDS = "I am so useless, nobody could like me"
DRAFT_WORDS = "half a sentence about the meeting"


def reflection(n: int, *, month: int = 11, words: str = WORDS) -> dict[str, Any]:
    return {
        "id": f"{n:032x}",
        "schema": 1,
        "started_at": f"2026-{month:02d}-{(n % 27) + 1:02d}T10:00:00+00:00",
        "completed": True,
        "exercises": ["noticing-the-critic"],
        "steps": [{"type": "write", "prompt": "What is the critic saying?", "answer": words}],
    }


class _Stdin(io.StringIO):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.buffer = io.BytesIO(text.encode())

    def isatty(self) -> bool:
        return False


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def filled(data_dir: Path) -> Path:
    """A store with two months, a draft and a backup: everything lock has to cover."""
    store = ReflectionStore(data_dir)
    store.save_many([reflection(1), reflection(2, month=10, words="october " + WORDS)])
    store.save_draft({"stage": "steps", "answer": DRAFT_WORDS})
    take_daily_backup(data_dir)
    return data_dir


def kt(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    """Run ``kindtone`` in this process with piped input, like a script would."""
    vault.forget()  # a new process: no key in memory
    monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
    code = tui.cli.main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def files_holding(data_dir: Path, *needles: str) -> list[str]:
    """Every file under the data folder whose bytes contain any of the words."""
    hits = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and not path.is_symlink():
            raw = path.read_bytes()
            if any(n.encode() in raw for n in needles):
                hits.append(path.relative_to(data_dir).as_posix())
    return hits


def snapshot(data_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(data_dir).as_posix(): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


# --- the key derivation -----------------------------------------------------------------------


def test_production_key_derivation_meets_owasp_minimums(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "_kdf_for_new_keys", None)
    kdf = vault.new_key_kdf()
    if kdf["name"] == "argon2id":  # OWASP: m >= 19 MiB, t >= 2, p = 1
        assert kdf["memory_kib"] >= 19 * 1024 and kdf["iterations"] >= 2 and kdf["lanes"] >= 1
    else:  # OWASP: scrypt N >= 2^17, r = 8, p = 1
        assert kdf["name"] == "scrypt" and kdf["n"] >= 2**17 and kdf["r"] >= 8
    assert vault.FALLBACK_KDF["n"] >= 2**17 and vault.FALLBACK_KDF["r"] == 8
    assert vault.PRODUCTION_KDF["memory_kib"] >= 19 * 1024
    assert vault.PRODUCTION_KDF["iterations"] >= 2


def test_a_new_lock_stores_its_kdf_so_parameters_can_rise_later(data_dir: Path) -> None:
    lock_folder(data_dir, PASS)
    keyfile = orjson.loads((data_dir / vault.KEYFILE).read_bytes())
    assert keyfile["kindtone_lock"] == 1 and keyfile["cipher"] == "AES-256-GCM"
    assert keyfile["passphrase"]["kdf"]["name"] == "argon2id"
    assert len(vault._unb64(keyfile["passphrase"]["salt"])) == 16
    assert oct((data_dir / vault.KEYFILE).stat().st_mode & 0o777) == "0o600"
    # A keyfile made with other (here: higher) parameters opens with what it says.
    vault.forget()
    assert vault.open_keyfile(vault.read_keyfile(data_dir), PASS) is not None


# --- sealing ---------------------------------------------------------------------------------


def test_sealing_uses_a_fresh_nonce_and_binds_the_file_name() -> None:
    key = vault.Vault(key_id=b"k" * 8, data_key=os.urandom(32))
    one, two = key.seal("2026-11.json", b"words"), key.seal("2026-11.json", b"words")
    assert one != two and one[:8] == vault.MAGIC
    assert key.open("2026-11.json", one) == b"words"
    assert key.open("2026-10.json", one) is None  # one month passed off as another
    flipped = bytearray(one)
    flipped[-1] ^= 1
    assert key.open("2026-11.json", bytes(flipped)) is None


def test_recovery_keys_are_easy_to_write_down_and_forgiving_to_type_back() -> None:
    raw = os.urandom(vault.RECOVERY_BYTES)
    shown = vault.format_recovery_key(raw)
    assert len(shown.split("-")) == 8 and all(len(g) == 4 for g in shown.split("-"))
    assert not set(shown) & set("ILOU")
    assert vault.parse_recovery_key(shown) == raw
    assert vault.parse_recovery_key(" " + shown.lower().replace("-", " ") + " ") == raw
    assert vault.parse_recovery_key("not a key") is None


# --- kindtone lock / unlock / passphrase -----------------------------------------------------


def test_after_lock_no_file_holds_the_persons_words_and_everything_still_opens(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert files_holding(filled, "useless", DRAFT_WORDS)  # the check can see plain words
    code, out, err = kt(capsys, monkeypatch, filled, "lock", stdin=PASS + "\n")
    assert code == 0, err
    assert "recovery key" in out.casefold()
    recovery = next(line.strip() for line in out.splitlines() if line.count("-") == 7)
    assert vault.parse_recovery_key(recovery) is not None
    # Found at an 80-column terminal: two lines of 81 and 82 broke mid-word ("saf / e").
    assert max(len(line) for line in out.splitlines()) < 80, out

    assert files_holding(filled, "useless", DRAFT_WORDS, "critic") == []
    assert (filled / "lock.json").exists()

    code, out, err = kt(
        capsys, monkeypatch, filled, "reflections", "list", "--search", "october", stdin=PASS
    )
    assert code == 0, err
    assert "2026-10" in out and "2026-11" not in out
    store = ReflectionStore(filled)
    assert store.load_draft() == {"stage": "steps", "answer": DRAFT_WORDS}
    [backup] = list_backups(filled)
    assert check_backup(filled, backup.day).reflections == 2


def test_a_wrong_passphrase_is_one_kind_line_exit_1_and_nothing_changes(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_folder(filled, PASS)
    before = snapshot(filled)
    for args in (["reflections", "list"], ["backups", "list"], ["unlock"], ["passphrase"]):
        code, out, err = kt(capsys, monkeypatch, filled, *args, stdin="not it\nnew passphrase\n")
        assert code == 1, args
        assert "That passphrase doesn't open your reflections." in err
        assert out == ""
    code, _out, err = kt(capsys, monkeypatch, filled, "reflections", "list", stdin="")
    assert code == 1 and "no passphrase was given" in err
    assert snapshot(filled) == before


def test_check_exercises_and_help_never_ask(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_folder(filled, PASS)
    stdin = "this line must not be read as a passphrase\n"
    code, out, _ = kt(capsys, monkeypatch, filled, "check", "I am an idiot", stdin=stdin)
    assert code == 0 and "idiot" in out
    assert sys.stdin.readline() == stdin
    code, out, _ = kt(capsys, monkeypatch, filled, "exercises", "list", stdin=stdin)
    assert code == 0 and "noticing-the-critic" in out
    assert sys.stdin.readline() == stdin
    with pytest.raises(SystemExit) as done:
        kt(capsys, monkeypatch, filled, "reflections", "--help", stdin=stdin)
    assert done.value.code == 0
    assert sys.stdin.readline() == stdin


def test_unlock_with_the_recovery_key_gives_back_the_plain_format(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_before = ReflectionStore(filled).list()
    result = lock_folder(filled, PASS)
    code, out, err = kt(capsys, monkeypatch, filled, "unlock", stdin=result.recovery_key + "\n")
    assert code == 0, err
    assert "unlocked" in out
    assert not (filled / "lock.json").exists()
    month = orjson.loads((filled / "reflections" / "2026-11.json").read_bytes())
    assert month["reflections"]["1"]["steps"][0]["answer"] == WORDS
    assert orjson.loads((filled / "draft.json").read_bytes())["answer"] == DRAFT_WORDS
    assert not any(vault.is_sealed(p.read_bytes()) for p in filled.rglob("*") if p.is_file())
    [backup] = list_backups(filled)
    assert check_backup(filled, backup.day).reflections == 2
    vault.forget()
    assert ReflectionStore(filled).list() == plain_before


def test_changing_the_passphrase_rewraps_only_the_key(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lock_folder(filled, PASS)
    before = {k: v for k, v in snapshot(filled).items() if k != "lock.json"}
    code, out, err = kt(
        capsys, monkeypatch, filled, "passphrase", stdin=f"{PASS}\nfour new words here\n"
    )
    assert code == 0, err
    assert "recovery key still works" in out
    assert {k: v for k, v in snapshot(filled).items() if k != "lock.json"} == before
    keyfile = vault.read_keyfile(filled)
    with pytest.raises(vault.WrongSecret):
        vault.open_keyfile(keyfile, PASS)
    assert vault.open_keyfile(keyfile, "four new words here") is not None
    assert vault.open_keyfile(keyfile, result.recovery_key) is not None


def test_a_short_passphrase_is_refused_before_anything_is_written(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(filled)
    code, _out, err = kt(capsys, monkeypatch, filled, "lock", stdin="short\n")
    assert code == 1 and "at least 8 characters" in err
    assert snapshot(filled) == before


def test_a_piped_plain_session_reads_the_passphrase_then_the_answers(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_folder(data_dir, PASS)
    answers = "\n".join(["", "my boss sighed and I felt small", "", "", "", "", "", "", ""])
    code, out, err = kt(
        capsys,
        monkeypatch,
        data_dir,
        "session",
        "--plain",
        "--exercise",
        "noticing-the-critic",
        stdin=f"{PASS}\n{answers}\n",
    )
    assert code == 0, err
    assert PASS not in out
    assert files_holding(data_dir, "felt small") == []
    vault.unlock_in_memory(data_dir, PASS)
    [saved] = ReflectionStore(data_dir).list()
    assert "my boss sighed and I felt small" in orjson.dumps(saved).decode()


def test_export_from_a_locked_store_is_plain_only_where_the_person_says(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lock_folder(filled, PASS)
    code, out, err = kt(capsys, monkeypatch, filled, "reflections", "export", stdin=PASS)
    assert code == 1 and out == "" and "--output" in err
    target = tmp_path / "mine.md"
    code, out, err = kt(
        capsys, monkeypatch, filled, "reflections", "export", "-o", str(target), stdin=PASS
    )
    assert code == 0
    assert WORDS in target.read_text() and "plain text" in err
    assert files_holding(filled, "useless") == []


# --- damage, races and interruptions --------------------------------------------------------


def test_a_tampered_month_is_set_aside_and_the_rest_still_opens(filled: Path) -> None:
    lock_folder(filled, PASS)
    month = filled / "reflections" / "2026-10.json"
    raw = bytearray(month.read_bytes())
    raw[-5] ^= 0x40
    month.write_bytes(bytes(raw))
    store = ReflectionStore(filled)
    assert [r["started_at"][:7] for r in store.list()] == ["2026-11"]
    assert not month.exists()
    [aside] = (filled / "reflections").glob("2026-10.json.damaged-*")
    assert aside.read_bytes() == bytes(raw)  # set aside unchanged
    assert "changed or damaged" in store.warnings[0]


def test_a_month_swapped_for_another_is_caught(filled: Path) -> None:
    lock_folder(filled, PASS)
    months = filled / "reflections"
    (months / "2026-10.json").write_bytes((months / "2026-11.json").read_bytes())
    store = ReflectionStore(filled)
    assert [r["started_at"][:7] for r in store.list()] == ["2026-11"]
    assert list(months.glob("2026-10.json.damaged-*"))


def test_a_tampered_draft_is_set_aside_not_offered(filled: Path) -> None:
    lock_folder(filled, PASS)
    draft = filled / "draft.json"
    sealed = draft.read_bytes()
    # Flip a bit of the last byte: writing a fixed byte changed nothing when it was already there.
    draft.write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 0x01]))
    store = ReflectionStore(filled)
    assert store.load_draft() is None
    assert list(filled.glob("draft.json.damaged-*")) and "changed or damaged" in store.warnings[0]


def test_without_the_key_nothing_is_written_and_nothing_is_set_aside(filled: Path) -> None:
    lock_folder(filled, PASS)
    vault.forget()
    before = snapshot(filled)
    store = ReflectionStore(filled)
    with pytest.raises(Exception, match="locked"):
        store.save(reflection(3))
    with pytest.raises(Exception, match="locked"):
        store.save_draft({"answer": "plain words"})
    store.list()  # cannot open: reported, never set aside
    assert snapshot(filled) == before
    assert not list(filled.rglob("*.damaged-*"))


def test_a_folder_locked_again_with_a_new_key_is_never_set_aside(filled: Path) -> None:
    """A window kept open across `unlock` + `lock` elsewhere holds a stale key."""
    first = lock_folder(filled, PASS)
    stale = vault.vault_for(filled)
    assert stale is not None
    unlock_folder(filled, stale)
    lock_folder(filled, PASS)
    vault.remember(filled, stale)
    before = snapshot(filled)
    with pytest.raises(OSError, match="locked again"):
        vault.read_private(filled / "draft.json")
    ReflectionStore(filled).list()
    assert snapshot(filled) == before
    assert first.recovery_key


def test_an_interrupted_lock_still_opens_and_lock_again_finishes(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core import locking

    real = locking._convert_file
    calls = 0

    def crash_on_second(*args: Any, **kwargs: Any) -> bool:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(locking, "_convert_file", crash_on_second)
    with pytest.raises(OSError):
        lock_folder(filled, PASS)
    monkeypatch.undo()
    assert files_holding(filled, "useless", DRAFT_WORDS)  # part plain, part locked
    store = ReflectionStore(filled)
    assert len(store.list()) == 2 and store.load_draft() is not None
    key = vault.vault_for(filled)
    assert key is not None
    seal_leftovers(filled, key)
    assert files_holding(filled, "useless", DRAFT_WORDS) == []
    assert len(ReflectionStore(filled).list()) == 2


def test_backups_and_restore_work_locked_and_stay_locked(filled: Path) -> None:
    lock_folder(filled, PASS)
    store = ReflectionStore(filled)
    store.save(reflection(3, words="a third one"))
    [backup] = list_backups(filled)
    result = restore_backup(filled, backup.day)
    assert result.reflections == 2
    assert len(ReflectionStore(filled).list()) == 2
    assert files_holding(filled, "useless", "a third one", DRAFT_WORDS) == []


def test_a_keyfile_that_is_a_link_is_refused(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lock_folder(data_dir, PASS)
    real = tmp_path / "elsewhere.json"
    (data_dir / "lock.json").rename(real)
    (data_dir / "lock.json").symlink_to(real)
    code, _out, err = kt(capsys, monkeypatch, data_dir, "reflections", "list", stdin=PASS)
    assert code == 1 and "link" in err


# --- SIGKILL in the middle of a locked save ------------------------------------------------

KILLER = """
import os, sys
from pathlib import Path
from tui.core import vault
from tui.core.storage import ReflectionStore, StoreError
data_dir = Path(sys.argv[1])
vault.unlock_in_memory(data_dir, sys.argv[2])
store = ReflectionStore(data_dir)
print("ready", flush=True)
n = 0
while True:
    store.save({"id": f"{n:032x}", "started_at": f"2026-0{1 + n % 9}-01T10:00:00+00:00",
                "steps": [{"answer": "secret killer words " + "x" * 5000}]})
    store.save_draft({"answer": "secret draft words " * 300})
    n += 1
"""


@pytest.mark.slow
def test_no_plain_words_even_after_sigkill_mid_save(data_dir: Path) -> None:
    import signal
    import time

    lock_folder(data_dir, PASS)
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    for delay in (0.05, 0.13, 0.29, 0.41):
        child = subprocess.Popen(
            [sys.executable, "-c", KILLER, str(data_dir), PASS],
            stdout=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
    temps = list(data_dir.rglob("*.tmp"))
    assert files_holding(data_dir, "secret", "killer", "x" * 50) == []
    store = ReflectionStore(data_dir)
    assert store.list() and store.warnings == []
    print(f"{len(temps)} temp files left by the kills, none holding plain words")


def test_a_window_whose_folder_was_unlocked_elsewhere_writes_plain(filled: Path) -> None:
    """Sealing with a key no lock.json holds any more would lose the words for good."""
    lock_folder(filled, PASS)
    key = vault.vault_for(filled)
    assert key is not None
    unlock_folder(filled, key)
    vault.remember(filled, key)  # the other window still holds it
    ReflectionStore(filled).save(reflection(5, words="written after the unlock"))
    assert files_holding(filled, "written after the unlock") == ["reflections/2026-11.json"]


def test_a_window_whose_folder_was_relocked_elsewhere_refuses_to_write(filled: Path) -> None:
    lock_folder(filled, PASS)
    stale = vault.vault_for(filled)
    assert stale is not None
    unlock_folder(filled, stale)
    lock_folder(filled, PASS)
    vault.remember(filled, stale)
    before = snapshot(filled)
    with pytest.raises(StoreError, match="locked again"):
        ReflectionStore(filled).save(reflection(5))
    assert snapshot(filled) == before


def test_any_new_file_in_the_data_folder_is_locked_by_default(data_dir: Path) -> None:
    """Kind words and whatever comes next: locked without being on a list."""
    from tui.core.atomic import write_atomic

    lock_folder(data_dir, PASS)
    write_atomic(data_dir / "phrases.toml", b'kind = "you are doing your best"')
    assert vault.is_sealed((data_dir / "phrases.toml").read_bytes())
    assert vault.read_private(data_dir / "phrases.toml") == b'kind = "you are doing your best"'
    (data_dir / "exercises").mkdir()
    write_atomic(data_dir / "exercises" / "mine.toml", b'title = "Mine"')
    assert (data_dir / "exercises" / "mine.toml").read_bytes() == b'title = "Mine"'


def test_links_in_the_data_folder_are_never_followed_by_lock(
    data_dir: Path, tmp_path: Path
) -> None:
    ReflectionStore(data_dir).save(reflection(1))
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not kindtone's")
    (data_dir / "link.txt").symlink_to(outside)
    result = lock_folder(data_dir, PASS)
    assert outside.read_bytes() == b"not kindtone's"
    assert any("link" in note for note in result.changed.left_alone)


def test_unlock_keeps_the_key_when_a_file_no_longer_opens(filled: Path) -> None:
    lock_folder(filled, PASS)
    key = vault.vault_for(filled)
    assert key is not None
    aside = filled / "reflections" / "2026-09.json.damaged-20261101T100000"
    aside.write_bytes(vault.MAGIC + b"\x00" * 40)
    changed = unlock_folder(filled, key)
    assert changed.unopenable and aside.exists()
    assert not (filled / "lock.json").exists()
    assert list(filled.glob("lock.json.kept-*")), "the key material is kept, not deleted"


def test_a_damaged_keyfile_is_one_clear_line(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_folder(filled, PASS)
    (filled / "lock.json").write_bytes(b'{"kindtone_lock": 1, "key_id": "zz"')
    code, out, err = kt(capsys, monkeypatch, filled, "reflections", "list", stdin=PASS)
    assert code == 1 and out == ""
    assert "damaged or is not a kindtone lock" in err


def test_plain_kindtone_piped_asks_first_then_reads_answers(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_folder(data_dir, PASS)
    before = snapshot(data_dir)
    code, out, err = kt(capsys, monkeypatch, data_dir, stdin="wrong\n")  # plain `kindtone`
    assert code == 1 and "That passphrase doesn't open your reflections." in err
    assert "self-compassion practice" not in out
    assert snapshot(data_dir) == before


def test_the_same_passphrase_typed_another_way_opens_the_lock(data_dir: Path) -> None:
    """é typed as one character or as e + accent (macOS, some keyboards) is the same."""
    lock_folder(data_dir, "caf\u00e9 au lait please")
    keyfile = vault.read_keyfile(data_dir)
    assert vault.open_keyfile(keyfile, "cafe\u0301 au lait please") is not None


def test_a_command_nobody_listed_asks_first(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new command that reads the person's data (kind words, ...) is covered by default."""
    from types import SimpleNamespace

    from tui.commands.secret import open_if_needed

    lock_folder(data_dir, PASS)
    vault.forget()
    monkeypatch.setattr(sys, "stdin", _Stdin("wrong passphrase\n"))
    args = SimpleNamespace(command="catch", data_dir=str(data_dir))
    assert open_if_needed(args) == 1
    assert "That passphrase doesn't open your reflections." in capsys.readouterr().err
    assert open_if_needed(SimpleNamespace(command="check", data_dir=str(data_dir))) is None


def test_any_module_writing_in_the_chosen_data_folder_never_writes_plain(data_dir: Path) -> None:
    from tui.core.atomic import write_atomic
    from tui.paths import resolve_data_dir

    lock_folder(data_dir, PASS)
    vault.forget()  # a fresh process that only resolved the folder, no store made
    resolve_data_dir(str(data_dir))
    with pytest.raises(OSError, match="locked"):
        write_atomic(data_dir / "phrases.json", b'{"phrases": ["be gentle"]}')
    assert not (data_dir / "phrases.json").exists()


def test_a_backup_swap_cut_short_by_a_crash_is_put_back(filled: Path) -> None:
    """Between the two renames of a backup's swap the day's folder is missing for a moment;
    the next lock or unlock puts it back rather than losing it."""
    [backup] = list_backups(filled)
    moved = filled / "backups" / f".relock-old-{backup.day.isoformat()}-0badcafe"
    os.rename(backup.path, moved)
    lock_folder(filled, PASS)
    assert not moved.exists()
    [again] = list_backups(filled)
    assert again.day == backup.day and check_backup(filled, again.day).reflections == 2
    assert files_holding(filled, "useless") == []


def test_a_file_keeps_its_name_as_it_is_set_aside_staged_or_backed_up() -> None:
    assert vault.role_of(Path("/d/reflections/2026-11.json")) == "2026-11.json"
    assert vault.role_of("/d/reflections/2026-11.json.damaged-20261125T173000-2") == "2026-11.json"
    assert vault.role_of("/d/reflections/.2026-11.json.0123456789ab.tmp") == "2026-11.json"
    assert vault.role_of("/d/.draft.json.restore-0123abcd.tmp") == "draft.json"
    assert vault.role_of("/d/backups/2026-11-25/draft.json") == "draft.json"


def test_at_a_terminal_a_short_or_mistyped_new_passphrase_is_asked_again(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, filled: Path
) -> None:
    """Found trying `kindtone lock`: "short" was asked for twice, then refused, and the
    command ended; the length is now said at once and the passphrase asked again."""
    import getpass

    class Terminal(_Stdin):
        def isatty(self) -> bool:
            return True

    good = "a long enough one"
    typed = iter(["short", good, "a long enuogh one", good, good])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    vault.forget()
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    assert tui.cli.main(["--data-dir", str(filled), "lock"]) == 0
    out, err = capsys.readouterr()
    assert "shorter than 8 characters" in err and "not the same" in err
    new, again = "New passphrase: ", "The same passphrase again: "
    assert prompts == [new, new, again, new, again]
    assert "Your reflections are locked" in out
    code, _, _ = kt(capsys, monkeypatch, filled, "reflections", "list", stdin=good + "\n")
    assert code == 0
    # Three goes that are all too short change nothing.
    elsewhere = filled.parent / "other"
    ReflectionStore(elsewhere).save(reflection(3))
    typed, prompts[:] = iter(["tiny"] * 3), []
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    assert tui.cli.main(["--data-dir", str(elsewhere), "lock"]) == 1
    assert prompts == [new] * 3 and not vault.is_locked(elsewhere)
    assert "nothing was changed" in capsys.readouterr().err
