"""Page rendering on a hand-made corpus: structure, lang/dir, anchors, escaping."""

import re
from datetime import date
from pathlib import Path

from generator.config import load_config
from generator.model import Article, Comparison, Corpus, Entity, Event, Fact, Link, Reason
from generator.render.pages import View, excerpt, render_language, script_labels
from generator.render.paths import article_path, rel

from .factories import article

CFG = load_config(Path(__file__).resolve().parents[2] / "mkdocs.yml")


def corpus():
    ar = article(
        "a1",
        "ar",
        "عنوان <b>",
        ["انخفضت الإيرادات بنسبة 55% هذا العام. قال ماسك شيئًا.", "فقرة ثانية."],
        published=date(2023, 11, 30),
    )
    de = article(
        "d1", "de", "Titel {{ x }}", ["Die Werbeverkäufe fielen um fast 60 %. <script>alert(1)</script>"]
    )
    body = ar.body
    i = body.index("55%")
    facts = {
        "a1": [
            Fact("percent", "55%", i, i + 3, value=55.0),
            Fact(
                "person", "ماسك", body.index("ماسك"), body.index("ماسك") + 4, name="Elon Musk", id="Q317521"
            ),
        ],
        "d1": [Fact("percent", "fast 60 %", 27, 36, value=60.0, qualifier="approx")],
    }
    ents = {
        "Q317521": Entity(
            "Q317521", "person", "Elon Musk", {"en": "Elon Musk", "ar": "إيلون ماسك"}, "Q317521"
        )
    }
    events = [Event("e-1", ["a1", "d1"])]
    same = {
        "a1": [Link("d1", 0.9, (Reason("person", "person:Q317521", 1.0),))],
        "d1": [Link("a1", 0.9, (Reason("text", "cosine", 0.5),))],
    }
    return Corpus({"a1": ar, "d1": de}, facts, ents, events, same, {}, [])


def pages(code):
    return render_language(corpus(), CFG.language(code), CFG)


def test_same_paths_in_every_language():
    assert set(pages("en")) == set(pages("ar")) == set(pages("zh-Hant"))


def test_article_page_order_and_labels_in_reader_language():
    page = pages("de")[article_path("a1")]
    order = [
        page.index(s)
        for s in ('class="article-title"', "## Kernfakten", "## Dasselbe Ereignis", "## Originaltext")
    ]
    assert order == sorted(order)
    assert "Arabisch" in page  # language name from CLDR, in German


def test_original_text_carries_its_own_lang_and_dir():
    page = pages("en")[article_path("a1")]
    assert '<div class="original" lang="ar" dir="rtl"' in page
    assert '<h1 class="article-title" lang="ar" dir="rtl" data-tr>' in page


def test_fact_card_links_to_its_sentence():
    page = pages("ar")[article_path("a1")]
    card = re.search(r'<a class="fact-card fact-percent" href="#(s-\d+)"', page)
    assert card
    sentence = re.search(rf'<span class="sentence" id="{card.group(1)}">([^<]*)</span>', page)
    assert "55%" in sentence.group(1)


def test_the_text_is_on_its_own_languages_page_only():
    """Other site languages link to it (briefing.js fetches it there); so do their fact cards."""
    home = pages("ar")[article_path("a1")]
    sentence = re.search(r'<span class="sentence" id="(s-\d+)">[^<]*55%', home).group(1)
    for code in ("en", "de", "zh-Hant"):
        page = pages(code)[article_path("a1")]
        assert 'class="sentence"' not in page and "فقرة ثانية" not in page, code
        block = re.search(r'<div class="original" lang="ar" dir="rtl"([^>]*)>(.*?)</div>', page, re.S)
        assert 'data-src="../../ar/articles/a1.html"' in block.group(1)
        assert "data-search-exclude" in block.group(1) and "data-tr" in block.group(1)
        assert '<a href="../../ar/articles/a1.html#original">' in block.group(2)
        assert f'class="fact-card fact-percent" href="../../ar/articles/a1.html#{sentence}"' in page
    assert "diese Seite auf Arabisch" in pages("de")[article_path("a1")]


def test_a_text_in_no_site_language_is_on_the_default_languages_page():
    c = corpus()
    c.articles["s1"] = article("s1", "es", "Título", ["Las ventas cayeron un 60 %."])
    c.facts["s1"] = []
    en = render_language(c, CFG.language("en"), CFG)[article_path("s1")]
    ar = render_language(c, CFG.language("ar"), CFG)[article_path("s1")]
    assert CFG.default_language == "en"
    assert 'class="sentence"' in en and "data-src" not in en
    assert 'class="sentence"' not in ar and 'data-src="../../en/articles/s1.html"' in ar


