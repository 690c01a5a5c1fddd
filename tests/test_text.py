from generator.text import sentence_index, sentence_spans


def test_sentences_in_cjk_latin_and_arabic():
    body = "第一句。第二句!\n\n He said X.ai grew 16.9 percent. Then left.\n\nهل هذا صحيح؟ نعم."
    spans = sentence_spans(body)
    texts = [body[s:e] for s, e in spans]
    assert texts == [
        "第一句。",
        "第二句!",
        " He said X.ai grew 16.9 percent.",
        "Then left.",
        "هل هذا صحيح؟",
        "نعم.",
    ]


def test_sentence_index_finds_the_containing_sentence():
    body = "One. Two three. Four."
    spans = sentence_spans(body)
    assert sentence_index(spans, body.index("three")) == 1
    assert sentence_index(spans, 0) == 0


def test_empty_body():
    assert sentence_spans("") == []


def test_slugs_are_safe_stable_and_distinct():
    from generator.text import slugify

    assert slugify("004_2af2013fb0c89e17") == "004_2af2013fb0c89e17"  # safe names stay
    slugs = {slugify(s) for s in ("馬斯克", "ماسك", "../etc", "a b", "a-b")}
    assert len(slugs) == 5 and all("/" not in s and not s.startswith(".") for s in slugs)
    assert slugify("馬斯克") == "masike-bae310b4"  # anyascii, then 8 hex digits of its SHA-1: stable
