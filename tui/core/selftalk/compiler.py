"""Rules become regular expressions over one character a word, and an index picks the few
worth trying on each sentence. Matching runs in C and stays linear in the text."""

from __future__ import annotations

import marshal
import re
import threading
from array import array
from binascii import crc32
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Sequence, Set, ValuesView
from dataclasses import dataclass
from functools import reduce
from operator import or_

from .buckets import Blobs, LazyBuckets, Shelved, blob_at, restore
from .data import Lexicon, Rule
from .pattern import (
    Alt,
    ClauseEnd,
    ClauseStart,
    Grammar,
    Memo,
    Node,
    NotNext,
    NotPrev,
    Pred,
    Rep,
    Seq,
    Skip,
    Words,
)
from .tokens import BREAK, NORM_CACHE_LIMIT


@dataclass(slots=True, eq=False)
class Pattern:
    """A rule with what to do when it matches. Its regular expression is compiled on first
    use: most texts need only a few of the rules, and compiling all of them takes a while."""

    group: str  # see data.GROUPS
    kind: str
    _source: str | None  # the pattern as written (None in a snapshot: see source)
    node: Node | None  # None in a snapshot, where only the expression is kept
    context: Node | None
    trigger: frozenset[str] | None
    required: tuple[frozenset[str], ...]
    weak: bool = False
    negation: str = "suppress"  # "suppress", "ignore" or "polarity"
    needs_self: bool = False
    _where: str | None = ""  # FILE:LINE (None in a snapshot: see where)
    regex: re.Pattern[str] | None = None
    expression: str | None = None  # the regular expression's source, once worked out
    stored: int = -1  # in a snapshot: where its expression is kept (Codes.expressions)
    texts: Blobs | Shelved | None = None  # in a snapshot: each rule's source and where

    # A snapshot keeps each rule's source and FILE:LINE in its file, not in memory (~0.25 MiB;
    # the rules are tried by their expressions): read when asked (messages, tests).

    @property
    def source(self) -> str:
        source = self._source
        return source if source is not None else self._stored_text()[0]

    @property
    def where(self) -> str:
        where = self._where
        return where if where is not None else self._stored_text()[1]

    def _stored_text(self) -> list[str]:
        if self.texts is None or self.stored < 0:
            raise ValueError("a rule with neither its source nor where it is kept")
        return blob_at(self.texts, self.stored).decode("utf-8").split("\n", 1)

    def __reduce__(self) -> tuple[type[Pattern], tuple[object, ...]]:
        """Pickled as its fields in one tuple, not as a dict of its slots: pickle keeps every
        object it reads until the whole load ends, and a snapshot's ~1,100 dicts of 13 slots
        were ~0.7 MiB of a fresh process's peak, freed only after the load."""
        return Pattern, (
            self.group,
            self.kind,
            self._source,
            self.node,
            self.context,
            self.trigger,
            self.required,
            self.weak,
            self.negation,
            self.needs_self,
            self._where,
            self.regex,
            self.expression,
            self.stored,
            self.texts,
        )

    def compiled(self, codes: Codes) -> re.Pattern[str]:
        regex = self.regex
        if regex is None:
            regex = self.regex = re.compile(self.source_expression(codes))
        return regex

    def source_expression(self, codes: Codes) -> str:
        expression = self.expression
        if expression is None:
            node, context = self.node, self.context
            stored = codes.expressions
            if node is None and stored is not None and self.stored >= 0:
                # A snapshot keeps no trees, and its expressions in its file, not in memory
                # (most rules are never used in a process): read as it was built.
                self.expression = expression = blob_at(stored, self.stored).decode()
                return expression
            if node is None:  # a snapshot without them: the rule parsed again, as built
                node, context = parse_rule(codes.grammar, self.source)
            expression = codes.expression(node)
            if context is not None:
                expression += f"(?={codes.expression(context)})"
            self.expression = expression
        return expression


def parse_rule(grammar: Grammar, source: str) -> tuple[Node, Node | None]:
    """A rule's pattern: the span, and what must follow it (after "=>"), if anything."""
    span_source, _, context_source = source.partition("=>")
    node = grammar.parse(span_source)
    context = grammar.parse(context_source) if context_source.strip() else None
    return node, context


