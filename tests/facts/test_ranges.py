import pytest

from generator.facts import extract_facts
from generator.facts._locale import get_profile, normalize
from generator.facts.numbers import scan_numbers
from generator.facts.ranges import is_range, range_words


def percents(text, lang):
    return [(f.text, f.value) for f in extract_facts(text, lang) if f.type == "percent"]


@pytest.mark.parametrize(
    "text, lang, lower",
    [
        ("20–30 %", "de", "20"),
        ("20-30%", "en", "20"),
        ("between 20 and 30 percent of voters", "en", "20"),
        ("from 10 to 15 per cent", "en", "10"),
        ("entre 20 et 30 %", "fr", "20"),
        ("de 20 à 30 %", "fr", "20"),
        ("del 20 al 30 por ciento", "es", "20"),
        ("zwischen 5 und 7 Prozent", "de", "5"),
        ("от 20 до 30 %", "ru", "20"),
        ("二十~三十パーセント", "ja", "二十"),
        ("二十から三十パーセント", "ja", "二十"),
        ("20至30%", "zh-Hant", "20"),
        ("20 ~ 30 %", "ko", "20"),  # the CLDR range sign of a language without range words
    ],
)
def test_both_ends_of_a_percent_range(text, lang, lower):
    """A range gives both ends, the lower one with the upper one's unit."""
    got = percents(text, lang)
    assert len(got) == 2
    assert got[0][0] == lower
    assert got[0][1] < got[1][1]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("in 2019-20% rose", "en"),  # descending: no range of 2019 to 20
        ("fell 5 to 3%", "en"),
        ("2 points to 30%", "en"),  # a word between that is no range word
        ("20 et 30 %", "fr"),  # "et" joins a range only after "entre"
    ],
)
def test_no_range_without_a_range_between(text, lang):
    assert len(percents(text, lang)) == 1


def test_a_percent_on_both_ends_is_not_doubled():
    assert percents("rose 20% to 30%", "en") == [("20%", 20.0), ("30%", 30.0)]


def test_is_range_reads_the_gap():
    text = "20 bis 30"
    nums = scan_numbers(normalize(text), get_profile("de"))
    assert is_range(normalize(text), nums[0], nums[1], range_words("de", "de"))
    assert not is_range(normalize(text), nums[1], nums[0], range_words("de", "de"))


@pytest.mark.parametrize(
    "text, lang, want",
    [
        ("增長百分之二十到三十", "zh-Hant", [("百分之二十", 20.0), ("三十", 30.0)]),
        ("百分之五至八的人", "zh", [("百分之五", 5.0), ("八", 8.0)]),
        ("百分之20~30", "zh", [("百分之20", 20.0), ("30", 30.0)]),
        ("增長百分之二十至百分之三十", "zh-Hant", [("百分之二十", 20.0), ("百分之三十", 30.0)]),
        ("百分之三十到二十", "zh", [("百分之三十", 30.0)]),  # descending: no range
    ],
)
def test_a_fraction_opens_a_range(text, lang, want):
    """百分之二十到三十: the marker before the lower end stands for both ends."""
    assert percents(text, lang) == want


def test_remembered_gaps_read_as_the_first_time():
    """joins remembers what a gap text makes (a sign, a joiner needing its opener, or
    nothing); the opener is still looked for before each lower end."""
    from generator.facts.ranges import joins, range_words

    words = range_words("en", "en")
    text = "between 5 and 7, 8 and 9, 10-12, 13 to 14"

    def ends(lo: str, up: str) -> tuple[int, int, int]:
        a = text.index(lo)
        return a, a + len(lo), text.index(up, a + len(lo))

    for _ in range(2):  # the second time from the memo
        assert joins(text, *ends("5", "7"), words)  # "between 5 and 7"
        assert not joins(text, *ends("8", "9"), words)  # "8 and 9": no opener
        assert joins(text, *ends("10", "12"), words)  # "10-12"
        assert joins(text, *ends("13", "14"), words)  # "13 to 14"
    assert " and " in words.gaps and words.gaps[" and "] not in (True, None)
