"""Which lines repeated across the corpus are page furniture, and which are a shared article.

The rule (README, "Page furniture"), in two parts:

1. Corpus evidence (``shared_lines``). Two texts are *copies* (one report: the same body
   under another title or outlet, wire copy, syndication, an edited version) when what they
   share holds at least COPY_SHARE of the lighter body, as whole lines or as sampled
   shingles (an edited copy keeps most of those), each weighing its size divided by the
   number of texts that hold it (an outlet's chrome, on many of its pages, weighs little);
   copies, and chains of them, are one *body*. A line's *support* is the number of different bodies that contain it: what
   two copies share is never evidence, it is their text.
2. Position (``furniture_indices``). A line of one text is furniture only when it is short
   (at most FURNITURE_MAX wide; a paragraph of reporting is never furniture), another body
   contains it (support >= 2), and either it stands at an edge of the text (the first or
   last block of short lines: shared lines and labels, see below) or it is a label (short,
   no closing punctuation) that MANY_BODIES or more different bodies contain, anywhere.
   Never more than MAX_SHARE of a text: when the lines so marked hold more of its width, the
   text is itself what the corpus shares, and none of them goes.

Lines are compared by ``norm_line`` (case, spaces and punctuation folded); titles are never
compared (two articles may share a headline). Everything here is pure.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from itertools import combinations
from typing import Generic, TypeVar

from ..disjoint import DisjointSet
from .lines import is_short_unpunctuated, norm_line, width

T = TypeVar("T")

# Two bodies sharing at least this share of the lighter one's weight are copies. Half:
# another outlet's chrome around the same body, or a shortened copy, stays far above it;
# pages of one outlet share their chrome, which weighs little on any of them.
COPY_SHARE = 0.5
# Corpus-repeated lines wider than this are reporting (shared wire copy), never furniture.
FURNITURE_MAX = 120
# A label repeated in this many different bodies is outlet chrome wherever it stands.
MANY_BODIES = 3
# Shingles: windows of this many bytes of a line's key (about two words; four CJK
# characters), one in SAMPLE of them kept (by hash value, the same ones in every text).
SHINGLE = 12
SAMPLE = 8
# Fewer sampled shingles than this say too little (one chrome line can be most of them):
# such a text is compared on whole lines only.
MIN_SHINGLES = 16
# Furniture never takes more than this share of a text's width (see the rule, 2).
MAX_SHARE = 0.5
# A line in more texts than this proposes no copy pairs (it is chrome; the pairs that
# matter share rarer lines too): bounds the pairs at 10,000 articles.
PAIR_LINE_MAX = 64


def fingerprint(keys: Iterable[str]) -> frozenset[int]:
    """Sampled shingles of a text's line keys: the CRC-32 of every SHINGLE-byte window of each
    key's UTF-8 (a shorter key whole), kept when it is 0 modulo SAMPLE. The same windows are
    kept in every text, so two texts compare on one sample; stable across processes."""
    out: set[int] = set()
    for key in keys:
        data = key.encode("utf-8")
        windows = (data[i : i + SHINGLE] for i in range(max(1, len(data) - SHINGLE + 1)))
        out.update(h for h in map(zlib.crc32, windows) if h % SAMPLE == 0)
    return frozenset(out)


def copy_groups(
    bodies: Mapping[str, frozenset[str]], prints: Mapping[str, frozenset[int]] | None = None
) -> dict[str, str]:
    """Each key → the first key (in sorted order) of its group of copies.

    Two texts that share a line are copies when what they share holds COPY_SHARE of the
    lighter one, measured twice, the larger share counting: on whole lines (an edited copy
    loses them) and on sampled shingles (``prints``, by default fingerprint of the lines: an
    edited copy keeps most of them). Each line or shingle weighs (its length, or 1) divided
    by the number of texts that hold it, so what many pages of one outlet share (its chrome)
    weighs little and what a body and its copies share weighs fully. Steps: _Weights of
    lines and shingles; candidate pairs from lines few texts share; union of the pairs
    that are copies."""
    keys = sorted(bodies)
    holders: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        for line in bodies[k]:
            holders[line].append(k)
    pairs = sorted(
        {
            pair
            for owners in holders.values()
            if 2 <= len(owners) <= PAIR_LINE_MAX
            for pair in combinations(owners, 2)
        }
    )
    paired = sorted({k for pair in pairs for k in pair})
    shingles = {k: prints[k] if prints is not None else fingerprint(bodies[k]) for k in paired}
    by_line = _Weights({k: bodies[k] for k in paired}, lambda line: float(len(line)))
    by_shingle = _Weights(shingles, lambda _: 1.0)
    enough = {k for k in paired if len(shingles[k]) >= MIN_SHINGLES}
    groups = DisjointSet(keys)
    for a, b in pairs:
        if by_line.copies(a, b) or a in enough and b in enough and by_shingle.copies(a, b):
            groups.union(a, b)
    return {k: groups.find(k) for k in keys}


class _Weights(Generic[T]):
    """Items of texts (lines or shingles) weighted by size over the number of texts holding them."""

    def __init__(self, items: Mapping[str, frozenset[T]], size: Callable[[T], float]):
        holders: dict[T, int] = defaultdict(int)
        for its in items.values():
            for it in its:
                holders[it] += 1
        self.items = items
        self.weight = {it: size(it) / n for it, n in holders.items()}
        self.total = {k: sum(self.weight[it] for it in its) for k, its in items.items()}

    def copies(self, a: str, b: str) -> bool:
        """True when a and b share COPY_SHARE of the lighter one's weight."""
        lighter = min(self.total[a], self.total[b])
        shared = sum(self.weight[it] for it in self.items[a] & self.items[b])
        return lighter > 0 and shared >= COPY_SHARE * lighter


