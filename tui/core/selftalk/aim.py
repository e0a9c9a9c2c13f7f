"""Whose criticism is it: the writer's own, or aimed at another person or a thing. A harsh
label in "My landlord won't fix the boiler, useless man" is not self-criticism; in "Mum was
right, what an idiot" it is. The analyser asks these of each sentence it reads."""

from __future__ import annotations

import re
from itertools import pairwise

from .tokens import BREAK, WordList

# Not typing.TYPE_CHECKING (see analyser.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from .analyser import _Built
    from .scope import Raw, Sentence

# Categories whose sentences often open on others and are still the person's own.
ABOUT_OTHERS_TOO = frozenset(
    {"mind-reading", "personalising", "comparing", "discounting-the-positive", "fortune-telling"}
)


def aimed_elsewhere(built: _Built, words: WordList, finding: Raw) -> bool:
    """A finding with no "I", "me" or "my" in it, in a sentence that before it points at
    someone else: "he", "they" as a clause's first word, or "some idiot", "that driver",
    "this printer"; for a verdict (not a comparison: "My brother got all the brains"), "my"
    and someone as a clause's subject. "Mum was right, what an idiot" and "Idiot!" stay the
    person's own."""
    category, start, end, _ = finding
    if not built.self_words.isdisjoint(words[start:end]):
        return False
    verdict = category not in ABOUT_OTHERS_TOO
    personal = not built.personal.isdisjoint(words[start:end])
    if not personal and _told_of_us(built, words, start):
        return True  # "We got thrashed four-nil, what a shambles.": the match's
    clause_start = True
    for index in range(start):
        word = words[index]
        if clause_start and word in built.subjects:
            return True
        mine = verdict and clause_start and word == "my" and index + 1 < start
        if mine and words[index + 1] in built.people:
            return True  # "My neighbour parked across my drive again, selfish old man."
        if (
            verdict
            and clause_start
            and names_someone(built, words[index:start])
            and built.speaker.isdisjoint(words)
            and "my" not in words[index:start]
        ):
            return True  # "Customer called me an idiot for ten minutes, what a miserable person."
        if word in built.pointers:
            pointed = [w for w in words[index + 1 : start][:3] if w in built.targets]
            # "some idiot…", "the care agency…" (not "…the telly, pathetic old sod")
            if pointed and not (personal and pointed[-1] in built.things):
                return True
        clause_start = word in built.clause_end
    # ... or the clause right after it does: "Lazy, selfish, he never lifts a finger."
    after = [word for word in words[end : end + 8] if word not in built.scoper.clause_ok][:4]
    return (
        bool(after)
        and (
            after[0] in built.subjects
            or (after[0] in built.pointers and any(word in built.targets for word in after[1:]))
            # "Clueless, all of them.", "Useless, the lot of them": a group that isn't the writer
            or (after[0] in _GROUP and "them" in after[1:3])
            # "Lazy, selfish, always has been.": the verb left after the label is someone else's
            or after[0] in _THIRD_PERSON
        )
    )


def _told_of_us(built: _Built, words: WordList, start: int) -> bool:
    """A sentence with no "I", "me" or "my" whose clause before ``start`` opens on "we": a
    label that fits a thing as well as a person ("what a shambles", "total mess") after it
    is a verdict on what happened to us (a match, a trip), not on the writer."""
    if not built.self_words.isdisjoint(words):
        return False
    clause_start = True
    for word in words[:start]:
        if clause_start and word == "we":
            return True
        clause_start = word in built.clause_end or (clause_start and word in _OPENERS)
    return False


_OPENERS = frozenset({"and", "but", "well", "so", "then", "honestly", "still"})


# What follows a label to say it is aimed at a group ("all of them", "the lot of them").
_GROUP = frozenset({"all", "both", "each", "every", "lot", "pair", "most", "half", "none"})
# A verb after a label, its subject left out, that can only be someone else's: "always has
# been", "never does" (the writer's own would be "have", "do", "am").
_THIRD_PERSON = frozenset({"has", "does", "hasnt", "doesnt"})


