"""Union-find over comparable items: groups that grow by pairs (copies of one body, one report)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

K = TypeVar("K", str, int)  # article ids or positions: hashable and ordered


class DisjointSet(Generic[K]):
    """Disjoint groups of items; each group is named by its smallest item, so the result does
    not depend on the order pairs were joined in.

    >>> groups = DisjointSet("abcd")
    >>> groups.union("d", "b"); groups.union("b", "c")
    >>> [groups.find(k) for k in "abcd"]
    ['a', 'b', 'b', 'b']
    """

    def __init__(self, items: Iterable[K]):
        self.parent: dict[K, K] = {k: k for k in items}

    def find(self, k: K) -> K:
        """The smallest item of k's group (path halving on the way)."""
        parent = self.parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(self, a: K, b: K) -> None:
        """None; joins the groups of a and b."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo
