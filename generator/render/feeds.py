"""RSS feed of new articles and per-section sitemaps with hreflang alternates."""
from __future__ import annotations

from datetime import UTC, datetime
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
    t = translations(lang.locale)
    items = []
    for a in ordered[:cfg.feed_size]:
        link = escape(_abs(cfg, lang.code, url_of(article_path(a.slug))))
        pub = ""
        if a.published:
            dt = datetime(a.published.year, a.published.month, a.published.day, tzinfo=UTC)
            pub = f"<pubDate>{format_datetime(dt)}</pubDate>"
        items.append(f"<item><title>{escape(a.title)}</title><link>{link}</link>"
                     f"<guid isPermaLink=\"false\">{escape(a.id)}</guid>{pub}"
                     f"<description>{escape(' '.join(a.body.split())[:300])}</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(t.gettext('Briefing'))}</title>"
            f"<link>{escape(_abs(cfg, lang.code, 'index.html'))}</link>"
            f"<description>{escape(t.gettext('New articles (RSS)'))}</description>"
            f"<language>{escape(lang.code)}</language>" + "".join(items) + "</channel></rss>\n")


def section_sitemaps(paths: list[str], lang: SiteLanguage, cfg: Config) -> dict[str, str]:
    """One sitemap.xml per section folder: search engines get every page's language versions,
    and Material's language integration, which fetches sitemap.xml beside an alternate page,
    finds one there."""
    out = {}
    for section in SECTIONS:
        urls = []
        for p in sorted(x for x in paths if x.startswith(section + "/")):
            page = url_of(p)
            alts = "".join(f'<xhtml:link rel="alternate" hreflang="{escape(o.code)}" '
                           f'href="{escape(_abs(cfg, o.code, page, 2))}"/>' for o in cfg.languages)
            urls.append(f"<url><loc>{escape(_abs(cfg, lang.code, page, 2))}</loc>{alts}</url>")
        out[f"{section}/sitemap.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(urls) + "\n</urlset>\n")
    return out


def sitemap_index(cfg: Config) -> str:
    base = cfg.site_url.rstrip("/") + "/" if cfg.site_url else ""
    maps = [f"<sitemap><loc>{escape(base + lang.code + '/' + s + '/sitemap.xml')}</loc></sitemap>"
            for lang in cfg.languages for s in SECTIONS]
    maps += [f"<sitemap><loc>{escape(base + lang.code + '/sitemap.xml')}</loc></sitemap>" for lang in cfg.languages]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(maps) + "\n</sitemapindex>\n")
