"""Any text at all: markup, terminal escapes, control and bidi characters, emoji, wide text,
a 1 MB paste and a 10,000-character line go through every place that shows words a person
typed or a file held. Nothing crashes, nothing is obeyed, everything is shown literally."""

from __future__ import annotations

import codecs
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from helpers_pty import (
    PtyApp,
    kindtone_argv,
    open_reflection,
    paste,
    record_notifications,
    screen_text_of,
    session_opened,
    until,
    walk_session,
)

from tui.core.exercise_writer import toml_string
from tui.core.storage import ReflectionStore
from tui.core.text import strip_controls

CORPUS_FILE = Path(__file__).parent / "data" / "hostile_strings.txt"


def load_corpus() -> list[str]:
    """The corpus file is ASCII with Python escapes; lines starting with # are notes."""
    lines = CORPUS_FILE.read_text(encoding="ascii").splitlines()
    return [codecs.decode(line, "unicode_escape") for line in lines if line and line[0] != "#"]


CORPUS = load_corpus()
EVERYTHING = "\n".join(CORPUS)
# Markup that would vanish, fail or act if text were parsed: each must be seen as written.
LITERAL = ["[/]", "[bold]", "[/bold]", "[[", "[@click=app.quit]x[/]", "[link=file:///etc/passwd]"]
# Bytes a terminal would obey; none may reach the terminal from text.
OBEYED = ["\x1b", "\x07", "\x00", "\x9b"]
TITLE = "[@click=app.quit]Q[/] [bold]Hostile \u6f22\u5b57 \U0001f600"
BROKEN_NAME = "broken \x1b]0;pwned\x07 [b].toml"


def test_the_corpus_covers_what_it_should() -> None:
    assert len(CORPUS) >= 30
    text = EVERYTHING
    for needle in [*LITERAL, "\x1b[2J", "\x1b]0;", "\x1b]52;", "\x00", "\u202e", "\u0301"]:
        assert needle in text, needle
    assert any(0x1F300 <= ord(c) <= 0x1FAFF for c in text) and "\u6f22" in text


def hostile_exercise() -> str:
    """A custom exercise whose every field a person sees is hostile (within the limits)."""
    fields = {
        "id": "hostile-ex",
        "title": TITLE,
        "summary": "[/] [[ [link=file:///etc/passwd]x[/link] \x1b]0;pwned\x07 \u202eright",
    }
    lines = [f"{key} = {toml_string(value)}" for key, value in fields.items()]
    lines += ["minutes = 2", 'situations = ["critic"]']
    steps = [
        {"type": "read", "text": "\n".join(CORPUS[:12])[:1000]},
        {
            "type": "write",
            "id": "first",
            "prompt": "[/bold] [@click=app.quit]x[/] {{braces}} \x1b[2J prompt?",
            "placeholder": "[/] [bold] placeholder",
        },
        {"type": "choose", "id": "pick", "prompt": "[bold]", "options": ["[/]", "[@click=a]b"]},
        {"type": "rate", "id": "r", "prompt": "[[rate", "low": "[/]", "high": "[bold]"},
        {"type": "reframe", "source": "first", "prompt": "You wrote: {first}. [/] Again?"},
    ]
    for step in steps:
        lines.append("\n[[steps]]")
        for key, value in step.items():
            if isinstance(value, list):
                lines.append(f"{key} = [{', '.join(toml_string(v) for v in value)}]")
            else:
                lines.append(f"{key} = {toml_string(value)}")
    return "\n".join(lines) + "\n"


def hostile_records() -> list[dict[str, Any]]:
    records = []
    for n, text in enumerate(CORPUS):
        records.append(
            {
                "id": f"{n:04d}" + "h" * 28,
                "schema": 1,
                "started_at": f"2026-10-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00",
                "completed": n % 2 == 0,
                "situation": "[bold]" if n % 3 else "critic",
                "exercises": ["hostile-ex", text[:40] or "[/]"],
                "ratings": {"before": {"harsh": 7}, "after": {"harsh": 3}},
                "steps": [
                    {
                        "type": "write",
                        "prompt": f"{' '.join(LITERAL)} prompt {text[:60]}",
                        "answer": text,
                        "versions": [f"[bold]{text}", text],
                        "seconds": 3,
                    }
                ],
            }
        )
    return records


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """A data dir whose very name is markup, with a hostile exercise and hostile reflections."""
    data_dir = tmp_path / "[@click=app.quit]d[/] [bold]"
    (data_dir / "exercises").mkdir(parents=True)
    (data_dir / "exercises" / "hostile.toml").write_text(hostile_exercise(), encoding="utf-8")
    # A broken exercise whose file name would retitle the window (session 13: the library's
    # "Not loaded" row sent the name's ESC to the screen as it was).
    (data_dir / "exercises" / BROKEN_NAME).write_text('id = "x"\ntitle = "[b]', encoding="utf-8")
    ReflectionStore(data_dir).save_many(hostile_records())
    # A damaged file, so a notification carries the (hostile) path of the data dir.
    (data_dir / "reflections" / "2026-01.json").write_bytes(b"[/] \x1b]0;pwned\x07 not json")
    return data_dir


