"""How well the self-talk analysis separates harsh self-talk from everything else.

Real tests: they fail when a target is missed. The figures are printed (``pytest -s``) and
repeated in every assertion message.

Data: the shared dev sample (never tuned against sentence by sentence) and
tests/data/self_talk_cases.tsv, written by hand in batches:

- ``tuning``: written before the analyser existed, then used to tune it.
- ``tuning-2``: written after the first round. Scored once before it was used for tuning:
  critical precision 1.000, recall 0.721 (49/68), kind flagged 0/40, crisis recall 14/16,
  idioms flagged 0/12. The misses were real gaps (superlatives, "I wish I wasn't so …",
  "everything I cook tastes …", crisis without a literal "can't"), fixed in general form.
- ``tuning-3``: paraphrases of the dev sample's kinds of sentence. Scored once first:
  precision 1.000, recall 0.900 (45/50), kind 0/35, crisis 12/12, idioms 0/10.
- ``tuning-4`` and ``tuning-5``: each written as a holdout in the dev sample's style, scored
  once, then tuned on because recall missed the target. First scores: tuning-4 precision
  0.975, recall 0.867 (39/45), kind 1/35, crisis 12/12, idioms 0/10; tuning-5 precision
  1.000, recall 0.875 (35/40), kind 0/30, crisis 12/12, idioms 0/10.
- ``holdout``: written last and never tuned against for self-criticism. Its first and only
  score: precision 1.000, recall 0.950 (38/40), kind 0/30, neutral 0/20, idioms 0/10. Its
  two misses ("I'm so slow, I always hold everyone up", "They only kept me on because they
  felt bad") are left as they are, on purpose. Crisis: 11/12 at first ("Some days I think
  it would be easier not to exist" was missed); because crisis recall is a safety
  requirement, that phrasing was then covered in general form ("easier/better not to
  exist", "better if I was gone", ...), so the holdout's crisis figure is no longer blind.

Session two had helpers who never saw the analyser write more batches; each was scored
once before anything changed (first scores are in the cases file's comments):

- ``tuning-6`` (varied everyday voices): recall 0.691, crisis 17/20; ``tuning-7`` (stock
  words avoided on purpose): recall 0.436, crisis 13/20; ``tuning-8`` (the dev sample's
  style): recall 0.920, crisis 18/20; ``tuning-crisis``: crisis 15/35. All four were then
  tuned on: rules in general form, and learned word weights behind the rules (see
  scripts/train_selftalk_weights.py).
- ``training-a`` to ``training-d``: written as training data for the weights. First scores
  with the first weights: recall 0.83-0.85, crisis 72/84 and 22/23, and false alarms: crisis
  language read in 30 of 90 low-but-not-crisis neutral sentences. That is what
  ``training-d`` (everyday sadness, not crisis) is for.
- Held back, never tuned or trained on: ``holdout-2`` (dev sample's style): recall 0.915
  (43/47), kind 0/29, crisis 16/16, idioms 0/15: meets the targets. ``holdout-crisis``:
  crisis 41/45, idioms 2/35: BELOW the crisis target. ``holdout-everyday`` (exercise
  answers, none crisis): crisis read in 1 of 72 kind or neutral answers, critical
  precision 0.885 (3 of 26 flags were kind or neutral): BELOW the precision target. The
  weights' regularisation (L2) was picked from four values while looking at these three
  batches' figures, so they are not perfectly blind for that one setting. The two below
  target are asserted as floors so nothing regresses.

- ``holdout-final``: written blind after the last change to rules and weights and scored
  once, never read sentence by sentence. On its 167 sentences not already in earlier
  batches: precision 0.956, recall 0.915 (43/47), kind flagged 2/33 (6.1%), crisis 27/28,
  idioms 0/21, kind or neutral read as crisis 3/71. Critical precision and recall meet the
  targets; kind flagged (6.1% vs 5%) and crisis recall (27/28) do not.

Session three aimed at crisis recall on new wording. Helpers wrote four more training
batches (``training-e`` to ``training-h``: crisis language in plain style, in many voices and
in varied grammar, with idioms and near-miss low mood), each scored once before use: crisis
98/131, 135/155, 132/159 and 140/159. Rules were added by concept (methods, self-harm and
hiding it, last words, leaving life, near misses); the crisis weights may now flag on less
evidence, and their features mark words after a negation. Blind batches:

- ``holdout-3`` (all labels, many voices): at the session's start crisis 48/59; after the
  changes precision 0.948, recall 0.932, kind 1/48, crisis 57/57, idioms 1/33. Its aggregate
  scores (never its sentences) were looked at while choosing thresholds.
- ``holdout-4`` (all labels, exercise answers): at the start precision 0.938, recall 0.900,
  kind 2/43, crisis 35/39; scored once after the changes: precision 0.957, recall 0.900,
  kind 2/43 (4.7%), crisis 39/39, idioms 2/35. Meets every target.
- ``tuning-crisis-2`` (the dev sample's plain style, crisis and idioms): written as a holdout,
  scored once after the changes: crisis 68/70, idioms 0/40; then tuned on. One of its two
  misses was relabelled critic ("I'm a waste of space and everyone knows it": a harsh label,
  no self-harm or suicide language).

- ``training-i`` (critic against kind lines with critical words inside; first score
  precision 0.909, recall 0.902, kind 10/121) and ``training-j`` (crisis by the warning signs
  a clinician screens for: plans, intent, interrupted attempts; first score crisis 157/187,
  idioms 7/57) were added as training data after holdout-6 was scored.
- ``holdout-6`` (the dev sample's plain style, all labels): written blind after every
  session-3 change and scored once: precision 1.000, recall 0.962 (50/52), kind 0/43,
  crisis 57/58, idioms 1/32, kind or neutral read as crisis 1/68. BELOW the crisis target by
  one sentence.

- ``holdout-7`` (plain style, fresh situations asked for): written blind after the fourth
  round and the index change, scored once: precision 1.000, recall 0.940 (47/50), kind 0/45,
  crisis 59/61, idioms 1/45, calm alarms 0/74. BELOW the crisis target by two sentences.

- ``training-k`` (indirect wording: metaphors, ultimatums, dark humour; first score crisis
  142/177) and ``training-l`` (sixteen life situations; first score 178/192) were then added
  as training data. Twelve of training-l's lines were relabelled with a comment in the file.
- ``holdout-8`` (plain style, all labels): written blind after every change and scored once:
  precision 0.962, recall 0.926 (50/54), kind 1/43, crisis 55/55, idioms 1/40, calm alarms
  1/71. Meets every target.

- At the end of the session the misses of holdout-3, -4, -6, -7 and -final were looked at
  and covered by rules in general form (their first scores above stay the blind figures);
  all of them now meet every target.
- ``holdout-9`` (exercise answers in many voices): written blind after that, scored once:
  precision 0.946, recall 0.981 (53/54), kind 2/45 (4.4%), crisis 52/53, idioms 0/33, calm
  alarms 3/75. BELOW the crisis target by one sentence.

- ``training-m`` (everyday and kind sentences that share words with crisis language: wrote,
  letter, tonight, plan, pills, bridge…; written blind) showed the weights reading 60 of its
  359 sentences as crisis. It was added as training data, with a stronger L2; holdout-9's
  miss was then looked at and covered by a rule.

- ``holdout-10`` (plain style) and ``holdout-11`` (exercise answers), both written blind
  after training-m and scored once: holdout-10 precision 0.979, recall 0.904 (47/52), kind
  1/43, crisis 51/54, idioms 0/36, calm alarms 0/83; holdout-11 precision 0.962, recall
  0.962 (51/53), kind 2/41 (4.9%), crisis 49/49, idioms 0/25, calm alarms 0/81. The three
  crisis misses of holdout-10 were then covered by rules (and "can't stop thinking about…"
  no longer starts a negation in the weights' features).

- ``holdout-12`` (plain style, crisis concepts spread evenly): written blind after every
  change above and scored once: precision 0.976, recall 0.911 (41/45), kind 1/42, crisis
  59/61, idioms 3/36 (8.3%), calm alarms 1/77. Its two crisis misses (being a drain or too
  heavy a burden on family) were then covered by rules.

- ``training-n`` (means, places, objects, last notes and arrangements, each paired with
  everyday sentences about the same things; first score crisis 165/212) was added as
  training data, and the crisis weights got a stronger L2 (0.02).
- ``holdout-13`` (plain style): written blind after every change above and scored once:
  precision 0.962, recall 0.943 (50/53), kind 2/44 (4.5%), crisis 59/59, idioms 0/34, calm
  alarms 1/83. Meets every target.

Across the last six blind batches of session three (holdout-8 to holdout-13), crisis
language was caught in 325 of 331 sentences (98.2%) at first scoring: the 100% target was
met on three batches and missed by one to three sentences on the other three.

Session four wrote two kinds of blind batch: the dev sample's plain style, and a harder
"safety only" kind with crisis language in many forms (passive, plans, goodbyes, after an
attempt, self-injury, a crisis clause after an ordinary one) against idioms and low mood.

- ``holdout-14`` (plain, many voices) and ``holdout-15`` (safety only), scored once at the
  session's start: holdout-14 precision 0.981, recall 1.000 (51/51), kind 1/38, crisis
  51/52, idioms 0/26; holdout-15 crisis 99/108, idioms 6/53 (11.3%), calm alarms 4/42.
- ``training-o`` (the long tail: euphemisms, game metaphors, rest for good, envy of the
  dead, countdowns, arrangements; first score crisis 161/218), ``training-p`` (everyday
  sentences sharing crisis words; first score 27 of 401 read as crisis) and ``training-q``
  (warm letters and thank-yous; first score 39 of 244 read as crisis: "thank you for
  everything" is in goodbye notes too) were added as training data. Rules were added by
  concept, and goodbye cues are now read across a text's sentences (two cues, one strong,
  or three).
- ``holdout-16`` (plain) and ``holdout-17`` (safety only), written blind after all of that
  and scored once: holdout-16 precision 0.980, recall 0.962 (50/52), kind 0/40, crisis
  51/54, idioms 1/27, calm alarms 1/89; holdout-17 crisis 84/93, idioms 6/49 (12.2%), calm
  alarms 1/45. Their misses were then covered by rules.

- ``training-r`` (plain crisis wording, varied grammar; first score crisis 184/194) and
  ``training-s`` (other voices: teenagers, older adults, non-native speakers, fast typing;
  first score crisis 169/199) were added as training data, with rules by concept. The
  rules now run as regular expressions (see tests/test_selftalk_patterns.py).
- ``holdout-18`` (plain), scored once after the regular expressions and before training-r
  and -s: precision 1.000, recall 0.975 (39/40), kind 0/36, crisis 32/32, idioms 0/19, calm
  alarms 0/79. Meets every target.
- ``holdout-19`` (safety only), written blind and scored once after training-r and -s and
  their rules: crisis 80/84, idioms 2/39 (5.1%), calm alarms 1/38. Its misses were then
  covered by rules.

- ``holdout-20`` (the dev sample's own short crisis and idiom style), written blind after
  every change and scored once: crisis 65/65, idioms 1/53, calm alarms 0/29. Meets every
  target.

So on plain-style batches crisis recall on new wording is 199 of 203 (98%; the last two
batches 32/32 and 65/65), and on the hard safety-only batches 263 of 285 (92%; 91.7%,
90.3%, 95.2% in the order written): below the 100% target.

Expect recall on new text near 0.90-0.96.

Targets (from the issue): critical precision >= 0.90 and recall >= 0.90, kind statements
flagged critical <= 5%, crisis recall 100%, idioms flagged as crisis <= 20%. Since issue 14
(concern: crisis, ask, recovery), "crisis recall" counts crisis sentences given "crisis" or
"ask" (a direct question is not passing by). These batches were labelled before "ask"
existed: passive wishes, burden and hopelessness were all "crisis", and are now asked about,
so only 77% of their crisis sentences are "crisis" itself (46-87% a batch). The split between
the two is measured on the blind batches labelled for it (tests/data/self_talk_blind.tsv).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.core.selftalk import Analysis, analyse

DATA = Path(__file__).resolve().parent / "data" / "self_talk_cases.tsv"
# The shared folder sits beside the checkout (here and in CI).
_SHARED_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "self_talk_dev.tsv"
DEV = Path(os.environ.get("KINDTONE_DEV_SAMPLE", str(_SHARED_SAMPLE)))
LABELS = {"critic", "kind", "neutral", "crisis", "idiom"}

# The tests that read every case share one xdist worker: the analyser remembers each sentence
# it has read (Analyser.readings), so only the first of them pays for reading the ~15,000.
CASES_GROUP = pytest.mark.xdist_group("selftalk_cases")
pytestmark = CASES_GROUP


@functools.cache
def read(text: str) -> Analysis:
    """``analyse``, remembered by text for the process. The tests of CASES_GROUP each read
    every case (the scores, the concern check, the snapshot check: ~15,000 texts a pass), and
    the analyser's own memory of sentences (20,000) holds less than the cases' ~33,000, so
    each pass read most of them again. An analysis is a frozen value of its text alone."""
    return analyse(text)


@dataclass(frozen=True)
class Case:
    label: str
    text: str
    batch: str


@dataclass(frozen=True)
class Score:
    """Critical precision and recall count critic sentences as positives and kind, neutral
    and idiom sentences as negatives. Crisis sentences are left out of them: whether
    "I want to end my life" is also self-criticism is not what they are labelled for."""

    n: int
    true_positive: int
    false_positive: int
    false_negative: int
    kind_flagged: int
    kinds: int
    crisis_found: int
    crises: int
    idioms_flagged: int
    idioms: int
    misses: tuple[str, ...]
    calm_alarms: int = 0  # kind or neutral sentences read as crisis language
    calms: int = 0
    crisis_asked: int = 0  # crisis sentences asked about ("ask") rather than paused for

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        positives = self.true_positive + self.false_negative
        return self.true_positive / positives if positives else 1.0

    @property
    def kind_rate(self) -> float:
        return self.kind_flagged / self.kinds if self.kinds else 0.0

    @property
    def crisis_recall(self) -> float:
        """Crisis sentences given concern "crisis" or "ask": never passed by."""
        return (self.crisis_found + self.crisis_asked) / self.crises if self.crises else 1.0

    @property
    def crisis_paused(self) -> float:
        """Crisis sentences given concern "crisis" itself."""
        return self.crisis_found / self.crises if self.crises else 1.0

    @property
    def idiom_rate(self) -> float:
        return self.idioms_flagged / self.idioms if self.idioms else 0.0

    @property
    def calm_alarm_rate(self) -> float:
        return self.calm_alarms / self.calms if self.calms else 0.0

    def summary(self, name: str) -> str:
        return (
            f"{name}: n={self.n} critical precision={self.precision:.3f} "
            f"recall={self.recall:.3f} ({self.true_positive}/"
            f"{self.true_positive + self.false_negative}), kind flagged "
            f"{self.kind_flagged}/{self.kinds} ({self.kind_rate:.1%}), crisis recall "
            f"{self.crisis_found}/{self.crises} (+{self.crisis_asked} asked), idioms flagged as "
            f"crisis {self.idioms_flagged}/{self.idioms} ({self.idiom_rate:.1%}), kind or neutral "
            f"read as crisis {self.calm_alarms}/{self.calms}"
        )


def load_cases(path: Path) -> list[Case]:
    """``label<TAB>text`` lines; ``# batch: NAME`` starts a batch, other ``#`` lines are notes."""
    cases: list[Case] = []
    batch = "dev"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# batch:"):
            batch = line.split(":", 1)[1].strip()
            continue
        if not line.strip() or line.startswith("#") or line == "label\ttext":
            continue
        label, separator, text = line.partition("\t")
        if not separator or label not in LABELS or not text.strip():
            raise ValueError(f"{path.name}:{number}: expected label<TAB>text, got {line!r}")
        cases.append(Case(label, text, batch))
    return cases


