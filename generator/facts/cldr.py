"""Words CLDR (through Babel) writes around a figure: unit patterns and percent formats.

A unit pattern such as ``{0} процентов`` or ``yüzde {0}`` says which word goes with the
number and on which side; every length (long, short, narrow) and plural form of every
locale of a language is collected, so "процент/процента/процентов" all come from data.
Computed lazily per base language and cached.
"""

from __future__ import annotations

from functools import cache

from ._locale import regional_locales

# Regional locales per language looked at (ar has ~30; their unit names barely differ).
MAX_LOCALES = 40
_SPACES = " \u00a0\u202f\u200e\u200f\u061c"


def _split_pattern(pattern: str) -> tuple[str, str]:
    """(text before {0}, text after {0}) of a unit pattern, stripped of spaces and marks."""
    if "{0}" not in pattern:
        return "", ""
    before, after = pattern.split("{0}", 1)
    return before.strip(_SPACES), after.strip(_SPACES)


@cache
def unit_words(base: str, unit: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words written before the number, words written after it) for a CLDR unit.

    ``unit`` is a CLDR unit id such as "concentr-percent" or "concentr-permille"; words
    are lower-cased; a language without that unit gives two empty sets.
    """
    before: set[str] = set()
    after: set[str] = set()
    for loc in regional_locales(base)[:MAX_LOCALES] if base else ():
        lengths = loc._data["unit_patterns"].get(unit, {})
        for forms in lengths.values():
            for pattern in dict(forms).values():
                b, a = _split_pattern(str(pattern))
                if b:
                    before.add(b.lower())
                if a:
                    after.add(a.lower())
    return frozenset(before), frozenset(after)


_PAST_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days"}


@cache
def past_patterns(base: str) -> tuple[tuple[str, str, str], ...]:
    """(text before the number, text after it, unit) of CLDR's relative past patterns:
    "{0} лет назад", "hace {0} años", "{0} 年前", "{0}년 전", every plural form and the
    long/short/narrow widths of every locale of the language; lower-cased, longest first."""
    out: set[tuple[str, str, str]] = set()
    for loc in regional_locales(base)[:MAX_LOCALES] if base else ():
        fields = loc._data["date_fields"]
        for field, unit in _PAST_UNITS.items():
            for width in ("", "-short", "-narrow"):
                past = fields.get(field + width, {}).get("past", {})
                for pattern in dict(past).values():
                    if "{0}" in str(pattern):
                        b, a = str(pattern).lower().split("{0}", 1)
                        out.add((b.strip(_SPACES), a.strip(_SPACES), unit))
    return tuple(sorted(out, key=lambda p: (-len(p[0]) - len(p[1]), p)))


@cache
def and_words(base: str) -> tuple[str, ...]:
    """The language's words for "and" from CLDR list patterns ("{0} y {1}" gives "y"),
    of every locale of the language, lower-cased, longest first; () when it writes none."""
    out: set[str] = set()
    for loc in regional_locales(base)[:MAX_LOCALES] if base else ():
        for kind in ("standard", "standard-short"):
            pats = loc.list_patterns.get(kind, {})
            for key in ("2", "end"):
                pat = str(pats.get(key, ""))
                if "{0}" in pat and "{1}" in pat:
                    word = pat.split("{0}", 1)[1].split("{1}", 1)[0].strip(_SPACES + ",")
                    if word and word.replace(" ", "").isalpha():
                        out.add(word.lower())
    return tuple(sorted(out, key=lambda w: (-len(w), w)))
