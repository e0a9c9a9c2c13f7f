"""The analyser's shortcuts for speed must read exactly what the plain way reads.

Each fast path (issue 14: 100 KB in 50 ms) is checked against a slow reference written the
plain way, on every line of the case files and on awkward made-up ones, so a later change to
either side can't quietly make them differ."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.selftalk import compiler, default_analyser
from tui.core.selftalk.compiler import Index, Pattern, branches, matches
from tui.core.selftalk.concepts import (
    _CLOCK,
    _END,
    _MANY,
    _MANY_FROM,
    _NUMBER,
    _SPECIAL,
    ANSWER_MAX_SENTENCES,
    DAY_ALONE,
    Grid,
    _matches,
    made,
)
from tui.core.selftalk.lean import leans
from tui.core.selftalk.learned import START, Features
from tui.core.selftalk.scope import Scoper
from tui.core.selftalk.tokens import (
    BREAK,
    PIECE,
    PIECE_ASCII,
    SENTENCE,
    SENTENCE_ASCII,
    lower,
    pieces,
    sentence_list,
)

DATA = Path(__file__).parent / "data"
AWKWARD = [
    "well--no, I'm useless - really",
    "- starting with a dash",
    "ending with one -",
    "a-b - c -- d",
    "tabs\t-\tand new\n-\nlines",
    "I don't, not ever, want to be not here",
    "can't stop thinking about it, at 3am, 2 hours ago",
    "i'm not ok , , ,",
    "decided.",
    "I have decided, tonight",
    "ill never be good enough",
]


def _sentences() -> list[str]:
    found: list[str] = []
    for name in ("self_talk_cases.tsv", "self_talk_blind.tsv"):
        path = DATA / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.append(line.partition("\t")[2])
    chunks = [chunk.group() for text in found + AWKWARD for chunk in SENTENCE.finditer(lower(text))]
    return list(dict.fromkeys(chunks))


SENTENCES = _sentences()


def test_a_dash_is_a_piece_only_when_it_stands_alone() -> None:
    """PIECE checks "alone" after the dash (so every branch starts with a character the
    engine can skip to); it must find what the look-behind before it found."""
    plain = re.compile(r"\w[\w'*]*|[,:—–/|~·]|(?<!\S)-(?!\S)")
    for text in [*SENTENCES, *AWKWARD, "-", " - ", "--", "x -y", "- x", "a - - b"]:
        assert PIECE.findall(text) == plain.findall(text), text


def test_ascii_text_is_split_and_tokenised_as_any_text() -> None:
    """ASCII text is read with bitmap character classes (see tokens.py): the same sentences
    and pieces as the Unicode expressions, on the cases and on random ASCII, controls and
    all."""
    rng = random.Random(14)
    alphabet = [chr(code) for code in range(128)]
    texts = [lower(text) for text in SENTENCES + AWKWARD if text.isascii()]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(0, 80))) for _ in range(3000)]
    texts += ["".join(rng.choices("ab -'*,.\n\t\x1c_9", k=30)) for _ in range(3000)]
    for text in texts:
        assert text.isascii()
        spans = [match.span() for match in SENTENCE.finditer(text)]
        assert [match.span() for match in SENTENCE_ASCII.finditer(text)] == spans, repr(text)
        assert PIECE_ASCII.findall(text) == PIECE.findall(text), repr(text)
        assert pieces(text) == PIECE.findall(text), repr(text)
        assert pieces(text.replace("-", " ")) == PIECE.findall(text.replace("-", " ")), repr(text)


def test_sentences_are_cut_where_the_expression_cuts_them() -> None:
    """The analyser cuts a text into sentences with str.replace and str.split (see
    tokens.sentence_list): the same sentences at the same starts as SENTENCE, on whole case
    files (Unicode and all), on random text made of every character SENTENCE stops at, and
    on each of those characters alone."""
    rng = random.Random(15)
    stops = [chr(code) for code in range(0x110000) if not SENTENCE.fullmatch(chr(code))]
    assert len(stops) > 10
    alphabet = [*stops, "a", " ", "'", "é", "-", "—", "\t"]
    texts = [lower("\n".join(SENTENCES)), lower(" ".join(SENTENCES[:500])), *stops, ""]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(4000)]
    texts += [text for text in texts[:2] if text.isascii()]
    for text in texts:
        expected = [(match.start(), match.group()) for match in SENTENCE.finditer(text)]
        assert sentence_list(text) == expected, repr(text[:80])


def _features_plain(features: Features, words: list[str]) -> set[str]:
    """The one loop every sentence used to take: negation marks, clause breaks and all."""
    found: set[str] = set()
    previous, mark = START, ""
    for word in words:
        if word == BREAK:
            previous, mark = START, ""
            continue
        if word in features.clause_end:
            mark = ""
        found.add(mark + word)
        found.add(mark + previous + " " + word)
        if mark and word in features.not_negating and previous in features.negators:
            mark = ""
        previous = word
        if word in features.negators:
            mark = "!"
    return found


def test_features_made_in_c_are_the_features_of_the_loop() -> None:
    built = default_analyser().built
    fast = {True: 0, False: 0}  # sentences with no negation, by whether they have a break
    for low in SENTENCES:
        words = built.tokens.words(low)
        if built.features.negators.isdisjoint(words):
            fast[BREAK in words] += 1
        assert built.features(words) == _features_plain(built.features, words), low
    assert min(fast.values()) > 10  # both fast paths were taken, not only the loop


def _concepts_plain(grid: Grid, words: list[str]) -> frozenset[str]:
    """Every phrase tried at every word it can start at, with no shortcut, then the same
    checks of whose acts they are."""
    padded = [*words, *_END]
    found: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        keys = [word]
        if word[:1].isdigit():
            keys.append(_NUMBER)
            if word.isdecimal() and int(word) >= _MANY_FROM:
                keys.append(_MANY)
            if word.endswith(("am", "pm")):
                keys.append(_CLOCK)
        for key in keys:
            singles, following, _ = grid.starts.get(key, (None, None, None))
            tries = [(rest, 1, concept) for concept, rest, _, _ in singles or ()]
            pairs = (following or {}).get(padded[position + 1], ())
            tries += [(rest, 2, concept) for concept, rest, _, _ in pairs]
            for rest, matched, concept in tries:
                if _matches(padded, position + matched, rest):
                    found.setdefault(concept, []).append(position)
    if not found:
        return frozenset()
    if not grid.blocking.isdisjoint(found):
        return grid.blocking.intersection(found)
    concepts = {
        concept
        for concept, starts in found.items()
        if concept not in grid.acts or any(grid._by_writer(words, start) for start in starts)
    }
    if "SELF" not in concepts and grid._starts_with_act(words):
        concepts.add("SELF")
    return frozenset(concepts)


def test_the_grid_shortcuts_find_what_every_phrase_finds() -> None:
    """A phrase passed over without a call (its next word, or a word it needs, is not in
    the sentence) could never have matched."""
    built = default_analyser().built
    grid = built.grid
    found = 0
    for low in SENTENCES:
        words = built.tokens.words(low)
        concepts = grid.concepts(words, low)
        # DAY_ALONE is what the sentence is as a whole (a day on its own), not a phrase found.
        assert concepts - {DAY_ALONE} == _concepts_plain(grid, words), low
        found += bool(concepts - {"SELF"})
    assert found > 10  # phrases beyond "I" were found, not only passed over


def test_the_grid_passes_over_a_first_words_phrases_with_one_look() -> None:
    """Speed (issue 14, session 16): a phrase's check for a word it needs within reach is
    never the clause break when it has a plainer step ("," is within reach of nearly every
    word, so "i ~3 keep/kept on ," was tried at every "i"); and a first word with several
    longer phrases, each so checked, has a gate: one look at the words after it passes over
    them all. What is found stays the same (the test above)."""
    grid = default_analyser().built.grid
    for word, (singles, following, _) in grid.starts.items():
        for entries in [singles or (), *(following or {}).values()]:
            for _, rest, _, need in entries:
                plain = [step for step in rest if isinstance(step, frozenset) and "," not in step]
                if need is not None and any(_SPECIAL.isdisjoint(step) for step in plain):
                    assert BREAK not in need[0], (word, rest)
    entries, _, gate = grid.starts["i"]
    assert entries is not None and len(entries) > 2 and gate is not None
    assert gate[2] == ("SELF",)  # only "I" itself when no way of keeping on follows
    words = ["i", "walked", "the", "dog", "in", "the", "rain"]
    assert gate[0].isdisjoint(words)
    assert grid.concepts(words, " ".join(words)) == frozenset({"SELF"})


def _entry_plain(grid: Grid, sentences: list[frozenset[str]]) -> dict[int, object]:
    """Every two sentences side by side, as the grid read them before it skipped pairs in C."""
    found: dict[int, object] = {}
    for number in range(len(sentences) - 1):
        first, second = sentences[number], sentences[number + 1]
        if grid.anchors.isdisjoint(first) or grid.anchors.isdisjoint(second):
            continue
        rule = grid.verdict(first | second)
        if rule is None:
            continue
        for each in (number, number + 1):
            alone = grid.verdict(sentences[each])
            if alone is None or (alone.verdict == "ask" and rule.verdict == "crisis"):
                previous = found.get(each)
                if previous is None or getattr(previous, "verdict", None) == "ask":
                    found[each] = rule
    # The whole answer's combinations (rules with answer = true, session 14): every
    # sentence's concepts pooled, given to each sentence holding one of the rule's anchors.
    if 2 < len(sentences) <= ANSWER_MAX_SENTENCES:
        pooled = frozenset().union(*sentences)
        whole = [rule for rule in grid.rules if rule.answer and made(rule, pooled)]
        if whole:
            rule = whole[0]
            named = grid.anchors & frozenset().union(*rule.needs)
            for each, concepts in enumerate(sentences):
                if named.isdisjoint(concepts):
                    continue
                alone = grid.verdict(concepts)
                if alone is None or (alone.verdict == "ask" and rule.verdict == "crisis"):
                    previous = found.get(each)
                    if previous is None or (
                        getattr(previous, "verdict", None) == "ask" and rule.verdict == "crisis"
                    ):
                        found[each] = rule
    return found


def test_sentences_side_by_side_are_read_as_before() -> None:
    built = default_analyser().built
    grid = built.grid
    sets = [grid.concepts(built.tokens.words(low), low) for low in SENTENCES]
    anchored = [concepts for concepts in sets if not grid.anchors.isdisjoint(concepts)]
    rng = random.Random(17)
    joined = 0
    for _ in range(2000):
        pool = anchored if rng.random() < 0.7 else sets
        answer = [rng.choice(pool) for _ in range(rng.randint(0, 7))]
        found = grid.entry(answer)
        assert found == _entry_plain(grid, answer), answer
        joined += bool(found)
    assert joined > 20  # pairs were joined, not only skipped


def _misses(index: Index, built: object, sentences: list[str]) -> Iterator[tuple[str, str]]:
    """(rule, sentence) for every rule indexed by branch that matches a sentence the index
    didn't offer it for (a rule of one branch is indexed by the same sets as ever), found one
    at a time: the check that a broken index is caught needs only the first."""
    tokens, codes, grammar = built.tokens, index.codes, built.grammar  # type: ignore[attr-defined]
    split = [p for p in index.patterns if len(branches(grammar, p)) > 1]
    assert len(split) > 20
    for low in sentences:
        words = tokens.words(low)
        if not words:
            continue
        code = codes.encode(words)
        offered = {id(p) for group in index.candidates(set(words)).values() for p in group}
        for pattern in split:
            if id(pattern) not in offered and matches([pattern], codes, code):
                yield pattern.source, low


def _missed(index: Index, built: object, sentences: list[str]) -> list[tuple[str, str]]:
    return list(_misses(index, built, sentences))


# With the tests of test_selftalk_patterns, on one xdist worker: one build from the sources.
SOURCES_GROUP = pytest.mark.xdist_group("selftalk_patterns")


def _from_sources() -> tuple[Index, object]:
    from test_selftalk_patterns import built as built_from_sources

    built = built_from_sources()  # the pattern trees are kept; one build a process (~0.3 s)
    return built.index, built


@SOURCES_GROUP
def test_the_index_offers_every_rule_that_matches() -> None:
    """Rules that are alternatives at their top are indexed branch by branch (a common word
    in one branch made the whole rule a candidate in most sentences): no sentence may lose a
    match by it, on the cases or on sentences made of rule words."""
    index, built = _from_sources()
    vocabulary = sorted(index.codes)
    rng = random.Random(5)
    made = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(2, 12))) for _ in range(600)]
    assert _missed(index, built, SENTENCES + made) == []
    assert index.width > len(index.patterns)


@SOURCES_GROUP
def test_a_branch_left_out_of_the_index_is_caught() -> None:
    """The check above can fail: an index that forgets each rule's last branch loses matches."""
    _, built = _from_sources()
    grammar = built.grammar  # type: ignore[attr-defined]

    def first_branches(grammar_: object, pattern: Pattern) -> list[list[frozenset[str] | None]]:
        found = branches(grammar, pattern)
        return found[:-1] if len(found) > 1 else found

    original = compiler.branches
    compiler.branches = first_branches  # type: ignore[assignment]
    try:
        broken = Index(list(built.index.patterns), grammar, built.lexicon)  # type: ignore[attr-defined]
    finally:
        compiler.branches = original
    assert next(_misses(broken, built, SENTENCES), None) is not None


