from generator.link.events import event_id, group


def test_no_chaining_through_a_bridge():
    # A~B and B~C strong, A~C weak: average linkage keeps C out of {A, B}
    s = {(0, 1): 0.95, (1, 2): 0.9, (0, 2): 0.05}
    score = lambda i, j: s.get((min(i, j), max(i, j)), 0.0)
    groups = group(3, [(0.95, 0, 1), (0.9, 1, 2)], score, 0.5)
    assert groups == [[0, 1], [2]]


def test_cohesive_group_merges():
    score = lambda i, j: 0.9
    groups = group(4, [(0.9, 0, 1), (0.9, 2, 3), (0.9, 1, 2)], score, 0.5)
    assert groups == [[0, 1, 2, 3]]


def test_order_of_edges_does_not_matter():
    s = {(0, 1): 0.8, (1, 2): 0.8, (0, 2): 0.1, (2, 3): 0.7}
    score = lambda i, j: s.get((min(i, j), max(i, j)), 0.0)
    edges = [(v, i, j) for (i, j), v in s.items() if v >= 0.5]
    assert group(4, edges, score, 0.5) == group(4, list(reversed(edges)), score, 0.5)


def test_event_id_stable_when_later_article_joins():
    from datetime import date

    pub = {"a": date(2023, 6, 1), "b": date(2023, 6, 2), "c": date(2023, 6, 3)}
    assert event_id(["a", "b"], pub) == event_id(["a", "b", "c"], pub)
    assert event_id(["b", "a"], pub).startswith("e-")


def test_joining_needs_strong_links_to_a_majority():
    # {0,1,2} cohesive; 3 strongly links to 0 only (1 of 3 members): stays out
    s = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (0, 3): 0.85, (1, 3): 0.3, (2, 3): 0.3}
    score = lambda i, j: s.get((min(i, j), max(i, j)), 0.0)
    edges = [(v, i, j) for (i, j), v in s.items() if v >= 0.5]
    groups = group(4, edges, score, 0.5)
    assert groups == [[0, 1, 2], [3]]


def test_per_pair_line():
    # a pair above 0.5 but below its own line is not a link
    score = lambda i, j: 0.7
    line = lambda i, j: 0.8 if {i, j} == {0, 1} else 0.5
    assert group(3, [(0.7, 0, 1), (0.7, 1, 2)], score, line) == [[0], [1, 2]]


def test_members_without_related_evidence_never_share_an_event():
    """Complete linkage on the weak side: 0~1~2~3 each strong, but 0 and 3 share nothing.
    Whatever the order, no event holds both ends of the chain."""
    s = {(0, 1): 0.9, (1, 2): 0.9, (2, 3): 0.9, (0, 2): 0.6, (1, 3): 0.6, (0, 3): 0.01}
    score = lambda i, j: s.get((min(i, j), max(i, j)), 0.0)
    edges = [(v, i, j) for (i, j), v in s.items() if v >= 0.5]
    groups = group(4, edges, score, 0.5, floor=0.15)
    assert not any({0, 3} <= set(g) for g in groups)
    assert group(4, edges, score, 0.5, floor=0.0) == [[0, 1, 2, 3]]  # average linkage alone


def test_an_event_spans_at_most_span_days():
    from datetime import date, timedelta

    from generator.link.events import SPAN_DAYS

    d0 = date(2023, 6, 1)
    dates = [d0, d0 + timedelta(days=3), d0 + timedelta(days=SPAN_DAYS + 1), None]
    score = lambda i, j: 0.9
    edges = [(0.9, i, j) for i in range(4) for j in range(i + 1, 4)]
    groups = group(4, edges, score, 0.5, dates=dates)
    assert groups == [[0, 1, 3], [2]]  # an undated article may join either
    assert group(4, edges, score, 0.5) == [[0, 1, 2, 3]]  # no dates: no cap
