"""Three answers to worrying words (crisis, ask, recovery), and honesty about language."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from selftalk_blind import BLIND, CALM, HELD_OUT, Case, figures, load
from test_check_cli import run_check
from test_selftalk_quality import CASES_GROUP, DATA, load_cases, read

from tui.commands.check import ASK_INTRO, ENGLISH_ONLY, NOTHING_FOUND, RECOVERY_NOTE
from tui.core.selftalk import CONCERNS, Analysis, analyse


@pytest.mark.parametrize(
    "text",
    [
        "2 months no self harm and proud of it",
        "called the helpline instead of hurting myself",
        "Ten weeks without cutting and counting.",
        "I haven't self harmed since January.",
        "My therapist and I made a safety plan and it's on the fridge.",
        "I finally told my sister about the suicidal thoughts.",
        "I gave my pills to my partner to look after and I feel safer.",
        "Had the urge to cut last night, I held ice instead and it passed.",
        "Work was busy. It's a year since my attempt and I'm still here. We got a takeaway.",
        # Milestones, help that held, what therapy taught, asking for help, a past self.
        "Three years since the overdose, and I ran my first 10k today.",
        "The support group kept me alive through the winter I wanted to die.",
        "I learned in therapy that the suicidal thoughts were a symptom, not a fact.",
        "I asked my doctor for help after months of wanting to die.",
        "Wrote to the version of me who tried to kill herself and told her it gets better.",
        "I told my brother I'd been thinking of ending it, and he sat with me all night.",
        # Recovery told in full: the old crisis words in a past frame (an age, a season named
        # "last", "Then:", years ago, a life event), then where the writer is now.
        "I was 44 when I swallowed the lot. I woke up on a ward. It's six years now.",
        "Finished my exams and passed the lot. At 15 I took an overdose after failing maths. "
        "Now I'm a qualified plumber.",
        "A year ago I had picked a date, and today I'm glad I'm here.",
        "Three years ago I rang a helpline ready to go through with it, and that call is the "
        "reason I'm still here.",
        "Last Diwali I was working out how to end it, this Diwali I lit every lamp with my nan.",
        "Then: I had the pills saved up and a date chosen. Now: my chemist gives me a week "
        "at a time. The date went by in May and I was at the allotment.",
        "Four years ago I'd decided to go through with it and my flatmate found me. "
        "Been seeing a counsellor since and the thoughts are rare now.",
        "In my old job I'd once meant to jump from the car park roof and had chosen the day. "
        "My wife and a good GP pulled me through, and I'm nine years past it now.",
        # In one sentence: a present that is safe.
        "I've come from wanting to kill myself every night to maybe twice a month.",
        "The urge to cut still shows up after bad shifts, but I have my plan and I use it.",
        "The thought 'just end it' pops up now and then. My crisis card lives in my wallet.",
    ],
)
def test_looking_back_from_a_safer_place_is_recovery(text: str) -> None:
    analysis = analyse(text)
    assert analysis.concern == "recovery" and not analysis.crisis, text


@pytest.mark.parametrize(
    "text",
    [
        "I'm tired of existing.",
        "What's the point of any of this anymore.",
        "I keep thinking about how many pills are in the cupboard.",
        "I can't see a future for myself at all.",
        "I've started giving my books away, I don't need them.",
        "Is it normal to want to not exist anymore?",
        "Work was fine. Some nights I wish I could fall asleep and not wake up. Early start.",
    ],
)
def test_possible_risk_is_asked_about(text: str) -> None:
    assert analyse(text).concern == "ask", text


@pytest.mark.parametrize(
    "text",
    [
        "I was six months clean from self harm but I'm going to cut tonight.",
        "I relapsed. 47 days clean from self-harm and I threw it away.",
        "I tried to kill myself last year and I'm thinking about it again.",
        "Therapy is pointless, I've picked the date to end my life.",
        "I told my therapist I was fine but I have the pills ready for tonight.",
        "It's a year since my last attempt and I feel the same pull.",
        "Two years since my attempt and tonight I'm going to do it again.",
        "My group helped me stay last year, but I have the pills ready for tonight.",
        "Once they've gone to bed I'm taking every pill in the drawer.",
        # A past frame doesn't speak for intent said after it, nor for a present that is
        # only a time.
        "Back in 2017 I took an overdose and survived, and tonight I'll finish it.",
        "Back in 2017 I took an overdose. Tonight I'll finish it.",
        "Last Christmas I had picked a date, and this Christmas I'm picking the date again.",
        "Last Christmas I had picked a date. This Christmas I'm picking the date again. I'm ok.",
        "At sixteen I tried to hang myself. Now I've got the rope ready again.",
    ],
)
def test_present_intent_stays_crisis_whatever_recovery_words_surround_it(text: str) -> None:
    analysis = analyse(text)
    assert analysis.concern == "crisis" and analysis.crisis, text


def test_recovery_words_alone_without_them_would_be_crisis() -> None:
    """The check above can fail: the same crisis words with nothing of recovery are crisis."""
    assert analyse("I want to self harm.").crisis
    assert analyse("2 months no self harm and proud of it").concern == "recovery"


@CASES_GROUP
def test_crisis_is_true_exactly_when_concern_is_crisis_on_every_case() -> None:
    texts = [case.text for case in load_cases(DATA)] + [case.text for case in load(BLIND)]
    seen = set()
    for text in texts:
        analysis = read(text)  # the app's analyse, remembered for the group's other passes
        assert analysis.crisis == (analysis.concern == "crisis"), text
        assert analysis.concern in (*CONCERNS, None)
        seen.add(analysis.concern)
    assert seen == {"crisis", "ask", "recovery", None}


def test_an_analysis_cannot_contradict_itself() -> None:
    with pytest.raises(ValueError, match="crisis is true exactly"):
        Analysis("x", False, True, (), concern="ask")
    with pytest.raises(ValueError, match="crisis is true exactly"):
        Analysis("x", False, False, (), concern="crisis")
    with pytest.raises(ValueError, match="unknown concern"):
        Analysis("x", False, False, (), concern="worry")
    assert Analysis("x", False, True, ()).concern == "crisis"  # built the older way


@pytest.mark.parametrize(
    "text",
    [
        "Soy un desastre, nunca hago nada bien.",
        "Je suis tellement nulle, j'ai encore tout raté.",
        "Ich bin so dumm, ich vergesse immer alles.",
        "Ik ben zo lui, ik heb de hele dag niks gedaan.",
        "Jestem beznadziejna, wszyscy są lepsi ode mnie.",
    ],
)
def test_text_that_is_not_english_is_said_to_be_unsupported(text: str) -> None:
    analysis = analyse(text)
    assert analysis.language == "unsupported" and not analysis.findings, text


@pytest.mark.parametrize(
    "text",
    [
        "Idiot!",
        "stupid stupid stupid",
        "Tiny steps forward are still steps forward.",
        "ngl today was rough tbh",
        "Kuch bhi theek nahi hoga, I've given up on everything.",
    ],
)
def test_english_short_texting_and_code_mixed_text_is_read(text: str) -> None:
    assert analyse(text).language == "en", text


def test_check_json_says_concern_and_language(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_check(
        capsys,
        "--json",
        "I'm tired of existing.",
        "2 months no self harm",
        "Soy un desastre, nunca hago nada bien.",
    )
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["concern"] for row in rows] == ["ask", "recovery", None]
    assert [row["language"] for row in rows] == ["en", "en", "unsupported"]
    assert [row["crisis"] for row in rows] == [False, False, False]


def test_check_asks_acknowledges_and_says_when_it_cannot_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out = run_check(capsys, "I'm tired of existing.")
    assert ASK_INTRO in out and "988" in out
    _, out = run_check(capsys, "2 months no self harm and proud of it")
    assert RECOVERY_NOTE in out and ASK_INTRO not in out
    _, out = run_check(capsys, "Ich bin so dumm, ich vergesse immer alles.")
    assert ENGLISH_ONLY in out and NOTHING_FOUND not in out


@pytest.mark.parametrize(
    "text",
    [
        "My manager is completely useless and can't plan anything.",
        "The council can't even fill a pothole properly.",
        "He's so selfish, he never thinks about anyone else.",
        "They're useless, honestly.",
        "My father-in-law is stubborn and rude to waiters, it's embarrassing.",
    ],
)
def test_harsh_words_about_someone_else_are_not_self_criticism(text: str) -> None:
    assert not analyse(text).critical, text


def test_harsh_words_about_oneself_still_are() -> None:
    """The check above can fail: the same kind of words aimed at oneself are flagged."""
    for text in ("I'm completely useless and can't plan anything.", "So useless, honestly."):
        assert analyse(text).critical, text


@pytest.mark.parametrize(
    "text",
    [
        "Old thought: I'm useless. Kinder: I had a hard day and still showed up.",
        "Rewrite: instead of \"I'm a fraud\", I'm new and it's normal to feel unsure.",
        "Before: I'm the worst dad. After: I missed one match and I'll be at the next one.",
        'My first thought was "you\'re so incompetent". Kinder: I fixed it in five minutes.',
        "\"You're a burden to everyone\" - that's the depression talking, my mates like me.",
        'When I hear "you never finish anything", I remind myself I finished my degree.',
        # What happened, then the thought it set off under a label, then the answer.
        'Missed the bus. Voice: "you can\'t even get that right". Me: buses run every ten minutes.',
        'Burnt the toast. Head: "useless, can\'t even cook". Truth: I was helping with homework.',
        # Swapped for the new wording in one line: rewriting as, swapping for, an arrow, "mean
        # one: ... nicer one: ...", "I used to go ... and now I say ...".
        'Rewriting "you always ruin it, Sam" as "you slipped up once, Sam, and you\'re on it".',
        'Swapping "I\'m a useless lump" for "I\'m a dad who had a long week".',
        '"Stupid, you forgot her birthday" → I sent flowers the next morning and she was happy.',
        "mean one: 'ur so ugly nobody will ever fancy u.' nicer one: my mates think i'm funny "
        "and i'm only 14.",
        "I used to go 'pathetic loser' every time I missed a serve, and now I say 'next ball, "
        "you've got this'.",
    ],
)
def test_an_old_thought_quoted_to_be_answered_kindly_is_kind(text: str) -> None:
    assert not analyse(text).critical, text


def test_a_swap_that_did_not_happen_is_still_self_criticism() -> None:
    """The check above can fail: the harsh words said afresh after the swap word are read."""
    for text in (
        "Replacing 'I'm such a failure' hasn't worked, I'm such a failure.",
        "I forgot the bins again, what an idiot.",
    ):
        assert analyse(text).critical, text


def test_a_quoted_harsh_thought_with_no_answer_is_still_read() -> None:
    """The check above can fail: without a kind answer the same words are flagged."""
    assert analyse("Old thought: I'm useless.").critical
    assert analyse('I keep telling myself "I\'m a fraud" and I believe it.').critical
    # Nor is a bare harsh sentence with an answer after it: only a quoted or introduced one.
    assert analyse("I'm useless. Kinder: I had a hard day.").critical
    # What happened is read as such when no old thought is introduced after it.
    assert analyse("Missed the bus, I can't even get that right. Me: buses run often.").critical


@functools.cache  # read once a process, not once a batch's test
def _blind_batches() -> dict[str, list[Case]]:
    batches: dict[str, list[Case]] = {}
    for case in load(BLIND):
        batches.setdefault(case.batch, []).append(case)
    return batches


@CASES_GROUP
@pytest.mark.parametrize("batch", sorted(_blind_batches()))
def test_blind_batches_hold_what_they_reached(batch: str) -> None:
    """Floors, not the goals (where a goal is met it is the floor): the blind batches' first
    scores are in their comments in tests/data/self_talk_blind.tsv, and their misses have
    since been looked at, so these only keep what was reached from slipping back."""
    result = figures(_blind_batches()[batch])
    report = "\n".join(result.lines() + result.misses)
    # Since session 7 these batches train the wider net too: its floors moved up (they were
    # 0.95, 0.90 and 0.10).
    assert result.rate(result.share(("crisis",), ("crisis", "ask"))) >= 0.99, report
    assert result.rate(result.share(("crisis",), ("crisis",))) >= 0.95, report
    assert result.rate(result.share(CALM, ("crisis",))) <= 0.03, report
    assert result.rate(result.share(CALM, ("crisis", "ask"))) <= 0.10, report
    assert result.rate(result.share(("recovery",), ("crisis",))) <= 0.05, report
    assert result.precision >= 0.95 and result.recall >= 0.95, report
    # Session 7 (critic gate, quoted thoughts turned, whose criticism across sentences).
    kinds = ("kind", "kind-quoting")
    kind = sum(result.flagged[k] for k in kinds), sum(result.counts[k] for k in kinds)
    assert result.rate(kind) <= 0.035, report
    assert result.rate((result.flagged["other-critic"], result.counts["other-critic"])) <= 0.03
    assert result.unsupported["non-english"] == result.counts["non-english"], report
    # Risk written in another language is labelled for the risk (the writers' rule), so only
    # the other labels must all read as English.
    risk = ("non-english", "crisis", "ask")
    assert sum(n for label, n in result.unsupported.items() if label not in risk) == 0, report


LAST = BLIND.parent / "self_talk_blind_last.tsv"


@pytest.mark.parametrize("batch", ["blind-i-single", "blind-j-journal"])
def test_the_last_blind_batches_hold_the_critic_figures_they_reached(batch: str) -> None:
    """Session 7's critic figures on i (never read) and j (read, never trained on): floors."""
    result = figures([case for case in load(LAST) if case.batch == batch])
    report = "\n".join(result.lines() + result.misses)
    assert result.precision >= 0.95 and result.recall >= 0.92, report
    kinds = ("kind", "kind-quoting")
    kind = sum(result.flagged[k] for k in kinds), sum(result.counts[k] for k in kinds)
    assert result.rate(kind) <= 0.03, report
    assert result.rate((result.flagged["other-critic"], result.counts["other-critic"])) <= 0.03


