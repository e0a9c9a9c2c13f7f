"""Export and import of reflections, without the CLI around them.

Markdown is checked by rendering it with a real CommonMark renderer (markdown-it, which
Textual already depends on): what someone wrote must come out as the same words, never as a
link, an image, HTML or a heading. JSON must survive a round trip unchanged, and a bad import
file must be refused with a message that names the problem.
"""

from __future__ import annotations

import copy
import html
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.core import reflections_io as io

HOSTILE = [
    "[click me](javascript:alert(1))",
    "<script>alert('x')</script>",
    "# not a heading",
    "![img](http://example.com/pixel.png)",
    "<http://example.com/autolink>",
    "**bold** _em_ `code` ~~gone~~",
    "1. not a list\n- nor this\n+ nor this",
    "> not a quote",
    "---",
    "| a | b |\n|---|---|\n| c | d |",
    "&lt;b&gt; and &amp;",
    "[ref]: http://example.com\n[ref]",
    "    four spaces is not code",
    "line one\nline two\n\nnew paragraph",
    "a backslash \\ at the end \\",
    "Title\n===",
    "<img src=x onerror=alert(1)>",
]


def renderer() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def text_of(rendered: str) -> str:
    """What a reader sees: tags removed, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def record(n: int = 0, **changes: Any) -> dict[str, Any]:
    started = datetime(2026, 3, 1, 21, 30, tzinfo=timezone(timedelta(hours=1))) + timedelta(days=n)
    base: dict[str, Any] = {
        "id": f"{n:08x}" + "ab" * 12,
        "schema": 1,
        "started_at": started.isoformat(),
        "ended_at": (started + timedelta(minutes=5, seconds=7)).isoformat(),
        "completed": True,
        "situation": "critic",
        "minutes_planned": 5,
        "exercises": ["lets-try-that-again"],
        "ratings": {"before": {"harsh": 7, "tense": 5}, "after": {"harsh": 4, "tense": None}},
        "steps": [
            {
                "exercise": "lets-try-that-again",
                "index": 2,
                "type": "write",
                "id": "harsh",
                "prompt": "Write down a harsh thought.",
                "answer": "I'm useless at this.",
                "versions": ["I'm useless at this."],
                "tries": 1,
                "skipped": False,
                "seconds": 31.5,
            },
            {
                "exercise": "lets-try-that-again",
                "index": 4,
                "type": "reframe",
                "id": "kinder",
                "prompt": "Rewrite it kindly.",
                "answer": "I'm still learning.",
                "versions": ["You idiot.", "I'm still learning."],
                "tries": 2,
                "skipped": False,
                "seconds": 64.0,
            },
        ],
        "crisis": False,
    }
    base.update(changes)
    return base


def markdown(records: list[dict[str, Any]]) -> str:
    return io.export_markdown(
        records,
        titles={"lets-try-that-again": "Let's try that again"},
        situations={"critic": "The inner critic is loud"},
        exported_on=datetime(2026, 11, 25, tzinfo=UTC),
    )


# --- Markdown -------------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE)
def test_escaped_text_renders_as_typed_and_nothing_else(hostile: str) -> None:
    rendered = renderer().render(io.escape_markdown(hostile))
    for tag in ("<a", "<img", "<script", "<h1", "<h2", "<ul", "<ol", "<blockquote", "<hr"):
        assert tag not in rendered, rendered
    for tag in ("<table", "<code", "<pre", "<s>", "<em", "<strong"):
        assert tag not in rendered, rendered
    assert text_of(rendered) == flat(hostile)


def test_line_breaks_are_kept_and_paragraphs_stay_paragraphs() -> None:
    rendered = renderer().render(io.escape_markdown("line one\nline two\n\nnew paragraph"))
    assert rendered == "<p>line one<br />\nline two</p>\n<p>new paragraph</p>\n"


def test_control_characters_are_made_visible() -> None:
    escaped = io.escape_markdown("red \x1b[31m alert\x07 \u202eevil")
    assert "\x1b" not in escaped and "\x07" not in escaped and "\u202e" not in escaped
    assert text_of(renderer().render(escaped)) == r"red \x1b[31m alert\x07 \u202eevil"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.just("\n")))
def test_any_ascii_text_renders_back_to_itself(text: str) -> None:
    rendered = renderer().render(io.escape_markdown(text))
    assert set(re.findall(r"</?(\w+)", rendered)) <= {"p", "br"}, rendered
    assert text_of(rendered) == flat(text)


def test_markdown_export_holds_every_answer_and_try_and_no_injection() -> None:
    hostile_steps = [
        {
            "exercise": "lets-try-that-again",
            "index": i,
            "type": "write",
            "id": f"s{i}",
            "prompt": f"Prompt {i} <b>[x](y)</b>",
            "answer": text,
            "versions": ["an earlier [try](javascript:void(0))", text],
            "tries": 2,
            "skipped": False,
            "seconds": 3.0,
        }
        for i, text in enumerate(HOSTILE)
    ]
    records = [record(0), record(1, steps=hostile_steps, situation="<i>mine</i>")]
    document = markdown(records)
    rendered = renderer().render(document)
    assert "<a" not in rendered and "<script" not in rendered and "<img" not in rendered
    # One heading for the document and one per reflection; user text never adds one.
    assert len(re.findall(r"<h1>", rendered)) == 1
    assert len(re.findall(r"<h2>", rendered)) == 2
    seen = text_of(rendered)
    for step in records[0]["steps"] + hostile_steps:
        assert flat(step["answer"]) in seen
        assert flat(step["prompt"]) in seen
    assert "an earlier [try](javascript:void(0))" in seen
    assert "You idiot." in seen and "Try 2, kept:" in seen
    assert "<i>mine</i>" in seen


def test_markdown_heading_has_date_exercises_and_rating() -> None:
    document = markdown([record(0)])
    heading = next(line for line in document.splitlines() if line.startswith("## "))
    assert heading == "## Sunday 1 March 2026, 21:30 — Let's try that again (inner voice 7 → 4)"
    assert "**Ratings (0–10, before → after):** inner voice 7 → 4; tension 5 → –" in document
    assert "**Finished, 5 min 7 s.**" in document
    assert "not a substitute for professional care" in document


def test_markdown_is_oldest_first_and_marks_skipped_and_unfinished() -> None:
    skipped = copy.deepcopy(record(5, completed=False))
    skipped["steps"][0].update(answer=None, versions=[], tries=0, skipped=True)
    document = markdown([skipped, record(0)])
    assert document.index("1 March 2026") < document.index("6 March 2026")
    assert "*Skipped.*" in document
    assert "**Not finished, 5 min 7 s.**" in document


# --- JSON -----------------------------------------------------------------------------------


def test_json_export_round_trips_exactly() -> None:
    records = [record(2), record(0, steps=[], extra_field={"kept": [1, 2.5, None]}), record(1)]
    text = io.export_json(records)
    assert text.endswith(b"}\n")
    document = json.loads(text)
    assert document["format"] == "kindtone-reflections" and document["version"] == 1
    assert [r["id"] for r in document["reflections"]] == [record(n)["id"] for n in (0, 1, 2)]
    parsed = io.parse_export(text)
    assert io.export_json(parsed) == text
    assert parsed[0]["extra_field"] == {"kept": [1, 2.5, None]}


def test_json_export_is_safe_in_a_terminal_and_still_lossless() -> None:
    text = io.export_json([record(0, situation="bidi \u202e and C1 \x9b and esc \x1b\x7f")])
    shown = text.decode("utf-8")
    assert not {"\u202e", "\x9b", "\x1b", "\x7f"} & set(shown)
    assert "bidi \\u202e and C1 \\u009b and esc \\u001b\\u007f" in shown
    assert io.parse_export(text)[0]["situation"] == ("bidi \u202e and C1 \x9b and esc \x1b\x7f")


def test_a_byte_order_mark_is_accepted() -> None:
    text = io.export_json([record(0)])
    assert io.parse_export(b"\xef\xbb\xbf" + text)[0]["id"] == record(0)["id"]


def _export(*records: Any, **top: Any) -> bytes:
    document = {"format": "kindtone-reflections", "version": 1, "reflections": list(records)}
    document.update(top)
    return json.dumps(document).encode()


def _without(key: str) -> dict[str, Any]:
    r = record(0)
    del r[key]
    return r


def _step_with(**changes: Any) -> dict[str, Any]:
    r = record(0)
    r["steps"][1].update(changes)
    return r


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "it is not valid JSON"),
        (b"", "the file is empty"),
        (json.dumps([record(0)]).encode(), "found a list; `reflections list --json` output"),
        (b'"text"', "found text"),
        (_export(format="jrnl"), "found format 'jrnl'"),
        (_export(format=None), "found format null"),
        (_export(version=2), "this is export version 2; this kindtone reads version 1; please"),
        (_export(version="1"), "this is export version text"),
        (_export(reflections={"a": 1}), "'reflections' should be a list, found an object"),
        (_export(record(0), [1]), "reflection 2: should be an object, found a list"),
        (_export(_without("id")), "reflection 1: has no 'id'"),
        (_export(record(0, id="")), "reflection 1.id: should be non-empty text"),
        (_export(record(0, id=7)), "reflection 1.id: should be non-empty text, found a number"),
        (_export(_without("started_at")), "reflection 1: has no 'started_at'"),
        (
            _export(record(0, started_at="2026-03-01T21:30:00")),
            "reflection 1.started_at: '2026-03-01T21:30:00' is not an ISO 8601 date-time with",
        ),
        (_export(record(0, started_at="yesterday")), "'yesterday' is not an ISO 8601"),
        (_export(record(0, started_at=1700000000)), "should be a date-time as text, found a"),
        (_export(record(0, ended_at="soon")), "reflection 1.ended_at: 'soon' is not an ISO"),
        (_export(record(0, completed="yes")), "reflection 1.completed: should be true/false"),
        (_export(record(0, exercises="one")), "reflection 1.exercises: should be a list of"),
        (_export(record(0, steps={})), "reflection 1.steps: should be a list, found an object"),
        (_export(_step_with(seconds="10")), "reflection 1.steps[2].seconds: should be a number"),
        (_export(_step_with(versions=[1])), "reflection 1.steps[2].versions: should be a list"),
        (_export(_step_with(answer=True)), "reflection 1.steps[2].answer: should be text, a"),
        (
            _export(record(0, ratings={"before": {"harsh": "7"}})),
            "reflection 1.ratings.before.harsh: should be a whole number or null, found text",
        ),
        (
            _export(record(0, ratings={"before": {"harsh": 11}})),
            "reflection 1.ratings.before.harsh: should be 0 to 10, found 11",
        ),
        (_export(record(0, schema=2)), "reflection 1.schema: is 2: written by a newer kindtone"),
        (_export(record(0), record(0)), "reflection 2: has the same id as reflection 1"),
    ],
)
def test_malformed_exports_are_refused_with_a_clear_reason(raw: bytes, message: str) -> None:
    with pytest.raises(io.ImportProblem) as problem:
        io.parse_export(raw)
    assert message in str(problem.value)
    assert "\n" not in str(problem.value)


def test_every_problem_is_counted_but_one_is_shown() -> None:
    bad = [record(0, completed="yes"), _without("id"), record(2, started_at="x")]
    with pytest.raises(io.ImportProblem) as problem:
        io.parse_export(_export(*bad))
    assert str(problem.value) == (
        "reflection 1.completed: should be true/false, found text (and 2 more problems)"
    )


def test_control_characters_in_a_bad_file_are_not_echoed() -> None:
    with pytest.raises(io.ImportProblem) as problem:
        io.parse_export(_export(format="\x1b]0;pwned\x07"))
    assert "\x1b" not in str(problem.value) and "\\x1b" in str(problem.value)


def test_unknown_fields_and_missing_optional_fields_are_fine() -> None:
    minimal = {"id": "abcdef123456", "started_at": "2026-03-01T10:00:00+00:00"}
    assert io.parse_export(_export(minimal, record(1, mood="new field"))) == [
        minimal,
        record(1, mood="new field"),
    ]


def test_plan_import_sorts_new_unchanged_and_different() -> None:
    have = {record(0)["id"]: record(0), record(1)["id"]: record(1)}
    changed = record(1, situation="overwhelmed")
    plan = io.plan_import([record(0), changed, record(2)], have)
    assert plan.new == [record(2)]
    assert plan.unchanged == [record(0)]
    assert plan.differ == [changed]


# --- small readers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0.0, "0 s"),
        (4.5, "4.5 s"),
        (42.4, "42 s"),
        (60, "1 min"),
        (337, "5 min 37 s"),
        (3600, "1 h"),
        (3720, "1 h 2 min"),
    ],
)
def test_format_seconds(seconds: float, shown: str) -> None:
    assert io.format_seconds(seconds) == shown


def test_dates_are_shown_in_the_offset_they_were_written_in() -> None:
    r = record(0, started_at="2026-03-01T23:30:00-05:30")
    assert io.local_when(r) == "2026-03-01 23:30"
    assert io.local_when(r, "{day} %B, UTC{offset}") == "1 March, UTC-05:30"
    assert io.local_when({"started_at": "garbage"}) == "unknown date"


def test_rating_change_shows_skipped_sides() -> None:
    assert io.rating_change(record(0)) == "7 → 4"
    assert io.rating_change(record(0), "tense") == "5 → –"
    assert io.rating_change(record(0, ratings={})) is None
    assert io.rating_change(record(0, ratings={"before": {"harsh": True}})) is None
