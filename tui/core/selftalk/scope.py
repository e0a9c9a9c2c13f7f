"""What a match means in its sentence: negation ("I'm not a failure"), defusion ("I'm having
the thought that…"), reported past ("I used to call myself…"), permission, and kind riders
("…and that's okay"). Crisis language never goes through here: it is never explained away."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .buckets import restore
from .compiler import Codes, Pattern, matches
from .data import Lexicon
from .tokens import BREAK, Tokeniser, WordList

# (category, start word, end word, weak)
Raw = tuple[str, int, int, bool]
# (kind, defused, intro, answer, turn, agree): see Scoper.context
Context = tuple[bool, bool, int | None, int | None, int | None, bool]
_NO_PATTERNS: list[Pattern] = []
# The writer, or those the writer tells of with a plain verb after them ("we sat up all
# night"): a word after one of these that is no auxiliary is the clause's verb.
_SUBJECTS = frozenset({"i", "we", "they"})
# Before "have", "do": no finite verb ("would have", "to do").
_INFINITIVE = frozenset({"to", "would", "could", "should", "might", "must", "may", "will", "can"})
# Skipped between a subject and its verb: "I once tried", "I never told", "I finally rang".
# Who reports a thought or replies to it (see Scoper.reported_thought).
_REPORTERS = frozenset({"i", "you", "we"})
# Between a verb of reporting and the thought: "tell myself", "hear myself say", "catch myself
# thinking", "think that".
_REPORT_PARTICLES = frozenset(
    {"myself", "me", "say", "saying", "think", "thinking", "that", "it", "like", "about"}
)
# Before a reply's verb: "I try to also say", "I gently remind", "I have to remember".
_REPLY_LEAD = frozenset({"try", "tries", "to", "gently", "have", "need", "can", "will", "then"})
# Before a subject or its verb: what follows is only supposed ("if I disappeared", "I wish I
# was", "as though I were").
_SUPPOSE = frozenset({"if", "wish", "wished", "wishes", "unless", "though", "suppose", "rather"})
_TENSE_SKIP = frozenset({"once", "finally", "eventually", "only", "first", "later", "barely"})
_DISTANCE_PAIRS = frozenset({("used", "to"), ("no", "longer"), ("any", "more"), ("these", "days")})


class Sentence:
    """One sentence's words, its characters for the expressions, and its candidate rules."""

    __slots__ = ("candidates", "code", "codes", "has_self", "low", "word_set", "words")

    def __init__(
        self,
        low: str,
        words: list[str],
        candidates: dict[str, list[Pattern]],
        codes: Codes,
        has_self: bool,
    ) -> None:
        self.low = low
        self.words = words
        self.candidates = candidates
        self.codes = codes
        self.code = codes.encode(words)  # one character a word, for the expressions
        self.has_self = has_self

    def pick(self, group: str) -> list[Pattern]:
        return self.candidates.get(group, _NO_PATTERNS)

    def matches(self, group: str) -> list[tuple[Pattern, int, int]]:
        patterns = self.candidates.get(group)
        if patterns is None:  # most sentences have no candidates in most groups
            return []
        return matches(patterns, self.codes, self.code)