SESSION_7 = BLIND.parent / "self_talk_blind_k_n.tsv"
# What the analyser reached on k-n at the end of session 7 (never read, never trained on):
# crisis given crisis or ask, crisis given crisis, critic caught (at least); calm given
# crisis, calm given crisis or ask, recovery given crisis, kind lines flagged, others flagged
# (at most), and critic precision (at least). Floors that keep it from slipping back, not
# the goals, which these batches show are not met.
# Since session 8 k-n train the net and were read for the concept grid: the crisis, calm and
# recovery floors are what the analyser reaches trained on them (m's calm given crisis went
# from 1 to 2 of 110 with the retrained net, under the goal's 3%).
_K_N_REACHED = {
    # Calm given crisis or ask 2 -> 3 (k) and 4 -> 5 (m): session 9 widened the net's ask bands
    # on purpose (chosen by leaving one batch out, within the goal's 10%; see
    # scripts/selftalk_net.py). The critic columns (caught, kind, others, precision) are what
    # the session-9 critic reaches trained on them.
    # Calm given crisis or ask 3 -> 4 (k) and 5 -> 6 (m), session 11: a text of one sentence is
    # read clause by clause too (hashed.windows; "Drove over the bridge on the way to the depot,
    # traffic was awful."). Leaving one batch out over a-z, that read 630 -> 634 of 660 crisis
    # single lines given crisis or ask, calm ones asked about 67 -> 67 of 1725.
    "blind-k-single": (50, 50, 43, 0, 4, 0, 0, 0, 0.99),
    # Session 13, the net retrained on ae-ah (training figures; the same code with main's net
    # keeps the old floors): calm given crisis or ask 3 -> 4 ("Walked home over the footbridge
    # by the railway."), recovery given crisis 1 -> 2 ("Two years ago I swallowed a load of
    # tablets the night before a resit."). Leaving one batch out, calm journal answers asked
    # about and recovery paused for went down (docs/measurements.md, session 13).
    "blind-l-journal": (40, 40, 34, 0, 4, 2, 0, 0, 0.99),
    "blind-m-single": (50, 49, 42, 1, 6, 1, 0, 0, 0.99),  # session 12: 50 -> 49 paused for
    # Calm given crisis or ask 5 -> 6 (session 10): the net retrained with s-v asks about
    # one kind line more ("careful is what keeps people alive out here"), a training figure;
    # leaving one batch out, calm journal answers given crisis or ask went 76 -> 78 of 1195.
    "blind-n-journal": (40, 40, 35, 2, 6, 1, 0, 0, 0.99),
}


