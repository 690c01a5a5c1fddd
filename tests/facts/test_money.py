import pytest

from generator.facts import extract_facts


def money(text, lang):
    return [(f.value, f.currency) for f in extract_facts(text, lang) if f.type == "money"]


@pytest.mark.parametrize(
    "text, lang, value, currency",
    [
        ("馬斯克以440億美元收購推特", "zh-Hant", 44e9, "USD"),
        ("支出達到7,100萬美元", "zh-Hant", 71e6, "USD"),
        ("每月需繳交8美元", "zh-Hant", 8, "USD"),
        ("兑换１．０７５３美元", "zh", 1.0753, "USD"),
        ("8亿元人民币", "zh", 8e8, "CNY"),
        ("以每股1.95港元", "zh", 1.95, "HKD"),
        ("央行到期定存单5306亿台币", "zh", 5306e8, "TWD"),
        ("50元6角三分", "zh", 50.63, "CNY"),
        ("Twitter kostete 44 Milliarden Dollar", "de", 44e9, "USD"),
        ("ein Umsatz von 3 Mrd. €", "de", 3e9, "EUR"),
        ("Der Haushalt beläuft sich auf 12 500 EUR.", "de", 12500, "EUR"),
        ("Hast du mal einen Euro für mich?", "de", 1, "EUR"),
        ("تبلغ قيمة منصة إكس 16.9 مليار دولار", "ar", 16.9e9, "USD"),
        ("صفقة بقيمة ٤٤ مليار دولار", "ar", 44e9, "USD"),
        ("ستخسر ملياري دولار عند تفريغ الدين", "ar", 2e9, "USD"),
        ("bought for US$44 billion", "en", 44e9, "USD"),
        ("revenue of $1.2 billion", "en", 1.2e9, "USD"),
        ("it cost twenty dollars", "en", 20, "USD"),
        ("only 5 euros", "en", 5, "EUR"),
        ("a €2.5m fine", "en", 2.5e6, "EUR"),
        ("I would like to buy this item for GBP 350.", "en", 350, "GBP"),
        ("exports fell to hk $ 10.05 billion", "en", 10.05e9, "HKD"),
        ("it only cost 3 dollars 50 cents.", "en", 3.5, "USD"),
        ("un rachat de 44 milliards de dollars", "fr", 44e9, "USD"),
        ("une amende de 3,5 milliards d'euros", "fr", 3.5e9, "EUR"),
        ("por 44.000 millones de dólares", "es", 44e9, "USD"),
    ],
)
def test_money(text, lang, value, currency):
    got = money(text, lang)
    assert any(abs(v - value) <= 1e-6 * abs(value) and c == currency for v, c in got), got


def test_money_qualifiers():
    facts = extract_facts("微軟已向OpenAI投資了超過130億美元", "zh-Hant")
    m = [f for f in facts if f.type == "money"][0]
    assert (m.value, m.currency, m.qualifier) == (13e9, "USD", "over")
    facts = extract_facts("sales of about $ 35 million", "en")
    assert [f.qualifier for f in facts if f.type == "money"] == ["approx"]
    facts = extract_facts("بلغت حوالي 5 ملايين دولار", "ar")
    assert [(f.value, f.qualifier) for f in facts if f.type == "money"] == [(5e6, "approx")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("人民币 美元", "zh"),
        ("ALL 5 solutions are wrong.", "en"),
        ("I tried to call Bob 3 times already.", "en"),
        ("這個手機殼十分好看", "zh-Hant"),
    ],
)
def test_no_money(text, lang):
    assert money(text, lang) == []