def points_elsewhere(built: _Built, words: WordList, verdict: bool = True) -> bool:
    """The sentence opens on someone or something else: "he", "they", "some numpty…", "the
    delivery driver…", "our team lead…", "customer at the shop…". ``verdict``: the harsh
    words to be aimed are a verdict (not a comparison or a guess at what others think, see
    ABOUT_OTHERS_TOO), so someone else's doing told with "me" as whom they did it to counts
    too ("Rider gave me one star", "My dispatcher is an absolute clown, sent me to…"); "My
    colleagues are all quicker than me" is still the writer's own comparison."""
    opening = _past_asides(built, words)
    spoken = [word for word in opening[:4] if word != BREAK]
    if not spoken:
        return False
    if _back_to_writer(words):
        return False  # "Client didn't notice but I did. Hack, total hack…": the writer last
    if _remark(built, words, spoken):
        return False  # "That's a shame.": a remark on what happened, no one else in it
    if spoken[0] in built.subjects or spoken[0] in built.named:
        return True
    if spoken[0] in built.pointers and any(word in built.targets for word in spoken[1:]):
        return True
    # Someone named by a name or a word the lists don't know, then what they did, "me" at
    # most as whom they did it to: "Rider gave me one star", "Leafs lost again".
    if verdict and _another_did(built, words, opening, spoken):
        return True
    # ... or on anyone or anything with a pointing word, in a sentence that never says "I",
    # "me" or "my": "The defence barrister interrupts every witness.", "The wedding planner
    # messed up the seating chart." The lists can't name every job there is.
    if spoken[0] in built.pointers and built.self_words.isdisjoint(words) and len(spoken) > 1:
        return True
    # A sentence with no "I" in it that opens on someone named with a word before them: "My
    # landlord won't fix…", "Night bus driver sailed past…" (not "Missed the bus", "Hit the
    # car": a verb first is the writer's own doing).
    if not built.first_person.isdisjoint(words) or len(spoken) < 2:
        return False
    if spoken[0] == "my":  # ... or a role: "My trainer couldn't explain the system."
        named = [word for word in spoken[1:3] if word in built.named or word in built.scoper.roles]
        return bool(named)
    return (
        spoken[1] in built.named
        and spoken[0] not in built.self_words
        and spoken[0] not in built.doing
        and not spoken[0].endswith("ed")
    )


_TURNS = frozenset({"but", "whereas", "while"})
# A remark on what happened: "that" or "this" and a "be" ("That's a shame.", "This is so
# annoying."), with no one named in it (not "That's my boss for you.").
_REMARK = frozenset({"that", "this"})
_BE = frozenset({"is", "was"})


def _remark(built: _Built, words: WordList, spoken: list[str]) -> bool:
    """The sentence is a remark on a situation, said of no one: what is said right after it
    ("That's a shame. Honestly you're pathetic.") is not carried onto someone else by it
    (session 18, "bare")."""
    return (
        len(spoken) > 1
        and spoken[0] in _REMARK
        and spoken[1] in _BE
        and built.named.isdisjoint(words)
        and built.subjects.isdisjoint(words)
        and built.scoper.roles.isdisjoint(words)
    )


def _back_to_writer(words: WordList) -> bool:
    """The sentence turns back to the writer as its subject ("…didn't notice, but I did"):
    what is said of someone after it is the writer's own, not theirs."""
    if _TURNS.isdisjoint(words):
        return False
    return any(
        word in _TURNS and words[index + 1 : index + 2] == ["i"] for index, word in enumerate(words)
    )


