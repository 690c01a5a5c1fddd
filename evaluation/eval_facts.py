#!/usr/bin/env python3
"""Measure the key-fact extractors (generator.facts) and print Markdown tables.

    python evaluation/eval_facts.py --eval-dir ../shared/eval \
        --seeds-gold evaluation/gold/seeds_facts.jsonl [--seeds-dir seeds]

Dev files (``<eval-dir>/facts/*.jsonl``, one sentence per line with gold figures):
a gold item is found when an extracted fact of the file's kind has the same value
(relative tolerance 1e-6) — and, for "value+cur", the same currency when the gold
names one. Precision = extracted facts of that kind matching some gold item (value,
and currency when the gold has one) / extracted facts of that kind.

Seeds: every money amount and percentage of the five article bodies, written by hand
in the gold file. The body comes from generator.ingest when that stage exists;
otherwise the raw text is cut at the first appended-content marker.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.facts import extract_facts  # noqa: E402

# Lines after which a seed file holds another article or page furniture (fallback
# only; generator.ingest does this properly).
CUT_MARKERS = ("往下滑看下一篇文章", "اترك تعليقاً")
TOLERANCE = 1e-6


def same_value(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=1e-12)


# Gold units that are a currency's minor unit: the spec keeps "34 cents" as 34; the eval
# data's README counts the value in the main unit (0.34) as right too.
MINOR_UNITS = ("cent", "penny", "pence", "penique", "centime", "centavo", "céntimo", "kopek", "sen", "fen")


def matches(fact, gold, with_currency) -> bool:
    """Same value (or the minor-unit value in the main unit), and currency when asked."""
    unit = (gold.get("unit") or "").lower()
    minor = (
        unit.startswith(MINOR_UNITS)
        and fact.value is not None
        and same_value(float(fact.value) * 100, gold.get("value"))
    )
    if not (same_value(fact.value, gold.get("value")) or minor):
        return False
    if with_currency and gold.get("currency"):
        return fact.currency == gold["currency"]
    return True


def fmt(x):
    return "–" if x is None else f"{x:.3f}"


def ratio(a, b):
    return None if b == 0 else a / b


def half_of(text: str) -> str:
    """'look' or 'check': the half of a dev file a case belongs to, by a hash of its input.

    Errors are studied on the look half only; the check half stays unseen, so its
    figures estimate held-out quality.
    """
    return "look" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "check"


@dataclass
class Tally:
    """Counts for one (file, half): gold items found and extracted facts that are right."""

    gold: int = 0
    found_v: int = 0
    found_vc: int = 0
    extracted: int = 0
    correct: int = 0
    # Facts extracted from lines whose gold is empty: the Recognizers-Text JSON specs
    # leave some lines without results that the same project's older tests give
    # ("$ 8,50" = 8.5 Dólar); counted as false, and shown apart so that is visible.
    on_empty: int = 0

    def add(self, other: Tally) -> None:
        for k in ("gold", "found_v", "found_vc", "extracted", "correct", "on_empty"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score_case(case: dict, facts: list, errors: list, name: str) -> Tally:
    """Tally one dev case (facts already filtered to its kind); misses go to ``errors``."""
    t = Tally()
    gold = case["gold"]
    t.gold = len(gold)
    for g in gold:
        v = any(matches(f, g, False) for f in facts)
        vc = any(matches(f, g, True) for f in facts)
        t.found_v += v
        t.found_vc += vc
        if not vc:
            errors.append((name, "miss", case["input"], g, [(f.text, f.value, f.currency) for f in facts]))
    t.extracted = len(facts)
    t.on_empty = 0 if gold else len(facts)
    for f in facts:
        ok = any(matches(f, g, True) for g in gold)
        t.correct += ok
        if not ok:
            errors.append((name, "false", case["input"], (f.text, f.value, f.currency), gold))
    return t


def score_cases(cases: list, name: str, errors_by_half: dict) -> dict:
    """half -> Tally over the cases of one file (and "all")."""
    tallies = {"look": Tally(), "check": Tally(), "all": Tally()}
    for case in cases:
        half = half_of(case["input"])
        facts = [f for f in extract_facts(case["input"], case["lang"]) if f.type == case["kind"]]
        t = score_case(case, facts, errors_by_half[half], name)
        tallies[half].add(t)
        tallies["all"].add(t)
    return tallies


def print_table(title: str, rows: list) -> None:
    """Print one Markdown table of (name, lang, kind, half, Tally) rows."""
    print(f"## {title}\n")
    print(
        "| file | lang | kind | half | gold | value recall | value+currency recall | extracted | precision "
        "| of them on lines without gold | precision on lines with gold |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, lang, kind, half, t in rows:
        rvc = ratio(t.found_vc, t.gold) if kind == "money" else None
        print(
            f"| {name} | {lang} | {kind} | {half} | {t.gold} | {fmt(ratio(t.found_v, t.gold))} | "
            f"{fmt(rvc)} | {t.extracted} | {fmt(ratio(t.correct, t.extracted))} | {t.on_empty} "
            f"| {fmt(ratio(t.correct, t.extracted - t.on_empty))} |"
        )
    print()


def read_cases(path: Path) -> list:
    """The JSON cases of one .jsonl file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def eval_dev(eval_dir: Path, show_errors: bool):
    """Score every dev file by half; print the table (and the look half's errors)."""
    rows = []
    errors = {"look": [], "check": []}
    for path in sorted((eval_dir / "facts").glob("*.jsonl")):
        cases = read_cases(path)
        if not cases:
            continue
        tallies = score_cases(cases, path.name, errors)
        for half in ("look", "check", "all"):
            rows.append((path.stem, cases[0]["lang"], cases[0]["kind"], half, tallies[half]))
    print_table("Dev sets (Recognizers-Text specs), split by a hash of the input", rows)
    if show_errors:
        print("### Errors (look half only)\n")
        for e in errors["look"]:
            print("-", json.dumps(e, ensure_ascii=False, default=str))
        print()
    return rows


