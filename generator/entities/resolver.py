"""Resolve mentions of all articles to canonical entities, across articles and languages.

Evidence, strongest first:
1. the registry: a mention (or the alias its text states) equal to a registry name gets
   the registry id (Wikidata QID where known); registry entries typed ``other`` are dropped;
2. aliases stated in the text: 薩蒂亞·納德拉(Satya Nadella) joins the Chinese and the Latin name;
3. within one article, a person's surname alone is that article's full name (納德拉 →
   薩蒂亞·納德拉, Levy → Maurice Levy);
4. the same name in different articles (folded: case, accents, Arabic letter forms; Chinese
   compared by pinyin so Traditional and Simplified forms meet);
5. cross-script: consonant skeletons (see ``transliterate.skeleton``) of a Chinese or Arabic
   name against Latin names seen anywhere in the corpus or in the registry, looked up by
   equal skeleton (score 1.0 for the full name, 0.9 for a person's surname); accepted when
   the skeleton has ≥ 4 classes, and for
   shorter skeletons only with a second signal (the Latin name occurs in the same article,
   or an article on each side shares ≥ 2 other resolved entities that are not countries);
   never with a CLDR territory, whose names in every script CLDR already gives.

Everything is indexed by key (no pairwise comparison of mentions), so the cost is linear
in the number of mentions. Iteration is over sorted keys: output is deterministic.
"""

from __future__ import annotations

import gc
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import fields as dataclass_fields
from functools import lru_cache
from operator import attrgetter

from ..model import Entity, Fact, Mention
from .places import entity_for_id, is_territory_id, lookup_place
from .registry import RegEntity, Registry, load_registry, norm_key, slug_id
from .transliterate import has_arabic, has_han, transliterate
from .transliterate import skeleton as _skeleton
from .transliterate import skeleton_tokens as _skeleton_tokens
from .variants import lookup_variants

log = logging.getLogger(__name__)
_SPLIT = re.compile(r"[\s·・‧•]+")
MIN_STRONG_SKELETON = 4
THRESHOLD = 0.85
_TYPES = frozenset(("person", "organization", "place"))
_TEXT_ORDER = attrgetter("start", "end", "type")


class _UF:
    def __init__(self):
        self.parent: dict = {}
        self.reg: dict = {}  # root → registry id (a cluster never holds two registry ids)
        # bumped whenever an existing node's root or a root's registry id changes, so that
        # what is derived from roots can be kept until then (_context_shared)
        self.version = 0

    def add(self, x, reg_id=None):
        if x not in self.parent:
            self.parent[x] = x
            if reg_id:
                self.reg[x] = reg_id
        elif reg_id and self.reg.get(self.find(x)) is None:
            self.reg[self.find(x)] = reg_id
            self.version += 1

    def find(self, x):
        p = self.parent
        root = x
        while p[root] != root:
            root = p[root]
        while p[x] != root:
            p[x], x = root, p[x]
        return root

    def union(self, a, b) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ga, gb = self.reg.get(ra), self.reg.get(rb)
        if ga and gb and ga != gb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if gb and not ga:
            self.reg[ra] = gb
        self.reg.pop(rb, None)
        self.version += 1
        return True


def _script(name: str) -> str:
    if has_han(name):
        return "han"
    if has_arabic(name):
        return "arabic"
    return "latin"


@lru_cache(maxsize=1 << 18)
def _name_key_of(name: str) -> str:
    """Key for 'the same name': Han names by pinyin (Traditional = Simplified)."""
    if has_han(name):
        return "py:" + re.sub(r"[^a-z]", "", transliterate(name).lower())
    return norm_key(name)


def _reg_lookup(reg: Registry, name: str) -> RegEntity | None:
    """The registry entity of a name or of one of its lookup readings."""
    for v in lookup_variants(name):
        e = reg.lookup(v)
        if e is not None:
            return e
    return None


def _int(x) -> bool:
    """Whether ``x`` is an int and not a bool."""
    return type(x) is int or (isinstance(x, int) and not isinstance(x, bool))


