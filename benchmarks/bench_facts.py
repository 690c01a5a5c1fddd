#!/usr/bin/env python3
"""Speed of generator.facts.extract_facts on one core (CPU time of this process, so other
load on the machine does not distort it).

    python benchmarks/bench_facts.py [--seeds-dir seeds] [--rounds 20]

Prints articles per second on the seed articles (target >= 200/s), the time for a
1 MB article made of repeated seed text and for a 1 MB article made only of digits and
scale words (targets < 1 s). Per-language tables are built before timing (first-call
cost printed separately).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.facts import extract_facts  # noqa: E402

LANGS = {"000": "zh-Hant", "001": "ar", "002": "zh-Hant", "003": "ar", "004": "de"}
# Figures and scale words of several scripts, for the worst case of a text that is nothing else.
PIECES = [
    "12",
    "1,234.5",
    "4.000",
    "0,000001",
    "12 500",
    "16.9",
    "3 million",
    "44 Mrd.",
    "5 Milliarden",
    "三百萬",
    "7,100萬",
    "440億",
    "٤٤ مليار",
    "60٪",
    "80%",
    "$5",
    "€2.5m",
    "twenty",
    "hundred",
    "fünf",
    "2021",
    "1억 2000만",
    "十",
    "百分之八十九",
]


DIGIT_LANGS = ("zh-Hant", "ar", "de", "en")  # the languages the text of figures is read in
# A sentence that makes each language build its tables (none of PIECES' texts in it).
TABLES_TEXT = "On 3 May 2020 they paid $7 (about 9 % more) for 40 kg."


def digits_text(size: int, seed: int = 15) -> str:
    """``size`` characters of figures and scale words only (deterministic)."""
    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        p = rng.choice(PIECES) + rng.choice([" ", " ", ", ", "\n"])
        parts.append(p)
        n += len(p)
    return "".join(parts)[:size]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds-dir", type=Path, default=ROOT / "seeds")
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args(argv)
    arts = [
        (p.read_text(encoding="utf-8"), LANGS.get(p.name[:3], "en"))
        for p in sorted(args.seeds_dir.glob("*.txt"))
    ]
    t0 = time.process_time()
    for text, lang in arts:
        extract_facts(text, lang)
    for lang in DIGIT_LANGS:  # en has no seed: its tables are built here, not timed below
        extract_facts(TABLES_TEXT, lang)
    print(f"first call (builds per-language tables): {time.process_time() - t0:.3f} s")
    n = 0
    t0 = time.process_time()
    for _ in range(args.rounds):
        for text, lang in arts:
            extract_facts(text, lang)
            n += 1
    dt = time.process_time() - t0
    size = sum(len(t) for t, _ in arts) / len(arts)
    print(
        f"seed-sized articles (avg {size:,.0f} chars): {n / dt:,.1f} articles/s "
        f"({1000 * dt / n:.1f} ms each, target >= 200/s)"
    )
    for text, lang in arts[:1] + arts[1:2] + arts[4:5]:
        big = (text + "\n\n") * (1_000_000 // (len(text) + 2) + 1)
        big = big[:1_000_000]
        t0 = time.process_time()
        facts = extract_facts(big, lang)
        dt = time.process_time() - t0
        print(f"1 MB article ({lang}): {dt:.3f} s, {len(facts):,} facts (target < 1 s)")
    big = digits_text(1_000_000)
    for lang in DIGIT_LANGS:
        t0 = time.process_time()
        facts = extract_facts(big, lang)
        dt = time.process_time() - t0
        print(f"1 MB of digits and scale words ({lang}): {dt:.3f} s, {len(facts):,} facts (target < 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
