"""The extractive summary: 2–3 of the article's own sentences, chosen without language data."""

from generator.model import Fact
from generator.render.summary import MAX_CHARS, score_sentences, summarize
from generator.text import sentence_spans


def texts(body, spans):
    return [body[s:e] for s, e in spans]


GERMAN = (
    "Twitter verliert die Hälfte seiner Werbeeinnahmen nach der Übernahme durch Musk. "
    "Die Werbekunden von Twitter kehren nur langsam zurück, sagt Musk in Paris. "
    "Das Wetter in Paris war an diesem Tag sonnig und warm. "
    "Musk sagte, Twitter werde die Werbekunden mit neuen Werkzeugen zurückgewinnen. "
    "Ein Hund lief über die Bühne. "
    "Die Einnahmen von Twitter aus Werbung sind um 60 Prozent gefallen."
)


def test_two_or_three_sentences_in_reading_order():
    spans = sentence_spans(GERMAN)
    chosen = summarize(GERMAN, spans)
    assert 2 <= len(chosen) <= 3
    assert chosen == sorted(chosen)
    assert set(chosen) <= set(spans)


def test_central_sentences_beat_off_topic_ones():
    spans = sentence_spans(GERMAN)
    chosen = texts(GERMAN, summarize(GERMAN, spans))
    assert chosen[0].startswith("Twitter verliert")  # the lead
    assert not any("Hund" in s or "Wetter" in s for s in chosen)


def test_sentences_with_facts_score_higher():
    body = (
        "Der Himmel ist blau und die Wolken ziehen vorbei über der Stadt. "
        "Die Firma meldet einen Umsatz von 5 Milliarden Euro im Jahr. "
        "Der Himmel ist blau und die Wolken ziehen über die Stadt hinweg."
    )
    spans = sentence_spans(body)
    i = body.index("5 Milliarden")
    fact = Fact("money", "5 Milliarden Euro", i, i + 17, value=5e9, currency="EUR")
    plain = {c.index: c.score for c in score_sentences(body, spans)}
    with_fact = {c.index: c.score for c in score_sentences(body, spans, [fact])}
    assert with_fact[1] > plain[1] and with_fact[0] == plain[0]


def test_chinese_needs_no_tokenizer():
    body = (
        "推特執行長馬斯克接受BBC採訪，談到收購推特後的裁員。"
        "馬斯克表示，推特目前的盈虧處於平衡狀態，廣告商也會回流推特。"
        "天氣很好，大家都去公園散步了，公園裡有很多花。"
        "馬斯克說，收購推特之後，推特員工從八千人減少到一千五百人。"
        "推特的廣告收入下降，但馬斯克認為推特的廣告商會回流。"
        "推特員工減少之後，馬斯克說推特的服務仍然穩定運作。"
        "記者問了一個問題。"
    )
    spans = sentence_spans(body)
    chosen = texts(body, summarize(body, spans))
    assert len(chosen) == 3
    assert not any("公園" in s for s in chosen)


def test_short_lines_and_headings_are_never_chosen():
    body = "Paris, 14. Juni\n\nZwischentitel über die Werbung bei Twitter\n\n" + GERMAN
    spans = sentence_spans(body)
    head = body.index("Zwischentitel")
    heading = (head, head + len("Zwischentitel über die Werbung bei Twitter"))
    chosen = texts(body, summarize(body, spans, headings=[heading]))
    assert not any(s.startswith(("Paris", "Zwischentitel")) for s in chosen)


def test_long_sentences_make_a_two_sentence_summary():
    long = " ".join(["Twitter und Musk und die Werbung"] * 12) + "."
    body = " ".join([long] * 7)
    spans = sentence_spans(body)
    chosen = summarize(body, spans)
    assert sum(e - s for s, e in chosen[:2]) > MAX_CHARS and len(chosen) == 2


def test_empty_and_deterministic():
    assert summarize("", []) == []
    spans = sentence_spans(GERMAN)
    assert summarize(GERMAN, spans) == summarize(GERMAN, spans)
