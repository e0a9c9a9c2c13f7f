"""Crisis by concept: a grid of what a sentence says, not of how it is worded.

Phrase rules (rules/crisis.toml) catch wording someone has written before. Plain statements of
current risk come in endless new wordings ("took them all an hour ago", "the fishing knife is on
the bunk and I'm doing it tonight"), but they are made of a few concepts: an ACT (swallow, jump,
drive into, cut), a MEANS (pills, bleach, a roof, a river, a rope, a blade, a gun), a TIME (now,
tonight, an hour ago, when the house goes quiet) and INTENT or CERTAINTY ("I've decided",
"doing it"). The grid (data/concepts.toml, reviewable like the rules) names the concepts as
short phrases and says which combinations are ``crisis`` and which are ``ask``; each
combination carries examples it must fire on and counter-examples it must not (tests).

One pass over a sentence's words finds every concept. An act counts only when the writer does
it: not negated just before ("I didn't take them"), and with no one else as its subject in its
clause ("the kids are jumping off the harbour wall"). A sentence that looks back from a
distance ("two years ago", "I used to") gives the grid nothing. Journal answers bury the key
sentence among everyday ones, so two sentences side by side are read together too.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from itertools import compress
from operator import not_, or_

from .buckets import TABLE_BUCKETS, Blobs, LazyTable, Shelved, restore, table_blobs
from .data import DataError, _key_line, _read, data_dir
from .tokens import BREAK

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.abc import Traversable
    from pathlib import Path
    from typing import Any

NAME = "concepts.toml"
VERDICTS = ("crisis", "ask")
# A phrase is a tuple of steps: a set of words one word must be in, or a gap (how many words,
# none of them a clause break, may be skipped).
Step = frozenset[str] | int
Phrase = tuple[Step, ...]
# (concept, the steps still to match, the words the next word must be if its step is plain
# words, else the words one of which must come within the phrase's reach, and that reach)
Need = tuple[frozenset[str], int]
Entries = tuple[tuple[str, Phrase, frozenset[str] | None, Need | None], ...]
# A first word's gate: every word its longer phrases check first (their heads and needs), how
# far they reach, and the concepts of its one-word phrases (see _gate).
Gate = tuple[frozenset[str], int, tuple[str, ...]]
# A first word's entry in the start table: its one-word phrases, by the word after it the
# phrases keyed by two words, and its gate.
Start = tuple[Entries | None, dict[str, Entries] | None, Gate | None]
# Stand-ins a phrase may use for words no list can hold.
_NUMBER, _CLOCK, _ING, _MANY = "<num>", "<clock>", "<ing>", "<many>"
_SPECIAL = frozenset({_NUMBER, _CLOCK, _ING, _MANY})
_MANY_FROM = 10  # <many>: a count no dose is ("took 40 of my…"); never 2 tablets or 10:30


def _many(word: str) -> bool:
    """A plain count of ten or more written in digits ("40", not "10mg", "10:30", "3am")."""
    return word.isdecimal() and int(word) >= _MANY_FROM


_END = (BREAK,)  # the end of a sentence reads as a clause break: "I've decided."
_DIGIT = re.compile(r"\d")
_DIGIT_ASCII = re.compile(r"[0-9]")  # the same in ASCII text, without Unicode's tables
VERDICTS_LIMIT = 4_096  # concept sets remembered (cleared when full)
# The longest text whose sentences' concepts are pooled for the "answer = true" rules: a
# journal answer is two to six sentences; in a long text, words from unrelated stories
# would make combinations nobody wrote.
ANSWER_MAX_SENTENCES = 12
DAY_ALONE_WORDS = 3  # "Tuesday.", "Friday night.", "Tonight, then."
DAY_ALONE = "DAY_ALONE"  # a sentence that only names a day (Grid.concepts)
_DAY_SET = frozenset({"DAY_SET"})
# Buckets of the start table read one by one (from a snapshot) before the rest is read at once.
STARTS_BUDGET = TABLE_BUCKETS // 4


@dataclass(frozen=True, slots=True)
class GridRule:
    name: str
    verdict: str
    needs: tuple[frozenset[str], ...]  # each: one of these concepts
    unless: frozenset[str]
    foreign: bool  # wording in another language: says nothing about whether the text is English
    answer: bool  # read over the whole answer too, not only a sentence or two side by side
    # Says what is happening now or was just done (a check made, marks that are new): the
    # recovery head's reading back can't make it a question (a DISTANCE phrase, a recovery cue
    # near it still can). Session 17.
    present: bool
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    where: str


class Grid:
    """The concepts and the combinations that call for ``crisis`` or ``ask``."""

    # By first word (or stand-in): a plain dict when built, a LazyTable from a snapshot.
    starts: dict[str, Start]
    firsts: frozenset[str]  # the start table's words

    def __setstate__(self, state: dict[str, object]) -> None:
        restore(self, state)  # attribute reads stay fast (see buckets.py)
        stored = state["starts"]
        if isinstance(stored, Blobs | Shelved):  # (see __getstate__)
            self.starts = LazyTable(self.firsts, stored, STARTS_BUDGET)

    def __init__(self, folder: Traversable | Path | None = None) -> None:
        file = (folder or data_dir()).joinpath(NAME)
        data, lines = _read(file)
        self.file = file.name
        for key in data:
            if key not in ("settings", "concepts", "grid"):
                raise DataError(
                    f"{file.name}:{_key_line(lines, 1, len(lines), key)}: unknown {key!r}"
                )
        phrases = _concepts(data.get("concepts", {}), file.name, lines)
        settings = data.get("settings", {})
        names = set(phrases)
        for key in ("acts", "blocking", "self_start", "other_subject", "self_subject"):
            if key not in settings:
                raise DataError(f"{file.name}:1: [settings] has no {key!r}")
        self.acts = frozenset(settings["acts"])
        self.blocking = frozenset(settings["blocking"])
        for concept in self.acts | self.blocking:
            if concept not in names:
                raise DataError(f"{file.name}:1: [settings] names an unknown concept {concept!r}")
        self.self_start = frozenset(str(settings["self_start"]).split())
        self.filler = frozenset(str(settings.get("filler", "")).split())
        self.other_subject = frozenset(str(settings["other_subject"]).split())
        self.self_subject = frozenset(str(settings["self_subject"]).split())
        self.negators = frozenset(str(settings.get("negators", "")).split())
        # A day named as a sentence of its own ("Tuesday.", "Tonight."): the day set, said
        # tersely after what is ready ("Sorted the will, sorted the rope. Tuesday.").
        self.day_alone = str(settings.get("day_alone", ""))
        if self.day_alone and self.day_alone not in names:
            raise DataError(
                f"{file.name}:1: [settings] names an unknown concept {self.day_alone!r}"
            )
        # The words such a sentence may hold: its day's words and a few beside them
        # ("Friday night.", "Tonight, then."), never another ("Friday night's pizza.").
        self.day_words = frozenset(str(settings.get("day_alone_with", "")).split()).union(
            *(
                step
                for phrase in phrases.get(self.day_alone, [])
                for step in phrase
                if isinstance(step, frozenset)
            )
        )
        # For each first word (or stand-in): its one-word phrases (concept, the steps after
        # it), and by the word after it, the phrases whose second step is plain words (the
        # steps after both). Keyed by two words, a sentence's many "the" and "i" try only
        # the few phrases their next word can continue.
        singles: dict[str, list[tuple[str, Phrase]]] = {}
        pairs: dict[str, dict[str, list[tuple[str, Phrase]]]] = {}
        for concept, concept_phrases in phrases.items():
            for phrase in concept_phrases:
                first, second = phrase[0], phrase[1] if len(phrase) > 1 else None
                assert not isinstance(first, int)
                keyed = isinstance(second, frozenset) and _SPECIAL.isdisjoint(second)
                rest = phrase[2:] if keyed else phrase[1:]
                for word in first:
                    if keyed:
                        assert isinstance(second, frozenset)
                        following = pairs.setdefault(word, {})
                        for next_word in second:
                            following.setdefault(next_word, []).append((concept, rest))
                    else:
                        singles.setdefault(word, []).append((concept, rest))
        self.starts = {}
        for word in sorted(singles.keys() | pairs.keys()):
            entries = _entries(singles[word]) if word in singles else None
            self.starts[word] = (
                entries,
                {k: _entries(v) for k, v in pairs[word].items()} if word in pairs else None,
                _gate(entries) if entries is not None else None,
            )
        self.firsts = frozenset(self.starts)
        self.rules = _grid_rules(data.get("grid", []), file.name, lines, names)
        # Verdicts by concept set: most sentences share a few sets ({SELF}, {SELF, TIME}).
        self._verdicts: dict[frozenset[str], GridRule | None] = {}
        # Every combination needs an anchor (an act, a means, "doing it"): two sentences
        # without one are not worth reading together.
        self.anchors = frozenset(settings.get("anchors", []))
        # Combinations a journal answer makes anywhere in it ("answer = true"): affairs put
        # in order in one sentence, the day set three sentences on.
        self.whole = tuple(rule for rule in self.rules if rule.answer)
        # Crisis combinations that say what is happening now or was just done (GridRule.present).
        self.now = tuple(rule for rule in self.rules if rule.present and rule.verdict == "crisis")
        for rule in self.rules:
            if not any(need <= self.anchors for need in rule.needs):
                raise DataError(f"{rule.where}: {rule.name!r} needs none of [settings] anchors")

    # -- reading ---------------------------------------------------------------------------

    def concepts(self, words: Sequence[str], low: str | None = None) -> frozenset[str]:
        """The concepts one sentence holds, the writer's own acts only; only DISTANCE when it
        looks back from a distance (no grid rule reads it). ``low``: the sentence's text, if
        known (a text with no digit need not be looked at for numbers)."""
        padded = [*words, *_END]
        found: dict[str, list[int]] = {}
        digit = _DIGIT_ASCII if low is not None and low.isascii() else _DIGIT
        if low is None or digit.search(low) is not None:
            for position, word in enumerate(words):
                if word[:1].isdigit():
                    self._starting(padded, position, _NUMBER, found)
                    if _many(word):
                        self._starting(padded, position, _MANY, found)
                    if word.endswith(("am", "pm")):
                        self._starting(padded, position, _CLOCK, found)
        firsts, starts, size = self.firsts, self.starts, len(padded)
        # The loop every sentence takes, so _starting's work is written out here; a phrase
        # whose next word is plainly not there is passed over without a call. (Looking up
        # every word's phrases with map() in C runs fewer bytecodes but more instructions.)
        for position, word in enumerate(words):
            if word in firsts:
                entries, following, gate = starts[word]
                if entries is not None:
                    at = position + 1
                    if gate is not None and gate[0].isdisjoint(padded[at : at + gate[1]]):
                        # None of its longer phrases' words within reach ("i" and seven ways
                        # of keeping on): only its one-word phrases ("i": SELF).
                        for concept in gate[2]:
                            found.setdefault(concept, []).append(position)
                        entries = None
                if entries is not None:
                    for concept, rest, head, need in entries:
                        if not rest or (
                            (head is None or (at < size and padded[at] in head))
                            and (need is None or not need[0].isdisjoint(padded[at : at + need[1]]))
                            and _matches(padded, at, rest)
                        ):
                            found.setdefault(concept, []).append(position)
                if following is not None:
                    entries = following.get(padded[position + 1])
                    if entries is not None:
                        at = position + 2
                        for concept, rest, head, need in entries:
                            if not rest or (
                                (head is None or (at < size and padded[at] in head))
                                and (
                                    need is None
                                    or not need[0].isdisjoint(padded[at : at + need[1]])
                                )
                                and _matches(padded, at, rest)
                            ):
                                found.setdefault(concept, []).append(position)
        if not found:
            return frozenset()
        if (
            len(words) <= DAY_ALONE_WORDS
            and self.day_alone in found
            and all(word in self.day_words or word == BREAK for word in words)
        ):
            found[DAY_ALONE] = [0]  # a day set, once after something else (see entry)
        if not self.blocking.isdisjoint(found):
            return self.blocking.intersection(found)  # only that it looks back ("used to")
        for act in self.acts.intersection(found):
            kept = [start for start in found[act] if self._by_writer(words, start)]
            if kept:
                found[act] = kept
            else:
                del found[act]
        concepts = set(found)
        if "SELF" not in concepts and self._starts_with_act(words):
            concepts.add("SELF")  # "took them all an hour ago": the writer, unnamed
        return frozenset(concepts)

    def _starting(
        self, padded: list[str], position: int, first: str, found: dict[str, list[int]]
    ) -> None:
        """The phrases starting at ``position``, whose first word is (or stands for) ``first``."""
        entries, following, _ = self.starts.get(first, (None, None, None))
        self._find(padded, position, entries, 1, found)
        if following is not None:
            self._find(padded, position, following.get(padded[position + 1]), 2, found)

    @staticmethod
    def _find(
        padded: list[str],
        position: int,
        entries: Entries | None,
        matched: int,
        found: dict[str, list[int]],
    ) -> None:
        """Which of ``entries`` (their first ``matched`` words matched) go on to match."""
        if entries is None:
            return
        for concept, rest, _, _ in entries:
            if _matches(padded, position + matched, rest):
                found.setdefault(concept, []).append(position)

    def _by_writer(self, words: Sequence[str], start: int) -> bool:
        """Not negated just before, and nobody else the subject in its clause."""
        for back in range(start - 1, max(-1, start - 4), -1):
            if words[back] == BREAK:
                break
            if words[back] in self.negators:
                return False
        for back in range(start - 1, -1, -1):
            word = words[back]
            if word == BREAK or word in ("and", "but", "so", "then"):
                return True
            if word in self.self_subject:
                return True
            if word in self.other_subject:
                return False
        return True

    def _starts_with_act(self, words: Sequence[str]) -> bool:
        for word in words:
            if word in self.filler or word == BREAK:
                continue
            return word in self.self_start
        return False

    def verdict(self, concepts: frozenset[str]) -> GridRule | None:
        """The first combination these concepts make (crisis ones come first), if any."""
        if self.anchors.isdisjoint(concepts):
            return None  # most sentences: no act, no means
        verdicts = self._verdicts
        try:
            return verdicts[concepts]
        except KeyError:
            pass
        found = next((rule for rule in self.rules if made(rule, concepts)), None)
        if len(verdicts) >= VERDICTS_LIMIT:
            verdicts.clear()
        verdicts[concepts] = found
        return found

    def present(self, concepts: frozenset[str]) -> bool:
        """Whether these concepts make a crisis combination that says what is happening now
        or was just done (GridRule.present): not the first one made, any."""
        return any(made(rule, concepts) for rule in self.now)

    def __getstate__(self) -> dict[str, Any]:
        """For the snapshot: nothing remembered, and no examples (tests read the sources)."""
        state = dict(self.__dict__)
        state["_verdicts"] = {}
        state["rules"] = tuple(
            replace(rule, examples=(), counter_examples=()) for rule in self.rules
        )
        state["whole"] = tuple(rule for rule in state["rules"] if rule.answer)
        state["now"] = tuple(r for r in state["rules"] if r.present and r.verdict == "crisis")
        # The start table is most of the grid (~0.8 MiB live), and a short text needs the
        # entries of its own few words: stored in buckets by first word, read as needed.
        starts = self.starts
        state["starts"] = table_blobs(
            starts.everything() if isinstance(starts, LazyTable) else starts
        )
        return state

    def entry(self, sentences: Sequence[frozenset[str]]) -> dict[int, GridRule]:
        """Combinations only two sentences side by side make ("I've got the rope in the boot
        of my car. Tomorrow after my shift is when I'm doing it."), by sentence number (both
        of the two). Each of the two must hold an anchor (an act, a means, "doing it"), so a
        time or a decision from the next everyday sentence ("Tomorrow is the dentist.") never
        completes a combination."""
        found: dict[int, GridRule] = {}
        # A day on its own sets the day after what came before it ("...sorted the rope.
        # Tuesday."); as a diary's first line ("Tuesday. Burned the toast...") it is a date.
        sentences = [
            concepts | _DAY_SET if number and DAY_ALONE in concepts else concepts
            for number, concepts in enumerate(sentences)
        ]
        # Each must hold an act or a means (not a time from another story): which sentences
        # do is worked out in C, and only the pairs where both do are read here.
        lacking = list(map(self.anchors.isdisjoint, sentences))
        both = map(not_, map(or_, lacking, lacking[1:]))
        for number in compress(range(len(sentences) - 1), both):
            first, second = sentences[number], sentences[number + 1]
            rule = self.verdict(first | second)
            if rule is None:
                continue
            for each in (number, number + 1):
                alone = self.verdict(sentences[each])
                if alone is None or (alone.verdict == "ask" and rule.verdict == "crisis"):
                    previous = found.get(each)
                    if previous is None or previous.verdict == "ask":
                        found[each] = rule
        if 2 < len(sentences) <= ANSWER_MAX_SENTENCES and self.whole:
            self._answer(sentences, found)
        return found

    def _answer(self, sentences: Sequence[frozenset[str]], found: dict[int, GridRule]) -> None:
        """The whole answer's combinations (rules with ``answer = true``): all its sentences'
        concepts pooled. A sentence that looks back gives the grid nothing (DISTANCE), so a
        pooled combination is made of what is said now or ahead. The rule goes to each
        sentence holding one of its anchors, as Grid.entry gives a pair's."""
        pooled = frozenset().union(*sentences)
        if self.anchors.isdisjoint(pooled):
            return
        rule = next((rule for rule in self.whole if made(rule, pooled)), None)
        if rule is None:
            return
        named = self.anchors.intersection(frozenset().union(*rule.needs))
        for number, concepts in enumerate(sentences):
            if named.isdisjoint(concepts):
                continue
            alone = self.verdict(concepts)
            if alone is None or (alone.verdict == "ask" and rule.verdict == "crisis"):
                previous = found.get(number)
                if previous is None or (previous.verdict == "ask" and rule.verdict == "crisis"):
                    found[number] = rule


