"""Countries and regions as entities, named from CLDR in every language.

A place mention whose text is a CLDR territory name in any of the lookup locales (or an
alias from ``data/places.yml``) becomes one entity per territory, whatever the language or
script it was found in: Frankreich, France, فرنسا and 法國 are ``x-cldr-FR``, displayed as
Babel's name of FR in the reader's language. Arabic attached prefixes are read through
(وفرنسا, لفرنسا).
"""

from __future__ import annotations

import os
from functools import lru_cache

import yaml

from .registry import RegEntity, norm_key
from .variants import lookup_variants

DATA = os.path.join(os.path.dirname(__file__), "data", "places.yml")
ID_PREFIX = "x-cldr-"


@lru_cache(maxsize=1)
def _config() -> dict:
    """The parsed data/places.yml."""
    with open(DATA, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def _babel_tag(lang: str) -> str:
    """Babel's identifier for a BCP 47 tag (zh-Hant → zh_Hant)."""
    return lang.replace("-", "_")


@lru_cache(maxsize=64)
def _territories(locale: str) -> dict[str, str]:
    """Territory code → name in one locale (empty when Babel does not know it)."""
    from babel import Locale

    try:
        return dict(Locale.parse(locale).territories)
    except Exception:
        return {}


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """norm_key(name) → territory code, over every lookup locale and alias; a name that
    means two territories in two locales is left out."""
    cfg = _config()
    skip = {str(s) for s in cfg.get("skip", [])}
    seen: dict[str, set[str]] = {}
    for loc in cfg.get("lookup_locales", []):
        for code, name in _territories(str(loc)).items():
            if code in skip or not name:
                continue
            for n in {name, name.split("(")[0].strip()}:
                seen.setdefault(norm_key(n), set()).add(code)
    index = {k: next(iter(v)) for k, v in sorted(seen.items()) if k and len(v) == 1}
    # an alias is a person's explicit choice: it wins over a name CLDR gives two territories
    # ("Amerika" is the Americas in some locales, the United States in everyday German)
    for code, names in (cfg.get("aliases") or {}).items():
        for n in names:
            if norm_key(str(n)):
                index[norm_key(str(n))] = str(code)
    return dict(sorted(index.items()))


def territory_code(name: str) -> str | None:
    """The CLDR territory code a place name stands for, or None."""
    idx = _index()
    for v in lookup_variants(name):
        code = idx.get(norm_key(v))
        if code:
            return code
    return None


@lru_cache(maxsize=512)
def territory_entity(code: str) -> RegEntity:
    """The entity of a territory: English name, names in the display languages."""
    names = {}
    for lang in _config().get("display_languages", []):
        n = _territories(_babel_tag(str(lang))).get(code)
        if n:
            names[str(lang)] = n
    name = _territories("en").get(code, code)
    return RegEntity(id=ID_PREFIX + code, type="place", name=name, names=names)


def lookup_place(name: str) -> RegEntity | None:
    """The territory entity for a place name (any language or script), or None."""
    code = territory_code(name)
    return territory_entity(code) if code else None


def is_territory_id(eid: str) -> bool:
    """Whether an entity id is one made here."""
    return eid.startswith(ID_PREFIX)


def entity_for_id(eid: str) -> RegEntity | None:
    """The territory entity of an id made here, or None."""
    return territory_entity(eid[len(ID_PREFIX) :]) if is_territory_id(eid) else None
