"""Which lines repeated across the corpus are page furniture, and which are a shared article.

The rule (README, "Page furniture"), in two parts:

1. Corpus evidence (``shared_lines``). Two texts are *copies* (one report: the same body
   under another title or outlet, wire copy, syndication) when the lines they share hold at
   least COPY_SHARE of the lighter body, each line weighing its length divided by the number
   of texts that hold it (an outlet's chrome, on many of its pages, weighs little); copies,
   and chains of them, are one *body*. A line's *support* is the number of different bodies that contain it: what
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

from collections import defaultdict
from collections.abc import Hashable, Mapping
from itertools import combinations
from typing import TypeVar

from .lines import is_short_unpunctuated, norm_line, width

K = TypeVar("K", bound=Hashable)

# Two bodies sharing at least this share of the lighter one's weight are copies. Half:
# another outlet's chrome around the same body, or a shortened copy, stays far above it;
# pages of one outlet share their chrome, which weighs little on any of them.
COPY_SHARE = 0.5
# Corpus-repeated lines wider than this are reporting (shared wire copy), never furniture.
FURNITURE_MAX = 120
# A label repeated in this many different bodies is outlet chrome wherever it stands.
MANY_BODIES = 3
# Furniture never takes more than this share of a text's width (see the rule, 2).
MAX_SHARE = 0.5
# A line in more texts than this proposes no copy pairs (it is chrome; the pairs that
# matter share rarer lines too): bounds the pairs at 10,000 articles.
PAIR_LINE_MAX = 64


def copy_groups(bodies: Mapping[K, frozenset[str]]) -> dict[K, K]:
    """Each key → the first key (in sorted order) of its group of copies.

    A line weighs its length divided by the number of texts that hold it, so that what
    many pages of one outlet share (its chrome) weighs little and what only a few texts share
    (a body and its copies) weighs fully. Steps: holders of each line; candidate pairs from
    lines few texts share; for each pair, the weight of the shared lines against the weight
    of the lighter body; union of the pairs at or above COPY_SHARE."""
    keys = sorted(bodies)
    holders: dict[str, list[K]] = defaultdict(list)
    for k in keys:
        for line in bodies[k]:
            holders[line].append(k)
    weight = {line: len(line) / len(owners) for line, owners in holders.items()}
    size = {k: sum(weight[n] for n in bodies[k]) for k in keys}
    parent = {k: k for k in keys}

    def root(k: K) -> K:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    pairs = {pair for owners in holders.values() if 2 <= len(owners) <= PAIR_LINE_MAX
             for pair in combinations(owners, 2)}
    for a, b in sorted(pairs):
        lighter = min(size[a], size[b])
        shared = sum(weight[n] for n in bodies[a] & bodies[b])
        if lighter and shared >= COPY_SHARE * lighter:
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    return {k: root(k) for k in keys}


def shared_lines(bodies: Mapping[K, frozenset[str]]) -> dict[K, dict[str, int]]:
    """Each key → its lines that other bodies contain, with their support (the number of
    different bodies holding the line, copies counted once, capped at MANY_BODIES)."""
    group = copy_groups(bodies)
    lines_of: dict[K, set[str]] = defaultdict(set)
    for k, g in group.items():
        lines_of[g] |= bodies[k]
    support: dict[str, int] = defaultdict(int)
    for lines in lines_of.values():
        for line in lines:
            support[line] += 1
    return {k: {n: min(support[n], MANY_BODIES) for n in sorted(bodies[k]) if support[n] >= 2}
            for k in sorted(bodies)}


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
    out.update(i for i in range(len(lines)) if is_shared(i) and is_short_unpunctuated(lines[i])
               and shared[norm_line(lines[i])] >= MANY_BODIES)
    if sum(width(lines[i]) for i in out) > MAX_SHARE * sum(map(width, lines)):
        return set()
    return out


def _run(indices: range, keep) -> list[int]:
    """The indices from the start of ``indices`` while ``keep`` holds."""
    out = []
    for i in indices:
        if not keep(i):
            break
        out.append(i)
    return out
