"""The analyser's data: rules, word lists, macros (TOML files under ``data/``), read and
checked. A mistake in a file is an error that names the file and line, never a rule that
silently matches nothing.

Rule files (``data/rules/*.toml``) hold one ``[[rule]]`` table a rule::

    [[rule]]
    group = "critical"          # see GROUPS
    kind = "labelling"          # what the rule says when it matches
    pattern = "&SELF_BE_INT @LABEL_NOUN"
    weak = true                 # options: weak, negation, needs_self
    examples = ["I'm such an idiot."]   # sentences it must fire on: each is a test
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import CATEGORIES

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.abc import Traversable
    from pathlib import Path
    from typing import Any

# Which kinds each group's rules may have.
GROUPS: dict[str, frozenset[str]] = {
    "critical": frozenset(CATEGORIES),
    "marker": frozenset({"defusion", "past", "permission", "reframe"}),
    "context": frozenset({"rider", "post-defusion", "intro", "answer", "turn", "agree"}),
    "crisis": frozenset({"crisis", "clear"}),
    "idiom": frozenset({"idiom", "means"}),
    "farewell": frozenset({"strong", "weak"}),
    # past, now, present, dated: time frames, read only beside crisis words (concern._told_as_past)
    "concern": frozenset(
        {
            "ask",
            "recovery",
            "settle",
            "live",
            "definite",
            "past",
            "now",
            "present",
            "dated",
            "again",
            "back",
        }
    ),
    # One's own name said to be oneself ("by Kev I mean me"): see aim.own_name_findings.
    "name": frozenset({"self"}),
    # Praise said of one's own slip in the sentence before ("Burnt the toast. Brilliant."): a
    # sentence that is praise alone, and a sentence that tells one's own slip (see Analyser).
    "sarcasm": frozenset({"praise", "slip"}),
    # A sentence that tells one's own success ("told") with no slip, failure or lack in it
    # ("lack"), or that denies a fault ("denial": "Not me."): the word weights and the critic
    # gate don't speak there (see Reading); the rules still do.
    "success": frozenset({"told", "lack", "denial"}),
}
NEGATION = ("suppress", "ignore", "polarity")
_OPTION_TYPES: dict[str, type] = {"weak": bool, "needs_self": bool, "negation": str}
RULE_KEYS = frozenset({"group", "kind", "pattern", "examples", *_OPTION_TYPES})


class DataError(ValueError):
    """A mistake in one of the data files, with where it is: ``FILE:LINE: what``."""


@dataclass(frozen=True, slots=True)
class Rule:
    group: str
    kind: str
    pattern: str
    examples: tuple[str, ...]
    weak: bool = False
    negation: str = "suppress"
    needs_self: bool = False
    where: str = ""  # FILE:LINE of its [[rule]] line


def data_dir() -> Traversable:
    from importlib import resources  # only when building from the sources

    return resources.files(__package__).joinpath("data")


def _read(file: Traversable | Path) -> tuple[dict[str, Any], list[str]]:
    import tomllib  # only when building from the sources (see snapshot.py)

    text = file.read_text("utf-8")
    try:
        return tomllib.loads(text), text.splitlines()
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = match.group(1) if match else "?"
        raise DataError(f"{file.name}:{line}: {error}") from None


def _key_line(lines: list[str], first: int, last: int, key: str) -> int:
    """The line (1-based) in lines[first-1:last] where ``key = `` is set, else ``first``."""
    pattern = re.compile(rf"^\s*(\"?){re.escape(key)}\1\s*=")
    for number in range(first, min(last, len(lines)) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return first


def read_rules(file: Traversable | Path) -> list[Rule]:
    """Every rule in one file, in order, each checked."""
    data, lines = _read(file)
    name = file.name
    for key in data:
        if key != "rule":
            line = _key_line(lines, 1, len(lines), key)
            raise DataError(f"{name}:{line}: unknown key {key!r} (rules are [[rule]] tables)")
    starts = [n for n, line in enumerate(lines, 1) if line.strip() == "[[rule]]"]
    tables = data.get("rule", [])
    if len(starts) != len(tables):
        raise DataError(f"{name}:1: write each rule's header as [[rule]] on a line of its own")
    rules = []
    for number, (table, first) in enumerate(zip(tables, starts, strict=True)):
        last = starts[number + 1] - 1 if number + 1 < len(starts) else len(lines)
        rules.append(_rule(table, name, lines, first, last))
    return rules


def _rule(table: dict[str, Any], name: str, lines: list[str], first: int, last: int) -> Rule:
    def fail(key: str | None, message: str) -> DataError:
        line = first if key is None else _key_line(lines, first, last, key)
        return DataError(f"{name}:{line}: {message}")

    for key in table:
        if key not in RULE_KEYS:
            known = ", ".join(sorted(RULE_KEYS))
            raise fail(key, f"unknown key {key!r} (a rule may have: {known})")
    for key in ("group", "kind", "pattern", "examples"):
        if key not in table:
            raise fail(None, f"the rule has no {key!r}")
    group, kind, pattern = table["group"], table["kind"], table["pattern"]
    if group not in GROUPS:
        raise fail("group", f"unknown group {group!r} (one of {', '.join(GROUPS)})")
    if kind not in GROUPS[group]:
        raise fail("kind", f"unknown kind {kind!r} for group {group!r}")
    if not isinstance(pattern, str) or not pattern.strip():
        raise fail("pattern", "the pattern must be a non-empty string")
    examples = table["examples"]
    if (
        not isinstance(examples, list)
        or not examples
        or not all(isinstance(example, str) and example.strip() for example in examples)
    ):
        raise fail("examples", "examples must be a list of one or more sentences")
    options: dict[str, Any] = {}
    for key, kind_of in _OPTION_TYPES.items():
        if key in table:
            value = table[key]
            if not isinstance(value, kind_of):
                raise fail(key, f"{key} must be a {kind_of.__name__}, not {value!r}")
            options[key] = value
    if options.get("negation", "suppress") not in NEGATION:
        raise fail("negation", f"negation must be one of {', '.join(NEGATION)}")
    if group != "critical" and options:
        raise fail(next(iter(options)), f"only critical rules take options, not {group!r}")
    return Rule(
        group=group,
        kind=kind,
        pattern=" ".join(pattern.split()),
        examples=tuple(examples),
        where=f"{name}:{first}",
        **options,
    )


RULE_FILES = (
    "critic.toml",
    "markers.toml",
    "riders.toml",
    "defusion.toml",
    "quoting.toml",
    "crisis.toml",
    "farewell.toml",
    "idioms.toml",
    "concern.toml",
)


def load_rules(folder: Traversable | Path | None = None) -> list[Rule]:
    """All rules, file by file in RULE_FILES order (order matters only for ties)."""
    base = (folder or data_dir()).joinpath("rules")
    names = {entry.name for entry in base.iterdir() if entry.name.endswith(".toml")}
    unknown = names - set(RULE_FILES)
    if unknown:
        raise DataError(f"{sorted(unknown)[0]}:1: not a rule file this analyser reads")
    rules: list[Rule] = []
    for name in RULE_FILES:
        if name in names:
            rules += read_rules(base.joinpath(name))
    return rules


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists (words.toml): classes and macros for the rules, and the words the
    tokeniser, negation and scope use."""

    classes: dict[str, frozenset[str]]
    macros: dict[str, str]
    words: dict[str, frozenset[str]]
    expand: dict[str, tuple[str, ...]]
    nt_base: dict[str, str]
    suffix: tuple[tuple[str, str], ...]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.words[name]


