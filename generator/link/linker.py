"""The linker: index → candidates → pair scores → events, same-event and related links.

:class:`Linker` keeps the index, the vectors and the pair scores, so :meth:`Linker.add`
links one more article by scoring only its candidates (and re-scoring the pairs whose
feature weights it changed); :meth:`Linker.result` then regroups from cached scores.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import math
from collections import defaultdict
from collections.abc import Hashable
from typing import Any, Protocol

import numpy as np

from generator.link import score as S
from generator.link.candidates import CandidateIndex
from generator.link.compare import ContextVectors, comparisons
from generator.link.embed import doc_text
from generator.link.events import event_id, group
from generator.link.reports import one_report, paragraph_anchors, reports
from generator.link.signature import latin_article, signature
from generator.link.template import Shingled, one_template, shingle
from generator.link.types import LinkDoc, LinkResult
from generator.model import Event, Link

MAX_RELATED = 5
# paragraph matching only where it can matter (it costs a small matrix product per pair)
PARA_MIN_Z = 1.5
PARA_MIN_OVERLAP = 0.1
# Shared features held by at most RARE_DF articles of the corpus (both of the pair among
# them): the pair's specific evidence (who / what / how much), reported by pair_context for
# measuring only. Requiring it of links at moderate z was tried and not kept (README, "Event
# linking": same-topic stories of different events share such specifics about as often).
RARE_DF = 4


class Linker:
    """A corpus linked: its index, vectors and pair scores; :meth:`result` gives the events."""

    def __init__(
        self,
        docs: list[LinkDoc],
        embedder=None,
        events_memo: MemoTable | None = None,
        template_memo: MemoTable | None = None,
    ):
        docs = sorted(docs, key=lambda d: d.id)
        self.events_memo = events_memo  # Events of groups met before (see event_key)
        self.template_memo = template_memo  # one_template verdicts of pairs met before
        self._text_keys: dict[int, str] = {}
        ids = [d.id for d in docs]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate article ids")
        self.embedder = embedder
        self.docs: list[LinkDoc] = []
        self.pos: dict[str, int] = {}
        self.units: list[np.ndarray | None] = []
        dvs = embedder.vectors(docs) if embedder is not None else [None] * len(docs)
        present = np.array([v is not None for v in dvs], dtype=bool)
        dim = next((v.doc.shape[0] for v in dvs if v is not None), None)
        self.dim = dim
        if dim is not None:
            V = np.zeros((len(docs), dim), np.float32)
            for k, v in enumerate(dvs):
                if v is not None:
                    V[k] = v.doc
            mean = V[present].mean(axis=0) if present.any() else None
        else:
            V, mean = None, None
        self.present = list(present)
        self.V = V
        self.stats = S.CosineStats([d.lang for d in docs], V, present if dim else None)
        self.index = CandidateIndex(dim, n_hint=len(docs), mean=mean)
        feats = [signature(d) for d in docs]
        self.index.add_many(feats, V, present)
        for k, d in enumerate(docs):
            self.pos[d.id] = k
            self.docs.append(d)
            dv = dvs[k]
            self.units.append(dv.units if dv is not None else None)
        self._wsum: dict[int, tuple[float, float]] = {}
        self._latin_cache: dict[int, bool] = {}
        self._fsets: list[frozenset] = []
        self._refs: dict[tuple[str, str], tuple[float, float]] = {}
        self._ev: dict[tuple[int, int], S.PairEvidence] = {}
        self._reasons: dict[tuple[int, int], tuple] = {}  # both directions of a link share them
        self._anchors: dict[int, list[frozenset]] = {}
        self._shingles: dict[int, Shingled] = {}
        self.lines: S.DecisionLines | None = None  # set by the first result(), then frozen
        self._near: dict[int, dict[str, list[tuple[float, int]]]] = {}
        self._crowd: dict[tuple[int, int], float] = {}
        self._line: dict[tuple[int, int], float] = {}
        self._langs = [S.base_lang(d.lang) for d in self.docs]
        self.cand: dict[int, set[int]] = defaultdict(set)
        for i in range(len(docs)):
            for j in self.index.candidates(i, self.V):
                self.cand[i].add(j)
                self.cand[j].add(i)

    # -- scoring ----------------------------------------------------------------
    def _weight_sum(self, i: int) -> tuple[float, float]:
        """(weight of Latin names, weight of everything else) of article i."""
        w = self._wsum.get(i)
        if w is None:
            wn = wo = 0.0
            wt = self.index.weight_table()
            for f in self.index.features[i]:
                if f.startswith("name:"):
                    wn += wt[f]
                else:
                    wo += wt[f]
            w = (wn, wo)
            self._wsum[i] = w
        return w

    def _fset(self, i: int) -> frozenset:
        while len(self._fsets) <= i:
            self._fsets.append(frozenset(self.index.features[len(self._fsets)]))
        return self._fsets[i]

    def _latin(self, i: int) -> bool:
        v = self._latin_cache.get(i)
        if v is None:
            d = self.docs[i]
            v = d.text_sig[1] if d.text_sig else latin_article(d.title, d.body)
            self._latin_cache[i] = v
        return v

    def _overlap(self, i: int, j: int, shared_weight: float) -> float:
        """Shared weight over a normaliser: geometric mean of both articles' weights, but
        for Latin names between a Latin-script and another script, the other article's
        names only (there every Latin word is a name; in the Latin article most
        capitalised words are not, and cannot be shared)."""
        if not shared_weight:
            return 0.0
        (an, ao), (bn, bo) = self._weight_sum(i), self._weight_sum(j)
        la, lb = self._latin(i), self._latin(j)
        if la and not lb:
            dn = bn
        elif lb and not la:
            dn = an
        else:
            dn = math.sqrt(an * bn)
        den = math.sqrt(ao * bo) + dn
        return min(1.0, shared_weight / den) if den > 0 else 0.0

    def evidence(self, i: int, j: int) -> S.PairEvidence:
        """The (cached) PairEvidence of articles i and j, either order."""
        key = (i, j) if i < j else (j, i)
        ev = self._ev.get(key)
        if ev is None:
            ev = self._evidence(*key)
            self._ev[key] = ev
        return ev

    def _evidence(self, i: int, j: int, cos: float | None = None) -> S.PairEvidence:
        shared = self._fset(i) & self._fset(j)
        # fsum: exact, so the sum does not depend on the set's (hash-seeded) order
        ov = self._overlap(
            i, j, math.fsum(map(self.index.weight_table().__getitem__, shared)) if shared else 0.0
        )
        z = para = None
        if self.V is not None and self.present[i] and self.present[j]:
            if cos is None:
                cos = float(self.V[i] @ self.V[j])
            mu, sd = self._ref(i, j)
            z = (cos - mu) / sd
            ui, uj = self.units[i], self.units[j]
            if (z >= PARA_MIN_Z or ov >= PARA_MIN_OVERLAP) and ui is not None and uj is not None:
                para = S.mutual_match_share(ui, uj)
        else:
            cos = None
        penalty = S.date_penalty(self.docs[i].published, self.docs[j].published)
        sc = S.combine(z, ov, para, penalty, same_lang=self._langs[i] == self._langs[j])
        # one template: what the vectors and features share is the site's furniture, and
        # what each page has of its own shares nothing (template.py): no evidence at all.
        # Looked for only where the pair would otherwise be related coverage at least.
        furniture = S.TEMPLATE_VETO and sc >= S.RELATED and self._one_template(i, j)
        if furniture:
            sc = S.combine(None, 0.0, None, penalty)
        return S.PairEvidence(
            round(sc, 4),
            None if cos is None else round(cos, 4),
            None if z is None else round(z, 4),
            round(ov, 4),
            None if para is None else round(para, 4),
            shared,
            furniture,
        )

    def _one_template(self, i: int, j: int) -> bool:
        """template.one_template of articles i and j, from the template memo when the two
        texts met before (the verdict reads the two texts alone: exact, and the costliest
        part of scoring a pair)."""
        memo = self.template_memo
        if memo is None:
            return one_template(self._shingled(i), self._shingled(j))
        a, b = self._text_key(i), self._text_key(j)
        key = (a, b) if a <= b else (b, a)  # one_template is symmetric
        hit = memo.get(key)
        if not isinstance(hit, bool):
            hit = one_template(self._shingled(i), self._shingled(j))
            memo.put(key, hit)
        return hit

    def _text_key(self, i: int) -> str:
        """Digest of the text one_template reads of article i (embed.doc_text)."""
        k = self._text_keys.get(i)
        if k is None:
            d = self.docs[i]
            k = self._text_keys[i] = hashlib.sha1(doc_text(d.title, d.body).encode("utf-8")).hexdigest()[:20]
        return k

    def _shingled(self, i: int) -> Shingled:
        """Article i's words and passages (template.shingle), computed once."""
        s = self._shingles.get(i)
        if s is None:
            d = self.docs[i]
            s = self._shingles[i] = shingle(d.title, d.body)
        return s

    def _ref(self, i: int, j: int) -> tuple[float, float]:
        key = (self.docs[i].lang, self.docs[j].lang)
        r = self._refs.get(key)
        if r is None:
            r = self.stats.get(S.lang_pair(*key))
            self._refs[key] = r
        return r

    def _score_pairs(self, pairs: list[tuple[int, int]]) -> None:
        """Evidence for many pairs at once (cosines in one numpy pass)."""
        todo = [p for p in pairs if p not in self._ev]
        if not todo:
            return
        if self.V is None:
            self._score_pairs_no_vectors(todo)
            return
        a = np.fromiter((p[0] for p in todo), np.int64, len(todo))
        b = np.fromiter((p[1] for p in todo), np.int64, len(todo))
        c = np.empty(len(todo), np.float32)
        for s0 in range(0, len(todo), 65536):
            sl = slice(s0, s0 + 65536)
            c[sl] = np.einsum("nd,nd->n", self.V[a[sl]], self.V[b[sl]])
        cos: list[float] = c.tolist()
        for (i, j), cv in zip(todo, cos):
            self._ev[(i, j)] = self._evidence(i, j, cv)

    def _score_pairs_no_vectors(self, todo: list[tuple[int, int]]) -> None:
        """_evidence(i, j) of each pair when there are no vectors, with the per-article parts
        (feature sets, weight sums, scripts, dates) looked up once: the same values in the
        same order of operations, without ~10 method calls per pair (185,000 pairs at
        10,000 articles)."""
        n = len(self.docs)
        fsets = [self._fset(k) for k in range(n)]
        wsums = [self._weight_sum(k) for k in range(n)]
        latin = [self._latin(k) for k in range(n)]
        dates = [d.published for d in self.docs]
        langs = self._langs
        weight = self.index.weight_table().__getitem__
        fsum, sqrt, penalty_of, combine = math.fsum, math.sqrt, S.date_penalty, S.combine
        veto, related = S.TEMPLATE_VETO, S.RELATED
        ev = self._ev
        for i, j in todo:
            shared = fsets[i] & fsets[j]
            ov = 0.0
            if shared:  # _overlap, inlined
                sw = fsum(map(weight, shared))
                if sw:
                    (an, ao), (bn, bo) = wsums[i], wsums[j]
                    la, lb = latin[i], latin[j]
                    dn = bn if la and not lb else an if lb and not la else sqrt(an * bn)
                    den = sqrt(ao * bo) + dn
                    ov = min(1.0, sw / den) if den > 0 else 0.0
            penalty = penalty_of(dates[i], dates[j])
            sc = combine(None, ov, None, penalty, same_lang=langs[i] == langs[j])
            furniture = veto and sc >= related and self._one_template(i, j)
            if furniture:
                sc = combine(None, 0.0, None, penalty)
            ev[(i, j)] = S.PairEvidence(round(sc, 4), None, None, round(ov, 4), None, shared, furniture)

    def score(self, i: int, j: int) -> float:
        """The pair score of articles i and j in (0, 1)."""
        return self.evidence(i, j).score

    def _lang_pair(self, i: int, j: int) -> str:
        a, b = self._langs[i], self._langs[j]
        return f"{a}-{b}" if a <= b else f"{b}-{a}"

    def _build_lines(self) -> S.DecisionLines:
        """Runner-up z per article and language pair of its candidates (see score.LINE_Q),
        copies collapsed first (score.runner_up) and pages of one template left out (no near
        misses either: their cosine is the furniture's)."""
        runner: dict[str, list[float]] = defaultdict(list)
        if self.V is None:  # no vectors: no pair has a z, so there is no runner-up either
            return S.DecisionLines(runner)
        for i in range(len(self.docs)):
            by_lp: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
            for j in self.cand[i]:
                ev = self.evidence(i, j)
                if ev.z is not None and ev.cos is not None and not ev.template:
                    by_lp[self._lang_pair(i, j)].append((ev.z, ev.cos, j))
            for lp, zs in by_lp.items():
                z2 = S.runner_up(zs, self._cos)
                if z2 is not None:
                    runner[lp].append(z2)
        return S.DecisionLines(runner)

    def _cos(self, j: int, k: int) -> float:
        """Raw cosine of two articles' vectors (both have one)."""
        assert self.V is not None
        return float(self.V[j] @ self.V[k])

    def _z(self, i: int, j: int) -> float | None:
        """z of a pair's cosine without the rest of the evidence (no caching needed)."""
        if self.V is None or not (self.present[i] and self.present[j]):
            return None
        mu, sd = self._ref(i, j)
        return (float(self.V[i] @ self.V[j]) - mu) / sd

    def _nearest(self, i: int) -> dict[str, list[tuple[float, int]]]:
        """Article i's best candidates by z, per language; taken at the first result() (or
        when i is first needed after an add) and then kept, like the decision lines."""
        near = self._near.get(i)
        if near is None and self.V is None:  # no vectors: no candidate has a z
            near = self._near[i] = {}
        if near is None:
            by: dict[str, list[tuple[float, int]]] = defaultdict(list)
            for j in self.cand[i]:
                z = self.evidence(i, j).z
                if z is not None:
                    by[self._langs[j]].append((z, j))
            keep = S.RIVAL_K + 1 + S.RIVAL_SPARE
            near = {lg: sorted(v, key=lambda t: (-t[0], t[1]))[:keep] for lg, v in sorted(by.items())}
            self._near[i] = near
        return near

    def _rivals(self, i: int, j: int) -> float:
        """Mean z of i's best RIVAL_K other candidates in j's language (missing ones count 0),
        leaving out those that are as close to j itself (the same, larger event)."""
        zs = []
        for z, m in self._nearest(i).get(self._langs[j], ()):
            if m == j:
                continue
            zm = self._z(j, m)
            if zm is not None and zm >= S.RIVAL_MATE_Z:
                continue
            zs.append(max(0.0, z))
            if len(zs) == S.RIVAL_K:
                break
        return sum(zs) / S.RIVAL_K

    def crowd(self, i: int, j: int) -> float:
        """How crowded the two articles' neighbourhoods are (see score.RIVAL_W)."""
        key = (i, j) if i < j else (j, i)
        c = self._crowd.get(key)
        if c is None:
            c = 0.5 * (self._rivals(i, j) + self._rivals(j, i))
            self._crowd[key] = c
        return c

    def best_other(self, i: int, j: int) -> float:
        """The best z of i's candidates in j's language other than j (0 when none)."""
        for z, m in self._nearest(i).get(self._langs[j], ()):
            if m != j:
                return max(0.0, z)
        return 0.0

    def pair_context(self, i: int, j: int) -> dict[str, float]:
        """The pair's evidence and its neighbourhood as plain numbers (for measuring and
        fitting): z, overlap, para, crowd, the line's z, each side's best other z, the
        weight of rare shared features."""
        ev = self.evidence(i, j)
        t = self.lines.line_z(self._lang_pair(i, j)) if self.lines is not None else S.Z0
        return {
            "z": ev.z if ev.z is not None else float("nan"),
            "overlap": ev.overlap,
            "para": ev.para if ev.para is not None else float("nan"),
            "same_lang": float(self._langs[i] == self._langs[j]),
            "crowd": 0.5 * (self._rivals(i, j) + self._rivals(j, i)),
            "line_z": t,
            "best_i": self.best_other(i, j),
            "best_j": self.best_other(j, i),
            "score": ev.score,
            "line": self.line(i, j),
            "rare_shared": self.rare_shared(i, j),
            "template": float(ev.template),
        }

    def rare_shared(self, i: int, j: int) -> float:
        """IDF weight of the features articles i and j share that at most RARE_DF articles hold."""
        shared = self._fset(i) & self._fset(j)
        return math.fsum(self.index.weight(f) for f in shared if self.index.df(f) <= RARE_DF)

    def line(self, i: int, j: int) -> float:
        """Score a pair needs to be same-event (SAME before result()): the line of its
        language pair, raised for a cross-lingual pair by its neighbourhood (score.RIVAL_W)."""
        if self.lines is None:
            return S.SAME
        key = (i, j) if i < j else (j, i)
        v = self._line.get(key)  # lines and rivals are kept once taken: so is a pair's line
        if v is None:
            v = self.lines.get(self._lang_pair(i, j))
            if self._langs[i] != self._langs[j]:
                v = S.raise_line(v, self.crowd(i, j))
            self._line[key] = v
        return v

    def strong(self, i: int, j: int) -> bool:
        """Whether i and j's score reaches their line (a same-event link)."""
        return self.score(i, j) >= self.line(i, j)

    def pair_score(self, a: str, b: str) -> float:
        """Score in [0, 1] of two articles of the corpus (the one linking uses)."""
        return self.score(self.pos[a], self.pos[b])

    # -- incremental --------------------------------------------------------------
    def add(self, doc: LinkDoc) -> set[str]:
        """Index and score one more article; returns the ids whose links may change.

        The cosine reference (per language pair) and the LSH centre stay as they were
        built, so articles the new one does not touch keep exactly their scores.
        """
        if doc.id in self.pos:
            raise ValueError(f"duplicate article id {doc.id}")
        dv = self.embedder.vectors([doc])[0] if self.embedder is not None else None
        feats = signature(doc)
        vec = dv.doc if dv is not None else None
        before = {f: self.index.weight(f) for f in feats}
        i = self.index.add(feats, vec)
        self.pos[doc.id] = i
        self.docs.append(doc)
        self._langs.append(S.base_lang(doc.lang))
        self.units.append(dv.units if dv is not None else None)
        self.present.append(dv is not None)
        if self.V is not None:
            row = vec if vec is not None else np.zeros(int(self.dim or 0), np.float32)
            self.V = np.vstack([self.V, row[None, :]])
        # a feature whose df doubled weighs less now: articles holding it score anew
        changed = {i}
        for f in feats:
            if self.index.weight(f) != before[f]:
                changed.update(self.index.postings[f])
        for j in changed:
            self._wsum.pop(j, None)
        for key in [k for k in self._ev if k[0] in changed or k[1] in changed]:
            del self._ev[key]
            self._reasons.pop(key, None)
        touched = set(changed)
        for j in self.index.candidates(i, self.V):
            self.cand[i].add(j)
            self.cand[j].add(i)
            touched.add(j)
        return {self.docs[k].id for k in touched}

    # -- output -----------------------------------------------------------------
    def result(self) -> LinkResult:
        """Events, same-event and related links of the corpus. Steps: score every candidate
        pair (:meth:`_score_pairs`), freeze the lines, group (:meth:`_groups`), then the
        same-event links (:meth:`_same_event`), related coverage (:meth:`_related`) and
        the events with their reports and comparisons (:meth:`_events`)."""
        n = len(self.docs)
        pairs = sorted((i, j) for i in range(n) for j in self.cand[i] if i < j)
        self._score_pairs(pairs)
        if self.lines is None:
            # frozen from here on (like the cosine reference): adding an article later does
            # not move the line for articles it does not touch
            self.lines = self._build_lines()
            for k in range(n):  # rivals are taken now, and kept like the lines
                self._nearest(k)
        groups = self._groups(pairs)
        ev_of = {k: gi for gi, g in enumerate(groups) for k in g}
        same = self._same_event(groups)
        related = self._related(ev_of)
        events = self._events(groups)
        return LinkResult(events, dict(sorted(same.items())), dict(sorted(related.items())))

    def _groups(self, pairs: list[tuple[int, int]]) -> list[list[int]]:
        """Groups of article positions (events.group over the strong candidate pairs)."""
        ev, line = self._ev, self.line  # every candidate pair is scored now
        edges = [(ev[p].score, *p) for p in pairs if ev[p].score >= line(*p)]
        return group(
            len(self.docs),
            edges,
            self.score,
            self.line,
            floor=S.RELATED,
            dates=[d.published for d in self.docs],
        )

    def _same_event(self, groups: list[list[int]]) -> dict[str, list[Link]]:
        """Article id → the members of its event it strongly links to, best first."""
        same: dict[str, list[Link]] = {d.id: [] for d in self.docs}
        for g in groups:
            for i in g:
                links = [self._link(i, j) for j in g if j != i and self.strong(i, j)]
                same[self.docs[i].id] = sorted(links, key=lambda l: (-l.score, l.id))
        return same

    def _related(self, ev_of: dict[int, int]) -> dict[str, list[Link]]:
        """Article id → up to MAX_RELATED candidates of other events scoring ≥ RELATED."""
        related: dict[str, list[Link]] = {}
        for i in range(len(self.docs)):
            rel = []
            for j in sorted(self.cand[i]):
                if ev_of[j] != ev_of[i] and self.score(i, j) >= S.RELATED:
                    rel.append(self._link(i, j))
            rel.sort(key=lambda l: (-l.score, l.id))
            related[self.docs[i].id] = rel[:MAX_RELATED]
        return related

    def _events(self, groups: list[list[int]]) -> list[Event]:
        """The Events (by first member): ids, members, reports and figure comparisons."""
        published = {d.id: d.published for d in self.docs}
        ctx = ContextVectors(self.embedder) if self.embedder is not None else None
        out = []
        memo = self.events_memo if self.events_memo is not None else _NoMemo()
        for g in groups:
            # a single article's event is cheap to make: only groups are worth a lookup
            key = event_key([self.docs[k] for k in g], self.embedder) if len(g) > 1 else None
            hit = memo.get(key) if key is not None else None
            if isinstance(hit, Event):
                out.append(hit)
                continue
            mids = sorted(self.docs[k].id for k in g)
            reps = reports(sorted(g), self.one_report, lambda k: self.docs[k].id)
            rep_ids = [[self.docs[k].id for k in r] for r in reps]
            comps = comparisons(
                [self.docs[k] for k in sorted(g, key=lambda k: self.docs[k].id)], ctx, rep_ids
            )
            out.append(Event(event_id(mids, published), mids, comps, rep_ids))
            if key is not None:
                memo.put(key, out[-1])
        out.sort(key=lambda e: (e.members[0], e.id))
        return out

    def one_report(self, i: int, j: int) -> bool:
        """Whether articles i and j are one report (a translation or a copy: reports.py)."""
        a, b = self.docs[i], self.docs[j]
        return one_report(
            self.units[i],
            self.units[j],
            a.paragraphs,
            b.paragraphs,
            self._langs[i] == self._langs[j],
            anchors=lambda k: self._paragraph_anchors(j if k else i),
        )

    def _paragraph_anchors(self, i: int) -> list[frozenset]:
        """Article i's paragraph anchors (reports.paragraph_anchors), computed once."""
        x = self._anchors.get(i)
        if x is None:
            d = self.docs[i]
            x = self._anchors[i] = paragraph_anchors(d.paragraphs, d.facts)
        return x

    def _link(self, i: int, j: int) -> Link:
        ev = self.evidence(i, j)
        key = (i, j) if i < j else (j, i)
        reasons = self._reasons.get(key)
        if reasons is None:
            reasons = self._reasons[key] = ev.reasons(self.index.weight_table().__getitem__)
        return Link(self.docs[j].id, ev.score, reasons)


