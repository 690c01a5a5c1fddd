"""RSS feed of new articles and per-section sitemaps."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from ..config import Config, SiteLanguage
from ..model import Article
from .i18n import translations
from .paths import article_path, url_of

SECTIONS = ("articles", "events", "entities", "archive")


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


def section_sitemaps(paths: list[str], lang: SiteLanguage, cfg: Config) -> dict[str, str]:
    """One sitemap.xml per section folder, listing every page of that section.

    Material's language integration fetches sitemap.xml beside an alternate page and finds one
    there. The pages' language versions (hreflang, x-default) are in each page's <head>
    (overrides/main.html), which search engines read as they would the same links in a
    sitemap; repeating them here cost ~475 bytes per page and language (60 MB at 20,000
    articles in four languages, against GitHub Pages' 1 GB)."""
    out = {}
    for section in SECTIONS:
        urls = [
            f"<url><loc>{escape(_abs(cfg, lang.code, url_of(p), 2))}</loc></url>"
            for p in sorted(x for x in paths if x.startswith(section + "/"))
        ]
        out[f"{section}/sitemap.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(urls)
            + "\n</urlset>\n"
        )
    return out


def sitemap_index(cfg: Config) -> str:
    """site/sitemap.xml: every language's section sitemaps and MkDocs' own."""
    base = cfg.site_url.rstrip("/") + "/" if cfg.site_url else ""
    maps = [
        f"<sitemap><loc>{escape(base + lang.code + '/' + s + '/sitemap.xml')}</loc></sitemap>"
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
