import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.facts._locale import get_profile, normalize
from generator.facts.numbers import (
    WORD_TOKEN_RE,
    distinct_tokens,
    interpret_digits,
    parse_cjk,
    parse_number,
    run_at,
    scan_numbers,
    word_lexicon,
)


@pytest.mark.parametrize(
    "run, decimal, group, value",
    [
        ("1,234.5", ".", ",", 1234.5),
        ("1.234,5", ",", ".", 1234.5),
        ("4.000", ",", ".", 4000.0),  # German thousands dot
        ("0,000001", ",", ".", 0.000001),  # German decimal comma
        ("7,100", ".", ",", 7100.0),
        ("16.9", ".", ",", 16.9),
        ("16.9", ",", ".", 16.9),  # not three digits after the dot: a decimal anyway
        ("12 500", ",", ".", 12500.0),
        ("12,34,567.89", ".", ",", 1234567.89),  # Indian grouping
        ("16\u066b9", ".", ",", 16.9),  # Arabic decimal separator
        ("1\u202f000", ",", "\u202f", 1000.0),  # French narrow no-break space
    ],
)
def test_interpret_digits(run, decimal, group, value):
    got, length = interpret_digits(run, decimal, group)
    assert got == pytest.approx(value)
    assert length == len(run)


def test_space_groups_split_when_invalid():
    assert interpret_digits("2021 300", ".", ",") == (2021.0, 4)


@pytest.mark.parametrize(
    "text, lang, figures",
    [
        ("In 2021 300 people", "en", [("2021", 2021), ("300", 300)]),
        ("Im Jahr 2021 300 Menschen", "de", [("2021", 2021), ("300", 300)]),
        ("x 2021 440 million", "en", [("2021", 2021), ("440 million", 4.4e8)]),
        ("2021 300,000", "en", [("2021", 2021), ("300,000", 300_000)]),
        ("12 500 and 1 234 567", "en", [("12 500", 12_500), ("1 234 567", 1_234_567)]),
    ],
)
def test_a_number_after_a_year_is_read(text, lang, figures):
    """A space joins digit groups only after at most three digits: the rest of a run
    after a year is a number of its own, not dropped."""
    norm = normalize(text)
    got = [(text[x.start : x.end], x.value) for x in scan_numbers(norm, get_profile(lang))]
    assert got == [(t, pytest.approx(v)) for t, v in figures]


@pytest.mark.parametrize(
    "text, value",
    [
        ("三", 3),
        ("十一", 11),
        ("三百萬", 3_000_000),
        ("兩千", 2000),
        ("一百零五", 105),
        ("拾萬零五十六點叁叁", 100056.33),
        ("二〇二一", 2021),
        ("万万", 1e8),
        ("一亿五千万", 1.5e8),
        ("四点五", 4.5),
    ],
)
def test_parse_cjk(text, value):
    assert parse_cjk(text)[0] == pytest.approx(value)


def test_parse_cjk_rejects_ranges():
    assert parse_cjk("二三十") is None  # "twenty or thirty"


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("440億", "zh-Hant", 44e9),
        ("7,100萬", "zh-Hant", 71e6),
        ("１．０７５３", "zh", 1.0753),
        ("3 Mrd.", "de", 3e9),
        ("44 Milliarden", "de", 44e9),
        ("siebenunddreißig", "de", 37),
        ("achtundsiebzig Millionen", "de", 78e6),
        ("16.9 مليار", "ar", 16.9e9),
        ("٤٤ مليار", "ar", 44e9),
        ("ملياري", "ar", 2e9),  # dual: two billion
        ("6 آلاف", "ar", 6000),
        ("ستة آلاف", "ar", 6000),
        ("$48.2 million"[1:], "en", 48.2e6),
        ("twenty", "en", 20),
        ("forty-five", "en", 45),
        ("three quarters billion", "en", 0.75e9),
        ("2.5m", "en", 2.5e6),
        ("cinq", "fr", 5),
        ("3,5 milliards", "fr", 3.5e9),
        ("1.200 millones", "es", 1.2e9),
        ("veinte", "es", 20),
    ],
)
def test_parse_number_languages(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["91APP", "X.ai", "10:30", "B2B", "3D", "+886 2 2345 6789", "https://example.com/a?q=30%25"]
)
def test_not_numbers(text):
    profile = get_profile("en")
    assert scan_numbers(normalize(text), profile) == []


def test_normalize_keeps_length():
    s = "１２３，４５６ ٤٤٪\u061c 60\u200e%"
    assert len(normalize(s)) == len(s)


def test_zero_padded_digit_runs_have_no_reading():
    # 003's "000001٪" is 0.000001 % that lost its "0." in translation: not 1 %.
    from generator.facts import extract_facts

    assert [f for f in extract_facts("بنسبة 000001٪", "ar") if f.type == "percent"] == []
    assert [f.value for f in extract_facts("بنسبة 0.000001٪", "ar")] == [1e-06]


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("две тысячи триста сорок пять", "ru", 2345),
        ("deux cent trente-quatre mille", "fr", 234000),
        ("zweihundertvierunddreißigtausend", "de", 234000),
        ("백이십삼만 사천오백육십칠", "ko", 1234567),
        ("बारह लाख चौंतीस हज़ार", "hi", 1234000),
        ("bir milyon iki yüz bin", "tr", 1200000),
        ("fyrtiotvå", "sv", 42),
        ("one million two hundred thousand", "en", 1200000),
    ],
)
def test_rbnf_spelled_numbers(text, lang, value):
    from generator.facts.numbers import parse_number

    assert parse_number(text, lang) == value


