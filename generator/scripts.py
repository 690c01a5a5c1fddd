"""Writing systems, defined once for every stage: Unicode ranges of scripts, as bodies of
regex character classes and as compiled classes.

Ranges: Han = CJK Unified Ideographs with Extension A, plus the Compatibility Ideographs;
Arabic = the Arabic block, its Supplement and the Presentation Forms A and B.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u9fff\uf900-\ufaff"
ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"

HAN_RE = re.compile(f"[{HAN}]")
ARABIC_RE = re.compile(f"[{ARABIC}]")


def is_han(ch: str) -> bool:
    """Whether the character ``ch`` is a Han ideograph."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
