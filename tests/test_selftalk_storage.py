"""The snapshot's compact storage gives back exactly what the sources say, and reads only what
a text needs (the memory a fresh process adds for its first analysis)."""

from __future__ import annotations

import copy
import json
import math
import pickle
import sys
import threading
from importlib import resources
from pathlib import Path
from types import FunctionType, MethodType

import pytest
from test_selftalk_patterns import built as built_from_sources
from test_selftalk_quality import CASES_GROUP, load_cases
from test_selftalk_quality import DATA as CASES

from tui.core.selftalk import Analyser, default_analyser, snapshot
from tui.core.selftalk.buckets import PAGE_BITS, LazyTable, Paged, Shelved
from tui.core.selftalk.compiler import CODE_BUCKETS, MASK_BUCKETS, Codes, Pattern
from tui.core.selftalk.compiler import _bucket as _code_bucket
from tui.core.selftalk.critic_gate import FILE as CRITIC_FILE
from tui.core.selftalk.critic_gate import Gate
from tui.core.selftalk.hashed import Risk
from tui.core.selftalk.learned import BUCKETS, Learned
from tui.core.selftalk.learned import _Row as _LearnedRow
from tui.core.selftalk.learned import _Rows as _LearnedRows

RISK_FILE = Path(__file__).resolve().parents[1] / "tui" / "core" / "data" / "selftalk_risk.bin"


