"""Key facts ranked: title, lead, repetition, entities and size first; duplicates merged."""

from datetime import date

from generator.model import Fact
from generator.render.keyfacts import rank_facts, split_top, unanchored_relative
from generator.text import sentence_spans

BODY = (
    "Musk kauft Twitter für 44 Milliarden Dollar. Die Werbeeinnahmen fielen um 60 %. "
    "Im Saal saßen 300 Gäste. Später sagte jemand, 5 % seien Bots. "
    "Die Werbeeinnahmen fielen um 60 %, wiederholte Musk."
)


def fact(kind, text, nth=0, **kw):
    i = -1
    for _ in range(nth + 1):
        i = BODY.index(text, i + 1)
    return Fact(kind, text, i, i + len(text), **kw)


FACTS = [
    fact("money", "44 Milliarden Dollar", value=44e9, currency="USD"),
    fact("percent", "60 %", value=60.0),
    fact("quantity", "300 Gäste", value=300.0, unit="guests"),
    fact("percent", "5 %", value=5.0),
    fact("percent", "60 %", nth=1, value=60.0),
    fact("person", "Musk", nth=1, name="Elon Musk", id="Q317521"),
]


def ranked(title="Twitter verliert Werbung", facts=FACTS):
    spans = sentence_spans(BODY)
    return rank_facts(facts, title, spans, lead_end=spans[1][1])


def test_duplicates_are_merged_and_counted():
    r = ranked()
    keys = [x.fact.key for x in r]
    assert len(keys) == len(set(keys)) == 4  # the person is no key figure
    sixty = next(x for x in r if x.fact.value == 60.0)
    assert sixty.count == 2 and sixty.fact.start == BODY.index("60 %")


def test_lead_repeated_and_large_first():
    order = [x.fact.text for x in ranked()]
    assert order[:2] == ["44 Milliarden Dollar", "60 %"] or order[:2] == ["60 %", "44 Milliarden Dollar"]
    assert order.index("5 %") > order.index("300 Gäste") or order[-1] == "5 %"


def test_a_figure_in_the_title_comes_first():
    order = [x.fact.text for x in ranked(title="Nur 5 % sind Bots")]
    assert order[0] == "5 %"


def test_a_figure_tied_to_an_entity_rises():
    without = {x.fact.text: x.score for x in ranked(facts=FACTS[:-1])}
    with_entity = {x.fact.text: x.score for x in ranked()}
    assert with_entity["60 %"] > without["60 %"]  # Musk is named in its second sentence
    assert with_entity["300 Gäste"] == without["300 Gäste"]


def test_split_keeps_rank_order():
    top, rest = split_top(ranked(), top=2)
    assert len(top) == 2 and len(rest) == 2
    assert [x.score for x in top + rest] == sorted((x.score for x in top + rest), reverse=True)


def test_unresolved_facts_are_left_out():
    unresolved = Fact("date", "vor zwei Wochen", 0, 5, value=None)
    assert all(x.fact is not unresolved for x in ranked(facts=FACTS + [unresolved]))


def test_relative_dates_need_a_publication_date():
    last_october = Fact("date", "去年10月", 0, 5, value="--10")
    october = Fact("date", "10月", 0, 3, value="--10")
    assert unanchored_relative(last_october, "zh-Hant", None)
    assert not unanchored_relative(october, "zh-Hant", None)  # a plain month is no relative date
    resolved = Fact("date", "去年10月", 0, 5, value="2022-10")
    assert not unanchored_relative(resolved, "zh-Hant", date(2023, 4, 12))
    assert unanchored_relative(Fact("date", "last October", 0, 12, value="--10"), "en", None)


def test_stated_answers_what_the_digit_bounded_pattern_answers():
    import random
    import re

    from generator.render.keyfacts import _stated

    rng = random.Random(7)
    alphabet = "12 3,.%a١٢５-"  # ASCII, Arabic-Indic and full-width digits are all \d
    cases = [("12", "112 units"), ("12", "a 12% rise"), ("5", "5"), ("١٢", "x١٢٣"), ("3", "33 and 3")]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
        title = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        cases.append((text, title))
    for text, title in cases:
        expected = bool(re.search(rf"(?<!\d){re.escape(text)}(?!\d)", title))
        assert _stated(text, title) is expected, (text, title)
