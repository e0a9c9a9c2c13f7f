"""The lock on a person's data: encryption at rest with a passphrase and a recovery key.

What people write in hard moments should not be readable by whoever gets the disk, a home
folder backup or a synced copy. When the data folder is locked:

* one random 256-bit **data key** encrypts every file kindtone writes there, each with
  AES-256-GCM, a fresh random 96-bit nonce per write, and the file's name as associated data
  (so one file's contents can't be passed off as another's);
* the data key is **wrapped twice** in ``lock.json``: by a key derived from the passphrase with
  Argon2id (scrypt where the OpenSSL build lacks it), and by a key derived from a random
  recovery key shown once. Changing the passphrase rewraps the data key; nothing else is
  rewritten. The KDF and its parameters are stored, so they can rise later;
* the data key lives only in this process's memory (``remember``), never on disk.

Where the bytes go: ``atomic.stage_bytes`` (under ``write_atomic`` and every all-or-nothing
save) seals (``seal_for``) anything written under a data folder this process knows about, and
the store opens (``open_for``) what it reads where it parses it; backups copy the sealed bytes
as they are. Files stay plain where no lock exists, so nothing changes for people who never
lock. A file that fails its authentication tag is handed back sealed; the store then sees it
as damaged and sets it aside. A new file in the data folder is sealed without being listed
anywhere; whoever reads it back passes its bytes through ``open_for`` (or ``read_private``).

No home-made cryptography: everything here is the ``cryptography`` package's AESGCM, Argon2id,
scrypt and HKDF. It is imported only when a lock is actually used, so start-up pays nothing;
so are ``secrets``, ``base64`` and the JSON reader (every start imports this module).
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "KEYFILE",
    "MAGIC",
    "PRODUCTION_KDF",
    "KeyfileError",
    "Vault",
    "VaultLocked",
    "WrongSecret",
    "attach",
    "create_keyfile",
    "forget",
    "format_recovery_key",
    "is_locked",
    "is_sealed",
    "open_for",
    "open_keyfile",
    "read_keyfile",
    "remember",
    "rewrap_passphrase",
    "seal_for",
    "vault_for",
]

KEYFILE = "lock.json"
KEYFILE_VERSION = 1
# Every sealed file starts with this: 6 letters, a NUL (so it is never valid JSON or text)
# and the format version.
MAGIC = b"KTSEAL\x00\x01"
KEY_ID_BYTES = 8
NONCE_BYTES = 12
DATA_KEY_BYTES = 32
SALT_BYTES = 16
RECOVERY_BYTES = 20  # 160 bits: 32 letters and digits, written down as 8 groups of 4
MIN_PASSPHRASE = 8
MAX_KEYFILE_BYTES = 64 * 1024
# Folders under the data folder that are not the person's words and must stay readable
# without a passphrase: exercise files are loaded by ``kindtone exercises``, which never asks.
PLAIN_FOLDERS = frozenset({"exercises"})

# Argon2id at 64 MiB, 3 passes, 1 lane: above OWASP's floor (19 MiB, 2 passes, 1 lane) and
# RFC 9106's second recommended choice bar the lanes; about 0.15 s on a 2020s laptop.
PRODUCTION_KDF: dict[str, Any] = {
    "name": "argon2id",
    "memory_kib": 64 * 1024,
    "iterations": 3,
    "lanes": 1,
}
# scrypt where Argon2id is missing from the OpenSSL build: OWASP's N = 2^17, r = 8, p = 1.
FALLBACK_KDF: dict[str, Any] = {"name": "scrypt", "n": 2**17, "r": 8, "p": 1}
# Tests set this (and only tests: see tests/conftest.py) so a lock costs milliseconds. It only
# affects new keyfiles; opening always uses the parameters stored in the keyfile.
_kdf_for_new_keys: dict[str, Any] | None = None

_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O, U
_ASIDE_SUFFIX = re.compile(r"\.damaged-\d{8}T\d{6}(?:-\d+)?$")
_TEMP_NAME = re.compile(r"^\.(.+)\.(?:[0-9a-f]{12}|restore-[0-9a-f]{8})\.tmp$")


class VaultLocked(OSError):
    """The data is locked and this process has no key for it (or a stale one).

    An OSError so every "could not be saved/read" path already reports it in words.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.strerror = message

    def __str__(self) -> str:
        return str(self.strerror)


