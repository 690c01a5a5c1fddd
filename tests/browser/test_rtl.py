"""The Arabic site is laid out right to left: chrome, navigation, key facts and text."""

from __future__ import annotations

import pytest

from .test_pages import load

pytestmark = pytest.mark.browser


def direction(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).direction")


def right_edge(box) -> float:
    return box["x"] + box["width"]


def assert_right_to_left(first, second, what):
    a, b = first.bounding_box(), second.bounding_box()
    assert a and b, f"{what}: not visible"
    assert a["x"] > b["x"] and right_edge(a) > right_edge(b), f"{what}: first {a} is not right of second {b}"


def test_arabic_article_is_right_to_left(page, built_site):
    load(page, built_site.article_url("ar", "003"))
    assert page.locator("html").get_attribute("lang") == "ar"
    for sel in (
        "body",
        ".md-header",
        ".md-tabs",
        "article.md-content__inner",
        ".facts-grid",
        "p.article-meta",
        "ul.link-list",
        "div.original",
    ):
        assert direction(page.locator(sel).first) == "rtl", f"{sel} is not rtl"

    # Key facts: the grid fills from the right, and each card's accent bar is on its right.
    cards = page.locator(".facts-grid a.fact-card")
    assert cards.count() >= 2
    assert_right_to_left(cards.nth(0), cards.nth(1), "fact cards")
    grid = page.locator(".facts-grid").bounding_box()
    assert abs(right_edge(cards.nth(0).bounding_box()) - right_edge(grid)) < 2, (
        "first card is not at the grid's right edge"
    )
    borders = cards.nth(0).evaluate(
        "e => [parseFloat(getComputedStyle(e).borderRightWidth), parseFloat(getComputedStyle(e).borderLeftWidth)]"
    )
    assert borders[0] > borders[1], f"accent bar not on the right: {borders}"

    # Navigation: tabs run right to left, the logo sits right of the site title.
    tabs = page.locator(".md-tabs__item")
    assert tabs.count() >= 2
    assert_right_to_left(tabs.nth(0), tabs.nth(1), "navigation tabs")
    assert_right_to_left(
        page.locator(".md-header__button.md-logo"), page.locator(".md-header__title"), "header"
    )

    # The line under the title reads outlet · date · language from the right.
    assert_right_to_left(page.locator(".meta-outlet"), page.locator(".meta-lang"), "article meta")
    # Headings and paragraphs start at the right edge of the content column.
    content = page.locator("article.md-content__inner").bounding_box()
    heading = page.locator("#key-facts").evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e); const b = r.getBoundingClientRect(); return b.x + b.width; }"
    )
    assert abs(heading - right_edge(content)) < 25, "heading text is not right-aligned"


def test_arabic_site_keeps_ltr_text_ltr(page, built_site):
    """A German article in the Arabic site: Arabic chrome, German original left to right."""
    load(page, built_site.article_url("ar", "004"))
    assert direction(page.locator("body")) == "rtl"
    assert direction(page.locator(".facts-grid")) == "rtl"
    assert direction(page.locator("div.original")) == "ltr"
    assert direction(page.locator("h1.article-title")) == "ltr"


def test_arabic_home_and_event_navigation(page, built_site):
    load(page, "/ar/index.html")
    tabs = page.locator(".md-tabs__item")
    assert_right_to_left(tabs.nth(0), tabs.nth(1), "home tabs")
    items = page.locator("ul.article-list > li")
    first = items.first.bounding_box()
    content = page.locator("article.md-content__inner").bounding_box()
    # Lists are indented from the right (where the bullets hang), flush on the left.
    assert right_edge(content) - right_edge(first) > 10, f"list not indented from the right: {first}"
    assert abs(first["x"] - content["x"]) < 2, f"list indented from the left: {first}"
    title = page.locator("ul.article-list > li a span").first.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.x + r.width; }"
    )
    assert abs(title - right_edge(first)) < 2, "the first title does not start at the right"


def test_arabic_phone_header(phone_context, built_site):
    page = phone_context.new_page()
    load(page, built_site.article_url("ar", "003"))
    menu = page.locator('.md-header label[for="__drawer"]').first
    title = page.locator(".md-header__title")
    assert_right_to_left(menu, title, "phone header (menu button)")
    # The drawer slides in from the right.
    menu.click()
    page.wait_for_timeout(400)
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    viewport = page.viewport_size
    assert drawer and abs(right_edge(drawer) - viewport["width"]) < 2, f"drawer at {drawer}"
    cards = page.locator(".facts-grid a.fact-card")
    assert cards.count() >= 2, "article 003 shows several key facts"
    a, b = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    # One or two columns on a phone: the first card is never left of the second on its row.
    assert a["y"] < b["y"] or a["x"] > b["x"]
