"""Moving around: the language switcher, same-event links, key facts to their sentences."""

from __future__ import annotations

import re

import pytest

from .conftest import LANGS
from .test_pages import load

pytestmark = pytest.mark.browser

HIGHLIGHT = "rgb(255, 245, 157)"  # briefing.css: .sentence:target


def switch_language(page, lang):
    page.locator(".md-header .md-select > button").click()
    link = page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]')
    link.wait_for(state="visible")
    link.click()


@pytest.mark.parametrize("start", LANGS)
def test_language_switcher_stays_on_the_article(page, built_site, start):
    article = built_site.article("003")
    load(page, built_site.article_url(start, "003"))
    others = [lang for lang in LANGS if lang != start]
    for target in others:
        switch_language(page, target)
        page.wait_for_url(f"**/{target}/articles/{article['id']}.html")
        page.wait_for_load_state("load")
        assert page.locator("html").get_attribute("lang").lower().startswith(target.split("-")[0].lower())
        # Same article: its title, in its own language, leads the page.
        assert page.locator("h1.article-title").inner_text().strip() == article["title"]


def test_language_switcher_on_home_and_event_pages(page, built_site):
    event = next(e for e in built_site.export["events"] if len(e["articles"]) > 1)
    for path in ("index.html", f"events/{event['id']}.html"):
        load(page, f"/en/{path}")
        switch_language(page, "de")
        page.wait_for_url(f"**/de/{path}")


def same_event_link(page, target_id):
    return page.locator(f'#same-event + ul.link-list a[href$="{target_id}.html"]')


def test_same_event_links_join_003_and_004(page, built_site):
    a3, a4 = built_site.article("003"), built_site.article("004")
    for lang in LANGS:
        load(page, built_site.article_url(lang, "003"))
        link = same_event_link(page, a4["id"])
        assert link.count() == 1, f"{lang}: 003 has no same-event link to 004"
        link.click()
        page.wait_for_url(f"**/{lang}/articles/{a4['id']}.html")
        assert page.locator("h1.article-title").inner_text().strip() == a4["title"]
        back = same_event_link(page, a3["id"])
        assert back.count() == 1, f"{lang}: 004 has no same-event link back to 003"
        back.click()
        page.wait_for_url(f"**/{lang}/articles/{a3['id']}.html")
        assert page.locator("h1.article-title").inner_text().strip() == a3["title"]


def text_in_place(page):
    """Wait until the article's text is on the page (fetched from its own language's page)."""
    page.wait_for_function(
        "!document.querySelector('div.original[data-src]') && !!document.querySelector('span.sentence')"
    )


def test_text_is_fetched_from_its_own_languages_page(page, built_site):
    """On the English page of a German article the text is the German page's, its cards' links
    point at this page's sentences, and a link to a sentence there (#s-N) lands on it, lit."""
    a4 = built_site.article("004")
    html = (built_site.root / "en" / "articles" / f"{a4['id']}.html").read_text(encoding="utf-8")
    assert 'class="sentence"' not in html and f'data-src="../../de/articles/{a4["id"]}.html"' in html
    load(page, built_site.article_url("de", "004"))
    own = page.locator("div.original").inner_text()
    load(page, built_site.article_url("en", "004"))
    text_in_place(page)
    assert page.locator("div.original").inner_text() == own
    assert page.locator("div.original").get_attribute("lang") == "de"
    hrefs = page.locator("a.fact-card").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(re.fullmatch(r"#s-\d+", h) for h in hrefs), hrefs
    target = hrefs[-1]
    load(page, "/en/index.html")  # a new document: goto() to a fragment of this one loads nothing
    load(page, built_site.article_url("en", "004") + target)
    text_in_place(page)
    sentence = f'span.sentence[id="{target[1:]}"]'
    page.wait_for_function(
        "([sel, bg]) => getComputedStyle(document.querySelector(sel)).backgroundColor === bg",
        arg=[sentence, HIGHLIGHT],
    )
    assert in_viewport(page, sentence)["visible"]


def test_without_the_fetch_the_text_is_one_link_away(page, built_site):
    """Should the fetch fail (file://, offline), the block links to the page holding the text,
    and the fact cards to its sentences there."""
    a4 = built_site.article("004")
    page.route("**/de/articles/*.html", lambda route: route.abort())
    load(page, built_site.article_url("en", "004"))
    page.wait_for_function("!document.querySelector('div.original[data-tr]')")  # given up
    link = page.locator("div.original p.original-link a")
    assert link.get_attribute("href") == f"../../de/articles/{a4['id']}.html#original"
    assert link.inner_text().strip()
    card = page.locator("a.fact-card").first
    assert card.get_attribute("href").startswith(f"../../de/articles/{a4['id']}.html#s-")
    page.unroute("**/de/articles/*.html")
    link.click()
    page.wait_for_url(f"**/de/articles/{a4['id']}.html#original")
    assert page.locator("span.sentence").count() > 0


def in_viewport(page, selector) -> dict:
    return page.evaluate(
        """sel => {
        const e = document.querySelector(sel); const r = e.getBoundingClientRect();
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        return {top: r.top, bottom: r.bottom, header, height: innerHeight,
                visible: r.top >= header - 1 && r.top < innerHeight && r.bottom > header};
    }""",
        selector,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_key_fact_scrolls_to_and_highlights_its_sentence(page, built_site, lang):
    prefix = {"en": "004", "de": "004", "ar": "003", "zh-Hant": "000"}[lang]
    load(page, built_site.article_url(lang, prefix))
    text_in_place(page)  # en 004 (German): its text comes from the German page
    cards = page.locator(".facts-grid a.fact-card:visible")  # not those behind "more facts"
    assert cards.count() >= 1
    # The last card: its sentence is furthest down, so the page really has to scroll.
    card = cards.last
    target = card.get_attribute("href")
    assert re.fullmatch(r"#s-\d+", target), target
    sentence = f'span.sentence[id="{target[1:]}"]'
    assert page.locator(sentence).count() == 1, f"no sentence {target}"
    before = in_viewport(page, sentence)
    assert not before["visible"], "sentence already on screen; pick a fact further down"
    card.click()
    page.wait_for_function("h => location.hash === h", arg=target)
    page.wait_for_function(
        "([sel, bg]) => getComputedStyle(document.querySelector(sel)).backgroundColor === bg",
        arg=[sentence, HIGHLIGHT],
    )
    after = in_viewport(page, sentence)
    assert after["visible"], f"sentence {target} not in view after the click: {after}"
    # The fact's own words are in the highlighted sentence.
    quoted = card.locator(".fact-source").inner_text().strip()
    assert quoted and quoted in page.locator(sentence).inner_text()
    # Only that sentence is highlighted.
    lit = page.evaluate(
        "bg => [...document.querySelectorAll('span.sentence')]"
        ".filter(s => getComputedStyle(s).backgroundColor === bg).length",
        HIGHLIGHT,
    )
    assert lit == 1
