"""Writing systems, defined once for every stage: Unicode ranges of scripts (as bodies of
regex character classes) and the attached prefixes of Arabic words.

Ranges: Han = CJK Unified Ideographs with Extension A, plus the Compatibility Ideographs;
Arabic = the Arabic block, its Supplement and the Presentation Forms A and B; Arabic letters
= the letters of the Arabic block that names are written with (hamza to yeh, the extended
letters from alef wasla on).
"""

from __future__ import annotations

import re
from functools import lru_cache

HAN = "\u3400-\u9fff\uf900-\ufaff"
ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff"

HAN_RE = re.compile(f"[{HAN}]")
ARABIC_RE = re.compile(f"[{ARABIC}]")

# Arabic conjunctions and prepositions written attached to the next word (و ف ب ل ك).
ARABIC_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def is_han(ch: str) -> bool:
    """Whether the character ``ch`` is a Han ideograph."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def strip_variants(tok: str) -> list[str]:
    """The token and its readings without an attached prefix (والعراق → العراق, للعراق → العراق)."""
    return list(_strip_variants(tok))


@lru_cache(maxsize=100000)
def _strip_variants(tok: str) -> tuple[str, ...]:
    """strip_variants, memoized (names repeat across a corpus)."""
    out = [tok]
    for p in ("ولل", "فلل", "لل"):
        if tok.startswith(p) and len(tok) > len(p) + 1:
            out.append("ال" + tok[len(p) :])
    for p in ARABIC_PREFIXES:
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            out.append(tok[len(p) :])
    return tuple(out)
