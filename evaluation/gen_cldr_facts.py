#!/usr/bin/env python3
"""Write a GENERATED test set of money and percentages for languages without dev data.

    python evaluation/gen_cldr_facts.py [--out /tmp/cldr_facts.jsonl] [--per-kind 40] [--seed 15]
                                        [--native]

Every case is made from CLDR itself, through Babel and unicode-rbnf: ``format_percent``,
the locale's unit names for percent and per mille (long/short/narrow, plural forms),
``format_currency`` (standard and with the currency's plural display name),
``format_compact_currency`` and long compact decimals, and RBNF spelled-out numbers put
in the locale's unit/currency pattern. One or two figures are joined by the locale's
list pattern and prefixed with a territory name, so each sentence is in the language.

This measures whether the extractors read what CLDR writes; it is no substitute for
real text (it is clearly labelled "generated" wherever it is reported). ``--native``
writes every figure in the digits of the locale's CLDR native numbering system (hi ०-९,
bn ০-৯, fa ۰-۹, th ๐-๙; Babel formats with ASCII digits only), for the locales that have
one; other locales are skipped. Output: the dev
file format, ``{"input", "lang", "kind", "gold": [{"text", "value", "currency"}]}``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from babel import Locale
from babel.core import get_global
from babel.lists import format_list
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_precision,
)
from babel.units import format_unit

LOCALES = ["ko", "hi", "ru", "pt", "it", "nl", "pl", "tr", "sv", "id", "vi", "th", "uk", "he", "fa"]

Figure = tuple[str, float, "str | None"]  # (text, value, currency)


def local_currency(loc: Locale) -> str | None:
    """The current currency of the locale's likely territory."""
    full = get_global("likely_subtags").get(loc.language, "")
    terr = loc.territory or next((p for p in full.split("_")[1:] if len(p) == 2), None)
    for code, _s, end, tender in get_global("territory_currencies").get(terr or "", []):
        if end is None and tender:
            return code
    return None


def spelled(value: int, lang: str) -> str | None:
    """The RBNF cardinal spelling of ``value`` in ``lang``, or None without RBNF rules."""
    try:
        from unicode_rbnf import RbnfEngine

        return RbnfEngine.for_language(lang).format_number(value).text
    except Exception:  # noqa: BLE001 - no rules for this language
        return None


def rand_value(rng: random.Random) -> float:
    """A figure as news writes them: small integers, one decimal, or thousands."""
    r = rng.random()
    if r < 0.4:
        return float(rng.randint(1, 99))
    if r < 0.7:
        return rng.randint(10, 999) / 10
    return float(rng.randint(1, 99) * rng.choice([10, 100, 1000]))


def unit_text(value: float, unit: str, loc: Locale, rng: random.Random) -> str | None:
    """``value`` with a CLDR unit name, in a length the locale itself defines (else None:
    Babel would fall back to the unit's id)."""
    lengths = [k for k, v in loc._data["unit_patterns"].get(unit, {}).items() if dict(v)]
    if not lengths:
        return None
    return format_unit(value, unit, length=rng.choice(sorted(lengths)), locale=loc)


def percent_figure(loc: Locale, rng: random.Random) -> Figure | None:
    """One percentage written one of CLDR's ways (sign pattern, unit name, spelled out)."""
    lang = str(loc)
    v = rand_value(rng)
    way = rng.choice(["pattern", "pattern", "unit", "permille", "spelled"])
    if way == "pattern":
        return format_percent(v / 100, locale=loc, decimal_quantization=False), v, None
    if way == "permille":
        n = float(rng.randint(1, 50))
        text = unit_text(n, "concentr-permille", loc, rng)
        return (text, n / 10, None) if text else None
    if way == "unit":
        text = unit_text(v, "concentr-percent", loc, rng)
        return (text, v, None) if text else None
    n = rng.randint(1, 99)
    word = spelled(n, lang)
    text = unit_text(n, "concentr-percent", loc, rng)
    if word is None or text is None:
        return None
    digits = format_decimal(n, locale=loc)
    return (text.replace(digits, word, 1), float(n), None) if digits in text else None


