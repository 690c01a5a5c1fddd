"""The scoring rule: what each signal is allowed to say."""

from generator.link.score import W_O, W_O_SAME, combine


def test_shared_words_weigh_less_within_one_language():
    # within a language the cosine already sees the shared words: overlap adds a little,
    # across languages it is independent evidence and adds more
    assert W_O_SAME < W_O
    base = combine(4.0, 0.0, None)
    assert combine(4.0, 0.0, None, same_lang=True) == base
    same = combine(4.0, 0.3, None, same_lang=True)
    cross = combine(4.0, 0.3, None)
    assert base < same < cross


def test_without_embeddings_overlap_speaks_alike_for_every_pair():
    assert combine(None, 0.6, None, same_lang=True) == combine(None, 0.6, None)


def test_rivals_raise_a_line_and_no_rivals_keep_it():
    from generator.link.score import raise_line

    assert raise_line(0.6, 0.0) == 0.6
    assert 0.6 < raise_line(0.6, 1.0) < raise_line(0.6, 3.0) < 1.0


def test_a_raised_line_stays_under_the_highest_line():
    from generator.link.score import LINE_MAX, raise_line, sigmoid

    assert raise_line(0.8, 10.0) == sigmoid(LINE_MAX)
    assert raise_line(sigmoid(LINE_MAX), 10.0) == sigmoid(LINE_MAX)


def test_runner_up_skips_copies_of_the_article_and_of_the_best():
    from generator.link.score import COPY_COS, runner_up

    # 1 and 2 are one banner page twice (cosine 0.995 to each other); 3 is a near miss
    cos = {(1, 2): 0.995, (2, 1): 0.995, (1, 3): 0.9, (3, 1): 0.9, (2, 3): 0.9, (3, 2): 0.9}
    cands = [(9.0, 0.95, 1), (8.9, 0.95, 2), (5.0, 0.9, 3)]
    assert runner_up(cands, lambda j, k: cos[(j, k)]) == 5.0
    # a copy of the article itself is no candidate at all
    assert runner_up([(9.5, COPY_COS, 4), (6.0, 0.9, 5), (4.0, 0.9, 6)], lambda j, k: 0.5) == 4.0
    assert runner_up([(6.0, 0.9, 5)], lambda j, k: 0.5) is None
    # without copies it is plainly the second best
    assert runner_up([(3.0, 0.9, 7), (6.0, 0.9, 5), (4.0, 0.9, 6)], lambda j, k: 0.5) == 4.0


def test_same_language_line_never_under_the_floor():
    from generator.link.score import SAME, SAME_LANG_FLOOR, DecisionLines

    sparse = DecisionLines({"tr-tr": [1.0] * 400, "en-zh": [1.0] * 400})
    assert sparse.get("tr-tr") == SAME_LANG_FLOOR
    assert sparse.get("en-zh") < SAME  # across languages the corpus may lower it
    assert sparse.get("de-de") == SAME  # no line placed (no vectors, tiny corpus): SAME
