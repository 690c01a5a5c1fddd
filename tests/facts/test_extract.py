"""Properties of the public API: offsets, order, overlaps, robustness."""
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.facts import extract_facts
from generator.model import NUMERIC_TYPES, QUALIFIERS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LANGS = ["zh-Hant", "zh-Hans", "zh", "ar", "de", "en", "fr", "es", "ja", "xx", "", "und"]

# Characters that exercise the tricky paths: digits of three scripts, separators,
# percent signs, CJK numerals and scale words, Arabic scale words, currency symbols.
ALPHABET = st.sampled_from(list(
    "0123456789٠١٢٣٤٥٦٧٨٩０１２３４５６７８９.,،٫٬，．%٪％ -–:/$€£¥￥₭"
    "一二三四五六七八九十百千萬万億亿兆兩两零〇点點成折分之年月日號名個次元美台幣"
    "مليارألفآلافدولارفيالمئةبنسبة"
    "abcdefghijklmnopqrstuvwxyzMBKTmillionbillionProzentMrd.Euro\n\u200e\u061c\u00a0"))


def check(text, facts):
    last = (-1, -1)
    for f in facts:
        assert f.type in NUMERIC_TYPES
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert (f.start, f.end) >= last
        assert f.qualifier is None or f.qualifier in QUALIFIERS
        if f.type == "date":
            assert f.value is None or isinstance(f.value, str)
        else:
            assert isinstance(f.value, float)
        last = (f.start, f.end)
    for a, b in zip(facts, facts[1:]):
        assert a.end <= b.start, (a, b)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.sampled_from(LANGS))
def test_never_raises_on_number_like_text(text, lang):
    check(text, extract_facts(text, lang))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.sampled_from(LANGS),
       st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))))
def test_never_raises_on_any_unicode(text, lang, published):
    check(text, extract_facts(text, lang, published))


@pytest.mark.parametrize("bad", [None, 42, b"bytes"])
def test_bad_inputs(bad):
    assert extract_facts(bad, "en") == []
    # a language that is not a tag reads the text as an unknown language would
    assert [(f.type, f.value) for f in extract_facts("12%", bad)] == [("percent", 12.0)]


@pytest.mark.parametrize("name, lang", [
    ("000_9e3564d4c2153551.txt", "zh-Hant"), ("001_e156b01c1481eb5d.txt", "ar"),
    ("002_3d7097a96271a5e7.txt", "zh-Hant"), ("003_2e98eeee97839e2c.txt", "ar"),
    ("004_2af2013fb0c89e17.txt", "de"),
])
def test_seed_articles_are_consistent(name, lang):
    text = (SEEDS / name).read_text(encoding="utf-8")
    check(text, extract_facts(text, lang, dt.date(2023, 6, 15)))


def test_seed_000_key_figures():
    text = (SEEDS / "000_9e3564d4c2153551.txt").read_text(encoding="utf-8")
    text = text[:text.index("往下滑看下一篇文章")]
    got = {(f.type, f.value, f.currency, f.qualifier) for f in extract_facts(text, "zh-Hant")}
    for item in [("money", 44e9, "USD", None), ("money", 71e6, "USD", None),
                 ("money", 7.6e6, "USD", None), ("money", 8.0, "USD", None),
                 ("percent", 80.0, None, "approx"), ("percent", 89.0, None, None),
                 ("date", "--04-11", None, None), ("date", "--10", None, None)]:
        assert item in got, item
