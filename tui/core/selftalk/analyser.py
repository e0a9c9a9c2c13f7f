"""The analyser: reads a text sentence by sentence with the rules (data files) and the learned
weights behind them. It owns everything it builds and remembers, so two analysers (say, one
with the rules alone, for training) never share a switch or a cache."""

from __future__ import annotations

import math
import re
import threading

from . import snapshot
from .aim import (
    ABOUT_OTHERS_TOO,
    about_me,
    aimed_elsewhere,
    ends_on_others,
    gate_may_speak_alone,
    is_label,
    own_name_findings,
    points_elsewhere,
    weighed_elsewhere,
)
from .compiler import Codes, Index, Pattern, compile_rule, matches_any
from .concepts import (
    OTHER_MEANS,
    Grid,
    GridRule,
    acting,
    decided,
    everyday_means,
    everyday_note,
    planned,
    purpose,
    usual_dose,
)
from .critic_gate import OWN_MAX_SENTENCES, Gate
from .data import Lexicon, Rule, load_languages, load_lexicon, load_rules
from .hashed import Back, Risk
from .lean import doubt, leans, net_score
from .learned import LEARNED_MIN_WORDS, Features, Learned
from .model import Analysis, Finding, hint_for, load_hints, remember_hints
from .pattern import Grammar
from .quoting import answered as answered_in
from .scope import Context, Raw, Scoper, Sentence
from .tokens import BREAK, Tokeniser, WordList, clauses, lower, sentence_list, sentences

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from importlib.abc import Traversable
    from pathlib import Path

