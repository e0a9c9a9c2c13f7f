"""Insights and the in-memory reflection index, on records shaped like real ones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tui.core.insights import compute_insights, heatmap
from tui.core.reflection_index import Filter, ReflectionIndex


def record(
    n: int, day: date, exercises: list[str], text: str, before: int | None, after: int | None
) -> dict[str, Any]:
    start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    return {
        "id": f"{n:032x}",
        "schema": 1,
        "started_at": start.isoformat(),
        "ended_at": (start + timedelta(minutes=5)).isoformat(),
        "completed": True,
        "situation": "critic" if n % 2 else "overwhelmed",
        "minutes_planned": 5,
        "exercises": exercises,
        "ratings": {"before": {"harsh": before, "tense": 5}, "after": {"harsh": after, "tense": 4}},
        "steps": [{"type": "write", "prompt": "What is the critic saying?", "answer": text}],
        "crisis": False,
    }


TODAY = date(2026, 11, 25)
RECORDS = [
    record(1, TODAY - timedelta(days=1), ["shifting-tone"], "I felt Clumsy today", 8, 4),
    record(2, TODAY - timedelta(days=1), ["settling-breath"], "breathing helped", 6, None),
    record(3, TODAY - timedelta(days=40), ["shifting-tone", "just-a-thought"], "work", 7, 5),
    record(4, TODAY - timedelta(days=800), ["just-a-thought"], "long ago", None, None),
]


def test_insights_count_practice() -> None:
    insights = compute_insights(RECORDS, TODAY)
    assert insights.sessions == 4
    assert insights.minutes == 20
    assert insights.per_day == {TODAY - timedelta(days=1): 2, TODAY - timedelta(days=40): 1}
    assert insights.harsh_change == ((4 - 8) + (5 - 7)) / 2
    assert insights.harsh_pairs == 2
    assert insights.tense_change == -1
    assert insights.top_exercises[:2] == [("shifting-tone", 2), ("just-a-thought", 2)]
    assert not insights.welcome_back(TODAY)
    assert insights.welcome_back(TODAY + timedelta(days=30))


def test_heatmap_shape_and_future_days() -> None:
    grid = heatmap({TODAY: 3, TODAY - timedelta(days=7): 1}, TODAY)
    assert len(grid) == 7 and all(len(row) == 53 for row in grid)
    weekday = TODAY.weekday()
    assert grid[weekday][-1] == 3
    assert grid[weekday][-2] == 1
    assert all(grid[d][-1] is None for d in range(weekday + 1, 7))


def test_index_search_and_filters() -> None:
    index = ReflectionIndex(RECORDS)
    assert [r.id for r in index.rows] == [r["id"] for r in RECORDS]  # newest first
    assert [r.id for r in index.filter(Filter(search="clumsy"))] == [RECORDS[0]["id"]]
    assert [r.id for r in index.filter(Filter(search="CRITIC IS"))] == []
    assert len(index.filter(Filter(search="critic"))) == 4  # prompts are searched too
    assert [r.id for r in index.filter(Filter(exercise="just-a-thought"))] == [
        RECORDS[2]["id"],
        RECORDS[3]["id"],
    ]
    assert len(index.filter(Filter(situation="critic"))) == 2
    assert len(index.filter(Filter(start=TODAY - timedelta(days=50), end=TODAY))) == 3
    index.remove(RECORDS[0]["id"])
    assert len(index) == 3
    assert index.exercises() == ["just-a-thought", "settling-breath", "shifting-tone"]


def test_index_skips_unreadable_records() -> None:
    index = ReflectionIndex([{"id": "x"}, {"started_at": "2026-01-01T00:00:00+00:00"}])
    assert len(index) == 0


def test_narrowing_search_reuses_the_last_result_and_widening_does_not() -> None:
    index = ReflectionIndex(RECORDS)
    assert len(index.filter(Filter(search="c"))) == 4  # every prompt mentions the critic
    assert [r.id for r in index.filter(Filter(search="cl"))] == [RECORDS[0]["id"]]
    assert len(index.filter(Filter(search="c"))) == 4  # back to a shorter needle: all again
    assert index.filter(Filter(search="e", exercise="settling-breath"))[0].id == RECORDS[1]["id"]


# --- weeks, catches, patterns and kind words (issue 15) ---------------------------------------


def rewrite_record(
    n: int, day: date, *, catch: bool, noticed: list[str], first_try: bool
) -> dict[str, Any]:
    base = record(n, day, [] if catch else ["shifting-tone"], "text", 7, 4)
    if catch:
        base["kind"] = "catch"
    base["steps"] = [
        {"type": "write", "id": "harsh", "answer": "I'm so stupid"},
        {
            "type": "reframe",
            "id": "kinder",
            "answer": "I was tired.",
            "original": "I'm so stupid",
            "noticed": noticed,
            "first_try": first_try,
            "versions": ["I was tired."],
            "tries": 1,
        },
    ]
    return base


def test_weeks_catches_first_tries_and_trends() -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    records = [
        rewrite_record(1, monday, catch=True, noticed=["labelling"], first_try=True),
        rewrite_record(2, monday, catch=False, noticed=["labelling"], first_try=False),
        rewrite_record(
            3, monday - timedelta(weeks=5), catch=True, noticed=["comparing"], first_try=True
        ),
        rewrite_record(
            4,
            monday - timedelta(weeks=6),
            catch=True,
            noticed=["comparing", "labelling"],
            first_try=True,
        ),
        rewrite_record(
            5, monday - timedelta(weeks=6), catch=False, noticed=["comparing"], first_try=True
        ),
    ]
    from tui.core.phrases import Phrase

    phrases = [
        Phrase("a", "I was tired.", ("labelling",), uses=4),
        Phrase("b", "Unused.", (), uses=0),
    ]
    insights = compute_insights(records, TODAY, phrases)
    data = insights.to_dict()
    assert (data["sessions"], data["catches"]) == (2, 3)
    assert data["weeks"][-1] == {
        "week": monday.isoformat(),
        "sessions": 1,
        "catches": 1,
        "rewrites": 2,
        "first_try": 1,
        "harsh_before": 7.0,
        "harsh_after": 4.0,
        "tense_before": 5.0,
        "tense_after": 4.0,
    }
    assert [w["week"] for w in data["weeks"]] == sorted(w["week"] for w in data["weeks"])
    assert len(data["weeks"]) == 3  # weeks without practice are not listed
    by_category = {p["category"]: p for p in data["patterns"]}
    assert (
        by_category["comparing"]["count"] == 3 and by_category["comparing"]["trend"] == "shrinking"
    )
    assert by_category["labelling"]["count"] == 3 and by_category["labelling"]["trend"] == "growing"
    assert data["top_phrases"] == [{"text": "I was tired.", "uses": 4}]


def test_a_first_month_has_no_trend_to_tell(tmp_path: Any) -> None:
    """Found trying the app: after one session every pattern read "more often lately",
    compared against weeks with no practice at all."""
    from tui.commands.insights import report

    monday = TODAY - timedelta(days=TODAY.weekday())
    first = [rewrite_record(1, monday, catch=True, noticed=["labelling"], first_try=True)]
    insights = compute_insights(first, TODAY)
    assert [p.to_dict()["trend"] for p in insights.patterns] == [None]
    assert not any("lately" in line for line in report(insights, TODAY))
    # Once there was practice in the four weeks before, even without that pattern, it's told.
    earlier = rewrite_record(2, monday - timedelta(weeks=5), catch=True, noticed=[], first_try=True)
    later = compute_insights([*first, earlier], TODAY)
    assert [p.to_dict()["trend"] for p in later.patterns] == ["growing"]
    assert any(line.endswith("(more often lately)") for line in report(later, TODAY))


def test_cached_summaries_follow_every_save(tmp_path: Any) -> None:
    from tui.core.insights import SummaryCache, load_insights
    from tui.core.storage import ReflectionStore

    store = ReflectionStore(tmp_path)
    store.save_many(RECORDS)
    first = load_insights(store, TODAY).to_dict()
    assert (tmp_path / ".insights-cache.json").exists()
    assert load_insights(store, TODAY).to_dict() == first  # from the cache
    store.save(rewrite_record(9, TODAY, catch=True, noticed=["labelling"], first_try=True))
    after = load_insights(store, TODAY, SummaryCache(tmp_path)).to_dict()
    assert after["catches"] == 1 and after["patterns"][0]["category"] == "labelling"
    store.delete(RECORDS[0]["id"])
    assert load_insights(store, TODAY).to_dict()["sessions"] == 3


def test_insights_command_json(tmp_path: Any, capsys: Any) -> None:
    import json

    from tui.cli import main
    from tui.core.storage import ReflectionStore

    ReflectionStore(tmp_path).save_many(RECORDS)
    assert main(["--data-dir", str(tmp_path), "insights", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"sessions", "catches", "minutes", "weeks", "patterns", "top_phrases"} <= set(data)
    assert data["sessions"] == 4 and data["minutes"] == 20
    assert main(["--data-dir", str(tmp_path / "empty"), "insights"]) == 0
    assert "No practice recorded yet" in capsys.readouterr().out


def test_spark_and_recent_weeks_end_this_week() -> None:
    from tui.core.insights import Week, recent_weeks, spark

    assert spark([0.0, 5.0, 10.0, None], 10.0) == "▁▅█ "
    weeks = recent_weeks([Week(date(2026, 11, 23), sessions=2)], TODAY, 3)
    assert [w.monday for w in weeks] == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    assert weeks[-1].sessions == 2


def test_the_screens_recent_weeks_only_view_counts_the_same() -> None:
    from tui.core.insights import combine, recent_weeks, summarise

    monday = TODAY - timedelta(days=TODAY.weekday())
    records = [
        rewrite_record(
            n,
            monday - timedelta(weeks=n * 3),
            catch=n % 2 == 0,
            noticed=["labelling"],
            first_try=n % 3 == 0,
        )
        for n in range(1, 40)
    ]
    summaries = [summarise(records[:20]), summarise(records[20:])]
    full = combine(summaries, TODAY)
    recent = combine(summaries, TODAY, weeks_from=TODAY - timedelta(weeks=26))
    assert len(recent.weeks) < len(full.weeks)
    everything, partial = full.to_dict(), recent.to_dict()
    for key in everything:
        if key != "weeks":
            assert partial[key] == everything[key], key
    assert [w.to_dict() for w in recent_weeks(full.weeks, TODAY, 26)] == [
        w.to_dict() for w in recent_weeks(recent.weeks, TODAY, 26)
    ]


def test_insights_count_only_finished_sessions_with_something_written() -> None:
    unfinished = record(5, TODAY, ["shifting-tone"], "half way", 9, None)
    unfinished["completed"] = False
    empty = record(6, TODAY, ["settling-breath"], "", 5, 5)
    insights = compute_insights([*RECORDS, unfinished, empty], TODAY)
    assert insights.sessions == 4 and insights.minutes == 20
    assert TODAY not in insights.per_day
    assert insights.harsh_pairs == 2  # the empty session's ratings are not a change measured
