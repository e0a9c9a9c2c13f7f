"""The app's side of issue 15: catching a thought, your kind words, and offering them back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers_keys import type_text
from helpers_pty import session_opened
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static

from tui.app import KindtoneApp
from tui.core.catch import NOTHING_NOTICED
from tui.core.phrases import PhraseStore
from tui.core.storage import ReflectionStore
from tui.screens.catch import CatchScreen
from tui.screens.kind_words import KindWordsScreen
from tui.screens.summary import SummaryScreen
from tui.screens.support import SupportScreen
from tui.widgets.literal_text import LiteralText
from tui.widgets.side_by_side import SideBySide
from tui.widgets.try_again import TryAgainPanel

KIND = "I made a mistake, and I'm still learning."


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_line(pilot: Pilot[Any], text: str) -> None:
    await type_text(pilot, text, "enter")
    await pilot.pause()


def offered_text(screen: Screen[Any]) -> str:
    """The kind words a catch offers, a line each: "1  I was tired." (number, then words)."""
    rows = screen.query("#catch-offered .offer-row")
    return "\n".join(
        f"{str(row.query_one('.offer-number').render()).strip()}  "
        f"{row.query_one('.offer-phrase').render()}"
        for row in rows
    )


async def test_c_on_home_catches_and_a_number_picks_one_of_yours(tmp_path: Path) -> None:
    PhraseStore(tmp_path).add(KIND, ["labelling"])
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CatchScreen)
        await type_line(pilot, "I'm such an idiot")
        offered = offered_text(app.screen)
        assert f"1  {KIND}" in offered
        noticed = "\n".join(str(w.render()) for w in app.screen.query("#catch-noticed Static"))
        assert "a harsh label for a whole person" in noticed
        await type_line(pilot, "1")  # two more keys: "1" and Enter
        result = str(app.screen.query_one("#catch-result", LiteralText).render())
        assert "saved it to your reflections" in result
    [record] = ReflectionStore(tmp_path).list()
    assert record["kind"] == "catch" and record["steps"][1]["answer"] == KIND
    assert PhraseStore(tmp_path).list()[0].uses == 1


async def test_a_catch_where_nothing_is_noticed_still_offers_the_kinder_words(
    tmp_path: Path,
) -> None:
    """Found walking the app: a harsh verdict the analysis missed was answered "That already
    sounds kind" and the catch ended with no box. Now it says it noticed nothing, and the box
    for kinder words opens as for any catch."""
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        app.action_catch()
        await pilot.pause()
        await type_line(pilot, "The meeting moved to Thursday.")
        hint = str(app.screen.query_one("#catch-hint", LiteralText).render())
        assert hint == NOTHING_NOTICED
        assert app.screen.query_one("#catch-kind-box").display
        assert app.focused is app.screen.query_one("#catch-kind", Input)
        await type_line(pilot, "It was a long day and I did what I could.")
        await settle(pilot)
    [record] = ReflectionStore(tmp_path).list()
    assert record["steps"][1]["answer"] == "It was a long day and I did what I could."


async def test_a_harsh_redirect_gets_lets_try_again_and_crisis_goes_to_support(
    tmp_path: Path,
) -> None:
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        app.action_catch()
        await pilot.pause()
        await type_line(pilot, "I'm so stupid")
        # None of your kind words yet: no number to type (found walking the app).
        assert app.screen.query_one("#catch-kind", Input).placeholder == "Your kinder words"
        await type_line(pilot, "I'm a loser")
        assert app.screen.query(TryAgainPanel)
        await pilot.click("#try-again-button")
        await pilot.pause()
        assert not app.screen.query(TryAgainPanel)
        box = app.screen.query_one("#catch-kind", Input)
        box.value = ""
        await pilot.click("#catch-kind")
        await type_line(pilot, "I was tired, and that's human.")
        await settle(pilot)
    [record] = ReflectionStore(tmp_path).list()
    assert record["steps"][1]["versions"] == ["I'm a loser", "I was tired, and that's human."]
    assert [p.text for p in PhraseStore(tmp_path).list()] == ["I was tired, and that's human."]

    crisis_dir = tmp_path / "crisis"
    PhraseStore(crisis_dir).add(KIND, ["labelling"])
    app = KindtoneApp(data_dir=crisis_dir)
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        app.action_catch()
        await pilot.pause()
        await type_line(pilot, "I'm useless and I want to end my life")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        catch_screen = next(s for s in app.screen_stack if isinstance(s, CatchScreen))
        assert not catch_screen.query_one("#catch-kind-box").display
        assert KIND not in offered_text(catch_screen)
    [record] = ReflectionStore(crisis_dir).list()
    assert record["crisis"] is True


BURDEN = "Everyone would be better off without me, I'm just a burden."


async def test_a_catch_asks_directly_about_words_that_might_mean_risk(tmp_path: Path) -> None:
    """Found trying the app: the catch screen met "better off without me, I'm just a burden"
    (concern "ask") with a redirect and never asked. It asks as a session does; "No, I'm safe"
    goes on to the redirect, "Yes, or I'm not sure" opens support and keeps the words. And
    the empty quote under the box drew a stray bar before anything was caught."""
    from tui.screens.ask import AskScreen

    app = KindtoneApp(data_dir=tmp_path / "no")
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        app.action_catch()
        await pilot.pause()
        assert not app.screen.query_one("#catch-noticed").display
        await type_line(pilot, BURDEN)
        assert isinstance(app.screen, AskScreen)
        # The three choices start in one column ("No, I'm safe" sat a column in, centred
        # in a button wider than its words).
        columns = {
            # a button's words are centred in it
            button.region.x + (button.region.width - len(str(button.label))) // 2
            for button in app.screen.query("#ask-choices Button").results(Button)
        }
        assert len(columns) == 1, columns
        await pilot.click("#ask-no")
        await pilot.pause()
        assert isinstance(app.screen, CatchScreen)
        assert app.screen.query_one("#catch-noticed").display
        assert app.screen.query_one("#catch-kind-box").display
        await type_line(pilot, "I carry a lot, and I'm doing my best.")
        await settle(pilot)
    [record] = ReflectionStore(tmp_path / "no").list()
    assert record["safety_checks"] == [{"exercise": "catch", "step": 0, "answer": "no"}]
    assert record["steps"][1]["answer"] == "I carry a lot, and I'm doing my best."

    app = KindtoneApp(data_dir=tmp_path / "yes")
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        app.action_catch()
        await pilot.pause()
        await type_line(pilot, BURDEN)
        assert isinstance(app.screen, AskScreen)
        await pilot.press("enter")  # focus starts on "Yes, or I'm not sure": the safe side
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        catch_screen = next(s for s in app.screen_stack if isinstance(s, CatchScreen))
        assert not catch_screen.query_one("#catch-kind-box").display
    [record] = ReflectionStore(tmp_path / "yes").list()
    assert record["crisis"] is True and len(record["steps"]) == 1
    assert record["safety_checks"][0]["answer"] == "yes"


async def test_what_a_catch_noticed_wraps_under_its_own_words(tmp_path: Path) -> None:
    """Found at 60 columns: a long noticed line wrapped back under the quote bar ("of
    pressure" at the margin). Each line now wraps under its own first word."""
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        app.action_catch()
        await pilot.pause()
        await type_line(pilot, "I should have known better, I always ruin everything I touch.")
        lines = app.screen.query(".noticed-line").results(Static)
        should = next(line for line in lines if "should" in str(line.render()))
        assert should.size.height == 2  # it wraps at this width
        [quote] = app.screen.query("#catch-noticed > Static:first-child").results(Static)
        assert should.content_region.x == quote.content_region.x + 2


async def test_kind_words_screen_star_remove_and_refuse_harsh_words(tmp_path: Path) -> None:
    store = PhraseStore(tmp_path)
    store.add(KIND, ["labelling"])
    store.add("One step [bold] at a time.", [])
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        app.action_kind_words()
        await pilot.pause()
        assert isinstance(app.screen, KindWordsScreen)
        options = app.screen.query_one("#kind-words-list", OptionList)
        assert options.option_count == 2
        assert "One step [bold] at a time." in _drawn(options)[0]  # literally
        await pilot.press("s")
        await pilot.pause()
        assert [p.starred for p in PhraseStore(tmp_path).list()] == [True, False]
        await pilot.press("a")
        await type_line(pilot, "I'm such a failure")
        assert len(PhraseStore(tmp_path).list()) == 2  # refused, saying why
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert [p.text for p in PhraseStore(tmp_path).list()] == ["One step [bold] at a time."]


def _drawn(widget: Widget) -> list[str]:
    return [
        "".join(segment.text for segment in widget.render_line(y)).rstrip()
        for y in range(widget.size.height)
    ]


async def test_a_long_kind_phrase_wraps_under_its_words_not_under_the_star(
    tmp_path: Path,
) -> None:
    """Found at 60 columns (tmux): a long kind phrase's second line ran back under the star's
    column, and so did the line saying how it helped."""
    long = (
        "When I get something wrong at work, I can remember that everyone learns by doing, "
        "and that I have handled harder days than this one."
    )
    PhraseStore(tmp_path).add(long, ["labelling", "overgeneralising"])
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        app.action_kind_words()
        await pilot.pause()
        await pilot.press("s")  # starred: "★ " in front of the first line
        await pilot.pause()
        lines = [line for line in _drawn(app.screen.query_one("#kind-words-list")) if line]
        first = next(n for n, line in enumerate(lines) if "When I get" in line)
        column = lines[first].index("When I get")
        assert "★" in lines[first][:column]
        following = lines[first + 1 : first + 5]
        assert len(following) == 4 and any("used" in line for line in following), lines
        for line in following:
            assert line[:column].strip("▊ ") == "" and line[column] != " ", (line, column)


async def _run_lets_try_again(app: KindtoneApp, pilot: Pilot[Any], harsh: str) -> None:
    """Through lets-try-that-again up to its reframe step, with ``harsh`` as the thought."""
    from textual.widgets import TextArea

    await settle(pilot)
    screen = await session_opened(pilot)
    for _ in range(10):
        current = screen.flow.current  # type: ignore[attr-defined]
        if current is None or current.step.type == "reframe":
            break
        if current.step.type == "write":
            screen.query_one(TextArea).load_text(harsh)
        await pilot.press("ctrl+n")
        await settle(pilot)


async def test_a_phrase_kept_in_one_session_is_offered_in_the_next_and_in_a_catch(
    tmp_path: Path,
) -> None:
    from textual.widgets import TextArea

    from tui.widgets.kind_words_offer import WordsThatHelped

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(100, 40)) as pilot:
        await _run_lets_try_again(app, pilot, "I'm such an idiot")
        assert not app.screen.query(WordsThatHelped)  # nothing kept yet
        app.screen.query_one(TextArea).load_text(KIND)
        for _ in range(6):
            await pilot.press("ctrl+n")
            await settle(pilot)
    [phrase] = PhraseStore(tmp_path).list()
    assert phrase.text == KIND and phrase.patterns == ("labelling",)

    app = KindtoneApp(data_dir=tmp_path, start_exercise="lets-try-that-again")
    async with app.run_test(size=(100, 40)) as pilot:
        await _run_lets_try_again(app, pilot, "I'm so stupid")
        offer = app.screen.query_one(WordsThatHelped)
        assert KIND in str(offer.query(".offer-phrase").first().render())
        original = app.screen.query_one("#reframe-original").render()
        assert str(original) == "I'm so stupid"  # literal, with the noticed words marked:
        assert any("reverse" in str(span.style) for span in original.spans)  # type: ignore[attr-defined]
        # a harsh rewrite: "let's try that again" offers them too
        app.screen.query_one(TextArea).load_text("I'm a loser")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.screen.query(TryAgainPanel) and app.screen.query(WordsThatHelped)
        await pilot.click("#try-again-button")
        await settle(pilot)
        await pilot.press("ctrl+o")  # one key puts it in the box
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == KIND
        for _ in range(6):
            if isinstance(app.screen, SummaryScreen):
                break
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        # the summary puts the harsh original beside every try and the version kept
        beside = app.screen.query_one(SideBySide)
        assert str(beside.query_one(".side-critic").render()) == "I'm so stupid"
        kinder_side = str(beside.query_one(".side-kinder").render())
        assert "try 1: I'm a loser" in kinder_side and f"try 2, kept: {KIND}" in kinder_side
    newest = ReflectionStore(tmp_path).list()[0]
    kinder = next(s for s in newest["steps"] if s["type"] == "reframe")
    assert kinder["answer"] == KIND and kinder["versions"] == ["I'm a loser", KIND]
    assert kinder["original"] == "I'm so stupid" and kinder["first_try"] is False
    assert PhraseStore(tmp_path).list()[0].uses == 2

    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        await type_line(pilot, "I'm a complete idiot")
        offered = offered_text(app.screen)
        assert f"1  {KIND}" in offered


async def test_an_offered_phrase_that_wraps_stays_clear_of_its_number(tmp_path: Path) -> None:
    """Found catching a thought at 80 columns: a long kind phrase wrapped back under its
    number ("  1  I forgot, and I care. …" then "weekend." at the left edge)."""
    long_words = "I forgot, and I care. I can say sorry and make it up to her this weekend."
    PhraseStore(tmp_path).add(long_words, ["labelling"])
    app = KindtoneApp(data_dir=tmp_path)
    async with app.run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        await type_line(pilot, "I'm such an idiot")
        await pilot.pause()
        lines = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
        first = next(n for n, line in enumerate(lines) if "1  I forgot, and I care." in line)
        number_at = lines[first].index("1  I forgot")
        follow = lines[first + 1]
        text_at = len(follow) - len(follow.lstrip())
        assert follow.strip() and text_at == number_at + 3, (lines[first], follow)
