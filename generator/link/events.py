"""Events from scored pairs, without chaining.

Pairs are taken strongest first. A pair is a *strong link* when its score reaches the line
of its language pair (``threshold``: one number, or a function of the pair). Two groups
merge only if at least half of the pairs between them are strong links and every article
of the smaller group (both, if equal) strongly links to a majority of the other's members:
A~B and B~C with A≁C do not pull A and C into one event, and no article joins an event
through others. The linker lists as same-event only the members an article strongly links to.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable


def group(n: int, edges: list[tuple[float, int, int]], score: Callable[[int, int], float],
          threshold) -> list[list[int]]:
    """Groups of 0..n-1; ``edges`` (score, i, j), any order; ``threshold`` a float or
    ``threshold(i, j)`` → the line of that pair."""
    line = threshold if callable(threshold) else (lambda i, j: threshold)
    cl = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for s, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ci, cj = cl[i], cl[j]
        if ci == cj or s < line(i, j):
            continue
        a, b = members[ci], members[cj]
        strong = {x: 0 for x in a + b}
        total = 0
        for x in a:
            for y in b:
                if score(x, y) >= line(x, y):
                    strong[x] += 1
                    strong[y] += 1
                    total += 1
        if 2 * total < len(a) * len(b):
            continue
        ok = True
        for side, other in ((a, b), (b, a)):
            if len(side) > len(other):
                continue
            if any(2 * strong[x] <= len(other) for x in side):
                ok = False  # an article without strong links to a majority of the others
                break
        if not ok:
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
