"""Idioms in what the concern layers read (rules/idioms.toml): those that borrow death words
("dying for a coffee") keep the learned layers from leaning on a sentence; those built on a
means noun ("jump the gun", "at the end of my rope": kind "means", session 18) are left out of
what the net, the word weights and the concept grid read. Its own module so concern.py stays
under 900 lines."""

from __future__ import annotations

from .compiler import matches_any
from .tokens import WordList

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .scope import Sentence


def beside_idioms(sentence: Sentence, words: WordList) -> WordList:
    """The words the net, the word weights and the concept grid read: an idiom built on a
    means noun ("off the hook", "at the end of my rope", "jump the gun": rules/idioms.toml,
    kind "means") left out, its noun no means there, and the rest of the sentence read as it
    is ("Bit the bullet, I'm taking all the tablets tonight."). The crisis rules read every
    word (session 18)."""
    if "idiom" not in sentence.candidates:
        return words
    spans = [
        (start, end) for pattern, start, end in sentence.matches("idiom") if pattern.kind == "means"
    ]
    if not spans:
        return words
    out = set().union(*(range(start, end) for start, end in spans))
    return WordList(word for number, word in enumerate(words) if number not in out)


def idiom_said(sentence: Sentence) -> bool:
    """An idiom that borrows death words ("dying for a coffee"): the learned layers don't lean
    on the sentence. Not one built on a means noun: those are left out of what they read."""
    idioms = [pattern for pattern in sentence.candidates["idiom"] if pattern.kind == "idiom"]
    return matches_any(idioms, sentence.codes, sentence.code)
