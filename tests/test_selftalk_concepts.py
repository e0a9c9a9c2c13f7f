"""The concept grid (data/concepts.toml): crisis by act, means, time and intent, in any
wording. Every grid rule fires on its examples and no grid rule fires on its counter-examples;
a mistake in the file names its line; and the statements of current risk that phrase rules
missed on blind batches E and F are paused for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core.selftalk import Analyser, analyse, default_analyser
from tui.core.selftalk.concepts import Grid, GridRule, made, side_by_side, whole_answer
from tui.core.selftalk.data import DataError, data_dir
from tui.core.selftalk.tokens import SENTENCE, lower

ANALYSER = default_analyser()
GRID = Grid()  # from the sources: the snapshot's copy carries no examples
RULES = GRID.rules
DATA = Path(str(data_dir()))


def _sentences(text: str) -> list[frozenset[str]]:
    built = ANALYSER.built
    sentences = []
    for chunk in SENTENCE.finditer(lower(text)):
        words = built.tokens.words(chunk.group())
        if words:
            sentences.append(GRID.concepts(words))
    return sentences


def _read(text: str) -> list[frozenset[str]]:
    return side_by_side(_sentences(text))


def _fired(text: str) -> list[GridRule]:
    """The rules a text makes: in a sentence or two side by side, and the ``answer = true``
    rules over the whole text too."""
    sentences = _sentences(text)
    fired = [rule for concepts in side_by_side(sentences) for rule in RULES if made(rule, concepts)]
    pooled = whole_answer(sentences)
    return fired + [rule for rule in RULES if rule.answer and made(rule, pooled)]


def test_the_grid_has_crisis_and_ask_rules_each_with_counter_examples() -> None:
    verdicts = {rule.verdict for rule in RULES}
    assert verdicts == {"crisis", "ask"}
    assert len(RULES) >= 15
    assert all(rule.counter_examples for rule in RULES), "every rule says what it must not read"


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_grid_rule_fires_on_its_examples_and_the_analyser_says_so(rule: GridRule) -> None:
    for example in rule.examples:
        assert rule in _fired(example), f"{rule.where}: {rule.name!r} on {example!r}"
        concern = analyse(example).concern
        wanted = ("crisis",) if rule.verdict == "crisis" else ("crisis", "ask")
        assert concern in wanted, f"{rule.where}: {example!r} read as {concern}"


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_no_grid_rule_fires_on_a_counter_example(rule: GridRule) -> None:
    for counter in rule.counter_examples:
        fired = [other.name for other in _fired(counter)]
        assert not fired, f"{rule.where}: {counter!r} fired {fired}"


def test_a_counter_example_check_can_fail() -> None:
    """The check above is not empty: the same words as a counter-example, with intent and a
    time, do fire."""
    assert _fired("The knife is on the bunk and I'm doing it tonight.")
    assert not _fired("The knife is on the bunk, I'm gutting fish tonight.")


# Plain statements of current risk that no phrase rule read (blind batches E and F, first
# scored at concern None or "ask"), and the issue's own examples.
MISSED = [
    "took them all an hour ago and now im just waiting on the group chat to notice",
    "I drank the bleach from under the sink a few minutes ago, please don't tell my kids.",
    "Swallowed everything in the cab about twenty minutes ago, parked at the services.",
    "The fishing knife is on the bunk and I'm doing it tonight when the watch changes.",
    "I've put the charcoal in the bathroom and I'm lighting it when my shift partner leaves.",
    "Tomorrow morning before the school run I'm going off the top of the car park, I'm certain.",
    "Deliveries done, helmet off, I'm riding into the river at the end of the quay tonight.",
    "Cut my wrists in the bath a few minutes ago and the water's going red.",
    "omg the raid was sick tonight. took a whole pack of my mum's pills like 20 mins ago tho "
    "and i feel weird, not telling them. gg everyone",
    "Thesis meeting went better than expected. Grabbed sushi with Ana. I'm jumping from the top "
    "floor of the lab building at 3am when it's empty. Need to return my library books, lol.",
    "Great Sunday dinner at my daughter's. Drove home in the dark. I've put the hose on the "
    "exhaust and I'm sitting in the garage now. The roast beef was perfect.",
    "Calls were steady today. Right now I'm in the toilets on my break cutting and I don't want "
    "to stop. Back on the phones at three.",
    "Caught a decent haul today. I'm going over the side tonight on the way back in, I've taken "
    "my lifejacket off already. Wind's dropping.",
]


@pytest.mark.parametrize("text", MISSED)
def test_plain_statements_of_current_risk_are_paused_for(text: str) -> None:
    assert analyse(text).concern == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "took the kids to the river tonight",
        "drank the last of the milk an hour ago",
        "jumping off the top board at the pool on Saturday",
        "cut the cake now",
        "knife is on the bunk, I'm gutting fish tonight",
        "rope for the boat",
        "blades for the lawnmower",
        "rope swing",
        "going over the side to check the hull",
        "took my tablets an hour ago as usual",
        "took the box of tablets back to the pharmacy",
    ],
)
def test_the_same_words_in_everyday_life_are_not_read_as_risk(text: str) -> None:
    assert not _fired(text)
    assert analyse(text).concern not in ("crisis", "ask")


@pytest.mark.parametrize(
    "text",
    [
        "Two years ago I took a whole box of pills, and today I ran my first 10k.",
        "I used to cut in the school toilets every lunch time; it's been 400 days now.",
        "I didn't take the tablets last night, I rang the crisis line instead.",
        "Last spring I stood on the bridge meaning to jump, and I'm so glad I walked home.",
        "200 days without cutting tonight.",
    ],
)
def test_the_grid_says_nothing_of_risk_told_from_a_distance(text: str) -> None:
    assert not _fired(text)
    assert analyse(text).concern != "crisis"


def test_the_grid_verdict_goes_through_the_recovery_handling() -> None:
    """A recovery cue beside a grid crisis makes it recovery, as beside a crisis rule."""
    alone = "Took them all an hour ago."
    assert analyse(alone).concern == "crisis"
    assert analyse(f"My safety plan is on the fridge. {alone}").concern == "recovery"


def test_two_sentences_side_by_side_are_read_together_and_not_further() -> None:
    means = "The pills I've been saving are counted out on the kitchen table."
    when = "Tonight once the kids are at their dad's is when it happens."
    # Alone, neither makes a grid crisis (the net, which learned from lines like these, may
    # pause for either on its own or in its sure band beside the grid's question: see
    # tests/test_selftalk_net.py; since session 12 it pauses for the second).
    assert "crisis" not in {rule.verdict for rule in _fired(means)}
    assert "crisis" not in {rule.verdict for rule in _fired(when)}
    assert analyse(f"Had porridge, fed the dog. {means} {when}").concern == "crisis"
    apart = f"{means} Tea was beans on toast. The dog needs a walk. {when}"
    assert not any(
        made(rule, c) for c in _read(apart) for rule in RULES if rule.verdict == "crisis"
    )


def test_someone_else_doing_it_is_not_the_writer() -> None:
    assert (
        analyse("The kids are jumping off the harbour wall at the fete tomorrow.").concern is None
    )
    # Third person: the writer by name (self-talk) or someone else. A time alone is asked
    # about; with a means ready too, support is the right answer whoever it is.
    jo = "Jo is going to kill herself tonight, she said so."
    assert {rule.verdict for rule in _fired(jo)} == {"ask"}
    assert analyse(jo).concern in ("crisis", "ask")
    sam = "Sam's going to kill himself tomorrow and Sam has the gun ready."
    assert "crisis" in {rule.verdict for rule in _fired(sam)}
    assert analyse(sam).concern == "crisis"


def test_crisis_wording_in_another_language_is_asked_about_and_still_unsupported() -> None:
    result = analyse("Ya lo decidí, esta noche me mato con las pastillas que tengo guardadas.")
    assert result.concern == "ask"
    assert result.language == "unsupported"
    two = analyse("Ya lo decidí, no aguanto más. Esta noche me mato con las pastillas.")
    assert (two.concern, two.language) == ("ask", "unsupported")
    mixed = analyse("I can't do this anymore. Esta noche me mato.")
    assert mixed.concern in ("crisis", "ask")
    neutral = analyse("Hoy me levanté temprano y fui al mercado con mi hermana.")
    assert neutral.concern is None
    assert neutral.language == "unsupported"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('verdict = "ask"', 'verdict = "maybe"', "verdict must be one of"),
        ('needs = ["FOREIGN"]', 'needs = ["FOREIGNN"]', "unknown concept 'FOREIGNN'"),
        ("foreign = true", "foreignn = true", "unknown key 'foreignn'"),
        ("SELF = ", "SELF_ = ", "unknown concept"),
    ],
)
def test_a_broken_concepts_file_names_its_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _copy(tmp_path)
    path = folder / "concepts.toml"
    text = path.read_text(encoding="utf-8")
    index = text.rindex(old) if old.startswith("verdict") else text.index(old)
    line = text[:index].count("\n") + 1
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    with pytest.raises(DataError) as raised:
        Grid(folder)
    assert str(raised.value).startswith("concepts.toml:"), raised.value
    assert message in str(raised.value)
    if not old.startswith("SELF"):
        assert str(raised.value).startswith(f"concepts.toml:{line}: "), raised.value


def test_an_analyser_reads_the_concepts_from_its_own_folder(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "concepts.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nbleach\n", "\nbleachh\n", 1), encoding="utf-8")
    mine = Analyser(folder=folder, learned=False)
    line = "I drank the bleach from under the sink a few minutes ago."
    assert mine.built.grid.concepts(mine.words(line)) >= {"SWALLOW", "SELF"}
    assert "POISON" not in mine.built.grid.concepts(mine.words(line))


def test_only_a_drink_is_a_drink_drunk_with_nothing_else_named() -> None:
    from tui.core.selftalk.concepts import everyday_drink, usual_dose

    def concepts(text: str) -> frozenset[str]:
        return GRID.concepts(ANALYSER.built.tokens.words(lower(text)))

    assert everyday_drink(concepts("drank the last of the milk an hour ago"))
    assert usual_dose(concepts("drank the last of the milk an hour ago"))
    # Named, not drunk: the milk cancelled says nothing about what is drunk.
    assert not everyday_drink(concepts("cancelled the milk and left the key for Jo tonight"))
    # A drink beside a drug, a poison or a dose is not only a drink.
    assert not everyday_drink(concepts("drank a bottle of wine with all my tablets"))
    assert not everyday_drink(concepts("drank bleach with my tea an hour ago"))


# Session 14 (the helper "crisis"): concepts told across a whole journal answer, means in
# everyday words, leaving said in a euphemism, self-harm hidden or fresh, and hyperbole in
# jest. Sentences written for these tests, by concept.
ACROSS_THE_ANSWER = [
    # Affairs settled, a last thing done and a day set, each sentence apart.
    "Closed the savings account and left the van keys with my neighbour. Cooked a roast for the "
    "lads. Had one last walk round the allotment. Thursday, that's when.",
    # A last thing, a secret and a day set.
    "Monday's the day. Haven't told anyone. Went for a last swim at the baths this morning.",
    # A hose, the car and a closed space, each in everyday words, and a time.
    "Worked a double, knackered. Got a length of hosepipe at the shop. The car's in the lock-up. "
    "Tonight.",
]


@pytest.mark.parametrize("text", ACROSS_THE_ANSWER)
def test_a_plan_told_across_a_whole_answer_is_paused_for(text: str) -> None:
    """Each part in its own sentence, more than one sentence apart: only the whole answer
    pooled (Grid.entry's answer rules) makes the combination."""
    assert not any(made(rule, c) for c in _read(text) for rule in RULES if rule.verdict == "crisis")
    assert analyse(text).concern == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "Closed the savings account. Cooked a roast for the lads. Had one last walk round the "
        "allotment before the move. Thursday's the day, off to Leeds for the new job.",
        "I used to think Monday's the day. Told nobody back then. Today I had a last swim before "
        "the pool shuts for the summer, and I'm fine.",
        "Got a hosepipe to wash the car. Put it in the garage. Tonight I'm watering the plants.",
    ],
)
def test_the_same_parts_with_a_plain_purpose_are_not_paused_for(text: str) -> None:
    assert analyse(text).concern != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "Not going to be around after Sunday, so keep the bike.",
        "Got a stash of my sleeping tablets saved up and it's tonight.",
        "Long sleeves again at work so nobody sees the cuts.",
        "Cut my leg again in the bathroom. It's still bleeding through the towel.",
    ],
)
def test_means_leaving_and_hidden_harm_in_everyday_words_are_paused_for(text: str) -> None:
    """The net alone may pause for these already; the grid reads them by concept too, so
    they don't rest on its score."""
    assert any(rule.verdict == "crisis" for rule in _fired(text)), _read(text)
    assert analyse(text).concern == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "If the printer jams once more I'll throw myself off the roof lol",
        "I'll jump in the canal if I hear that jingle again haha",
        "Honestly I'll shoot myself if they play that advert again. Only joking.",
    ],
)
def test_hyperbole_in_jest_is_asked_about_not_paused_for(text: str) -> None:
    assert analyse(text).concern == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "I'm not joking, I'm going to jump off the roof tonight lol",
        "burnt my arm with a lighter again lol",
        "I'll jump off the bridge at midnight haha",
    ],
)
def test_a_joke_word_beside_a_plan_or_harm_done_still_pauses(text: str) -> None:
    assert analyse(text).concern == "crisis"


def test_a_call_to_a_sister_beside_a_sure_crisis_sentence_does_not_soften_it() -> None:
    """A call or a text to someone close is a softer sign of a safer place, and a goodbye
    call reads the same: beside a sentence the net is sure of on its own that says what is
    ahead, it no longer makes the crisis a question."""
    text = (
        "Rang my brother and told him he was a great brother. Fed the cat. I'm ending my life "
        "tonight."
    )
    assert analyse(text).concern == "crisis"


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("Cleared the overdraft, found the cat a new home, got the rope. Thursday.", "crisis"),
        ("Boxed up my records for my nephew and the rope is in the shed. Tonight, then.", "crisis"),
        # A day as a diary's first line is its date, not a day set.
        (
            "Thursday. Stood on the platform for an hour, trains cancelled, got the rope for the "
            "tent at least.",
            None,
        ),
        ("Got the new rope for the tent. Friday night's the campsite.", None),
    ],
)
def test_a_day_on_its_own_sets_the_day_after_what_came_before(
    text: str, concern: str | None
) -> None:
    """A day said as a sentence of its own after means and affairs ("...got the rope.
    Thursday.") is the day set, told tersely (session 14, read after am-ap's end score)."""
    assert analyse(text).concern == concern, text
