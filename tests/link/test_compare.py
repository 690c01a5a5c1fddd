from generator.link import link_corpus
from generator.link.compare import ContextVectors, comparisons, values_agree
from generator.model import Fact

from .conftest import doc, fact_at


def F(value, qualifier=None, t="percent"):
    return Fact(t, str(value), 0, 1, value, qualifier=qualifier)


def test_values_agree_with_tolerance():
    assert values_agree([F(60.0), F(60.0)])
    assert values_agree([F(44.0, t="money"), F(44.2, t="money")])  # rounding
    assert not values_agree([F(55.0), F(60.0)])
    assert values_agree([F(58.0, "approx"), F(60.0)])
    assert not values_agree([F(55.0), F(60.0, "approx")])


A = "Advertising revenue fell by 55 % this year, the company said. Staff grew 10 %."
B = "Advertising revenue fell by almost 60 % this year, the company said."
C = "Advertising revenue fell by 60 % this year, according to the company."


def _docs():
    return [
        doc("a", A, facts=[fact_at(A, "55 %", "percent", 55.0), fact_at(A, "10 %", "percent", 10.0)]),
        doc("b", B, facts=[fact_at(B, "60 %", "percent", 60.0, qualifier="approx")]),
        doc("c", C, facts=[fact_at(C, "60 %", "percent", 60.0)]),
    ]


def test_comparison_disagree_across_sources(fake_embedder):
    a, b, c = _docs()
    out = comparisons([a, b, c], ContextVectors(fake_embedder, min_sim=0.6))
    assert len(out) == 1
    comp = out[0]
    assert [x[0] for x in comp.items] == ["a", "b", "c"]
    assert [x[1].value for x in comp.items] == [55.0, 60.0, 60.0]
    assert comp.agree is False and comp.type == "percent"


def test_comparison_agree(fake_embedder):
    a, b, c = _docs()
    out = comparisons([b, c], ContextVectors(fake_embedder, min_sim=0.6))
    assert len(out) == 1 and out[0].agree is True


def test_only_members_take_part(fake_embedder):
    a, b, c = _docs()
    assert comparisons([], ContextVectors(fake_embedder, min_sim=0.6)) == []
    out = comparisons([a, b], ContextVectors(fake_embedder, min_sim=0.6))
    assert [[x[0] for x in comp.items] for comp in out] == [["a", "b"]]


def test_one_report_is_one_source(fake_embedder):
    """b and c are one report (say c translates b): they are one source, and only one of
    them is compared with a."""
    a, b, c = _docs()
    out = comparisons([a, b, c], ContextVectors(fake_embedder, min_sim=0.6), [["a"], ["b", "c"]])
    assert len(out) == 1 and len(out[0].items) == 2 and out[0].items[0][0] == "a"
    assert comparisons([b, c], ContextVectors(fake_embedder, min_sim=0.6), [["b", "c"]]) == []


def test_figures_of_another_event_never_drawn_in(fake_embedder):
    """The linker compares the figures of an event's own members only."""
    from generator.link import Linker

    lk = Linker(_docs(), fake_embedder)
    res = lk.result()
    for e in res.events:
        for comp in e.comparisons:
            assert {x[0] for x in comp.items} <= set(e.members)


def test_without_embeddings_only_identical_figures():
    a, b, c = _docs()
    out = comparisons([a, b, c], None)
    assert len(out) == 1 and [x[0] for x in out[0].items] == ["b", "c"]


def test_context_vectors_cached(fake_embedder):
    a = _docs()[0]
    cv = ContextVectors(fake_embedder)
    spans = [(0, 20)]
    cv.get(a, spans)
    n = fake_embedder.encoded_texts
    ContextVectors(fake_embedder).get(a, spans)  # from disk
    assert fake_embedder.encoded_texts == n


def test_event_comparisons_in_result(fake_embedder):
    res = link_corpus(_docs(), fake_embedder)
    comps = [c for e in res.events for c in e.comparisons]
    assert comps == sorted(comps, key=lambda c: (c.type, c.items[0][0], c.items[0][1].start, len(c.items)))


def test_percentage_points_are_not_compared_with_percentages():
    """2.4 percentage points and 2.4 % are different figures: not one fact, never compared."""
    from generator.link.compare import _compatible

    pct = Fact("percent", "2.4 %", 0, 5, 2.4)
    pts = Fact("percent", "2.4 points", 0, 10, 2.4, unit="points")
    assert pct.key != pts.key
    assert not _compatible(pct, pts)
    assert _compatible(pts, Fact("percent", "2,4 Prozentpunkte", 0, 17, 2.4, unit="points"))
