"""Ranges of figures: "20–30 %", "20 to 30 percent", "entre 20 et 30 %", 二十~三十パーセント.

A range gives a fact for each end: the lower end takes the unit written after the upper
one (both are percentages), never only one of the two. The range sign of each locale
comes from CLDR (the interval fallback pattern, "{0}–{1}", "{0}～{1}"); the words
("to", "bis", "entre … et") from ``data/ranges.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ._locale import babel_locale, lang_data, load_json, normalize
from .numbers import Number

_WINDOW = 16  # characters before the lower end searched for an opener ("entre", "between")
_MAX_GAP_KEY = 24  # longer gaps (prose between two numbers) are read, not remembered


@dataclass(frozen=True)
class RangeWords:
    """Per language: what may stand between the ends of a range, and before them."""

    gap: re.Pattern  # fullmatch: a range sign or word between the two ends
    joiner: re.Pattern | None  # fullmatch: the word after an opener (group "w")
    openers: dict  # joiner word (lower-cased) -> regex of its openers, ending at the lower end
    # gap text -> True (a sign or word), the opener regex of its joiner word, or None: a
    # text repeats its few gaps (" ", ", ", " - ") between thousands of numbers
    gaps: dict = field(default_factory=dict, compare=False)


def _cldr_sign(tag: str) -> str:
    """The locale's range sign from CLDR's interval fallback pattern ("" when none)."""
    loc = babel_locale(tag)
    pat = (loc.interval_formats.get(None) if loc is not None else None) or ""
    return normalize(pat.replace("{0}", "").replace("{1}", "")).strip(" \u00a0\u2009\u202f")


def _words_re(words: list[str]) -> str:
    """An alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def range_words(base: str, tag: str) -> RangeWords:
    """The compiled range rules of a language (CLDR sign, data/ranges.json words)."""
    data = lang_data("ranges.json", base)
    signs = [normalize(s) for s in load_json("ranges.json").get("_symbols", [])]
    sign = _cldr_sign(tag)
    if sign:
        signs.append(sign)
    sp = r"[ \u00a0\u2009\u202f]"
    parts = [rf"{sp}?(?:{_words_re(signs)}){sp}?"]
    words = data.get("to", [])
    if words:
        # between letters a word needs spaces; after CJK numerals it is written without (二十から三十)
        parts.append(
            rf"{sp}*(?:{_words_re(words)}){sp}*"
            if base in ("ja", "zh", "yue")
            else rf"{sp}+(?:{_words_re(words)}){sp}+"
        )
    between = data.get("between", {})
    openers: dict[str, list[str]] = {}
    for opener, joiner in between.items():
        openers.setdefault(joiner.lower(), []).append(opener)
    compiled = {
        j: re.compile(rf"(?<![^\W\d_])(?:{_words_re(ops)}){sp}+$", re.I) for j, ops in openers.items()
    }
    joiner = re.compile(rf"{sp}+(?P<w>{_words_re(list(compiled))}){sp}+", re.I) if compiled else None
    return RangeWords(re.compile("|".join(parts), re.I), joiner, compiled)


def is_range(norm: str, lower: Number, upper: Number, words: RangeWords) -> bool:
    """Do ``lower`` and ``upper`` (the next number) make a range: a sign or word between
    them, or an opener before ``lower`` and its word between; the ends ascending (a
    range is written low to high: "2019-20 %" is no range of 2019 to 20)."""
    if lower.weak or not lower.value < upper.value or lower.end > upper.start:
        return False
    return joins(norm, lower.start, lower.end, upper.start, words)


def joins(norm: str, lo_start: int, lo_end: int, up_start: int, words: RangeWords) -> bool:
    """Does the text from ``lo_end`` to ``up_start`` join two ends of a range: a range
    sign or word, or an opener's word with the opener before ``lo_start`` ("between …
    and", "entre … et")?"""
    gap = norm[lo_end:up_start]
    got = words.gaps.get(gap, False)
    if got is False:
        got = _gap_reading(gap, words)
        if len(gap) <= _MAX_GAP_KEY and len(words.gaps) < 10_000:
            words.gaps[gap] = got
    if got is None or got is True:
        return got is True
    return got.search(norm, max(0, lo_start - _WINDOW), lo_start) is not None


def _gap_reading(gap: str, words: RangeWords) -> bool | re.Pattern | None:
    """What the text between two numbers makes of them: True for a range sign or word,
    the regex of the openers its joiner word needs before the lower end ("and" of
    "between … and"), else None."""
    if words.gap.fullmatch(gap):
        return True
    m = words.joiner.fullmatch(gap) if words.joiner is not None else None
    if m is None:
        return None
    opener: re.Pattern = words.openers[m.group("w").lower()]
    return opener
