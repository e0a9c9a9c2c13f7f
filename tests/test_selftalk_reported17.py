"""Session 17 (recovery): a harsh thought reported by a clause of its own and replied to by the
next clause, in one sentence, is answered, as an introduced old thought is
(Scoper.reported_thought); the reply's own clause is never covered.

The sentences here are new ones, written for these tests (none is a line of tests/data)."""

from __future__ import annotations

import pytest

from tui.core.selftalk import analyse


@pytest.mark.parametrize(
    "text",
    [
        "Whenever I think I'm too slow for the night shift, I remind myself I've never once "
        "missed a delivery.",
        'If I catch myself saying "you\'re such a mess", I try to add "and you\'re coping '
        'with a lot".',
        "Every time I tell myself I'm a bad son for moving away, I remember that Dad told me "
        "to go.",
        "Ma, when you think you're a failure at the sewing, remember the quilt you made for "
        "the twins.",
        "when i think im a failure i remind myself its one bad week",
        'When I think "I\'m too stupid for this course", I answer back that I passed the first '
        "module.",
    ],
)
def test_a_thought_reported_and_replied_to_in_one_sentence_is_kind(text: str) -> None:
    assert not analyse(text).critical, analyse(text).findings


@pytest.mark.parametrize(
    "text",
    [
        # The reply's clause sides with the thought: still self-criticism.
        "Whenever I think I did well, I tell myself I'm a fraud.",
        "When I think I'm useless I tell myself I'm a total idiot too.",
        # A thought reported with no reply: the writer's own.
        "When I think I'm fat, I skip tea.",
        "When I look in the mirror I think I'm disgusting.",
    ],
)
def test_a_reported_thought_with_no_reply_is_still_self_criticism(text: str) -> None:
    assert analyse(text).critical, text
