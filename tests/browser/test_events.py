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


VERDICT_COLOURS = {
    "agree": "rgb(46, 125, 50)",
    "disagree": "rgb(198, 40, 40)",
    "single": "rgb(117, 117, 117)",
}
VERDICT_TEXT = {**VERDICT_COLOURS, "single": "rgba(0, 0, 0, 0.54)"}  # one report: no verdict colour


def expected_verdict(event, comparison) -> str:
    """A comparison's verdict over the event's independent reports: figures of one report
    only (an original and its translation) are no agreement; otherwise the export's verdict
    (the seeds' comparisons agree or differ the same way with or without other stories)."""
    report = {m: i for i, group in enumerate(event["reports"]) for m in group}
    reports = {report[i["article"]] for i in comparison["items"] if i["article"] in report}
    if len(reports) < 2:
        return "single"
    return "agree" if comparison["agree"] else "disagree"


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_compares_sources(page, built_site, lang):
    for event in multi_events(built_site):
        load(page, f"/{lang}/events/{event['id']}.html")
        # Every member article is listed under the coverage.
        for aid in event["articles"]:
            assert page.locator(f'#coverage ~ section.report a[href$="articles/{aid}.html"]').count() == 1

        # The facts table: every fact with the sources that report it.
        merged = page.locator("table.merged-facts")
        if any(
            f["type"] in ("money", "percent", "quantity")
            for a in built_site.export["articles"]
            if a["id"] in event["articles"]
            for f in a["facts"]
        ):
            assert merged.count() == 1
            assert merged.locator("thead th").count() >= 2

        tables = page.locator("table.comparison")
        assert tables.count() == len(event["comparisons"])
        for i in range(tables.count()):
            table = tables.nth(i)
            comparison = event["comparisons"][i]
            cls = table.get_attribute("class").split()
            verdict = expected_verdict(event, comparison)
            assert verdict in cls, f"table {i}: class {cls}, expected {verdict}"
            # Sources side by side: one row each, with the figure and the sentence it is from.
            rows = table.locator("tbody tr")
            assert rows.count() == len(comparison["items"]) >= 2
            assert table.locator("thead th").count() == 3
            sources = rows.evaluate_all(
                "rs => rs.map(r => r.cells[0].querySelector('a').getAttribute('href'))"
            )
            assert len(set(sources)) >= 2, f"table {i} compares an article with itself: {sources}"
            figures = rows.evaluate_all("rs => rs.map(r => r.cells[1].textContent.trim())")
            assert all(figures)
            if verdict == "disagree":
                assert len(set(figures)) > 1, f"disagreement shown with identical figures {figures}"
            # The table is framed, and its verdict colours the frame's reading-start edge.
            edge = table.evaluate(
                "e => { const s = getComputedStyle(e); return [s.borderTopWidth, "
                "s.direction === 'rtl' ? s.borderRightColor : s.borderLeftColor]; }"
            )
            assert edge[0] != "0px", "comparison table has no frame"
            assert edge[1] == VERDICT_COLOURS[verdict], edge
            # The verdict is visible and disagreements stand out in colour.
            mark = table.locator("caption .verdict")
            assert mark.is_visible() and mark.inner_text().strip()
            color = mark.evaluate("e => getComputedStyle(e).color")
            assert color == VERDICT_TEXT[verdict], color
            # Each sentence link opens the source at that sentence.
            for href in rows.evaluate_all(
                "rs => rs.map(r => r.cells[2].querySelector('a').getAttribute('href'))"
            ):
                assert "#s-" in href


def seed_event(built_site):
    """The seeds' one multi-article event: 003 (Arabic) and 004 (German)."""
    ids = {built_site.article("003")["id"], built_site.article("004")["id"]}
    found = [e for e in built_site.export["events"] if set(e["articles"]) == ids]
    assert found, f"no event holds exactly 003 and 004: {[e['articles'] for e in multi_events(built_site)]}"
    return found[0]


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_leads_with_the_seed_event(page, built_site, lang):
    event = seed_event(built_site)
    load(page, f"/{lang}/index.html")
    # the first block after the lead is the events list, and its first card is 003 + 004
    first = page.locator("article.md-content__inner h2").first
    assert first.get_attribute("id") == "events"
    card = page.locator("ol.event-list > li.event-card").first
    assert card.locator("a").first.get_attribute("href").endswith(f"events/{event['id']}.html")
    meta = card.locator(".link-meta").inner_text()
    assert meta.count("·") >= 1 and card.locator(".event-figures .chip").count() >= 1
    box = card.bounding_box()
    latest = page.locator("#latest").bounding_box()
    assert box["y"] < latest["y"], "the events come before the latest articles"


@pytest.mark.parametrize("lang", LANGS)
def test_seed_event_is_one_report_in_two_languages(page, built_site, lang):
    """003 is the Arabic translation of 004 (one TechCrunch report): one report, two languages,
    and no figure of it is called an agreement of two sources (link/reports.py)."""
    event = seed_event(built_site)
    assert sorted(map(sorted, event["reports"])) == [sorted(event["articles"])]
    load(page, f"/{lang}/events/{event['id']}.html")
    assert page.locator("section.report").count() == 1
    report = page.locator("section.report").first
    assert report.locator("a[href*='articles/']").count() >= 2
    # the label names both languages as the items do (CLDR names in the site language)
    names = report.locator(".link-meta").evaluate_all("ms => ms.map(m => m.textContent.split(' · ')[0])")
    label = report.locator(".report-label").inner_text()
    assert len(set(names)) == 2 and all(n in label for n in names), (names, label)
    assert page.locator("table.comparison.agree").count() == 0
    assert page.locator("table.comparison.single").count() == len(event["comparisons"])
