"""The analyser: reads a text sentence by sentence with the rules (data files) and the learned
weights behind them. It owns everything it builds and remembers, so two analysers (say, one
with the rules alone, for training) never share a switch or a cache."""

from __future__ import annotations

import gc
import re
import threading

from . import snapshot
from .aim import (
    ABOUT_OTHERS_TOO,
    about_me,
    after_turn,
    aimed_elsewhere,
    ends_on_others,
    gate_may_speak_alone,
    is_label,
    own_name_findings,
    points_elsewhere,
    repeated_name_findings,
    weighed_elsewhere,
)
from .compiler import Codes, Index, Pattern, compile_rule, matches_any
from .concepts import Grid
from .concern import _concern, _crisis_at, _looking_back, read_concern
from .critic_gate import OWN_MAX_SENTENCES, Gate
from .data import Lexicon, Rule, load_languages, load_lexicon, load_rules
from .hashed import Risk
from .language import reads_as_english
from .lean import leans
from .learned import LEARNED_MIN_WORDS, Features, Learned
from .model import Analysis, Finding, hint_for, load_hints, remember_hints
from .pattern import Grammar
from .quoting import answered as answered_in
from .quoting import apposed_me, old_quotes, plain_label
from .scope import Context, Raw, Scoper, Sentence, markers, own_view_turn
from .tokens import BREAK, Tokeniser, WordList, lower, sentence_list, sentences

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from importlib.abc import Traversable
    from pathlib import Path

READINGS_LIMIT = 20_000
# A text this long is read with the cyclic collector paused (see Analyser.analyse).
PAUSE_COLLECTOR = 5_000


