"""Session 16's critic work, by concept: sarcasm at oneself (praise said of one's own slip), a
verdict that sums the writer up, comparisons that end in a verdict on oneself, a self-label
said as a metaphor, "not cut out for this" with the "I" dropped, one's own name said again and
again in place of "I". Each sentence here was written
for the test, in many voices, not taken from a blind batch; the counter-examples are the same
shapes said of someone else, sincere praise, and an old thought quoted to answer it."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse

# Praise said of one's own slip, in the same sentence or the next.
SARCASM = [
    "Left my passport in the taxi on the way to the airport, marvellous, give me a medal.",
    "Forgot the password I set this very morning, truly gifted.",
    "Twenty-nine and I still can't fold a fitted sheet, proper adult, aren't I.",
    "Locked the keys in the boot for the third time this year, what a talent.",
    "Put salt in the tea instead of sugar. Brilliant.",
    "Deleted the whole folder by accident. Genius. Absolute genius.",
    "Missed my own stop on the bus, again. Incredible work.",
    "Spilt coffee all over the new rug. Well done me.",
    "Sent the invoice to the wrong client. Great stuff. Really top notch.",
    "Overslept on the day of the exam. Marvellous. Gold star for me.",
    "Forgot my daughter's recital. Parent of the year, clearly.",
    "i burnt the popcorn in the microwave. incredible. a true talent",
    "Spilt red wine on her white sofa, well done me.",
    "Reversed into the gatepost again, way to go me.",
    "Dropped my phone down the drain. Another triumph.",
    "Forgot the milk again. Ten out of ten for me.",
    "Another day, another cock-up from yours truly.",
    "Me and my big mouth again.",
    "Shrank my good wool jumper in the wash. Oh, brilliant. What a genius.",
]

# A verdict that sums the writer up.
SUMMED_UP = [
    "Came last in the pub quiz again, which says everything you need to know about me.",
    "Fell over my own feet on the dance floor, which sums me up really.",
    "The cake sank in the middle and the icing slid off, that's my life in one sentence.",
    "Got a C on the easiest module, which is about my level to be honest.",
    "They gave me the night shift nobody wants, which is about what I'm worth.",
    "My brother gets the house and the praise and I get to be the family warning.",
    "Flunked the theory test twice, so that's me summed up.",
]

# Comparisons that end in a verdict on oneself, and self-labels said as metaphors.
COMPARED = [
    "The new girl has been here a fortnight and already runs the till better than me, I'm a relic.",
    "Every other dad at the match knew the offside rule and I stood there gawping like a sheep.",
    "Everyone in my year is married with kids and I'm still a spare part at every wedding.",
    "When I see my reflection in the shop window all I see is a fat, useless lump.",
    "No one to blame for the mess but the fool in the mirror.",
    # Catching oneself in a window is seeing one's reflection, not noticing a thought.
    "Every time I catch myself in the bus window I see a fat useless lump.",
    "Caught myself in a shop window today and all I saw was a clumsy oaf.",
    "I'm the dead weight of this choir, everyone carries me.",
    "Honestly I'm a dinosaur in that office, can't even work the printer.",
    "The younger ones finished the course in a day and I took a week. Past it, that's what I am.",
]

COMPARED += [
    "Thirty years of baking and I still ruin the one cake I'm known for.",
    "Twenty years on the buses and I still drive like a nervous learner.",
    "Forty years a carpenter and I'm as clumsy as a toddler with a hammer.",
    "Who would trust the accounts to me, a washed-up nobody.",
    "Dropped the whole tray in front of the boss, waiter my foot.",
    "Dropped every plate at the wedding, fit for nothing but the washing up.",
    "Even a child could have done that, and I couldn't.",
    "My nephew is half my age and twice as capable.",
    "The new lad picked it up in a week and it took me a year.",
    "I'm only good for making the tea.",
]

# "Not cut out for this", "too thick for it", with the "I" dropped.
DROPPED = [
    "Not cut out for nursing. Never was.",
    "Just not made for this kind of work, never have been.",
    "Honestly too thick for university.",
    "Too stupid to learn to drive, apparently.",
]

# One's own name said again and again in place of "I", then a verdict.
OWN_NAME = [
    "Tunde forgot the meeting again, Tunde forgets everything, Tunde is a dead loss.",
    "Ngozi is a fool, Ngozi was always a fool, and tonight Ngozi proved it.",
    "Jonno locked the keys in the car again, Jonno's brain is mush.",
]

# The same shapes said of someone else, sincere praise of oneself or others, quoting an old
# thought to answer it, reported speech: none is the writer's verdict on themselves.
CALM = [
    "Kim lost the tickets again, she is such an idiot.",
    "Mags burnt the dinner again, she burns everything, she is a liability.",
    "Sam handled that delivery calmly and Sam should be pleased about that.",
    'Old thought: "Tola burnt it, Tola is hopeless." Answer: Tola fed twelve, one pot caught.',
    "Well done me.",
    "Ran my first 10k today. Another triumph!",
    "Passed my theory test at last. Oh, brilliant!",
    # A word the rules now know is still someone else when a sentence opens on it.
    "Photographer lost half the wedding pictures. Amateur.",
    "Thief took my bike from the rack. Scumbag.",
    "Forgot my keys. Brilliant. But honestly it's fine, everyone forgets things.",
    "Finished the quilt at last, well done me.",
    "Passed the exam, way to go me!",
    "Even a child could run this country better than that lot.",
    "He's had ten years at the firm and he still makes rookie mistakes.",
    "Forty years of teaching and I'm still as excited on the first day.",
    "Fit for nothing, my ex used to say, and I've proved him wrong.",
    "Scored the winner, striker of the season, get in!",
    "Genius!",
    "Well done me, first marathon finished in under five hours!",
    "Our landlord kept the whole deposit over one scratch, greedy old git.",
    "Passed my driving test first time. Brilliant.",
    "Baked bread from scratch for the first time. Genius, honestly, it rose!",
    "My son scored twice today, a real credit to his coach.",
    "The plumber flooded the kitchen and left, marvellous, give him a medal.",
    "My brother forgot our mum's birthday again, truly gifted.",
    "Our manager is a dinosaur who can't open a PDF.",
    "The new kid at work already knows more than the boss, who's a fossil.",
    "I used to call myself a dinosaur; now I say I'm experienced.",
    "Old thought: not cut out for this. New thought: I'm learning, and that takes time.",
    "My neighbour says he's not cut out for retirement.",
    "She said she was too thick for university, and I told her that wasn't true.",
    "Not cut out for the cold, so we booked somewhere warm.",
    "Everyone else in the class did well and so did I, which made me proud.",
    "He's the dead weight of the team and everyone knows it.",
    "When I look in the mirror I see someone who has come a long way.",
    "I caught myself thinking I'm useless, and let it pass.",
    "I caught myself in the mirror and smiled, I look well.",
    "The cake sank in the middle but it tasted great, and that's good enough for me.",
    "Which tells you everything you need to know about the council.",
    "I'm too tired to cook tonight, so it's beans on toast.",
]


@pytest.mark.parametrize("text", SARCASM + SUMMED_UP + COMPARED + DROPPED + OWN_NAME)
def test_verdicts_on_oneself_told_sideways_are_self_criticism(text: str) -> None:
    assert analyse(text).critical, text


@pytest.mark.parametrize("text", CALM)
def test_the_same_shapes_said_of_others_or_sincerely_stay_calm(text: str) -> None:
    assert not analyse(text).critical, text
