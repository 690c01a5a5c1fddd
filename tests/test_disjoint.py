"""generator/disjoint.py: groups are named by their smallest item, whatever the join order."""

import doctest
import itertools

import generator.disjoint
from generator.disjoint import DisjointSet


def test_doctests():
    assert doctest.testmod(generator.disjoint).failed == 0


def test_groups_do_not_depend_on_the_order_of_joins():
    pairs = [("c", "a"), ("d", "e"), ("e", "b")]
    results = set()
    for order in itertools.permutations(pairs):
        groups = DisjointSet("abcdef")
        for a, b in order:
            groups.union(b, a)
        results.add(tuple(groups.find(k) for k in "abcdef"))
    assert results == {("a", "b", "a", "b", "b", "f")}
