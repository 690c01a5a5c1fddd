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

from ..model import ENTITY_TYPES, Corpus


def _h(*parts) -> str:
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(repr(p).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class PageDigests:
    def __init__(self, corpus: Corpus, base: str):
        """``base``: everything every page of one site language depends on (the render code,
        the catalogs, the language and the configuration)."""
        self.corpus = corpus
        self.base = base
        self._article: dict[str, str] = {}

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
        c = self.corpus
        same, related = c.same_event.get(aid, []), c.related.get(aid, [])
        ents = sorted({f.id for f in c.facts.get(aid, []) if f.type in ENTITY_TYPES})
        return _h(self.base, "article", self.article(aid), event_of.get(aid), same, related,
                  [self.article(link.id) for link in same + related], [e in paged for e in ents])

    def event_page(self, ev) -> str:
        shown = sorted(set(ev.members) | {aid for comp in ev.comparisons for aid, _f in comp.items})
        return _h(self.base, "event", ev, [self.article(a) for a in shown])

    def entity_page(self, eid: str, ids: list[str]) -> str:
        return _h(self.base, "entity", self.corpus.entities[eid], ids, [self.article(a) for a in ids])
