"""The reading of one figure before overlaps are settled: what each extractor returns.

A plain mutable slots class rather than ``model.Fact`` (frozen, ~5x slower to build):
a text made only of figures yields hundreds of thousands of candidates, and only the
chosen ones become Facts (``generator.facts.extract_facts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Candidate:
    """One figure found in normalised text: ``norm[start:end]`` and what it means."""

    type: str  # money | percent | date | quantity
    start: int
    end: int
    value: Any = None
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None
