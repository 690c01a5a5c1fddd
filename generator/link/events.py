"""Events from scored pairs, without chaining.

Pairs are taken strongest first. A pair is a *strong link* when its score reaches the line
of its language pair (``threshold``: one number, or a function of the pair). Two groups
merge only if

1. at least half of the pairs between them are strong links, and every article of the
   smaller group (both, if equal) strongly links to a majority of the other's members
   (average linkage on strong links: A~B and B~C with A≁C do not pull A and C together);
2. no pair between them scores below ``floor`` (complete linkage on the weak side: every
   two members of an event share at least related-level evidence, so an event cannot
   grow by a chain of pairs that each look alike while its ends have nothing in common);
3. the merged group's publication dates span at most ``span_days`` (coverage of one event
   appears within weeks; a story running for months is a series of events).

The linker lists as same-event only the members an article strongly links to.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Callable

# Longest time an event's dated members may span. Coverage of one event comes within days
# (score.GAP_DAYS: no date penalty within a week); four such weeks still leave room for
# follow-ups, and stop a running story (a pandemic, a war) from becoming one event.
SPAN_DAYS = 28

Line = Callable[[int, int], float]


def group(
    n: int,
    edges: list[tuple[float, int, int]],
    score: Callable[[int, int], float],
    threshold: float | Line,
    floor: float = 0.0,
    dates: list[_dt.date | None] | None = None,
    span_days: int | None = None,
) -> list[list[int]]:
    """Groups of 0..n-1 (sorted lists) from ``edges`` (score, i, j) in any order.

    ``threshold`` is a float or ``threshold(i, j)`` → the line of that pair; ``floor`` the
    score every pair of one group reaches; ``dates[i]`` the publication date of i, if known;
    ``span_days`` the longest span of an event's dates (default SPAN_DAYS).
    """
    span_days = SPAN_DAYS if span_days is None else span_days
    if callable(threshold):
        line: Line = threshold
    else:
        const = float(threshold)
        line = lambda i, j: const  # noqa: E731
    cl = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    span: dict[int, tuple[_dt.date, _dt.date] | None] = {i: None for i in range(n)}
    for i in range(n):
        d = dates[i] if dates is not None else None
        if d is not None:
            span[i] = (d, d)
    for s, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ci, cj = cl[i], cl[j]
        if ci == cj or s < line(i, j):
            continue
        merged_span = _merge_span(span[ci], span[cj])
        if merged_span is not None and (merged_span[1] - merged_span[0]).days > span_days:
            continue
        if not _may_merge(members[ci], members[cj], score, line, floor):
            continue
        keep, drop = (ci, cj) if ci < cj else (cj, ci)
        for x in members[drop]:
            cl[x] = keep
        members[keep] = sorted(members[keep] + members.pop(drop))
        span[keep] = merged_span
        del span[drop]
    return sorted(members.values())


def _merge_span(
    a: tuple[_dt.date, _dt.date] | None, b: tuple[_dt.date, _dt.date] | None
) -> tuple[_dt.date, _dt.date] | None:
    """The first and last date of two groups together (None: no member is dated)."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _may_merge(
    a: list[int], b: list[int], score: Callable[[int, int], float], line: Line, floor: float
) -> bool:
    """Whether groups a and b may merge: conditions 1 and 2 of the module doc."""
    strong = {x: 0 for x in a + b}
    total = 0
    for x in a:
        for y in b:
            s = score(x, y)
            if s < floor:
                return False  # two members without even related-level evidence
            if s >= line(x, y):
                strong[x] += 1
                strong[y] += 1
                total += 1
    if 2 * total < len(a) * len(b):
        return False
    for side, other in ((a, b), (b, a)):
        if len(side) <= len(other) and any(2 * strong[x] <= len(other) for x in side):
            return False  # an article without strong links to a majority of the others
    return True


def event_id(member_ids: list[str], published: dict) -> str:
    """Stable id: a short hash of the earliest member (by date, then id).

    A later article joining the event keeps its id (and its page address).
    """
    first = min(member_ids, key=lambda m: (published.get(m) or _dt.date.max, m))
    return "e-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:10]