# What a sentence's concepts say, for the analyser's use of the wider net's answer.
_AT_HAND = frozenset(
    {
        "INGEST", "SWALLOW", "SWALLOWED", "JUMP", "WALK_INTO", "THROW_SELF", "DRIVE_INTO",
        "SELF_HARM", "LIGHT_IT", "KILL_SELF", "DO_IT", "END_IT",
    }
)  # fmt: skip
# Nothing everyday, distant, joking, about others or in another language.
_NOT_NOW = frozenset(
    {
        "DISTANCE", "THIRD_PERSON", "JOKE", "QUIZ", "JUMP_EVERYDAY", "DRIVE_EVERYDAY",
        "DOSE_EVERYDAY", "HARM_EVERYDAY", "MEANS_EVERYDAY", "END_EVERYDAY", "SELF_HARM_PAST",
        "FOREIGN",
    }
)  # fmt: skip
# Anything done with means, decided or made ready: a rope with one of these is not only bought.
_DOING = _AT_HAND | {"RESOLVE", "READY", "INTENT", "GOING_ON", "GAS_SETUP", "SEALED"}
_HELD = frozenset({"ROPE", "BLADE", "GUN", "GAS", "POISON", "DRUG"})  # means one buys or keeps
_PLACES = frozenset({"HEIGHT", "WATER", "TRAIN", "ON_TRACKS", "PERCHED"})
_DOSE_MORE = frozenset({"DOSE", "RESOLVE", "READY", "GOING_ON", "INTENT"})
_NOT_A_DRINK = frozenset({"DRUG", "POISON"})