def _another_did(built: _Built, words: WordList, opening: list[str], spoken: list[str]) -> bool:
    """See points_elsewhere's ``verdict``."""
    if labels_a_thing(built, opening):
        return True
    if not built.speaker.isdisjoint(words):
        return False  # the writer tells of their own doing too ("…and by Dazza I mean me")
    if names_someone(built, opening):
        return True
    if (
        spoken[0] == "my"
        and len(spoken) > 1
        and (spoken[1] in built.named or spoken[1] in built.scoper.roles)
        and "right" not in spoken
    ):
        return True  # "My dispatcher is an absolute clown, sent me to Broken Hill…"
    return _tells_of_others(built, words)


def _past_asides(built: _Built, words: list[str]) -> list[str]:
    """The words from the first that is not an aside ("Honestly, the food…": "the food…")."""
    asides = built.lexicon["asides"]
    index = 0
    while index < len(words) and (words[index] in asides or words[index] == BREAK):
        index += 1
    return words[index:]


def _acts(built: _Built, word: str) -> bool:
    """What someone did or is, said after them: "gave", "called", "lost", "is"."""
    return (
        word in built.lexicon["acts"]
        or word in built.doing
        or (len(word) > 4 and word.endswith("ed"))
    )


def names_someone(built: _Built, clause: list[str]) -> bool:
    """The clause opens on someone or something other than the writer and tells what they
    did or are: a person's word ("Customer called me…", "Rider gave me one star") or a name
    or word the lists don't know ("Leafs lost again", "Dispatch had the wrong address"),
    then what they did, in the same clause. Not the writer's own doing told without "I"
    ("Missed the bus", "Overslept"), not everyone or no one ("Everyone laughed"), not a
    day or a thing every English word list knows ("Today was awful"), and not someone who
    was right about the writer ("Mum was right, what an idiot")."""
    if clause and clause[0] in built.pointers:
        # "The census office sent me…", "that agency lost…": a pointing word, a word or two
        # for whom, then what they did (not what they were: "the date was a disaster").
        # Someone told by their role may be told more of first: "The porter on days left it
        # all in a heap for me".
        role = any(word in built.scoper.roles for word in clause[1:3])
        for index in range(2, min(len(clause), 6 if role else 4)):
            if clause[index - 1] == BREAK:
                return False
            if _acts(built, clause[index]) and clause[index] not in _BE:
                return "right" not in clause[index + 1 : index + 3]
        return False
    if len(clause) < 2 or clause[1] == BREAK or not _acts(built, clause[1]):
        return False
    first = clause[0]
    if first in built.people or first in built.scoper.roles or first in built.named:
        person = True
    else:
        person = not (
            first in built.english()
            or first in built.self_words
            or first in built.first_person
            or first in _NOT_A_SUBJECT
            or is_label(built, first)
            or first in built.intensifiers
            or first in built.doing
            or _acts(built, first)
            or first.endswith(("ing", "ly", "ept", "ed"))
        )
    return person and "right" not in clause[2:4]


def weighed_elsewhere(built: _Built, words: WordList, category: str, points: bool) -> bool:
    """Whether what only the word weights heard as harsh (under ``category``) is aimed at
    someone else or a thing. Harsh words in a sentence that opens on someone else ("some
    numpty in a BMW tailgated me…, what a moron", ``points``: points_elsewhere) are theirs;
    "they must think I'm…" and "the team lost because of me" are still the person's own; a
    verdict on a thing is the thing's ("Useless app, I've deleted it"), and so is a verdict
    whose clause goes on with a verb only someone else takes ("Lazy, selfish, always has
    been": subject_left_out)."""
    if verdict_on_a_thing(built, words) or subject_left_out(built, words):
        return True
    return points and (
        category not in ABOUT_OTHERS_TOO
        or built.first_person.isdisjoint(words)
        # "me" only as what someone else did something to: "…jammed on me"
        or (category != "mind-reading" and built.speaker.isdisjoint(words))
    )


