"""The critic gate (tui/core/selftalk/critic_gate.py): a flag the word weights alone raise
stands only when a model that has also read journal answers' everyday sentences agrees."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers_scripts import load_script
from selftalk_blind import figures, load
from test_selftalk import RULES_ONLY

from tui.core.selftalk import Analyser, analyse
from tui.core.selftalk.critic_gate import FILE, Gate


def test_the_gate_file_is_well_formed() -> None:
    gate = Gate.load()
    assert gate is not None, FILE
    assert len(gate.weights) == 1 << gate.bits
    assert gate.scale > 0
    assert any(gate.weights)


@pytest.mark.parametrize(
    "text",
    [
        # an everyday slip told as what happened next, in new words
        "Forgot the recycling again. Put a note on the fridge.",
        "Forgot the bins again. Rang the council about the pickup.",
    ],
)
def test_an_everyday_slip_in_an_account_is_not_self_criticism(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings
    # ... which is the gate's doing: the word weights alone flag it.
    without = Analyser()
    without.built._gate = None
    assert without.analyse(text).critical


def test_self_criticism_only_the_weights_hear_still_passes_the_gate() -> None:
    text = "I let the whole team down again, they'd be better off with someone else."
    assert not RULES_ONLY.analyse(text).critical  # no rule names it
    assert analyse(text).critical


def test_without_its_file_the_weights_speak_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.core.selftalk.critic_gate.FILE", "/nonexistent/selftalk_critic.bin")
    analyser = Analyser()
    analyser.built._gate = False  # read the (missing) file again
    assert analyser.analyse("Forgot the bins again. Rang the council about the pickup.").critical


def test_the_remembered_score_is_the_sum_the_trainer_learned() -> None:
    """Gate.score sums by remembered word and pair shares; the trainer learns from
    features(): both must give the same number, the second time too."""
    from tui.core.selftalk.critic_gate import bucket, features

    gate = Gate.load()
    assert gate is not None
    analyser = Analyser()
    for text in ("Forgot the bins again, honestly.", "I'm such an idiot", "ok"):
        words = analyser.words(text)
        total = sum(gate.weights[bucket(f, gate.mask)] for f in features(words))
        plain_score = gate.bias + total * gate.scale
        for _ in range(2):
            assert gate.score(words) == pytest.approx(plain_score)


def test_the_gate_was_trained_on_the_files_as_they_are() -> None:
    """The gate's header keeps a digest of the files it learned from: editing a labelled line
    or adding a batch without running scripts/train_selftalk_critic.py fails here."""
    gate = Gate.load()
    assert gate is not None
    trainer = load_script("train_selftalk_critic")
    assert gate.sources == trainer.sources_digest(), (
        "tests/data changed since the critic gate was trained: run "
        "python scripts/train_selftalk_critic.py"
    )


def test_the_staleness_check_can_fail(tmp_path: Path) -> None:
    """One label changed in a copy of the training files gives another digest."""
    trainer = load_script("train_selftalk_critic")
    data = tmp_path / "tests" / "data"
    shutil.copytree(Path(trainer.CASES).parent, data)
    before = trainer.sources_digest(tmp_path)
    path = data / Path(trainer.SESSION_7).name
    path.write_text(path.read_text("utf-8").replace("critic\t", "kind\t", 1), "utf-8")
    assert trainer.sources_digest(tmp_path) != before


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own answer to an old thought, in the voices it comes in (k-n)
        "My brain: you're trash at this. Also my brain, later: you finished the whole thing.",
        "i was like ugh im so dumb and then i was like no actually everyone makes that mistake",
        "Old me: lazy slob. Today me: cooked, cleaned and is allowed to sit down.",
        'Heard "choker, always choke" in my head. Not always: I won the last two.',
        "My head wants me to believe I'm the worst nurse alive; the truth is one late chart.",
        'First thought "omg such a loser". Second thought: she laughed, so maybe chill.',
        'Burnt the rice and heard myself think "pathetic". Then I thought: one pan, not pathetic.',
    ],
)
def test_an_old_thought_answered_in_the_writers_own_voice_is_kind(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        # harsh words about someone else, named in a way no list holds
        "The wedding florist forgot half the order. Total amateur.",
        "The night porter ignored the bell for an hour. Insufferable man.",
        "Dem fellas at the depot so lazy, nobody picking up the phone.",
        "Ferry was late again because of the fog, typical.",
    ],
)
def test_criticism_of_someone_or_something_else_is_not_self_criticism(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        # ... while the writer's own verdicts in those shapes still are
        "You're so slow, just hurry up.",
        "Missed the exit again, what kind of driver am I.",
        "Dropped the tray in front of everyone, some waiter I am.",
        "I'm past it, honestly, the young ones run rings round me.",
        "Forgot the pliers again. Dumb as a box of rocks, me.",
        "I'm not fit to be trusted with anything important.",
        "Left me keys in the door again, I'm a proper divvy.",
        "Being forgetful is who I am, useless.",
    ],
)
def test_the_writers_own_verdicts_in_new_shapes_are_self_criticism(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize(
    "text",
    [
        "Being forgetful is human.",
        "Being forgetful when I'm stressed is human, I wrote a list.",
        "I said something.",
        "Mum sent photos of the party and everyone was there but me.",
        "It's been a year since I last hurt myself and I only noticed because I was busy.",
        "I was rubbish but laughed the whole time.",
    ],
)
def test_kind_sad_and_recovery_lines_with_critic_words_are_not_flagged(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


# Session 8: the critic figures on k-n once they were read and trained on (rules by concept,
# the gate trained on a-n). Training figures, so floors against slipping back, not a measure:
# caught (at least), kind lines and others flagged (at most), precision (at least).
_K_N_CRITIC = {
    "blind-k-single": (42, 0, 0, 1.0),
    "blind-l-journal": (34, 0, 0, 1.0),
    "blind-m-single": (42, 0, 0, 1.0),
    "blind-n-journal": (35, 0, 0, 1.0),
}


@pytest.mark.parametrize("batch", sorted(_K_N_CRITIC))
def test_the_critic_keeps_what_it_reached_on_k_to_n(batch: str) -> None:
    path = Path(__file__).resolve().parent / "data" / "self_talk_blind_k_n.tsv"
    result = figures([case for case in load(path) if case.batch == batch])
    report = "\n".join(result.lines() + result.misses)
    caught, kind, others, precision = _K_N_CRITIC[batch]
    assert result.flagged["critic"] >= caught, report
    assert result.flagged["kind"] + result.flagged["kind-quoting"] <= kind, report
    assert result.flagged["other-critic"] <= others, report
    assert result.precision >= precision, report


def test_a_verdict_owned_in_the_next_sentence_is_self_criticism() -> None:
    """ "Mediocre. That's what I am.": the verdict word alone names nobody, the next sentence
    says whose it is."""
    found = analyse("Froze at the audition. Mediocre. That's what I am.").findings
    assert [finding.match for finding in found] == ["Mediocre"]
    # The check can fail: the same verdict owned by nobody, or a kind trait owned, is not read.
    assert not analyse("Dinner at the new place. Mediocre. Still, good company.").critical
    assert not analyse("I'm kind. That's who I am.").critical
    assert not analyse("Mediocre. That's not me.").critical


def test_a_quoted_question_answered_kindly_is_kind_and_answered_harshly_is_not() -> None:
    text = '"What kind of nurse forgets a chart?" A tired one, who caught it in time.'
    assert not analyse(text).critical, analyse(text).findings
    assert analyse("what kind of cook burns toast. a hopeless one, that's what").critical


def _without_own_head() -> Analyser:
    """An analyser whose gate is the shipped one but for its own head."""
    gate = Gate.load()
    assert gate is not None and gate.own is not None
    gate.own = None
    analyser = Analyser()
    analyser.built._gate = gate
    return analyser


def test_the_gate_file_has_an_own_head() -> None:
    gate = Gate.load()
    assert gate is not None and gate.own is not None
    assert len(gate.own.weights) == 1 << gate.bits
    assert gate.own.scale > 0 and any(gate.own.weights)


def test_a_file_without_an_own_head_still_reads_and_a_short_one_is_refused() -> None:
    """The file as it was before session 10 (one head) reads, with no own head; a header that
    promises an own head the weights don't hold is an error, not a half-read gate."""
    header = {"bits": 4, "scale": 1.0, "bias": 0.0, "threshold": 0.0, "trained_on": "x"}
    one = Gate.read(json.dumps(header).encode() + b"\n" + bytes(16))
    assert one.own is None
    both = {**header, "own": {"scale": 1.0, "bias": 0.5, "threshold": 0.0}}
    two = Gate.read(json.dumps(both).encode() + b"\n" + bytes(16) + b"\x01" * 16)
    assert two.own is not None and two.own.bias == 0.5 and two.own.weights[0] == 1
    with pytest.raises(ValueError):
        Gate.read(json.dumps(both).encode() + b"\n" + bytes(16))


