"""Past reflections: newest first, search as you type, filters, and each one in full."""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Select, Static

from tui.core.exercises import SITUATIONS
from tui.core.record import CATCH_KIND, CATCH_TITLE
from tui.core.reflection_index import Filter, ReflectionIndex, Row, read_day
from tui.core.session import show_rating
from tui.core.storage import StoreError
from tui.core.text import count
from tui.core.timestamps import spoken_date
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText
from tui.widgets.reflection_list import ReflectionList

if TYPE_CHECKING:
    from tui.app import KindtoneApp
    from tui.core.record import Reflection

DATE_AND_TIME = "%A {day} %B %Y, %H:%M"
FIRST_PAGE = 60  # shown at once; the rest of the history loads in the background


def describe_row(row: Row, titles: dict[str, str], width: int | None = None) -> str:
    """A list row: when, what, the inner voice before → after, and whether it was finished.

    Given a ``width``, a long list of exercises is shortened with "…" so the ratings and
    "unfinished" after it still show (cut at the edge, an unfinished session looked finished).
    """
    from rich.cells import cell_len, set_cell_size

    when = row.started.strftime("%Y-%m-%d %H:%M")
    what = describe_session(row, titles)
    tail = []
    if row.harsh_before is not None or row.harsh_after is not None:
        tail.append(f"inner voice {show_rating(row.harsh_before)} → {show_rating(row.harsh_after)}")
    if not row.completed:
        tail.append("unfinished")
    line = " · ".join([when, what, *tail])
    if width is None or cell_len(line) <= width:
        return line
    if not tail:  # cut at the edge mid-word ("…, J"), it read as a fault; end it with "…"
        return set_cell_size(line, width - 1).rstrip() + "…" if width > 1 else line
    room = width - cell_len(" · ".join([when, "", *tail]))
    if room < 2:
        return line
    what = set_cell_size(what, room - 1).rstrip() + "…"
    return " · ".join([when, what, *tail])


def describe_session(row: Row, titles: dict[str, str]) -> str:
    """Its exercises and situation (the detail screen gives the date and ratings their own
    lines)."""
    exercises = ", ".join(titles.get(e, e) for e in row.exercises) or "no exercises"
    if row.situation:
        return f"{exercises} · {SITUATIONS.get(row.situation, row.situation)}"
    return exercises


EMPTY = (
    "Nothing here yet. What you write in a session, or when you catch a thought, is kept "
    "here, only on this computer."
)


def matches(shown: int, total: int) -> str:
    if shown == 0:
        return f"Nothing matches, of {count(total, 'reflection')}."
    return f"{shown} of {total} {'matches' if shown == 1 else 'match'}."