def acting(concepts: frozenset[str]) -> bool:
    """The writer ("I", "me") doing an act (or "doing it", "ending it"): a means alone stays a
    question, as the grid has it, and so does a time alone ("I'll fix it Saturday")."""
    return (
        "SELF" in concepts and not concepts.isdisjoint(_AT_HAND) and concepts.isdisjoint(_NOT_NOW)
    )


# A plan told in everyday words: means or a place with a time, or affairs put in order
# beside either ("the shotgun's by the door and come dark I'm walking up the glen"). Read only
# where the net is in its sure band already (see planned).
_MEANS_OR_PLACE = _HELD | _PLACES | {"GAS_SETUP", "NO_RETURN", "BEYOND", "FINAL", "METHOD"}
_WHEN = frozenset({"TIME", "DAY_SET", "ALONE_WINDOW", "DEPART", "READY"})
_ORDER = frozenset({"AFFAIRS", "NOTE"})
_NOT_A_PLAN = _NOT_NOW | {"NOTE_EVERYDAY", "RETURN_LATER", "OTHERS_MEANS"}


def planned(concepts: frozenset[str]) -> bool:
    """Means or a place with a time, or affairs put in order (a will, a note, things left to
    someone) with either: the grid's ask rules read each alone as a question, and the net
    in its sure band beside it is crisis (nothing everyday, distant, joking or for a plain
    purpose)."""
    if not concepts.isdisjoint(_NOT_A_PLAN):
        return False
    means = not concepts.isdisjoint(_MEANS_OR_PLACE)
    when = not concepts.isdisjoint(_WHEN)
    order = not concepts.isdisjoint(_ORDER)
    return when and (means or order)