def score(cases: list[Case]) -> Score:
    true_positive = false_positive = false_negative = 0
    kind_flagged = kinds = crisis_found = crises = idioms_flagged = idioms = 0
    calm_alarms = calms = crisis_asked = 0
    misses: list[str] = []
    for case in cases:
        analysis = read(case.text)
        if case.label == "critic":
            if analysis.critical:
                true_positive += 1
            else:
                false_negative += 1
                misses.append(f"missed critic: {case.text}")
        elif case.label in ("kind", "neutral", "idiom") and analysis.critical:
            false_positive += 1
            misses.append(f"flagged {case.label}: {case.text}")
        if case.label in ("kind", "neutral"):
            calms += 1
            calm_alarms += analysis.crisis
            if analysis.crisis:
                misses.append(f"{case.label} read as crisis: {case.text}")
        if case.label == "kind":
            kinds += 1
            kind_flagged += analysis.critical
        elif case.label == "crisis":
            crises += 1
            crisis_found += analysis.crisis
            crisis_asked += analysis.concern == "ask"
            if analysis.concern != "crisis":
                misses.append(f"crisis read as {analysis.concern}: {case.text}")
        elif case.label == "idiom":
            idioms += 1
            idioms_flagged += analysis.crisis
            if analysis.crisis:
                misses.append(f"idiom read as crisis: {case.text}")
    return Score(
        len(cases),
        true_positive,
        false_positive,
        false_negative,
        kind_flagged,
        kinds,
        crisis_found,
        crises,
        idioms_flagged,
        idioms,
        tuple(misses),
        calm_alarms,
        calms,
        crisis_asked,
    )


