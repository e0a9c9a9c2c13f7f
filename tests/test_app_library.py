"""The exercise library and the new-exercise form, driven as a person would."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers_pty import until
from textual.widgets import Input, OptionList, Select

from tui.app import KindtoneApp
from tui.core.exercises import load_library, parse_exercise
from tui.core.storage import ReflectionStore
from tui.screens.home import HomeScreen
from tui.screens.library import LibraryScreen
from tui.screens.new_exercise import NewExerciseScreen
from tui.screens.session import SessionScreen
from tui.widgets.literal_text import LiteralText
from tui.widgets.step_editor import StepEditor

BROKEN = 'id = "oops"\ntitle = "Oops"\n'


def option_ids(app: KindtoneApp) -> list[str]:
    option_list = app.screen.query_one("#exercise-list", OptionList)
    return [option_list.get_option_at_index(n).id or "" for n in range(option_list.option_count)]


async def test_library_groups_previews_and_lists_broken_files(tmp_path: Path) -> None:
    custom = tmp_path / "exercises"
    custom.mkdir()
    (custom / "oops.toml").write_text(BROKEN, encoding="utf-8")
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        ids = option_ids(app)
        assert "exercise:noticing-the-critic" in ids
        assert "exercise:settling-breath" in ids
        assert len(ids) == len(set(ids))  # each exercise once, not under every situation
        assert f"broken:{custom / 'oops.toml'}" in ids
        # The detail pane describes the highlighted exercise, literally.
        detail = app.screen.query_one("#detail-text", LiteralText)
        assert "About" in str(detail.render())
        # Preview walks it without saving anything.
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.preview
        while isinstance(app.screen, SessionScreen):
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.press("ctrl+n")  # check-out
        await pilot.pause()
        await pilot.press("enter")  # summary done
        await pilot.pause()
        assert ReflectionStore(tmp_path).count() == 0
        assert ReflectionStore(tmp_path).load_draft() is None


async def test_library_picks_up_a_new_file_without_restart(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        custom = tmp_path / "exercises"
        custom.mkdir()
        source = load_library().exercises["just-a-thought"].path.read_text(encoding="utf-8")
        (custom / "mine.toml").write_text(
            source.replace('id = "just-a-thought"', 'id = "my-own"'), encoding="utf-8"
        )
        os.utime(custom / "mine.toml")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        screen.refresh_list()  # the screen also does this on a timer
        await pilot.pause()
        assert any(i.endswith(":my-own") for i in option_ids(app))


async def test_new_exercise_form_saves_a_valid_file_that_runs(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 70)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewExerciseScreen)
        screen.query_one("#title", Input).value = "Morning [bold] kindness"
        screen.query_one("#summary", Input).value = "A kind word before the day starts."
        next(t for t in screen.query("#situations Tick") if t.name == "practice").value = True
        # Add a write step and a reframe step through the form's own controls.
        for step_type in ("reframe", "write"):
            screen.query_one("#step-type", Select).value = step_type
            # Adding a step scrolls the new editor into view, with an animation: a click
            # taken mid-scroll lands where the button was, not where it is.
            await pilot.wait_for_scheduled_animations()
            # A button ignores a press while it still shows the last one (0.2 s).
            add = screen.query_one("#add-step")
            await until(pilot, lambda a=add: not a.has_class("-active"), "the button to be ready")
            before = len(screen.query(StepEditor))
            assert await pilot.click("#add-step")
            await until(pilot, lambda n=before: len(screen.query(StepEditor)) > n, "the new step")
        editors = list(screen.query(StepEditor))
        assert [e.step_type for e in editors] == ["reframe", "write"]
        up = editors[1].query_one(".up")
        up.scroll_visible(animate=False)
        await pilot.pause()
        clicked = await pilot.click(up)  # move the write step first
        await pilot.pause()
        assert clicked
        write, reframe = list(screen.query(StepEditor))
        assert (write.step_type, reframe.step_type) == ("write", "reframe")
        fields = {w.name: w for w in write.query(Input)}
        fields["prompt"].value = "What is the critic saying?"
        fields["id"].value = "thought"
        # Saving with the reframe unfinished shows the problem and writes nothing.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "“Prompt”: please write something here." in str(
            screen.query_one("#problems", LiteralText).render()
        )
        assert not (tmp_path / "exercises").exists()
        fields = {w.name: w for w in reframe.query(Input)}
        fields["prompt"].value = "Say {thought} the way a friend would."
        fields["source"].value = "thought"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        # The new exercise is the one highlighted.
        assert app.screen._highlighted_id() == "exercise:morning-bold-kindness"
        path = tmp_path / "exercises" / "morning-bold-kindness.toml"
        exercise, problems = parse_exercise(path)
        assert problems == [] and exercise is not None
        assert exercise.title == "Morning [bold] kindness"
        assert (path.stat().st_mode & 0o777) == 0o600
        # ...and it runs as a session.
        app.start_single("morning-bold-kindness")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press(*"kinder")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"gentle")
        await pilot.press("ctrl+n")
        await pilot.pause()
        if app.screen.query("#try-again"):
            await pilot.press("tab", "enter")
            await pilot.pause()
        await pilot.press("ctrl+n")  # check-out
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, (LibraryScreen, HomeScreen))
    (record,) = ReflectionStore(tmp_path).list()
    assert record["exercises"] == ["morning-bold-kindness"]
    assert [s["answer"] for s in record["steps"]] == ["kinder", "gentle"]


async def test_at_80_columns_the_library_shows_the_summary(tmp_path: Path) -> None:
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        exercise = screen._exercise()
        assert exercise is not None
        summary = screen.query_one("#exercise-summary", LiteralText)
        assert summary.region.height >= 2
        assert exercise.summary[:30] in str(summary.render())
        assert "For: " in str(summary.render())


async def test_an_exercise_broken_in_the_editor_is_said_and_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    custom = tmp_path / "exercises"
    custom.mkdir()
    source = load_library().exercises["just-a-thought"].path.read_text(encoding="utf-8")
    mine = custom / "mine.toml"
    mine.write_text(source.replace('id = "just-a-thought"', 'id = "my-own"'), encoding="utf-8")
    editor = tmp_path / "break.sh"
    editor.write_text('#!/bin/sh\nprintf "title = [\\n" > "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    app = KindtoneApp(data_dir=tmp_path)
    said: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        screen.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
        screen.highlight_option("exercise:my-own")
        monkeypatch.setattr(type(app), "suspend", _no_suspend)
        screen.action_edit()
        await pilot.pause()
        assert screen._highlighted_id() == f"broken:{mine}"
        assert any(
            m.startswith("Your edit left this file unable to load: mine.toml, line 1: not valid")
            for m in said
        ), said


class _no_suspend:
    """Stands in for App.suspend: there is no terminal to hand over in a test."""

    def __init__(self, *args: object) -> None:
        pass

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


async def test_a_linked_exercises_folder_is_never_written_through_or_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    source = load_library().exercises["just-a-thought"].path.read_text(encoding="utf-8")
    (elsewhere / "planted.toml").write_text(
        source.replace('id = "just-a-thought"', 'id = "planted"'), encoding="utf-8"
    )
    data = tmp_path / "data"
    data.mkdir()
    (data / "exercises").symlink_to(elsewhere, target_is_directory=True)
    opened: list[object] = []
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.setattr("subprocess.run", lambda *a, **kw: opened.append(a))
    monkeypatch.setattr(type(KindtoneApp(data_dir=data)), "suspend", _no_suspend)
    app = KindtoneApp(data_dir=data)
    said: list[str] = []
    async with app.run_test(size=(100, 70)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        ids = option_ids(app)
        assert "exercise:planted" not in ids
        assert f"broken:{data / 'exercises'}" in ids
        screen.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
        screen.highlight_option(f"broken:{data / 'exercises'}")
        screen.action_edit()
        assert opened == [] and any("is a symbolic link" in m for m in said), said
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewExerciseScreen)
        form.query_one("#title", Input).value = "Mine"
        form.query_one("#summary", Input).value = "Mine."
        next(t for t in form.query("#situations Tick") if t.name == "practice").value = True
        form.query_one("#step-type", Select).value = "read"
        await pilot.click("#add-step")
        await pilot.pause()
        (editor,) = form.query(StepEditor)
        next(w for w in editor.query(Input) if w.name == "text").value = "Breathe."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved: the form stays, with the words
        shown = str(form.query_one("#problems", LiteralText).render())
        assert f"{data / 'exercises'} is a symbolic link" in shown
    assert sorted(p.name for p in elsewhere.iterdir()) == ["planted.toml"]
