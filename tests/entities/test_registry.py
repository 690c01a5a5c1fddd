import os

from generator.entities import load_registry
from generator.entities.registry import DEFAULT_PATH, norm_key, slug_id


def test_default_registry_loads_and_ids_unique():
    reg = load_registry()
    assert len(reg) > 30
    assert len(set(reg.entities)) == len(reg.entities)
    musk = reg.entities["Q317521"]
    assert musk.type == "person" and musk.names["zh-Hant"] == "馬斯克"
    with open(DEFAULT_PATH, encoding="utf-8") as f:
        assert "HOW TO EXTEND" in f.read(2000)


def test_lookup_across_scripts():
    reg = load_registry()
    for name in ("馬斯克", "伊隆·馬斯克", "إيلون ماسك", "ماسك", "Elon Musk", "Musk"):
        assert reg.lookup(name).id == "Q317521", name
    for name in ("推特", "تويتر", "Twitter"):
        assert reg.lookup(name).id == "Q918", name
    assert reg.lookup("微軟").id == "Q2283"
    assert reg.lookup("nobody at all") is None


def test_slug_ids_and_keys():
    assert slug_id("Linda Yaccarino") == "x-linda-yaccarino"
    assert slug_id("馬斯克").startswith("x-masike-")
    assert norm_key("Maurice Lévy") == norm_key("maurice levy")
    assert norm_key("إيلون ماسك") == norm_key("ايلون ماسك")


def test_custom_registry(tmp_path):
    p = tmp_path / "reg.yml"
    p.write_text(
        "entities:\n  - name: Acme Widgets\n    type: organization\n    names: {de: Acme}\n", encoding="utf-8"
    )
    reg = load_registry(str(p))
    assert reg.lookup("Acme").id == "x-acme-widgets"
    assert os.path.exists(DEFAULT_PATH)
