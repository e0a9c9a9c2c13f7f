"""A text's concern: what its worrying words call for (crisis, asked about, recovery), and
each sentence's part in it (the net's score, crisis words, the concept grid, the concern and
goodbye cues), which the analyser reads only while a text's concern is still open (see
analyser.Reading). Its own module so analyser.py stays under 900 lines."""

from __future__ import annotations

import math

from .compiler import matches_any
from .concepts import (
    OTHER_MEANS,
    GridRule,
    acting,
    decided,
    everyday_errand,
    everyday_means,
    everyday_occasion,
    everyday_reason,
    gone_for_a_reason,
    grieving,
    growing,
    jest,
    keeping_on,
    only_jest,
    ordinary_dose,
    pet_put_to_sleep,
    planned,
    purpose,
    usual_dose,
)
from .everyday import everyday_hurt, everyday_use
from .idioms import beside_idioms, idiom_said
from .lean import OWN_RISK, doubt, names_risk, net_score, quiet_rumination, ruminating
from .quoting import old_words_quoted, quoted_only
from .tokens import clauses
from .told import FRAMES as _FRAMES
from .told import PRESENT as _PRESENT
from .told import clauses_told_as_past, lean_only, live_told_in_order, story_after
from .told import distance as built_distance
from .told import frames as _frames
from .told import recovered as _recovered
from .told import safer_now as _safer_now
from .told import worrying as _worrying

# Not typing.TYPE_CHECKING: importing typing costs a fresh process 0.8 MiB (mypy reads this
# name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from .analyser import Reading, _Built
    from .hashed import Back, Risk
    from .learned import Learned
    from .scope import Sentence
    from .tokens import WordList

# The net's veto reads short sentences only: in a long one, everyday words around a buried
# "wanting to die" pull its score down without making the words any safer.
VETO_MAX_WORDS = 12
# How far past its alone band the net's lean beside a wish to grow is not asked about.
GROW_BAND = 1.5
_NONE: frozenset[str] = frozenset()
_NO_FEATURES: set[str] = set()  # never changed: read only by the weights


def _everyday_for_weights(built: _Built, score: float | None, concepts: frozenset[str]) -> bool:
    """Where the word weights' crisis is not a layer of its own (session 15, calm): gone or
    done on a day for an everyday reason ("I won't be in your way much longer, the fitters
    finish Friday": concepts.everyday_reason), or tablets sorted or taken as usual ("filled
    Dad's dosette box for the week": concepts.usual_dose, no other means) where the net is
    under its sure band. Nothing of means, an act, a place or a decision beside either."""
    if everyday_reason(concepts):
        return True
    risk = built.risk
    if risk is not None and score is not None and score < risk.alone and everyday_hurt(concepts):
        return True  # a hurt with a plain cause, the net not sure on its own (session 17)
    if (
        risk is not None
        and score is not None
        and score < GROW_BAND * risk.alone
        and growing(concepts)
    ):
        return True  # a wish to grow, nothing else beside it, as for the net (session 18)
    if (
        risk is not None
        and score is not None
        and grieving(concepts)
        and score < risk.alone * (2 if _grief_told(concepts) else 1)
    ):
        # Grief or kind words naming pain, and the net not sure on its own; with no time or
        # intent ahead, not far past it (as for its alone band, read_concern): "I want to be
        # better at saying no" (session 17) is not paused for by the weights beside the net.
        return True
    return (
        risk is not None and score is not None and score < risk.sure and _tablets_as_usual(concepts)
    )