class _Built:
    """Everything read and compiled from the data files, built once per analyser."""

    def __init__(self, folder: Traversable | Path | None, learned: bool) -> None:
        self.lexicon: Lexicon = load_lexicon(folder)
        self.hints = load_hints()
        rules: list[Rule] = load_rules(folder)
        self.grammar = Grammar(self.lexicon)
        patterns = [compile_rule(self.grammar, rule) for rule in rules]
        self.index = Index(patterns, self.grammar, self.lexicon)
        self.codes: Codes = self.index.codes
        self.tokens = Tokeniser(self.lexicon)
        self.scoper = Scoper(self.lexicon)
        self.grid = Grid(folder)  # crisis by concept (data/concepts.toml)
        self.features = Features(self.lexicon)
        self.self_words = self.lexicon["self"]
        self.first_person = self.lexicon["first_person"]
        self.others = self.lexicon["others"]
        self.other_start = self.lexicon["other_start"]
        self.people = (self.lexicon.classes["OTHER_NOUN"] | self.lexicon.classes["HELPER"]) - {
            "family",
            "group",
            "class",
            "room",
            "office",
            "team",
        }
        # Whose criticism (see aim.aimed_elsewhere): who a sentence can point at before a label.
        self.subjects = frozenset({"he", "she", "they"})
        self.pointers = frozenset(
            {"some", "that", "this", "the", "these", "those", "our", "his", "her", "their"}
        )
        self.targets = (
            self.people | self.lexicon.classes["LABEL_NOUN"] | self.lexicon["other_things"]
        )
        self.speaker = frozenset({"i", "im", "myself"})
        # A verdict only a person can earn (see aim.aimed_elsewhere): roles and most labels.
        classes = self.lexicon.classes
        self.personal = (classes["LABEL_NOUN"] - classes["THING_LABEL"]) | classes["ROLE_PERSON"]
        self.things = self.lexicon["other_things"] - self.people - classes["ROLE_PERSON"]
        # ... and what can open a sentence about someone else ("nobody" is also a label).
        self.named = self.people | self.lexicon["other_things"]
        # Verdict words: a sentence that opens on one is a verdict, not a subject ("Useless
        # is what I am").
        # (the lexicon's own sets, not a union: each copy is memory a fresh process pays)
        self.label_sets = (self.lexicon.classes["LABEL_NOUN"], self.lexicon.classes["LABEL_ADJ"])
        self.intensifiers = self.lexicon.classes["INT"]
        # Words a journal's clause opens on when it drops its "I" (see _implied_i).
        # Not "can"/"could": "Can't even remember when the garden looked this good" is not
        # "I can't even…" (rules/critic.toml reads "Can't even … right" itself).
        # "Still feel like a complete loser though.", "Felt like the worst mum there."
        self.dropped = frozenset({"never", "always", "keep", "kept", "feel", "felt", "still"})
        # Verbs that open an account of one's own doing without "-ed": "Hit the car", "Lost…"
        self.doing = frozenset(
            {"hit", "lost", "left", "broke", "forgot", "got", "made", "put", "let", "sent"}
            | {"took", "drove", "ran", "rang", "told", "said", "cut", "shut", "kept", "went"}
            | {"came", "did", "had", "saw", "met", "fed", "read", "paid", "sold", "bought"}
        )
        self.clause_end = self.lexicon["clause_end"] | {BREAK}
        self._english: frozenset[str] | None = None  # see english()
        self._gate: Gate | bool | None = False  # see gate(): False until first needed
        self.learned: Learned | None = None
        self.risk: Risk | None = None
        if learned:
            import json
            from importlib import resources

            folder_ = resources.files("tui.core").joinpath("data")
            raw = folder_.joinpath("selftalk_weights.json")
            self.learned = Learned(json.loads(raw.read_text("utf-8")))
            risk = folder_.joinpath("selftalk_risk.bin").read_bytes()
            self.risk = Risk.read(risk)
        # Small words of other languages that are not English words (languages.toml). Only a
        # text with no finding and no concern asks (see foreign): a snapshot keeps them as one
        # string (see snapshot.save), made a set when first needed.
        lists = load_languages(folder).words
        self._foreign: frozenset[str] | None = frozenset().union(*lists.values()) - self.english()
        self._foreign_text = ""
        # Each language's whole list, the small words it shares with English too ("bin", "so",
        # "was"): read only for a short text holding one of that language's own words (see
        # language.py); a snapshot keeps them as one string, as for foreign.
        self._lists: tuple[frozenset[str], ...] | None = tuple(lists.values())
        self._lists_text = ""

    def __setstate__(self, state: dict[str, object]) -> None:
        """From a snapshot, one attribute at a time: pickle's own way fills the instance
        dict in one go, and Python 3.11 then reads every attribute of it 3-4 times slower
        (the analyser reads them for each sentence: ~4% of a 100 KB text)."""
        for name, value in state.items():
            setattr(self, name, value)

    @property
    def foreign(self) -> frozenset[str]:
        """Small words of other languages that are not English words (language.py)."""
        foreign = self._foreign
        if foreign is None:
            text = self._foreign_text
            foreign = self._foreign = frozenset(text.split("\n")) if text else frozenset()
        return foreign

    @property
    def language_lists(self) -> tuple[frozenset[str], ...]:
        """Each other language's small words, those it shares with English included."""
        lists = self._lists
        if lists is None:
            text = self._lists_text
            lists = self._lists = tuple(frozenset(line.split()) for line in text.split("\n"))
        return lists

    def english(self) -> frozenset[str]:
        """Words kindtone knows to be English: the list in words.toml, every rule word and
        every word the weights know. Made when first needed: a text with findings never
        needs it, and a snapshot stays smaller without it."""
        english = self._english
        if english is None:
            english = self.lexicon["english"] | frozenset(self.codes)
            if self.learned is not None:
                english |= self.learned.words
            self._english = english
        return english

    def gate(self) -> Gate | None:
        """The critic gate (critic_gate.py), read the first time a text has findings or the
        word weights alone would flag a sentence; None without its file."""
        gate = self._gate
        if gate is False:
            gate = self._gate = Gate.load()
        return gate if isinstance(gate, Gate) else None

    def critic_agrees(self, words: list[str]) -> bool:
        """Whether the critic gate reads the sentence as self-criticism too (yes without it)."""
        gate = self.gate()
        return gate is None or gate.agrees(words)

    def critic_alone(self, words: WordList) -> bool:
        """Whether the critic gate alone hears self-criticism (see Gate.alone_hears)."""
        gate = self.gate()
        return gate is not None and gate.alone_hears(words)

    def critic_owns(
        self, low: str, readings: list[tuple[int, Reading]], alone: bool = False
    ) -> bool:
        """Whether the harsh words found in a text are the writer's own verdict on
        themselves, as the gate's own head reads the whole text (yes without it). ``alone``:
        only the gate heard them (Gate.alone_hears), so the head must be surer
        (``own.alone``): nothing else spoke for them."""
        gate = self.gate()
        own = gate.own if gate is not None else None
        if own is None:
            return True
        total = own.bias
        for start, reading in readings:
            share = reading.mine
            if share is None:
                share = own.share(self.tokens.words_at(low, start))
                turned = after_turn(reading.low, reading.found)
                if turned is not None:  # the verdict after a turn, read too (aim.after_turn)
                    share = max(share, own.share(self.tokens.words(turned)))
                reading.mine = share
            total += share
        return total >= (own.threshold if not alone or own.alone is None else own.alone)

    def sentence(self, low: str, words: list[str]) -> Sentence:
        word_set = set(words)
        return Sentence(
            low,
            words,
            self.index.candidates(word_set),
            self.codes,
            not self.self_words.isdisjoint(word_set),
        )


