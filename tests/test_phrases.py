"""Your kind words: the store, the ``phrases`` and ``catch`` commands, export and import."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.catch import NOTHING_NOTICED, start_catch
from tui.core.phrases import PHRASES_FILE, Phrase, PhraseStore, pick, why_not_kind
from tui.core.storage import ReflectionStore, StoreError

KIND = "I made a mistake, and I'm still learning."
HARSH = "I'm such an idiot, I always mess up."


@pytest.fixture(autouse=True)
def restore_stdin() -> Iterator[None]:
    saved = sys.stdin
    yield
    sys.stdin = saved


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: str = "") -> tuple[int, str, str]:
    sys.stdin = io.StringIO(stdin)
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- the store ----------------------------------------------------------------------------


def test_flagged_or_crisis_words_never_join(tmp_path: Path) -> None:
    store = PhraseStore(tmp_path)
    with pytest.raises(StoreError, match="still sounds like the critic"):
        store.add("I'm such an idiot")
    with pytest.raises(StoreError, match="pain"):
        store.add("I want to end my life")
    assert why_not_kind(KIND) is None
    assert store.list() == []
    assert not (tmp_path / PHRASES_FILE).exists()


def test_kept_privately_and_the_same_words_once(tmp_path: Path) -> None:
    store = PhraseStore(tmp_path)
    first = store.add(KIND, ["labelling"], count_use=True)
    again = store.add(
        "  i made a mistake,   and I'm still learning. ", ["overgeneralising"], count_use=True
    )
    assert again.id == first.id
    assert again.patterns == ("labelling", "overgeneralising")
    assert again.uses == 2
    assert [p.text for p in PhraseStore(tmp_path).list()] == [KIND]
    assert stat.S_IMODE(os.stat(tmp_path / PHRASES_FILE).st_mode) == 0o600


def test_a_symlinked_file_is_never_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("not mine")
    data = tmp_path / "data"
    data.mkdir()
    (data / PHRASES_FILE).symlink_to(elsewhere)
    with pytest.raises(StoreError, match="link"):
        PhraseStore(data).add(KIND)
    assert elsewhere.read_text() == "not mine"
    assert (data / PHRASES_FILE).is_symlink()


def test_a_damaged_file_is_set_aside_not_lost(tmp_path: Path) -> None:
    (tmp_path / PHRASES_FILE).write_text("{ not json")
    store = PhraseStore(tmp_path)
    assert store.list() == []
    aside = list(tmp_path.glob(f"{PHRASES_FILE}.damaged-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{ not json"
    assert store.warnings


def test_pick_fitting_first_then_used_and_never_flagged() -> None:
    phrases = [
        Phrase(
            "a", "It's okay to rest.", ("comparing",), uses=9, added_at="2026-11-01T10:00:00+00:00"
        ),
        Phrase(
            "b",
            "I'm learning as I go.",
            ("labelling",),
            uses=1,
            added_at="2026-10-01T10:00:00+00:00",
        ),
        Phrase("c", "I'm an idiot", ("labelling",), uses=50),  # edited in by hand: never offered
        Phrase(
            "d", "One step at a time.", ("labelling",), uses=3, added_at="2026-09-01T10:00:00+00:00"
        ),
        Phrase("e", "I can ask for help.", (), uses=0, added_at="2026-12-01T10:00:00+00:00"),
    ]
    assert [p.id for p in pick(phrases, ["labelling"])] == ["d", "b", "a"]
    assert [p.id for p in pick(phrases, ["labelling"], limit=5)] == ["d", "b", "a", "e"]


# --- the phrases command --------------------------------------------------------------------


def test_phrases_add_list_remove(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path)]
    status, out, _ = run(capsys, *data, "phrases", "add", KIND, "--pattern", "labelling")
    assert status == 0 and "Added" in out
    status, out, err = run(capsys, *data, "phrases", "add", "I'm such a failure")
    assert status == 1
    assert "still sounds like the critic" in err and "failure" in err
    status, out, _ = run(capsys, *data, "phrases", "list", "--json")
    listed = json.loads(out)
    assert [p["text"] for p in listed] == [KIND]
    assert set(listed[0]) >= {"id", "text", "patterns", "uses", "added_at", "source"}
    assert listed[0]["patterns"] == ["labelling"] and listed[0]["source"] == "added"
    status, out, _ = run(capsys, *data, "phrases", "remove", listed[0]["id"][:4])
    assert status == 0 and "Removed" in out
    assert PhraseStore(tmp_path).list() == []
    status, _, err = run(capsys, *data, "phrases", "remove", "zzzz")
    assert status == 1 and "no phrase" in err


# --- the catch command ----------------------------------------------------------------------


def test_catch_picks_one_of_your_words_with_one_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    PhraseStore(tmp_path).add(KIND, ["labelling"])
    status, out, _ = run(capsys, "--data-dir", str(tmp_path), "catch", HARSH, stdin="1\n")
    assert status == 0
    assert "a harsh label for a whole person" in out
    assert f"1. {KIND}" in out
    assert "saved it to your reflections" in out
    [record] = ReflectionStore(tmp_path).list()
    assert record["kind"] == "catch"
    kinder = record["steps"][1]
    assert kinder["answer"] == KIND and kinder["original"] == HARSH
    assert kinder["noticed"] == ["labelling", "overgeneralising"] and kinder["first_try"] is True
    [phrase] = PhraseStore(tmp_path).list()
    assert phrase.uses == 1  # picked again: offered sooner next time
    assert ReflectionStore(tmp_path).list(search="idiot")  # searchable like any reflection


def test_catch_reviews_a_harsh_redirect_like_a_reframe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    stdin = "I'm so stupid\nI'm a loser\n\nI was tired, and that's human.\n"
    status, out, _ = run(capsys, "--data-dir", str(tmp_path), "catch", stdin=stdin)
    assert status == 0
    assert "Let's try that again." in out
    [record] = ReflectionStore(tmp_path).list()
    kinder = record["steps"][1]
    assert kinder["versions"] == ["I'm a loser", "I was tired, and that's human."]
    assert kinder["first_try"] is False
    assert [p.text for p in PhraseStore(tmp_path).list()] == ["I was tired, and that's human."]


def test_a_rewrite_that_quotes_the_old_thought_joins_without_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Found trying the app: "Old thought: I'm useless… Kinder: …" joined your kind words
    whole, so the harsh words would be offered back as kind ones. The reflection keeps it all."""
    from tui.core.practice import answer_part

    quoting = "Old thought: I'm useless at keeping in touch. Kinder: I had a full month."
    status, _, _ = run(capsys, "--data-dir", str(tmp_path), "catch", "I'm useless", stdin=quoting)
    assert status == 0
    [record] = ReflectionStore(tmp_path).list()
    assert record["steps"][1]["answer"] == quoting
    assert [p.text for p in PhraseStore(tmp_path).list()] == ["I had a full month."]
    for text, kept in (
        (
            "Critic: you're a failure.\nMe: I did my best with a hard week.",
            "I did my best with a hard week.",
        ),
        (
            "Hot thought: I'm pathetic. Balanced: I was exhausted. I showed up.",
            "I was exhausted. I showed up.",
        ),
        ("Monday: a rough day. Tuesday: better, I rested.", None),  # nothing harsh quoted
        ("I had a full month. Note to self: call her.", None),  # no label first
        ("My head said I was useless. But I had a full month.", None),  # no labels
    ):
        assert answer_part(text) == (kept or text), text