def decided(concepts: frozenset[str]) -> bool:
    """The writer's decision ("I've decided", "made sure of it"), nothing everyday or distant."""
    return "SELF" in concepts and "RESOLVE" in concepts and concepts.isdisjoint(_NOT_NOW)


_PURPOSE = frozenset(
    {"JUMP_EVERYDAY", "DRIVE_EVERYDAY", "MEANS_EVERYDAY", "END_EVERYDAY", "JOKE", "QUIZ"}
)


def purpose(concepts: frozenset[str]) -> bool:
    """A plain purpose for the means or the place: to fix, to swim, for the boat, a joke; or
    an everyday reason for being gone (everyday_reason)."""
    return not concepts.isdisjoint(_PURPOSE) or everyday_reason(concepts)


_REASONS = frozenset({"HOME_WORKS"})
# What an everyday reason can't speak for: means, an act, a place to fall from, a decision,
# something made ready, a goodbye or affairs in order, not coming back.
_NOT_A_REASON = (
    _AT_HAND
    | _HELD
    | _PLACES
    | {
        "RESOLVE", "READY", "GAS_SETUP", "SEALED", "DOSE", "STOCKPILE", "MEANS_VAGUE",
        "NO_RETURN", "FINAL", "BEYOND", "NOTE", "AFFAIRS", "AFFAIRS_LOOSE", "LAST_ACT",
        "SECRET", "ALONE_WINDOW", "SELF_HARM", "SELF_HARM_PAST", "HARM_HIDDEN", "LIE_IN_PATH",
        "TIE_POINT", "ROPE_PLAIN", "HOSE", "ON_TRACKS", "PERCHED", "LINGER", "LOOKED_UP",
        "DAY_SET", "LEAVING", "FRESH_WOUND", "FOR_ME_NOT_THEM", "SAVED_ROUND", "LOW_RAIL",
        "GOODBYE_SENT", "SCOUTED", "METHOD", "KILL_SELF", "FOREIGN", "THIRD_PERSON",
    }
)  # fmt: skip