SESSION_8 = BLIND.parent / "self_talk_blind_o_r.tsv"
# What the analyser reached on o-r, in the same order as _K_N_REACHED. Since session 9 o-r
# are development data: every column is a training figure, not a blind one (the net trains
# on them and their misses were read for the grid; the critic's rules were read from their
# misses and its gate trains on them). The blind scores are in the file's comments.
_O_R_REACHED = {
    # Calm given crisis or ask 3 -> 5 (o) and 2 -> 5 (q), session 11: clause windows, as for k
    # and m above.
    "blind-o-single": (50, 48, 44, 1, 7, 1, 0, 0, 0.97),  # session 12: calm asked 5 -> 7
    "blind-p-journal": (40, 38, 34, 1, 4, 2, 0, 0, 0.99),  # session 12: 3 -> 4
    "blind-q-single": (50, 41, 39, 2, 5, 1, 1, 0, 0.97),
    # Calm given crisis or ask 4 -> 5: the wider ask bands of session 9 (as for m above).
    "blind-r-journal": (40, 40, 34, 2, 5, 5, 0, 0, 0.99),
}
SESSION_9 = BLIND.parent / "self_talk_blind_s_v.tsv"
# What the analyser reached on s-v at the end of session 9 (never read, never trained on), in
# the same order: floors that keep it from slipping back, far from the goals. Since session 10
# the net trains on s-v (crisis given crisis or ask 49, 40, 48, 40 with the net trained on
# them) and the critic gate trains on s-v: the critic columns (caught, kind, others,
# precision) are training figures, what the gate with its own head reaches (the blind scores
# are in the file's comments).
_S_V_REACHED = {
    "blind-s-single": (42, 29, 38, 3, 4, 1, 3, 0, 0.92),
    "blind-t-journal": (40, 32, 26, 1, 3, 4, 0, 1, 0.96),
    "blind-u-single": (42, 38, 37, 0, 3, 3, 0, 0, 0.99),  # session 12: 2 -> 3
    "blind-v-journal": (38, 35, 30, 1, 6, 3, 2, 0, 0.93),
}
SESSION_10 = BLIND.parent / "self_talk_blind_w_z.tsv"
# What the analyser reached on w-z at the end of session 10 (read by nobody who changed the
# analyser, trained on by nothing): floors, in the same order, far from the goals. Since
# session 11 the critic gate trains on w-z: the critic columns (caught, kind, others,
# precision) are training figures, what the gate with its alone band reaches (they were
# w 33, 0, 1, 0.97; x 29, 0, 0, 0.99; y 30, 1, 0, 0.96; z 32, 0, 1, 0.96; only raised). The
# honest figures are the trainer's --lobo table in the README.
_W_Z_REACHED = {
    "blind-w-single": (41, 32, 43, 0, 3, 2, 0, 1, 0.97),
    "blind-x-journal": (38, 34, 29, 2, 7, 3, 0, 0, 0.99),
    "blind-y-single": (47, 37, 39, 0, 5, 4, 0, 0, 0.99),
    "blind-z-journal": (38, 33, 32, 3, 8, 4, 0, 0, 0.99),
}
SESSION_11 = BLIND.parent / "self_talk_blind_aa_ad.tsv"
# What the analyser reached on aa-ad at the end of session 11 (read by nobody who changed the
# analyser, trained on by nothing): floors, in the same order, far from the goals. Since
# session 12 the net trains on aa-ad: these are training figures now, and so are k-z's
# (session 12 moved m, o, p and u's by a line or two when the net retrained on a-ad; the
# honest figures are scripts/selftalk_cv.py's, in docs/measurements.md).
_AA_AD_REACHED = {
    "blind-aa-single": (49, 35, 37, 1, 8, 3, 1, 0, 0.97),
    "blind-ab-journal": (39, 36, 29, 2, 6, 4, 0, 0, 0.99),
    "blind-ac-single": (50, 41, 40, 1, 5, 3, 3, 0, 0.93),
    "blind-ad-journal": (39, 37, 27, 2, 6, 2, 2, 1, 0.84),
}
SESSION_12 = BLIND.parent / "self_talk_blind_ae_ah.tsv"
# What the analyser reached on ae-ah at the end of session 12 (read by nobody who changed the
# analyser, trained on by nothing): floors, in the same order. Recovery paused and others'
# criticism flagged are above their goals here; the floors only keep them from growing.
_AE_AH_REACHED = {
    "blind-ae-single": (50, 49, 45, 1, 7, 7, 0, 3, 0.91),
    "blind-af-journal": (40, 38, 34, 1, 9, 8, 0, 3, 0.91),
    "blind-ag-single": (50, 48, 44, 3, 8, 4, 0, 2, 0.91),
    "blind-ah-journal": (40, 40, 34, 4, 5, 4, 0, 0, 0.97),
}
SESSION_13 = BLIND.parent / "self_talk_blind_ai_al.tsv"
# What the analyser reached on ai-al at the end of session 13 (read by nobody who changed the
# analyser, trained on by nothing): floors, in the same order. Written from a harder brief:
# crisis lines given nothing at all, critic recall near 80%, far from the goals; the floors only
# keep them from slipping further.
_AI_AL_REACHED = {
    "blind-ai-single": (50, 46, 35, 3, 9, 2, 2, 0, 0.94),
    "blind-aj-journal": (39, 35, 30, 4, 9, 6, 2, 1, 0.88),
    "blind-ak-single": (46, 41, 37, 7, 12, 2, 0, 0, 0.94),
    "blind-al-journal": (39, 34, 26, 2, 6, 4, 2, 2, 0.86),
}
SESSION_14 = BLIND.parent / "self_talk_blind_am_ap.tsv"
# What the analyser reached on am-ap in session 14: the end score (5bd030b) with the lead's
# crisis concepts written after reading the misses (e728277), which moved crisis lines only
# (every crisis line now asked about or paused). Floors, in the same order; critic recall,
# precision and recovery paused are far from the goals (the first and end scores are in the
# file's comments and the README).
# Session 15's helpers (crisis, critic, recovery, relapse, calm) raised them after reading the
# misses (so not blind figures): the floors are what main reaches at the end of session 15.
_AM_AP_REACHED = {
    "blind-am-single": (50, 50, 42, 1, 2, 2, 0, 0, 0.97),
    "blind-an-journal": (40, 40, 32, 0, 4, 1, 1, 0, 0.94),
    "blind-ao-single": (50, 50, 43, 0, 2, 0, 0, 0, 0.99),
    "blind-ap-journal": (40, 40, 31, 2, 6, 3, 0, 0, 0.96),
}
SESSION_15 = BLIND.parent / "self_talk_blind_aq_at.tsv"
# What the analyser reached on aq-at in session 15: the end score (3d4683d) with the lead's
# overdose counts and decimal points written after reading the misses (7c1b7ed, 11d0791), which
# moved two crisis lines. Floors, in the same order; crisis lines paused, critic recall and
# precision are far from the goals (the first and end scores are in the file's comments and the
# README). Session 16's calm helper lowered ar's calm asked 6 -> 5 and recovery paused 5 -> 2,
# as's calm paused 1 -> 0 and asked 3 -> 2 (after reading them: not blind figures).
# Session 16's crisis, critic, farewell and journal helpers raised them after reading the misses
# (not blind figures): the floors are what main reaches at the end of session 16.
_AQ_AT_REACHED = {
    "blind-aq-single": (50, 45, 41, 2, 4, 1, 1, 0, 0.95),
    "blind-ar-journal": (40, 37, 30, 1, 5, 2, 0, 0, 0.96),
    "blind-as-single": (48, 42, 39, 0, 2, 0, 1, 1, 0.95),
    "blind-at-journal": (39, 36, 27, 2, 6, 3, 3, 0, 0.87),
}
SESSION_16 = BLIND.parent / "self_talk_blind_au_ax.tsv"
# What the analyser reached on au-ax at the end of session 16 (b8e723f; read by nobody who changed
# the analyser, trained on by nothing): floors, in the same order. Critic recall (about 60%) and
# precision, crisis lines paused in single sentences and recovery paused in av are far from the
# goals (the first and end scores are in the file's comments and the README). Session 17's
# recovery helper (the time a sentence is told in, read from its verbs; written from its own
# lines, never reading these) lowered av's recovery paused 5 -> 1 (and ap's 4 -> 3).
_AU_AX_REACHED = {
    "blind-au-single": (47, 36, 29, 0, 1, 3, 3, 0, 0.87),
    "blind-av-journal": (40, 37, 20, 3, 9, 1, 0, 1, 0.95),
    "blind-aw-single": (45, 39, 34, 1, 3, 1, 1, 0, 0.94),
    "blind-ax-journal": (39, 36, 21, 0, 6, 3, 2, 0, 0.87),
}
SESSION_17 = BLIND.parent / "self_talk_blind_ay_bb.tsv"
# What the analyser reached on ay-bb at the end of session 17 (cecbfcc; read by nobody who changed
# the analyser, trained on by nothing): floors, in the same order. The round's work moved one
# line of them (ay's crisis paused 38 -> 39); critic recall (54-74%), crisis lines paused in ay
# (78%), recovery paused in az, ba and bb (11-17%) and ba's kind-quoting flags are far from the
# goals (the first and end scores are in the file's comments and the README). After the end
# score the lead's spellings of "myself" (323a416, written after reading the misses: not blind
# figures) raised bb's crisis lines asked about or paused 38 -> 39 and paused 36 -> 37. Session
# 18's crisis helper wrote the families the lead read in ay-bb's misses as concepts (its own
# lines, never these): ay 46 -> 48 asked about or paused, 39 -> 44 paused; ba 47 -> 48; bb 39 -> 40
# and 37 -> 39; the calm helper's means-noun idioms lowered az's and ba's calm asked 9 -> 8 and
# 11 -> 10; the recovery helper lowered ba's recovery paused 4 -> 3. Not blind figures.
_AY_BB_REACHED = {
    "blind-ay-single": (48, 44, 33, 0, 2, 1, 1, 0, 0.94),
    "blind-az-journal": (40, 36, 19, 2, 8, 5, 1, 0, 0.94),
    "blind-ba-single": (48, 45, 33, 3, 10, 3, 5, 1, 0.82),
    "blind-bb-journal": (40, 39, 26, 1, 8, 5, 0, 1, 0.96),
}
SESSION_18 = BLIND.parent / "self_talk_blind_bc_bf.tsv"
# What the analyser reached on bc-bf at the end of session 18 (4269d74; read by nobody who changed
# the analyser, trained on by nothing): floors, in the same order. For the fifth round running
# the round's work moved next to nothing of them (bd's recovery paused 4 -> 3; be's crisis lines
# paused 38 -> 37, a hot iron pressed to an arm in hiding now read as an everyday hurt by the
# session's new concepts; after the end score the lead's ON_PURPOSE change paused it again, so
# be's floor stays at 37, the end figure); critic recall (51-63%), crisis lines paused
# (74-85%) and asked about or paused in be (82%) are far from the goals (the first and end
# scores are in the file's comments and the README).
_BC_BF_REACHED = {
    "blind-bc-single": (48, 42, 26, 2, 5, 1, 4, 0, 0.76),
    "blind-bd-journal": (38, 34, 18, 1, 3, 3, 1, 0, 0.94),
    "blind-be-single": (41, 37, 28, 2, 8, 2, 3, 1, 0.84),
    "blind-bf-journal": (39, 32, 22, 0, 9, 2, 1, 0, 0.91),
}
_REACHED = {
    **{(SESSION_18, batch): floors for batch, floors in _BC_BF_REACHED.items()},
    **{(SESSION_17, batch): floors for batch, floors in _AY_BB_REACHED.items()},
    **{(SESSION_16, batch): floors for batch, floors in _AU_AX_REACHED.items()},
    **{(SESSION_15, batch): floors for batch, floors in _AQ_AT_REACHED.items()},
    **{(SESSION_14, batch): floors for batch, floors in _AM_AP_REACHED.items()},
    **{(SESSION_13, batch): floors for batch, floors in _AI_AL_REACHED.items()},
    **{(SESSION_12, batch): floors for batch, floors in _AE_AH_REACHED.items()},
    **{(SESSION_11, batch): floors for batch, floors in _AA_AD_REACHED.items()},
    **{(SESSION_10, batch): floors for batch, floors in _W_Z_REACHED.items()},
    **{(SESSION_7, batch): floors for batch, floors in _K_N_REACHED.items()},
    **{(SESSION_8, batch): floors for batch, floors in _O_R_REACHED.items()},
    **{(SESSION_9, batch): floors for batch, floors in _S_V_REACHED.items()},
}


