"""Candidate spans and the script patterns every recognizer shares.

Its own module so that the per-language recognizers (ar, latin, zh, the statistical
tagger) and the orchestration in ``recognize`` import it without importing each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HAN = r"\u3400-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
AR_LETTER = r"\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff"
AR_RE = re.compile(f"[{AR_LETTER}]")
LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ0-9]")


@dataclass
class Cand:
    """A candidate span: type is person | organization | place | other (blocks the span)."""

    start: int
    end: int
    type: str
    prio: int
    alias: str | None = None
