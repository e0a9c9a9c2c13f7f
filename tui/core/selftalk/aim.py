"""Whose criticism is it: the writer's own, or aimed at another person or a thing. A harsh
label in "My landlord won't fix the boiler, useless man" is not self-criticism; in "Mum was
right, what an idiot" it is. The analyser asks these of each sentence it reads."""

from __future__ import annotations

from .tokens import BREAK, WordList

# Not typing.TYPE_CHECKING (see analyser.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .analyser import _Built
    from .scope import Raw

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
    clause_start = True
    for index in range(start):
        word = words[index]
        if clause_start and word in built.subjects:
            return True
        mine = verdict and clause_start and word == "my" and index + 1 < start
        if mine and words[index + 1] in built.people:
            return True  # "My neighbour parked across my drive again, selfish old man."
        if word in built.pointers:
            pointed = [w for w in words[index + 1 : start][:3] if w in built.targets]
            # "some idiot…", "the care agency…" (not "…the telly, pathetic old sod")
            if pointed and not (personal and pointed[-1] in built.things):
                return True
        clause_start = word in built.clause_end
    # ... or the clause right after it does: "Lazy, selfish, he never lifts a finger."
    after = [word for word in words[end : end + 8] if word not in built.scoper.clause_ok][:4]
    return bool(after) and (
        after[0] in built.subjects
        or (after[0] in built.pointers and any(word in built.targets for word in after[1:]))
    )


def points_elsewhere(built: _Built, words: WordList) -> bool:
    """The sentence opens on someone or something else: "he", "they", "some numpty…", "the
    delivery driver…", "our team lead…", "customer at the shop…"."""
    spoken = [word for word in words[:4] if word != BREAK]
    if not spoken:
        return False
    if spoken[0] in built.subjects or spoken[0] in built.named:
        return True
    if spoken[0] in built.pointers and any(word in built.targets for word in spoken[1:]):
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