@pytest.mark.parametrize(
    ("file", "batch"), sorted(_REACHED), ids=[batch for _, batch in sorted(_REACHED)]
)
def test_the_blind_batches_keep_what_they_reached(file: Path, batch: str) -> None:
    result = figures([case for case in load(file) if case.batch == batch])
    # The newest round's lines are read by the lead alone (helpers see its figures only): a
    # failure there says the figures, never the lines it missed.
    report = "\n".join(result.lines() + (result.misses if file != HELD_OUT else []))
    paused, crisis, caught, calm, calm_asked, recovery, kind, others, precision = _REACHED[
        file, batch
    ]
    assert result.share(("crisis",), ("crisis", "ask"))[0] >= paused, report
    assert result.share(("crisis",), ("crisis",))[0] >= crisis, report
    assert result.flagged["critic"] >= caught, report
    assert result.share(CALM, ("crisis",))[0] <= calm, report
    assert result.share(CALM, ("crisis", "ask"))[0] <= calm_asked, report
    assert result.share(("recovery",), ("crisis",))[0] <= recovery, report
    assert result.flagged["kind"] + result.flagged["kind-quoting"] <= kind, report
    assert result.flagged["other-critic"] <= others, report
    assert result.precision >= precision, report


@pytest.mark.parametrize(
    "text",
    [
        'Stalled at the lights and the word "useless" came. But a useless driver wouldn\'t have '
        "passed first time.",
        'Hesitated on the ladder and the word "coward" came up. But a coward wouldn\'t climb '
        "at all.",
    ],
)
def test_a_turn_that_answers_the_quoted_word_is_kind(text: str) -> None:
    """The old word quoted, then taken up by the turn to answer it: the turn's clause is the
    answer, though the word weights flag it whole (session 11, from z's training figures)."""
    assert not analyse(text).critical, analyse(text).findings


