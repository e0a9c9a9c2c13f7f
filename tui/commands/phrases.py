"""``kindtone phrases``: your kind words, the kinder versions you kept, from the shell.

No Textual or Rich; the analyser is imported only to check a phrase being added.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tui.commands import Refusal, os_error_line, report_error, show, tolerant_stdout
from tui.core.text import visible_controls
from tui.paths import resolve_data_dir


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "phrases",
        help="your kind words: list, add or remove them",
        description=(
            "Your kind words: the kinder versions you kept in sessions and catches, offered "
            "back when the critic returns. Words that still sound harsh are never kept."
        ),
    )
    commands = parser.add_subparsers(dest="phrases_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="newest first")
    listing.add_argument(
        "--json",
        action="store_true",
        help="a JSON array of {id, text, patterns, uses, added_at, source, starred}",
    )
    add = commands.add_parser("add", help="add kind words of your own")
    add.add_argument("text", nargs="+", metavar="TEXT", help="the words (quote them)")
    add.add_argument(
        "--pattern",
        action="append",
        default=[],
        metavar="CATEGORY",
        help="a critic's pattern these words answer, e.g. labelling (may be repeated)",
    )
    remove = commands.add_parser("remove", help="remove one phrase")
    remove.add_argument("id", metavar="ID", help="its id (or the start of it)")
    for name, what in (("star", "star one, so it is offered first"), ("unstar", "unstar one")):
        starring = commands.add_parser(name, help=what)
        starring.add_argument("id", metavar="ID", help="its id (or the start of it)")


def run(args: argparse.Namespace) -> int:
    from tui.core.phrases import PhraseStore
    from tui.core.storage import StoreError

    tolerant_stdout()
    store = PhraseStore(resolve_data_dir(args.data_dir))
    actions = {
        "list": _list,
        "add": _add,
        "remove": _remove,
        "star": _star,
        "unstar": _star,
    }
    try:
        code = actions[args.phrases_command](args, store)
    except Refusal as refusal:
        report_error("phrases", str(refusal))
        code = 1
    except StoreError as error:
        report_error("phrases", str(error))
        code = 1
    except BrokenPipeError:
        raise
    except OSError as error:
        report_error("phrases", os_error_line(error))
        code = 1
    for warning in store.warnings:
        report_error("phrases", f"note: {warning}")
    return code


def _list(args: argparse.Namespace, store: Any) -> int:
    phrases = store.list()
    if args.json:
        sys.stdout.write(json.dumps([p.to_dict() for p in phrases], ensure_ascii=False) + "\n")
        return 0
    if not phrases:
        print(
            "No kind words yet. Kinder versions you keep in a session or a catch join them; "
            'or add your own: kindtone phrases add "..."',
            file=sys.stderr,
        )
        return 0
    for phrase in phrases:
        star = "*" if phrase.starred else " "
        uses = f"used {phrase.uses}x" if phrase.uses else "new"
        patterns = ", ".join(phrase.patterns) or "-"
        head = f"{star} {phrase.id}  "
        show(f"{head}{visible_controls(phrase.text)}", hang=len(head))
        show(f"    {uses} · for {visible_controls(patterns)} · from {phrase.source}", hang=6)
    return 0


def _add(args: argparse.Namespace, store: Any) -> int:
    from tui.core.selftalk import CATEGORIES

    unknown = [p for p in args.pattern if p not in CATEGORIES]
    if unknown:
        raise Refusal(
            f"unknown pattern {visible_controls(unknown[0])!r}; one of: {', '.join(CATEGORIES)}"
        )
    phrase = store.add(" ".join(args.text), args.pattern, source="added")
    show(f"Added to your kind words ({phrase.id}): {visible_controls(phrase.text)}")
    return 0


def _find(args: argparse.Namespace, store: Any) -> Any:
    phrase = store.get(args.id)
    if phrase is None:
        raise Refusal(
            f"no phrase with the id '{visible_controls(args.id)}'; to see them: "
            "kindtone phrases list"
        )
    return phrase


def _remove(args: argparse.Namespace, store: Any) -> int:
    phrase = _find(args, store)
    if store.remove(phrase.id) is None:
        raise Refusal(f"the phrase {phrase.id} was already gone")
    show(f"Removed from your kind words: {visible_controls(phrase.text)}")
    return 0


def _star(args: argparse.Namespace, store: Any) -> int:
    phrase = _find(args, store)
    starred = args.phrases_command == "star"
    store.set_starred(phrase.id, starred)
    show(f"{'Starred' if starred else 'Unstarred'}: {visible_controls(phrase.text)}")
    return 0
