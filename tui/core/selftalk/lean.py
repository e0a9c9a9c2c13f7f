"""How the analyser reads the wider net beyond its bands: its score with emoji read as words,
the word weights doubted where it doesn't lean, and its lean on a text of one sentence (the
whole sentence, or a clause or two of it side by side: hashed.windows). Its own module so
analyser.py stays under 900 lines."""

from __future__ import annotations

from .compiler import matches_any
from .concepts import (
    OTHER_MEANS,
    everyday_means,
    gone_for_a_reason,
    growing,
    keeping_on,
    purpose,
    usual_dose,
)
from .hashed import emoji_words
from .learned import LEARNED_MIN_WORDS
from .tokens import BREAK, sentence_at

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from .analyser import Reading, _Built
    from .concepts import GridRule
    from .learned import Learned
    from .tokens import WordList

# What a sentence of rumination may hold besides it: the writer, going on, a time, everyday
# words (what someone said, an email, a quiz, a hurt the grid reads as everyday), and
# "doing it" or "going over it" (DO_IT, JUMP) only beside REPEAT_IT's or RUMINATE's own words.
_RUMINATING = frozenset(
    {"SELF", "GOING_ON", "TIME", "REPORTED", "NOTE_EVERYDAY", "HARM_EVERYDAY", "QUIZ"}
)
# A sentence of rumination is short: longer, it says more than that.
RUMINATE_MAX_WORDS = 16


def ruminating(concepts: frozenset[str], words: Sequence[str]) -> bool:
    """Only going over something again and again (RUMINATE, REPEAT_IT), nothing of means, an
    act, a place, a plan or a death in the sentence ("I keep thinking about it.", "I can't
    stop going over the meeting.", "I keep doing it."): the word weights and the net lean on
    such words from crisis lines whose "it" was named before; alone they are no risk.
    Session 18 ("bare")."""
    if len(words) - words.count(BREAK) > RUMINATE_MAX_WORDS:
        return False
    allowed = _RUMINATING
    if "RUMINATE" in concepts:
        # "going over it": JUMP's words too; a day it happened ("since Friday").
        allowed = allowed | {"RUMINATE", "JUMP", "DAY_NAMED", "NAMED_TIME"}
    if "REPEAT_IT" in concepts:
        allowed = allowed | {"REPEAT_IT", "DO_IT"}
    return allowed is not _RUMINATING and concepts <= allowed


# Cues by which a sentence names risk of its own (not the learned layers' lean alone): beside
# one, a sentence of rumination ("I keep thinking about it.") is read for what it says.
NAMES_RISK = frozenset({"ask", "grid-ask", "definite", "sure", "alone", "live", "veto"})
# ... of a rule or the grid: a sentence of rumination with one is read as ever ("veto", with
# no crisis rule, is the word weights doubted: theirs).
OWN_RISK = frozenset({"ask", "grid-ask", "definite", "live"})


def names_risk(reading: Reading) -> bool:
    """Crisis words, a cue of more than the learned layers' lean, a goodbye cue, or means or
    an act the grid reads ("The knife is under my bed.")."""
    return (
        reading.crisis
        or bool(reading.farewell)
        or not NAMES_RISK.isdisjoint(reading.cues)
        or not reading.built.grid.anchors.isdisjoint(reading.concepts)
    )


def quiet_rumination(readings: Sequence[Reading], joined: dict[int, GridRule]) -> frozenset[int]:
    """The sentences of rumination alone (cue "ruminate": concepts.ruminating) in a text where
    no other sentence names risk and the grid joins none of them to another: their "it" has
    no worrying referent, so what the word weights and the net lean on in them is not read
    ("I keep thinking about it."). Beside a sentence that names risk, they are read as ever
    ("The knife is under my bed. I keep thinking about it."). Session 18 ("bare")."""
    quiet = frozenset(n for n, reading in enumerate(readings) if "ruminate" in reading.cues)
    if not quiet or not quiet.isdisjoint(joined):
        return NO_QUIET
    if any(names_risk(r) for n, r in enumerate(readings) if n not in quiet):
        return NO_QUIET
    return quiet


NO_QUIET: frozenset[int] = frozenset()


def net_score(built: _Built, low: str, words: WordList, enough: bool) -> float | None:
    """The net's score of a sentence (None without a net or on too few words: ``enough``),
    emoji read as their words (hashed.EMOJI): "💊💊 + 🍷 tonight", its words counted."""
    risk = built.risk
    if risk is None or built.learned is None:
        return None
    shown = None if low.isascii() else emoji_words(low)  # (most: one C call)
    if shown is None:
        return risk.score(words) if enough else None
    seen = built.tokens.words(shown)
    return risk.score(seen) if len(seen) - seen.count(BREAK) >= LEARNED_MIN_WORDS else None


def doubt(
    built: _Built,
    score: float | None,
    by_weights: bool,
    learned: Learned | None,
    features: set[str],
) -> tuple[bool, bool]:
    """The word weights (trained on the cases alone) read crisis (``by_weights``) where the
    net, which has read every batch, doesn't even lean (under its lowest band): near their
    threshold, still asked about, but let go under the net's quiet band, where nearly no
    crisis line scores (friend-voice advice: "Send her a message now, she'll understand.");
    clearly, asked about rather than paused for (a recovery cue near: acknowledged), as a rule
    the net vetoes ("Sit with it tonight and talk it through with your partner tomorrow.").
    Session 11, leaving one batch out over a-z: calm answers asked about 89 -> 81 of 1375,
    paused for 22 -> 20; no crisis line moved. Returns (by_weights, doubted)."""
    net = built.risk
    if not by_weights or net is None or score is None or score >= net.single:
        return by_weights, False
    if learned is not None and not learned.is_clearly_crisis(features):
        return score >= net.quiet, False  # near the threshold: asked about, or let go
    return True, True


def leans(built: _Built, item: tuple[int, Reading], low: str) -> bool:
    """A text of one sentence: the net's lean (``single`` band) on the whole sentence, or on
    any clause or two side by side (a crisis clause buried among everyday ones), with the
    lowest band's guards (see Reading): no idiom, no tablets as usual, no everyday means or
    plain purpose. Clauses are read only here, for a text of one sentence."""
    start, reading = item
    if "ruminate" in reading.cues:
        return False  # only going over something again and again (quiet_rumination)
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
    if everyday_means(concepts) or purpose(concepts) or gone_for_a_reason(concepts):
        return False  # (not here for a while, for a move: session 16)
    if growing(concepts):
        return False  # a wish to grow kinder or better, nothing else beside it (session 18)
    if usual_dose(concepts) and concepts.isdisjoint(OTHER_MEANS):
        return False
    sentence = sentence_at(low, start)
    if "KEEP_ON" in concepts and keeping_on(
        concepts, built.tokens.words(sentence), built.grid.negators
    ):
        return False  # only keeping on ("I'll keep going."): see Reading
    shown = emoji_words(sentence)
    words = built.tokens.words(shown or sentence)
    if risk.best_window(words) < risk.single:
        return False
    # Most sentences have no emoji: their words are the same, read once (they were read twice).
    plain = words if shown is None else built.tokens.words(sentence)
    found = built.sentence(sentence, plain)
    idioms = found.candidates.get("idiom")
    return not (idioms and matches_any(idioms, found.codes, found.code))
