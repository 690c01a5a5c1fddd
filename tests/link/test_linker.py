import random

from generator.link import Embedder, Linker, link_corpus
from generator.link.score import PRIOR_CROSS_LANG, CosineStats
from generator.model import Fact

from .conftest import doc, fact_at

PARIS = (
    "Elon Musk met advertisers at VivaTech in Paris. Twitter lost about 60 % of its "
    "advertising revenue, he said, and 4000 people attended."
)
PARIS_DE = (
    "Elon Musk traf Werbekunden auf der VivaTech in Paris. Twitter verlor rund 60 % "
    "seiner Werbeeinnahmen, sagte er; 4000 Menschen kamen."
)
COURT = (
    "A court in Delaware heard the case of the Acme Corporation on Monday; the judge "
    "fined Acme 20 million dollars over a pipeline leak in Texas."
)
COURT2 = (
    "The Acme Corporation was fined 20 million dollars by a Delaware judge on Monday "
    "over the Texas pipeline leak, the court said."
)
WEATHER = "Heavy rain flooded the valley of the Rhine; Cologne closed schools for two days."


def _facts(body, *items):
    return [fact_at(body, *it[:3], **(it[3] if len(it) > 3 else {})) for it in items]


def corpus():
    return [
        doc(
            "p-en",
            PARIS,
            "en",
            _facts(PARIS, ("Elon Musk", "person", None, {"id": "Q317521"}), ("60 %", "percent", 60.0)),
        ),
        doc(
            "p-de",
            PARIS_DE,
            "de",
            _facts(PARIS_DE, ("Elon Musk", "person", None, {"id": "Q317521"}), ("60 %", "percent", 60.0)),
        ),
        doc(
            "c-1",
            COURT,
            "en",
            _facts(
                COURT,
                ("Acme Corporation", "organization", None, {"id": "acme"}),
                ("20 million dollars", "money", 2e7, {"currency": "USD"}),
            ),
        ),
        doc(
            "c-2",
            COURT2,
            "en",
            _facts(
                COURT2,
                ("Acme Corporation", "organization", None, {"id": "acme"}),
                ("20 million dollars", "money", 2e7, {"currency": "USD"}),
            ),
        ),
        doc("w-1", WEATHER, "de"),
    ]


def _dump(res):
    return (
        [e.to_json() for e in res.events],
        {k: [(l.id, l.score, l.reasons) for l in v] for k, v in res.same_event.items()},
        {k: [(l.id, l.score, l.reasons) for l in v] for k, v in res.related.items()},
    )


def test_every_article_in_exactly_one_event(fake_embedder):
    res = link_corpus(corpus(), fake_embedder)
    members = [m for e in res.events for m in e.members]
    assert sorted(members) == sorted(d.id for d in corpus())
    assert len(set(e.id for e in res.events)) == len(res.events)


def test_same_story_grouped_with_facts_only():
    res = link_corpus(corpus(), Embedder(disabled=True))
    ev = res.event_of()
    assert ev["p-en"] == ev["p-de"]
    assert ev["c-1"] == ev["c-2"]
    assert ev["p-en"] != ev["c-1"] and ev["w-1"] not in (ev["p-en"], ev["c-1"])


def test_links_and_reasons(fake_embedder):
    res = link_corpus(corpus(), fake_embedder)
    (link,) = res.same_event["c-1"]
    assert link.id == "c-2" and 0 < link.score <= 1
    keys = [r.key for r in link.reasons]
    assert "organization:acme" in keys and "money:20000000:USD" in keys
    assert any(r.kind == "text" and r.key == "cosine" for r in link.reasons)
    for v in res.related.values():
        assert len(v) <= 5
    for k, v in res.related.items():
        assert all(res.event_of()[l.id] != res.event_of()[k] for l in v)


def test_deterministic_whatever_the_input_order(fake_embedder):
    a = _dump(link_corpus(corpus(), fake_embedder))
    docs = corpus()
    random.Random(4).shuffle(docs)
    b = _dump(link_corpus(docs, fake_embedder))
    assert a == b


