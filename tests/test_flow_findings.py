"""Issue 13's session findings, reproduced through each face; each failed before the fix."""

from __future__ import annotations

import io
from pathlib import Path

from tui.core.exercises import load_library
from tui.core.flow import SessionFlow
from tui.core.session import Session
from tui.core.settings import Settings
from tui.core.storage import ReflectionStore
from tui.plain import run_plain

CRISIS = "I want to kill myself"
HARSH_KEPT = "I should have known better, I'm hopeless"


def plain(data_dir: Path, lines: list[str], **kwargs: object) -> tuple[int, str]:
    stdout = io.StringIO()
    code = run_plain(
        data_dir,
        Settings(ask_ratings=False),
        stdin=io.StringIO("\n".join(lines) + "\n"),
        stdout=stdout,
        **kwargs,  # type: ignore[arg-type]
    )
    return code, stdout.getvalue()


def left_draft(data_dir: Path, words: str) -> str:
    """A plain session killed mid-way leaves only its draft."""
    library = load_library()
    session = Session([library.exercises["noticing-the-critic"]])
    while not session.current.step.takes_text:  # type: ignore[union-attr]
        session.answer(None)
    session.answer(words)
    ReflectionStore(data_dir).save_draft(session.to_draft())
    return session.id


def words_anywhere(data_dir: Path, words: str) -> bool:
    store = ReflectionStore(data_dir)
    saved = any(words in str(r) for r in store.list())
    return saved or words in str(store.load_draft())


def test_plain_leave_at_first_prompt_keeps_an_earlier_draft(tmp_path: Path) -> None:
    left_draft(tmp_path, "words from last night")
    plain(tmp_path, ["/leave", "/leave"], exercise_id="just-a-thought")
    assert words_anywhere(tmp_path, "words from last night")


def test_plain_offers_the_draft_and_declined_keeps_it_as_unfinished(tmp_path: Path) -> None:
    draft_id = left_draft(tmp_path, "words from last night")
    code, out = plain(tmp_path, ["n", "/leave"], exercise_id="just-a-thought")
    assert "An unfinished session from" in out and "Resume it? [Y/n]" in out
    assert code == 0
    (record,) = ReflectionStore(tmp_path).list()
    assert record["id"] == draft_id and record["completed"] is False
    assert "words from last night" in [s["answer"] for s in record["steps"]]
    assert ReflectionStore(tmp_path).load_draft() is None


def test_plain_resumes_a_draft_where_it_was(tmp_path: Path) -> None:
    draft_id = left_draft(tmp_path, "words from last night")
    code, out = plain(tmp_path, ["y", *[""] * 12])
    assert code == 0
    assert "words from last night" in out
    (record,) = ReflectionStore(tmp_path).list()
    assert record["id"] == draft_id and record["completed"] is True


def test_a_new_session_never_writes_over_another_sessions_draft(tmp_path: Path) -> None:
    """Whatever face starts it, a new session's first draft keeps the older one's words."""
    left_draft(tmp_path, "words from last night")
    library = load_library()
    flow = SessionFlow(Session([library.exercises["just-a-thought"]]), ReflectionStore(tmp_path))
    flow.submit(None)
    flow.submit("new words")
    assert ReflectionStore(tmp_path).load_draft()["id"] == flow.session.id  # type: ignore[index]
    assert words_anywhere(tmp_path, "words from last night")
    assert words_anywhere(tmp_path, "new words")


def test_plain_never_says_kept_when_nothing_could_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    data_dir = blocker / "kindtone"  # unusable: its parent is a file
    code, out = plain(data_dir, ["", "my precious words", "", ""], exercise_id="just-a-thought")
    assert code == 1
    for comfort in ("is kept", "kept as", "Saved", "saved to"):
        assert comfort not in out  # never claims it
    assert "my precious words" in out.split("Nothing could be written")[-1]
    assert str(data_dir) in out


def test_plain_leaving_when_nothing_could_be_written_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    data_dir = blocker / "kindtone"
    code, out = plain(data_dir, ["", "my precious words", "/leave"], exercise_id="just-a-thought")
    assert code == 1
    assert "is kept" not in out and "Saved" not in out
    assert "my precious words" in out.split("Nothing could be written")[-1]


