"""Practice insights: practice days, and how the inner voice is changing week by week."""

from __future__ import annotations

import gc
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from tui.core.insights import (
    HEATMAP_WEEKS,
    TREND_WORDS,
    Insights,
    SummaryCache,
    heatmap,
    load_insights,
    recent_weeks,
    spark,
)
from tui.core.storage import StoreError
from tui.core.text import about_minutes
from tui.core.text import count as counted
from tui.widgets.footer import KeysFooter
from tui.widgets.literal_text import LiteralText

if TYPE_CHECKING:
    from tui.app import KindtoneApp

DAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
LABEL_WIDTH = 5  # "Mon  " before the heatmap's cells
CHART_LABEL = 20  # "inner voice before  " before a chart line
MAX_CHART_WEEKS = 26
INLINE_STALE_MONTHS = 3  # more month files to read than this: compute in a thread
# One cache per data folder for the app's lifetime: opening insights again reads only the
# months that changed.
_CACHES: dict[Path, SummaryCache] = {}


def heatmap_content(per_day: dict[date, int], today: date, weeks: int = HEATMAP_WEEKS) -> Content:
    """One cell a day, a column a week ending this week; deeper colour for more practice,
    never a gap marker. ``weeks`` fits the width: the newest weeks always show."""
    weeks = max(1, min(weeks, HEATMAP_WEEKS))
    grid = heatmap(per_day, today, weeks)
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    months = [" "] * weeks
    last_month = (first_monday - timedelta(weeks=1)).strftime("%b")
    free_from = 0  # labels never overlap
    for column in range(weeks):
        month = (first_monday + timedelta(weeks=column)).strftime("%b")
        if month != last_month and free_from <= column <= weeks - 3:
            months[column : column + 3] = list(month)
            free_from = column + 4
        last_month = month
    lines = [Content(" " * LABEL_WIDTH + "".join(months[:weeks]))]
    for weekday, row in enumerate(grid):
        # Cells of one look are joined into one run: a year of days drawn cell by cell was
        # hundreds of styled pieces, and drawing them was most of the screen's first paint.
        parts: list[tuple[str, str] | str] = [f"{DAY_LABELS[weekday]:<4} "]
        run_text, run_style = "", ""
        for count in row:
            text, style = (
                (" ", "")
                if count is None
                else ("·", "dim")
                if count == 0
                else ("■", "$accent 60%")
                if count == 1
                else ("■", "$accent")
            )
            if style != run_style and run_text:
                parts.append((run_text, run_style) if run_style else run_text)
                run_text = ""
            run_text += text
            run_style = style
        if run_text:
            parts.append((run_text, run_style) if run_style else run_text)
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)


def chart_content(insights: Insights, today: date, weeks: int) -> Content:
    """The last ``weeks`` weeks, oldest first, a column a week: practice, the kinder voice
    coming at the first try, and the ratings before and after. Blank is a week off."""
    recent = recent_weeks(insights.weeks, today, max(1, weeks))
    rows: list[tuple[str, str, str]] = [
        ("practice", spark([float(w.sessions + w.catches) or None for w in recent]), "$accent"),
        ("kind at first try", spark([w.first_try_share for w in recent], 1.0), "$success"),
    ]
    for key, label in (("harsh", "inner voice"), ("tense", "tension")):
        before = [w.average(f"{key}_before") for w in recent]
        after = [w.average(f"{key}_after") for w in recent]
        if any(value is not None for value in before + after):
            rows.append((f"{label} before", spark(before, 10.0), "$warning"))
            rows.append((f"{label} after", spark(after, 10.0), "$accent"))
    lines = [
        Content.assemble(f"{label:<{CHART_LABEL}}", (line, style)) for label, line, style in rows
    ]
    first = recent[0].monday.strftime("%d %b")
    lines.append(Content.styled(f"{'':<{CHART_LABEL}}from {first} to this week", "dim"))
    return Content("\n").join(lines)


def _change(label: str, change: float | None, pairs: int) -> str:
    if change is None:
        return f"{label}: not enough ratings yet (they're always optional)."
    sessions = f"({counted(pairs, 'session', grouped=True)} with both ratings)"
    shown = round(change, 1)
    if not shown:  # "0.0 points lower" would say a change nobody can see
        return f"{label}: about the same before and after {sessions}."
    direction = "lower" if shown < 0 else "higher"
    return f"{label}: on average {abs(shown):.1f} points {direction} after a session {sessions}."


def summary_lines(insights: Insights, titles: dict[str, str], today: date) -> list[str]:
    if insights.sessions + insights.catches == 0:
        return ["No practice recorded yet. Your first session will appear here."]
    lines = []
    if insights.welcome_back(today):
        lines.append("Welcome back. It's good to see you again.")
    catches = f" and {counted(insights.catches, 'catch', grouped=True)}" if insights.catches else ""
    lines.append(
        f"{counted(insights.sessions, 'session', grouped=True)}{catches}, "
        f"{about_minutes(insights.minutes)} of practice in all; "
        f"{counted(insights.days_practised, 'practice day')} in the last year."
    )
    lines.append(_change("Inner voice harshness", insights.harsh_change, insights.harsh_pairs))
    lines.append(_change("Tension", insights.tense_change, insights.tense_pairs))
    if insights.top_exercises:
        top = ", ".join(f"{titles.get(e, e)} ({n})" for e, n in insights.top_exercises)
        lines.append(f"Practised most: {top}.")
    return lines


