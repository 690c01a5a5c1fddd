"""Chinese person names glued together: 荣毅仁丁关根田纪云 → 荣毅仁 / 丁关根 / 田纪云.

LAC reads a run of names written without separators (lists of members, signatories) as
one long person. A Chinese name is a surname (one character, or two: 欧阳, 司马) and a
given name of one or two characters; the surnames come from `data/zh_surnames.txt` (the
Hundred Family Surnames). A glued word is cut into the likeliest sequence of such names.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from functools import lru_cache

_DATA = os.path.join(os.path.dirname(__file__), "data", "zh_surnames.txt")
# share of given names of one and of two characters (a three-character name is the usual
# form; two-character names are the next most common): the log-weights of a cut
_GIVEN_LEN_LOGP = {1: math.log(0.25), 2: math.log(0.75)}
_DANGLING_LOGP = math.log(0.25)
_MIN_GLUED = 4  # shorter words are one name (or a surname + given name) already


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, two-character surnames) from the surname data file."""
    single: set[str] = set()
    double: set[str] = set()
    with open(_DATA, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            for token in line.split():
                if len(token) == 2:  # the verses have four characters, the pairs two
                    double.add(token)
                else:
                    single.update(token)
    return frozenset(single), frozenset(double)


def split_glued(
    word: str, to_simplified: Mapping[str, str] | None = None, tail: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of each name in ``word`` when it is two or more glued names (or a name
    with the next one's surname glued on, when ``tail``: the next word is no name), else []."""
    if len(word) < _MIN_GLUED:
        return []
    norm = "".join((to_simplified or {}).get(ch, ch) for ch in word)
    single, double = surnames()
    n = len(norm)
    # best[i]: (log-weight, cuts) of the likeliest reading of norm[:i] as whole names
    best: list[tuple[float, list[int]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for i in range(n):
        if best[i] is None:
            continue
        score, cuts = best[i]  # type: ignore[misc]
        for sur in (1, 2):
            head = norm[i : i + sur]
            if len(head) < sur or head not in (single if sur == 1 else double):
                continue
            for given, logp in _GIVEN_LEN_LOGP.items():
                j = i + sur + given
                cand = best[j] if j <= n else (0.0, [])
                if j <= n and (cand is None or score + logp > cand[0]):
                    best[j] = (score + logp, cuts + [j])
    whole, short = best[n], best[n - 1]
    options: list[tuple[float, list[int]]] = []
    if whole is not None and len(whole[1]) >= 2:
        options.append(whole)
    if tail and short is not None and short[1] and norm[-1] in single:
        # the next name's surname glued on (费孝通孙 | 起孟): left out, at a cost
        options.append((short[0] + _DANGLING_LOGP, short[1]))
    if not options:
        return []
    last = max(options, key=lambda o: o[0])
    starts = [0] + last[1][:-1]
    return list(zip(starts, last[1], strict=True))


_SKIP_LOGP = math.log(0.02)  # a character read as no part of a name (帕巴拉·…, 女)
_LAC_AGREES_LOGP = math.log(3.0)  # a name LAC found as a word of its own, boundaries and all


def segment_run(
    run: str, to_simplified: Mapping[str, str] | None = None, lac_names: frozenset = frozenset()
) -> list[tuple[int, int]]:
    """(start, end) of the names read in ``run``, a stretch of a list of names written
    without separators: the likeliest sequence of names (surname + given name) and
    skipped characters; a name LAC also found, ``lac_names`` ((start, end) pairs), counts
    for more."""
    norm = "".join((to_simplified or {}).get(ch, ch) for ch in run)
    single, double = surnames()
    n = len(norm)
    best: list[tuple[float, tuple] | None] = [None] * (n + 1)
    best[0] = (0.0, ())
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        score, names = here
        _offer(best, i + 1, score + _SKIP_LOGP, names)
        for sur in (1, 2):
            if norm[i : i + sur] not in (single if sur == 1 else double) or i + sur > n:
                continue
            for given, logp in _GIVEN_LEN_LOGP.items():
                j = i + sur + given
                if j <= n:
                    bonus = _LAC_AGREES_LOGP if (i, j) in lac_names else 0.0
                    _offer(best, j, score + logp + bonus, names + ((i, j),))
    last = best[n]
    return list(last[1]) if last is not None else []


def _offer(best: list, j: int, score: float, names: tuple) -> None:
    """Keep (score, names) as the reading of the first ``j`` characters when it is better."""
    if best[j] is None or score > best[j][0]:
        best[j] = (score, names)
