"""Helpers for the linker tests: a cheap deterministic stand-in for the model."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest

from generator.link import Embedder, LinkDoc
from generator.model import Fact

DIM = 64


def bow_encode(texts):
    """Bag of words → hashed random directions, normalised (similar texts → similar vectors)."""
    out = np.zeros((len(texts), DIM), np.float32)
    for k, t in enumerate(texts):
        for w in re.findall(r"\w+", t.lower()):
            seed = int(hashlib.md5(w.encode()).hexdigest()[:8], 16)
            out[k] += np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
        out[k] += 0.5  # a common component, like real embeddings
    return out


@pytest.fixture
def fake_embedder(tmp_path):
    return Embedder(tmp_path / "cache", encode=bow_encode, model_id="bow-test")


def doc(id, text, lang="en", facts=(), title=None, paragraphs=None):
    paras = paragraphs or [p for p in text.split("\n\n")]
    return LinkDoc(
        id,
        lang,
        title if title is not None else id,
        paras,
        None,
        list(facts),
        hashlib.sha1(("\n\n".join(paras) + id).encode()).hexdigest()[:16],
    )


def fact_at(body: str, text: str, type: str, value=None, **kw) -> Fact:
    start = body.index(text)
    return Fact(type, text, start, start + len(text), value, **kw)