def compile_rule(grammar: Grammar, rule: Rule) -> Pattern:
    """The rule as a pattern; a pattern that doesn't parse is an error naming FILE:LINE."""
    try:
        node, context = parse_rule(grammar, rule.pattern)
    except (ValueError, IndexError) as error:
        raise ValueError(f"{rule.where}: {error}") from None
    required = grammar.required(node) + (grammar.required(context) if context else [])
    trigger = grammar.best(required)
    kind = rule.kind
    if rule.group == "farewell":  # each cue counts once, whatever its strength
        kind = f"{rule.kind} {rule.pattern}"
    return Pattern(
        group=rule.group,
        kind=kind,
        _source=rule.pattern,
        node=node,
        context=context,
        trigger=trigger,
        # The trigger is known to be present when the pattern is looked up.
        required=tuple(w for w in sorted(required, key=grammar.cost) if w is not trigger),
        weak=rule.weak,
        negation=rule.negation,
        needs_self=rule.needs_self,
        _where=rule.where,
    )


_PRIVATE_USE = 0xE000  # the Basic Multilingual Plane's private use area: 6,400 characters
_PRIVATE_USE_SIZE = 6400


class Codes(dict[str, str]):
    """One character for each word, so that a pattern is a regular expression over a sentence
    written one character a word, and matching runs in C.

    Every word the rules name gets a character of its own (from the private use area); all
    other words share two, one for past participles (``@PP``) and one for the rest. Word
    sets become character classes, ``~N`` a lazy bounded run of words that are not breaks or
    negations, ``!a`` and ``!<a`` look-arounds. Every repetition is bounded, so the work at
    each position is bounded and matching stays linear in the text: nothing can backtrack
    catastrophically. The expressions match exactly what the rules say: a test checks them
    against a plain reading of the pattern tree."""

    def __init__(self, patterns: list[Pattern], grammar: Grammar, lexicon: Lexicon) -> None:
        self.grammar = grammar  # to parse a snapshot's rules again (see Pattern.compiled)
        self.skip_stop = lexicon["skip_stop"]
        self.clause_end = lexicon["clause_end"]
        self.is_past_participle = grammar.is_past_participle
        self.predicates = grammar.predicates
        vocabulary = set(self.skip_stop | self.clause_end | {BREAK})
        seen: set[int] = set()
        for pattern in patterns:
            if pattern.node is not None:
                _vocabulary(pattern.node, vocabulary, seen)
            if pattern.context is not None:
                _vocabulary(pattern.context, vocabulary, seen)
        if len(vocabulary) + 2 > _PRIVATE_USE_SIZE:
            raise ValueError(f"{len(vocabulary)} rule words: more than one character each")
        super().__init__(
            (word, chr(_PRIVATE_USE + 2 + number))
            for number, word in enumerate(self._order(patterns, vocabulary))
        )
        self.other = chr(_PRIVATE_USE)
        self.other_participle = chr(_PRIVATE_USE + 1)
        self.unknown = _Met(self)
        self.sources: dict[int, tuple[Node, str]] = {}
        # Every rule's expression, in a snapshot (see snapshot.save and Pattern.stored).
        self.expressions: Blobs | Shelved | None = None
        self._buckets: Blobs | Shelved | None = None  # unread words, in a snapshot
        self._read = bytearray()
        self._lock = threading.Lock()

    def _order(self, patterns: list[Pattern], vocabulary: set[str]) -> list[str]:
        """The rule words in the order their characters are given: words that the same
        character classes hold side by side, so that a class is a range or two.

        Compiling an expression is most of a fresh process's first analysis, and a class of
        characters above 255 in three runs or more costs re ~30 times what one or two runs
        cost (it builds a 64K-entry table for it). So the classes the expressions write most
        often come first: each word's key is the list of the classes holding it, most written
        first, and the words sorted by it. The first class is then one run, the next at most
        two, and so on (about half of the classes of three words or more are one or two runs,
        against 3% in alphabetical order); what the expressions match is the same, character
        for character, as any other order gives."""
        uses: dict[frozenset[str], int] = {}
        participles: frozenset[str] | None = None
        for pattern in patterns:
            for node in (pattern.node, pattern.context):
                if node is not None:
                    self._classes(node, uses)
        if _PP in uses:  # @PP: every rule word that is a past participle
            participles = frozenset(
                word for word in vocabulary if word != BREAK and self.is_past_participle(word)
            )
            uses[participles] = uses.get(participles, 0) + uses.pop(_PP)
        # Two words are never more than two runs: only classes of three or more are ranked.
        ranked = sorted(
            (words for words in uses if len(words) >= 3),
            key=lambda words: (-uses[words], -len(words), sorted(words)),
        )
        holding: dict[str, list[int]] = {}
        for rank, words in enumerate(ranked):
            for word in words:
                holding.setdefault(word, []).append(rank)
        return sorted(vocabulary, key=lambda word: (holding.get(word, []), word))

    def _classes(self, node: Node, uses: dict[frozenset[str], int]) -> None:
        """Each word set ``_expression`` writes as a character class for ``node``, counted
        once a time it is written (a macro's in every rule that uses it)."""
        found: frozenset[str] | None = None
        if isinstance(node, Words | NotNext | NotPrev):
            found = frozenset(node.words)
        elif isinstance(node, Pred):
            found = _PP if node.name == "PP" else _BREAK_SET
        elif isinstance(node, Skip):
            found = self.skip_stop
        elif isinstance(node, ClauseEnd):
            found = self.clause_end
        elif isinstance(node, ClauseStart):
            found = _BREAK_SET
        elif isinstance(node, Seq | Alt):
            for item in node.items:
                self._classes(item, uses)
        elif isinstance(node, Rep | Memo):
            self._classes(node.item, uses)
        if found is not None:
            uses[found] = uses.get(found, 0) + 1

    def __missing__(self, word: str) -> str:
        if self._buckets is not None:
            number = _bucket(word, CODE_BUCKETS)
            if not self._read[number]:
                self._fill(number)
            # Looked up again whether this thread read the bucket or not: another thread may
            # have finished reading it (or all of them) between the miss that called this
            # and the check above, and a rule word is then in the dict. Answered "other"
            # instead, it was remembered so (``unknown``), and the rule never matched again.
            code = dict.get(self, word)
            if code is not None:
                return code
        elif dict.__contains__(self, word):  # (every bucket read since the miss: see above)
            return dict.__getitem__(self, word)
        return self.other_participle if self.is_past_participle(word) else self.other

    # --- storage: in a snapshot, the words' characters are read as the words are met ------------
    #
    # Each of ~4,000 rule words and its one-character string were ~0.65 MiB of a fresh
    # process; a short text meets a few dozen words. A snapshot keeps them in buckets by word
    # (in its file: see buckets.Shelf), read when a word of the bucket is first met. Anything
    # that goes through every word (iterating, len) reads them all first.

    def __reduce__(self) -> tuple[object, ...]:
        self._read_all()
        groups: list[list[str]] = [[] for _ in range(CODE_BUCKETS)]
        for word in sorted(dict.keys(self)):
            groups[_bucket(word, CODE_BUCKETS)].append(word)
        buckets = []
        for group in groups:
            numbers = array("H", (ord(dict.__getitem__(self, w)) - _PRIVATE_USE for w in group))
            buckets.append(marshal.dumps(("\n".join(group), numbers.tobytes())))
        state = dict(self.__dict__, _buckets=Blobs(buckets), _read=bytearray(CODE_BUCKETS))
        del state["_lock"]
        # (Made first and its state set after: the state refers back to it, through _Met.)
        return Codes.__new__, (Codes,), state

    def __setstate__(self, state: dict[str, object]) -> None:
        """A snapshot's codes (see __reduce__): no word read yet."""
        restore(self, state)
        self._lock = threading.Lock()

    def _fill(self, number: int) -> None:
        with self._lock:  # (a word is in the dict only whole; a bucket marked read when all in)
            buckets = self._buckets
            if buckets is None or self._read[number]:
                return
            text, numbers = marshal.loads(blob_at(buckets, number))
            if text:
                self.update(
                    zip(
                        text.split("\n"),
                        (chr(_PRIVATE_USE + n) for n in array("H", numbers)),
                        strict=True,
                    )
                )
            self._read[number] = 1

    def _read_all(self) -> None:
        buckets = self._buckets
        if buckets is None:
            return
        shelved = buckets if isinstance(buckets, Shelved) else None
        if shelved is not None:
            shelved.fetch_all(True)
        try:
            for number in range(len(self._read)):
                self._fill(number)
        finally:
            if shelved is not None:
                shelved.fetch_all(False)
        self._buckets = None

    def __iter__(self) -> Iterator[str]:
        self._read_all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._read_all()
        return dict.__len__(self)

    def __contains__(self, word: object) -> bool:
        self._read_all()
        return dict.__contains__(self, word)

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        self._read_all()
        return dict.keys(self)

    def values(self) -> ValuesView[str]:  # type: ignore[override]
        self._read_all()
        return dict.values(self)

    def items(self) -> ItemsView[str, str]:  # type: ignore[override]
        self._read_all()
        return dict.items(self)

    def __eq__(self, other: object) -> bool:
        self._read_all()
        if isinstance(other, Codes):
            other._read_all()
        return dict.__eq__(self, other)

    __hash__ = None

    def names_any(self, words: Iterable[str]) -> bool:
        """Whether any of these words is a rule word (reads only their buckets)."""
        other, participle = self.other, self.other_participle
        return any(self[word] not in (other, participle) for word in words)

    def encode(self, words: Sequence[str]) -> str:
        return "".join(map(self.unknown.__getitem__, words))

    def expression(self, node: Node) -> str:
        entry = self.sources.get(id(node))
        if entry is None:  # each entry keeps its node alive, so an id is never reused
            entry = self.sources[id(node)] = (node, self._expression(node))
        return entry[1]

    def _class(self, words: Set[str], negated: bool = False, *more: str) -> str:
        """A character class of these words' characters (and ``more``): runs of three or
        more consecutive characters written as ranges (see _order)."""
        members = sorted({*(self[word] for word in words), *more})
        parts: list[str] = []
        first = 0
        while first < len(members):
            last = first
            while last + 1 < len(members) and ord(members[last + 1]) == ord(members[last]) + 1:
                last += 1
            if last - first >= 2:
                parts.append(f"{members[first]}-{members[last]}")
            else:
                parts.extend(members[first : last + 1])
            first = last + 1
        return f"[{'^' if negated else ''}{''.join(parts)}]"

    def _expression(self, node: Node) -> str:
        if isinstance(node, Words):
            return self._class(node.words)
        if isinstance(node, Pred):
            if node.name == "PP":
                known = {word for word in self if word != BREAK and self.is_past_participle(word)}
                return self._class(known, False, self.other_participle)
            if node.name == "ANY":
                return self._class({BREAK}, negated=True)  # any word but a break
            # A new predicate needs its own characters for the words it accepts (see
            # __missing__): say so rather than match the wrong words.
            raise TypeError(f"no character class for predicate @{node.name}")
        if isinstance(node, Seq):
            return "".join(self.expression(item) for item in node.items)
        if isinstance(node, Alt):
            return "(?:" + "|".join(self.expression(item) for item in node.items) + ")"
        if isinstance(node, Rep):
            inner = self.expression(node.item)
            if not isinstance(node.item, Words | Pred):
                inner = f"(?:{inner})"
            if (node.low, node.high) == (0, 1):
                return inner + "?"
            return f"{inner}{{{node.low},{node.high}}}"
        if isinstance(node, Skip):
            return self._class(self.skip_stop, negated=True) + f"{{0,{node.most}}}?"
        if isinstance(node, NotNext):
            return f"(?!{self._class(node.words)})"
        if isinstance(node, NotPrev):
            return f"(?<!{self._class(node.words)})"
        if isinstance(node, Memo):
            return self.expression(node.item)
        if isinstance(node, ClauseEnd):
            return f"(?={self._class(self.clause_end)}|\\Z)"
        if isinstance(node, ClauseStart):
            return f"(?<!{self._class({BREAK}, negated=True)})"
        raise TypeError(f"cannot translate {node!r}")