def _occasion(
    built: _Built,
    score: float | None,
    concepts: frozenset[str],
    cues: set[str],
    by_rule: bool,
    clear: bool,
    grid: GridRule | None,
) -> str | None:
    """Session 16 (calm): what an everyday occasion (concepts.everyday_occasion) speaks for,
    with nothing of present intent and no crisis of the grid's. "all": a move or builders
    finishing ("I won't be here next week, I'm moving": the rules' "not be here", their
    question too). "rules": tablets for an ailment ("I took 2 paracetamol for my headache":
    the dose rules' count), or a pet put to sleep ("I've said my goodbyes to him"): the crisis
    rules, the net's and the word weights' lean; a concern rule's question still asks.
    "net": a train caught or missed, a chore at a height: the net's and the word weights'
    lean and the grid's question only, never a crisis rule's words. The net must not
    be sure on its own (beside a move, not far past its alone band). None: nothing.
    Session 17: a gun, a rope or a blade put to a plain use, the use said ("going to use the
    rope to tow the van": concepts.everyday_use) speaks as a dose for an ailment does, for the
    intent to use them too (the "live" cue of "going to use the"), and as a move does, up to
    three times the net's alone band."""
    use = everyday_use(concepts)
    if ("live" in cues and not use) or (grid is not None and grid.verdict == "crisis"):
        return None
    if not (use or everyday_occasion(concepts)):
        return None
    gone = gone_for_a_reason(concepts)
    dose = ordinary_dose(concepts) or pet_put_to_sleep(concepts) or use
    if (by_rule and not (gone or dose)) or (clear and not (ordinary_dose(concepts) or use)):
        return None
    risk = built.risk
    # Beside an everyday reason for being gone the net's alone band stands aside too ("I
    # won't be here next week, I'm moving."), not where it is far past it.
    far = 3 if gone or use else 1
    if risk is not None and score is not None and score >= risk.alone * far:
        return None
    return "all" if gone else "rules" if dose else "net"


def _grief_told(concepts: frozenset[str]) -> bool:
    """Grief or a loss told as what happened (concepts.grieving), with no time and nothing
    ahead: "Closing the office where I've worked my whole life and I feel like nobody."."""
    return grieving(concepts) and concepts.isdisjoint(_AHEAD_OF_GRIEF)


_KIND = frozenset({"GROW", "KIND_SELF"})
_AHEAD_OF_GRIEF = frozenset({"TIME", "AHEAD", "NAMED_TIME", "DAY_NAMED", "INTENT"})


def _tablets_as_usual(concepts: frozenset[str]) -> bool:
    """Tablets named ("them back" alone is no dose) and sorted or taken as usual, no stock kept
    or given up, no other means."""
    return (
        "DRUG" in concepts
        and "STOCKPILE" not in concepts
        and usual_dose(concepts)
        and concepts.isdisjoint(OTHER_MEANS)
    )


