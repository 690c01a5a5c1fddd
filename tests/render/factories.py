"""Hand-made model objects for the render tests."""

from __future__ import annotations

from datetime import date

from generator.model import Article


def article(aid: str, lang: str, title: str, paragraphs: list[str], published: date | None = None) -> Article:
    """An Article as ingest makes one from ``<aid>.txt``: slug = id, every paragraph a "p"."""
    return Article(
        id=aid,
        slug=aid,
        source=f"{aid}.txt",
        lang=lang,
        title=title,
        paragraphs=list(paragraphs),
        kinds=["p"] * len(paragraphs),
        published=published,
    )
