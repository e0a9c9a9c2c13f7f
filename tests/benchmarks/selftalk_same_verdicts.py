"""Does a change to the analyser's speed or memory leave every verdict exactly as it was?

    .venv/bin/python tests/benchmarks/selftalk_same_verdicts.py record /tmp/before.json
    ... change the code, rebuild the snapshot ...
    .venv/bin/python tests/benchmarks/selftalk_same_verdicts.py compare /tmp/before.json

Records the full analysis (findings with their spans and categories, concern, language) of
every line of every case file (tests/data/self_talk*.tsv), of long generated texts
(dense, journal-like, critic-only, mixed case and punctuation, curly apostrophes, texting
style, and bench_selftalk.py's own 100 KB texts), with the default analyser and with the
rules alone, and the learned features of each line. ``compare`` says which texts differ, and
exits 1 if any does. Not collected by pytest: a speed change is checked against the code
before it, which a fixed file in the repository could not be while the rules themselves keep
changing. While others change the rules, record with ``main``'s code (``git archive main``
into a folder, run this script there) and compare in a tree that has merged that ``main``.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SEED = 20261203
JOINERS = [" ", "  ", "\n", "\n\n", ", ", "; ", " - ", "... ", "! ", "? ", " and ", "\t"]


def lines(path: Path) -> list[str]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line == "label\ttext":
            continue
        _, _, text = line.partition("\t")
        found.append(text)
    return found


def mangle(text: str, rng: random.Random) -> str:
    """The same words as people type them: shouting, no capitals, curly apostrophes, no
    apostrophes, stray punctuation."""
    choice = rng.randrange(7)
    if choice == 0:
        return text.upper()
    if choice == 1:
        return text.lower()
    if choice == 2:
        return text.replace("'", "’")
    if choice == 3:
        return text.replace("'", "")
    if choice == 4:
        return text.rstrip(".!?") + rng.choice(["!!", "…", "?!", " :(", " lol", ""])
    if choice == 5:
        return "“" + text + "”"
    return text


def generated(sentences: list[str]) -> list[str]:
    rng = random.Random(SEED)
    texts = []
    # Multi-sentence answers, as in journals.
    for _ in range(1500):
        count = rng.randint(2, 7)
        parts = [mangle(rng.choice(sentences), rng) for _ in range(count)]
        texts.append("".join(part + rng.choice(JOINERS) for part in parts).strip())
    # Long texts: dense, journal-like, and one with no sentence breaks at all.
    for size in (2_000, 20_000, 100_000):
        for kind in range(3):
            parts, total = [], 0
            while total < size:
                part = mangle(rng.choice(sentences), rng)
                if kind == 2:
                    part = part.rstrip(".!?")
                parts.append(part)
                total += len(part) + 1
            joiner = ("\n", " ", ", ")[kind]
            texts.append(joiner.join(parts)[:size])
    # Odd inputs.
    texts += ["", " ", ".", "…", "ill never be good enough", "I'm " * 3000, "idiot " * 5000]
    texts += ["well--no, I'm useless - really", "I’m such an idiot", "i m so stupid"]
    return texts


def bench_texts() -> list[str]:
    """The 100 KB texts bench_selftalk.py times, so the figures it prints are of the same
    readings."""
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    import bench_selftalk as bench

    quality = bench._quality_module()
    cases = quality.load_cases(quality.DATA)
    sentences = [case.text for case in cases]
    rng = random.Random(20240601)
    dense, journal = bench.dense_text(sentences, rng), bench.journal_text(sentences, rng)
    critic = bench.dense_text([case.text for case in cases if case.label == "critic"], rng)
    return [dense, journal, critic]


def outputs() -> dict[str, object]:
    from tui.core.selftalk import Analyser, default_analyser

    sys.path.insert(0, str(ROOT / "tests"))
    from selftalk_blind import HELD_OUT

    data = ROOT / "tests" / "data"
    sentences = [line for path in sorted(data.glob("self_talk*.tsv")) for line in lines(path)]
    texts = sentences + generated(sentences) + bench_texts()
    held = lines(HELD_OUT) if HELD_OUT.exists() else []
    hidden: dict[str, bool] = {}

    def shown(text: str) -> str:
        """The text as a compare prints it: never a held-out line, alone or joined."""
        if text not in hidden:
            hidden[text] = any(line in text for line in held)
        return "(held out: figures only)" if hidden[text] else text[:200]

    analysers = {"default": default_analyser(), "rules": Analyser(learned=False)}
    result: dict[str, object] = {}
    for name, analyser in analysers.items():
        for text in texts:
            key = f"{name}:{hashlib.sha256(text.encode()).hexdigest()[:20]}"
            result[key] = analyser.analyse(text).to_dict() | {"text": shown(text)}
        # Again, with every sentence remembered from the first pass.
        for text in texts[-40:]:
            key = f"{name}-again:{hashlib.sha256(text.encode()).hexdigest()[:20]}"
            result[key] = analyser.analyse(text).to_dict() | {"text": shown(text)}
    default = analysers["default"]
    for text in sentences:
        key = f"features:{hashlib.sha256(text.encode()).hexdigest()[:20]}"
        result[key] = sorted(default.features(text))
    return result


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("record", "compare"):
        raise SystemExit(__doc__)
    path = Path(sys.argv[2])
    now = outputs()
    if sys.argv[1] == "record":
        path.write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
        print(f"recorded {len(now)} outputs -> {path}")
        return
    before = json.loads(path.read_text(encoding="utf-8"))
    differ = sorted(key for key in before.keys() | now.keys() if before.get(key) != now.get(key))
    for key in differ[:20]:
        print(f"{key}\n  before: {before.get(key)}\n  now:    {now.get(key)}")
    print(f"{len(now)} outputs, {len(differ)} differ")
    raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