def eval_generated(path: Path, show_errors: bool):
    """Score a generated CLDR test set (evaluation/gen_cldr_facts.py) per language and kind."""
    by_key: dict = defaultdict(list)
    for case in read_cases(path):
        by_key[(case["lang"], case["kind"])].append(case)
    rows = []
    errors: dict = {"look": [], "check": []}
    recalls, precisions = [], []
    for (lang, kind), cases in sorted(by_key.items()):
        t = score_cases(cases, f"{lang}_{kind}", errors)["all"]
        rows.append((f"generated {lang}_{kind}", lang, kind, "all", t))
        recalls.append(ratio(t.found_vc, t.gold) or 0.0)
        precisions.append(ratio(t.correct, t.extracted) or 0.0)
    print_table("GENERATED from CLDR (Babel formatting + RBNF spellout), languages without dev data", rows)
    if recalls:
        print(
            f"Mean over {len(recalls)} sets: recall {sum(recalls) / len(recalls):.3f}, "
            f"precision {sum(precisions) / len(precisions):.3f}\n"
        )
    if show_errors:
        print("### Errors (generated)\n")
        for e in errors["look"] + errors["check"]:
            print("-", json.dumps(e, ensure_ascii=False, default=str))
        print()
    return rows


def seed_body(path: Path):
    """(body, lang, raw text, cut offset) for one seed file."""
    raw = path.read_text(encoding="utf-8")
    try:
        from generator.ingest import ingest_file  # type: ignore
    except Exception:  # noqa: BLE001 - the ingest stage may not exist yet
        ingest_file = None
    if ingest_file is not None:
        try:
            art = ingest_file(path)
            return art.body, art.lang, raw, None, getattr(art, "published", None)
        except Exception as exc:  # noqa: BLE001
            print(f"(ingest_file failed on {path.name}: {exc}; using the fallback cut)")
    cut = len(raw)
    lines = raw.split("\n")
    pos = 0
    for line in lines:
        if line.strip() in CUT_MARKERS:
            cut = pos
            break
        pos += len(line) + 1
    return raw[:cut], None, raw, cut, None