def money_figure(loc: Locale, rng: random.Random) -> Figure | None:
    """One amount written one of CLDR's ways (symbol, name, compact, spelled out)."""
    lang = str(loc)
    cur = rng.choice([c for c in (local_currency(loc), "USD", "EUR") if c])
    way = rng.choice(["standard", "standard", "name", "compact", "long", "spelled"])
    v = round(rand_value(rng), get_currency_precision(cur))  # as the format will show it
    if way == "standard":
        return format_currency(v, cur, locale=loc), v, cur
    if way == "name":
        return format_currency(v, cur, locale=loc, format_type="name"), v, cur
    big = float(rng.randint(2, 99)) * rng.choice([1e3, 1e6, 1e9])
    if way == "compact":
        return format_compact_currency(big, cur, locale=loc, fraction_digits=1), big, cur
    if way == "long":
        try:
            num = format_compact_decimal(big, format_type="long", locale=loc, fraction_digits=1)
        except KeyError:  # the locale has no long compact forms
            return None
        name = format_currency(big, cur, locale=loc, format_type="name")
        digits = format_currency(big, cur, locale=loc, format_type="name").split(" ")[0]
        return (name.replace(digits, num, 1), big, cur) if digits in name else None
    n = rng.randint(2, 99)
    word = spelled(n, lang)
    if word is None:
        return None
    name = format_currency(n, cur, locale=loc, format_type="name", currency_digits=False, format="#,##0")
    digits = format_decimal(n, locale=loc)
    return (name.replace(digits, word, 1), float(n), cur) if digits in name else None


# CLDR numbering system id -> the Unicode name of its digit zero (numberingSystems.xml
# gives the digits themselves; Babel does not ship that file).
NATIVE_ZERO = {
    "arab": "ARABIC-INDIC DIGIT ZERO",
    "arabext": "EXTENDED ARABIC-INDIC DIGIT ZERO",
    "beng": "BENGALI DIGIT ZERO",
    "deva": "DEVANAGARI DIGIT ZERO",
    "gujr": "GUJARATI DIGIT ZERO",
    "guru": "GURMUKHI DIGIT ZERO",
    "knda": "KANNADA DIGIT ZERO",
    "khmr": "KHMER DIGIT ZERO",
    "laoo": "LAO DIGIT ZERO",
    "mlym": "MALAYALAM DIGIT ZERO",
    "mymr": "MYANMAR DIGIT ZERO",
    "orya": "ORIYA DIGIT ZERO",
    "tamldec": "TAMIL DIGIT ZERO",
    "telu": "TELUGU DIGIT ZERO",
    "thai": "THAI DIGIT ZERO",
    "tibt": "TIBETAN DIGIT ZERO",
}


def native_digits(loc: Locale) -> dict[int, str] | None:
    """A str.translate table from ASCII digits (and the latn decimal and group signs) to
    the locale's native numbering system, or None when it has none besides latn."""
    system = str(dict(loc.other_numbering_systems).get("native", "latn"))
    if system not in NATIVE_ZERO:
        return None
    zero = ord(unicodedata.lookup(NATIVE_ZERO[system]))
    table = {ord(str(d)): chr(zero + d) for d in range(10)}
    latn, own = loc.number_symbols.get("latn", {}), loc.number_symbols.get(system, {})
    for key in ("decimal", "group"):
        if key in latn and key in own and latn[key] != own[key] and len(latn[key]) == 1:
            table[ord(latn[key])] = own[key]
    return table


def _in_digits(make: Callable, table: dict[int, str]) -> Callable:
    """``make`` with the figure's text written through ``table`` (native digits)."""

    def native(loc: Locale, rng: random.Random) -> Figure | None:
        fig = make(loc, rng)
        return (fig[0].translate(table), fig[1], fig[2]) if fig else None

    return native


def sentence(loc: Locale, figures: list[Figure], rng: random.Random) -> str:
    """The figures joined by the locale's list pattern after a territory name."""
    terr = rng.choice(sorted(loc.territories.values()))
    return f"{terr}: {format_list([f[0] for f in figures], locale=loc)}."


def cases_for(lang: str, kind: str, n: int, rng: random.Random, native: bool = False) -> list[dict]:
    """``n`` generated cases of one kind in one locale (in its native digits: none when
    it has no native numbering system)."""
    loc = Locale.parse(lang)
    make: Callable = percent_figure if kind == "percent" else money_figure
    if native:
        table = native_digits(loc)
        if table is None:
            return []
        make = _in_digits(make, table)
    out: list[dict] = []
    tries = 0
    while len(out) < n and tries < n * 20:
        tries += 1
        figs = [f for f in (make(loc, rng) for _ in range(rng.choice([1, 1, 2]))) if f]
        if not figs:
            continue
        gold = [{"text": t, "value": v, "currency": c} for t, v, c in figs]
        out.append({"input": sentence(loc, figs, rng), "lang": lang, "kind": kind, "gold": gold})
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the generated set; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/cldr_facts.jsonl"))
    ap.add_argument("--per-kind", type=int, default=40)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--locales", default=",".join(LOCALES))
    ap.add_argument("--native", action="store_true", help="figures in the locale's native digits")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for lang in args.locales.split(","):
            for kind in ("money", "percent"):
                for case in cases_for(lang, kind, args.per_kind, rng, args.native):
                    fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
