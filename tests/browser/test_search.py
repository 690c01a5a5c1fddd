"""Material's search box, typed into like a reader would, finds the right article first."""

from __future__ import annotations

import re

import pytest

from .conftest import REPO
from .test_pages import load

pytestmark = pytest.mark.browser

# site language, query, seeds any of which is right first. Their original text contains the
# query, except for Twitter in English: every seed is about Twitter (some call it 推特/تويتر).
QUERIES = [
    ("zh-Hant", "推特", ("000", "002")),
    # A name whose first character is also a word of the index (Material's segmenter once
    # searched 馬 for it; generator/render/search_worker.py fixes that).
    ("zh-Hant", "馬斯克", ("000", "002")),
    ("ar", "المعلنين", ("001", "003")),
    ("de", "Werbetreibende", ("004",)),
    ("en", "Twitter", ("000", "001", "002", "003", "004")),
]
ABOUT_NOT_CONTAINING = {"Twitter"}


@pytest.mark.parametrize("lang,query,expected", QUERIES, ids=[f"{q[0]}-{q[1]}" for q in QUERIES])
def test_search_finds_the_right_article_first(page, built_site, lang, query, expected):
    ids = {built_site.article(p)["id"] for p in expected}
    # The expectation itself: those articles' text really contains the query.
    texts = {
        a["id"]: (REPO / "seeds" / a["source"]).read_text(encoding="utf-8")
        for a in built_site.export["articles"]
    }
    if query not in ABOUT_NOT_CONTAINING:
        assert all(query in texts[i] for i in ids)

    load(page, f"/{lang}/index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    # Material reads the query on keyup; Playwright inserts non-Latin characters as text
    # (as an input method would) without key events, so end with a key a reader presses too.
    box.press("End")
    first = page.locator(".md-search-result__item").first
    first.wait_for(state="visible", timeout=20_000)
    href = first.locator("a").first.get_attribute("href")
    event = re.search(r"events/([^/#?]+)\.html", href or "")
    if event:
        # An event page that lists the right articles (another language's summary is not in
        # this site's index, so for a word all of them share their event may come first).
        members = next(e["articles"] for e in built_site.export["events"] if e["id"] == event.group(1))
        assert ids & set(members), f"first result for {query!r} is {href}, which lists none of {sorted(ids)}"
        return
    m = re.search(r"articles/([^/#?]+)\.html", href or "")
    assert m, f"first result for {query!r} is not an article: {href}"
    assert m.group(1) in ids, f"first result for {query!r} is {m.group(1)}, expected one of {sorted(ids)}"
    # The result opens that article in the same language.
    first.locator("a").first.click()
    page.wait_for_url(re.compile(rf"/{re.escape(lang)}/articles/{re.escape(m.group(1))}\.html"))
