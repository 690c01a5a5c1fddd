"""Plain data passed between the stages: ingest → facts/entities → link → render.

Every stage takes and returns these classes; their JSON shape (briefing.json, `briefing
facts`) is produced here and nowhere else, so the export shape lives in one file. (Cache
entries are these objects pickled, generator/cache.py.)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

# Fact types, in the order a reader sees them on a page.
NUMERIC_TYPES = ("money", "percent", "quantity", "date")
ENTITY_TYPES = ("person", "organization", "place")
FACT_TYPES = NUMERIC_TYPES + ENTITY_TYPES

# Qualifiers keep "about", "more than" … that sources attach to a figure.
QUALIFIERS = ("approx", "over", "under", "at_least", "at_most")


@dataclass(frozen=True)
class Fact:
    """One key fact, anchored to ``body[start:end]`` of the article it came from.

    ``value`` is a float for money, percent (55 means 55 %) and quantity, and an
    ISO 8601 string for dates (partial allowed: "2023", "2023-04", "--04-11").
    Entity facts carry the canonical ``name`` and ``id`` instead.
    """

    type: str
    text: str
    start: int
    end: int
    value: Any = None
    currency: str | None = None  # ISO 4217, money only
    unit: str | None = None  # what a quantity counts ("listeners", "employees")
    qualifier: str | None = None  # one of QUALIFIERS
    name: str | None = None  # canonical entity name
    id: str | None = None  # canonical entity id (Wikidata QID when known)

    def to_json(self) -> dict[str, Any]:
        """The fact as briefing.json shows it: every field that is set."""
        out = {}
        for name in _FACT_FIELDS:
            v = getattr(self, name)
            if v is not None or name in ("type", "text", "start", "end"):
                out[name] = v
        return out

    @property
    def key(self) -> str:
        """A language-neutral identity of what the fact states (for linking/merging)."""
        if self.type in ENTITY_TYPES:
            return f"{self.type}:{self.id}"
        if self.type == "money":
            return f"money:{_num(self.value)}:{self.currency}"
        if self.type == "quantity":
            return f"quantity:{_num(self.value)}:{self.unit}"
        if self.type == "percent" and self.unit:
            # percentage points (a change of a rate) are not the percentage itself
            return f"percent:{_num(self.value)}:{self.unit}"
        return f"{self.type}:{_num(self.value)}"


def _num(v: Any) -> str:
    """A number as a key part: 44000000000.0 → "44000000000"."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# once, not dataclasses.fields() per fact: an export at 10,000 articles holds 137,000 facts
_FACT_FIELDS = tuple(f.name for f in fields(Fact))


@dataclass(frozen=True)
class Mention:
    """A recognized entity mention before resolution to a canonical entity."""

    type: str  # person | organization | place
    text: str
    start: int
    end: int
    alias: str | None = None  # a name the text itself gives: 馬斯克(Elon Musk) → "Elon Musk"

    def to_json(self) -> dict[str, Any]:
        """The mention's set fields."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Entity:
    """A canonical entity: names per language (BCP 47 → name) for display."""

    id: str
    type: str
    name: str  # canonical (English where known)
    names: dict[str, str] = field(default_factory=dict)
    qid: str | None = None

    def display_name(self, lang: str) -> str:
        """The name for language ``lang``: its own, else its base language's, else the canonical."""
        if lang in self.names:
            return self.names[lang]
        base = lang.split("-")[0]
        for k, v in sorted(self.names.items()):
            if k.split("-")[0] == base:
                return v
        return self.name

    def to_json(self) -> dict[str, Any]:
        """The entity as briefing.json lists it."""
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "names": dict(sorted(self.names.items())),
            "qid": self.qid,
        }


@dataclass
class Article:
    """One ingested seed: clean text plus metadata. ``body`` is what pages show."""

    id: str  # the seed file stem
    slug: str  # safe path component, unique in the corpus
    source: str  # file name as given in seeds/
    lang: str  # BCP 47
    title: str
    paragraphs: list[str]
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    credits: dict[str, str] = field(default_factory=dict)  # "editor", "image", "republished_from", …
    content_hash: str = ""
    warnings: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # "p" paragraph / "h" heading-like, per paragraph

    @property
    def body(self) -> str:
        """The clean text: the paragraphs joined by PARAGRAPH_SEP (facts' offsets point here)."""
        return PARAGRAPH_SEP.join(self.paragraphs)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph in ``body``."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for p in self.paragraphs:
            spans.append((pos, pos + len(p)))
            pos += len(p) + len(PARAGRAPH_SEP)
        return spans


# Facts' offsets point into the paragraphs joined with this separator.
PARAGRAPH_SEP = "\n\n"


@dataclass(frozen=True)
class Reason:
    """Why two articles are linked: a shared fact (``key``) or text similarity."""

    kind: str  # a fact type, or "text" for embedding similarity
    key: str
    weight: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The reason with its weight rounded for the export."""
        return {"kind": self.kind, "key": self.key, "weight": round(self.weight, 4)}


@dataclass(frozen=True)
class Link:
    """A link from one article to another, its score and the reasons shown with it."""

    id: str
    score: float
    reasons: tuple[Reason, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The link as briefing.json lists it (the linked id and the rounded score)."""
        return {"id": self.id, "score": round(self.score, 4)}


@dataclass(frozen=True)
class Comparison:
    """Figures that several sources report for one measure, side by side."""

    type: str  # money | percent | quantity
    items: tuple[tuple[str, Fact], ...]  # ((article_id, Fact), …)
    agree: bool

    def to_json(self) -> dict[str, Any]:
        """The comparison with each item's article id beside its fact's fields."""
        return {
            "type": self.type,
            "agree": self.agree,
            "items": [{"article": a, **f.to_json()} for a, f in self.items],
        }


@dataclass
class Event:
    """Articles on one story: members, their independent reports, compared figures."""

    id: str
    members: list[str]  # article ids, sorted
    comparisons: list[Comparison] = field(default_factory=list)
    # Members that are one report (a translation or a syndicated copy of one origin), each
    # group sorted, groups by first id; empty means every member is its own report.
    reports: list[list[str]] = field(default_factory=list)

    def origins(self) -> list[list[str]]:
        """The independent reports of the event: groups of member ids, one per origin."""
        return self.reports or [[m] for m in self.members]

    def to_json(self) -> dict[str, Any]:
        """The event as briefing.json lists it."""
        return {
            "id": self.id,
            "articles": list(self.members),
            "reports": self.origins(),
            "comparisons": [c.to_json() for c in self.comparisons],
        }


@dataclass
class BuildError:
    """A seed file the build could not use, and why (listed in briefing.json)."""

    source: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        """The error as briefing.json lists it."""
        return {"source": self.source, "reason": self.reason}


@dataclass
class Corpus:
    """Everything the renderer needs, after the corpus-wide stages (entities, linking)."""

    articles: dict[str, Article]
    facts: dict[str, list[Fact]]  # numeric and entity facts, by offset
    entities: dict[str, Entity]
    events: list[Event]
    same_event: dict[str, list[Link]]
    related: dict[str, list[Link]]
    errors: list[BuildError]

    def event_of(self) -> dict[str, str]:
        """Article id → the id of its event."""
        return {a: e.id for e in self.events for a in e.members}
