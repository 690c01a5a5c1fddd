import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

import train_ner  # noqa: E402


def test_europeana_files_are_cut_into_sentences_and_their_tags_normalized(tmp_path):
    f = tmp_path / "enp.bio"
    f.write_text(
        "# file: F_SBB_1\nHerr O\nGambetta B-PEr\nkam O\nnach O\nBerlin B-LOC\n. O\n"
        "Die O\nWiener B-ORG\nZeitung I-ORG\nschrieb O\nes O\n??? O\n",
        encoding="utf-8",
    )
    got = train_ner.read("enp", str(f))
    assert got == [
        (["Herr", "Gambetta", "kam", "nach", "Berlin", "."], ["O", "B-person", "O", "O", "B-place", "O"]),
        (
            ["Die", "Wiener", "Zeitung", "schrieb", "es", "???"],
            ["O", "B-organization", "I-organization", "O", "O", "O"],
        ),
    ]


def test_a_europeana_run_without_a_sentence_end_is_cut_at_the_cap(tmp_path):
    f = tmp_path / "enp.bio"
    f.write_text("".join(f"w{i} O\n" for i in range(train_ner.ENP_MAX + 5)), encoding="utf-8")
    got = train_ner.read("enp", str(f))
    assert [len(toks) for toks, _ in got] == [train_ner.ENP_MAX, 5]


def test_corpus_files_keep_each_file_apart_for_the_states_cache(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Ali B-PERS\nقال O\n\nبغداد B-LOC\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("مصر B-LOC\n", encoding="utf-8")
    monkeypatch.setitem(train_ner.CORPORA, "ar", [("conll", "a.txt"), ("conll", "b.txt")])
    files = train_ner.corpus_files("ar", str(tmp_path))
    assert [(name, len(s)) for name, s in files] == [("a.txt", 2), ("b.txt", 1)]
    assert train_ner.sentences("ar", str(tmp_path), cap=1) == [
        (["Ali", "قال"], ["B-person", "O"]),
        (["مصر"], ["B-place"]),
    ]