def test_pair_score_symmetric_and_ranked(fake_embedder):
    lk = Linker(corpus(), fake_embedder)
    assert lk.pair_score("c-1", "c-2") == lk.pair_score("c-2", "c-1")
    assert lk.pair_score("c-1", "c-2") > lk.pair_score("c-1", "w-1")


def test_incremental_add_touches_only_neighbours(fake_embedder):
    base = corpus()
    extra = [
        doc(f"x-{k}", f"Unrelated story number {k} about gardening tomatoes and roses in Kent.")
        for k in range(6)
    ]
    lk = Linker(base + extra, fake_embedder)
    before = _dump(lk.result())
    new_text = "The Acme Corporation appealed the 20 million dollars fine in Delaware on Friday."
    new = doc(
        "c-3", new_text, "en", _facts(new_text, ("Acme Corporation", "organization", None, {"id": "acme"}))
    )
    touched = lk.add(new)
    after = _dump(lk.result())
    assert "c-3" in touched and "c-1" in touched
    for aid in ("x-0", "x-1", "w-1", "p-en"):
        if aid in touched:
            continue
        assert before[1][aid] == after[1][aid]
        assert before[2][aid] == after[2][aid]
    assert "c-3" in {m for e in lk.result().events for m in e.members}


def test_cosine_reference_degrades_to_prior_on_tiny_corpora():
    import numpy as np

    v = np.eye(4, dtype=np.float32)
    st = CosineStats(["en", "de", "en", "de"], v, np.ones(4, bool))
    mean, sd = st.get("de-en")
    assert abs(mean - PRIOR_CROSS_LANG[0]) < 0.2
    assert sd > 0.01
    assert st.get("ar-fr") == PRIOR_CROSS_LANG  # never seen: the prior


def test_duplicate_ids_rejected():
    import pytest

    d = corpus()
    with pytest.raises(ValueError):
        link_corpus(d + [d[0]], None)


def test_publication_gap_lowers_the_score(fake_embedder):
    from datetime import date

    from generator.link.score import date_penalty

    assert date_penalty(date(2023, 6, 1), date(2023, 6, 5)) == 0.0
    assert date_penalty(date(2023, 6, 1), date(2023, 11, 20)) > 4
    docs = corpus()
    near = Linker(docs, fake_embedder).pair_score("c-1", "c-2")
    docs[2].published, docs[3].published = date(2023, 1, 1), date(2023, 12, 1)
    far = Linker(docs, fake_embedder).pair_score("c-1", "c-2")
    assert far < near


def test_decision_lines_prior_and_density():
    from generator.link.score import LINE_MIN_N, SAME, DecisionLines

    assert DecisionLines({}).get("de-en") == SAME
    assert DecisionLines({"de-en": [6.0] * (LINE_MIN_N - 1)}).get("de-en") == SAME  # too few
    dense = DecisionLines({"de-de": [5.5] * 400}).get("de-de")
    sparse = DecisionLines({"en-zh": [2.5] * 400}).get("en-zh")
    assert sparse < SAME < dense < 1.0


def test_same_event_lists_only_strong_links(fake_embedder):
    lk = Linker(corpus(), fake_embedder)
    res = lk.result()
    for a, links in res.same_event.items():
        ev = res.event_of()
        for l in links:
            assert ev[l.id] == ev[a]
            assert l.score >= lk.line(lk.pos[a], lk.pos[l.id])


def test_cross_lingual_line_rises_with_rivals_but_not_with_mates(fake_embedder):
    from generator.link.score import RIVAL_K, RIVAL_MATE_Z, raise_line

    lk = Linker(corpus(), fake_embedder)
    lk.result()
    i, j = lk.pos["p-de"], lk.pos["p-en"]
    m1, m2 = lk.pos["c-1"], lk.pos["c-2"]
    lp_line = lk.lines.get("de-en")
    # i's other English candidates: m1 (a rival), m2 (as close to j as a mate: left out);
    # j itself never counts; a missing rival counts 0
    lk._near[i] = {"en": [(9.0, j), (4.5, m1), (4.0, m2)]}
    lk._near[j] = {"de": [(9.0, i)]}
    lk._crowd.clear()
    lk._line.clear()
    lk._z = lambda a, b: RIVAL_MATE_Z + 1 if {a, b} == {j, m2} else 0.0
    assert lk._rivals(i, j) == 4.5 / RIVAL_K
    assert lk._rivals(j, i) == 0.0
    assert lk.line(i, j) == raise_line(lp_line, 0.5 * 4.5 / RIVAL_K) > lp_line
    # within one language the line is the language pair's alone
    assert lk.line(m1, m2) == lk.lines.get("en-en")