class ReflectionsScreen(Screen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #search {
        margin-bottom: 1;
    }

    #filters {
        height: 1;
        margin-bottom: 1;
    }

    #filters Select {
        width: 1fr;
    }

    #filters Input {
        width: 18;
        margin-left: 1;
    }

    #reflections-empty {
        display: none;
        height: auto;
    }

    #reflections-empty Button {
        margin-right: 2;
    }

    .-empty #reflections-empty {
        display: block;
    }

    .-empty #search, .-empty #filters {
        display: none;
    }
    """
    app: KindtoneApp

    # The list has focus on arrival (not the first field, as Textual would choose), so these
    # letters work at once; typing goes to the search box after "/" (Enter or down comes back).
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("d", "delete", "Delete"),
        Binding("x", "export", "Export"),
        Binding("i", "insights", "Insights"),
        Binding("escape", "back", "Back"),
        Binding("down", "to_list", "To the list", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index = ReflectionIndex()
        self.complete = False
        self.last_filter_ms = 0.0
        self.date_problems: list[str] = []  # why a typed date was not used, shown in the status

    def compose(self) -> ComposeResult:
        with Vertical(id="reflections", classes="page"):
            yield LiteralText("Past reflections", classes="title")
            yield Input(placeholder="Search everything you wrote", id="search", compact=True)
            with Horizontal(id="filters"):
                yield Select[str]([], prompt="Any exercise", id="filter-exercise", compact=True)
                yield Select[str](
                    [(Content(label), key) for key, label in SITUATIONS.items()],
                    prompt="Any situation",
                    id="filter-situation",
                    compact=True,
                )
                yield Input(placeholder="from YYYY-MM-DD", id="filter-from", compact=True)
                yield Input(placeholder="to YYYY-MM-DD", id="filter-to", compact=True)
            yield LiteralText("Loading…", id="reflections-status", classes="muted")
            # Shown only while nothing is saved at all: something to do, with focus on it
            # (an empty list takes no focus, and Tab and Enter seemed to do nothing).
            with Horizontal(id="reflections-empty", classes="buttons"):
                yield Button(
                    Content("Start a session"), compact=True, id="empty-start", variant="primary"
                )
                yield Button(Content("Catch a thought"), compact=True, id="empty-catch")
                yield Button(Content("Back"), compact=True, id="empty-back")
            yield ReflectionList(self._describe, id="reflection-list")
        yield KeysFooter()

    def _describe(self, row: Row, width: int) -> str:
        return describe_row(row, self.titles, width)

    def on_mount(self) -> None:
        self.titles = {e.id: e.title for e in self.app.library.exercises.values()}
        self.titles.setdefault(CATCH_KIND, CATCH_TITLE)
        self.load()  # the list takes focus when its first rows arrive

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """The newest first, at once; then the whole history for search and filters."""
        store = self.app.store
        try:
            first = store.reflections(limit=FIRST_PAGE)
        except (OSError, StoreError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._loaded, ReflectionIndex(first), False)
        time.sleep(0.2)  # let the first rows draw before the long read competes for the GIL
        try:
            everything = store.reflections()
        except (OSError, StoreError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._loaded, ReflectionIndex(everything), True)
        for warning in store.warnings:
            self.app.call_from_thread(
                self.notify,
                warning,
                title="Some reflections couldn't be read",
                severity="warning",
                markup=False,
            )

    def _gone(self) -> bool:
        """Left (popped) while its history was still being read in the thread: what the
        thread brings back has nowhere to go."""
        return self not in self.app.screen_stack

    def _failed(self, message: str) -> None:
        if self._gone():
            return
        self.query_one("#reflections-status", LiteralText).set_text(
            f"Your reflections couldn't be read: {message}"
        )

    def _loaded(self, index: ReflectionIndex, complete: bool) -> None:
        if self._gone():
            return
        self.index, self.complete = index, complete
        exercises = self.query_one("#filter-exercise", Select)
        current = exercises.value
        exercises.set_options([(Content(self.titles.get(e, e)), e) for e in index.exercises()])
        if isinstance(current, str) and current in index.exercises():
            exercises.value = current
        self.apply_filter()

    def _day(self, selector: str) -> date | None:
        field = self.query_one(selector, Input)
        day, problem = read_day(field.value)
        field.set_class(problem is not None, "-invalid")
        if problem is not None:
            self.date_problems.append(problem)
        return day

    def criteria(self) -> Filter:
        exercise = self.query_one("#filter-exercise", Select).value
        situation = self.query_one("#filter-situation", Select).value
        self.date_problems = []
        return Filter(
            search=self.query_one("#search", Input).value,
            exercise=exercise if isinstance(exercise, str) else None,
            situation=situation if isinstance(situation, str) else None,
            start=self._day("#filter-from"),
            end=self._day("#filter-to"),
        )

    def apply_filter(self) -> None:
        started = time.perf_counter()
        reflection_list = self.query_one(ReflectionList)
        keep = reflection_list.current.id if reflection_list.current else None
        criteria = self.criteria()
        rows = self.index.filter(criteria)
        reflection_list.set_rows(rows, keep=keep, near=reflection_list.cursor)
        empty = not len(self.index) and self.complete
        if empty != self._empty:
            self.query_one("#reflections").set_class(empty, "-empty")
            self.refresh_bindings()
        if empty and (self.focused in (None, reflection_list) or not self.focused.display):
            self.query_one("#empty-start", Button).focus()
        elif self.focused is None and rows:
            reflection_list.focus()
        self.last_filter_ms = (time.perf_counter() - started) * 1000
        status = self.query_one("#reflections-status", LiteralText)
        total = len(self.index)
        if self.date_problems:
            status.set_text(
                f"{'; '.join(self.date_problems)}, so dates are not filtered. "
                f"{len(rows)} of {total} shown."
            )
        elif not total and self.complete:
            status.set_text(EMPTY)
        elif criteria == Filter(search=criteria.search) and not criteria.search.strip():
            more = "" if self.complete else " (loading the rest…)"
            status.set_text(f"{count(total, 'reflection')}, newest first{more}. Enter to read one.")
        else:
            status.set_text(matches(len(rows), total))

    @on(Button.Pressed, "#empty-start")
    def _start_first(self) -> None:
        self.app.pop_screen()
        self.app.action_start_session()

    @on(Button.Pressed, "#empty-catch")
    def _catch_first(self) -> None:
        self.app.pop_screen()
        self.app.action_catch()

    @on(Button.Pressed, "#empty-back")
    def _back_pressed(self) -> None:
        self.app.pop_screen()

    @on(Input.Changed)
    @on(Select.Changed)
    def _criteria_changed(self) -> None:
        self.apply_filter()

    @on(Input.Submitted)
    def _to_list(self) -> None:
        self.query_one(ReflectionList).focus()

    def action_to_list(self) -> None:
        self.query_one(ReflectionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With nothing saved there is nothing to search or delete: those keys leave the
        footer (the search box is hidden then, and "/" focused it unseen)."""
        return not (action in ("focus_search", "delete", "to_list") and self._empty)

    @property
    def _empty(self) -> bool:
        return self.is_mounted and self.query_one("#reflections").has_class("-empty")

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus and search.value:
            search.value = ""
            return
        self.app.pop_screen()

    @on(ReflectionList.Selected)
    def _open(self, event: ReflectionList.Selected) -> None:
        reflection = self.app.store.reflection(event.row.id)
        if reflection is not None:
            self.app.push_screen(ReflectionDetailScreen(reflection), self._after_detail)

    def _after_detail(self, deleted: str | None) -> None:
        if deleted:
            self.index.remove(deleted)
            self.apply_filter()

    def action_delete(self) -> None:
        row = self.query_one(ReflectionList).current
        if row is not None:
            confirm_delete(self, row.id, row.started, self._after_detail)

    def action_export(self) -> None:
        from tui.screens.export import ExportScreen

        ids = [row.id for row in self.index.filter(self.criteria())]
        if not ids:
            # An export of nothing wrote an empty file and said "Exported 0 reflections".
            why = "no reflection matches what you chose" if len(self.index) else "none saved yet"
            self.notify(f"Nothing to export: {why}.", markup=False)
            return
        self.app.push_screen(ExportScreen(ids, total=len(self.index)))

    def action_insights(self) -> None:
        self.app.action_insights()


