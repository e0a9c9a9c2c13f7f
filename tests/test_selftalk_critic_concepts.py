"""Session 9's critic work, by concept: self-insults of many Englishes as data
(data/insults.toml), quoted old thoughts turned from in the writer's own words, and whose
criticism a verdict is. Each sentence here was written for the test, not taken from a blind
batch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core.selftalk import analyse
from tui.core.selftalk.data import DataError, data_dir, load_insults, load_lexicon

INSULTS = load_insults()
EXAMPLES = [(name, text) for name, texts in INSULTS.examples.items() for text in texts]


@pytest.mark.parametrize(
    ("english", "text"), EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)]
)
def test_each_insults_example_reads_as_self_criticism(english: str, text: str) -> None:
    assert analyse(text).critical, (english, text)


def test_the_insults_join_the_classes_the_rules_read() -> None:
    classes = load_lexicon().classes
    assert {"twp", "olodo", "drongo"} <= classes["LABEL_ADJ"] | classes["LABEL_NOUN"]
    assert "olodo" in classes["LABEL_ANY"]
    assert {"guard", "engineer", "porter"} <= classes["ROLE_PERSON"]


def _broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    folder = tmp_path / "data"
    shutil.copytree(Path(str(data_dir())), folder)
    path = folder / "insults.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder, line


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('adjectives = "twp dwl"', 'adjectivs = "twp dwl"', "unknown key 'adjectivs'"),
        ('adjectives = "twp dwl"', 'adjectives = "twp ham-fisted"', "'ham-fisted' is not one word"),
        ('adjectives = "twp dwl"', "adjectives = 3", "adjectives must be words in a string"),
        ("[englishes.welsh]", "[english.welsh]", "unknown table [english]"),
    ],
)
def test_a_broken_insults_file_names_its_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder, line = _broken(tmp_path, old, new)
    with pytest.raises(DataError) as raised:
        load_insults(folder)
    assert str(raised.value).startswith("insults.toml:"), raised.value
    if "table" not in message:
        assert str(raised.value).startswith(f"insults.toml:{line}: "), raised.value
    assert message in str(raised.value)


def test_an_english_without_examples_is_an_error(tmp_path: Path) -> None:
    folder, _ = _broken(
        tmp_path,
        'examples = ["Put salt in the tea urn, I\'m twp as a brush.", '
        '"I\'m that twp I locked myself out twice."]',
        "",
    )
    lines = (folder / "insults.toml").read_text(encoding="utf-8").splitlines()
    header = lines.index("[englishes.welsh]") + 1  # the table's own line is named
    with pytest.raises(DataError, match=rf"^insults.toml:{header}: \[englishes.welsh\] needs"):
        load_insults(folder)


# A quoted old thought turned from in the writer's own words is kind; the same words said
# and left standing are self-criticism.
@pytest.mark.parametrize(
    "text",
    [
        "Heard 'you clumsy oaf' in my head - and then I laughed and got the mop.",
        "My head said 'useless, useless' — maybe, but I still got everyone fed.",
        "The 'you're a joke' voice can pipe down, I passed the whole module.",
        "Thought 'what a loser' for a second, then reminded myself I'd worked a double.",
        "I wrote 'lazy lump' at the top of the page and crossed it out; I'm tired, not lazy.",
        "Situation: the client moaned. Hot thought: 'I'm hopeless at this job.' "
        "Balanced thought: one client out of forty moaned.",
        "Broke a glass at the bar. The thought 'butterfingers, you idiot' popped into my head "
        "and I let it go.",
        "Brain: 'ur such a failure' me: i got up, showered and made it to class.",
    ],
)
def test_a_quoted_thought_turned_from_is_kind(text: str) -> None:
    analysis = analyse(text)
    assert not analysis.critical, analysis.findings


@pytest.mark.parametrize(
    "text",
    [
        "I keep telling myself 'you're useless'.",
        "Heard 'you clumsy oaf' in my head and it's true, I am one.",
        "My head kept saying 'you're a total failure' all the way home.",
    ],
)
def test_a_quoted_thought_left_standing_is_self_criticism(text: str) -> None:
    assert analyse(text).critical, text


def test_an_apostrophe_in_a_word_is_no_quotation_mark() -> None:
    """ "don't" and "I'm" open no quote: the verdict after them is still read."""
    assert analyse("Don't know why, but I'm such a failure - always have been.").critical


@pytest.mark.parametrize(
    "text",
    [
        "Me so dumb, me leave di pot pon di fire again.",
        "I be mumu for real, I pay the wrong bill.",
        "Scored into my own net, useless old defender.",
        "Knocked the paint tin over, ham-fisted oaf that I am.",
        "Sent the wrong invoice, worst porter in the county, easily.",
        "Missed the deadline again, how am I this disorganised every single month.",
        "Burnt the loaves twice, and I call myself a baker.",
        "Missed the parents' evening. Dad of the year, not.",  # praise taken back
        "Walked straight into the glass door, smooth move.",
    ],
)
def test_self_criticism_in_new_shapes(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize(
    "text",
    [
        "My neighbour blocked my drive again, selfish old man.",  # "my [someone]" as subject
        "The probation office lost my forms again, absolute shambles of an organisation.",
        "I'm ending my gym membership, total waste of money.",
        "One year since my attempt. Still here. Still weird. Got a cat.",  # "still" no "I"
        "Dem use fi call mi dunce. Today mi pass mi test first time.",
        "The paper named him employee of the month, not bad.",
        "Smooth move by the ref, he booked the wrong player.",
    ],
)
def test_not_self_criticism(text: str) -> None:
    analysis = analyse(text)
    assert not analysis.critical, analysis.findings


def test_my_someone_aims_only_a_verdict_elsewhere() -> None:
    """A comparison that opens on "my brother" is still the writer's own."""
    assert analyse("My brother got all the brains in the family.").critical


# Session 12, by concept (written for the test, not taken from a blind batch): name-calling
# told as what the writer did, "I" in Scots and Northern speech ("Ah'm", "A'm"), labels of
# more than one word, unworthiness of one's own place; and their neighbours that are not
# self-criticism (health and fitness, someone else's label, a quoted thought answered "naw").
@pytest.mark.parametrize(
    "text",
    [
        "Spent the whole bus ride calling myself a useless article.",
        "Ah'm a reet clot, left the gas on under the pan.",
        "A'm that gormless, I put the post in the bin.",
        "Fell off the stage at the school concert, I'm the laughing stock of the PTA.",
        "Forgot the readings at the service, I'm not fit to stand in that pulpit.",
    ],
)
def test_self_criticism_in_session_12_shapes(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not fit to drive after that wine, so I'll get a taxi.",
        "I'm not fit to work today, the flu has flattened me.",
        "Ah well, the bus was late again.",
        "He's the laughing stock of the league after that own goal.",
        "Ma heid's tellin me ah'm a numpty. Naw, ah'm just tired after a double shift.",
        "I stopped calling myself names this year.",
        # a habit looked back on, not what the writer was doing today
        "For years I called myself a failure whenever I slipped, and I'm done with that.",
        "Calling myself stupid never got the dishes washed.",
    ],
)
def test_not_self_criticism_in_session_12_shapes(text: str) -> None:
    analysis = analyse(text)
    assert not analysis.critical, analysis.findings
