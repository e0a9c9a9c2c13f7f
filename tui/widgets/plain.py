"""The old name of LiteralText, kept while screens still being changed on other branches
(session, summary, support, resume, leave, steps, insights) move to the new one."""

from tui.widgets.literal_text import LiteralText as Plain
from tui.widgets.literal_text import literal

__all__ = ["Plain", "literal"]