def test_a_known_text_signature_links_exactly_like_the_text(fake_embedder):
    """The pipeline hands over each article's cached text signature: same result as without."""
    import dataclasses

    from generator.link.signature import text_signature

    docs = corpus()
    with_sig = [dataclasses.replace(d, text_sig=text_signature(d.title, d.body)) for d in docs]
    assert link_corpus(with_sig, fake_embedder) == link_corpus(docs, fake_embedder)
    wrong = [dataclasses.replace(d, text_sig=((), not text_signature(d.title, d.body)[1])) for d in docs]
    assert link_corpus(wrong, fake_embedder) != link_corpus(docs, fake_embedder)  # it is used


def test_unresolved_relative_dates_are_not_shared_evidence():
    """Two articles saying "this month" with no publication date share nothing: their dates
    have no value, and a key "date:None" would link (and be shown as a reason) anyway."""
    from generator.link.signature import fact_features

    unresolved = Fact(type="date", text="هذا الشهر", start=0, end=9, value=None)
    resolved = Fact(type="date", text="April 2023", start=0, end=10, value="2023-04")
    assert fact_features([unresolved]) == set()
    assert fact_features([resolved, unresolved]) == {"date:2023-04"}


def test_without_vectors_no_line_is_placed():
    # no vectors: no runner-up z, so every language pair keeps SAME (the floor is only for
    # lines the corpus placed) and linking on facts alone is as before
    from generator.link.score import SAME

    lk = Linker(corpus())
    lk.result()
    assert lk.lines is not None and lk.lines.table == {}
    n = len(lk.docs)
    assert all(lk.line(i, j) == SAME for i in range(n) for j in range(i + 1, n))


def test_bulk_scoring_without_vectors_equals_the_pairwise_evidence():
    # result() scores every candidate pair at once (_score_pairs_no_vectors when there are
    # no vectors): each pair's evidence must be exactly what _evidence gives for it alone,
    # with a publication gap and a Latin/non-Latin pair among them
    import dataclasses
    import datetime as dt

    docs = corpus()
    docs[0] = dataclasses.replace(docs[0], published=dt.date(2024, 1, 1))
    docs[1] = dataclasses.replace(docs[1], published=dt.date(2024, 3, 1))
    docs.append(dataclasses.replace(docs[2], id="c-ar", lang="ar"))
    lk = Linker(docs)
    lk.result()
    pairs = sorted(lk._ev)
    assert pairs and any(lk._ev[p].overlap > 0 for p in pairs)
    fresh = Linker(docs)
    assert all(lk._ev[(i, j)] == fresh._evidence(i, j) for i, j in pairs)


def test_pair_context_names_the_evidence_and_the_line(fake_embedder):
    lk = Linker(corpus(), fake_embedder)
    lk.result()
    ids = sorted(lk.pos)
    i, j = lk.pos[ids[0]], lk.pos[ids[1]]
    ctx = lk.pair_context(i, j)
    assert ctx["score"] == lk.score(i, j) and ctx["line"] == lk.line(i, j)
    assert ctx["z"] == lk.evidence(i, j).z and ctx["best_i"] >= 0.0 and ctx["best_j"] >= 0.0