@functools.cache  # read once a process: each of the ~55 batch tests parsed all 12,000 lines
def _batches() -> dict[str, list[Case]]:
    batches: dict[str, list[Case]] = {}
    for case in load_cases(DATA):
        batches.setdefault(case.batch, []).append(case)
    return batches


# Not in the issue: our own limits, so the support screen isn't shown for everyday sadness.
# The weights lean towards asking (a missed cry for help costs more than a screen closed with
# one key), so a batch written to sit close to crisis language may go a little higher.
CALM_ALARMS_OVERALL = 0.05
CALM_ALARMS_PER_BATCH = 0.10


def assert_targets(name: str, result: Score, calm_limit: float = CALM_ALARMS_PER_BATCH) -> None:
    report = result.summary(name) + "".join(f"\n  {miss}" for miss in result.misses)
    print(report)
    if result.true_positive + result.false_negative:  # a batch with critic sentences
        assert result.precision >= 0.90, report
        assert result.recall >= 0.90, report
    assert result.kind_rate <= 0.05, report
    assert result.crisis_recall == 1.0, report  # crisis or ask: never passed by
    assert result.idiom_rate <= 0.20, report
    assert result.calm_alarm_rate <= calm_limit, report


@pytest.mark.skipif(not DEV.exists(), reason="the shared dev sample is not on this machine")
def test_dev_sample_meets_targets() -> None:
    cases = load_cases(DEV)
    assert len(cases) >= 50
    assert_targets("dev sample", score(cases), CALM_ALARMS_OVERALL)


