"""Corpus → Markdown pages of one site language (pure: returns {relative path: text}).

Article text is untrusted: everything from an article is HTML-escaped and emitted inside raw
HTML blocks, so Markdown, HTML, Jinja or front-matter syntax in it is shown, never run.
Every label comes from the language's gettext catalog; every figure is formatted by Babel.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache, partial

import yaml
from babel import Locale
from babel.lists import format_list

from ..config import Config, SiteLanguage
from ..ingest import language as _language
from ..link.compare import values_agree
from ..model import ENTITY_TYPES, NUMERIC_TYPES, PARAGRAPH_SEP, Article, Corpus, Entity, Fact, Link
from ..text import sentence_spans
from . import formatting as _formatting
from .digest import PageDigests, for_language
from .formatting import (
    TYPE_LABELS,
    TYPE_PLURALS,
    closeness,
    counted_fact_html,
    fact_html,
    format_fact,
    format_number,
    isolate,
    label_text,
    list_html,
    list_text,
    name_html,
    unit_html,
)
from .i18n import N_, translations
from .keyfacts import RankedFact, rank_facts, split_top, unanchored_relative
from .paths import article_path, entity_path, event_path, rel, url_of
from .summary import summarize

CREDIT_LABELS = {
    "editor": N_("Editor"),
    "image": N_("Image"),
    "sources": N_("Sources"),
    "republished_from": N_("Republished from"),
}  # the copyright line only names the outlet; the footer itself is not shown
MAX_REASONS = 4
MAX_ENTITY_INDEX = 500

# Pure functions of (tag, locale) or (date, locale), called for every article on every list
# of every page: each call parses a Babel locale (a third of render time at 1,000 articles).
script_direction = lru_cache(maxsize=None)(_language.script_direction)
language_name = lru_cache(maxsize=None)(_formatting.language_name)
format_day = lru_cache(maxsize=None)(_formatting.format_day)
# The C emitter when PyYAML has it (same YAML, ~10x faster than the pure-Python one, which
# was 40 % of render time); the keys and values of front matter are plain strings and lists.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# An entity gets its own page when articles of at least this many stories mention it (a
# story: an event, or an article no event holds). An entity of one story only is reached
# from that story's articles and event page, which list the same coverage; such entities
# are most of a large corpus (half the site's pages at 10,000 articles, and of its index).
# Three, not two (issue 19, the site-size wall): a page listing two stories is a thin page
# (the two are usually linked to each other already); on the 20,000-article benchmark
# corpus 9,246 → 8,084 entity pages per language, ≈ −35 MB of the four languages' site.
MIN_ENTITY_STORIES = 3
# Articles listed under "Same event" on an article's page: the closest ones (the linker
# orders them best first), then the event page's link, which lists them all. Every article
# listing all the others made an event of k articles cost k² list items: at 20,000 articles
# ~2.3 KB of each article page in each language, the largest part of the page after the
# chrome (GitHub Pages' 1 GB). The event page and briefing.json keep every member.
# Three, not five: the event page is one click away (−13 MB at 20,000 in four languages).
SAME_EVENT_SHOWN = 3
# "Related coverage": the linker's closest three (best first; its fourth and fifth, the
# weakest, stay in briefing.json). Three, not four (issue 19): the 20,000-article benchmark
# site measured 1,004 MB with four; the fourth items were 20 MB of it.
RELATED_SHOWN = 3
# An entity page lists its newest stories (an event or a single article) up to this many, then
# says how many older ones there are (search finds them by the entity's name): the stories of a
# country or a head of state ran to hundreds of items, 800 KB a page (~22 MB at 20,000).
ENTITY_STORIES_SHOWN = 30
HOME_EVENTS = 10  # events shown first on the home page
EVENT_CARD_FIGURES = 4  # key figures on an event's card


@cache
def _sentences(body: str) -> tuple[list, list]:
    """Sentence spans of a body and their starts, computed once per article: article, event
    and entity pages of every language look them up for each fact."""
    spans = sentence_spans(body)
    return spans, [s for s, _ in spans]


def sentence_at(body: str, offset: int) -> int:
    """text.sentence_index without rebuilding the starts list on every call."""
    return max(0, bisect.bisect_right(_sentences(body)[1], offset) - 1)


def esc(text) -> str:
    """The text HTML-escaped, quotes included (safe in attributes)."""
    return html.escape(str(text), quote=True)


@dataclass
class View:
    """A site language with its translations and locale: the renderer's reading glasses."""

    lang: SiteLanguage
    locale: Locale
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    # The site's languages (codes, in order) and its default one: where articles' texts live.
    site_languages: tuple[str, ...] = ()
    default_language: str = ""

    @classmethod
    def of(cls, lang: SiteLanguage, cfg: Config | None = None) -> View:
        """The view of a site language: its catalog and Babel locale (and, with ``cfg``, the
        site's other languages)."""
        t = translations(lang.locale)
        codes = tuple(x.code for x in cfg.languages) if cfg else ()
        return cls(lang, lang.babel, t.gettext, t.ngettext, codes, cfg.default_language if cfg else "")

    def text_home(self, article_lang: str) -> str:
        """The site language whose page of an article in ``article_lang`` holds its text: this
        one if it shares the article's language, else the first that does, else the default."""
        base = article_lang.split("-")[0].lower()
        same = [c for c in self.site_languages if c.split("-")[0].lower() == base]
        if self.lang.code.split("-")[0].lower() == base or not self.site_languages:
            return self.lang.code
        return same[0] if same else self.default_language or self.lang.code

    def _(self, msg: str) -> str:
        return self.gettext(msg)


def front_matter(**fields) -> str:
    """A page's YAML front matter block from its fields."""
    # Titles go through html.escape: Material prints page titles unescaped in <title>/header.
    return (
        "---\n"
        + yaml.dump(fields, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=True, width=1000)
        + "---\n\n"
    )


def newest_first(articles) -> list[Article]:
    """The articles newest first; undated ones last, then by id."""
    return sorted(articles, key=lambda a: (a.published is None, -(a.published or date.min).toordinal(), a.id))


@dataclass(frozen=True)
class Listing:
    """What the pages of every language read the same way: the articles newest first, the
    event of each article, and the entities that get a page with the articles naming them."""

    ordered: list
    event_of: dict
    mentions: dict
    story_events: dict  # article id → its event's id, for the events that have a page

    @classmethod
    def of(cls, corpus: Corpus) -> Listing:
        """The listing of a corpus, worked out once for every language."""
        event_of = corpus.event_of()
        return cls(
            newest_first(corpus.articles.values()),
            event_of,
            entity_mentions(corpus, event_of),
            story_events(corpus),
        )


