"""Notice harsh self-talk and crisis language, and say exactly which words and why.

Rule-based on purpose: every flag points at the words that raised it and names the thinking
pattern, so the person can see why and decide for themselves (the app never diagnoses and
never blocks). Rules are written as short token patterns (see ``_Pattern``) over normalised
words, so they read like the phrases they catch and can be reviewed by someone who doesn't
write Python.

What is *not* self-criticism matters as much as what is: kind, negated ("I'm not a failure"),
defused ("I'm having the thought that…", "the critic says…"), reported-past ("I used to call
myself…") and practical ("I should drink some water") sentences are left alone. Crisis
language is the opposite: it is never explained away by negation or defusion, because
missing it costs far more than a gentle pause that wasn't needed.

Performance: the tokeniser is one linear regular expression, each pattern is bounded (at most
a few tokens of look-ahead per position) and runs as a regular expression over one character
a word, and only patterns whose trigger words occur in a sentence are tried, so the work is
linear in the input. The rules are parsed on the first call, not at import, and each one's
expression is compiled the first time a sentence needs it. No Textual or Rich here.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from functools import reduce
from itertools import chain, repeat
from operator import or_
from typing import Any

__all__ = ["CATEGORIES", "Analysis", "Finding", "analyse", "hint_for"]

CATEGORIES: tuple[str, ...] = (
    "should-statement",
    "labelling",
    "overgeneralising",
    "all-or-nothing",
    "catastrophising",
    "mind-reading",
    "fortune-telling",
    "personalising",
    "discounting-the-positive",
    "comparing",
    "harsh-self-address",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged stretch of the person's own words: ``text[start:end] == match``."""

    category: str
    start: int
    end: int
    match: str
    hint: str

    def to_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """``critical``: the speaker is criticising themselves; ``crisis``: self-harm or suicide
    language (which pauses any exercise, whatever else was found)."""

    text: str
    critical: bool
    crisis: bool
    findings: tuple[Finding, ...]

    @property
    def concern(self) -> str | None:
        """ "crisis", "ask", "recovery" or None. Placeholder until the analysis can tell
        possible risk and recovery talk apart (issue 14); the session flow reads only this."""
        return "crisis" if self.crisis else None

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "critical": self.critical,
            "crisis": self.crisis,
            "findings": [finding.to_dict() for finding in self.findings],
        }


# ---------------------------------------------------------------------------------------------
# Hints: warm, plain and short. Several per category so a second or third try reads differently.

_HINTS: dict[str, tuple[str, ...]] = {
    "should-statement": (
        "That 'should' carries a lot of pressure. What did you need in that moment?",
        "Hindsight makes things look obvious. You were working with what you knew then.",
        "Try 'I'd like to' in place of 'I should', and notice whether it feels lighter.",
        "What would you say to a friend who held themselves to this rule?",
    ),
    "labelling": (
        "That's a heavy label for a whole person. What actually happened, in plain words?",
        "You're much more than one word. Could you describe the moment instead of yourself?",
        "Would you call a friend that? Try the words you'd use with them.",
        "One moment doesn't sum you up. What's a fairer way to put it?",
    ),
    "overgeneralising": (
        "'Always' and 'never' are big words. Can you think of one time it went differently?",
        "This is one time, not every time. What's true about today?",
        "Try 'sometimes' in place of 'always' and see how it sounds.",
    ),
    "all-or-nothing": (
        "There's a lot of room between perfect and failure. What would 'good enough' look like?",
        "Most things land somewhere in the middle. Which part went okay?",
        "It doesn't have to be all or nothing. What's one small piece you can count?",
    ),
    "catastrophising": (
        "This feels huge right now. What's one part of it that's still okay?",
        "Big feelings can make things look final. How might this look in a week?",
        "What's the most likely way this plays out, rather than the worst?",
    ),
    "mind-reading": (
        "That's a guess about what someone else thinks. What do you actually know?",
        "Other people's minds are hard to read. What else might they be thinking?",
        "Could there be a kinder explanation for what happened?",
    ),
    "fortune-telling": (
        "That's a prediction, not a fact. What else could happen?",
        "The future hasn't happened yet. What's one small step you could take anyway?",
        "What would you tell a friend who was sure this would go badly?",
    ),
    "personalising": (
        "You're carrying all of this on your own. What else played a part?",
        "Owning your part can be kind, and so can sharing the weight. What was out of your hands?",
        "Would you put all of this on a friend's shoulders?",
    ),
    "discounting-the-positive": (
        "Could you let this good thing count, just for a moment?",
        "You had a part in this. What did you bring to it?",
        "If a friend had done this, would you call it luck?",
    ),
    "comparing": (
        "You're comparing your inside to someone else's outside. What's true for you right now?",
        "Everyone's path has its own pace. What progress of your own can you see?",
        "What would it be like to measure today only against yesterday?",
    ),
    "harsh-self-address": (
        "That's a harsh way to speak to yourself. How would you say it to a friend?",
        "What would a kinder voice say here?",
        "Try saying it again in the tone you'd use with someone you care about.",
    ),
}
_GENERIC_HINT = ("What would a kind friend say about this?",)


def hint_for(category: str, attempt: int = 0) -> str:
    """A gentle hint for ``category``; ``attempt`` varies the wording between tries.

    Unknown categories get a generic hint rather than an error: a hint is never worth a crash.
    """
    hints = _HINTS.get(category, _GENERIC_HINT)
    return hints[attempt % len(hints)]


# ---------------------------------------------------------------------------------------------
# Tokenising. Sentences are split with one regular expression; words are found with another
# (fast, no spans). Character spans are worked out again only for sentences with findings.
# Contractions become several normalised words sharing one span ("I'm" -> "i", "am").