def _clause_vocatives_plain(scoper: Scoper, words: list[str]) -> list[tuple[str, int, int, bool]]:
    found = []
    start = 0
    for index in range(len(words) + 1):
        if index < len(words) and words[index] != BREAK:
            continue
        clause = words[start:index]
        if 0 < len(clause) <= 8 and scoper._insult(clause, scoper.clause_ok):
            found.append(("harsh-self-address", start, index, False))
        start = index + 1
    return found


def test_clauses_without_a_head_word_are_passed_over_as_no_insult() -> None:
    """clause_vocatives skips its loop when no word could head an insult; what it finds must
    be what the loop finds, on the cases and on clauses of insult words."""
    built = default_analyser().built
    scoper = built.scoper
    heads = sorted(scoper.vocative_head)
    allowed = sorted(scoper.clause_ok)
    rng = random.Random(11)
    made = [
        [rng.choice(heads if rng.random() < 0.1 else allowed) for _ in range(rng.randint(1, 12))]
        for _ in range(3000)
    ]
    found = 0
    for words in [built.tokens.words(low) for low in SENTENCES] + made:
        assert scoper.clause_vocatives(words) == _clause_vocatives_plain(scoper, words), words
        found += bool(scoper.clause_vocatives(words))
    assert found > 50


def _labelled(label: str) -> list[str]:
    rows = (DATA / "self_talk_cases.tsv").read_text(encoding="utf-8").splitlines()
    return [row.partition("\t")[2] for row in rows if row.startswith(label + "\t")]