def _valid_mention(m) -> bool:
    """A mention resolve can use: known type, a non-blank text, integer offsets 0 ≤ start < end."""
    if type(m) is Mention and type(m.start) is int and type(m.end) is int and type(m.text) is str:
        return (  # the usual case, with the same answer as the general test below
            m.type in _TYPES
            and bool(m.text.strip())
            and 0 <= m.start < m.end
            and (m.alias is None or isinstance(m.alias, str))
        )
    return (
        isinstance(m, Mention)
        and m.type in ("person", "organization", "place")
        and isinstance(m.text, str)
        and bool(m.text.strip())
        and isinstance(m.start, int)
        and isinstance(m.end, int)
        and not isinstance(m.start, bool)
        and not isinstance(m.end, bool)
        and 0 <= m.start < m.end
        and (m.alias is None or isinstance(m.alias, str))
    )


def _aid_order(aid):
    return (type(aid).__name__, repr(aid))


def resolve(mentions: dict, registry: Registry | None = None, names=None):
    """article id → (lang, [Mention])  ⇒  (article id → [Fact], entity id → Entity).

    ``names`` (optional, a cache.Memo of this package's code version) keeps what is worked
    out per name (name keys, consonant skeletons) between builds: a corpus brings few new
    names, and transliterating the others again is a fifth of the work.

    Never raises: malformed articles and mentions are skipped; should resolution itself
    fail, every mention becomes its own entity (logged), so a build goes on.
    """
    with _no_cyclic_gc():
        try:
            return _resolve(mentions, registry, names)
        except Exception:  # pragma: no cover - a bug guard, the tests feed random input
            log.exception("entity resolution failed; falling back to one entity per name")
            try:
                return _resolve_fallback(mentions)
            except Exception:
                return {}, {}


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration (restored after): resolution
    allocates about a million objects at 10,000 articles, hardly any in cycles, and
    each allocation burst set off full collections that scanned the whole growing heap:
    45 % of the time. Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _articles(mentions):
    """(aid, lang, [valid Mention]) per article, in a deterministic order."""
    if not isinstance(mentions, Mapping):
        return []
    try:
        aids = sorted(mentions, key=_aid_order)
    except Exception:
        return []
    out = []
    for aid in aids:
        try:
            lang, ms = mentions[aid]
            ms = [m for m in list(ms or []) if _valid_mention(m)]
        except Exception:
            lang, ms = "", []
        out.append((aid, str(lang or ""), ms))
    return out


def _resolve_fallback(mentions):
    facts: dict = {}
    entities: dict[str, Entity] = {}
    for aid, _lang, ms in _articles(mentions):
        out = []
        for m in ms:
            try:
                eid = slug_id(m.text.strip())
                if eid in entities and entities[eid].type != m.type:
                    eid = slug_id(f"{m.text.strip()} {m.type}")
                ent = entities.setdefault(eid, Entity(id=eid, type=m.type, name=m.text.strip()))
                out.append(Fact(type=ent.type, text=m.text, start=m.start, end=m.end, name=ent.name, id=eid))
            except Exception:
                continue
        facts[aid] = sorted(out, key=lambda f: (f.start, f.end, f.id))
    return facts, dict(sorted(entities.items()))


def _kept(names, tag: str, fn):
    """``fn`` of one name, kept in ``names`` (a Memo) under (tag, name) when given."""
    if names is None:
        return fn
    return lambda name: names.compute((tag, name), fn, name)


