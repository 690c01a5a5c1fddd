"""RSS and sitemaps: absolute URLs with site_url, pubDate, atom:self, x-default, a warning."""

import dataclasses
import gzip
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from generator.config import load_config
from generator.model import Article
from generator.render.feeds import feed_xml, section_sitemaps, site_url_warning, sitemap_index

CFG = load_config(Path(__file__).resolve().parents[2] / "mkdocs.yml")
HOSTED = dataclasses.replace(CFG, site_url="https://example.org/briefing/")
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def articles():
    return [
        Article(
            id="a1",
            slug="a1",
            source="a1.txt",
            lang="de",
            title="Titel & mehr",
            paragraphs=["Text."],
            published=date(2023, 6, 14),
        ),
        Article(id="b2", slug="b2", source="b2.txt", lang="ar", title="عنوان", paragraphs=["نص."]),
    ]


def test_feed_with_site_url_is_absolute_and_points_at_itself():
    rss = ET.fromstring(feed_xml(articles(), HOSTED.language("de"), HOSTED))
    channel = rss.find("channel")
    assert channel.find(f"{ATOM}link").get("href") == "https://example.org/briefing/de/feed.xml"
    assert channel.find(f"{ATOM}link").get("rel") == "self"
    assert channel.findtext("link") == "https://example.org/briefing/de/index.html"
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [
        "https://example.org/briefing/de/articles/a1.html",
        "https://example.org/briefing/de/articles/b2.html",
    ]
    assert items[0].findtext("pubDate") == "Wed, 14 Jun 2023 00:00:00 +0000"
    assert items[1].find("pubDate") is None  # no date is better than an invented one
    assert channel.findtext("lastBuildDate") == "Wed, 14 Jun 2023 00:00:00 +0000"  # not the build clock


def test_feed_without_site_url_has_no_self_link_and_a_warning():
    rss = ET.fromstring(feed_xml(articles(), CFG.language("en"), CFG))
    assert rss.find(f"channel/{ATOM}link") is None
    assert site_url_warning(CFG) and "site_url" in site_url_warning(CFG)
    assert site_url_warning(HOSTED) is None


def test_sitemaps_list_every_page_absolutely_without_alternates():
    maps = section_sitemaps(
        ["articles/a1.md", "articles/a2.md", "events/e-1.md"], HOSTED.language("ar"), HOSTED
    )
    urls = ET.fromstring(maps["articles/sitemap.xml"]).findall(f"{SM}url")
    assert [u.findtext(f"{SM}loc") for u in urls] == [
        "https://example.org/briefing/ar/articles/a1.html",
        "https://example.org/briefing/ar/articles/a2.html",
    ]
    # The language versions are in the gzipped sitemap beside it (site size), not here.
    assert not any(u.findall(f"{XHTML}link") for u in urls)
    events = ET.fromstring(maps["events/sitemap.xml"]).findall(f"{SM}url")
    assert [u.findtext(f"{SM}loc") for u in events] == ["https://example.org/briefing/ar/events/e-1.html"]


def test_gzipped_sitemaps_give_every_language_version_deterministically():
    paths = ["articles/a1.md", "articles/a2.md", "events/e-1.md"]
    maps = section_sitemaps(paths, HOSTED.language("ar"), HOSTED)
    data = maps["articles/sitemap-alternates.xml.gz"]
    assert isinstance(data, bytes)
    assert (
        data == section_sitemaps(paths, HOSTED.language("ar"), HOSTED)["articles/sitemap-alternates.xml.gz"]
    )
    urls = ET.fromstring(gzip.decompress(data)).findall(f"{SM}url")
    assert [u.findtext(f"{SM}loc") for u in urls] == [
        "https://example.org/briefing/ar/articles/a1.html",
        "https://example.org/briefing/ar/articles/a2.html",
    ]
    alts = {x.get("hreflang"): x.get("href") for x in urls[0].findall(f"{XHTML}link")}
    codes = [lang.code for lang in HOSTED.languages]
    assert set(alts) == set(codes) | {"x-default"}
    for code in codes:
        assert alts[code] == f"https://example.org/briefing/{code}/articles/a1.html"
    assert alts["x-default"] == f"https://example.org/briefing/{HOSTED.default_language}/articles/a1.html"


def test_sitemap_index_lists_the_gzipped_section_sitemaps():
    index = ET.fromstring(sitemap_index(HOSTED))
    locs = [s.findtext(f"{SM}loc") for s in index.findall(f"{SM}sitemap")]
    assert "https://example.org/briefing/ar/articles/sitemap-alternates.xml.gz" in locs
    assert not any(loc.endswith("/articles/sitemap.xml") for loc in locs)