# A sentence: text without sentence-ending punctuation or line breaks (those str.splitlines uses).
_SENTENCE = re.compile(r"[^.!?;…‽。！？\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
# A word (from a letter or digit on; apostrophes and "*" as in "f*ck" inside), a clause mark, or
# a dash standing alone (" - "). Quotes and brackets are not breaks: 'I'm a "total" failure'.
# Single character classes only, so matching is linear.
_PIECE = re.compile(r"\w[\w'*]*|[,:—–/|~·]|(?<!\S)-(?!\S)")
_APOSTROPHES = ("’", "‘", "ʼ", "`", "´")
BREAK = ","  # the normalised word that stands for any clause break

_EXPAND: dict[str, tuple[str, ...]] = {
    "im": ("i", "am"),
    "bc": ("because",),
    "cuz": ("because",),
    # Misspellings of the words the safety check must never miss.
    "kil": ("kill",),
    "kll": ("kill",),
    "myslef": ("myself",),
    "mysef": ("myself",),
    "sucide": ("suicide",),
    "suicde": ("suicide",),
    "suiside": ("suicide",),
    "suicid": ("suicide",),
    "sucidal": ("suicidal",),
    "suicdal": ("suicidal",),
    "suicidial": ("suicidal",),
    "sucicidal": ("suicidal",),
    "dieing": ("dying",),
    "tierd": ("tired",),
    "tird": ("tired",),
    "bein": ("being",),
    "thik": ("think",),
    "tonite": ("tonight",),
    "2nite": ("tonight",),
    "ive": ("i", "have"),
    "youre": ("you", "are"),
    "theyre": ("they", "are"),
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "wont": ("will", "not"),
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "werent": ("were", "not"),
    "havent": ("have", "not"),
    "hasnt": ("has", "not"),
    "hadnt": ("had", "not"),
    "shouldnt": ("should", "not"),
    "couldnt": ("could", "not"),
    "wouldnt": ("would", "not"),
    "wud": ("would",),
    "tmrw": ("tomorrow",),
    "tmr": ("tomorrow",),
    "tmrow": ("tomorrow",),
    "2moro": ("tomorrow",),
    "2morrow": ("tomorrow",),
    "wk": ("week",),
    "evryone": ("everyone",),
    "evrything": ("everything",),
    "w": ("with",),
    "wld": ("would",),
    "cud": ("could",),
    "shud": ("should",),
    "mustnt": ("must", "not"),
    "aint": ("is", "not"),
    "shouldve": ("should", "have"),
    "couldve": ("could", "have"),
    "wouldve": ("would", "have"),
    "mustve": ("must", "have"),
    "shoulda": ("should", "have"),
    "coulda": ("could", "have"),
    "woulda": ("would", "have"),
    "thats": ("that", "is"),
    "whats": ("what", "is"),
    "theres": ("there", "is"),
    "its": ("it", "is"),
    "hes": ("he", "is"),
    "shes": ("she", "is"),
    "gonna": ("going", "to"),
    "gona": ("going", "to"),
    "gunna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "tryna": ("trying", "to"),
    "dunno": ("do", "not", "know"),
    "noone": ("no", "one"),
    "everytime": ("every", "time"),
    "u": ("you",),
    "ppl": ("people",),
    "meself": ("myself",),
    "urself": ("yourself",),
    "urselves": ("yourselves",),
    "f*ck": ("fuck",),
    "f**k": ("fuck",),
    "f*cking": ("fucking",),
    "f**king": ("fucking",),
    "f*cked": ("fucked",),
    "sh*t": ("shit",),
    "s**t": ("shit",),
}
_NT_BASE = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_S_IS = frozenset(
    [
        "it",
        "that",
        "what",
        "there",
        "here",
        "he",
        "she",
        "who",
        "everyone",
        "everybody",
        "everything",
        "nothing",
        "nobody",
        "life",
        "this",
        "where",
        "how",
        "why",
        "somebody",
        "someone",
        "something",
    ]
)
_SUFFIX = (("'m", "am"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would"))
# "ill never be good enough": "ill" is "I'll" only before these.
_ILL_BEFORE = frozenset(
    [
        "never",
        "always",
        "just",
        "probably",
        "be",
        "definitely",
        "only",
        "end",
        "fail",
        "mess",
        "ruin",
        "screw",
        "get",
        "die",
        "kill",
        "hurt",
    ]
)


def _normalise(word: str) -> tuple[str, ...]:
    """Lower-cased word -> one or more normalised words (contractions expanded)."""
    expanded = _EXPAND.get(word)
    if expanded is not None:
        return expanded
    if "'" not in word:
        return (word,)
    if word.endswith("n't"):
        base = word[:-3]
        return (_NT_BASE.get(base, base), "not")
    for suffix, full in _SUFFIX:
        if word.endswith(suffix):
            return (word[: -len(suffix)], full)
    if word.endswith("'s"):
        base = word[:-2]
        if base in _S_IS:
            return (base, "is")
        if base == "let":
            return ("let", "us")
        return (base,)  # possessive: "beginner's luck" -> "beginner"
    collapsed = word.replace("'", "")
    return _EXPAND.get(collapsed, (word,))


_NORM_CACHE_LIMIT = 50_000


class _Norms(dict[str, tuple[str, ...]]):
    """Normalised words for each regex piece, remembered: text repeats the same words a lot,
    and a dict lookup lets ``map`` do the per-word work in C."""

    def __missing__(self, piece: str) -> tuple[str, ...]:
        if piece[0].isalnum() or piece[0] == "_":
            found = _normalise(piece.rstrip("'*"))
        else:
            found = (BREAK,)
        if len(self) >= _NORM_CACHE_LIMIT:
            self.clear()
        self[piece] = found
        return found


_NORMS = _Norms()


def _lower(chunk: str) -> str:
    """Lower-case without changing length (a few characters grow when lower-cased)."""
    lowered = chunk.lower()
    if len(lowered) != len(chunk):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in chunk)
    for apostrophe in _APOSTROPHES:  # str.replace is much faster than str.translate here
        if apostrophe in lowered:
            lowered = lowered.replace(apostrophe, "'")
    return lowered


def _words(low: str) -> _WordList:
    pieces = _PIECE.findall(low)
    words = _WordList(chain.from_iterable(map(_NORMS.__getitem__, pieces)))
    words.pieces = pieces
    if "ill" in words:
        _fix_ill(words, None)
    return words


def _char_spans(low: str, words: _WordList, upto: int) -> tuple[list[int], list[int]]:
    """The (start, end) in characters of each of the first ``upto`` words (at least), for
    turning a finding's words into text.

    The pieces are already known, in order, so each is found with ``str.find`` from where
    the one before ended: far cheaper than match objects. Only a lone "-" can also appear
    between pieces (in "well--no"), and "ill" read as "I will" changes the count: those
    rare sentences take the long way."""
    pieces = words.pieces
    if "-" in pieces or len(words) != sum(map(len, map(_NORMS.__getitem__, pieces))):
        _, long_starts, long_ends = _spans(low)
        return long_starts, long_ends
    starts: list[int] = []
    ends: list[int] = []
    find = low.find
    position = 0
    for piece in pieces:
        if len(starts) >= upto:
            break
        start = find(piece, position)
        position = start + len(piece)
        end = start + len(piece.rstrip("'*"))
        for _ in _NORMS[piece]:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _spans(low: str) -> tuple[list[str], list[int], list[int]]:
    """The same words as ``_words``, with the character span each came from."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _PIECE.finditer(low):
        piece = match.group()
        start = match.start()
        end = start + len(piece.rstrip("'*"))
        for word in _NORMS[piece]:
            words.append(word)
            starts.append(start)
            ends.append(end)
    if "ill" in words:
        _fix_ill(words, (starts, ends))
    return words, starts, ends


def _fix_ill(words: list[str], spans: tuple[list[int], list[int]] | None) -> None:
    """Read "ill" as "I'll" where it can only be that ("ill never be good enough").

    One pass, rebuilding the lists in place: inserting would be quadratic on "ill never" * n.
    """
    fixed: list[str] = []
    columns: tuple[list[int], ...] = ([], []) if spans is not None else ()
    last = len(words) - 1
    for index, word in enumerate(words):
        if word == "ill" and index < last and words[index + 1] in _ILL_BEFORE:
            fixed += ("i", "will")
            for new_column, column in zip(columns, spans or (), strict=False):
                new_column += (column[index], column[index])
        else:
            fixed.append(word)
            for new_column, column in zip(columns, spans or (), strict=False):
                new_column.append(column[index])
    words[:] = fixed
    if spans is not None:
        for new_column, column in zip(columns, spans, strict=True):
            column[:] = new_column


# ---------------------------------------------------------------------------------------------
# Word classes.


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Dropped g's, as typed: "thinkin about endin it all".
_EXPAND.update(
    (word[:-1], (word,))
    for word in _w(
        "ending thinking killing dying living feeling trying going doing saying wanting cutting "
        "hurting planning nothing something everything hanging jumping drowning taking waking "
        "sleeping leaving crying hating failing messing ruining screwing burning bleeding "
        "starving punishing"
    )
)


_NEGATORS = _w("not never no nobody nothing hardly neither nor")
# Words a negation can reach across: "I don't think I'm stupid", "doesn't mean I'm a failure".
_TRANSPARENT = _w(
    "think thinks thought believe believes feel feels mean means meant make makes made say "
    "saying prove proves proved that like it really actually necessarily i am do does did is "
    "was just truly honestly even so are you me anymore any more longer"
)
# A skip (~N) never crosses these: a clause break, a negation or a new clause.
_SKIP_STOP = _w(", not never no nobody but because if")
_CLAUSE_END = _w(", but and so because though although or cause cos coz")
_SELF = _w("i me my myself mine")
# "I was a mess" describes a moment that has passed; a kind rider can soften it.
_PAST_BE = _w("was were been looked sounded seemed felt became")

_CLASSES: dict[str, frozenset[str]] = {
    "ADVB": _w(
        "really just always truly honestly genuinely literally definitely probably actually ever "
        "still sometimes often constantly totally so seriously completely clearly obviously "
        "basically also even absolutely officially then now kinda all both"
    ),
    "INT": _w(
        "so such really very totally completely utterly absolutely just truly literally "
        "basically pretty quite kind sort of a an bit little incredibly ridiculously "
        "hopelessly seriously fucking effing bloody damn damned freaking frigging friggin "
        "genuinely honestly actually officially clearly obviously probably always still ever "
        "even biggest most complete total utter absolute massive huge big proper right real "
        "also now being such kinda sorta fully entirely the way far much lot extremely terribly "
        "awfully horribly painfully embarrassingly unbelievably insanely impossibly deeply super "
        "mega thoroughly remarkably exceptionally especially particularly fairly rather "
        "somewhat majorly well proper"
    ),
    "LABEL_NOUN": _w(
        "idiot moron fool loser failure disappointment disgrace embarrassment fraud fake phony "
        "phoney impostor imposter joke mess wreck disaster burden nuisance coward wimp crybaby "
        "quitter slob pig cow bitch jerk dummy dunce dope dimwit halfwit nitwit numpty muppet "
        "plonker prat pillock wally twit twat tosser knob dickhead arse ass asshole arsehole "
        "cretin imbecile buffoon clown klutz weirdo freak creep monster hypocrite letdown "
        "screwup fuckup nobody waste laughingstock flop reject misfit parasite leech mistake "
        "oaf dolt doofus div berk git plank dork numbskull dipshit shithead fatso lump "
        "nightmare liability bore drag pushover doormat sucker wuss baby state deadweight "
        "shambles "
        "underachiever nonentity "
        "screw-up fuck-up let-down"
    ),
    "LABEL_ADJ": _w(
        "stupid dumb useless worthless pathetic hopeless idiotic incompetent inadequate "
        "unlovable unloveable disgusting repulsive hideous ugly fat gross lazy weak spineless "
        "cowardly selfish thick dense brainless clueless talentless unworthy undeserving "
        "inferior defective broken damaged pitiful embarrassing despicable horrible awful "
        "terrible rubbish crap crappy shit shite naff garbage trash bad lame unattractive "
        "unlikeable unlikable boring annoying irritating needy clingy insufferable unbearable "
        "toxic evil weird creepy cringe cringey cringy mediocre subpar careless clumsy "
        "irresponsible unreliable lousy moronic foolish ridiculous laughable ignorant daft "
        "unfit incapable inept pointless unemployable dim gormless unintelligent insignificant "
        "unimportant forgettable disorganised disorganized unprofessional hateful retarded "
        "scatterbrained forgetful flaky unmotivated tiring exhausting draining difficult"
    ),
    # Adjectives that are a verdict on the self even after "feel" ("I feel terrible" is not).
    "FEEL_ADJ": _w(
        "stupid dumb useless worthless pathetic idiotic incompetent inadequate unlovable "
        "unloveable disgusting repulsive hideous ugly fat gross lazy weak inferior unworthy "
        "talentless pitiful ridiculous foolish clueless thick brainless unattractive boring "
        "annoying needy clingy selfish incapable inept pointless insignificant unimportant"
    ),
    # Skill verdicts, softer than a verdict on the person ("I'm terrible at maths").
    "SKILL_ADJ": _w(
        "bad terrible awful rubbish crap poor lousy hopeless useless shit pants shocking "
        "dreadful hopeless pathetic abysmal atrocious"
    ),
    "NEG_EVAL": _w(
        "bad terrible awful horrible rubbish crap crappy lousy useless hopeless pathetic "
        "worthless lazy stupid dumb selfish poor worse worst shit shitty pitiful incompetent "
        "disgusting failed sorry lame boring weak ugly mediocre dreadful appalling atrocious "
        "abysmal woeful shocking embarrassing cringe cringey cringeworthy laughable amateurish "
        "childish garbage trash naff subpar inadequate hideous gross pants miserable sloppy shoddy "
        "messy dangerous"
    ),
    "ROLE_PERSON": _w(
        "person human being friend mother mum mom mummy mommy father dad daddy parent partner "
        "wife husband son daughter sister brother sibling girlfriend boyfriend colleague "
        "employee boss manager teacher leader example excuse aunt uncle grandma grandad "
        "grandpa grandmother grandfather carer caregiver adult citizen flatmate roommate "
        "neighbour neighbor spouse mate teammate nurse doctor student worker gardener cook "
        "driver writer artist musician player singer runner dancer coder programmer designer "
        "gamer chef baker nanny host cleaner owner"
    ),
    "POS_ADJ": _w(
        "good smart clever bright talented capable strong pretty attractive handsome beautiful "
        "interesting funny likeable likable lovable loveable worthy qualified skilled "
        "competent intelligent brave confident thin fit special important successful organised "
        "organized disciplined productive deserving cool popular normal experienced"
    ),
    "POS_BARE": _w(
        "good smart clever bright talented capable lovable loveable likeable likable worthy "
        "attractive pretty interesting competent intelligent special important normal"
    ),
    "CMP_ADJ": _w(
        "better smarter cleverer prettier thinner fitter funnier richer happier braver "
        "stronger nicer kinder cooler wiser skinnier slimmer prettier brighter tougher "
        "sharper"
    ),
    "CMP_MORE": _w(
        "talented successful attractive confident popular interesting capable organised "
        "organized productive likeable fun mature accomplished experienced qualified together "
        "deserving beautiful handsome intelligent motivated disciplined"
    ),
    "LESS_ADJ": _w("worse dumber stupider uglier fatter lazier weaker less poorer"),
    "SELF_PRODUCT": _w(
        "work writing drawing drawings art artwork painting paintings cooking baking essay "
        "essays code coding singing voice music songs poems poetry photos photography "
        "handwriting spelling english french spanish german maths math grades marks results "
        "performance presentation presentations speech talk ideas idea jokes paper thesis "
        "dissertation cv resume body face hair skin thighs stomach belly nose teeth smile "
        "brain memory mind personality dancing driving parenting efforts effort attempt "
        "attempts best life career relationships report reports project projects garden "
        "knitting pictures picture website story stories novel book blog posts post accent "
        "laugh figure weight arms legs"
    ),
    "PEOPLE_OBJ": _w("everyone everybody them him her you people us"),
    "OTHERS": _w("they everyone everybody people he she others"),
    "OTHER_NOUN": _w(
        "friends family boss colleagues coworkers workers team manager teacher teachers "
        "parents mum mom dad partner classmates flatmates roommates sister brother audience "
        "interviewer interviewers panel class group others room office neighbours neighbors "
        "husband wife girlfriend boyfriend kids children date doctor therapist mates peers "
        "coach tutor lecturer supervisor"
    ),
    "FAIL_PAST": _w(
        "ruined wrecked botched bungled fluffed flubbed bombed flunked tanked spoiled spoilt"
    ),
    "MESSED": _w("messed screwed fucked cocked stuffed mucked buggered effed"),
    "FAIL_NOW": _w("mess screw ruin fail wreck spoil stuff muck botch blow disappoint embarrass"),
    "FAIL_ING": _w(
        "messing screwing ruining failing wrecking spoiling stuffing mucking botching blowing "
        "disappointing embarrassing forgetting procrastinating quitting choking"
    ),
    "AGAIN": _w("again"),
    "ACHIEVE": _w(
        "passed got won invited picked chose chosen hired promoted praised complimented liked "
        "accepted selected offered succeeded managed worked went did thanked included "
        "pass win get like likes love loves want wants wanted noticed"
    ),
    "PERFECT": _w("perfect perfectly flawless flawlessly"),
    "BAD_OUTCOME": _w(
        "wrong failed fail lost lose left broke ruined argued fight fought upset sad angry "
        "late missed bad badly awful terrible messed mess problem problems divorce split "
        "crying cried unhappy stressed worse suffer suffering miserable disaster fell falling "
        "apart hate hates hurt died sick flop failure bust awkward boring embarrassing cancelled "
        "canceled ended tense stressful lonely alone "
        "argue arguing fight fighting cry struggle struggling worry worried worrying leave "
        "quit divorced broken"
    ),
    "PP_IRREGULAR": _w(
        "been done known seen said gone got gotten told made left thought brought bought caught "
        "taught felt fought found heard held kept slept spent sent lost meant met paid put "
        "read run come become begun sung swum stood understood let set hit quit shut cut "
        "stuck won built lent dealt learnt spelt burnt dreamt leant spoilt spilt taken given "
        "eaten spoken written broken chosen forgotten driven shown thrown grown drawn flown "
        "worn sworn torn woken ridden hidden bitten risen beaten fallen gotten sat"
    ),
    "DESERVE_POS": _w(
        "it happiness love kindness their his her your them him friends success praise help "
        "support rest care forgiveness compassion respect attention good better any all my "
        "this anything nice good a the credit recognition joy peace comfort such someone anyone "
        "people kind these those you"
    ),
    "INTENT": _w(
        "want wanna wants wanted going gonna thinking thought think thoughts urge urges plan "
        "planning planned tempted considered considering consider wish need feel ready "
        "decided deciding started keep kept trying tried might should could about"
    ),
    "WISH": _w("wish want wanna hope pray rather prefer wanted wished hoped"),
    "GO_ON_OBJECT": _w(
        "a an the holiday holidays vacation trip trips tour stage air tv that this rides ride "
        "social dates twitter instagram facebook line online about at for until till to with "
        "today tomorrow tonight my our his her their strike leave record it them camp"
    ),
    "LIVE_PLACE": _w("in with near at on there abroad by here somewhere together alone next"),
    "FUN_OVERDOSE": _w(
        "tv netflix sugar caffeine chocolate drama cuteness carb information data screen media "
        "cheese coffee festive nostalgia sunshine"
    ),
    "SUICIDE_BEFORE": _w("career social political fashion financial franchise"),
    "SUICIDE_AFTER": _w(
        "mission missions squad door doors sprint sprints run runs drill drills prevention "
        "awareness statistics rates research"
    ),
    "IDIOM_AFTER_MYSELF": _w(
        "laughing laugh with over to trying at for doing working in the on getting"
    ),
    "ACCIDENT_AFTER": _w(
        "at on playing lifting falling while when doing during in running skiing laughing "
        "exercising cooking gardening moving by accidentally climbing cycling training "
        "yesterday slightly"
    ),
    "CUT_AFTER": _w(
        "off some slack shaving on while when cooking chopping by accidentally a out short "
        "free loose down in"
    ),
    "NEG_SUPER": _w(
        "stupidest dumbest laziest ugliest weakest worst fattest thickest saddest least"
    ),
    "LOOK_ADJ": _w(
        "old haggard frumpy rough bloated huge enormous massive wrinkly greasy awful terrible "
        "horrible dreadful ancient"
    ),
    "LACKING": _w(
        "willpower discipline backbone spine talent brains personality charisma dignity motivation"
    ),
    "JUDGE_ADJ": _w(
        "rude weird crazy strange odd cold mean awkward desperate needy arrogant pushy clingy "
        "creepy fake unprofessional immature childish pathetic stupid boring annoying dull "
        "incompetent useless lazy selfish thick dense slow dumb obsessive intense bossy "
        "difficult"
    ),
    "POSITIVE_DONE": _w(
        "won got passed finished managed survived made found met finally completed achieved "
        "reached am have love get ran did was graduated actually pulled nailed aced can could "
        "will would get got love loved still"
    ),
    "RELIEF_ADJ": _w(
        "lighter better easier happier simpler calmer fine okay ok brighter freer nicer quieter "
        "peaceful relieved"
    ),
    "RIDER_OK": _w(
        "okay ok fine alright normal human allowed understandable forgivable natural fixable "
        "expected enough"
    ),
}


_CLASSES["LABEL_ANY"] = _CLASSES["LABEL_ADJ"] | _CLASSES["LABEL_NOUN"]


def _is_past_participle(word: str) -> bool:
    return word in _CLASSES["PP_IRREGULAR"] or (len(word) > 3 and word.endswith("ed"))


_PREDICATES: dict[str, Callable[[str], bool]] = {
    "PP": _is_past_participle,
    "ANY": lambda word: word != BREAK,
}

# Macros are textual and may nest; they keep the rule table readable.
_MACROS: dict[str, str] = {
    "SELF_BE": (
        "(i @ADVB? (am|was|have @ADVB? been|had been|have become|became|will @ADVB? be|"
        "would be|must be|am being|was being|look|looked|looks|sound|sounded|seem|seemed|"
        "must have @ADVB? (been|looked|sounded|seemed)|would have (looked|sounded|seemed)|"
        "come across as|came across as) @ADVB? like?|^ (being|am|was))"
    ),
    "SELF_BE_INT": "{SELF_BE} @INT*",
    "SELF_FEEL": (
        "(i @ADVB? (feel|felt|am feeling|was feeling|have been feeling|have felt|keep feeling)"
        " like?|^ (feel|feeling|felt) like?)"
    ),
    "I_HAVE": "i @ADVB? (have|had)? @ADVB? (gone and)?",
    "SHOULD": "(should|ought to|oughta)",
    "MUST": "(must|have to|need to|got to|have got to|has to|gotta)",
    "FUTURE": "(will|am going to|am @ADVB? going to|would|am bound to|am sure to)",
    "LET_DOWN": "let {LET_WHO} down",
    "LETTING_DOWN": "letting {LET_WHO} down",
    "LET_WHO": "(@PEOPLE_OBJ|myself|my @ANY|my whole @ANY|the @ANY|all my @ANY|all of them)",
    "OTHERS": (
        "(@OTHERS|(my|the|our|his|her) @OTHER_NOUN|(my|the|our) whole @OTHER_NOUN|"
        "all of them|everyone else|everybody else|other people|the others|the other @ANY|"
        "strangers) all? ((at|in|on|from) (the|my|our|this|that)? @ANY)?"
    ),
    "MR_ADV": "(must|probably|definitely|clearly|obviously|secretly|all|both|totally|really|"
    "surely|already|will|would|might|could|just|now)",
    "MESS_UP": (
        "(@MESSED !on/in/into/around/about/with/over|@FAIL_PAST|failed !to|failed myself|blew (it|"
        "the|my|"
        "our|this|that|another|everything|every)|dropped the ball|choked|froze (up|in|during|"
        "at)|{LET_DOWN}|disappointed (@PEOPLE_OBJ|my @ANY)|embarrassed myself|humiliated "
        "myself|made (a fool|an idiot|a prat|a twat|a clown|a spectacle|an ass|a mug) of "
        "myself|made (a|such a|another) (right|total|complete)? (mess|hash) (of)?|got (it|"
        "everything|it all|that|this|things|them) (all)? wrong|said (something|the wrong "
        "thing|such a|the stupidest|the dumbest) @INT* (stupid|dumb|silly|wrong|awkward|"
        "embarrassing|idiotic|thing|things)?|made (another|a|such a|the same|yet another) "
        "@INT* (stupid|dumb|idiotic|careless|basic|rookie|massive|huge|terrible|awful|"
        "embarrassing) (mistake|mistakes|error|blunder|decision|choice)|wasted (the|my|"
        "another|a|all|so|the whole|my whole) (whole|entire|much)? (day|weekend|week|year|"
        "time|chance|opportunity|life|evening|morning|money|afternoon|years|day)|forgot "
        "(again|her|his|their|my mum's|my mom's|my dad's|it again))"
    ),
}


# ---------------------------------------------------------------------------------------------
# The pattern language. A pattern is a sequence of:
#   word/other/alternatives   one token from the set        @CLASS   one token from a class
#   (a b|c)  alternatives of sequences                      x? x* x+ optional / 0-4 / 1-4
#   ~N       skip up to N tokens (never a break, negation)  !a/b     next token is not a/b
#   !<a/b    previous token is not a/b
#   $        end of clause                                  ^        start of clause
#   {NAME}   the macro NAME (see _MACROS)                   &NAME    the same (an older
#                                                           form, kept for readability)
#   =>       what follows must match but is not part of the highlighted span
# Every repetition is bounded, so a pattern does a constant amount of work per position.
# Each pattern becomes a regular expression over one character a word (see _Codes).


# Pattern nodes are plain slotted classes: dataclasses would cost ~20 ms at import.


class _Words:
    __slots__ = ("words",)

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words


class _Pred:
    __slots__ = ("test",)

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test


class _Seq:
    __slots__ = ("items",)

    def __init__(self, items: tuple[_Node, ...]) -> None:
        self.items = items


class _Alt:
    __slots__ = ("items",)

    def __init__(self, items: tuple[_Node, ...]) -> None:
        self.items = items


class _Rep:
    __slots__ = ("high", "item", "low")

    def __init__(self, item: _Node, low: int, high: int) -> None:
        self.item = item
        self.low = low
        self.high = high


class _Skip:
    __slots__ = ("most",)

    def __init__(self, most: int) -> None:
        self.most = most


class _NotNext:
    __slots__ = ("words",)

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words


class _NotPrev:
    __slots__ = ("words",)

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words


class _Memo:
    __slots__ = ("item", "name")

    def __init__(self, name: str, item: _Node) -> None:
        self.name = name
        self.item = item


class _ClauseEnd:
    __slots__ = ()


class _ClauseStart:
    __slots__ = ()


_Node = (
    _Words
    | _Pred
    | _Seq
    | _Alt
    | _Rep
    | _Skip
    | _NotNext
    | _NotPrev
    | _Memo
    | _ClauseEnd
    | _ClauseStart
)


class _WordList(list[str]):
    """A sentence's words, and the pieces of text they came from (set by ``_words``; no
    ``__init__`` keeps creation in C)."""

    __slots__ = ("pieces",)
    pieces: list[str]


_DSL_TOKEN = re.compile(r"=>|\(|\)[?*+]?|\||[^\s()|]+")
_REPEAT_MAX = 4
# Parsed once and shared, so each macro and atom is compiled once however often it is used.
_ATOMS: dict[str, _Node] = {}
_MACRO_NODES: dict[str, _Node] = {}


def _atom(token: str) -> _Node:
    node = _ATOMS.get(token)
    if node is None:
        node = _ATOMS[token] = _new_atom(token)
    return node


def _new_atom(token: str) -> _Node:
    suffix = token[-1] if len(token) > 1 and token[-1] in "?*+" else ""
    body = token[:-1] if suffix else token
    node: _Node
    if body.startswith("{") and body.endswith("}"):
        node = _macro(body[1:-1])
    elif body.startswith("~"):
        node = _Skip(int(body[1:]))
    elif body == "$":
        node = _ClauseEnd()
    elif body == "^":
        node = _ClauseStart()
    elif body.startswith("!<"):
        node = _NotPrev(_word_set(body[2:]))
    elif body.startswith("!"):
        node = _NotNext(_word_set(body[1:]))
    elif body.startswith("&"):
        node = _Memo(body[1:], _macro(body[1:]))
    elif body.startswith("@") and body[1:] in _PREDICATES:
        node = _Pred(_PREDICATES[body[1:]])
    else:
        node = _Words(_word_set(body))
    return _repeat(node, suffix)


def _macro(name: str) -> _Node:
    node = _MACRO_NODES.get(name)
    if node is None:
        node = _MACRO_NODES[name] = _parse(_MACROS[name])
    return node


def _word_set(body: str) -> frozenset[str]:
    words: set[str] = set()
    for part in body.split("/"):
        if part.startswith("@"):
            words |= _CLASSES[part[1:]]
        else:
            words.add(part)
    return frozenset(words)


def _repeat(node: _Node, suffix: str) -> _Node:
    if suffix == "?":
        return _Rep(node, 0, 1)
    if suffix == "*":
        return _Rep(node, 0, _REPEAT_MAX)
    if suffix == "+":
        return _Rep(node, 1, _REPEAT_MAX)
    return node


def _parse(source: str) -> _Node:
    tokens = _DSL_TOKEN.findall(source)
    position = 0

    def sequence() -> _Node:
        nonlocal position
        items: list[_Node] = []
        while (
            position < len(tokens)
            and tokens[position] not in ("|", "=>")
            and not (tokens[position].startswith(")"))
        ):
            token = tokens[position]
            position += 1
            if token == "(":
                alternatives = [sequence()]
                while tokens[position] == "|":
                    position += 1
                    alternatives.append(sequence())
                closing = tokens[position]
                position += 1
                items.append(_repeat(_alternatives(alternatives), closing[1:]))
            else:
                items.append(_atom(token))
        return items[0] if len(items) == 1 else _Seq(tuple(items))

    node = sequence()
    if position != len(tokens):
        raise ValueError(f"unexpected {tokens[position]!r} in pattern {source!r}")
    return node


def _alternatives(options: list[_Node]) -> _Node:
    """One word from any of several sets is just one bigger set."""
    if len(options) == 1:
        return options[0]
    if all(isinstance(option, _Words) for option in options):
        return _Words(frozenset().union(*(o.words for o in options if isinstance(o, _Words))))
    return _Alt(tuple(options))


# Rough word frequencies in self-talk, used only to pick each pattern's trigger (speed, not
# results): a pattern is tried on a sentence only if the sentence has its rarest required word.
_VERY_COMMON = _w(
    "i am is a an the to it you my me and of so not was be have do are that this in on for "
    "just really with at all what like but ,"
)
_COMMON = _w(
    "should would could can will must they he she we why how get got feel think always never "
    "no everyone people one time because if did does been being had has going want know make "
    "made more much too very again up out about now then there here as by from or who some any "
    "every everything nothing good bad well ever even only still back your our their them him "
    "her us myself go day today said say thing things life love need see work way"
)


_COSTS: dict[frozenset[str], int] = {}


def _cost(words: frozenset[str]) -> int:
    cost = _COSTS.get(words)
    if cost is None:
        cost = _COSTS[words] = _word_cost(words)
    return cost


def _word_cost(words: frozenset[str]) -> int:
    return sum(1000 if w in _VERY_COMMON else 30 if w in _COMMON else 1 for w in words)


_REQUIRED: dict[int, tuple[_Node, list[frozenset[str]]]] = {}


def _required(node: _Node) -> list[frozenset[str]]:
    """Word sets of which every match must contain at least one word each."""
    entry = _REQUIRED.get(id(node))
    if entry is None:
        entry = _REQUIRED[id(node)] = (node, _new_required(node))
    return entry[1]


def _new_required(node: _Node) -> list[frozenset[str]]:
    if isinstance(node, _Words):
        return [node.words]
    if isinstance(node, _Seq):
        return [words for item in node.items for words in _required(item)]
    if isinstance(node, _Alt):
        best = [_best(_required(item)) for item in node.items]
        if all(choice is not None for choice in best):
            return [frozenset().union(*(choice for choice in best if choice is not None))]
        return []
    if (isinstance(node, _Rep) and node.low > 0) or isinstance(node, _Memo):
        return _required(node.item)
    return []


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The rarest-looking required set: it decides which sentences try the pattern at all."""
    if not options:
        return None
    return min(options, key=_cost)


@dataclass(slots=True, eq=False)
class _Pattern:
    """A rule with what to do when it matches. Its regular expression is compiled on first
    use: most texts need only a few of the rules, and compiling all of them takes a while."""

    group: str  # "critical", "marker", "context", "crisis", "idiom" or "farewell"
    kind: str  # a category, a marker or context kind, or "crisis"
    source: str
    node: _Node
    context: _Node | None
    trigger: frozenset[str] | None
    required: tuple[frozenset[str], ...]
    weak: bool = False
    negation: str = "suppress"  # "suppress", "ignore" or "polarity"
    needs_self: bool = False
    regex: re.Pattern[str] | None = None

    def compiled(self, codes: _Codes) -> re.Pattern[str]:
        regex = self.regex
        if regex is None:
            source = codes.expression(self.node)
            if self.context is not None:
                source += f"(?={codes.expression(self.context)})"
            regex = self.regex = re.compile(source)
        return regex


def _pattern(group: str, kind: str, source: str, **options: object) -> _Pattern:
    span_source, _, context_source = source.partition("=>")
    node = _parse(span_source)
    context = _parse(context_source) if context_source.strip() else None
    required = _required(node) + (_required(context) if context is not None else [])
    trigger = _best(required)
    return _Pattern(
        group=group,
        kind=kind,
        source=source,
        node=node,
        context=context,
        trigger=trigger,
        # The trigger is known to be present when the pattern is looked up.
        required=tuple(words for words in sorted(required, key=_cost) if words is not trigger),
        weak=bool(options.get("weak", False)),
        negation=str(options.get("negation", "suppress")),
        needs_self=bool(options.get("needs_self", False)),
    )


class _Codes(dict[str, str]):
    """One character for each word, so that a pattern is a regular expression over a sentence
    written one character a word, and matching runs in C.

    Every word the rules name gets a character of its own (from the private use area); all
    other words share two, one for past participles (``@PP``) and one for the rest. Word
    sets become character classes, ``~N`` a lazy bounded run of words that are not breaks or
    negations, ``!a`` and ``!<a`` look-arounds. Every repetition is bounded, so the work at
    each position is bounded and matching stays linear in the text: nothing can backtrack
    catastrophically. The expressions match exactly what the rules say: a test checks them
    against a plain reading of the pattern tree."""

    def __init__(self, patterns: list[_Pattern]) -> None:
        vocabulary = set(_SKIP_STOP | _CLAUSE_END | {BREAK})
        seen: set[int] = set()
        for pattern in patterns:
            _vocabulary(pattern.node, vocabulary, seen)
            if pattern.context is not None:
                _vocabulary(pattern.context, vocabulary, seen)
        if len(vocabulary) + 2 > _PRIVATE_USE_SIZE:
            raise ValueError(f"{len(vocabulary)} rule words: more than one character each")
        super().__init__(
            (word, chr(_PRIVATE_USE + 2 + number)) for number, word in enumerate(sorted(vocabulary))
        )
        self.other = chr(_PRIVATE_USE)
        self.other_participle = chr(_PRIVATE_USE + 1)
        self.unknown: dict[str, str] = {}
        self.sources: dict[int, tuple[_Node, str]] = {}

    def __missing__(self, word: str) -> str:
        code = self.unknown.get(word)
        if code is None:
            code = self.other_participle if _is_past_participle(word) else self.other
            if len(self.unknown) >= _NORM_CACHE_LIMIT:
                self.unknown.clear()
            self.unknown[word] = code
        return code

    def encode(self, words: Sequence[str]) -> str:
        return "".join(map(self.__getitem__, words))

    def expression(self, node: _Node) -> str:
        entry = self.sources.get(id(node))
        if entry is None:  # each entry keeps its node alive, so an id is never reused
            entry = self.sources[id(node)] = (node, self._expression(node))
        return entry[1]

    def _class(self, words: Set[str], negated: bool = False) -> str:
        members = "".join(sorted(self[word] for word in words))
        return f"[{'^' if negated else ''}{members}]"

    def _expression(self, node: _Node) -> str:
        if isinstance(node, _Words):
            return self._class(node.words)
        if isinstance(node, _Pred):
            if node.test is _PREDICATES["PP"]:
                known = {word for word in self if word != BREAK and _is_past_participle(word)}
                return self._class(known)[:-1] + self.other_participle + "]"
            if node.test is _PREDICATES["ANY"]:
                return self._class({BREAK}, negated=True)  # any word but a break
            # A new predicate needs its own characters for the words it accepts (see
            # __missing__): say so rather than match the wrong words.
            raise TypeError(f"no character class for predicate {node.test!r}")
        if isinstance(node, _Seq):
            return "".join(self.expression(item) for item in node.items)
        if isinstance(node, _Alt):
            return "(?:" + "|".join(self.expression(item) for item in node.items) + ")"
        if isinstance(node, _Rep):
            inner = self.expression(node.item)
            if not isinstance(node.item, _Words | _Pred):
                inner = f"(?:{inner})"
            if (node.low, node.high) == (0, 1):
                return inner + "?"
            return f"{inner}{{{node.low},{node.high}}}"
        if isinstance(node, _Skip):
            return self._class(_SKIP_STOP, negated=True) + f"{{0,{node.most}}}?"
        if isinstance(node, _NotNext):
            return f"(?!{self._class(node.words)})"
        if isinstance(node, _NotPrev):
            return f"(?<!{self._class(node.words)})"
        if isinstance(node, _Memo):
            return self.expression(node.item)
        if isinstance(node, _ClauseEnd):
            return f"(?={self._class(_CLAUSE_END)}|\\Z)"
        if isinstance(node, _ClauseStart):
            return f"(?<!{self._class({BREAK}, negated=True)})"
        raise TypeError(f"cannot translate {node!r}")


_PRIVATE_USE = 0xE000  # the Basic Multilingual Plane's private use area: 6,400 characters
_PRIVATE_USE_SIZE = 6400


def _vocabulary(node: _Node, words: set[str], seen: set[int]) -> None:
    """Every word a pattern names (macros are shared: each node is walked once)."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, _Words | _NotNext | _NotPrev):
        words |= node.words
    elif isinstance(node, _Seq | _Alt):
        for item in node.items:
            _vocabulary(item, words, seen)
    elif isinstance(node, _Rep | _Memo):
        _vocabulary(node.item, words, seen)


# ---------------------------------------------------------------------------------------------
# Rules. Order matters only for ties (same start, same length): earlier wins.

_STRONG: dict[str, object] = {}
_WEAK: dict[str, object] = {"weak": True}

_CRITICAL_RULES: list[tuple[str, str, dict[str, object]]] = [
    # --- labelling: a verdict on the whole person
    ("labelling", "&SELF_BE_INT @LABEL_NOUN", _STRONG),
    (
        "labelling",
        "&SELF_BE_INT (waste|piece|sorry excuse|poor excuse|excuse) (of|for) @ANY",
        _STRONG,
    ),
    ("labelling", "&SELF_BE_INT @LABEL_ADJ !at/with/about/for/in/on", _STRONG),
    ("labelling", "&SELF_BE_INT @LABEL_ADJ for", _STRONG),
    ("labelling", "&SELF_BE_INT @SKILL_ADJ (at|with) @ANY?", _WEAK),
    ("labelling", "&SELF_BE_INT @LABEL_ADJ (at|with|about|in|on) @ANY?", _WEAK),
    ("labelling", "&SELF_BE_INT (a|an) @INT* @NEG_EVAL @ROLE_PERSON", _STRONG),
    ("labelling", "&SELF_BE_INT (a|an) @INT* @NEG_EVAL @ANY?", _WEAK),
    ("labelling", "&SELF_BE_INT too @LABEL_ADJ", _STRONG),
    (
        "labelling",
        "&SELF_BE_INT too (sensitive|emotional|dramatic|much|needy|clingy|intense|"
        "old|slow|soft|shy|awkward|quiet|loud)",
        _WEAK,
    ),
    ("labelling", "&SELF_BE_INT the worst !at", _STRONG),
    ("labelling", "&SELF_BE_INT @NEG_SUPER @ANY? !at", _STRONG),
    ("labelling", "&SELF_BE_INT the most @LABEL_ADJ", _STRONG),
    (
        "labelling",
        "i @ADVB? wish i (was|were) (not|less) @INT* (@LABEL_ANY|(a|an) @INT* @NEG_EVAL)",
        {"negation": "ignore"},
    ),
    (
        "labelling",
        "i @ADVB? wish i (was|were) not (me|myself|like this|this way)",
        {"negation": "ignore"},
    ),
    (
        "labelling",
        "{SELF_BE} not @INT* (cut out for|made for|meant for|built for|good at anything)",
        {"negation": "ignore"},
    ),
    (
        "labelling",
        "i @ADVB? (do not|will never|can never|never) (belong|fit in)",
        {"weak": True, "negation": "ignore"},
    ),
    ("labelling", "i @ADVB? (look|looked|looks) @INT* @LOOK_ADJ", _WEAK),
    (
        "labelling",
        "i @ADVB? (have|have got|got) (zero|no) (@LACKING|self control|self discipline|"
        "self respect|common sense|social skills)",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "harsh-self-address",
        "(well done|nice one|good job|great job|nice going|way to go|nice work|"
        "smooth move|bravo|good one) ,? (genius|einstein|sherlock|smartass|smart arse|@LABEL_NOUN)",
        _STRONG,
    ),
    ("labelling", "&SELF_BE_INT the worst at @ANY?", _WEAK),
    (
        "labelling",
        "&SELF_BE_INT (no good|good for nothing|nothing !like/but/if/to/of|no one|"
        "a nobody|worth nothing|beyond help|beyond hope|unfixable|a lost cause|a basket case|"
        "a train wreck|a hot mess|a laughing stock|a let down|a screw up|a fuck up|a mess up|a "
        "write off|out of shape|such a state|a state)",
        _STRONG,
    ),
    ("labelling", "{SELF_BE} not @INT* worth @ANY?", {"negation": "ignore"}),
    ("labelling", "{SELF_BE} not? @INT* @POS_ADJ enough", {"negation": "polarity"}),
    ("labelling", "{SELF_BE} not? @INT* enough $", {"negation": "polarity"}),
    ("labelling", "{SELF_BE} not @INT* @POS_BARE !at/with/enough/as", {"negation": "ignore"}),
    (
        "labelling",
        "{SELF_BE} not @INT* (good|great) (at|with) (anything|everything|all|life)",
        {"negation": "ignore"},
    ),
    (
        "labelling",
        "{SELF_BE} not @INT* (good|great|smart|clever) (at|with) @ANY?",
        {"negation": "ignore", "weak": True},
    ),
    ("labelling", "{SELF_BE} nowhere near @INT* (@POS_ADJ|enough)", _STRONG),
    (
        "fortune-telling",
        "i will never be @INT* (@POS_ADJ|enough|any good|good at|able)",
        {"negation": "ignore", "weak": True},
    ),
    ("labelling", "{SELF_FEEL} @INT* @FEEL_ADJ", _WEAK),
    ("labelling", "{SELF_FEEL} @INT* (a|an) @INT* (@LABEL_NOUN|@NEG_EVAL @ANY?)", _WEAK),
    (
        "labelling",
        "(make|makes|made) me (feel|look|sound|seem) like? @INT* (@FEEL_ADJ|@LABEL_NOUN"
        "|(a|an) @INT* @NEG_EVAL)",
        _WEAK,
    ),
    ("labelling", "(make|makes|made) me (a|an) @INT* (@LABEL_NOUN|@NEG_EVAL @ANY?)", _STRONG),
    ("labelling", "(make|makes|made) me @INT* @LABEL_ADJ", _STRONG),
    (
        "labelling",
        "i @ADVB? (do not|never) feel @INT* (@POS_ADJ|good) enough",
        {"negation": "ignore"},
    ),
    ("labelling", "(what|such) (a|an) @INT* (@LABEL_NOUN|@NEG_EVAL @ROLE_PERSON) i am", _STRONG),
    ("labelling", "^ @INT* (stupid|idiot|dumb|useless|pathetic|moron|loser|dumbass) me $", _STRONG),
    ("labelling", "(that|this|it|how) (was|is)? @INT* @LABEL_ADJ of me", _STRONG),
    ("labelling", "i @ADVB? suck !at", _STRONG),
    ("labelling", "i @ADVB? suck at @ANY?", _WEAK),
    (
        "labelling",
        "my own? @SELF_PRODUCT (is|are|was|were|looks|look|sounds|sound|seems|seem|"
        "feels|tastes|taste|smells|reads|came out|comes out|turned out) @INT* (@NEG_EVAL|(a|an) "
        "@INT* (mess|joke|disaster|failure|embarrassment|disgrace|"
        "waste|wreck)|not good enough|never good enough|not enough)",
        _WEAK,
    ),
    (
        "labelling",
        "(there is|is there|there has to be|something is|there must be) (something|"
        "so much|everything) @ADVB? wrong with me",
        _STRONG,
    ),
    ("labelling", "i am (so|such|completely|totally)? (broken|defective) inside", _STRONG),
    # --- harsh self-address: the critic's voice, second person or rhetorical
    (
        "harsh-self-address",
        "you (@INT|@LABEL_ADJ|silly|little|great|big|old|daft|stupid)* @LABEL_NOUN",
        _STRONG,
    ),
    (
        "harsh-self-address",
        "you (are|were|have been|will always be|look|sound|seem) @INT* "
        "(@LABEL_ADJ|@LABEL_NOUN|(a|an) @INT* @NEG_EVAL @ANY?)",
        _STRONG,
    ),
    (
        "harsh-self-address",
        "what @ADVB? (the hell|the heck|the fuck)? is (wrong|the matter) with (you|me)",
        _STRONG,
    ),
    ("harsh-self-address", "what is my (problem|deal)", _STRONG),
    (
        "harsh-self-address",
        "why (are|were) you (like this|like that|this way|so|such|always)",
        _STRONG,
    ),
    (
        "harsh-self-address",
        "why (do|did|can not|would|must|could not|did not|will not) you "
        "(always|never|even|keep|ever|just)",
        _WEAK,
    ),
    (
        "harsh-self-address",
        "you (always|never|keep|constantly|just) (@FAIL_NOW|@FAIL_ING|get "
        "(it|anything|everything|things) (wrong|right)|ruin|mess|screw|let|say the wrong)",
        _STRONG,
    ),
    (
        "harsh-self-address",
        "you can not (do|get) (anything|a single thing) (right|properly)",
        _STRONG,
    ),
    ("harsh-self-address", "look (at)? what you (did|have done|are doing)", _WEAK),
    (
        "harsh-self-address",
        "you (should|ought to) (have known better|know better|be ashamed|be "
        "embarrassed|have tried harder|never have)",
        _STRONG,
    ),
    (
        "harsh-self-address",
        "^ (just)? (pull yourself together|get a grip|toughen up|man up|"
        "stop being @INT* @LABEL_ADJ|stop (whining|moaning|being pathetic|being such))",
        _WEAK,
    ),
    (
        "harsh-self-address",
        "why (am|was) i @ADVB? (like this|like that|this way|the way i am|"
        "always like this|such (a|an) @INT* (@LABEL_NOUN|@NEG_EVAL)|so @INT* (@LABEL_ADJ|"
        "@SKILL_ADJ)"
        "|@INT* @LABEL_ADJ|not (more)? like)",
        _STRONG,
    ),
    (
        "harsh-self-address",
        "why (do|did|does|can not|could not|did not|will not|would|must|"
        "should) i (always|never|keep|ever|even) (have to)? @ADVB? (@FAIL_NOW|@FAIL_ING|do (this|"
        "that|it|that again)|doing (this|that|it)|get (it|things|everything) wrong|say (the wrong|"
        "stupid|such|that)|bother|learn|listen|make (mistakes|the same|a mess|a fool)|end up|"
        "let|act like|behave|open my mouth|fall for|fail|forget|lose|give up|ruin|mess|screw|"
        "overthink|overreact|sabotage|push)",
        _WEAK,
    ),
    (
        "harsh-self-address",
        "why (do|did) i @ADVB? (@FAIL_NOW|do this|do that|bother|act like this|say (that|such))",
        _WEAK,
    ),
    (
        "harsh-self-address",
        "why can not i (just|ever|even)? (be|do|get|stop|manage|learn|handle|"
        "cope|keep|remember|finish|make|act|behave|function|grow|move|focus|concentrate|sort|"
        "think|say|hold|stick|be normal)",
        _WEAK,
    ),
    ("harsh-self-address", "how (could|can|did|do) i @ADVB? (be|have been) (so|such)", _STRONG),
    (
        "harsh-self-address",
        "how (could|can|did) i @ADVB? (do|say|forget|let|miss|mess|ruin|screw|"
        "fail|lose|break|make|be)",
        _WEAK,
    ),
    (
        "harsh-self-address",
        "what (kind|sort|type) of (@ROLE_PERSON|@LABEL_NOUN|idiot|moron) "
        "(am i|does|would|forgets|is|do|says|acts)",
        _STRONG,
    ),
    ("harsh-self-address", "what (was|were) i @ADVB? thinking", _WEAK),
    (
        "harsh-self-address",
        "i (can not|could not) believe i @ADVB? (said|did (that|this|"
        "something|such)|was so|was such|made (a|such|that|another)|got (it|that) wrong|"
        "!@POSITIVE_DONE @ANY)",
        _WEAK,
    ),
    (
        "harsh-self-address",
        "i @ADVB? (hate|loathe|despise|detest|can not stand|can not bear) "
        "(myself|me|who i am|what i am|everything about (myself|me)|the (way|person) i (am|look|"
        "sound|act)|my (body|face|self|personality|voice|laugh|reflection|guts|thighs|stomach))",
        _STRONG,
    ),
    (
        "harsh-self-address",
        "i am @INT* (disgusted|ashamed|sick|sick and tired) (with|of|in|at) "
        "(myself|me|who i am|being me)",
        _STRONG,
    ),
    (
        "harsh-self-address",
        "i am @INT* (disappointed|angry|furious|frustrated|annoyed|mad|cross|"
        "embarrassed|irritated|livid|fed up|upset) (with|in|at|of) (myself|me)",
        _WEAK,
    ),
    # --- should-statements
    (
        "should-statement",
        "i @ADVB? {SHOULD} (not|never)? ((have|would|of) @ADVB? (not|never)? @ADVB? @PP|@ADVB? "
        "(not|never)? @ADVB? !put/cut/set/let/hit/shut/cost/read/run/come/become/hurt/quit/"
        "spread/bet/burst/cast/fit/upset/shed/split/spit/broadcast/forecast @PP)",
        _WEAK,
    ),
    (
        "should-statement",
        "i @ADVB? ({SHOULD}|{MUST}|am supposed to|was supposed to|am meant to) "
        "@ADVB? (be|have been) @INT* (better|perfect|able|stronger|smarter|thinner|fitter|"
        "cleverer|over|further|more|less|doing (more|better|enough)|coping|past|ashamed|"
        "embarrassed|"
        "grateful|happier|"
        "happy|thankful|tougher|braver|calmer|productive|successful|married|settled|ahead|"
        "good at|good enough|the best|perfectly|flawless|fine by now|okay by now|the strong one|"
        "the responsible one|an adult|a grown up|normal)",
        _WEAK,
    ),
    (
        "should-statement",
        "i @ADVB? ({SHOULD}|{MUST}|am supposed to) ~6 (by now|already|at my age|"
        "at this point|at this age|at this stage)",
        _WEAK,
    ),
    ("should-statement", "i @ADVB? {SHOULD} @ADVB? know (better|this|that|how|what)", _WEAK),
    (
        "should-statement",
        "i @ADVB? ({MUST}|can not|am not allowed to) @ADVB? (never|always|not)? "
        "(be perfect|be flawless|get (everything|it all|it|this|things) (right|perfect|perfectly)|"
        "fail|make (a|any|one)? (mistake|mistakes|error|errors)|do everything (right|perfectly)|be "
        "the best|be better than|please everyone|keep everyone happy|prove myself|mess (this|it) "
        "up|screw (this|it) up|let (anyone|them|everyone|people) (down|see)|show (weakness|any "
        "weakness)|disappoint|slip up|be (productive|strong|busy) (all|every|always)|be "
        "productive|be strong)",
        _WEAK,
    ),
    (
        "should-statement",
        "(when|like|as|the way|how|as much as|things|stuff|everything|anything|something) i "
        "(should|ought to|am supposed to|was supposed to|am meant to|was meant to) !be/have/do",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "should-statement",
        "(when|like|as|the way|how|as much as) i (should|ought to) $",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "should-statement",
        "i @ADVB? (should|ought to) not (feel|be !late/long/there/here/home/"
        "back/away/gone/more/needed/necessary/too|need|cry|care|struggle|find|still|complain|mind|"
        "want|take|let|get so|get this|be so|make such)",
        _WEAK,
    ),
    (
        "should-statement",
        "i @ADVB? (need to|have to|must|should|got to|have got to|gotta) (get a "
        "grip|pull myself together|toughen up|man up|grow up|get over (it|myself)|get my (act|shit|"
        "life) together|sort myself out|stop being @INT* (@LABEL_ADJ|@LABEL_NOUN|such)|stop "
        "(whining|moaning|complaining|being (so)? (pathetic|weak|dramatic|needy|lazy|useless))|"
        "try harder|do better|be better|be more)",
        _WEAK,
    ),
    (
        "should-statement",
        "i @ADVB? {MUST} ~6 => ,? (or|otherwise) else? (i am|i will be|it means "
        "i am|that means i am) @INT* (@LABEL_ANY|nothing|a nobody|no good|not worth)",
        _WEAK,
    ),
    # --- all-or-nothing
    (
        "all-or-nothing",
        "(or|otherwise) else? (i am|i will be|it means i am|that means i am|then "
        "i am|i am just) @INT* (@LABEL_ANY|nothing|a nobody|no good|not worth @ANY)",
        _STRONG,
    ),
    (
        "all-or-nothing",
        "if ~3 not? ~2 (@PERFECT|the best|first|top marks|full marks|100 %|an a|top) => "
        "~3 ,? ~4 (@LABEL_ANY|pointless|no point|a waste|nothing|not worth|why bother|failed|"
        "failure|wasted)",
        _WEAK,
    ),
    (
        "all-or-nothing",
        "(if|when) i (fail|mess up|make (a|one|any) mistake|do not get|can not|"
        "lose|screw up|get (it|anything) wrong|slip up|do not|am not) ~6 ,? (then)? (i am|it means "
        "i am|that means i am|then i am|i will be|it proves i am|that proves i am) @INT* "
        "@LABEL_ANY",
        _STRONG,
    ),
    (
        "all-or-nothing",
        "(one|a single|1) (mistake|error|slip|typo|bad (day|mark|grade|review|"
        "comment|decision)|wrong (answer|move)) (and|means|ruins|ruined|destroys|undoes|cancels|"
        "wipes|=)",
        _WEAK,
    ),
    (
        "all-or-nothing",
        "(nothing|anything) less than (@PERFECT|perfection|the best|100|first|"
        "an a|top marks|full marks) (is|means|counts|=)",
        _WEAK,
    ),
    (
        "all-or-nothing",
        "either (perfect|brilliant|the best|amazing|great|a success|successful|a "
        "genius|perfectly) or",
        _WEAK,
    ),
    (
        "all-or-nothing",
        "i am either @ANY ~2 or @INT* (@LABEL_ANY|a failure|nothing|rubbish|worthless)",
        _WEAK,
    ),
    # --- overgeneralising
    (
        "overgeneralising",
        "i (am|was)? @ADVB? (always|constantly|forever|continually|invariably|"
        "consistently|keep) @ADVB? (@FAIL_NOW (up|it up|things up|everything up|it all up)?|"
        "@FAIL_ING (up|it up|things up|everything up)?|get (lost|it wrong|things wrong|everything "
        "wrong|stuff wrong|this wrong|that wrong|these wrong|in trouble)|getting (it|things|"
        "everything|this|that) wrong|{LET_DOWN}|"
        "{LETTING_DOWN}|say (the wrong|something (stupid|dumb|wrong))|saying (the wrong|something "
        "(stupid|dumb))|make (mistakes|a mess|a fool|the same|things worse|everything worse|it "
        "worse|matters worse|bad choices|bad decisions|the wrong)|making (mistakes|a mess|a fool|"
        "the same|things worse|everything worse|bad)|end up "
        "(alone|hurt|failing|messing|ruining|disappointing|crying|on my own)|give up|quit|"
        "procrastinate|overthink|overreact|panic|choke|freeze|put my foot in it|talk too much|fall "
        "(apart|behind|short|for)|falling (apart|behind|short|for)|lose (everything|everyone|"
        "people|friends|it|my temper|my cool)|forget (everything|anything|things|something|"
        "important|names|birthdays|stuff)|do (this|that|everything|something) (wrong|stupid)|do "
        "this|pick the wrong|choose the wrong|push (people|everyone) away|pushing (people|"
        "everyone) away|hurt (people|everyone|the people))",
        _WEAK,
    ),
    (
        "overgeneralising",
        "i @ADVB? (never|can never|can not ever|never ever) (get|do) (anything|"
        "things|it|stuff|a single thing) (right|properly|well|correctly|done)",
        _WEAK,
    ),
    ("overgeneralising", "i @ADVB? never (finish|complete) (anything|what|things)", _WEAK),
    (
        "overgeneralising",
        "i @ADVB? never (learn|improve|change|succeed|measure up|follow "
        "through|stick (to|with) (anything|things|it)|manage (to|anything)|get better|get "
        "anywhere|do enough|achieve anything|amount to|get anything done|keep (promises|my word|"
        "up|anything)|say the right|speak up|stand up for myself|live up)",
        _WEAK,
    ),
    (
        "overgeneralising",
        "i @ADVB? can never !resist/refuse/thank/repay/wait/say/get/thank @ANY",
        _WEAK,
    ),
    ("overgeneralising", "i @ADVB? can not (ever|even) @ANY", _WEAK),
    (
        "overgeneralising",
        "i @ADVB? (can not|can never|never) do (anything|a single thing|nothing) "
        "(right|properly|well|correctly)",
        _WEAK,
    ),
    ("overgeneralising", "i @ADVB? (get|do) (everything|it all|all of it) wrong", _WEAK),
    (
        "overgeneralising",
        "i @ADVB? (@FAIL_NOW|fail at|mess up|screw up) (every|each|all) (single)? (of)? (my)? @ANY",
        _WEAK,
    ),
    (
        "overgeneralising",
        "i @ADVB? (@FAIL_NOW|fail at|am bad at|am terrible at|am useless at|am "
        "rubbish at|am hopeless at|am no good at|mess up|screw up|suck at) (everything|it all|all "
        "of it|every single thing|anything|things up|everything up|life)",
        _WEAK,
    ),
    (
        "overgeneralising",
        "&SELF_BE_INT (@SKILL_ADJ|@LABEL_ADJ) at (everything|anything|life|all of it)",
        _WEAK,
    ),
    (
        "overgeneralising",
        "{I_HAVE} {MESS_UP} ~4 (again|as usual|as always|like always|like "
        "usual|per usual|every time|yet again|once again)",
        _WEAK,
    ),
    ("overgeneralising", "i @ADVB? (have)? (yet again|once again|again) {MESS_UP}", _WEAK),
    ("overgeneralising", "(typical|classic) me", _WEAK),
    (
        "overgeneralising",
        "(story of my life|trust me to|leave it to me to|of course i (had to|"
        "would|messed|forgot|ruined|failed|said|got lost|managed to|screwed|blew))",
        _WEAK,
    ),
    (
        "overgeneralising",
        "(every|each) (single)? time i ~6 ,? i? @ADVB? (@FAIL_NOW|fail|failed|mess|messed|"
        "screw|screwed|ruin|ruined|get it wrong|make a mess|make a fool)",
        _WEAK,
    ),
    (
        "overgeneralising",
        "whenever i ~6 ,? i? @ADVB? (@FAIL_NOW|fail|mess|screw|ruin|get it wrong|make a "
        "mess|make a fool)",
        _WEAK,
    ),
    (
        "overgeneralising",
        "i @ADVB? keep on? (@FAIL_ING|making (mistakes|the same|a mess|a fool|"
        "bad|stupid)|{LETTING_DOWN}|getting (it|things|everything) wrong|losing (my temper|it|"
        "my cool)|saying (the wrong|stupid|dumb)|doing (the same|this|that|it wrong|stupid)|"
        "falling (apart|behind|short|for)|dropping the ball|giving up|failing|hurting (people|"
        "everyone|them)|pushing (people|everyone) away|breaking)",
        _WEAK,
    ),
    (
        "overgeneralising",
        "(nothing|things) @ADVB? (ever|never)? (works out|work out|goes right|"
        "go right|goes my way|go my way|goes well|go well) (for me)?",
        {"weak": True, "needs_self": True},
    ),
    (
        "overgeneralising",
        "(everything|it) @ADVB? (always|ever)? (goes|go|went) wrong for me",
        _WEAK,
    ),
    ("overgeneralising", "this (always|only ever) happens to me", _WEAK),
    (
        "overgeneralising",
        "why does this (always|only ever|keep) @ANY? (happen|happening) to me",
        _WEAK,
    ),
    (
        "overgeneralising",
        "(everything|all|anything) i @ADVB? (do|make|write|draw|cook|bake|say|touch|try|"
        "create|attempt|produce|paint) ~4 (@NEG_EVAL|wrong|badly|into a (disaster|mess)|to (shit|"
        "crap|"
        "rubbish|pieces)|a (disaster|mess|failure|joke))",
        _WEAK,
    ),
    (
        "overgeneralising",
        "nothing i @ADVB? (do|make|try|say|write|achieve|create) (is|ever|will ever|"
        "works|goes|turns|seems|matters|counts|helps|changes|makes|will|is ever)",
        _WEAK,
    ),
    # --- catastrophising
    (
        "catastrophising",
        "i @ADVB? (have|had)? @ADVB? (ruined|wrecked|destroyed|ruin|wreck|destroy|"
        "blown|blew|thrown away|threw away|screwed up|messed up) (everything|it all|all of it|my "
        "whole? (life|career|future|chances|marriage|relationship|reputation|family|friendship|"
        "day|holiday|birthday)|the (whole|entire) @ANY|our (whole|entire)? (relationship|marriage|"
        "friendship|holiday|trip|day|evening|night|future|weekend)|(everyone|everybody) is "
        "(day|night|evening|holiday|weekend|trip|life|fun))",
        _WEAK,
    ),
    (
        "catastrophising",
        "(everything|it all|all of it|my life|my career|my future|my chances|my "
        "reputation|my whole (life|career|future)|the whole (thing|day|week|year|trip|holiday)) "
        "(is|was|has been|will be|are) @INT* (ruined|over|wrecked|destroyed|finished|doomed|a "
        "disaster|a catastrophe|hopeless|falling apart|in pieces|in ruins|a write off|going to be "
        "ruined)",
        {"weak": True, "needs_self": True},
    ),
    (
        "catastrophising",
        "(everything|it all|all of it|my life|my career|my future) (is|was) "
        "(ruined|over|wrecked|destroyed|falling apart|in ruins)",
        _WEAK,
    ),
    (
        "catastrophising",
        "(this|it|that|today|everything) (is|was) @INT* (the end of the world|"
        "the worst thing|a (total|complete|absolute|utter|massive)? (disaster|catastrophe|"
        "nightmare)|unbearable|unforgivable|the end of (everything|me|my))",
        {"weak": True, "needs_self": True},
    ),
    (
        "catastrophising",
        "i @ADVB? (will|am going to) (never|not ever) (recover|get over this|"
        "live (this|it|that) down|be able to show my face|forgive myself|show my face)",
        _WEAK,
    ),
    (
        "catastrophising",
        "i @ADVB? can (never|not ever) (show my face|face (them|anyone|her|him) "
        "again|go back|live (this|it) down)",
        _WEAK,
    ),
    (
        "catastrophising",
        "i @ADVB? {FUTURE} @ADVB? (lose (everything|my job|everyone|my house|all "
        "my friends|them all)|get fired|be fired|be sacked|get sacked|be kicked out|get kicked out|"
        "end up (homeless|on the street|broke))",
        _WEAK,
    ),
    (
        "catastrophising",
        "i am @INT* (ruined|doomed|finished !with/off/up/now/early/for/at|done for)",
        _WEAK,
    ),
    # --- mind-reading
    (
        "mind-reading",
        "{OTHERS} {MR_ADV}* (think|thinks|thought|believe|believes|see|sees|know|"
        "knows|can tell|could tell|can see|could see|be thinking|are thinking|is thinking|were "
        "thinking|was thinking|find|finds|consider|considers|assume|assumes|reckon|"
        "reckons) (that)? "
        "(i am|i was|i must be|i look|i seem|we are|we were) @INT* (@LABEL_ANY|@NEG_EVAL|rude|"
        "weird|crazy|strange|"
        "odd|cold|mean|unfriendly|awkward|dull|slow|incompetent|unprofessional|a joke|not (good "
        "enough|@POS_ADJ)|too @ANY)",
        _WEAK,
    ),
    ("mind-reading", "{OTHERS} {MR_ADV}* (think|thinks|see|sees|thought|saw) of me as", _WEAK),
    (
        "mind-reading",
        "{OTHERS} {MR_ADV}* (find|finds|found|consider|considers|see|sees) me @INT* (@LABEL_ANY|"
        "@NEG_EVAL|rude|weird|crazy|strange|odd|cold|mean|awkward|dull|too @ANY)",
        _WEAK,
    ),
    (
        "overgeneralising",
        "i @ADVB? (can not|never|can never) do (anything|a thing|a single thing) without "
        "(@FAIL_ING|making a mess|making mistakes|getting it wrong)",
        _WEAK,
    ),
    (
        "catastrophising",
        "(my (life|career|future)|i) (is|am)? @ADVB? (going nowhere|getting nowhere|a dead end|"
        "stuck in a rut|on the scrap heap|washed up)",
        _WEAK,
    ),
    ("comparing", "&SELF_BE_INT behind (in|with)? life", _WEAK),
    (
        "should-statement",
        "behind where i (should|ought to|am supposed to|was supposed to|want to|need to|thought i "
        "would|expected to|hoped to) be",
        {"weak": True, "negation": "ignore"},
    ),
    ("labelling", "&SELF_BE_INT too @ANY to (ever|even)", _WEAK),
    (
        "overgeneralising",
        "!<if/when/unless/case i @ADVB? (have)? (forgot|forgotten|missed|lost|broke|broken|"
        "dropped|burnt|burned|overslept|"
        "spilled|spilt|messed|locked) ~5 (again|as usual|yet again|once again|like always|every "
        "time|per usual)",
        _WEAK,
    ),
    (
        "labelling",
        "how @INT* (@LABEL_ADJ|@NEG_EVAL|awkward|weird|rude|pathetic) i (am|was|have been|look|"
        "looked|sound|sounded|seem|seemed|came across|come across|acted|behaved)",
        _STRONG,
    ),
    ("labelling", "&SELF_BE_INT nothing but @INT* (@LABEL_ANY|@NEG_EVAL @ANY?)", _STRONG),
    (
        "harsh-self-address",
        "^ (you)? @INT* @LABEL_ADJ+ (girl|boy|woman|man|cow|child|kid|thing|person|brain|lump|"
        "fool|idiot) $",
        _STRONG,
    ),
    (
        "fortune-telling",
        "(there is|there is just|there is simply) no way (that)? i (will|am going to|could|can|"
        "would) (ever)? (pass|get|do|make|win|finish|manage|succeed|cope|be|handle|land)",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "personalising",
        "i @ADVB? (drove|drive|pushed|push|chased|chase|scared|scare) (them|him|her|everyone|"
        "everybody|people|my @ANY|all my @ANY|the @ANY) away",
        _WEAK,
    ),
    (
        "mind-reading",
        "{OTHERS} {MR_ADV}* (be|are|is|were|was)? @ADVB? (hate|hates|hated|dislike|"
        "dislikes|can not stand|sick of|tired of|fed up with|annoyed with|annoyed at|annoyed by|"
        "laughing at|laughed at|laugh at|judging|judge|judges|judged|talking about|talked about|"
        "pity|pities|pitied|feel sorry for|felt sorry for|disappointed in|disappointed with|bored "
        "of|bored by|bored with|embarrassed by|ashamed of|avoiding|avoid|avoids|ignoring|ignore|"
        "tolerating|tolerate|tolerates|putting up with|put up with|puts up with) (me|my|myself)",
        _WEAK,
    ),
    (
        "mind-reading",
        "{OTHERS} {MR_ADV}* (do not|does not|did not) (really|actually|even)? (like|"
        "want|care about|respect|trust|love|rate) me",
        _WEAK,
    ),
    (
        "mind-reading",
        "(nobody|no one) @ADVB? (likes|loves|wants|cares|respects|listens|"
        "understands|takes|rates|trusts|could|would|invites|texts|calls|asks|notices|remembers|"
        "wanted|liked|loved|invited|cared|misses|will|is) ~4 (me|someone like me)",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "mind-reading",
        "who (would|could|will) @ADVB? (want|love|like|hire|date|marry|choose|pick|be "
        "friends|fancy|care) ~4 (me|someone like me)",
        _WEAK,
    ),
    (
        "mind-reading",
        "i @ADVB? must (seem|look|sound|come across as|appear) (so|such|really|like)* "
        "(@LABEL_ANY|@JUDGE_ADJ|(a|an) @INT* @NEG_EVAL)",
        _WEAK,
    ),
    (
        "mind-reading",
        "i @ADVB? (probably|must have)? (came across as|come across as|seemed|sounded) @INT* "
        "(@LABEL_ANY|@JUDGE_ADJ)",
        _WEAK,
    ),
    # --- fortune-telling
    (
        "fortune-telling",
        "i @ADVB? {FUTURE} @ADVB? (just|only|definitely|inevitably|surely|"
        "obviously|certainly|totally|completely|end up)? (fail|mess|screw|ruin|blow it|blow this|"
        "embarrass myself|make (a fool|an idiot|a mess|a mistake|a hash|it worse|things worse)|get "
        "(it|everything|this) wrong|{LET_DOWN}|disappoint (everyone|them|you|him|her|people|"
        "everybody)|look (stupid|like an idiot|like a fool|ridiculous)|say something (stupid|dumb|"
        "wrong|embarrassing)|choke|freeze|panic|bomb|flunk|forget (everything|my lines|it all)|be "
        "(rejected|fired|sacked|alone|a failure|a disaster|terrible|awful|useless|laughed at|the "
        "worst|left behind|found out|exposed|single forever|alone forever|a mess|a joke)|end up "
        "(alone|on my own|failing|messing|ruining|in tears|like))",
        _WEAK,
    ),
    (
        "fortune-telling",
        "i @ADVB? (will @ADVB? never|am @ADVB? never going to|am going to @ADVB? never|am not "
        "ever going to|will not ever|am never ever going to) (be|get|find|learn|manage|make (it|"
        "friends|progress|anything|enough)|pass|succeed|"
        "finish|improve|change|understand|amount|achieve|reach|fit|master|win|become|grow|"
        "recover|figure|work (it|this|out)|keep (up|a job|friends|anything)|lose (weight|the "
        "weight)|beat|cope|catch up|land|stick|have (what|a|the|enough|anyone|kids|a family|it)|"
        "meet (anyone|someone|the one)|date|marry|escape|move on|get over|feel (normal|better|"
        "good|okay|happy|like)|measure up|live up|do (anything|it|this|enough|well|better))",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "fortune-telling",
        "i @ADVB? will not ever (be|get|pass|manage|make it|find|succeed|cope)",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "fortune-telling",
        "(there is|what is|is there) @ADVB? no (point|use) (in)? (even)? (trying|"
        "bothering|applying|starting|practising|practicing|studying|trying again|even trying)",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "fortune-telling",
        "what is the point (in|of)? (even)? (trying|bothering|applying|trying again)",
        _WEAK,
    ),
    ("fortune-telling", "^ why @ADVB? (bother|try) $", _WEAK),
    ("fortune-telling", "why (do|should) i @ADVB? (even)? (bother|try)", _WEAK),
    (
        "fortune-telling",
        "(it is|it will be) (pointless|useless|hopeless) (trying|to try|even trying)",
        _WEAK,
    ),
    ("fortune-telling", "no use (trying|bothering)", {"weak": True, "negation": "ignore"}),
    (
        "fortune-telling",
        "{OTHERS} {MR_ADV}* (will|are going to|is going to|would) @ADVB? (reject "
        "me|laugh at me|hate me|fire me|say no|dump me|leave me|see through me|find out|think i am "
        "@INT* (@LABEL_ANY|@NEG_EVAL|weird|rude|crazy))",
        _WEAK,
    ),
    (
        "fortune-telling",
        "(it|this|that|the @ANY|my @ANY|tomorrow|today) (will|is going to|is "
        "gonna|would) @ADVB? (be|go) @INT* (a disaster|a nightmare|a train wreck|terrible|awful|a "
        "mess|embarrassing|humiliating|wrong|badly|horribly|a failure|a car crash)",
        {"weak": True, "needs_self": True},
    ),
    (
        "fortune-telling",
        "(no one|nobody) (will|is going to|is ever going to|would) @ADVB? "
        "(ever)? (love|want|hire|like|date|marry|choose|pick|employ|take|need) me",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "fortune-telling",
        "i @ADVB? (will|am going to) (always|forever) be (alone|single|a failure|"
        "like this|stuck|behind|lonely|unhappy|broke|a loser|useless|a mess|this way)",
        _WEAK,
    ),
    (
        "fortune-telling",
        "i @ADVB? (will|am going to) (die|end up|be) (alone|on my own|by myself)",
        _WEAK,
    ),
    (
        "fortune-telling",
        "i am @ADVB? (bound|sure|certain|destined|doomed|set|going) to (fail|mess|"
        "screw|ruin|blow|disappoint|let|be rejected|end up|get it wrong)",
        _WEAK,
    ),
    # --- personalising
    ("personalising", "{I_HAVE} {MESS_UP}", _WEAK),
    (
        "personalising",
        "(all|entirely|completely|totally|all of it is|everything is|it is all)? "
        "@ADVB? my (fault|own fault|doing)",
        _WEAK,
    ),
    (
        "personalising",
        "i am @ADVB? (the|to)? (only|whole|real|main)? (reason|cause) => ~8 @BAD_OUTCOME",
        _WEAK,
    ),
    (
        "personalising",
        "i am @ADVB? (to blame|the problem|the common denominator|at fault|the one "
        "(to blame|at fault|who (ruined|messed|screwed|broke|caused|ruins|messes|breaks))|the "
        "reason (for|why) (everything|all)|responsible for (everything|all of (it|this)))",
        _WEAK,
    ),
    ("personalising", "because of me", _WEAK),
    (
        "personalising",
        "i @ADVB? (made|make|caused|cause) (them|him|her|everyone|everybody|my @ANY|"
        "people|us) (upset|angry|sad|cry|leave|worry|miserable|mad|unhappy|hate|suffer|"
        "uncomfortable|late|lose|fail|feel bad|sick of)",
        _WEAK,
    ),
    (
        "personalising",
        "i @ADVB? (caused|cause) (this|it|all of this|everything|the (problem|fight|"
        "argument|mess|accident|breakup|break up))",
        _WEAK,
    ),
    (
        "personalising",
        "i @ADVB? (always|just)? (ruin|ruined|spoil|spoilt|spoiled|wreck|wrecked) "
        "(it|things|everything|the @ANY) for (everyone|everybody|them|us|people)",
        _WEAK,
    ),
    (
        "personalising",
        "if only? i (had|would) @ADVB? (been|@PP) ~6 ,? ~4 (would|might|could) (not|still|never)",
        _WEAK,
    ),
    (
        "personalising",
        "i @ADVB? deserve (to suffer|to be punished|to be alone|to be hurt|to be "
        "miserable|to feel (bad|awful|terrible|this|like this|like shit|like crap)|to be unhappy|"
        "to "
        "be hated|to be left|to be lonely|to fail|to lose|it all|every bit|what i get|what i got|"
        "nothing|no (love|one|friends|kindness|happiness|good)|this pain|this (punishment|misery)|"
        "the (pain|misery|punishment|blame)|all of this|everything bad|bad things|to die|to be "
        "dead|worse|to be treated badly|to be left alone)",
        _WEAK,
    ),
    (
        "personalising",
        "(they|he|she|everyone) (left|leave|leaves|went|quit|gave up) because (of me|i)",
        _WEAK,
    ),
    # --- discounting the positive
    (
        "discounting-the-positive",
        "(just|only|pure|sheer|dumb|blind|beginner|beginners) luck",
        _WEAK,
    ),
    ("discounting-the-positive", "i @ADVB? (just|only)? got lucky !with", _WEAK),
    ("discounting-the-positive", "fluke", _WEAK),
    ("discounting-the-positive", "lucky (guess|break|shot|streak|accident|day)", _WEAK),
    ("discounting-the-positive", "(only|just) ~4 by (chance|luck|accident|fluke|a fluke)", _WEAK),
    (
        "discounting-the-positive",
        "(just|only|pure|simply) (chance|coincidence|a coincidence|timing|good timing)",
        {"weak": True, "needs_self": False},
    ),
    (
        "discounting-the-positive",
        "(it|that|this|they|those|these|mine|my @ANY|that @ANY|this @ANY) (does|did|do|will|"
        "would) not (really)? count !in/towards/toward/as/on",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "discounting-the-positive",
        "(anyone|anybody) (could|can|would) (have)? (done|do|pass|passed|"
        "manage|managed|get|got|win|won|make|made|write|written|finish|finished|achieve|achieved)",
        _WEAK,
    ),
    (
        "discounting-the-positive",
        "{OTHERS} {MR_ADV}* (are|is|were|was) (just|only) (being|trying "
        "to be) (nice|kind|polite|friendly|generous|supportive|charitable)",
        _WEAK,
    ),
    (
        "discounting-the-positive",
        "(just|only) (said|says|say|saying) (it|that|so|this) (to be|because|out of|to make)?",
        _WEAK,
    ),
    (
        "discounting-the-positive",
        "(they are|she is|he is|you are) (just|only) saying (that|it)",
        _WEAK,
    ),
    ("discounting-the-positive", "(just|only) @ACHIEVE ~4 because", _WEAK),
    ("discounting-the-positive", "@ACHIEVE ~4 ,? (but)? (only|just) because", _WEAK),
    ("discounting-the-positive", "(feel|felt|feels) sorry for me", _WEAK),
    (
        "discounting-the-positive",
        "(it|that|this) (was|is|went) only (@ANY)? (because|thanks to)",
        {"weak": True, "needs_self": True},
    ),
    ("discounting-the-positive", "out of pity", _WEAK),
    (
        "discounting-the-positive",
        "i @ADVB? (do not|did not) @ADVB? deserve @DESERVE_POS "
        "!treated/spoken/talked/hurt/yelled/shouted/abuse/pain/treatment",
        {"negation": "ignore"},
    ),
    (
        "discounting-the-positive",
        "i @ADVB? do not @ADVB? deserve (this|that) (@SELF_PRODUCT|job|"
        "promotion|raise|award|prize|praise|love|kindness|help|support|place|spot|role|chance|"
        "opportunity|friendship|compliment|grade|mark|result|success|win|family|house|holiday|"
        "gift|present|happiness|attention)",
        {"negation": "ignore"},
    ),
    (
        "discounting-the-positive",
        "i @ADVB? do not @ADVB? deserve (to (be|live|exist|have|feel "
        "good|succeed|win|pass|relax|enjoy|rest|breathe) !treated/spoken/talked/hurt/yelled/"
        "shouted/like/abused/punished|@DESERVE_POS $)",
        {"negation": "ignore"},
    ),
    (
        "discounting-the-positive",
        "i @ADVB? did not @ADVB? (really|actually|truly)? (earn|"
        "deserve) (it|this|that|any of it|the @ANY|my @ANY|to (win|pass|get|be|have|succeed))",
        {"weak": True, "negation": "ignore"},
    ),
    # --- comparing
    (
        "comparing",
        "(everyone|everybody) else @ADVB? (seems|seem|seemed|can do|can manage|can cope|"
        "knows|know|gets|gets it|get it|manages|manage|finds it|find it|looks|look|understands|"
        "copes|handles|makes it|succeeds|already|somehow|has (it|their|his|her|a|everything|"
        "figured|sorted|got|so|more|already|achieved|managed|found|done|made|bought)|have (it|"
        "their|a|everything|figured|sorted|got|so|more|already|achieved|managed|found|done|made|"
        "bought)|is (so|doing|better|ahead|further|smarter|happier|more|married|settled|thriving|"
        "coping|managing|getting|moving|succeeding|winning|sorted|normal|naturally|effortlessly|"
        "perfect|together|confident|successful|good|great|brilliant|amazing|talented|clever)|are "
        "(so|doing|better|ahead|further|smarter|happier|more|married|settled|thriving|coping|"
        "managing|getting|moving|succeeding|winning|sorted|normal|naturally|perfect|together|"
        "confident|successful|good|great|brilliant|amazing|talented|clever))",
        _WEAK,
    ),
    (
        "comparing",
        "(@CMP_ADJ|more @CMP_MORE|so much better|further (ahead|along)|ahead of me) "
        "(at @ANY|at @ANY @ANY)? than (me|i (am|will|ever)|myself)",
        _WEAK,
    ),
    (
        "comparing",
        "i am @INT* (@LESS_ADJ|less @POS_ADJ) than (everyone|everybody|anyone|them|her|"
        "him|my @ANY|other|others|the others|the rest)",
        _WEAK,
    ),
    (
        "comparing",
        "{SELF_BE} not @INT* as (@POS_ADJ|far|far along|successful|talented|together|"
        "good|quick|fun) as",
        {"weak": True, "negation": "ignore"},
    ),
    ("comparing", "i will never be (as|like) @ANY", {"weak": True, "negation": "ignore"}),
    (
        "comparing",
        "i am @ADVB? the only (one|person) (here|in (the|my) @ANY)? (who|that) @ADVB? "
        "(can not|does not|has not|is not|failed|fails|struggles|struggled|messed|gets|got|did not|"
        "is still|has no|has nothing|never|always|still can not|still does not|still has not|"
        "still is not|keeps|can never)",
        {"weak": True, "negation": "ignore"},
    ),
    ("comparing", "why (can not|could not) i (just)? be (more)? (like|as)", _WEAK),
    ("comparing", "why am i not (more)? (like|as)", _WEAK),
    ("comparing", "i @ADVB? wish i (was|were|could be) (more|as)? (like|as) @ANY", _WEAK),
    (
        "comparing",
        "compared (to|with) ~4 ,? i (am|feel|look|seem) like? @INT* (nothing|"
        "@LABEL_ANY|(a|an) @NEG_EVAL|a joke|behind|worthless|a nobody|so @ANY)",
        _WEAK,
    ),
    (
        "comparing",
        "&SELF_BE_INT (behind|inferior|worse|nothing|a failure|useless|rubbish|"
        "terrible|pathetic|so @ANY|a joke) compared (to|with)",
        _WEAK,
    ),
    (
        "comparing",
        "i am @INT* (so|way|miles|years|light years|far|really|massively)? behind "
        "(everyone|everybody|my (friends|peers|classmates|colleagues|siblings|brother|sister|"
        "cousins|mates)|others|other people|people my age|the rest|the others)",
        _WEAK,
    ),
    (
        "comparing",
        "(all|most) (of)? my (friends|peers|classmates|colleagues|siblings|cousins|"
        "mates) ~6 ,? (and|but|while|whereas)? (here)? i (am|have|still|can not|just|only|do not|"
        "have not)",
        _WEAK,
    ),
    (
        "comparing",
        "(everyone|everybody) (my age|around me|i know|else i know) ~6 ,? (and|but|"
        "while|whereas)? (here)? i (am|have|still|can not|just|only|do not|have not)",
        _WEAK,
    ),
    (
        "comparing",
        "(everyone|everybody|others|other people|all of them|they all) (is|are|seems|"
        "seem|looks|look) ~2 (@CMP_ADJ|more @CMP_MORE|so much better)",
        {"weak": True, "needs_self": True},
    ),
    (
        "comparing",
        "(other people|others|everyone else|everybody else|they) (all)? (make it look|"
        "find it|have it|have got it) (so|really|much)? (easy|effortless|simple|good|sorted|"
        "together|figured out|all figured out)",
        _WEAK,
    ),
    ("comparing", "(everyone|everybody) ~6 (except|apart from|but|other than) me", _WEAK),
    # --- round six: subject dropped, whole-plan verdicts, fates foretold, small wins discounted
    ("should-statement", "^ {SHOULD} (not|never)? (have|of) @ADVB? (not|never)? @ADVB? @PP", _WEAK),
    (
        "overgeneralising",
        "(nothing|not one thing|not a single thing) i @ANY @ADVB? @ADVB? (turns out|goes|works "
        "out|works|comes out|goes to plan) @ADVB? (right|well|okay|ok|good|properly|fine)?",
        {"negation": "ignore"},
    ),
    (
        "overgeneralising",
        "everything i @ANY @ADVB? @ADVB? (turns out|goes|comes out|ends up) @ADVB? (wrong|badly|"
        "bad|terrible|awful|rubbish|a mess|a disaster|pear-shaped)",
        _STRONG,
    ),
    (
        "all-or-nothing",
        "(whole|entire) @ANY? @ANY? (is|was|will be|would be|are|were|becomes|feels)? @ADVB? "
        "(pointless|worthless|ruined|wasted|a waste|for nothing|useless|meaningless|a failure|"
        "over|a write-off|down the drain|a disaster)",
        {"needs_self": True},
    ),
    (
        "all-or-nothing",
        "either i ~6 or (i|it|everything|the whole|my) ~3 (wasted|failed|pointless|worthless|"
        "a failure|a waste|for nothing|ruined|over|nothing|useless|thrown away|blown|let down)",
        _STRONG,
    ),
    (
        "all-or-nothing",
        "(might|may) as well @ADVB? (quit|give up|stop|not bother|throw in the towel|forget it|"
        "drop out|pack it in|give it up|stop trying|stop bothering)",
        {"needs_self": True},
    ),
    (
        "catastrophising",
        "i @ADVB? (have|had)? @ADVB? wasted @ANY? @ANY? (years|months|decades) (of my life)?",
        _WEAK,
    ),
    (
        "catastrophising",
        "i am @ADVB? (getting|going to get|bound to get|about to get|sure to get) @ADVB? (fired "
        "!up|sacked|dumped|kicked out|expelled|thrown out|let go|evicted|found out)",
        _WEAK,
    ),
    (
        "catastrophising",
        "i @ADVB? (will|am going to|am @ADVB? going to) @ADVB? (lose|end up losing) (the|my) "
        "(flat|house|job|home|kids|friends|everything|partner|place|course|degree|licence|"
        "license)",
        _WEAK,
    ),
    (
        "catastrophising",
        "(damaged|ruined|scarred|traumatised|traumatized|messed up|screwed up|broken|failed|"
        "fucked up) (him|her|them|my @ANY|the kids) (for life|forever|permanently|for good|"
        "beyond repair)",
        _STRONG,
    ),
    (
        "mind-reading",
        "(i bet|bet|i am sure|i just know|i know) ~5 (laughing at|talking about|judging|gossiping "
        "about|sniggering at|mocking|cringing at|cringing about|rolling (their|her|his) eyes at|"
        "hate|hates|sick of|fed up with) (me|my @ANY|how|what i|that i)",
        _STRONG,
    ),
    (
        "discounting-the-positive",
        "(only|the only) reason (why|that)? i @ADVB? (passed|got|won|did|made|was|managed|am|get|"
        "pass|have|succeeded|finished|scored)",
        _STRONG,
    ),
    (
        "discounting-the-positive",
        "(it|that|this|which|mine) @ADVB? (barely|hardly|does not @ADVB?|did not @ADVB?) "
        "(even)? (really)? (count|counts)",
        {"needs_self": True, "weak": True, "negation": "ignore"},
    ),
    (
        "discounting-the-positive",
        "(only|just) (liked|like|likes|said|praised|complimented|chose|picked|hired|invited|"
        "loved|love|ate|bought|asked|accepted|promoted|passed|clapped|laughed) ~4 (because|since)"
        " (they|she|he|it|everyone|there|the|i was lucky|of)",
        _STRONG,
    ),
    (
        "comparing",
        "(everyone|everybody|all my @ANY|people|my @ANY|other @ANY|others) (else)? ~8 (and|but|"
        "while|whereas|yet) i (am|have|can|could)? (not)? @ADVB? (still|just|only|barely|never|"
        "nowhere|hardly) !miss/love/remember/think/cry/visit/talk/see/hear/call/wear/keep/smile/"
        "laugh/go/feel/have/dream/pray/light/set/look/here/alive/standing/going/breathing",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "comparing",
        "(has|have|got) (her|his|their) (life|lives|shit|stuff|act) (sorted|together|figured out"
        ") (and|but|while|whereas) i",
        _WEAK,
    ),
    (
        "comparing",
        "compared (to|with) ~5 (i|my) ~3 (@NEG_EVAL|like a|like an|worse|nothing|a joke)",
        _STRONG,
    ),
    (
        "labelling",
        "&SELF_BE_INT the (family|class|office|team|group|resident|local|token|house|biggest|"
        "whole) @LABEL_NOUN",
        _STRONG,
    ),
    (
        "mind-reading",
        "(everyone|everybody|they|people|@OTHERS) ~4 (could|can|would|will) @ADVB? (tell|see|sense|"
        "notice) (that)? i (did not|do not|was not|am not|was|am) @ADVB? (belong|fit in|good "
        "enough|wanted|welcome|@LABEL_ADJ|(a|an) @INT* @LABEL_NOUN)",
        _STRONG,
    ),
    ("personalising", "(is|was|will|it is|that is) (all)? (be)? @ADVB? (on|down to) me $", _WEAK),
    (
        "comparing",
        "(earns|makes|has|gets|does|achieved|achieves|got) (twice|double|three times|way more|so "
        "much more|more|far more) (what|than) i",
        _WEAK,
    ),
    ("comparing", "(so|then|but) why (can not|could not|do not|am not) i @ADVB? $", _WEAK),
    (
        "should-statement",
        "i @ADVB? {SHOULD} (not|never)? (have|of) @ADVB? (double|triple|just|even|at least) @PP",
        _WEAK,
    ),
    ("should-statement", "why (did not|do not) i @ADVB? just", _WEAK),
    (
        "should-statement",
        "instead of (wasting|messing|faffing|scrolling|procrastinating|sitting|lazing)",
        {"weak": True, "needs_self": True},
    ),
    (
        "overgeneralising",
        "(every time|everytime|whenever|each time) i ~6 (it|everything|i) @ADVB? (comes out|goes|"
        "turns out|ends up|come out) @ADVB? (wrong|badly|bad|a mess|awful|terrible|rubbish)",
        _STRONG,
    ),
    (
        "overgeneralising",
        "like i (do|always do|did) with (everything|anything|everything else|every @ANY)",
        _WEAK,
    ),
    (
        "all-or-nothing",
        "(years|months|weeks|work|effort|practice|training|time|hours|all that|all this) ~3 (was|"
        "were|will be|would be|are|is|will have been) @ADVB? (for nothing|wasted|a waste|"
        "pointless|worthless|meaningless|in vain)",
        {"needs_self": True},
    ),
    (
        "all-or-nothing",
        "(there is|there are) no (in between|in-between|middle ground|grey area|gray area|halfway)",
        {"needs_self": True},
    ),
    (
        "discounting-the-positive",
        "(just|only) (a|the)? (polite|nice|kind|nicer|gentle|soft) (way|word) (of|for|to) (saying|"
        "say)",
        {"needs_self": True},
    ),
    (
        "discounting-the-positive",
        "(they|she|he|people|everyone|you) (would|will) (say|do) that (to|for) (anyone|anybody|"
        "everyone|everybody)",
        {"needs_self": True, "weak": True},
    ),
    (
        "discounting-the-positive",
        "(is|are|was|were|get|gets) paid to (say|do|be nice|tell|like|praise)",
        {"needs_self": True, "weak": True},
    ),
    (
        "discounting-the-positive",
        "(passed|won|got it|did it|managed|got in|got through) but (only|just) (because|since)",
        _STRONG,
    ),
    (
        "discounting-the-positive",
        "^ (does not|did not) (really|even)? count $",
        {"needs_self": True, "weak": True, "negation": "ignore"},
    ),
    (
        "discounting-the-positive",
        "(it|that|this) (was|is) @ADVB? (just|only|pure|all)? (luck|a fluke|chance|beginner luck|a "
        "one off|a one-off) ~6 (nothing|not) (to do with|down to) me",
        {"weak": True, "negation": "ignore"},
    ),
    (
        "catastrophising",
        "(will|are going to|is going to|gonna) @ADVB? (evict|sack|fire|dump|leave|expel|kick out|"
        "sue|disown) (us|me)",
        _WEAK,
    ),
    (
        "catastrophising",
        "i @ADVB? will @ADVB? (have)? (lost|lose|ruined|ruin|blown) (everything|it all|all of it)",
        _WEAK,
    ),
    (
        "fortune-telling",
        "i @ADVB? (will|am going to|am @ADVB? going to) @ADVB? end up (dropping out|failing|"
        "quitting|giving up|alone|on my own|losing|ditching|messing|ruining|getting fired|broke|"
        "homeless|single|dropping|abandoning|letting)",
        _WEAK,
    ),
    (
        "fortune-telling",
        "(going to|will|is going to) @ADVB? (go|end|turn out) @ADVB? (badly|wrong|horribly|"
        "terribly|awfully|pear-shaped) (like|just like|as) ",
        {"weak": True, "needs_self": True},
    ),
    (
        "fortune-telling",
        "(will|going to|is going to) be me (sat|sitting|stuck|alone|on my own|left|doing nothing|"
        "achieving nothing)",
        _WEAK,
    ),
    (
        "mind-reading",
        "{OTHERS} {MR_ADV}* (think|thinks|thought|reckon|reckons|know|knows) (that)? i am (doing|"
        "making) (a|such a|an) @INT* (@NEG_EVAL|@LABEL_ADJ) (job|mess|hash)",
        _WEAK,
    ),
    (
        "mind-reading",
        "{OTHERS} {MR_ADV}* (is|are)? @ADVB? (laughing at|judging|talking about|cringing at|"
        "mocking) what i (posted|said|wrote|did|sent|wore|look like|put)",
        _WEAK,
    ),
    (
        "personalising",
        "(down to|because of|due to|thanks to) me @ADVB? (being|not being) @INT* (@LABEL_ANY|"
        "@NEG_EVAL|good enough)",
        _STRONG,
    ),
    (
        "personalising",
        "(it is|it was|must be|must have been|is probably|was probably) (something|because of "
        "something|what) i (did|said|did not do|wrote|forgot)",
        _WEAK,
    ),
    (
        "comparing",
        "(is|are|was|were) (already)? (miles|way|so far|streets|light years|years) ahead (of me)?",
        {"weak": True, "needs_self": True},
    ),
    (
        "personalising",
        "(is|was|are|were) (all)? @ADVB? because (of)? (i|me|my) @ADVB? (did not|never|was not|"
        "could not|have not|had not|failed to|forgot to|was too|was) ~3 (him|her|them|there)",
        _STRONG,
    ),
    # Session three: forms the blind batches showed.
    ("harsh-self-address", "^ look at you (,)? ~4 (still|again|and still|always)", _STRONG),
    (
        "catastrophising",
        "i (will|am going to) (be|get) (humiliated|laughed at|a laughing stock|ruined|exposed|"
        "found out|fired|sacked|dumped|left behind)",
        _WEAK,
    ),
    (
        "catastrophising",
        "my? (talk|presentation|interview|exam|date|speech|party|meeting|new job|first day|"
        "performance|recital|audition|test) (is|will be) (going to be)? @ADVB? (a|an)? @ADVB? "
        "(disaster|catastrophe|nightmare|train wreck|trainwreck|total mess|embarrassment|"
        "humiliation|end in disaster)",
        {"weak": True, "needs_self": True},
    ),
    (
        "catastrophising",
        "(will|is going to) end in (disaster|tears|failure|humiliation) like (the|my) (last|"
        "other) (one|time|job|ones)",
        _WEAK,
    ),
    (
        "mind-reading",
        "(i|so i) must have (upset|annoyed|offended|hurt|bored|disappointed|irritated|angered|"
        "put off|said something)",
        _WEAK,
    ),
    ("comparing", "got all the (brains|talent|looks|luck|charm|common sense)", _WEAK),
    ("comparing", "(i|and i) got (whatever|what) (was)? left (over)?", _WEAK),
    (
        "discounting-the-positive",
        "hired me ~4 (mistake|by mistake|regret it|will regret|figure it out|realise|realize)",
        _WEAK,
    ),
    (
        "should-statement",
        "^ (a)? (real|proper) (adult|adults|grown up|grown ups|grownup|runner|runners|artist|"
        "artists|writer|writers|parent|parents|man|men|woman|women|professional|professionals|"
        "mum|mom|dad) (would|do not|would not|would never|never|does not|would have|should|"
        "can|could|go|know|manage)",
        {"weak": True, "needs_self": False},
    ),
    (
        "discounting-the-positive",
        "(just|only|mere|pure) (politeness|pity|charity|being polite|luck)",
        {"weak": True, "needs_self": False},
    ),
    (
        "discounting-the-positive",
        "(was|is) (nothing|no big deal|not a big deal) (,)? real (runners|artists|writers|"
        "athletes|cooks|people|adults|musicians)",
        {"weak": True, "needs_self": False},
    ),
    # Session four: gaps seen in earlier blind batches, by concept.
    (
        "mind-reading",
        "{OTHERS} {MR_ADV}* (regret|regrets|regretted|rue|rues) (ever)? (hiring|picking|choosing|"
        "inviting|marrying|having|meeting|dating|befriending|taking on|asking|promoting|adopting) "
        "me",
        _WEAK,
    ),
    (
        "mind-reading",
        "(can|could) (hear|see|tell|smell) me ~8 (they|he|she|everyone|everybody|people) (must|"
        "probably|definitely|all|secretly) (hate|hates|resent|resents|dread|dreads|mock|mocks|"
        "judge|judges|laugh at) (it|that|me|this)",
        _WEAK,
    ),
    (
        "mind-reading",
        "{OTHERS} {MR_ADV}* (must|probably|definitely|surely) (have)? (noticed|seen|heard|spotted) "
        "(my|me|how (nervous|awkward|red|stupid|useless|bad) i)",
        _WEAK,
    ),
    (
        "fortune-telling",
        "(going to|will|is gonna|are going to|are gonna) (find out|realise|realize|notice|see "
        "through me|figure out) ~2 i (do not know what i am doing|am a (fraud|fake|phony|"
        "impostor)|have no idea what i am doing|am (useless|incompetent|not good enough))",
        _WEAK,
    ),
    (
        "labelling",
        "(feels|felt|feel|seems|seemed|looks|looked) like (a|an) (total|complete|utter|absolute|"
        "massive|huge)? (failure|disaster|fail|letdown|let down|mess)",
        _WEAK,
    ),
    (
        "labelling",
        "(says|said|shows|showed|tells you) (everything|a lot|it all|so much|all you need to know) "
        "about me",
        _WEAK,
    ),
    ("labelling", "(am|i am|be|being|like) (just)? (a|such a|the)? dead weight", _WEAK),
    (
        "harsh-self-address",
        "no wonder (they|people|nobody|no one|everyone|everybody|she|he) ~5 (you|your)",
        _WEAK,
    ),
    (
        "catastrophising",
        "(thrown|threw|throwing|throw|blown|blew|blowing|pissed|pissing) (my|the|our) (degree|"
        "career|future|chance|chances|life|marriage|relationship|scholarship|whole life) away",
        _WEAK,
    ),
    (
        "personalising",
        "because of (something|what|the thing|the things|something stupid|whatever) i (said|did|"
        "wrote|posted|sent|forgot)",
        _WEAK,
    ),
    (
        "overgeneralising",
        "i (can not|can never|never) @ADVB? (look after|keep|finish|manage|get|do) anything "
        "(right|alive|properly|well)?",
        _WEAK,
    ),
]

# Suppressors: a finding after one of these, in the same sentence, is not the person's own
# present self-criticism (defusion, someone else's words, a past belief, permission).
_MARKER_RULES: list[tuple[str, str]] = [
    # defusion: scope is the rest of the sentence
    (
        "defusion",
        "having (the|a|this|that|these|those|some)? (thought|thoughts|feeling|story|idea|belief)",
    ),
    (
        "defusion",
        "the (thought|story|idea|belief|voice|critic) (that|of|says|is saying|saying|"
        "tells|is telling|keeps|whispers|said)",
    ),
    (
        "defusion",
        "(critic|critics|critical voice|inner voice|that voice|a voice|the voice|old "
        "story|same story|usual story)",
    ),
    ("defusion", "(thought|thoughts) (like|such as|that|of)"),
    ("defusion", "(the|a|this|that|my) (thought|story)"),
    (
        "defusion",
        "(my|the|your) (mind|brain|head|thoughts|thought|gremlin|inner|monkey) (is|are|"
        "keeps|keep)? (telling|saying|says|say|tell|tells|said|told|shouting|whispering|yelling|"
        "screaming|insisting|insists|insisted|going|goes|offering|offers|throwing|jumping|jumps|jumped|"
        "leaping|leaps|racing|spinning|spiralling|spiraling|running)",
    ),
    ("defusion", "(a|one|some|part) part of me"),
    (
        "defusion",
        "part of me (thinks|says|believes|feels|is saying|keeps saying|wants|worries|insists|"
        "is convinced|tells me|whispers|fears)",
    ),
    ("defusion", "(@ANY)? voice (,)? not (mine|my own)"),
    (
        "defusion",
        "i @ADVB? (notice|noticed|am noticing|can notice|observe|am observing|am aware|"
        "catch|caught|am catching) (that|how|myself|the|my|a|i|it|there|this)?",
    ),
    ("defusion", "(noticing|catching myself|caught myself)"),
    ("defusion", "(here|there) (is|comes|goes) (the|that|my)"),
    ("defusion", "not true (that)?"),
    (
        "defusion",
        "(says|is saying|keeps saying|said|was saying|tells me|is telling me|told me|"
        "keeps telling me) (that)? => (i|you|my|your)",
    ),
    (
        "defusion",
        "(stopped|stop|quit|no longer|instead of) (calling|thinking|believing|telling|"
        "saying|seeing|talking|beating)",
    ),
    (
        "defusion",
        "(do not|will not|try not to|trying not to|am learning not to|learning not to|"
        "would never) (call|tell|say to|think of|talk to|speak to) (myself|a friend|anyone|"
        "someone)",
    ),
    # reported past: scope is the rest of the clause
    ("past", "used to (think|believe|call|say|tell|feel|be|see|worry|assume|have|hate|get)"),
    ("past", "(would|used to) @ADVB? (call|tell|say to) myself"),
    (
        "past",
        "(when i was|as a) (younger|a kid|a child|little|small|at school|a teenager|in "
        "school|kid|child|teenager|teen)",
    ),
    ("past", "(back then|in the past|years ago)"),
    (
        "past",
        "spent (years|months|ages|so long|a long time|most of my life|my life|my twenties|my "
        "teens|decades) (telling|calling|thinking|believing|convincing)",
    ),
    (
        "past",
        "(last|a few|few|many|for|some) (year|years|month|months|week|weeks) ~3 (told|called|"
        "thought|believed|convinced) myself",
    ),
    (
        "defusion",
        "^ (when i was|as a) (younger|a kid|a child|little|small|at school|a teenager|in school|"
        "kid|child|teenager|teen)",
    ),
    ("past", "i @ADVB? once (thought|believed|felt)"),
    ("past", "(told|convinced|kept telling) myself (that)? => i (was|were|had)"),
    (
        "past",
        "i @ADVB? (thought|believed|assumed|feared|worried|was sure|was convinced|was "
        "certain|was afraid|was worried|was scared|was terrified|expected) (that)? => i",
    ),
    # permission: scope is the rest of the clause
    ("permission", "(allowed|okay|ok|fine|alright|permitted|normal|human|natural) (to|if|that)"),
    ("permission", "(even if|what if|whether or not|even when)"),
    ("permission", "(do not|does not|did not) (have|need) to"),
    # a claim taken back: "one bad run doesn't mean I'm never going to get fitter"
    (
        "reframe",
        "(does not|do not|did not|will not|would not|need not) @ADVB? (mean|prove|make) (that)?",
    ),
    ("reframe", "not (proof|evidence|a sign|a verdict|a measure) (that|of)?"),
    ("reframe", "(does not|do not|did not|will not) (define|decide|determine) (me|my|who)"),
    ("past", "back (in|at|when|during) (uni|school|college|university|the day|my @ANY|i)"),
    ("defusion", "(my|an|the|that|this) old (habit|pattern|way|script|routine|reflex|voice)"),
]

# Kind riders: weak findings in a sentence that also says one of these (or says it in the next
# sentence) read as self-compassion: "I messed up, and that's okay."
_RIDER_RULES: list[str] = [
    "(that|it|this|which) is @ADVB? (@RIDER_OK|(a|an) @ADVB? (normal|natural|human|common|"
    "understandable|fixable) @ANY?|part of)",
    "(that|it|this) is not the end of the world",
    "it happens",
    "happens to (everyone|everybody|the best|all of us|us all)",
    "(everyone|everybody) (makes|messes|gets|slips|fails|struggles|has)",
    "(nobody|no one) is perfect",
    "i am @ADVB? (only|just)? human",
    "i am @ADVB? (learning|still learning|allowed|getting better|doing my best|doing the best|"
    "trying|growing|improving|proud|okay|ok)",
    "i @ADVB? (can|will|am going to) @ADVB? (learn|try again|fix|make it right|put it right|"
    "make amends|apologise|apologize|do better|get better|be okay|be fine|improve|keep trying|"
    "practise|practice|start again|forgive|grow|ask for help|have another go|give it another)",
    "next time",
    "try again",
    "learn from",
    "(shows|showed|teaches|taught|tells|told) me (what|how|where|that|something)",
    "(i|i will) (forgive myself|be gentle|go easy)",
    "(did|doing) (my|the) best",
    "be kind to myself",
    "proud of",
    "yet $",
    "(and|but) that is (enough|allowed|human)",
    "(only|just) (failed|messed up|got wrong|missed|fluffed|botched|lost|flunked) ~3 one (test|"
    "thing|exam|time|question|part|day|game|match|interview|step|round)",
    "i am @ADVB? (still)? (learning|new to this|a beginner|only human|just tired|exhausted|tired)",
    "i am still (worth|a good|lovable|loved|okay|ok|learning|growing|improving|enough|a decent|"
    "decent|a kind|kind|good enough|worthy|valuable|likeable|likable)",
    "(a|one) (bad|hard|tough|rough|long) (day|week|moment|afternoon|morning|night|year)",
    "(learning curve|part of (learning|being human|life|the process|growing))",
    "(shows|means) (that)? i care",
    "because i care",
    "but (now|today|these days|nowadays|this time)",
    "(at first|at the start)",
    "i will (set|leave|start|plan|check|ask|call|text|write|book|change|make sure|remember|put|"
    "get up|double check|sort it|sort that|fix that|fix it)",
    "(it|that|this) @ADVB? still? (tasted|turned out|was|looked|went|worked|came out) (out)? "
    "@ADVB? (good|fine|okay|ok|great|well|alright|nice|lovely)",
    "!<point/no (booking|book|having|have|try|trying) (another|again) (one|go|try|attempt|lesson)?",
    "(love|enjoy|like) (it|doing it) anyway",
    # The kind turn after naming a hard moment: "I felt stupid asking, but I'm glad I asked".
    "(but|and|yet) i @ADVB? (kept going|kept at it|kept singing|kept trying|got up|finished|"
    "carried on|owned it|fixed it|learned|tried again|did it anyway|pushed through|made it|got "
    "through|survived|recovered|bounced back|still did|still finished|still went)",
    "(glad|happy|proud|pleased|relieved) (that)? i (asked|tried|went|did|spoke up|said|showed up|"
    "turned up|kept going|stuck with it|gave it a go)",
    "(closer|better|further|stronger) than (i was|before|last time|i used to be)",
    "look at me now",
    "(laughed|laughing|laugh) with me",
    "(found|find|finding) my way (back|through)",
    "(treat|treating|be|being|go|going) (myself)? @ADVB? (gently|kindly|softly|easy on myself)",
    "(is|are|feels|was) @ADVB? (allowed|okay to feel|valid)",
    "(second|third|fourth|fifth|next|last) (one|loaf|try|attempt|go|time|batch|cake|draft) (was|is|"
    "came out|turned out) @ADVB? (perfect|great|good|better|fine|lovely|brilliant)",
    "(tomorrow|today) is (another|a new) day",
    # Common humanity: "every parent loses their temper sometimes".
    "^ (every|everyone|everybody|most|all|lots of|plenty of|many) ~6 (sometimes|at times|now "
    "and then|from time to time|occasionally|at first)",
    "^ (every|most|all) (new|first time)? (parent|parents|writer|writers|beginner|beginners|"
    "student|students|person|people|human|humans|adult|adults|artist|artists|learner|learners|"
    "musician|musicians|cook|cooks|runner|runners) (has|have|makes|make|gets|get|feels|feel|"
    "struggles|struggle|produces|produce|writes|write|forgets|forget|loses|lose)",
]
# Defused after the fact: "I'm useless. That's just a thought."
_POST_DEFUSION_RULES: list[str] = [
    "(just|only|merely) (a|an|the)? (old)? (thought|story|feeling|habit|pattern|reflex|script|"
    "tape|voice)",
    "(that is|this is|it is|that was|there is|there is some) (just)? (catastrophising|"
    "catastrophizing|mind reading|all or nothing|black and white thinking|labelling|labeling|"
    "fortune telling|overgeneralising|overgeneralizing|my critic|the critic talking|a "
    "thinking trap|a thinking error|a distortion)",
    "not the truth",
    "(thoughts|a thought|feelings|a feeling) (is|are) not (facts|a fact|true)",
    "not (a fact|facts)",
    "(that|it|this) is not true",
    "(that|this) is (just)? the critic",
    "(that is|this is|here is|there is|it is) the ~6 (voice|critic|story|tape|script|gremlin)",
    "(i|but i) (do not|will not) (believe|buy) (it|that|them|this)",
    "(story|script|tape|record|narrative|soundtrack) (is|was) @ADVB? (playing|running|on repeat|"
    "back|starting|at it)",
    "(do not|does not|will not|need not) have to (follow|listen to|believe|obey|agree with|act on|"
    "buy) (it|that|them|this|him|her)",
]

_CRISIS_RULES: list[str] = [
    "@INTENT ~4 (kill|killing|off|offing|unalive|end|ending|hang|hanging|drown|drowning|poison|"
    "poisoning|suffocate) myself",
    "@INTENT ~4 (shoot|shooting) myself !in",  # not "in the foot"
    "(shoot|shooting|shot) myself in the (head|face|chest|mouth|temple|heart|neck)",
    "(kill|killing|killed|kills|off|offing|offed|unalive|unaliving|unalived|end|ending|ended|hang|"
    "hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|suffocate) myself "
    "!@IDIOM_AFTER_MYSELF",
    "(kms|kys|ctb|ctbing|unalive|unaliving|unalived|sewerslide|suicidal|selfharm)",
    # An overdose is crisis language, unless it is of sunshine or drama.
    "!<@FUN_OVERDOSE (overdose|overdosing|overdosed|od|oded|od'd) !on/of/deaths/death/"
    "prevention/crisis/awareness/rates/rate/epidemic/kit/kits/statistics",
    "(overdose|overdosing|overdosed|od|oded|od'd) (on|of) (my|the|all|all my|a|some|his|her|"
    "those|these|whatever)? @ANY? @ANY? (pills|tablets|meds|medication|medicine|painkillers|"
    "paracetamol|tylenol|ibuprofen|aspirin|insulin|heroin|drugs|antidepressants|sleepers|"
    "opioids|oxy|fentanyl|xanax|valium|sleeping)",
    "!<@SUICIDE_BEFORE suicide !@SUICIDE_AFTER",
    "self (harm|harming|harmed|injury|injure|injuring|destruct)",
    "(end|ending|ended|take|taking|took) my own? life !savings",
    "(end|ending) it all",
    "(end|ending|ended) (everything|myself)",
    "@INTENT ~3 (end|ending) (it|things) $",
    "(want|wants|wanting|wanna|wanted|wish|wishing|wished|ready|deserve|deserved|deserves|going|"
    "prefer|hope|hoping|hoped|pray|prays|praying|prayed|long|longing) ~2 to @ADVB? die "
    "!of/from/laughing",
    "!<could (rather|should|just|might|let me|feel like) @ADVB? (die|dying|be dead) "
    "!of/from/laughing/than/to/inside",
    "feel like (disappearing|dying|ending it|ending things|not existing|giving up on life|"
    "killing myself|hurting myself|i want to die)",
    "hope i @ADVB? die",
    "@WISH ~3 (i was|i were|i could be|to be|i am) @ADVB? dead",
    "better off (dead|without me|if i (was|were|am|was not|were not|did not|had not))",
    "better without me",
    "(happier|better|easier|fine|okay|ok|relieved) (off)? without me",
    "(would|will) be (happier|better|easier) (off)? without me",
    "(nobody|no one|none of them|who|who would|anyone) (would|will|even|could)? @ADVB? (miss|"
    "notice|care|mind) (me|if|when|that i|i|about me)",
    "(nobody|no one) @ADVB? cares (about me|if i|whether i)",
    "(not|never) want to (be here|be alive|exist|live|wake up|go on|keep going|carry on|keep "
    "living|continue|be around|be in this world) (anymore|any more|any longer|ever again|again|"
    "at all|tomorrow|like this|in this world|on this earth|living)? $",
    "(not|never) want to (live|exist|be alive|be here|wake up|go on|keep going|carry on|keep "
    "living|continue|be around) (anymore|any more|any longer|like this|ever again)",
    "@WISH ~5 (never|not|n't) wake up",
    "(never|not) wake up (again|ever)",
    "(sleep|asleep) (forever|and never wake|and not wake)",
    "(can not|could not) (go on !@GO_ON_OBJECT|keep going|carry on $|do this (anymore|any more|"
    "any longer)|take (it|this|any more|anymore|much more) (anymore|any more|any longer)?|"
    "keep living|live like this|cope (anymore|any more)|handle (it|this|life) (anymore|any "
    "more)|bear (it|this|life) (anymore|any more)|face (another day|tomorrow|life|living))",
    "(no|not any|not a single|any) (good)? (reason|reasons) (left)? (for me)? to (live|keep "
    "living|go on|keep going|carry on|be alive|exist|stay|be here|get up|wake up|continue|stay "
    "alive)",
    "nothing (left)? to live for",
    "(no|nothing) (point|purpose|meaning|reason) (in|to|of)? (living|life|going on|being alive|"
    "existing|carrying on|being here|staying alive|anything (anymore|any more))",
    "(what is|is there) the point (of|in)? (living|life|going on|being alive|existing|carrying "
    "on|anything|anymore|any more|of it all|being here|staying alive)",
    "life (is|feels|seems) @INT* (pointless|meaningless|not worth (living|it)|worthless|hopeless|"
    "over)",
    "(not|no longer) worth living",
    "(want|wanna|wish|wished|going|ready|could|would like|should|might|better) ~3 (disappear|"
    "vanish|stop existing|"
    "not exist|cease to exist|be gone|be dead|fade away|not be here|stop living|stop breathing) "
    "!under/into/to/somewhere/on/off/in/with/until/till/abroad/for/from/at/inside/behind",
    "(disappear|vanish|go away|be gone) forever",
    "wish i (had|would)? never (been born|existed|woken up|was born)",
    "wish i (did|do) not exist",
    "wish i (was|were|had) not (born|here|alive|around|been born|existed|ever existed)",
    "@INTENT ~4 (hurt|harm|cut|burn|injure|punish|starve|hit|punch|scratch|hurting|harming|"
    "cutting|burning|injuring|punishing|starving|hitting|punching|scratching) myself",
    "(hurt|harm|injure|hurting|harming|injuring|harmed|injured) myself !@ACCIDENT_AFTER",
    "(cut|cutting) myself !@CUT_AFTER",
    "(starve|starving|starved) myself",
    "(feel|feels|felt|am|was|being|such|just) like? @INT* burden",
    "burden (to|on|for) (everyone|everybody|my @ANY|others|people|them|you|the world|all|us)",
    "(will not|am not going to) be (around|here) (much longer|for long|anymore|any more|"
    "tomorrow|soon)",
    "be (around|here) (much longer|for much longer|a lot longer)",
    "not be (here|around|alive) (anymore|any more|tomorrow|much longer|next week)",
    "this is (goodbye|my goodbye)",
    "saying (goodbye|my goodbye) !to/at/before/and",
    "saying (goodbye|my goodbye) to (everyone|everybody|the world|this world|life|you all|all "
    "of you) !before/at/in/and/at",
    "(goodbye|bye) forever",
    "(final|last) (goodbye|goodbyes)",
    "(tired|sick) of (living|life|being alive|existing|being here|it all|everything|waking up|"
    "breathing|having to wake up) !at/lately/today/recently/going/right/this/in/about/with/on/"
    "around/happening/being/that/this/at/here/there/now",
    "done with (life|living|it all|everything|existing|this life)",
    "give up on (life|living|everything)",
    "(gave|given|giving) up on (life|living|everything)",
    "(can not|could not|do not) see (a|any|the) (way out|future) !for/in/with/of/at",
    "(can not|could not|do not) see (a|any|the) (point|reason) ($|(in|of|to|for) (me|living|life|"
    "anything|going on|it all|any of it|being here|being alive|existing|carrying on|keep going|"
    "keep living|keeping going|staying|waking up|getting up|trying|anymore|any more))",
    "see no (way out|future|point|reason)",
    "no way out !of/through/from/except/but/other/apart",
    "(thinking|thought|thoughts|think|dream|dreaming|fantasise|fantasize|fantasising|fantasizing|"
    "imagine|imagining) (about|of) (dying|death|suicide|ending (it|things|everything|my life|"
    "myself|it all) !with|not being here|not existing|killing "
    "myself|hurting myself|harming myself|not waking up|never waking up|being dead|disappearing|"
    "jumping|not being alive|not living|it all ending|everything ending)",
    "(never|not) @ADVB? (waking|wake) up (again|ever|forever)",
    "!<did (never|not) (wake|waking) up !until/till/in/on/when/early/for/before/at/because/so/"
    "and/the/to/with/after/this/that/today/yesterday/late/properly/easily/happy",
    "(go on|keep going|carry on|keep living|live like this|do this|do life|take it|take this|take "
    "much more|cope|handle (it|this|life)|bear (it|this|life)|face (it|life|tomorrow)) (anymore|"
    "any "
    "more|any longer|much longer)",
    "(ways|way|how) to (die|kill myself|end it|end my life)",
    "(would not|do not|will not) mind (if i (died|was dead|did not wake|never woke)|dying|"
    "being dead|not waking)",
    "(care|matter|matters) (if|whether) i (live|die|am alive|wake)",
    "(suicide|goodbye) (note|letter|notes|letters)",
    "wish ~3 (it|everything|life) would (all)? (end|stop|be over)",
    "(urge|urges|want|wanting|feel like|tempted|thinking about|started) ~2 (cut|cutting|harm|"
    "harming|burn|burning) (again|$)",
    "(swallowed|took|taken|take) (a bunch of|too many|all (my|the)|loads of|a lot of) (pills|"
    "tablets|meds)",
    "(jump|jumping) (off|from|in front of) (a|the) (bridge|building|roof|cliff|train|car|bus|"
    "balcony|lorry|truck)",
    "(do not|does not) deserve to (live|be alive|exist|be here|breathe)",
    "deserve to (die|be dead)",
    "(if|when) i (was|were|am) (gone|dead|not here|not around|no longer here|no longer around) $",
    "if i (died|disappeared|was gone|were gone|was not here|was not around|killed myself)",
    "(want|wants|wanted|wanna|wish|wishes) ~3 (it|everything|all of it|the pain|all this|it all|"
    "life) (all)? to "
    "(end|stop|be over) !for/so/until/till/while/just/and/long/at/soon/now",
    "make it (all)? (stop|end)",
    "(am|feel) (not|no longer) safe",
    "do not feel safe",
    "might as well (die|be dead|not exist|not be here|not be alive|go away|disappear|vanish|be "
    "gone|end it)",
    "(easier|better|simpler|nicer|kinder|best|relief|peaceful|rather|prefer|wish|want|wanna|like) "
    "~4 (not|never) (to)? (exist|existing|be alive|being alive|be here|being here|be around|wake "
    "up|waking up|have been born|live !@LIVE_PLACE|living !@LIVE_PLACE|go on !@GO_ON_OBJECT)",
    "(easier|better|simpler|best|relief|relieved|happier) ~3 (to|if i) @ADVB? (die|died|disappear|"
    "disappeared|vanish|vanished|be dead|was dead|were dead|was gone|were gone|stop existing|"
    "stopped existing|end it|ended it|was not born|was not here|were not here|was not around|"
    "did not exist|never existed)",
    "what if i @ADVB? (did not|never) (wake|woke) up",
    "hope ~3 (get|am|got) (hit|killed|run over)",
    "no (point|reason) (in)? (me|my) (being here|existing|living|being alive|staying)",
    "why am i @ADVB? (alive|still here|still alive|even here) $",
    "should not (be alive|have been born|exist)",
    "(until|till) i bled",
    "(not|never|no longer|struggle to|struggling to|hard to|unable to) ~4 keep (myself|me) safe",
    # Round six: warning signs by concept (not being born or alive, wanting out, goodbyes and
    # last words, plans and dates, punishing the body, a burden or a weight on others).
    "(was|were|had) never (born|been born|existed)",
    "if i @ADVB? (was not|were not|am not|was no longer|were no longer) (alive|here|around|born)",
    "(rather|prefer to) @ADVB? (be dead|die|not exist|not be alive|not be here) (than)? (get "
    "through|face|go through|live|spend|keep|carry on|wake up|deal with|feel|another|$)",
    "(want|wanna|need) (out|an out) (of (life|this life|everything|it all|existence|existing))? $",
    "(goodbye|bye|farewell) (everyone|everybody|all|world|cruel world|all of you|forever|"
    "friends|for good)",
    "(this is|here is|these are|writing) (my)? (last|final) (message|note|letter|post|text|"
    "words|entry|goodbye)",
    "(not|never) (doing|do|going to do) (this|life|any of this) (anymore|any more|any longer) $",
    "(punish|punishing|punished) (myself|my body)",
    "(want|wanting|wanna|urge|urges|tempted|keep wanting|need|needing|going) ~3 (punish|hurt|"
    "harm|cut|burn|hit|starve|scratch|bruise) my (body|arms|arm|legs|leg|skin|wrists|wrist|"
    "thighs|stomach)",
    "burden (like|such as) me",
    "(weight|millstone|albatross|drain) (around|round|on) ~2 (neck|necks|shoulders)",
    "(would not|do not|will not) (mind|care) (if|when) (something|anything) ~2 (happened|happens|"
    "happen) to me",
    "(no|not any|not a|not much of a) future (for me|ahead of me|left|at all)",
    "(what is|is there) the point (of|in)? (any of it|any of this|me|waking up|getting up|"
    "bothering|it) (anymore|any more|at all)? $",
    "(stay|remain|staying) asleep (forever|for good|for ever|and never|$)",
    "(life|living|being alive|existing|existence) (is|feels|has become) @ADVB? too (much|hard|"
    "painful|heavy)",
    "(courage|nerve|guts|strength) to (do it|go through with it|end it|follow through|act on it)",
    "(go|going|gone|went|goes) through with it",
    "(worked out|decided|know|chosen|picked|planned|set) (when|how|where) (i am going to|i will"
    "|to|i should) (do it|end it|go|do this)",
    "(picked|chosen|set|decided on) a date $",
    "what i am (about to|going to) do $",
    "waiting for the (right|perfect) (moment|time|day|opportunity) $",
    "(everything|it all|all of it|it) would stop (hurting|hurt) (if i)",
    "(suicide|dying|death|ending it|killing myself|not being here) ~2 (crossing|crosses|crossed|"
    "on|in) my mind",
    "(imagining|imagine|picture|picturing|planning|plan|planned|chose|choosing|picked|thinking "
    "about|think about|dream about|dreaming about|writing) my (own)? (funeral|death|grave|"
    "obituary|eulogy|will)",
    "(not|no longer) (scared|afraid|frightened) (of)? (dying|death|to die) (anymore|any more)?",
    "(will not|am not going to|would not) be (a|an)? @ADVB? (problem|burden|bother|nuisance|"
    "trouble|worry|weight) (for|to|on) (anyone|anybody|everyone|everybody|you|them|my @ANY) "
    "(much longer|soon|anymore|any more|for long|again)?",
    "(sleep|asleep) ~3 (never|not) (come back|wake|wake up|return|woke up)",
    "(after|once) i am (gone|dead|no longer here|no longer around) !on/to/for/from/out/away/"
    "abroad/home/into/back",
    "when i am (dead|no longer here|no longer around)",
    "(goodbye|farewell) (message|messages|letter|letters|note|notes|text|texts|video|videos|"
    "post|posts|email|emails)",
    "writing ~2 (goodbyes|my goodbye)",
    "(world|everyone|everybody|family|they|people|life|things|it|everything|he|she|you|we) ~3 "
    "(would|will|could|might) (be|feel|get|go) @ADVB? (a)? @ADVB? @RELIEF_ADJ (off)? (place)? "
    "without me",
    "if i (did not|never|were not to|was not to) (wake|woke|waking) up !on/in/early/before/at/"
    "until/till/for/with/to/when/properly/easily/on/late/first/from/and",
    "rather ~2 (disappear|vanish) (permanently|for good|forever|completely|for ever)",
    "(disappear|vanish|go away|be gone) (permanently|for good|for ever|off the face of the earth)",
    "than face (another day|tomorrow|another morning|life|living|another week)",
    "(hope|hopes|hoping|wish|wishing|pray|praying) (that)? something (bad)? (happens|would "
    "happen|will happen|happened|to happen) to me",
    "(so|then) i (do not|would not|will not|never) have to (keep going|go on|carry on|wake up|be "
    "here|exist|live|face (it|anything|another day|tomorrow|anyone|life)) !to/with",
    "(giving|gave|give|given|started giving) (away)? (all|most)? (of)? my (things|stuff|"
    "belongings|possessions|prized @ANY|favourite @ANY|favorite @ANY) (away)? ~3 (because|"
    "since|as|cause|cos) ~4 (will not|am not going to|do not|would not) (be needing|need|be "
    "using|use)",
    "(will not|am not going to) be needing (them|it|these|those|anything|any of (it|this|them|"
    "that)|my @ANY) (anymore|any more|any longer|where i am going|again)? $",
    "(can not|could not|do not|cannot|can never) (picture|see|imagine|envision) (myself|me) "
    "@ADVB? (being|getting|staying|still)? @ADVB? (alive|living !@LIVE_PLACE|here (next|in|much|"
    "for|by)|around (next|in|much|for|by))",
    "(make|made|making) myself bleed",
    # Session three: last words, plans, still being here, a life without me in it.
    "(last|final) (entry|message|note|letter|post|text|thing|words|page) (that)? i (will|am going "
    "to|would) (ever)? (write|send|post|say|type|leave)",
    "(have|got|made|make|making|worked out) (a|the|my) plan (now|already|ready|sorted|in place|"
    "worked out)? $",
    "(searched|searching|looking|looked|googling|googled|researching|researched|reading) ~6 "
    "(should not|must not|am not supposed to|should never) ~2 (be)? (looking|searching|googling|"
    "researching|reading)",
    "(disappointed|upset|angry|annoyed|gutted|sorry|frustrated|sad|mad|devastated) (that|because|"
    "to find|to see|to realise|to realize)? i (am|was) still (here|alive|breathing|around)",
    "wake up ~2 (disappointed|upset|angry|gutted|sad) ~4 (still|again|alive|here)",
    "better off (with|having) ~4 (who|that) (is|was|were) not me",
    "(with|without|have|having|deserve|deserves|need) no (mum|mom|mother|dad|father|parent|wife|"
    "husband|partner|son|"
    "daughter|sister|brother|friend|girlfriend|boyfriend|me) at all",
    "(can not|could not|do not|cannot|can never) (picture|see|imagine|envision) (myself|me) "
    "@ADVB? (making it|lasting|surviving|getting|staying around|still here) (to|till|until|"
    "through|past|another|much|for|the)",
    # Means and methods, named or asked about.
    "(counting|stockpiling|stockpiled|saving up|saved up|hoarding|hoarded|collecting|stashing|"
    "stashed|lining up|lined up) ~4 (pills|tablets|meds|medication|prescription|prescriptions|"
    "paracetamol|painkillers|sleeping pills)",
    "(pills|tablets|meds|paracetamol|painkillers) (are|were)? (all)? (lined up|counted out|"
    "ready|laid out|in my hand|in front of me)",
    "how (many|much) ~3 (pills|tablets|meds|paracetamol|painkillers|insulin) ~3 (would|will|to|"
    "does it|do you need|it takes|it would take) ~2 (kill|take|die|be fatal|be enough)",
    "(pills|tablets|meds|drugs|medication|paracetamol) ~4 (would|will|could) kill (me|you|someone|"
    "a person)",
    "how (high|tall|far down|long a drop|far) ~6 (bridge|roof|building|car park|cliff|balcony|"
    "drop|fall|window|ledge|tower)",
    "how long (does|would|will) it take to (bleed out|die|drown|suffocate|pass out and die)",
    "(bleed|bled|bleeding) out !<he/she/they/character",
    "(would|will) (it|i) (hurt|die|feel anything) ~3 (long|instantly|straight away|quickly|if i "
    "(jumped|jump|did it|crashed))?",
    "if i (jumped|jump|crashed|stepped|swerved|took them all|took all)",
    "(thinking|thought|think|keep thinking|dreaming|fantasising|fantasizing) (about|of) (the|that) "
    "(bridge|cliff|tracks|train tracks|railway|ledge|roof|edge|motorway bridge|river)",
    "(stepped|step|stepping|walked|walk|walking|ran|run|running) (into|out into|in front of) "
    "(the)? (traffic|oncoming traffic|a car|a bus|a train|a lorry|a truck|the road)",
    "(too close to|close to|near|at) the (edge|tracks|train tracks|ledge|platform edge) ~4 (on "
    "purpose|and (thought|wondered|hoped|waited))",
    "(looked|look|stared|staring|looking) at the (oncoming)? (train|traffic|tracks|train tracks|"
    "drop|edge|river|bridge) ~8 (thought|wondered|one step|just one|stepping|jumping|jump|step)",
    "(thinking|thought|think|wanted|want|wanna|tempted|urge|imagine|imagining|keep thinking) ~4 "
    "(driving|drive|swerving|swerve|steering|steer|crashing|crash) (off|into|in front of)",
    "(drove|driving|drive|walked|stood|standing) ~3 (cliff|cliff edge|bridge|ledge|tracks) ~4 "
    "(times|again|tonight|on purpose|thinking)",
    "hoped ~4 (would not|will not|did not) (stop|brake|see me|miss)",
    "(bought|buying|buy|got|getting|tied|tying|have|found) (a|some|the)? (rope|noose) !for/to",
    "(die|died|dying|dead) with it",
    "(i will|i would|i am going to) (be)? (dead|gone) (by|before|when|once|soon|tomorrow)",
    "by the time (you|anyone|someone|they|he|she) (read|reads|see|sees|find|finds) (this|it) ~4 "
    "(dead|gone|not here|over)",
    # Hurting the body, on purpose or deserved.
    "(selfharming|selfharmed|selfharmer|selfharmers)",
    "deserve (the|this|all the|that)? (pain|to hurt|to suffer|to bleed|to be hurt|it when i)",
    "(cut|cutting|burned|burnt|burning|hit|hitting|punched|punching|scratched|scratching|bit|biting)"
    " ~4 (until|till) (it|they|i|my @ANY)? (bled|bleed|bleeds|bruised|bruise|split|broke|blister)",
    "(burn|burned|burnt|burning|cut|cutting|carve|carved|carving) my (wrist|wrists|arm|arms|thigh|"
    "thighs|skin|legs|leg|stomach) (with|again|on purpose|until|till|deliberately|lol)",
    "(fresh|new|the) (cuts|scars|burns) ~6 (hide|hiding|sleeves|sees|see|notices|notice)",
    "(sleeves|hoodie|jumper) ~6 (cuts|scars|burns|marks)",
    "(sees|see|notice|notices|noticed|saw|hide|hiding|cover|covering) (the|my) (fresh|new)? "
    "(cuts|scars|burns|cut marks) !on/in/of/from",
    "(the|my|a) (blade|blades|razor|razors) (is|are) ~3 (there|here|calling|waiting|in my hand)",
    "(sting|bite|feel) of the (blade|razor|knife|lighter)",
    "(relapse|relapsed|relapsing|close to relapsing) ~6 (blade|razor|cut|cutting|cuts|harm|burn)",
    # Leaving, being free of me, the last time.
    "(be|get|are|is|finally be) (free|rid) of me",
    "(take|took|taking|remove|removed|removing) myself (out of (the picture|the equation|this "
    "world|it all|everyone's way|the way)|from (the picture|the equation|this world|existence))",
    "last time i will (bother|trouble|burden|annoy|upset|hurt|disappoint|be a burden to|be a "
    "problem for|ask|let) (anyone|anybody|you|everyone|everybody|them)",
    "(say|said|saying|tell|told|telling) ~5 one (last|final) time",
    "(death|dying|being dead|not existing|not being here|never waking up|not waking up) (sounds|"
    "seems|feels|looks|would be|would feel|is starting to sound) @ADVB? (so|quite|really|kind of)? "
    "(peaceful|nice|good|easier|better|like a relief|appealing|tempting|inviting|restful|calm|"
    "like peace|like rest|like an escape|like the answer|welcome)",
    "(want|wanna|need) to (go and|just)? (join|be with) (my|her|him|them) ~2 (now|again|up "
    "there|in heaven|wherever)",
    "be with (her|him|them) (now|again)? ~2 wherever (she|he|they) (is|are)",
    # Final arrangements.
    "who (gets|will get|should get|can have|takes|will take|should have|inherits) my (stuff|"
    "things|belongings|possessions|money|cat|dog|pets|pet|room|savings)",
    "(gave|given|giving|rehomed|rehoming|rehome|give) (away)? my (cat|dog|pet|pets|cats|dogs|"
    "rabbit|hamster|bird|fish) (away)? ~4 (because|since|so|cos|cause|and|to|$)",
    "(tying|tie|tied) up (all)? (the|my)? loose ends !at/before/on/for/with/in/so/from",
    # Session three, second round: wishing for an end that comes by itself, death as relief or
    # the only way, the body hurt and hidden, leaving life in plain or second-language words.
    "(hope|hoping|hoped|wish|wishing|pray|praying|want) ~4 (something|someone|somebody|a car|a "
    "bus|a truck|a lorry|a train|an accident|cancer|it|the illness) ~3 (will|would|could|just)? "
    "(kill|kills|killed|hit|hits|take|takes|took) me",
    "(hope|hoping|wish|wishing|pray|praying) (that)? (a|the) (car|bus|truck|lorry|train|plane) ~3 "
    "(hits|hit|crashes|crash|runs me over|goes down|would hit|will hit)",
    "if i (got|get|was|were) (hit|run over|killed|in an accident|in a crash|hurt) ~6 (would "
    "not|do not|will not|would never|would not even) (mind|care)",
    "(dying|death|being dead|to die|not existing|not being here|not waking up|never waking up|it "
    "all ending) ~4 (would be|will be|is|feels like|sounds like|seems like|would feel like) ~2 "
    "(a relief|relief|better|easier|the answer|the only way|peace|a release|a mercy|a blessing|"
    "freedom|a gift)",
    "(only|one|last) (escape|way out|option|answer|solution|way|exit|choice) (left)? (is|would be|"
    "i have|i see) (to)? (die|death|dying|suicide|end it|ending it|be dead|being dead|for me to "
    "(die|go))",
    "(unless|until|till) i am (dead|gone|in the ground|six feet under)",
    "bother (staying|being|keeping myself|keeping) alive",
    "(disappointed|upset|angry|gutted|sad) (when|that|because|to) i (woke|wake|had woken|"
    "have woken|am waking) up",
    "nothing ~4 (make|makes|made) (living|life|being alive|staying alive|it) worth (it|living)",
    "(get|got|getting|be|are) over me (being)? (gone|dead|dying|not here)",
    "(found|picked|chosen|chose|know|choose|checked) (the|a) (bridge|building|spot|place|roof|"
    "cliff|tree|car park|ledge) (that)? (i am|i will|i would|to|where i) ~3 (jump|jumping|do "
    "it|hang|use|go)",
    "(cry|crying|cried|come|turn up|show up|go|be) (at|to) my (funeral|grave)",
    "one (last|final) time before i (go|leave|am gone|die|do it)",
    "(should never|should not|never should) have (had|birthed|given birth to|adopted) me",
    "(want|wanna|need|wish|waiting) (to get)? out of (this|my|the) (life|world|body|existence)",
    "(leave|leaving|left|go out from|go out of|quit|quitting|exit|exiting) (this|the|my) (life|"
    "world|body|earth|existence) !to/for/of/in",
    "(leave|leaving) this body (behind)?",
    "(already|have|i have) said (all)? my goodbyes",
    "never (open|opened|opening) my eyes again",
    "(escape|end|stop) (this|the|my) pain ~4 (dead|die|dying|unless|death)",
    "(my)? life (to be)? over (for good|forever|for ever|already)",
    "(want|wanna|wish|need|like) (my)? life (to be|to)? (over|done|finished) !with/so",
    "(make|making) (everything|it all|it|the world) (go)? (quiet|silent|stop|dark) (forever|for "
    "good|for ever|permanently)",
    "(better|easier|best|kinder) (for)? ~4 if (they|he|she|we|you) (do not|did not|did not ever) "
    "have me",
    "if i am (not|no) (more|longer) in this world",
    "(not|no more|no longer) in this world",
    "(removing|remove|removed|erase|erasing|erased|delete|deleting|deleted) myself (for good|"
    "completely|from (the|this|their|everyone) @ANY?|forever|permanently|$)",
    "(this|today|tonight|tomorrow) ~2 (is|will be|would be|be) my (last|final) (day|night|"
    "morning|week) (on earth|alive|here|ever)?",
    "(decide|decided|deciding) to (go out|leave|end|finish|stop) (from|of)? (this|my|the) life",
    "(finish|finishing|end|ending|stop|stopping) (my|this) life",
    "want to leave the life",
    "(not|never) (coming|come|came) back from (the|my|this|that) @ANY? (trip|walk|holiday|drive|"
    "swim|hike)",
    "(switch|switching|turn|turning|shut|shutting) (off|myself off|it all off|everything off) "
    "(for good|forever|for ever|permanently)",
    "(before|once|after|when) i (go|leave|am gone) for good",
    "how i am (going out|going to go|going to do it|going to end it|ending it)",
    "(insurance|life insurance) ~6 (help|better|more|worth) ~4 (than i|them|my family)",
    # Self-harm in its many names: urges, tools, hiding the marks, wounds.
    "(sh|self harm|selfharm) (urges|urge|thoughts|relapse|again|is back)",
    "(staring|stare|stared|looking|looked) at the (sharpener|blade|razor|razors|knife|scissors|"
    "lighter)",
    "(bought|buying|got|have|hid|hidden|hiding|keep|found) (new|some|the|a|my)? (razors|razor|"
    "blades|blade|sharpener|sharpeners) ~6 (for|again|know|what they|why|hidden|hide)",
    "(i|still|again|i still) (cut|cuts|cutting|burn|burned|burnt|scratch|scratched) (most|every|"
    "each|when|at|again|myself !@CUT_AFTER|most weekends|until|till|to feel|so)",
    "(burned|burnt|burn|burning|scratch|scratched|scratching|cut|hit|hitting|bit|biting) "
    "(myself|my @ANY) (again|on purpose|deliberately|until|till|to feel|so i)",
    "(cuts|marks|scars|burns|wounds) (are|were|keep|kept) (getting|gettin)? (deeper|worse|bigger"
    "|more)",
    "(hiding|hide|hid|cover|covering|covered) (the|my)? (marks|scars|cuts|burns|bruises) (on|from)",
    "(sleeves|long sleeves) ~4 (so|because|cos|cause) (no one|nobody|people|they|mum|my @ANY) "
    "(sees|see|can see|will see|notice|notices|asks|ask) (my)? (arms|wrists|legs|thighs)",
    "(cleaned|cleaning|clean|bandaged|bandaging|dressed) (the|my) (wounds|cuts|burns)",
    "(scratch|scratched|scratching|pick|picked|picking|cut|cutting|hit|hitting) ~3 (until|till) "
    "(i|it|they) (bleed|bled|bleeds|bruise|bruised)",
    "(told|tell|telling|said) ~4 (i|i had) (stopped|stopped cutting|quit) (but|and) ~4 (still|"
    "again) (cut|do it|burn|hurt)",
    "not even (whether|if) i (live|die|wake up|am alive|make it)",
    "(everything|all|things|it all) (is)? sorted (out)? before i go $",
    "not with (work|school|him|her|them|this job) (,)? with (all of it|everything|life|it all)",
    # Third round: near misses and attempts, fragments, the body found, self-harm resumed.
    "(stood|standing|stand|sat|sitting|sit) on the edge of (the|a)? (roof|bridge|cliff|building|"
    "platform|balcony|car park)",
    "(nearly|almost) (swallowed|took|taken) (the|a|my)? (whole)? (bottle|packet|box|lot|pills|"
    "tablets|all of them)",
    "(nearly|almost) (jumped|did it|went through with it|ended it|overdosed|hanged myself|killed "
    "myself|ended my life) !out/at/in/into/for/when/with/up/off/on/over/through/the/a/and/as/"
    "laughing/laughin",
    "(bruises|marks|cuts|burns|scratches) ~8 (do|did|does|make|made) (them|it|these) (to)? myself",
    "(goodbye|bye|farewell) (,)? (to)? (whoever|whoever is|anyone) (reads|reading|finds|sees) this",
    "(angry|annoyed|disappointed|upset|sad|furious|gutted|sorry|mad) (that)? i (survived|lived|"
    "made it|woke up) !the/my/it/this/that/a/an",
    "^ no (future|point|reason|hope|way out) (left)? $",
    "^ no more me $",
    "^ (gone|leaving|going) (soon|for good|forever|tomorrow) $",
    "(slit|slitting|slash|slashing|slashed|open|opening|opened) my (wrists|wrist|throat|veins)",
    # Fourth round: plans with a place, intent, attempts stopped or interrupted, burden.
    "(drive|driving|drove|go|going|went|walk|walking|walked|get|getting|got) to the (bridge|"
    "cliff|cliffs|coast|multistorey|multi storey|car park|roof|tracks|sea|lake|river|quarry) ~6 "
    "(jump|and jump|to jump|jumping)",
    "(walk|walking|walked|wade|wading) into the (sea|ocean|river|lake|water|waves)",
    "(bit|bite|biting|hit|hitting|punched|punching|scratched|scratching) my (arm|arms|wrist|"
    "wrists|leg|legs|hand|hands|face|thigh|thighs) ~4 (marks|bleed|bled|bruise|bruises|again|"
    "until|till)",
    "(going to|will|might|could|scared i will|afraid i will|worried i will|want to|ready to) "
    "act on (these|the|my|those|them|it) (thoughts|urges|feelings)?",
    "(got|get|went|made it|go) as far as the (edge|bridge|cliff|roof|tracks|ledge|platform|"
    "railing|railings)",
    "(drove|walked|went|go|got) to the (cliffs|cliff|bridge|edge|tracks|roof|ledge|river|lake) "
    "~4 (turned back|came back|chickened out|changed my mind|walked home|went home|backed out)",
    "(found|find|finds|will find|would find) me (before it was too late|in time|just in time|"
    "too late|unconscious|passed out)",
    "(nobody|no one) (finds|will find|would find|can find) me (in time|until|for days)",
    "(came|got|come) home (early)? ~2 (and)? (found|find|finds) me",
    "(stood|sat|standing|sitting) on (the|a) (bridge|ledge|roof|edge|railing|railings) (for|and|"
    "until|till|tonight|today|again|longer|last)",
    "why (keep|continue|carry on|go on|bother) (trying to)? (live|living|going|going on|"
    "continuing|existing|staying|being alive)",
    "so why (continue|carry on|go on|keep going|stay) $",
    "(only|just|all i do is) (make|makes|cause|causes) (their|everyone's|his|her|your|people's|"
    "the) (lives|life) (harder|worse|miserable|difficult|hell)",
    "(cause|causes|bring|bringing) (problems|pain|trouble|misery|grief) (for|to) (the people|"
    "everyone|everybody|anyone) (who|that) (love|loves|care about|cares about)",
    "(nobody|no one) (needs|wants) me (,|$|anymore|any more|around|here)",
    "(not going to|will not|am not going to) (back out|chicken out|stop myself|stop this time)",
    "(figured out|worked out|decided|know|planned|chosen) (the)? (how|where|when) ~4 (how|where|"
    "when)",
    "(not|no longer) just (a thought|thoughts|an idea|talk) (anymore|any more)",
    "(car park|bridge|cliff|roof|tracks|pills|rope|train|motorway) ~6 (as an option|an option|"
    "the answer|the way out|a way out)",
    "(want|wanting|going|ready|plan|decided|determined) to (follow through|go through with it)",
    "follow through (with it|this time)",
    "take (all the|all my|all of the|the whole|a whole) (pills|tablets|bottle|packet|box|lot)",
    # Fifth round: ultimatums, metaphors for dying, God or fate asked to end it.
    "(that is it|that is the end|the end of the road|the end of the line|it is over|game over) "
    "for me",
    "(one more|just one more) (bad)? (day|week|month|rejection|thing|time|failure|fight) ~4 "
    "(i am|and i am|then i am) (done|out|gone|taking the exit|making my exit|letting go)",
    "(i am|i will|i will be) (making|make|take|taking) (my|the) exit",
    "(calling|call|called) it a day on (life|this life|this whole life @ANY?|living|everything|"
    "existence|it all)",
    "out of this (life|world|existence)",
    "(permanently|forever|for good|for ever) offline",
    "(eternal|endless|everlasting|final|forever) (nap|sleep|rest|slumber)",
    "the long sleep",
    "(i will be|i am|soon i will be|i will soon be) joining the stars",
    "lights out (for me|forever|for good|permanently)",
    "(this|it) (is|will be) (probably|likely)? my last (birthday|christmas|summer|year|winter|"
    "new year|spring|autumn)",
    "(let|letting) the (ocean|sea|river|water|waves|cold|dark) (have|take) me",
    "end my (story|chapter|journey|days)",
    "let (the|a) (car|bus|train|truck|lorry) (hit|take|run over|kill) me",
    "(coming|come|go|going) home to (you|god|the lord|jesus|heaven) myself",
    "(nobody|no one|they|you|everyone) (will|would)? (not|never)? (have|need) to (deal with|put "
    "up with|worry about|look after|carry|take care of) me (after|anymore|any more|much longer|"
    "soon|again|for long)",
    "(do not|does not) deserve (another|one more) (sunrise|day|morning|year|birthday)",
    "if i @ADVB? (vanished|disappeared|stopped existing|was not here|were not here)",
    "(notice|care|miss me|come looking) if i (never|stopped|was gone|were gone|disappeared|"
    "vanished|did not (wake|come|show))",
    "(not|never|no longer) (going to)? be here either",
    "not (have|be around for|see|make it to) (a|the)? next (year|birthday|christmas|summer)",
    "(should not|do not deserve to|does not deserve to|should never) (stay|be|remain|keep) alive",
    "wish ~3 had (killed|taken|finished) me",
    "(dying|death|being dead) ~3 (the)? only (rest|way|escape|option|answer|peace|relief|way out)",
    "(hitting|hit|hits|punching|punched|scratching|scratched|burning|burned|burnt) my (legs|arms|"
    "thighs|stomach|body|wrists|leg|arm|thigh) (with|against|until|till|when|so|to)",
    "(pinch|pinching|pinched|bite|biting|bit|hitting|punching|scratching) myself (hard|until|"
    "till|so|to|when|again|on purpose)",
    "enough ~3 to (end it|do it|end my life|kill myself|not wake up|never wake up|overdose)",
    "(dies|passes|passes away|is gone|goes) ~5 (go|follow|join) (with)? (him|her|them)",
    "(i am|am|i feel like|i have become|being|i am just|i am nothing but) ~3 (drain|strain|"
    "millstone|drag|weight|leech) on (everyone|everybody|my family|them|others|people|you|us|"
    "all of them|my @ANY|the family|everyone around me)",
    "(i am|am|being) (too|such) (heavy|big|great|much of|huge) a (burden|weight|drain)",
    "(have|has|had) to carry me $",
    # Concepts the weights had only learned by heart (L2 0.02 no longer does).
    "(living|being alive|existing|life) (is not|is no longer) something i (want|wish|care) to",
    "(everything|it all|the world|life) to stop and never (start|begin|come back|wake) again",
    "(wants|want|wanted|wanting) to stop (living|existing|being alive|breathing)",
    "(bruises|cuts|marks|burns) ~8 (but)? i (do|did|make|made) them (to)? myself",
    "(plan|planning|planned|decide|deciding|think about|thinking about) how i (would|will|am "
    "going to|could) (go|do it|end it|die)",
    "(bought|buying|got|collected|picked up) (extra|more|lots of|a lot of|loads of|several) "
    "(boxes|packs|packets|bottles) of (painkillers|paracetamol|pills|tablets|sleeping pills) ~6 "
    "(know|knew) (exactly)? why",
    # Seventh round: means kept back, attempts, last notes, arrangements, being carried.
    "(prescription|prescriptions|pills|tablets|meds|medication) ~8 (aside for later|for "
    "something else|a way out|in case i need (it|them|a way out))",
    "(got|have|have got|building|keeping) a stockpile (now|$|of (pills|tablets|meds|paracetamol))",
    "my (last|first|second|third|previous|latest|most recent)? (suicide)? attempt !at/to/on/of/in"
    "/with/for",
    "(tried|did it|attempted) again ~4 (nobody|no one) (knows|noticed|found out|knew)",
    "(talked|talk|talking) me down from (the|a)? (railing|railings|ledge|edge|bridge|roof|balcony)",
    "(nearly|almost) did it ~6 (lost my nerve|bottled it|chickened out|stopped myself|could not)",
    "reading this ~6 (not your fault|i am sorry|i love you|i am gone|forgive me)",
    "(letter|note|notes|letters) ~6 where (they|he|she|someone|you|mum|dad) (will|would|can) "
    "find (it|them)",
    "(clean|clear|sort|tidy) (up)? after (me|i am gone) $",
    "less to (clean|sort|tidy|clear|deal with) (up)? after",
    "(nobody|no one) (has|needs|will have|is going) to ~4 after $",
    "(nobody|no one) (gets|is|will be) left with my (debts|mess|things|stuff|bills)",
    "(found|finding|find) a (new)? home for (the|my) (dog|cat|pet|pets|rabbit|fish|bird|cats|"
    "dogs) ~4 (so|because|since|before)",
    "so (that)? everything goes to my",
    "(razors|blades|razor|blade) ~6 not (for|meant for) shaving",
    "(blades|razors|razor|blade|lighter) hidden (under|in|behind|inside)",
    "(everything|what|the stuff|the things) i use when it (gets|is) (bad|too much|really bad|"
    "hard|unbearable)",
    "(wounds|cuts|scabs|burns) so they (never|do not|will not|can not) heal",
    "(tired|sick) of (carrying|looking after|dealing with|putting up with|worrying about) me",
    "(cost|costs) (everyone|everybody|them|my family|you all) too much",
    "(bottle|cabinet|pills|tablets|knives|knife|blades|water|bridge|tracks|river|sea|edge|"
    "rope) ~4 (calling|calls|called|keeps calling) (to)? me",
    "(knives|knife|blades|pills|tablets|rope) ~4 waiting for me",
    "picture myself (on|under|in front of) the (line|tracks|train|ledge|edge|rails)",
    "so (nobody|no one) (blames|will blame|can blame) (school|work|them|him|her|themselves|"
    "you|my @ANY)",
    "i will be gone $",
    "(nobody|no one) can (help|save) me (now|anymore|any more|$)",
    "(writing|wrote|write) down my (final|last) (words|message|goodbye)",
    "(working|work|worked|build|building) up the (courage|nerve) $",
    "(counted|counting|count) ~8 (might be enough|would be enough|is enough|was enough)",
    "(rope|noose|ropes) (is|are|was) still (in|under|behind|on|up)",
    "(to|at|by|on|near) the (train|railway)? (tracks|line|level crossing|platform edge) ~4 "
    "(waited|waiting|stood|sat|thought|thinking|again|for a train)",
    "(note|letter|message|video) (to|that) (explain|explains|say|says|tell|tells) ~2 why i (did "
    "it|did this|had to|could not go on|am doing this|am doing it|chose this|went)",
    "(thinking|thought|think|dreaming|fantasising|fantasizing) about (swallowing|taking|downing) "
    "(the|a|all the|all my)? (whole|entire)? (bottle|packet|box|pills|tablets|lot|meds)",
    "(see|know|find out|check|test) (if|whether) i (could|can|would|really could) (jump $|do it $|"
    "go through with it|survive the fall|reach the edge)",
    "(poison|poisons|pills|drugs|overdoses) ~4 (fastest|quickest|painless|painlessly|work "
    "fastest|works fastest|would kill|to die)",
    "(will not|am not going to) be (reading|here to read|around to read|here to see|around to "
    "see) (it|this|them|any replies|your reply|the replies) !,/and/but/because/cos/as/so/since/"
    "till/until/for/while/on/at/this/today/tonight/tomorrow/anyway",
    "top of the (car park|multistorey|multi storey|building|bridge|cliff|tower|block|roof) ~6 "
    "(jump|jumping|the drop|edge)",
    "sorry for (everything|all the pain|all the trouble|all of it) (that)? i (put|have put|"
    "caused|have caused) (you|them|everyone|you all|everybody)",
    "(lost|losing|lose|have no|had no|no) (the|my|all)? will to (live|go on|keep going|carry on|"
    "exist|stay alive)",
    "(swallow|swallowing|swallowed|take|taking|down|downing) (everything|all|the lot|all of it|"
    "whatever|every pill|every tablet) (in|from) (the|my|our) (medicine|bathroom|first aid)? "
    "(cabinet|cupboard|drawer|box|cabinets)",
    "(want|need|crave|craving|wanting|miss|missing) new (ones|scars|cuts|marks|burns)",
    "(can not|could not|do not|cannot|can never) (picture|see|imagine|envision) ~3 with me in it",
    "(fantasise|fantasize|fantasising|fantasizing|dream|dreaming|think|thinking|obsess|obsessing|"
    "obsessed) (about|of|over) my (own)? (death|dying|funeral|suicide|end)",
    "(find|found|finds|discover|discovers|discovered) my body",
    "(telling|tells|told|tell|keeps telling) me to (jump|die|end it|kill myself|do it|cut|hurt "
    "myself|step off|step in front)",
    "(one step|moments|seconds|minutes|this close|so close) (away)? from (doing it|ending it|"
    "jumping|going through with it)",
    "(engine|motor) (running|on) ~5 (garage|closed|shut)",
    "(need|needed|have|had|want|urge) to (cut|burn|bleed) (,|$|again|so bad|tonight|now|right)",
    "(went back to|go back to|going back to|back to|started|start|restarted|returned to|return "
    "to) (cutting|burning myself|self harming|selfharming|hurting myself|harming myself)",
    # Round seven: the long tail of blind batches 14, 15 and training-o, by concept.
    # Tired of, or done with, being alive at all.
    "(tired|sick|weary|exhausted) of (being|staying|feeling) alive",
    "(tired|sick|weary) of (existing|living|life itself|this life|breathing)",
    "(done|finished|through) (with)? (existing|living|being alive|breathing|life itself|this "
    "life) !for/today/tonight/now/in/on/at",
    "can not do (this)? (life|living|the living|existing) (thing)? (anymore|any more|any longer)",
    "(stop|quit|quitting|stopping) pretending to be alive",
    "game over (for me|,? no more (continues|lives|respawns|tries))",
    "(no more (continues|respawns|extra lives)|respawn (disabled|off|turned off)|final level "
    ",? (for me|see ya|bye|goodbye))",
    "(press|pressing|hit|hitting|flip|flipping|pull|pulling) the (off|kill) switch on (me|myself)",
    "(switch|turn|switching|turning) (me|myself) off (for good|forever|permanently|for ever|$)",
    # Rest or sleep with no waking.
    "(rest|sleep|sleeping|resting) ,? (permanently|for good|forever|for ever|eternally)",
    "(permanently|forever|eternally) (rest|sleep|resting|sleeping) !in",
    "(not|never) (let|letting) me wake (up)?",
    "(wish|wished|wishing|want|wanted) i (did not|didn't|never|would not|wouldn't) (have to)? "
    "come (back)? (up|round|around|to) !for/with/at",
    # The last reasons, and envy of the dead.
    "(only|last) (reason|thing) (i am|that keeps me|keeping me|left keeping me) still? (here|"
    "alive|around|breathing|going)",
    "(no|zero|not any) reasons? (left|at all)? (to (stay|live|keep going|go on|be here|stay "
    "alive|keep living)|left $)",
    "(envy|envied|envying|jealous of|jelly of) (the dead|dead people|people who (died|are dead|"
    "passed)|everyone who (died|is dead))",
    "(ready|want|wanting|long|longing|waiting|time) to (go and|go)? (join|be with) (him|her|them|"
    "my @ANY) "
    "(again)? (in heaven|on the other side|up there|in death|wherever (he|she|they) (is|are)|$)",
    "(wish|wished|wishing) (it|that) (was|were|had been) me (in the (box|coffin|casket|ground|"
    "grave)|instead|who died)",
    "(soon|one day soon|before long) i (will|am going to) (just)? be (a memory|a ghost|dust|"
    "gone|a photo on the wall)",
    # Staying, or not, in this world.
    "(not|no longer|whether to|why|never) @ADVB? ~3 stick around (on|in) (this|the) (earth|"
    "world|planet)",
    "not (going to|gonna) stick around (much longer|for long|to find out|any longer)",
    "(decided|decide|deciding) (that)? i am (not going to|not gonna|never going to) be (here|"
    "around|alive) (next|by|for|at|much longer|$)",
    # Asking to be stopped; plans in the open.
    "(want|need|wish|wanted|needed) (someone|somebody|anyone|anybody) to stop me",
    "where (nobody|no one|noone) (will|would|could) (ever)? find me",
    "i (@ADVB)? (think|know|feel like|have decided|decided) i am (going to|gonna) (do it|go "
    "through with it) (tonight|this weekend|tomorrow night|this week)",
    "(planning|plotting|planned|plotted) my (exit|way out) (from (this|the) (world|life|earth))? "
    "!from",
    "i am (ending it|going to end it|gonna end it|ending my life) $",
    "(top|edge) of the (stairwell|stairs|roof|cliff|cliffs|bridge|building|car park|multistorey|"
    "balcony) ~5 (staring|looking|stare|look|peering|peer|stared|looked) down",
    "(closer|close|nearer) to the edge of the (roof|cliff|bridge|platform|building|balcony)",
    "(nothing|no one|nobody|not|none of it) ~3 (is|are|was)? worth (staying alive|living|being "
    "alive|sticking around|staying) (for)?",
    "(let|make) (this|today|tonight|it) be the last (morning|day|night|time) (that)? i (have to)? "
    "(wake up|wake|live|am alive|open my eyes)",
    "(rather|sooner) be dead than (go back|going back|live like|living like|stay here|staying "
    "here|stay with|live with|living with|face)",
    "(do not think|doubt|am not sure) i will (still)? be (around|here|alive|at|there for) (for|"
    "at|to see)? (the|her|his|their|my)? next (one|birthday|christmas|year|summer|holiday|"
    "anniversary)",
    "way out ~6 (is|be|was) (dying|death|to die|suicide|ending it|killing myself|not being here|"
    "to end it)",
    "i have (decided|chosen|picked|settled on) (that)? it is (going to be|gonna be|happening|"
    "happening on|going to happen)? (this|next|on)? (weekend|week|tonight|tomorrow|monday|"
    "tuesday|wednesday|thursday|friday|saturday|sunday|the day|the night) $",
    "(the night|the day|the time|the moment|the week|the weekend) (that)? i (end it|end things|"
    "end my life|do it|go through with it|kill myself|go|leave for good) !for/to/at",
    "i @ADVB? (end|will end|am ending|am going to end|am gonna end) (it|it all|things|everything|"
    "my life) (tonight|today|tomorrow|this weekend|soon|now|for good)",
    "(end|ending|ended) (things|it|my life|it all) on my own terms",
    "(made|making|make) (my)? peace with (dying|ending it|ending things|leaving this world|going|"
    "not being here|not waking up|death)",
    "(would not|would not be|not be|would be)? (upset|sad|mind|care|bothered|sorry|"
    "relieved|glad) if (the|my|a|our) (plane|car|bus|train|boat|flight|taxi|ferry) ~2 (went "
    "down|crashed|crashes|goes down|sank|hit|flipped|came off)",
    "(she|he|they|mum|mom|dad|nobody|no one|none of them) (did not|does not|will not) know "
    "(it was|this was|it is|this is) (really|actually|the last|our last|my last)? goodbye",
    "(logging|log|logged|checking|check|checked|signing|sign|clocking|clock) (off|out) (from|of) "
    "(life|this life|the world|existence|everything|living) !insurance",
    "(said|told|tell|telling|say|saying|pretend|pretended|pretending|lied|lie|lying|claim|claimed) "
    "~6 (the|my|these|those)? (burns|cuts|scars|marks|bruises|scratches) (were|are|was|came) "
    "(from|because)",
    "(take|have|look after|keep|get|adopt|rehome) (the|my) (cat|dog|cats|dogs|kids|pets|pet|"
    "things|stuff|plants|fish|rabbit) if (anything|something) (happens|happened|were to happen|"
    "should happen) to me",
    # Round eight (training-r): plain words the rules still missed.
    "(before|when|once|after|until|till) i (end it|end it all|end things|end my life|kill myself|"
    "take my life) !with/for",
    "(close|closer|near|so close|this close|came close|come close) to (killing|ending|hanging|"
    "drowning|hurting|poisoning) myself",
    "(kill|killing|killed|end|ending|ended|hang|hanging|hanged|drown|drowning|drowned) myself "
    "(on|in|at|by|this|next|last|over) (the)? (weekend|sunday|monday|tuesday|wednesday|thursday|"
    "friday|saturday|night|morning|evening|summer|winter|christmas|holidays|bath|car|garage|"
    "woods|river|sea|lake)",
    "(ending it|ending my life|killing myself|taking my life|my death|my suicide) (was|is|will "
    "be|would be) (my|entirely my|all my) (own)? (choice|decision|fault)",
    "(something|anything|things) to remember me by",
    "(do|doing|did) something to myself",
    "(scared|afraid|worried|frightened|terrified) (that)? i (will|might|would|could) (do something|"
    "hurt myself|act on it|not be safe|go through with it)",
    "(do not|can not|no longer) trust myself (to be alone|alone|tonight|to stay safe|to be safe|"
    "around|with (the|my) (pills|knives|meds|car|rope))",
    "(dead|died) inside ~8 (finish|finishing|complete|completing) (the job|it off|what|it $)",
    "(another|one more|yet another) (morning|day|night) i (never wanted|did not want|did not "
    "ask|was not supposed|hoped not|prayed not) to (see|wake up|wake up to|be here for|live|have)",
    # Round nine (training-s): other voices.
    "(decided|deciding|decide) ~6 (not coming|never coming|not going|never going) (home|back)",
    "(because|bc|cos|cause|coz) i am (gone|dead|not here anymore|not here any more|no more)",
    "(stopped|stopping|stop|quit) ~4 (medicine|medication|meds|insulin|tablets|pills|treatment|"
    "dialysis) ~4 (go sooner|die|die sooner|not wake|end it|be gone|might go|will go)",
    "(whoever|whomever|the person who|the one who) (finds|will find|found|discovers) me",
    "(drank|drink|drinking|swallowed|took|take) (the|some)? poison",
    "(better|happier|easier) (life|lives|off)? without (a|an)? (father|mother|mum|mom|dad|wife|"
    "husband|daughter|son|sister|brother|friend|person|burden) like me",
    "(seen to it|made sure|make sure|making sure) (that)? i (will not|shall not|do not|never) "
    "(see|be here|wake|live|make it)",
    "(scald|scalded|scalding|burn|burned|burnt|burning|cut|hit|hitting|punch|punching|bite|"
    "biting|starve|starving|scratch|scratching) (my|myself) ~3 (on purpose|deliberately|"
    "intentionally)",
    "better (that)? i (die|am dead|was dead|were dead|kill myself|be gone) than",
    "(gathering|gather|gathered|summoning|summon|finding|found) (my|the|up the|up my) (courage|"
    "nerve) $",
    "(take|swallow|taking|swallowing) (them|it|everything)? (all)? (together|at once|in one go) "
    "!with",
    "if i (disappear|vanish|am gone|go missing|die|do not wake up) ~6 (not|never) (anyone's|"
    "anyones|anybody's|your|their) fault",
    "(setting aside|set aside|saving up|saving|saved|stockpiling|stockpiled|hoarding|hoarded|"
    "collecting|stashing|stashed) (my|the|up)? (tablets|pills|meds|medication|medicine|"
    "painkillers)",
    "i (want|wanna|am going|am gonna|will) (to)? (kill|end) me (,|$)",
    "(so|so that) (they|you|she|he|everyone|my @ANY) (know|knows|will know|understand) it (was "
    "not|is not|was never) (their|your|his|her|anyone's|anyones) fault",
    "(done|finished|through) with life !admin/insurance/drawing/class/classes/lessons/coaching",
    "(which|what) (bridge|building|cliff|car park|roof|floor|height|drop|balcony) (is|would be|"
    "will be) (high|tall|big|far) enough",
    "(woke up|came round|came to|waking up) in (the)? (hospital|icu|a&e|ambulance) ~10 (failed|"
    "did not work|still alive|still here|angry|disappointed|gutted)",
    "(given|giving|give|gave) (it|myself|life|things) (until|till|til|one more) ~5 (and)? "
    "(then)? i am (done|out|gone|finished) $",
    "(giving|given|give|gave) away (all)? (my|all my|all of my) (stuff|things|belongings|"
    "possessions|everything)",
    "(rather|want to|wanna|wish i could|going to|ready to) (just)? (fade|slip) (out|away) (than|"
    "for good|forever|quietly|$)",
    "(useless|hopeless|bad|a failure|rubbish|crap|no good) at dying",
    "at dying i am",
    "(i am|i will be|so i am) checking out $",
    "check out (for good|permanently|of (this|life|this life|this world))",
    "(cut|cuts|cutting|burn|burns|burning|burned|burnt|hit|hits|hitting|scratch|scratches|"
    "scratching|hurt|hurts|hurting|punish|punishing|starve|starving) myself (when|whenever|every "
    "time|if|after|because) ~3 (upset|sad|angry|stressed|overwhelmed|anxious|low|bad|numb|lonely|"
    "much|worse|triggered|panicky|panic|empty|hurt|mad|frustrated|furious|rejected|ashamed|"
    "guilty|hate myself)",
    "(not|never) (going to|gonna) (survive|get through|make it through) ~3 (,)? (and|but)? @ADVB? "
    "i (do not|never) @ADVB? want to",
    "i am (going to|gonna|will|want to|should|need to) set (them|everyone|my family|my kids|my "
    "children|my wife|my husband|my partner|my parents|you all) free",
    "taking up (space|room|air|oxygen) ~4 (should|need to|have to|ought to|better) (go|leave|"
    "disappear|be gone|stop)",
    # Illness welcomed as a way out.
    "(terminal (diagnosis|illness|cancer)|cancer|illness|disease|heart attack|stroke|virus) "
    "(took|take|takes|would take|might take|could take|finished|finish|would finish) me",
    "(if|when) i (got|get|had|was given) (a)? (terminal|fatal) (diagnosis|illness|disease|cancer|"
    "prognosis) ~5 (relieved|grateful|glad|happy|relief|thankful)",
    # Means that keep coming to mind, and looking them up.
    "(gun|guns|pills|rope|knife|knives|blade|blades|bridge|tracks|belt) ~2 (keeps|kept|keep) "
    "(coming to mind|coming back to me|popping into my head|calling me|calling to me)",
    "(drank|drink|drinking|swallowed|swallow|swallowing) (some)? (bleach|poison|antifreeze|"
    "weedkiller|drain cleaner)",
    "(try|tried|trying) to die",
    "(looking up|looked up|look up|searching|searched|googling|googled|researching|researched) "
    "~3 (tallest|highest) (bridges|bridge|buildings|building|cliffs|cliff|car parks|points)",
    "(counting down|count down|counted down) ~7 (end this|end it|end it all|be gone|die|stop "
    "(living|existing|being alive|pretending))",
    # Time and place chosen.
    "miss me ,? (but|and)? (he|she|they|everyone|people|you|we|mum|mom|dad) (will|would) get "
    "over (it|me)",
    "i (think|know|feel|have decided|decided|reckon) (that)? tonight is the night $",
    "(plan|planning|going|waiting|wait) ~4 (until|till|til|when) (the house|the flat|everyone|"
    "the kids|my parents|my wife|my husband) (is|are)? @ADVB? (empty|asleep|out|gone|away)",
    "(wrote|written|rewrote|rewritten|writing|finished) my (note|last note|final note|suicide "
    "note|goodbye note|goodbye letter|last letter) (again)? $",
    # After an attempt.
    "(angry|annoyed|disappointed|upset|gutted|mad|furious|sad) ~4 (i survived|i am still alive|"
    "i am still breathing|i woke up|i lived|it did not work|it didnt work)",
    "i (survived|lived|woke up) (again|anyway) ~4 (angry|annoyed|disappointed|gutted|furious)",
    "(pumped|pump|pumping) my stomach",
    # Self-injury in other words.
    "^ (i)? (cut|burned|burnt) (again|last night|tonight|this morning) $",
    "(carve|carving|cut|cutting|scratch|scratching|burn|burning|rip|ripping|tear) ~4 out of (me|"
    "myself|my (skin|body|arms|legs))",
    "(need|needed|want|wanted|have) to feel (the)? (pain|physical pain|something hurt)",
    "(lie|lay|lying|laying) (down)? (on|across) the (tracks|railway|rails|road|motorway) !to/for",
]


# Farewell cues: each alone is everyday ("thanks for everything"), two or more in one text
# read as a goodbye note ("sorry for everything. i love you all. goodbye.").
_FAREWELL_RULES: list[tuple[bool, str]] = [
    # (strong, rule): a note needs two cues, one of them strong; "thanks for everything, love
    # you so much" is a warm letter, "sorry for everything, love you all" may not be.
    (
        True,
        "sorry for (everything|all of it|all the trouble|all the pain|being me|being like this)",
    ),
    (False, "love (you|u) (all|guys|both|so much|always|forever)"),
    (True, "^ (goodbye|bye|farewell) (everyone|all|world|guys|everybody|for good|then)? $"),
    (False, "(thanks|thank you|thank u) for everything"),
    (
        True,
        "(do not|please do not) (blame yourself|blame yourselves|be sad|cry for me|miss me|feel "
        "guilty|blame anyone)",
    ),
    (
        False,
        "(take care of|look after) (mum|mom|dad|the cat|the dog|the kids|each other|yourselves|"
        "yourself|my @ANY) (for me)?",
    ),
    (
        False,
        "(you were|you have been|you have always been|you were always) (always)? (so)? (good|kind|"
        "nice|lovely|the best) to me",
    ),
    (True, "(please)? forgive me"),
    (False, "(it is|it was) (not|never) (your|anyone's|anyones) fault"),
    (True, "(remember me|think of me) (fondly|kindly|happy|as|when)"),
    (True, "this is (goodbye|the end|my last (message|entry|post|note))"),
    (False, "sorry (to|for) (everyone|everybody|you all|all of you|all)"),
    (
        True,
        "^ (ok|okay|so|well|right)? i (have)? (decided|made up my mind|made my decision|made my "
        "choice) $",
    ),
    (True, "(it is|its) time for me to go (now)? $"),
    (False, "i am (so)? sorry (mum|mom|dad|everyone|everybody|guys|all)"),
    (False, "said (goodbye|bye|my goodbyes)"),
    (
        False,
        "(thinks|think|thought) i am (just)? (being)? (dramatic|sappy|silly|emotional|joking|"
        "weird|soppy)",
    ),
    (False, "(told|tell|telling) ~3 i love (her|him|them|you)"),
    (False, "^ (tonight|today|tomorrow) $"),
    (False, "^ (i)? woke up (again|anyway|this morning)? $"),
    (True, "(hoped|wished|prayed|was hoping|was praying) i (would not|did not|might not) $"),
    (True, "(it is|this is|it was) (really|actually)? goodbye $"),
    (True, "^ (i)? relapsed (again|tonight|today|last night|this morning)"),
    (False, "(days|weeks|months|streak) (gone|clean|reset|wasted|down the drain) $"),
    # The morning after an attempt says some of the same things a note does.
    (False, "^ (i)? (woke up|came round|came to) in (the)? (hospital|a&e|icu|ambulance)"),
    (False, "^ (it)? (did not|didn't) work $"),
    (False, "i will (do better|get it right|do it properly|not fail) next time"),
    (True, "(see|meet) (you|u) (on the other side|in another life|in the next life)"),
]


# Everyday idioms that borrow death words. They never veto the crisis rules (which carry
# their own exceptions); they only stop the learned weights reading "dying for a coffee" as
# crisis language.
_IDIOM_RULES: list[str] = [
    "(rather|sooner) (die|be dead) than",
    "(die|died|dying|dead|death) (of|from) (boredom|embarrassment|laughter|laughing|shame|cringe|"
    "hunger|thirst|curiosity|excitement|heat|cold|fright|shock)",
    "(dying|die) (for|to) (a|an|the|some|get|see|try|know|hear|go|meet|tell|eat|have|find)",
    "@SUICIDE_BEFORE suicide",
    "suicide @SUICIDE_AFTER",
    "(killing|killed|kill|kills) (me|it)",
    "(killing|killed|kill) myself (@IDIOM_AFTER_MYSELF|to get)",
    "(phone|battery|laptop|car|plant|plants|tv|charger|headphones|computer|bulb|printer|"
    "console|controller|engine|torch|kindle|tablet|ipad|iphone|mouse|keyboard) ~3 (died|dead|"
    "dying|is dead|has died)",
    "dead (tired|on|end|heat|beat|set|serious|easy|good|funny|loud|quiet|centre|center|ringer)",
    "(killed|killing|slayed|slaying|murdered|destroyed|smashed|nailed) it",
    "(could|would) (kill|murder) (for)? (a|an|some|the)",
    "over my dead body",
    "(bored|embarrassed|scared|tired|worried|sick) to death",
    "(shoot|shooting|shot|shoots) (myself|yourself|ourselves) in the foot",
    "(jumped|jump|jumping|leapt|leaped) out of my (skin|seat|chair)",
    "(jump|jumped|jumping) ship",
    # Accidents in the kitchen, the garden or the gym: the weights know "cut myself" too well.
    "(cut|cutting|burned|burnt|burning|scalded|scalding|hurt|hurting|nicked|grazed|bruised) "
    "myself ~6 (cooking|chopping|shaving|slicing|peeling|baking|ironing|gardening|oven|tray|pan|"
    "kettle|iron|stove|hob|knife|grater|mandoline|paper|glass|tin|can|by accident|accidentally|"
    "playing|running|football|gym|climbing|lifting)",
    "(kill|murder|strangle|throttle) (whoever|the person who|the guy who|the idiot who|someone "
    "who|the people who)",
    "(floor|ground|earth) to (open up and)? swallow me (up|whole)?",
    "(jump|jumped|jumping|dive|dived|diving) (off|in|into) the deep end",
    "(tv|netflix|sugar|caffeine|chocolate|drama|cuteness|carb|information|data|screen|social "
    "media|cheese|coffee|festive|nostalgia) overdose",
    "(overdose|overdosed|overdosing|od|oded) (on|of) (netflix|sunshine|chocolate|sugar|caffeine|"
    "coffee|drama|tv|telly|cake|candy|sweets|carbs|pizza|cheese|christmas|music|cuteness|"
    "nostalgia|memes|work|love|fun|attention|gossip|reality|social)",
    "deadline",
]


def _build() -> list[_Pattern]:
    """All patterns in one list (critical, markers, riders, crisis) so one lookup finds them."""
    patterns = [
        _pattern("critical", kind, source, **options) for kind, source, options in _CRITICAL_RULES
    ]
    patterns += [_pattern("marker", kind, source) for kind, source in _MARKER_RULES]
    patterns += [_pattern("context", "rider", source) for source in _RIDER_RULES]
    patterns += [_pattern("context", "post-defusion", source) for source in _POST_DEFUSION_RULES]
    patterns += [_pattern("crisis", "crisis", source) for source in _CRISIS_RULES]
    patterns += [_pattern("idiom", "idiom", source) for source in _IDIOM_RULES]
    patterns += [
        _pattern("farewell", ("strong " if strong else "weak ") + source, source)
        for strong, source in _FAREWELL_RULES
    ]
    return patterns


class _Index:
    """Finds the patterns a sentence could match without trying them: a pattern is a candidate
    when the sentence has a word of its trigger (its rarest required word set) and a word of
    each of its next two required sets. Each word carries those three facts as one integer,
    three bit masks over the pattern numbers side by side, so choosing is one OR per word and
    a few shifts and ANDs per sentence, all in C. Numbers follow rule order within groups."""

    def __init__(self, patterns: list[_Pattern]) -> None:
        order = {"critical": 0, "marker": 1, "context": 2, "crisis": 3, "idiom": 4, "farewell": 5}
        self.patterns = sorted(patterns, key=lambda pattern: order[pattern.group])
        width = self.width = len(self.patterns)
        self.lane = (1 << width) - 1
        self.masks: dict[str, int] = {}
        self.chosen: dict[int, dict[str, list[_Pattern]]] = {}
        self.codes = _Codes(patterns)
        # Lanes: 0, the trigger; 1 and 2, the two sets to check. A pattern with no trigger or
        # fewer sets has its bit set from the start, as if every sentence had the word.
        self.start = 0
        for number, pattern in enumerate(self.patterns):
            sets = [pattern.trigger, *pattern.required[:2]]
            sets += [None] * (3 - len(sets))
            for lane, words in enumerate(sets):
                bit = 1 << (number + lane * width)
                if words is None:
                    self.start |= bit
                    continue
                for word in words:
                    self.masks[word] = self.masks.get(word, 0) | bit

    def candidates(self, words: Set[str]) -> dict[str, list[_Pattern]]:
        """The patterns worth trying on a sentence with these words, by group."""
        width = self.width
        seen = reduce(or_, map(self.masks.get, words, repeat(0)), self.start)
        mask = seen & (seen >> width) & (seen >> (2 * width)) & self.lane
        # Many sentences share a set of candidates ("I'm so stupid", "I'm such an idiot").
        known = self.chosen.get(mask)
        if known is not None:
            return known
        groups: dict[str, list[_Pattern]] = {}
        patterns = self.patterns
        rest = mask
        while rest:
            lowest = rest & -rest
            rest ^= lowest
            pattern = patterns[lowest.bit_length() - 1]
            chosen = groups.get(pattern.group)
            if chosen is None:
                groups[pattern.group] = [pattern]
            else:
                chosen.append(pattern)
        if len(self.chosen) >= _CHOSEN_LIMIT:
            self.chosen.clear()
        self.chosen[mask] = groups
        return groups


_CHOSEN_LIMIT = 4096


def _matches(patterns: list[_Pattern], sentence: _Sentence) -> list[tuple[_Pattern, int, int]]:
    """Every (pattern, start, end) in words, left to right; a match's own words never start
    another (what ``finditer`` does)."""
    found: list[tuple[_Pattern, int, int]] = []
    codes, code = sentence.codes, sentence.code
    for pattern in patterns:
        for match in pattern.compiled(codes).finditer(code):
            start, end = match.span()
            if end > start:
                found.append((pattern, start, end))
    return found


def _matches_any(patterns: list[_Pattern], sentence: _Sentence) -> bool:
    codes, code = sentence.codes, sentence.code
    for pattern in patterns:
        for match in pattern.compiled(codes).finditer(code):
            if match.end() > match.start():
                return True
    return False


_INDEX_LOCK = threading.Lock()
_BUILT: list[_Index] = []


def _index() -> _Index:
    """Built on first use (tens of milliseconds), so importing this module stays cheap."""
    if not _BUILT:
        with _INDEX_LOCK:
            if not _BUILT:
                _BUILT.append(_Index(_build()))
    return _BUILT[0]


_VOCATIVE_OK = (
    _CLASSES["LABEL_NOUN"]
    | _CLASSES["LABEL_ADJ"]
    | _CLASSES["INT"]
    | _w("ugh urgh argh agh oh god gosh omg ffs seriously come on again what you such me , ")
)
_VOCATIVE_HEAD = _CLASSES["LABEL_NOUN"] | _w(
    "stupid dumb dumbass idiotic moronic useless worthless pathetic hopeless lazy ugly fat "
    "disgusting incompetent"
)


def _negations_before(words: Sequence[str], start: int) -> int:
    """How many negations reach the phrase at ``start`` ("I don't think I'm …")."""
    count = 0
    index = start - 1
    steps = 0
    while index >= 0 and steps < 6:
        word = words[index]
        if (
            word == "not"
            and 0 < index < start - 1
            and words[index + 1] == "believe"
            and words[index - 1] in ("can", "could")
        ):
            break  # "I can't believe how stupid I was" is disbelief, not denial
        if word in _NEGATORS:
            count += 1
        elif word not in _TRANSPARENT:
            break
        index -= 1
        steps += 1
    return count


_NO_PATTERNS: list[_Pattern] = []


class _Sentence:
    __slots__ = ("candidates", "code", "codes", "has_self", "low", "word_set", "words")

    def __init__(self, low: str, words: _WordList) -> None:
        index = _index()
        self.low = low
        self.words = words
        self.word_set = set(words)
        self.has_self = not _SELF.isdisjoint(self.word_set)
        self.candidates = index.candidates(self.word_set)
        self.codes = index.codes
        self.code = index.codes.encode(words)  # one character a word, for the expressions

    def pick(self, group: str) -> list[_Pattern]:
        return self.candidates.get(group, _NO_PATTERNS)


# (category, start word, end word, weak)
_Raw = tuple[str, int, int, bool]


def _critical_findings(sentence: _Sentence) -> list[_Raw]:
    """Findings in word positions after negation, defusion, reported past and permission."""
    words = sentence.words
    found: list[_Raw] = []
    matches = _matches(sentence.pick("critical"), sentence)
    if matches:
        scope = _Scope(words, _matches(sentence.pick("marker"), sentence))
        has_self = sentence.has_self
        for pattern, start, end in matches:
            if pattern.needs_self and not has_self:
                continue
            if pattern.negation == "suppress" and _negations_before(words, start):
                continue
            if pattern.negation == "polarity":
                inside = sum(1 for word in words[start:end] if word in _NEGATORS)
                if (inside + _negations_before(words, start)) % 2 == 0:
                    continue
            if scope.suppresses(start):
                continue
            weak = pattern.weak or not _PAST_BE.isdisjoint(words[start : start + 4])
            found.append((pattern.kind, start, end, weak))
    if _vocative(words):
        found.append(("harsh-self-address", 0, len(words), False))
    return found


class _Scope:
    """Where suppressing markers reach: defusion to the end of the sentence, reported past and
    permission to the end of their clause. Precomputed so each check is constant time."""

    def __init__(self, words: list[str], markers: list[tuple[_Pattern, int, int]]) -> None:
        self.defused_after = len(words) + 1
        self.clause: list[int] = []
        self.earliest_end: dict[int, int] = {}
        if not markers:
            return
        clause = 0
        for word in words:
            self.clause.append(clause)
            if word in _CLAUSE_END:
                clause += 1
        self.clause.append(clause)
        for marker, start, end in markers:
            if marker.kind == "defusion":
                self.defused_after = min(self.defused_after, start)
            else:
                number = self.clause[end]
                if end < self.earliest_end.get(number, len(words) + 1):
                    self.earliest_end[number] = end

    def suppresses(self, start: int) -> bool:
        if start > self.defused_after:
            return True
        if not self.earliest_end:
            return False
        end = self.earliest_end.get(self.clause[start])
        return end is not None and end <= start


def _vocative(words: Sequence[str]) -> bool:
    """A sentence that is only an insult ("Idiot!", "stupid, stupid, stupid")."""
    if len(words) > 8 or not words:
        return False
    return all(word in _VOCATIVE_OK for word in words) and any(
        word in _VOCATIVE_HEAD for word in words
    )


def _context(sentence: _Sentence) -> tuple[bool, bool]:
    """(kind, defused): a kind rider ("and that's okay") or an after-the-fact defusion
    ("that's just a thought") that isn't itself negated."""
    kind = defused = False
    words = sentence.words
    for pattern, start, _end in _matches(sentence.pick("context"), sentence):
        if _negations_before(words, start):
            continue
        if pattern.kind == "post-defusion":
            defused = True
        else:
            kind = True
    return kind, defused


def word_features(text: str) -> set[str]:
    """The words and word pairs the learned weights are keyed by (see
    scripts/train_selftalk_weights.py, which trains on these)."""
    return _features(_words(_lower(text)))


def _features(words: Sequence[str]) -> set[str]:
    """Each word, and each word with the one before it ("<s>" after a sentence or clause
    break). After a negation, to the end of its clause, both are marked "!": so "I'm not
    good enough" and "I'm good enough" share no feature past "not" (but "can't stop" and
    "can't help" end the mark: what follows them is meant). This runs for every
    sentence, so it stays one plain loop."""
    features: set[str] = set()
    add = features.add
    previous = _START
    mark = ""
    for word in words:
        if word == BREAK:
            previous = _START
            mark = ""
            continue
        if word in _CLAUSE_END:
            mark = ""
        add(mark + word)
        add(mark + previous + " " + word)
        if mark and word in _NOT_NEGATING and previous in _NEGATORS:
            mark = ""  # "can't stop thinking about…" says more of it, not less
        previous = word
        if word in _NEGATORS:
            mark = "!"
    return features


_NOT_NEGATING = frozenset({"stop", "help", "wait", "resist", "shake"})


_START = "<s>"


_LEARNED_MIN_WORDS = 3
_SUPPORT = 0.5  # the weight at which a feature counts as speaking for a flag


class _Learned:
    """The weights behind the rules (see scripts/train_selftalk_weights.py)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.crisis_threshold = float(data["crisis"]["threshold"])
        self.crisis = {str(k): float(v) for k, v in data["crisis"]["weights"].items()}
        self.critical_threshold = float(data["critical"]["threshold"])
        self.critical = {str(k): float(v) for k, v in data["critical"]["weights"].items()}
        categories = {
            str(category): {str(k): float(v) for k, v in profile.items()}
            for category, profile in data["categories"].items()
            if category in CATEGORIES
        }
        # Per feature, its fit with each category (in this order): one lookup per feature.
        self.category_names = tuple(categories)
        self.category_fits: dict[str, tuple[float, ...]] = {
            feature: tuple(profile.get(feature, 0.0) for profile in categories.values())
            for feature in set().union(*categories.values())
        }
        # The features strong enough to speak for a flag (see _passes).
        self.crisis_support = frozenset(k for k, v in self.crisis.items() if v >= _SUPPORT)
        self.critical_support = frozenset(k for k, v in self.critical.items() if v >= _SUPPORT)

    def is_crisis(self, features: set[str]) -> bool:
        return self._passes(self.crisis, self.crisis_support, self.crisis_threshold, features)

    def is_critical(self, features: set[str]) -> bool:
        return self._passes(self.critical, self.critical_support, self.critical_threshold, features)

    @staticmethod
    def _passes(
        weights: dict[str, float], support: frozenset[str], threshold: float, features: set[str]
    ) -> bool:
        """Enough evidence, from two features or more that name at least two different words:
        one word that happens to lean one way ("letters", "fr") is never enough on its own,
        even though it brings two features (itself, and itself after a break)."""
        # The cheap test first: most sentences have fewer than two features that speak.
        speaking = support.intersection(features)
        if len(speaking) < 2:
            return False
        total = sum(map(weights.get, features, repeat(0.0)))
        if abs(total - threshold) < 1e-6:
            # Too close to call with rounding that depends on the set's (hash-seeded) order:
            # fsum is exact, so the verdict never changes from run to run.
            total = math.fsum(map(weights.get, features, repeat(0.0)))
        if total < threshold:
            return False
        if sum(" " not in feature for feature in speaking) >= 2:
            return True  # two single words, and so two different ones
        words = {word for feature in speaking for word in feature.split(" ") if word != _START}
        return len(words) >= 2

    def category(self, features: set[str]) -> str:
        fits = [fit for fit in map(self.category_fits.get, features) if fit is not None]
        best, best_score = "labelling", 0.0
        for name, column in zip(self.category_names, zip(*fits, strict=True), strict=False):
            score = math.fsum(column)
            if score > best_score:
                best, best_score = name, score
        return best


_LEARNED: list[_Learned | None] = []


def _learned() -> _Learned | None:
    """Read on first use from data/selftalk_weights.json; None when switched off. Locked like
    the index: the home screen warms the analyser in a thread."""
    if not _LEARNED:
        with _INDEX_LOCK:
            if not _LEARNED:
                import json
                from importlib import resources

                data = resources.files("tui.core").joinpath("data/selftalk_weights.json")
                _LEARNED.append(_Learned(json.loads(data.read_text("utf-8"))))
    return _LEARNED[0]


def use_learned_weights(enabled: bool) -> None:
    """Rules alone (False) or rules with the learned weights behind them (True, the default).

    For training (the categories come from the rules) and for measuring each layer."""
    _LEARNED.clear()
    if not enabled:
        _LEARNED.append(None)
    _READINGS.clear()


class _Reading:
    """What one sentence says on its own, whatever surrounds it: so it can be remembered."""

    __slots__ = ("crisis", "defused", "farewell", "found", "kind")

    def __init__(self, low: str, words: _WordList) -> None:
        sentence = _Sentence(low, words)
        learned = _learned()
        # A word or two is too little for a statistical verdict ("nothing", "kinder"): the
        # weights only read sentences of a few words; the rules read everything.
        if learned is not None and len(words) - words.count(BREAK) < _LEARNED_MIN_WORDS:
            learned = None
        features = _features(words) if learned is not None else set()
        self.crisis = _matches_any(sentence.pick("crisis"), sentence) or (
            learned is not None
            and learned.is_crisis(features)
            and not _matches_any(sentence.pick("idiom"), sentence)
        )
        self.kind, self.defused = _context(sentence)
        # Which goodbye cues this sentence holds (see _FAREWELL_RULES).
        self.farewell = frozenset(
            pattern.kind for pattern, _, _ in _matches(sentence.pick("farewell"), sentence)
        )
        # (category, start, end, weak), in characters from the start of the sentence.
        self.found: tuple[tuple[str, int, int, bool], ...] = ()
        raw = _critical_findings(sentence)
        if raw:
            starts, ends = _char_spans(low, words, max(end for _, _, end, _ in raw))
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
            and learned.is_critical(features)
            and not self.kind
            and not _matches_any(sentence.pick("marker"), sentence)
        ):
            # Wording the rules don't know but the weights read as self-criticism: the whole
            # sentence, under the category it fits best; weak, so a kind rider softens it.
            start = len(low) - len(low.lstrip())
            end = len(low.rstrip().rstrip(".!?,;:…"))
            if end > start:
                self.found = ((learned.category(features), start, end, True),)


# Sentences read before, by their lower-cased text. People repeat themselves ("I'm so
# tired."), and the app checks a whole answer again after each edit of one line. Cleared
# when full, so memory stays bounded whatever is pasted in.
_READINGS: dict[str, _Reading | None] = {}
_READINGS_LIMIT = 20_000


def _reading(low: str) -> _Reading | None:
    """None for a sentence with no words (only punctuation or symbols)."""
    try:
        return _READINGS[low]
    except KeyError:
        pass
    words = _words(low)
    reading = _Reading(low, words) if words and words.count(BREAK) != len(words) else None
    if len(_READINGS) >= _READINGS_LIMIT:
        _READINGS.clear()
    _READINGS[low] = reading
    return reading


def analyse(text: str) -> Analysis:
    """Analyse ``text`` (any length, any characters). Never raises on str input."""
    readings: list[tuple[int, _Reading]] = []
    for chunk in _SENTENCE.finditer(_lower(text)):
        reading = _reading(chunk.group())
        if reading is not None:
            readings.append((chunk.start(), reading))
    crisis = any(reading.crisis for _, reading in readings) or _is_farewell(readings)
    spans: list[tuple[int, int, str]] = []
    last = len(readings) - 1
    for number, (offset, reading) in enumerate(readings):
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
        for category, start, end, weak in reading.found:
            if weak and kind:
                continue
            spans.append((offset + start, offset + end, category))
    findings = tuple(
        Finding(category, start, end, text[start:end], hint_for(category))
        for start, end, category in _non_overlapping(spans)
    )
    return Analysis(text=text, critical=bool(findings), crisis=crisis, findings=findings)


def _is_farewell(readings: list[tuple[int, _Reading]]) -> bool:
    """Goodbye cues anywhere in one text read as a note: three different ones, or two when one
    of them is strong."""
    cues: set[str] = set()
    for _, reading in readings:
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
