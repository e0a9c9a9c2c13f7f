"""The smaller session items (issues 13 and 17), each failing before its fix."""

from __future__ import annotations

import io
import os
import pty
import select
from pathlib import Path

from tui.core.exercises import load_library
from tui.core.flow import SessionFlow
from tui.core.session import Session
from tui.core.settings import Settings
from tui.core.storage import ReflectionStore
from tui.core.text import shown_part
from tui.plain import PlainIO, PlainSession, _flusher, run_plain


def plain(data_dir: Path, lines: list[str], settings: Settings | None = None, **kw: object) -> str:
    stdout = io.StringIO()
    run_plain(
        data_dir,
        settings or Settings(ask_ratings=False),
        stdin=io.StringIO("\n".join(lines) + "\n"),
        stdout=stdout,
        **kw,  # type: ignore[arg-type]
    )
    return stdout.getvalue()


def test_plain_back_at_the_second_rating_asks_the_first_again(tmp_path: Path) -> None:
    lines = ["3", "7", "/back", "8", "2", *[""] * 40]
    plain(tmp_path, lines, Settings(session_minutes=3, ask_ratings=True))
    (record,) = ReflectionStore(tmp_path).list()
    assert record["ratings"]["before"] == {"harsh": 8, "tense": 2}


def test_plain_support_is_shown_once(tmp_path: Path) -> None:
    out = plain(tmp_path, ["", "/support", "/leave"], exercise_id="just-a-thought")
    assert out.count("findahelpline.com") == 1


def test_keys_typed_while_breathing_are_not_answers(tmp_path: Path) -> None:
    """In a terminal, what was typed during the breathing step is let go."""
    master, slave = pty.openpty()
    try:
        with open(slave, closefd=False) as stream:
            os.write(master, b"typed while breathing\n")
            assert select.select([stream], [], [], 1.0)[0], "the keys are waiting"
            flushed: list[bool] = []
            io_ = PlainIO(stream, io.StringIO(), sleep=lambda _s: None)
            flush = _flusher(stream)
            io_.flush_input = lambda: (flushed.append(True), flush())  # type: ignore[func-returns-value]
            session = PlainSession(
                io_, load_library(), ReflectionStore(tmp_path), Settings(ask_ratings=False)
            )
            session.breathe(1, 0, 1, 1)
            assert flushed == [True]
            assert not select.select([stream], [], [], 0.2)[0], "nothing left to read"
    finally:
        os.close(master)
        os.close(slave)


def test_plain_says_before_and_after_in_words_and_wraps_prompts_whole(tmp_path: Path) -> None:
    lines = ["3", "7", "5", *[""] * 40]
    settings = Settings(session_minutes=3, ask_ratings=True)
    stdout = io.StringIO()
    run_plain(tmp_path, settings, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=stdout)
    out = stdout.getvalue()
    assert "->" not in out
    assert "Inner voice harshness: 7 before" in out
    words = set(" ".join(out.split()).split(" "))
    for line in out.splitlines():
        assert len(line) <= 72 + 40  # a prompt line plus the echoed answer
        for word in line.split():
            assert word in words  # no word split across lines


def test_ctrl_c_at_the_first_question_ends_on_a_new_line(tmp_path: Path) -> None:
    class Interrupting(io.StringIO):
        def readline(self, *_args: object) -> str:  # type: ignore[override]
            raise KeyboardInterrupt

    stdout = io.StringIO()
    code = run_plain(tmp_path, Settings(), stdin=Interrupting(), stdout=stdout)
    assert code == 0
    assert "\nCome back whenever you like." in stdout.getvalue()
    assert ": Come back" not in stdout.getvalue()


def test_a_skipped_answer_is_never_quoted_as_an_ellipsis(tmp_path: Path) -> None:
    out = plain(tmp_path, ["", "", "", ""], exercise_id="just-a-thought")
    assert "“…”" not in out and "Now write it again" not in out


def test_progress_is_one_count(tmp_path: Path) -> None:
    library = load_library()
    two = [library.exercises["just-a-thought"], library.exercises["settling-breath"]]
    flow = SessionFlow(Session(two), ReflectionStore(tmp_path))
    assert flow.progress() == ("Just a thought", "exercise 1 of 2, step 1 of 4")
    for _ in range(4):
        flow.submit("x")
    title, where = flow.progress()
    assert title == "Settling breath"
    assert where.startswith("exercise 2 of 2, step 1 of ")
    single = SessionFlow(Session(two[:1]), ReflectionStore(tmp_path))
    assert single.progress()[1] == "step 1 of 4"


def test_a_session_with_every_step_skipped_is_not_saved_as_practice(tmp_path: Path) -> None:
    library = load_library()
    flow = SessionFlow(Session([library.exercises["just-a-thought"]]), ReflectionStore(tmp_path))
    while not flow.finished:
        flow.skip()
    flow.session.finish()
    report = flow.save(completed=True)
    assert report.nothing_to_keep and not report.saved
    assert ReflectionStore(tmp_path).list() == []
    # Reading and breathing along is practice, even with nothing written.
    breath = SessionFlow(Session([library.exercises["settling-breath"]]), ReflectionStore(tmp_path))
    while not breath.finished:
        breath.submit(None)
    assert breath.save(completed=True).saved