CODE_BUCKETS = 512
# Stand-ins while the classes are counted (see Codes._order): @PP's words are known only then.
_PP = frozenset({"@PP"})
_BREAK_SET = frozenset({BREAK})


class _Met(dict[str, str]):
    """Every word met so far, rule word or not, with its character: encoding a sentence is
    then a dict lookup a word in C, where a word the rules don't name cost a Python call
    (Codes.__missing__) each time it appeared. Bounded: cleared when full."""

    def __init__(self, codes: Codes) -> None:
        super().__init__()
        self.codes = codes

    def __missing__(self, word: str) -> str:
        code = self.codes[word]
        if len(self) >= NORM_CACHE_LIMIT:
            self.clear()
        self[word] = code
        return code


def _vocabulary(node: Node, words: set[str], seen: set[int]) -> None:
    """Every word a pattern names (macros are shared: each node is walked once)."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, Words | NotNext | NotPrev):
        words |= node.words
    elif isinstance(node, Seq | Alt):
        for item in node.items:
            _vocabulary(item, words, seen)
    elif isinstance(node, Rep | Memo):
        _vocabulary(node.item, words, seen)


GROUP_ORDER = {
    "critical": 0,
    "marker": 1,
    "context": 2,
    "crisis": 3,
    "idiom": 4,
    "farewell": 5,
    "concern": 6,
    "name": 7,
    "sarcasm": 8,
    "success": 9,
}
CHOSEN_LIMIT = 4096
MASK_BUCKETS = 1024
NEED_BUDGET = 2_000  # words checked one by one before every bucket is read at once


def _bucket(word: str, buckets: int = MASK_BUCKETS) -> int:
    """A checksum, not hash(): the same in every process."""
    return crc32(word.encode("utf-8", "surrogatepass")) % buckets


def branches(grammar: Grammar, pattern: Pattern) -> list[list[frozenset[str] | None]]:
    """The word sets the index checks for a pattern (trigger first, then two more), once per
    branch when the rule is alternatives at its top ("(a b|c d)"): a sentence can only match
    through one branch, so it is a candidate when every set of some branch is there. Checked
    for the rule as a whole, the sets are the branches' rarest sets joined, and a common word
    in one branch ("but", "i") made the rule a candidate in most sentences."""
    whole = [pattern.trigger, *pattern.required[:2]]
    node = pattern.node
    while isinstance(node, Memo) or (isinstance(node, Seq) and len(node.items) == 1):
        node = node.item if isinstance(node, Memo) else node.items[0]
    if not isinstance(node, Alt) or len(node.items) < 2:
        return [whole]
    after = grammar.required(pattern.context) if pattern.context is not None else []
    found: list[list[frozenset[str] | None]] = []
    for item in node.items:
        required = grammar.required(item) + after
        trigger = grammar.best(required)
        rest = [words for words in sorted(required, key=grammar.cost) if words is not trigger]
        found.append([trigger, *rest[:2]])
    return found


class Index(LazyBuckets):
    """Finds the patterns a sentence could match without trying them: a pattern is a candidate
    when the sentence has a word of its trigger (its rarest required word set) and a word of
    each of its next two required sets (of one of its branches: see ``branches``). Each word
    carries those three facts as one integer, three bit masks over the entries (a pattern's
    branches) side by side, so choosing is one OR per word and a few shifts and ANDs per
    sentence, all in C. Entries follow rule order within groups."""

    need_budget = NEED_BUDGET
    _bucket_of = staticmethod(_bucket)

    def __init__(self, patterns: list[Pattern], grammar: Grammar, lexicon: Lexicon) -> None:
        self.patterns = sorted(patterns, key=lambda pattern: GROUP_ORDER[pattern.group])
        # One entry a branch; a pattern's entries are side by side, in rule order.
        entries = [
            (pattern, sets) for pattern in self.patterns for sets in branches(grammar, pattern)
        ]
        self.entries = [pattern for pattern, _ in entries]
        width = self.width = len(entries)
        self.lane = (1 << width) - 1
        self.masks: dict[str, int] = {}
        self.chosen: dict[int, dict[str, list[Pattern]]] = {}
        self.codes = Codes(patterns, grammar, lexicon)
        # Lanes: 0, the trigger; 1 and 2, the two sets to check. An entry with no trigger or
        # fewer sets has its bit set from the start, as if every sentence had the word.
        self.start = 0
        for number, (_, sets) in enumerate(entries):
            sets = sets + [None] * (3 - len(sets))
            for lane, words in enumerate(sets):
                bit = 1 << (number + lane * width)
                if words is None:
                    self.start |= bit
                    continue
                for word in words:
                    self.masks[word] = self.masks.get(word, 0) | bit

        self._start_buckets([])  # all live; a snapshot stores them in buckets (__getstate__)

    # --- storage: in a snapshot, each word's bits are a few numbers, read as words are met ---
    #
    # As integers the masks take ~0.9 MiB (each ~1,800 bits wide, for a handful of bits set);
    # a short text needs a few dozen of them. So a snapshot keeps each word's set bits, in
    # buckets by word, and a bucket becomes integers when a sentence first has a word of it.

    def __getstate__(self) -> dict[str, object]:
        self._read_all()
        groups: list[list[str]] = [[] for _ in range(MASK_BUCKETS)]
        for word in sorted(self.masks):
            groups[_bucket(word)].append(word)
        buckets = []
        for group in groups:
            counts, bits = array("H"), array("H")
            for word in group:
                mask = self.masks[word]
                found = [bit for bit in range(mask.bit_length()) if mask >> bit & 1]
                counts.append(len(found))
                bits.extend(found)
            buckets.append(marshal.dumps(("\n".join(group), counts.tobytes(), bits.tobytes())))
        state = dict(
            self.__dict__,
            masks={},
            _pending=Blobs(buckets),
            _waiting=len(buckets),
            _budget=NEED_BUDGET,
        )
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        restore(self, state)
        self._lock = threading.Lock()

    def _fill(self, blob: bytes) -> None:
        text, counts, bits = marshal.loads(blob)
        if not text:
            return
        positions = iter(array("H", bits))
        for word, count in zip(text.split("\n"), array("H", counts), strict=True):
            mask = 0
            for _ in range(count):
                mask |= 1 << next(positions)
            self.masks[word] = mask

    # --- choosing ----------------------------------------------------------------------------

    def candidates(self, words: Set[str]) -> dict[str, list[Pattern]]:
        """The patterns worth trying on a sentence with these words, by group."""
        if self._waiting:
            self._need(words)
        width = self.width
        # Words no rule names have no mask: left out, rather than OR-ed in as 0 (which copies
        # the ~1,800-bit running total each time).
        seen = reduce(or_, filter(None, map(self.masks.get, words)), self.start)
        mask = seen & (seen >> width) & (seen >> (2 * width)) & self.lane
        # Many sentences share a set of candidates ("I'm so stupid", "I'm such an idiot").
        known = self.chosen.get(mask)
        if known is not None:
            return known
        groups: dict[str, list[Pattern]] = {}
        entries = self.entries
        rest = mask
        while rest:
            lowest = rest & -rest
            rest ^= lowest
            pattern = entries[lowest.bit_length() - 1]
            chosen = groups.get(pattern.group)
            if chosen is None:
                groups[pattern.group] = [pattern]
            elif chosen[-1] is not pattern:  # two branches of one pattern: tried once
                chosen.append(pattern)
        if len(self.chosen) >= CHOSEN_LIMIT:
            self.chosen.clear()
        self.chosen[mask] = groups
        return groups


def matches(patterns: list[Pattern], codes: Codes, code: str) -> list[tuple[Pattern, int, int]]:
    """Every (pattern, start, end) in words, left to right; a match's own words never start
    another (what ``finditer`` does)."""
    found: list[tuple[Pattern, int, int]] = []
    for pattern in patterns:
        regex = pattern.regex or pattern.compiled(codes)
        # Most patterns don't match: one search says so without making an iterator.
        match = regex.search(code)
        if match is None:
            continue
        start, end = match.span()
        rest = None
        if end > start:
            found.append((pattern, start, end))
            # finditer would search on from the match's end: so does search(code, end),
            # without making an iterator (most patterns that match at all match once).
            while (match := regex.search(code, end)) is not None:
                after = end
                start, end = match.span()
                if end == start:
                    rest = regex.finditer(code, after)  # an empty match: finditer's own way
                    break
                found.append((pattern, start, end))
        else:
            rest = regex.finditer(code)  # after an empty match finditer's rules are subtler
        if rest is None:
            continue
        for match in rest:
            start, end = match.span()
            if end > start:
                found.append((pattern, start, end))
    return found


def matches_any(patterns: list[Pattern], codes: Codes, code: str) -> bool:
    for pattern in patterns:
        regex = pattern.regex or pattern.compiled(codes)
        match = regex.search(code)
        if match is None:
            continue
        if match.end() > match.start():
            return True
        for match in regex.finditer(code):
            if match.end() > match.start():
                return True
    return False
