"""Whether a text is English, the only language kindtone reads (issue 14: a text in another
language gets no "nothing noticed"). The small words of other languages are data
(data/languages.toml); the analyser asks only of a text with no finding and no concern.
Its own module so analyser.py stays under 900 lines."""

from __future__ import annotations

from .tokens import BREAK

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .analyser import _Built

LANGUAGE_SAMPLE = 2_000  # characters read to tell whether a text is English
LANGUAGE_MIN_WORDS = 4
# Under this many words, one small word of another language can tell (_another_language).
LANGUAGE_SHORT_WORDS = 8
LATIN_LAST = "\u024f"  # Latin letters: up to the end of Latin Extended-B ...
LATIN_ADDITIONAL = ("\u1e00", "\u1eff")  # ... and Latin Extended Additional (Vietnamese)


def reads_as_english(built: _Built, low: str) -> bool:
    """Not when most letters are not Latin ones, or when the small words of another
    language are at least two and a fifth of the words (languages.toml), or a short text's
    words are another language's (_another_language); otherwise at least a third of the
    words (of the first few hundred) are English words kindtone knows, and texts of under
    four words are given the benefit of the doubt."""
    sample = low[:LANGUAGE_SAMPLE]
    if not sample.isascii():
        letters = [ch for ch in sample if ch.isalpha()]
        if sum(
            ch > LATIN_LAST and not LATIN_ADDITIONAL[0] <= ch <= LATIN_ADDITIONAL[1]
            for ch in letters
        ) * 2 > len(letters):
            return False
    words = [word for word in built.tokens.words(sample) if word != BREAK]
    foreign = built.foreign
    marked = sum(1 for word in words if word in foreign)
    if marked >= 2 and marked * 5 >= len(words):
        return False
    if marked and 2 <= len(words) < LANGUAGE_SHORT_WORDS and _another_language(built, words):
        return False
    if len(words) < LANGUAGE_MIN_WORDS:
        return True
    english = built.english()
    known = sum(1 for word in words if word in english)
    return known * 3 >= len(words)


def _another_language(built: _Built, words: list[str]) -> bool:
    """A short text told in another language: one of that language's own small words in it
    ("ich", "ek", "ako"), and the words that aren't English (its own, and words no list
    knows: "dumm", "moeg", "pagod") outnumber the English words it doesn't list. The small
    words it shares with English ("bin", "so", "is", "my", "na") count for neither side:
    "Ich bin so dumm", "Ek is so moeg", "Pagod na ako" are not English; "Sy is my friend",
    "ik lol", "such a schlep", "Abeg I dey come" are (an English word for each other one)."""
    foreign = built.foreign
    english = built.english()
    for listed in built.language_lists:
        if not any(word in foreign for word in words if word in listed):
            continue
        known = sum(1 for word in words if word in english and word not in listed)
        shared = sum(1 for word in words if word in english and word in listed)
        if len(words) - known - shared > known:
            return True
    return False