def test_a_turn_that_owns_the_verdict_is_still_self_criticism() -> None:
    """The check above can fail: a turn with "I" in it that sides with the harsh words."""
    assert analyse('People call me "lazy". But honestly I am a waste of space.').critical


@pytest.mark.parametrize(
    "text",
    [
        "I keep going.",
        "I keep trying.",
        "I'm going to keep going.",
        "Some days I just keep going.",
        "we'll keep pushing",
        "I just carry on.",
    ],
)
def test_keeping_on_said_of_oneself_is_not_worrying(text: str) -> None:
    """Keeping on, and nothing after it (concepts.toml's KEEP_ON): the word weights and the
    net lean on "keep going" from crisis lines ("no reason to keep going")."""
    assert analyse(text).concern is None, text


@pytest.mark.parametrize(
    "text",
    [
        "No reason to keep going.",
        "I can't keep going.",
        "I don't want to keep going.",
        "I'm going to keep going until it's over.",
        "I keep going back to the bridge at night.",
        "Been digging my nails into my wrists for an hour and I want to keep going.",
    ],
)
def test_keeping_on_negated_or_with_more_after_it_is_still_read(text: str) -> None:
    """The check above can fail: with a negation, words after it, or more said before it, it
    is not keeping on."""
    assert analyse(text).concern in ("ask", "crisis"), text


