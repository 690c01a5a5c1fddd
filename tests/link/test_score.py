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