def shared_lines(
    bodies: Mapping[str, frozenset[str]], prints: Mapping[str, frozenset[int]] | None = None
) -> dict[str, dict[str, int]]:
    """Each key → its lines that other bodies contain, with their support (the number of
    different bodies holding the line, copies counted once, capped at MANY_BODIES)."""
    group = copy_groups(bodies, prints)
    lines_of: dict[str, set[str]] = defaultdict(set)
    for k, g in group.items():
        lines_of[g] |= bodies[k]
    support: dict[str, int] = defaultdict(int)
    for lines in lines_of.values():
        for line in lines:
            support[line] += 1
    return {
        k: {n: min(support[n], MANY_BODIES) for n in sorted(bodies[k]) if support[n] >= 2}
        for k in sorted(bodies)
    }


def furniture_indices(lines: list[str], shared: Mapping[str, int]) -> set[int]:
    """Indices of the lines of one text (title and appended content already off) that are
    furniture by corpus evidence: shared lines in its leading or trailing block, and
    labels MANY_BODIES bodies share anywhere.

    The leading block runs from the first line while lines are shared or labels; what lies
    from its first to its last shared line goes (a label above the first stays: a subtitle
    or dateline). The trailing block runs back from the last line the same way; from its
    first shared line to the end goes (the labels after it end the page). None goes when
    that would be more than MAX_SHARE of the text's width."""

    def is_shared(i: int) -> bool:
        return width(lines[i]) <= FURNITURE_MAX and shared.get(norm_line(lines[i]), 0) >= 2

    def in_block(i: int) -> bool:
        return is_shared(i) or is_short_unpunctuated(lines[i])

    out: set[int] = set()
    head = [i for i in _run(range(len(lines)), in_block) if is_shared(i)]
    if head:
        out.update(range(head[0], head[-1] + 1))
    tail = [i for i in _run(range(len(lines) - 1, -1, -1), in_block) if is_shared(i)]
    if tail:
        out.update(range(min(tail), len(lines)))
    out.update(
        i
        for i in range(len(lines))
        if is_shared(i) and is_short_unpunctuated(lines[i]) and shared[norm_line(lines[i])] >= MANY_BODIES
    )
    if sum(width(lines[i]) for i in out) > MAX_SHARE * sum(map(width, lines)):
        return set()
    return out


def _run(indices: range, keep: Callable[[int], bool]) -> list[int]:
    """The indices from the start of ``indices`` while ``keep`` holds."""
    out = []
    for i in indices:
        if not keep(i):
            break
        out.append(i)
    return out