def corpus_pages(corpus: Corpus, listing: Listing, digests: PageDigests | None = None):
    """The pages made from the corpus, the same list in every language: (path, digest of
    their inputs → str, render(view) → Markdown). Listing pages are not among them."""
    event_of, mentions = listing.event_of, listing.mentions
    digests = digests or PageDigests(corpus)
    for a in listing.ordered:
        yield (
            article_path(a.slug),
            partial(digests.article_page, a.id, event_of, mentions),
            partial(render_article, a, corpus, event_of=event_of, paged=mentions),
        )
    for ev in corpus.events:
        if len(ev.members) > 1:
            yield event_path(ev.id), partial(digests.event_page, ev), partial(render_event, ev, corpus)
    for eid, ids in mentions.items():
        yield (
            entity_path(eid),
            partial(digests.entity_page, eid, ids),
            partial(render_entity, corpus.entities[eid], ids, corpus, event_pages=listing.story_events),
        )


def render_language(
    corpus: Corpus,
    lang: SiteLanguage,
    cfg: Config,
    reuse=None,
    digests: PageDigests | None = None,
    listing: Listing | None = None,
) -> dict:
    """Every page of one site language: path → Markdown.

    ``reuse(path, digest)`` (optional) may answer with a stand-in for a page whose inputs
    (render/digest.py) are those of a page already built; the page is then not rendered.
    ``digests`` and ``listing`` may be shared by the languages of one build.
    """
    view = View.of(lang, cfg)
    listing = listing or Listing.of(corpus)
    base = reuse_base(lang, cfg) if reuse else ""
    pages: dict = {}
    for path, digest, render in corpus_pages(corpus, listing, digests):
        kept = reuse(path, for_language(base, digest())) if reuse else None
        pages[path] = kept if kept is not None else render(view)
    pages.update(render_home(listing, corpus, view, cfg))
    pages["events/index.md"] = render_events_index(corpus, view)
    pages["entities/index.md"] = render_entities_index(corpus, listing.mentions, view)
    return pages


# ----------------------------------------------------------------------------- article


def reuse_base(lang: SiteLanguage, cfg: Config) -> str:
    """What every page of a site language depends on besides its articles: the render code,
    the message catalogs, the language and the configuration."""
    from ..cache import stage_version
    from .i18n import catalogs_digest

    # every module the pages can be made with, and the libraries they use (Babel's CLDR data)
    return f"{stage_version(__name__)}:{catalogs_digest()}:{lang!r}:{cfg!r}"


def render_article(a: Article, corpus: Corpus, view: View, event_of: dict, paged=None) -> str:
    """An article's page: title, summary, meta, key facts, links, its text and credits."""
    _ = view._
    here = article_path(a.slug)
    facts = corpus.facts.get(a.id, [])
    body = a.body
    spans = _sentences(body)[0]
    summary = summary_text(a, facts)
    # The description (the summary's start, in the article's language) only on the page that
    # holds the article's text: on the others it was foreign text repeated for search
    # engines, which find the page through its sitemap's alternates (~200 bytes a page).
    meta = {"description": esc(excerpt(summary or body))} if not text_url(a, view) else {}
    out = [
        front_matter(title=esc(a.title), hide=["navigation"], **meta),
        title_block(a, view),
        summary_block(a, summary, view),
        meta_block(a, view),
        "",
    ]
    out.append(key_facts_block(a, facts, spans, view))
    out.append(entity_chips(facts, corpus.entities, view, here, paged))
    out.append(links_block(a, corpus, view, event_of, here))
    out.append(f"## {_('Original text')} {{#original}}\n")
    out.append(original_block(a, spans, view) if not text_url(a, view) else original_link(a, view))
    if a.credits:
        out.append(credits_block(a, view))
    return "\n".join(out) + "\n"


def key_facts_block(a: Article, facts: list[Fact], spans, view: View) -> str:
    """The "Key facts" section: the ranked few as cards, the rest behind "more facts"."""
    _ = view._
    out = [f"## {_('Key facts')} {{#key-facts}}\n"]
    # A relative date that could not be resolved ("two weeks ago" without a publication date)
    # tells the reader nothing; it stays in briefing.json with value null.
    ranked = rank_facts(facts, a.title, spans, lead_end(a, spans))
    if not ranked:
        out.append(f'<p class="empty">{esc(_("No figures or dates found in this article."))}</p>\n')
        return "\n".join(out)
    top, rest = split_top(ranked)
    out.append(
        '<div class="facts-grid">' + "".join(fact_card(r.fact, a, spans, view) for r in top) + "</div>\n"
    )
    if rest:
        more = view.ngettext("{n} more fact", "{n} more facts", len(rest)).format(n=len(rest))
        out.append(
            f'<details class="more-facts"><summary>{esc(more)}</summary>'
            '<div class="facts-grid">'
            + "".join(fact_card(r.fact, a, spans, view) for r in rest)
            + "</div></details>\n"
        )
    return "\n".join(out)


def links_block(a: Article, corpus: Corpus, view: View, event_of: dict, here: str) -> str:
    """The "Same event" section (with the event page's link) and "Related coverage"."""
    _ = view._
    same = corpus.same_event.get(a.id, [])
    # Lists of other articles' titles stay out of the search index: each title is indexed
    # on its own page, and repeating it on every page that links there multiplies the index.
    out = [f"## {_('Same event')} {{#same-event data-search-exclude}}\n"]
    if same:
        ev = event_of.get(a.id)
        out.append(link_list(a, same[:SAME_EVENT_SHOWN] if ev else same, corpus, view, here))
        if ev:
            out.append(
                f'<p class="event-link"><a href="{rel(here, event_path(ev))}">'
                f"{esc(_('All coverage of this event, with figures compared'))}</a></p>\n"
            )
    else:
        out.append(f'<p class="empty">{esc(_("No other article covers this event yet."))}</p>\n')
    related = corpus.related.get(a.id, [])
    if related:
        out.append(f"## {_('Related coverage')} {{#related data-search-exclude}}\n")
        out.append(link_list(a, related[:RELATED_SHOWN], corpus, view, here))
    return "\n".join(out)


def lead_end(a: Article, spans) -> int:
    """Where an article's lead ends: after its first two sentences outside headings."""
    kinds = a.kinds or ["p"] * len(a.paragraphs)
    heads = [ps for ps, k in zip(a.paragraph_spans(), kinds, strict=False) if k == "h"]
    body_sentences = [e for s, e in spans if not any(hs <= s < he for hs, he in heads)]
    return body_sentences[min(1, len(body_sentences) - 1)] if body_sentences else 0


def summary_text(a: Article, facts: list[Fact]) -> str:
    """The article's summary: its 2–3 key sentences (summary.py), joined as the text has them."""
    return _summary(a.body, tuple(a.kinds or ()), tuple(facts))


