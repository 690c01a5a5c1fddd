"""The dev-set quality floors of the README ("Quality"), pinned: a regression fails the suite.

The evaluation data is read by path, never copied: ``BRIEFING_EVAL``, else
``<repo>/../shared/eval``. Without it the tests skip, except under ``CI=true``, where they
fail: CI must measure. The scores are computed with the evaluation scripts' own functions
(evaluation/eval_facts.py ``matches``, eval_entities.py ``prf`` and ``SHORT``,
eval_linking.py ``eval_seeds``) so that a test and a README table cannot disagree.

Linking on the SemEval pairs is not pinned here: its README figures need the multilingual
embeddings of 2,419 texts (about 1.1 s each on this machine, cold), far beyond a test's
budget; the seeds' linking (the one multi-language event) is, without embeddings.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))

import eval_entities  # noqa: E402
import eval_facts  # noqa: E402
import eval_linking  # noqa: E402

# README "Key facts": value+currency recall (value recall for percent) and precision per
# dev file, as printed there (three decimals).
FACT_FLOORS = {
    "zh_percent": (1.000, 1.000),
    # one case of 20 is a 24-digit amount: digit runs that long are not read as figures
    # (facts/numbers.py bounds them so a 10,000-digit run stays linear and finite)
    "zh_money": (0.950, 1.000),
    "de_percent": (1.000, 1.000),
    "de_money": (1.000, 0.885),
    "en_percent": (1.000, 1.000),
    "en_money": (0.967, 0.978),
    "ar_percent": (1.000, 1.000),
    # fr/es precision: most false hits are on spec lines without gold that hold a real
    # amount ("$ 8,50", "2,75 $"; eval_facts.py shows them in a column of their own)
    "fr_money": (0.980, 0.875),
    "fr_percent": (0.824, 0.875),
    "es_money": (0.966, 0.836),
    "es_percent": (0.909, 0.625),
    "ja_money": (0.900, 0.931),
    # precision 0.938 -> 0.928 by one fact, on purpose: a range gives both its ends
    # (issue 15), and the spec line 二十~三十パーセント has no gold (NotSupported), so
    # its lower end 二十 counts as a false hit; precision on lines with gold is unchanged
    "ja_percent": (0.928, 0.928),
}
# README "People, organizations, places": the overall exact-span F1 targets.
# Measured 2026-12-01: zh-Hans 0.869, de 0.750, ar 0.743 (encoder-feature models, layer 6).
NER_FLOORS = {"zh-Hans": 0.86, "de": 0.74, "ar": 0.73}
ROUNDING = 0.0005  # the README shows three decimals


def _eval_dir() -> Path:
    """The evaluation data folder; skip without it (fail under CI=true)."""
    path = Path(os.environ.get("BRIEFING_EVAL") or ROOT.parent / "shared" / "eval")
    if not (path / "facts").is_dir() or not (path / "ner").is_dir():
        reason = f"no evaluation data at {path} (set BRIEFING_EVAL=<folder with facts/ and ner/>)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"quality floors cannot be checked under CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    return path


def _cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fact_scores(path: Path) -> tuple[float, float]:
    """(value+currency recall, precision) of one dev file, as eval_facts.py counts them."""
    from generator.facts import extract_facts

    gold_n = found = extracted = correct = 0
    for case in _cases(path):
        facts = [f for f in extract_facts(case["input"], case["lang"]) if f.type == case["kind"]]
        gold_n += len(case["gold"])
        found += sum(any(eval_facts.matches(f, g, True) for f in facts) for g in case["gold"])
        extracted += len(facts)
        correct += sum(any(eval_facts.matches(f, g, True) for g in case["gold"]) for f in facts)
    return found / gold_n, (correct / extracted if extracted else 0.0)


def ner_f1(path: Path, lang: str) -> float:
    """Overall exact span + type F1 of one NER file, as eval_entities.py counts it."""
    from generator.entities import recognize

    tally: Counter = Counter()
    for case in _cases(path):
        gold = {(s, e, t) for s, e, t in case["entities"]}
        pred = {
            (m.start, m.end, eval_entities.SHORT[m.type])
            for m in recognize(case["text"], case.get("lang", lang))
        }
        tally.update(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))
    return eval_entities.prf(tally["tp"], tally["fp"], tally["fn"])[2]


@pytest.mark.parametrize("name", sorted(FACT_FLOORS))
def test_fact_extraction_keeps_its_dev_floors(name):
    recall, precision = fact_scores(_eval_dir() / "facts" / f"{name}.jsonl")
    floor_r, floor_p = FACT_FLOORS[name]
    assert recall >= floor_r - ROUNDING and precision >= floor_p - ROUNDING, (
        f"{name}: recall {recall:.3f} (floor {floor_r}), precision {precision:.3f} (floor {floor_p})"
    )


@pytest.mark.parametrize("lang", sorted(NER_FLOORS))
def test_entity_recognition_keeps_its_dev_floors(lang):
    f1 = ner_f1(_eval_dir() / "ner" / f"{lang}.jsonl", lang)
    assert f1 >= NER_FLOORS[lang], f"{lang}: F1 {f1:.3f} below the floor {NER_FLOORS[lang]}"


def test_seed_linking_finds_the_one_event_and_nothing_else():
    """README "Event linking", seeds: 003 (ar) and 004 (de) are one event, every other pair apart."""
    from generator.link import Embedder

    out = eval_linking.eval_seeds(ROOT / "seeds", Embedder(disabled=True))
    wrong = {k: v["score"] for k, v in out["pairs"].items() if v["same"] != v["expected"]}
    assert out["ok"] and not wrong, wrong
    events = defaultdict(list)
    for members in out["events"]:
        events[len(members)].append(members)
    assert [sorted(m[:3] for m in e) for e in events[2]] == [["003", "004"]] and set(events) == {1, 2}
