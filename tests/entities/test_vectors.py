import numpy as np

from generator.entities import vectors as V


def _data(n: int = 400, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    centres = np.array([[2.0, 0, 0, 0], [0, 2.0, 0, 0], [0, 0, 2.0, 0]])
    return (centres[y] + rng.normal(0, 0.5, (n, 4))).astype(np.float32), y


def test_pca_outputs_have_unit_variance_and_descending_axes():
    x, _ = _data()
    x[:, 3] *= 10  # the widest axis comes first
    mean, proj = V.fit_pca(x, 2)
    comp = (x - mean) @ proj
    assert np.allclose(comp.std(axis=0, ddof=1), 1.0, atol=1e-3)
    assert abs(proj[3, 0]) * 10 > np.abs(proj[:3, 0]).max()


def test_head_learns_separable_classes():
    x, y = _data()
    mean = x.mean(axis=0)
    w, b = V.fit_head(x - mean, y, 3)
    xt, yt = _data(200, seed=1)
    acc = (V.softmax((xt - mean) @ w + b).argmax(axis=1) == yt).mean()
    assert acc > 0.95


def test_vector_features_and_round_trip(tmp_path):
    x, y = _data()
    mean, proj = V.fit_pca(x, 2)
    w, b = V.fit_head(x - mean, y, 3)
    head = V.VecHead((12,), mean, proj, w, b, ("B-person", "I-person", "O"))
    path = str(tmp_path / "h.npz")
    V.save(path, head)
    back = V.load(path)
    assert back.taps == (12,) and back.labels == head.labels
    feats = V.vector_features(x[:3], back)
    assert all({"v0", "v1"} <= set(f) for f in feats)
    assert all(sum(k.startswith("hb=") for k in f) == 1 for f in feats)
    assert all(-1.0 <= f["v0"] <= 1.0 for f in feats)
    # the stored float16 head gives the same decisions as the float32 one
    assert (V.probs(x, back).argmax(1) == V.probs(x, head).argmax(1)).mean() > 0.99