@cache
def _summary(body: str, kinds: tuple, facts: tuple) -> str:
    """summary_text for one body (cached: listings of every language show it again)."""
    spans = _sentences(body)[0]
    paragraphs = body.split(PARAGRAPH_SEP)
    heads, pos = [], 0
    for i, p in enumerate(paragraphs):
        if i < len(kinds) and kinds[i] == "h":
            heads.append((pos, pos + len(p)))
        pos += len(p) + len(PARAGRAPH_SEP)
    chosen = summarize(body, spans, facts, heads)
    return " ".join(" ".join(body[s:e].split()) for s, e in chosen)


def summary_block(a: Article, summary: str, view: View) -> str:
    """The summary under the title, in the article's language, translatable."""
    if not summary:
        return ""
    # Like the text (original_block): another language's summary stays out of this site's
    # search index (a third of it; titles, facts and entity names stay searchable).
    tr = _tr(a.lang, view)
    exclude = " data-search-exclude" if tr else ""
    return (
        f'<p class="summary" lang="{esc(a.lang)}" dir="{script_direction(a.lang)}"'
        f"{exclude}{tr}>{esc(summary)}</p>\n"
    )


def _tr(lang: str, view: View, at: str = "") -> str:
    """The attributes that offer on-device translation (translate.js) of foreign text."""
    if lang.split("-")[0].lower() == view.lang.code.split("-")[0].lower():
        return ""
    return " data-tr" + (f' data-tr-at="{at}"' if at else "")


def _tr_group(lang: str, view: View) -> str:
    """The attribute that offers translation of a list item's foreign pieces as one block
    (translate.js: its pieces are the elements with a lang, the control at its end)."""
    # One attribute, not data-tr data-tr-at="end" and data-tr-unit on each piece: ~40 bytes
    # on each of the ~1.5 million foreign list items of a 20,000-article site.
    return f' data-tr-lang="{esc(lang)}"' if _tr(lang, view) else ""


def script_labels(view: View) -> dict[str, str]:
    """The UI strings assets/javascripts/briefing.js adds to a page, once per language: the
    translate.js labels (#tr-labels, written where the page has foreign text) and the fact
    cards' tooltip. Constant per language, so pages do not repeat them (~350 bytes a page)."""
    _ = view._
    target = language_name(view.lang.code, view.locale)
    return {
        "target": view.lang.code,
        "dir": view.lang.dir,
        "translate": _("Translate into {language}").format(language=target),
        "original": _("Show original"),
        "working": _("Translating…"),
        "progress": _("Downloading the translation model: {percent}"),
        "failed": _("The translation failed; the original is shown."),
        "fact_source": _("Show the sentence this comes from"),
    }


def title_block(a: Article, view: View | None = None) -> str:
    """The article's headline as the page's h1, in its own language (translatable)."""
    tr = _tr(a.lang, view) if view is not None else ""
    return f'<h1 class="article-title" lang="{esc(a.lang)}" dir="{script_direction(a.lang)}"{tr}>{esc(a.title)}</h1>\n'


def meta_block(a: Article, view: View) -> str:
    """The article's outlet, date, language and link to the original, as one line."""
    _ = view._
    parts = []
    outlet = a.outlet or _("Unknown outlet")
    parts.append(
        f'<span class="meta-outlet"><span class="meta-label">{esc(label_text(_("Outlet"), _))}</span> '
        f"<bdi>{esc(outlet)}</bdi></span>"
    )
    if a.published:
        parts.append(
            f'<span class="meta-date"><span class="meta-label">{esc(label_text(_("Published"), _))}</span> '
            f'<time datetime="{a.published.isoformat()}">{esc(format_day(a.published, view.locale))}</time></span>'
        )
    else:
        parts.append(
            f'<span class="meta-date"><span class="meta-label">{esc(label_text(_("Published"), _))}</span> '
            f"{esc(_('date unknown'))}</span>"
        )
    parts.append(
        f'<span class="meta-lang"><span class="meta-label">{esc(label_text(_("Language"), _))}</span> '
        f"{esc(language_name(a.lang, view.locale))}</span>"
    )
    if a.url:
        parts.append(
            f'<a class="meta-url" href="{esc(a.url)}" rel="nofollow noopener">{esc(_("Original article"))}</a>'
        )
    return '<p class="article-meta">' + " · ".join(parts) + "</p>\n"


def fact_card(f: Fact, a: Article, spans, view: View) -> str:
    """A key fact as a card linking to its sentence: kind, value in the reader's locale, source text."""
    s = sentence_at(a.body, f.start)
    label = view._(TYPE_LABELS[f.type])
    lang_attrs = f'lang="{esc(a.lang)}" dir="{script_direction(a.lang)}"'
    # "Last October" without a publication date has no year to give: shown as written, not
    # as a bare "October" that reads as this year's.
    if unanchored_relative(f, a.lang, a.published):
        value = f'<strong class="fact-value" {lang_attrs}>{esc(f.text)}</strong>'
    else:
        value = f'<strong class="fact-value">{fact_html(f, view.locale, view.gettext)}</strong>'
    # Units are English nouns from facts/data/units.json, translated by the catalog with the
    # plural form of the number's CLDR category (make catalogs extracts them); a noun kept as
    # written in the source passes through. data-n: the number the form agrees with.
    unit = unit_html(f, view.locale, view.ngettext)
    # Its tooltip ("Show the sentence this comes from") is added by briefing.js (script_labels).
    return (
        f'<a class="fact-card fact-{f.type}" href="{text_url(a, view)}#s-{s}">'
        f'<span class="fact-type">{esc(label)}</span>{value}{unit}'
        f'<span class="fact-source" {lang_attrs}>{esc(f.text)}</span></a>'
    )


def entity_chips(facts: list[Fact], entities: dict, view: View, here: str, paged=None) -> str:
    """Chips of the article's entities; those without a page of their own (``paged``: the
    ids that have one, None for all) are shown without a link."""
    by_type: dict[str, dict[str, Entity]] = defaultdict(dict)
    for f in facts:
        if f.type in ENTITY_TYPES and f.id is not None and f.id in entities:
            by_type[f.type][f.id] = entities[f.id]
    if not by_type:
        return ""
    rows = ['<div class="entity-chips">']
    for t in ENTITY_TYPES:
        if not by_type.get(t):
            continue
        chips = " ".join(
            f'<a class="chip chip-{t}" href="{rel(here, entity_path(e.id))}">{name_html(e.display_name(view.lang.code))}</a>'
            if paged is None or e.id in paged
            else f'<span class="chip chip-{t}">{name_html(e.display_name(view.lang.code))}</span>'
            for e in sorted(by_type[t].values(), key=lambda e: e.display_name(view.lang.code))
        )
        rows.append(
            f'<p><span class="chips-label">{esc(label_text(view._(TYPE_PLURALS[t]), view._))}</span> {chips}</p>'
        )
    rows.append("</div>\n")
    return "\n".join(rows)