class _Resolution:
    """What resolution builds up over the corpus: the union-find of name nodes, where each
    node was met, and the per-name helpers (kept in a Memo between builds when given)."""

    def __init__(self, reg: Registry, names=None):
        self.reg = reg
        self.name_key = _kept(names, "key", _name_key_of)
        self.skeleton = _kept(names, "skeleton", _skeleton)
        self.skeleton_tokens = _kept(names, "tokens", _skeleton_tokens)
        self.looked_up: dict = {}
        self.uf = _UF()
        self.telling: dict = {}  # article → _telling(), at uf.version (key None)
        # node = (type, key) for full names; ("L", aid, type, key) for article-local short
        # names; ("R", id) for registry and CLDR-territory entities
        self.occurrences: list = []  # (aid, lang, Mention, node)
        self.node_names: dict = defaultdict(Counter)  # node → Counter((lang, surface))
        self.node_articles: dict = defaultdict(set)  # node → {repr(aid)}
        self.alias_names: dict = defaultdict(Counter)
        self.article_nodes: dict = defaultdict(set)  # repr(aid) → {node}

    def lookup(self, name: str, typ: str | None = None) -> RegEntity | None:
        """The registry entity of a name; for a place, else its CLDR territory."""
        # A corpus repeats its names thousands of times: the registry answers once per name.
        key = (name, typ == "place")
        if key not in self.looked_up:
            e = _reg_lookup(self.reg, name)
            if e is None and typ == "place":
                e = lookup_place(name)
            self.looked_up[key] = e
        return self.looked_up[key]

    def entity(self, eid: str) -> RegEntity:
        """A registry or territory entity by id."""
        e = self.reg.entities.get(eid) or entity_for_id(eid)
        if e is None:
            raise KeyError(eid)
        return e

    def type_of(self, node) -> str:
        """The entity type a node stands for."""
        if node[0] == "R":
            return self.entity(node[1]).type
        return node[2] if node[0] == "L" else node[0]


def _resolve(mentions: dict, registry: Registry | None = None, names=None):
    """Steps: name nodes per article, cross-script joins, canonical entities, facts."""
    st = _Resolution(registry if registry is not None else load_registry(), names)
    articles = _articles(mentions)
    for aid, lang, ms in articles:
        _add_article(st, aid, lang, ms)
    _join_cross_script(st, _latin_index(st))
    entities, entity_of_root = _canonical_entities(st)
    return _facts(st, articles, entities, entity_of_root), dict(sorted(entities.items()))


def _facts(st: _Resolution, articles: list, entities: dict, entity_of_root: dict) -> dict:
    """article id → its entity facts, in text order."""
    facts: dict = {aid: [] for aid, _, _ in articles}
    template_of: dict = {}  # node → the fields of its entity's facts (None: no entity)
    for node in st.node_names:
        eid = entity_of_root.get(st.uf.find(node))
        template_of[node] = (
            None if eid is None else _fact_template(entities[eid].type, entities[eid].name, eid)
        )
    if not _FAST_FACT:
        for aid, _lang, m, node in st.occurrences:
            if template_of[node] is not None:
                facts[aid].append(
                    Fact(**{**template_of[node], "text": m.text, "start": m.start, "end": m.end})
                )
    else:  # _entity_fact, inlined: this loop runs once per mention of the corpus
        new, set_dict = object.__new__, object.__setattr__
        for aid, _lang, m, node in st.occurrences:
            t = template_of[node]
            if t is not None:
                d = t.copy()
                d["text"], d["start"], d["end"] = m.text, m.start, m.end
                f = new(Fact)
                set_dict(f, "__dict__", d)
                facts[aid].append(f)
    for aid in facts:
        facts[aid].sort(key=lambda f: (f.start, f.end, f.id))
    return facts


# A frozen dataclass sets each field through object.__setattr__: that was most of
# resolve's time at 10,000 articles. An instance dict filled in field order gives the same
# object (fields, eq, hash, repr, pickle bytes); used only while Fact has no __post_init__
# and no __slots__, and tests compare it with the constructor's.
_FAST_FACT = not hasattr(Fact, "__post_init__") and not hasattr(Fact, "__slots__")
_FACT_FIELD_DEFAULTS = tuple((f.name, f.default) for f in dataclass_fields(Fact))


def _fact_template(typ: str, name: str, eid: str) -> dict:
    """The fields of an entity fact in Fact's order, text and offsets to be filled."""
    t = dict(_FACT_FIELD_DEFAULTS)
    t.update(type=typ, text="", start=0, end=0, name=name, id=eid)
    return t


