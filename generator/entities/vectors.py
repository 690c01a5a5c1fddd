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


def probs(vecs: np.ndarray, head: VecHead) -> np.ndarray:
    """The head's label probabilities (n, C) for word vectors (n, D)."""
    return softmax((vecs - head.mean) @ head.w + head.b)


def vector_features(vecs: np.ndarray, head: VecHead, p: np.ndarray | None = None) -> list[dict[str, float]]:
    """Real-valued CRF features of each word: head probabilities (``h=<label>``, the
    likelier ones only) and principal components (``v<k>``). ``p`` overrides the head's
    probabilities (training passes cross-fitted ones)."""
    if p is None:
        p = probs(vecs, head)
    comp = (vecs - head.mean) @ head.proj
    # clipped and scaled for all words at once (per value, numpy's clip cost 60 µs a word);
    # float64 times scale and Python's round, as the per-value code did: the same numbers
    scaled = (np.clip(comp, -4.0, 4.0).astype(np.float64) * head.scale).tolist()
    names = [f"v{k}" for k in range(comp.shape[1])]
    best = p.argmax(axis=1).tolist()
    likely = p >= 0.02
    out = []
    for i in range(len(vecs)):
        f = {"h=" + head.labels[c]: round(float(p[i, c]), 3) for c in np.flatnonzero(likely[i])}
        f["hb=" + head.labels[best[i]]] = 1.0
        f.update(zip(names, [round(v, 3) for v in scaled[i]], strict=True))
        out.append(f)
    return out