def everyday_reason(concepts: frozenset[str]) -> bool:
    """Gone or done on a day for an everyday reason: builders finishing, a move, a house
    sale ("I won't be in your way much longer, the fitters finish Friday"), with
    nothing of means, an act, a place, a decision or a goodbye beside it (session 15)."""
    return not _REASONS.isdisjoint(concepts) and concepts.isdisjoint(_NOT_A_REASON)


_SOFT = frozenset({"GRIEF", "KIND_SELF", "GROW"})
# What grief or kind words can't speak for: all an everyday reason can't, and not being here,
# a day set, letting go, going or leaving, ending it, envying the dead or wishing to join them,
# oneself got rid of or others spared.
_NOT_GRIEF = _NOT_A_REASON | {
    "NOT_LONG", "LET_GO", "DEPART", "THOUGHTS", "END_IT", "DO_IT", "GOING_ON", "WITH_THE_DEAD",
    "SELF_GONE",
}  # fmt: skip


def grieving(concepts: frozenset[str]) -> bool:
    """Grief or a loss told as what happened (a death, a pet's, a lost pregnancy, a workplace
    closed) or kind words that name pain ("I'm letting myself grieve"), with nothing of means,
    an act, a place, a plan, a goodbye or not being here (session 15)."""
    return not _SOFT.isdisjoint(concepts) and concepts.isdisjoint(_NOT_GRIEF)


def growing(concepts: frozenset[str]) -> bool:
    """A wish to grow kinder or better ("I want to be better at saying no", "I wish I could
    go easier on myself"), with nothing grief can't speak for beside it (session 18)."""
    return "GROW" in concepts and concepts.isdisjoint(_NOT_GRIEF)


# Session 16 (calm): an everyday occasion that speaks for a whole sentence. What none of them
# can speak for: all grief can't (means, an act, a place, a plan, a goodbye, not being here),
# less what the occasion itself names (a drug and taking it; a train; a height).
_NOT_AN_OCCASION = _NOT_GRIEF | _DOSE_MORE | {"STOCKPILE", "WALK_INTO", "JUMP"}


def ordinary_dose(concepts: frozenset[str]) -> bool:
    """Tablets named and taken for an ailment ("took 2 paracetamol for my headache at 10",
    "ibuprofen for this knee"), with no count of many, no stock, nothing decided, no end and
    no other means (session 16)."""
    return (
        "AILMENT" in concepts
        and "DRUG" in concepts
        and concepts.isdisjoint(_NOT_AN_OCCASION - {"INGEST", "SWALLOW", "SWALLOWED", "DRUG"})
    )


