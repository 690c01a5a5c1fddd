#!/usr/bin/env python3
"""Build a benchmark corpus of N articles derived from real news texts.

Sources: the project's seeds/*.txt and the article texts of a SemEval-2022 Task 8 pairs CSV
(read by path, never copied into the repository). Each output article is one source text
with its figures scaled, its personal names swapped from a pool and its years shifted, so
fact extraction, entity recognition and linking all do real work: variants of one source
form "families" that cover the same story with diverging figures and names, as coverage
of one event by several outlets does. Deterministic for a given --seed.

    python benchmarks/make_corpus.py --eval-csv ../shared/eval/semeval_pairs_dev.csv \
        --n 1000 --out /tmp/bench/seeds

Writes NNNNN_<lang>_<hash>.txt files and, for about 60 % of them, a sidecar .yml with the
published date and outlet (the others keep dates unknown, as real seeds often do).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

LATIN_FIRST = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Greta",
    "Hassan",
    "Ines",
    "Jonas",
    "Karin",
    "Lukas",
    "Maria",
    "Nadia",
    "Oliver",
    "Paula",
    "Rafael",
    "Sofia",
    "Tobias",
    "Yara",
    "Emma",
    "Mehmet",
    "Jan",
    "Chen",
    "Lea",
    "Marco",
    "Olga",
    "Pierre",
    "Tomasz",
    "Aylin",
]
LATIN_LAST = [
    "Schmidt",
    "Müller",
    "Rossi",
    "García",
    "Nowak",
    "Yilmaz",
    "Dubois",
    "Petrov",
    "Novak",
    "Weber",
    "Fischer",
    "Martin",
    "Silva",
    "Kowalski",
    "Haddad",
    "Wagner",
    "Bauer",
    "Costa",
    "Lindqvist",
    "Okafor",
    "Tanaka",
    "Ivanova",
    "Brandt",
    "Moreau",
    "Santos",
    "Keller",
]
AR_NAMES = [
    "أحمد الخطيب",
    "سارة المنصور",
    "محمد العلي",
    "ليلى حداد",
    "يوسف ناصر",
    "مريم السعدي",
    "خالد الرشيد",
    "نور الهدى",
    "عمر فاروق",
    "هدى عبد الله",
    "إيلون ماسك",
    "تيم كوك",
]
ZH_NAMES = [
    "王小明",
    "李美華",
    "陳志強",
    "張雅婷",
    "林俊傑",
    "黃淑芬",
    "劉德明",
    "吳佩珊",
    "馬斯克",
    "庫克",
    "祖克柏",
    "貝佐斯",
]
OUTLETS = [
    "Daily Ledger",
    "Morning Wire",
    "Tagesblatt",
    "Rundschau",
    "الصباح",
    "الخبر اليومي",
    "聯合日報",
    "經濟週刊",
    "Courier",
    "Gazette",
]

_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,\u066c]\d{3})+|\d+)(?:([.,\u066b])(\d+))?(?![\w])")
_YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
# Two or three capitalised words: a rough personal or organisation name in Latin script.
_LATIN_NAME = re.compile(r"\b([A-ZÄÖÜ][a-zäöüßéèáíóúñç]{2,})\s([A-ZÄÖÜ][a-zäöüßéèáíóúñç]{2,})\b")
_AR_NAME = re.compile("|".join(map(re.escape, AR_NAMES)))
_ZH_NAME = re.compile("|".join(map(re.escape, ZH_NAMES)) + r"|伊隆·馬斯克|薩蒂亞·納德拉")


def read_sources(eval_csv: Path | None, seeds: Path) -> list[tuple[str, str, str]]:
    """(source id, language hint, text) of every distinct source article."""
    out = []
    for p in sorted(seeds.glob("*.txt")):
        out.append((p.stem, "", p.read_text(encoding="utf-8", errors="replace")))
    if eval_csv:
        csv.field_size_limit(sys.maxsize)
        seen = set()
        with open(eval_csv, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                ids = row["pair_id"].split("_")
                for i, side in ((0, "1"), (1, "2")):
                    text = (row.get("text" + side) or "").strip()
                    key = ids[i] if i < len(ids) else row["pair_id"] + side
                    if len(text) < 300 or key in seen:
                        continue
                    seen.add(key)
                    out.append((key, row["lang" + side], _as_article(text)))
    return out


def _as_article(text: str) -> str:
    """SemEval texts are "Title  body…" on one line: title line, then ~3-sentence paragraphs."""
    title, _, body = text.partition("  ")
    if not body or len(title) > 200:
        title, body = text[:80].rsplit(" ", 1)[0], text
    sentences = re.split(r"(?<=[.!?。！？؟])\s+", body.strip())
    paras, cur = [], []
    for s in sentences:
        cur.append(s)
        if sum(map(len, cur)) > 350:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return title.strip() + "\n\n" + "\n\n".join(paras) + "\n"


def perturb(text: str, rng: random.Random, year_shift: int) -> str:
    """Scale numbers (keeping their written form), shift years, swap names."""
    factor = rng.choice([0.5, 0.8, 0.9, 1.1, 1.25, 1.5, 2, 3])

    def num(m: re.Match) -> str:
        whole, sep, frac = m.group(1), m.group(2), m.group(3)
        if _YEAR.match(whole) and not sep:
            return str(int(whole) + year_shift)
        group = next((c for c in whole if not c.isdigit()), "")
        try:
            value = int(re.sub(r"\D", "", whole))
        except ValueError:
            return m.group(0)
        if value == 0 or (value <= 31 and not sep and rng.random() < 0.5):
            return m.group(0)  # keep many day numbers and small counts
        new = max(1, round(value * factor))
        s = f"{new:,}".replace(",", group) if group else str(new)
        if sep:
            s += sep + str(rng.randrange(10 ** len(frac))).zfill(len(frac))
        return s

    text = _NUM.sub(num, text)
    swap: dict[str, str] = {}

    def latin(m: re.Match) -> str:
        if m.group(0) not in swap:
            # Keep most capitalised pairs (places, organisations, sentence starts); swap a third.
            swap[m.group(0)] = (
                f"{rng.choice(LATIN_FIRST)} {rng.choice(LATIN_LAST)}" if rng.random() < 0.33 else m.group(0)
            )
        return swap[m.group(0)]

    text = _LATIN_NAME.sub(latin, text)
    text = _AR_NAME.sub(lambda m: swap.setdefault(m.group(0), rng.choice(AR_NAMES)), text)
    text = _ZH_NAME.sub(lambda m: swap.setdefault(m.group(0), rng.choice(ZH_NAMES)), text)
    return text


def make_corpus(n: int, out: Path, eval_csv: Path | None, seed: int = 1, seeds: Path = REPO / "seeds") -> int:
    rng = random.Random(seed)
    sources = read_sources(eval_csv, seeds)
    if not sources:
        raise SystemExit("no source texts")
    out.mkdir(parents=True, exist_ok=True)
    order = list(range(len(sources)))
    rng.shuffle(order)
    base_day = date(2023, 1, 1)
    written = 0
    for i in range(n):
        src_id, lang, text = sources[order[i % len(order)]]
        variant = i // len(order)  # 0 for the first pass over the sources, then 1, 2, …
        r = random.Random(f"{seed}:{i}")
        body = text if variant == 0 and r.random() < 0.5 else perturb(text, r, r.choice([0, 0, 0, 1, -1, 2]))
        digest = hashlib.sha1(body.encode("utf-8")).hexdigest()[:10]
        stem = f"{i:05d}_{lang or 'x'}_{digest}"
        (out / f"{stem}.txt").write_text(body, encoding="utf-8")
        if r.random() < 0.6:
            day = base_day + timedelta(days=r.randrange(730))
            (out / f"{stem}.yml").write_text(
                f"published: {day.isoformat()}\noutlet: {r.choice(OUTLETS)}\n", encoding="utf-8"
            )
        written += 1
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--out", type=Path, required=True, help="target folder (created)")
    ap.add_argument("--eval-csv", type=Path, help="SemEval pairs CSV (read only; not copied)")
    ap.add_argument("--seeds", type=Path, default=REPO / "seeds")
    ap.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
    args = ap.parse_args(argv)
    n = make_corpus(args.n, args.out, args.eval_csv, args.seed, args.seeds)
    print(f"make_corpus: {n} articles in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
