"""The rules' regular expressions match exactly what the rules say.

The analyser turns each rule (a small pattern language, see tui/core/selftalk/pattern.py) into a
regular expression over a sentence written one character a word. This module reads the same
rules with a plain interpreter of the pattern tree, slow and obviously right, and checks that
both find the same matches, in the same places, on the labelled cases and on random sentences
made of the rules' own words.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
from test_selftalk_quality import DATA, load_cases

from tui.core.selftalk import Analyser
from tui.core.selftalk import compiler as cp
from tui.core.selftalk import pattern as pt
from tui.core.selftalk.analyser import _Built
from tui.core.selftalk.data import data_dir, load_lexicon
from tui.core.selftalk.scope import Sentence
from tui.core.selftalk.tokens import BREAK, SENTENCE, WordList, lower

# One xdist worker: the random sentences try every rule, and each rule's expression is
# compiled on its first use, once a process.
pytestmark = pytest.mark.xdist_group("selftalk_patterns")
LEXICON = load_lexicon()
SKIP_STOP = LEXICON["skip_stop"]
CLAUSE_END = LEXICON["clause_end"]


@cache
def built() -> _Built:
    """From the sources, so the pattern trees are kept; on first use, not at import, so the
    workers that run none of these tests don't build it while collecting."""
    built = Analyser(folder=data_dir()).built
    assert built.lexicon["skip_stop"] == SKIP_STOP and built.lexicon["clause_end"] == CLAUSE_END
    return built


def ends(node: pt.Node, words: list[str], i: int) -> Iterator[int]:
    """Every position a match of ``node`` from ``i`` can end at, in the order a backtracking
    matcher tries them (alternatives as written, greedy repeats, lazy skips)."""
    return _ENDS[type(node)](node, words, i)  # a KeyError for a node this module doesn't know


def _words(node: pt.Words, words: list[str], i: int) -> Iterator[int]:
    if i < len(words) and words[i] in node.words:
        yield i + 1


def _pred(node: pt.Pred, words: list[str], i: int) -> Iterator[int]:
    if i < len(words) and node.test(words[i]):
        yield i + 1


def _seq(node: pt.Seq, words: list[str], i: int) -> Iterator[int]:
    return _sequence(node.items, words, i)


def _alt(node: pt.Alt, words: list[str], i: int) -> Iterator[int]:
    for item in node.items:
        if type(item) is pt.Words:  # _words, written out: most alternatives are words
            if i < len(words) and words[i] in item.words:
                yield i + 1
        else:
            yield from _ENDS[type(item)](item, words, i)


def _rep(node: pt.Rep, words: list[str], i: int) -> Iterator[int]:
    return _repeat(node, words, i, 0)


def _skip(node: pt.Skip, words: list[str], i: int) -> Iterator[int]:
    j = i
    yield j
    while j < min(len(words), i + node.most) and words[j] not in SKIP_STOP:
        j += 1
        yield j


def _not_next(node: pt.NotNext, words: list[str], i: int) -> Iterator[int]:
    if not (i < len(words) and words[i] in node.words):
        yield i


def _not_prev(node: pt.NotPrev, words: list[str], i: int) -> Iterator[int]:
    if not (i > 0 and words[i - 1] in node.words):
        yield i


def _memo(node: pt.Memo, words: list[str], i: int) -> Iterator[int]:
    return ends(node.item, words, i)


def _clause_end(node: pt.ClauseEnd, words: list[str], i: int) -> Iterator[int]:
    if i >= len(words) or words[i] in CLAUSE_END:
        yield i


def _clause_start(node: pt.ClauseStart, words: list[str], i: int) -> Iterator[int]:
    if i == 0 or words[i - 1] == BREAK:
        yield i


# By the node's exact type, not a chain of isinstance tests: the reference reads ~75,000
# (rule, sentence) pairs on the cases, and this lookup and the generators it starts are most of
# what it does (so _alt and _sequence also test a word node in place, as _words would).
_ENDS: dict[type, Callable[[Any, list[str], int], Iterator[int]]] = {
    pt.Words: _words,
    pt.Pred: _pred,
    pt.Seq: _seq,
    pt.Alt: _alt,
    pt.Rep: _rep,
    pt.Skip: _skip,
    pt.NotNext: _not_next,
    pt.NotPrev: _not_prev,
    pt.Memo: _memo,
    pt.ClauseEnd: _clause_end,
    pt.ClauseStart: _clause_start,
}


def _sequence(items: tuple[pt.Node, ...], words: list[str], i: int) -> Iterator[int]:
    if not items:
        yield i
        return
    first, rest = items[0], items[1:]
    if type(first) is pt.Words:  # _words, written out
        if i < len(words) and words[i] in first.words:
            yield from _sequence(rest, words, i + 1)
        return
    if not rest:
        yield from _ENDS[type(first)](first, words, i)
        return
    for j in _ENDS[type(first)](first, words, i):
        yield from _sequence(rest, words, j)


def _repeat(node: pt.Rep, words: list[str], i: int, count: int) -> Iterator[int]:
    if count < node.high:
        for j in ends(node.item, words, i):
            if j > i:  # a repeat that matched nothing would go round for ever
                yield from _repeat(node, words, j, count + 1)
    if count >= node.low:
        yield i


def reference_matches(pattern: cp.Pattern, words: list[str]) -> list[tuple[int, int]]:
    """Left to right; the first end that the context (if any) accepts; a match's own words
    start nothing; matches of no words don't count."""
    found = []
    start = 0
    while start < len(words):
        end = next(
            (
                end
                for end in ends(pattern.node, words, start)
                if pattern.context is None
                or next(ends(pattern.context, words, end), None) is not None
            ),
            -1,
        )
        if end > start:
            found.append((start, end))
            start = end
        else:
            start += 1
    return found


