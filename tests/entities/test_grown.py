import yaml

from generator.entities.grown import dump_generated, grown_entries, merge_generated, read_generated
from generator.entities.registry import DEFAULT_PATH, with_generated
from generator.model import Entity, Fact


def _fact(eid, text, start=0):
    return Fact(type="person", text=text, start=start, end=start + len(text), name=text, id=eid)


ENTS = {
    "x-ada-lovelace": Entity(
        id="x-ada-lovelace", type="person", name="Ada Lovelace", names={"en": "Ada Lovelace"}
    ),
    "x-once": Entity(id="x-once", type="person", name="Once Only"),
}
FACTS = {
    "a1": [_fact("x-ada-lovelace", "Ada Lovelace"), _fact("x-once", "Once Only", 20)],
    "a2": [_fact("x-ada-lovelace", "Lovelace")],
    "a3": [_fact("x-ada-lovelace", "Ada Lovelace"), _fact("x-once", "Once Only", 20)],
}
LANGS = {"a1": "en", "a2": "de", "a3": "en"}


def test_two_stories_needed_events_count_once():
    out = grown_entries(FACTS, ENTS, LANGS, {"a1": "e1", "a3": "e1"}, known=set())
    assert [d["id"] for d in out] == ["x-ada-lovelace"]  # x-once: a1 and a3 are one event
    d = out[0]
    assert d["stories"] == 2 and d["reviewed"] is False and d["aliases"] == {"de": ["Lovelace"]}
    assert grown_entries(FACTS, ENTS, LANGS, {}, known={"x-ada-lovelace"})[0]["id"] == "x-once"


def test_merge_keeps_reviewed_edits_and_output_is_stable(tmp_path):
    fresh = grown_entries(FACTS, ENTS, LANGS, {}, known=set())
    edited = dict(fresh[0], name="Augusta Ada King", reviewed=True, stories=1)
    merged = merge_generated([edited, {"id": "x-gone", "reviewed": False}], fresh)
    assert [d["id"] for d in merged] == ["x-ada-lovelace", "x-once"]
    assert merged[0]["name"] == "Augusta Ada King" and merged[0]["stories"] == 3
    assert dump_generated(merged) == dump_generated(merge_generated(merged, fresh))
    path = tmp_path / "gen.yml"
    path.write_text(dump_generated(merged), encoding="utf-8")
    assert read_generated(str(path)) == merged


def test_only_reviewed_entries_reach_the_registry(tmp_path):
    path = tmp_path / "gen.yml"
    entries = [
        {"id": "x-ada-lovelace", "type": "person", "name": "Ada Lovelace", "qid": "Q7259", "reviewed": True},
        {"id": "x-unreviewed", "type": "person", "name": "Nobody Checked", "reviewed": False},
        {"id": "x-clash", "type": "person", "name": "Elon Musk", "reviewed": True},
    ]
    path.write_text(yaml.safe_dump({"entities": entries}), encoding="utf-8")
    reg = with_generated(DEFAULT_PATH, str(path))
    assert reg.lookup("Ada Lovelace").id == "Q7259"
    assert reg.lookup("Nobody Checked") is None
    assert reg.lookup("Elon Musk").id == "Q317521"  # the hand registry wins