def test_a_late_draft_never_brings_back_a_saved_session(tmp_path: Path) -> None:
    library = load_library()
    store = ReflectionStore(tmp_path)
    flow = SessionFlow(Session([library.exercises["just-a-thought"]]), store)
    flow.submit(None)
    flow.submit("words")
    assert store.load_draft() is not None
    assert flow.save(completed=False).saved
    flow.keep_draft()  # e.g. a typing timer firing after the summary saved
    assert store.load_draft() is None


def test_a_huge_answer_is_kept_whole_and_shown_in_part() -> None:
    big = "a" * 1_000_000
    shown = shown_part(big)
    assert len(shown) < 4100 and "996,000 more characters, all kept" in shown
    assert shown_part("short") == "short"


async def test_try_again_explains_every_pattern_and_keeps_the_thought_in_view(
    tmp_path: Path,
) -> None:
    from helpers_pty import rewrite_in_lets_try_again, screen_text_of, session_opened

    from tui.app import KindtoneApp

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        await rewrite_in_lets_try_again(
            pilot,
            "I'm such a failure",
            "I should have known better, I'm hopeless and I always mess up",
        )
        await pilot.pause()
        text = " ".join(screen_text_of(app).split())
        for words in ("I should have known", "I'm hopeless", "I always mess up"):
            assert f"“{words}”:" in text
        assert "I'm such a failure" in text  # the original thought, still in view
        assert "Keep it as it is" in text


async def test_try_again_gives_the_box_what_room_is_left(tmp_path: Path) -> None:
    """Found trying the app at 80×24: with one pattern explained, "let's try that again"
    shrank the box to one line ("her tonight.") and left three rows empty below the panel.
    The box now takes the room left, and is its own size again after "Try again".
    (Session 12: the words ended "...and I'll ring her tonight.", which the net retrained on
    aa-ad asks about, a clause "I love her and I'll ring her" leaning like a goodbye; this
    test is about the box, so its words end otherwise: that question is in
    docs/measurements.md.)"""
    from helpers_pty import rewrite_in_lets_try_again, screen_text_of, session_opened
    from textual.widgets import TextArea

    from tui.app import KindtoneApp

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(80, 24)) as pilot:
        await session_opened(pilot)
        words = "I forgot, and I'm hopeless with dates, but I love her and I'll make it up to her."
        await rewrite_in_lets_try_again(
            pilot, "I forgot Mum's birthday again, I'm such a failure", words
        )
        await pilot.pause()
        await pilot.pause()
        box = app.screen.query_one("#answer", TextArea)
        assert box.wrapped_document.height == 2
        assert box.content_size.height >= 2  # every line of the words in view
        text = " ".join(screen_text_of(app).split())
        assert "I'm such a failure" in text and "Keep it as it is" in text
        assert "with dates, but I love" in text and "up to her." in text
        await pilot.click("#try-again-button")
        await pilot.pause()
        assert box.outer_size.height == 5  # the step's own box again


async def test_enter_on_the_support_pause_never_ends_the_session(tmp_path: Path) -> None:
    from helpers_pty import paste, session_opened

    from tui.app import KindtoneApp
    from tui.screens.session import SessionScreen
    from tui.screens.support import SupportScreen

    app = KindtoneApp(data_dir=tmp_path, start_exercise="just-a-thought")
    async with app.run_test(size=(100, 30)) as pilot:
        await session_opened(pilot)
        await pilot.press("ctrl+n")
        await paste(pilot, "I want to kill myself")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        assert app.focused is not None and app.focused.id == "continue"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.ended_at is None
        assert ReflectionStore(tmp_path).list() == []  # not ended, nothing saved as unfinished


async def test_the_summary_opens_at_the_top_and_draws_a_huge_answer_in_part(
    tmp_path: Path,
) -> None:
    from helpers_pty import until, watch_start_up
    from textual.containers import VerticalScroll

    from tui.app import KindtoneApp
    from tui.screens.summary import SummaryScreen
    from tui.widgets.literal_text import LiteralText

    big = ("It was a long day and I'm tired. " * 40000)[:1_000_000]
    app = KindtoneApp(data_dir=tmp_path)
    started = watch_start_up(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, started, "start-up")  # before this session's draft is written
        session = Session([load_library().exercises["just-a-thought"]])
        flow = app.flow_for(session)
        while not flow.finished:
            flow.submit(big if flow.current and flow.current.step.takes_text else None)
        session.finish()
        app.push_screen(SummaryScreen(flow))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen) and screen.saved
        assert screen.query_one("#summary", VerticalScroll).scroll_y == 0
        drawn = [str(p.render()) for p in screen.query(LiteralText)]
        assert max(len(text) for text in drawn) < 5000
        assert any("more characters, all kept" in text for text in drawn)
    (record,) = ReflectionStore(tmp_path).list()
    assert big in [s["answer"] for s in record["steps"]]
