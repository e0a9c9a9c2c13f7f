"""Everyday readings of crisis words that the concept grid's occasions (concepts.py) don't
cover, read by concern._occasion and concern._everyday_for_weights (session 17): means put to a
plain use, the use said with them ("use the shotgun on the crows"), and a hurt with a plain
cause ("scratched my arms on the brambles"). Its own module so concepts.py stays under 900
lines."""

from __future__ import annotations

from .concepts import _HELD, _NOT_AN_OCCASION, _PLACES

# Session 17 (calm): what a plain use of means can't speak for: all an occasion can't, less the
# means themselves, the intent to use them and a time when others are out ("use the rope to tow
# the van once everyone's gone home"); and not means turned on oneself, nor the key to locked
# means.
_NOT_A_USE = (_NOT_AN_OCCASION - _HELD - {"INTENT", "ALONE_WINDOW", "GOING_ON", "ROPE_PLAIN"}) | {
    "ON_MYSELF",
    "KEY_TO_MEANS",
    "WEIGHT_TESTED",
    "FOR_ME_NOT_THEM",
    "MEANT_FOR_ME",
}
_USE_PURPOSE = frozenset({"USE_FOR", "TOOL_GUN"})


def everyday_use(concepts: frozenset[str]) -> bool:
    """A gun, a rope or a blade put to a plain use, the use said with the intent to use it
    ("I'll use the shotgun on the crows tomorrow", "going to use the rope to tow the van",
    "the staple gun on the fence panels"), with nothing turned on oneself, decided, made ready
    or put in order, and no place to fall from (session 17)."""
    if "USE_MEANS" not in concepts or concepts.isdisjoint(_USE_PURPOSE):
        return False
    # A gun that is a tool or a toy is used anywhere: "the staple gun on the shed roof".
    return concepts.isdisjoint(_NOT_A_USE - _PLACES if "TOOL_GUN" in concepts else _NOT_A_USE)


_HURT_CAUSE = frozenset({"HARM_EVERYDAY", "SKIN_EVERYDAY"})
_HURT = frozenset({"HURT", "ON_BODY", "HARM_MARKS", "SELF_HARM", "SELF_HARM_PAST"})
# What a plain cause of a hurt can't speak for: the hurt meant, hidden, back, new marks, a sharp
# piece kept or used, a fresh wound, or anything an occasion can't.
_NOT_A_HURT = {
    "ON_PURPOSE", "HARM_HIDDEN", "RELAPSE", "SHARP_BIT", "FRESH_WOUND", "KILL_SELF", "DO_IT",
    "END_IT", "RESOLVE", "BLADE", "DOSE", "STOCKPILE",
}  # fmt: skip


def everyday_hurt(concepts: frozenset[str]) -> bool:
    """A scratch, a burn or sore skin told (HURT, ON_BODY, ...) with a plain cause said
    (brambles, the oven, eczema, the cat's claws), not on purpose, not hidden or back, no sharp
    piece kept (session 17): the word weights' lean on "scratched my arms raw again" is not a
    layer of its own."""
    return (
        not _HURT_CAUSE.isdisjoint(concepts)
        and not concepts.isdisjoint(_HURT)
        and concepts.isdisjoint(_NOT_A_HURT)
    )