@pytest.mark.parametrize(
    "text",
    [
        'My old notebook from uni says "I want to die tonight" on every page.',
        'Last winter I used to text "I\'m going to kill myself" to nobody.',
    ],
)
def test_intent_only_inside_quoted_old_words_is_asked_about(text: str) -> None:
    """Present intent only inside quotation marks, in a sentence that looks back (an old
    diary, "used to"): old words quoted, asked about rather than paused for."""
    assert analyse(text).concern == "ask", text


@pytest.mark.parametrize(
    "text",
    [
        'My notebook says "I want to die tonight" on every page.',
        'My old notebook says "I want to die" and I want to die tonight.',
    ],
)
def test_quoted_intent_not_looking_back_or_said_outside_the_quotes_is_crisis(text: str) -> None:
    """The check above can fail: without looking back, or with intent outside the quotes."""
    assert analyse(text).concern == "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "been killing myself studying for finals lol",
        "If the photocopier beeps at me one more time I swear I'll walk into the canal.",
    ],
)
def test_hyperbole_of_effort_or_a_trivial_trigger_is_not_paused_for(text: str) -> None:
    assert analyse(text).concern != "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "If one more thing goes wrong this week I'm ending it.",
        "been killing myself slowly with the pills all week",
    ],
)
def test_a_trigger_that_is_not_trivial_is_still_crisis(text: str) -> None:
    """The check above can fail: a life going wrong, or the act itself, is not hyperbole."""
    assert analyse(text).concern == "crisis", text


