"""The net's lean on a text of one sentence (Analyser.analyse): the whole sentence, or a
clause or two of it side by side (hashed.windows), read only for such a text so the hot path
does no more work. Its own module: analyser.py stays under 900 lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .compiler import matches_any
from .concepts import OTHER_MEANS, everyday_means, purpose, usual_dose
from .hashed import emoji_words

if TYPE_CHECKING:
    from .analyser import Reading, _Built


def leans(built: _Built, reading: Reading, sentence: str) -> bool:
    """A text of one sentence: the net's lean (``single`` band) on the whole sentence, or on
    any clause or two side by side (a crisis clause buried among everyday ones), with the
    lowest band's guards (see Reading): no idiom, no tablets as usual, no everyday means or
    plain purpose. Clauses are read only here, for a text of one sentence."""
    if "lean" in reading.cues:
        return True
    risk = built.risk
    if (
        risk is None
        or not risk.windows
        or reading.risk is None
        or reading.cues
        or reading.crisis
        or reading.risk >= risk.ask
        # A sentence the net reads as far from crisis as nearly no crisis line (its veto band)
        # is not reopened by a clause ("I forgot, and I'm hopeless with dates, but I love her
        # and I'll ring her tonight.": "...and I'll ring her tonight" alone leans).
        or reading.risk < risk.veto
    ):
        return False
    concepts = reading.concepts
    if everyday_means(concepts) or purpose(concepts):
        return False
    if usual_dose(concepts) and concepts.isdisjoint(OTHER_MEANS):
        return False
    words = built.tokens.words(emoji_words(sentence) or sentence)
    if risk.best_window(words) < risk.single:
        return False
    plain = built.tokens.words(sentence)
    found = built.sentence(sentence, plain)
    idioms = found.candidates.get("idiom")
    return not (idioms and matches_any(idioms, found.codes, found.code))