class Scoper:
    """Negation, markers' reach, riders and insults-as-a-sentence, over one lexicon."""

    def __setstate__(self, state: dict[str, object]) -> None:
        restore(self, state)  # attribute reads stay fast (see buckets.py)

    def __init__(self, lexicon: Lexicon) -> None:
        self.negators = lexicon["negators"]
        self.transparent = lexicon["transparent"]
        self.clause_end = lexicon["clause_end"]
        self.past_be = lexicon["past_be"]
        classes = lexicon.classes
        self.vocative_ok = (
            classes["LABEL_NOUN"]
            | classes["LABEL_ADJ"]
            | classes["INT"]
            | lexicon["vocative_extra"]
            | {BREAK}
        )
        self.vocative_head = classes["LABEL_NOUN"] | lexicon["vocative_head_extra"]
        # A role the writer holds, called bad: "Rubbish dad again.", "Useless wife, useless
        # cook." ("Poor mum" is sympathy, "sorry" an apology: neither is a verdict.)
        self.bad = classes["NEG_EVAL"] - {"poor", "sorry", "failed"}
        self.roles = classes["ROLE_PERSON"]
        # An insult clause may also say whose it is: "what an eejit I am", "that's me".
        self.clause_ok = self.vocative_ok | frozenset(
            {"a", "an", "i", "am", "that", "is", "what", "how", "the", "always", "typical"}
        )
        # The time a sentence is told in (see tenses).
        self.tense_past = lexicon["tense_past"]
        self.tense_present = lexicon["tense_present"]
        self.tense_future = lexicon["tense_future"]
        self.tense_modal = lexicon["tense_modal"]
        self.tense_past_verbs = lexicon["tense_past_verbs"]
        self.tense_not_past = lexicon["tense_not_past"]
        self.tense_recent = lexicon["tense_recent"]
        self.tense_distance = lexicon["tense_distance"]
        self.tense_memory = lexicon["tense_memory"]
        self.tense_ages = lexicon["tense_ages"]
        self.tense_no_better = lexicon["tense_no_better"]
        self.report_open = lexicon["report_open"]
        self.report_verbs = lexicon["report_verbs"]
        self.reply_verbs = lexicon["reply_verbs"]
        self.tense_skip = classes["ADVB"] | self.negators | _TENSE_SKIP

    def tenses(self, words: Sequence[str]) -> frozenset[str]:
        """The times the finite verbs of ``words`` (a sentence or a clause) are told in:
        "past" (was, had, did, used to, I'd been, I tried, we sat), "present" (am, is, have,
        do, I teach, we run) and "future" (will, gonna, am going to). A form as often one as
        the other ("I cut", "I got") and the modals ("I could", "I'd tell her") say neither.
        Only the verb's form is read, never what it is about: a recovery story tells the worst
        of it in the past and where the writer is now in the present, whatever its wording."""
        return frozenset(self.tense_order(words))

    def tense_order(self, words: Sequence[str]) -> list[str]:
        """The times of ``words``' finite verbs (see tenses), in the order they come."""
        found: list[str] = []
        last = len(words) - 1
        skip = self.tense_skip
        for index, word in enumerate(words):
            if self._supposed(words, index):
                continue  # "if I disappeared tomorrow", "I wish I was": no time of its own
            after = index + 1
            while after <= last and words[after] in skip:
                after += 1
            following = words[after] if after <= last else ""
            if word in self.tense_past or (word == "used" and following == "to"):
                found.append("past")
            elif word in self.tense_present:
                if index and words[index - 1] in _INFINITIVE:
                    continue  # "would have", "to have": no finite verb
                if following in ("going", "about") and after < last and words[after + 1] == "to":
                    found.append("future")
                else:
                    found.append("present")
            elif word in self.tense_future:
                found.append("future")
            elif word == "would" and (following == "been" or self._participle(following)):
                found.append("past")  # "I'd been planning", "I'd picked the place"
            elif word in _SUBJECTS and following in self.tense_memory:
                found.append("past")  # "I remember sitting...": what follows is told of then
            elif word in _SUBJECTS and following and following not in self.tense_modal:
                if following in self.tense_past or following in self.tense_present:
                    continue  # read at its own place
                if following in self.tense_future or following in ("used", "would"):
                    continue
                if self._participle(following):
                    found.append("past")
                elif not following.endswith("ing") and following.isalpha():
                    found.append("present")  # "I teach swimming", "we run the stall"
        return found

    @staticmethod
    def _supposed(words: Sequence[str], index: int) -> bool:
        """Whether the verb at ``index`` (or the subject before it) is only supposed: after
        "if", "wish", "as though", whose past forms tell of no past."""
        back = index - 1
        if back >= 0 and words[back] in _SUBJECTS:
            back -= 1
        return back >= 0 and words[back] in _SUPPOSE

    def _participle(self, word: str) -> bool:
        return word in self.tense_past_verbs or (
            len(word) > 3 and word.endswith("ed") and word not in self.tense_not_past
        )

    def reported_thought(self, words: Sequence[str]) -> tuple[int, int] | None:
        """Where (in words) a harsh thought is reported by a clause of its own and answered by
        the clause after it, in one sentence: "Whenever I think I'm not smart enough, I remind
        myself I got in.", "If I hear myself say 'such a mess', I try to add 'doing my best'."
        The reporting clause opens the sentence (after an aside: "Beta, when you think...")
        on "when", "whenever", "if", "every time"..., then the writer (or "you") and a verb of
        thinking or saying; the thought runs from that verb to the clause break; the next
        clause's verb, after its subject and "try to", "also" and the like, is a reply
        (remind, remember, answer, add, say...). None otherwise: a thought reported with no
        reply ("When I think I'm fat, I skip tea") is the writer's own, and the reply's clause
        is never covered ("Whenever I think I did well, I tell myself I'm a fraud")."""
        last = len(words)
        start = 0
        # An aside or a name before the reporting clause: "Beta, when you think..."
        if BREAK in words[:4] and words[0] not in self.report_open:
            start = words.index(BREAK) + 1
        index = start
        if index < last and words[index] in ("every", "each", "any") and index + 1 < last:
            if words[index + 1] != "time":
                return None
            index += 2
        elif index < last and words[index] in self.report_open:
            index += 1
        else:
            return None
        if index >= last or words[index] not in _REPORTERS:
            return None
        index += 1
        while index < last and words[index] in self.tense_skip:
            index += 1
        if index >= last or words[index] not in self.report_verbs:
            return None
        thought = index + 1
        while thought < last and words[thought] in _REPORT_PARTICLES:
            thought += 1
        # The thought runs to the clause break, or, typed with none, to the reply's "I"
        # ("when i think im a failure i remind myself its one bad week").
        end = thought + 1
        while end < last and words[end] != BREAK and not self._reply_at(words, end):
            end += 1
        if end >= last - 1:
            return None
        reply = end + 1 if words[end] == BREAK else end
        return (thought, end) if self._reply_at(words, reply) else None

    def reported_chars(
        self, tokens: Tokeniser, low: str, words: WordList
    ) -> tuple[int, int] | None:
        """reported_thought's span in characters of the sentence ``low``, or None."""
        span = self.reported_thought(words)
        if span is None:
            return None
        first, last = span
        starts, ends = tokens.char_spans(low, words, last)
        if last > len(ends) or first >= len(starts):
            return None
        return starts[first], ends[last - 1]

    def _reply_at(self, words: Sequence[str], index: int) -> bool:
        """Whether a reply clause starts at ``index``: its verb (see reply_verbs) after the
        writer or "you" or none, and "try to", "also" and the like."""
        last = len(words)
        if index < last and words[index] in _REPORTERS:
            index += 1
        while index < last and (words[index] in self.tense_skip or words[index] in _REPLY_LEAD):
            index += 1
        return index < last and words[index] in self.reply_verbs

    def recent(self, words: Sequence[str]) -> bool:
        """Whether ``words`` place what they tell now or just gone: tonight, today, last night,
        this morning, an hour ago."""
        if not self.tense_recent.isdisjoint(words):
            return True
        return any(
            (first == "last" and second in ("night", "nite"))
            or (first == "this" and second in ("morning", "evening", "afternoon"))
            or (first in ("hour", "hours", "minute", "minutes", "mins") and second == "ago")
            for first, second in pairwise(words)
        )

    def distance(self, words: Sequence[str]) -> bool:
        """Whether ``words`` put time between then and now: years, months, ago, anymore,
        used to, no longer, an age the writer is now ("I'm forty-three")."""
        if not self.tense_distance.isdisjoint(words):
            return True
        return any(
            (first, second) in _DISTANCE_PAIRS or (first == "am" and second in self.tense_ages)
            for first, second in pairwise(words)
        )

    def negations_before(self, words: Sequence[str], start: int) -> int:
        """How many negations reach the phrase at ``start`` ("I don't think I'm …")."""
        count = 0
        index = start - 1
        steps = 0
        negators, transparent = self.negators, self.transparent
        while index >= 0 and steps < 6:
            word = words[index]
            if (
                word == "not"
                and 0 < index < start - 1
                and words[index + 1] == "believe"
                and words[index - 1] in ("can", "could")
            ):
                break  # "I can't believe how stupid I was" is disbelief, not denial
            if word in negators:
                count += 1
            elif word not in transparent:
                break
            index -= 1
            steps += 1
        return count

    def critical_findings(self, sentence: Sentence) -> list[Raw]:
        """Findings in word positions after negation, defusion, reported past, permission."""
        words = sentence.words
        found: list[Raw] = []
        critical = sentence.matches("critical")
        if critical:
            scope = _Scope(words, markers(sentence), self.clause_end)
            has_self = sentence.has_self
            for pattern, start, end in critical:
                if pattern.needs_self and not has_self:
                    continue
                if pattern.negation == "suppress" and self.negations_before(words, start):
                    continue
                if pattern.negation == "polarity":
                    inside = sum(1 for word in words[start:end] if word in self.negators)
                    if (inside + self.negations_before(words, start)) % 2 == 0:
                        continue
                if scope.suppresses(start):
                    continue
                weak = pattern.weak or not self.past_be.isdisjoint(words[start : start + 4])
                found.append((pattern.kind, start, end, weak))
        if self.vocative(words):
            found.append(("harsh-self-address", 0, len(words), False))
        elif BREAK in words and not found:
            found += self.clause_vocatives(words)
        return found

    def clause_vocatives(self, words: Sequence[str]) -> list[Raw]:
        """A clause that is only an insult, at either end of an account ("Stupid stupid
        stupid, left the gate open", "…trying to be quick, what an eejit I am"). Whether it
        is aimed at the speaker is the analyser's question (see aim.aimed_elsewhere)."""
        found: list[Raw] = []
        if self.vocative_head.isdisjoint(words) and self.roles.isdisjoint(words):
            return found  # no word could head an insult: most sentences, checked in C
        start = 0
        for index in range(len(words) + 1):
            if index < len(words) and words[index] != BREAK:
                continue
            clause = words[start:index]
            if 0 < len(clause) <= 8 and self._insult(clause, self.clause_ok):
                found.append(("harsh-self-address", start, index, False))
            start = index + 1
        return found

    def vocative(self, words: Sequence[str]) -> bool:
        """A sentence that is only an insult ("Idiot!", "stupid, stupid, stupid")."""
        if len(words) > 8 or not words:
            return False
        return self._insult(words, self.vocative_ok)

    def _insult(self, words: Sequence[str], allowed: frozenset[str]) -> bool:
        """Only insult words, with a head: a label ("idiot", "useless") or a role called bad
        ("rubbish dad", "terrible grandson")."""
        head = False
        previous = ""
        for word in words:
            if word in self.roles and previous in self.bad:
                head = True
            elif word not in allowed:
                return False
            elif word in self.vocative_head:
                head = True
            previous = word
        return head

    def rider_turned_from(self, sentence: Sentence, found: list[Raw]) -> bool:
        """Whether every kind rider of the sentence comes before a "but" or "yet" that
        comes before every finding: the writer turns from the kind words to their own harsh
        view ("My wife said it was fine, but I know, I still ruin it"; "Everyone says it's
        okay, yet I'm the one who dropped it"), so the rider softens nothing. Not "I messed
        up, and that's okay, but I'll learn" (the finding before the rider)."""
        words = sentence.words
        riders = [
            end
            for pattern, start, end in sentence.matches("context")
            if pattern.kind not in _NOT_RIDERS and not self.negations_before(words, start)
        ]
        if not riders:
            return False
        first = min(start for _, start, _, _ in found)
        return any(word in _TURN_FROM for word in words[max(riders) : first])

    def context(self, sentence: Sentence) -> Context:
        """(kind, defused, intro, answer, turn, agree): a kind rider ("and that's okay") or an
        after-the-fact defusion ("that's just a thought") that isn't itself negated; where
        (in words) a quoted old thought is introduced ("Old thought: …"), a kind answer to it
        starts ("Kinder: …"), the first of each, and the last place a clause turns from it
        ("But I paid it.": what comes before it was turned from); and whether the writer
        sides with the thought ("It's true.")."""
        kind = defused = agree = False
        intro = answer = turn = None
        words = sentence.words
        for pattern, start, end in sentence.matches("context"):
            if pattern.kind == "intro":
                intro = end if intro is None else intro
                continue
            if pattern.kind == "answer":
                answer = start if answer is None else answer
                continue
            if pattern.kind == "turn":
                turn = start if turn is None else max(turn, start)
                continue
            if pattern.kind == "agree":
                agree = True
                continue
            if self.negations_before(words, start):
                continue
            if pattern.kind == "post-defusion":
                defused = True
            else:
                kind = True
        return kind, defused, intro, answer, turn, agree