READINGS_LIMIT = 20_000
LANGUAGE_SAMPLE = 2_000  # characters read to tell whether a text is English
LANGUAGE_MIN_WORDS = 4
LATIN_LAST = "\u024f"  # Latin letters: up to the end of Latin Extended-B ...
LATIN_ADDITIONAL = ("\u1e00", "\u1eff")  # ... and Latin Extended Additional (Vietnamese)
# The net's veto reads short sentences only: in a long one, everyday words around a buried
# "wanting to die" pull its score down without making the words any safer.
VETO_MAX_WORDS = 12


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
        # Small words of other languages that are not English words (languages.toml).
        self.foreign = frozenset().union(*load_languages(folder).words.values()) - self.english()

    def __setstate__(self, state: dict[str, object]) -> None:
        """From a snapshot, one attribute at a time: pickle's own way fills the instance
        dict in one go, and Python 3.11 then reads every attribute of it 3-4 times slower
        (the analyser reads them for each sentence: ~4% of a 100 KB text)."""
        for name, value in state.items():
            setattr(self, name, value)

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

    def critic_agrees(self, words: WordList) -> bool:
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
    """What one sentence says on its own, whatever surrounds it: so it can be remembered."""

    __slots__ = (
        "agree",
        "alone",
        "answer",
        "back",
        "concepts",
        "crisis",
        "cues",
        "defused",
        "farewell",
        "foreign",
        "found",
        "intro",
        "kind",
        "mine",
        "own",
        "owns",
        "points",
        "risk",
        "selfless",
        "turn",
        "verdict",
    )

    def __init__(self, built: _Built, low: str, words: WordList) -> None:
        sentence = built.sentence(low, words)
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
        learned = built.learned
        # A word or two is too little for a statistical verdict ("nothing", "kinder"): the
        # weights only read sentences of a few words; the rules read everything.
        if learned is not None and len(words) - words.count(BREAK) < LEARNED_MIN_WORDS:
            learned = None
        # The wider net's score (hashed.py): None when there are no weights or too few words.
        self.risk = net_score(built, low, words, learned is not None)
        codes, code = sentence.codes, sentence.code
        # Crisis words: by a rule, or by the weights alone ("weights" in cues, see _concern).
        crisis_rules = candidates.get("crisis", [])
        by_rule = bool(crisis_rules) and matches_any(crisis_rules, codes, code)
        clear = by_rule and matches_any([p for p in crisis_rules if p.kind == "clear"], codes, code)
        # The weights' features: every later use of them is on a sentence no crisis rule
        # matched (a rule's crisis never asks the weights), so those sentences skip making them.
        features = built.features(words) if learned is not None and not by_rule else _NO_FEATURES
        # An idiom rule's match ("killing it at work"), worked out once if it is asked for.
        idiom: bool | None = None if "idiom" in candidates else False
        by_weights = not by_rule and learned is not None and learned.is_crisis(features)
        if by_weights:
            idiom = matches_any(candidates["idiom"], codes, code) if idiom is None else idiom
            by_weights = not idiom
        by_weights, doubted = doubt(built, self.risk, by_weights, learned, features)  # (see lean)
        # The concept grid (concepts.py): act, means, time and intent in any wording.
        self.concepts = built.grid.concepts(words, low)
        grid = built.grid.verdict(self.concepts)
        self.foreign = grid is not None and grid.foreign
        self.crisis = by_rule or by_weights or (grid is not None and grid.verdict == "crisis")
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
            if answer is not None:
                self.answer = starts[answer]
            if turn is not None:
                self.turn = starts[turn]
        # Concern cues (rules/concern.toml): "ask", "recovery", "settle", "live", "definite";
        # "weights" when only the weights read crisis, and not by far.
        cues: set[str] = set()
        if "concern" in candidates:
            negated_live = False
            for pattern, start, _ in sentence.matches("concern"):
                if not built.scoper.negations_before(words, start):
                    cues.add(pattern.kind)
                elif pattern.kind == "live":
                    negated_live = True
            # Present intent stands even when negated ("I don't want help this time"), but
            # not beside a recovery cue that says the wish has passed ("I don't want to die
            # anymore"), unless the grid reads an act or means in the same sentence.
            if negated_live and ("recovery" not in cues or grid is not None):
                cues.add("live")
        if clear or (grid is not None and grid.verdict == "crisis"):
            cues.add("definite")  # a crisis concept rule: means with intent or the act itself
        elif grid is not None and not self.crisis:
            # The grid's weaker combinations (an act or means, no time): asked about, and on
            # their own never made crisis by a present-intent cue ("want to jump out the
            # window lmao").
            cues.add("grid-ask")
        if doubted:
            cues.add("veto")  # clearly, and the net under its veto: asked about, as for a rule
        elif by_weights and learned is not None and not learned.is_clearly_crisis(features):
            cues.add("weights")  # near the threshold: asked about, not paused for
        risk = built.risk
        if risk is not None and self.risk is not None and self.risk >= min(risk.single, risk.ask):
            idiom = matches_any(candidates["idiom"], codes, code) if idiom is None else idiom
            # Tablets taken as they should be ("took my tablets an hour ago as usual") or only
            # a drink ("drank the last of the milk"): the net, leaning on "took" and "drank",
            # is not asked about unless sure on its own.
            if idiom or (
                self.risk < risk.alone
                and usual_dose(self.concepts)
                and self.concepts.isdisjoint(OTHER_MEANS)
            ):
                pass
            elif self.risk < risk.alone and everyday_note(self.concepts):
                # Only an everyday note or goodbye and a time ("Don't answer the email
                # tonight"): the net, which learned emails and passwords sent on a night set,
                # is not asked about unless sure on its own.
                pass
            elif self.risk < risk.sure and everyday_means(self.concepts):
                # Means bought or kept for a plain purpose, nothing done with them ("new blades
                # for the lawnmower"): below the sure band the net's lean on "blades" is not
                # asked about (as in the lowest band, below).
                pass
            elif self.risk < risk.ask:
                # The lowest band, asked about when the text is this one sentence (analyse),
                # not where the grid reads everyday means or a plain purpose ("blades for the
                # lawnmower", "I'm gutting fish tonight").
                if not (everyday_means(self.concepts) or purpose(self.concepts)):
                    cues.add("lean")
            else:
                cues.add("risk")  # the wider net (hashed.py): reads like crisis lines, asked about
                # ... and its surer bands (see _concern): crisis with another layer, or alone.
                if self.risk >= risk.sure and not self.foreign:  # the net reads English only
                    cues.add("sure")
                    if acting(self.concepts) or planned(self.concepts):
                        cues.add("concept")  # the grid sees an act, or a plan (concepts.py)
                # On its own, not where the grid reads a plain purpose ("to fix the sheeting").
                if self.risk >= risk.alone and not self.foreign and not purpose(self.concepts):
                    cues.add("alone")
                    if decided(self.concepts):
                        cues.add("decided")  # the grid reads the writer's decision
        if (
            by_rule
            and risk is not None
            and self.risk is not None
            and "live" not in cues
            and not (grid is not None and grid.verdict == "crisis")  # the grid's concepts stand
            and (
                (self.risk < risk.veto and len(words) <= VETO_MAX_WORDS)
                or (self.risk < risk.alone and _plain(self.concepts))
            )
        ):
            # The rules and the net disagree as far as they can: a crisis word with nothing
            # of a crisis line around it ("a rope swing", "blades for the strimmer"); or means
            # bought for a plain purpose and the net not sure on its own ("a rope at the
            # hardware shop": crisis lines say "bought a rope" too). Asked about, never let
            # pass.
            cues.add("veto")
        self.cues = frozenset(cues) if cues else _NONE
        # Whose criticism, across sentences: "The pharmacy lost it again. Hopeless lot."
        # Whether the sentence opens on someone else: asked of few sentences (see _points).
        self.points: bool | None = None
        self.selfless = not sentence.has_self
        # Which goodbye cues this sentence holds (see rules/farewell.toml).
        self.farewell = (
            frozenset(pattern.kind for pattern, _, _ in sentence.matches("farewell"))
            if "farewell" in candidates
            else _NONE
        )
        # (category, start, end, weak), in characters from the start of the sentence.
        self.found: tuple[tuple[str, int, int, bool], ...] = ()
        self.alone = False  # found by the critic gate alone (Gate.alone_hears)
        raw = built.scoper.critical_findings(sentence)
        alone = False
        if raw:
            # Whose criticism: a harsh label that names nobody ("what an absolute moron")
            # is about whoever the sentence has already pointed at, when that is someone
            # else ("some numpty in a BMW tailgated me…", "they cancelled again, useless").
            raw = [item for item in raw if not aimed_elsewhere(built, words, item)]
        elif "name" in candidates:
            raw = own_name_findings(built, low, words, sentence)  # "by Kev I mean me"
        elif not built.dropped.isdisjoint(words):
            raw = _implied_i(built, low, words)  # the writer's own, by the "I" put back
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
            # The critic weights never saw crisis lines: on one, their verdict means nothing.
            and not self.crisis
            # Whose criticism: the weights know harsh words, not whom they are aimed at. "He's
            # so selfish" and "the council is useless" are about someone else: only a sentence
            # that speaks as "I" or "me" can be the person's own self-criticism.
            and about_me(built, words)
            and not ends_on_others(built, words)
            and not self.kind
            # A second opinion that has seen journal answers' everyday sentences too; or the
            # gate alone, where it hears self-criticism plainly (Gate.alone_hears).
            and (
                built.critic_agrees(words)
                if learned.is_critical(features)
                else (alone := built.critic_alone(words) and gate_may_speak_alone(built, words))
            )
            and not matches_any(sentence.pick("marker"), codes, code)
        ):
            # Wording the rules don't know but the weights read as self-criticism: the whole
            # sentence, under the category it fits best; weak, so a kind rider softens it.
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
                self.found = ((category, start, end, True),)
                self.alone = alone


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

    def _reading(self, built: _Built, low: str) -> Reading | None:
        """None for a sentence with no words (only punctuation or symbols)."""
        readings = self.readings
        if low in readings:  # not try/except: a raised KeyError costs each new sentence ~1 µs
            return readings[low]
        words = built.tokens.words(low)
        reading = Reading(built, low, words) if words and words.count(BREAK) != len(words) else None
        if len(readings) >= self.readings_limit:
            readings.clear()
        if self.readings_limit > 0:
            readings[low] = reading
        return reading

    def analyse(self, text: str) -> Analysis:
        """Analyse ``text`` (any length, any characters). Never raises on str input."""
        built = self.built
        readings: list[tuple[int, Reading]] = []
        low = lower(text)
        remembered = self.readings
        for start, sentence in sentence_list(low):
            # A sentence read before costs one lookup here, not a call.
            if sentence in remembered:
                reading = remembered[sentence]
            else:
                reading = self._reading(built, sentence)
            if reading is not None:
                readings.append((start, reading))
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
        for number, (offset, reading) in enumerate(readings):
            if reading.owns and number > 0:
                before, told = readings[number - 1]
                if told.verdict is not None and not told.found:
                    spans.append((before + told.verdict[0], before + told.verdict[1], "labelling"))
                    heard = True
            if not reading.found:
                continue
            # What the person says right after can soften or defuse what came before.
            kind, defused = reading.kind, reading.defused
            if number < last:
                after = readings[number + 1][1]
                kind = kind or after.kind
                defused = defused or after.defused
            if defused:
                continue
            if reading.selfless and number > 0 and _points(built, low, readings[number - 1]):
                continue  # a label with no "I" in it, right after someone else was named
            if reading.alone and last >= OWN_MAX_SENTENCES:
                continue  # the gate alone, where its own head can't judge whose verdict it is
            for category, start, end, weak in reading.found:
                if weak and kind:
                    continue
                if answered(number, offset + start, offset + end):
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
        said = concern is not None and not any(reading.foreign for _, reading in readings)
        english = bool(findings) or said or self._reads_as_english(built, low)
        return Analysis(
            text=text,
            critical=bool(findings),
            crisis=crisis,
            findings=findings,
            concern=concern,
            language="en" if english else "unsupported",
        )

    @staticmethod
    def _reads_as_english(built: _Built, low: str) -> bool:
        """Not when most letters are not Latin ones, or when the small words of another
        language are at least two and a fifth of the words (languages.toml); otherwise at
        least a third of the words (of the first few hundred) are English words kindtone
        knows, and texts of under four words are given the benefit of the doubt."""
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
        if len(words) < LANGUAGE_MIN_WORDS:
            return True
        english = built.english()
        known = sum(1 for word in words if word in english)
        return known * 3 >= len(words)