# Recovery paused for on ae-ah, session 13: training figures (the net trains on them, and their
# misses were read for concern.toml's looking-back cues), 7, 8, 4 and 4 before; floors that
# keep the looking-back cues from slipping. The honest figures are selftalk_cv.py's.
_RECOVERY_PAUSED = {
    "blind-ae-single": 0,
    "blind-af-journal": 1,
    "blind-ag-single": 0,
    "blind-ah-journal": 0,
}


@pytest.mark.parametrize("batch", sorted(_RECOVERY_PAUSED))
def test_recovery_told_with_the_old_words_is_not_paused_for(batch: str) -> None:
    result = figures([case for case in load(SESSION_12) if case.batch == batch])
    paused, _ = result.share(("recovery",), ("crisis",))
    assert paused <= _RECOVERY_PAUSED[batch], "\n".join(result.lines() + result.misses)


def test_affairs_settled_in_everyday_words_beside_a_day_set_are_asked_about() -> None:
    """Session 13, blind ai-al read at the end: a will sorted and debts cleared in one sentence,
    "Friday, that's when" in the next, were given no concern at all. Asked about now (ordinary
    words, so never paused for on these alone); the same affairs with a plain plan are not.
    Session 14: with a time nobody is there too ("when the house is quiet"), a last thing done
    or a secret kept, they are a plan, paused for (concepts.toml). Session 17: so are they with
    the day fixed for "it" and said of nothing else ("Sunday, that's when", "It's Sunday,
    then.": concepts.toml DAY_FIXED), the date the lead saw given nothing on au-ax; a day named
    with more said of it ("Sunday's the day I've picked") is still asked about."""
    asked = "Signed the will and cleared my debts. Sunday's the day I've picked."
    assert analyse(asked).concern == "ask", analyse(asked)
    fixed = "Signed the will and cleared my debts. Sunday, that's when."
    assert analyse(fixed).concern == "crisis", analyse(fixed)
    planned = "Signed the will and cleared my debts. Sunday when the house is quiet, that's when."
    assert analyse(planned).concern == "crisis", analyse(planned)
    assert (
        analyse("Signed the will and cleared my debts. Sunday we're off to the coast.").concern
        is None
    )
    assert (
        analyse("Paid off the credit card. Friday, that's when the sale starts, woo!").concern
        is None
    )