def test_two_amounts_with_prefix_and_suffix_codes():
    assert money("rmb 10 usd 20", "en") == [(10, "CNY"), (20, "USD")]
    assert money("10 rmb 20 usd", "en") == [(10, "CNY"), (20, "USD")]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Preise starten bei 12.345$.", "de", [(12345, "USD")]),  # CLDR de writes USD as $
        ("It costs 50 kr.", "en", [(50, None)]),  # SEK, NOK, DKK, ISK: marked ambiguous
        ("It costs $5.", "en", [(5, "USD")]),  # the territory (US) writes $
        ("It costs $5.", "en-AU", [(5, "AUD")]),
        ("It costs $5.", "es-MX", [(5, "MXN")]),
        ("Det kostar 50 kr.", "sv", [(50, "SEK")]),
        ("Det koster 50 kr.", "da", [(50, "DKK")]),
        ("C$ 10 and later $ 12", "en-GB", [(10, "CAD"), (12, "CAD")]),  # the text's one dollar
        ("10 € und 12 kr", "de", [(10, "EUR"), (12, None)]),
        ("it fell to u.s $ 5", "en", [(5, "USD")]),
        ("MXN$ 100", "en", [(100, "MXN")]),
        ("paid 115USD in fees", "en", [(115, "USD")]),
        ("$ 98 a share", "en", [(98, "USD")]),
        ("only 50 cents", "en", [(0.5, "USD")]),
        ("nur 50 Cent", "de", [(0.5, "EUR")]),
        ("2222円13銭です", "ja", [(2222.13, "JPY")]),
        ("このパソコンは2ドルです", "ja", [(2, "USD")]),
        ("1.0092スイスフランを交換", "ja", [(1.0092, "CHF")]),
        ("これは 7  万  円   です", "ja", [(70000, "JPY")]),
        ("3억 달러", "ko", [(3e8, "USD")]),
        ("1억 2000만 원", "ko", [(1.2e8, "KRW")]),
        ("сорок два доллара США", "ru", [(42, "USD")]),
        ("yirmi beş Türk lirası", "tr", [(25, "TRY")]),
        # a head noun of several currencies names the local one when it is among them:
        # CLDR bn calls BDT বাংলাদেশী টাকা and INR ভারতীয় টাকা
        ("১,২০০ টাকা", "bn", [(1200, "BDT")]),
        ("1,200 টাকা", "bn-IN", [(1200, "INR")]),
    ],
)
def test_money_currency_resolution(text, lang, expected):
    got = money(text, lang)
    assert [(pytest.approx(v), c) for v, c in expected] == got


@pytest.mark.parametrize(
    "text, lang, value, currency",
    [
        # the head noun of CLDR names on either side: доллар США / канадский доллар
        ("5 долларов 50 центов", "ru", 5.5, "USD"),
        ("15 reais e 50 centavos", "pt", 15.5, "BRL"),
        ("309.381 yens", "fr", 309381, "JPY"),
        # "and" between an amount and its subunits from CLDR list patterns
        ("15 dólares y 50 centavos", "es", 15.5, "USD"),
        # glued one-character scales chain by value in Korean as in Chinese
        ("5천만 원", "ko", 5e7, "KRW"),
        ("5백만 달러", "ko", 5e6, "USD"),
        # a backslash for the yen/won sign (JIS X 0201, KS X 1003 code pages)
        ("そのシュークリームは1個\\100です", "ja", 100, "JPY"),
        ("\\5000", "ko", 5000, "KRW"),
        ("500 करोड़ रुपये", "hi", 5e9, "INR"),
        ("5 dolar", "tr", 5, "USD"),
        # colloquial names and variant spellings CLDR lacks (currencies.json, number_words.json)
        ("35 TL", "tr", 35, "TRY"),
        ("1,5 triệu đồng", "vi", 1.5e6, "VND"),
        ("1.5 מיליון שקל", "he", 1.5e6, "ILS"),
        ("5 हजार रुपये", "hi", 5000, "INR"),  # CLDR हज़ार, the nukta dropped
        ("पचास हजार रुपये", "hi", 50_000, "INR"),
        ("10 मिलियन डॉलर", "hi", 1e7, "USD"),
        ("₹44,000 crore", "en", 4.4e11, "INR"),  # Indian English scales
        ("₹5 lakh", "en", 5e5, "INR"),
        ("44 млрд руб.", "ru", 44e9, "RUB"),  # the usual abbreviations
        ("5 тыс. долл.", "ru", 5000, "USD"),
        ("200 грн", "uk", 200, "UAH"),
    ],
)
def test_money_kinds_from_held_out_errors(text, lang, value, currency):
    assert money(text, lang) == [(pytest.approx(value), currency)]


def test_kana_subunit_stands_alone_but_han_subunit_does_not():
    assert money("50セント", "ja") == [(pytest.approx(0.5), None)]
    assert money("这十分重要", "zh") == []


def test_backslash_is_no_currency_outside_ja_ko():
    assert money("a\\100 b", "en") == []


@pytest.mark.parametrize(
    "text, lang, value, currency",
    [
        ("2万5000円", "ja", 25000, "JPY"),  # unscaled digits glued below the scale
        ("2만5000원", "ko", 25000, "KRW"),
        ("5千万ウォン", "ja", 5e7, "KRW"),  # head of 韓国ウォン, split where Han meets kana
        ("30ペソ", "ja", 30, "MXN"),
    ],
)
def test_cjk_compositions_and_kana_heads(text, lang, value, currency):
    assert money(text, lang) == [(pytest.approx(value), currency)]


def test_unscaled_digits_after_a_space_or_a_year_are_not_joined():
    assert money("2万 2021年に100円", "ja") == [(pytest.approx(100), "JPY")]
    assert money("3ドン", "ja") == []  # a two-kana head of one currency is no name


