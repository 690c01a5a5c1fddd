"""Measures of one line of text that ingest's rules share: its comparison key, its width, and
whether it reads as a label (short, no closing punctuation) rather than a sentence."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A line this short (in characters, CJK counting double) with no closing punctuation is a
# heading, caption or label rather than a paragraph.
SHORT_LINE = 70

SENTENCE_END = set(".!?。！？؟…:：;；\"'”’」』)）»›")
_PUNCT_SPACE = re.compile(r"[\W_]+", re.UNICODE)


def norm_line(line: str) -> str:
    """Comparison key of a line: case, spaces and punctuation folded."""
    return _PUNCT_SPACE.sub("", unicodedata.normalize("NFKC", line).lower())


@lru_cache(maxsize=1)
def _wide_class() -> re.Pattern:
    """East Asian Wide/Fullwidth characters (UAX #11) of this Python's Unicode data, as one
    character class: a regex count is much faster than unicodedata per character, which
    dominated ingest at 10,000 articles."""
    ranges, start = [], None
    for cp in range(0x30000):
        wide = unicodedata.east_asian_width(chr(cp)) in "WF" and unicodedata.category(chr(cp)) != "Cn"
        if wide and start is None:
            start = cp
        elif not wide and start is not None:
            ranges.append((start, cp - 1))
            start = None
    return re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges) + "]")


def width(line: str) -> int:
    """The display width of a line: characters, East Asian wide ones counting double."""
    return len(line) + len(_wide_class().findall(line))


def is_short_unpunctuated(line: str) -> bool:
    """True when the line is a label: at most SHORT_LINE wide and no closing punctuation."""
    s = line.rstrip()
    return width(s) <= SHORT_LINE and (not s or s[-1] not in SENTENCE_END)
