"""RSS feed of new articles and per-section sitemaps."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from ..config import Config, SiteLanguage
from ..model import Article
from .i18n import translations
from .paths import article_path, url_of

SECTIONS = ("articles", "events", "entities", "archive")
# Each section's sitemap with the pages' language versions, the one the sitemap index lists.
ALTERNATES = "sitemap-alternates.xml.gz"


def _abs(cfg: Config, lang_code: str, path: str, depth: int = 1) -> str:
    """URL of a page of site/<lang_code>/ seen from a file ``depth`` folders below site/.

    Absolute with --site-url (as sitemaps and feeds should be); relative otherwise."""
    base = cfg.site_url.rstrip("/") + "/" if cfg.site_url else "../" * depth
    return f"{base}{lang_code}/{path}"


def feed_xml(ordered: list[Article], lang: SiteLanguage, cfg: Config) -> str:
    """The language's RSS 2.0 feed of the newest articles (absolute links with site_url)."""
    t = translations(lang.locale)
    shown = ordered[: cfg.feed_size]
    items = [_feed_item(a, lang, cfg) for a in shown]
    # Deterministic: the channel is as new as its newest dated article, never the build clock.
    dated = [a.published for a in shown if a.published]
    last = f"<lastBuildDate>{_rfc822(max(dated))}</lastBuildDate>" if dated else ""
    self_link = ""
    if cfg.site_url:  # atom:self must be the feed's own absolute URL
        self_link = (
            f'<atom:link href="{escape(_abs(cfg, lang.code, "feed.xml"))}" rel="self" '
            'type="application/rss+xml"/>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>{escape(t.gettext('Briefing'))}</title>"
        f"<link>{escape(_abs(cfg, lang.code, 'index.html'))}</link>"
        f"<description>{escape(t.gettext('New articles (RSS)'))}</description>"
        f"<language>{escape(lang.code)}</language>{last}{self_link}" + "".join(items) + "</channel></rss>\n"
    )


def _rfc822(d: date) -> str:
    """A publication day as RSS wants it (RFC 822, midnight UTC)."""
    return format_datetime(datetime(d.year, d.month, d.day, tzinfo=UTC))


def _feed_item(a: Article, lang: SiteLanguage, cfg: Config) -> str:
    """One <item>: title, link, guid, pubDate when the date is known, a plain-text excerpt."""
    link = escape(_abs(cfg, lang.code, url_of(article_path(a.slug))))
    pub = f"<pubDate>{_rfc822(a.published)}</pubDate>" if a.published else ""
    return (
        f"<item><title>{escape(a.title)}</title><link>{link}</link>"
        f'<guid isPermaLink="false">{escape(a.id)}</guid>{pub}'
        f"<description>{escape(' '.join(a.body.split())[:300])}</description></item>"
    )


def site_url_warning(cfg: Config) -> str | None:
    """The warning to print when feeds and sitemaps cannot have absolute URLs, else None."""
    if cfg.site_url:
        return None
    return (
        "briefing: warning: no site_url (mkdocs.yml site_url or --site-url): feeds and sitemaps "
        "use relative URLs, which RSS readers and search engines do not accept"
    )


def section_sitemaps(paths: list[str], lang: SiteLanguage, cfg: Config) -> dict[str, str | bytes]:
    """Per section folder: sitemap.xml (every page's URL) and ALTERNATES (the same, gzipped,
    with each page's language versions).

    The language versions (hreflang, x-default) of the section pages are given here, not in
    each page's <head>: ~400 bytes per page and language there (~50 MB at 20,000 articles
    in four languages, against GitHub Pages' 1 GB), a few bytes each in a gzipped sitemap,
    which search engines read alike (Google documents both). The plain sitemap.xml stays,
    as small as it was: Material's language integration fetches the sitemap.xml beside an
    alternate page of the pages that still announce theirs (home, archive, section indexes)."""
    out: dict[str, str | bytes] = {}
    for section in SECTIONS:
        pages = sorted(url_of(p) for p in paths if p.startswith(section + "/"))
        urls = [f"<url><loc>{escape(_abs(cfg, lang.code, p, 2))}</loc></url>" for p in pages]
        out[f"{section}/sitemap.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(urls)
            + "\n</urlset>\n"
        )
        out[f"{section}/{ALTERNATES}"] = _gzip(alternates_sitemap(pages, lang, cfg))
    return out


def alternates_sitemap(pages: list[str], lang: SiteLanguage, cfg: Config) -> str:
    """A sitemap of ``pages`` (URLs in site/<lang>/), each with its hreflang alternates."""
    default = cfg.default_language

    def entry(page: str) -> str:
        links = [(other.code, other.code) for other in cfg.languages]
        links += [("x-default", default)] if default else []
        alts = "".join(
            f'<xhtml:link rel="alternate" hreflang="{escape(code)}" href="{escape(_abs(cfg, site, page, 2))}"/>'
            for code, site in links
        )
        return f"<url><loc>{escape(_abs(cfg, lang.code, page, 2))}</loc>{alts}</url>"

    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "\n".join(entry(p) for p in pages)
        + "\n</urlset>\n"
    )


def _gzip(text: str) -> bytes:
    """``text`` gzipped, byte-identical on every run (no timestamp, no file name)."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def sitemap_index(cfg: Config) -> str:
    """site/sitemap.xml: every language's section sitemaps (with alternates) and MkDocs' own."""
    base = cfg.site_url.rstrip("/") + "/" if cfg.site_url else ""
    maps = [
        f"<sitemap><loc>{escape(base + lang.code + '/' + s + '/' + ALTERNATES)}</loc></sitemap>"
        for lang in cfg.languages
        for s in SECTIONS
    ]
    maps += [
        f"<sitemap><loc>{escape(base + lang.code + '/sitemap.xml')}</loc></sitemap>" for lang in cfg.languages
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(maps)
        + "\n</sitemapindex>\n"
    )