def _short_person_names(ms: list) -> dict:
    """norm_key(short name) → the article's longest person name ending with it."""
    persons = sorted({m.text.strip() for m in ms if m.type == "person"}, key=lambda s: (-len(s), s))
    long_of_short: dict = {}
    for name in persons:
        parts = [p for p in _SPLIT.split(name) if p]
        if len(parts) >= 2:
            for k in range(1, len(parts)):
                tail = " ".join(parts[k:]) if _script(name) != "han" else "".join(parts[k:])
                long_of_short.setdefault(norm_key(tail), name)
                if _script(name) == "han":
                    long_of_short.setdefault(norm_key("·".join(parts[k:])), name)
    return long_of_short


def _add_article(st: _Resolution, aid, lang: str, ms: list) -> None:
    """Nodes for one article's mentions: registry/territory, short-name or full-name nodes,
    joined with the alias the text states. An article repeats its names: a name met again
    (same text, type and alias) reuses its node, as the union-find steps would repeat."""
    akey = repr(aid)  # article-local nodes compare as strings whatever the id's type
    long_of_short = _short_person_names(ms)
    seen: dict = {}  # (text, type, alias) → (node, alias node whose count grows) | None
    count: dict = {}  # (text, type, alias) → mentions
    occurrences = st.occurrences
    for m in sorted(ms, key=_TEXT_ORDER):
        text = m.text.strip()
        if not text:
            continue
        k = (text, m.type, m.alias)
        hit = seen.get(k, False)
        if hit is False:
            hit = seen[k] = _mention_node(st, akey, m, text, long_of_short)
        if hit is not None:
            occurrences.append((aid, lang, m, hit[0]))
            count[k] = count.get(k, 0) + 1
    nodes = st.article_nodes[akey]
    for k, n in count.items():
        node, counted = seen[k]
        if counted is not None:
            st.alias_names[counted][k[2]] += n
        st.node_names[node][(lang, k[0])] += n
        st.node_articles[node].add(akey)
        nodes.add(node)


def _mention_node(st: _Resolution, akey: str, m: Mention, text: str, long_of_short: dict):
    """(node, alias node counted per mention or None) of a mention; None when the registry
    types it ``other``."""
    e = st.lookup(text, m.type)
    if e is None and m.alias:
        e = st.lookup(m.alias, m.type)
    if e is not None and e.type == "other":
        return None
    if e is not None:
        node = ("R", e.id)
        st.uf.add(node, e.id)
        if m.alias:
            anode = (e.type, st.name_key(m.alias))
            st.uf.add(anode)
            st.uf.union(node, anode)
        return node, None
    node = _name_node(st, akey, m.type, text, long_of_short)
    counted = _join_alias(st, akey, node, m) if m.alias else None
    return node, counted


def _name_node(st: _Resolution, akey: str, typ: str, text: str, long_of_short: dict):
    """The node of a name no registry knows: a surname alone joins the article's full name."""
    k = norm_key(text)
    node: tuple
    if not (typ == "person" and k in long_of_short and norm_key(long_of_short[k]) != k):
        node = (typ, st.name_key(text))
        st.uf.add(node)
        return node
    long = long_of_short[k]
    le = st.lookup(long, typ)
    node = ("L", akey, typ, k)
    st.uf.add(node)
    target: tuple
    if le is not None and le.type != "other":
        target = ("R", le.id)
        st.uf.add(target, le.id)
    else:
        target = (typ, st.name_key(long))
        st.uf.add(target, None)
    st.uf.union(node, target)
    return node


def _join_alias(st: _Resolution, akey: str, node, m: Mention):
    """Join a node with the alias its text states (馬斯克(Elon Musk)); returns the alias
    node whose alias count grows with each mention (None for a registry alias)."""
    alias = m.alias or ""
    ae = st.lookup(alias, m.type)
    counted = None
    if ae is not None and ae.type != "other":
        anode = ("R", ae.id)
        st.uf.add(anode, ae.id)
    else:
        anode = (m.type, st.name_key(alias))
        st.uf.add(anode)
        st.node_articles[anode].add(akey)
        counted = anode
    st.uf.union(node, anode)
    return counted