_NONE: frozenset[str] = frozenset()
_NO_FEATURES: set[str] = set()  # never changed: read only by the weights
_NO_CONTEXT: Context = (False, False, None, None, None, False)


class Reading:
    """What one sentence says on its own, whatever surrounds it: so it can be remembered.

    In two parts. What the critic needs (findings, kind riders, quoting) is read at once. What
    only the text's concern needs (the net's score, the concept grid, crisis words and the
    concern cues: about a third of a reading) is read with it while the concern of the text
    being analysed is still open, and otherwise when first asked (``cues``, ``crisis``, ...):
    once a text's concern is settled as crisis, nothing a later sentence says can change it,
    so its later sentences are read for the critic alone (see Analyser.analyse)."""

    __slots__ = (
        "_concepts",
        "_crisis",
        "_cues",
        "_farewell",
        "_foreign",
        "_risk",
        "agree",
        "alone",
        "answer",
        "back",
        "built",
        "defused",
        "denies",
        "done",
        "found",
        "intro",
        "kind",
        "low",
        "mine",
        "own",
        "owns",
        "points",
        "praise",
        "quiet",
        "reported",
        "selfless",
        "slip",
        "turn",
        "unheard",
        "verdict",
        "weighed",
    )
    # The concern's part, set by concern.read_concern (read through the properties below).
    _concepts: frozenset[str]
    _crisis: bool
    _cues: frozenset[str]
    _farewell: frozenset[str]
    _foreign: bool
    _risk: float | None

    def __init__(
        self,
        built: _Built,
        low: str,
        words: WordList,
        full: bool = True,
        hear_alone: bool = True,
    ) -> None:
        """``full``: read the concern's part now (see the class); ``hear_alone``: ask the
        critic gate's alone band now (see hear)."""
        sentence = built.sentence(low, words)
        self.built, self.low = built, low
        self.done = False  # the concern's part read (see _finish)
        self.unheard = False  # the gate's alone band left unasked (see hear)
        # A verdict told in one sentence and owned in the next: "Mediocre. That's what I am."
        # (see Analyser.analyse): where this sentence's verdict ends, if it is only one.
        self.owns = "that" in low and _OWNS.match(low) is not None  # (the search: cheaper)
        self.verdict: tuple[int, int] | None = None
        if (
            len(words) <= 4
            and all(is_label(built, w) or w in built.intensifiers or w == BREAK for w in words)
            and any(is_label(built, word) for word in words)
        ):
            stripped = low.rstrip().rstrip(".!?,;:…")
            self.verdict = (len(low) - len(low.lstrip()), len(stripped))
        self.mine: float | None = None  # the critic gate's own head's share (critic_owns)
        self.back: float | None = None  # the recovery head's share, read when needed
        self.own: float | None = None  # ... and its crisis clause's (see _back_shares)
        candidates = sentence.candidates  # most sentences have candidates in few groups
        # Sarcasm across sentences (rules/critic.toml, group "sarcasm"): whether the sentence
        # is praise alone ("Brilliant.", "Genius. Absolute genius."), and whether it tells the
        # writer's own slip ("Put salt in the tea."): praise right after a slip is mock praise.
        self.praise = self.slip = False
        if "sarcasm" in candidates:
            size = len(words)
            while size and words[size - 1] == BREAK:
                size -= 1
            for pattern, start, end in sentence.matches("sarcasm"):
                if pattern.kind == "slip":
                    self.slip = True
                elif start == 0 and end >= size:  # praise, and nothing else in the sentence
                    self.praise = True
        # A success told with no slip, failure or lack beside it, or a fault denied (group
        # "success"): the word weights and the gate don't read it as self-criticism.
        self.quiet = self.denies = False
        if "success" in candidates:
            told = sentence.matches("success")
            kinds = {pattern.kind for pattern, _, _ in told}
            # (a denial only as the sentence's first words: "^" is a clause's start)
            self.denies = any(pattern.kind == "denial" and not at for pattern, at, _ in told)
            self.quiet = self.denies or ("told" in kinds and "lack" not in kinds)
        learned = built.learned
        # A word or two is too little for a statistical verdict ("nothing", "kinder"): the
        # weights only read sentences of a few words; the rules read everything.
        if learned is not None and len(words) - words.count(BREAK) < LEARNED_MIN_WORDS:
            learned = None
        # The weights' features, made when first needed (here, or in _finish).
        features: set[str] | None = None
        if full:
            features = self._finish(built, low, words, sentence, learned)
        self.kind, self.defused, intro, answer, turn, self.agree = (
            built.scoper.context(sentence) if "context" in candidates else _NO_CONTEXT
        )
        # Quoting an old thought to answer it (rules/quoting.toml): the characters where an
        # introduced old thought starts, where a kind answer starts, and where a clause turns
        # from it, in this sentence.
        self.intro: int | None = None
        self.answer: int | None = None
        self.turn: int | None = None
        if intro is not None or answer is not None or turn is not None:
            starts, _ = built.tokens.char_spans(low, words, len(words))
            if intro is not None:
                self.intro = starts[intro] if intro < len(starts) else len(low)
            if answer is not None and not plain_label(low, starts[answer]):
                self.answer = starts[answer]
            if turn is not None and not apposed_me(low, starts[turn]):
                self.turn = starts[turn]
        # Whose criticism, across sentences: "The pharmacy lost it again. Hopeless lot."
        # Whether the sentence opens on someone else: asked of few sentences (see _points).
        self.points: bool | None = None
        self.selfless = not sentence.has_self
        # (category, start, end, weak), in characters from the start of the sentence.
        self.found: tuple[tuple[str, int, int, bool], ...] = ()
        self.alone = False  # found by the critic gate alone (Gate.alone_hears)
        self.weighed = False  # found by the word weights or the gate, not by a rule
        raw = built.scoper.critical_findings(sentence)
        if raw:
            # Whose criticism: a harsh label that names nobody ("what an absolute moron")
            # is about whoever the sentence has already pointed at, when that is someone
            # else ("some numpty in a BMW tailgated me…", "they cancelled again, useless").
            raw = [item for item in raw if not aimed_elsewhere(built, words, item)]
        elif "name" in candidates:
            raw = own_name_findings(built, low, words, sentence)  # "by Kev I mean me"
        elif not built.dropped.isdisjoint(words):
            raw = _implied_i(built, low, words)  # the writer's own, by the "I" put back
        if not raw and not sentence.has_self:
            raw = repeated_name_findings(built, low, words)  # "Jo forgot, Jo's a liability"
        if raw and self.kind and built.scoper.rider_turned_from(sentence, raw):
            self.kind = False  # "My wife said it was fine, but I know I'm hopeless at it."
        if raw:
            starts, ends = built.tokens.char_spans(low, words, max(end for _, _, end, _ in raw))
            found = []
            for category, start, end, weak in raw:
                last = end - 1
                while last > start and words[last] == BREAK:
                    last -= 1
                found.append((category, starts[start], ends[last], weak))
            self.found = tuple(found)
        elif (
            learned is not None
            # The critic weights never saw crisis lines: on one, their verdict means nothing
            # (asked here only when already known; else last, below: most sentences never
            # get that far, and the concern's part may not be needed at all).
            and not (self.done and self._crisis)
            # Whose criticism: the weights know harsh words, not whom they are aimed at. "He's
            # so selfish" and "the council is useless" are about someone else: only a sentence
            # that speaks as "I" or "me" can be the person's own self-criticism.
            and about_me(built, words)
            and not ends_on_others(built, words)
            and not self.kind
            and not self.quiet
        ):
            if features is None:
                features = built.features(words)
            if learned.is_critical(features):
                # A second opinion that has seen journal answers' everyday sentences too.
                if built.critic_agrees(words):
                    self._weights_heard(built, low, words, sentence, learned, features, False)
            elif hear_alone:
                self._gate_alone(built, low, words, sentence, learned, features)
            else:
                self.unheard = True
        # A harsh thought reported and replied to (Scoper.reported_chars): asked of a finding's
        # sentence in every text it is met in (quoting.answered), so remembered with it.
        self.reported: tuple[int, int] | bool | None = (
            built.scoper.reported_chars(built.tokens, low, words) if self.found else False
        )

    def reported_span(self) -> tuple[int, int] | None:
        """Scoper.reported_chars, worked out now if it was not (a finding heard later)."""
        span = self.reported
        if span is False:
            built, low = self.built, self.low
            words = built.tokens.words(low)
            span = self.reported = built.scoper.reported_chars(built.tokens, low, words)
        assert span is not True
        return span

    def hear(self) -> None:
        """Ask the critic gate's alone band now, if it was left unasked. What the gate alone
        hears in a text of more than OWN_MAX_SENTENCES sentences is dropped (Analyser.analyse),
        so a long text leaves it for when the sentence is met in a shorter one."""
        if self.unheard:
            built, low = self.built, self.low
            words = built.tokens.words(low)
            learned = built.learned
            assert learned is not None  # (left unasked only on the weights' path)
            sentence = built.sentence(low, words)
            self._gate_alone(built, low, words, sentence, learned, built.features(words))
            self.unheard = False

    def _gate_alone(
        self,
        built: _Built,
        low: str,
        words: WordList,
        sentence: Sentence,
        learned: Learned,
        features: set[str],
    ) -> None:
        """Where the weights don't read self-criticism: the gate alone, where it hears it
        plainly (Gate.alone_hears)."""
        if built.critic_alone(words) and gate_may_speak_alone(built, words):
            self._weights_heard(built, low, words, sentence, learned, features, True)

    def _weights_heard(
        self,
        built: _Built,
        low: str,
        words: WordList,
        sentence: Sentence,
        learned: Learned,
        features: set[str],
        alone: bool,
    ) -> None:
        """Self-criticism heard by the weights (or the gate alone): found, unless the sentence
        reads as crisis (the concern's part read now if it was not) or a marker rule says
        otherwise."""
        if self._crisis_now(built, low, words, sentence, learned, features):
            return
        found = markers(sentence)
        if not found:
            self._weights_found(built, low, words, learned, features, alone)
            return
        # A report the writer then answers in their own view: "Every teacher said he's doing
        # great and I sat there knowing it's despite me, a mess of a dad". What the weights
        # and the gate hear in those last words, on their own, is the writer's.
        if alone or any(pattern.kind != "defusion" for pattern, _, _ in found):
            return
        turn = own_view_turn(words, max(end for _, _, end in found))
        if turn is None:
            return
        tail = words[turn + 1 :]
        if (
            len(tail) - tail.count(BREAK) >= LEARNED_MIN_WORDS
            and learned.is_critical(built.features(tail))
            and built.critic_agrees(tail)
        ):
            starts, _ = built.tokens.char_spans(low, words, turn + 2)
            self._weights_found(built, low, words, learned, features, alone, starts[turn + 1])

    def _weights_found(
        self,
        built: _Built,
        low: str,
        words: WordList,
        learned: Learned,
        features: set[str],
        alone: bool,
        start: int | None = None,
    ) -> None:
        """Wording the rules don't know but the weights read as self-criticism: the whole
        sentence (or from ``start``, in characters), under the category it fits best; weak, so
        a kind rider softens it."""
        if start is None:
            start = len(low) - len(low.lstrip())
        end = len(low.rstrip().rstrip(".!?,;:…"))
        category = learned.category(features)
        verdict = category not in ABOUT_OTHERS_TOO
        points = points_elsewhere(built, words, verdict)
        if verdict:
            self.points = points  # (as _points asks it)
        if weighed_elsewhere(built, words, category, points):
            end = start  # someone else's, or a thing's
        if end > start:
            # The marks first: a reading heard later (hear) may be shared with another thread
            # reading a long text, which drops what the gate alone found (or what a denial
            # answers) only if it sees so.
            self.alone = alone
            self.weighed = True
            self.found = ((category, start, end, True),)

    def _crisis_now(
        self,
        built: _Built,
        low: str,
        words: WordList,
        sentence: Sentence,
        learned: Learned | None,
        features: set[str],
    ) -> bool:
        """Whether the sentence reads as crisis, its concern's part read now if it was not."""
        if not self.done:
            self._finish(built, low, words, sentence, learned, features)
        return self._crisis

    # --- the concern's part ----------------------------------------------------------------

    def finish(self) -> None:
        """Read the concern's part now, if it was left (the sentence read again)."""
        if not self.done:
            built, low = self.built, self.low
            words = built.tokens.words(low)
            learned = built.learned
            if learned is not None and len(words) - words.count(BREAK) < LEARNED_MIN_WORDS:
                learned = None
            self._finish(built, low, words, built.sentence(low, words), learned)

    @property
    def cues(self) -> frozenset[str]:
        if not self.done:
            self.finish()
        return self._cues

    @property
    def crisis(self) -> bool:
        if not self.done:
            self.finish()
        return self._crisis

    @property
    def risk(self) -> float | None:
        if not self.done:
            self.finish()
        return self._risk

    @property
    def concepts(self) -> frozenset[str]:
        if not self.done:
            self.finish()
        return self._concepts

    @property
    def foreign(self) -> bool:
        if not self.done:
            self.finish()
        return self._foreign

    @property
    def farewell(self) -> frozenset[str]:
        if not self.done:
            self.finish()
        return self._farewell

    def _finish(
        self,
        built: _Built,
        low: str,
        words: WordList,
        sentence: Sentence,
        learned: Learned | None,
        features: set[str] | None = None,
    ) -> set[str] | None:
        """The concern's part (see concern.read_concern); the weights' features if made."""
        return read_concern(self, built, low, words, sentence, learned, features)