def test_rbnf_words_are_derived_from_cldr():
    from generator.facts.spellout import rbnf_words

    ru = rbnf_words("ru")
    assert {"тысяча", "тысячи", "тысяч"} <= set(ru["scales"]) and ru["scales"]["тысяч"] == 1000
    assert rbnf_words("ko")["scales"] == {"천": 1e3, "만": 1e4, "억": 1e8, "조": 1e12}
    assert "coma" in rbnf_words("es")["decimal"]
    assert rbnf_words("xx-unknown") == {}


@pytest.mark.parametrize(
    "text, year",
    [
        ("in 2021", True),
        ("in 1800", True),
        ("in 2100", True),
        ("in 2101", False),  # past the years a news text names
        ("in 1799", False),
        ("in 02021", False),  # five digits: a code, not a year
        ("in 2,021", False),  # a separator: a count
        ("in 2021.5", False),
        ("in 2 million", False),
    ],
)
def test_is_year(text, year):
    (num,) = scan_numbers(normalize(text), get_profile("en"))
    assert num.is_year() is year


_RUN_PIECES = st.sampled_from(
    [
        "fünf",
        "Millionen",
        "und",
        "zwanzig",
        "drei",
        "hundert",
        " ",
        "  ",
        "-",
        ".",
        ",",
        "7",
        "x",
        "²",
        "é",
        "\u0301",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_RUN_PIECES, max_size=10).map("".join), min_size=1, max_size=4))
def test_run_memo_matches_the_run_regex(texts):
    """run_at (remembered per span) gives run_re's match wherever a run may start, the
    same spans recurring in other texts with other characters around them."""
    lex = word_lexicon("de")
    for text in texts:
        for s in range(len(text)):
            r = lex.run_re.match(text, s)
            assert run_at(text, s, lex) == (None if r is None else r.end() - s)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Zé\u0301\u00a0-.,7²三٣\n_ßſ", max_size=40))
def test_distinct_tokens_are_the_letter_tokens(text):
    """The chunked scan finds exactly the tokens WORD_TOKEN_RE finds in the whole text."""
    assert distinct_tokens(text + " ") == set(WORD_TOKEN_RE.findall(text + " "))


def test_number_init_sets_every_field_as_the_dataclass_would():
    """Number's written-out __init__ takes the fields in their dataclass order, with
    their defaults."""
    import dataclasses

    from generator.facts.numbers import Number

    fields = dataclasses.fields(Number)
    args = [f"v{i}" for i in range(len(fields))]
    full = Number(*args)
    assert [getattr(full, f.name) for f in fields] == args
    short = Number(1, 2, 3.0, "digits")
    assert [getattr(short, f.name) for f in fields[4:]] == [f.default for f in fields[4:]]
    assert Number(1, 2, 3.0, "words", weak=True) == Number(1, 2, 3.0, "words", False, False, 1.0, True)


NUMBERISH = st.lists(
    st.sampled_from(
        list("0123456789.,٫ \u00a0\u202f-一二三十百千萬億點 $%\n")
        + ["twenty", "fünf", "million", "Mio.", "mil", "K", "m", "ألف", "مليار"]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(NUMBERISH, st.sampled_from(["en", "de", "zh-Hant", "ar", "es", "ja"]))
def test_no_number_begins_or_ends_with_a_space(text, lang):
    """What percent's position sets rely on (reach.starts_behind): a number's first and
    last characters are never spaces."""
    norm = normalize(text)
    for x in scan_numbers(norm, get_profile(lang)):
        assert norm[x.start] not in " \u00a0\u202f" and norm[x.end - 1] not in " \u00a0\u202f"


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("७.८ प्रतिशत", "hi", 7.8),  # Devanagari
        ("৫০ শতাংশ", "bn", 50.0),  # Bengali
        ("๕๐ เปอร์เซ็นต์", "th", 50.0),  # Thai
        ("٥٠ في المئة", "ar", 50.0),  # Arabic-Indic
        ("۴۰ درصد", "fa", 40.0),  # Persian
    ],
)
def test_native_digits_of_any_numbering_system(text, lang, value):
    """Every decimal numbering system (Unicode Nd, CLDR's numeric systems) reads as digits;
    the fact's text is the text as written."""
    from generator.facts import extract_facts

    got = [(f.text, f.value) for f in extract_facts(text, lang) if f.type == "percent"]
    assert got == [(text, value)]


def test_normalize_maps_every_decimal_digit():
    import unicodedata

    for cp in range(0x80, 0x20000):
        ch = chr(cp)
        if unicodedata.category(ch) == "Nd":
            assert normalize(ch) == str(unicodedata.decimal(ch)), hex(cp)