def eval_seeds(seeds_dir: Path, gold_path: Path, show_errors: bool):
    gold = defaultdict(list)
    langs = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold[g["seed"]].append(g)
            langs[g["seed"]] = g["lang"]
    print("## Seeds (hand-written gold: every money amount and percentage in the bodies)\n")
    print("| seed | lang | type | gold | found (value+currency) | extracted | precision |")
    print("|---|---|---|---|---|---|---|")
    notes = []
    all_ok = True
    for path in sorted(seeds_dir.glob("*.txt")):
        body, lang, raw, cut, published = seed_body(path)
        lang = lang or langs.get(path.name, "und")
        facts = extract_facts(body, lang, published)
        for kind in ("money", "percent"):
            gs = [g for g in gold.get(path.name, []) if g["type"] == kind]
            fs = [f for f in facts if f.type == kind]
            found = 0
            used = set()
            for g in gs:
                hit = next((i for i, f in enumerate(fs) if i not in used and matches(f, g, True)), None)
                if hit is not None:
                    used.add(hit)
                    found += 1
                else:
                    notes.append(
                        f"{path.name}: missed {kind} {g['text']} = {g['value']} {g.get('currency') or ''}"
                    )
            ok = sum(1 for f in fs if any(matches(f, g, True) for g in gs))
            for f in fs:
                if not any(matches(f, g, True) for g in gs):
                    notes.append(f"{path.name}: extra {kind} {f.text!r} = {f.value} {f.currency or ''}")
            all_ok &= found == len(gs)
            print(
                f"| {path.name[:3]} | {lang} | {kind} | {len(gs)} | {found}/{len(gs)} | {len(fs)} | {fmt(ratio(ok, len(fs)))} |"
            )
        if cut is None:
            # ingest gave the body: list figures of the raw file that the body lacks
            from collections import Counter

            have = Counter((f.type, f.text) for f in facts)
            tail = []
            for f in extract_facts(raw, lang, published):
                if have[(f.type, f.text)] > 0:
                    have[(f.type, f.text)] -= 1
                else:
                    tail.append(f)
            if tail:
                notes.append(
                    f"{path.name}: {len(tail)} facts of the raw file are not in the ingested body "
                    "(appended article, footer, title lines): "
                    + ", ".join(repr(f.text) for f in tail[:8])
                    + (" …" if len(tail) > 8 else "")
                )
        elif cut < len(raw):
            tail = [f for f in extract_facts(raw, lang, published) if f.start >= cut]
            if tail:
                notes.append(
                    f"{path.name}: {len(tail)} facts lie after the cut in the raw file "
                    f"(appended article/footer; the pipeline feeds only the body): "
                    + ", ".join(repr(f.text) for f in tail[:8])
                    + (" …" if len(tail) > 8 else "")
                )
    print()
    print("All seed money amounts and percentages found: " + ("yes" if all_ok else "NO"))
    print()
    if notes:
        print("### Seed notes\n")
        for n in notes:
            print("-", n)
        print()
    return all_ok


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, help="directory holding facts/*.jsonl (e.g. ../shared/eval)")
    ap.add_argument("--seeds-gold", type=Path, help="evaluation/gold/seeds_facts.jsonl")
    ap.add_argument("--seeds-dir", type=Path, default=ROOT / "seeds")
    ap.add_argument("--errors", action="store_true", help="list every miss and false hit (look half)")
    ap.add_argument(
        "--generated", type=Path, help="a generated CLDR test set (evaluation/gen_cldr_facts.py output)"
    )
    args = ap.parse_args(argv)
    if args.eval_dir:
        eval_dev(args.eval_dir, args.errors)
    if args.generated:
        eval_generated(args.generated, args.errors)
    if args.seeds_gold:
        eval_seeds(args.seeds_dir, args.seeds_gold, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