def _points(built: _Built, low: str, item: tuple[int, Reading]) -> bool:
    """Whether the sentence at ``item`` opens on someone else (aim.points_elsewhere), worked
    out when first asked: only a label right after it asks."""
    start, reading = item
    points = reading.points
    if points is None:
        points = reading.points = points_elsewhere(built, built.tokens.words_at(low, start))
    return points


def _implied_i(built: _Built, low: str, words: WordList) -> list[Raw]:
    """Journals drop the "I" ("Can't get anything right today.", "Burnt it, never learn."):
    a clause that opens on one of these words is read again with "I" put back in front of
    it. The finding's words are the sentence's own."""
    implied: list[str] = []
    where: list[int] = []  # each implied word's index in ``words``
    previous = BREAK
    for index, word in enumerate(words):
        if previous == BREAK and word in built.dropped:
            implied.append("i")
            where.append(index)
        implied.append(word)
        where.append(index)
        previous = word
    if len(implied) == len(words):
        return []
    found = built.scoper.critical_findings(built.sentence(low, implied))
    return [
        (category, where[start], where[end - 1] + 1, True)  # weak: a kind rider softens it
        for category, start, end, _ in found
        if where[end - 1] + 1 > where[start]
    ]


# Second person: the critic's own address ("you idiot"), never carried on from a label of
# someone else's.
_ADDRESS = frozenset({"you", "your", "yourself", "ya", "u", "ur", "youre"})