def everyday_trip(concepts: frozenset[str]) -> bool:
    """A train, bus or ferry caught, missed or waited for, or taken home ("missed the last
    train home"), with nothing of stepping, jumping, lying down, a decision or an end beside
    it (session 16). "Took" the bus is no dose, a river crossed no place to go in (session 18)."""
    return "TRAVEL_EVERYDAY" in concepts and concepts.isdisjoint(
        _NOT_AN_OCCASION - {"TRAIN", "GOING_ON", "HEIGHT", "WATER", "INGEST"}
    )


def everyday_chore(concepts: frozenset[str]) -> bool:
    """A household chore at a height (washing hung out over a balcony rail, a shed roof
    mended, gutters cleared from a ladder), with nothing of jumping, a decision, an end or
    other means beside it (session 16)."""
    return "CHORE_HEIGHT" in concepts and concepts.isdisjoint(
        _NOT_AN_OCCASION - {"HEIGHT", "ROPE_PLAIN", "PERCHED"}
    )


def gone_for_a_reason(concepts: frozenset[str]) -> bool:
    """Not being here for a while, or much longer (NOT_LONG), for an everyday reason (a move
    of house, builders finishing: MOVING, HOME_WORKS), with nothing else a grief can't speak
    for ("the sums look better without me", a goodbye, an end, a place, means) beside it
    (session 16)."""
    return (
        "NOT_LONG" in concepts
        and not concepts.isdisjoint(_GONE_FOR)
        and concepts.isdisjoint(_NOT_AN_OCCASION - {"NOT_LONG", "INTENT"})
    )


_GONE_FOR = frozenset({"HOME_WORKS", "MOVING"})


def pet_put_to_sleep(concepts: frozenset[str]) -> bool:
    """A pet put to sleep, told or booked ("the vet comes at 4 to put our old cat to sleep",
    "I've said my goodbyes to him"): the sleep and the goodbyes are the animal's, with nothing
    else beside them that grief can't speak for (no means, act, place or wish to join them;
    session 16)."""
    return "PET_DEATH" in concepts and concepts.isdisjoint(
        _NOT_AN_OCCASION - {"NOTE", "GOODBYE_SENT", "INGEST", "ESCORT", "INTENT"}
    )


def everyday_occasion(concepts: frozenset[str]) -> bool:
    """An ordinary dose with a reason, a trip by timetable, a chore at a height, or an
    everyday reason for being gone (a move, builders: gone_for_a_reason): the occasion speaks
    for the sentence's rule words and the net's lean (concern._occasion)."""
    return (
        ordinary_dose(concepts)
        or everyday_trip(concepts)
        or everyday_chore(concepts)
        or gone_for_a_reason(concepts)
        or pet_put_to_sleep(concepts)
    )


# Means other than a dose: where the grid reads one, "as usual" or "back to" can't speak for
# tablets ("... with Dad's shotgun, I'm not coming back to the yard").
OTHER_MEANS = frozenset({"GUN", "BLADE", "ROPE", "GAS", "GAS_SETUP", "HEIGHT", "WATER", "TRAIN"})


def usual_dose(concepts: frozenset[str]) -> bool:
    """Tablets taken as prescribed or as usual, with no dose named and nothing decided; or
    only a drink (see everyday_drink)."""
    return (
        ("DOSE_EVERYDAY" in concepts and concepts.isdisjoint(_DOSE_MORE))
        or everyday_drink(concepts)
        or ordinary_dose(concepts)
    )


def everyday_drink(concepts: frozenset[str]) -> bool:
    """Something drunk that is only a drink ("drank the last of the milk"), with no drug,
    poison or dose named and nothing decided."""
    return (
        "DRINK_EVERYDAY" in concepts
        and "SWALLOW" in concepts  # drunk, not only named ("cancelled the milk")
        and concepts.isdisjoint(_DOSE_MORE)
        and concepts.isdisjoint(_NOT_A_DRINK)
    )


def everyday_means(concepts: frozenset[str]) -> bool:
    """Means bought or packed for a plain purpose ("a rope at the hardware shop", "a tarp and
    rope for the pick-up"), with nothing done with them, decided, or a place to go."""
    return (
        "MEANS_EVERYDAY" in concepts
        and not concepts.isdisjoint(_HELD)
        and concepts.isdisjoint(_DOING)
        and concepts.isdisjoint(_PLACES)
    )


def everyday_note(concepts: frozenset[str]) -> bool:
    """Only an everyday note or goodbye (an email, a card, a colleague's leaving do) with a
    time at most: no means, no place, nothing done, decided or put in order ("Don't answer
    the email tonight, it can wait till the morning.")."""
    return "NOTE_EVERYDAY" in concepts and concepts.isdisjoint(
        _HELD | _PLACES | _DOING | _ORDER | {"NO_RETURN", "FINAL", "DAY_SET", "BEYOND"}
    )


_NOT_AN_ERRAND = (_DOING - {"INGEST"}) | _HELD | {"DOSE", "NO_RETURN", "FINAL", "DAY_SET", "BEYOND"}


def everyday_errand(concepts: frozenset[str]) -> bool:
    """An everyday note (everyday_note), an everyday reason for being gone (everyday_reason),
    or someone else taken somewhere with a time at most ("took the kids to the river
    tonight": ESCORT), with no means, act, decision or end."""
    return (
        everyday_note(concepts)
        or everyday_reason(concepts)
        or ("ESCORT" in concepts and concepts.isdisjoint(_NOT_AN_ERRAND))
    )


