"""Figures several sources give for one measure, side by side (Event.comparisons).

"Same measure" is found without language-specific rules: same fact type (and currency for
money, unit for quantities when both carry one), values of the same order, and a similar
sentence around the figure (cosine of the sentences' embeddings, same model, cached per
article). Only the event's own members take part, and of a report that several members
carry (a translation, a syndicated copy: ``Event.reports``) only one: each comparison
holds at most one figure per independent report and is kept when it spans two or more.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import numpy as np

from generator.model import Comparison

COMPARED = ("money", "percent", "quantity")
CONTEXT_MIN = 0.86  # cosine of the two sentences around the figures
CONTEXT_CHARS = 160  # the clause around a figure: at most this many characters
VALUE_RATIO = 2.0  # figures further apart than this are not one measure
TOL = 0.01  # relative difference still "equal" (rounding)
TOL_QUALIFIED = 0.05  # … when a source says "about", "more than" …

_SENT_BREAK = re.compile(r"[.!?。！？؟\n]")


def values_agree(facts) -> bool:
    """Whether the figures are equal within rounding (wider when a source qualifies its figure)."""
    vals = [float(f.value) for f in facts]
    tol = TOL_QUALIFIED if any(f.qualifier for f in facts) else TOL
    lo, hi = min(vals), max(vals)
    if hi == lo:
        return True
    return (hi - lo) / max(abs(hi), abs(lo)) <= tol + 1e-9


def context_span(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding body[start:end], at most CONTEXT_CHARS around the figure."""
    a = start
    lo = max(0, start - CONTEXT_CHARS // 2)
    while a > lo and not _SENT_BREAK.match(body[a - 1]):
        a -= 1
    b = end
    hi = min(len(body), end + CONTEXT_CHARS // 2)
    while b < hi and not _SENT_BREAK.match(body[b]):
        b += 1
    return a, min(len(body), b + 1)


def _numeric(f) -> bool:
    if f.type not in COMPARED:
        return False
    try:
        float(f.value)
        return True
    except (TypeError, ValueError):
        return False


def _compatible(f, g) -> bool:
    if f.type != g.type:
        return False
    if f.type == "money" and f.currency and g.currency and f.currency != g.currency:
        return False
    if f.type == "quantity" and f.unit and g.unit and f.unit != g.unit:
        return False
    if f.type == "percent" and (f.unit or None) != (g.unit or None):
        return False  # 2.4 percentage points and 2.4 % are different figures
    a, b = abs(float(f.value)), abs(float(g.value))
    if a == 0 or b == 0:
        return a == b
    return max(a, b) / min(a, b) <= VALUE_RATIO


class ContextVectors:
    """Sentence vectors around an article's figures, cached next to the article vectors."""

    def __init__(self, embedder, min_sim: float = CONTEXT_MIN):
        self.embedder = embedder
        self.min_sim = min_sim
        self._mem: dict[tuple, np.ndarray] = {}

    def get(self, doc, spans: list[tuple[int, int]]) -> np.ndarray | None:
        """Sentence vectors for ``spans`` of ``doc`` (None without a model), cached on disk."""
        e = self.embedder
        if e is None or getattr(e, "disabled", True) or not spans:
            return None
        body = doc.body
        texts = [body[a:b].strip() for a, b in spans]
        sig = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:12]
        mk = (e._hash(doc), sig)
        if mk in self._mem:
            return self._mem[mk]
        path = None
        if e.cache_dir is not None:
            path = Path(e.cache_dir) / f"{e._hash(doc)}-{e.key}-ctx-{sig}.npy"
            try:
                v = np.load(path, allow_pickle=False)
                if v.shape[0] == len(texts) and np.all(np.isfinite(v)):
                    self._mem[mk] = v
                    return v
            except Exception:
                pass
        v = e.encode_texts(texts)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".npy")
            with os.fdopen(fd, "wb") as fh:
                np.save(fh, v)
            os.replace(tmp, path)
        self._mem[mk] = v
        return v


