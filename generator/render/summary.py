"""An extractive summary of an article: a few of its own sentences, in reading order.

Scoring is language-neutral, so it works for languages we have no data for:
* position — news puts the essentials first (a lead bonus that decays with the index);
* centrality — overlap of the sentence's character n-grams with the rest of the article
  (character n-grams need no tokenizer: they work for Chinese as for German);
* facts — figures and named entities found in the sentence (what a reader looks for).
Too-short sentences (datelines, captions) and heading-like paragraphs are never chosen.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Fact

NGRAM = 3
MIN_CHARS = 8  # shorter "sentences" are datelines, captions, credits …
MIN_SHARE = 0.35  # … as are those under this share of the median sentence length
MAX_SENTENCES = 3
MIN_SENTENCES_FOR_THREE = 6  # a short article gets two sentences
MAX_CHARS = 600  # a third sentence is dropped when the first two already say this much
_NON_WORD = re.compile(r"[\W_]+")
WEIGHTS = {"position": 1.0, "centrality": 1.5, "facts": 0.6}


@dataclass(frozen=True)
class Scored:
    """One candidate sentence: its span in the body and its score parts."""

    index: int
    start: int
    end: int
    score: float


def _grams(text: str) -> Counter:
    """Character n-grams of the text's words (letters and digits; case- and width-folded).
    Words are set apart by two spaces, so that no n-gram spans letters of two words."""
    t = _NON_WORD.sub("  ", f" {unicodedata.normalize('NFKC', text).casefold()} ")
    out = Counter([t[i : i + NGRAM] for i in range(len(t) - NGRAM + 1)])
    out.pop(" " * NGRAM, None)
    return out


def _centrality(bag: Counter, total: Counter, total_norm2: int) -> float:
    """Cosine of a sentence's bag with the bag of all the other sentences (total − bag),
    from the total's squared norm: linear in the sentence, not in the article."""
    cross = bag_norm2 = 0
    for k, v in bag.items():
        cross += v * total[k]
        bag_norm2 += v * v
    dot = cross - bag_norm2  # bag · (total − bag)
    rest_norm2 = total_norm2 - 2 * cross + bag_norm2
    if dot <= 0 or rest_norm2 <= 0:
        return 0.0
    return dot / math.sqrt(bag_norm2 * rest_norm2)


def _candidates(
    body: str, spans: Sequence[tuple[int, int]], headings: Sequence[tuple[int, int]]
) -> list[int]:
    """Indexes of the sentences that may be chosen: long enough, not inside a heading."""
    lengths = sorted(len(body[s:e].strip()) for s, e in spans)
    # Relative to the article's own sentences: a Chinese sentence is short in characters.
    floor = (
        max(MIN_CHARS, MIN_SHARE * lengths[(len(lengths) - 1) // 2]) if lengths else MIN_CHARS
    )  # lower median
    out = []
    for i, (s, e) in enumerate(spans):
        if len(body[s:e].strip()) < floor:
            continue
        if any(hs <= s < he for hs, he in headings):
            continue
        out.append(i)
    return out


def score_sentences(
    body: str,
    spans: Sequence[tuple[int, int]],
    facts: Sequence[Fact] = (),
    headings: Sequence[tuple[int, int]] = (),
) -> list[Scored]:
    """Every candidate sentence with its score: position, centrality and facts, weighted."""
    chosen = _candidates(body, spans, headings)
    if not chosen:
        return []
    bags = {i: _grams(body[spans[i][0] : spans[i][1]]) for i in chosen}
    total: Counter = Counter()
    for bag in bags.values():
        total.update(bag)
    total_norm2 = sum(v * v for v in total.values())
    starts = [s for s, _e in spans]
    per_sentence: Counter = Counter()
    for f in facts:
        i = bisect.bisect_right(starts, f.start) - 1
        if i >= 0 and f.start < spans[i][1]:
            per_sentence[i] += 1
    out = []
    for rank, i in enumerate(chosen):
        centrality = _centrality(bags[i], total, total_norm2)
        position = 1.0 / (1.0 + rank)
        found = 1.0 - 1.0 / (1.0 + per_sentence[i])  # 0, ½, ⅔ … saturating
        score = WEIGHTS["position"] * position + WEIGHTS["centrality"] * centrality + WEIGHTS["facts"] * found
        out.append(Scored(i, spans[i][0], spans[i][1], score))
    return out


def summarize(
    body: str,
    spans: Sequence[tuple[int, int]],
    facts: Sequence[Fact] = (),
    headings: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """The (start, end) spans of the 2–3 best sentences, in the order the article has them."""
    scored = score_sentences(body, spans, facts, headings)
    n = MAX_SENTENCES if len(scored) >= MIN_SENTENCES_FOR_THREE else min(2, len(scored))
    best = sorted(scored, key=lambda c: (-c.score, c.index))[:n]
    best.sort(key=lambda c: c.index)
    if len(best) == MAX_SENTENCES and sum(c.end - c.start for c in best[:2]) > MAX_CHARS:
        best = sorted(sorted(best, key=lambda c: (-c.score, c.index))[:2], key=lambda c: c.index)
    return [(c.start, c.end) for c in best]
