"""Sentences and words. Sentences are split with one regular expression; words are found
with another (fast, no spans). Character spans are worked out again only for sentences with
findings. Contractions become several normalised words sharing one span ("I'm" -> "i",
"am"). Which words expand to which is data (words.toml: [expand], [nt_base], [suffix])."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import chain

from .data import Lexicon

# A sentence: text without sentence-ending punctuation or line breaks (those str.splitlines uses).
# A sentence: up to a mark that ends one, but a point between two digits is a decimal point
# or a time, not an end ("the 6.40 train", "at 10.30 tonight", "£3.50").
SENTENCE = re.compile(
    r"(?:[^.!?;…‽。！？\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|(?<=\d)\.(?=\d))+"
)
# A word (from a letter or digit on; apostrophes and "*" as in "f*ck" inside), a clause mark, or
# a dash standing alone (" - "). Quotes and brackets are not breaks: 'I'm a "total" failure'.
# Single character classes only, so matching is linear. Every branch starts with a character
# (the dash's "standing alone" is checked after it), so the engine skips ahead to the next
# character any branch can start with instead of trying each branch at every position.
PIECE = re.compile(r"\w[\w'*]*|[,:—–/|~·]|-(?<!\S-)(?!\S)")
# The same two for text that is all ASCII (most is, and str.isascii() costs nothing): the
# word class as ranges and nothing above 127, which the engine tests as one bitmap instead
# of asking Unicode's tables about each character (a third of the tokenising time).
SENTENCE_ASCII = re.compile(r"(?:[^.!?;\n\r\x0b\x0c\x1c\x1d\x1e]|(?<=\d)\.(?=\d))+")
PIECE_ASCII = re.compile(r"[0-9A-Za-z_][0-9A-Za-z_'*]*|[,:/|~]|-(?<!\S-)(?!\S)")
_APOSTROPHES = ("’", "‘", "ʼ", "`", "´")
BREAK = ","  # the normalised word that stands for any clause break
NORM_CACHE_LIMIT = 50_000


# For ``pieces``: every ASCII character that is neither in a word ([0-9A-Za-z_'*]) nor a clause
# mark becomes a space.
_KEPT = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'*,:/|~")
# A whole table, kept characters mapped to themselves, as bytes: bytes.translate reads it in C,
# where str.translate asked a str table for each character anew (~90 instructions each, a
# sixth of tokenising a sentence).
_SPACED = bytes(code if chr(code) in _KEPT else 32 for code in range(128)) + bytes(128)
_MARKS = tuple(",:/|~")


def pieces(low: str) -> list[str]:
    """What ``PIECE.findall`` finds, with str methods (about a third of the regex's cost):
    in ASCII text with no dash (a dash may be a piece, depending on what is around it, so
    such text takes the regex), every other character is a space, each clause mark stands
    apart, and a piece is what splitting leaves, from its first word character on."""
    if not low.isascii():
        return PIECE.findall(low)
    if "-" in low:
        return PIECE_ASCII.findall(low)
    spaced = low.encode("ascii").translate(_SPACED).decode("ascii")
    for mark in _MARKS:
        if mark in spaced:
            spaced = spaced.replace(mark, f" {mark} ")
    found = spaced.split()
    # A piece starts at its first word character ("'tis" -> "tis"), and every gap is a space
    # by now, so only a split-off bit after a space (or at the start) can begin with ' or *.
    if spaced.startswith(("'", "*")) or " '" in spaced or " *" in spaced:
        found = [piece for piece in (piece.lstrip("'*") for piece in found) if piece]
    return found


def sentences(low: str) -> Iterator[re.Match[str]]:
    """Each sentence of a lower-cased text (see ``SENTENCE``), with where it starts."""
    return (SENTENCE_ASCII if low.isascii() else SENTENCE).finditer(low)


# What SENTENCE stops at, one character each ("\n" last: it is what the others become).
_ENDS = ".!?;…‽。！？\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ENDS_ASCII = ".!?;\r\x0b\x0c\x1c\x1d\x1e"
_POINT = re.compile(r"\.(?=\d)")


def sentence_at(low: str, start: int) -> str:
    """The sentence of ``low`` that starts at ``start`` (an offset from sentence_list)."""
    chunk = SENTENCE.match(low, start)
    return chunk.group() if chunk else ""


def sentence_list(low: str) -> list[tuple[int, str]]:
    """What ``sentences`` finds, as (start, sentence), with str methods: each character a
    sentence ends at becomes a line break (the same length, so every start stays where it
    was), and one split cuts the text. The regex read every character through its class
    (most of the cost of splitting 100 KB); str.replace and str.split don't."""
    cut = low
    for end in _ENDS_ASCII if low.isascii() else _ENDS:
        if end in cut:
            cut = cut.replace(end, "\n")
    if "." in low:
        # A point between two digits stays (see SENTENCE): found by its literal point, the
        # digits checked around it.
        points = [
            at
            for at in (match.start() for match in _POINT.finditer(low))
            if at and low[at - 1].isdigit()
        ]
        if points:
            chars = list(cut)
            for at in points:
                chars[at] = "."
            cut = "".join(chars)
    found: list[tuple[int, str]] = []
    append = found.append
    start = 0
    for part in cut.split("\n"):
        if part:
            append((start, part))  # no line break in it, so the very characters of low
        start += len(part) + 1
    return found


class WordList(list[str]):
    """A sentence's words, and the pieces of text they came from (set by ``words``; no
    ``__init__`` keeps creation in C)."""

    __slots__ = ("pieces",)
    pieces: list[str] | None


def lower(chunk: str) -> str:
    """Lower-case without changing length (a few characters grow when lower-cased)."""
    lowered = chunk.lower()
    if len(lowered) != len(chunk):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in chunk)
    for apostrophe in _APOSTROPHES:  # str.replace is much faster than str.translate here
        if apostrophe in lowered:
            lowered = lowered.replace(apostrophe, "'")
    return lowered