def read_concern(
    reading: Reading,
    built: _Built,
    low: str,
    words: WordList,
    sentence: Sentence,
    learned: Learned | None,
    features: set[str] | None = None,
) -> set[str] | None:
    """A sentence's part in its text's concern: the net's score, crisis words, the concept
    grid, the concern and goodbye cues, set on ``reading``. Returns the weights' features if
    it made them (else ``features``)."""
    candidates = sentence.candidates
    # What the net, the word weights and the grid read: the words, less any idiom built on a
    # means noun ("jump the gun"): see idioms.py.
    read_words = beside_idioms(sentence, words)
    # The wider net's score (hashed.py): None when there are no weights or too few words.
    risk_score = reading._risk = net_score(built, low, read_words, learned is not None)
    codes, code = sentence.codes, sentence.code
    # Crisis words: by a rule, or by the weights alone ("weights" in cues, see _concern).
    crisis_rules = candidates.get("crisis", [])
    by_rule = bool(crisis_rules) and matches_any(crisis_rules, codes, code)
    clear = by_rule and matches_any([p for p in crisis_rules if p.kind == "clear"], codes, code)
    # The weights' features: every use of them here is on a sentence no crisis rule
    # matched (a rule's crisis never asks the weights), so those sentences skip making them.
    if learned is not None and not by_rule:
        if read_words is not words:
            read = built.features(read_words)  # (not the critic's: those read every word)
        else:
            if features is None:
                features = built.features(words)
            read = features
    else:
        read = _NO_FEATURES
    # An idiom rule's match ("killing it at work"), worked out once if it is asked for. An
    # idiom built on a means noun is one too, unless the rest of the sentence reads as crisis
    # to the net on its own ("Bit the bullet, I'm taking all the tablets tonight.").
    idiom: bool | None = None if "idiom" in candidates else False
    risk = built.risk
    if read_words is not words and (risk is None or risk_score is None or risk_score < risk.alone):
        idiom = True
    # The concept grid (concepts.py): act, means, time and intent in any wording.
    concepts = built.grid.concepts(read_words, low)
    if read_words is not words:
        # Kind words are read on every word: "I wish I could go easier on myself" is a wish
        # to grow, its idiom left out or not.
        concepts |= built.grid.concepts(words, low) & _KIND
    reading._concepts = concepts
    keeps = "KEEP_ON" in concepts and keeping_on(concepts, words, built.grid.negators)
    by_weights = not (by_rule or keeps) and learned is not None and learned.is_crisis(read)
    if by_weights and _everyday_for_weights(built, risk_score, concepts):
        by_weights = False
    if by_weights:
        idiom = idiom_said(sentence) if idiom is None else idiom
        by_weights = not idiom
    by_weights, doubted = doubt(built, risk_score, by_weights, learned, read)  # (see lean)
    grid = built.grid.verdict(concepts)
    foreign = reading._foreign = grid is not None and grid.foreign
    crisis = by_rule or by_weights or (grid is not None and grid.verdict == "crisis")
    # Concern cues (rules/concern.toml): "ask", "recovery", "settle", "live", "definite";
    # "weights" when only the weights read crisis, and not by far.
    cues: set[str] = set()
    if "concern" in candidates:
        negated_live = False
        for pattern, start, _ in sentence.matches("concern"):
            if pattern.kind in _FRAMES:
                continue  # a time frame, read only beside crisis words (see _told_as_past)
            if not built.scoper.negations_before(words, start):
                cues.add(pattern.kind)
            elif pattern.kind == "live":
                negated_live = True
        if "live" in cues and quoted_only(built, sentence, words, concepts):
            cues = (cues - {"live"}) | {"settle"}  # intent only in quotes: old words
        # Present intent stands even when negated ("I don't want help this time"), but
        # not beside a recovery cue that says the wish has passed ("I don't want to die
        # anymore"), unless the grid reads an act or means in the same sentence.
        if negated_live and ("recovery" not in cues or grid is not None):
            cues.add("live")
        if "live" in cues and live_told_in_order(built, words):
            cues.discard("live")  # the intent of then, told before where the writer is now
    if clear or (grid is not None and grid.verdict == "crisis"):
        cues.add("definite")  # a crisis concept rule: means with intent or the act itself
    elif grid is not None and not crisis:
        # The grid's weaker combinations (an act or means, no time): asked about, and on
        # their own never made crisis by a present-intent cue ("want to jump out the
        # window lmao").
        cues.add("grid-ask")
    if doubted and not (grid is not None and grid.verdict == "crisis"):
        # Clearly, and the net under its veto: asked about, as for a rule. Not where the grid
        # reads a crisis combination (session 17): its concepts stand, as they do against a
        # crisis rule's veto below; the word weights agreeing with it can't make it a question.
        cues.add("veto")
    elif by_weights and learned is not None and not learned.is_clearly_crisis(read):
        cues.add("weights")  # near the threshold: asked about, not paused for
    if risk is not None and risk_score is not None and risk_score >= min(risk.single, risk.ask):
        idiom = idiom_said(sentence) if idiom is None else idiom
        # No word any rule knows, not even "I" or "the": the net's word pieces of made-up or
        # garbled words ("wvqw wvqw wvqw") say nothing about risk. Tablets taken as they
        # should be ("took my tablets an hour ago as usual") or only a drink ("drank the last
        # of the milk"): the net, leaning on "took" and "drank", is not asked about unless
        # sure on its own.
        if (
            not built.codes.names_any(words)
            or idiom
            or (
                risk_score < risk.alone
                and usual_dose(concepts)
                and concepts.isdisjoint(OTHER_MEANS)
            )
        ):
            pass
        elif keeps:
            pass  # only keeping on ("I'm going to keep going."): not in any band
        elif risk_score < risk.alone and everyday_errand(concepts):
            # Only an everyday note ("Don't answer the email tonight": the net learned
            # emails sent on a night set) or the kids taken to the river, and a time: not
            # asked about unless the net is sure on its own.
            pass
        elif risk_score < GROW_BAND * risk.alone and growing(concepts):
            # A wish to grow kinder or better, nothing else of risk beside it (concepts.growing):
            # the net leans on "I want to be", "I wish I could" whatever follows. Not asked
            # about short of half again its alone band ("I want to be better at saying no":
            # 1.15 times), where a worrying object still is ("better at hiding it") (session 18).
            pass
        elif risk_score < risk.alone and grieving(concepts):
            # Grief or a loss told as what happened, or kind words naming pain ("I'm letting
            # myself grieve"), nothing of means, an act, a plan or not being here
            # (concepts.grieving): the net's lean on loss words is not asked about unless it
            # is sure on its own; a concern rule's question still asks (session 15).
            pass
        elif risk_score < risk.sure and everyday_means(concepts):
            # Means bought or kept for a plain purpose, nothing done with them ("new blades
            # for the lawnmower"): below the sure band the net's lean on "blades" is not
            # asked about (as in the lowest band, below).
            pass
        elif risk_score < risk.ask:
            # The lowest band, asked about when the text is this one sentence (analyse),
            # not where the grid reads everyday means or a plain purpose ("blades for the
            # lawnmower", "I'm gutting fish tonight").
            if not (everyday_means(concepts) or purpose(concepts)):
                cues.add("lean")
        else:
            cues.add("risk")  # the wider net (hashed.py): reads like crisis lines, asked about
            # ... and its surer bands (see _concern): crisis with another layer, or alone.
            if risk_score >= risk.sure and not foreign:  # the net reads English only
                cues.add("sure")
                if acting(concepts) or planned(concepts):
                    cues.add("concept")  # the grid sees an act, or a plan (concepts.py)
            # On its own, not where the grid reads a plain purpose ("to fix the sheeting"),
            # nor beside grief or a loss told as what happened, with no time ahead (a
            # workplace closed, a death: concepts.grieving; not "for when the shop's shut")
            # short of twice its alone band: there the net's lean on loss words is asked
            # about, not paused for (session 16).
            if (
                risk_score >= risk.alone
                and not foreign
                and not purpose(concepts)
                and not (_grief_told(concepts) and risk_score < 2 * risk.alone)
            ):
                cues.add("alone")
                if decided(concepts):
                    cues.add("decided")  # the grid reads the writer's decision
    if (
        by_rule
        and risk is not None
        and risk_score is not None
        and "live" not in cues
        and not (grid is not None and grid.verdict == "crisis")  # the grid's concepts stand
        and (
            (risk_score < risk.veto and len(words) <= VETO_MAX_WORDS)
            or (risk_score < risk.alone and _plain(concepts))
            or (not clear and everyday_reason(concepts))
        )
    ):
        # The rules and the net disagree as far as they can: a crisis word with nothing
        # of a crisis line around it ("a rope swing", "blades for the strimmer"); or means
        # bought for a plain purpose and the net not sure on its own ("a rope at the
        # hardware shop": crisis lines say "bought a rope" too); or an everyday reason for
        # not being in the way much longer, whatever the net ("the builders finish Friday":
        # concepts.everyday_reason, session 15). Asked about, never let pass.
        cues.add("veto")
    unsure = risk is None or risk_score is None or risk_score < risk.sure
    if crisis and "definite" in cues and unsure:
        # Hyperbole: crisis words said as a joke with nothing of a plan, the net not sure.
        # Asked about, never paused for ("I'll jump out the window lol"); "jestable" when a
        # joke said in the next sentence would do the same ("... Obviously joking.").
        if jest(concepts):
            cues = (cues - {"definite", "live"}) | {"veto"}
        elif "JOKE" not in concepts and not {"NAMED_TIME", "RESOLVE", "READY"} & concepts:
            cues.add("jestable")
    if by_rule and "live" not in cues and old_words_quoted(built, sentence, words, concepts):
        cues.add("settle")  # old words quoted (session 16): asked about at most
    occasion = _occasion(built, risk_score, concepts, cues, by_rule, clear, grid)
    if occasion is not None:
        # An everyday occasion speaks for the sentence (concepts.everyday_occasion): neither
        # paused for nor asked about; a recovery or softer cue still says its part, and a
        # concern rule's question still asks beside a trip or a chore.
        crisis = False
        cues &= _SETTLED if occasion == "all" else _SETTLED | {"ask"}
    if (
        ("RUMINATE" in concepts or "REPEAT_IT" in concepts)
        and not by_rule
        and grid is None
        and OWN_RISK.isdisjoint(cues)
        and ruminating(concepts, words)
    ):
        # Only going over something again and again, and only the learned layers reading
        # risk in it (no rule, no grid, no question or intent): see lean.quiet_rumination.
        cues.add("ruminate")
    reading._cues = frozenset(cues) if cues else _NONE
    reading._crisis = crisis
    # Which goodbye cues this sentence holds (see rules/farewell.toml).
    reading._farewell = (
        frozenset(pattern.kind for pattern, _, _ in sentence.matches("farewell"))
        if "farewell" in candidates
        else _NONE
    )
    reading.done = True
    return features


