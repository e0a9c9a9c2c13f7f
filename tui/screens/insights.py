"""Practice insights: a year of practice days, totals, and how the ratings moved."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.insights import HEATMAP_WEEKS, Insights, compute_insights, heatmap
from tui.core.storage import StoreError
from tui.widgets.plain import Plain

if TYPE_CHECKING:
    from tui.app import KindtoneApp

DAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def heatmap_content(per_day: dict[date, int], today: date) -> Content:
    """One cell a day, a column a week; deeper colour for more practice, never a gap marker."""
    grid = heatmap(per_day, today)
    first_monday = today - timedelta(days=today.weekday(), weeks=HEATMAP_WEEKS - 1)
    months = [" "] * HEATMAP_WEEKS
    last_month = (first_monday - timedelta(weeks=1)).strftime("%b")
    free_from = 0  # labels never overlap
    for column in range(HEATMAP_WEEKS):
        month = (first_monday + timedelta(weeks=column)).strftime("%b")
        if month != last_month and free_from <= column <= HEATMAP_WEEKS - 3:
            months[column : column + 3] = list(month)
            free_from = column + 4
        last_month = month
    lines = [Content("     " + "".join(months[:HEATMAP_WEEKS]))]
    for weekday, row in enumerate(grid):
        parts: list[tuple[str, str] | str] = [f"{DAY_LABELS[weekday]:<4} "]
        for count in row:
            if count is None:
                parts.append(" ")
            elif count == 0:
                parts.append(("·", "dim"))
            elif count == 1:
                parts.append(("■", "$accent 60%"))
            else:
                parts.append(("■", "$accent"))
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)


def _change(label: str, change: float | None, pairs: int) -> str:
    if change is None:
        return f"{label}: not enough ratings yet (they're always optional)."
    direction = "gentler" if change < 0 else "about the same" if change == 0 else "a little higher"
    return (
        f"{label}: on average {abs(change):.1f} points {direction} after a session "
        f"({pairs} session{'s' if pairs != 1 else ''} with both ratings)."
        if change
        else f"{label}: about the same before and after ({pairs} sessions with both ratings)."
    )


def summary_lines(insights: Insights, titles: dict[str, str], today: date) -> list[str]:
    if insights.sessions == 0:
        return ["No practice recorded yet. Your first session will appear here."]
    lines = []
    if insights.welcome_back(today):
        lines.append("Welcome back. It's good to see you again.")
    lines.append(
        f"{insights.sessions} session{'s' if insights.sessions != 1 else ''}, "
        f"about {round(insights.minutes)} minutes of practice in all; "
        f"{insights.days_practised} practice day{'s' if insights.days_practised != 1 else ''} "
        "in the last year."
    )
    lines.append(_change("Inner voice harshness", insights.harsh_change, insights.harsh_pairs))
    lines.append(_change("Tension", insights.tense_change, insights.tense_pairs))
    if insights.top_exercises:
        top = ", ".join(f"{titles.get(e, e)} ({n})" for e, n in insights.top_exercises)
        lines.append(f"Practised most: {top}.")
    return lines


class InsightsScreen(Screen[None]):
    # Loaded with the screen, not at start-up: the home screen draws sooner.
    CSS = """
    #heatmap {
        margin: 1 0;
        width: auto;
    }
    """
    app: KindtoneApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="insights", classes="page"):
            yield Plain("Your practice", classes="title")
            yield Plain("What you practise grows stronger.", classes="muted")
            yield Static(Content(""), id="heatmap")
            yield Plain("Loading…", id="insights-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        today = self.today or date.today()
        try:
            insights = compute_insights(self.app.store.reflections(), today)
        except (OSError, StoreError) as error:
            self.app.call_from_thread(
                self.query_one("#insights-text", Plain).set_text,
                f"Your reflections couldn't be read: {error}",
            )
            return
        self.app.call_from_thread(self.show, insights, today)

    def show(self, insights: Insights, today: date) -> None:
        titles = {e.id: e.title for e in self.app.library.exercises.values()}
        self.query_one("#heatmap", Static).update(heatmap_content(insights.per_day, today))
        self.query_one("#insights-text", Plain).set_text(
            "\n\n".join(summary_lines(insights, titles, today))
        )