def link_corpus(
    docs: list[LinkDoc],
    embedder=None,
    events_memo: MemoTable | None = None,
    template_memo: MemoTable | None = None,
) -> LinkResult:
    """Events, same-event links and related coverage for ``docs`` (see the package doc).

    The memos (get/put tables, e.g. generator.cache.Memo) keep between builds what depends on
    a few articles' texts alone, so an update recomputes it only where they changed: the
    Event of each group (``events_memo``, keyed by event_key) and the one-template verdict of
    each pair (``template_memo``). The result is the same with or without them."""
    with _no_gc():
        return Linker(docs, embedder, events_memo, template_memo).result()


class MemoTable(Protocol):
    """What the linker needs of a table kept between builds: get (None when absent) and put."""

    def get(self, key: Hashable) -> Any: ...

    def put(self, key: Hashable, value: Any) -> None: ...


class _NoMemo:
    """The table that keeps nothing (no memo given)."""

    def get(self, key: Hashable) -> Any:
        return None

    def put(self, key: Hashable, value: Any) -> None:
        pass


def event_key(members: list[LinkDoc], embedder=None) -> tuple | None:
    """Everything an Event of these articles depends on (its reports, comparisons and id read
    the members alone): the encoder's key, then per member, by id, its id, language, date,
    content hash and a digest of its facts (entity ids may change with the rest of the
    corpus). None when a member has no content hash (nothing then identifies its text)."""
    if any(not d.content_hash for d in members):
        return None
    on = embedder is not None and not getattr(embedder, "disabled", False)
    enc = getattr(embedder, "key", None) if on else None
    parts = []
    for d in sorted(members, key=lambda d: d.id):
        facts = hashlib.sha1(repr(d.facts).encode("utf-8")).hexdigest()
        parts.append((d.id, d.lang, str(d.published), d.content_hash, facts))
    return (enc, tuple(parts))


@contextlib.contextmanager
def _no_gc():
    """Linking allocates ~10 small objects per candidate pair and frees none of them until the
    end: the cyclic collector would rescan them all again and again (superlinear time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def pair_score(a: LinkDoc, b: LinkDoc, embedder=None, corpus: list[LinkDoc] | None = None) -> float:
    """Score of two articles, as linking computes it (reference cosines from ``corpus``)."""
    docs = {d.id: d for d in (corpus or [])}
    docs[a.id], docs[b.id] = a, b
    return Linker(list(docs.values()), embedder).pair_score(a.id, b.id)