# Cues that another layer (the concept grid, the word weights) sees risk in a sentence: with
# them the net's "sure" band is a crisis verdict; without, only its "alone" band is. A rule's
# "ask" (possible risk: hopelessness, a burden, giving things away) is never made crisis by
# the net.
# "concept": the grid sees the writer doing an act (concepts.acting).
_OTHER_RISK = frozenset({"grid-ask", "weights", "concept"})
# Time frames (rules/concern.toml): read only beside crisis words, never cues.
# Cues of the learned layers alone (the net's bands short of "alone", the word weights): see
# _present_of_past_story.
_LEARNED_ONLY = frozenset({"risk", "sure", "weights", "lean", "ruminate"})
_SETTLED = frozenset({"recovery", "settle"})
# Cues that say more than the word weights alone: with any, a weights crisis beside a recovery
# cue is still asked about (see _step).
_ONLY_WEIGHTS = frozenset({"risk", "ask", "grid-ask", "veto", "definite"})
_NOW = "TIME"  # the grid's now, tonight, today, soon...


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
    job's (the grid's NOTE_EVERYDAY), or tablets named and sorted as usual ("counting Mum's
    pills into her dosette box": usual_dose, no other means; session 15): a crisis rule's word
    beside them is asked about unless the net is sure on its own."""
    return everyday_means(concepts) or "NOTE_EVERYDAY" in concepts or _tablets_as_usual(concepts)


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


def _everyday_hurt(concepts: frozenset[str]) -> bool:
    """A hurt the grid reads as everyday (an oven, an iron, shaving) and not on purpose: when
    only the word weights and the net read crisis in it ("Burned my hand on the oven again
    tonight, so clumsy."), it is asked about, never paused for."""
    return "HARM_EVERYDAY" in concepts and "ON_PURPOSE" not in concepts


def _told_as_now(reading: Reading) -> bool:
    """Worrying words placed in the present by their own sentence ("Now I've written the
    letters."), with no recovery cue of their own: a neighbour's looking back ("Years ago I
    tried to drown myself.") can't speak for them."""
    return "recovery" not in reading.cues and "now" in _frames(reading)


def _own_words(reading: Reading) -> bool:
    """Whether a crisis sentence has words of its own beyond the word weights' lean: a crisis
    rule's or the grid's (an act, means, a place), or the net sure. Without them ("Now it's
    the bees I think about.": the weights lean on "now" and "think about") its "now" is no
    present that a softer sign beside it can't speak for (session 16)."""
    cues, built, low = reading.cues, reading.built, reading.low
    return (
        "definite" in cues
        or "sure" in cues
        or not built.grid.anchors.isdisjoint(reading.concepts)
        or not _ONLY_WEIGHTS.isdisjoint(cues - {"risk"})
        or bool(built.sentence(low, built.tokens.words(low)).matches("crisis"))
    )


def _done_now(reading: Reading) -> bool:
    """Crisis words told as happening now: the act taken up again, done more, or hidden ("again"
    in rules/concern.toml: "back to it", "every night now", "nobody knows"), told after any
    recovery or softer cue of the sentence's own ("Eight months clean and I'm back to it.",
    not "Nobody knows I used to, and I'm fine now.") and not told in order as past then a
    safer present (clauses_told_as_past): a past frame, a stretch stopped, or a neighbour's
    recovery can't make that act looking back."""
    built, low = reading.built, reading.low
    words = built.tokens.words(low)
    again = safer = -1
    for pattern, start, _ in built.sentence(low, words).matches("concern"):
        if pattern.kind == "again" or pattern.kind in _SETTLED:
            if built.scoper.negations_before(words, start):
                continue
            if pattern.kind == "again":
                again = max(again, start)
            else:
                safer = max(safer, start)
    return again > safer and not clauses_told_as_past(reading)


def _told_as_past(readings: Sequence[Reading], number: int, said: bool = False) -> bool:
    """Crisis words placed in the past by their own sentence's time frame ("Back in March I
    had the tablets counted out."), and one of the two sentences after it placing the writer
    in a safer present ("These days I'm on a waiting list and the thought is rare.", "I'm 31
    now."), itself with nothing worrying: a recovery story told in order. Present intent
    anywhere in the text is read before this (see _step). ``said``: only a present the rules'
    frames name, not one told only in its tense (_safer_now: asked about, see _step)."""
    later = story_after(readings, number)
    # A present only the learned layers lean on counts as the rules' frames name it ("These
    # days I'm..."), not a "now" alone, or as a safer present told in its tense (session 18).
    frames = [
        _frames(near)
        if not _worrying(near)
        else _frames(near) - {"now"}
        if lean_only(near)
        else set()
        for near in later
    ]
    present = [
        bool(found & _PRESENT) or (not said and _safer_now(near, found, lean=True))
        for near, found in zip(later, frames, strict=True)
    ]
    if not any(present):
        return clauses_told_as_past(readings[number])
    # Its own time frame, or the sentence right after dating it ("That was four years ago.");
    # or told in the past tense itself, with time put between then and now in the present
    # that follows ("I made two attempts. I've been well for over a decade.").
    own = _frames(readings[number])
    if own & {"past", "dated"} or (bool(frames) and "dated" in frames[0]):
        return True
    return "then" in own and any(
        found & {"past", "dated"} or built_distance(near)
        for near, found in zip(later, frames, strict=True)
    )


def _present_of_past_story(readings: Sequence[Reading], number: int) -> bool:
    """The present of a story whose worst one of the two sentences before told in the past
    ("I don't anymore, the pain stopped in other ways."): read as crisis by the learned layers
    alone (no rule's or grid's words, the net short of "alone"), told in the present tense,
    nothing placing it now (see _told_as_now). Asked about, never paused for."""
    reading = readings[number]
    if not _LEARNED_ONLY.issuperset(reading.cues) or "alone" in reading.cues:
        return False  # (the net sure on its own speaks for the sentence whatever is around)
    built = reading.built
    if not built.grid.anchors.isdisjoint(reading.concepts) or "AHEAD" in reading.concepts:
        return False
    words = built.tokens.words(reading.low)
    if built.sentence(reading.low, words).matches("crisis"):
        return False
    frames = _frames(reading)
    if "tense-now" not in frames or "now" in frames or built.scoper.recent(words):
        return False  # told as now ("Now I've got the car full of fuel."): see _told_as_now
    for other in range(max(0, number - 2), number):
        before = readings[other]
        if not before.crisis or "live" in before.cues:
            continue
        found = _frames(before)
        if "past" in found or ("then" in found and built_distance(reading)):
            return True
    return False


def _partner_told_as_past(readings: Sequence[Reading], number: int) -> bool:
    """A sentence made crisis only by the grid's pair with its neighbour ("Exams done and
    passed the lot. At fifteen I took an overdose."), where that neighbour is crisis on its
    own and told as past (_told_as_past): the pair is the same story, looked back on."""
    return any(
        0 <= other < len(readings)
        and readings[other].crisis
        and "live" not in readings[other].cues
        and _told_as_past(readings, other, said=True)
        for other in (number - 1, number + 1)
    )


def _live_as_past(readings: Sequence[Reading], number: int) -> bool:
    """A sentence's present-intent words placed in the past by its own time frame, with one of
    the two sentences after it placing the writer in a safer present, itself with nothing
    worrying ("Then: I had the tablets saved and a date picked. Now: a week's supply at a
    time."): the intent of then, which doesn't keep the whole answer crisis (_concern)."""
    own = _frames(readings[number])
    if "past" not in own and "then" not in own:
        return False
    # The first of the two sentences after it told in the present must be a safer present,
    # nothing worrying: a present state, help reached, or a present with nothing ahead and
    # no act or means in it ("Today I'm at my cousin's wedding.", not "This Christmas I'm
    # picking the date again."). Told in the past tense alone, with no time frame, it needs
    # time put between then and now there ("I'd picked the place. I've been safe three
    # years.").
    for near in readings[number + 1 : number + 3]:
        frames = _frames(near)
        if "past" not in own and not (frames & _PRESENT or "tense-now" in frames):
            continue
        if "past" not in own:
            return _safer_now(near, frames)
        if "tense-now" in frames and not frames & _PRESENT:
            return _safer_now(near, frames)
        if frames & _PRESENT:
            return not _worrying(near) and (
                "present" in frames
                or not _SETTLED.isdisjoint(near.cues)
                or (
                    "AHEAD" not in near.concepts
                    and near.built.grid.anchors.isdisjoint(near.concepts)
                )
            )
    return False


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
        rule = self.joined.get(number)
        if (
            (rule is not None and rule in built.grid.now) or built.grid.present(reading.concepts)
        ) and not ("recovery" in reading.cues or "past" in _frames(reading)):
            # Happening now or just done (GridRule.present, session 17), and the sentence
            # itself neither tells it as past nor says help was reached.
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
    readings: Sequence[Reading],
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
    ask = recovery = False
    joined = joined or {}
    # Present intent anywhere keeps every crisis sentence crisis: "I relapsed. Six weeks clean
    # and I threw it away."
    live = any(
        "live" in reading.cues and not _live_as_past(readings, number)
        for number, reading in enumerate(readings)
    )
    quiet = quiet_rumination(readings, joined)
    for number, reading in enumerate(readings):
        if not reading.cues and not reading.crisis and number not in joined:
            continue  # most sentences: nothing worrying, nothing to say
        if number in quiet:
            continue  # rumination alone (see lean.quiet_rumination)
        crisis, asks, recovers = _step(readings, number, joined, back, live)
        if crisis:
            return "crisis"
        ask = ask or asks
        recovery = recovery or recovers
    if _is_farewell(readings):
        return "crisis"
    if ask:
        return "ask"
    return "recovery" if recovery else None


def _step(
    readings: Sequence[Reading],
    number: int,
    joined: dict[int, GridRule],
    back: _LookingBack | None,
    live: bool,
) -> tuple[bool, bool, bool]:
    """What sentence ``number`` says for the text's concern (see _concern): whether it makes
    the text crisis, asks, or acknowledges recovery. It reads the sentence's cues, those of two
    sentences either side, the grid's pair at ``number`` and whether it looks back: nothing
    further away, so a text's first crisis can be known before the rest is read."""
    crisis = ask = recovery = False
    last = len(readings) - 1
    reading = readings[number]
    cues = reading.cues
    if "jestable" in cues and number < last and only_jest(readings[number + 1].concepts):
        # "... Obviously joking." (see read_concern): its own present intent goes with it.
        cues = (cues - {"definite", "live"}) | {"veto"}
        live = live and any("live" in other.cues for other in readings if other is not reading)
    if "live" in cues and _live_as_past(readings, number):
        cues = cues - {"live"}  # the intent of then (see _concern)
    if "ask" in cues or "grid-ask" in cues:
        ask = True
    if "risk" in cues and not reading.crisis:
        # Wording no rule names that reads like crisis lines: asked about, unless it
        # looks back from a safer place (a recovery cue within two sentences). Where the
        # net is sure (alone, or with another layer seeing possible risk) and nothing
        # around looks back, it is crisis.
        around = range(max(0, number - 2), min(last, number + 2) + 1)
        near = cues.union(*(readings[other].cues for other in around))
        if _recovered(readings, number) and not _told_as_now(reading):
            recovery = True
        elif (
            _net_sure(cues)
            and not _softened(cues, near)
            and not (back is not None and back[number])
            and not _told_as_past(readings, number)
            and not _present_of_past_story(readings, number)
        ):
            crisis = True
        else:
            ask = True
    if "recovery" in cues:
        recovery = True
        # Present intent told now after the recovery ("My plan worked for years, but today
        # I've decided to die."): asked about, crisis words or not (session 18).
        ask = ask or ("live" in cues and not _recovered(readings, number))
    if "ask" in cues and "live" in cues:
        crisis = True  # possible risk with a time or intent: "I won't need them after Friday"
    pair = joined.get(number)
    if pair is not None and pair.verdict == "crisis":
        cues = cues | {"definite"}  # as definite as a crisis rule's
    elif not reading.crisis:
        return crisis, ask or pair is not None, recovery
    if live:
        return True, ask, recovery
    # Journal answers bury it: a sentence or two either side counts.
    around = range(max(0, number - 2), min(last, number + 2) + 1)
    near = cues.union(*(readings[other].cues for other in around))
    recovered = _recovered(readings, number)
    if "veto" in cues and recovered:
        # nothing of a crisis line, and a recovery cue: "2 months clean"
        return crisis, ask, True
    if "veto" in cues or ("definite" not in cues and ("ask" in cues or "weights" in cues)):
        # Possible risk: "they'd all be better off without me" (a rule's "ask", which
        # stays a question), or wording only the weights read as crisis: crisis when the
        # net is sure too and nothing looks back.
        if (
            _net_sure(cues)
            and "veto" not in cues
            and not (back is not None and back[number])
            and not recovered
            and not _softened(cues, near)
            and not _everyday_hurt(reading.concepts)
            and not _told_as_past(readings, number)
            and not _present_of_past_story(readings, number)
        ):
            # The net sure of words told in the past, with a safer present after them, or of
            # the present of such a story: asked about, not paused for (below).
            return True, ask, recovery
        done_now = "weights" in cues and "veto" not in cues and _done_now(reading)
        if done_now and not _everyday_hurt(reading.concepts):
            # The act named by a crisis rule beside it, told as happening now here ("I got
            # to a year without cutting. Now it's every night again."): the weights' crisis.
            return True, ask, recovery
        if (
            "weights" in cues
            and "ask" not in cues
            and "veto" not in cues
            and not done_now
            and (
                (recovered and cues.isdisjoint(_ONLY_WEIGHTS))
                or _told_as_past(readings, number, said=True)
            )
        ):
            # Only the word weights read crisis (not a rule, not the wider net) and a recovery
            # cue is near; or the words are told in the past with a safer present after them
            # (their own time frame, whatever the net reads in the words): acknowledged, not
            # asked about (a question the grid raises still stands: ``ask``).
            return crisis, ask, True
        return crisis, True, recovery
    if _done_now(reading):
        return True, ask, recovery  # the act happening now (see _done_now)
    if (recovered and not _told_as_now(reading)) or _told_as_past(readings, number, said=True):
        return crisis, ask, True
    if _told_as_past(readings, number):
        # A present told only in its tense: safer or not ("I've cried every night for months")?
        return crisis, True, recovery
    if not reading.crisis and _partner_told_as_past(readings, number):
        return crisis, ask, True  # the grid's pair: its crisis sentence tells it as past
    # A softer sign beside it (a call to a sister: a goodbye call reads the same) asks,
    # unless the net is sure of the sentence on its own and it says what is ahead ("I'm
    # ending my life tonight"; not "When I left care I tried to end it"), or the sentence
    # itself is told as now (a neighbour's looking back never softens the present).
    ahead = "alone" in cues and "AHEAD" in reading.concepts
    if (
        "settle" in cues
        or ("settle" in near and not ahead and not (_told_as_now(reading) and _own_words(reading)))
        or (back is not None and back[number])
    ):
        return crisis, True, recovery  # the recovery head reads it as looking back: asked
    return True, ask, recovery


def _crisis_at(built: _Built, readings: list[tuple[int, Reading]], number: int, low: str) -> bool:
    """Whether sentence ``number`` makes the text crisis whatever the rest of it says: what
    _concern's step reads there (the sentence and two either side, all read in full), with
    no present intent elsewhere (which can only make more of a text crisis)."""
    reading = readings[number][1]
    joined: dict[int, GridRule] = {}
    first = max(0, number - 2)
    if not built.grid.anchors.isdisjoint(reading.concepts):
        # The grid's pairs at ``number``: with the sentence before it and after it, in the
        # order Grid.entry reads a whole text.
        pair_start = max(0, number - 1)
        pairs = built.grid.entry([item.concepts for _, item in readings[pair_start : number + 2]])
        rule = pairs.get(number - pair_start)
        if rule is not None:
            joined[number - first] = rule
    if not reading.cues and not reading.crisis and not joined:
        return False
    if "ruminate" in reading.cues and not any(
        names_risk(item) for _, item in readings if item is not reading
    ):
        return False  # rumination, nothing named so far: the text decides (quiet_rumination)
    window = readings[first : number + 3]
    back = _looking_back(built, window, low, joined)
    return _step([item for _, item in window], number - first, joined, back, False)[0]


def _is_farewell(readings: Sequence[Reading]) -> bool:
    """Goodbye cues anywhere in one text read as a note: three different ones, or two when one
    of them is strong."""
    cues: set[str] = set()
    for reading in readings:
        cues |= reading.farewell
    return len(cues) >= 3 or (len(cues) == 2 and any(cue.startswith("strong ") for cue in cues))