def test_the_recovery_head_is_read_only_where_a_verdict_turns_on_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A text of many crisis lines is settled at its first: the recovery head reads that one
    (and its neighbours), not every worrying sentence after it (it read them all)."""
    from tui.core.selftalk import Analyser
    from tui.core.selftalk import concern as module

    analyser = Analyser()
    # The first 101 read as crisis, in order (the text below is made of the first 60): reading
    # all ~3,500 crisis cases to keep 60 of them was ~1 s of the suite's CPU.
    crisis = (line for line in _labelled("crisis") if analyser.analyse(line).concern == "crisis")
    lines = list(itertools.islice(crisis, 101))
    assert len(lines) > 100
    analyser.readings.clear()
    calls: list[int] = []
    shares = module._back_shares

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(1)
        return shares(*args)

    monkeypatch.setattr(module, "_back_shares", counted)
    text = " ".join(line.rstrip(".!?") + "." for line in lines[:60])
    assert analyser.analyse(text).concern == "crisis"
    assert len(calls) <= 2, len(calls)


def test_looking_back_asked_as_needed_gives_every_verdict_of_all_asked() -> None:
    """Whether a sentence looks back, worked out only where _concern asks, and _concern's stop
    at the first crisis, give the concern every flag worked out up front gives."""
    from tui.core.selftalk import analyser as module

    analyser = default_analyser()
    built = analyser.built
    pool = {label: _labelled(label) for label in ("crisis", "idiom", "neutral", "kind")}
    rng = random.Random(14)
    seen: set[str | None] = set()
    for _ in range(400):
        parts = [rng.choice(pool[rng.choice(list(pool))]) for _ in range(rng.randint(1, 6))]
        text = " ".join(part.rstrip(".!?") + "." for part in parts)
        concern = analyser.analyse(text).concern
        low = lower(text)
        readings = []
        for start, chunk in sentence_list(low):
            reading = analyser._reading(built, chunk)
            if reading is not None:
                readings.append((start, reading))
        joined = built.grid.entry([reading.concepts for _, reading in readings])
        lazy = module._looking_back(built, readings, low, joined)
        assert lazy is not None
        flags = [lazy[number] for number in range(len(readings))]
        plain = module._concern([reading for _, reading in readings], joined, flags)  # type: ignore[arg-type]
        if plain is None and len(readings) == 1 and leans(built, readings[0], low):
            plain = "ask"  # the net's lean on a text of one sentence, as analyse reads it
        assert plain == concern, text
        seen.add(concern)
    assert seen == {"crisis", "ask", "recovery", None}


def test_whom_a_sentence_opens_on_is_asked_only_before_a_label(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """aim.points_elsewhere is worked out for a sentence only when a label with no "I" in it
    follows (or the weights alone would flag it), not for every sentence read (it was)."""
    from tui.core.selftalk import Analyser
    from tui.core.selftalk import analyser as module

    analyser = Analyser()
    analyser.analyse("warming up")
    calls: list[int] = []
    plain = module.points_elsewhere

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(1)
        return plain(*args)

    monkeypatch.setattr(module, "points_elsewhere", counted)
    lines = _labelled("neutral")[:200]
    analyser.analyse(" ".join(line.rstrip(".!?") + "." for line in lines))
    assert len(calls) < 20, len(calls)
    # ... and still asked where it decides: "The pharmacy lost it again. Hopeless lot."
    assert not analyser.analyse("The pharmacy lost my prescription again. Hopeless lot.").critical
    assert analyser.analyse("I lost my prescription again. Hopeless lot.").critical


def test_after_a_crisis_settles_the_text_later_sentences_are_read_for_the_critic_alone(
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """Once a text's concern is known to be crisis, nothing later can change it: the
    concern's part (the net, the grid, crisis words, concern cues) of its later sentences is
    not read (it was, for every sentence: about a third of a 100 KB text's time)."""
    from tui.core.selftalk import Analyser
    from tui.core.selftalk import analyser as module

    analyser = Analyser()
    crisis = next(line for line in _labelled("crisis") if analyser.analyse(line).crisis)
    rest = [line.rstrip(".!?") + "." for line in _labelled("critic")[:200]]
    analyser.readings.clear()
    calls: list[int] = []
    plain = module.read_concern

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(1)
        return plain(*args)

    monkeypatch.setattr(module, "read_concern", counted)
    text = " ".join([crisis.rstrip(".!?") + ".", *rest])
    analysis = analyser.analyse(text)
    assert analysis.crisis
    assert analysis.findings  # the later sentences are still read for the critic
    assert len(calls) <= 20, len(calls)  # the first few, and critic sentences the weights ask of


def test_sentences_read_for_the_critic_alone_read_the_same_when_asked_again() -> None:
    """A sentence first met after a text's crisis keeps only the critic's part; met again in
    another text, its concern's part is read then: every analysis is what an analyser that
    remembers nothing reads, and what the rest of the text was doesn't matter."""
    from tui.core.selftalk import Analyser

    remembering = default_analyser()
    fresh = Analyser(readings_limit=0)
    pool = {label: _labelled(label) for label in ("crisis", "idiom", "neutral", "kind", "critic")}
    rng = random.Random(15)
    partial = 0
    for _ in range(60):
        parts = [rng.choice(pool[rng.choice(list(pool))]) for _ in range(rng.randint(1, 9))]
        text = " ".join(part.rstrip(".!?") + "." for part in parts)
        # In a settled text first, then alone and in a new order.
        remembering.analyse(" ".join([rng.choice(pool["crisis"]), text]))
        partial += sum(
            reading is not None and not reading.done for reading in remembering.readings.values()
        )
        for again in (text, " ".join(reversed(parts)), parts[0]):
            assert remembering.analyse(again) == fresh.analyse(again), again
    assert partial > 40  # the case this test is about happened


def test_the_nets_lean_on_a_text_of_one_sentence_reads_its_words_once() -> None:
    """leans() read a sentence's words twice (once for the net's clause windows, once for the
    idiom rules): without emoji they are the same words."""
    analyser = default_analyser()
    built = analyser.built
    risk = built.risk
    assert risk is not None and risk.windows
    tokens = built.tokens
    plain_words = tokens.words
    plain_window = risk.best_window
    calls: list[str] = []
    reached = 0
    try:
        tokens.words = lambda low: (calls.append(low), plain_words(low))[1]  # type: ignore[method-assign]
        risk.best_window = lambda words: (calls.append("window"), plain_window(words))[1]  # type: ignore[method-assign]
        for line in _labelled("crisis")[::3] + _labelled("neutral")[::3]:
            low = lower(line)
            chunks = sentence_list(low)
            if len(chunks) != 1:
                continue
            reading = analyser._reading(built, chunks[0][1])
            if reading is None:
                continue
            calls.clear()
            leans(built, (chunks[0][0], reading), low)
            if "window" in calls:
                reached += 1
                assert len(calls) == 2, (line, calls)  # the window, and the words once
    finally:
        del tokens.words, risk.best_window  # type: ignore[attr-defined]
    assert reached > 5, reached


class _Eager:
    """Reads every sentence in full (the concern's part, and the critic gate's alone band),
    whatever the text: the plain way the analyser's shortcuts are checked against."""

    def __init__(self) -> None:
        from tui.core.selftalk import Analyser

        class Eager(Analyser):
            def _reading(self, built, low, full=True, hear_alone=True):  # type: ignore[no-untyped-def]
                return super()._reading(built, low, True, True)

        self.analyser = Eager(readings_limit=0)


def test_a_long_text_leaves_the_gates_alone_band_unasked() -> None:
    """What the critic gate alone hears is dropped in a text of more than OWN_MAX_SENTENCES
    sentences, so such a text doesn't ask it (it did, for most sentences)."""
    from tui.core.selftalk import Analyser
    from tui.core.selftalk.critic_gate import OWN_MAX_SENTENCES

    analyser = Analyser()
    built = analyser.built
    lines = [line.rstrip(".!?") + "." for line in _labelled("neutral")[:60]]
    calls: list[int] = []
    plain = built.critic_alone

    def counted(words):  # type: ignore[no-untyped-def]
        calls.append(1)
        return plain(words)

    built.critic_alone = counted  # type: ignore[method-assign]
    analyser.analyse(" ".join(lines))
    assert len(lines) > OWN_MAX_SENTENCES and calls == []
    for line in lines[:10]:
        analyser.analyse(line)  # the same sentences alone: asked now
    assert calls


def test_sentences_left_unheard_read_as_if_heard() -> None:
    """Sentences first met in a long text, the gate's alone band unasked, give every later
    text what reading them in full gives; and a verdict owned by the next sentence ("That's
    what I am.") is not taken for a sentence with no finding of its own."""
    remembering = default_analyser()
    eager = _Eager().analyser
    # The gate alone hears this one (a verdict of four words the rules and weights don't).
    owned = "Feckless exhausting unlikeable selfish. That's what I am."
    pool = {label: _labelled(label) for label in ("critic", "neutral", "kind", "crisis")}
    rng = random.Random(16)
    for _ in range(40):
        parts = [rng.choice(pool[rng.choice(list(pool))]) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts) + 1), owned)
        text = " ".join(part.rstrip(".!?") + "." for part in parts)
        for again in (text, parts[0], " ".join(parts[:3])):
            assert remembering.analyse(again) == eager.analyse(again), again
    long_text = " ".join([owned, *(line.rstrip(".!?") + "." for line in pool["neutral"][:12])])
    remembering.readings.clear()
    assert remembering.analyse(long_text) == eager.analyse(long_text)
    assert remembering.analyse(owned) == eager.analyse(owned)


