"""``kindtone check``: notice harsh self-talk in some words, from the command line.

No Textual or Rich here: the command has to start fast and behave in pipes. Whatever it
finds, it exits 0; it explains, it never judges or blocks.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from tui.commands import text_width, wrap_line
from tui.core.safety import NOT_A_CRISIS_SERVICE, load_resources
from tui.core.selftalk import Analysis, analyse
from tui.core.text import visible_controls

DESCRIPTION = """\
Notice harsh self-talk in some words: which words, which thinking pattern, and a gentle
hint. It explains; it doesn't judge, diagnose or block. A practice tool, not a substitute
for professional care."""

EPILOG = """\
input:
  Each TEXT argument is checked on its own. With no TEXT, each line of standard input is
  checked on its own. Blank lines are skipped in the readable output; with --json they
  still give an object, so output line N always belongs to input line N.

output:
  Control characters in your text are shown escaped (\\x1b, \\n), never sent to the
  terminal as they are. Lone surrogates (bytes that aren't valid UTF-8) become U+FFFD.
  If the words sound like thoughts of self-harm or suicide, the output points to people
  who can help instead of offering hints; if they might, it asks. kindtone reads English
  only, and says so when the words aren't English.

exit status:
  0 whatever is found; 2 for a usage error.

examples:
  kindtone check "I'm so stupid, I always get lost"
  kindtone check --json < journal.txt"""

NOTHING_FOUND = "No harsh self-talk noticed here."
# Possible risk: ask plainly and kindly (asking does not raise risk).
ASK_INTRO = (
    "Some of these words can come with thoughts of ending your life or hurting yourself. "
    "Are you having thoughts like that? If you are, or you're not sure, please talk to a "
    "person now:"
)
RECOVERY_NOTE = (
    "It sounds like you've come through something hard and are looking back from a safer "
    "place. That counts. If things get heavy again, people are there to talk to."
)
ENGLISH_ONLY = (
    "kindtone reads English only, so it couldn't read these words. If things feel hard, "
    "talking to a person can help."
)
SUPPORT_INTRO = (
    "This sounds really painful, and you don't have to carry it alone. "
    "Talking to a person can help, right now if you can:"
)
# Characters a terminal may act on that JSON leaves as they are (DEL, C1 controls, bidi
# controls, line and paragraph separators).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="notice harsh self-talk in some words",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "text",
        nargs="*",
        metavar="TEXT",
        help="words to check; with none, each line of standard input is checked",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=(
            'one JSON object per input: {"text", "critical", "crisis", "concern", '
            '"language", "findings"}'
        ),
    )


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    streaming = not args.text  # lines may trickle in: answer each one as it comes
    texts: Iterable[str] = args.text if args.text else _stdin_lines()
    if args.json:
        ascii_only = not _is_unicode(out)
        for text in texts:
            out.write(json_line(analyse(_clean(text)), ascii_only=ascii_only) + "\n")
            if streaming:
                out.flush()
    else:
        _tolerate_unencodable(out)
        width = text_width() if out.isatty() else None  # piped: one line each, as before
        first = True
        for text in texts:
            if not text.strip():
                continue
            if not first:
                out.write("\n")
            first = False
            out.write(friendly(analyse(_clean(text)), width))
            if streaming:
                out.flush()
    return 0


def json_line(analysis: Analysis, *, ascii_only: bool = False) -> str:
    """One line of JSON; characters a terminal could act on are always escaped."""
    line = json.dumps(analysis.to_dict(), ensure_ascii=ascii_only)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def friendly(analysis: Analysis, width: int | None = None) -> str:
    """The readable report for one input, ending with a newline; with a ``width`` (on a
    terminal) each line is wrapped under its own indent, so no word is broken at the edge."""
    lines = _report_lines(analysis)
    if width is not None:
        lines = [wrapped for line in lines for wrapped in wrap_line(line, width)]
    return "\n".join(lines) + "\n"


def _report_lines(analysis: Analysis) -> list[str]:
    lines = [f"“{_visible(analysis.text)}”"]
    if analysis.concern in ("crisis", "ask"):
        # Safe messaging: pause (or ask) and point to people; no reframing hints here.
        lines.append(f"  {SUPPORT_INTRO if analysis.crisis else ASK_INTRO}")
        lines.extend(f"    - {resource.line()}" for resource in load_resources())
        lines.append(f"  {NOT_A_CRISIS_SERVICE}")
        return lines
    if analysis.concern == "recovery":
        lines.append(f"  {RECOVERY_NOTE}")
    if analysis.language == "unsupported":
        lines.append(f"  {ENGLISH_ONLY}")
    elif analysis.findings:
        for finding in analysis.findings:
            lines.append(f'  - "{_visible(finding.match)}" ({finding.category}): {finding.hint}')
    else:
        lines.append(f"  {NOTHING_FOUND}")
    return lines


def _visible(text: str) -> str:
    """Make control characters visible; a newline is one too, here."""
    return visible_controls(text).replace("\n", "\\n")


def _clean(text: str) -> str:
    """Lone surrogates (undecodable bytes in arguments) can't be printed: use U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _stdin_lines() -> Iterator[str]:
    stdin = sys.stdin
    if stdin is None:
        return
    if isinstance(stdin, io.TextIOWrapper):
        stdin.reconfigure(errors="replace")  # undecodable bytes become U+FFFD, not a crash
    if stdin.isatty():
        print(
            "Type or paste a line and press Enter; Ctrl-D (Ctrl-Z on Windows) to finish.",
            file=sys.stderr,
        )
    for line in stdin:
        yield line.rstrip("\r\n")


def _is_unicode(stream: TextIO) -> bool:
    try:
        name = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return False
    return name.startswith("utf")


def _tolerate_unencodable(stream: TextIO) -> None:
    """On a terminal that can't show "’" or "“", show an escape rather than crash."""
    if isinstance(stream, io.TextIOWrapper) and not _is_unicode(stream):
        stream.reconfigure(errors="backslashreplace")
