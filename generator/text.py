"""Text helpers the stages share: sentence spans of a clean body (rendering's anchors,
linking's context) and slugs (ingest names articles with them, rendering names files)."""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata

from .model import PARAGRAPH_SEP

_SLUG_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")

# A sentence ends at terminal punctuation (Latin, CJK full-width, Arabic ؟) plus any closing
# quotes/brackets; Latin full stops need a following space so "X.ai" and "16.9" stay whole.
_END = re.compile(r"(?:[。！？!?؟]+|(?<!\d)\.(?=\s)|\.{3}|…)[\"'“”’」』)）»]*\s*")


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; sentences never cross paragraph breaks."""
    spans = []
    pos = 0
    for para in body.split(PARAGRAPH_SEP):
        start = pos
        for m in _END.finditer(para):
            end = pos + m.end()
            if end > start:
                spans.append((start, _rstrip(body, start, end)))
            start = end
        if start < pos + len(para):
            spans.append((start, pos + len(para)))
        pos += len(para) + len(PARAGRAPH_SEP)
    return [(s, e) for s, e in spans if e > s]


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1].isspace():
        end -= 1
    return end


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence containing ``offset`` (the nearest one before it otherwise)."""
    starts = [s for s, _ in spans]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def slugify(stem: str) -> str:
    """A path component that is safe on every file system and URL; stable for a stem."""
    if _SLUG_OK.match(stem) and ".." not in stem:
        return stem
    from anyascii import anyascii

    ascii_ = re.sub(r"[^A-Za-z0-9]+", "-", anyascii(unicodedata.normalize("NFC", stem))).strip("-").lower()
    digest = hashlib.sha1(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{ascii_[:60]}-{digest}" if ascii_ else f"article-{digest}"
