from generator.entities import resolve
from generator.entities.places import is_territory_id, lookup_place, territory_code
from generator.model import Mention


def test_one_territory_whatever_the_language():
    codes = {
        territory_code(n) for n in ("Frankreich", "France", "فرنسا", "وفرنسا", "法國", "法国", "Francia")
    }
    assert codes == {"FR"}
    e = lookup_place("Frankreich")
    assert e.type == "place" and e.name == "France"
    assert e.names["en"] == "France" and e.names["ar"] == "فرنسا" and e.names["zh-Hant"] == "法國"


def test_aliases_and_unknown_names():
    assert territory_code("USA") == "US" and territory_code("Amerika") == "US"
    assert territory_code("Frankreichs") == "FR"  # genitive
    assert territory_code("Paris") is None and territory_code("Musk") is None


def test_resolve_joins_territories_across_articles():
    mentions = {
        "a": ("de", [Mention(type="place", text="Frankreich", start=0, end=10)]),
        "b": ("ar", [Mention(type="place", text="فرنسا", start=0, end=5)]),
        "c": ("zh-Hant", [Mention(type="place", text="法國", start=0, end=2)]),
    }
    facts, entities = resolve(mentions)
    ids = {f.id for fs in facts.values() for f in fs}
    assert len(ids) == 1
    (eid,) = ids
    assert is_territory_id(eid)
    assert entities[eid].display_name("en") == "France"
    assert entities[eid].display_name("de") == "Frankreich"


def test_only_place_mentions_become_territories():
    mentions = {"a": ("en", [Mention(type="person", text="Georgia", start=0, end=7)])}
    facts, _ = resolve(mentions)
    assert not is_territory_id(facts["a"][0].id)


def test_one_character_chinese_names_of_countries():
    from generator.entities.places import lookup_place

    assert lookup_place("美").id == "x-cldr-US"
    assert lookup_place("華").id == "x-cldr-CN"
    assert lookup_place("中国").id == "x-cldr-CN"  # the longer aliases are kept
    assert lookup_place("澳") is None  # Macau or Australia: left out