def _plain_matches(patterns: list[Pattern], code: str) -> list[tuple[Pattern, int, int]]:
    found = []
    for pattern in patterns:
        regex = pattern.regex
        assert regex is not None
        found += [
            (pattern, m.start(), m.end()) for m in regex.finditer(code) if m.end() > m.start()
        ]
    return found


def test_matches_searched_on_from_each_end_are_what_finditer_finds() -> None:
    """compiler.matches searches on from each match's end instead of making an iterator: the
    matches must be finditer's, non-empty ones only, also where a pattern can match nothing
    (an empty match changes where finditer goes on)."""
    expressions = ["ab", "a*", "(?:ab)?", "b|", "a(?=b)|c*", "(?<=a)b*", "x"]
    patterns = [
        Pattern("critical", "labelling", e, None, None, None, (), regex=re.compile(e))
        for e in expressions
    ]
    codes = default_analyser().built.codes  # (not read: every pattern is compiled)
    rng = random.Random(7)
    texts = ["", "ab", "abab", "aab", "ba", "cab", "xabcx"]
    texts += ["".join(rng.choice("abcx") for _ in range(rng.randint(0, 12))) for _ in range(400)]
    for text in texts:
        for pattern in patterns:
            found = matches([pattern], codes, text)
            assert found == _plain_matches([pattern], text), (pattern.source, text)
        assert matches(patterns, codes, text) == _plain_matches(patterns, text)


