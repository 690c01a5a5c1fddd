"""Ranges of amounts: "$20-30 million", "20 to 30 million dollars", "entre 20 et 30
millions d'euros", 20至30億元, "$5-$10 million".

A range of amounts gives an amount for each end, both with the currency and the scale
written once for the two: the currency before the lower end or after the upper end, the
scale word after the upper end (a lower end without one takes it: "$20-30 million" is 20
and 30 million). The range sign or words between the ends are those of ranges.py; the
ends must ascend once the scale is set aside ("2019-20 million dollars" is no range).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .numbers import Number
from .ranges import RangeWords, joins
from .reach import char_after

_PERCENT_SIGNS = frozenset("%\u066a\u2030")


def range_ends(norm: str, nums: list[Number], read: list[tuple[Any, int, bool]], words: RangeWords) -> list:
    """(amount, number index) of the other ends of the ranges the read amounts close or
    open. ``read`` holds (amount, index of its number in ``nums``, subunits added) in
    text order; an amount whose upper end carries the scale takes it too (changed in
    place). Amounts are dataclasses with start, end, value, code and ambiguous."""
    used = {i: a for a, i, _c in read}
    out: list = []
    for a, i, cont in read:
        num = nums[i]
        if cont or not num.value:
            continue  # "3 dollars 50 cents": no range end
        factor = a.value / num.value  # what the currency adds (cents, MUSD)
        low = nums[i - 1] if i else None  # each test reads the gap first (the cheap one)
        if (
            low is not None
            and i - 1 not in used
            and _lower_end(norm, low, num, min(a.start, num.start), words)
        ):
            value = _unscaled(low, num) * factor
            out.append((dataclasses.replace(a, start=low.start, end=low.end, value=value), i - 1))
            used[i - 1] = a
            continue
        if a.start >= num.start or a.end != num.end or i + 1 >= len(nums):
            continue  # the upper end takes the currency written before the lower one
        up = nums[i + 1]
        other = used.get(i + 1)
        if other is not None:  # "$20-$30 million": both ends are amounts
            if (
                up.scaled
                and not num.scaled
                and joins(norm, a.start, a.end, other.start, words)
                and other.code == a.code
                and other.ambiguous == a.ambiguous
                and _ends(norm, num, up)
            ):
                a.value = num.value * up.scale * factor
            continue
        if (
            joins(norm, a.start, a.end, up.start, words)
            and char_after(norm, up.end) not in _PERCENT_SIGNS
            and _ends(norm, num, up)
        ):
            if up.scaled and not num.scaled:
                a.value = num.value * up.scale * factor
            out.append((dataclasses.replace(a, start=up.start, end=up.end, value=up.value * factor), i + 1))
            used[i + 1] = a
    return out


def _unscaled(low: Number, up: Number) -> float:
    """The value of the lower end with the upper end's scale when it has none of its own."""
    return low.value * up.scale if up.scaled and not low.scaled else low.value


def _ends(norm: str, low: Number, up: Number) -> bool:
    """May these two numbers be the ends of a range: neither an article, ascending once
    the upper end's scale is set aside, their separators read alike?"""
    if low.weak or up.weak:
        return False
    upper = up.value / up.scale if up.scaled and not low.scaled else up.value
    return low.value < upper and _marks_agree(norm, low, up)


def _marks_agree(norm: str, low: Number, up: Number) -> bool:
    """Do both ends read a separator alike? "1.1990 a 1.015 francos" reads the dot as a
    decimal point in one and as a group separator in the other: that is no range."""
    if low.kind != "digits" or up.kind != "digits":
        return True
    texts = (norm[low.start : low.end], norm[up.start : up.end])
    marks = (_decimal_mark(texts[0], low.value / low.scale), _decimal_mark(texts[1], up.value / up.scale))
    return all(m is None or m not in t or m == other for m, t, other in zip(marks, texts[::-1], marks[::-1]))


def _decimal_mark(text: str, value: float) -> str | None:
    """The separator a digit number (``value`` before its scale) was read with as its
    decimal point, or None."""
    for sep in ".,\u066b":
        if text.count(sep) == 1:
            head, tail = (re.sub(r"[^0-9]", "", part) for part in text.split(sep))
            if tail and abs(float(f"{head or 0}.{tail}") - value) <= 1e-9 * max(1.0, abs(value)):
                return sep
    return None


def _lower_end(norm: str, low: Number, up: Number, up_start: int, words: RangeWords) -> bool:
    """Is ``low`` the lower end of a range whose upper end ``up`` is an amount (its
    currency written from ``up_start``)?"""
    if low.end > up_start or not joins(norm, low.start, low.end, up_start, words):
        return False
    if low.is_year() and up.is_year():
        return False  # "in 2010-2020 dollars" is a period, no range
    return _ends(norm, low, up)
