"""Page rendering on a hand-made corpus: structure, lang/dir, anchors, escaping."""
import re
from datetime import date
from pathlib import Path

from generator.config import load_config
from generator.model import Article, Corpus, Entity, Event, Fact, Link, Reason
from generator.render.pages import render_language
from generator.render.paths import article_path, rel

CFG = load_config(Path(__file__).resolve().parents[2] / "mkdocs.yml")


def corpus():
    ar = Article(id="a1", slug="a1", source="a1.txt", lang="ar", title="عنوان <b>", paragraphs=[
        "انخفضت الإيرادات بنسبة 55% هذا العام. قال ماسك شيئًا.", "فقرة ثانية."], kinds=["p", "p"],
        published=date(2023, 11, 30))
    de = Article(id="d1", slug="d1", source="d1.txt", lang="de", title="Titel {{ x }}", paragraphs=[
        "Die Werbeverkäufe fielen um fast 60 %. <script>alert(1)</script>"], kinds=["p"])
    body = ar.body
    i = body.index("55%")
    facts = {
        "a1": [Fact("percent", "55%", i, i + 3, value=55.0),
               Fact("person", "ماسك", body.index("ماسك"), body.index("ماسك") + 4, name="Elon Musk", id="Q317521")],
        "d1": [Fact("percent", "fast 60 %", 27, 36, value=60.0, qualifier="approx")],
    }
    ents = {"Q317521": Entity("Q317521", "person", "Elon Musk", {"en": "Elon Musk", "ar": "إيلون ماسك"}, "Q317521")}
    events = [Event("e-1", ["a1", "d1"])]
    same = {"a1": [Link("d1", 0.9, (Reason("person", "person:Q317521", 1.0),))],
            "d1": [Link("a1", 0.9, (Reason("text", "cosine", 0.5),))]}
    return Corpus({"a1": ar, "d1": de}, facts, ents, events, same, {}, [])


def pages(code):
    return render_language(corpus(), CFG.language(code), CFG)


def test_same_paths_in_every_language():
    assert set(pages("en")) == set(pages("ar")) == set(pages("zh-Hant"))


def test_article_page_order_and_labels_in_reader_language():
    page = pages("de")[article_path("a1")]
    order = [page.index(s) for s in ('class="article-title"', "## Kernfakten", "## Dasselbe Ereignis",
                                     "## Originaltext")]
    assert order == sorted(order)
    assert "Arabisch" in page  # language name from CLDR, in German


def test_original_text_carries_its_own_lang_and_dir():
    page = pages("en")[article_path("a1")]
    assert '<div class="original" lang="ar" dir="rtl"' in page
    assert '<h1 class="article-title" lang="ar" dir="rtl">' in page


def test_fact_card_links_to_its_sentence():
    page = pages("en")[article_path("a1")]
    card = re.search(r'<a class="fact-card fact-percent" href="#(s-\d+)"', page)
    assert card
    sentence = re.search(rf'<span class="sentence" id="{card.group(1)}">([^<]*)</span>', page)
    assert "55%" in sentence.group(1)


def test_article_text_is_escaped_everywhere():
    for code in ("en", "de"):
        for path, text in pages(code).items():
            assert "<script>" not in text, path
            assert "<b>" not in text, path
    page = pages("en")[article_path("d1")]
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