# What keeps a joke from being only a joke: a time named (not "once more"), a decision, means
# made ready, a dose, or harm told as done ("burned my wrist with a lighter again lol").
_A_PLAN = frozenset(
    {
        "NAMED_TIME", "RESOLVE", "READY", "DAY_SET", "DOSE", "SWALLOWED", "ALONE_WINDOW",
        "NO_RETURN", "SELF_HARM", "SELF_HARM_PAST", "HARM_HIDDEN", "FRESH_WOUND",
    }
)  # fmt: skip


def jest(concepts: frozenset[str]) -> bool:
    """Said as a joke ("lol", "haha", "only joking"; not "I'm not joking"), with nothing of a
    plan: hyperbole ("I'll jump out the window lol") is asked about, never paused for."""
    return "JOKE" in concepts and "NOT_JOKING" not in concepts and _A_PLAN.isdisjoint(concepts)


def only_jest(concepts: frozenset[str]) -> bool:
    """A sentence that only says the one before was a joke ("Obviously joking.")."""
    return "JOKE" in concepts and "NOT_JOKING" not in concepts and concepts <= {"JOKE", "SELF"}


_LOOKING_BACK = frozenset({"DISTANCE", "OLD_WORDS"})


def looking_back(concepts: frozenset[str]) -> bool:
    """The sentence looks back: "used to", "last spring", "two years ago", "my old diary"."""
    return not _LOOKING_BACK.isdisjoint(concepts)


_KEEPING = frozenset({"SELF", "KEEP_ON", "GOING_ON", "INTENT", "AHEAD"})
# A sentence of keeping on is short: "Some days I just keep going, honestly." Longer, it says
# more than that ("...scratching my arms raw all night and I want to keep going").
KEEP_ON_MAX_WORDS = 8


def keeping_on(concepts: frozenset[str], words: Sequence[str], negators: frozenset[str]) -> bool:
    """Only keeping on, said of oneself with nothing after it ("I keep going.", "I'll keep
    trying."), in a short sentence with no negation anywhere ("I can't keep going", "no reason
    to keep going"): the word weights and the net, which lean on "keep going" from crisis
    lines, don't ask about it."""
    return (
        "KEEP_ON" in concepts
        and concepts <= _KEEPING
        and len(words) - words.count(BREAK) <= KEEP_ON_MAX_WORDS
        and negators.isdisjoint(words)
    )