_WORD_LISTS = [
    "negators",
    "transparent",
    "skip_stop",
    "clause_end",
    "self",
    "past_be",
    "tense_past",
    "tense_present",
    "tense_future",
    "tense_modal",
    "tense_past_verbs",
    "tense_not_past",
    "tense_recent",
    "tense_distance",
    "tense_memory",
    "tense_ages",
    "tense_no_better",
    "report_open",
    "report_verbs",
    "reply_verbs",
    "not_negating",
    "very_common",
    "common",
    "ill_before",
    "s_is",
    "vocative_extra",
    "vocative_head_extra",
    "dropped_g",
    "english",
    "first_person",
    "others",
    "other_start",
    "other_things",
    "asides",
    "acts",
]
# One word as the tokeniser reads it (tokens.PIECE's word branch).
_ONE_WORD = re.compile(r"\w[\w'*]*")
_LEXICON_TABLES = ("classes", "macros", "words", "expand", "nt_base", "suffix")


def load_lexicon(folder: Traversable | Path | None = None) -> Lexicon:
    file = (folder or data_dir()).joinpath("words.toml")
    data, lines = _read(file)
    for key in data:
        if key not in _LEXICON_TABLES:
            line = _key_line(lines, 1, len(lines), f"[{key}]".strip("[]"))
            raise DataError(f"{file.name}:{line}: unknown table [{key}]")
    for key in _WORD_LISTS:
        if key not in data.get("words", {}):
            raise DataError(f"{file.name}:1: [words] has no {key!r}")
    for key in data["words"]:
        if key not in _WORD_LISTS:
            line = _key_line(lines, 1, len(lines), key)
            raise DataError(f"{file.name}:{line}: unknown word list {key!r}")
    classes = {name: frozenset(words.split()) for name, words in data["classes"].items()}
    for name, class_words in classes.items():
        joined = next((w for w in sorted(class_words) if not _ONE_WORD.fullmatch(w)), None)
        if joined is not None:
            # The tokeniser reads "washed-up" or "a&e" as two words: it could never match.
            line = _key_line(lines, 1, len(lines), name)
            line = next((n for n in range(line, len(lines) + 1) if joined in lines[n - 1]), line)
            raise DataError(
                f"{file.name}:{line}: {joined!r} in class {name} is not one word as kindtone "
                "reads it (hyphens and signs split words): write it as a macro or a rule"
            )
    for name, words_ in load_insults(folder).classes.items():
        classes[name] = classes[name] | words_
    classes["LABEL_ANY"] = classes["LABEL_ADJ"] | classes["LABEL_NOUN"]
    expand = {word: tuple(str(into).split()) for word, into in data["expand"].items()}
    words = {name: frozenset(text.split()) for name, text in data["words"].items()}
    # Dropped g's, as typed: "thinkin about endin it all".
    for word in words["dropped_g"]:
        expand.setdefault(word[:-1], (word,))
    return Lexicon(
        classes=classes,
        macros={name: " ".join(str(source).split()) for name, source in data["macros"].items()},
        words=words,
        expand=expand,
        nt_base={str(k): str(v) for k, v in data["nt_base"].items()},
        suffix=tuple((str(k), str(v)) for k, v in data["suffix"].items()),
    )


def _table_errors(name: str, lines: list[str]) -> Callable[[str, str | None, str], DataError]:
    """An error maker for a file of ``[tables]``: it names the line of ``key`` in ``[table]``,
    or the table's own line."""
    headers = [n for n, line in enumerate(lines, 1) if line.lstrip().startswith("[")]

    def fail(table: str, key: str | None, message: str) -> DataError:
        first = next((n for n in headers if lines[n - 1].strip() == f"[{table}]"), 1)
        last = next((n - 1 for n in headers if n > first), len(lines))
        line = _key_line(lines, first, last, key) if key else first
        return DataError(f"{name}:{line}: {message}")

    return fail


@dataclass(frozen=True, slots=True)
class Insults:
    """insults.toml: what people call themselves in many Englishes, by word class."""

    classes: dict[str, frozenset[str]]  # LABEL_ADJ, LABEL_NOUN, ROLE_PERSON: words to add
    examples: dict[str, tuple[str, ...]]  # per English: sentences that must read as critic


_INSULT_KEYS = {"adjectives": "LABEL_ADJ", "nouns": "LABEL_NOUN", "roles": "ROLE_PERSON"}


def load_insults(folder: Traversable | Path | None = None) -> Insults:
    file = (folder or data_dir()).joinpath("insults.toml")
    data, lines = _read(file)
    fail = _table_errors(file.name, lines)

    for key in data:
        if key != "englishes":
            raise fail(key, None, f"unknown table [{key}] (tables are [englishes.NAME])")
    classes: dict[str, set[str]] = {name: set() for name in _INSULT_KEYS.values()}
    examples: dict[str, tuple[str, ...]] = {}
    for english, table in data.get("englishes", {}).items():
        title = f"englishes.{english}"
        if not isinstance(table, dict):
            raise fail(title, None, f"[{title}] must be a table")
        for key, value in table.items():
            if key == "examples":
                if (
                    not isinstance(value, list)
                    or not value
                    or not all(isinstance(v, str) and v.strip() for v in value)
                ):
                    raise fail(title, key, "examples must be a non-empty list of sentences")
                examples[english] = tuple(value)
            elif key in _INSULT_KEYS:
                if not isinstance(value, str) or not value.split():
                    raise fail(title, key, f'{key} must be words in a string: {key} = "..."')
                words_ = value.lower().split()
                joined = next((w for w in words_ if not w.isalpha()), None)
                if joined is not None:
                    # The tokeniser reads "ham-fisted" as two words: write those as a rule.
                    raise fail(title, key, f"{joined!r} is not one word as kindtone reads it")
                classes[_INSULT_KEYS[key]] |= set(words_)
            else:
                known = ", ".join([*_INSULT_KEYS, "examples"])
                raise fail(title, key, f"unknown key {key!r} in [{title}] (one of {known})")
        if english not in examples:
            raise fail(title, None, f"[{title}] needs examples = [...]")
    return Insults({k: frozenset(v) for k, v in classes.items()}, examples)


@dataclass(frozen=True, slots=True)
class Languages:
    """languages.toml: the commonest small words of other languages, and examples."""

    words: dict[str, frozenset[str]]
    examples: dict[str, tuple[str, ...]]  # per language: texts that must not read as English
    english_examples: tuple[str, ...]  # English in many voices, which must read as English


def load_languages(folder: Traversable | Path | None = None) -> Languages:
    file = (folder or data_dir()).joinpath("languages.toml")
    data, lines = _read(file)
    fail = _table_errors(file.name, lines)

    def texts(table: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise fail(table, "examples", "examples must be a non-empty list of texts")
        return tuple(value)

    for key in data:
        if key not in ("english", "languages"):
            raise fail(key, None, f"unknown table [{key}]")
    for key in data.get("english", {}):
        if key != "examples":
            raise fail("english", key, f"unknown key {key!r} in [english] (only examples)")
    english = texts("english", data.get("english", {}).get("examples"))
    words: dict[str, frozenset[str]] = {}
    examples: dict[str, tuple[str, ...]] = {}
    for language, table in data.get("languages", {}).items():
        title = f"languages.{language}"
        for key in table:
            if key not in ("words", "examples"):
                raise fail(title, key, f"unknown key {key!r} in [{title}]")
        if not isinstance(table.get("words"), str) or not table["words"].split():
            raise fail(title, "words", f'[{title}] needs words = "..."')
        words[language] = frozenset(table["words"].split())
        examples[language] = texts(title, table.get("examples"))
    return Languages(words=words, examples=examples, english_examples=english)
