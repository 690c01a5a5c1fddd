"""Page digests change with everything a page shows, and only with that."""

import dataclasses

import pytest

from generator.model import Entity, Link
from generator.render.digest import PageDigests, for_language

from .factories import article
from .test_pages import corpus


def article_digest(c, base="b"):
    return for_language(base, PageDigests(c).article_page("a1", c.event_of(), {"Q317521": ["a1", "d1"]}))


def changed(mutate) -> bool:
    c = corpus()
    before = article_digest(c)
    mutate(c)
    return article_digest(c) != before


def test_the_digest_does_not_depend_on_the_process():
    """Digests are compared across builds, i.e. across processes: nothing in them may depend
    on set or dict iteration order under hash randomization, or on object identity."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from tests.render.test_digest import article_digest; "
        "from tests.render.test_pages import corpus; print(article_digest(corpus()))"
    )
    root = Path(__file__).resolve().parents[2]
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, PYTHONHASHSEED=seed),
        ).stdout.strip()
        for seed in ("1", "2", "3")
    }
    assert seen == {article_digest(corpus())}


@pytest.mark.parametrize(
    "mutate",
    [
        lambda c: c.articles.__setitem__("a1", dataclasses.replace(c.articles["a1"], title="other")),
        lambda c: c.facts["a1"].pop(0),
        lambda c: c.entities.__setitem__(
            "Q317521", Entity("Q317521", "person", "E. Musk", {"en": "E. Musk"}, "Q317521")
        ),
        lambda c: c.same_event.__setitem__("a1", [Link("d1", 0.8, c.same_event["a1"][0].reasons)]),
        lambda c: c.same_event.__setitem__("a1", []),
        lambda c: c.related.__setitem__("a1", [Link("d1", 0.3)]),
        # the page shows the linked article's title and its facts as reasons
        lambda c: c.articles.__setitem__("d1", dataclasses.replace(c.articles["d1"], title="neuer Titel")),
        lambda c: c.facts["d1"].pop(0),
        lambda c: c.events.clear(),
    ],
    ids=[
        "title",
        "own-facts",
        "entity-name",
        "link-score",
        "links-gone",
        "related",
        "linked-title",
        "linked-facts",
        "event",
    ],
)
def test_what_the_article_page_shows_changes_its_digest(mutate):
    assert changed(mutate)


def test_base_and_entity_pages_matter():
    c = corpus()
    d = PageDigests(c)
    assert article_digest(c, "b") != article_digest(c, "other base")
    assert PageDigests(c).article_page("a1", c.event_of(), {}) != d.article_page(
        "a1", c.event_of(), {"Q317521": []}
    )
    assert d.article_page("a1", c.event_of(), {}) == d.article_page(
        "a1", c.event_of(), {"Q317521": []}
    )  # memo
    before = d.entity_page("Q317521", ["a1"])
    assert before != PageDigests(c).entity_page("Q317521", ["a1", "d1"])
    ev = c.events[0]
    e1 = PageDigests(c).event_page(ev)
    c.articles["d1"] = dataclasses.replace(c.articles["d1"], published=None, title="x")
    assert PageDigests(c).event_page(ev) != e1


def test_an_unrelated_article_does_not_change_the_digest():
    c = corpus()
    before = article_digest(c)
    c.articles["z9"] = article("z9", "en", "Other", ["Nothing to do with it."])
    assert article_digest(c) == before


def test_the_base_names_the_language_the_configuration_and_the_code():
    import dataclasses as dc

    from generator.cache import stage_version
    from generator.render.pages import reuse_base

    from .test_pages import CFG

    en, ar = CFG.language("en"), CFG.language("ar")
    assert reuse_base(en, CFG) != reuse_base(ar, CFG)
    assert reuse_base(en, CFG) != reuse_base(en, dc.replace(CFG, site_url="https://example.org/"))
    # the code: every module rendering can import and the libraries they use (Babel's CLDR
    # data among them), see tests/test_cache.py
    assert reuse_base(en, CFG).startswith(stage_version("generator.render.pages") + ":")
