from babel import Locale

from generator.model import Fact
from generator.render.formatting import format_fact, format_iso_date, language_name
from generator.render.i18n import translations

EN, DE, AR, ZH = (Locale.parse(x) for x in ("en", "de", "ar", "zh_Hant"))


def fmt(fact, loc):
    return format_fact(fact, loc, translations(str(loc)).gettext)


def test_money_is_compact_in_each_locale():
    f = Fact("money", "440億美元", 0, 7, value=44e9, currency="USD")
    assert fmt(f, EN) == "$44B"
    assert fmt(f, DE) == "44\xa0Mrd.\xa0$"
    assert fmt(f, ZH) == "US$440億"
    assert "مليار" in fmt(f, AR)


def test_small_money_is_not_compact():
    assert fmt(Fact("money", "8美元", 0, 3, value=8.0, currency="USD"), EN) == "$8.00"


def test_percent_and_qualifier_are_localized():
    f = Fact("percent", "fast 60 %", 0, 9, value=60.0, qualifier="approx")
    assert fmt(f, EN) == "about 60%"
    assert fmt(f, DE) == "etwa 60\xa0%"
    assert fmt(f, ZH) == "約60%"
    assert fmt(Fact("percent", "x", 0, 1, value=1e-6), DE) == "0,000001\xa0%"


def test_partial_dates_never_invent_a_year():
    assert format_iso_date("--04-11", EN) == "April 11"
    assert format_iso_date("--10", DE) == "Oktober"
    assert format_iso_date("2023-04", ZH) == "2023年4月"
    assert format_iso_date("2021", EN) == "2021"
    assert format_iso_date("2023-04-11", DE) == "11. April 2023"


def test_unparseable_values_fall_back_to_the_source_text():
    assert fmt(Fact("date", "someday", 0, 7, value="not-a-date"), EN) == "someday"


def test_language_names_come_from_cldr():
    assert language_name("ar", DE) == "Arabisch"
    assert language_name("zh-Hant", EN) == "Chinese (Traditional)"
    assert language_name("xx-unknown", EN)  # never raises