class WrongSecret(Exception):
    """The passphrase (or recovery key) does not open this lock."""


class KeyfileError(Exception):
    """``lock.json`` is missing, unreadable or not a kindtone lock: said in plain words."""


# --- the key in memory ----------------------------------------------------------------------


@dataclass(frozen=True)
class Vault:
    """The unwrapped data key, held only in memory while kindtone runs."""

    key_id: bytes
    data_key: bytes = field(repr=False)
    _cipher: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        object.__setattr__(self, "_cipher", AESGCM(self.data_key))  # one per process

    def seal(self, role: str, data: bytes) -> bytes:
        import secrets

        nonce = secrets.token_bytes(NONCE_BYTES)
        header = MAGIC + self.key_id
        sealed: bytes = self._cipher.encrypt(nonce, data, header + _ad(role))
        return header + nonce + sealed

    def open(self, role: str, blob: bytes) -> bytes | None:
        """The plaintext, or None when the file was changed or damaged (the tag fails)."""
        from cryptography.exceptions import InvalidTag

        start = len(MAGIC) + KEY_ID_BYTES
        header = blob[:start]
        nonce, body = blob[start : start + NONCE_BYTES], blob[start + NONCE_BYTES :]
        if len(nonce) != NONCE_BYTES:
            return None
        try:
            opened: bytes = self._cipher.decrypt(nonce, body, header + _ad(role))
        except InvalidTag:
            return None
        return opened


def _ad(role: str) -> bytes:
    return b"kindtone file:" + role.encode("utf-8", "surrogateescape")


def role_of(path: str | os.PathLike[str]) -> str:
    """The name a file is sealed under: its own, without a set-aside or temporary wrapping,
    so a backup copy, a restored file or a damaged copy still opens."""
    name = _ASIDE_SUFFIX.sub("", os.path.basename(os.fspath(path)))
    temp = _TEMP_NAME.match(name)
    return temp[1] if temp else name


