"""Contextual word vectors as CRF features: a linear head and a few principal components.

The CRF sees words one by one through lexical features; the encoder's states
(:mod:`generator.entities.e5states`) carry what the sentence says around a word. Two
views of a state go in as real-valued features: the probabilities of a linear softmax
head trained on the states (``h=B-person`` …), and its first principal components
(``v0`` …). Both are fitted by ``training/train_ner.py`` and shipped with the model as
``data/ner-<family>-e5.npz``; here they are applied (and fitted: pure numpy, testable).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class VecHead:
    """What turns a word's encoder state into CRF features (fitted by training, shipped as .npz)."""

    taps: tuple[int, ...]  # encoder layers whose states are concatenated
    mean: np.ndarray  # (D,)
    proj: np.ndarray  # (D, K): principal axes scaled to unit variance
    w: np.ndarray  # (D, C) softmax head on the centred state
    b: np.ndarray  # (C,)
    labels: tuple[str, ...]
    scale: float = 0.25  # principal components enter the CRF as clip(v, -4, 4) * scale
    # the head reads the centred vectors of the words within ``window`` of a word
    # (concatenated; zeros past the sentence's ends): context for static vectors
    window: int = 0
    # centroids (k, D) of spherical k-means over the centred training word vectors, one
    # array per granularity: a word's nearest centroid and its neighbours' are CRF features
    clusters: tuple[np.ndarray, ...] = ()


def save(path: str, head: VecHead) -> None:
    """Write ``head`` to an .npz file (float16 weights keep it small)."""
    np.savez_compressed(
        path,
        taps=np.array(head.taps, dtype=np.int32),
        mean=head.mean.astype(np.float16),
        proj=head.proj.astype(np.float16),
        w=head.w.astype(np.float16),
        b=head.b.astype(np.float32),
        labels=np.array(head.labels),
        scale=np.array(head.scale, dtype=np.float32),
        window=np.array(head.window, dtype=np.int32),
        **{f"cl{j}": c.astype(np.float16) for j, c in enumerate(head.clusters)},  # type: ignore[arg-type]
    )


def load(path: str) -> VecHead:
    """The head stored at ``path``."""
    z = np.load(path, allow_pickle=False)
    return VecHead(
        tuple(int(t) for t in z["taps"]),
        z["mean"].astype(np.float32),
        z["proj"].astype(np.float32),
        z["w"].astype(np.float32),
        z["b"].astype(np.float32),
        tuple(str(x) for x in z["labels"]),
        float(z["scale"]) if "scale" in z else 0.25,
        int(z["window"]) if "window" in z else 0,
        tuple(z[f"cl{j}"].astype(np.float32) for j in range(sum(k.startswith("cl") for k in z.files))),
    )


