"""Readings of a name to look up in the registry or CLDR: the name itself, then without a
German/English genitive s (Musks, Twitter's), then without an Arabic attached prefix
(وفرنسا → فرنسا, للعراق → العراق). One helper, so the resolver and the territory lookup
read names the same way.
"""

from __future__ import annotations

import re

from .cand import AR_RE
from .registry import fold

_GENITIVE = re.compile(r"(?<=[a-z])(s|’s|'s)$")


def lookup_variants(name: str) -> list[str]:
    """The readings of ``name`` to try, most literal first."""
    name = name.strip()
    out = [name]
    if _GENITIVE.search(name):
        out.append(_GENITIVE.sub("", name))
    if AR_RE.search(name):
        from .ar import strip_variants

        out += strip_variants(fold(name))[1:]
    return out
