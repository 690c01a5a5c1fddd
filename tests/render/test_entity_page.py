"""The entity page (issue 16): type, names with script, Wikidata link, stories by event,
labelled facts."""

from datetime import date
from pathlib import Path

from generator.config import load_config
from generator.model import Corpus, Entity, Event, Fact
from generator.render.pages import View, render_entity

from .factories import article

CFG = load_config(Path(__file__).resolve().parents[2] / "mkdocs.yml")


def corpus() -> Corpus:
    ar = article(
        "a1",
        "ar",
        "عنوان",
        ["قال ماسك إن الإيرادات انخفضت بنسبة 55%. فقرة أخرى بلا أرقام 12%."],
        published=date(2023, 11, 30),
    )
    de = article(
        "d1", "de", "Titel", ["Musk sagte, die Werbeverkäufe fielen um 60 %."], published=date(2023, 12, 1)
    )
    solo = article("s1", "de", "Allein", ["Musk kam."], published=date(2023, 1, 2))
    b = ar.body
    facts = {
        "a1": [
            Fact("person", "ماسك", b.index("ماسك"), b.index("ماسك") + 4, name="Elon Musk", id="Q317521"),
            Fact("percent", "55%", b.index("55%"), b.index("55%") + 3, value=55.0),
            Fact("percent", "12%", b.index("12%"), b.index("12%") + 3, value=12.0),
        ],
        "d1": [
            Fact("person", "Musk", 0, 4, name="Elon Musk", id="Q317521"),
            Fact("percent", "60 %", de.body.index("60 %"), de.body.index("60 %") + 4, value=60.0),
        ],
        "s1": [Fact("person", "Musk", 0, 4, name="Elon Musk", id="Q317521")],
    }
    ents = {
        "Q317521": Entity(
            "Q317521",
            "person",
            "Elon Musk",
            {"en": "Elon Musk", "ar": "إيلون ماسك", "zh-Hant": "馬斯克"},
            "Q317521",
        )
    }
    return Corpus({"a1": ar, "d1": de, "s1": solo}, facts, ents, [Event("e-1", ["a1", "d1"])], {}, {}, [])


def page(code: str) -> str:
    c = corpus()
    return render_entity(c.entities["Q317521"], ["a1", "d1", "s1"], c, View.of(CFG.language(code)))


def test_names_with_script_and_wikidata_link():
    en = page("en")
    assert 'href="https://www.wikidata.org/wiki/Q317521"' in en
    assert "Arabic" in en and "Han" in en and "Latin" in en  # CLDR script names
    assert 'lang="ar" dir="rtl">إيلون ماسك</span>' in en
    de = page("de")
    assert "Arabisch" in de  # script and language names in the reader's language


def test_stories_grouped_by_event_and_facts_labelled():
    en = page("en")
    assert en.count("events/e-1.html") == 1  # both event members under one link
    assert "articles/s1.html" in en
    assert "Percentage" in en and "55" in en and "60" in en
    assert "12" not in en.split("facts")[-1]  # not in a sentence naming the entity


def test_an_entity_page_lists_its_newest_stories_then_counts_the_older():
    from generator.render import pages as pages_mod

    c = corpus()
    shown = pages_mod.ENTITY_STORIES_SHOWN
    ids = [f"n{i:03d}" for i in range(shown + 2)]
    for n, i in enumerate(ids):
        c.articles[i] = article(
            i, "en", f"Story {i}", ["Elon Musk said so."], published=date(2024, 1, 1 + n % 28)
        )
        c.facts[i] = []
    view = View.of(CFG.language("de"))
    page = render_entity(c.entities["Q317521"], ids, c, view)
    assert page.count('<a href="../articles/n') == shown
    assert "2 ältere Meldungen sind nicht aufgeführt." in page
    assert ENTITY_NOTE_EN.format(n=2) in render_entity(
        c.entities["Q317521"], ids, c, View.of(CFG.language("en"))
    )
    assert "aufgeführt" not in render_entity(c.entities["Q317521"], ids[:shown], c, view)


ENTITY_NOTE_EN = "{n} older stories are not listed."
