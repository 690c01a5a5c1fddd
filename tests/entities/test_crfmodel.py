import pycrfsuite
import pytest

from generator.entities.crfmodel import ModelFormatError, attributes_of, model_attributes
from generator.entities.tagger import model_path


def _train(path) -> None:
    tr = pycrfsuite.Trainer(verbose=False)
    tr.append([["w=olaf", "sh=Xx"], ["w=sagte", "ünï=ç"]], ["B-person", "O"])
    tr.append([["w=berlin", "sh=Xx"], ["w=ist"]], ["B-place", "O"])
    tr.set_params({"max_iterations": 5})
    tr.train(str(path))


def test_attributes_are_those_the_tagger_knows(tmp_path):
    path = tmp_path / "m.crfsuite"
    _train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    from_dump = {a for a, _label in tagger.info().state_features}
    got = model_attributes(str(path))
    assert from_dump <= got and "ünï=ç" in got and "w=nowhere" not in got


def test_shipped_model_is_readable():
    assert "b" in model_attributes(model_path("de"))


def test_not_a_model_names_the_reason(tmp_path):
    with pytest.raises(ModelFormatError, match="bad.bin: not a crfsuite"):
        attributes_of(b"x" * 64, "bad.bin")
    with pytest.raises(ModelFormatError, match="too short"):
        attributes_of(b"lCRF", "m")
