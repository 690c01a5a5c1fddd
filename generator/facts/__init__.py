"""Key-fact extraction: money, percentages, quantities and dates in article text.

    from generator.facts import extract_facts
    facts = extract_facts(body, "zh-Hant", published=datetime.date(2023, 4, 15))

One module per kind (numbers, money, percent, quantity, dates), all driven by CLDR
locale data through Babel plus small tables in ``data/``. Pure functions; per-language
tables are built once and cached.
"""

from __future__ import annotations

import datetime as _dt
import logging

from ..model import Fact
from ._locale import get_profile, normalize
from .dates import extract_dates
from .money import extract_money
from .numbers import scan_numbers
from .percent import extract_percent
from .quantity import extract_quantity

__all__ = ["extract_facts"]

log = logging.getLogger(__name__)

# When spans overlap, the more specific reading wins: "440億美元" is money, not a
# quantity; "2021年" is a date, not a count.
PRIORITY = {"money": 0, "percent": 1, "date": 2, "quantity": 3}


def extract_facts(text: str, lang: str, published: _dt.date | None = None) -> list[Fact]:
    """Money, percent, quantity and date facts in ``text``, sorted by (start, end).

    ``text[f.start:f.end] == f.text`` for every fact; spans do not overlap. Never raises:
    an internal error is logged and yields no facts rather than breaking a build.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _extract(text, lang if isinstance(lang, str) else "und", published)
    except Exception:  # noqa: BLE001 - a bad sentence must not stop the site build
        log.exception("fact extraction failed (lang=%s, %d chars)", lang, len(text))
        return []


def _extract(text: str, lang: str, published) -> list[Fact]:
    profile = get_profile(lang)
    norm = normalize(text)
    nums = scan_numbers(norm, profile)
    cands = []
    cands += extract_money(norm, nums, profile)
    cands += extract_percent(norm, nums, profile)
    cands += extract_dates(norm, nums, profile, published)
    cands += extract_quantity(norm, text, nums, profile)
    cands.sort(key=lambda f: (PRIORITY[f.type], -(f.end - f.start), f.start))
    chosen = []
    occupied = bytearray(len(text) + 1)  # 1 where a chosen fact already lies
    for f in cands:
        if f.end <= f.start or f.start < 0 or f.end > len(text):
            continue
        if occupied.find(1, f.start, f.end) != -1:
            continue
        occupied[f.start : f.end] = b"\x01" * (f.end - f.start)
        chosen.append(f)
    out = []
    for f in chosen:
        out.append(
            Fact(
                type=f.type,
                text=text[f.start : f.end],
                start=f.start,
                end=f.end,
                value=f.value,
                currency=f.currency,
                unit=f.unit,
                qualifier=f.qualifier,
            )
        )
    out.sort(key=lambda f: (f.start, f.end))
    return out
