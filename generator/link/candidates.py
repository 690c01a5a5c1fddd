"""Candidate pairs without comparing all pairs: an inverted index and random-hyperplane LSH.

Both structures grow by :meth:`CandidateIndex.add`, so one new article is indexed and
matched against the corpus without rebuilding anything.

* Inverted index on features (fact keys, entity ids, Latin names, numbers). A feature held
  by more than ``max_postings`` articles is too common to say anything and is not used to
  propose candidates (it still counts in the score). Feature weight is
  ``KIND_WEIGHT[kind] * log(1 + IDF_SCALE / df)``: it does not depend on the corpus size,
  so adding an article changes the weights of its own features only.
* LSH on article vectors centred on a fixed mean (e5 vectors share a large common
  component): ``tables`` tables of ``bits`` sign bits; articles in the same bucket of
  any table are candidates, plus one probe with the least certain bit flipped.

Per article at most ``per_doc`` candidates of each source are kept (the strongest), so the
work is ~ N · (tables · bucket size + postings) and grows linearly with N.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

import numpy as np

from generator.link.signature import KIND_WEIGHT, kind_of

IDF_SCALE = 1000.0
MAX_POSTINGS = 200
PER_DOC = 30
LSH_SEED = 20230611


QUERY_FEATURES = 16  # rarest features of an article used to look up candidates
# Per-article cap on the postings a lookup walks (rarest features first; a feature whose
# postings would overflow it is skipped): a common feature's postings grow with the corpus,
# so without the cap the work per article grows with N; rare features still get through.
SCAN_BUDGET = 150


def df_bucket(df: int) -> int:
    """df rounded up to a power of two: weights move only when df doubles, so adding an
    article rarely changes the weights (and scores) of articles it does not touch."""
    return 1 << max(0, int(df) - 1).bit_length()


def feature_weight(feature: str, df: int) -> float:
    """IDF weight of a feature of this document frequency (kind weight × log(1 + IDF_SCALE/df))."""
    return KIND_WEIGHT.get(kind_of(feature), 0.5) * math.log(1.0 + IDF_SCALE / df_bucket(max(df, 1)))


def lsh_bits(n: int) -> int:
    """Sign bits per table: buckets of ~8 articles on average."""
    return int(min(16, max(4, round(math.log2(max(n, 1) / 8.0)))))


class CandidateIndex:
    """Candidate pairs without all pairs: an inverted index over features and LSH over vectors."""

    def __init__(
        self,
        dim: int | None = None,
        *,
        n_hint: int = 0,
        tables: int = 12,
        mean: np.ndarray | None = None,
        max_postings: int = MAX_POSTINGS,
        per_doc: int = PER_DOC,
    ):
        self.max_postings = max_postings
        self.per_doc = per_doc
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.features: list[tuple[str, ...]] = []
        self._w: dict[str, float] = {}
        self._complete = False  # _w holds every indexed feature (see weight_table)
        self.dim = dim
        self.mean = mean
        self.tables = tables
        self.bits = lsh_bits(n_hint)
        self.buckets: list[dict[int, list[int]]] = [defaultdict(list) for _ in range(tables)]
        self.codes: list[np.ndarray | None] = []
        self.flip: list[np.ndarray | None] = []
        self.planes: np.ndarray | None = None
        if dim:
            rng = np.random.default_rng(LSH_SEED)
            self.planes = rng.standard_normal((tables, self.bits, dim)).astype(np.float32)
            self._pow = 1 << np.arange(self.bits, dtype=np.int64)

    def df(self, feature: str) -> int:
        """How many indexed articles hold ``feature``."""
        return len(self.postings.get(feature, ()))

    def weight(self, feature: str) -> float:
        """The feature's current weight (memoised until its df changes)."""
        w = self._w.get(feature)
        if w is None:
            w = feature_weight(feature, self.df(feature))
            self._w[feature] = w
        return w

    def weight_table(self) -> dict[str, float]:
        """Every indexed feature's weight, for lookups in bulk (add() drops the entries of
        the features it changes, and the next call fills them in again)."""
        if not self._complete:
            for f, post in self.postings.items():
                if f not in self._w:
                    self._w[f] = feature_weight(f, len(post))
            self._complete = True
        return self._w

    # -- building ---------------------------------------------------------------
    def add(self, features: tuple[str, ...], vec: np.ndarray | None = None) -> int:
        """Index one article's features (and vector); returns its position."""
        i = len(self.features)
        self.features.append(tuple(features))
        for f in features:
            self.postings[f].append(i)
            self._w.pop(f, None)
        self._complete = False
        code = flip = None
        if vec is not None and self.planes is not None:
            code, flip = self._hash(vec[None, :])
            code, flip = code[0], flip[0]
            for t in range(self.tables):
                self.buckets[t][int(code[t])].append(i)
        self.codes.append(code)
        self.flip.append(flip)
        return i

    def add_many(
        self, feats: list[tuple[str, ...]], vecs: np.ndarray | None, present: np.ndarray | None = None
    ) -> None:
        """Add articles in one go (``present[k]`` False: article k has no vector)."""
        start = len(self.features)
        for k, fs in enumerate(feats):
            self.features.append(tuple(fs))
            for f in fs:
                self.postings[f].append(start + k)
        self._w.clear()
        self._complete = False
        if vecs is not None and self.planes is not None:
            codes, flips = self._hash(vecs)
            for k in range(len(feats)):
                if present is not None and not present[k]:
                    self.codes.append(None)
                    self.flip.append(None)
                    continue
                for t in range(self.tables):
                    self.buckets[t][int(codes[k, t])].append(start + k)
                self.codes.append(codes[k])
                self.flip.append(flips[k])
        else:
            self.codes.extend([None] * len(feats))
            self.flip.extend([None] * len(feats))

    def _hash(self, vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(LSH code per table, the code with its least certain bit flipped) of each vector."""
        assert self.planes is not None, "no vectors: no LSH"
        x = vecs.astype(np.float32)
        if self.mean is not None:
            x = x - self.mean
        proj = np.einsum("tbd,nd->ntb", self.planes, x)  # (n, tables, bits)
        sign = proj > 0
        codes = (sign * self._pow).sum(axis=2)
        weakest = np.abs(proj).argmin(axis=2)  # the least certain bit of each table
        flips = codes ^ (1 << weakest)
        return codes, flips

    # -- querying ---------------------------------------------------------------
    def feature_candidates(self, i: int) -> dict[int, float]:
        """Articles sharing features with ``i`` → summed weight of what they share."""
        acc: dict[int, float] = defaultdict(float)
        usable = []
        for f in self.features[i]:
            n = len(self.postings.get(f, ()))
            if 1 < n <= self.max_postings:
                usable.append((-self.weight(f), n, f))
        usable.sort()
        budget = SCAN_BUDGET
        for negw, n, f in usable[:QUERY_FEATURES]:
            if n > budget:
                continue
            budget -= n
            for j in self.postings[f]:
                acc[j] -= negw
        acc.pop(i, None)
        return acc

    def lsh_candidates(self, i: int) -> set[int]:
        """Articles sharing an LSH bucket with ``i`` in any table (or its one-bit probe)."""
        code, flip = self.codes[i], self.flip[i]
        out: set[int] = set()
        if code is None or flip is None:
            return out
        for t in range(self.tables):
            out.update(self.buckets[t].get(int(code[t]), ()))
            out.update(self.buckets[t].get(int(flip[t]), ()))
        out.discard(i)
        return out

    def candidates(self, i: int, vecs: np.ndarray | None = None) -> list[int]:
        """Up to ``per_doc`` candidates from the features and ``per_doc`` from the vectors."""
        acc = self.feature_candidates(i)
        best = heapq.nsmallest(self.per_doc, acc.items(), key=lambda kv: (-kv[1], kv[0]))
        out = {j for j, _ in best}
        near = self.lsh_candidates(i)
        if near and vecs is not None:
            near_l = np.fromiter(sorted(near), dtype=np.int64)
            sims = vecs[near_l] @ vecs[i]
            order = np.lexsort((near_l, -sims))[: self.per_doc]
            out.update(int(near_l[k]) for k in order)
        return sorted(out)
