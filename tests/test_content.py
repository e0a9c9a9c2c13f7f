"""Tests of kindtone's content: the built-in exercises and the support resources.

They read the TOML files directly with ``tomllib`` and don't import the exercise loader, so
they describe the file format on their own and keep working while the loader changes.
The checkers are tested on small broken examples too, so a checker that stops noticing
problems fails here rather than passing quietly.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXERCISES_DIR = ROOT / "exercises"
RESOURCES_FILE = ROOT / "tui" / "core" / "data" / "support_resources.toml"
EXERCISE_FILES = sorted(EXERCISES_DIR.glob("*.toml"))

# --- the exercise file format ------------------------------------------------------------

SITUATIONS = frozenset({"didnt-go-to-plan", "overwhelmed", "critic", "avoiding", "practice"})
TOP_LEVEL_KEYS = frozenset({"id", "title", "summary", "minutes", "situations", "steps"})
# step type -> (required keys besides "type", optional keys)
STEP_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "read": (frozenset({"text"}), frozenset({"about"})),
    "breathe": (frozenset({"inhale", "exhale", "cycles"}), frozenset({"text", "hold", "about"})),
    "write": (frozenset({"prompt"}), frozenset({"id", "placeholder", "check", "about"})),
    "choose": (frozenset({"prompt", "options"}), frozenset({"id", "about"})),
    "rate": (frozenset({"prompt", "low", "high"}), frozenset({"id", "about"})),
    "reframe": (frozenset({"prompt", "source"}), frozenset({"id", "placeholder", "about"})),
}
# Fields that may refer to earlier answers as {name}.
TEMPLATE_FIELDS = ("text", "prompt", "placeholder")
# Fields shown to the person (checked for plain text, spelling and tone).
SHOWN_STEP_FIELDS = ("text", "prompt", "placeholder", "low", "high")
BREATH_RANGES = {"inhale": (1, 10), "hold": (0, 10), "exhale": (1, 12), "cycles": (1, 20)}

EXERCISE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
STEP_ID = re.compile(r"[a-z][a-z0-9_]*")
# {{ and }} are literal braces; {name} is a reference; any other brace is a mistake.
TEMPLATE_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
# Characters that would read as markup (Textual or Markdown) rather than plain text.
MARKUP = re.compile(r"[\[\]`*<>]")


class TemplateError(ValueError):
    pass


def template_refs(text: str) -> list[str]:
    """The ``{name}`` references in ``text``; raises TemplateError on a stray or bad brace."""
    names = []
    for match in TEMPLATE_TOKEN.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:
            raise TemplateError(f"stray {token!r} (write a literal brace as {token * 2})")
        if not (STEP_ID.fullmatch(name) and len(name) <= 32):
            raise TemplateError(f"{{{name}}} is not a valid answer id")
        names.append(name)
    return names


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def step_problems(step: Any, n: int, earlier: dict[str, str]) -> list[str]:
    """What is wrong with step number ``n``; ``earlier`` maps earlier answer ids to types."""
    where = f"step {n}"
    if not isinstance(step, dict):
        return [f"{where}: not a table"]
    kind = step.get("type")
    if kind not in STEP_KEYS:
        return [f"{where}: unknown or missing type {kind!r}"]
    where = f"step {n} ({kind})"
    required, optional = STEP_KEYS[kind]
    keys = set(step) - {"type"}
    problems = [f"{where}: missing {key!r}" for key in sorted(required - keys)]
    problems += [f"{where}: unknown key {key!r}" for key in sorted(keys - required - optional)]

    for key in ("text", "prompt", "placeholder", "low", "high", "source"):
        if key in step and not _is_text(step[key]):
            problems.append(f"{where}: {key!r} must be non-empty text")
    if kind == "read" and isinstance(step.get("text"), str) and len(step["text"]) > 1000:
        problems.append(f"{where}: text is longer than 1000 characters")
    if kind == "breathe":
        for key, (low, high) in BREATH_RANGES.items():
            if key in step and not (_is_int(step[key]) and low <= step[key] <= high):
                problems.append(f"{where}: {key!r} must be a whole number {low}-{high}")
    if "check" in step and not isinstance(step["check"], bool):
        problems.append(f"{where}: 'check' must be true or false")
    if kind == "choose" and "options" in step:
        options = step["options"]
        if not (isinstance(options, list) and 2 <= len(options) <= 8):
            problems.append(f"{where}: options must be a list of 2-8 strings")
        elif not all(_is_text(option) for option in options):
            problems.append(f"{where}: every option must be non-empty text")
        elif len(set(options)) != len(options):
            problems.append(f"{where}: options repeat")
    if kind == "reframe" and "source" in step and earlier.get(step["source"]) != "write":
        problems.append(f"{where}: source {step['source']!r} is not an earlier write step")

    if "about" in step:
        about = step["about"]
        if not (isinstance(about, list) and 1 <= len(about) <= 8):
            problems.append(f"{where}: about must be a list of 1-8 earlier answer ids")
        else:
            problems += [
                f"{where}: about names {name!r}, which is not an earlier answer"
                for name in about
                if name not in earlier
            ]
    for key in TEMPLATE_FIELDS:
        if not isinstance(step.get(key), str):
            continue
        try:
            refs = template_refs(step[key])
        except TemplateError as error:
            problems.append(f"{where}: {key}: {error}")
            continue
        problems += [
            f"{where}: {key} refers to {{{ref}}}, which is not an earlier answer"
            for ref in refs
            if ref not in earlier
        ]
    for key in ("low", "high"):
        if isinstance(step.get(key), str) and ("{" in step[key] or "}" in step[key]):
            problems.append(f"{where}: {key} can't hold braces")
    options = step.get("options")
    for option in options if isinstance(options, list) else []:
        if isinstance(option, str) and ("{" in option or "}" in option):
            problems.append(f"{where}: option {option!r} can't hold braces")

    if "id" in step:
        step_id = step["id"]
        if not (isinstance(step_id, str) and STEP_ID.fullmatch(step_id) and len(step_id) <= 32):
            problems.append(f"{where}: id {step_id!r} must be snake_case, at most 32 characters")
        elif step_id in earlier:
            problems.append(f"{where}: id {step_id!r} is used twice")
    return problems


def exercise_problems(data: dict[str, Any], file_stem: str) -> list[str]:
    """Everything wrong with one exercise file, as readable sentences (empty when valid)."""
    keys = set(data)
    problems = [f"missing top-level {key!r}" for key in sorted(TOP_LEVEL_KEYS - keys)]
    problems += [f"unknown top-level key {key!r}" for key in sorted(keys - TOP_LEVEL_KEYS)]

    exercise_id = data.get("id")
    if not (isinstance(exercise_id, str) and EXERCISE_ID.fullmatch(exercise_id)):
        problems.append(f"id {exercise_id!r} must be lowercase kebab-case")
    elif len(exercise_id) > 40:
        problems.append("id is longer than 40 characters")
    if exercise_id != file_stem:
        problems.append(f"file is named {file_stem}.toml but id is {exercise_id!r}")
    title = data.get("title")
    if not (_is_text(title) and len(title) <= 60):
        problems.append("title must be non-empty text of at most 60 characters")
    summary = data.get("summary")
    if not (_is_text(summary) and len(summary) <= 200):
        problems.append("summary must be non-empty text of at most 200 characters")
    elif re.search(r"[.!?][”\"']?\s+[A-Z]", summary):
        problems.append("summary must be one sentence")
    minutes = data.get("minutes")
    if not (_is_int(minutes) and 1 <= minutes <= 15):
        problems.append("minutes must be a whole number 1-15")
    situations = data.get("situations")
    if not (isinstance(situations, list) and situations):
        problems.append("situations must be a non-empty list")
    else:
        problems += [f"unknown situation {s!r}" for s in situations if s not in SITUATIONS]
        if len(set(map(str, situations))) != len(situations):
            problems.append("situations repeat")

    steps = data.get("steps")
    if not (isinstance(steps, list) and 1 <= len(steps) <= 30):
        problems.append("steps must be a list of 1-30 steps")
        return problems
    earlier: dict[str, str] = {}
    for n, step in enumerate(steps, start=1):
        problems += step_problems(step, n, earlier)
        if isinstance(step, dict) and isinstance(step.get("id"), str):
            earlier.setdefault(step["id"], str(step.get("type")))
    return problems


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as file:
        return tomllib.load(file)


def shown_text(data: dict[str, Any]) -> list[str]:
    """Every piece of text a person would read in this exercise."""
    texts = [data.get("title", ""), data.get("summary", "")]
    for step in data.get("steps", []):
        texts += [step[key] for key in SHOWN_STEP_FIELDS if isinstance(step.get(key), str)]
        texts += [option for option in step.get("options", []) if isinstance(option, str)]
    return [text for text in texts if isinstance(text, str)]


# --- language checks -------------------------------------------------------------------

CLINICAL = re.compile(
    r"\b(cur(e|es|ed|ing)|treat(s|ed|ing|ment|ments)?|therapy will|therapeutic|diagnos\w*"
    r"|clinical(ly)?|heal(s|ed|ing)?|symptoms?|disorders?|guarantee\w*|proven)\b",
    re.IGNORECASE,
)
STREAK = re.compile(r"\bstreaks?\b", re.IGNORECASE)
SCOLDING = re.compile(r"\b(you should|you must|should have|shouldn't have)\b", re.IGNORECASE)
UNSAFE = re.compile(r"\bcommit(ted|s)? suicide\b", re.IGNORECASE)
AMERICAN = re.compile(
    r"\b(colors?|colored|coloring|favor(s|ed|ite|ites)?|behaviors?|neighbors?|centers?|gray"
    r"|(real|recogn|organ|apolog|critic|priorit|emphas|visual)iz(e|es|ed|ing)"
    r"|practic(ed|ing)"  # British: practised, practising
    r"|(to|can|could|will|we|you|I|let's) practice"  # the verb is "practise"
    r"|practice (it|this|being|again|saying|noticing|kindness))\b",
    re.IGNORECASE,
)
NOUN_PRACTISE = re.compile(r"\b(the|a|this|that|your|our|daily|of) practise\b", re.IGNORECASE)


def language_problems(text: str) -> list[str]:
    checks = [
        (CLINICAL, "sounds clinical or promises an effect"),
        (STREAK, "mentions streaks"),
        (SCOLDING, "sounds like scolding"),
        (UNSAFE, "use 'died by suicide' style language"),
        (AMERICAN, "use British spelling"),
        (NOUN_PRACTISE, "the noun is 'practice'"),
    ]
    problems = [
        f"{why}: {match.group(0)!r} in {text!r}"
        for pattern, why in checks
        for match in pattern.finditer(text)
    ]
    if MARKUP.search(text):
        problems.append(f"plain text only, no markup characters: {text!r}")
    return problems


# --- the exercises ---------------------------------------------------------------------

REQUIRED_IDS = {
    "noticing-the-critic",
    "shifting-tone",
    "lets-try-that-again",
    "settling-breath",
    "self-compassion-break",
    "didnt-go-to-plan",
    "feeling-overwhelmed",
    "avoiding-something",
}


@pytest.fixture(scope="module")
def exercises() -> dict[str, dict[str, Any]]:
    return {path.stem: load(path) for path in EXERCISE_FILES}


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda path: path.stem)
def test_exercise_file_is_valid(path: Path) -> None:
    assert exercise_problems(load(path), path.stem) == []


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda path: path.stem)
def test_exercise_language(path: Path) -> None:
    problems = [p for text in shown_text(load(path)) for p in language_problems(text)]
    assert problems == []


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda path: path.stem)
def test_builtin_exercise_is_short_and_fits_a_small_terminal(path: Path) -> None:
    data = load(path)
    assert data["minutes"] in (1, 2, 3), "built-in exercises take 1-3 minutes"
    breathing = sum(
        (s["inhale"] + s.get("hold", 0) + s["exhale"]) * s["cycles"]
        for s in data["steps"]
        if s["type"] == "breathe"
    )
    assert breathing <= data["minutes"] * 60, "the breathing alone outlasts the exercise"
    for n, step in enumerate(data["steps"], start=1):
        if step["type"] == "read":
            assert len(step["text"]) <= 400, f"step {n}: keep a read to a few short sentences"
        if "prompt" in step:
            assert len(step["prompt"]) <= 120, f"step {n}: prompt too long for 60 columns"
        if "placeholder" in step:
            assert len(step["placeholder"]) <= 50, f"step {n}: placeholder won't fit an input"
        for option in step.get("options", []):
            assert len(option) <= 30, f"step {n}: option {option!r} is too long"
        for key in ("low", "high"):
            if key in step:
                assert len(step[key]) <= 20, f"step {n}: {key} label is too long"


def test_at_least_ten_exercises(exercises: dict[str, dict[str, Any]]) -> None:
    assert len(exercises) >= 10


def test_required_exercises_exist(exercises: dict[str, dict[str, Any]]) -> None:
    assert REQUIRED_IDS - set(exercises) == set()


def test_titles_are_unique(exercises: dict[str, dict[str, Any]]) -> None:
    titles = Counter(data["title"].casefold() for data in exercises.values())
    assert [title for title, count in titles.items() if count > 1] == []


@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_every_situation_has_at_least_three_exercises(
    exercises: dict[str, dict[str, Any]], situation: str
) -> None:
    covering = [i for i, data in exercises.items() if situation in data["situations"]]
    assert len(covering) >= 3, f"{situation}: only {covering}"
    # A planner should be able to fill about five minutes from 2-3 of them.
    longest_three = sorted((exercises[i]["minutes"] for i in covering), reverse=True)[:3]
    assert sum(longest_three) >= 5


def test_lets_try_that_again_has_a_checked_reframe(
    exercises: dict[str, dict[str, Any]],
) -> None:
    data = exercises["lets-try-that-again"]
    steps = data["steps"]
    reframes = [i for i, step in enumerate(steps) if step["type"] == "reframe"]
    assert reframes, "lets-try-that-again needs a reframe step"
    source = steps[reframes[0]]["source"]
    assert any(
        step.get("id") == source and step["type"] == "write" for step in steps[: reframes[0]]
    )
    words = " ".join(shown_text(data)).casefold()
    assert "try that again" in words
    assert "part of the practice" in words, "it should say a second go is part of the practice"


def test_exercises_say_the_important_things(exercises: dict[str, dict[str, Any]]) -> None:
    """Backdraft is normal, you can stop, and kindness is not letting yourself off the hook."""
    texts = {i: " ".join(shown_text(data)).casefold() for i, data in exercises.items()}
    assert any("uncomfortable" in t and "stop at any time" in t for t in texts.values())
    assert any("off the hook" in t or "letting it slide" in t for t in texts.values())


# --- the checkers themselves -------------------------------------------------------------


def _valid_exercise() -> dict[str, Any]:
    return {
        "id": "example",
        "title": "Example",
        "summary": "A small example.",
        "minutes": 2,
        "situations": ["practice"],
        "steps": [
            {"type": "write", "id": "thought", "prompt": "Write it."},
            {"type": "reframe", "source": "thought", "prompt": "Kinder: {thought} {{ok}}"},
        ],
    }


def test_checker_accepts_a_valid_exercise() -> None:
    assert exercise_problems(_valid_exercise(), "example") == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(colour="blue"), "unknown top-level key"),
        (lambda d: d.pop("summary"), "missing top-level 'summary'"),
        (lambda d: d.update(id="Example"), "kebab-case"),
        (lambda d: d.update(minutes=True), "minutes"),
        (lambda d: d.update(situations=["sad"]), "unknown situation"),
        (lambda d: d.update(summary="One. Two."), "one sentence"),
        (lambda d: d["steps"][0].update(text="x"), "unknown key 'text'"),
        (lambda d: d["steps"][0].update(check="yes"), "'check' must be true or false"),
        (lambda d: d["steps"][0].update(prompt="About {thought}"), "not an earlier answer"),
        (lambda d: d["steps"][0].update(prompt="A { brace"), "stray"),
        (lambda d: d["steps"][1].update(source="later"), "not an earlier write step"),
        (lambda d: d["steps"][1].update(id="thought"), "used twice"),
        (lambda d: d["steps"].insert(0, {"type": "sing"}), "unknown or missing type"),
        (
            lambda d: d["steps"].insert(0, {"type": "breathe", "inhale": 0, "exhale": 4}),
            "missing 'cycles'",
        ),
        (
            lambda d: d["steps"].insert(0, {"type": "choose", "prompt": "?", "options": ["a"]}),
            "2-8",
        ),
        (
            lambda d: (
                d["steps"].insert(
                    0, {"type": "choose", "id": "pick", "prompt": "?", "options": ["a", "b"]}
                )
                or d["steps"][2].update(source="pick")
            ),
            "not an earlier write step",
        ),
    ],
)
def test_checker_notices_problems(change: Any, expected: str) -> None:
    data = _valid_exercise()
    change(data)
    problems = exercise_problems(data, "example")
    assert any(expected in problem for problem in problems), problems


def test_checker_notices_a_file_name_that_is_not_the_id() -> None:
    assert any("file is named" in p for p in exercise_problems(_valid_exercise(), "other"))


def test_template_refs() -> None:
    assert template_refs("Then {a} and {b_2}, {{literal}} and }}") == ["a", "b_2"]
    for bad in ("{", "}", "{Bad}", "{a}}", "{ a }"):
        with pytest.raises(TemplateError):
            template_refs(bad)


@pytest.mark.parametrize(
    "text",
    [
        "Pick a color.",
        "Practice being kind.",
        "You can practice this daily.",
        "You practiced well.",
        "Notice when you realize it.",
        "This will cure the critic.",
        "A gentle treatment.",
        "Don't break your streak!",
        "You should have known.",
        "Keep up the daily practise.",
        "Say it in [bold]bold[/].",
    ],
)
def test_language_check_notices(text: str) -> None:
    assert language_problems(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Choose a colour.",
        "This is part of the practice.",
        "You've just practised it, and you can practise again.",
        "Treasure the small moments.",
        "What do you need to hear right now?",
    ],
)
def test_language_check_accepts(text: str) -> None:
    assert language_problems(text) == []


# --- support resources -------------------------------------------------------------------

RESOURCE_REQUIRED = frozenset({"name", "region", "how", "source"})
RESOURCE_KEYS = RESOURCE_REQUIRED | {"url", "phone", "text_number"}
DIGITS = re.compile(r"[0-9]{2,15}")


def _is_https_url(value: object) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and "." in parts.netloc and "@" not in parts.netloc


def resource_problems(entry: Any) -> list[str]:
    if not isinstance(entry, dict):
        return ["not a table"]
    name = entry.get("name", "?")
    problems = [f"{name}: missing {key!r}" for key in sorted(RESOURCE_REQUIRED - set(entry))]
    problems += [f"{name}: unknown key {key!r}" for key in sorted(set(entry) - RESOURCE_KEYS)]
    for key, value in entry.items():
        if not _is_text(value):
            problems.append(f"{name}: {key!r} must be non-empty text")
    for key in ("url", "source"):
        if key in entry and not _is_https_url(entry[key]):
            problems.append(f"{name}: {key} must be an https URL")
    for key in ("phone", "text_number"):
        if key in entry and not (isinstance(entry[key], str) and DIGITS.fullmatch(entry[key])):
            problems.append(f"{name}: {key} must be digits only")
    for key in ("name", "region", "how"):
        if isinstance(entry.get(key), str):
            problems += [f"{name}: {p}" for p in language_problems(entry[key])]
    return problems


@pytest.fixture(scope="module")
def resources() -> list[dict[str, Any]]:
    data = load(RESOURCES_FILE)
    assert set(data) == {"resources"}, "the file holds only [[resources]] entries"
    assert isinstance(data["resources"], list) and data["resources"]
    return data["resources"]


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def test_resources_are_well_formed(resources: list[dict[str, Any]]) -> None:
    assert [p for entry in resources for p in resource_problems(entry)] == []
    names = [entry["name"] for entry in resources]
    assert len(set(names)) == len(names)


def test_resources_include_988(resources: list[dict[str, Any]]) -> None:
    [lifeline] = [entry for entry in resources if entry.get("phone") == "988"]
    assert lifeline["region"] == "US"
    assert lifeline["text_number"] == "988"
    assert _host(lifeline["url"]) == "988lifeline.org"
    assert "988" in lifeline["how"]


def test_resources_include_findahelpline(resources: list[dict[str, Any]]) -> None:
    assert any(_host(entry.get("url", "")) == "findahelpline.com" for entry in resources)


def test_resources_include_the_local_emergency_number(resources: list[dict[str, Any]]) -> None:
    [emergency] = [entry for entry in resources if "emergency" in entry["how"].casefold()]
    assert "phone" not in emergency, "the right number depends on where the person is"
    for number in ("911", "999", "112"):
        assert number in emergency["how"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda e: e.update(url="http://988lifeline.org"), "url must be an https URL"),
        (lambda e: e.update(source="988lifeline.org"), "source must be an https URL"),
        (lambda e: e.update(phone="1-800-273-8255"), "digits only"),
        (lambda e: e.update(text_number=988), "digits only"),
        (lambda e: e.pop("source"), "missing 'source'"),
        (lambda e: e.update(email="a@b.org"), "unknown key"),
        (lambda e: e.update(how=""), "non-empty"),
    ],
)
def test_resource_checker_notices_problems(change: Any, expected: str) -> None:
    entry = {
        "name": "Example line",
        "region": "US",
        "how": "Call 988.",
        "url": "https://988lifeline.org",
        "phone": "988",
        "source": "https://988lifeline.org",
    }
    assert resource_problems(entry) == []
    change(entry)
    assert any(expected in problem for problem in resource_problems(entry))