def verdict_on_a_thing(built: _Built, words: WordList) -> bool:
    """A clause of the sentence is a verdict on a thing, past any aside: whatever else it
    says ("Worst airline in Europe, I'm never flying with them again", "Lost again, worst
    team in the league, I'm embarrassed for them"), its harsh words are the thing's. Not
    where the writer blames themselves too ("…, and it's my fault")."""
    if any(word == "my" and after in _OWN_BLAME for word, after in pairwise(words)):
        return False
    start = 0
    for index in range(len(words) + 1):
        if index == len(words) or words[index] == BREAK:
            if labels_a_thing(built, _past_asides(built, words[start:index])):
                return True
            start = index + 1
    return False


def labels_a_thing(built: _Built, words: list[str]) -> bool:
    """The words open on a verdict on a thing: "Absolute rubbish product", "Worst team in
    the league", "What a shambles of a service"."""
    verdict = False
    for word in words[:6]:
        if word == BREAK:
            return False
        if word in built.things:
            return verdict
        if word in _SUPERLATIVE or word in built.scoper.vocative_head or is_label(built, word):
            verdict = True
        elif not (word in built.scoper.clause_ok or word == "such"):
            return False
    return False


def _tells_of_others(built: _Built, words: WordList) -> bool:
    """A sentence (with no "I" or "me" of the writer's) that tells what someone else did:
    "Another all-hands where the CEO read slides for an hour." Not the writer's own doing
    told without "I" ("Left the oven on.")."""
    if not built.self_words.isdisjoint(words) or not words or _acts(built, words[0]):
        return False
    if words[0] in built.doing or words[0].endswith("ed"):
        return False
    for index in range(len(words) - 2):
        if words[index] not in built.pointers:
            continue
        act = words[index + 2]
        if _acts(built, act):
            if act not in _BE:
                return True  # "the CEO read…" (not "the date was a total disaster")
        elif words[index + 1] in built.people and act != BREAK and act not in built.english():
            return True  # "the manager hid…": a word no list knows, after a person, is their doing
    return False


def ends_on_others(built: _Built, words: WordList) -> bool:
    """The sentence ends on a verdict on someone else: "I'm calm but they're a shambles",
    "I did my bit, whereas the council is useless". What the word weights hear as harsh is
    then theirs. Not "They were kind but I'm still useless" (back to the writer), nor "I got
    the job, but they'll soon realise…" (what they will think of me: discounting)."""
    if _TURNS.isdisjoint(words):
        return False  # most sentences: one pass in C instead of a loop over every word
    for index, word in enumerate(words):
        if word not in _TURNS:
            continue
        after = words[index + 1 : index + 5]
        if not after or not built.first_person.isdisjoint(words[index + 1 :]):
            continue
        if after[0] in built.subjects or after[0] in built.named:
            verb = after[1:2]
        elif after[0] in built.pointers and len(after) > 2 and after[1] in built.targets:
            verb = after[2:3]
        else:
            continue
        if verb and verb[0] in ("is", "are", "was", "were"):
            return True
    return False


def about_me(built: _Built, words: WordList) -> bool:
    """Speaks as "I" or "me", or has no subject at all ("Such an idiot. Can't do anything
    right."): not "He's so selfish", "My manager is useless", "The council can't…"."""
    if not built.first_person.isdisjoint(words):
        return True
    spoken = [word for word in words[:3] if word != BREAK]
    start = spoken[0] if spoken else ""
    if start == "my" and len(spoken) > 1 and spoken[1] in built.people:
        return False  # "My manager is completely useless"
    if (
        built.self_words.isdisjoint(words)
        and len(spoken) > 2
        and (spoken[1] in _BE or (spoken[2] in _BE and spoken[1] not in _BE))
        and not is_label(built, start)
        and start not in _NOT_A_SUBJECT
    ):
        return False  # a thing or someone told as the subject: "Ferry was late, typical."
    return start not in built.other_start and built.others.isdisjoint(words)


def is_label(built: _Built, word: str) -> bool:
    nouns, adjectives = built.label_sets
    return word in nouns or word in adjectives