@pytest.mark.parametrize(
    "text",
    [
        # Answers of s-v the rules flagged (trained on since: a floor, not a measure of new
        # wording): an old thought quoted to answer it, and someone else's fault. (s's "The
        # census office sent me…, useless lot." is read as the office's before the own head
        # since session 13: test_selftalk_target.py.)
        "Old belief: I'm a failure as a daughter for using respite. New belief: respite is "
        "what keeps me able to care.",
        "Dropped a salmon. Voice in my head: butterfingers, always useless. My answer: twenty "
        "years at this counter, one salmon.",
        "The house manager told the patron it was my fault the seats were double-booked, when "
        "his own system did it. Spineless man. The patron bought me an ice cream out of pity.",
    ],
)
def test_the_own_head_reads_whose_verdict_the_harsh_words_are(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings
    # ... which is the own head's doing: without it the same answer is flagged.
    assert _without_own_head().analyse(text).critical


def test_the_own_head_leaves_the_writers_own_verdicts_alone() -> None:
    """Every self-critical line of the labelled cases the rest of the analyser flags is still
    flagged with the own head (it learned from them, and a veto there is a miss)."""
    trainer = load_script("train_selftalk_critic")
    plain = _without_own_head()
    lost = [
        text
        for label, _, text in (
            line.partition("\t") for line in Path(trainer.CASES).read_text("utf-8").splitlines()
        )
        # the app's verdict first: the analyser without the head reads only the lines it missed
        if label == "critic" and not analyse(text).critical and plain.analyse(text).critical
    ]
    assert lost == []


# Session 11: the gate's alone band (Gate.alone_hears), chosen leaving one batch out.
def test_a_self_label_only_the_gate_hears_is_self_criticism(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A self-label in an English no rule and no word weight knows ("proper melt, me"): the
    gate, which has read every blind batch's Englishes, flags it alone."""
    text = "Forgot the kids' swimming kit again, proper melt, me."
    analyser = Analyser()
    gate = analyser.built.gate()
    assert gate is not None and gate.alone is not None
    assert gate.own is not None and gate.own.alone is not None
    analyser.readings.clear()
    assert analyser.analyse(text).critical
    # ... which is the band's doing: without it, nothing hears it.
    monkeypatch.setattr(gate, "alone", None)
    analyser.readings.clear()
    assert not analyser.analyse(text).critical
    analyser.readings.clear()  # (readings made without the band are not kept)


@pytest.mark.parametrize(
    "text",
    [
        # the same shape aimed at someone else
        "The new lad forgot the kids' swimming kit again, proper melt, him.",
        "Our plumber forgot the washers again, proper melt.",
        "The landlord left the hose running all night, proper dozy article.",
    ],
)
def test_the_alone_band_hears_only_the_writers_own_verdicts(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


def test_a_gate_file_without_the_alone_band_reads_as_before() -> None:
    """A header without "alone" (sessions 7-10's files): the gate only judges what the word
    weights flag, and the own head keeps one threshold."""
    gate = Gate.load()
    assert gate is not None and gate.own is not None
    header: dict[str, object] = {
        "bits": gate.bits,
        "scale": gate.scale,
        "bias": gate.bias,
        "threshold": gate.threshold,
        "trained_on": "",
        "own": {"scale": gate.own.scale, "bias": gate.own.bias, "threshold": 0.0},
    }
    older = Gate(header, gate.weights.tolist() + gate.own.weights.tolist())  # type: ignore[arg-type]
    assert older.alone is None and older.own is not None and older.own.alone is None
    words = Analyser().words("Forgot the kids' swimming kit again, proper melt, me.")
    assert gate.alone_hears(words)
    assert not older.alone_hears(words)


@pytest.mark.parametrize(
    "text",
    [
        "I'm a caring daughter, that's why the visits hurt so much.",
        "I'm a careful driver, that's why the scrape bothers me.",
    ],
)
def test_the_alone_band_does_not_hear_praise_as_a_verdict(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gate's letter pieces read "caring" and "careful" like "careless": a writer who
    calls themselves something good is not flagged by the band (aim.praises_self)."""
    analyser = Analyser()
    analyser.readings.clear()
    assert not analyser.analyse(text).critical, analyser.analyse(text).findings
    # ... which is praises_self's doing: without it the band flags them.
    monkeypatch.setattr("tui.core.selftalk.aim.praises_self", lambda built, words: False)
    analyser.readings.clear()
    assert analyser.analyse(text).critical
    analyser.readings.clear()


@pytest.mark.parametrize(
    "text", ["I'm not a good nurse, I missed it again.", "I'm a careless nurse, I missed it again."]
)
def test_praise_denied_or_a_harsh_word_is_still_a_verdict(text: str) -> None:
    assert analyse(text).critical


def test_the_alone_band_speaks_only_where_the_own_head_reads_the_text() -> None:
    """A text of more than OWN_MAX_SENTENCES sentences (a pasted page) is not read by the own
    head, so the band, which needs it, stays quiet there; rules and weights still speak."""
    from tui.core.selftalk.critic_gate import OWN_MAX_SENTENCES

    label = "Forgot the kids' swimming kit again, proper melt, me."
    day = ["Woke at seven.", "Bus was late.", "Lunch in the park.", "Rang Mum.", "Bed by ten."]
    short = " ".join([*day[: OWN_MAX_SENTENCES - 1], label])
    long = " ".join([*[*day, *day][:OWN_MAX_SENTENCES], label])
    assert analyse(short).critical
    assert not analyse(long).critical
    assert analyse(long + " I'm such an idiot.").critical


def test_the_alone_band_speaks_only_among_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by the made-up-words property test in a fresh clone's CI: the gate's letter
    pieces heard "zqk zqk qjv vjw vjwq kjv" as a label. The band speaks only where at least
    a third of the words are English words kindtone knows (aim.gate_may_speak_alone)."""
    made_up = "zqk zqk qjv vjw vjwq kjv"
    analyser = Analyser()
    analyser.readings.clear()
    assert not analyser.analyse(made_up).critical
    # ... which is that check's doing: with every word taken as known, the band flags it.
    monkeypatch.setattr(
        "tui.core.selftalk.analyser.gate_may_speak_alone", lambda built, words: True
    )
    analyser.readings.clear()
    assert analyser.analyse(made_up).critical
    analyser.readings.clear()
