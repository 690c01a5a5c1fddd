from generator.entities import recognize
from generator.entities.cand import Cand
from generator.entities.features import char_spans, rule_tags, word_features, word_spans
from generator.entities.tagger import available, model_family, spans_from_tags


def test_word_spans_keep_inner_punctuation():
    text = "Die Expo-Halle (U.S.) ist's."
    assert [text[s:e] for s, e in word_spans(text)] == [
        "Die",
        "Expo-Halle",
        "(",
        "U.S.",
        ")",
        "ist's",
        ".",
    ]
    assert char_spans("中 国") == [(0, 1), (2, 3)]


def test_rule_tags_and_back():
    spans = [(0, 3), (4, 8), (9, 14)]
    tags = rule_tags(spans, [Cand(4, 14, "person", 50), Cand(0, 3, "other", 100)])
    assert tags == ["O", "B-person", "I-person"]
    assert [(c.start, c.end, c.type) for c in spans_from_tags(spans, tags)] == [(4, 14, "person")]
    # an I- without its B- opens an entity; a type change closes one
    got = spans_from_tags(spans, ["I-place", "B-person", "I-organization"])
    assert [(c.start, c.end, c.type) for c in got] == [
        (0, 3, "place"),
        (4, 8, "person"),
        (9, 14, "organization"),
    ]


def test_features_are_deterministic_and_aligned():
    words = ["Olaf", "Scholz", "sagte", "."]
    f1 = word_features(words, ["B-person", "I-person", "O", "O"], "de")
    assert f1 == word_features(words, ["B-person", "I-person", "O", "O"], "de")
    assert len(f1) == 4 and "start" in f1[0] and "r=B-person" in f1[0]


def test_shipped_models():
    assert model_family("en") == model_family("es") == "latin" and model_family("de") == "de"
    for fam in ("de", "ar", "latin"):
        assert available(fam), fam
    assert not available("zh")  # Chinese: LAC + rules scored higher than the trained model


def test_model_recognizes_unlisted_names():
    got = {(m.text, m.type) for m in recognize("Gestern sprach Annegret Pischetsrieder in Wuppertal.", "de")}
    assert ("Wuppertal", "place") in got
    assert any(t == "person" and "Pischetsrieder" in n for n, t in got)
    got = {
        (m.text, m.type) for m in recognize("El presidente Gustavo Petro viajó a Bogotá con Ecopetrol.", "es")
    }
    assert ("Gustavo Petro", "person") in got and ("Bogotá", "place") in got


def test_known_features_are_the_others_filtered():
    words = ["Gestern", "sprach", "Annegret", "Pischetsrieder", "in", "Wuppertal", "."]
    rules = ["O", "O", "B-person", "I-person", "O", "B-place", "O"]
    full = word_features(words, rules, "de")
    known = frozenset(x for f in full for x in f if hash(x) % 3)  # any subset
    assert word_features(words, rules, "de", known) == [[x for x in f if x in known] for f in full]