def side_by_side(sentences: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    """What the grid reads: each sentence, and each two sentences side by side together."""
    pairs = [sentences[n] | sentences[n + 1] for n in range(len(sentences) - 1)]
    return [*sentences, *pairs]


def whole_answer(sentences: Sequence[frozenset[str]]) -> frozenset[str]:
    """What the grid's ``answer = true`` rules read too: every sentence's concepts pooled."""
    return frozenset().union(*sentences)


def made(rule: GridRule, concepts: frozenset[str]) -> bool:
    """Whether ``concepts`` make the combination ``rule`` names."""
    return rule.unless.isdisjoint(concepts) and all(
        not need.isdisjoint(concepts) for need in rule.needs
    )


def _entries(found: list[tuple[str, Phrase]]) -> Entries:
    """Each phrase with what rules most of them out without a call: the words its next step
    must be, when that step is plain words (no gap, no stand-in); else the smallest plain
    step's words (one without the clause break, if any), one of which must come within the
    words the phrase can reach (only those
    are looked at, so a sentence of thousands of words stays linear). Most first words go no
    further."""
    entries: list[tuple[str, Phrase, frozenset[str] | None, Need | None]] = []
    for concept, rest in found:
        plain = [step for step in rest if isinstance(step, frozenset) and _SPECIAL.isdisjoint(step)]
        head = rest[0] if rest and isinstance(rest[0], frozenset) and rest[0] in plain else None
        reach = sum(step if isinstance(step, int) else 1 for step in rest)
        # Not a step that holds the clause break (",": nearly every reach has one, so it ruled
        # nothing out and "i ~3 keep/kept on ," was tried at every "i").
        rarest = min(plain, key=lambda step: (BREAK in step, len(step))) if plain else None
        need = (rarest, reach) if rarest is not None and head is None else None
        entries.append((concept, rest, head, need))
    return tuple(entries)


def _gate(entries: Entries) -> Gate | None:
    """For a first word with several longer phrases, each checked first by its next word
    (``head``) or a word it needs within reach (``need``): all those words and the farthest
    reach, so one look at the words after it passes over them all when none is there. None
    when a phrase has neither check (its next step is a stand-in: "at <clock>")."""
    checked = [entry for entry in entries if entry[1]]
    if len(checked) < 2 or any(head is None and need is None for _, _, head, need in checked):
        return None
    words: set[str] = set()
    reach = 1
    for _, _, head, need in checked:
        if head is not None:
            words |= head
        else:
            assert need is not None
            words |= need[0]
            reach = max(reach, need[1])
    return frozenset(words), reach, tuple(concept for concept, rest, _, _ in entries if not rest)


def _matches(words: Sequence[str], position: int, steps: Phrase, first: int = 0) -> bool:
    """Whether ``steps[first:]`` match from ``position``: a loop over word steps, recursing
    only at a gap (no tuple slices: this runs for most first words of most sentences)."""
    for number in range(first, len(steps)):
        step = steps[number]
        if isinstance(step, int):
            for skip in range(step + 1):
                at = position + skip
                if at >= len(words):
                    return False
                if skip and words[at - 1] == BREAK:
                    return False
                if _matches(words, at, steps, number + 1):
                    return True
            return False
        if position >= len(words):
            return False
        word = words[position]
        if not (
            word in step
            or (_NUMBER in step and word[:1].isdigit())
            or (_CLOCK in step and word[:1].isdigit() and word.endswith(("am", "pm")))
            or (_ING in step and word.endswith("ing") and len(word) > 4)
            or (_MANY in step and _many(word))
        ):
            return False
        position += 1
    return True


def _concepts(table: dict[str, Any], name: str, lines: list[str]) -> dict[str, list[Phrase]]:
    """Each concept: phrases, one a line. Words in a step are joined by "/"; "~N" skips up
    to N words; "@NAME" is any single word of concept NAME; <num>, <many>, <clock> and <ing> stand
    for a number, a time ("3am") and a word ending in -ing."""
    raw: dict[str, list[str]] = {}
    for concept, text in table.items():
        if not isinstance(text, str) or not text.strip():
            line = _key_line(lines, 1, len(lines), concept)
            raise DataError(f"{name}:{line}: concept {concept!r} must be a string of phrases")
        raw[concept] = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    singles = {
        concept: frozenset(p for p in phrases if " " not in p and "/" not in p and "@" not in p)
        | frozenset(w for p in phrases if " " not in p and "/" in p for w in p.split("/"))
        for concept, phrases in raw.items()
    }
    compiled: dict[str, list[Phrase]] = {}
    shared: dict[frozenset[str], frozenset[str]] = {}
    for concept, phrases in raw.items():
        line = _key_line(lines, 1, len(lines), concept)
        out: list[Phrase] = []
        for phrase in phrases:
            steps: list[Step] = []
            for token in phrase.split():
                if token.startswith("~") and token[1:].isdigit():
                    steps.append(int(token[1:]))
                    continue
                words: set[str] = set()
                for word in token.split("/"):
                    if word.startswith("@"):
                        if word[1:] not in singles:
                            raise DataError(f"{name}:{line}: {concept}: unknown concept {word}")
                        words |= singles[word[1:]]
                    elif word.startswith("<") and word not in _SPECIAL:
                        raise DataError(f"{name}:{line}: {concept}: unknown stand-in {word}")
                    else:
                        words.add(sys.intern(word))
                # One copy of each word and each set, for the snapshot's memory.
                step = frozenset(words)
                steps.append(shared.setdefault(step, step))
            if not steps or isinstance(steps[0], int) or isinstance(steps[-1], int):
                raise DataError(f"{name}:{line}: {concept}: a phrase can't start or end with ~N")
            out.append(tuple(steps))
        compiled[concept] = out
    return compiled


_GRID_KEYS = frozenset(
    {"name", "verdict", "needs", "unless", "foreign", "answer", "present"}
    | {"examples", "counter_examples"}
)


def _grid_rules(
    tables: list[dict[str, Any]], name: str, lines: list[str], concepts: set[str]
) -> tuple[GridRule, ...]:
    starts = [n for n, line in enumerate(lines, 1) if line.strip() == "[[grid]]"]
    if len(starts) != len(tables):
        raise DataError(f"{name}:1: write each grid rule's header as [[grid]] on a line of its own")
    rules: list[GridRule] = []
    for number, (table, first) in enumerate(zip(tables, starts, strict=True)):
        last = starts[number + 1] - 1 if number + 1 < len(starts) else len(lines)

        def fail(key: str, message: str, first: int = first, last: int = last) -> DataError:
            return DataError(f"{name}:{_key_line(lines, first, last, key)}: {message}")

        for key in table:
            if key not in _GRID_KEYS:
                raise fail(key, f"unknown key {key!r} (a grid rule may have: {sorted(_GRID_KEYS)})")
        for key in ("name", "verdict", "needs", "examples"):
            if key not in table:
                raise fail(key, f"the grid rule has no {key!r}")
        if table["verdict"] not in VERDICTS:
            raise fail("verdict", f"verdict must be one of {', '.join(VERDICTS)}")
        needs = tuple(frozenset(str(need).split("|")) for need in table["needs"])
        unless = frozenset(table.get("unless", []))
        for key, named in (("needs", frozenset().union(*needs)), ("unless", unless)):
            for concept in sorted(named - concepts):
                raise fail(key, f"unknown concept {concept!r}")
        examples = table["examples"]
        counter = table.get("counter_examples", [])
        for key, value in (("examples", examples), ("counter_examples", counter)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(key, f"{key} must be a list of sentences")
        if not examples:
            raise fail("examples", "a grid rule needs at least one example")
        rules.append(
            GridRule(
                name=str(table["name"]),
                verdict=str(table["verdict"]),
                needs=needs,
                unless=unless,
                foreign=bool(table.get("foreign", False)),
                answer=bool(table.get("answer", False)),
                present=bool(table.get("present", False)),
                examples=tuple(examples),
                counter_examples=tuple(counter),
                where=f"{name}:{first}",
            )
        )
    # Crisis combinations are tried first: the strongest verdict wins.
    return tuple(sorted(rules, key=lambda rule: VERDICTS.index(rule.verdict)))