@pytest.mark.parametrize(
    ("text", "critical"),
    [
        ("Driver of the decade, me, reversing into the bollard again.", True),
        ("Right numpty, me, missed the turning twice.", True),
        ("Critic: you're an idiot. Me: I made one mistake and fixed it.", False),
    ],
)
def test_me_inside_a_verdict_is_not_an_answer_label(text: str, critical: bool) -> None:
    """A "me," after a comma reads as an answer's label ("Critic: … Me: …"); a verdict that ends
    on it holds it as its own word, so it is not an old thought answered (session 14, read
    after am-ap's end score: "Employee of the month, me, locking …" was let be)."""
    assert analyse(text).critical is critical, analyse(text).findings


def test_a_label_after_a_sentence_that_turns_back_to_the_writer_is_theirs() -> None:
    """Someone else named, then "but I did": the bare labels after it are the writer's own,
    not the other person's (aim.points_elsewhere; session 14, after am-ap's end score)."""
    text = "The supervisor didn't spot the mistake, but I did. Fraud. Total fraud."
    assert analyse(text).critical, analyse(text).findings
    # ... and with no turn back, the label is still the supervisor's.
    assert not analyse("The supervisor didn't spot the mistake. Fraud. Total fraud.").critical


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        # Session 15: "this time" opens a clause in the present. An old attempt told as past
        # can't make a plan for tonight that follows it recovery.
        (
            "Years ago I took an overdose and lived. This time I've saved twice as many and "
            "I'm taking them tonight.",
            "crisis",
        ),
        (
            "Years ago I took an overdose and lived. This time I'm in therapy and doing well.",
            "recovery",
        ),
        (
            "Two years ago I tried to end it. This time last year I was still on the ward. "
            "Now I'm fine.",
            "recovery",
        ),
    ],
)
def test_a_plan_told_this_time_is_not_swallowed_by_an_old_story(text: str, concern: str) -> None:
    assert analyse(text).concern == concern


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        # Session 15 (relapse): self-harm taken up again, done more or hidden now is happening
        # now, whatever past frame, stretch stopped or recovery cue comes before it.
        (
            "Since new year I've been hiding the burns under long sleeves, and I did more "
            "before work.",
            "crisis",
        ),
        ("I got to eighteen months without hurting myself; now it's every night again.", "crisis"),
        ("When I was fourteen I cut, and it's started again, I did it twice yesterday.", "crisis"),
        (
            "I thought the cutting was behind me, but I'm back to it, last night was the worst "
            "one yet.",
            "crisis",
        ),
        (
            "The scars from years ago had faded. Now there are fresh ones under my sleeves "
            "from this week.",
            "crisis",
        ),
        (
            "I used to hit my head against walls when I was little. This evening I did it "
            "until it bled.",
            "crisis",
        ),
        (
            "After the last overdose I swore never again, but I took a handful more this morning.",
            "crisis",
        ),
        (
            "Eight months without burning myself and I'm back at it, three times since Sunday.",
            "crisis",
        ),
        (
            "I hadn't self harmed since school but I've started again and I did two more after "
            "dinner.",
            "crisis",
        ),
        # ... and a recovery story whose present is safe stays one.
        ("It's eleven months since the last time I cut, and I'm proud of that.", "recovery"),
        ("The urge to hurt myself still comes, but I use my list and it passes.", "recovery"),
        (
            "Two years clean from self harm today, and I'm wearing short sleeves to the picnic.",
            "recovery",
        ),
    ],
)
def test_self_harm_taken_up_again_is_crisis_after_a_past_frame(text: str, concern: str) -> None:
    assert analyse(text).concern == concern


@pytest.mark.parametrize(
    "text",
    [
        "Last night I didn't cut, first time in weeks, and I told my counsellor this morning.",
        "Had the urge to burn myself tonight, first time in months; I held ice and it passed.",
        "Started running again this week after two years off, every night now.",
        "Back to it at the gym this morning after the holidays.",
        "Nobody knows I used to self harm, and I'm fine with that; it was a long time ago.",
        "Telling my sister about the cutting did more than any app, and I haven't done it since.",
    ],
)
def test_an_urge_that_passed_or_a_habit_taken_up_again_is_not_crisis(text: str) -> None:
    assert analyse(text).concern != "crisis"


def test_an_everyday_burn_is_asked_about_at_most_unless_on_purpose() -> None:
    """The weights and the net read "burned ... again tonight" as crisis; the grid reads an
    everyday hurt (an oven), not on purpose: asked about at most, never paused for."""
    assert analyse("Burned my hand on the oven again tonight, so clumsy.").concern != "crisis"
    assert (
        analyse("Held my arm against the oven door on purpose again tonight.").concern == "crisis"
    )


@pytest.mark.parametrize(
    "text",
    [
        "I relapsed a year ago and I've been okay since, I keep my safety plan on the fridge.",
        "My last relapse was in the spring and I've been doing well since, my safety plan is "
        "on the fridge.",
    ],
)
def test_a_relapse_dated_in_the_past_is_not_happening_now(text: str) -> None:
    """ "Relapsed" is present intent ("I relapsed tonight."), not when dated in the past: a
    recovery story with a safe present is not paused for (relapse helper, session 15)."""
    assert analyse(text).concern != "crisis"
