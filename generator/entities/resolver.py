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
   or the two articles share ≥ 2 other resolved entities).

Everything is indexed by key (no pairwise comparison of mentions), so the cost is linear
in the number of mentions. Iteration is over sorted keys: output is deterministic.
"""
from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache

from ..model import Entity, Fact, Mention
from .registry import Registry, load_registry, norm_key, slug_id
from .transliterate import has_arabic, has_han, transliterate
from .transliterate import skeleton as _skeleton
from .transliterate import skeleton_tokens as _skeleton_tokens

log = logging.getLogger(__name__)
_SPLIT = re.compile(r"[\s·・‧•]+")
MIN_STRONG_SKELETON = 4
THRESHOLD = 0.85


class _UF:
    def __init__(self):
        self.parent: dict = {}
        self.reg: dict = {}  # root → registry id (a cluster never holds two registry ids)

    def add(self, x, reg_id=None):
        if x not in self.parent:
            self.parent[x] = x
            if reg_id:
                self.reg[x] = reg_id
        elif reg_id and self.reg.get(self.find(x)) is None:
            self.reg[self.find(x)] = reg_id

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


def _reg_lookup(reg: Registry, name: str):
    e = reg.lookup(name)
    if e is None and re.search(r"[a-z](s|’s|'s)$", name):  # German genitive: Musks, Twitters
        e = reg.lookup(re.sub(r"(s|’s|'s)$", "", name))
    if e is None and has_arabic(name):
        from .ar import strip_variants
        from .registry import fold
        for v in strip_variants(fold(name.strip()))[1:]:
            e = reg.lookup(v)
            if e is not None:
                break
    return e


def _valid_mention(m) -> bool:
    """A mention resolve can use: known type, a non-blank text, integer offsets 0 ≤ start < end."""
    return (isinstance(m, Mention) and m.type in ("person", "organization", "place")
            and isinstance(m.text, str) and bool(m.text.strip())
            and isinstance(m.start, int) and isinstance(m.end, int) and not isinstance(m.start, bool)
            and not isinstance(m.end, bool) and 0 <= m.start < m.end
            and (m.alias is None or isinstance(m.alias, str)))


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
    try:
        return _resolve(mentions, registry, names)
    except Exception:  # pragma: no cover - a bug guard, the tests feed random input
        log.exception("entity resolution failed; falling back to one entity per name")
        try:
            return _resolve_fallback(mentions)
        except Exception:
            return {}, {}


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


def _resolve(mentions: dict, registry: Registry | None = None, names=None):
    reg = registry if registry is not None else load_registry()
    _name_key = _kept(names, "key", _name_key_of)
    skeleton = _kept(names, "skeleton", _skeleton)
    skeleton_tokens = _kept(names, "tokens", _skeleton_tokens)
    looked_up: dict = {}

    def lookup(name: str):
        # A corpus repeats its names thousands of times: the registry answers once per name.
        if name not in looked_up:
            looked_up[name] = _reg_lookup(reg, name)
        return looked_up[name]

    uf = _UF()
    articles = _articles(mentions)
    # node = (type, key) for full names; ("L", aid, type, key) for article-local short names
    occurrences = []  # (aid, lang, Mention, node)
    node_names: dict = defaultdict(Counter)  # node → Counter((lang, surface))
    node_articles: dict = defaultdict(set)  # node → {repr(aid)}
    alias_names: dict = defaultdict(Counter)

    for aid, lang, ms in articles:
        akey = repr(aid)  # article-local nodes compare as strings whatever the id's type
        # within-article: short person names → the article's longest name ending with them
        persons = sorted({m.text.strip() for m in ms if m.type == "person"}, key=lambda s: (-len(s), s))
        long_of_short = {}
        for name in persons:
            parts = [p for p in _SPLIT.split(name) if p]
            if len(parts) >= 2:
                for k in range(1, len(parts)):
                    tail = " ".join(parts[k:]) if _script(name) != "han" else "".join(parts[k:])
                    long_of_short.setdefault(norm_key(tail), name)
                    if _script(name) == "han":
                        long_of_short.setdefault(norm_key("·".join(parts[k:])), name)
        for m in sorted(ms, key=lambda m: (m.start, m.end, m.type)):
            text = m.text.strip()
            if not text:
                continue
            e = lookup(text)
            if e is None and m.alias:
                e = lookup(m.alias)
            if e is not None and e.type == "other":
                continue
            if e is not None:
                node = ("R", e.id)
                uf.add(node, e.id)
                if m.alias:
                    anode = (e.type, _name_key(m.alias))
                    uf.add(anode)
                    uf.union(node, anode)
            else:
                typ = m.type
                k = norm_key(text)
                if typ == "person" and k in long_of_short and norm_key(long_of_short[k]) != k:
                    long = long_of_short[k]
                    le = lookup(long)
                    node = ("L", akey, typ, k)
                    uf.add(node)
                    target = ("R", le.id) if le is not None and le.type != "other" else (typ, _name_key(long))
                    uf.add(target, le.id if le is not None and le.type != "other" else None)
                    uf.union(node, target)
                else:
                    node = (typ, _name_key(text))
                    uf.add(node)
                if m.alias:
                    ae = lookup(m.alias)
                    if ae is not None and ae.type != "other":
                        anode = ("R", ae.id)
                        uf.add(anode, ae.id)
                    else:
                        anode = (typ, _name_key(m.alias))
                        uf.add(anode)
                        alias_names[anode][m.alias] += 1
                        node_articles[anode].add(akey)
                    uf.union(node, anode)
            occurrences.append((aid, lang, m, node))
            node_names[node][(lang, text)] += 1
            node_articles[node].add(akey)

    # ---- cross-script: skeletons of Han/Arabic names against Latin names
    latin_index: dict[str, list] = defaultdict(list)  # skeleton → [(node, kind)]
    for node in sorted(node_names, key=repr) + sorted(alias_names, key=repr):
        names = set(n for (_, n) in node_names.get(node, {})) | set(alias_names.get(node, {}))
        for n in sorted(names):
            if _script(n) != "latin":
                continue
            typ = node[0] if node[0] != "L" else node[2]
            if node[0] == "R":
                typ = reg.entities[node[1]].type
            sk = skeleton(n)
            if sk:
                latin_index[(typ, sk)].append((node, "full"))
            toks = skeleton_tokens(n)
            if len(toks) >= 2 and typ == "person":
                latin_index[(typ, toks[-1])].append((node, "last"))
    for eid in sorted(reg.entities):
        e = reg.entities[eid]
        if e.type == "other":
            continue
        for n in e.all_names():
            if _script(n) == "latin":
                sk = skeleton(n)
                if sk:
                    latin_index[(e.type, sk)].append((("R", eid), "full"))

    art_entities: dict[str, set] = defaultdict(set)
    root_arts: dict = defaultdict(set)
    for aid, _lang, _m, node in occurrences:
        r = uf.find(node)
        art_entities[repr(aid)].add(r)
        root_arts[r].add(repr(aid))

    for node in sorted(node_names, key=repr):
        if node[0] in ("R", "L"):
            continue
        typ = node[0]
        names = sorted(n for (_, n) in node_names[node])
        if not names or all(_script(n) == "latin" for n in names):
            continue
        if uf.reg.get(uf.find(node)):
            continue
        best = None
        for n in names:
            if _script(n) == "latin":
                continue
            sk = skeleton(n)
            if len(sk) < 2:
                continue
            cands = latin_index.get((typ, sk), [])
            for cnode, kind in cands:
                if cnode not in uf.parent:
                    # a registry entity no article has mentioned so far: it enters the
                    # union-find only here (KeyError(('R', qid)) before)
                    uf.add(cnode, cnode[1])
                if uf.find(cnode) == uf.find(node):
                    continue
                score = 1.0 if kind == "full" else 0.9
                strong = len(sk) >= MIN_STRONG_SKELETON and kind == "full"
                if not strong:
                    here = node_articles[node]
                    there = node_articles.get(cnode, set())
                    same_article = bool(here & there)
                    croot = uf.find(cnode)
                    shared = 0
                    if not same_article:
                        ctx_here = set().union(*(art_entities[a] for a in sorted(here)[:50])) if here else set()
                        arts_there = sorted(root_arts.get(croot, set()) | there)[:50]
                        ctx_there = set().union(*(art_entities[a] for a in arts_there)) if arts_there else set()
                        shared = len({uf.find(x) for x in ctx_here} & {uf.find(x) for x in ctx_there}
                                     - {croot, uf.find(node)})
                    if not (same_article or shared >= 2):
                        continue
                    score -= 0.05
                if score >= THRESHOLD and (best is None or score > best[0]):
                    best = (score, cnode)
        if best is not None:
            uf.union(node, best[1])

    # ---- canonical entities
    clusters: dict = defaultdict(list)
    for node in sorted(set(uf.parent), key=repr):
        clusters[uf.find(node)].append(node)
    entity_of_root: dict = {}
    entities: dict[str, Entity] = {}
    mentioned = {uf.find(node) for _, _, _, node in occurrences}
    for root in sorted(clusters, key=repr):
        if root not in mentioned:
            continue  # registry entities met only as cross-script candidates
        nodes = clusters[root]
        reg_id = uf.reg.get(root)
        surf = Counter()
        for nd in nodes:
            surf.update(node_names.get(nd, {}))
            for a, c in alias_names.get(nd, {}).items():
                surf[("", a)] += c
        if reg_id:
            e = reg.entities[reg_id]
            names = dict(e.names)
            typ, name, qid = e.type, e.name, e.qid
            eid = e.id
        else:
            if not surf:
                continue
            types = Counter()
            for nd in nodes:
                t = nd[2] if nd[0] == "L" else nd[0]
                types[t] += sum(node_names.get(nd, {}).values()) or 1
            typ = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            latin = [(c, n) for (lg, n), c in surf.items() if _script(n) == "latin"]
            pool = latin or [(c, n) for (lg, n), c in surf.items()]
            # prefer full names (more words), then frequency, then text
            name = sorted(pool, key=lambda cn: (-len(_SPLIT.split(cn[1])), -cn[0], cn[1]))[0][1]
            names, qid = {}, None
            eid = slug_id(name)
            if eid in entities and entities[eid].type != typ:
                eid = slug_id(f"{name} {typ}")
        by_lang: dict = defaultdict(Counter)
        for (lg, n), c in surf.items():
            if lg:
                by_lang[lg][n] += c
            elif _script(n) == "latin":
                by_lang["en"][n] += c
        for lg in sorted(by_lang):
            if lg in names:
                continue
            cands = sorted(by_lang[lg].items(), key=lambda kv: (-len(_SPLIT.split(kv[0])), -len(kv[0]), -kv[1], kv[0]))
            names[lg] = cands[0][0]
        if "en" not in names and not reg_id and _script(name) == "latin":
            names["en"] = name
        if eid in entities:  # merge clusters that map to one id
            old = entities[eid]
            merged = dict(names)
            merged.update(old.names)
            entities[eid] = Entity(id=eid, type=old.type, name=old.name, names=merged, qid=old.qid)
        else:
            entities[eid] = Entity(id=eid, type=typ, name=name, names=names, qid=qid)
        entity_of_root[root] = eid

    facts: dict = {aid: [] for aid, _, _ in articles}
    for aid, _lang, m, node in occurrences:
        eid = entity_of_root.get(uf.find(node))
        if eid is None:
            continue
        ent = entities[eid]
        facts[aid].append(Fact(type=ent.type, text=m.text, start=m.start, end=m.end, name=ent.name, id=eid))
    for aid in facts:
        facts[aid].sort(key=lambda f: (f.start, f.end, f.id))
    return facts, dict(sorted(entities.items()))