_BE = frozenset({"is", "was", "are", "were"})
# "My fault", "my bad", "my mistake": the writer's own blame beside a verdict on a thing.
_OWN_BLAME = frozenset({"fault", "bad", "mistake", "doing", "own"})
# A verdict on a thing may open on one of these: "Worst airline in Europe".
_SUPERLATIVE = frozenset({"worst", "biggest", "dumbest", "stupidest", "laziest", "saddest"})


# Openings that don't name a thing or someone else: "you" is often the writer talking to
# themselves ("You're so slow"), and a question or an intensifier opens a verdict.
_NOT_A_SUBJECT = frozenset(
    {"you", "u", "ya", "ye", "yer", "how", "what", "why", "who", "so", "such", "too", "just"}
    | {"being", "still", "always", "never", "everything", "nothing", "everyone", "nobody"}
)


# Words of praise the word lists (POS_ADJ) don't hold, for praises_self.
_PRAISE = frozenset(
    {"caring", "decent", "careful", "kind", "loving", "patient", "devoted", "loyal", "gentle"}
    | {"generous", "honest", "reliable", "hardworking", "thoughtful", "great", "lovely", "nice"}
)
_ARTICLES = frozenset({"a", "an"})


def praises_self(built: _Built, words: WordList) -> bool:
    """The writer calls themselves something good ("I'm a caring person", "I'm a decent
    caretaker", not "I'm not a good mum"): the critic gate's letter pieces can't tell "careful"
    from "careless", so its alone band (Gate.alone_hears) doesn't speak here."""
    praise = built.lexicon.classes["POS_ADJ"]
    for index in range(len(words) - 2):
        if words[index] != "i" or words[index + 1] != "am":
            continue
        after = words[index + 2 : index + 5]
        if after and after[0] in _ARTICLES:
            after = after[1:]
        while after and after[0] in built.intensifiers:
            after = after[1:]
        if after and (after[0] in praise or after[0] in _PRAISE):
            return True
    return False


def gate_may_speak_alone(built: _Built, words: WordList) -> bool:
    """Where the critic gate's alone band (Gate.alone_hears) may flag a sentence: not where the
    writer praises themselves (praises_self), and only among words: at least a third of them
    English words kindtone knows, as for a text's language. The gate reads letter pieces, so
    made-up strings ("zqk zqk qjv vjw vjwq kjv", found by the property test) can sound like a
    label to it."""
    spoken = [word for word in words if word != BREAK]
    english = built.english()
    known = sum(1 for word in spoken if word in english)
    return known * 3 >= len(spoken) and not praises_self(built, words)


# Words that may stand between a clause's start and a verb whose subject was left out.
_LEFT_OUT_OK = frozenset({"always", "never", "ever", "still", "just", "forever", "and", "but"})


def subject_left_out(built: _Built, words: WordList) -> bool:
    """A sentence with no "I", "me" or "my" whose clause opens on a verb only someone else
    takes, its subject left out: "Lazy, selfish, always has been.", "Never does the
    washing." The writer's own would be "have", "do" (aimed_elsewhere reads this after a
    rule's label; this is the same for what the word weights or the gate hear in the whole
    sentence)."""
    if not built.self_words.isdisjoint(words):
        return False
    for index, word in enumerate(words):
        if word not in _THIRD_PERSON:
            continue
        before = index - 1
        while before >= 0 and words[before] in _LEFT_OUT_OK:
            before -= 1
        if before < 0 or words[before] in built.clause_end:
            return True
    return False


# How a name said to be oneself is read in its place: "Kev is…" as "I am…", "Kev forgot" as
# "I forgot", "Kev brain" ("Kev's brain", the "'s" dropped) as "my brain".
_AS_ME = {"is": ("i", "am"), "was": ("i", "was"), "has": ("i", "have"), "does": ("i", "do")}