# Cues that another layer (the concept grid, the word weights) sees risk in a sentence: with
# them the net's "sure" band is a crisis verdict; without, only its "alone" band is. A rule's
# "ask" (possible risk: hopelessness, a burden, giving things away) is never made crisis by
# the net.
# "concept": the grid sees the writer doing an act (concepts.acting).
_OTHER_RISK = frozenset({"grid-ask", "weights", "concept"})
_NOW = "TIME"  # the grid's now, tonight, today, soon...
_WORRYING = frozenset({"risk", "ask", "grid-ask", "weights", "definite"})


def _back_shares(built: _Built, risk: Risk, words: WordList) -> tuple[float, float]:
    """The recovery head's share of a sentence, twice: for the window, and for the sentence's
    own say, which is nothing (-inf) when the clause the risk head finds most crisis-like
    says now ("The bus was late, work was loud, dinner was nice, and now I am lying here
    wanting to die.": the everyday clauses read like the rest of a recovery story). Its
    clauses are read only when the whole sentence leans back: the own say can only stop it."""
    back = risk.back
    assert back is not None
    whole = back.share(words)
    if back.bias + whole < back.start or len(parts := [c for c in clauses(words) if c]) < 2:
        # The sentence doesn't lean back even as a whole, so its own say can only keep it
        # from looking back (_looking_back), which it already won't: most worrying sentences,
        # spared reading each clause with both heads; or it is one clause.
        return whole, whole
    clause = max(parts, key=risk.score)
    if _NOW in built.grid.concepts(clause, " ".join(clause)):
        return whole, -math.inf
    return whole, whole


