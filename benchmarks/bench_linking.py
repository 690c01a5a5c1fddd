#!/usr/bin/env python
"""Linking time and memory on synthetic corpora (no model: random vectors and fact keys).

    python benchmarks/bench_linking.py [--sizes 1000 10000] [--json out.json]
    python benchmarks/bench_linking.py --corpus DIR [--cache DIR]   # texts of make_corpus.py

Each size runs in its own process (clean peak RSS). A synthetic article belongs to an
event of 1–5 articles: its vector is the event's direction plus noise on top of a common
component (like e5 vectors, whose unrelated cosines sit near 0.8), its facts are some of
the event's figures and entities plus common background keys, and its Latin names are
drawn from a Zipf vocabulary. Articles have 0 or 6 paragraph vectors.

``--corpus DIR`` links the articles of a folder written by ``benchmarks/make_corpus.py``
instead (real texts: ingest, facts and entities as a build runs them, cached under
``--cache``; linked without embeddings, as the site benchmark builds): the link time
(twice: the second run is warm, with the text signatures known) and the event sizes.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DIM = 384
LANGS = ("en", "de", "ar", "zh-Hant", "fr")


def make_corpus(n: int, seed: int = 1):
    from generator.link import LinkDoc
    from generator.link.embed import DocVectors
    from generator.model import Fact

    rng = np.random.default_rng(seed)
    common = rng.standard_normal(DIM).astype(np.float32)
    common /= np.linalg.norm(common)
    docs, vecs, truth = [], {}, {}
    vocab = [f"w{k}" for k in range(20000)]
    zipf = 1.0 / np.arange(1, len(vocab) + 1)
    zipf /= zipf.sum()
    k = ev = 0
    while k < n:
        size = int(min(n - k, rng.integers(1, 6)))
        centre = rng.standard_normal(DIM).astype(np.float32)
        centre /= np.linalg.norm(centre)
        figures = [("percent", float(rng.integers(1, 100))) for _ in range(2)]
        figures += [("money", float(rng.integers(1, 500)) * 1e6) for _ in range(2)]
        people = [f"Q{rng.integers(1, 10**7)}" for _ in range(2)]
        for _ in range(size):
            did = f"d{k:06d}"
            v = 2.0 * common + centre + 0.5 * rng.standard_normal(DIM).astype(np.float32) / np.sqrt(DIM)
            v /= np.linalg.norm(v)
            text_parts, facts, pos = [], [], 0
            for t, val in figures:
                if rng.random() < 0.7:
                    s = f"{val:g}"
                    facts.append(Fact(t, s, pos, pos + len(s), val, "USD" if t == "money" else None))
                    text_parts.append(s)
                    pos += len(s) + 1
            for q in people:
                if rng.random() < 0.7:
                    facts.append(Fact("person", q, pos, pos + len(q), name=q, id=q))
                    text_parts.append(q)
                    pos += len(q) + 1
            for _ in range(3):  # background entities shared with many articles
                q = f"Q{int(rng.integers(1, 300))}"
                facts.append(Fact("organization", q, pos, pos + len(q), name=q, id=q))
                text_parts.append(q)
                pos += len(q) + 1
            words = [vocab[i].capitalize() for i in rng.choice(len(vocab), 40, p=zipf)]
            body = " ".join(text_parts) + " " + " ".join(words)
            units = np.zeros((0, DIM), np.float32)
            spans = ()
            if rng.random() < 0.5:
                u = v[None, :] + 0.5 * rng.standard_normal((6, DIM)).astype(np.float32) / np.sqrt(DIM)
                units = (u / np.linalg.norm(u, axis=1, keepdims=True)).astype(np.float32)
                spans = tuple((i, i + 1) for i in range(6))
            doc = LinkDoc(
                did, LANGS[int(rng.integers(0, len(LANGS)))], f"Title {did}", [body], None, facts, f"h{did}"
            )
            docs.append(doc)
            vecs[doc.content_hash] = DocVectors(v.astype(np.float32), units, spans)
            truth[did] = ev
            k += 1
        ev += 1
    return docs, vecs, truth


def run_one(n: int) -> dict:
    from generator.link import Embedder, Linker
    from generator.link.linker import _no_gc

    docs, vecs, truth = make_corpus(n)

    class Precomputed(Embedder):
        def vectors(self, ds):
            return [vecs[d.content_hash] for d in ds]

    rng = np.random.default_rng(3)
    emb = Precomputed(None, encode=lambda ts: rng.standard_normal((len(ts), DIM)), model_id="bench")
    c0, t0 = time.process_time(), time.perf_counter()
    with _no_gc():  # as link_corpus does
        linker = Linker(docs, emb)
        t1 = time.perf_counter()
        res = linker.result()
    c2, t2 = time.process_time(), time.perf_counter()
    # incremental: one more article
    extra, evecs, _ = make_corpus(3, seed=99)
    vecs["h-extra"] = evecs[extra[0].content_hash]
    extra[0].id, extra[0].content_hash = "z-extra", "h-extra"
    t3 = time.perf_counter()
    touched = linker.add(extra[0])
    t4 = time.perf_counter()
    ev = res.event_of()
    pairs = sum(len(c) for c in linker.cand.values()) // 2
    # pairwise precision/recall of events against the synthetic truth
    tp = fp = fn = 0
    by_truth: dict[int, list[str]] = {}
    for d, t in truth.items():
        by_truth.setdefault(t, []).append(d)
    for e in res.events:
        m = e.members
        for x in range(len(m)):
            for y in range(x + 1, len(m)):
                if truth[m[x]] == truth[m[y]]:
                    tp += 1
                else:
                    fp += 1
    for ms in by_truth.values():
        for x in range(len(ms)):
            for y in range(x + 1, len(ms)):
                if ev[ms[x]] != ev[ms[y]]:
                    fn += 1
    return {
        "n": n,
        "index_and_candidates_s": round(t1 - t0, 2),
        "score_group_s": round(t2 - t1, 2),
        "link_s": round(t2 - t0, 2),
        "link_cpu_s": round(c2 - c0, 2),
        "per_article_ms": round((t2 - t0) / n * 1000, 3),
        "per_article_cpu_ms": round((c2 - c0) / n * 1000, 3),
        "candidate_pairs": pairs,
        "pairs_per_article": round(pairs / n, 1),
        "add_one_s": round(t4 - t3, 3),
        "add_touched": len(touched),
        **event_sizes(res),
        "pair_precision": round(tp / max(1, tp + fp), 3),
        "pair_recall": round(tp / max(1, tp + fn), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def event_sizes(res) -> dict:
    """Largest event and how many events have each size."""
    from collections import Counter

    sizes = Counter(len(e.members) for e in res.events)
    return {
        "events": len(res.events),
        "largest_event": max(sizes, default=0),
        "event_sizes": dict(sorted(sizes.items())),
        "articles_in_events_over_50": sum(k * v for k, v in sizes.items() if k > 50),
        "reports_with_copies": sum(1 for e in res.events for r in e.origins() if len(r) > 1),
    }


def corpus_docs(folder: Path, cache: Path) -> list:
    """LinkDocs of a make_corpus.py folder, as a build makes them (pipeline stages, memos)."""
    from generator.cache import Memo, code_version, generator_version
    from generator.entities import load_registry, resolve
    from generator.ingest import ingest_corpus
    from generator.link import LinkDoc
    from generator.link.signature import text_signature
    from generator.pipeline import analyse_corpus

    cache.mkdir(parents=True, exist_ok=True)
    memo = Memo(cache, "ingest", code_version(("ingest", "model.py", "text.py")))
    articles, _ = ingest_corpus(folder, memo)
    memo.save()
    memo = Memo(cache, "analysis", generator_version())
    analyses = analyse_corpus(articles, memo, vectors=False)  # as a --no-embeddings build
    memo.save()
    names = Memo(cache, "names", code_version(("entities",)))
    entity_facts, _ = resolve(
        {a.id: (a.lang, analyses[a.id].mentions) for a in articles}, load_registry(), names
    )
    names.save()
    return [
        LinkDoc(
            a.id,
            a.lang,
            a.title,
            a.paragraphs,
            a.published,
            analyses[a.id].facts + entity_facts.get(a.id, []),
            a.content_hash,
            text_signature(a.title, a.body),
        )
        for a in articles
    ]


def run_corpus(folder: Path, cache: Path) -> dict:
    """Link a make_corpus.py folder twice (no embeddings): times and event sizes."""
    from generator.link import link_corpus

    docs = corpus_docs(folder, cache)
    times = []
    for _ in range(2):
        c0, t0 = time.process_time(), time.perf_counter()
        res = link_corpus(docs, None)
        times.append((round(time.perf_counter() - t0, 2), round(time.process_time() - c0, 2)))
    return {
        "n": len(docs),
        "link_s_cold_warm": [t[0] for t in times],
        "link_cpu_s_cold_warm": [t[1] for t in times],
        **event_sizes(res),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--corpus", type=Path, help="a folder written by make_corpus.py")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/briefing-bench-link-cache"))
    args = ap.parse_args(argv)
    if args.corpus:
        row = run_corpus(args.corpus, args.cache)
        print(json.dumps(row))
        if args.json:
            args.json.write_text(json.dumps(row, indent=1))
        return 0
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    rows = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        ratio = b["per_article_ms"] / a["per_article_ms"]
        cratio = b["per_article_cpu_ms"] / a["per_article_cpu_ms"]
        print(
            f"per-article time ratio {b['n']} vs {a['n']}: wall {ratio:.2f}x, cpu {cratio:.2f}x "
            f"(target <= 1.2x); {b['n']} articles linked in {b['link_s']} s wall, "
            f"{b['link_cpu_s']} s cpu (target <= 60 s)"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