def _latin_index(st: _Resolution) -> dict:
    """(type, skeleton) → [(node, "full" | "last")] over Latin names seen and registered."""
    latin_index: dict = defaultdict(list)
    for node in sorted(st.node_names, key=repr) + sorted(st.alias_names, key=repr):
        names = set(n for (_, n) in st.node_names.get(node, {})) | set(st.alias_names.get(node, {}))
        typ = st.type_of(node)
        for n in sorted(names):
            if _script(n) != "latin":
                continue
            sk = st.skeleton(n)
            if sk:
                latin_index[(typ, sk)].append((node, "full"))
            toks = st.skeleton_tokens(n)
            if len(toks) >= 2 and typ == "person":
                latin_index[(typ, toks[-1])].append((node, "last"))
    for eid in sorted(st.reg.entities):
        e = st.reg.entities[eid]
        if e.type == "other":
            continue
        for n in e.all_names():
            if _script(n) == "latin":
                sk = st.skeleton(n)
                if sk:
                    latin_index[(e.type, sk)].append((("R", eid), "full"))
    return latin_index


def _join_cross_script(st: _Resolution, latin_index: dict) -> None:
    """Join each Han/Arabic name node not yet resolved with its best Latin match."""
    art_entities: dict = defaultdict(set)
    root_arts: dict = defaultdict(set)
    for akey in sorted(st.article_nodes):
        for node in st.article_nodes[akey]:
            r = st.uf.find(node)
            art_entities[akey].add(r)
            root_arts[r].add(akey)
    for node in sorted(st.node_names, key=repr):
        if node[0] in ("R", "L"):
            continue
        names = sorted(n for (_, n) in st.node_names[node])
        if not names or all(_script(n) == "latin" for n in names) or st.uf.reg.get(st.uf.find(node)):
            continue
        best = None
        for n in names:
            sk = st.skeleton(n) if _script(n) != "latin" else ""
            if len(sk) < 2:
                continue
            for cnode, kind in latin_index.get((node[0], sk), []):
                score = _cross_score(st, node, cnode, kind, sk, art_entities, root_arts)
                if score is not None and score >= THRESHOLD and (best is None or score > best[0]):
                    best = (score, cnode)
        if best is not None:
            st.uf.union(node, best[1])


def _cross_score(st: _Resolution, node, cnode, kind: str, sk: str, art_entities: dict, root_arts: dict):
    """Score of joining a non-Latin name node with a Latin candidate, None when refused.

    Refused: a CLDR territory (CLDR names it in every script, so a name of this script that
    is none of those is another place: ترهونة is not Italien, though both skeletons read
    TLN). A short skeleton or a surname match also needs the same article, or one article on
    each side sharing two other entities that are not territories (countries are named by
    half of all news: two of them in common say nothing about a third name)."""
    if cnode not in st.uf.parent:
        # a registry entity no article has mentioned so far enters the union-find here
        st.uf.add(cnode, cnode[1])
    croot, root = st.uf.find(cnode), st.uf.find(node)
    if croot == root or is_territory_id(st.uf.reg.get(croot) or ""):
        return None
    score = 1.0 if kind == "full" else 0.9
    if len(sk) >= MIN_STRONG_SKELETON and kind == "full":
        return score
    here = st.node_articles[node]
    there = st.node_articles.get(cnode, set())
    if not (here & there):
        arts_there = sorted(root_arts.get(croot, set()) | there)[:50]
        if not _context_shared(st, sorted(here)[:50], arts_there, art_entities, {croot, root}):
            return None
    return score - 0.05


def _context_shared(st: _Resolution, here: list, there: list, art_entities: dict, skip: set) -> bool:
    """Whether an article of ``here`` and one of ``there`` share two resolved entities that
    are neither in ``skip`` nor territories."""
    ctx_there = [_telling(st, a, art_entities) - skip for a in there]
    for a in here:
        mine = _telling(st, a, art_entities) - skip
        if len(mine) >= 2 and any(len(mine & other) >= 2 for other in ctx_there):
            return True
    return False