def is_sealed(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


# --- which data folders this process knows ------------------------------------------------

_roots: set[str] = set()
_vaults: dict[str, Vault] = {}


def _root_key(data_dir: Path) -> str:
    return os.path.abspath(data_dir)


def attach(data_dir: Path) -> None:
    """Note a data folder, so files written under it are sealed whenever it is locked."""
    _roots.add(_root_key(data_dir))


def remember(data_dir: Path, vault: Vault) -> None:
    """Keep the opened key for this folder in memory for the rest of the process."""
    root = _root_key(data_dir)
    _roots.add(root)
    _vaults[root] = vault


def forget(data_dir: Path | None = None) -> None:
    """Drop the key (one folder's, or every one): after unlock, and between tests."""
    if data_dir is None:
        _vaults.clear()
        _roots.clear()
        return
    _vaults.pop(_root_key(data_dir), None)


def vault_for(data_dir: Path) -> Vault | None:
    return _vaults.get(_root_key(data_dir))


def _root_of(path: Path) -> tuple[str, str] | None:
    """The known data folder holding ``path`` and the path inside it, or None."""
    if not _roots:
        return None
    full = os.path.abspath(path)
    best: str | None = None
    for root in _roots:
        if full.startswith(root + os.sep) and (best is None or len(root) > len(best)):
            best = root
    if best is None:
        return None
    return best, full[len(best) + 1 :]


def is_locked(data_dir: Path) -> bool:
    """Whether a lock exists (``lock.json``, even a broken one or a link, counts)."""
    try:
        os.lstat(Path(data_dir) / KEYFILE)
    except FileNotFoundError:
        return False
    except NotADirectoryError:
        return False
    return True


def seal_for(path: Path, data: bytes) -> bytes:
    """The bytes to write at ``path``: sealed when its data folder is locked.

    With a lock but no key in memory (another window locked it meanwhile), nothing is written:
    plain words must never land in a locked folder. A key another window has since replaced
    is refused too; one whose lock was removed writes plain, as the folder now is.
    """
    found = _root_of(path)
    if found is None:
        return data
    root, inside = found
    if inside == KEYFILE or inside.split(os.sep, 1)[0] in PLAIN_FOLDERS:
        return data
    vault = _vaults.get(root)
    if vault is not None:
        current = _current_key_id(Path(root))
        if current == vault.key_id:
            return vault.seal(role_of(path), data)
        if not is_locked(Path(root)):  # unlocked in another window: plain, as it now is
            return data
        if current is not None:  # sealing with a key no lock.json holds would lose the words
            raise VaultLocked(_RELOCKED)
        return vault.seal(role_of(path), data)  # lock.json unreadable: keep one key
    if is_locked(Path(root)):
        raise VaultLocked(
            "your reflections were locked in another window; please close kindtone and open "
            "it again with your passphrase"
        )
    return data


def open_for(path: Path, raw: bytes) -> bytes:
    """The plain bytes of a file read at ``path``.

    Plain files pass through (a lock is added or removed file by file). A sealed file that
    fails its tag is returned sealed, so the caller's parser calls it damaged and sets it
    aside; without the right key in memory, VaultLocked is raised instead, so nothing is ever
    set aside just because this process could not open it.
    """
    if not raw.startswith(MAGIC):
        return raw
    found = _root_of(path)
    vault = _vaults.get(found[0]) if found is not None else None
    if vault is None:
        raise VaultLocked(f"{path} is locked; open your reflections with your passphrase first")
    key_id = raw[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES]
    if (
        key_id != vault.key_id
        and found is not None
        and _current_key_id(Path(found[0])) != (vault.key_id)
    ):
        raise VaultLocked(_RELOCKED)
    opened = vault.open(role_of(path), raw)
    return raw if opened is None else opened


_RELOCKED = (
    "your reflections were unlocked and locked again in another window; "
    "please close kindtone and open it again"
)
_key_ids: dict[str, tuple[tuple[int, ...], bytes | None]] = {}


def _current_key_id(data_dir: Path) -> bytes | None:
    """The key id in ``lock.json`` now (None if there is none or it can't be read).

    Checked before every sealed write, so a window holding a key that another window has
    since replaced or removed never writes words only that lost key could open. Re-read only
    when the file changed (its identity and times), so a save pays one ``stat``.
    """
    path = Path(data_dir) / KEYFILE
    try:
        info = os.lstat(path)
    except OSError:
        return None
    stamp = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    cached = _key_ids.get(str(path))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        key_id: bytes | None = bytes.fromhex(str(read_keyfile(data_dir)["key_id"]))
    except (KeyfileError, ValueError):
        key_id = None
    _key_ids[str(path)] = (stamp, key_id)
    return key_id


# --- the keyfile -------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise ValueError("not base64 text")
    import base64

    return base64.b64decode(value.encode("ascii"), validate=True)


def normalise(passphrase: str) -> bytes:
    """The same passphrase typed on another keyboard or system gives the same bytes."""
    import unicodedata

    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(secret: bytes, kdf: dict[str, Any], salt: bytes) -> bytes:
    name = kdf.get("name")
    if name == "argon2id":
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        return Argon2id(
            salt=salt,
            length=32,
            iterations=int(kdf["iterations"]),
            lanes=int(kdf["lanes"]),
            memory_cost=int(kdf["memory_kib"]),
        ).derive(secret)
    if name == "scrypt":
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        return Scrypt(
            salt=salt, length=32, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])
        ).derive(secret)
    if name == "hkdf-sha256":  # only for the recovery key, which is already 160 random bits
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        return HKDF(
            algorithm=hashes.SHA256(), length=32, salt=salt, info=b"kindtone recovery key"
        ).derive(secret)
    raise KeyfileError(f"the lock uses a key derivation kindtone doesn't know ({name!r})")


def new_key_kdf() -> dict[str, Any]:
    """The KDF for a new passphrase: production parameters unless a test lowered them."""
    if _kdf_for_new_keys is not None:
        return dict(_kdf_for_new_keys)
    try:
        from cryptography.exceptions import UnsupportedAlgorithm
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: F401
    except ImportError:
        return dict(FALLBACK_KDF)
    try:
        _derive(b"probe", {**PRODUCTION_KDF, "memory_kib": 8, "iterations": 1}, b"\0" * 16)
    except UnsupportedAlgorithm:
        return dict(FALLBACK_KDF)
    return dict(PRODUCTION_KDF)