def assert_literal(shown: str, where: str) -> None:
    for needle in LITERAL:
        assert needle in shown, f"{needle!r} not shown literally on the {where}"
    for byte in OBEYED:
        assert byte not in shown, f"{byte!r} reached the {where}"


# --- the full-screen app ---------------------------------------------------------------------


async def test_hostile_text_everywhere_in_the_app_is_shown_literally(hostile_dir: Path) -> None:
    from tui.app import KindtoneApp
    from tui.screens.home import HomeScreen
    from tui.screens.library import LibraryScreen
    from tui.screens.reflections import ReflectionDetailScreen, ReflectionsScreen
    from tui.screens.session import SessionScreen
    from tui.screens.summary import SummaryScreen

    app = KindtoneApp(data_dir=hostile_dir, start_exercise="hostile-ex")
    notes = record_notifications(app)
    async with app.run_test(size=(120, 50), notifications=True) as pilot:
        await until(pilot, lambda: not isinstance(app.screen, HomeScreen), "start-up")
        assert isinstance(app.screen, SessionScreen), "the hostile exercise loads and starts"
        await session_opened(pilot)
        shown = screen_text_of(app)
        assert "[@click=app.quit]Q[/] [bold]Hostile" in shown  # the title
        assert "[/]" in shown and "[bold]" in shown  # the read step's corpus lines
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "[/bold] [@click=app.quit]x[/] {braces}" in screen_text_of(app)  # the prompt

        assert await walk_session(pilot, EVERYTHING) == 2
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.saved
        assert_literal(screen_text_of(app), "summary")

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
        listed = screen_text_of(app)
        assert "[@click=app.quit]Q[/] [bold]Hostile" in listed  # exercise titles in rows
        # The damaged file's notification names the (hostile) data dir, wrapped in its toast.
        toast = "".join(line.split("\u258c")[-1] for line in listed.splitlines())
        assert "[@click=app.quit]d[/]" in toast and "[bold]/reflections" in toast
        for byte in OBEYED:
            assert byte not in listed
        for row in range(2):  # the session just saved, then a seeded one
            await open_reflection(pilot, row)
            assert isinstance(app.screen, ReflectionDetailScreen)
            assert_literal(screen_text_of(app), "reflection detail")
            await pilot.press("escape")
            await pilot.pause()

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        library = screen_text_of(app)
        assert "[@click=app.quit]Q[/] [bold]Hostile" in library
        # The broken file is named with its control bytes made visible, so it can be found.
        assert "broken \\x1b]0;pwned\\x07 [b].toml" in library
        for byte in OBEYED:
            assert byte not in library
        assert app.is_running, "[@click=app.quit] never acted"

    assert app.return_code is None
    said = "\n".join(m for _s, _t, m in notes)
    assert "[@click=app.quit]d[/] [bold]" in said, "the damaged file's notification"
    saved = ReflectionStore(hostile_dir).list(limit=1)[0]
    answers = [s["answer"] for s in saved["steps"] if s["type"] in ("write", "reframe")]
    # Kept exactly, except that control characters are dropped and the TextArea turns every
    # line separator (\r, \x0b, \x0c, \x1c-\x1e, \x85, \u2028...) into a newline.
    assert answers == [strip_controls("\n".join(EVERYTHING.splitlines()))] * 2


async def test_a_hostile_exercise_id_in_a_notification_is_shown_literally(tmp_path: Path) -> None:
    from tui.app import KindtoneApp
    from tui.screens.home import HomeScreen

    wanted = "[@click=app.quit]x[/] [bold] \x1b]0;pwned\x07"
    app = KindtoneApp(data_dir=tmp_path / "data", start_exercise=wanted)
    notes = record_notifications(app)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until(pilot, lambda: notes, "the notification")
        await until(pilot, lambda: "[@click=app.quit]x[/]" in screen_text_of(app), "the toast")
        assert isinstance(app.screen, HomeScreen)
        shown = screen_text_of(app)
        assert "[@click=app.quit]x[/]" in shown and "[bold]" in shown
        assert app.is_running
    assert any("[@click=app.quit]x[/]" in m for _s, _t, m in notes)


