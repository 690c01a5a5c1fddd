"""What each generated page depends on, as one digest per page.

A page whose digest equals the one it had in the previous build is not rendered again: its
file is carried over (generator/carry.py). Digests are deliberately coarse: a page depends on
the *whole* of every article it shows (text, metadata, facts and the canonical entities those
facts name), so a missed dependency cannot leave a stale page — at worst a page is rendered
again for nothing. Listing pages (home, archive, indexes) are always rendered: they depend on
the whole corpus and are few.
"""

from __future__ import annotations

import hashlib
import io
import pickle

from ..model import ENTITY_TYPES, Corpus


def _h(*parts) -> str:
    # pickle, not repr: several times faster on dataclasses. Without its memo ("fast"
    # mode), so that equal values give equal bytes whether or not they are the same objects
    # (a string shared in one process and copied in the next pickles differently otherwise);
    # the model's types hold no sets. A new Python that pickles differently re-renders once.
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=5)
    pickler.fast = True
    pickler.dump(parts)
    return hashlib.blake2b(buf.getbuffer(), digest_size=16).hexdigest()


def for_language(base: str, digest: str) -> str:
    """A page's digest in one site language; ``base`` is everything every page of that
    language depends on (the render code, the catalogs, the language, the configuration)."""
    return hashlib.blake2b(f"{base}\0{digest}".encode(), digest_size=16).hexdigest()


class PageDigests:
    """Digests of the corpus side of each page, the same for every site language. Memoized
    by page: one instance per build (per corpus state), shared by its languages."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self._article: dict[str, str] = {}
        self.pages: dict[tuple, str] = {}  # (kind, id) → digest: what is worked out so far

    def article(self, aid: str) -> str:
        """An article with its facts and the entities they name."""
        d = self._article.get(aid)
        if d is None:
            c = self.corpus
            facts = c.facts.get(aid, [])
            ents = sorted({f.id for f in facts if f.type in ENTITY_TYPES and f.id in c.entities})
            d = _h(c.articles.get(aid), facts, [c.entities[e] for e in ents])
            self._article[aid] = d
        return d

    def article_page(self, aid: str, event_of: dict, paged: dict) -> str:
        """The digest of everything an article's page shows (links, event, entity pages)."""
        key = ("article", aid)
        if key not in self.pages:
            c = self.corpus
            same, related = c.same_event.get(aid, []), c.related.get(aid, [])
            ents = sorted({f.id for f in c.facts.get(aid, []) if f.type in ENTITY_TYPES}, key=str)
            self.pages[key] = _h(
                "article",
                self.article(aid),
                event_of.get(aid),
                same,
                related,
                [self.article(link.id) for link in same + related],
                [e in paged for e in ents],
            )
        return self.pages[key]

    def event_page(self, ev) -> str:
        """The digest of an event page: the event and every article it shows."""
        key = ("event", ev.id)
        if key not in self.pages:
            shown = sorted(set(ev.members) | {aid for comp in ev.comparisons for aid, _f in comp.items})
            self.pages[key] = _h("event", ev, [self.article(a) for a in shown])
        return self.pages[key]

    def entity_page(self, eid: str, ids: list[str]) -> str:
        """The digest of an entity page: the entity, its articles and their events."""
        key = ("entity", eid)
        if key not in self.pages:
            # the page groups its articles by event (issue 16): membership is shown too
            if not hasattr(self, "_event_of"):
                self._event_of = self.corpus.event_of()
            self.pages[key] = _h(
                "entity",
                self.corpus.entities[eid],
                ids,
                [self.article(a) for a in ids],
                [self._event_of.get(a) for a in ids],
            )
        return self.pages[key]
