"""The user cache dir: private atomic files, never through a link, older copies removed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tui.user_cache import read_cache_file, write_cache_file
from tui.widgets import banner


def test_a_new_copy_replaces_older_ones_of_its_kind_only(tmp_path: Path) -> None:
    (tmp_path / "banner-small-kindtone-old.txt").write_text("old drawing")
    (tmp_path / "banner-small-kindtone-dangling.txt").symlink_to(tmp_path / "gone")
    (tmp_path / "css-3-py311-old.pickle").write_bytes(b"other kind")
    new = tmp_path / "banner-small-kindtone-new.txt"
    assert write_cache_file(new, b"new drawing", replaces="banner-small-kindtone-")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "banner-small-kindtone-new.txt",
        "css-3-py311-old.pickle",
    ]
    assert read_cache_file(new) == b"new drawing"
    assert new.stat().st_mode & 0o777 == 0o600


def test_a_link_in_the_cache_is_neither_read_nor_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("someone's file")
    cache = tmp_path / "cache"
    cache.mkdir()
    link = cache / "banner-small-kindtone-1.txt"
    link.symlink_to(outside)
    assert read_cache_file(link) is None
    assert write_cache_file(link, b"drawing", replaces="banner-small-kindtone-")
    assert outside.read_text() == "someone's file"
    assert not link.is_symlink() and link.read_bytes() == b"drawing"


def test_a_cache_file_others_may_write_is_not_read(tmp_path: Path) -> None:
    shared = tmp_path / "css-x.pickle"
    shared.write_bytes(b"data")
    shared.chmod(0o666)
    assert read_cache_file(shared) is None
    shared.chmod(0o600)
    assert read_cache_file(shared) == b"data"


def test_a_cache_that_cannot_be_written_says_so_and_leaves_no_temporary(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be")
    assert not write_cache_file(blocked / "css-x.pickle", b"data", replaces="css-")
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "css-x.pickle").mkdir()  # a folder where the file should go: replace fails
    assert not write_cache_file(taken / "css-x.pickle", b"data", replaces="css-")
    assert [p.name for p in taken.iterdir()] == ["css-x.pickle"]


def test_the_banner_never_draws_from_or_writes_through_a_link(tmp_path: Path) -> None:
    banner.figlet.cache_clear()
    banner.figlet("kindtone")
    (cached,) = (tmp_path / "xdg-cache").rglob("banner-*.txt")
    stale = cached.with_name(cached.name.replace("kindtone-", "kindtone-0-"))
    cached.rename(stale)  # a drawing kept by an older pyfiglet
    outside = tmp_path / "outside.txt"
    outside.write_text("not a drawing")
    cached.symlink_to(outside)
    banner.figlet.cache_clear()
    art = banner.figlet("kindtone")
    banner.figlet.cache_clear()
    assert art != "not a drawing" and len(art.splitlines()) > 1
    assert outside.read_text() == "not a drawing"
    assert [p.name for p in cached.parent.glob("banner-*")] == [cached.name]
    assert cached.read_text(encoding="utf-8") == art


def test_saving_parsed_css_removes_the_copies_older_textuals_left(
    tmp_path: Path, monkeypatch: Any
) -> None:
    from textual.css.stylesheet import Stylesheet

    from tui import textual_internals
    from tui.textual_internals import keep_parsed_css, save_parsed_css

    monkeypatch.setattr(textual_internals, "_parsed_css", None)
    older = tmp_path / "css-1-py311-an-older-textual.pickle"
    older.write_bytes(b"old")
    keep_parsed_css(tmp_path)
    Stylesheet(variables={"accent": "red"})._parse_rules("Label { color: $accent; }", ("x", ""))
    save_parsed_css()
    [kept] = tmp_path.iterdir()
    assert kept.name != older.name and kept.name.startswith("css-")
    assert os.stat(kept).st_mode & 0o777 == 0o600
