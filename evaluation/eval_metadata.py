#!/usr/bin/env python
"""Outlets read from datelines (generator/ingest/metadata.py) on the SemEval-2022 Task 8 texts.

    python evaluation/eval_metadata.py --eval-dir ../shared/eval [--show N]

The texts carry no gold outlet, so the script lists what it found, with the opening of each
text, for a person to check; it also counts texts whose opening states a full date. The eval
data is read by path and never copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.ingest.metadata import find_date, outlet_from_dateline  # noqa: E402


def texts(path: Path) -> list[tuple[str, str]]:
    """(language, body) of every distinct text of the pairs file (title cut at two spaces)."""
    csv.field_size_limit(10**9)
    seen: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for k in ("1", "2"):
                t = row["text" + k]
                body = t.split("  ", 1)[1] if "  " in t else t
                seen.setdefault(t[:200], (row["lang" + k], body.strip()))
    return list(seen.values())


def main() -> int:
    """Print the counts, then the outlets found with the opening of their text."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", required=True, type=Path)
    ap.add_argument("--show", type=int, default=50)
    args = ap.parse_args()
    items = texts(args.eval_dir / "semeval_pairs_dev.csv")
    found = [(lang, o, body[:90]) for lang, body in items if (o := outlet_from_dateline(body))]
    dated = sum(1 for lang, body in items if find_date(body[:120], lang))
    print(
        f"texts {len(items)}; dateline outlets {len(found)} "
        f"({dict(Counter(lang for lang, _o, _b in found))}); full date in the first 120 characters {dated}"
    )
    for lang, outlet, opening in found[: args.show]:
        print(f"  {lang}  {outlet!r:14}  {opening}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
