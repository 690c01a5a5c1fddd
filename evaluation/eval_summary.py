"""Summaries (generator/render/summary.py) over the SemEval-2022 Task 8 texts: every text in
every language gets 2–3 sentences, how fast, and whether the chosen sentences carry the story.

The story test needs no gold summaries: for pairs rated the same story (Overall ≤ 1.5) in one
language, the summary of one text should share more of the other text's character n-grams
than random sentences of the same text do, and about as many as its first sentences do
(news puts the story first). Cosine of character-trigram bags, as the summarizer itself uses.

    .venv/bin/python evaluation/eval_summary.py --eval-dir ../shared/eval
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.render.summary import _grams, summarize  # noqa: E402
from generator.text import sentence_spans  # noqa: E402


def cosine(a, b) -> float:
    """Cosine of two n-gram bags."""
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    na, nb = sum(v * v for v in a.values()), sum(v * v for v in b.values())
    return dot / (na * nb) ** 0.5 if na and nb else 0.0


def body_of(text: str) -> str:
    """The text as a body: paragraphs split on blank lines, joined by one blank line."""
    paras = [" ".join(p.split()) for p in text.replace("\r", "").split("\n") if p.strip()]
    return "\n\n".join(paras)


def main() -> None:
    """Prints per-language counts, timing and the pair-overlap comparison."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", type=Path, required=True)
    args = ap.parse_args()
    csv.field_size_limit(10**8)
    rows = list(csv.DictReader((args.eval_dir / "semeval_pairs_dev.csv").open(encoding="utf-8")))
    rng = random.Random(18)
    stats = defaultdict(
        lambda: {"texts": 0, "ok": 0, "short": 0, "ms": [], "sum": [], "lead": [], "rand": []}
    )
    seen = set()
    for row in rows:
        for side in ("1", "2"):
            key = (row["pair_id"], side)
            if key in seen:
                continue
            seen.add(key)
            body = body_of(row["text" + side])
            spans = sentence_spans(body)
            t0 = time.perf_counter()
            chosen = summarize(body, spans)
            s = stats[row["lang" + side]]
            s["ms"].append((time.perf_counter() - t0) * 1000)
            s["texts"] += 1
            if len(spans) < 2:
                s["short"] += 1
            elif 2 <= len(chosen) <= 3:
                s["ok"] += 1
            if row["lang1"] != row["lang2"] or float(row["Overall"]) > 1.5 or side != "1" or len(spans) < 6:
                continue
            other = _grams(body_of(row["text2"]))
            random_pick = sorted(rng.sample(spans, len(chosen)))
            for name, picked in (("sum", chosen), ("lead", spans[: len(chosen)]), ("rand", random_pick)):
                s[name].append(cosine(_grams(" ".join(body[a:b] for a, b in picked)), other))
    print(
        "| lang | texts | 2–3 sentences | < 2 sentences | ms/text (median) | same-story pairs | overlap: summary | first sentences | random |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for lang, s in sorted(stats.items()):
        mean = lambda xs: f"{statistics.mean(xs):.3f}" if xs else "–"  # noqa: E731
        print(
            f"| {lang} | {s['texts']} | {s['ok']} | {s['short']} | {statistics.median(s['ms']):.1f} | "
            f"{len(s['sum'])} | {mean(s['sum'])} | {mean(s['lead'])} | {mean(s['rand'])} |"
        )


if __name__ == "__main__":
    main()