def _plain(concepts: frozenset[str]) -> bool:
    """Means bought for a plain purpose, or a goodbye that is a card, a colleague's, a new
    job's (the grid's NOTE_EVERYDAY): a crisis rule's word beside them is asked about unless
    the net is sure on its own."""
    return everyday_means(concepts) or "NOTE_EVERYDAY" in concepts


def _net_sure(cues: frozenset[str]) -> bool:
    """The net is sure enough for a crisis verdict: alone, or in its sure band with another
    layer seeing risk."""
    if "ask" in cues:
        # A rule's question ("I won't wake up") stays one unless the net is sure on its own
        # and the grid reads the writer's decision ("I've made sure of it").
        return "decided" in cues
    return "alone" in cues or ("sure" in cues and not _OTHER_RISK.isdisjoint(cues))


def _softened(cues: frozenset[str], near: frozenset[str]) -> bool:
    """A softer sign of a safer place ("settle") keeps the net's crisis a question: in the
    sentence itself; beside it only when the net is not sure on its own. An everyday
    neighbour ("Walked down to the harbour instead.") can't speak for "When it gets dark I'm
    going in, I've decided." (the recovery head still reads the window: see _looking_back)."""
    return "settle" in cues or ("settle" in near and "alone" not in cues)


def _worrying(reading: Reading) -> bool:
    return reading.crisis or not _WORRYING.isdisjoint(reading.cues)


