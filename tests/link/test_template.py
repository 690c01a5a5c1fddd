from generator.link.template import K, one_template, shingle, tokens

BANNER = (
    "To improve our website and show you the most relevant news and targeted advertising, we "
    "collect anonymised technical information about you, including with the tools of our "
    "partners. For details on how your data is processed, see our privacy policy. Details on "
    "the technologies we use can be found in the cookie settings of this page."
)


def test_tokens_are_words_or_single_cjk_characters():
    assert tokens("Ölpreis steigt: 3 Tage") == ["ölpreis", "steigt", "3", "tage"]
    assert tokens("油价上涨 OPEC") == ["油", "价", "上", "涨", "opec"]


def test_two_headlines_on_one_banner_are_one_template():
    a = shingle("Switzerland limits exports of protective gear", BANNER)
    b = shingle("Rickshaw driver in Delhi keeps his passengers' hands clean", BANNER)
    assert one_template(a, b)


def test_a_copy_of_one_report_is_not_a_template():
    # the same text, or the same text with a headline of its own that speaks of the story
    a = shingle("Switzerland limits exports of protective gear", BANNER)
    assert not one_template(a, shingle("Switzerland limits exports of protective gear", BANNER))
    assert not one_template(a, shingle("Swiss government limits exports of gear for protection", BANNER))


def test_reports_with_some_shared_wire_text_are_not_a_template():
    own_a = " ".join(f"alpha{k} report words of its own" for k in range(12))
    own_b = " ".join(f"beta{k} other words entirely" for k in range(12))
    a = shingle("Headline one", own_a + "\n\n" + BANNER)
    b = shingle("Headline two", own_b + "\n\n" + BANNER)
    assert not one_template(a, b)


def test_short_texts_have_no_passages():
    s = shingle("Short", "few words here")
    assert len(s.passages) == 0 and len(s.words) == 4 < K
    assert not one_template(s, s)