def _wrap(kek: bytes, data_key: bytes, label: str, key_id: bytes) -> tuple[bytes, bytes]:
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, data_key, _wrap_ad(label, key_id))


def _wrap_ad(label: str, key_id: bytes) -> bytes:
    return f"kindtone lock v{KEYFILE_VERSION} {label}:".encode() + key_id


def _wrapped_entry(secret: bytes, kdf: dict[str, Any], vault: Vault, label: str) -> dict[str, Any]:
    import secrets

    salt = secrets.token_bytes(SALT_BYTES)
    nonce, wrapped = _wrap(_derive(secret, kdf, salt), vault.data_key, label, vault.key_id)
    return {"kdf": kdf, "salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def format_recovery_key(raw: bytes) -> str:
    """160 bits as 8 groups of 4 (Crockford base32: no I, L, O or U to misread)."""
    number = int.from_bytes(raw, "big")
    chars = []
    for _ in range(RECOVERY_BYTES * 8 // 5):
        chars.append(_RECOVERY_ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    """The recovery key's bytes, forgiving case, spaces, dashes and O/I/L for 0/1/1."""
    cleaned = re.sub(r"[\s\-]", "", text).upper().translate(str.maketrans("OIL", "011"))
    if len(cleaned) != RECOVERY_BYTES * 8 // 5 or any(c not in _RECOVERY_ALPHABET for c in cleaned):
        return None
    number = 0
    for char in cleaned:
        number = number * 32 + _RECOVERY_ALPHABET.index(char)
    return number.to_bytes(RECOVERY_BYTES, "big")


@dataclass(frozen=True)
class NewLock:
    vault: Vault
    keyfile: dict[str, Any]
    recovery_key: str


def create_keyfile(passphrase: str) -> NewLock:
    """A fresh data key wrapped by the passphrase and by a new recovery key (not yet written)."""
    import secrets

    vault = Vault(
        key_id=secrets.token_bytes(KEY_ID_BYTES), data_key=secrets.token_bytes(DATA_KEY_BYTES)
    )
    recovery = secrets.token_bytes(RECOVERY_BYTES)
    keyfile = {
        "kindtone_lock": KEYFILE_VERSION,
        "cipher": "AES-256-GCM",
        "key_id": vault.key_id.hex(),
        "passphrase": _wrapped_entry(normalise(passphrase), new_key_kdf(), vault, "passphrase"),
        "recovery": _wrapped_entry(recovery, {"name": "hkdf-sha256"}, vault, "recovery"),
    }
    return NewLock(vault, keyfile, format_recovery_key(recovery))


def rewrap_passphrase(keyfile: dict[str, Any], vault: Vault, passphrase: str) -> dict[str, Any]:
    """The keyfile with the passphrase replaced (new salt, current KDF); the recovery key and
    every sealed file stay as they are."""
    updated = dict(keyfile)
    updated["passphrase"] = _wrapped_entry(
        normalise(passphrase), new_key_kdf(), vault, "passphrase"
    )
    return updated


def write_keyfile(data_dir: Path, keyfile: dict[str, Any]) -> None:
    import orjson

    from tui.core.atomic import write_atomic

    write_atomic(Path(data_dir) / KEYFILE, orjson.dumps(keyfile, option=orjson.OPT_INDENT_2))


def read_keyfile(data_dir: Path) -> dict[str, Any]:
    """``lock.json``, checked; never followed if it is a link."""
    import orjson

    path = Path(data_dir) / KEYFILE
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise KeyfileError(f"{path} is missing") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise KeyfileError(f"{path} is a link; kindtone doesn't follow links") from None
        raise KeyfileError(f"{path} could not be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        raw = handle.read(MAX_KEYFILE_BYTES + 1)
    try:
        data = orjson.loads(raw) if len(raw) <= MAX_KEYFILE_BYTES else None
    except orjson.JSONDecodeError:
        data = None
    if not _looks_like_keyfile(data):
        raise KeyfileError(f"{path} is damaged or is not a kindtone lock")
    assert isinstance(data, dict)
    return data


def _looks_like_keyfile(data: object) -> bool:
    if not isinstance(data, dict) or data.get("kindtone_lock") != KEYFILE_VERSION:
        return False
    try:
        if len(bytes.fromhex(str(data["key_id"]))) != KEY_ID_BYTES:
            return False
        for label in ("passphrase", "recovery"):
            entry = data[label]
            if not isinstance(entry, dict) or not isinstance(entry.get("kdf"), dict):
                return False
            _unb64(entry["salt"]), _unb64(entry["nonce"]), _unb64(entry["wrapped"])
    except (KeyError, ValueError, TypeError):
        return False
    return True


def open_keyfile(keyfile: dict[str, Any], secret: str) -> Vault:
    """The data key, from the passphrase or the recovery key; WrongSecret if neither opens it.

    Something shaped like a recovery key is tried as one first (it costs no key derivation).
    """
    key_id = bytes.fromhex(str(keyfile["key_id"]))
    recovery = parse_recovery_key(secret)
    if recovery is not None:
        opened = _unwrap(keyfile["recovery"], recovery, "recovery", key_id)
        if opened is not None:
            return opened
    opened = _unwrap(keyfile["passphrase"], normalise(secret), "passphrase", key_id)
    if opened is None:
        raise WrongSecret("That passphrase doesn't open your reflections.")
    return opened


def _unwrap(entry: dict[str, Any], secret: bytes, label: str, key_id: bytes) -> Vault | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        kek = _derive(secret, entry["kdf"], _unb64(entry["salt"]))
        data_key = AESGCM(kek).decrypt(
            _unb64(entry["nonce"]), _unb64(entry["wrapped"]), _wrap_ad(label, key_id)
        )
    except InvalidTag:
        return None
    except (KeyError, ValueError, TypeError) as exc:
        raise KeyfileError(f"the lock's {label} entry is damaged ({exc})") from None
    if len(data_key) != DATA_KEY_BYTES:
        return None
    return Vault(key_id=key_id, data_key=data_key)


def unlock_in_memory(data_dir: Path, secret: str) -> Vault:
    """Open the lock with ``secret`` and keep the key for this process; raises WrongSecret."""
    vault = open_keyfile(read_keyfile(data_dir), secret)
    remember(data_dir, vault)
    return vault


def read_private(path: Path) -> bytes | None:
    """A data-folder file's plain bytes (None when absent); never through a link or a FIFO.

    For any new file kept in the data folder (kind words, ...): written with ``write_atomic``,
    read with this, and it is locked with everything else. Bytes that still start with
    ``MAGIC`` (``is_sealed``) failed their check: treat the file as damaged.
    """
    from tui.core.atomic import read_bytes

    raw = read_bytes(path)
    return None if raw is None else open_for(path, raw)


def lock_status(data_dir: Path) -> str:
    """One honest sentence for Settings and Help: locked or not, and what to do about it."""
    if is_locked(data_dir):
        return (
            "Locked: your reflections, drafts and backups are encrypted with your passphrase. "
            "To change it: kindtone passphrase. To remove the lock: kindtone unlock."
        )
    return (
        "Not locked: anyone who can open this folder can read your reflections. "
        "To lock them with a passphrase: kindtone lock."
    )


# The app and the terminal both give three tries before stopping.
TRIES = 3
# Said after the last of them: someone who has forgotten the passphrase is stopped with a
# way back, not only told it was wrong (the app's own screen says it before the first try).
FORGOTTEN = (
    "If you've forgotten it, your recovery key (shown once, when you locked them) opens "
    "them too: type it where the passphrase goes."
)


def try_secret(data_dir: Path, secret: str) -> bool:
    """Open the lock with a passphrase or recovery key and keep the key in memory.

    False for a wrong one; KeyfileError when ``lock.json`` itself can't be used.
    """
    try:
        unlock_in_memory(data_dir, secret)
    except WrongSecret:
        return False
    return True