def test_plain_crisis_return_stays_and_the_words_are_never_handed_back(tmp_path: Path) -> None:
    code, out = plain(tmp_path, ["", CRISIS, "2", "", "", ""], exercise_id="just-a-thought")
    assert code == 0
    after_return = out.split("Return to the exercise")[-1]
    # The same step again, with the words still there ...
    assert "Write down a thought that's been bothering you" in after_return
    # ... and no later step quotes, defuses or rewrites them.
    assert "Now write it again" not in out
    assert f"You wrote: “{CRISIS}”" not in out
    (record,) = ReflectionStore(tmp_path).list()
    assert record["crisis"] is True
    assert CRISIS in [s["answer"] for s in record["steps"]]
    assert not any(CRISIS in s["prompt"] for s in record["steps"])


def test_plain_keeps_no_harsh_rewrite_to_rehearse(tmp_path: Path) -> None:
    lines = ["", "", "I'm such a failure", "", HARSH_KEPT, "", "", ""]
    code, out = plain(tmp_path, lines, exercise_id="lets-try-that-again")
    assert code == 0
    assert "the critic might be speaking" in out
    assert f"slowly: “{HARSH_KEPT}”" not in out
    assert "Read your new version once more" not in out


def test_the_crisis_pause_says_kept_only_when_the_draft_is_on_disk(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out = plain(blocker / "kindtone", ["", CRISIS, "3"], exercise_id="just-a-thought")
    assert "Let's pause the exercise." in out
    assert "What you wrote is kept" not in out
    assert code == 1 and CRISIS in out.split("Nothing could be written")[-1]
    code, out = plain(tmp_path / "fine", ["", CRISIS, "3"], exercise_id="just-a-thought")
    assert "What you wrote is kept" in out and code == 0


async def test_the_app_gives_the_words_back_when_nothing_could_be_written(tmp_path: Path) -> None:
    from helpers_pty import paste, screen_text_of, session_opened

    from tui.app import KindtoneApp
    from tui.screens.session import SessionScreen

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = KindtoneApp(data_dir=blocker / "kindtone", start_exercise="just-a-thought")
    async with app.run_test(size=(100, 30)) as pilot:
        await session_opened(pilot)
        await pilot.press("ctrl+n")
        await paste(pilot, "my precious words")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await paste(pilot, "I'm having the thought that I lost them")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # "Keep what I wrote": nothing can hold it
        await pilot.pause()
        text = screen_text_of(app)
        assert "Nothing could be written" in " ".join(text.split())
        assert "my precious words" in text and "I lost them" in text
        assert "kept as" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen), "the session stays, words and all"


async def test_the_app_keeps_a_declined_draft_as_an_unfinished_reflection(tmp_path: Path) -> None:
    from helpers_pty import resume_offered

    from tui.app import KindtoneApp
    from tui.screens.resume import ResumeScreen

    draft_id = left_draft(tmp_path, "words from last night")
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await resume_offered(pilot)
        assert isinstance(app.screen, ResumeScreen)
        await pilot.click("#discard")  # "Not now"
        await pilot.pause()
    (record,) = ReflectionStore(tmp_path).list()
    assert record["id"] == draft_id and record["completed"] is False
    assert "words from last night" in [s["answer"] for s in record["steps"]]
    assert ReflectionStore(tmp_path).load_draft() is None


def test_two_sessions_at_once_never_write_over_each_others_newest_words(tmp_path: Path) -> None:
    """Two windows, each in a session: every draft write checks whose draft is on disk, not
    only the first. Before, the first session's next draft replaced the second's, and the
    second's newest words were nowhere on disk."""
    library = load_library()
    first = SessionFlow(Session([library.exercises["just-a-thought"]]), ReflectionStore(tmp_path))
    second = SessionFlow(Session([library.exercises["just-a-thought"]]), ReflectionStore(tmp_path))
    first.submit(None)
    first.submit("first window's words")
    second.submit(None)
    second.submit("second window's words")
    first.keep_draft()  # the first window types on; its draft is written again
    assert words_anywhere(tmp_path, "first window's words")
    assert words_anywhere(tmp_path, "second window's words")
    second.keep_draft()
    assert words_anywhere(tmp_path, "first window's words")
    assert words_anywhere(tmp_path, "second window's words")
