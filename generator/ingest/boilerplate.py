"""Separate the article from page furniture in scraped plain text.

Signals, strongest first: cue phrases of appended content (data/boilerplate.yml) in the last
part of the text; lines repeated across articles of the corpus (outlet chrome); credit lines
(kept as metadata); captions next to image credits; copies of the title; short unpunctuated
lines trailing the last real paragraph. No string of a particular article is listed anywhere.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).parent / "data" / "boilerplate.yml"

# A line this short (in characters, CJK counting double) with no closing punctuation is a
# heading, caption or label rather than a paragraph.
SHORT_LINE = 70
# Appended content starts in the tail: never cut in the first part of the text.
TAIL_START = 0.3
# Corpus-repeated lines longer than this may be shared wire copy, not chrome.
REPEATED_MAX = 120
# Dropping corpus-repeated lines must not remove most of an article (two copies of a story).
REPEATED_MAX_SHARE = 0.5

SENTENCE_END = set(".!?。！？؟…:：;；\"'”’」』)）»›")
_PUNCT_SPACE = re.compile(r"[\W_]+", re.UNICODE)


@dataclass
class Cleaned:
    title: str
    paragraphs: list[str]
    kinds: list[str]  # "p" or "h" (heading/caption-like short line), parallel to paragraphs
    credits: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Cues:
    tail: tuple
    drop: tuple
    credits: tuple  # ((kind, phrase), …)


@cache
def load_cues(path: str = str(DATA_FILE)) -> Cues:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))

    def flat(section):
        return tuple(sorted({p.lower() for phrases in data[section].values() for p in phrases},
                            key=lambda p: (-len(p), p)))

    credits = tuple(sorted(((kind, p.lower()) for kind, phrases in data["credits"].items() for p in phrases),
                           key=lambda kp: (-len(kp[1]), kp)))
    return Cues(tail=flat("tail_markers"), drop=flat("drop_lines"), credits=credits)


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
    return len(line) + len(_wide_class().findall(line))


def is_short_unpunctuated(line: str) -> bool:
    s = line.rstrip()
    return width(s) <= SHORT_LINE and (not s or s[-1] not in SENTENCE_END)


def _starts_with_cue(line: str, phrases: tuple) -> str | None:
    low = unicodedata.normalize("NFKC", line).lower().strip(" \t*-–—|>#•·")
    for p in phrases:
        if low.startswith(p):
            rest = low[len(p):]
            # A cue is a whole phrase: "comments" must not match "commentsection…" in prose.
            if not rest or not (rest[0].isalnum() and p[-1].isalnum() and p.isascii()):
                return p
    return None


def credit_of(line: str, cues: Cues) -> tuple[str, str] | None:
    if width(line) > 2 * SHORT_LINE:
        return None
    low = unicodedata.normalize("NFKC", line).lower().strip()
    for kind, phrase in cues.credits:
        if low.startswith(phrase):
            rest = line.strip()[len(phrase):]
            # "編輯部表示…" is prose; a credit has a separator after its label.
            if phrase[-1] in "/:：©" or not rest or rest[0] in ":：/ 　|" or kind == "copyright":
                return kind, rest.strip(" :：/|　")
    return None


def similar(a: str, b: str) -> bool:
    """Same line, or one a truncation of the other (scrapers repeat titles, cut)."""
    na, nb = norm_line(a), norm_line(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    if len(short) >= 0.5 * len(long_) and long_.startswith(short):
        return True
    return len(short) >= 0.6 * len(long_) and difflib.SequenceMatcher(None, na, nb).ratio() >= 0.9


def _ngrams(text: str, n: int = 3) -> set:
    t = norm_line(text)
    return {t[i:i + n] for i in range(max(0, len(t) - n + 1))}


def repeats_body(line: str, body_grams: set) -> bool:
    """A caption or pull quote repeats a sentence of the body (most of its trigrams)."""
    grams = _ngrams(line)
    return len(grams) >= 8 and len(grams & body_grams) >= 0.8 * len(grams)


def clean(lines: list[str], repeated: frozenset = frozenset(), cues: Cues | None = None) -> Cleaned:
    """Pure: raw lines of one file → title, paragraphs and credits."""
    cues = cues or load_cues()
    lines = [ln.strip() for ln in lines if ln.strip()]
    # A title says something: rules and separators above it ("---", "***", "====") are
    # decoration, not the title. A text without any letter or digit has no title.
    while lines and not any(ch.isalnum() for ch in lines[0]):
        lines = lines[1:]
    if not lines:
        return Cleaned("", [], [])
    title, rest = lines[0], lines[1:]
    # Scraped pages repeat the title (sometimes truncated) right under it.
    while rest[:1] and similar(title, rest[0]):
        rest = rest[1:]
    rest, tail = _cut_tail(rest, repeated, cues)

    repeated_here = [ln for ln in rest if norm_line(ln) in repeated and width(ln) <= REPEATED_MAX]
    drop_repeated = len(repeated_here) <= REPEATED_MAX_SHARE * max(1, len(rest))

    credits: dict = {}
    kept: list[str] = []
    for ln in rest:
        credit = credit_of(ln, cues)
        if credit:
            kind, value = credit
            credits.setdefault(kind, value)
            if kind == "image":
                _drop_caption(kept)
            continue
        if _starts_with_cue(ln, cues.drop) and width(ln) <= 2 * SHORT_LINE:
            continue
        if drop_repeated and norm_line(ln) in repeated and width(ln) <= REPEATED_MAX:
            continue
        if similar(title, ln):
            continue
        kept.append(ln)

    # The page footer names the outlet ("© 2025 … Corp."), even when it follows appended content.
    for ln in tail:
        credit = credit_of(ln, cues)
        if credit and credit[0] == "copyright":
            credits.setdefault(*credit)
    # Short unpunctuated lines after the last paragraph are labels, captions or tokens.
    while kept and is_short_unpunctuated(kept[-1]):
        kept.pop()
    if not kept and title:
        # A one-line article: its only line is both title and text.
        kept = [title]
    kinds = ["h" if is_short_unpunctuated(p) else "p" for p in kept]
    return Cleaned(title, kept, kinds, credits)


def _cut_tail(lines: list[str], repeated: frozenset, cues: Cues) -> tuple[list[str], list[str]]:
    start = max(2, int(len(lines) * TAIL_START))
    for i in range(start, len(lines)):
        ln = lines[i]
        if width(ln) > 2 * SHORT_LINE:
            continue
        if _starts_with_cue(ln, cues.tail):
            return lines[:i], lines[i:]
        # Outlet chrome that repeats across the corpus and keeps repeating to the end.
        if norm_line(ln) in repeated and is_short_unpunctuated(ln):
            later = sum(1 for x in lines[i + 1:] if norm_line(x) in repeated)
            if later >= 2:
                return lines[:i], lines[i:]
    return lines, []


def _drop_caption(kept: list[str]) -> None:
    """Remove up to two caption lines just above an image credit."""
    for _ in range(2):
        if not kept:
            return
        body_grams = set().union(*(_ngrams(p) for p in kept[:-1])) if len(kept) > 1 else set()
        last = kept[-1]
        if is_short_unpunctuated(last) or repeats_body(last, body_grams):
            kept.pop()
        else:
            return
