"""Regenerate screenshots/*.svg: ``python scripts/screenshots.py``.

Each picture is taken from a real run of the app (``run_test`` at a fixed size) in a
temporary data dir with a few sample reflections, so nothing personal is shown.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app import KindtoneApp  # noqa: E402
from tui.core.catch import start_catch  # noqa: E402
from tui.core.exercises import load_library  # noqa: E402
from tui.core.phrases import PhraseStore  # noqa: E402
from tui.core.practice import harvest, session_record  # noqa: E402
from tui.core.session import Ratings, Session  # noqa: E402
from tui.core.storage import ReflectionStore  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (100, 30)
TODAY = date.today()

Steps = Callable[[Pilot[int]], Awaitable[None]]


def seed(data_dir: Path) -> None:
    """A few past sessions so the home screen and reflections have something to show."""
    library = load_library()
    store = ReflectionStore(data_dir)
    # The last few days, whenever this runs: a fixed date would turn the home screen into
    # "Welcome back" (more than a week since the last practice) on later runs.
    start = datetime.combine(TODAY - timedelta(days=5), time(8, 30), tzinfo=UTC)
    for day, (exercise_id, thought, kinder) in enumerate(
        [
            ("noticing-the-critic", "I always mess up presentations.", "It was one hard talk."),
            ("lets-try-that-again", "I'm so lazy.", "I was tired, and I can rest."),
            ("didnt-go-to-plan", "The interview went badly.", "I prepared well, and I'll learn."),
        ]
    ):
        moment = start + timedelta(days=day)
        ticks = iter([moment + timedelta(seconds=40 * n) for n in range(100)])
        session = Session(
            [library.exercises[exercise_id]],
            situation="critic",
            before=Ratings(7 - day, 6),
            clock=ticks.__next__,
        )
        for planned in session.steps:
            if planned.step.type == "rate":
                session.answer(4)
            elif planned.step.takes_text:
                session.answer(kinder if planned.step.type == "reframe" else thought)
            else:
                session.answer(None)
        session.after = Ratings(4 - day % 2, 3)
        session.finish()
        record = session_record(session, completed=True)
        store.save(record)
        harvest(record, PhraseStore(data_dir), source="session")
    # A few weeks of catches, so insights have weeks, patterns and kind words to show.
    phrases = PhraseStore(data_dir)
    phrases.add("One step at a time is still moving.", ["all-or-nothing"], source="added")
    catches = [
        ("I'm so stupid, I forgot again.", "I forgot, and I'm human."),
        ("Everyone else copes better than me.", "I'm doing this at my own pace."),
        ("I should have finished it by now.", "It's taking time, and that's okay."),
        ("I'm useless at this.", "I was tired, and I can rest."),
    ]
    for n in range(14):
        moment = datetime.combine(TODAY - timedelta(days=4 * n + 1), time(19, 10), tzinfo=UTC)
        critic, kinder = catches[n % len(catches)]
        caught = start_catch(critic, phrases, clock=lambda m=moment: m)
        redirect = caught.propose(kinder)
        if redirect is None:
            continue
        if n % 3 == 2:
            harsh = caught.propose("I'm hopeless.")
            if harsh is not None:
                caught.try_again(harsh)
        caught.keep(redirect)
        record = caught.to_record()
        store.save(record)
        harvest(record, phrases, source="catch")


async def until(pilot: Pilot[int], step_type: str) -> None:
    screen = pilot.app.screen
    for _ in range(40):
        current = screen.session.current  # type: ignore[attr-defined]
        if current is None or current.step.type == step_type:
            return
        await pilot.press("ctrl+n")
        await pilot.pause()


async def home(pilot: Pilot[int]) -> None:
    await pilot.pause(0.3)


async def checkin(pilot: Pilot[int]) -> None:
    await pilot.press("s")
    await pilot.press("down", "down", "enter", "7", "tab", "5")


async def write_step(pilot: Pilot[int]) -> None:
    await until(pilot, "write")
    pilot.app.screen.query_one(TextArea).load_text("I'm useless, I always forget things.")


async def breathe_step(pilot: Pilot[int]) -> None:
    await pilot.pause(2.2)


async def try_again(pilot: Pilot[int]) -> None:
    await until(pilot, "write")
    pilot.app.screen.query_one(TextArea).load_text("I'm such an idiot for forgetting.")
    await pilot.press("ctrl+n")
    await pilot.pause()
    await until(pilot, "reframe")
    pilot.app.screen.query_one(TextArea).load_text("I'm a total failure.")
    await pilot.press("ctrl+n")
    await pilot.pause(0.3)


async def summary(pilot: Pilot[int]) -> None:
    screen = pilot.app.screen
    for _ in range(40):
        current = screen.session.current  # type: ignore[attr-defined]
        if current is None:
            break
        if current.step.takes_text:
            screen.query_one(TextArea).load_text("I did what I could with the time I had.")
        await pilot.press("ctrl+n")
        await pilot.pause()
    await pilot.press("3", "tab", "2", "ctrl+n")
    await pilot.pause(0.3)


async def support(pilot: Pilot[int]) -> None:
    await pilot.press("f2")
    await pilot.pause(0.3)


async def reflections(pilot: Pilot[int]) -> None:
    await pilot.press("r")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.3)


async def insights(pilot: Pilot[int]) -> None:
    from tui.screens.insights import InsightsScreen

    pilot.app.push_screen(InsightsScreen(today=TODAY))
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.3)


async def catch(pilot: Pilot[int]) -> None:
    await pilot.press("c")
    await pilot.pause()
    await pilot.press(*"I'm so stupid, I always get this wrong", "enter")
    await pilot.pause()
    await pilot.press(*"I got one thing wrong, and I'm still learning")
    await pilot.pause(0.3)


async def kind_words(pilot: Pilot[int]) -> None:
    pilot.app.action_kind_words()  # type: ignore[attr-defined]
    await pilot.pause(0.3)


async def library(pilot: Pilot[int]) -> None:
    await pilot.press("e")
    await pilot.pause(0.3)


async def new_exercise(pilot: Pilot[int]) -> None:
    from textual.widgets import Input, Select

    await pilot.press("e")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#title", Input).value = "Evening wind-down"
    screen.query_one("#summary", Input).value = "A slow breath and one kind sentence."
    screen.query_one("#step-type", Select).value = "breathe"
    await pilot.click("#add-step")
    await pilot.pause(0.3)


async def settings(pilot: Pilot[int]) -> None:
    await pilot.press("comma")
    await pilot.pause(0.3)


async def help_screen(pilot: Pilot[int]) -> None:
    await pilot.press("f1")
    await pilot.pause(0.3)


async def light_theme(pilot: Pilot[int]) -> None:
    pilot.app.theme = "kindtone-calm-light"
    await pilot.pause(0.3)


async def high_contrast(pilot: Pilot[int]) -> None:
    pilot.app.theme = "kindtone-high-contrast"
    await pilot.pause(0.3)


async def passphrase(pilot: Pilot[int]) -> None:
    """A locked data folder (``kindtone lock``): the calm screen before home."""
    await pilot.press(*"my quiet words")
    await pilot.pause(0.3)


SHOTS: dict[str, tuple[dict[str, object], Steps]] = {
    "home": ({}, home),
    "checkin": ({}, checkin),
    "write-step": ({"start_exercise": "noticing-the-critic"}, write_step),
    "breathe-step": ({"start_exercise": "settling-breath"}, breathe_step),
    "try-again": ({"start_exercise": "lets-try-that-again"}, try_again),
    "summary": ({"start_exercise": "just-a-thought"}, summary),
    "support": ({}, support),
    "reflections": ({}, reflections),
    "insights": ({}, insights),
    "catch": ({}, catch),
    "kind-words": ({}, kind_words),
    "library": ({}, library),
    "new-exercise": ({}, new_exercise),
    "settings": ({}, settings),
    "help": ({}, help_screen),
    "home-light": ({}, light_theme),
    "home-high-contrast": ({}, high_contrast),
    "passphrase": ({"locked": True}, passphrase),
}


def plain_mode() -> None:
    """Plain mode is text, so its picture is the transcript of a short session."""
    import io

    from rich.console import Console
    from rich.text import Text

    from tui.core.settings import Settings
    from tui.plain import run_plain

    answers = "\n".join(
        [
            "",
            "",
            "I always mess things up",
            "",
            "I'm a total idiot for it",
            "y",
            "I had a hard week, and I'm learning",
            "",
            "3",
            "2",
        ]
    )
    with tempfile.TemporaryDirectory() as tmp:
        stdout = io.StringIO()
        run_plain(
            Path(tmp),
            Settings(),
            exercise_id="lets-try-that-again",
            stdin=io.StringIO(answers + "\n"),
            stdout=stdout,
        )
    shown = stdout.getvalue().splitlines()
    console = Console(record=True, width=80, file=io.StringIO())
    console.print(Text("\n".join(shown[-44:])))
    console.save_svg(str(OUT / "plain-mode.svg"), title="kindtone session --plain")
    print("screenshots/plain-mode.svg")


async def take(name: str, options: dict[str, object], steps: Steps) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        seed(data_dir)
        options = dict(options)
        if options.pop("locked", False):
            from tui.core import vault
            from tui.core.locking import lock_folder

            lock_folder(data_dir, "my quiet words")
            vault.forget()  # as on a fresh start: the app asks
        # Its own settings too: never the machine's, and a theme chosen for one picture
        # (which the app saves) must not colour the next run's.
        app = KindtoneApp(
            data_dir=data_dir,
            config_dir=data_dir / "config",
            **options,  # type: ignore[arg-type]
        )
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await steps(pilot)
            await pilot.pause()
            app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
            # The start-of-day backup (a timer at 0.5 s, then a thread) must be done before
            # the temporary data dir goes, or removing it races the copy.
            await pilot.pause(0.6)
            await app.workers.wait_for_complete()
    print(f"screenshots/{name}.svg")


async def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    for name, (options, steps) in SHOTS.items():
        if not names or name in names:
            await take(name, options, steps)
    if not names or "plain-mode" in names:
        plain_mode()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
