"""Throughput of generator.entities on seed-sized articles (one core).

    python benchmarks/bench_entities.py [--repeat 20] [--vectors]

Prints articles/s (CPU seconds of this process) for recognize (cold: first pass, models loaded before timing; warm:
per-word caches filled, and Chinese chunks tagged before come from the LAC cache; "tag cache
cleared": every article as if new) and for resolve over a corpus of the seeds repeated.
Run on one core for the target: ``taskset -c 0 python benchmarks/bench_entities.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

# one core: OpenBLAS's extra threads (the e5 encoder's products) would only spin, and
# process CPU time counts their spinning (~10x the encoder's real cost on a loaded machine)
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "evaluation"))

from eval_entities import seed_body  # noqa: E402

from generator.entities import load_registry, recognize, resolve  # noqa: E402
from generator.entities.tagger import use_vectors  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--articles", type=int, default=10000, help="corpus size for resolve")
    ap.add_argument(
        "--vectors",
        action="store_true",
        help="tag with the e5 encoder-feature models (default: the lexical models, as --no-embeddings)",
    )
    args = ap.parse_args()
    use_vectors(args.vectors)
    seeds_dir = os.path.join(ROOT, "seeds")
    docs = [
        seed_body(os.path.join(seeds_dir, f)) for f in sorted(os.listdir(seeds_dir)) if f.endswith(".txt")
    ]
    reg = load_registry()
    for lang in sorted({lg for lg, _ in docs}):  # load models outside the timing
        recognize("預熱 warm-up Test", lang)
    print("| step | articles | seconds | articles/s |")
    print("|---|---|---|---|")
    t0 = time.process_time()  # CPU time: on a shared machine wall time measures the others
    first = [recognize(body, lang) for lang, body in docs]
    dt = time.process_time() - t0
    print(f"| recognize, first pass (cold word caches) | {len(docs)} | {dt:.2f} | {len(docs) / dt:.1f} |")
    n = len(docs) * args.repeat
    t0 = time.process_time()
    corpus = {}
    for r in range(args.repeat):
        for i, (lang, body) in enumerate(docs):
            corpus[f"{r:05d}-{i}"] = (lang, recognize(body, lang))
    dt = time.process_time() - t0
    print(f"| recognize, repeated | {n} | {dt:.2f} | {n / dt:.1f} |")
    from generator.entities import zh

    t0, c0 = time.perf_counter(), time.process_time()
    for _r in range(args.repeat):
        for lang, body in docs:
            zh._tag_cache.clear()  # every article new to the process: no repeated-chunk savings
            recognize(body, lang)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"| recognize, repeated, Chinese tag cache cleared (wall {dt:.2f} s) | {n} | {cpu:.2f} | {n / cpu:.1f} |"
    )
    for lang in sorted({lg for lg, _ in docs}):
        sel = [(lg, b) for lg, b in docs if lg == lang]
        t0 = time.process_time()
        for lg, b in sel * 3:
            zh._tag_cache.clear()
            recognize(b, lg)
        dt = time.process_time() - t0
        print(f"| recognize {lang} | {3 * len(sel)} | {dt:.2f} | {3 * len(sel) / dt:.1f} |")
    big = {}
    for r in range(max(1, args.articles // len(docs))):
        for i, (lang, _) in enumerate(docs):
            big[f"{r:05d}-{i}"] = (lang, first[i])
    for label in ("cold", "warm"):  # warm: the per-name caches (keys, skeletons) filled
        t0 = time.process_time()
        resolve(big, reg)
        dt = time.process_time() - t0
        print(f"| resolve, {label} ({len(big)} articles) | {len(big)} | {dt:.2f} | {len(big) / dt:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
