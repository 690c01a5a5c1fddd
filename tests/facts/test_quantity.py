import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.facts import extract_facts
from generator.facts.numbers import CJK_NUM_CHARS, CJK_RUN_RE
from generator.facts.quantity import CJK_FRACTION_RE


def quantities(text, lang):
    return [(f.value, f.unit, f.qualifier) for f in extract_facts(text, lang) if f.type == "quantity"]


@pytest.mark.parametrize(
    "text, lang, value, unit, qualifier",
    [
        ("共計吸引約300萬名聽眾", "zh-Hant", 3e6, "listeners", "approx"),
        ("從當初收購時的8,000名，到現在只有1,500名", "zh-Hant", 8000, "people", None),
        ("刪除了近40萬個「機器人」帳戶", "zh-Hant", 4e5, "accounts", "approx"),
        ("先前被禁用的1,000多個推特帳戶", "zh-Hant", 1000, "accounts", "over"),
        ("使用推特數據的次數就超過了7.8億次", "zh-Hant", 7.8e8, "times", "over"),
        ("檢索了超過260億條推文", "zh-Hant", 2.6e10, "tweets", "over"),
        ("约有两千名员工", "zh", 2000, "employees", "approx"),
        ("تم تسريح أكثر من 6 آلاف موظف", "ar", 6000, "employees", "over"),
        ("بسعة تقارب 4000 شخص", "ar", 4000, "people", "approx"),
        ("ستة آلاف موظف", "ar", 6000, "employees", None),
        ("mit einer Kapazität für fast 4.000 Personen", "de", 4000, "people", "approx"),
        ("zwei Millionen Nutzer", "de", 2e6, "users", None),
        ("more than 6,000 employees", "en", 6000, "employees", "over"),
        ("6 000 employés", "fr", 6000, "employees", None),
        ("4.000 personas", "es", 4000, "people", None),
    ],
)
def test_quantity(text, lang, value, unit, qualifier):
    assert (value, unit, qualifier) in [(pytest.approx(v), u, q) for v, u, q in quantities(text, lang)], (
        quantities(text, lang)
    )


def test_fraction():
    got = quantities("其中有超過三分之一的帳戶繼續散播不當資訊", "zh-Hant")
    assert got == [(pytest.approx(1 / 3), "accounts", "over")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("in 2021 the company", "en"),  # a year
        ("the 3rd quarter", "en"),  # an ordinal
        ("am 3. Platz", "de"),
        ("第三名", "zh"),
        ("排名前10的廣告商", "zh-Hant"),
        ("再存活4個月", "zh-Hant"),  # a duration
        ("106 台北市大安區光復南路102號9樓", "zh-Hant"),  # an address
        ("上萬顆GPU", "zh-Hant"),  # a vague magnitude
    ],
)
def test_not_quantities(text, lang):
    assert quantities(text, lang) == []


def test_count_after_a_year_is_kept():
    """In "in 2021 300 people" the year is a date and the 300 a count."""
    got = [(f.type, f.text, f.value) for f in extract_facts("In 2021 300 people were hired.", "en")]
    assert got == [("date", "2021", "2021"), ("quantity", "300 people", 300.0)]


_FRACTION_PIECES = st.sampled_from(
    [
        "百",
        "千",
        "万",
        "萬萬",
        "億",
        "三",
        "二十",
        "〇",
        "零",
        "點",
        "分之",
        "分 之",
        " ",
        "0",
        "12",
        ",",
        "的",
        "人",
    ]
)
# The plain form of quantity.CJK_FRACTION_RE, before it was led by a character class.
_PLAIN_FRACTION_RE = re.compile(
    rf"(?P<den>(?<![{CJK_NUM_CHARS}])(?:{CJK_RUN_RE.pattern})|(?<![0-9])[0-9]+)[ ]*分之[ ]*"
    rf"(?P<num>{CJK_RUN_RE.pattern}|[0-9]+)"
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_FRACTION_PIECES, max_size=12).map("".join))
def test_fraction_regex_matches_its_plain_form(text):
    def spans(rx):
        return [(m.span(), m.groupdict()) for m in rx.finditer(text)]

    assert spans(CJK_FRACTION_RE) == spans(_PLAIN_FRACTION_RE)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="三百分之五十 0123.,點千萬x之分", max_size=40))
def test_fraction_matches_are_finditer(text):
    from generator.facts.quantity import fraction_matches

    assert [m.span() for m in fraction_matches(text)] == [m.span() for m in CJK_FRACTION_RE.finditer(text)]
