"""Material's page chrome, trimmed to keep the site small (overrides/, mkdocs_hooks.py), still
does everything: icons drawn by CSS, search dialog and __config from briefing.js, the phone
drawer filled from the tabs, no source maps shipped."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import LANGS, PHONE, _new_context
from .test_pages import load

pytestmark = pytest.mark.browser

# Icons by element: (selector, pseudo-element, viewport) — Material's inline <svg>s before.
ICONS = [
    (".md-header__button.md-logo", "::before", "desktop"),
    (".md-select > .md-header__button", "::before", "desktop"),
    ("input.md-search__input + .md-search__icon", "::before", "desktop"),
    ('.md-header__button[for="__drawer"]', "::before", "phone"),
    ('.md-header__button[for="__search"]', "::before", "phone"),
]


def test_built_pages_carry_no_inline_svg_config_or_scripts(built_site):
    for lang in LANGS:
        for path in (built_site.article_url(lang, "003"), f"/{lang}/index.html"):
            html = (built_site.root / path.lstrip("/")).read_text(encoding="utf-8")
            assert "<svg" not in html, f"{path}: inline <svg> in the page"
            assert 'id="__config"' not in html and "__md_scope" not in html, path
            assert re.search(r"<script>", html) is None, f"{path}: inline script"
            assert "assets/javascripts/briefing.js" in html, path
        assert not list((built_site.root / lang).rglob("*.map")), f"{lang}: source maps shipped"
        index = (built_site.root / lang / "search" / "search_index.json").read_bytes()
        # UTF-8, not \\uXXXX escapes (a regex's escaped backslash, \\\\u200b, is not one).
        assert not re.search(rb"(?<!\\)\\u[0-9a-fA-F]{4}", index), f"{lang}: search index still ASCII-escaped"


def _icon_paints(page, selector, pseudo):
    """The pseudo-element has a size and a mask, and hiding it changes the element's pixels."""
    el = page.locator(selector).first
    el.wait_for(state="visible")
    style = el.evaluate(
        "(e, p) => { const s = getComputedStyle(e, p); return {w: parseFloat(s.width),"
        " h: parseFloat(s.height), mask: s.maskImage || s.webkitMaskImage, bg: s.backgroundColor,"
        " color: getComputedStyle(e).color}; }",
        pseudo,
    )
    assert style["w"] >= 16 and style["h"] >= 16, f"{selector}{pseudo}: {style}"
    assert style["mask"].startswith('url("data:image/svg+xml'), f"{selector}{pseudo}: {style}"
    assert style["bg"] == style["color"], f"{selector}{pseudo}: not drawn in currentcolor {style}"
    with_icon = el.screenshot()
    page.add_style_tag(content=f"{selector}{pseudo} {{ visibility: hidden !important; }}")
    without = el.screenshot()
    assert with_icon != without, f"{selector}{pseudo}: nothing painted"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_header_icons_are_drawn(browser, base_url, built_site, lang):
    for selector, pseudo, width in ICONS:
        context = _new_context(
            browser,
            base_url,
            PHONE if width == "phone" else {"width": 1280, "height": 900},
            phone=width == "phone",
        )
        try:
            page = context.new_page()
            load(page, built_site.article_url(lang, "003"))
            _icon_paints(page, selector, pseudo)
        finally:
            context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_config_and_search_dialog_come_from_briefing_js(page, built_site, lang):
    load(page, built_site.article_url(lang, "003"))
    config = json.loads(page.locator("#__config").text_content())
    assert config["base"] == page.evaluate("new URL('..', location).href")
    assert config["search"].endswith(".min.js") and "/workers/search." in config["search"]
    assert config["translations"]["search.result.none"]
    # Material's search dialog sits in the header, as in its own template.
    assert page.locator(".md-header .md-search[data-md-component=search] input.md-search__input").count() == 1
    assert page.evaluate("__md_scope.href") == config["base"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_phone_drawer_lists_the_tabs(phone_context, built_site, lang):
    page = phone_context.new_page()
    load(page, built_site.article_url(lang, "003"))
    tabs = page.locator(".md-tabs__link").evaluate_all(
        "els => els.map(e => [e.getAttribute('href'), e.textContent.trim()])"
    )
    assert len(tabs) >= 4
    page.locator('.md-header label[for="__drawer"]').click()
    links = page.locator(".md-nav--primary .md-nav__item > a.md-nav__link")
    links.first.wait_for(state="visible")
    assert links.evaluate_all("els => els.map(e => [e.getAttribute('href'), e.textContent.trim()])") == tabs
    links.nth(2).click()
    page.wait_for_url(f"**/{lang}/{tabs[2][0].lstrip('./')}")


def test_without_javascript_phones_get_the_tabs(browser, base_url, built_site):
    """The home page keeps its tabs; a lean page (an article) has its article and links only:
    briefing.js writes its tabs with its header (site size, README "Performance")."""
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False
    )
    try:
        page = context.new_page()
        load(page, "/en/index.html")
        assert page.locator(".md-tabs").is_visible()
        assert not page.locator('.md-header label[for="__drawer"]').is_visible()
        load(page, built_site.article_url("en", "003"))
        assert page.locator(".md-tabs").count() == 0
        assert page.locator("h1.article-title").is_visible()
        assert page.locator("div.original a[href]").count() == 1  # the text is one link away
    finally:
        context.close()
