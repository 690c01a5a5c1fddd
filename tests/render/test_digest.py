"""Page digests change with everything a page shows, and only with that."""
import dataclasses

import pytest

from generator.model import Article, Entity, Link
from generator.render.digest import PageDigests, for_language

from .test_pages import corpus


def article_digest(c, base="b"):
    return for_language(base, PageDigests(c).article_page("a1", c.event_of(), {"Q317521": ["a1", "d1"]}))


def changed(mutate) -> bool:
    c = corpus()
    before = article_digest(c)
    mutate(c)
    return article_digest(c) != before


def test_same_inputs_same_digest():
    assert article_digest(corpus()) == article_digest(corpus())
    assert not changed(lambda c: None)


@pytest.mark.parametrize("mutate", [
    lambda c: c.articles.__setitem__("a1", dataclasses.replace(c.articles["a1"], title="other")),
    lambda c: c.facts["a1"].pop(0),
    lambda c: c.entities.__setitem__("Q317521", Entity("Q317521", "person", "E. Musk", {"en": "E. Musk"}, "Q317521")),
    lambda c: c.same_event.__setitem__("a1", [Link("d1", 0.8, c.same_event["a1"][0].reasons)]),
    lambda c: c.same_event.__setitem__("a1", []),
    lambda c: c.related.__setitem__("a1", [Link("d1", 0.3)]),
    # the page shows the linked article's title and its facts as reasons
    lambda c: c.articles.__setitem__("d1", dataclasses.replace(c.articles["d1"], title="neuer Titel")),
    lambda c: c.facts["d1"].pop(0),
    lambda c: c.events.clear(),
], ids=["title", "own-facts", "entity-name", "link-score", "links-gone", "related", "linked-title",
        "linked-facts", "event"])
def test_what_the_article_page_shows_changes_its_digest(mutate):
    assert changed(mutate)


def test_base_and_entity_pages_matter():
    c = corpus()
    d = PageDigests(c)
    assert article_digest(c, "b") != article_digest(c, "other base")
    assert PageDigests(c).article_page("a1", c.event_of(), {}) != d.article_page("a1", c.event_of(), {"Q317521": []})
    assert d.article_page("a1", c.event_of(), {}) == d.article_page("a1", c.event_of(), {"Q317521": []})  # memo
    before = d.entity_page("Q317521", ["a1"])
    assert before != PageDigests(c).entity_page("Q317521", ["a1", "d1"])
    ev = c.events[0]
    e1 = PageDigests(c).event_page(ev)
    c.articles["d1"] = dataclasses.replace(c.articles["d1"], published=None, title="x")
    assert PageDigests(c).event_page(ev) != e1


def test_an_unrelated_article_does_not_change_the_digest():
    c = corpus()
    before = article_digest(c)
    c.articles["z9"] = Article(id="z9", slug="z9", source="z9.txt", lang="en", title="Other",
                               paragraphs=["Nothing to do with it."], kinds=["p"])
    assert article_digest(c) == before


def test_the_base_names_the_language_the_configuration_and_the_code():
    import dataclasses as dc

    from generator.render.pages import reuse_base

    from .test_pages import CFG

    en, ar = CFG.language("en"), CFG.language("ar")
    assert reuse_base(en, CFG) == reuse_base(en, CFG)
    assert reuse_base(en, CFG) != reuse_base(ar, CFG)
    assert reuse_base(en, CFG) != reuse_base(en, dc.replace(CFG, site_url="https://example.org/"))
    assert "babel " in reuse_base(en, CFG)