def test_catch_keeps_a_harsh_version_when_asked_but_never_as_kind_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, _ = run(
        capsys, "--data-dir", str(tmp_path), "catch", "I'm so stupid", stdin="I'm a loser\nk\n"
    )
    assert status == 0
    [record] = ReflectionStore(tmp_path).list()
    assert record["steps"][1]["answer"] == "I'm a loser"
    assert PhraseStore(tmp_path).list() == []


def test_catch_meets_crisis_words_with_support_never_a_redirect(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    PhraseStore(tmp_path).add(KIND, ["labelling"])
    status, out, _ = run(
        capsys, "--data-dir", str(tmp_path), "catch", "I'm useless and I want to end my life"
    )
    assert status == 0
    assert "988" in out and "findahelpline.com" in out
    assert "How would you say it kindly?" not in out and KIND not in out
    [record] = ReflectionStore(tmp_path).list()
    assert record["crisis"] is True and len(record["steps"]) == 1


def test_crisis_words_as_the_redirect_pause_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(
        capsys, "--data-dir", str(tmp_path), "catch", "I'm useless", stdin="I want to kill myself\n"
    )
    assert status == 0 and "988" in out
    [record] = ReflectionStore(tmp_path).list()
    assert record["crisis"] is True
    assert record["steps"][1]["answer"] == "I want to kill myself"
    assert "original" not in record["steps"][1]
    assert PhraseStore(tmp_path).list() == []


BURDEN = "Everyone would be better off without me, I'm just a burden."
NOT_AROUND = "Maybe it would be easier for them if I wasn't around."


def test_catch_asks_directly_about_words_that_might_mean_risk(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Found trying the app: a catch of "better off without me, I'm just a burden" (concern
    "ask") went straight to the redirect, never asking, in both faces. Now it asks as a
    session does, the answer is kept, and "yes, or not sure" opens support."""
    from tui.core.selftalk import analyse

    assert analyse(BURDEN).concern == "ask" and analyse(NOT_AROUND).concern == "ask"
    data = ["--data-dir", str(tmp_path / "no")]
    status, out, _ = run(capsys, *data, "catch", BURDEN, stdin="no\nI carry a lot.\n")
    assert status == 0
    assert "Can I ask you something directly?" in out and "No, I'm safe" in out
    assert out.index("Your answer") < out.index("kindtone noticed:")
    [record] = ReflectionStore(tmp_path / "no").list()
    assert record["safety_checks"] == [{"exercise": "catch", "step": 0, "answer": "no"}]
    assert record["crisis"] is False and record["steps"][1]["answer"] == "I carry a lot."

    data = ["--data-dir", str(tmp_path / "yes")]
    PhraseStore(tmp_path / "yes").add(KIND, ["labelling"])
    status, out, _ = run(capsys, *data, "catch", BURDEN, stdin="1\n")
    assert status == 0 and "988" in out and "findahelpline.com" in out
    assert "How would you say it kindly?" not in out and KIND not in out
    [record] = ReflectionStore(tmp_path / "yes").list()
    assert record["crisis"] is True and len(record["steps"]) == 1
    assert record["safety_checks"][0]["answer"] == "yes"

    # The redirect is asked about too; "I'd rather not say" goes on, naming /support (which
    # works at the prompt). The words are kept, but never as kind words to offer back.
    data = ["--data-dir", str(tmp_path / "redirect")]
    stdin = f"/support\n{NOT_AROUND}\n3\n"
    status, out, _ = run(capsys, *data, "catch", "I'm such an idiot", stdin=stdin)
    assert status == 0
    assert out.count("findahelpline.com") == 1
    assert out.index("findahelpline.com") < out.index("Can I ask you something directly?")
    assert "type /support to see people you can reach" in out
    [record] = ReflectionStore(tmp_path / "redirect").list()
    assert record["safety_checks"] == [{"exercise": "catch", "step": 1, "answer": "rather-not"}]
    assert record["steps"][1]["answer"] == NOT_AROUND
    assert PhraseStore(tmp_path / "redirect").list() == []


def test_words_that_might_mean_risk_are_never_kind_words(tmp_path: Path) -> None:
    """Found trying the app: "Maybe it would be easier for them if I wasn't around." was
    taken by `phrases add` (and would join from a session after "No, I'm safe")."""
    assert why_not_kind(NOT_AROUND) is not None
    with pytest.raises(StoreError, match="real pain"):
        PhraseStore(tmp_path).add(NOT_AROUND, [])
    # one kept by an older kindtone is never offered back
    kept = Phrase("x", NOT_AROUND, (), uses=9, added_at="2026-12-01T10:00:00+00:00")
    kind = Phrase("y", KIND, (), uses=0, added_at="2026-12-01T10:00:00+00:00")
    assert pick([kept, kind], []) == [kind]


def test_typed_answers_to_the_direct_question() -> None:
    from tui.core.flow import typed_ask_answer

    for typed, choice in (
        ("1", "yes"),
        (" Yes. ", "yes"),
        ("I’m not sure", "yes"),
        ("2", "no"),
        ("No, I'm safe!", "no"),
        ("3", "rather-not"),
        ("Rather  not say", "rather-not"),
        ("maybe", None),
        ("4", None),
        ("", None),
    ):
        assert typed_ask_answer(typed) == choice, typed


def test_a_catch_where_nothing_is_noticed_never_calls_the_words_kind_and_still_asks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The person wrote these as the critic's words, and the analysis misses some harsh
    wording: it says it noticed nothing (never "that already sounds kind") and still offers
    the kinder version; with no answer nothing is saved."""
    words = "The meeting moved to Thursday."
    status, out, _ = run(capsys, "--data-dir", str(tmp_path), "catch", words)
    assert status == 0 and NOTHING_NOTICED in out
    assert "How would you say it kindly?" in out and "Nothing was saved." in out
    assert ReflectionStore(tmp_path).list() == []
    kind = "It was a long day and I did what I could."
    status, out, _ = run(capsys, "--data-dir", str(tmp_path), "catch", words, stdin=kind + "\n")
    assert status == 0
    [record] = ReflectionStore(tmp_path).list()
    assert record["kind"] == "catch" and record["steps"][1]["answer"] == kind


def test_a_catch_that_cant_be_saved_says_where_and_why_and_gives_the_words_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The command line's catch, when no file can hold the words (the data folder lies under
    a file): exit 1, the folder and the reason said once, and both lines given back to copy;
    never "Kept" or "saved"."""
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    folder = tmp_path / "a-file" / "data"
    status, out, err = run(capsys, "--data-dir", str(folder), "catch", HARSH, stdin=KIND + "\n")
    assert status == 1
    assert err.count("Nothing could be written to") == 1 and str(folder) in err, err
    assert "Your words are not saved anywhere" in err
    assert out.rstrip().splitlines()[-2:] == [f"  {HARSH}", f"  {KIND}"], out
    assert "Kept" not in out + err and "saved it" not in out + err


def test_start_catch_offers_only_for_the_patterns_found(tmp_path: Path) -> None:
    store = PhraseStore(tmp_path)
    store.add(KIND, ["labelling"])
    assert [p.text for p in start_catch(HARSH, store).offered] == [KIND]
    assert start_catch("I did my best today", store).offered == []


# --- export and import ----------------------------------------------------------------------


def test_export_carries_kind_words_and_older_exports_still_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    PhraseStore(source).add(KIND, ["labelling"])
    export = tmp_path / "export.json"
    assert (
        run(
            capsys,
            "--data-dir",
            str(source),
            "reflections",
            "export",
            "--format",
            "json",
            "-o",
            str(export),
        )[0]
        == 0
    )
    document = json.loads(export.read_text())
    assert [p["text"] for p in document["phrases"]] == [KIND]
    status, out, _ = run(capsys, "--data-dir", str(target), "reflections", "import", str(export))
    assert status == 0 and "Kind words: 1 added" in out
    assert [p.text for p in PhraseStore(target).list()] == [KIND]
    # importing twice adds nothing
    assert (
        "Kind words: 0 added, 1 already there"
        in run(capsys, "--data-dir", str(target), "reflections", "import", str(export))[1]
    )
    # Words that might mean risk, kept by an older kindtone, are left out, and said so
    # truly (they were said to "sound like the critic").
    document["phrases"].append(dict(document["phrases"][0], id="0" * 10, text=NOT_AROUND))
    export.write_text(json.dumps(document))
    out = run(capsys, "--data-dir", str(tmp_path / "d"), "reflections", "import", str(export))[1]
    assert "Kind words: 1 added, 0 already there; 1 left out: kind words never sound" in out
    assert "like the critic or like real pain" in out
    assert [p.text for p in PhraseStore(tmp_path / "d").list()] == [KIND]
    # an older export, without "phrases"
    del document["phrases"]
    export.write_text(json.dumps(document))
    assert (
        run(capsys, "--data-dir", str(tmp_path / "c"), "reflections", "import", str(export))[0] == 0
    )


def test_daily_backup_keeps_kind_words_and_restore_brings_them_back(tmp_path: Path) -> None:
    from datetime import date

    from tui.core.backups import restore_backup, take_daily_backup

    store = ReflectionStore(tmp_path)
    store.save({"id": "a" * 32, "started_at": "2026-11-25T09:00:00+00:00", "steps": []})
    PhraseStore(tmp_path).add(KIND, ["labelling"])
    backup = take_daily_backup(tmp_path, today=date(2026, 11, 25))
    assert backup is not None and (backup / PHRASES_FILE).exists()
    assert stat.S_IMODE(os.stat(backup / PHRASES_FILE).st_mode) == 0o600
    phrases = PhraseStore(tmp_path)
    phrases.remove(phrases.list()[0].id)
    phrases.add("One step at a time.")
    result = restore_backup(tmp_path, "2026-11-25")
    assert [p.text for p in PhraseStore(tmp_path).list()] == [KIND]
    assert result.moved_aside is not None
    assert "One step at a time." in (result.moved_aside / PHRASES_FILE).read_text()


def test_reflections_show_puts_the_critic_beside_every_try(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    stdin = "I'm a loser\n\nI was tired, and that's human.\n"
    run(capsys, "--data-dir", str(tmp_path), "catch", "I'm so stupid", stdin=stdin)
    [record] = ReflectionStore(tmp_path).list()
    status, out, _ = run(capsys, "--data-dir", str(tmp_path), "reflections", "show", record["id"])
    assert status == 0
    assert "Caught in the moment" in out
    lines = out.splitlines()
    header = next(line for line in lines if "the critic:" in line)
    assert "try 1:" in header
    beside = lines[lines.index(header) + 1]
    assert beside.split("│")[0].strip() == "I'm so stupid"
    assert beside.split("│")[1].strip() == "I'm a loser"
    assert any("try 2, kept:" in line for line in lines)
    assert any(line.endswith("I was tired, and that's human.") for line in lines)


def test_side_by_side_for_older_reflections_finds_the_source_step() -> None:
    from tui.core.practice import original_of

    record = {
        "steps": [
            {"exercise": "shifting-tone", "index": 0, "id": "harsh", "answer": "I'm lazy"},
            {"exercise": "shifting-tone", "index": 1, "type": "reframe", "answer": "I'm tired"},
        ]
    }
    sources = {("shifting-tone", 1): "harsh"}
    assert original_of(record, record["steps"][1], sources) == "I'm lazy"
    assert original_of(record, record["steps"][1], {}) is None


def test_catch_starts_like_check_without_textual_or_the_store(tmp_path: Path) -> None:
    """Until there is something to save, `kindtone catch` loads what `kindtone check` does
    (the analyser), plus your kind words: no Textual, Rich, TinyDB or file lock."""
    import subprocess

    PhraseStore(tmp_path).add(KIND, ["labelling"])
    code = (
        "import io, sys\n"
        "sys.stdin = io.StringIO('')\n"
        "from tui.cli import main\n"
        f"status = main(['--data-dir', {str(tmp_path)!r}, 'catch', \"I'm such an idiot\"])\n"
        "heavy = ('textual', 'rich', 'tinydb', 'filelock')\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & set(heavy))\n"
        "print('LOADED', loaded, status)\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert KIND in result.stdout  # the kind words were read and offered
    assert "LOADED [] 0" in result.stdout


def test_words_without_letters_never_join() -> None:
    assert why_not_kind("1") == "it has no words"
    assert why_not_kind("...") == "it has no words"
    assert why_not_kind("Breathe.") is None


def test_under_a_lock_kind_words_are_sealed_and_still_offered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The lock (issue 16) seals every file the store writes: kind words and the insights
    cache too, and a catch on a locked folder still offers them."""
    from tui.core import vault

    data = tmp_path / "data"
    PhraseStore(data).add(KIND, ["labelling"])
    passphrase = "correct horse battery"

    def kt(*args: str, stdin: str = "") -> tuple[int, str, str]:
        vault.forget()  # a new process: no key in memory
        return run(capsys, "--data-dir", str(data), *args, stdin=stdin)

    status, _, err = kt("lock", stdin=passphrase + "\n")
    assert status == 0, err
    assert b"still learning" not in (data / PHRASES_FILE).read_bytes()
    status, out, err = kt("catch", "I'm such an idiot", stdin=f"{passphrase}\n1\n")
    assert status == 0, err
    assert f"1. {KIND}" in out and "saved it to your reflections" in out
    status, out, err = kt("insights", "--json", stdin=passphrase + "\n")
    assert status == 0, err
    assert json.loads(out.splitlines()[-1])["catches"] == 1
    for name in (PHRASES_FILE, ".insights-cache.json"):
        assert b"still learning" not in (data / name).read_bytes()
        assert b"labelling" not in (data / name).read_bytes()
    status, out, err = kt("phrases", "list", "--json", stdin=passphrase + "\n")
    assert status == 0, err
    assert json.loads(out.splitlines()[-1])[0]["uses"] == 1
