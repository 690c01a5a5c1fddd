"""Separate the article from page furniture in scraped plain text.

Signals, strongest first: cue phrases of appended content (data/boilerplate.yml) in the last
part of the text; lines other articles' bodies repeat, where the furniture rule says they are
chrome (furniture.py: at the edges of the text, short, not shared by copies of one body);
credit lines (kept as metadata); captions next to image credits; copies of the title; short
unpunctuated lines trailing the last real paragraph. No string of a particular article is
listed anywhere.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from .furniture import furniture_indices
from .lines import SHORT_LINE, is_short_unpunctuated, norm_line, width

__all__ = [
    "Cleaned",
    "Cues",
    "candidate_lines",
    "clean",
    "credit_of",
    "is_short_unpunctuated",
    "load_cues",
    "norm_line",
    "repeats_body",
    "similar",
    "width",
]

DATA_FILE = Path(__file__).parent / "data" / "boilerplate.yml"

# Appended content starts in the tail: never cut in the first part of the text.
TAIL_START = 0.3


@dataclass
class Cleaned:
    """What clean() keeps of one text: title, paragraphs with their kinds, credits."""

    title: str
    paragraphs: list[str]
    kinds: list[str]  # "p" or "h" (heading/caption-like short line), parallel to paragraphs
    credits: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Cues:
    """The phrases of data/boilerplate.yml, lower-cased, longest first."""

    tail: tuple
    drop: tuple
    credits: tuple  # ((kind, phrase), …)


@cache
def load_cues(path: str = str(DATA_FILE)) -> Cues:
    """The cue phrases of a boilerplate data file (data/boilerplate.yml by default)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))

    def flat(section):
        return tuple(
            sorted(
                {p.lower() for phrases in data[section].values() for p in phrases}, key=lambda p: (-len(p), p)
            )
        )

    credits = tuple(
        sorted(
            ((kind, p.lower()) for kind, phrases in data["credits"].items() for p in phrases),
            key=lambda kp: (-len(kp[1]), kp),
        )
    )
    return Cues(tail=flat("tail_markers"), drop=flat("drop_lines"), credits=credits)


def _starts_with_cue(line: str, phrases: tuple) -> str | None:
    low = unicodedata.normalize("NFKC", line).lower().strip(" \t*-–—|>#•·")
    for p in phrases:
        if low.startswith(p):
            rest = low[len(p) :]
            # A cue is a whole phrase: "comments" must not match "commentsection…" in prose.
            if not rest or not (rest[0].isalnum() and p[-1].isalnum() and p.isascii()):
                return p
    return None


def credit_of(line: str, cues: Cues) -> tuple[str, str] | None:
    """(kind, credited name) when the line is a credit ("Bildnachweis: Mike Butcher"), else None."""
    if width(line) > 2 * SHORT_LINE:
        return None
    low = unicodedata.normalize("NFKC", line).lower().strip()
    for kind, phrase in cues.credits:
        if low.startswith(phrase):
            rest = line.strip()[len(phrase) :]
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
    return {t[i : i + n] for i in range(max(0, len(t) - n + 1))}


def repeats_body(line: str, body_grams: set) -> bool:
    """A caption or pull quote repeats a sentence of the body (most of its trigrams)."""
    grams = _ngrams(line)
    return len(grams) >= 8 and len(grams & body_grams) >= 0.8 * len(grams)


def candidate_lines(lines: list[str], cues: Cues | None = None) -> tuple[str, list[str], list[str]]:
    """Pure: raw lines → (title, the lines that may be article text, appended content cut off).

    Steps: blank lines and leading rules out; the first line is the title; copies of the
    title right under it out; from a cue of appended content in the tail on, cut off."""
    cues = cues or load_cues()
    lines = [ln.strip() for ln in lines if ln.strip()]
    # A title says something: rules and separators above it ("---", "***", "====") are
    # decoration, not the title. A text without any letter or digit has no title.
    while lines and not any(ch.isalnum() for ch in lines[0]):
        lines = lines[1:]
    if not lines:
        return "", [], []
    title, rest = lines[0], lines[1:]
    # Scraped pages repeat the title (sometimes truncated) right under it.
    while rest[:1] and similar(title, rest[0]):
        rest = rest[1:]
    rest, tail = _cut_tail(rest, cues)
    return title, rest, tail


def clean(
    lines: list[str], shared: Mapping[str, int] | frozenset = frozenset(), cues: Cues | None = None
) -> Cleaned:
    """Pure: raw lines of one file → title, paragraphs and credits.

    ``shared`` is the corpus evidence for this text (furniture.shared_lines: its lines that
    other bodies contain, with their support; a plain set means support 2). Steps:
    candidate_lines; furniture_indices; _keep (credits, cue lines, title copies, captions);
    the outlet's copyright from the cut-off tail; trailing labels off."""
    cues = cues or load_cues()
    title, rest, tail = candidate_lines(lines, cues)
    if not title:
        return Cleaned("", [], [])
    support = shared if isinstance(shared, Mapping) else dict.fromkeys(shared, 2)
    credits, kept = _keep(title, rest, furniture_indices(rest, support), cues)
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


def _keep(title: str, rest: list[str], furniture: set[int], cues: Cues) -> tuple[dict, list[str]]:
    """(credits, kept lines) of the candidate lines: credit lines become credits (an image
    credit takes its caption, in the two lines above it, along); cue lines, furniture and
    copies of the title go."""
    credits: dict = {}
    kept: list[tuple[int, str]] = []
    for i, ln in enumerate(rest):
        credit = credit_of(ln, cues)
        if credit:
            kind, value = credit
            credits.setdefault(kind, value)
            if kind == "image":
                _drop_caption(kept, i)
            continue
        if _starts_with_cue(ln, cues.drop) and width(ln) <= 2 * SHORT_LINE:
            continue
        if i in furniture or similar(title, ln):
            continue
        kept.append((i, ln))
    return credits, [ln for _, ln in kept]


def _cut_tail(lines: list[str], cues: Cues) -> tuple[list[str], list[str]]:
    """(text, appended content): split at the first cue of appended content in the tail."""
    start = max(2, int(len(lines) * TAIL_START))
    for i in range(start, len(lines)):
        ln = lines[i]
        if width(ln) <= 2 * SHORT_LINE and _starts_with_cue(ln, cues.tail):
            return lines[:i], lines[i:]
    return lines, []


def _drop_caption(kept: list[tuple[int, str]], credit_at: int) -> None:
    """Remove up to two caption lines just above an image credit (at ``credit_at`` of the
    text: only its two neighbours above may be its caption, whatever else was dropped)."""
    for _ in range(2):
        if not kept or kept[-1][0] < credit_at - 2:
            return
        body_grams = set().union(*(_ngrams(p) for _, p in kept[:-1])) if len(kept) > 1 else set()
        last = kept[-1][1]
        if is_short_unpunctuated(last) or repeats_body(last, body_grams):
            kept.pop()
        else:
            return
