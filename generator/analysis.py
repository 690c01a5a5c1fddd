"""What one article's text says: its numeric facts and its entity mentions (a pure stage).

This module is the analysis cache's entry point: the cache version is the code it can import
(generator/cache.py stage_version), so any change to an extractor starts a new table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Fact, Mention


@dataclass
class Analysis:
    """What one body yields: its numeric facts, its entity mentions, and why a part failed."""

    facts: list[Fact]  # numeric Facts
    mentions: list[Mention]
    error: str | None = None


def analyse(body: str, lang: str, published: date | None) -> Analysis:
    """Numeric facts and entity mentions of one body; a failing extractor costs only its part."""
    from .entities import recognize
    from .facts import extract_facts

    errors: list[str] = []
    facts: list[Fact] = []
    mentions: list[Mention] = []
    try:
        facts = extract_facts(body, lang, published)
    except Exception as exc:  # noqa: BLE001 - reported per article, never fatal to the build
        errors.append(f"fact extraction failed: {type(exc).__name__}: {exc}")
    try:
        mentions = recognize(body, lang)
    except Exception as exc:  # noqa: BLE001
        errors.append(f"entity recognition failed: {type(exc).__name__}: {exc}")
    return Analysis(facts, mentions, "; ".join(errors) or None)
