"""Input and output of the linker."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.model import PARAGRAPH_SEP, Event, Fact, Link


@dataclass
class LinkDoc:
    """What the linker needs of one article (facts' offsets point into :attr:`body`)."""

    id: str
    lang: str
    title: str
    paragraphs: list[str]
    published: date | None = None
    facts: list[Fact] = field(default_factory=list)
    content_hash: str = ""
    # (text features, Latin-script?) when already known (signature.text_signature, cached
    # per article by the pipeline): they depend on the text only and cost most of indexing
    text_sig: tuple | None = None

    @property
    def body(self) -> str:
        """The paragraphs joined as the article's body (facts' offsets point here)."""
        return PARAGRAPH_SEP.join(self.paragraphs)


@dataclass
class LinkResult:
    """What linking gives: the events, same-event links and related coverage per article."""

    events: list[Event]  # every article in exactly one event, sorted by id
    same_event: dict[str, list[Link]]  # article id → the other members, best first
    related: dict[str, list[Link]]  # article id → related coverage (other events), best first

    def event_of(self) -> dict[str, str]:
        """Article id → event id."""
        return {m: e.id for e in self.events for m in e.members}