def comparisons(
    members: list, ctx: ContextVectors | None, reports: list[list[str]] | None = None
) -> list[Comparison]:
    """Comparisons of one event's figures across its independent reports.

    ``members`` are the event's LinkDocs; ``reports`` groups their ids into reports (a
    translation and its original are one source: only one article of each report speaks,
    see :func:`representatives`); no article outside the event is ever drawn in. Steps:
    the articles' comparable figures (:func:`figure_pool`), the figures some other source
    could match (:func:`wanted_figures`), their contexts (:func:`figure_items`), candidate
    matches (:func:`match_edges`), groups of one figure per source (:func:`merge_matches`).
    """
    pool = figure_pool(representatives(members, reports))
    items = figure_items(pool, wanted_figures(pool), ctx)
    if len({i[0] for i in items}) < 2:
        return []
    groups = merge_matches(items, match_edges(items, ctx))
    out = []
    for ks in groups:
        pairs = sorted(((items[k][0], items[k][1]) for k in ks), key=lambda p: (p[0], p[1].start, p[1].end))
        facts = [f for _, f in pairs]
        out.append(Comparison(facts[0].type, tuple(pairs), values_agree(facts)))
    out.sort(key=lambda c: (c.type, c.items[0][0], c.items[0][1].start, len(c.items)))
    return out


def representatives(members: list, reports: list[list[str]] | None) -> list:
    """One article per report, sorted by id: the one with the most comparable figures (then
    the first id), so that copies of one report never count as sources that agree."""
    by_id = {d.id: d for d in members}
    groups = reports or [[d.id] for d in members]
    out = []
    for g in groups:
        docs = [by_id[m] for m in g if m in by_id]
        if docs:
            out.append(min(docs, key=lambda d: (-sum(map(_numeric, d.facts)), d.id)))
    return sorted(out, key=lambda d: d.id)


def figure_pool(docs: list) -> list[tuple]:
    """(doc, its comparable figures in text order) for each article that has some."""
    pool = []
    for d in docs:
        facts = sorted((f for f in d.facts if _numeric(f)), key=lambda f: (f.start, f.end, f.type))
        if facts:
            pool.append((d, facts))
    return pool


def wanted_figures(pool: list[tuple]) -> dict[str, set[int]]:
    """Article id → indices of its figures that a figure of another article could match
    (only these are embedded)."""
    wanted: dict[str, set[int]] = {}
    for x in range(len(pool)):
        for y in range(x + 1, len(pool)):
            (da, fa), (db, fb) = pool[x], pool[y]
            for ka, f in enumerate(fa):
                for kb, g in enumerate(fb):
                    if _compatible(f, g):
                        wanted.setdefault(da.id, set()).add(ka)
                        wanted.setdefault(db.id, set()).add(kb)
    return wanted


def figure_items(pool: list[tuple], wanted: dict[str, set[int]], ctx: ContextVectors | None) -> list[tuple]:
    """(doc id, fact, vector of its sentence or None) of every wanted figure."""
    items = []
    for d, facts in pool:
        keep = sorted(wanted.get(d.id, ()))
        if not keep:
            continue
        facts = [facts[k] for k in keep]
        body = d.body
        spans = [context_span(body, f.start, f.end) for f in facts]
        vecs = ctx.get(d, spans) if ctx is not None else None
        for k, f in enumerate(facts):
            items.append((d.id, f, None if vecs is None else vecs[k]))
    return items


def match_edges(items: list[tuple], ctx: ContextVectors | None) -> list[tuple]:
    """Candidate matches (−similarity, relative difference, x, y), best first: compatible
    figures of two articles in similar sentences (without vectors: the very same figure)."""
    edges = []
    for x in range(len(items)):
        for y in range(x + 1, len(items)):
            (da, fa, va), (db, fb, vb) = items[x], items[y]
            if da == db or not _compatible(fa, fb):
                continue
            if ctx is not None and va is not None and vb is not None:
                sim = float(va @ vb)
                if sim < ctx.min_sim:
                    continue
            else:
                if fa.key != fb.key:
                    continue
                sim = 1.0
            a, b = abs(float(fa.value)), abs(float(fb.value))
            rel = abs(a - b) / max(a, b) if max(a, b) else 0.0
            # near-equal contexts (two figures in one sentence): the closer value wins
            edges.append((-round(sim, 2), round(rel, 6), x, y))
    edges.sort()
    return edges


def merge_matches(items: list[tuple], edges: list[tuple]) -> list[list[int]]:
    """Groups of item indices (two or more, one figure per article), best matches first."""
    group = list(range(len(items)))
    docs_of = {k: {items[k][0]} for k in range(len(items))}
    members_of = {k: [k] for k in range(len(items))}
    for _, _, x, y in edges:
        gx, gy = group[x], group[y]
        if gx == gy or docs_of[gx] & docs_of[gy]:
            continue  # one figure per article in a comparison
        keep, drop = min(gx, gy), max(gx, gy)
        for k in members_of[drop]:
            group[k] = keep
        members_of[keep] += members_of.pop(drop)
        docs_of[keep] |= docs_of.pop(drop)
    return [members_of[g] for g in sorted(members_of) if len(members_of[g]) >= 2]
