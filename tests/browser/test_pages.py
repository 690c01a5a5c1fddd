"""Home and article pages in every language: clean console, nothing fetched from elsewhere,
the article laid out in reading order, accessible markup, and screenshots for review."""

from __future__ import annotations

import re

import pytest

from .conftest import DESKTOP, LANGS, PHONE

pytestmark = pytest.mark.browser

# The article shown in the screenshots of each site language: one in that language where
# the seeds have one, else the Arabic/German pair's German half.
SCREENSHOT_ARTICLE = {"en": "004", "de": "004", "ar": "003", "zh-Hant": "000"}
GENERIC_LINK_TEXTS = {
    "click here",
    "here",
    "read more",
    "more",
    "link",
    "this",
    "hier",
    "hier klicken",
    "mehr",
    "اضغط هنا",
    "هنا",
    "المزيد",
    "點此",
    "點擊這裡",
    "這裡",
    "更多",
}


def load(page, url, idle=False):
    """Open ``url``; with ``idle``, also wait until the page has stopped fetching (search index…)."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    if idle:
        page.wait_for_load_state("networkidle")
    return response


def assert_clean(page, url):
    rec = page.recorder
    assert not rec.console_errors, f"{url}: console errors {rec.console_errors}"
    assert not rec.page_errors, f"{url}: uncaught exceptions {rec.page_errors}"
    assert rec.requests, "no request was recorded"
    assert not rec.off_host(), f"{url}: requests left localhost: {rec.off_host()}"


def test_root_language_chooser(page, built_site):
    load(page, "/index.html?choose", idle=True)
    assert_clean(page, "/")
    hreflangs = page.locator("a[hreflang]").evaluate_all("els => els.map(e => e.hreflang)")
    assert hreflangs == list(LANGS)
    # Every choice opens the home page of that language.
    for lang in LANGS:
        assert page.locator(f'a[hreflang="{lang}"]').get_attribute("href") == f"{lang}/index.html"


def test_root_follows_the_browser_language(browser, base_url):
    context = browser.new_context(base_url=base_url, locale="ar-EG")
    try:
        page = context.new_page()
        page.goto("/", wait_until="load")
        page.wait_for_url("**/ar/index.html")
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_home_and_every_article_render_cleanly(page, built_site, lang):
    urls = [f"/{lang}/index.html"] + [f"/{lang}/articles/{aid}.html" for aid in built_site.article_ids()]
    for url in urls:
        page.recorder.clear()
        load(page, url, idle=True)
        assert_clean(page, url)
        assert page.locator("article h1").count() == 1, f"{url}: expected one h1"
        # Search (a worker fetching the index) is part of every page: let it load too.
        assert any(r.endswith("/search/search_index.json") for r in page.recorder.requests), url


@pytest.mark.parametrize("lang", LANGS)
def test_article_reads_in_order(page, built_site, lang):
    """Title, outlet, date, language; key facts as a grid of cards; same-event and related
    coverage; then the original text."""
    load(page, built_site.article_url(lang, "003"))
    order = page.evaluate("""() => {
        const root = document.querySelector('article.md-content__inner');
        const pick = sel => root.querySelector(sel);
        const names = {title: 'h1.article-title', meta: 'p.article-meta', facts: '#key-facts',
                       grid: '.facts-grid', same: '#same-event', related: '#related',
                       originalHeading: '#original', original: 'div.original'};
        const all = [...root.querySelectorAll('*')];
        const out = {};
        for (const [k, sel] of Object.entries(names)) { const el = pick(sel); out[k] = el ? all.indexOf(el) : -1; }
        return out;
    }""")
    missing = [k for k, v in order.items() if v < 0]
    assert not missing, f"missing parts: {missing}"
    sequence = ["title", "meta", "facts", "grid", "same", "related", "originalHeading", "original"]
    positions = [order[k] for k in sequence]
    assert positions == sorted(positions), f"out of order: {order}"

    meta = page.locator("p.article-meta")
    for part in ("meta-outlet", "meta-date", "meta-lang"):
        assert meta.locator(f".{part}").count() == 1, f"meta lacks {part}"
        assert meta.locator(f".{part}").inner_text().strip()
    # Outlet, date, language: left to right (or right to left) on the line under the title.
    boxes = [meta.locator(f".{p}").bounding_box() for p in ("meta-outlet", "meta-date", "meta-lang")]
    title_box = page.locator("h1.article-title").bounding_box()
    assert all(b["y"] >= title_box["y"] + title_box["height"] - 1 for b in boxes)

    # The facts are a grid of cards: several cards on one row at desktop width.
    grid = page.locator(".facts-grid")
    assert grid.evaluate("e => getComputedStyle(e).display") == "grid"
    cards = grid.locator("a.fact-card")
    assert cards.count() >= 2
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2, "the first two fact cards are not side by side"

    # Same-event and related coverage are lists of links to other article pages.
    for section in ("#same-event", "#related"):
        links = page.locator(f"{section} + ul.link-list a[href]")
        assert links.count() >= 1, f"no links under {section}"
        for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))"):
            assert re.fullmatch(r"[\w-]+\.html", href), href


HEADINGS_JS = """() => [...document.querySelectorAll('article.md-content__inner :is(h1,h2,h3,h4,h5,h6)')]
    .map(h => [Number(h.tagName[1]), h.textContent.trim()])"""

LINKS_JS = """() => [...document.querySelectorAll('a[href]')].map(a => {
    const labelled = (a.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
        .map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
    const imgs = [...a.querySelectorAll('img[alt]')].map(i => i.alt).join(' ');
    const name = (a.getAttribute('aria-label') || labelled || a.textContent || imgs || a.title || '').trim();
    return [a.getAttribute('href'), name.replace(/\\s+/g, ' ')];
})"""

ORIGINAL_JS = """() => [...document.querySelectorAll('div.original')].map(e =>
    [e.getAttribute('lang'), e.getAttribute('dir'), getComputedStyle(e).direction])"""


def pages_to_audit(built_site, lang):
    export = built_site.export
    pages = [
        f"/{lang}/index.html",
        f"/{lang}/archive/1.html",
        f"/{lang}/events/index.html",
        f"/{lang}/entities/index.html",
        f"/{lang}/about.html",
    ]
    pages += [f"/{lang}/articles/{aid}.html" for aid in built_site.article_ids()]
    pages += [f"/{lang}/events/{e['id']}.html" for e in export["events"] if len(e["articles"]) > 1]
    return pages


def expected_dir(tag: str) -> str:
    return "rtl" if tag.split("-")[0] in ("ar", "fa", "he", "ur", "ps", "yi") else "ltr"


@pytest.mark.parametrize("lang", LANGS)
def test_accessibility(page, built_site, lang):
    """lang/dir on every original text; headings in order without skipped levels inside the
    main content; every link with a meaningful text."""
    langs = {a["id"]: a["lang"] for a in built_site.export["articles"]}
    problems = []
    urls = pages_to_audit(built_site, lang)
    # …and the first few entity pages the index links to.
    load(page, f"/{lang}/entities/index.html")
    hrefs = page.locator("article a[href$='.html']").evaluate_all("els => els.map(e => e.href)")
    urls += [h for h in hrefs if "/entities/" in h and not h.endswith("/index.html")][:3]
    for url in urls:
        load(page, url)
        # Original text blocks (article pages) speak their own language and direction.
        blocks = page.evaluate(ORIGINAL_JS)
        aid = url.rsplit("/", 1)[1][:-5] if "/articles/" in url else None
        if aid:
            want = [langs[aid], expected_dir(langs[aid]), expected_dir(langs[aid])]
            if blocks != [want]:
                problems.append(f"{url}: original text blocks {blocks}, expected [{want}]")
            for src in page.locator(".fact-source").evaluate_all("els => els.map(e => [e.lang, e.dir])"):
                if src != want[:2]:
                    problems.append(f"{url}: fact source quoted as {src}")
        elif blocks:
            problems.append(f"{url}: unexpected original text {blocks}")

        levels = page.evaluate(HEADINGS_JS)
        if not levels or levels[0][0] != 1:
            problems.append(f"{url}: main content does not start with h1: {levels[:3]}")
        if sum(1 for lv, _ in levels if lv == 1) != 1:
            problems.append(f"{url}: {sum(1 for lv, _ in levels if lv == 1)} h1 headings")
        for (prev, _), (cur, text) in zip(levels, levels[1:]):
            if cur > prev + 1:
                problems.append(f"{url}: h{prev} followed by h{cur} ({text!r})")
        problems += [f"{url}: empty h{lv}" for lv, text in levels if not text]

        for href, name in page.evaluate(LINKS_JS):
            if not name:
                problems.append(f"{url}: link to {href} has no text")
            elif name.lower().strip(" .:!…") in GENERIC_LINK_TEXTS:
                problems.append(f"{url}: link text {name!r} ({href}) says nothing")
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------------------- screenshots


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("lang", LANGS)
def test_screenshots(browser, base_url, built_site, screenshot_dir, lang, width):
    from .conftest import _new_context

    viewport = DESKTOP if width == "desktop" else PHONE
    context = _new_context(browser, base_url, viewport, phone=width == "phone")
    try:
        page = context.new_page()
        shots = {
            "home": f"/{lang}/index.html",
            "article": built_site.article_url(lang, SCREENSHOT_ARTICLE[lang]),
        }
        for name, url in shots.items():
            load(page, url, idle=True)
            path = screenshot_dir / f"{lang}-{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 5_000
            # Nothing sticks out sideways: a phone reader never scrolls horizontally.
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{url} at {width} width scrolls sideways by {overflow}px"
            cards = page.locator(".facts-grid a.fact-card")
            if name == "article" and cards.count() >= 2:
                # Key facts are a grid at both widths: the first two cards share a row.
                a, b = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
                assert abs(a["y"] - b["y"]) < 2, f"{url} at {width} width: fact cards in a single column"
        assert not context.recorder.console_errors, context.recorder.console_errors
        assert not context.recorder.off_host(), context.recorder.off_host()
    finally:
        context.close()
