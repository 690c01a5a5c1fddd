"""The editable multilingual entity registry (``data/registry.yml``).

Each entry is one real-world entity: a canonical ``name`` (English where one exists), an
optional Wikidata QID as ``id``, a ``type`` (person | organization | place | other), the
display ``names`` per language (BCP 47) and more ``aliases`` per language (``"*"`` = any
language). Everything in ``names`` and ``aliases`` is matched in article texts, and every
mention resolved to an entry gets the entry's id, so 馬斯克, إيلون ماسك and Elon Musk all
become Q317521. Entries typed ``other`` (products, events: ChatGPT, VivaTech) are known
non-entities: their names are never reported.

To extend: add an entry to ``data/registry.yml`` (the file starts with a how-to), or keep
your own file and pass its path to :func:`load_registry`. Ids must be unique; without a
QID the id is ``"x-" + slug(name)``, the same id the resolver derives for unknown names,
so adding a registry entry later keeps existing ids stable.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import yaml
from anyascii import anyascii

GENERATED_PATH = os.path.join(os.path.dirname(__file__), "data", "registry.generated.yml")
DEFAULT_PATH = os.path.join(os.path.dirname(__file__), "data", "registry.yml")
TYPES = ("person", "organization", "place", "other")

# 1:1 character foldings (offsets stay valid when applied to a text)
_FOLD_1TO1 = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ی": "ي",
        "ک": "ك",
        "・": "·",
        "•": "·",
        "‧": "·",
        "．": ".",
        "’": "'",
        "‘": "'",
        "`": "'",
        "\u00a0": " ",
    }
)
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")


def fold(s: str) -> str:
    """Same-length folding used for matching names in texts (alef forms, dots, quotes)."""
    return (s or "").translate(_FOLD_1TO1)


# Pure and called for every mention and registry name of every build: cached per process.
@lru_cache(maxsize=1 << 18)
def norm_key(name: str) -> str:
    """Matching key of a name: case, accents, spacing, Arabic letter variants folded."""
    s = unicodedata.normalize("NFKC", name or "")
    s = _ARABIC_MARKS.sub("", s).translate(_FOLD_1TO1)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    s = unicodedata.normalize("NFC", s)
    s = s.casefold()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[\s·\-‐_'\".,()]+", "", s)
    return s


def slug_id(name: str) -> str:
    """Stable id for an entity without QID: "x-" + ascii slug (+ hash when non-Latin)."""
    asc = re.sub(r"[^a-z0-9]+", "-", anyascii(name or "").lower()).strip("-")[:48]
    if not asc or any(c.isalpha() and ord(c) > 0x24F for c in name or ""):
        h = hashlib.sha1(norm_key(name).encode("utf-8")).hexdigest()[:8]
        asc = f"{asc}-{h}" if asc else h
    return "x-" + asc


@dataclass
class RegEntity:
    """One registry entry: id, type, canonical name, names per language, aliases, QID."""

    id: str
    type: str
    name: str
    names: dict = field(default_factory=dict)
    aliases: dict = field(default_factory=dict)  # lang ("*" = any) → [alias]
    qid: str | None = None

    def all_names(self) -> list[str]:
        """Return every name and alias of the entity once, in order."""
        out = [self.name] + list(self.names.values())
        for vals in self.aliases.values():
            out.extend(vals)
        seen, uniq = set(), []
        for n in out:
            if n and n not in seen:
                seen.add(n)
                uniq.append(n)
        return uniq


class Registry:
    """Entities by id plus an index of every name's :func:`norm_key`."""

    def __init__(self, entities: list[RegEntity] | None = None):
        self.entities: dict[str, RegEntity] = {}
        self.by_key: dict[str, list[str]] = {}
        for e in entities or []:
            self.add(e)

    def add(self, e: RegEntity) -> None:
        """Index an entity under each of its name keys; a duplicate id is an error."""
        if e.id in self.entities:
            raise ValueError(f"duplicate registry id {e.id}")
        self.entities[e.id] = e
        for n in e.all_names():
            k = norm_key(n)
            if k:
                ids = self.by_key.setdefault(k, [])
                if e.id not in ids:
                    ids.append(e.id)
        self._patterns = None

    def lookup(self, name: str, type: str | None = None) -> RegEntity | None:
        """The entity one of whose names equals ``name`` after folding (first by file order)."""
        for eid in self.by_key.get(norm_key(name), ()):
            e = self.entities[eid]
            if type is None or e.type == type or e.type == "other":
                return e
        return None

    def names_for_matching(self) -> list[tuple[str, RegEntity]]:
        """(folded surface name, entity), longest first: what recognizers search texts for."""
        out = []
        for eid in sorted(self.entities):
            e = self.entities[eid]
            for n in e.all_names():
                if len(n) >= 2:
                    out.append((fold(n), e))
        out.sort(key=lambda t: (-len(t[0]), t[0], t[1].id))
        return out

    def __len__(self) -> int:
        return len(self.entities)


def _entity_from_dict(d: dict) -> RegEntity:
    if not isinstance(d, dict) or not d.get("name"):
        raise ValueError(f"registry entry without name: {d!r}")
    typ = str(d.get("type", "organization"))
    if typ not in TYPES:
        raise ValueError(f"registry entry {d['name']!r}: type {typ!r} not in {TYPES}")
    qid = d.get("id")
    qid = str(qid) if qid else None
    names = {str(k): str(v) for k, v in (d.get("names") or {}).items() if v}
    aliases = {}
    for k, vals in (d.get("aliases") or {}).items():
        if isinstance(vals, str):
            vals = [vals]
        aliases[str(k)] = [str(v) for v in vals or [] if v]
    eid = qid if qid else slug_id(str(d["name"]))
    return RegEntity(
        id=eid,
        type=typ,
        name=str(d["name"]),
        names=names,
        aliases=aliases,
        qid=qid if qid and re.fullmatch(r"Q\d+", qid) else None,
    )


def load_registry(path: str | None = None, hand_only: bool = False) -> Registry:
    """Load a registry YAML (default: the shipped ``data/registry.yml`` plus the reviewed
    entries of ``data/registry.generated.yml``, the hand file winning on a conflict)."""
    if path is not None or hand_only:
        return _load_cached(os.path.abspath(path or DEFAULT_PATH))
    return with_generated(DEFAULT_PATH, GENERATED_PATH)


@lru_cache(maxsize=8)
def _load_cached(path: str) -> Registry:
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    items = data.get("entities", []) if isinstance(data, dict) else data
    return Registry([_entity_from_dict(d) for d in items or []])


def with_generated(hand_path: str, generated_path: str) -> Registry:
    """The hand registry at ``hand_path`` plus the reviewed entries of a generated file."""
    return _load_with_generated(os.path.abspath(hand_path), os.path.abspath(generated_path))


@lru_cache(maxsize=2)
def _load_with_generated(hand_path: str, generated_path: str) -> Registry:
    """The hand registry plus the reviewed generated entries it does not contradict (same
    id, or a name the hand registry already gives another entity)."""
    hand = _load_cached(hand_path)
    reg = Registry(list(hand.entities.values()))
    if not os.path.exists(generated_path):
        return reg
    with open(generated_path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    for d in (data.get("entities") or []) if isinstance(data, dict) else []:
        if not isinstance(d, dict) or d.get("reviewed") is not True:
            continue
        d = dict(d)
        if re.fullmatch(r"Q\d+", str(d.get("qid") or "")):
            d["id"] = d["qid"]
        e = _entity_from_dict(d)
        if e.id in reg.entities or any(hand.lookup(n) is not None for n in e.all_names()):
            continue
        reg.add(e)
    return reg