def own_name_findings(built: _Built, low: str, words: WordList, sentence: Sentence) -> list[Raw]:
    """A label in the third person by one's own name, when the sentence says the name is the
    writer's ("Kev is an absolute moron, and by Kev I mean me"; the declarations are the
    "name" rules in rules/critic.toml): read again with the name as "I". The name is the word
    of the declaration that the sentence also uses outside it, or the declaration itself when
    it opens on the name and the sentence goes on ("Priya (that's me) is a total disaster").
    Without a declaration a name is someone else's (see names_someone)."""
    english = built.english()
    for _, start, end in sentence.matches("name"):
        outside = set(words[:start]) | set(words[end:])
        names = [
            word
            for word in words[start:end]
            if word in outside and word not in built.self_words and word not in english
        ]
        if names:
            spans = [
                (index, index + 1)
                for index, word in enumerate(words)
                if word == names[0] and not start <= index < end
            ]
        elif words[start] not in english and words[start] not in built.self_words:
            spans = [(start, end)]
        else:
            continue
        return _as_me(built, low, words, spans)
    return []


def repeated_name_findings(built: _Built, low: str, words: WordList) -> list[Raw]:
    """A label in the third person by a name the sentence says twice or more, read as the
    writer's own: "Jo forgot the keys again, Jo forgets everything, Jo's a liability." Said
    of someone else, a name is said once and then "he" or "she" ("Jo forgot the keys again,
    she forgets everything"); saying it again and again, in place of "I", is how people talk
    about themselves in the third person (in the labelled files a name said twice in one
    sentence was never someone else's criticism). The name is a word not in the English
    word list nor a word for oneself; read again with it as "I", as own_name_findings does."""
    english = built.english()
    seen: set[str] = set()
    name = None
    for word in words:
        if word in seen:
            name = word
            break
        if (
            word != BREAK
            and word not in english
            and word not in built.self_words
            and word.isalpha()
        ):
            seen.add(word)
    if name is None:
        return []
    spans = [(index, index + 1) for index, word in enumerate(words) if word == name]
    return _as_me(built, low, words, spans)


def _as_me(built: _Built, low: str, words: WordList, spans: list[tuple[int, int]]) -> list[Raw]:
    """The critical findings of the sentence read with each span (a name, or a declaration
    that opens on one) as "I" or "my"."""
    english = built.english()
    read: list[str] = []
    where: list[int] = []  # each read word's index in ``words``
    index = 0
    for first, last in [*spans, (len(words), len(words))]:
        read += words[index:first]
        where += range(index, first)
        if first == len(words):
            break
        index = last
        while index < len(words) and words[index] == BREAK and last - first > 1:
            index += 1  # "Priya, aka me, is…": the comma after the declaration
        following = words[index] if index < len(words) else BREAK
        if following in _AS_ME:
            read += _AS_ME[following]
            where += [first, index]
            index += 1
            continue
        plain = following == BREAK or following in english or _acts(built, following)
        read.append("i" if plain or is_label(built, following) else "my")
        where.append(first)
    return [
        (category, where[first], where[last - 1] + 1, weak)
        for category, first, last, weak in built.scoper.critical_findings(built.sentence(low, read))
        if where[last - 1] + 1 > where[first]
    ]


# A turn in a sentence: what follows it is what the writer means ("..., that's a shame, but
# you're still so stupid").
_TURN = re.compile(r"\b(?:but|yet|though|although|however)\b")


def after_turn(low: str, found: Sequence[tuple[str, int, int, bool]]) -> str | None:
    """The words from the last turn ("but", "yet", "though") before the first harsh words a
    rule found in sentence ``low``, or None without one: a soft or kind word before the turn
    ("You messed up, that's a shame, but you're still so stupid sometimes.") doesn't unsay the
    verdict after it, so the gate's own head reads that clause too (Built.critic_owns). An old
    thought answered after the turn ("I used to think I'm pathetic, but I'm not") has its
    harsh words before it: nothing here (session 18, "bare")."""
    first = min((start for _, start, _, _ in found), default=None)
    if first is None:
        return None
    turn = None
    for match in _TURN.finditer(low, 0, first):
        turn = match.start()
    return None if turn is None else low[turn:]