class Tokeniser(dict[str, tuple[str, ...]]):
    """Normalised words for each regex piece, remembered: text repeats the same words a lot,
    and a dict lookup lets ``map`` do the per-word work in C. Bounded: cleared when full."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self.expand = lexicon.expand
        self.nt_base = lexicon.nt_base
        self.suffix = lexicon.suffix
        self.s_is = lexicon["s_is"]
        self.ill_before = lexicon["ill_before"]

    def __missing__(self, piece: str) -> tuple[str, ...]:
        if piece[0].isalnum() or piece[0] == "_":
            found = self.normalise(piece.rstrip("'*"))
        else:
            found = (BREAK,)
        if len(self) >= NORM_CACHE_LIMIT:
            self.clear()
        self[piece] = found
        return found

    def normalise(self, word: str) -> tuple[str, ...]:
        """Lower-cased word -> one or more normalised words (contractions expanded)."""
        expanded = self.expand.get(word)
        if expanded is not None:
            return expanded
        if "'" not in word:
            return (word,)
        if word.endswith("n't"):
            base = word[:-3]
            return (self.nt_base.get(base, base), "not")
        for suffix, full in self.suffix:
            if word.endswith(suffix):
                return (word[: -len(suffix)], full)
        if word.endswith("'s"):
            base = word[:-2]
            if base in self.s_is:
                return (base, "is")
            if base == "let":
                return ("let", "us")
            return (base,)  # possessive: "beginner's luck" -> "beginner"
        collapsed = word.replace("'", "")
        return self.expand.get(collapsed, (word,))

    def words(self, low: str) -> WordList:
        found = pieces(low)
        words = WordList(chain.from_iterable(map(self.__getitem__, found)))
        words.pieces = found
        if "ill" in words:
            self._fix_ill(words, None)
            words.pieces = None  # the words may no longer follow the pieces: see char_spans
        return words

    def words_at(self, low: str, start: int) -> WordList:
        """The words of the sentence that starts at ``start`` in ``low``: for a sentence read
        again only when something asks (its readings keep no words)."""
        return self.words(sentence_at(low, start))

    def char_spans(self, low: str, words: WordList, upto: int) -> tuple[list[int], list[int]]:
        """The (start, end) in characters of each of the first ``upto`` words (at least), for
        turning a finding's words into text.

        The pieces are already known, in order, so each is found with ``str.find`` from where
        the one before ended: far cheaper than match objects. Only a lone "-" can also appear
        between pieces (in "well--no"), and "ill" read as "I will" changes the count: those
        rare sentences take the long way (``pieces`` is None after "ill" was read)."""
        pieces = words.pieces
        if pieces is None or "-" in pieces:
            _, long_starts, long_ends = self.spans(low)
            return long_starts, long_ends
        starts: list[int] = []
        ends: list[int] = []
        find = low.find
        position = 0
        for piece in pieces:
            if len(starts) >= upto:
                break
            start = find(piece, position)
            position = start + len(piece)
            # Most pieces are one word and end in a letter: no rstrip, one append each.
            end = position if piece[-1] not in "'*" else start + len(piece.rstrip("'*"))
            count = len(self[piece])
            if count == 1:
                starts.append(start)
                ends.append(end)
            else:
                starts += [start] * count
                ends += [end] * count
        return starts, ends

    def spans(self, low: str) -> tuple[list[str], list[int], list[int]]:
        """The same words as ``words``, with the character span each came from."""
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for match in (PIECE_ASCII if low.isascii() else PIECE).finditer(low):
            piece = match.group()
            start = match.start()
            end = start + len(piece.rstrip("'*"))
            for word in self[piece]:
                words.append(word)
                starts.append(start)
                ends.append(end)
        if "ill" in words:
            self._fix_ill(words, (starts, ends))
        return words, starts, ends

    def _fix_ill(self, words: list[str], spans: tuple[list[int], list[int]] | None) -> None:
        """Read "ill" as "I'll" where it can only be that ("ill never be good enough").

        One pass, rebuilding the lists in place: inserting would be quadratic on "ill never" * n.
        """
        fixed: list[str] = []
        columns: tuple[list[int], ...] = ([], []) if spans is not None else ()
        last = len(words) - 1
        for index, word in enumerate(words):
            if word == "ill" and index < last and words[index + 1] in self.ill_before:
                fixed += ("i", "will")
                for new_column, column in zip(columns, spans or (), strict=False):
                    new_column += (column[index], column[index])
            else:
                fixed.append(word)
                for new_column, column in zip(columns, spans or (), strict=False):
                    new_column.append(column[index])
        words[:] = fixed
        if spans is not None:
            for new_column, column in zip(columns, spans, strict=True):
                column[:] = new_column


def clauses(words: Sequence[str]) -> list[list[str]]:
    """A sentence's words split at each BREAK (a comma, a dash, a semicolon): its clauses,
    empty ones included."""
    found: list[list[str]] = [[]]
    for word in words:
        if word == BREAK:
            found.append([])
        else:
            found[-1].append(word)
    return found