def _telling(st: _Resolution, akey, art_entities: dict) -> frozenset:
    """The roots of an article's entities that are not territories, kept until the
    union-find next changes (an article is asked about for many names in a row: this was
    a tenth of resolving a 10,000-article corpus)."""
    memo = st.telling
    if memo.get(None) != st.uf.version:
        memo.clear()
        memo[None] = st.uf.version
    got = memo.get(akey)
    if got is None:
        roots = {st.uf.find(x) for x in art_entities[akey]}
        got = memo[akey] = frozenset(r for r in roots if not is_territory_id(st.uf.reg.get(r) or ""))
    return got


def _canonical_entities(st: _Resolution) -> tuple[dict, dict]:
    """(entity id → Entity, union-find root → entity id) for every mentioned cluster."""
    clusters: dict = defaultdict(list)
    for node in sorted(set(st.uf.parent), key=repr):
        clusters[st.uf.find(node)].append(node)
    entity_of_root: dict = {}
    entities: dict[str, Entity] = {}
    mentioned = {st.uf.find(node) for node in st.node_names}  # the nodes of all occurrences
    for root in sorted(clusters, key=repr):
        if root not in mentioned:
            continue  # registry entities met only as cross-script candidates
        ent = _cluster_entity(st, clusters[root], st.uf.reg.get(root), entities)
        if ent is None:
            continue
        if ent.id in entities:  # merge clusters that map to one id
            old = entities[ent.id]
            merged = dict(ent.names)
            merged.update(old.names)
            entities[ent.id] = Entity(id=ent.id, type=old.type, name=old.name, names=merged, qid=old.qid)
        else:
            entities[ent.id] = ent
        entity_of_root[root] = ent.id
    return entities, entity_of_root


def _cluster_entity(st: _Resolution, nodes: list, reg_id: str | None, entities: dict) -> Entity | None:
    """The entity of one cluster: the registry's (or territory's) when it has one, else
    named by its most complete Latin name; names per language from the surfaces seen."""
    surf: Counter = Counter()
    for nd in nodes:
        surf.update(st.node_names.get(nd, {}))
        for a, c in st.alias_names.get(nd, {}).items():
            surf[("", a)] += c
    if reg_id:
        e = st.entity(reg_id)
        names, typ, name, qid, eid = dict(e.names), e.type, e.name, e.qid, e.id
    else:
        if not surf:
            return None
        types: Counter = Counter()
        for nd in nodes:
            types[st.type_of(nd)] += sum(st.node_names.get(nd, {}).values()) or 1
        typ = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        latin = [(c, n) for (lg, n), c in surf.items() if _script(n) == "latin"]
        pool = latin or [(c, n) for (lg, n), c in surf.items()]
        # prefer full names (more words), then frequency, then text
        name = sorted(pool, key=lambda cn: (-len(_SPLIT.split(cn[1])), -cn[0], cn[1]))[0][1]
        names, qid = {}, None
        eid = slug_id(name)
        if eid in entities and entities[eid].type != typ:
            eid = slug_id(f"{name} {typ}")
    _add_seen_names(names, surf)
    if "en" not in names and not reg_id and _script(name) == "latin":
        names["en"] = name
    return Entity(id=eid, type=typ, name=name, names=names, qid=qid)


def _add_seen_names(names: dict, surf: Counter) -> None:
    """Fill languages ``names`` lacks with the most complete surface seen in that language."""
    by_lang: dict = defaultdict(Counter)
    for (lg, n), c in surf.items():
        if lg:
            by_lang[lg][n] += c
        elif _script(n) == "latin":
            by_lang["en"][n] += c
    for lg in sorted(by_lang):
        if lg in names:
            continue
        cands = sorted(
            by_lang[lg].items(), key=lambda kv: (-len(_SPLIT.split(kv[0])), -len(kv[0]), -kv[1], kv[0])
        )
        names[lg] = cands[0][0]
