"""The pattern language the rules are written in, and its parser.

A pattern is a sequence of::

    word/other/alternatives   one token from the set        @CLASS   one token from a class
    (a b|c)  alternatives of sequences                      x? x* x+ optional / 0-4 / 1-4
    ~N       skip up to N tokens (never a break, negation)  !a/b     next token is not a/b
    !<a/b    previous token is not a/b
    $        end of clause                                  ^        start of clause
    {NAME}   the macro NAME (words.toml [macros])           &NAME    the same (an older
                                                            form, kept for readability)
    =>       what follows must match but is not part of the highlighted span

Classes (@NAME) and macros are in words.toml. Every repetition is bounded, so a pattern
does a constant amount of work per position. Each pattern becomes a regular expression over
one character a word (see compiler.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .data import Lexicon
from .tokens import BREAK

# Pattern nodes are plain slotted classes: dataclasses would cost ~20 ms at import.


class Words:
    __slots__ = ("words",)

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words


class Pred:
    __slots__ = ("name", "test")

    def __init__(self, name: str, test: Callable[[str], bool]) -> None:
        self.name = name
        self.test = test


class Seq:
    __slots__ = ("items",)

    def __init__(self, items: tuple[Node, ...]) -> None:
        self.items = items


class Alt:
    __slots__ = ("items",)

    def __init__(self, items: tuple[Node, ...]) -> None:
        self.items = items


class Rep:
    __slots__ = ("high", "item", "low")

    def __init__(self, item: Node, low: int, high: int) -> None:
        self.item = item
        self.low = low
        self.high = high


class Skip:
    __slots__ = ("most",)

    def __init__(self, most: int) -> None:
        self.most = most


class NotNext:
    __slots__ = ("words",)

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words


class NotPrev:
    __slots__ = ("words",)

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words


class Memo:
    __slots__ = ("item", "name")

    def __init__(self, name: str, item: Node) -> None:
        self.name = name
        self.item = item


class ClauseEnd:
    __slots__ = ()


class ClauseStart:
    __slots__ = ()


Node = Words | Pred | Seq | Alt | Rep | Skip | NotNext | NotPrev | Memo | ClauseEnd | ClauseStart

_DSL_TOKEN = re.compile(r"=>|\(|\)[?*+]?|\||[^\s()|]+")
REPEAT_MAX = 4


class Grammar:
    """Parses patterns against one lexicon. Atoms and macros are parsed once and shared, so
    each is compiled once however often it is used."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.classes = lexicon.classes
        self.macros = lexicon.macros
        self.participles = lexicon.classes["PP_IRREGULAR"]
        self.very_common = lexicon["very_common"]
        self.common = lexicon["common"]
        self.predicates: dict[str, Callable[[str], bool]] = {
            "PP": self.is_past_participle,
            "ANY": _not_break,
        }
        self._atoms: dict[str, Node] = {}
        self._macro_nodes: dict[str, Node] = {}
        self._required: dict[int, tuple[Node, list[frozenset[str]]]] = {}
        self._costs: dict[frozenset[str], int] = {}

    def forget(self) -> None:
        """Drop what only parsing needs (for a snapshot)."""
        self._atoms.clear()
        self._macro_nodes.clear()
        self._required.clear()
        self._costs.clear()

    def is_past_participle(self, word: str) -> bool:
        return word in self.participles or (len(word) > 3 and word.endswith("ed"))

    # --- parsing ---------------------------------------------------------------------------

    def parse(self, source: str) -> Node:
        tokens = _DSL_TOKEN.findall(source)
        if not tokens:
            raise ValueError("an empty pattern")
        position = 0

        def sequence() -> Node:
            nonlocal position
            items: list[Node] = []
            while (
                position < len(tokens)
                and tokens[position] not in ("|", "=>")
                and not (tokens[position].startswith(")"))
            ):
                token = tokens[position]
                position += 1
                if token == "(":
                    alternatives = [sequence()]
                    while position < len(tokens) and tokens[position] == "|":
                        position += 1
                        alternatives.append(sequence())
                    if position >= len(tokens) or not tokens[position].startswith(")"):
                        raise ValueError(f"a '(' without its ')' in {source!r}")
                    closing = tokens[position]
                    position += 1
                    items.append(_repeat(_alternatives(alternatives), closing[1:]))
                else:
                    items.append(self._atom(token))
            if not items:
                raise ValueError(f"an empty alternative in {source!r}")
            return items[0] if len(items) == 1 else Seq(tuple(items))

        node = sequence()
        if position != len(tokens):
            raise ValueError(f"unexpected {tokens[position]!r} in pattern {source!r}")
        return node

    def _atom(self, token: str) -> Node:
        node = self._atoms.get(token)
        if node is None:
            node = self._atoms[token] = self._new_atom(token)
        return node

    def _new_atom(self, token: str) -> Node:
        suffix = token[-1] if len(token) > 1 and token[-1] in "?*+" else ""
        body = token[:-1] if suffix else token
        node: Node
        if body.startswith("{") and body.endswith("}"):
            node = self.macro(body[1:-1])
        elif body.startswith("~"):
            if not body[1:].isdigit():
                raise ValueError(f"a skip needs a number of words: {token!r}")
            node = Skip(int(body[1:]))
        elif body == "$":
            node = ClauseEnd()
        elif body == "^":
            node = ClauseStart()
        elif body.startswith("!<"):
            node = NotPrev(self._word_set(body[2:]))
        elif body.startswith("!"):
            node = NotNext(self._word_set(body[1:]))
        elif body.startswith("&"):
            node = Memo(body[1:], self.macro(body[1:]))
        elif body.startswith("@") and body[1:] in self.predicates:
            node = Pred(body[1:], self.predicates[body[1:]])
        else:
            node = Words(self._word_set(body))
        return _repeat(node, suffix)

    def macro(self, name: str) -> Node:
        node = self._macro_nodes.get(name)
        if node is None:
            if name not in self.macros:
                raise ValueError(f"unknown macro {{{name}}}")
            node = self._macro_nodes[name] = self.parse(self.macros[name])
        return node

    def _word_set(self, body: str) -> frozenset[str]:
        words: set[str] = set()
        for part in body.split("/"):
            if not part:
                # "!<a/b/" then "c/d" on the next line reads as a list and a required word:
                # a list is written without spaces or line breaks, and never ends on "/".
                raise ValueError(
                    f"an empty word in the list {body!r} (a list is written without spaces "
                    "or line breaks between its words, and never starts or ends on '/')"
                )
            if part.startswith("@"):
                if part[1:] not in self.classes:
                    raise ValueError(f"unknown word class {part}")
                words |= self.classes[part[1:]]
            elif part:
                words.add(part)
        if not words:
            raise ValueError(f"no words in {body!r}")
        return frozenset(words)

    # --- which words a match needs (to pick the rules worth trying) --------------------------

    def cost(self, words: frozenset[str]) -> int:
        """Rough word frequency in self-talk: speed, never results."""
        cost = self._costs.get(words)
        if cost is None:
            very_common, common = self.very_common, self.common
            cost = self._costs[words] = sum(
                1000 if w in very_common else 30 if w in common else 1 for w in words
            )
        return cost

    def required(self, node: Node) -> list[frozenset[str]]:
        """Word sets of which every match must contain at least one word each."""
        entry = self._required.get(id(node))
        if entry is None:  # each entry keeps its node alive, so an id is never reused
            entry = self._required[id(node)] = (node, self._new_required(node))
        return entry[1]

    def _new_required(self, node: Node) -> list[frozenset[str]]:
        if isinstance(node, Words):
            return [node.words]
        if isinstance(node, Seq):
            return [words for item in node.items for words in self.required(item)]
        if isinstance(node, Alt):
            best = [self.best(self.required(item)) for item in node.items]
            if all(choice is not None for choice in best):
                return [frozenset().union(*(choice for choice in best if choice is not None))]
            return []
        if (isinstance(node, Rep) and node.low > 0) or isinstance(node, Memo):
            return self.required(node.item)
        return []

    def best(self, options: list[frozenset[str]]) -> frozenset[str] | None:
        """The rarest-looking required set: it decides which sentences try the pattern."""
        if not options:
            return None
        return min(options, key=self.cost)


def _not_break(word: str) -> bool:
    return word != BREAK


def _repeat(node: Node, suffix: str) -> Node:
    if suffix == "?":
        return Rep(node, 0, 1)
    if suffix == "*":
        return Rep(node, 0, REPEAT_MAX)
    if suffix == "+":
        return Rep(node, 1, REPEAT_MAX)
    return node


def _alternatives(options: list[Node]) -> Node:
    """One word from any of several sets is just one bigger set."""
    if len(options) == 1:
        return options[0]
    if all(isinstance(option, Words) for option in options):
        return Words(frozenset().union(*(o.words for o in options if isinstance(o, Words))))
    return Alt(tuple(options))