def link_list(a: Article, links: list[Link], corpus: Corpus, view: View, here: str) -> str:
    """Linked articles with their language, outlet, date, score and the reasons shown."""
    _ = view._
    items = ['<ul class="link-list">']
    for link in links:
        other = corpus.articles.get(link.id)
        if other is None:
            continue
        why = reasons_text(a, other, link, corpus, view)
        items.append(
            f'<li><a href="{rel(here, article_path(other.slug))}">'
            f'<span lang="{esc(other.lang)}" dir="{script_direction(other.lang)}">{esc(other.title)}</span></a> '
            f'<span class="link-meta">{_article_line(other, view)}</span> '
            '<span class="link-score">'
            f"{esc(_(closeness(link.score)))}</span>"
            + (f' <span class="link-why">{_shared_html(why, view)}</span>' if why else "")
            + "</li>"
        )
    items.append("</ul>\n")
    return "\n".join(items)


def _shared_html(why: str, view: View) -> str:
    """ "Shared: …" with the reasons' figures and names isolated in right-to-left text."""
    before, _sep, after = view._("Shared: {reasons}").partition("{reasons}")
    return esc(before) + isolate(why, view.locale) + esc(after)


def reasons_text(a: Article, other: Article, link: Link, corpus: Corpus, view: View) -> str:
    """What two linked articles share, in the reader's words: names, figures, wording."""
    by_key: dict[str, Fact] = {}
    for f in corpus.facts.get(a.id, []) + corpus.facts.get(other.id, []):
        by_key.setdefault(f.key, f)
    # Words of the entities both texts name: a shared "musk" adds nothing next to Elon Musk.
    entity_words = {
        w.lower()
        for f in by_key.values()
        if f.type in ENTITY_TYPES and f.id in corpus.entities
        for w in re.findall(r"\w+", corpus.entities[f.id].name)
    }
    shown = []
    for r in link.reasons[:MAX_REASONS]:
        if r.kind == "text":
            kind, _sep, detail = r.key.partition(":")
            if kind == "name" and detail:
                if detail.lower() not in entity_words:
                    shown.append(_as_written(detail, a.body))  # a Latin-script name both texts contain
            elif kind == "num" and detail:
                try:
                    shown.append(format_number(float(detail), view.locale))
                except ValueError:
                    shown.append(detail)
            elif kind == "paragraphs":
                shown.append(view._("matching paragraphs"))
            else:
                shown.append(view._("similar wording"))
            continue
        shared = by_key.get(r.key)
        if shared is None:
            continue
        if shared.type in ENTITY_TYPES and shared.id in corpus.entities:
            shown.append(corpus.entities[shared.id].display_name(view.lang.code))
        else:
            shown.append(format_fact(shared, view.locale, view.gettext, view.ngettext))
    return list_text(list(dict.fromkeys(shown)), view.locale)


def _as_written(word: str, body: str) -> str:
    """The spelling a text uses for a (normalized, lower-case) word: vivatech → VivaTech."""
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", body, re.I)
    return m.group(0) if m else word


def original_block(a: Article, spans, view: View) -> str:
    """The article's own text, sentence by sentence, with its own lang/dir and anchors."""
    base = a.lang.split("-")[0]
    # Another language's full text would bloat this site's search index; titles, facts
    # and entity names stay searchable.
    exclude = "" if base == view.lang.code.split("-")[0] else " data-search-exclude"
    out = [
        f'<div class="original" lang="{esc(a.lang)}" dir="{script_direction(a.lang)}"{exclude}'
        f"{_tr(a.lang, view, 'before')}>"
    ]
    para_spans = a.paragraph_spans()
    i = 0
    body = a.body
    for (ps, pe), kind in zip(para_spans, a.kinds or ["p"] * len(para_spans), strict=False):
        parts, pos = [], ps
        while i < len(spans) and spans[i][0] < pe:
            s, e = spans[i]
            # The text between sentences is kept as is: offsets stay those of the body shown.
            parts.append(esc(body[pos:s]) + f'<span class="sentence" id="s-{i}">{esc(body[s:e])}</span>')
            pos = e
            i += 1
        parts.append(esc(body[pos:pe]))
        tag = "h3" if kind == "h" else "p"
        out.append(f"<{tag}>{''.join(parts)}</{tag}>")
    out.append("</div>\n")
    return "\n".join(out)


def text_url(a: Article, view: View) -> str:
    """ "" when this page holds the article's text, else the URL of the page that does.

    An article's text is on its page in its own language's site (or the default one's) only,
    not repeated in every site language: 2 KB of each page, 120 MB at 20,000 articles in four
    languages, against GitHub Pages' 1 GB. The other pages fetch it (briefing.js)."""
    home = view.text_home(a.lang)
    return "" if home == view.lang.code else f"../../{home}/{url_of(article_path(a.slug))}"


def original_link(a: Article, view: View) -> str:
    """The article's text block on a page that does not hold it: its lang/dir and translation
    attributes, and a link to the page that holds it, which briefing.js replaces by the text
    it fetches from there (data-src); without JavaScript or over file:// the link stays."""
    src = text_url(a, view)
    home = language_name(view.text_home(a.lang), view.locale)
    label = view._("Read the original text: this page in {language}").format(language=home)
    return (
        f'<div class="original" lang="{esc(a.lang)}" dir="{script_direction(a.lang)}" data-search-exclude'
        f'{_tr(a.lang, view, "before")} data-src="{esc(src)}">\n'
        f'<p class="original-link" lang="{esc(view.lang.code)}" dir="{view.lang.dir}">'
        f'<a href="{esc(src)}#original">{esc(label)}</a></p>\n</div>\n'
    )


def credits_block(a: Article, view: View) -> str:
    """The article's credit lines (editor, image …) with translated labels."""
    parts = [
        f'<span class="meta-label">{esc(label_text(view._(CREDIT_LABELS.get(k, k)), view._))}</span> <bdi>{esc(v)}</bdi>'
        for k, v in a.credits.items()
        if k in CREDIT_LABELS
    ]
    return '<p class="credits">' + " · ".join(parts) + "</p>\n"


def _article_line(a: Article, view: View) -> str:
    """Language · outlet · date of an article, as HTML: the outlet's name isolated (<bdi>),
    so a Latin name cannot reorder an Arabic line."""
    parts = [esc(language_name(a.lang, view.locale))]
    if a.outlet:
        parts.append(name_html(a.outlet))
    parts.append(esc(format_day(a.published, view.locale) if a.published else view._("date unknown")))
    return " · ".join(parts)


def excerpt(body: str, n: int = 160) -> str:
    """The text's first ``n`` columns: search engines cut a description by its width, and a
    wide (CJK) character takes two columns, so Chinese gets 80 characters, not 160."""
    text = " ".join(body.split())
    width = 0
    for i, ch in enumerate(text):
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if width > n:
            return text[:i] + "…"
    return text


# ----------------------------------------------------------------------------- lists


