"""Key facts ranked: the few figures that matter first, duplicates merged.

A figure matters when the article puts it in its title or lead, repeats it, ties it to a
named entity (in the same sentence), or when it is large for its kind. These are signals of
the article's own structure, so the ranking needs no data per language. A figure stated
several times ("60 %" in the lead and again later) is one key fact, shown once.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..model import ENTITY_TYPES, NUMERIC_TYPES, Fact

TOP = 6  # key facts shown first; the rest go behind "more facts"
WEIGHTS = {"title": 4.0, "lead": 2.0, "repeated": 1.0, "entity": 1.0, "size": 1.0}
# Dates place a story in time; the figures are what it reports.
TYPE_PRIOR = {"money": 0.6, "percent": 0.5, "quantity": 0.5, "date": -1.0}
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class RankedFact:
    """A key fact: its first statement in the article, how often it is stated, its score."""

    fact: Fact
    count: int
    score: float
    sentences: tuple[int, ...]  # indexes of the sentences that state it


def _in_title(f: Fact, title: str) -> bool:
    """Whether the title states the figure: its text, or all its digit runs."""
    if f.text and _stated(f.text, title):
        return True
    runs = _DIGITS.findall(f.text)
    title_runs = set(_DIGITS.findall(title))
    return bool(runs) and any(len(r) > 1 for r in runs) and all(r in title_runs for r in runs)


def _stated(text: str, title: str) -> bool:
    r"""Whether ``text`` occurs in ``title`` with no digit just before or after it: what
    ``re.search(rf"(?<!\d){re.escape(text)}(?!\d)", title)`` answers, without compiling a
    pattern per figure (thousands of distinct ones on an events index overflow re's cache:
    a third of a language's rendering at 10,000 articles)."""
    at = title.find(text)
    while at >= 0:
        end = at + len(text)
        if not (at > 0 and title[at - 1].isdecimal()) and not (end < len(title) and title[end].isdecimal()):
            return True
        at = title.find(text, at + 1)
    return False


def _size(f: Fact) -> float:
    """How large the figure is for its kind, 0..1 (money and counts on a log scale)."""
    if not isinstance(f.value, (int, float)):
        return 0.0
    v = abs(float(f.value))
    if f.type == "money":
        return min(1.0, math.log10(v + 1) / 11)  # 100 billion and more: 1
    if f.type == "quantity":
        return min(1.0, math.log10(v + 1) / 7)
    return 0.0


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    """Index of the sentence whose span starts at or before ``offset``."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def rank_facts(
    facts: Sequence[Fact], title: str, spans: Sequence[tuple[int, int]], lead_end: int
) -> list[RankedFact]:
    """The article's figures and dates merged by what they state, most important first.

    Steps: group the shown facts by key; score each group (title, lead before ``lead_end``,
    repetition, an entity in one of its sentences, size, kind); sort by score, then by the
    first offset so that ties keep the article's order.
    """
    starts = [s for s, _e in spans]
    entity_sentences = {_sentence_of(starts, f.start) for f in facts if f.type in ENTITY_TYPES}
    groups: dict[str, list[Fact]] = {}
    for f in sorted(facts, key=lambda f: (f.start, f.end)):
        if f.type in NUMERIC_TYPES and f.value is not None:
            groups.setdefault(f.key, []).append(f)
    ranked = []
    for items in groups.values():
        first = items[0]
        sentences = tuple(sorted({_sentence_of(starts, f.start) for f in items}))
        score = (
            TYPE_PRIOR.get(first.type, 0.0)
            + WEIGHTS["title"] * any(_in_title(f, title) for f in items)
            + WEIGHTS["lead"] * (first.start < lead_end)
            + WEIGHTS["repeated"] * min(1.0, (len(items) - 1) / 2)
            + WEIGHTS["entity"] * bool(entity_sentences.intersection(sentences))
            + WEIGHTS["size"] * _size(first)
        )
        ranked.append(RankedFact(first, len(items), round(score, 6), sentences))
    ranked.sort(key=lambda r: (-r.score, r.fact.start))
    return ranked


def split_top(ranked: Sequence[RankedFact], top: int = TOP) -> tuple[list[RankedFact], list[RankedFact]]:
    """The key facts shown first and the rest (behind a disclosure), each in rank order."""
    return list(ranked[:top]), list(ranked[top:])


def unanchored_relative(f: Fact, lang: str, published: date | None) -> bool:
    """Whether a date fact is relative ("last October") with no publication date to resolve
    it: its own text read with any publication date gains a year it does not have now."""
    if f.type != "date" or published is not None or not isinstance(f.value, str):
        return False
    return f.value.startswith("--") and _gains_year(f.text, lang)


@lru_cache(maxsize=4096)
def _gains_year(text: str, lang: str) -> bool:
    """Whether the date extractor gives ``text`` a year once a publication date anchors it."""
    from ..facts import extract_facts

    anchored = [f for f in extract_facts(text, lang, date(2000, 6, 15)) if f.type == "date"]
    return any(isinstance(f.value, str) and not f.value.startswith("--") for f in anchored)