def fit_pca(x: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(mean, projection) of the first ``k`` principal axes, scaled so each output has unit variance."""
    mean = x.mean(axis=0)
    c = x - mean
    cov = (c.T @ c) / max(1, len(c) - 1)
    val, vec = np.linalg.eigh(cov.astype(np.float64))
    order = np.argsort(val)[::-1][:k]
    proj = vec[:, order] / np.sqrt(np.maximum(val[order], 1e-9))
    return mean.astype(np.float32), proj.astype(np.float32)


def fit_clusters(x: np.ndarray, ks: tuple[int, ...], iters: int = 15) -> tuple[np.ndarray, ...]:
    """Unit centroids of spherical k-means on the rows of ``x`` (centred vectors), one
    (k, D) array per k in ``ks``; deterministic (farthest-first start from a seeded row,
    fixed iterations)."""
    u = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    rng = np.random.default_rng(0)
    out = []
    for k in ks:
        c = _farthest_first(u, min(k, len(u)), int(rng.integers(len(u))))
        for _ in range(iters):
            a = (u @ c.T).argmax(axis=1)
            s = np.zeros_like(c)
            np.add.at(s, a, u)
            empty = np.linalg.norm(s, axis=1) < 1e-9
            s[empty] = c[empty]  # a centroid nothing chose stays where it was
            c = s / np.linalg.norm(s, axis=1, keepdims=True)
        out.append(c.astype(np.float32))
    return tuple(out)


def _farthest_first(u: np.ndarray, k: int, first: int) -> np.ndarray:
    """``k`` rows of ``u`` (unit rows), each the one least like those chosen before it."""
    chosen = [first]
    near = u @ u[first]
    for _ in range(k - 1):
        nxt = int(near.argmin())
        chosen.append(nxt)
        near = np.maximum(near, u @ u[nxt])
    return u[chosen].copy()


def cluster_ids(vecs: np.ndarray, head: VecHead) -> np.ndarray:
    """(n, len(head.clusters)) index of each word vector's nearest centroid (cosine) per granularity."""
    x = vecs - head.mean
    return np.stack([(x @ c.T).argmax(axis=1) for c in head.clusters], axis=1).reshape(len(vecs), -1)


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_head(
    x: np.ndarray, y: np.ndarray, n_cls: int, l2: float = 1e-3, iters: int = 300, lr: float = 0.5
) -> tuple[np.ndarray, np.ndarray]:
    """(w, b) of a multinomial logistic regression, full-batch gradient descent with
    momentum on centred, standardized inputs (deterministic)."""
    n, d = x.shape
    w = np.zeros((d, n_cls), dtype=np.float32)
    b = np.zeros(n_cls, dtype=np.float32)
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    onehot = np.eye(n_cls, dtype=np.float32)[y]
    for _ in range(iters):
        g = (softmax(x @ w + b) - onehot) / n
        gw = x.T @ g + l2 * w
        gb = g.sum(axis=0)
        vw = 0.9 * vw - lr * gw
        vb = 0.9 * vb - lr * gb
        w += vw
        b += vb
    return w, b


def windowed(x: np.ndarray, window: int) -> np.ndarray:
    """Rows of ``x`` (n, D) with their ``window`` neighbours on each side concatenated
    (n, D * (2 * window + 1)), zeros past the ends."""
    if not window:
        return x
    n, d = x.shape
    pad = np.zeros((n + 2 * window, d), dtype=x.dtype)
    pad[window : window + n] = x
    return np.concatenate([pad[k : k + n] for k in range(2 * window + 1)], axis=1)


def probs(vecs: np.ndarray, head: VecHead) -> np.ndarray:
    """The head's label probabilities (n, C) for the word vectors (n, D) of one sentence."""
    return softmax(windowed(vecs - head.mean, head.window) @ head.w + head.b)


# per word: its own features (components, centroids) and its centroid ids
WordPart = tuple[dict[str, float], tuple[int, ...]]


def vector_features(
    vecs: np.ndarray,
    head: VecHead,
    p: np.ndarray | None = None,
    words: list[str] | None = None,
    cache: dict[str, WordPart] | None = None,
) -> list[dict[str, float]]:
    """Real-valued CRF features of each word: head probabilities (``h=<label>``, the
    likelier ones only), principal components (``v<k>``) and nearest centroids of the
    word and its neighbours (``c<j>=``, ``c<j>-1=``, ``c<j>+1=``). ``p`` overrides the
    head's probabilities (training passes cross-fitted ones). With ``words`` and ``cache``,
    a static head's (layer 0: a word's vector never changes) per-word part is computed
    once per word and kept in ``cache``."""
    if p is None:
        p = probs(vecs, head)
    own = _word_part(vecs, head, words, cache if head.taps == (0,) else None)
    best = p.argmax(axis=1).tolist()
    names = ["h=" + lab for lab in head.labels]
    least = float(np.float32(0.02))  # the float32 threshold, as p >= 0.02 compares
    out = []
    n = len(vecs)
    for i, row in enumerate(p.tolist()):  # Python floats: the values float(p[i, c]) gives
        f = {names[c]: round(v, 3) for c, v in enumerate(row) if v >= least}
        f["hb=" + head.labels[best[i]]] = 1.0
        f.update(own[i][0])
        for d, tag in ((-1, "-1="), (1, "+1=")):
            if 0 <= i + d < n:
                for j, cid in enumerate(own[i + d][1]):
                    f[f"c{j}{tag}{cid}"] = 1.0
        out.append(f)
    return out


def _word_part(
    vecs: np.ndarray, head: VecHead, words: list[str] | None, cache: dict[str, WordPart] | None
) -> list[WordPart]:
    """Per word: its ``v<k>`` and ``c<j>=`` features and its centroid ids (from ``cache``
    where a word is in it; ``cache`` needs ``words``)."""
    if cache is None or words is None:
        return _compute_parts(vecs, head)
    idx = [i for i, w in enumerate(words) if w not in cache]
    new = dict(zip(idx, _compute_parts(vecs[idx], head), strict=True)) if idx else {}
    if len(cache) < 200000:
        cache.update((words[i], v) for i, v in new.items())
    return [new[i] if i in new else cache[w] for i, w in enumerate(words)]


def _compute_parts(vecs: np.ndarray, head: VecHead) -> list[WordPart]:
    """The ``v<k>`` and ``c<j>=`` features and centroid ids of each vector."""
    comp = (vecs - head.mean) @ head.proj
    # clipped and scaled for all words at once (per value, numpy's clip cost 60 µs a word);
    # float64 times scale and Python's round, as the per-value code did: the same numbers
    scaled = (np.clip(comp, -4.0, 4.0).astype(np.float64) * head.scale).tolist()
    ids = cluster_ids(vecs, head).tolist() if head.clusters else [[] for _ in range(len(vecs))]
    names = [f"v{k}" for k in range(comp.shape[1])]
    out = []
    for row, cid in zip(scaled, ids, strict=True):
        f = dict(zip(names, [round(v, 3) for v in row], strict=True))
        f.update((f"c{j}={c}", 1.0) for j, c in enumerate(cid))
        out.append((f, tuple(cid)))
    return out
