"""Evaluate generator.entities: NER exact-span F1 on shared eval sets, seeds gold P/R.

    python evaluation/eval_entities.py --eval-dir ../shared/eval \
        --seeds-gold evaluation/gold/seeds_entities.jsonl [--seeds-dir seeds]

Prints Markdown tables. The eval files are read by path only (measuring, never training).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from generator.entities import load_registry, recognize, resolve  # noqa: E402

SHORT = {"person": "PER", "organization": "ORG", "place": "LOC"}
# where the real article ends when generator.ingest is not available
_END_MARKERS = ("往下滑看下一篇文章", "اترك تعليقاً", "tch-1-tech", "資料來源")
_DROP_LINE = re.compile(
    r"^\s*(延伸閱讀|延伸阅读|責任編輯|责任编辑|資料來源|本文授權轉載|圖/|图/|Bildnachweis:|اعتمادات الصورة:|©)"
)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def half_of(text: str) -> str:
    """'A' or 'B': a stable split by hash; errors are looked at on half A only."""
    return "AB"[hashlib.sha1(text.encode("utf-8")).digest()[0] % 2]


def _count(c: dict, gold: set, pred: set) -> None:
    """Add true/false positives and misses per type to ``c``."""
    for t in ("PER", "ORG", "LOC"):
        g = {x for x in gold if x[2] == t}
        p = {x for x in pred if x[2] == t}
        c[t]["tp"] += len(g & p)
        c[t]["fp"] += len(p - g)
        c[t]["fn"] += len(g - p)


def _row(name: str, nsent: int, c: dict, ms: float) -> str:
    """One Markdown row of per-type and overall scores."""
    tot: Counter = Counter()
    fs = {}
    for t in ("PER", "ORG", "LOC"):
        tot.update(c[t])
        fs[t] = prf(c[t]["tp"], c[t]["fp"], c[t]["fn"])[2]
    p, r, f = prf(tot["tp"], tot["fp"], tot["fn"])
    return (
        f"| {name} | {nsent} | {fs['PER']:.3f} | {fs['ORG']:.3f} | {fs['LOC']:.3f} | {p:.3f} | {r:.3f} "
        f"| **{f:.3f}** | {ms:.1f} |"
    )


def eval_ner(eval_dir: str, errors: str | None = None) -> None:
    """Print exact span + type scores per file and per hash half (A, B)."""
    print("## NER, exact span + type (shared/eval/ner)\n")
    print(
        "| lang | sentences | PER F1 | ORG F1 | LOC F1 | overall P | overall R | overall F1 | ms/sentence |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name in sorted(os.listdir(os.path.join(eval_dir, "ner"))):
        if not name.endswith(".jsonl"):
            continue
        name = name[:-6]
        path = os.path.join(eval_dir, "ner", f"{name}.jsonl")
        c: dict = {h: defaultdict(Counter) for h in "AB*"}
        n: Counter = Counter()
        t0 = time.perf_counter()
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            h = half_of(d["text"])
            n[h] += 1
            n["*"] += 1
            gold = {(s, e, t) for s, e, t in d["entities"]}
            pred = {(m.start, m.end, SHORT[m.type]) for m in recognize(d["text"], d.get("lang", name))}
            _count(c[h], gold, pred)
            _count(c["*"], gold, pred)
            if errors and h == "A" and gold != pred and (errors == "all" or errors == name):
                print(
                    f"    {d['text'][:300]}\n      missed {sorted((d['text'][s:e], t) for s, e, t in gold - pred)}"
                    f"\n      spurious {sorted((d['text'][s:e], t) for s, e, t in pred - gold)}",
                    file=sys.stderr,
                )
        dt = (time.perf_counter() - t0) * 1000 / max(1, n["*"])
        print(_row(name, n["*"], c["*"], dt))
        for h in "AB":
            print(_row(f"{name} half {h}", n[h], c[h], dt))
    print()


def seed_body(path: str) -> tuple[str, str]:
    try:
        from generator.ingest import ingest_file  # written in parallel; optional

        art = ingest_file(path)
        return art.lang, art.body
    except Exception:
        pass
    raw = open(path, encoding="utf-8").read()
    for mk in _END_MARKERS:
        i = raw.find(mk)
        if i > 0:
            raw = raw[:i]
    lines = raw.split("\n")
    title = lines[0].strip()
    paras = []
    for ln in lines[1:]:
        ln = ln.strip()
        if not ln or ln == title or _DROP_LINE.match(ln):
            continue
        paras.append(ln)
    text = "\n\n".join(paras)
    if re.search(r"[\u0600-\u06ff]", text):
        lang = "ar"
    elif re.search(r"[\u4e00-\u9fff]", text):
        lang = "zh-Hant"
    elif re.search(r"\b(der|die|und|das)\b", text):
        lang = "de"
    else:
        lang = "en"
    return lang, text


def eval_seeds(seeds_dir: str, gold_path: str) -> None:
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            gold[d["article"]] = {(t, i) for t, i in d["entities"]}
    reg = load_registry()
    inp = {}
    for fn in sorted(os.listdir(seeds_dir)):
        if fn.endswith(".txt"):
            aid = fn[:-4]
            lang, body = seed_body(os.path.join(seeds_dir, fn))
            inp[aid] = (lang, recognize(body, lang))
    facts, ents = resolve(inp, reg)
    print("## Seeds: people and organizations, set of (type, canonical id) per article\n")
    print("| article | lang | gold | predicted | correct | precision | recall | missed | spurious |")
    print("|---|---|---|---|---|---|---|---|---|")
    T = Counter()
    for aid in sorted(gold):
        pred = {(f.type, f.id) for f in facts.get(aid, []) if f.type in ("person", "organization")}
        g = gold[aid]
        tp, fp, fn = len(g & pred), len(pred - g), len(g - pred)
        T.update(tp=tp, fp=fp, fn=fn)
        p, r, _ = prf(tp, fp, fn)

        def show(items):
            return ", ".join(sorted(f"{ents[i].name if i in ents else i}" for _, i in items)) or "—"

        print(
            f"| {aid[:3]} | {inp.get(aid, ('?',))[0]} | {len(g)} | {len(pred)} | {tp} | {p:.2f} | {r:.2f} | {show(g - pred)} | {show(pred - g)} |"
        )
    p, r, f = prf(T["tp"], T["fp"], T["fn"])
    print(
        f"| **all** | | {T['tp'] + T['fn']} | {T['tp'] + T['fp']} | {T['tp']} | **{p:.2f}** | **{r:.2f}** | | |"
    )
    print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval-dir", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--seeds-gold", default=os.path.join(ROOT, "evaluation", "gold", "seeds_entities.jsonl"))
    ap.add_argument("--seeds-dir", default=os.path.join(ROOT, "seeds"))
    ap.add_argument("--skip-ner", action="store_true")
    ap.add_argument("--errors", metavar="LANG|all", help="print half-A errors of one file to stderr")
    args = ap.parse_args(argv)
    if not args.skip_ner and os.path.isdir(args.eval_dir):
        eval_ner(args.eval_dir, args.errors)
    if os.path.exists(args.seeds_gold):
        eval_seeds(args.seeds_dir, args.seeds_gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