def confirm_delete(screen: Screen[Any], reflection_id: str, started: datetime, then: Any) -> None:
    from tui.core.backups import AFTER_DELETE
    from tui.screens.confirm import ConfirmScreen

    app: KindtoneApp = screen.app  # type: ignore[assignment]

    def decided(yes: bool | None) -> None:
        if not yes:
            return
        try:
            app.store.delete(reflection_id)
        except (OSError, StoreError) as error:
            app.notify(f"It couldn't be deleted: {error}", severity="error", markup=False)
            return
        app.notify("Deleted.", markup=False)
        then(reflection_id)

    app.push_screen(
        ConfirmScreen(
            "Delete this reflection?",
            f"The reflection from {spoken_date(started, DATE_AND_TIME)} will be deleted. "
            + AFTER_DELETE,
            yes="Delete",
        ),
        decided,
    )


class ReflectionDetailScreen(Screen[str | None]):
    """Everything written in one session, literally. Dismisses with the id if deleted."""

    app: KindtoneApp

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("d", "delete", "Delete"),
    ]

    def __init__(self, reflection: Reflection) -> None:
        super().__init__()
        self.reflection = reflection

    def compose(self) -> ComposeResult:
        from tui.core.practice import original_of
        from tui.core.reflection_index import Row
        from tui.core.text import shown_part
        from tui.widgets.side_by_side import SideBySide, kinder_content

        reflection = self.reflection
        titles = {e.id: e.title for e in self.app.library.exercises.values()}
        titles.setdefault(CATCH_KIND, CATCH_TITLE)
        ratings = reflection.ratings
        with VerticalScroll(id="reflection-detail", classes="page"):
            yield LiteralText(reflection.when(DATE_AND_TIME), classes="title")
            row = Row.of(reflection)
            unfinished = "" if row.completed else " · unfinished"
            yield LiteralText(describe_session(row, titles) + unfinished, classes="muted")

            def change(key: str) -> str:
                before, after = ratings.pair(key)
                return f"{show_rating(before)} → {show_rating(after)}"

            if reflection.shows_ratings:
                yield LiteralText(
                    f"Inner voice {change('harsh')} · tension {change('tense')}", classes="muted"
                )
            if reflection.crisis:
                yield LiteralText(
                    "Support options were shown during this session.", classes="muted"
                )
            for asked in reflection.asked(titles):
                yield LiteralText(f"Asked: {asked}", classes="muted")
            # The stored steps beside the typed ones (the same filter), for what only a
            # rewrite keeps: the harsh words it answered.
            sources = self.app.library.sources()
            for step, raw in zip(reflection.steps, reflection.stored_steps(), strict=True):
                if not step.written:
                    continue
                timing = f"  ({round(step.seconds)} s)" if step.seconds is not None else ""
                yield LiteralText(f"{step.prompt}{timing}", classes="prompt")
                original = original_of(reflection.raw, raw, sources)
                if original is not None and isinstance(step.answer, str):
                    # The harsh original beside the version kept, with every try, as the
                    # summary showed it when the session ended.
                    yield SideBySide(
                        shown_part(original),
                        [shown_part(v) for v in step.versions],
                        shown_part(step.answer),
                    )
                    continue
                answer = step.answer
                if step.earlier_tries and isinstance(answer, str):
                    # Every try, dimmed and numbered, then the one kept: worded as the
                    # summary and `reflections show` word them.
                    yield Static(
                        kinder_content([shown_part(v) for v in step.versions], shown_part(answer)),
                        classes="quote",
                    )
                    continue
                yield LiteralText("(skipped)" if answer is None else str(answer), classes="quote")
        yield KeysFooter()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        confirm_delete(self, self.reflection.id, self.reflection.started, self.dismiss)