class _LookingBack:
    """For a worrying sentence, whether the net's recovery head reads it as looking back from
    a safer place, over it and two sentences either side (the head is linear: a window's
    score is the bias plus each sentence's share). Worked out only for the sentences whose
    concern asks (see _concern), and only they and their neighbours are read: a long text
    with many crisis lines is settled at its first clear one, and costs no more."""

    __slots__ = ("back", "built", "joined", "last", "low", "readings", "risk")

    def __init__(
        self,
        built: _Built,
        risk: Risk,
        back: Back,
        readings: list[tuple[int, Reading]],
        low: str,
        joined: dict[int, GridRule],
    ) -> None:
        self.built, self.risk, self.back = built, risk, back
        self.readings, self.low, self.joined = readings, low, joined
        self.last = len(readings) - 1

    def __getitem__(self, number: int) -> bool:
        built, risk, back, low, readings = self.built, self.risk, self.back, self.low, self.readings
        offset, reading = readings[number]
        if not (_worrying(reading) or number in self.joined):
            return False
        if reading.back is None or reading.own is None:  # a sentence the grid joined
            words = built.tokens.words_at(low, offset)
            reading.back, reading.own = _back_shares(built, risk, words)
        if back.bias + reading.own < back.start:
            return False  # the crisis clause itself must look back; most don't, and cost no more
        total = back.bias
        for other in range(max(0, number - 2), min(self.last, number + 2) + 1):
            start, near = readings[other]
            if near.back is None:
                near.back = back.share(built.tokens.words_at(low, start))
            total += near.back
        # ... with its neighbours: the sentence itself leaning that way (checked above) is not
        # enough, nor are everyday neighbours alone ("Had a pint with the lads.").
        return total >= back.start


def _looking_back(
    built: _Built, readings: list[tuple[int, Reading]], low: str, joined: dict[int, GridRule]
) -> _LookingBack | None:
    """Whether each worrying sentence looks back (see _LookingBack), asked as needed; None
    without a recovery head."""
    risk = built.risk
    back = risk.back if risk is not None else None
    if risk is None or back is None:
        return None
    return _LookingBack(built, risk, back, readings, low, joined)