# Owning the verdict of the sentence before: "That's what I am.", "That's me.", "That's all I
# am." (not "That's not me.").
_OWNS = re.compile(
    r"\s*(?:yep,? |yeah,? )?that(?:'|’)?s (?:(?:what|who|all) i am|me|me all over)\W*$"
)


class Analyser:
    """Reads texts. ``learned=False`` reads with the rules alone (for training, and for
    measuring each layer); ``folder`` reads the data files from elsewhere (for tests).
    Built on first use (tens of milliseconds), so importing stays cheap; safe to share
    between threads (the home screen warms it in one)."""

    def __init__(
        self,
        *,
        learned: bool = True,
        folder: Traversable | Path | None = None,
        readings_limit: int = READINGS_LIMIT,
    ) -> None:
        self.learned = learned
        self.folder = folder
        self.readings_limit = readings_limit
        # Sentences read before, by their lower-cased text. People repeat themselves ("I'm
        # so tired."), and the app checks a whole answer again after each edit of one line.
        # Cleared when full, so memory stays bounded whatever is pasted in.
        self.readings: dict[str, Reading | None] = {}
        self._built: _Built | None = None
        self._lock = threading.Lock()

    @property
    def built(self) -> _Built:
        built = self._built
        if built is None:
            with self._lock:
                if self._built is None:
                    self._built = self._build()
                built = self._built
        return built

    def _build(self) -> _Built:
        """From the snapshot when it is current (see snapshot.py), else from the sources."""
        if self.folder is None and self.learned:
            built = snapshot.load()
            if built is not None:
                remember_hints(built.hints)
                return built
        return _Built(self.folder, self.learned)

    @property
    def patterns(self) -> list[Pattern]:
        return self.built.index.patterns

    def words(self, text: str) -> WordList:
        """The normalised words of ``text`` (lower-cased first)."""
        return self.built.tokens.words(lower(text))

    def features(self, text: str) -> set[str]:
        """The words and word pairs the learned weights are keyed by (see
        scripts/train_selftalk_weights.py, which trains on these)."""
        return self.built.features(self.words(text))

    def fires(self, pattern: Pattern, text: str) -> bool:
        """Whether ``pattern`` matches in any sentence of ``text`` (scope aside)."""
        built = self.built
        for chunk in sentences(lower(text)):
            words = built.tokens.words(chunk.group())
            if words and matches_any([pattern], built.codes, built.codes.encode(words)):
                return True
        return False

    def _reading(
        self, built: _Built, low: str, full: bool = True, hear_alone: bool = True
    ) -> Reading | None:
        """None for a sentence with no words (only punctuation or symbols). ``full`` and
        ``hear_alone``: see Reading."""
        readings = self.readings
        if low in readings:  # not try/except: a raised KeyError costs each new sentence ~1 µs
            return readings[low]
        words = built.tokens.words(low)
        reading = (
            Reading(built, low, words, full, hear_alone)
            if words and words.count(BREAK) != len(words)
            else None
        )
        if len(readings) >= self.readings_limit:
            readings.clear()
        if self.readings_limit > 0:
            readings[low] = reading
        return reading

    def analyse(self, text: str) -> Analysis:
        """Analyse ``text`` (any length, any characters). Never raises on str input."""
        if len(text) < PAUSE_COLLECTOR or not gc.isenabled():
            return self._analyse(text)
        # A long text makes a few objects a sentence (its reading, its findings) that live
        # until the analysis is made: the cyclic collector would stop every few hundred
        # sentences to walk them, and now and then the whole heap (the analyser's rules and
        # weights, the app's widgets), ~5-10% of 100 KB, to find nothing: reading makes no
        # reference cycles. Paused as the insights screen pauses it (insights.py), never
        # left off; what the reading kept is walked once, when the collector next runs.
        gc.disable()
        try:
            return self._analyse(text)
        finally:
            gc.enable()

    def _analyse(self, text: str) -> Analysis:
        built = self.built
        readings: list[tuple[int, Reading]] = []
        low = lower(text)
        remembered = self.readings
        # Whether the text's concern is already known to be crisis: nothing a later sentence
        # says can change that, so later sentences are read for the critic alone (Reading).
        settled = False
        chunks = sentence_list(low)
        # What the critic gate alone hears is dropped in a long text (below): a text of more
        # sentences than that leaves it unasked (see Reading.hear).
        hear_alone = len(chunks) <= OWN_MAX_SENTENCES
        for start, sentence in chunks:
            # A sentence read before costs one lookup here, not a call.
            if sentence in remembered:
                reading = remembered[sentence]
            else:
                reading = self._reading(built, sentence, not settled, hear_alone)
            if reading is not None:
                readings.append((start, reading))
                if not settled:
                    if not reading.done:
                        reading.finish()  # remembered from a text settled before it
                    if len(readings) >= 3:
                        settled = _crisis_at(built, readings, len(readings) - 3, low)
        if settled:
            concern: str | None = "crisis"
        else:
            joined = built.grid.entry([reading.concepts for _, reading in readings])
            back = _looking_back(built, readings, low, joined)
            concern = _concern([reading for _, reading in readings], joined, back)
        if concern is None and len(readings) == 1 and leans(built, readings[0], low):
            concern = "ask"  # the net's lean, on a text of one sentence (see Risk.single)
        crisis = concern == "crisis"
        spans: list[tuple[int, int, str]] = []
        heard = False  # a span that a rule or the word weights found, not the gate alone
        answered = answered_in(text, readings)
        last = len(readings) - 1
        if last < OWN_MAX_SENTENCES:
            for _, reading in readings:
                if reading.unheard:
                    reading.hear()  # remembered from a long text (or fewer sentences had words)
        aimed = -1  # the last sentence whose label was someone else's (see below)
        mocked = -2  # the last sentence of one's own slip, or of praise said of it
        for number, (offset, reading) in enumerate(readings):
            if reading.slip and not reading.praise:
                mocked = number
            elif reading.praise and mocked == number - 1 and not reading.found:
                # Praise alone, right after one's own slip (or praise of it): mock praise
                # ("Put salt in the tea instead of sugar. Brilliant. Gold star for me.").
                mocked = number
                low_sentence = reading.low
                begin = len(low_sentence) - len(low_sentence.lstrip())
                end = len(low_sentence.rstrip().rstrip(".!?,;:…"))
                # Weak, as a rule's finding would be: a kind rider here or in the next
                # sentence softens it ("Brilliant. But honestly it's fine, everyone forgets.").
                after = readings[number + 1][1] if number < last else reading
                soft = reading.kind or reading.defused or after.kind or after.defused
                if end > begin and not soft:
                    spans.append((offset + begin, offset + end, "harsh-self-address"))
                    heard = True
                continue
            if reading.owns and number > 0:
                before, told = readings[number - 1]
                if told.unheard and told.verdict is not None:
                    told.hear()  # (whether it has a finding of its own, even one dropped below)
                if told.verdict is not None and not told.found:
                    spans.append((before + told.verdict[0], before + told.verdict[1], "labelling"))
                    heard = True
            if not reading.found:
                if aimed == number - 1 and reading.selfless and reading.verdict is not None:
                    aimed = number  # a bare label with no finding of its own carries it on
                continue
            # What the person says right after can soften or defuse what came before.
            kind, defused = reading.kind, reading.defused
            if number < last:
                after = readings[number + 1][1]
                kind = kind or after.kind
                defused = defused or after.defused
            if defused:
                continue
            if reading.weighed and number < last and readings[number + 1][1].denies:
                # A question the next sentence answers by denying it: "Who left the gate
                # open? Not me." What the weights heard in the question isn't the writer's.
                continue
            if (
                reading.selfless
                and number > 0
                and (
                    (
                        aimed == number - 1
                        and _ADDRESS.isdisjoint(built.tokens.words_at(low, offset))
                    )
                    or _points(built, low, readings[number - 1])
                )
            ):
                # A label with no "I" in it, right after someone else was named, or right after
                # such a label and saying no "you": "The engineer got it wrong. Muppet. Proper
                # muppet." (not "…you've forgotten it again, brilliant", the critic's address)
                aimed = number
                continue
            if reading.alone and last >= OWN_MAX_SENTENCES:
                continue  # the gate alone, where its own head can't judge whose verdict it is
            old: list[tuple[int, int]] | None = None  # an old thought quoted (old_quotes)
            for category, start, end, weak in reading.found:
                if weak and kind:
                    continue
                if answered(number, offset + start, offset + end):
                    continue
                if old is None:
                    # (not in a text settled as crisis: its later sentences' concern's part,
                    # which tells whether a sentence looks back, is left unread)
                    old = [] if settled else old_quotes(reading)
                if any(a < end and start < b for a, b in old):
                    continue
                spans.append((offset + start, offset + end, category))
                heard = heard or not reading.alone
        if (
            spans
            and len(readings) <= OWN_MAX_SENTENCES
            and not built.critic_owns(low, readings, alone=not heard)
        ):
            spans = []  # an old thought quoted to answer it, or someone else's fault
        findings = tuple(
            Finding(category, start, end, text[start:end], hint_for(category))
            for start, end, category in _non_overlapping(spans)
        )
        # Wording in another language the grid knows (its "foreign" rules) is asked about, and
        # the text is still said to be one kindtone can't read.
        english = (
            bool(findings)
            or (concern is not None and not any(reading.foreign for _, reading in readings))
            or reads_as_english(built, low)
        )
        return Analysis(
            text=text,
            critical=bool(findings),
            crisis=crisis,
            findings=findings,
            concern=concern,
            language="en" if english else "unsupported",
        )


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping spans (the earliest when they start together)."""
    ordered = sorted(spans, key=lambda span: (span[0], span[0] - span[1]))
    kept: list[tuple[int, int, str]] = []
    for span in ordered:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept
