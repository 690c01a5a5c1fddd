"""RSS feed per language, sitemaps and hreflang alternates, as served and as linked."""

from __future__ import annotations

import gzip
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import LANGS
from .test_pages import load

pytestmark = pytest.mark.browser

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def fetch(url: str) -> tuple[int, bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310 - our own localhost server
        return resp.status, resp.read(), resp.headers.get("Content-Type", "")


def assert_serves_page(url: str):
    status, body, ctype = fetch(url)
    assert status == 200 and "html" in ctype, f"{url}: {status} {ctype}"
    return body.decode("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_feed_lists_new_articles(page, base_url, built_site, lang):
    # Every page announces its language's feed.
    load(page, f"/{lang}/index.html")
    href = page.locator('head link[rel="alternate"][type="application/rss+xml"]').get_attribute("href")
    feed_url = urljoin(page.url, href)
    assert urlsplit(feed_url).path == f"/{lang}/feed.xml"

    status, body, _ = fetch(feed_url)
    assert status == 200
    rss = ET.fromstring(body)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("language") == lang
    assert channel.findtext("title")
    items = channel.findall("item")
    expected = {a["id"]: a for a in built_site.export["articles"]}
    assert len(items) == len(expected)
    seen = set()
    for item in items:
        guid = item.findtext("guid")
        assert guid in expected, guid
        assert item.findtext("title") == expected[guid]["title"]
        link = urljoin(feed_url, item.findtext("link"))
        assert urlsplit(link).path == f"/{lang}/articles/{guid}.html", link
        assert expected[guid]["title"].split()[0] in assert_serves_page(link)
        seen.add(guid)
    assert seen == set(expected)


def test_article_sitemaps_have_every_article(base_url, built_site):
    ids = set(built_site.article_ids())
    for lang in LANGS:
        sm_url = f"{base_url}/{lang}/articles/sitemap.xml"
        status, body, _ = fetch(sm_url)
        assert status == 200
        locs = {}
        for url in ET.fromstring(body).findall(f"{SM}url"):
            loc = urljoin(sm_url, url.findtext(f"{SM}loc"))
            path = urlsplit(loc).path
            assert path.startswith(f"/{lang}/articles/"), loc
            # Language versions live in the gzipped sitemap beside it (test below).
            assert not url.findall(f"{XHTML}link"), loc
            locs[path.rsplit("/", 1)[1][:-5]] = loc
        assert set(locs) == ids
        assert_serves_page(next(iter(locs.values())))


def test_root_sitemap_is_an_index(base_url):
    index_url = f"{base_url}/sitemap.xml"
    status, body, _ = fetch(index_url)
    assert status == 200
    root = ET.fromstring(body)
    assert root.tag == f"{SM}sitemapindex"
    locs = [urljoin(index_url, s.findtext(f"{SM}loc")) for s in root.findall(f"{SM}sitemap")]
    paths = {urlsplit(u).path for u in locs}
    for lang in LANGS:
        assert f"/{lang}/articles/sitemap-alternates.xml.gz" in paths
    for url in locs:
        status, body, _ = fetch(url)
        assert status == 200, url
        data = gzip.decompress(body) if url.endswith(".gz") else body
        assert ET.fromstring(data).tag == f"{SM}urlset", url


def alternates(base_url: str, lang: str, section: str) -> dict[str, dict[str, str]]:
    """{page URL: {hreflang: URL}} of a section's gzipped sitemap, as served."""
    sm_url = f"{base_url}/{lang}/{section}/sitemap-alternates.xml.gz"
    status, body, _ = fetch(sm_url)
    assert status == 200
    out = {}
    for url in ET.fromstring(gzip.decompress(body)).findall(f"{SM}url"):
        links = url.findall(f"{XHTML}link")
        out[urljoin(sm_url, url.findtext(f"{SM}loc"))] = {
            x.get("hreflang"): urljoin(sm_url, x.get("href")) for x in links if x.get("rel") == "alternate"
        }
    return out


def test_pages_announce_their_alternates(page, base_url, built_site):
    """Each article's language versions (sitemap) point at the same page in every language."""
    aid = built_site.article("001")["id"]
    load(page, f"/de/articles/{aid}.html")
    # Not in the head of a lean page (site size): in its section's sitemap, for every language.
    assert page.locator('head link[rel="alternate"][hreflang]').count() == 0
    for lang in LANGS:
        alts = alternates(base_url, lang, "articles")[f"{base_url}/{lang}/articles/{aid}.html"]
        assert set(alts) == set(LANGS) | {"x-default"}
        for code, href in alts.items():
            target = "en" if code == "x-default" else code  # x-default: the default language's page
            assert urlsplit(href).path == f"/{target}/articles/{aid}.html"
            assert_serves_page(href)


def test_navigation_pages_announce_their_alternates(page, built_site):
    """The home page keeps its <link rel=alternate hreflang> (x-default: the language chooser)."""
    load(page, "/ar/index.html")
    alts = dict(
        page.locator('head link[rel="alternate"][hreflang]').evaluate_all(
            "els => els.map(e => [e.hreflang, e.href])"
        )
    )
    assert set(alts) == set(LANGS) | {"x-default"}
    assert urlsplit(alts["x-default"]).path == "/index.html"
    assert urlsplit(alts["de"]).path == "/de/index.html"
