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


def test_windowed_rows_carry_their_neighbours():
    x = np.arange(6, dtype=np.float32).reshape(3, 2)
    w = V.windowed(x, 1)
    assert w.shape == (3, 6)
    assert w[0].tolist() == [0, 0, 0, 1, 2, 3]  # nothing before the first word
    assert w[2].tolist() == [2, 3, 4, 5, 0, 0]
    assert V.windowed(x, 0) is x


def test_windowed_head_round_trips_and_reads_context(tmp_path):
    """A head with a window stores it, and its probabilities depend on the neighbours."""
    x, y = _data()
    mean, proj = V.fit_pca(x, 2)
    xw = V.windowed(x - mean, 1)
    w, b = V.fit_head(xw, y, 3)
    head = V.VecHead((0,), mean, proj, w, b, ("B-person", "I-person", "O"), 0.25, 1)
    path = str(tmp_path / "h.npz")
    V.save(path, head)
    back = V.load(path)
    assert back.window == 1
    p1 = V.probs(x[:3], back)[1]
    p2 = V.probs(np.stack([x[5], x[1], x[7]]), back)[1]
    assert not np.allclose(p1, p2)


def test_clusters_group_alike_vectors_and_name_neighbours(tmp_path):
    """k-means centroids separate the three groups; a word's features name its own
    centroid and its neighbours'; a static head's per-word part is cached."""
    x, y = _data()
    mean, proj = V.fit_pca(x, 0)
    (cent,) = V.fit_clusters(x - mean, (3,))
    w, b = V.fit_head(x - mean, y, 3)
    head = V.VecHead((0,), mean, proj, w, b, ("B-person", "I-person", "O"), clusters=(cent,))
    ids = V.cluster_ids(x, head)[:, 0]
    # each group goes (almost all) to a centroid of its own
    major = [np.bincount(ids[y == k], minlength=3).argmax() for k in range(3)]
    assert len(set(major)) == 3
    assert np.mean([ids[i] == major[y[i]] for i in range(len(y))]) > 0.95
    path = str(tmp_path / "h.npz")
    V.save(path, head)
    back = V.load(path)
    assert len(back.clusters) == 1 and (V.cluster_ids(x, back)[:, 0] == ids).all()
    cache: dict = {}
    feats = V.vector_features(x[:3], back, words=["a", "b", "c"], cache=cache)
    assert f"c0={ids[0]}" in feats[0] and f"c0+1={ids[1]}" in feats[0]
    assert f"c0-1={ids[0]}" in feats[1] and not any(k.startswith("v") for k in feats[1])
    assert set(cache) == {"a", "b", "c"}
    assert V.vector_features(x[:3], back, words=["a", "b", "c"], cache=cache) == feats
