"""resolve never raises, whatever it is given (regression: KeyError(('R', 'Q483959')))."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.entities import load_registry, resolve
from generator.entities.registry import RegEntity, Registry
from generator.entities.resolver import _resolve  # the real path, without the last-resort fallback
from generator.model import Mention


def M(t, text, s=0, alias=None):
    return Mention(type=t, text=text, start=s, end=s + len(text), alias=alias)


def _check(mentions, facts, ents):
    for aid, fs in facts.items():
        for f in fs:
            assert f.id in ents, (aid, f)
            assert isinstance(f.start, int) and isinstance(f.end, int) and 0 <= f.start < f.end
            assert f.type in ("person", "organization", "place")
            assert ents[f.id].type == f.type


def test_registry_entity_met_only_as_cross_script_candidate():
    # An Arabic organization whose consonant skeleton (PL) equals that of a registry name
    # (PayPal) no article mentions: the candidate node was never added to the union-find.
    reg = Registry([RegEntity(id="Q483959", type="organization", name="PayPal")])
    mentions = {"a": ("ar", [M("organization", "بول")]), "b": ("zh", [M("organization", "波尔")])}
    facts, ents = _resolve(mentions, reg)
    _check(mentions, facts, ents)
    assert "Q483959" not in ents  # short skeleton, no second signal: not merged, not listed
    assert len(facts["a"]) == 1 and len(facts["b"]) == 1


def test_strong_cross_script_match_to_unmentioned_registry_entity():
    reg = Registry(
        [
            RegEntity(id="Q1", type="person", name="Linda Yaccarino"),
            RegEntity(id="Q2", type="person", name="Nobody Mentioned"),
        ]
    )
    facts, ents = _resolve({"a": ("ar", [M("person", "ليندا ياكارينو")])}, reg)
    assert facts["a"][0].id == "Q1"
    assert set(ents) == {"Q1"}


def test_default_registry_short_skeleton_org():
    facts, ents = _resolve(
        {"a": ("ar", [M("organization", "بول")]), "b": ("zh-Hans", [M("organization", "波尔")])},
        load_registry(),
    )
    _check(None, facts, ents)


def test_odd_article_ids_and_mentions():
    bad = Mention(type="person", text="X", start=5, end=2)
    facts, ents = _resolve(
        {
            1: ("de", [M("person", "Anna Schmidt"), M("person", "Schmidt", 20)]),
            "1": ("en", [M("person", "Anna Schmidt"), bad, None, "junk"]),
            (2, 3): None,
            None: ("ar", 5),
        },
        Registry([]),
    )
    _check(None, facts, ents)
    assert {f.id for f in facts[1]} == {"x-anna-schmidt"}
    assert len(facts["1"]) == 1


# ---------------------------------------------------------------- random mention sets
_LATIN = st.text(alphabet=string.ascii_letters + "äöüéß -'.", min_size=1, max_size=18)
_HAN = st.text(
    alphabet="馬斯克納德拉薩蒂亞·伊隆推特微軟蘋果波尔巴布罗中国北京上海李王张", min_size=1, max_size=6
)
_ARABIC = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ةىأإآ", min_size=1, max_size=14)
_CYR = st.text(alphabet="абвгдежзийклмнопрстуфхцчшщ ", min_size=1, max_size=12)
_KNOWN = st.sampled_from(
    [
        "Elon Musk",
        "Musk",
        "馬斯克",
        "إيلون ماسك",
        "PayPal",
        "Apple",
        "بول",
        "波尔",
        "Twitter",
        "تويتر",
        "VivaTech",
        "ChatGPT",
        "Linda Yaccarino",
        "ليندا ياكارينو",
        "Satya Nadella",
        "纳德拉",
        "Paris",
        "باريس",
        "Musks",
        "ماسك",
    ]
)
_NAME = st.one_of(_LATIN, _HAN, _ARABIC, _CYR, _KNOWN)
_TYPE = st.sampled_from(["person", "organization", "place", "other", "PER", ""])


@st.composite
def _mention(draw):
    text = draw(_NAME)
    start = draw(st.integers(min_value=0, max_value=500))
    alias = draw(st.one_of(st.none(), _NAME))
    return Mention(type=draw(_TYPE), text=text, start=start, end=start + len(text), alias=alias)


_ARTICLES = st.dictionaries(
    st.one_of(st.text(alphabet="abc0123", min_size=1, max_size=4), st.integers(0, 5)),
    st.tuples(
        st.sampled_from(["en", "de", "zh-Hant", "zh-Hans", "zh", "ar", "fr", "", "xx"]),
        st.lists(_mention(), max_size=12),
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ARTICLES)
def test_resolve_random_mentions_never_raises(mentions):
    for reg in (load_registry(), Registry([])):
        facts, ents = _resolve(mentions, reg)
        assert set(facts) == set(mentions)
        _check(mentions, facts, ents)
        for aid, fs in facts.items():
            given_spans = {(m.start, m.end, m.text) for m in mentions[aid][1]}
            for f in fs:
                assert (f.start, f.end, f.text) in given_spans


def test_public_resolve_survives_non_dict_input():
    for junk in (None, 5, "abc", [("de", [])], {"a": "xyz"}):
        facts, ents = resolve(junk, Registry([]))
        assert isinstance(facts, dict) and isinstance(ents, dict)