def article_item(a: Article, here: str, view: View, summary: str = "") -> str:
    """An article in a list: its title (and summary) in its own language, then language,
    outlet and date; foreign text is offered for translation as one block."""
    # No hreflang on the link (nor in link_list): the title's own lang says the language,
    # and browsers do nothing with it; 14 bytes on each of ~2 million list items at 20,000.
    lang = f'lang="{esc(a.lang)}" dir="{script_direction(a.lang)}"'
    group = _tr_group(a.lang, view)
    text = f'<br><span class="item-summary" {lang}>{esc(summary)}</span>' if summary else ""
    return (
        f'<li{group}><a href="{rel(here, article_path(a.slug))}">'
        f"<span {lang}>{esc(a.title)}</span></a>"
        f'<br><span class="link-meta">{_article_line(a, view)}</span>{text}</li>'
    )


def render_home(listing: Listing, corpus: Corpus, view: View, cfg: Config) -> dict[str, str]:
    """The home page (events first, then the latest articles) and the archive pages."""
    _ = view._
    ordered = listing.ordered
    latest = ordered[: cfg.home_page_size]
    home = [
        front_matter(title=esc(_("Briefing")), hide=["navigation", "toc"]),
        f"# {_('Briefing')}\n",
        f'<p class="lead">{esc(_("News coverage in many languages, with its key facts and the links between stories."))}</p>\n',
        home_events(corpus, view),
        f"## {_('Latest articles')} {{#latest}}\n",
        '<ul class="article-list">',
    ]
    home += [article_item(a, "index.md", view, summary_text(a, corpus.facts.get(a.id, []))) for a in latest]
    home.append("</ul>\n")
    home.append(
        f'<p class="more"><a href="archive/1.html">'
        f"{esc(view.ngettext('All {n} article', 'All {n} articles', len(ordered)).format(n=len(ordered)))}"
        f'</a> · <a href="events/index.html">{esc(_("Events"))}</a>'
        f' · <a href="entities/index.html">{esc(_("People, organizations and places"))}</a></p>\n'
    )
    pages = {"index.md": "\n".join(home)}
    pages.update(render_archive(ordered, view, cfg))
    return pages


def render_archive(ordered: list[Article], view: View, cfg: Config) -> dict[str, str]:
    """The archive: every article, newest first, in pages of ``archive_page_size`` titles."""
    _ = view._
    pages = {}
    size = max(1, cfg.archive_page_size)
    chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)] or [[]]
    for n, chunk in enumerate(chunks, 1):
        here = f"archive/{n}.md"
        # Archive pages only repeat titles indexed on the articles' own pages.
        page = [
            front_matter(
                title=esc(_("All articles, page {n}").format(n=n)),
                hide=["navigation", "toc"],
                search={"exclude": True},
            ),
            f"# {_('All articles')}\n",
            f"<p>{esc(_('Page {n} of {total}, newest first.').format(n=n, total=len(chunks)))}</p>\n",
            '<ul class="article-list">',
        ]
        page += [article_item(a, here, view) for a in chunk]
        page.append("</ul>\n")
        nav = []
        if n > 1:
            nav.append(f'<a rel="prev" href="{n - 1}.html">{esc(_("Newer articles"))}</a>')
        if n < len(chunks):
            nav.append(f'<a rel="next" href="{n + 1}.html">{esc(_("Older articles"))}</a>')
        if nav:
            page.append('<p class="pager">' + " · ".join(nav) + "</p>\n")
        pages[here] = "\n".join(page)
    return pages


def home_events(corpus: Corpus, view: View, limit: int = HOME_EVENTS) -> str:
    """The home page's first block: the events with most independent reports, as cards."""
    ranked = ranked_events(corpus)[:limit]
    if not ranked:
        return ""
    _ = view._
    cards = [event_card(ev, corpus, view, "index.md") for ev in ranked]
    more = f'<p class="more"><a href="events/index.html">{esc(_("All events"))}</a></p>\n'
    return (
        f"## {_('Events')} {{#events}}\n\n"
        + '<ol class="event-list">'
        + "".join(cards)
        + "</ol>\n"
        + (more if len(ranked) < len([e for e in corpus.events if len(e.members) > 1]) else "")
    )


def ranked_events(corpus: Corpus) -> list:
    """Events of more than one article: most independent reports first, then most articles,
    then the newest publication date, then id (deterministic)."""

    def key(ev):
        """Sort key: reports, articles, newest date (all descending), id."""
        newest = max(
            (corpus.articles[m].published or date.min for m in ev.members if m in corpus.articles),
            default=date.min,
        )
        return (-len(ev.origins()), -len(ev.members), -newest.toordinal(), ev.id)

    return sorted((e for e in corpus.events if len(e.members) > 1), key=key)


def event_card(ev, corpus: Corpus, view: View, here: str) -> str:
    """An event in a list: its title in the reader's language where a report has one, then
    its languages, independent reports, outlets, date span and key figures."""
    head = event_headline(ev, corpus, view)
    group = _tr_group(head.lang, view)
    figures = " ".join(
        f'<span class="chip">{esc(format_fact(r.fact, view.locale, view.gettext, view.ngettext))}</span>'
        for r in event_figures(ev, corpus)[:EVENT_CARD_FIGURES]
    )
    return (
        f'<li class="event-card"{group}><a href="{rel(here, event_path(ev.id))}">'
        f'<span lang="{esc(head.lang)}" dir="{script_direction(head.lang)}">{esc(head.title)}</span></a>'
        f'<br><span class="link-meta">{esc(event_line(ev, corpus, view))}</span>'
        + (f'<br><span class="event-figures">{figures}</span>' if figures else "")
        + "</li>"
    )


def event_line(ev, corpus: Corpus, view: View) -> str:
    """ "Arabic, German · 1 independent report · 1 outlet · 14 Jun 2023": what an event holds."""
    members = [corpus.articles[m] for m in ev.members if m in corpus.articles]
    langs = format_list(sorted({language_name(a.lang, view.locale) for a in members}), locale=view.locale)
    n_reports = len(ev.origins())
    parts = [
        langs,
        view.ngettext("{n} independent report", "{n} independent reports", n_reports).format(n=n_reports),
    ]
    outlets = {a.outlet for a in members if a.outlet}
    if outlets:
        parts.append(view.ngettext("{n} outlet", "{n} outlets", len(outlets)).format(n=len(outlets)))
    days = sorted(a.published for a in members if a.published)
    if days:
        first, last = format_day(days[0], view.locale) or "", format_day(days[-1], view.locale) or ""
        parts.append(first if first == last else f"{first} – {last}")
    return " · ".join(parts)


# ----------------------------------------------------------------------------- events


def centrality(ev, corpus: Corpus) -> dict[str, float]:
    """Member id → how much of what the other members state it states too (the mean share
    of their fact keys it has): the report the others agree with most is the most central."""
    keys = {m: {f.key for f in corpus.facts.get(m, [])} for m in ev.members}
    out = {}
    for m in ev.members:
        others = [keys[o] for o in ev.members if o != m and keys[o]]
        out[m] = sum(len(keys[m] & k) / len(k) for k in others) / len(others) if others else 0.0
    return out


