import numpy as np

from generator.link.candidates import CandidateIndex, df_bucket, feature_weight, lsh_bits


def test_feature_candidates_ranked_by_shared_weight():
    idx = CandidateIndex()
    idx.add(("person:Q1", "percent:55", "name:vivatech"))
    idx.add(("person:Q1", "percent:55"))
    idx.add(("person:Q1",))
    idx.add(("num:2023",))
    assert idx.candidates(0) == [1, 2]
    acc = idx.feature_candidates(0)
    assert acc[1] > acc[2] and 3 not in acc


def test_common_features_do_not_propose_candidates():
    idx = CandidateIndex(max_postings=3)
    for k in range(10):
        idx.add(("name:the", f"num:{k}"))
    assert idx.candidates(0) == []


def test_candidates_are_capped_per_article():
    idx = CandidateIndex(per_doc=5)
    for k in range(50):
        idx.add(("person:Q1", f"num:{k}"))
    assert len(idx.candidates(0)) == 5


def test_lsh_finds_near_duplicates_not_random_vectors():
    rng = np.random.default_rng(0)
    base = rng.standard_normal((200, 32)).astype(np.float32)
    near = base[0] + 0.05 * rng.standard_normal(32).astype(np.float32)
    vecs = np.vstack([base, near[None]])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    idx = CandidateIndex(32, n_hint=len(vecs), mean=None)
    idx.add_many([()] * len(vecs), vecs)
    cands = idx.candidates(200, vecs)
    assert 0 in cands
    assert len(cands) < 60  # not all pairs


def test_incremental_add_equals_bulk():
    rng = np.random.default_rng(1)
    vecs = rng.standard_normal((30, 16)).astype(np.float32)
    feats = [(f"num:{k % 7}",) for k in range(30)]
    bulk = CandidateIndex(16, n_hint=30)
    bulk.add_many(feats, vecs)
    one = CandidateIndex(16, n_hint=30)
    for f, v in zip(feats, vecs):
        one.add(f, v)
    assert [bulk.candidates(i, vecs) for i in range(30)] == [one.candidates(i, vecs) for i in range(30)]


def test_weights_idf_and_stable_between_powers_of_two():
    assert feature_weight("person:Q1", 1) > feature_weight("person:Q1", 50)
    assert feature_weight("person:Q1", 5) == feature_weight("person:Q1", 8)
    assert df_bucket(5) == 8 and df_bucket(1) == 1
    assert lsh_bits(1000) < lsh_bits(100000)


def test_weight_table_follows_the_index():
    """The bulk table equals weight() for every indexed feature, also after add() changed
    document frequencies or brought new features, and after a weight() of an unknown one."""
    idx = CandidateIndex()
    idx.add_many([("person:Q1", "num:7"), ("person:Q1",)], None)
    for f in ("name:never-indexed", "name:nor-this"):  # lookups of features no article has
        idx.weight(f)
    assert {f: idx.weight_table()[f] for f in idx.postings} == {
        f: idx.weight(f) for f in ("person:Q1", "num:7")
    }
    before = idx.weight_table()["person:Q1"]
    idx.add(("person:Q1", "money:5:USD"))  # df 2 -> 3: another power-of-two bucket
    table = idx.weight_table()
    assert table["person:Q1"] == feature_weight("person:Q1", 3) != before
    assert table["money:5:USD"] == feature_weight("money:5:USD", 1)
    assert all(table[f] == feature_weight(f, idx.df(f)) for f in idx.postings)