def _concern(
    readings: list[Reading],
    joined: dict[int, GridRule] | None = None,
    back: _LookingBack | None = None,
) -> str | None:
    """What the worrying words in a text call for.

    Crisis words are crisis unless they look back from a safer place: a recovery cue in
    their sentence or within two either side, and no present intent ("live") in their own. With
    only a softer sign ("settle": therapy, "years ago", "I'm okay now") they are asked about
    rather than alarmed at. A goodbye note is crisis; possible risk (or weights that lean
    that way) is asked about; a recovery cue alone is acknowledged. ``joined``: what the
    concept grid reads in two sentences side by side, by sentence number; its crisis goes
    through the same recovery handling. Nothing later can take a crisis back, so the first
    one settles it (and ``back`` is asked only where a verdict turns on it)."""
    crisis = ask = recovery = False
    joined = joined or {}
    # Present intent anywhere keeps every crisis sentence crisis: "I relapsed. Six weeks clean
    # and I threw it away."
    live = any("live" in reading.cues for reading in readings)
    last = len(readings) - 1
    for number, reading in enumerate(readings):
        if crisis:
            return "crisis"
        cues = reading.cues
        if "ask" in cues or "grid-ask" in cues:
            ask = True
        if "risk" in cues and not reading.crisis:
            # Wording no rule names that reads like crisis lines: asked about, unless it
            # looks back from a safer place (a recovery cue within two sentences). Where the
            # net is sure (alone, or with another layer seeing possible risk) and nothing
            # around looks back, it is crisis.
            around = range(max(0, number - 2), min(last, number + 2) + 1)
            near = cues.union(*(readings[other].cues for other in around))
            if "recovery" in near:
                recovery = True
            elif (
                _net_sure(cues)
                and not _softened(cues, near)
                and not (back is not None and back[number])
            ):
                crisis = True
            else:
                ask = True
        if "recovery" in cues:
            recovery = True
        if "ask" in cues and "live" in cues:
            crisis = True  # possible risk with a time or intent: "I won't need them after Friday"
        pair = joined.get(number)
        if pair is not None and pair.verdict == "crisis":
            cues = cues | {"definite"}  # as definite as a crisis rule's
        elif not reading.crisis:
            ask = ask or pair is not None
            continue
        if live:
            crisis = True
            continue
        # Journal answers bury it: a sentence or two either side counts.
        around = range(max(0, number - 2), min(last, number + 2) + 1)
        near = cues.union(*(readings[other].cues for other in around))
        if "veto" in cues and "recovery" in near:
            recovery = True  # nothing of a crisis line, and a recovery cue: "2 months clean"
            continue
        if "veto" in cues or ("definite" not in cues and ("ask" in cues or "weights" in cues)):
            # Possible risk: "they'd all be better off without me" (a rule's "ask", which
            # stays a question), or wording only the weights read as crisis: crisis when the
            # net is sure too and nothing looks back.
            if (
                _net_sure(cues)
                and "veto" not in cues
                and not (back is not None and back[number])
                and "recovery" not in near
                and not _softened(cues, near)
            ):
                crisis = True
            else:
                ask = True
            continue
        if "recovery" in near:
            recovery = True
        elif "settle" in near or (back is not None and back[number]):
            ask = True  # the recovery head reads it as looking back: asked, not paused for
        else:
            crisis = True
    if crisis or _is_farewell(readings):
        return "crisis"
    if ask:
        return "ask"
    return "recovery" if recovery else None


def _is_farewell(readings: list[Reading]) -> bool:
    """Goodbye cues anywhere in one text read as a note: three different ones, or two when one
    of them is strong."""
    cues: set[str] = set()
    for reading in readings:
        cues |= reading.farewell
    return len(cues) >= 3 or (len(cues) == 2 and any(cue.startswith("strong ") for cue in cues))


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping spans (the earliest when they start together)."""
    ordered = sorted(spans, key=lambda span: (span[0], span[0] - span[1]))
    kept: list[tuple[int, int, str]] = []
    for span in ordered:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept
