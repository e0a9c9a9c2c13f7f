"""The rules are data: every rule fires on its own examples, and a mistake in a data file
is an error that says which file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selftalk_blind import BLIND, load
from test_selftalk_quality import CASES_GROUP, load_cases, read
from test_selftalk_quality import DATA as CASES

from tui.core.selftalk import Analyser, default_analyser, snapshot
from tui.core.selftalk.compiler import Pattern
from tui.core.selftalk.data import DataError, data_dir, load_rules

ANALYSER = default_analyser()
RULES = load_rules()
DATA = Path(str(data_dir()))
# The analyser's patterns by the place their rule is written (a scan of all ~1,000 for each of
# the ~1,000 rules below was a quarter of those tests' time).
BY_PLACE: dict[str, list[Pattern]] = {}
for _pattern in ANALYSER.patterns:
    BY_PLACE.setdefault(_pattern.where, []).append(_pattern)


def test_the_rules_are_all_read_and_each_group_has_some() -> None:
    groups = {rule.group for rule in RULES}
    assert {"critical", "marker", "context", "crisis", "idiom", "farewell"} <= groups
    assert len(RULES) == len(ANALYSER.patterns) > 800


@pytest.mark.parametrize("number", range(len(RULES)), ids=[rule.where for rule in RULES])
def test_every_rule_fires_on_its_examples(number: int) -> None:
    rule = RULES[number]
    patterns = BY_PLACE.get(rule.where, [])
    assert len(patterns) == 1, rule.where
    for example in rule.examples:
        assert ANALYSER.fires(patterns[0], example), (
            f"{rule.where}: {rule.pattern!r} on {example!r}"
        )


def test_an_example_that_does_not_fire_is_caught() -> None:
    """The check above can fail: a rule never fires on a sentence without its words."""
    (pattern,) = [p for p in ANALYSER.patterns if p.where == RULES[0].where]
    assert not ANALYSER.fires(pattern, "The bus was late this morning.")


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def _break(folder: Path, name: str, old: str, new: str) -> int:
    """Replace the first ``old`` in rules/``name``; return the line it is on."""
    path = folder / "rules" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("weak = true", "weakk = true", "unknown key 'weakk'"),
        ("weak = true", 'weak = "yes"', "weak must be a bool"),
        ('negation = "ignore"', 'negation = "flip"', "negation must be one of"),
        ('kind = "labelling"', 'kind = "labeling"', "unknown kind 'labeling'"),
        ('group = "critical"', 'group = "critic"', "unknown group 'critic'"),
    ],
)
def test_a_broken_rule_file_names_its_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _copy(tmp_path)
    line = _break(folder, "critic.toml", old, new)
    with pytest.raises(DataError) as raised:
        load_rules(folder)
    assert str(raised.value).startswith(f"critic.toml:{line}: "), raised.value
    assert message in str(raised.value)


def test_a_rule_without_examples_is_an_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "rules" / "idioms.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n[[rule]]\n") + 1
    line = text[:start].count("\n") + 1
    end = text.index("examples = [", start)
    path.write_text(text[:end] + "# examples removed\n" + text[text.index("\n", end) + 1 :])
    with pytest.raises(DataError, match=rf"^idioms.toml:{line}: the rule has no 'examples'"):
        load_rules(folder)


def _replace_a_crisis_pattern(folder: Path, pattern_line: str) -> int:
    """Put ``pattern_line`` in place of crisis.toml's first one-line pattern; return the line
    of that rule's [[rule]] header (where errors point)."""
    path = folder / "rules" / "crisis.toml"
    text = path.read_text(encoding="utf-8")
    at = text.index('\npattern = "(') + 1
    start = text.rindex("\n[[rule]]\n", 0, at) + 1
    rest = text[text.index("\n", at) + 1 :]
    path.write_text(text[:at] + pattern_line + rest, encoding="utf-8")
    return text[:start].count("\n") + 1


def test_a_pattern_that_names_an_unknown_word_class_names_its_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    line = _replace_a_crisis_pattern(folder, 'pattern = "@NO_SUCH_CLASS die"\n')
    with pytest.raises(ValueError, match=rf"^crisis.toml:{line}: unknown word class @NO_SUCH"):
        Analyser(folder=folder).analyse("hello")


def test_a_word_list_broken_across_lines_is_an_error_naming_its_line(tmp_path: Path) -> None:
    """Found by the session-9 critic helper: "!<a/b/" then "c/d" on the next line of a
    multi-line pattern read as a list and one more required word, silently."""
    folder = _copy(tmp_path)
    broken = 'pattern = """i !<never/ever/\n  always want to die"""\n'
    line = _replace_a_crisis_pattern(folder, broken)
    with pytest.raises(ValueError, match=rf"^crisis.toml:{line}: an empty word in the list"):
        Analyser(folder=folder).analyse("hello")


@pytest.mark.parametrize("word", ["numpty-head", "r&d"])
def test_a_class_word_the_tokeniser_splits_is_an_error_naming_its_line(
    tmp_path: Path, word: str
) -> None:
    """Found by the session-9 critic helper: "washed-up", "screw-up", "mother-in-law" and ten
    more sat in words.toml's classes, where they could never match (the tokeniser splits on
    hyphens), and so did "a&e". They are gone (no verdict changed) and a new one is an error."""
    from tui.core.selftalk.data import load_lexicon

    folder = _copy(tmp_path)
    path = folder / "words.toml"
    text = path.read_text(encoding="utf-8")
    old = "dumbo scatterbrain"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, f"dumbo {word} scatterbrain", 1), encoding="utf-8")
    with pytest.raises(DataError, match=rf"^words.toml:{line}: '{word}' in class LABEL_NOUN"):
        load_lexicon(folder)


def test_bad_toml_names_its_file_and_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    line = _break(folder, "markers.toml", 'group = "marker"', 'group = "marker')
    with pytest.raises(DataError, match=rf"^markers.toml:{line}: "):
        load_rules(folder)


def test_an_unknown_rule_file_is_an_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "rules" / "extra.toml").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match=r"^extra.toml:1: "):
        load_rules(folder)


def test_no_selftalk_module_is_over_900_lines() -> None:
    package = Path(str(data_dir())).parent
    for module in package.glob("*.py"):
        assert len(module.read_text(encoding="utf-8").splitlines()) <= 900, module.name


@CASES_GROUP
def test_the_snapshot_is_current_and_reads_as_the_sources_do() -> None:
    """The shipped snapshot was built from exactly these files (else rebuild it:
    python -m tui.core.selftalk.snapshot), and an analyser loaded from it reads every case as
    one built from the TOML files and the weights.

    The one loaded from the snapshot is the app's own (``analyse``): the other tests of its
    group have read the cases with it already (``read`` remembers each text's analysis)."""
    assert snapshot.load() is not None, "stale: run python -m tui.core.selftalk.snapshot"
    from_snapshot = default_analyser()
    from_sources = Analyser(folder=DATA)
    assert from_snapshot.built.index.patterns[0].node is None  # really the snapshot
    assert from_sources.built.index.patterns[0].node is not None
    texts = [case.text for case in load_cases(CASES)] + [case.text for case in load(BLIND)]
    for text in texts:
        assert read(text) == from_sources.analyse(text), text  # read: from_snapshot's analyse


def test_a_stale_snapshot_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot, "fingerprint", lambda: "something else")
    assert snapshot.load() is None
    analysis = Analyser().analyse("I'm such an idiot.")  # built from the sources instead
    assert analysis.critical
