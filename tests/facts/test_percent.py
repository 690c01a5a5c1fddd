import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.facts import extract_facts
from generator.facts.numbers import CJK_RUN_RE
from generator.facts.percent import CJK_FRACTION_RE


def percents(text, lang):
    return [(f.value, f.qualifier) for f in extract_facts(text, lang) if f.type == "percent"]


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("推特廣告營收下降89%", "zh-Hant", 89),
        ("百分之八十九", "zh-Hant", 89),
        ("２２％", "zh", 22),
        ("三成", "zh", 30),
        ("八五折", "zh", 85),
        ("千分之２．４", "zh", 0.24),
        ("六个百分点", "zh", 6),
        ("负3.9%", "zh", -3.9),
        ("انخفضت الإيرادات بنسبة 55%", "ar", 55),
        ("ارتفعت ٥٥ في المئة", "ar", 55),
        ("مع انخفاض مبيعات الإعلانات بنسبة 60٪", "ar", 60),
        ("ثلاثين بالمئة", "ar", 30),
        ("um fast 60 % zurück", "de", 60),
        ("andere 0,000001-Prozent-Probleme", "de", 0.000001),
        ("fünf Prozent", "de", 5),
        ("Diese 15 Prozentpunkte", "de", 15),
        ("rose 12%", "en", 12),
        ("twenty percent", "en", 20),
        ("un recul de 20 %", "fr", 20),
        ("cinq pour cent", "fr", 5),
        ("subió un 20 por ciento", "es", 20),
        ("12,5 %", "es", 12.5),
    ],
)
def test_percent(text, lang, value):
    got = percents(text, lang)
    assert any(abs(v - value) <= 1e-9 + 1e-6 * abs(value) for v, _ in got), got


@pytest.mark.parametrize(
    "text, lang, qualifier",
    [
        ("裁掉約80%的推特員工", "zh-Hant", "approx"),
        ("لا تزال متراجعة بنحو 60%", "ar", "approx"),
        ("بنسبة 60٪ تقريبًا", "ar", "approx"),
        ("um fast 60 % zurück", "de", "approx"),
        ("more than 40 percent", "en", "over"),
    ],
)
def test_percent_qualifier(text, lang, qualifier):
    assert [q for _, q in percents(text, lang)] == [qualifier]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("You can go to https://www.test.com/search?q=30%25%2020%", "en"),
        ("How do I calculate a percentage?", "en"),
        ("二三十个百分点", "zh"),
        ("十折", "zh"),
        ("一成不變", "zh-Hant"),
    ],
)
def test_no_percent(text, lang):
    assert percents(text, lang) == []


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("yüzde 12", "tr", 12),
        ("%12 arttı", "tr", 12),
        ("двадцать пять процентов", "ru", 25),
        ("3 промилле", "ru", 0.3),
        ("50パーセント", "ja", 50),
        ("3割8分7厘", "ja", 38.7),
        ("七割半", "ja", 75),
        ("8割引", "ja", 20),
        ("マイナス五パーセント", "ja", -5),
        ("百分の9,999", "ja", 9999),
        ("三成半", "zh", 35),
        ("cuarenta y siete coma veintiocho por ciento", "es", 47.28),
        ("forty-seven point two eight percent", "en", 47.28),
        (",08 por ciento", "es", 0.08),
        ("सैंतालीस प्रतिशत", "hi", 47),
        ("오십칠%", "ko", 57),
        ("dix pour-cent", "fr", 10),
        # hand data where CLDR has one spelling only (it percento, pl procent, he אחוז)
        ("il 50 per cento", "it", 50),
        ("5,3 proc.", "pl", 5.3),
        ("5.3 אחוזים", "he", 5.3),
    ],
)
def test_percent_cldr_words(text, lang, value):
    got = percents(text, lang)
    assert any(abs(v - value) <= 1e-9 + 1e-6 * abs(value) for v, _ in got), got


def test_fraction_is_no_percent():
    assert percents("2/3%", "es") == []


@pytest.mark.parametrize(
    "text, lang, value",
    [
        # languages whose CLDR percent unit is the sign only, or lacks the common word
        ("수출이 30퍼센트 증가했다", "ko", 30),
        ("삼십 퍼센트", "ko", 30),
        ("tăng 5 phần trăm", "vi", 5),
        ("कीमत में 5 फीसदी की वृद्धि", "hi", 5),
    ],
)
def test_percent_hand_words_where_cldr_has_none(text, lang, value):
    assert [f.value for f in extract_facts(text, lang) if f.type == "percent"] == [pytest.approx(value)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("2.4ポイント上昇", "ja"),
        ("rose 2.4 percentage points", "en"),
        ("um 2,4 Prozentpunkte", "de"),
        ("上升2.4个百分点", "zh-Hant"),
        ("2.4%p 상승", "ko"),
    ],
)
def test_percentage_points_are_marked(text, lang):
    """Percentage points are percent facts with unit "points" (never shown as "2.4 %")."""
    got = [(f.value, f.unit) for f in extract_facts(text, lang) if f.type == "percent"]
    assert got == [(2.4, "points")]


def test_percent_has_no_unit():
    assert [f.unit for f in extract_facts("up 2.4% and 3 percent", "en")] == [None, None]


# The plain form of percent.CJK_FRACTION_RE, before it was led by a character class.
_PLAIN_FRACTION_RE = re.compile(
    "(?P<den>[百佰千仟万萬]|万万|萬萬)[ ]*分[ ]*[之の][ ]*"
    rf"(?P<num>[0-9][0-9,.]*|{CJK_RUN_RE.pattern})(?P<k>[ ]*[kK](?![A-Za-z]))?"
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["百", "千", "万", "萬", "万万", "分之", "分の", "分 之", " ", "三", "十", "5", ".", "k"]
        ),
        max_size=12,
    ).map("".join)
)
def test_fraction_regex_matches_its_plain_form(text):
    def spans(rx):
        return [(m.span(), m.groupdict()) for m in rx.finditer(text)]

    assert spans(CJK_FRACTION_RE) == spans(_PLAIN_FRACTION_RE)


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("ההכנסות ירדו ב-50%", "he", 50),  # a prefix letter joined by a hyphen: no minus
        ("COVID-19 5%", "en", 5),
        ("on fell -5%", "en", -5),
        ("同比-5%", "zh", -5),  # after Han a hyphen is a minus
        ("بنسبة -5%", "ar", -5),
    ],
)
def test_a_hyphen_after_a_letter_is_no_minus(text, lang, value):
    assert [v for v, _ in percents(text, lang)] == [value]


def test_case_ending_glued_to_a_percent_word():
    assert [v for v, _ in percents("A bevételek 50 százalékkal csökkentek.", "hu")] == [50]
    assert [v for v, _ in percents("5,3 százalékos", "hu")] == [5.3]


@pytest.mark.parametrize(
    "text, value",
    [
        ("पांच प्रतिशत", 5),  # anusvara for CLDR's chandrabindu (पाँच)
        ("पाँच प्रतिशत", 5),
        ("अड़तीस प्रतिशत", 38),  # ड़ keeps its nukta: a letter of its own
    ],
)
def test_devanagari_spelling_variants(text, value):
    assert [v for v, _ in percents(text, "hi")] == [value]