def event_headline(ev, corpus: Corpus, view: View) -> Article:
    """The article whose headline names the event on this site: the most central member in
    the reader's language when there is one, else the most central member."""
    members = [corpus.articles[m] for m in ev.members if m in corpus.articles]
    score = centrality(ev, corpus)
    mine = [a for a in members if a.lang.split("-")[0].lower() == view.lang.code.split("-")[0].lower()]
    return min(mine or members, key=lambda a: (-score.get(a.id, 0.0), a.id))


def event_title(ev, corpus: Corpus) -> Article:
    """The event's oldest member (kept for callers outside the pages)."""
    return newest_first([corpus.articles[m] for m in ev.members if m in corpus.articles])[-1]


def report_of(ev) -> dict[str, int]:
    """Member id → the index (from 0) of the independent report it belongs to."""
    return {m: i for i, group in enumerate(ev.origins()) for m in group}


def event_figures(ev, corpus: Corpus) -> list[RankedFact]:
    """The event's figures ranked: by how many independent reports state them, then by their
    rank in those reports (keyfacts.py); one entry per figure. The same in every language:
    worked out once per event of a corpus (the events index shows every event's card)."""
    memo = _FIGURES.get(id(ev))
    if memo is not None and memo[0] is ev and memo[1] is corpus:
        return memo[2]
    if len(_FIGURES) > _FIGURES_MAX:
        _FIGURES.clear()
    figures = _event_figures(ev, corpus)
    _FIGURES[id(ev)] = (ev, corpus, figures)
    return figures


# id(event) → (event, corpus, its figures): identity-checked, so a recycled id is a miss.
_FIGURES: dict[int, tuple] = {}
_FIGURES_MAX = 100_000


def _event_figures(ev, corpus: Corpus) -> list[RankedFact]:
    """event_figures, computed."""
    reports = report_of(ev)
    best: dict[str, tuple[RankedFact, set]] = {}
    for m in ev.members:
        a = corpus.articles.get(m)
        if a is None:
            continue
        spans = _sentences(a.body)[0]
        for r in rank_facts(corpus.facts.get(m, []), a.title, spans, lead_end(a, spans)):
            if r.fact.type == "date":
                continue
            prev = best.get(r.fact.key)
            seen = (prev[1] if prev else set()) | {reports.get(m, -1)}
            keep = r if prev is None or r.score > prev[0].score else prev[0]
            best[r.fact.key] = (keep, seen)
    return [r for r, _s in sorted(best.values(), key=lambda t: (-len(t[1]), -t[0].score, t[0].fact.key))]


def render_event(ev, corpus: Corpus, view: View) -> str:
    """An event's page. Steps: header (title, what it holds), coverage by independent report,
    the figures of all coverage, the figures compared across reports, the timeline."""
    here = event_path(ev.id)
    out = [
        event_header(ev, corpus, view),
        event_coverage(ev, corpus, view, here),
        event_merged_facts(ev, corpus, view, here),
        event_comparisons(ev, corpus, view, here),
        event_timeline(ev, corpus, view, here),
    ]
    return "\n".join(x for x in out if x) + "\n"


def event_header(ev, corpus: Corpus, view: View) -> str:
    """Front matter, the "Event" kicker, the title in the reader's language where a report
    has one (else the most central headline, translatable) and the event's line."""
    head = event_headline(ev, corpus, view)
    return "\n".join(
        [
            front_matter(title=esc(head.title), hide=["navigation"]),
            f'<p class="kicker">{esc(view._("Event"))}</p>',
            title_block(head, view),
            f'<p class="event-meta">{esc(event_line(ev, corpus, view))}</p>\n',
        ]
    )


def event_coverage(ev, corpus: Corpus, view: View, here: str) -> str:
    """The coverage, one block per independent report; the members of one report (an
    original and its translations or copies) are listed together as "the same report"."""
    _ = view._
    # An event page gathers what its articles' own pages already put in the search index
    # (titles, figures, sentences): only its title is indexed. The sections were 40 % of the
    # index at 10,000 articles.
    out = [f"## {_('Coverage')} {{#coverage data-search-exclude}}\n"]
    for n, group in enumerate(ev.origins(), 1):
        arts = newest_first([corpus.articles[m] for m in group if m in corpus.articles])
        if not arts:
            continue
        label = _("Report {n}").format(n=n)
        if len(arts) > 1:
            langs = format_list(
                sorted({language_name(a.lang, view.locale) for a in arts}), locale=view.locale
            )
            label += " · " + _("the same report in {languages}").format(languages=langs)
        items = "".join(
            article_item(a, here, view, summary_text(a, corpus.facts.get(a.id, []))) for a in arts
        )
        out.append(
            f'<section class="report" id="report-{n}"><p class="report-label">{esc(label)}</p>'
            f'<ul class="article-list">{items}</ul></section>\n'
        )
    return "\n".join(out)


def event_merged_facts(ev, corpus: Corpus, view: View, here: str) -> str:
    """Every figure of the coverage with the independent reports (and articles) stating it."""
    _ = view._
    reports = report_of(ev)
    merged: dict[str, list] = defaultdict(list)
    for m in ev.members:
        a = corpus.articles.get(m)
        for f in corpus.facts.get(m, []) if a else []:
            if f.type in ("money", "percent", "quantity"):
                merged[f.key].append((a, f))
    if not merged:
        return ""
    out = [
        f"## {_('Key facts of all coverage')} {{#merged-facts data-search-exclude}}\n",
        f'<table class="merged-facts"><thead><tr><th>{esc(_("Fact"))}</th>'
        f"<th>{esc(_('Sources'))}</th></tr></thead><tbody>",
    ]

    def n_reports(items) -> int:
        """How many independent reports state the figure."""
        return len({reports.get(a.id, a.id) for a, _f in items})

    for _key, items in sorted(merged.items(), key=lambda kv: (-n_reports(kv[1]), kv[0])):
        ids = sorted({a.id for a, _f in items})
        f = items[0][1]
        n = n_reports(items)
        count = view.ngettext("{n} independent report", "{n} independent reports", n).format(n=n)
        links = list_html([source_link(corpus.articles[i], here, view) for i in ids], view.locale)
        out.append(
            f"<tr><td>{esc(label_text(view._(TYPE_LABELS[f.type]), view._))} "
            f"<strong>{counted_fact_html(f, view.locale, view.gettext, view.ngettext)}</strong>"
            f"</td><td>{esc(label_text(count, view._))} {links}</td></tr>"
        )
    out.append("</tbody></table>\n")
    return "\n".join(out)


