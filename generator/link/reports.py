"""Which members of an event are one report: a translation or a syndicated copy of one origin.

Two articles are one report when their paragraphs align one to one: a majority of the
units of the *longer* article are mutual best matches with the other's (so an article
quoting a few paragraphs of another is not its copy, and neither is an excerpt). Units are
compared by their multilingual vectors (one rule in the same or another language), or,
without vectors, by their normalised text (a syndicated copy in the same language). The
reports of an event are the connected groups of such pairs: a translation of a syndicated
copy still has one origin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

import numpy as np

from generator.disjoint import DisjointSet
from generator.link.score import MIN_UNITS, PARA_FLOOR, mutual_match_count
from generator.link.signature import fact_features, number_features

# Share of the longer article's units that must align: a majority, i.e. more of the text
# is shared than not. (Seeds: the Arabic translation of the German article 0.82 of its
# units by the shorter one; every other seed pair ≤ 0.42.)
REPORT_MIN = 0.5
# Anchors: a paragraph takes part with at least two (one number says little), and two
# paragraphs match when most of their anchors are shared (Jaccard ≥ ½, mutual best).
# (Seeds, by anchors: 003/004 0.70 of the paragraphs, every other pair ≤ 0.12.)
ANCHORS_MIN = 2
ANCHOR_MATCH = 0.5

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def aligned_share(ua: np.ndarray | None, ub: np.ndarray | None, floor: float = PARA_FLOOR) -> float | None:
    """Mutual best unit matches (cosine ≥ floor) over the longer article's unit count."""
    n = mutual_match_count(ua, ub, floor)
    if n is None or ua is None or ub is None:
        return None
    return float(n) / float(max(len(ua), len(ub)))


def _norm(paragraph: str) -> str:
    """A paragraph without case, punctuation and spacing differences (NFKC)."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", paragraph).casefold()).strip()


def text_share(pa: Sequence[str], pb: Sequence[str]) -> float:
    """Share of the longer article's non-empty paragraphs that the other has word for word."""
    na = [p for p in map(_norm, pa) if p]
    nb = [p for p in map(_norm, pb) if p]
    if not na or not nb:
        return 0.0
    common = len(set(na) & set(nb))
    return common / max(len(set(na)), len(set(nb)))


def paragraph_anchors(paragraphs: Sequence[str], facts: Sequence) -> list[frozenset]:
    """Per paragraph, its numbers and the keys of the facts that start in it."""
    out, pos = [], 0
    for p in paragraphs:
        a, b = pos, pos + len(p)
        pos = b + 2  # PARAGRAPH_SEP
        nums = number_features(p)  # text_features' numbers, without its names
        out.append(frozenset(nums | fact_features([f for f in facts if a <= f.start < b])))
    return out


def anchor_share(xa: list[frozenset], xb: list[frozenset]) -> float | None:
    """Mutual best paragraph matches by anchors over the longer article's anchored
    paragraphs (None: fewer than MIN_UNITS such paragraphs on a side)."""
    a = [x for x in xa if len(x) >= ANCHORS_MIN]
    b = [x for x in xb if len(x) >= ANCHORS_MIN]
    if len(a) < MIN_UNITS or len(b) < MIN_UNITS:
        return None
    jac = np.array([[len(x & y) / len(x | y) for y in b] for x in a])
    best_b = jac.argmax(axis=1)
    best_a = jac.argmax(axis=0)
    rows = np.arange(len(a))
    mutual = (best_a[best_b] == rows) & (jac[rows, best_b] >= ANCHOR_MATCH)
    return float(mutual.sum()) / float(max(len(a), len(b)))


def one_report(
    ua: np.ndarray | None,
    ub: np.ndarray | None,
    pa: Sequence[str],
    pb: Sequence[str],
    same_lang: bool,
    fa: Sequence = (),
    fb: Sequence = (),
    anchors: Callable[[int], list[frozenset]] | None = None,
) -> bool:
    """Whether two articles are one report (see the module doc): unit vectors ``u``,
    paragraphs ``p`` and facts ``f`` of each (``anchors(0 or 1)``, if given, returns the
    paragraph anchors of the first or second article, e.g. from a cache)."""
    share = aligned_share(ua, ub)
    if share is None:
        get = anchors or (lambda k: paragraph_anchors(pb if k else pa, fb if k else fa))
        share = anchor_share(get(0), get(1))
    if share is not None and share > REPORT_MIN:
        return True
    return same_lang and text_share(pa, pb) > REPORT_MIN


def reports(
    members: list[int], copy: Callable[[int, int], bool], key: Callable[[int], str]
) -> list[list[int]]:
    """The members grouped into reports (connected groups of ``copy`` pairs), each group
    sorted by ``key`` and the groups by their first member's key."""
    joined = DisjointSet(members)
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            a, b = members[x], members[y]
            if joined.find(a) != joined.find(b) and copy(a, b):
                joined.union(a, b)
    groups: dict[int, list[int]] = {}
    for m in members:
        groups.setdefault(joined.find(m), []).append(m)
    out = [sorted(g, key=key) for g in groups.values()]
    return sorted(out, key=lambda g: key(g[0]))
