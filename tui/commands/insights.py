"""``kindtone insights``: how your practice and your inner voice are changing, week by week.

No streaks and no guilt: weeks without practice aren't listed, and nothing counts what was
missed. No Textual or Rich.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.commands import report_error, show, tolerant_stdout
from tui.core.text import about_minutes, count, visible_controls
from tui.paths import resolve_data_dir

if TYPE_CHECKING:
    from tui.core.insights import Insights

CHART_WEEKS = 12


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "insights",
        help="how your practice and your inner voice are changing, week by week",
        description=(
            "Sessions and catches per week, how often a kinder rewrite came at the first try, "
            "the critic's patterns you caught most, your most-used kind words, and your "
            "ratings before and after. Counts practice only; there are no streaks."
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object: sessions, catches, minutes, weeks, patterns, top_phrases",
    )


def run(args: argparse.Namespace) -> int:
    from tui.core.insights import load_insights
    from tui.core.storage import ReflectionStore, StoreError

    tolerant_stdout()
    store = ReflectionStore(resolve_data_dir(args.data_dir))
    today = date.today()
    try:
        insights = load_insights(store, today)
    except (OSError, StoreError) as error:
        report_error("insights", f"your reflections couldn't be read: {error}")
        return 1
    if args.json:
        import orjson  # several times faster than json for years of weeks

        sys.stdout.write(orjson.dumps(insights.to_dict()).decode("utf-8") + "\n")
    else:
        for line in report(insights, today):
            show(line)
    for warning in store.warnings:
        report_error("insights", f"note: {visible_controls(warning)}")
    return 0


def report(insights: Insights, today: date) -> list[str]:
    """The readable report: short lines, charts of the last twelve weeks in plain text."""
    from tui.core.insights import TREND_WORDS, recent_weeks, spark
    from tui.core.practice import gentle_name

    if insights.sessions + insights.catches == 0:
        return ["No practice recorded yet. Your first session or catch will appear here."]
    lines: list[str] = []
    if insights.welcome_back(today):
        lines.append("Welcome back. It's good to see you again.")
    lines.append(
        f"{_count(insights.sessions, 'session')} and {_count(insights.catches, 'catch')}, "
        f"{about_minutes(insights.minutes)} of practice in all."
    )
    weeks = recent_weeks(insights.weeks, today, CHART_WEEKS)
    lines += ["", f"The last {CHART_WEEKS} weeks, oldest first (a blank is a week off):"]
    practice = [float(w.sessions + w.catches) or None for w in weeks]
    lines.append(f"  practice          {spark(practice)}")
    lines.append(f"  kind first time   {spark([w.first_try_share for w in weeks], 1.0)}")
    for key, label in (("harsh", "inner voice"), ("tense", "tension")):
        before = [w.average(f"{key}_before") for w in weeks]
        after = [w.average(f"{key}_after") for w in weeks]
        if any(v is not None for v in before + after):
            lines.append(f"  {label + ' before':<17} {spark(before, 10.0)}")
            lines.append(f"  {label + ' after':<17} {spark(after, 10.0)}")
    rewrites = sum(w.rewrites for w in weeks)
    if rewrites:
        first = sum(w.first_try for w in weeks)
        lines.append(
            f"  {first} of {rewrites} kinder rewrites in these weeks came at the first try."
        )
    if insights.patterns:
        lines += ["", "The critic's patterns you caught most:"]
        for pattern in insights.patterns:
            trend = f" ({TREND_WORDS[pattern.trend]})" if pattern.trend else ""
            lines.append(f"  {pattern.count:>5}  {gentle_name(pattern.category)}{trend}")
    if insights.top_phrases:
        lines += ["", "Your most-used kind words:"]
        for text, uses in insights.top_phrases:
            lines.append(f"  {uses:>5}  {visible_controls(text)}")
    return lines


def _count(number: int, noun: str) -> str:
    return count(number, noun)
