"""Event pages compare the figures of their sources side by side and mark disagreements."""
from __future__ import annotations

import pytest

from .conftest import LANGS
from .test_pages import load

pytestmark = pytest.mark.browser


def multi_events(built_site):
    events = [e for e in built_site.export["events"] if len(e["articles"]) > 1]
    assert events, "the seeds have no event with more than one article"
    return events


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_compares_sources(page, built_site, lang):
    for event in multi_events(built_site):
        load(page, f"/{lang}/events/{event['id']}.html")
        # Every member article is listed under the coverage.
        for aid in event["articles"]:
            assert page.locator(f'#coverage ~ ul.article-list a[href$="articles/{aid}.html"]').count() == 1

        # The facts table: every fact with the sources that report it.
        merged = page.locator("table.merged-facts")
        if any(f["type"] in ("money", "percent", "quantity")
               for a in built_site.export["articles"] if a["id"] in event["articles"] for f in a["facts"]):
            assert merged.count() == 1
            assert merged.locator("thead th").count() >= 2

        tables = page.locator("table.comparison")
        assert tables.count() == len(event["comparisons"])
        for i in range(tables.count()):
            table = tables.nth(i)
            comparison = event["comparisons"][i]
            cls = table.get_attribute("class").split()
            verdict = "agree" if comparison["agree"] else "disagree"
            assert verdict in cls, f"table {i}: class {cls}, expected {verdict}"
            # Sources side by side: one row each, with the figure and the sentence it is from.
            rows = table.locator("tbody tr")
            assert rows.count() == len(comparison["items"]) >= 2
            assert table.locator("thead th").count() == 3
            sources = rows.evaluate_all("rs => rs.map(r => r.cells[0].querySelector('a').getAttribute('href'))")
            assert len(set(sources)) >= 2, f"table {i} compares an article with itself: {sources}"
            figures = rows.evaluate_all("rs => rs.map(r => r.cells[1].textContent.trim())")
            assert all(figures)
            if not comparison["agree"]:
                assert len(set(figures)) > 1, f"disagreement shown with identical figures {figures}"
            # The table is framed, and its verdict colours the frame's reading-start edge.
            edge = table.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopWidth, "
                                  "s.direction === 'rtl' ? s.borderRightColor : s.borderLeftColor]; }")
            assert edge[0] != "0px", "comparison table has no frame"
            assert edge[1] == ("rgb(46, 125, 50)" if comparison["agree"] else "rgb(198, 40, 40)"), edge
            # The verdict is visible and disagreements stand out in colour.
            mark = table.locator("caption .verdict")
            assert mark.is_visible() and mark.inner_text().strip()
            color = mark.evaluate("e => getComputedStyle(e).color")
            assert color == ("rgb(46, 125, 50)" if comparison["agree"] else "rgb(198, 40, 40)"), color
            # Each sentence link opens the source at that sentence.
            for href in rows.evaluate_all("rs => rs.map(r => r.cells[2].querySelector('a').getAttribute('href'))"):
                assert "#s-" in href


def test_event_sentence_link_lands_on_the_sentence(page, built_site):
    event = next(e for e in multi_events(built_site) if e["comparisons"])
    load(page, f"/en/events/{event['id']}.html")
    link = page.locator("table.comparison tbody tr td:nth-child(3) a").first
    href = link.get_attribute("href")
    link.click()
    anchor = href.split("#", 1)[1]
    page.wait_for_function("a => location.hash === '#' + a", arg=anchor)
    page.wait_for_function(
        "a => { const el = document.getElementById(a);"
        " return !!el && getComputedStyle(el).backgroundColor === 'rgb(255, 245, 157)'; }", arg=anchor)
