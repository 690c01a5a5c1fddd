#!/usr/bin/env python
"""Quality of generator.link, measured on the seeds and on SemEval-2022 Task 8 pairs.

    python evaluation/eval_linking.py --eval-dir ../shared/eval [--cache-dir DIR] [--seeds-dir seeds]

The eval data is read by path and never copied into the project.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.link import Embedder, LinkDoc, Linker  # noqa: E402

SIGNALS: dict[str, str] = {}


def _optional():
    """The parallel stages, if they are there (each guarded)."""
    ingest = facts = entities = None
    try:
        from generator.ingest import ingest_file as ingest  # type: ignore
        SIGNALS["ingest"] = "generator.ingest"
    except Exception as e:  # ImportError, or a half-written module
        SIGNALS["ingest"] = f"fallback ({type(e).__name__})"
    try:
        from generator.facts import extract_facts as facts  # type: ignore
        SIGNALS["facts"] = "generator.facts"
    except Exception as e:
        SIGNALS["facts"] = f"none ({type(e).__name__})"
    try:
        from generator.entities import recognize, resolve  # type: ignore
        entities = (recognize, resolve)
        SIGNALS["entities"] = "generator.entities"
    except Exception as e:
        SIGNALS["entities"] = f"none ({type(e).__name__})"
    return ingest, facts, entities


def attach_facts(docs, facts_fn, entities) -> None:
    """Numeric facts per article; entities recognised per article, resolved corpus-wide."""
    mentions = {}
    for d in docs:
        out = []
        if facts_fn is not None:
            try:
                out.extend(facts_fn(d.body, d.lang, d.published))
            except Exception as e:  # a stage still being written must not stop the eval
                SIGNALS["facts_error"] = repr(e)[:200]
        d.facts = out
        if entities is not None:
            try:
                mentions[d.id] = (d.lang, list(entities[0](d.body, d.lang)))
            except Exception as e:
                SIGNALS["entities_error"] = repr(e)[:200]
    if entities is not None and mentions:
        try:
            facts_by_id, _ = entities[1](mentions)
            for d in docs:
                d.facts = d.facts + [f for f in facts_by_id.get(d.id, []) if f.id]
        except Exception as e:
            SIGNALS["entities_error"] = repr(e)[:200]


CUT_MARKERS = ("往下滑看下一篇文章", "اترك تعليقاً", "tch-1-tech")


def _fallback_seed(path: Path):
    raw = path.read_text(encoding="utf-8", errors="replace")
    for m in CUT_MARKERS:
        i = raw.find(m)
        if i >= 0:
            raw = raw[:i]
    lines = raw.split("\n")
    title = lines[0].strip()
    blocks = [b.strip() for b in "\n".join(lines[1:]).split("\n\n")]
    paras = [b for b in blocks if b and b != title]
    return title, paras


def _lang_guess(text: str) -> str:
    try:
        import pycld2

        ok, _, det = pycld2.detect(text)
        code = det[0][1]
        if code in ("zh-Hant", "zh"):
            return code
        return code.split("-")[0] if code != "un" else "und"
    except Exception:
        return "und"


def load_seeds(seeds_dir: Path) -> list[LinkDoc]:
    ingest, facts_fn, entities = _optional()
    docs = []
    for p in sorted(seeds_dir.glob("*.txt")):
        if ingest is not None:
            a = ingest(p)
            docs.append(LinkDoc(a.id, a.lang, a.title, list(a.paragraphs), a.published, [],
                                a.content_hash))
        else:
            title, paras = _fallback_seed(p)
            h = hashlib.sha256(("\n\n".join([title] + paras)).encode()).hexdigest()[:32]
            docs.append(LinkDoc(p.stem, _lang_guess(title + " " + " ".join(paras[:3])), title,
                                paras, None, [], h))
    attach_facts(docs, facts_fn, entities)
    return docs


def _split_semeval(text: str) -> tuple[str, list[str]]:
    text = text.strip()
    i = text.find("  ")
    if 0 < i <= 300:
        return text[:i].strip(), [text[i:].strip()]
    return "", [text]


def load_semeval(path: Path, with_facts: bool = True):
    """(docs, pairs): one doc per distinct article id; pairs = (id1, id2, lang pair, overall)."""
    _, facts_fn, entities = _optional() if with_facts else (None, None, None)
    docs: dict[str, LinkDoc] = {}
    pairs = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a, b = r["pair_id"].split("_")
            for i, lang, text in ((a, r["lang1"], r["text1"]), (b, r["lang2"], r["text2"])):
                if i not in docs:
                    title, paras = _split_semeval(text)
                    h = hashlib.sha256(text.encode()).hexdigest()[:32]
                    docs[i] = LinkDoc(i, lang, title, paras, None, [], h)
            pairs.append((a, b, f"{r['lang1']}-{r['lang2']}", float(r["Overall"])))
    out = [docs[k] for k in sorted(docs)]
    attach_facts(out, facts_fn, entities)
    return out, pairs


def pearson(xs, ys) -> float:
    n = len(xs)
    if n < 3:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / (sxx * syy) ** 0.5 if sxx > 0 and syy > 0 else float("nan")


def eval_seeds(seeds_dir: Path, emb) -> dict:
    docs = load_seeds(seeds_dir)
    linker = Linker(docs, emb)
    res = linker.result()
    ev = res.event_of()
    mates = {k: {l.id for l in v} for k, v in res.same_event.items()}
    ids = sorted(ev)
    out = {"events": [e.members for e in res.events], "pairs": {}, "ok": True}
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            a, b = ids[x], ids[y]
            e = linker.evidence(linker.pos[a], linker.pos[b])
            same = b in mates[a]
            want = {a[:3], b[:3]} == {"003", "004"}
            out["ok"] &= same == want and (ev[a] == ev[b]) == want
            out["pairs"][f"{a[:3]}-{b[:3]}"] = {
                "score": e.score, "cos": e.cos, "z": e.z, "overlap": e.overlap,
                "para": e.para, "same": same, "expected": want}
    out["related"] = {k: [(l.id[:3], l.score) for l in v] for k, v in res.related.items()}
    out["comparisons"] = [[(c.type, c.agree, [(a[:3], f.text) for a, f in c.items])
                           for c in e.comparisons] for e in res.events]
    return out


def _stage_fingerprint() -> str:
    """The code version of what the cached docs are made with (ingest, facts, entities):
    cached extractions are reused only if none of it changed (generator/cache.py)."""
    from generator.cache import stage_version

    return stage_version("generator.ingest", "generator.facts", "generator.entities")


def load_semeval_cached(path: Path, cache_dir: Path | None):
    """load_semeval, with the extracted facts kept under cache_dir (extraction is slow)."""
    import pickle

    if cache_dir is None:
        return load_semeval(path)
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:12] + "-" + _stage_fingerprint()
    f = cache_dir / f"semeval-docs-{key}.pkl"
    try:
        with open(f, "rb") as fh:
            docs, pairs, signals = pickle.load(fh)
            SIGNALS.update(signals)
            return docs, pairs
    except Exception:
        pass
    docs, pairs = load_semeval(path)
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(f, "wb") as fh:
        pickle.dump((docs, pairs, dict(SIGNALS)), fh)
    return docs, pairs


def _lp_key(lp: str) -> str:
    from generator.link.score import lang_pair
    return lang_pair(*lp.split("-", 1))


def eval_semeval(path: Path, emb, cache_dir: Path | None = None) -> dict:
    docs, pairs = load_semeval_cached(path, cache_dir)
    t = time.time()
    linker = Linker(docs, emb)
    res = linker.result()
    took = time.time() - t
    ev = res.event_of()
    # same event = the pair is a same-event link (b listed in same_event[a]: same event AND
    # a strong link itself); "ev" counts mere co-membership of one event, for comparison
    mates = {k: {l.id for l in v} for k, v in res.same_event.items()}
    per = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "x": [], "y": [],
                               "etp": 0, "efp": 0})
    # the same counts on two halves of the pairs (by a hash of the pair): a rule chosen on one
    # half should hold on the other
    halves = [defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0}) for _ in range(2)]
    allx, ally = [], []
    for a, b, lp, overall in pairs:
        s = linker.pair_score(a, b)
        same = b in mates[a]
        h = halves[int(hashlib.sha1(f"{a}_{b}".encode()).hexdigest(), 16) % 2]
        for k in (lp, "all"):
            if overall <= 1.5:
                h[k]["tp" if same else "fn"] += 1
            elif overall >= 3:
                h[k]["fp" if same else "tn"] = h[k].get("fp" if same else "tn", 0) + 1
        d = per[lp]
        if overall <= 1.5:
            d["etp"] += ev[a] == ev[b]
        elif overall >= 3:
            d["efp"] += ev[a] == ev[b]
        d["x"].append(s)
        d["y"].append(-overall)
        allx.append(s)
        ally.append(-overall)
        if overall <= 1.5:
            d["tp" if same else "fn"] += 1
        elif overall >= 3:
            d["fp" if same else "tn"] += 1
    rows = {}
    tot = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for lp in sorted(per):
        d = per[lp]
        for k in tot:
            tot[k] += d[k]
        p = d["tp"] / (d["tp"] + d["fp"]) if d["tp"] + d["fp"] else float("nan")
        r = d["tp"] / (d["tp"] + d["fn"]) if d["tp"] + d["fn"] else float("nan")
        rows[lp] = {"n": len(d["x"]), "P": round(p, 3), "R": round(r, 3),
                    "pearson": round(pearson(d["x"], d["y"]), 3),
                    "tp": d["tp"], "fp": d["fp"], "fn": d["fn"],
                    "line": round(linker.lines.get(_lp_key(lp)), 3),
                    "event_P": round(d["etp"] / max(1, d["etp"] + d["efp"]), 3),
                    "event_R": round(d["etp"] / max(1, d["tp"] + d["fn"]), 3)}
    p = tot["tp"] / max(1, tot["tp"] + tot["fp"])
    r = tot["tp"] / max(1, tot["tp"] + tot["fn"])
    sizes = defaultdict(int)
    for e in res.events:
        sizes[len(e.members)] += 1
    half_rows = [{lp: {"P": round(c["tp"] / max(1, c["tp"] + c["fp"]), 3),
                       "R": round(c["tp"] / max(1, c["tp"] + c["fn"]), 3)}
                  for lp, c in sorted(h.items())} for h in halves]
    return {"per_lang_pair": rows, "halves": half_rows, "overall": {"P": round(p, 3), "R": round(r, 3),
            "pearson": round(pearson(allx, ally), 3), "docs": len(docs), "pairs": len(pairs)},
            "link_seconds": round(took, 2), "event_sizes": dict(sorted(sizes.items())),
            "stats": {k: tuple(round(x, 4) for x in linker.stats.get(k))
                      for k in sorted(linker.stats.table)}}


def run(args, emb) -> int:
    seeds = eval_seeds(args.seeds_dir, emb)
    print("signals:", json.dumps(SIGNALS))
    print("\n== seeds: events", seeds["events"])
    for k, v in seeds["pairs"].items():
        print(f"  {k}: {v}")
    print("  related:", seeds["related"])
    print("  comparisons:", seeds["comparisons"])
    print("  seeds OK:", seeds["ok"])
    sem = eval_semeval(args.eval_dir / "semeval_pairs_dev.csv", emb, args.cache_dir)
    print("\n== semeval dev: same event = Overall <= 1.5 vs >= 3; Pearson of score with -Overall")
    print(f"{'pair':7} {'n':>4} {'P':>6} {'R':>6} {'pearson':>8}  {'tp/fp/fn':10} {'line':>5}"
          f"  event P/R")
    for lp, r in sem["per_lang_pair"].items():
        print(f"{lp:7} {r['n']:4d} {r['P']:6.3f} {r['R']:6.3f} {r['pearson']:8.3f}  "
              f"{str(r['tp']) + '/' + str(r['fp']) + '/' + str(r['fn']):10} {r['line']:5.2f}"
              f"  {r['event_P']:.3f}/{r['event_R']:.3f}")
    o = sem["overall"]
    print(f"{'all':7} {o['pairs']:4d} {o['P']:6.3f} {o['R']:6.3f} {o['pearson']:8.3f}")
    for k, h in enumerate(sem["halves"]):
        print(f"half {k}: " + "  ".join(f"{lp} {v['P']:.2f}/{v['R']:.2f}" for lp, v in h.items()))
    print("link time", sem["link_seconds"], "s for", o["docs"], "docs; event sizes", sem["event_sizes"])
    print("cosine reference (mean, sd) per language pair:", sem["stats"])
    if args.json:
        args.json.write_text(json.dumps({"signals": SIGNALS, "seeds": seeds, "semeval": sem},
                                        indent=1, default=str))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval-dir", required=True, type=Path)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/briefing-eval-cache"))
    ap.add_argument("--seeds-dir", type=Path, default=ROOT / "seeds")
    ap.add_argument("--embed-only", action="store_true", help="fill the embedding cache and stop")
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    args = ap.parse_args(argv)
    emb = Embedder(disabled=True) if args.no_embeddings else Embedder(args.cache_dir)
    if args.embed_only:
        docs, _ = load_semeval(args.eval_dir / "semeval_pairs_dev.csv", with_facts=False)
        t = time.time()
        for s in range(0, len(docs), 256):
            emb.vectors(docs[s:s + 256])
            print(f"{min(s + 256, len(docs))}/{len(docs)} {time.time() - t:.0f}s "
                  f"computed={emb.computed}", flush=True)
        return 0
    return run(args, emb)


if __name__ == "__main__":
    sys.exit(main())
