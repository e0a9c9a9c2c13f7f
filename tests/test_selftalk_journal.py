"""Journal answers of several sentences: a recovery story told in time frames (the worst of it
placed in the past, where the writer is now placed after it), and worrying words placed in the
present that a neighbour's looking back can't speak for. Every example here is new wording,
written for these tests (none is from the blind batches)."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        # the past frame in the crisis sentence, a safer present in one of the two after it
        "Took the dog out early, frost on the field. Back in March I wanted to die and had the"
        " tablets counted on the counter. These days I'm on a waiting list for therapy and the"
        " thought is rare. Made porridge.",
        "Bit tired. When I was in uni I wanted to kill myself most weeks. Got diagnosed, got meds,"
        " got a therapist. Now the thought barely visits. Cooked jollof for the flat.",
        "Visited the coast. This is the beach where I walked into the sea back in 2016. Today I"
        " only paddled and ate chips with my nephew. Felt okay.",
        "Ran into my old flatmate at Tesco. At my lowest she was the one who found me after I cut"
        " too deep. We had a coffee and laughed about uni. Grateful.",
        # an age now, a count of sober years now, a therapist now
        "Exam season, revising with mates. At sixteen I swallowed my mum's sleeping tablets the"
        " night before my GCSEs. I'm 22 and this time I'm just nervous like everyone else.",
        "Bus into town. Back when I was drinking I tried to step in front of this very bus"
        " route. Sober two years now and I just read my book on it.",
        "Hairdresser appointment, finally. Last year I couldn't face the mirror and I was taking"
        " extra pills every night hoping not to wake. Now I've got a fringe and a therapist I"
        " like.",
        # the sentence after dates it; "once"
        "Went to the allotment. When Sam left I didn't want to be alive and I nearly jumped off"
        " the multi-storey. That was four years ago. These days the beans are my biggest worry.",
        "Ferry to work. I stood at the back rail once meaning to go over. This was back in 2018."
        " Now I just watch the gulls and drink my coffee.",
        # one sentence, clause by clause: the past, then a safer present the net doesn't lean on
        "I swallowed a box of paracetamol in my second year at uni; these days I'm a pharmacist"
        " and I'm doing well.",
        # a longer "I'm … now", and "I haven't in eleven years"
        "Bank holiday, rain. When I was fourteen I cut myself every night under the duvet. I"
        " haven't in eleven years and I'm a school nurse now. Made flapjacks.",
        # only the word weights read crisis, beside a recovery cue: acknowledged, not asked
        "Grocery run and laundry. back in college i wanted to die every day and cut my arms. i'm 28"
        " now and the scars are white. wore a tank top to the park.",
        "Quiet day at the garage. My brother knows I tried to end things at 22, I finally told him"
        " last month. He just hugged me. Fixed a clutch.",
    ],
)
def test_a_recovery_story_told_in_time_frames_is_acknowledged(text: str) -> None:
    analysis = analyse(text)
    assert analysis.concern == "recovery" and not analysis.crisis, text


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        # present intent anywhere: crisis, whatever the time frames
        (
            "Two years ago I tried to hang myself. Now I've got the rope again and tonight's the"
            " night.",
            "crisis",
        ),
        (
            "Back in March I overdosed. These days I'm fine with it. I'm going to do it properly on"
            " Friday.",
            "crisis",
        ),
        ("When I was 19 I cut myself. Now I'm cutting every night again.", "crisis"),
        # dated, but the present after it is worrying itself
        (
            "I tried to hang myself in the garage. That was years ago. Now I've bought another"
            " rope and I'm going to finish it.",
            "crisis",
        ),
        # one sentence: the present clause is the worrying one
        (
            "Two years ago I tried to drown myself; now I've got the car full of fuel and the"
            " letters written.",
            "crisis",
        ),
        ("Last year I cut my arms every night, now I'm cutting again.", "crisis"),
        # the past frame with no safer present after it: as before
        ("Back in March I swallowed all my pills. The kids were at school.", "crisis"),
        # worrying words placed in the present: a neighbour's "years ago" can't make them safe
        (
            "Years ago I tried to drown myself. Now I've written the letters and the car is full of"
            " fuel. Goodbye.",
            "ask",
        ),
    ],
)
def test_time_frames_never_make_present_risk_recovery(text: str, concern: str) -> None:
    assert analyse(text).concern == concern, text


def test_a_weights_crisis_the_net_is_sure_of_stays_a_question_beside_recovery() -> None:
    """Only the word weights' crisis is acknowledged beside a recovery cue: where the wider
    net reads the sentence as crisis too, it is still asked about."""
    text = (
        "Cup final went fine and I shook both managers' hands. On the way home I'm stopping at"
        " the railway bridge and that's the end of it. It's been 200 days since I last hurt"
        " myself."
    )
    assert analyse(text).concern in ("crisis", "ask")


@pytest.mark.parametrize(
    "text",
    [
        # a thought reported as the writer's own, in the past or as a habit, then turned from
        "Sunday. Thought I'm the worst sister going because I forgot to ring. Then realised she"
        " forgot last week too and nobody's keeping score.",
        "Usually I'd think I'm a failure after a day like this. Today I caught that and made"
        " myself a proper dinner.",
        # the first reaction labelled, then the second
        "Bad gig last night. First reaction: I'm a talentless hack. Second reaction: the sound"
        " was awful and we still got an encore.",
        # where it was heard, and how the writer would talk to someone else
        'Fumbled the handover. In my head: "what a useless excuse for a paramedic". I\'d never'
        " talk to a colleague like that. I'd say: long shift, you kept him alive.",
        # wanting to say it, not saying it, saying something else
        "Burnt the tea, kids moaned. Wanted to say I'm a rubbish mam. Didn't. Said instead:"
        " everyone's fed, chips are fine.",
        # a bare refusal as its own sentence
        "Dropped a tray at the café. Heard it straight away, \"clumsy cow, you can't do anything"
        " right\". Nah. It was a wet floor and I've carried hundreds of trays fine.",
    ],
)
def test_a_reported_old_thought_answered_in_later_sentences_is_kind(text: str) -> None:
    analysis = analyse(text)
    assert not analysis.critical, (text, [f.match for f in analysis.findings])


@pytest.mark.parametrize(
    "text",
    [
        # told now, not reported: the critic
        "I tell myself I'm useless. Then I go to bed.",
        # a thought that is no verdict doesn't excuse the sentence before it
        "I'm not clever enough for this job and they'll find out. We laughed till we cried, I"
        " thought I'd die of it. Then I got the bus.",
        # reported, but sided with
        "Thought I'm the worst sister going. But I am, honestly.",
    ],
)
def test_the_critic_told_now_or_agreed_with_is_still_read(text: str) -> None:
    assert analyse(text).critical, text


def test_a_run_of_labels_after_someone_else_was_named_stays_theirs() -> None:
    """Whose criticism it is carries along a run of bare labels: the second label is the
    engineer's as much as the first (it was flagged as self-criticism before)."""
    text = (
        "Site engineer turned up late and condemned the formwork for a measurement he got"
        " wrong. Muppet. Proper muppet. We redid it by lunch anyway."
    )
    assert not analyse(text).critical


def test_the_critic_s_own_address_is_not_carried_along_the_run() -> None:
    text = (
        "The inspector was late and rude. Idiot. You've forgotten the drawings again, you"
        " useless lump."
    )
    assert analyse(text).critical
