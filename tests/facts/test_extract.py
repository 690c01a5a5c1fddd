"""Properties of the public API: offsets, order, overlaps, robustness."""

import contextlib
import datetime as dt
import logging
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
ALPHABET = st.sampled_from(
    list(
        "0123456789٠١٢٣٤٥٦٧٨٩０１２３４５６７８９.,،٫٬，．%٪％ -–:/$€£¥￥₭"
        "一二三四五六七八九十百千萬万億亿兆兩两零〇点點成折分之年月日號名個次元美台幣"
        "مليارألفآلافدولارفيالمئةبنسبة"
        "abcdefghijklmnopqrstuvwxyzMBKTmillionbillionProzentMrd.Euro\n\u200e\u061c\u00a0"
    )
)


def check(text, facts):
    last = (-1, -1)
    for f in facts:
        assert f.type in NUMERIC_TYPES
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
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
    with no_logged_errors():
        check(text, extract_facts(text, lang))


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=120),
    st.sampled_from(LANGS),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
)
def test_never_raises_on_any_unicode(text, lang, published):
    with no_logged_errors():
        check(text, extract_facts(text, lang, published))


# Pieces that stress the scanner: long digit runs, scale words and currencies of several
# scripts, spelled numbers, unpaired surrogates (str can hold them; files decoded with
# surrogateescape do).
PIECES = st.one_of(
    st.integers(min_value=1, max_value=10_000).map(lambda n: "9" * n),
    st.integers(min_value=1, max_value=10_000).map(lambda n: "三" * n),
    st.sampled_from(
        [
            "1,234.5",
            "4.000",
            "12 500",
            "三百萬",
            "440億",
            "٤٤ مليار",
            "60٪",
            "yüzde",
            "процентов",
            "тысяч",
            "Milliarden",
            "百分之",
            "割",
            "성",
            "억",
            "$",
            "€",
            "kr",
            "US$",
            "USD",
            "\ud800",
            "\udfff",
            "\u200f",
            "\u0301",
            "%",
            "‰",
            " ",
            "\n",
            "twenty-one",
            "mille",
            "एक",
            "ร้อย",
            "כ",
            "coma",
            "minus",
        ]
    ),
    st.text(max_size=8),
)
MIXED_LANGS = LANGS + ["ru", "tr", "ko", "hi", "th", "he", "fa", "sv", "id", "vi"]


@settings(max_examples=100, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.sampled_from(MIXED_LANGS))
def test_offsets_point_at_text_for_long_runs_mixed_scripts_and_surrogates(text, lang):
    with no_logged_errors():
        check(text, extract_facts(text, lang))


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextlib.contextmanager
def no_logged_errors():
    """Fail when extract_facts logged an internal error (it returns [] rather than raise)."""
    handler = _Collect()
    logger = logging.getLogger("generator.facts")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    assert not handler.records, handler.records[0].getMessage()


def test_ten_thousand_digit_run():
    text = "Revenue was " + "7" * 10_000 + " million dollars and " + "1" * 10_000 + "%, then 5%."
    with no_logged_errors():
        facts = extract_facts(text, "en")
    check(text, facts)
    assert ("percent", 5.0) in [(f.type, f.value) for f in facts]  # no error lost the article
    assert all(abs(f.value) < 1e21 for f in facts)  # the 10,000-digit runs are no figures


@pytest.mark.parametrize("bad", [None, 42, b"bytes"])
def test_bad_inputs(bad):
    assert extract_facts(bad, "en") == []
    # a language that is not a tag reads the text as an unknown language would
    assert [(f.type, f.value) for f in extract_facts("12%", bad)] == [("percent", 12.0)]


@pytest.mark.parametrize(
    "name, lang",
    [
        ("000_9e3564d4c2153551.txt", "zh-Hant"),
        ("001_e156b01c1481eb5d.txt", "ar"),
        ("002_3d7097a96271a5e7.txt", "zh-Hant"),
        ("003_2e98eeee97839e2c.txt", "ar"),
        ("004_2af2013fb0c89e17.txt", "de"),
    ],
)
def test_seed_articles_are_consistent(name, lang):
    text = (SEEDS / name).read_text(encoding="utf-8")
    check(text, extract_facts(text, lang, dt.date(2023, 6, 15)))