@pytest.mark.parametrize("batch", sorted(_batches()))
def test_case_batch_meets_targets(batch: str) -> None:
    """Every batch, blind ones included: a blind batch's first score is in its comment in the
    cases file and in this module's docstring; once its misses were looked at and covered,
    it holds the analyser to the targets like any other."""
    assert_targets(f"cases[{batch}]", score(_batches()[batch]))


def test_all_cases_together_meet_targets() -> None:
    result = score(load_cases(DATA))
    assert_targets("cases[all]", result, CALM_ALARMS_OVERALL)
    # A floor, so crisis words don't drift into questions: clear plans and acts stay crisis.
    assert result.crisis_paused >= 0.75, result.summary("cases[all]")


def test_cases_file_is_big_varied_and_well_formed() -> None:
    cases = load_cases(DATA)
    assert len(cases) >= 300
    assert {case.label for case in cases} == LABELS
    assert len({case.text for case in cases}) == len(cases), "duplicate sentences"
    assert "holdout" in {case.batch for case in cases}
    texts = [case.text for case in cases]
    assert any("’" in text for text in texts), "curly apostrophes"
    assert any(text == text.lower() for text in texts), "all-lowercase sentences"
    assert any(text[-1].isalpha() for text in texts), "sentences without end punctuation"


def test_the_scoring_itself_counts_what_it_says() -> None:
    cases = [
        Case("critic", "I'm such an idiot.", "t"),
        Case("critic", "The sky is blue.", "t"),  # a miss, on purpose
        Case("kind", "I'm an idiot.", "t"),  # a false positive, on purpose
        Case("crisis", "I want to end my life.", "t"),
        Case("idiom", "My phone died.", "t"),
    ]
    result = score(cases)
    assert (result.true_positive, result.false_negative, result.false_positive) == (1, 1, 1)
    assert result.kind_flagged == 1 and result.crisis_found == 1 and result.idioms_flagged == 0
    assert result.precision == 0.5 and result.recall == 0.5
