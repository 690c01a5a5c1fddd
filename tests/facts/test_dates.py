import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.facts import extract_facts

PUB = dt.date(2023, 4, 15)


def dates(text, lang, published=None):
    return [(f.text, f.value) for f in extract_facts(text, lang, published) if f.type == "date"]


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("於美東時間4月11日接受採訪", "zh-Hant", "--04-11"),
        ("2021年、在馬斯克接任前", "zh-Hant", "2021"),
        ("2023年4月11日", "zh", "2023-04-11"),
        ("去年10月", "zh-Hant", "--10"),  # no year invented without a publication date
        ("推特還要求微軟在6月份之前", "zh-Hant", "--06"),
        ("حتى 31 أوت", "ar", "--08-31"),  # Maghrebi month name (ar_DZ / ar_TN)
        ("منذ أكتوبر الماضي", "ar", "--10"),
        ("am 11. April 2023", "de", "2023-04-11"),
        ("on April 11, 2023", "en", "2023-04-11"),
        ("in October 2022", "en", "2022-10"),
        ("le 11 avril 2023", "fr", "2023-04-11"),
        ("el 11 de abril de 2023", "es", "2023-04-11"),
        ("in 2008", "en", "2008"),
    ],
)
def test_absolute_and_partial(text, lang, value):
    assert value in [v for _, v in dates(text, lang)], dates(text, lang)


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("去年10月，馬斯克", "zh-Hant", "2022-10"),
        ("last October", "en", "2022-10"),
        ("im vergangenen Oktober", "de", "2022-10"),
        ("منذ أكتوبر الماضي", "ar", "2022-10"),
        ("octobre dernier", "fr", "2022-10"),
        ("vor zwei Wochen", "de", "2023-04-01"),
        ("two weeks ago", "en", "2023-04-01"),
        ("قبل أسبوعين", "ar", "2023-04-01"),
        ("last year", "en", "2022"),
        ("上個月", "zh-Hant", "2023-03"),
    ],
)
def test_relative_with_published(text, lang, value):
    assert value in [v for _, v in dates(text, lang, PUB)], dates(text, lang, PUB)


def test_month_range_keeps_year():
    got = dates("去年9月至10月，推特", "zh-Hant", PUB)
    assert [v for _, v in got] == ["2022-09", "2022-10"]


def test_relative_without_published_has_no_value():
    assert dates("vor zwei Wochen", "de") == [("vor zwei Wochen", None)]


def test_times_of_day_are_not_dates():
    assert dates("at 10:30 on Monday", "en") == []


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Это было 3 года назад.", "ru", "2020"),
        ("hace 2 años", "es", "2021"),
        ("3年前に", "ja", "2020"),
        ("5년 전", "ko", "2018"),
        ("2 yıl önce", "tr", "2021"),
        ("10 दिन पहले", "hi", "2023-06-05"),
        ("3 lat temu", "pl", "2020"),
    ],
)
def test_cldr_relative_past(text, lang, value):
    pub = dt.date(2023, 6, 15)
    assert [(f.type, f.value) for f in extract_facts(text, lang, pub)] == [("date", value)]
    assert [f.value for f in extract_facts(text, lang) if f.type == "date"] == [None]  # no year invented


# Numeric dates (day-month-year, year-month-day, with digits of other lengths) and
# what may stand around and between them.
_NUM = st.sampled_from(["2020", "1999", "1850", "2101", "12", "31", "05", "5", "0", "123"])
_SEP = st.sampled_from([".", "-", "/", ".", " "])
_DATE = st.tuples(_NUM, _SEP, _NUM, _SEP, _NUM).map("".join)
DATE_CHARS = st.lists(st.one_of(_DATE, _NUM, _SEP, st.just("x")), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(DATE_CHARS)
def test_numeric_dates_are_finditer_from_the_separators(text):
    """numeric_dates finds exactly the matches finditer finds, trying each regex only
    where its separators stand."""
    from generator.facts.dates import _NUMERIC_DATES, numeric_dates

    for rx, seps, offsets in _NUMERIC_DATES:
        want = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in numeric_dates(text, rx, seps, offsets)] == want