def test_rare_shared_counts_only_features_few_articles_hold():
    from generator.link.linker import RARE_DF

    common = "Acme Corporation reported results"
    docs = [
        doc(
            f"d{k}",
            f"{common}. Item {k}.",
            "en",
            _facts(f"{common}. Item {k}.", ("Acme Corporation", "organization", None, {"id": "acme"})),
        )
        for k in range(RARE_DF + 2)
    ]
    musk = "Elon Musk spoke"
    for k in (0, 1):  # only d0 and d1 name Musk: a feature rare in the corpus
        docs[k] = doc(
            f"d{k}",
            f"{common}. {musk}.",
            "en",
            _facts(
                f"{common}. {musk}.",
                ("Acme Corporation", "organization", None, {"id": "acme"}),
                ("Elon Musk", "person", None, {"id": "Q317521"}),
            ),
        )
    lk = Linker(docs)
    a, b, c = lk.pos["d0"], lk.pos["d1"], lk.pos["d2"]
    assert lk.rare_shared(a, b) > 0.0 and lk.rare_shared(a, b) == lk.rare_shared(b, a)
    assert lk.rare_shared(a, c) == 0.0  # they share only what every article holds
    assert lk.rare_shared(b, c) == 0.0


def test_two_pages_of_one_banner_do_not_link_but_copies_do(fake_embedder):
    from .test_template import BANNER

    docs = [
        doc("b-1", BANNER, "en", title="Switzerland limits exports of protective gear"),
        doc("b-2", BANNER, "en", title="Rickshaw driver in Delhi keeps his passengers' hands clean"),
        doc("c-1", COURT, "en", title="Acme fined"),
        doc("c-2", COURT, "en", title="Acme fined"),
    ]
    lk = Linker(docs, fake_embedder)
    res = lk.result()
    assert lk.evidence(lk.pos["b-1"], lk.pos["b-2"]).template
    assert res.same_event["b-1"] == [] and res.related["b-1"] == []
    assert [l.id for l in res.same_event["c-1"]] == ["c-2"]
    assert not lk.evidence(lk.pos["c-1"], lk.pos["c-2"]).template


class _Table(dict):
    """A dict with the memo interface; counts hits."""

    hits = 0

    def get(self, key):
        v = super().get(key)
        self.hits += v is not None
        return v

    def put(self, key, value):
        self[key] = value


def test_events_memo_gives_the_same_result_and_is_reused(fake_embedder):
    plain = _dump(link_corpus(corpus(), fake_embedder))
    table = _Table()
    first = _dump(link_corpus(corpus(), fake_embedder, table))
    assert first == plain
    groups = [e for e in first[0] if len(e["articles"]) > 1]
    assert groups and len(table) == len(groups) and table.hits == 0  # one entry per group
    again = _dump(link_corpus(corpus(), fake_embedder, table))
    assert again == plain and table.hits == len(groups)


def test_events_memo_misses_when_a_member_changes(fake_embedder):
    from generator.link.linker import event_key

    docs = {d.id: d for d in corpus()}
    key = event_key([docs["c-1"], docs["c-2"]], fake_embedder)
    assert key == event_key([docs["c-2"], docs["c-1"]], fake_embedder)  # order of members
    renamed = [
        f if f.type != "organization" else Fact(**{**f.__dict__, "id": "Q1"}) for f in docs["c-1"].facts
    ]
    changed = doc("c-1", COURT, "en", renamed)
    assert event_key([changed, docs["c-2"]], fake_embedder) != key  # an entity id moved
    assert event_key([docs["c-1"], docs["c-2"]], None) != key  # another encoder
    docs["c-1"].content_hash = ""
    assert event_key([docs["c-1"], docs["c-2"]], fake_embedder) is None  # nothing names its text


def test_template_memo_keeps_the_verdicts_and_changes_nothing(fake_embedder):
    from .test_template import BANNER

    docs = [
        doc("b-1", BANNER, "en", title="Switzerland limits exports of protective gear"),
        doc("b-2", BANNER, "en", title="Rickshaw driver in Delhi keeps his passengers' hands clean"),
        *corpus(),
    ]
    plain = _dump(link_corpus(docs, fake_embedder))
    table = _Table()
    assert _dump(link_corpus(docs, fake_embedder, template_memo=table)) == plain
    assert True in table.values() and False in table.values()  # the banner pair, and others
    table.hits = 0
    lk = Linker(docs, fake_embedder, template_memo=table)
    assert _dump(lk.result()) == plain and table.hits == len(table)  # every verdict reused
    assert lk.evidence(lk.pos["b-1"], lk.pos["b-2"]).template
    assert not lk._shingles  # no text was shingled again
