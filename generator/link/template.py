"""Two pages cut from one template: most of their text word for word, the rest unrelated.

A page that is mostly site furniture (a cookie or consent banner, a paywall's "take a free
trial" form, a "you are a robot" wall) keeps its own headline and a few words of its own; two
such pages of one site share the furniture verbatim, so their article vectors are close and
they look like two reports of one event. A copy of one report shares its text verbatim too,
but what the copy adds or changes (a headline, a byline) still speaks of the same story. So
two articles are *one template* when most of each one's text (``COVER``) lies in passages of
``K`` words that the other has word for word, and the words outside those passages have
almost nothing in common (``REST``). Text is compared as the article vector reads it
(title and the start of the body: ``embed.doc_text``), where the furniture made the cosine.
Tokens are words, or single characters in scripts written without spaces.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

from generator.link.embed import doc_text

K = 8  # words a shared passage must run for: beyond chance phrases and set expressions
# Share of each text inside shared passages. On the SemEval-2022 task 8 dev pairs the three
# banner pairs cover 0.90–0.95 of both texts; reports of one event 0.75 at most, and those
# share a third of the rest.
COVER = 0.8
REST = 0.1  # Jaccard of the two texts' remaining words at most this
MIN_REST = 3  # each side must keep this many words of its own (else it is a plain copy)

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\W_]+")


@dataclass(frozen=True)
class Shingled:
    """One text's word hashes and the hash of each K-word passage starting at each word."""

    words: np.ndarray  # (n,) int32
    passages: np.ndarray  # (max(0, n - K + 1),) int32


def tokens(text: str) -> list[str]:
    """The text's words, case-folded (one token per character in CJK scripts)."""
    return [m.group(0).casefold() for m in _TOKEN.finditer(text)]


def shingle(title: str, body: str) -> Shingled:
    """The Shingled form of what the article vector reads (embed.doc_text)."""
    words = np.fromiter(
        (zlib.crc32(w.encode("utf-8")) & 0x7FFFFFFF for w in tokens(doc_text(title, body))), np.int64
    )
    n = len(words) - K + 1
    if n <= 0:
        return Shingled(words.astype(np.int32), np.zeros(0, np.int32))
    # a passage's hash: the words' hashes mixed by position (a collision costs a rare miss)
    mix = np.zeros(n, np.int64)
    for k in range(K):
        mix = (mix * 1_000_003 + words[k : k + n]) & 0x7FFFFFFF
    return Shingled(words.astype(np.int32), mix.astype(np.int32))


def _covered(s: Shingled, shared: np.ndarray) -> np.ndarray:
    """Which of s's words lie inside a passage the other text also has."""
    hit = np.isin(s.passages, shared)
    mask = np.zeros(len(s.words), bool)
    for k in range(K):
        mask[k : k + len(hit)] |= hit
    return mask


def one_template(a: Shingled, b: Shingled) -> bool:
    """Whether a and b are one template: each mostly inside shared passages (COVER), and the
    words each keeps of its own ≥ MIN_REST and nearly disjoint (Jaccard ≤ REST)."""
    if not len(a.passages) or not len(b.passages):
        return False
    shared = np.intersect1d(a.passages, b.passages)
    if not len(shared):
        return False
    ca, cb = _covered(a, shared), _covered(b, shared)
    if ca.mean() < COVER or cb.mean() < COVER:
        return False
    ra, rb = set(a.words[~ca].tolist()), set(b.words[~cb].tolist())
    if len(ra) < MIN_REST or len(rb) < MIN_REST:
        return False
    return len(ra & rb) <= REST * len(ra | rb)