def comparison_verdict(ev, items) -> tuple[str, bool | None]:
    """("agree" | "disagree" | "single", agreement) of a comparison, judged over the event's
    independent reports only: a translation and its original are one source, and a figure
    from another story is shown but is no evidence either way."""
    reports = report_of(ev)
    by_report: dict[int, list] = defaultdict(list)
    for aid, f in items:
        if aid in reports:
            by_report[reports[aid]].append(f)
    if len(by_report) < 2:
        return "single", None
    agree = values_agree([fs[0] for fs in by_report.values()])
    return ("agree" if agree else "disagree"), agree


def event_comparisons(ev, corpus: Corpus, view: View, here: str) -> str:
    """The figures compared across reports, each row labelled with its report or story."""
    _ = view._
    if not ev.comparisons:
        return ""
    verdicts = {
        "agree": _("Independent reports agree"),
        "disagree": _("Independent reports disagree"),
        "single": _("Stated by one report only"),
    }
    reports = report_of(ev)
    out = [f"## {_('Figures compared')} {{#compared data-search-exclude}}\n"]
    for c in ev.comparisons:
        cls, _agree = comparison_verdict(ev, c.items)
        out.append(
            f'<table class="comparison {cls}"><caption>{esc(label_text(view._(TYPE_LABELS[c.type]), view._))} '
            f'<span class="verdict">{esc(verdicts[cls])}</span></caption>'
            f"<thead><tr><th>{esc(_('Source'))}</th><th>{esc(_('Figure'))}</th>"
            f"<th>{esc(_('Sentence'))}</th></tr></thead><tbody>"
        )
        for aid, f in c.items:
            a = corpus.articles.get(aid)
            if a is not None:
                out.append(comparison_row(a, f, here, view, reports.get(aid)))
        out.append("</tbody></table>\n")
    return "\n".join(out)


def event_timeline(ev, corpus: Corpus, view: View, here: str) -> str:
    """The dates the coverage states, in order; dates without a year after the dated ones."""
    members = [corpus.articles[m] for m in ev.members if m in corpus.articles]
    dated = [
        (f.value, a, f)
        for a in members
        for f in corpus.facts.get(a.id, [])
        if f.type == "date" and isinstance(f.value, str)
    ]
    if not dated:
        return ""
    out = [f"## {view._('Timeline')} {{#timeline data-search-exclude}}\n", '<ol class="timeline">']
    for _value, a, f in sorted(dated, key=lambda t: (t[0].startswith("--"), t[0], t[1].id, t[2].start)):
        shown = (
            esc(f.text)
            if unanchored_relative(f, a.lang, a.published)
            else fact_html(f, view.locale, view.gettext)
        )
        out.append(f"<li><strong>{shown}</strong> — {sentence_link(a, f, here, view)}</li>")
    out.append("</ol>\n")
    return "\n".join(out)


def sentence_of(a: Article, f: Fact) -> tuple[int, str]:
    """The index and text of the sentence a fact is in."""
    spans = _sentences(a.body)[0]
    i = sentence_at(a.body, f.start)
    s, e = spans[i] if spans else (0, 0)
    return i, a.body[s:e]


def sentence_link(a: Article, f: Fact, here: str, view: View | None = None) -> str:
    """A link to the sentence a fact is in, showing that sentence in its own language
    (translatable when ``view`` is given and the language is not the site's)."""
    i, text = sentence_of(a, f)
    group = _tr_group(a.lang, view) if view is not None else ""
    link = (
        f'<a href="{rel(here, article_path(a.slug))}#s-{i}"><span lang="{esc(a.lang)}" '
        f'dir="{script_direction(a.lang)}">{esc(text)}</span></a>'
    )
    return f'<span class="tr-sentence"{group}>{link}</span>' if group else link


def source_link(a: Article, here: str, view: View, note: str = "") -> str:
    """A source named by its (shortened) title in its own language, then language and outlet."""
    title = a.title if len(a.title) <= 40 else a.title[:38].rstrip() + "…"
    meta = " · ".join(
        [esc(language_name(a.lang, view.locale))]
        + ([name_html(a.outlet)] if a.outlet else [])
        + ([esc(note)] if note else [])
    )
    return (
        f'<a href="{rel(here, article_path(a.slug))}"><span lang="{esc(a.lang)}" '
        f'dir="{script_direction(a.lang)}">{esc(title)}</span></a> <span class="link-meta">({meta})</span>'
    )


def comparison_row(a: Article, f: Fact, here: str, view: View, report: int | None) -> str:
    """A row of a comparison: the source labelled with its report (or as another story), the
    figure, and the sentence it is from."""
    note = view._("report {n}").format(n=report + 1) if report is not None else view._("another story")
    return (
        f"<tr><td>{source_link(a, here, view, note)}</td>"
        f"<td><strong>{counted_fact_html(f, view.locale, view.gettext, view.ngettext)}</strong></td>"
        f"<td>{sentence_link(a, f, here, view)}</td></tr>"
    )


def render_events_index(corpus: Corpus, view: View) -> str:
    """The list of every event of more than one article, as cards."""
    _ = view._
    here = "events/index.md"
    multi = ranked_events(corpus)
    out = [
        front_matter(title=esc(_("Events")), hide=["navigation", "toc"]),
        f"# {_('Events')}\n",
        f"<p>{esc(_('Stories covered by more than one article, in any language.'))}</p>\n",
    ]
    if not multi:
        out.append(f'<p class="empty">{esc(_("No event has more than one article yet."))}</p>\n')
    else:
        out.append(
            '<ol class="event-list">' + "".join(event_card(e, corpus, view, here) for e in multi) + "</ol>\n"
        )
    return "\n".join(out)


# ----------------------------------------------------------------------------- entities


def entity_mentions(corpus: Corpus, event_of: dict | None = None) -> dict[str, list[str]]:
    """Entity id → ids of the articles mentioning it, for the entities that get a page."""
    event_of = corpus.event_of() if event_of is None else event_of
    out = defaultdict(set)
    for aid, facts in corpus.facts.items():
        for f in facts:
            if f.type in ENTITY_TYPES and f.id in corpus.entities:
                out[f.id].add(aid)
    return {
        k: sorted(v)
        for k, v in sorted(out.items())
        if len({event_of.get(a, a) for a in v}) >= MIN_ENTITY_STORIES
    }


def render_entity(
    e: Entity, ids: list[str], corpus: Corpus, view: View, event_pages: dict | None = None
) -> str:
    """The entity page: type, names per language with their script, the Wikidata link,
    the stories it appears in over time, and the facts reported next to it, labelled
    (``event_pages``: the corpus' story_events, when worked out already)."""
    here = entity_path(e.id)
    name = e.display_name(view.lang.code)
    articles = newest_first([corpus.articles[i] for i in ids if i in corpus.articles])
    out = [
        front_matter(title=esc(name), hide=["navigation"]),
        f'<p class="kicker">{esc(view._(TYPE_LABELS.get(e.type, "Place")))}</p>',
        f"# {esc(name)}\n",
        entity_names(e, view),
        entity_qid(e),
        entity_timeline(e, articles, corpus, view, here, event_pages),
        entity_facts(e, articles, corpus, view, here),
    ]
    return "\n".join(part for part in out if part) + "\n"