def _weights() -> dict[str, object]:
    raw = resources.files("tui.core").joinpath("data/selftalk_weights.json").read_text("utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


def _tables(learned: Learned) -> tuple[object, ...]:
    return (
        learned.crisis,
        learned.critical,
        learned.category_fits,
        learned.crisis_support,
        learned.critical_support,
        learned.words,
        learned.crisis_threshold,
        learned.critical_threshold,
        learned.category_names,
    )


def test_stored_weights_read_back_exactly_and_only_as_needed() -> None:
    original = Learned(_weights())
    stored = pickle.loads(pickle.dumps(original))
    assert stored.crisis == {}  # nothing read yet
    features = default_analyser().features("I'm such an idiot, I always mess everything up.")
    assert stored.is_critical(features) == original.is_critical(features)
    read = sum(blob is None for blob in stored._pending)
    assert 0 < read < BUCKETS // 10  # a short sentence reads a few buckets, not all
    for case in load_cases(CASES)[:3000]:
        features = default_analyser().features(case.text)
        assert stored.is_crisis(features) == original.is_crisis(features), case.text
        assert stored.is_clearly_crisis(features) == original.is_clearly_crisis(features)
        assert stored.is_critical(features) == original.is_critical(features), case.text
        assert stored.category(features) == original.category(features), case.text
    stored._read_all()
    assert _tables(stored) == _tables(original)


def test_weights_that_are_not_whole_thousandths_are_stored_as_they_are() -> None:
    data = {
        "crisis": {"threshold": 1.0, "weights": {"gone": 0.1 + 0.2, "so": -0.5, "i gone": 1e-9}},
        "critical": {"threshold": 2.0, "weights": {"useless": 40.0, "so": 0.75}},
        "categories": {"labelling": {"useless": 0.3333333333333333}},
    }
    original = Learned(data)
    stored = pickle.loads(pickle.dumps(original))
    stored._read_all()
    assert _tables(stored) == _tables(original)
    assert stored.crisis["gone"] == 0.1 + 0.2 and not math.isnan(stored.crisis["so"])


# With the tests of test_selftalk_patterns, on one xdist worker: one build from the sources.
SOURCES_GROUP = pytest.mark.xdist_group("selftalk_patterns")


def _named(chosen: dict[str, list[Pattern]]) -> dict[str, list[str]]:
    return {group: [pattern.where for pattern in found] for group, found in chosen.items()}


@SOURCES_GROUP
def test_stored_rule_index_chooses_the_same_rules() -> None:
    """The index's word masks, stored as set bits by bucket, choose exactly what the integers
    did, and a short sentence reads only a few buckets."""
    original = built_from_sources().index  # one build a process, shared with other tests
    stored = pickle.loads(pickle.dumps(original))
    assert stored.masks == {}
    analyser = default_analyser()
    words = set(analyser.words("I'm such an idiot, I always mess everything up."))
    assert _named(stored.candidates(words)) == _named(original.candidates(words))
    assert 0 < sum(blob is None for blob in stored._pending) < MASK_BUCKETS // 4
    for case in load_cases(CASES)[:3000]:
        words = set(analyser.words(case.text))
        assert _named(stored.candidates(words)) == _named(original.candidates(words)), case.text
    stored._read_all()
    assert stored.masks == original.masks


@SOURCES_GROUP
def test_a_snapshot_rule_reads_the_very_same_expression() -> None:
    """A snapshot keeps each rule's expression, source and FILE:LINE in its file, not in
    memory, and no tree: read on first use it is exactly the expression built from the data
    files; so is the rule's source parsed again (what a snapshot without them does)."""
    built = built_from_sources()  # one build a process (~0.3 s), shared with other tests
    loaded = snapshot.load()
    assert loaded is not None, "stale: run python -m tui.core.selftalk.snapshot"
    stored, codes = loaded.index.patterns, loaded.codes
    assert all(pattern.node is None and pattern.expression is None for pattern in stored)
    assert isinstance(codes.expressions, Shelved)
    # Nor its source or FILE:LINE (~0.25 MiB): read from the file when asked.
    assert all(pattern._source is None and pattern._where is None for pattern in stored)
    for fresh, kept in zip(built.index.patterns, stored, strict=True):
        assert fresh.where == kept.where and fresh.source == kept.source
        assert kept.source_expression(codes) == fresh.source_expression(built.codes), fresh.where
    again = snapshot.load()
    assert again is not None
    again.codes.expressions = None
    for fresh, kept in zip(built.index.patterns[::7], again.index.patterns[::7], strict=True):
        assert kept.source_expression(again.codes) == fresh.expression, fresh.where


@SOURCES_GROUP
def test_a_snapshots_word_codes_are_read_as_words_are_met() -> None:
    """Memory (issue 14, session 17): each rule word's character (~4,000 words, ~0.65 MiB as
    a dict of strings) is read from the snapshot's buckets when a word of its bucket is first
    met. Every word reads as built: rule words their own character, others the shared two."""
    built = built_from_sources()
    loaded = snapshot.load()
    assert loaded is not None
    codes = loaded.codes
    words = loaded.tokens.words("I'm such an idiot, I always mess everything up.")
    assert codes.encode(words) == built.codes.encode(words)
    assert 0 < sum(codes._read) <= len(set(words)) and dict.__len__(codes) < 200
    assert codes.names_any(words) and not codes.names_any(["qwzx", "vvbnm"])
    others = ["qwzx", "walked", "zzzed", "blorpy", *words]
    assert [codes[w] for w in others] == [built.codes[w] for w in others]
    assert not built.codes.keys().isdisjoint(words)
    assert dict(codes) == dict(built.codes) and len(codes) == len(built.codes)  # reads them all
    assert codes._buckets is None
    assert pickle.loads(pickle.dumps(codes)) == built.codes


def test_a_word_missed_while_another_thread_reads_its_bucket_reads_as_a_rule_word() -> None:
    """The thread race of session 18 (1 run in ~40 of the test below): a thread looks a rule
    word up while another is reading its bucket, misses it, and by the time it checks the
    bucket's flag the other thread has marked it read. Answered "any other word" then, the
    word was remembered so, and its rules never matched in that process ("I always say the
    wrong thing" lost its rule's finding). Played here in order, one step at a time."""
    loaded = snapshot.load()
    assert loaded is not None
    codes = loaded.codes
    word = "always"
    number = _code_bucket(word, CODE_BUCKETS)
    codes._fill(number)  # the other thread finished the bucket after this thread's miss
    assert Codes.__missing__(codes, word) == dict.__getitem__(codes, word) != codes.other
    again = snapshot.load()
    assert again is not None
    again.codes._read_all()  # ... or read every bucket, and let go of them
    assert Codes.__missing__(again.codes, word) == dict.__getitem__(again.codes, word)
    assert Codes.__missing__(again.codes, "qwzx") == again.codes.other


def test_threads_meeting_rule_words_at_once_read_each_as_its_own() -> None:
    """The race above as it happens: six threads meet every rule word of a fresh snapshot at
    once, each word read through the memo of words met (as encoding a sentence reads it).
    Before the fix, 7 runs of 8 read some rule word as any other word (~1.5 s here)."""
    whole = snapshot.load()
    assert whole is not None
    truth = dict(whole.codes)  # (reads every bucket)
    words = sorted(truth)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        for _ in range(60):
            loaded = snapshot.load()
            assert loaded is not None
            met = loaded.codes.unknown
            wrong: list[str] = []

            def read(start: int, met: dict[str, str] = met, wrong: list[str] = wrong) -> None:
                # Every word, each thread from its own place: threads meet the same buckets.
                order = words[start:] + words[:start]
                wrong.extend(word for word in order if met[word] != truth[word])

            threads = [
                threading.Thread(target=read, args=(start,))
                for start in range(0, len(words), len(words) // 6 + 1)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert not wrong
    finally:
        sys.setswitchinterval(interval)


def test_a_pair_row_is_shared_only_once_it_is_whole() -> None:
    """A row of pair features is put in the shared memo only after it knows its first word:
    another thread may look it up the moment it is there."""

    class Watched(_LearnedRows):
        def __setitem__(self, first: str, row: _LearnedRow) -> None:
            assert row.first == first and row.rows is self
            super().__setitem__(first, row)

    rows = Watched()
    assert rows["i"]["am"] == "i am" and rows.size == 1


@CASES_GROUP  # what one thread reads (``expected``) the group has read already
def test_threads_reading_buckets_at_once_read_as_one_thread_does() -> None:
    """The app warms the analyser in a thread while the person may already be typing: a
    sentence must never be read against half a bucket another thread is still filling."""
    texts = [case.text for case in load_cases(CASES)[:1500]]
    expected = [default_analyser().analyse(text) for text in texts]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        for _ in range(3):
            loaded = snapshot.load()
            assert loaded is not None
            shared = Analyser()
            shared._built = loaded
            results: dict[int, object] = {}

            def read(
                start: int, shared: Analyser = shared, into: dict[int, object] = results
            ) -> None:
                for number in range(start, len(texts), 6):
                    into[number] = shared.analyse(texts[number])

            threads = [threading.Thread(target=read, args=(start,)) for start in range(6)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert [results[number] for number in range(len(texts))] == expected
    finally:
        sys.setswitchinterval(interval)


def test_the_snapshot_keeps_each_word_and_word_set_once() -> None:
    """Each data file is read on its own, so the same word is a new string in every class,
    rule and concept that names it: the snapshot makes equal strings, tuples and frozensets
    one object before saving, so a fresh process loads each once (~0.6 MiB less)."""
    loaded = snapshot.load()
    assert loaded is not None, "stale: run python -m tui.core.selftalk.snapshot"
    seen: set[int] = set()
    values: dict[tuple[type, object], int] = {}
    copies: list[object] = []
    stack: list[object] = [loaded]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, (type, FunctionType, MethodType)):
            continue
        seen.add(id(item))
        if type(item) in (str, tuple, frozenset):
            try:
                if values.setdefault((type(item), item), id(item)) != id(item):
                    copies.append(item)
            except TypeError:  # a tuple holding something unhashable
                pass
        if isinstance(item, dict):
            # What is in memory: a table read from buckets as needed (LazyTable) has nothing
            # in it yet, and reading it is not loading the snapshot.
            stack.extend(dict.keys(item))
            stack.extend(dict.values(item))
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        fields = getattr(item, "__dict__", None)
        if isinstance(fields, dict):
            stack.extend(fields.values())  # (attribute names: setattr interns them anyway)
        for cls in type(item).__mro__:
            for name in getattr(cls, "__slots__", ()):
                if name not in ("__dict__", "__weakref__") and hasattr(item, name):
                    stack.append(getattr(item, name))
    assert copies == []


def test_sharing_merges_equal_values_and_nothing_else() -> None:
    first: list[object] = ["word", "other"]
    second: list[object] = ["wo" + "rd".strip(), ("a", frozenset({"b"}))]
    holder: dict[str, list[object] | tuple[object, ...]] = {
        "x": first,
        "y": second,
        "z": ("a", frozenset({"b"})),
    }
    snapshot.share(holder)
    assert holder["x"][0] is holder["y"][0]
    assert holder["y"][1] is holder["z"]
    assert holder["x"] is first and holder["y"] is second  # mutable containers stay themselves


def test_a_rule_pickles_as_its_fields_in_one_tuple() -> None:
    """Memory (issue 14, session 16): pickle keeps every object it reads until the load ends,
    so each rule's slots read as a dict were ~0.7 MiB of a fresh process's peak while loading
    the snapshot. A rule is its fields in one tuple, and reads back the same."""
    import pickletools

    patterns = default_analyser().patterns
    data = pickle.dumps(patterns[:50], protocol=pickle.HIGHEST_PROTOCOL)
    opcodes = {opcode.name for opcode, _, _ in pickletools.genops(data)}
    assert "EMPTY_DICT" not in opcodes and "BUILD" not in opcodes
    fields = Pattern.__dataclass_fields__
    for before, after in zip(patterns[:50], pickle.loads(data), strict=True):
        assert [getattr(after, name) for name in fields] == [
            getattr(before, name) for name in fields
        ]


@pytest.fixture(scope="module")
def saved_from_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot saved from the sources, once for this module (a deep copy and a save cost
    ~3 s of CPU): each test reads its own copy of the file."""
    target = tmp_path_factory.mktemp("saved") / "snapshot.pickle"
    return snapshot.save(copy.deepcopy(built_from_sources()), target)


def own_copy(saved: Path, tmp_path: Path) -> Path:
    target = tmp_path / "snapshot.pickle"
    target.write_bytes(saved.read_bytes())
    return target


@SOURCES_GROUP
def test_a_snapshots_buckets_stay_in_its_file_until_a_text_needs_them(
    tmp_path: Path, saved_from_sources: Path
) -> None:
    """Memory (issue 14, session 17): the rule masks' and word weights' buckets (~0.6 MiB)
    follow the pickle in the snapshot file and are read from it when a sentence first needs
    one; a process keeps only where each starts. Read through a copy of the file descriptor,
    so a snapshot replaced meanwhile (a rebuild, an upgrade) is never read half old, half new."""
    built = built_from_sources()
    target = own_copy(saved_from_sources, tmp_path)
    loaded = snapshot.load(path=str(target))
    assert loaded is not None and loaded.learned is not None and built.learned is not None
    assert isinstance(loaded.learned._pending, Shelved)
    assert isinstance(loaded.index._pending, Shelved)
    assert all(blob is False for blob in loaded.learned._pending)  # nothing read yet
    # Replaced as save() and installers replace files (a new file moved over it), then gone:
    # the file it was loaded from stays readable through its descriptor.
    newer = tmp_path / "newer"
    newer.write_bytes(b"a newer build")
    newer.replace(target)
    target.unlink()
    analyser = Analyser()
    analyser._built = loaded
    first = analyser.analyse("I'm such an idiot, I always mess everything up.")
    assert first.critical
    read = sum(blob is None for blob in loaded.learned._pending)
    assert 0 < read < BUCKETS // 20
    loaded.learned._read_all()
    loaded.index._read_all()
    assert _tables(loaded.learned) == _tables(built.learned)
    assert loaded.index.masks == built.index.masks
    # Pickled again (not as a snapshot), they are the buckets themselves.
    again = pickle.loads(pickle.dumps(loaded.learned))
    again._read_all()
    assert _tables(again) == _tables(built.learned)


@SOURCES_GROUP
def test_the_grids_start_table_is_read_a_bucket_at_a_time(
    tmp_path: Path, saved_from_sources: Path
) -> None:
    """Memory (issue 14, session 17): the concept grid's start table (~0.8 MiB live) is read
    from the snapshot a bucket at a time, as a sentence's words need their entries; after a
    quarter of the buckets, all at once. What is read equals the sources' table."""
    built = built_from_sources()
    loaded = snapshot.load(path=str(own_copy(saved_from_sources, tmp_path)))
    assert loaded is not None
    starts = loaded.grid.starts
    assert isinstance(starts, LazyTable) and dict.__len__(starts) == 0
    words = loaded.tokens.words("I took all the pills tonight, I'm done.")
    assert loaded.grid.concepts(words) == built.grid.concepts(words)
    assert 0 < sum(starts._read) <= len(set(words))
    assert 0 < dict.__len__(starts) < len(built.grid.starts) // 10
    assert starts.get("<num>") == built.grid.starts.get("<num>")
    assert starts.get("no such first word") is None and len(starts) == len(built.grid.starts)
    for case in load_cases(CASES)[:400]:
        words = loaded.tokens.words(case.text.lower())
        assert loaded.grid.concepts(words) == built.grid.concepts(words), case.text
    assert starts._done  # many buckets: read whole
    assert starts == built.grid.starts and dict(starts.items()) == built.grid.starts
    assert pickle.loads(pickle.dumps(starts)) == built.grid.starts


def test_hashed_weights_are_read_a_page_at_a_time() -> None:
    """Memory (issue 14, session 17): the wider net's and the critic gate's weights (~0.45
    MiB of signed bytes) are read from their files a page at a time as new words ask for
    them; after PAGE_BUDGET pages, all at once, and whoever holds them is given the plain
    array (a long text reads them in C). Every weight and score reads as the array's."""
    loaded = snapshot.load()
    assert loaded is not None and loaded.risk is not None and loaded.risk.back is not None
    raw = RISK_FILE.read_bytes()
    risk = Risk.read(raw)
    assert risk.back is not None
    paged = loaded.risk.weights
    assert isinstance(paged, Paged) and not paged._pages
    words = loaded.tokens.words("took the whole packet an hour ago, sorry everyone")
    assert loaded.risk.score(words) == risk.score(words)
    assert loaded.risk.back.share(words) == risk.back.share(words)
    assert 0 < len(paged._pages) < len(paged) >> PAGE_BITS >> 3
    for case in load_cases(CASES)[:300]:
        words = loaded.tokens.words(case.text.lower())
        assert loaded.risk.score(words) == risk.score(words), case.text
    assert paged.whole is not None and loaded.risk.weights is paged.whole
    assert loaded.risk.words.weights is paged.whole and paged.whole == risk.weights
    assert pickle.loads(pickle.dumps(loaded.risk)).weights == risk.weights
    gate = Gate.load()
    assert gate is not None and gate.own is not None
    assert isinstance(gate.weights, Paged) and isinstance(gate.own.weights, Paged)
    plain = Gate.read(Path(CRITIC_FILE).read_bytes())
    assert plain.own is not None
    for case in load_cases(CASES)[:300]:
        words = loaded.tokens.words(case.text.lower())
        assert gate.score(words) == plain.score(words) and gate.share(words) == plain.share(words)
        assert gate.own.share(words) == plain.own.share(words)
    assert gate.weights.tolist() == plain.weights.tolist()
    assert list(gate.own.weights) == list(plain.own.weights)
