"""Resolution of the seeds' mentions gives exactly what it gave before it was made faster.

`data/seeds_mentions.json` holds the mentions recognized in the seeds (frozen, so this
tests the resolver alone); `data/seeds_resolved.json` the facts and entities the resolver
gave for them before its speed-ups (commit e84684a). When resolution is meant to change
(or the registry does), regenerate the expected file and review its diff.
"""

import json
import os
import pickle

from generator.entities import load_registry, resolve
from generator.model import Fact, Mention

DATA = os.path.join(os.path.dirname(__file__), "data")


def _load():
    with open(os.path.join(DATA, "seeds_mentions.json"), encoding="utf-8") as f:
        d = json.load(f)
    return {
        aid: (lang, [Mention(type=t, text=x, start=s, end=e, alias=a) for t, x, s, e, a in ms])
        for aid, (lang, ms) in d.items()
    }


def test_seed_resolution_unchanged():
    facts, ents = resolve(_load(), load_registry())
    with open(os.path.join(DATA, "seeds_resolved.json"), encoding="utf-8") as f:
        want = json.load(f)
    got_facts = {
        aid: [[x.type, x.text, x.start, x.end, x.name, x.id] for x in fs] for aid, fs in facts.items()
    }
    assert got_facts == want["facts"]
    got_ents = {eid: [e.type, e.name, dict(sorted(e.names.items())), e.qid] for eid, e in ents.items()}
    assert got_ents == want["entities"]


def test_resolved_facts_equal_constructed_facts():
    facts, _ = resolve(_load(), load_registry())
    for fs in facts.values():
        for f in fs:
            built = Fact(type=f.type, text=f.text, start=f.start, end=f.end, name=f.name, id=f.id)
            assert f == built and hash(f) == hash(built) and repr(f) == repr(built)
            assert pickle.dumps(f) == pickle.dumps(built)


def test_repeated_corpus_resolves_each_copy_alike():
    seeds = _load()
    corpus = {f"{r}-{aid}": v for r in range(3) for aid, v in seeds.items()}
    facts, _ = resolve(corpus, load_registry())
    for aid in seeds:
        ids = [[(f.start, f.id) for f in facts[f"{r}-{aid}"]] for r in range(3)]
        assert ids[0] == ids[1] == ids[2]