# Unicode character-name prefixes → ISO 15924 code; any other letter counts as Latin.
_SCRIPT_PREFIXES = (
    ("CJK", "Hani"),
    ("ARABIC", "Arab"),
    ("CYRILLIC", "Cyrl"),
    ("GREEK", "Grek"),
    ("HEBREW", "Hebr"),
    ("HANGUL", "Hang"),
    ("HIRAGANA", "Jpan"),
    ("KATAKANA", "Jpan"),
)


@cache
def _script_of(text: str) -> str:
    """The ISO 15924 code of the script most letters of a name are in (Latn, Arab, Hani, …)."""
    import unicodedata
    from collections import Counter

    counts: Counter = Counter()
    for ch in text:
        if ch.isalpha():
            uname = unicodedata.name(ch, "")
            counts[next((code for prefix, code in _SCRIPT_PREFIXES if uname.startswith(prefix)), "Latn")] += 1
    return counts.most_common(1)[0][0] if counts else "Zyyy"


def entity_names(e: Entity, view: View) -> str:
    """The names of an entity per language, each with its script (CLDR's name of it, in the
    reader's language) and a Latin transliteration when it is in another script."""
    from ..entities.transliterate import transliterate

    items = []
    for tag, n in sorted(e.names.items()):
        code = _script_of(n)
        script = view.locale.scripts.get(code, code)
        latin = transliterate(n) if code != "Latn" else ""
        extra = f" ({esc(latin)})" if latin and latin != n else ""
        items.append(
            f'<li>{esc(language_name(tag, view.locale))}: <span lang="{esc(tag)}" '
            f'dir="{script_direction(tag)}">{esc(n)}</span>{extra} '
            f'<span class="link-meta">{esc(script)}</span></li>'
        )
    if not items:
        return ""
    return f"## {view._('Names')} {{#names}}\n\n" + '<ul class="names">' + "".join(items) + "</ul>\n"


def entity_qid(e: Entity) -> str:
    """The Wikidata link of an entity with a known QID."""
    if not e.qid:
        return ""
    return (
        f'<p class="qid">Wikidata: <a href="https://www.wikidata.org/wiki/{esc(e.qid)}" '
        f'rel="noopener">{esc(e.qid)}</a></p>\n'
    )


def story_events(corpus: Corpus) -> dict[str, str]:
    """Article id → its event's id, for the events of two or more articles (only they have a
    page, corpus_pages). Worked out once per corpus (Listing), not on each entity page: over
    10,000 articles that loop was a third of rendering (5,221 entity pages × 6,222 events)."""
    return {m: ev.id for ev in corpus.events if len(ev.members) > 1 for m in ev.members}


def entity_timeline(
    e: Entity, articles: list[Article], corpus: Corpus, view: View, here: str, event_pages: dict | None = None
) -> str:
    """The stories the entity appears in, newest first: an event (linked) with its
    articles, or a single article."""
    event_of = event_pages if event_pages is not None else story_events(corpus)
    out = [
        f"## {view._('Mentioned in')} {{#articles data-search-exclude}}\n",  # titles: see render_article
        '<ul class="article-list">',
    ]
    stories = list(dict.fromkeys(event_of.get(a.id, a.id) for a in articles))  # newest first
    for story in stories[:ENTITY_STORIES_SHOWN]:
        members = [x for x in articles if event_of.get(x.id, x.id) == story]
        if story not in corpus.articles:  # an event (its id), else the article alone
            inner = "".join(article_item(x, here, view) for x in members)
            out.append(
                f'<li><a href="{rel(here, event_path(story))}">{esc(view._("Event"))}</a>'
                f'<ul class="article-list">{inner}</ul></li>'
            )
        else:
            out.append(article_item(members[0], here, view))
    out.append("</ul>\n")
    older = len(stories) - ENTITY_STORIES_SHOWN
    if older > 0:
        note = view.ngettext("{n} older story is not listed.", "{n} older stories are not listed.", older)
        out.append(f'<p class="empty">{esc(note.format(n=format_number(older, view.locale)))}</p>\n')
    return "\n".join(out)


def entity_facts(e: Entity, articles: list[Article], corpus: Corpus, view: View, here: str) -> str:
    """The figures and dates reported in the sentences that name the entity, each with
    its label (Money, Percentage, …), its value in the reader's locale and a link to
    the sentence."""
    rows = []
    for a in articles:
        facts = corpus.facts.get(a.id, [])
        sentences = {sentence_at(a.body, f.start) for f in facts if f.id == e.id}
        for f in facts:
            if f.type not in NUMERIC_TYPES:
                continue
            s = sentence_at(a.body, f.start)
            if s not in sentences:
                continue
            rows.append(
                f'<li><span class="fact-type">{esc(view._(TYPE_LABELS[f.type]))}</span>: '
                f'<a href="{rel(here, article_path(a.slug))}#s-{s}">'
                f"<strong>{counted_fact_html(f, view.locale, view.gettext, view.ngettext)}</strong></a> "
                f'<span class="fact-source" lang="{esc(a.lang)}" dir="{script_direction(a.lang)}">'
                f"{esc(f.text)}</span></li>"
            )
    if not rows:
        return ""
    return (
        f"## {view._('Key facts')} {{#facts}}\n\n" + '<ul class="entity-facts">' + "".join(rows) + "</ul>\n"
    )


def render_entities_index(corpus: Corpus, mentions: dict, view: View) -> str:
    """Return the Markdown of the entity index: the most-mentioned entities by type."""
    _ = view._
    here = "entities/index.md"
    out = [
        front_matter(title=esc(_("People, organizations and places")), hide=["navigation", "toc"]),
        f"# {_('People, organizations and places')}\n",
    ]
    ranked = sorted(mentions.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_ENTITY_INDEX]
    for t in ENTITY_TYPES:
        rows = [(eid, ids) for eid, ids in ranked if corpus.entities[eid].type == t]
        if not rows:
            continue
        out.append(f"## {view._(TYPE_PLURALS[t])} {{#{t}}}\n")
        out.append('<ul class="entity-index">')
        for eid, ids in sorted(
            rows, key=lambda r: (-len(r[1]), corpus.entities[r[0]].display_name(view.lang.code))
        ):
            count = view.ngettext("{n} article", "{n} articles", len(ids)).format(n=len(ids))
            out.append(
                f'<li><a href="{rel(here, entity_path(eid))}">{name_html(corpus.entities[eid].display_name(view.lang.code))}</a>'
                f' <span class="link-meta">{esc(count)}</span></li>'
            )
        out.append("</ul>\n")
    return "\n".join(out)