def test_seed_000_key_figures():
    text = (SEEDS / "000_9e3564d4c2153551.txt").read_text(encoding="utf-8")
    text = text[: text.index("往下滑看下一篇文章")]
    got = {(f.type, f.value, f.currency, f.qualifier) for f in extract_facts(text, "zh-Hant")}
    for item in [
        ("money", 44e9, "USD", None),
        ("money", 71e6, "USD", None),
        ("money", 7.6e6, "USD", None),
        ("money", 8.0, "USD", None),
        ("percent", 80.0, None, "approx"),
        ("percent", 89.0, None, None),
        ("date", "--04-11", None, None),
        ("date", "--10", None, None),
    ]:
        assert item in got, item


def test_large_text_leaves_the_garbage_collector_as_it_was():
    import gc

    from generator.facts import GC_PAUSE_CHARS

    text = "3 million $5, 12% " * (GC_PAUSE_CHARS // 10)
    assert gc.isenabled()
    facts = extract_facts(text, "en")
    assert gc.isenabled() and len(facts) > 1000
    gc.disable()
    try:
        extract_facts(text, "en")
        assert not gc.isenabled()  # not switched on behind the caller's back
    finally:
        gc.enable()


def test_facts_are_the_facts_init_would_make():
    """extract_facts builds Facts without __init__ (speed): they equal, hash, compare
    and stay frozen as Fact(...) does."""
    import dataclasses

    from generator.model import Fact

    got = extract_facts("It cost $5, up 20%.", "en")
    made = [Fact(**{k: getattr(f, k) for k in (x.name for x in dataclasses.fields(Fact))}) for f in got]
    assert got == made and [hash(f) for f in got] == [hash(f) for f in made]
    assert [f.to_json() for f in got] == [f.to_json() for f in made]
    with pytest.raises(dataclasses.FrozenInstanceError):
        got[0].value = 1.0  # type: ignore[misc]


def _choose_all_at_once(cands, n):
    """The reference _choose: every candidate by priority, kept when it overlaps none
    kept before it (what _choose did before it settled clusters only)."""
    from generator.facts import PRIORITY

    order = sorted(cands, key=lambda c: (PRIORITY[c.type], c.start - c.end, c.start))
    kept = []
    occupied = bytearray(n + 1)
    for c in order:
        if c.end <= c.start or c.start < 0 or c.end > n or occupied.find(1, c.start, c.end) != -1:
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


SPANS = st.tuples(
    st.sampled_from(["money", "percent", "date", "quantity"]),
    st.integers(-2, 40),
    st.integers(-2, 42),
    st.integers(0, 3),  # tells apart candidates of one span and type
)


@settings(max_examples=300, deadline=None)
@given(st.lists(SPANS, max_size=30))
def test_choose_settles_clusters_as_all_at_once(spans):
    """_choose settles only the clusters of overlapping candidates: the same candidates,
    in the same order, as settling all of them at once by priority."""
    from generator.facts import _choose
    from generator.facts.candidate import Candidate

    cands = [Candidate(t, s, e, value=v) for t, s, e, v in spans]
    want = _choose_all_at_once(list(cands), 40)
    got = _choose(list(cands), 40)
    assert [id(c) for c in got] == [id(c) for c in want]


@pytest.mark.parametrize("small", [0, 1_000])
def test_choose_both_ways_of_settling_agree(small, monkeypatch):
    """A cluster is settled pairwise when small, by an occupancy map when long (a chain of
    overlaps, as a crafted text makes): either way what settling all at once gives."""
    import random

    import generator.facts as facts
    from generator.facts.candidate import Candidate

    monkeypatch.setattr(facts, "_SMALL_CLUSTER", small)
    rng = random.Random(7)
    for _ in range(200):
        cands = []
        for k in range(rng.randrange(1, 40)):
            s = rng.randrange(0, 60)
            cands.append(
                Candidate(
                    rng.choice(["money", "percent", "date", "quantity"]), s, s + rng.randrange(1, 8), value=k
                )
            )
        want = _choose_all_at_once(list(cands), 70)
        got = facts._choose(list(cands), 70)
        assert [id(c) for c in got] == [id(c) for c in want]
    chain = [Candidate("quantity", i, i + 2, value=i) for i in range(5_000)]  # each overlaps the next
    got = facts._choose(list(chain), 5_002)
    assert [c.start for c in got] == list(range(0, 5_000, 2))