@pytest.mark.slow
async def test_a_1_mb_paste_and_a_10000_character_line_are_kept_whole(tmp_path: Path) -> None:
    """Both go through write steps and are kept by "Leave, keep what I wrote". (The summary
    shows them too, but drawing 1 MB there takes seconds, so it is left to the note.)"""
    from tui.app import KindtoneApp
    from tui.screens.home import HomeScreen
    from tui.screens.session import SessionScreen

    # Size is the point here, not meaning: plain words, so the analyser has nothing to say.
    words = "The rain kept falling on the garden [bold] all day \U0001f600 \u6f22\u5b57 "
    megabyte = "\n".join([words * 20] * (1_000_000 // (len(words) * 20) + 1))[:1_000_000]
    megabyte = "BEGIN " + megabyte[6:-4] + " END"
    long_line = "<" + ("\u6f22x[/]" * 2000)[:9_998] + ">"  # one line, no spaces
    assert len(megabyte) == 1_000_000 and len(long_line) == 10_000

    # Its later prompts don't quote earlier answers (the hostile session above covers that:
    # laying out 1 MB again in a prompt takes seconds, see the note).
    app = KindtoneApp(data_dir=tmp_path / "data", start_exercise="noticing-the-critic")
    # Timed by this process's CPU, not the clock: at load 25 the wall time of a ~1.5 s walk
    # passed 30 s once; a draw that took minutes for a 1 MB answer would still fail here.
    began = time.process_time()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await session_opened(pilot)
        assert isinstance(screen, SessionScreen)
        for text in (megabyte, long_line):
            while not screen.session.current.step.takes_text:
                assert app.screen is screen, f"left the session for {app.screen!r}"
                kind = screen.session.current.step.type
                await pilot.press(*(["down", "enter"] if kind == "choose" else ["ctrl+n"]))
                await pilot.pause()
            await paste(pilot, text)
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert app.screen is screen, f"left the session for {app.screen!r}"
        await pilot.press("escape")  # leave
        await pilot.pause()
        await pilot.press("enter")  # keep what I wrote
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running
    elapsed = time.process_time() - began
    saved = ReflectionStore(tmp_path / "data").list()[0]
    answers = [s["answer"] for s in saved["steps"] if s["type"] == "write"]
    assert answers == [megabyte, long_line]
    assert elapsed < 30, f"took {elapsed:.1f} s of CPU"


# --- a real terminal ---------------------------------------------------------------------------


@pytest.mark.slow
def test_pasted_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    """Only a real pty shows what bytes the app writes; run_test has no terminal. The paste
    is shown in the write step, then again in the summary."""
    payload = "MARK \x1b]0;pwned\x07 \x1b]52;c;cHduZWQ=\x07 \x1b[6n \x1bP+q544e\x1b\\ [bold] END"
    argv = kindtone_argv("--data-dir", str(tmp_path), "session", "--exercise", "just-a-thought")
    with PtyApp(argv) as app:
        app.wait_for("step 1 of 4", timeout=15)
        app.send("\x0e")
        app.wait_for("Write down a thought")
        mark = len(app.output)
        app.send(f"\x1b[200~{payload}\x1b[201~")  # bracketed paste, as a terminal sends it
        app.wait_for("MARK", "[bold] END", since=mark)
        app.send("\x0e")
        app.wait_for("I'm having the thought", since=mark)
        # The second write step, left empty: the closing read, about both versions, is passed
        # by with it; then check-out, finished as it is.
        app.send("\x0e")
        app.wait_for("Finish", since=mark)
        summary = len(app.output)
        app.send("\x0e")
        app.wait_for("What you wrote", "MARK", since=summary)
        app.settle(0.3)
        written = bytes(app.output[mark:])
        app.kill(signal.SIGTERM)
    obeyed = [b"\x1b]0;pwned", b"\x1b]52;c;cHduZWQ", b"\x1b[6n", b"\x1bP+q", b"pwned\x07"]
    for sequence in [*obeyed, b"cHduZWQ=\x07"]:  # (the app may ring its own bell)
        assert sequence not in written, f"{sequence!r} reached the terminal"


@pytest.mark.slow
def test_invalid_utf8_from_the_terminal_does_not_end_the_app(tmp_path: Path) -> None:
    argv = kindtone_argv("--data-dir", str(tmp_path), "session", "--exercise", "just-a-thought")
    with PtyApp(argv) as app:
        app.wait_for("step 1 of 4", timeout=15)
        app.send("\x0e")
        app.wait_for("Write down a thought")
        mark = len(app.output)
        app.send(b"caf\xe9 \xff\xfe ")  # Latin-1 bytes, as an old terminal or a paste sends
        app.send("still here")
        app.wait_for("still here", since=mark, timeout=5)
        assert os.waitpid(app.pid, os.WNOHANG) == (0, 0)


# --- the command line ----------------------------------------------------------------------------


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from tui.cli import main

    try:
        code = main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_output_never_carries_terminal_control_bytes(
    hostile_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(hostile_dir)]
    runs: list[list[str]] = [
        ["exercises", "list"],
        ["exercises", "list", "--json"],
        ["exercises", "show", "hostile-ex"],
        ["exercises", "show", "\x1b]0;pwned\x07[/]"],
        ["reflections", "list"],
        ["reflections", "list", "--search", "[bold]"],
        ["reflections", "show", "0000hhhh"],
        ["reflections", "export"],
        ["reflections", "export", "--format", "json"],
        ["backups", "list"],
        ["backups", "restore", "\x1b[2J"],
        ["check", *CORPUS],
    ]
    runs += [["reflections", "show", f"{n:04d}hhhh"] for n in range(len(CORPUS))]
    seen = ""
    for args in runs:
        code, out, err = run_main([*base, *args], capsys)
        assert code in (0, 1), (args, err)
        assert "Traceback" not in err
        for byte in OBEYED:
            assert byte not in out and byte not in err, f"{byte!r} in `{' '.join(args[:2])}`"
        seen += out
    for needle in ("[bold]", "[@click=app.quit]x[/]", "[/]", "\u6f22\u5b57"):
        assert needle in seen