def test_a_remembered_text_with_findings_is_not_tokenised_again() -> None:
    """Whether a finding's sentence reports a harsh thought and replies to it
    (Scoper.reported_thought, asked by quoting.answered) is part of the sentence's reading,
    remembered with it: quoting tokenised every finding's sentence again in every text it met
    it in (a fifth of a calm 100 KB text read the second time). And a reply is still found in
    a sentence whose finding came later (a long text leaves the gate's alone band unheard)."""
    from tui.core.selftalk import Analyser

    analyser = Analyser()
    built = analyser.built
    lines = [line.rstrip(".!?") + "." for line in _labelled("critic")[:80]]
    reply = "Whenever I think I'm a useless cook, I remind myself the soup was lovely."
    text = " ".join([*lines, reply])
    first = analyser.analyse(text)
    assert len(first.findings) > 40
    plain = built.tokens.words
    calls: list[str] = []
    try:
        built.tokens.words = lambda low: (calls.append(low), plain(low))[1]  # type: ignore[method-assign]
        again = analyser.analyse(text)
    finally:
        del built.tokens.words  # type: ignore[attr-defined]
    assert again == first
    assert calls == [], len(calls)
    assert not analyser.analyse(reply).critical
    assert Analyser(readings_limit=0).analyse(text) == first
