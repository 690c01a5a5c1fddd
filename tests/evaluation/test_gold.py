"""evaluation/gold/*.jsonl, the hand-written seed gold: well-formed, and pointing at the seeds.

A gold fact's text must occur in its seed's body (as often as the gold lists it), with a value
of the right kind; a gold entity names a seed article and an id the registry knows (a QID)
or a stable generated id (x-…).
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.entities import load_registry
from generator.ingest import ingest_corpus
from generator.model import ENTITY_TYPES, NUMERIC_TYPES, QUALIFIERS

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "evaluation" / "gold"
SEEDS = ROOT / "seeds"


def _lines(name: str) -> list[dict]:
    out = []
    for n, line in enumerate((GOLD / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                pytest.fail(f"{name}:{n}: not JSON: {exc}")
    return out


@pytest.fixture(scope="module")
def bodies() -> dict[str, tuple[str, str]]:
    """Seed file name → (language, clean body) as the pipeline ingests it."""
    articles, errors = ingest_corpus(SEEDS)
    assert not errors
    return {a.source: (a.lang, a.body) for a in articles}


def test_fact_gold_is_well_formed_and_in_the_seed_bodies(bodies):
    gold = _lines("seeds_facts.jsonl")
    assert gold
    wanted: Counter = Counter()
    for g in gold:
        assert set(g) <= {"seed", "lang", "type", "text", "value", "currency", "qualifier", "note"}, g
        assert g["seed"] in bodies, f"no seed {g['seed']}"
        assert g["lang"] == bodies[g["seed"]][0], g
        assert g["type"] in NUMERIC_TYPES and isinstance(g["value"], float), g
        assert g.get("qualifier") in (None, *QUALIFIERS), g
        if g["type"] == "money":
            assert re.fullmatch(r"[A-Z]{3}", g.get("currency") or ""), g
        wanted[(g["seed"], g["text"])] += 1
    for (seed, text), n in wanted.items():
        assert bodies[seed][1].count(text) >= n, f"{seed}: {text!r} is in the gold {n}× but not in the body"


def test_entity_gold_names_seed_articles_and_known_ids(bodies):
    gold = _lines("seeds_entities.jsonl")
    articles = {name[:-4] for name in bodies}
    registry = load_registry()
    assert {g["article"] for g in gold} == articles  # every seed has its gold, once
    assert len(gold) == len(articles)
    for g in gold:
        assert g["entities"] and len({tuple(e) for e in g["entities"]}) == len(g["entities"]), g["article"]
        for typ, eid in g["entities"]:
            assert typ in ENTITY_TYPES, (g["article"], typ)
            assert eid in registry.entities or re.fullmatch(r"x-[a-z0-9-]+", eid), (g["article"], eid)
