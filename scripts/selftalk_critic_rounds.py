"""Leave one ROUND out for the critic gate (scripts/train_selftalk_critic.py): for each held
round (a session's blind files), a gate trained without it, and the critic figures the whole
analyser gets on it, for each recipe and each set of thresholds asked for.

Run: ``python scripts/selftalk_critic_rounds.py [--rounds=ai_al,am_ap,...] [--grid]
[--out=FILE]`` (needs the training extra). A recipe is what the gate learns from: ``shipped``
(blind a-ap and the session-9 helper's lines, as the file shipped in session 13-17 was
trained), ``all`` (every blind batch a-ax too), ``buried`` (``all`` and the session-17
helper's journal answers, with the verdict of an answer no rule flags picked by a first gate:
the trainer's --buried). A round held out is left out of every recipe's training, and of the
own head's. Thresholds are set on the trained gate (they don't change what it learned), so
one training a round serves the whole grid; choose them on these held-out figures, never on
the figures of a gate trained on the round it is scored on.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location(
    "trainer", ROOT / "scripts" / "train_selftalk_critic.py"
)
assert spec is not None and spec.loader is not None
trainer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(trainer)

from selftalk_blind import load  # noqa: E402

from tui.core.selftalk import Analyser  # noqa: E402

DATA = ROOT / "tests" / "data"
ROUNDS = {
    "a_h": DATA / "self_talk_blind.tsv",
    "i_j": DATA / "self_talk_blind_last.tsv",
    "k_n": DATA / "self_talk_blind_k_n.tsv",
    "o_r": DATA / "self_talk_blind_o_r.tsv",
    "s_v": DATA / "self_talk_blind_s_v.tsv",
    "w_z": DATA / "self_talk_blind_w_z.tsv",
    "aa_ad": DATA / "self_talk_blind_aa_ad.tsv",
    "ae_ah": DATA / "self_talk_blind_ae_ah.tsv",
    "ai_al": DATA / "self_talk_blind_ai_al.tsv",
    "am_ap": DATA / "self_talk_blind_am_ap.tsv",
    "aq_at": DATA / "self_talk_blind_aq_at.tsv",
    "au_ax": DATA / "self_talk_blind_au_ax.tsv",
}
NEW = trainer.LATER
RECIPES = {
    "shipped": (frozenset([*NEW, trainer.OWN_JOURNAL]), False),
    "all": (frozenset([trainer.OWN_JOURNAL]), False),
    "all-own17": (frozenset(), False),  # the session-17 helper's journal answers too
    "buried": (frozenset(), True),
}


def arg(name: str, default: str) -> str:
    given = [a.split("=", 1)[1] for a in sys.argv if a.startswith(f"--{name}=")]
    return given[0] if given else default


def main() -> None:
    paths = (*trainer.TRAINED_ON, *NEW, trainer.OWN, trainer.OWN_JOURNAL)
    source = {case.batch: path for path in paths for case in load(path)}
    found, unheard = trainer.examples_split(paths)
    own_all = trainer.answers(paths)
    rounds = arg("rounds", "w_z,aa_ad,ae_ah,ai_al,am_ap,aq_at,au_ax").split(",")
    recipes = arg("recipes", "shipped,all").split(",")
    if "--grid" in sys.argv:
        grid = list(
            itertools.product(
                [float(x) for x in arg("thr", "0.999").split(",")],
                [float(x) for x in arg("alone", "1.0,1.5,2.0,99").split(",")],
                [float(x) for x in arg("own", "-3.0,-2.45,-2.0").split(",")],
                [float(x) for x in arg("own_alone", "-1.0,-0.5,0.0").split(",")],
            )
        )
    else:
        grid = [(0.999, 1.5, -2.45, -0.5)]
    out = open(arg("out", "/dev/stdout"), "a", encoding="utf-8")  # noqa: SIM115
    for named in recipes:
        # "RECIPE@C": the sentence head's L2 strength C (scikit-learn's) other than the
        # trainer's
        recipe, _, strength = named.partition("@")
        trainer.fit.__defaults__ = (float(strength) if strength else trainer.C,)
        excluded, with_buried = RECIPES[recipe]
        for held in rounds:
            left = excluded | {ROUNDS[held]}

            def keep(batch: str, left: frozenset[Path] = left) -> bool:
                return source.get(batch) not in left

            rows = [row for row in found if keep(row[2])]
            if with_buried:
                rows += trainer.buried(rows, [u for u in unheard if keep(u[1])])
            own_rows = [row for row in own_all if keep(row[2])]
            gate = trainer.gate_for(rows, 0.999, own_rows, -2.45, 1.5)
            members = load(ROUNDS[held])
            for thr, alone, own, own_alone in grid:
                gate.threshold, gate.alone = thr, alone
                assert gate.own is not None
                gate.own.threshold, gate.own.alone = own, own_alone
                result: dict[str, object] = {
                    "recipe": named,
                    "held": held,
                    "thr": thr,
                    "alone": alone,
                    "own": own,
                    "own_alone": own_alone,
                }
                for kind in ("single", "journal"):
                    analyser = Analyser()
                    analyser.built._gate = gate
                    cases = [case for case in members if case.batch.endswith(kind)]
                    result[kind] = trainer.critic_counts(analyser, cases)
                print(json.dumps(result), file=out, flush=True)


if __name__ == "__main__":
    main()
