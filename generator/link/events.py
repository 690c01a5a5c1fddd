"""Events from scored pairs, without chaining.

Pairs are taken strongest first; two groups merge only if the *average* score over all
pairs between them (missing pairs are scored on demand) reaches the threshold and at least
half of those pairs are strong links on their own, so A~B and B~C with A≁C do not pull A
and C into one event.
"""
from __future__ import annotations

import hashlib
from typing import Callable


def group(n: int, edges: list[tuple[float, int, int]], score: Callable[[int, int], float],
          threshold: float) -> list[list[int]]:
    """Groups of 0..n-1; ``edges`` (score, i, j) above the threshold, any order."""
    cl = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for s, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ci, cj = cl[i], cl[j]
        if ci == cj or s < threshold:
            continue
        a, b = members[ci], members[cj]
        total = 0.0
        strong = 0
        for x in a:
            for y in b:
                v = score(x, y)
                total += v
                strong += v >= threshold
        # average linkage, and strong links to a majority of the pairs: no chaining
        if total / (len(a) * len(b)) < threshold or 2 * strong < len(a) * len(b):
            continue
        keep, drop = (ci, cj) if ci < cj else (cj, ci)
        for x in members[drop]:
            cl[x] = keep
        members[keep] = sorted(members[keep] + members.pop(drop))
    return sorted(members.values())


def event_id(member_ids: list[str], published: dict) -> str:
    """Stable id: a short hash of the earliest member (by date, then id).

    A later article joining the event keeps its id (and its page address).
    """
    import datetime as _dt

    first = min(member_ids, key=lambda m: (published.get(m) or _dt.date.max, m))
    return "e-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:10]
