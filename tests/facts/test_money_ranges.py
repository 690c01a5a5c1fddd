import pytest

from generator.facts import extract_facts


def money(text, lang):
    return [(f.text, f.value, f.currency) for f in extract_facts(text, lang) if f.type == "money"]


@pytest.mark.parametrize(
    "text, lang, want",
    [
        # the currency before the lower end, the scale after the upper end: both on both
        ("worth $20-30 million", "en", [("$20", 2e7, "USD"), ("30 million", 3e7, "USD")]),
        ("a $20-$30 million loan", "en", [("$20", 2e7, "USD"), ("$30 million", 3e7, "USD")]),
        ("between $5 and $10 million", "en", [("$5", 5e6, "USD"), ("$10 million", 1e7, "USD")]),
        # the currency and the scale after the upper end
        ("20 to 30 million dollars", "en", [("20", 2e7, "USD"), ("30 million dollars", 3e7, "USD")]),
        ("entre 20 et 30 millions d'euros", "fr", [("20", 2e7, "EUR"), ("30 millions d'euros", 3e7, "EUR")]),
        ("zwischen 20 und 30 Millionen Euro", "de", [("20", 2e7, "EUR"), ("30 Millionen Euro", 3e7, "EUR")]),
        (
            "entre 20 y 30 millones de dólares",
            "es",
            [("20", 2e7, "USD"), ("30 millones de dólares", 3e7, "USD")],
        ),
        ("約20至30億元人民幣", "zh-Hant", [("20", 2e9, "CNY"), ("30億元人民幣", 3e9, "CNY")]),
        ("20～30億円", "ja", [("20", 2e9, "JPY"), ("30億円", 3e9, "JPY")]),
        # no scale: the ends as written, the currency on both
        ("€5 to 10 a share", "en", [("€5", 5.0, "EUR"), ("10", 10.0, "EUR")]),
    ],
)
def test_both_ends_of_a_money_range(text, lang, want):
    """A range of amounts gives both ends, with the currency and scale written once."""
    assert money(text, lang) == want


@pytest.mark.parametrize(
    "text, lang, want",
    [
        ("in 2010-2020 dollars", "en", [("2020 dollars", 2020.0, "USD")]),  # years, no range
        ("from $30 to 20 million", "en", [("$30", 30.0, "USD")]),  # descending: no range
        ("scored 3-2 and paid $5", "en", [("$5", 5.0, "USD")]),
        ("$500-$1 million", "en", [("$500", 500.0, "USD"), ("$1 million", 1e6, "USD")]),
        ("20 et 30 millions d'euros", "fr", [("30 millions d'euros", 3e7, "EUR")]),  # no "entre"
        (
            "3 dollars 50 cents to 5 dollars",
            "en",
            [("3 dollars 50 cents", 3.5, "USD"), ("5 dollars", 5.0, "USD")],
        ),
    ],
)
def test_no_money_range_without_one(text, lang, want):
    assert money(text, lang) == want


def test_an_article_before_a_dollar_sign_is_no_territory():
    """ "a $48 million contract" is dollars, not A$ (AUD); A$5 and "c $" still qualify."""
    assert money("won a $48.2 million contract", "en") == [("$48.2 million", 48.2e6, "USD")]
    assert money("paid A$5", "en") == [("A$5", 5.0, "AUD")]
    assert money("c $5 million", "en") == [("c $5 million", 5e6, "CAD")]
