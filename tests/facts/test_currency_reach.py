"""The cheap pass of money.py must never hide a currency the full reading finds: every
position where currency_after/currency_before find one lies in the reach sets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.facts._locale import get_profile, normalize
from generator.facts.currency_reach import currency_reach
from generator.facts.money import currency_after, currency_before, currency_index
from generator.facts.reach import glued_word

PIECES = [
    "12",
    "3.5",
    "$",
    "US$",
    "HK $",
    "u.s $",
    "€",
    "£",
    "¥",
    "￥",
    "kr",
    "kr.",
    "Rs.",
    "zł",
    "R$",
    "USD",
    "usd",
    "eur",
    "MUSD",
    "kEUR",
    "RMB",
    "rmb",
    "dollars",
    "Dollar",
    "euros",
    "cents",
    "pence",
    "US-Dollar",
    "dólares",
    "centavos",
    "دولار",
    "ريال",
    "美元",
    "元",
    "港元",
    "円",
    "ドル",
    "セント",
    "원",
    "달러",
    "万",
    "億",
    "million",
    "Mrd.",
    "de",
    "a",
    "the",
    "and",
    "Kč",
    "лв.",
    "руб.",
    "₹",
    "₩",
    "5",
    "美",
    "USD美元",
]
GAPS = ["", " ", "  ", "\u00a0", ", ", "\n"]
LANGS = ["en", "de", "zh-Hant", "zh", "ar", "fr", "es", "ja", "ko", "sv", "pl", "hi", "ru"]


def _check(text: str, lang: str) -> None:
    profile = get_profile(lang)
    norm = normalize(text)
    idx = currency_index(profile.base, profile.tag)
    after_ok, before_ok, _starts = currency_reach(norm, idx.reach)
    for pos in range(len(norm) + 1):
        if currency_after(norm, pos, idx) is not None:
            assert pos in after_ok or glued_word(norm, pos, pos), (text, lang, pos)
        if currency_before(norm, pos, idx) is not None:
            assert pos in before_ok or glued_word(norm, pos, pos - 1), (text, lang, pos)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), min_size=1, max_size=8),
    st.sampled_from(LANGS),
)
def test_reach_holds_every_currency_the_reader_finds(parts, lang):
    _check("".join(p + g for p, g in parts), lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("it cost 5 kr. and 3 Rs. 12", "sv"),
        ("HK $ 12 and u.s $ 5", "en"),
        ("以8美元，5USD美元", "zh-Hant"),
        ("五USD，美元五百，USD五百", "zh"),
        ("5 000 zł 3 лв. 2", "pl"),
    ],
)
def test_reach_on_written_cases(text, lang):
    _check(text, lang)


def test_cjk_starts_as_each_position_tested():
    """_cjk_starts (worked out once per distinct pair) keeps the positions the test of
    each position keeps: a whole CJK symbol or name, or the first two characters of one."""
    from generator.facts._locale import get_profile
    from generator.facts.currency_reach import _cjk_starts
    from generator.facts.money import currency_index
    from generator.facts.reach import char_positions

    profile = get_profile("zh-Hant")
    tables = currency_index(profile.base, profile.tag).reach
    assert tables is not None
    text = "三百萬 百慕達元 20 美元 百分之八十九 萬 円 港元 港 百" * 3
    want = [
        p
        for p in char_positions(text, tables.cjk_first)
        if text[p] in tables.cjk_whole
        or text[p : p + 2] in tables.cjk_pairs
        or text[p : p + 2].lower() in tables.cjk_pairs
    ]
    assert want  # the text holds currency starts
    assert _cjk_starts(text, tables) == want