@pytest.mark.parametrize(
    "text, lang, currency",
    [
        ("El contrato de diciembre subió 1,20 centavos", "es", None),  # no euro cent in Spain
        ("cuesta 20 céntimos", "es", "EUR"),
        ("cuesta 5 dólares y 20 centavos", "es", "USD"),  # the text names the currency
        ("custa 20 centavos", "pt", "BRL"),
        ("it fell 5 cents", "en", "USD"),
        ("50セント", "ja", None),
    ],
)
def test_bare_subunit_takes_the_territory_currency_only_if_it_names_its_minor_unit(text, lang, currency):
    got = [f.currency for f in extract_facts(text, lang) if f.type == "money"]
    assert got == [currency]


@pytest.mark.parametrize(
    "text, lang, want",
    [
        ("harga Rp5.000", "id", ("Rp5.000", 5000.0, "IDR")),
        ("RM20 juta", "ms", ("RM20 juta", 20e6, "MYR")),
        ("kr20", "sv", ("kr20", 20.0, "SEK")),
    ],
)
def test_a_letter_symbol_glued_before_digits(text, lang, want):
    """CLDR's letter symbols of the language (Rp, RM, kr) may be glued to the amount."""
    got = [(f.text, f.value, f.currency) for f in extract_facts(text, lang) if f.type == "money"]
    assert got == [want]


def test_other_letters_glued_before_digits_are_names():
    assert [f for f in extract_facts("MP3 G7 B2B R2 F1", "en") if f.type == "money"] == []


@pytest.mark.parametrize("lang", ["en", "de", "zh-Hant", "ar", "fr"])
def test_numbers_left_out_of_reading_fail_the_cheap_test(lang):
    """money._within_reach gives exactly the numbers _amounts' cheap test lets through
    (written out here as the loop applied it to each number)."""
    from generator.facts._locale import get_profile, normalize
    from generator.facts.currency_reach import currency_reach
    from generator.facts.money import _linker_re, _within_reach, currency_index
    from generator.facts.numbers import scan_numbers
    from generator.facts.reach import glued_edges

    text = (
        "Er zahlte $5, 12 und 3 Mio. Euro; 7 USD 20 2021 三百萬 440億美元 twenty dollars € 8 "
        "44 milliards de dollars, 5 millions x, abc12 MP3 ١٢ ألف 十萬元 7km"
    )
    profile = get_profile(lang)
    norm = normalize(text)
    nums = scan_numbers(norm, profile)
    idx = currency_index(profile.base, profile.tag)
    after_ok, before_ok, _starts = currency_reach(norm, idx.reach)
    linker = _linker_re(profile.base)
    want = [
        i
        for i, x in enumerate(nums)
        if not (
            x.end not in after_ok
            and x.start not in before_ok
            and (x.kind == "digits" and not x.scaled or not glued_edges(norm, x.start, x.end))
            and (not x.scaled or linker is None)
        )
    ]
    assert _within_reach(norm, nums, after_ok, before_ok, linker is not None) == want


@pytest.mark.parametrize("lang", ["en", "zh-Hant", "de"])
def test_symbols_ending_as_read_in_place(lang):
    """_symbols_ending (remembered per the characters before) gives the symbols a
    direct look-up of each length finds, at the start of a text as elsewhere."""
    from generator.facts._locale import get_profile
    from generator.facts.money import _symbols_ending, currency_index

    profile = get_profile(lang)
    idx = currency_index(profile.base, profile.tag)
    for text in ("$5", "US$ 5", "x hk$5", "Mex$5", "€5 and HK$6", "NT$3 kr 4"):
        for q in range(1, len(text) + 1):
            want = []
            for L in idx.lens_to.get(text[q - 1], ()):
                code = idx.symbols.get(text[q - L : q].lower()) if L <= q else None
                if code is not None:
                    want.append((L, text[q - L : q].lower(), code))
            for _ in range(2):
                assert _symbols_ending(text, q, idx) == want


@pytest.mark.parametrize(
    "text, lang, value, currency",
    [
        ("Musk, Twitter'ı 44 milyar dolara satın aldı.", "tr", 44e9, "USD"),
        ("100 dolarlık bir hediye", "tr", 100, "USD"),
        ("Musk 44 milliárd dollárért vásárolta meg.", "hu", 44e9, "USD"),
        ("200 ezer eurót fizetett.", "hu", 200_000, "EUR"),
        ("Musk osti Twitterin 44 miljardilla dollarilla.", "fi", 44e9, "USD"),
    ],
)
def test_case_endings_glued_to_a_currency_or_scale(text, lang, value, currency):
    assert money(text, lang) == [(pytest.approx(value), currency)]


def test_case_endings_only_where_the_language_glues_them():
    from generator.facts._locale import unsuffixed

    assert unsuffixed("dolardan", {"dolar"}, 5) == "dolar"
    assert unsuffixed("dolarizasyon", {"dolar"}, 5) is None  # more than five letters
    assert money("5 dollarish", "en") == []
    assert money("5 Europa", "de") == []
