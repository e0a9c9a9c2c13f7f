"""Session 16 (farewell): goodbyes that don't say goodbye are asked about, never let pass and
never paused for on their own. One's own going as a contingency with something handed on
("if anything happens to me she can have my hat"), thanks said as a last word and marked as
meaning more ("thanks for everything ... and I wasn't joking"), things of one's own given away
as if no longer needed, what others would need handed over for after a day, the dead envied,
and what one is still here for, asked and not answered. The everyday shapes of the same words
(a flight, an operation, a leaving card, a will with a solicitor, a passcode for the shopping,
a coat grown out of) stay calm. Sentences written for this test, in several voices."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse

ASK = [
    # one's own going as a contingency, and something handed on
    (
        "if owt happens to me our kid gets the dog and the telly, said it down the pub n "
        "nobody laughed"
    ),
    (
        "Told my cousin-sister if anything happen to me she must keep my gold chain, she "
        "asked me why I talk like that."
    ),
    "In case anything happens to me, Lola, the records are yours. Just saying.",
    "Asked Tomasz to mind the parrot if anything happens to me and he went quiet.",
    # thanks or a goodbye as a last word, marked as meaning more
    (
        "Messaged the old squad thanking them for everything, all caps, then logged off. "
        "Not sure why I did it."
    ),
    (
        "said bye to everyone at band practice properly tonight, like properly, and they "
        "gave me a weird look"
    ),
    "Thank you all for everything, truly. Look after each other.",
    "Told my teammates it was an honour playing with them and they laughed, but I wasn't joking.",
    # things of mine given away as if no longer needed
    "Gave my best fishing reel to old Tam at the club. He can get more use of it than me.",
    "Handed my favourite jacket to my flatmate, told her she'd wear it more than I will.",
    "I passed my prized chess set on to my nephew, might as well have it now.",
    # handed over for after a day, or after me
    (
        "Left the code for my laptop and where the life insurance papers are on the "
        "kitchen table, it'll be easier for them after Saturday."
    ),
    (
        "Showed my son where the deeds and the spare keys are kept, so he won't be "
        "searching when I'm gone."
    ),
    # the dead envied
    "I envy the ones we buried this year, they don't have to do any of this.",
    "Envy my grandad some days, he's at peace now.",
    # what I'm still here for, asked and not answered
    "Sometimes I wonder what I'm still hanging around for.",
    "Once the little ones are grown I can't see what I'm for.",
    "Ten years of pain and I'm running out of reasons.",
    # a last time told as a last time, and kept or wondered at
    "Had one last pint with my brother at the Anchor. He asked if I was okay. Said I was fine.",
    "if anythin happens 2 me u can have my xbox bro im serious",
]

CALM = [
    "If anything happens to me during the operation, the insurance papers are in the blue folder.",
    (
        "If anything happens to the boiler while I'm away, call the plumber, his number "
        "is on the fridge."
    ),
    (
        "Wrote in my leaving card for Sue: thanks for everything, you've been a "
        "brilliant boss, enjoy retirement!"
    ),
    "Thanks for everything at the party, you lot were great, not sure why I was so nervous!",
    "Told my team it's been an honour working with them at my retirement do, I meant it.",
    "Said goodbye to everyone at the hostel properly, flying home tomorrow, I'll miss them.",
    "Gave my good walking boots to my brother, they're too small for me now.",
    "Gave my old laptop to my niece, she'll get more use out of it than me with her coursework.",
    "Handed my tools on to the apprentice on my last day before I retired, he was chuffed.",
    "Lent my hat to Jess for the match, she forgot hers.",
    "Gave my partner the passcode for my phone so she can order the shopping.",
    "Showed the house sitter where the spare key is, we're away from Friday.",
    "Wrote a will at 70 with the solicitor, everything goes to the grandchildren.",
    "My grandmother died peacefully at 97 and I envied her a long life so well lived.",
    (
        "Told my mate he can have my season ticket for Saturday, I'm on nights, he gave "
        "me a funny look because he supports the other lot."
    ),
    (
        "Asked my neighbour to mind the cat, she asked if I was okay since I looked "
        "pale, it's just the flu."
    ),
    "We look after each other on this ward, that's the job.",
    "I know what I'm still here for: my girls, my garden and my Sunday roast.",
    "Walked into the kitchen and forgot what I'm here for.",
    "I'm running out of reasons to avoid the dentist.",
    "I wonder why I'm still single, honestly, lol.",
    "Since I retired I don't know what I'm for anymore.",
    "Went for a last swim at the cove before the holiday ends, didn't tell anyone I was going.",
    "He's the lucky one, he won the raffle at the funeral tea.",
]


@pytest.mark.parametrize("text", ASK)
def test_a_goodbye_that_does_not_say_goodbye_is_asked_about(text: str) -> None:
    assert analyse(text).concern in ("ask", "crisis")


@pytest.mark.parametrize("text", ASK[:11])
def test_a_goodbye_alone_is_asked_about_not_paused_for(text: str) -> None:
    # Each shape is ordinary in most lives: a question, never the support screen on its own.
    assert analyse(text).concern == "ask"


@pytest.mark.parametrize("text", CALM)
def test_the_everyday_shapes_of_the_same_words_stay_calm(text: str) -> None:
    assert analyse(text).concern not in ("ask", "crisis")