def test_article_text_is_escaped_everywhere():
    for code in ("en", "de"):
        for path, text in pages(code).items():
            assert "<script>" not in text, path
            assert "<b>" not in text, path
    page = pages("de")[article_path("d1")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_other_languages_text_is_kept_out_of_the_search_index():
    original = re.compile(r'<div class="original"[^>]*data-search-exclude')
    assert original.search(pages("en")[article_path("a1")])
    assert not original.search(pages("ar")[article_path("a1")])


def test_links_show_score_and_reasons_in_reader_language():
    page = pages("ar")[article_path("a1")]
    assert 'href="d1.html"' in page
    assert "إيلون ماسك" in page  # the shared entity, named in Arabic


def test_event_page_exists_for_multi_article_events():
    p = pages("en")
    assert "events/e-1.md" in p
    assert "German" in p["events/e-1.md"] and "Arabic" in p["events/e-1.md"]


def test_relative_links():
    assert rel("articles/a.md", "entities/Q1.md") == "../entities/Q1.html"
    assert rel("index.md", "articles/a.md") == "articles/a.html"


# ----------------------------------------------------------------------------- issue 18a


def story_corpus():
    """An event of three articles, two of which are one report (a German original and its
    Arabic translation) and one an independent English report; one figure differs."""
    de = Article(
        id="s-de",
        slug="s-de",
        source="s-de.txt",
        lang="de",
        title="Werbeumsatz fällt um 60 %",
        paragraphs=[
            "Der Werbeumsatz von Twitter fiel um 60 %, sagte Musk in Paris am Mittwoch.",
            "Es gab 4.000 Entlassungen bei Twitter nach der Übernahme im letzten Jahr.",
            "Das Wetter war gut.",
        ],
        kinds=["p", "p", "p"],
        outlet="TechCrunch",
        published=date(2023, 6, 14),
    )
    ar = article(
        "s-ar",
        "ar",
        "تراجع الإعلانات 60٪",
        [
            "تراجعت إيرادات الإعلانات في تويتر بنسبة 60٪ بحسب ماسك في باريس يوم الأربعاء.",
            "تم تسريح 4000 موظف في تويتر بعد الاستحواذ.",
        ],
        published=date(2023, 6, 15),
    )
    en = Article(
        id="s-en",
        slug="s-en",
        source="s-en.txt",
        lang="en",
        title="Twitter ad revenue down by half",
        paragraphs=[
            "Twitter's advertising revenue fell by 50%, Musk told an audience in Paris.",
            "About 4,000 people lost their jobs at Twitter after the takeover.",
        ],
        kinds=["p", "p"],
        outlet="Reuters",
        published=date(2023, 6, 14),
    )
    other = article(
        "o-de",
        "de",
        "Andere Geschichte",
        ["Ganz anderes Thema mit 60 % Zustimmung zur neuen Regel in Berlin."],
    )
    arts = {a.id: a for a in (de, ar, en, other)}

    def pct(aid, text, value):
        i = arts[aid].body.index(text)
        return Fact("percent", text, i, i + len(text), value=value)

    def people(aid, text):
        i = arts[aid].body.index(text)
        return Fact("quantity", text, i, i + len(text), value=4000.0, unit="people")

    facts = {
        "s-de": [pct("s-de", "60 %", 60.0), people("s-de", "4.000")],
        "s-ar": [pct("s-ar", "60٪", 60.0), people("s-ar", "4000")],
        "s-en": [pct("s-en", "50%", 50.0), people("s-en", "4,000")],
        "o-de": [pct("o-de", "60 %", 60.0)],
    }
    f = {aid: {x.type: x for x in fs} for aid, fs in facts.items()}
    comparisons = [
        Comparison(
            "percent",
            (
                ("s-ar", f["s-ar"]["percent"]),
                ("s-de", f["s-de"]["percent"]),
                ("s-en", f["s-en"]["percent"]),
                ("o-de", f["o-de"]["percent"]),
            ),
            False,
        ),
        Comparison("quantity", (("s-ar", f["s-ar"]["quantity"]), ("s-de", f["s-de"]["quantity"])), True),
    ]
    ev = Event("e-s", ["s-ar", "s-de", "s-en"], comparisons, reports=[["s-ar", "s-de"], ["s-en"]])
    same = {
        "s-ar": [Link("s-de", 1.0), Link("s-en", 0.8)],
        "s-de": [Link("s-ar", 1.0), Link("s-en", 0.8)],
        "s-en": [Link("s-de", 0.8), Link("s-ar", 0.8)],
    }
    return Corpus(arts, facts, {}, [ev, Event("e-o", ["o-de"])], same, {}, [])


def story_pages(code):
    return render_language(story_corpus(), CFG.language(code), CFG)


def test_event_counts_independent_reports_not_articles():
    page = story_pages("en")["events/e-s.md"]
    assert "2 independent reports" in page and "3 independent reports" not in page
    # the translation and its original are listed together as one report
    report = re.search(r'<section class="report" id="report-1">.*?</section>', page, re.S).group(0)
    assert "the same report in Arabic and German" in report
    assert "s-ar.html" in report and "s-de.html" in report and "s-en.html" not in report


def test_a_translation_and_its_original_never_agree_as_two_sources():
    page = story_pages("en")["events/e-s.md"]
    tables = re.findall(r'<table class="comparison (\w+)">(.*?)</table>', page, re.S)
    verdicts = dict((cls, body) for cls, body in tables)
    # 4,000 is stated by one report only (German original + Arabic translation): no agreement
    assert "single" in verdicts and "Stated by one report only" in verdicts["single"]
    assert "agree" not in verdicts
    # 60 % (report 1) against 50 % (report 2): a disagreement, both figures and sentences shown
    dis = verdicts["disagree"]
    assert "60%" in dis and "50%" in dis and "Musk told an audience" in dis
    # every row is labelled with its report, a figure of another story as such
    assert "report 1" in dis and "report 2" in dis and "another story" in dis


def test_event_title_is_in_the_readers_language_when_a_report_has_one():
    assert "title: Twitter ad revenue down by half" in story_pages("en")["events/e-s.md"]
    assert "title: Werbeumsatz fällt um 60 %" in story_pages("de")["events/e-s.md"]
    zh = story_pages("zh-Hant")["events/e-s.md"]  # no Chinese report: the most central, translatable
    assert re.search(r'<h1 class="article-title" lang="(de|ar)" dir="(ltr|rtl)" data-tr>', zh)


def test_home_page_leads_with_events():
    home = story_pages("en")["index.md"]
    assert home.index("{#events}") < home.index("{#latest}")
    card = re.search(r'<li class="event-card".*?</li>', home, re.S).group(0)
    assert "events/e-s.html" in card
    assert "Arabic, English, and German" in card and "2 independent reports" in card
    assert "2 outlets" in card and "Jun 14, 2023 – Jun 15, 2023" in card
    assert "about 4,000" in card or "4,000" in card  # a key figure
    assert "e-o" not in home  # a one-article event is no event card


def test_article_summary_under_the_title_and_in_listings():
    p = story_pages("en")
    page = p[article_path("s-de")]
    assert page.index('class="article-title"') < page.index('class="summary"') < page.index("{#key-facts}")
    # another language's summary: translatable, and out of this site's search index
    summary = re.search(
        r'<p class="summary" lang="de" dir="ltr" data-search-exclude data-tr>([^<]*)</p>', page
    )
    assert "Der Werbeumsatz" in summary.group(1) and "Wetter" not in summary.group(1)
    assert '<span class="item-summary" lang="de"' in p["index.md"]
    own = story_pages("de")[article_path("s-de")]
    assert re.search(r'<p class="summary" lang="de" dir="ltr">[^<]*Der Werbeumsatz', own)  # searchable there


def test_the_description_is_on_the_page_holding_the_text_only():
    assert "\ndescription: " in story_pages("de")[article_path("s-de")]
    assert "\ndescription: " not in story_pages("en")[article_path("s-de")]
    assert "\ndescription: " in story_pages("en")[article_path("s-en")]


def test_translate_markup_only_on_foreign_text():
    p = story_pages("en")
    en_page, de_page = p[article_path("s-en")], p[article_path("s-de")]
    assert "data-tr" in de_page and 'data-tr-at="before"' in de_page  # the article body
    assert "data-tr" not in en_page  # nothing to translate
    # The labels are the language's, once in briefing.js (script_labels), not in every page.
    assert 'id="tr-labels"' not in de_page and "Translate into" not in de_page
    assert script_labels(View.of(CFG.language("en")))["translate"] == "Translate into English"
    ar = script_labels(View.of(CFG.language("ar")))
    assert ar["target"] == "ar" and ar["dir"] == "rtl" and ar["translate"] == "ترجمة إلى العربية"


def test_fact_cards_leave_their_tooltip_to_briefing_js():
    page = story_pages("en")[article_path("s-de")]
    card = re.search(r'<a class="fact-card[^>]*>', page).group(0)
    assert "title=" not in card and "data-sentence" not in card
    assert script_labels(View.of(CFG.language("de")))["fact_source"]


def test_description_is_cut_by_width():
    assert excerpt("a" * 200) == "a" * 160 + "…"
    assert excerpt("漢" * 200) == "漢" * 80 + "…"
    assert excerpt("short text") == "short text"


def test_more_facts_behind_a_disclosure():
    corpus = story_corpus()
    a = corpus.articles["s-de"]
    body = a.body
    extra = [Fact("percent", "60 %", body.index("60 %"), body.index("60 %") + 4, value=60.0)]  # a duplicate
    for n in range(8):
        extra.append(
            Fact(
                "quantity",
                "4.000",
                body.index("4.000"),
                body.index("4.000") + 5,
                value=float(n + 1),
                unit="people",
            )
        )
    corpus.facts["s-de"] = corpus.facts["s-de"] + extra
    page = render_language(corpus, CFG.language("en"), CFG)[article_path("s-de")]
    top, more = page.split('<details class="more-facts">')
    assert top.count('class="fact-card') == 6 and top.count("fact-percent") == 1  # merged
    assert "4 more facts" in more and more.count('class="fact-card') == 4


def test_unanchored_relative_date_is_shown_as_written():
    corpus = story_corpus()
    a = corpus.articles["s-de"]
    i = a.body.index("letzten Jahr")
    corpus.facts["s-de"].append(Fact("date", "letzten Jahr", i, i + 12, value="2022"))
    a.published = None
    page = render_language(corpus, CFG.language("en"), CFG)[article_path("s-de")]
    assert ">2022<" in page  # a year is a year: the extractor resolved it, so it is shown
    corpus.facts["s-de"][-1] = Fact("date", "im letzten Oktober", i, i + 12, value="--10")
    page = render_language(corpus, CFG.language("en"), CFG)[article_path("s-de")]
    assert "October" not in page


def big_event_corpus(n: int):
    """One event of n short German articles, each linked to all the others, best first."""
    arts = {
        f"b{i}": article(f"b{i}", "de", f"Bericht {i}", [f"Satz {i} über das Ereignis."]) for i in range(n)
    }
    same = {
        a: [
            Link(b, 1.0 - abs(int(a[1:]) - int(b[1:])) / 100)
            for b in sorted(arts, key=lambda b: abs(int(a[1:]) - int(b[1:])))
            if b != a
        ]
        for a in arts
    }
    return Corpus(arts, {}, {}, [Event("e-big", sorted(arts))], same, {}, [])


def test_same_event_lists_the_closest_then_links_the_event_page():
    from generator.render.pages import SAME_EVENT_SHOWN

    n = SAME_EVENT_SHOWN + 4
    pages = render_language(big_event_corpus(n), CFG.language("en"), CFG)
    section = pages["articles/b0.md"].split("{#same-event", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r'<li><a href="(b\d+)\.html"', section)
    # The closest members, best first, not all n - 1: an event's pages grow linearly.
    assert listed == [f"b{i}" for i in range(1, SAME_EVENT_SHOWN + 1)]
    assert 'href="../events/e-big.html"' in section
    # The event page still lists every article.
    event = pages["events/e-big.md"]
    assert all(f"b{i}.html" in event for i in range(n))


def test_story_events_are_the_events_with_a_page_and_follow_the_corpus():
    from generator.render.pages import story_events

    c = corpus()
    assert story_events(c) == {"a1": "e-1", "d1": "e-1"}
    alone = Corpus(c.articles, c.facts, c.entities, [Event("e-2", ["a1"])], {}, {}, [])
    assert story_events(alone) == {}  # a one-article event has no page
    assert story_events(c) == {"a1": "e-1", "d1": "e-1"}


def test_event_figures_are_worked_out_once_per_event_of_a_corpus():
    from dataclasses import replace

    from generator.render.pages import event_figures

    c = corpus()
    ev = next(e for e in c.events if len(e.members) > 1)
    first = event_figures(ev, c)
    assert first and event_figures(ev, c) is first  # the second language reads the first's
    other = replace(c, facts={aid: [] for aid in c.facts})  # another corpus: worked out again
    assert event_figures(ev, other) == []
    assert event_figures(ev, c) == first