def markers(sentence: Sentence) -> list[tuple[Pattern, int, int]]:
    """The sentence's markers (rules/markers.toml), but not one that is the second half of a
    simile: "as clumsy as a child", "as scared as a kid" tell how the writer is now, by
    comparison, not a time frame ("as a child I was told…")."""
    words = sentence.words
    return [
        (pattern, start, end)
        for pattern, start, end in sentence.matches("marker")
        if not (words[start] == "as" and start >= 2 and words[start - 2] == "as")
    ]


# Context rules that are not kind riders (see Scoper.context).
_NOT_RIDERS = frozenset({"intro", "answer", "turn", "agree", "post-defusion"})
# Words that turn from what came before in a sentence (see Scoper.rider_turned_from).
_TURN_FROM = frozenset({"but", "yet"})

_OWN_VIEW = frozenset({"know", "think", "feel", "still", "believe", "am", "really"})


# The writer taking the word back after a report, in their own view: "…but I know", "…and I
# sat there knowing", "…yet I still think" (see own_view_turn).
_OWN_VIEW_TURN = frozenset({"but", "yet", "and"})
_OWN_VIEW_LATER = _OWN_VIEW | frozenset(
    {"knew", "knowing", "thought", "thinking", "felt", "feeling", "believed", "reckon", "reckoned"}
)