def voice_lines(insights: Insights) -> list[str]:
    """The critic's patterns caught most, each growing or shrinking, and your kind words."""
    from tui.core.practice import gentle_name

    lines: list[str] = []
    if insights.patterns:
        lines.append("The critic's patterns you caught most:")
        for pattern in insights.patterns:
            trend = f", {TREND_WORDS[pattern.trend]}" if pattern.trend else ""
            lines.append(f"  {pattern.count:>4}  {gentle_name(pattern.category)}{trend}")
    if insights.top_phrases:
        if lines:
            lines.append("")
        lines.append("Your most-used kind words:")
        for text, uses in insights.top_phrases:
            lines.append(f"  {uses:>4}  {' '.join(text.split())}")
    return lines


class InsightsScreen(Screen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #heatmap, #chart {
        margin: 1 0;
        width: auto;
    }
    #chart-title, #voice, #heatmap-title { margin-top: 1; }
    #chart { margin: 0; }
    """
    app: KindtoneApp

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("k", "app.kind_words", "Your kind words"),
    ]

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.today = today
        self.insights: Insights | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="insights", classes="page"):
            yield LiteralText("Your practice", classes="title")
            yield LiteralText("What you practise grows stronger.", classes="muted")
            yield LiteralText("Loading…", id="insights-text")
            yield LiteralText("", id="chart-title", classes="prompt")
            yield Static(Content(""), id="chart")
            yield LiteralText("", id="voice")
            yield LiteralText("", id="heatmap-title", classes="prompt")
            yield Static(Content(""), id="heatmap")
        yield KeysFooter()

    def on_mount(self) -> None:
        """With the month summaries cached (the usual case: at most this month changed), the
        insights take a few tens of milliseconds at 20,000 reflections, so they are ready for
        the first paint; a thread would only share the interpreter with that paint and
        finish later. With many months to read (the first time), a thread keeps it smooth."""
        store = self.app.store
        cache = _CACHES.setdefault(store.data_dir, SummaryCache(store.data_dir))
        try:
            inline = cache.stale(store) <= INLINE_STALE_MONTHS
        except (OSError, StoreError):
            inline = False
        if inline:
            # The summaries are ~100,000 small objects at 20,000 reflections: without this
            # the collector walks the whole app's heap several times while they are made.
            collecting = gc.isenabled()
            gc.disable()
            try:
                self._compute(cache)
            finally:
                if collecting:
                    gc.enable()
        else:
            cache.forget_listing()
            self.load(cache)

    @work(thread=True, exclusive=True)
    def load(self, cache: SummaryCache) -> None:
        self._compute(cache, threaded=True)

    def _compute(self, cache: SummaryCache, *, threaded: bool = False) -> None:
        today = self.today or date.today()
        call = self.app.call_from_thread if threaded else (lambda f, *a: f(*a))
        try:
            # Only the weeks the chart can show are built (totals still count everything).
            weeks_from = today - timedelta(weeks=MAX_CHART_WEEKS)
            insights = load_insights(self.app.store, today, cache, weeks_from)
        except (OSError, StoreError) as error:
            call(
                self.query_one("#insights-text", LiteralText).set_text,
                f"Your reflections couldn't be read: {error}",
            )
            return
        call(self.show, insights, today)

    def _width(self) -> int:
        """Cells free for a chart: the page's width inside its padding and its scrollbar, which
        appears once the charts are drawn, so it is always left room for."""
        page = self.query_one("#insights", VerticalScroll)
        width = page.content_region.width - page.styles.scrollbar_size_vertical
        return width if width > 0 else self.app.size.width - 6

    def show(self, insights: Insights, today: date) -> None:
        self.insights = insights
        titles = {e.id: e.title for e in self.app.library.exercises.values()}
        self.query_one("#insights-text", LiteralText).set_text(
            "\n\n".join(summary_lines(insights, titles, today))
        )
        if insights.sessions + insights.catches:
            self.query_one("#chart-title", LiteralText).set_text("Week by week")
            self.query_one("#heatmap-title", LiteralText).set_text("Practice days this year")
            self.query_one("#voice", LiteralText).set_text("\n".join(voice_lines(insights)))
        self.draw_charts()

    def draw_charts(self) -> None:
        if self.insights is None:
            return
        today = self.today or date.today()
        width = self._width()
        self.query_one("#heatmap", Static).update(
            heatmap_content(self.insights.per_day, today, width - LABEL_WIDTH)
        )
        if self.insights.sessions + self.insights.catches:
            weeks = min(MAX_CHART_WEEKS, width - CHART_LABEL)
            self.query_one("#chart", Static).update(chart_content(self.insights, today, weeks))

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.draw_charts)