def regex_matches(pattern: cp.Pattern, sentence: Sentence) -> list[tuple[int, int]]:
    return [(start, end) for _, start, end in cp.matches([pattern], sentence.codes, sentence.code)]


def _sentences() -> list[str]:
    texts = [case.text for case in load_cases(DATA)]
    return [chunk.group() for text in texts for chunk in SENTENCE.finditer(lower(text))]


def test_every_rule_matches_as_written_on_the_cases() -> None:
    """The rules each sentence could match (as the index picks them), on every case."""
    checked = 0
    for low in _sentences():
        words = built().tokens.words(low)
        if not words:
            continue
        sentence = built().sentence(low, words)
        for patterns in sentence.candidates.values():
            for pattern in patterns:
                assert regex_matches(pattern, sentence) == reference_matches(pattern, words), (
                    pattern.source,
                    low,
                )
                checked += 1
    assert checked > 10_000


@pytest.mark.parametrize("seed", range(4))
def test_every_rule_matches_as_written_on_random_rule_words(seed: int) -> None:
    """All rules, candidates or not, on sentences made of the words the rules name (and a
    few they don't): the deep and unlikely paths get tried too."""
    index = built().index
    vocabulary = sorted(index.codes)
    extra = ["zebra", "walked", "borrowed", "'", "-"]
    rng = random.Random(seed)
    for _ in range(40):
        words = WordList(
            rng.choice(vocabulary if rng.random() < 0.9 else extra)
            for _ in range(rng.randint(1, 16))
        )
        words.pieces = list(words)
        sentence = built().sentence(" ".join(words), words)
        for pattern in index.patterns:
            assert regex_matches(pattern, sentence) == reference_matches(pattern, words), (
                pattern.source,
                words,
            )


def test_unknown_words_read_as_any_word_and_past_participles_as_such() -> None:
    codes = built().codes
    assert codes["zebra"] == codes["xylophone"] == codes.other
    assert codes["borrowed"] == codes.other_participle
    assert codes["i"] not in (codes.other, codes.other_participle)


def test_every_expression_repeats_a_bounded_number_of_times() -> None:
    """No ``*`` or ``+`` anywhere (rule words are private-use characters, so neither can be a
    word): every repeat is ``{m,n}`` or ``?``, so the work at each position is bounded and
    nothing can backtrack catastrophically."""
    index = built().index
    for pattern in index.patterns:
        source = pattern.compiled(index.codes).pattern
        assert "*" not in source and "+" not in source, pattern.source


def _candidates_by_hand(index: cp.Index, words: set[str]) -> dict[str, list[cp.Pattern]]:
    groups: dict[str, list[cp.Pattern]] = {}
    for pattern in index.patterns:
        if any(
            all(needed is None or not needed.isdisjoint(words) for needed in sets)
            for sets in cp.branches(built().grammar, pattern)
        ):
            groups.setdefault(pattern.group, []).append(pattern)
    return groups


def test_candidates_are_the_same_whether_remembered_or_not() -> None:
    """The index remembers each set of candidates by its bit mask; a sentence with none must
    get none, whatever sentence came before it."""
    index = built().index
    texts = [
        "i am such an idiot",
        "the bus was late",
        "i want to die",
        "i am such an idiot",
        "qwerty",
        "everyone thinks i am useless",
        "the bus was late",
    ]
    for text in texts * 2:
        words = set(built().tokens.words(text))
        assert index.candidates(words) == _candidates_by_hand(index, words), text


def _runs(members: str) -> tuple[int, int]:
    """(characters, runs of consecutive ones) of a character class's body, ranges read out."""
    chars: set[int] = set()
    at = 0
    while at < len(members):
        if at + 2 < len(members) and members[at + 1] == "-":
            chars.update(range(ord(members[at]), ord(members[at + 2]) + 1))
            at += 3
        else:
            chars.add(ord(members[at]))
            at += 1
    ordered = sorted(chars)
    return len(ordered), 1 + sum(b != a + 1 for a, b in itertools.pairwise(ordered))


def test_words_that_share_classes_get_neighbouring_characters() -> None:
    """Compiling the expressions is most of a fresh process's first analysis, and re builds
    a 64K-entry table for a class of private-use characters in three runs or more (~30 times
    the work of one or two runs). The rule words' characters follow the classes the
    expressions write most (Codes._order): in alphabetical order 97% of the classes of three
    words or more were in three runs or more, now about 40%."""
    index = built().index
    classes = scattered = 0
    for pattern in index.patterns:
        for body in re.findall(r"\[\^?([^\]]*)\]", pattern.source_expression(index.codes)):
            size, runs = _runs(body)
            if size >= 3:
                classes += 1
                scattered += runs >= 3
    assert classes > 1_000
    assert scattered < 0.6 * classes, (scattered, classes)


def test_a_class_writes_runs_of_three_or_more_as_ranges() -> None:
    codes = built().codes
    by_code = {ord(code): word for word, code in codes.items()}
    start = next(n for n in sorted(by_code) if n + 1 in by_code and n + 2 in by_code)
    a, b, c = (by_code[start + step] for step in range(3))
    first, last = codes[a], codes[c]
    assert codes._class({a, b, c}) == f"[{first}-{last}]"
    assert codes._class({a, b, c}, negated=True) == f"[^{first}-{last}]"
    assert codes._class({a, c}) == f"[{first}{last}]"
    assert re.fullmatch(codes._class({a, b, c}), codes[b])
    assert not re.fullmatch(codes._class({a, c}), codes[b])