def own_view_turn(words: Sequence[str], start: int) -> int | None:
    """Where, after ``start`` (a report: "Every teacher said he's doing great"), the writer
    goes on in their own view: "but", "yet" or "and", then "I", then within three words a
    verb of knowing or thinking ("…and I sat there knowing it's despite me"). None if not."""
    for index in range(start, len(words) - 2):
        if (
            words[index] in _OWN_VIEW_TURN
            and words[index + 1] == "i"
            and not _OWN_VIEW_LATER.isdisjoint(words[index + 2 : index + 5])
        ):
            return index
    return None


class _Scope:
    """Where suppressing markers reach: defusion to the end of the sentence, reported past and
    permission to the end of their clause. Precomputed so each check is constant time."""

    def __init__(
        self,
        words: list[str],
        markers: list[tuple[Pattern, int, int]],
        clause_end: frozenset[str],
    ) -> None:
        self.defused_after = len(words) + 1
        self.defused_until = len(words) + 1
        self.clause: list[int] = []
        self.earliest_end: dict[int, int] = {}
        if not markers:
            return
        clause = 0
        for word in words:
            self.clause.append(clause)
            if word in clause_end:
                clause += 1
        self.clause.append(clause)
        for marker, start, end in markers:
            if marker.kind == "defusion":
                self.defused_after = min(self.defused_after, start)
                # ... up to a clause where the writer turns back to their own view: "My
                # trainer says I'm improving but I know I'm hopeless."
                for index in range(end, len(words) - 2):
                    if (
                        words[index] == "but"
                        and words[index + 1] == "i"
                        and (words[index + 2] in _OWN_VIEW)
                    ):
                        self.defused_until = min(self.defused_until, index)
            else:
                number = self.clause[end]
                if end < self.earliest_end.get(number, len(words) + 1):
                    self.earliest_end[number] = end

    def suppresses(self, start: int) -> bool:
        if self.defused_after < start < self.defused_until:
            return True
        if not self.earliest_end:
            return False
        end = self.earliest_end.get(self.clause[start])
        return end is not None and end <= start
