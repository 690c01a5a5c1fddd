"""ingest_corpus through a Memo: the same articles and errors as without it, whatever changed."""
from pathlib import Path

from generator.cache import Memo
from generator.ingest import ingest_corpus

from ..conftest import seed_files

CHROME = "Readers can reach the newsroom by telephone every weekday."


def _write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def _both(seeds: Path, cache: Path):
    memo = Memo(cache, "ingest", "test")
    with_memo = ingest_corpus(seeds, memo)
    memo.save()
    return with_memo, ingest_corpus(seeds)


def test_memo_gives_what_a_fresh_ingest_gives(tmp_path):
    seeds = tmp_path / "seeds"
    _write(seeds, seed_files() | {"bad.txt": b"\x00\x01\x02" * 50, "x.txt": b"Title\n\nBody text here.\n",
                                  "x.yml": b"published: 2024-13-45\n"})
    cold, fresh = _both(seeds, tmp_path / "cache")
    assert cold == fresh
    warm, fresh = _both(seeds, tmp_path / "cache")  # now every entry comes from the pickle
    assert warm == fresh
    assert [e.source for e in warm[1]] == [e.source for e in cold[1]]
    assert any(e.source == "bad.txt" for e in warm[1]) and any(e.source == "x.yml" for e in warm[1])


def test_a_new_file_that_repeats_a_line_recleans_the_old_article(tmp_path):
    """The line at the foot of the text becomes corpus chrome only when a second, different
    body has it: the memo must see that."""
    seeds = tmp_path / "seeds"
    body = "A council vote on the new bridge passed on Monday after a long debate.\n"
    _write(seeds, {"a.txt": f"Bridge vote\n\n{body}\n{body.replace('Monday', 'Friday')}\n{CHROME}\n".encode()})
    memo = Memo(tmp_path / "cache", "ingest", "t")
    (one,), _ = ingest_corpus(seeds, memo)
    memo.save()
    assert CHROME in one.body
    _write(seeds, {"b.txt": f"Budget approved\n\nThe budget for next year was approved today.\n\nIt takes effect in May.\n\n{CHROME}\n".encode()})
    memo = Memo(tmp_path / "cache", "ingest", "t")
    articles, errors = ingest_corpus(seeds, memo)
    assert (articles, errors) == ingest_corpus(seeds)
    assert all(CHROME not in a.body for a in articles)


def test_a_corrupt_or_foreign_memo_file_is_an_empty_table(tmp_path):
    seeds = tmp_path / "seeds"
    _write(seeds, seed_files())
    memo = Memo(tmp_path / "cache", "ingest", "v1")
    ingest_corpus(seeds, memo)
    memo.save()
    memo.path.write_bytes(b"not a pickle")
    assert ingest_corpus(seeds, Memo(tmp_path / "cache", "ingest", "v1")) == ingest_corpus(seeds)
    memo.path.write_bytes(__import__("pickle").dumps(["a", "list"]))
    assert Memo(tmp_path / "cache", "ingest", "v1").old == {}


def test_save_keeps_only_this_runs_keys_and_drops_other_versions(tmp_path):
    m = Memo(tmp_path, "ingest", "v1")
    m.put("a", 1)
    m.put("b", 2)
    m.save()
    m = Memo(tmp_path, "ingest", "v1")
    assert m.get("a") == 1
    m.save()  # only "a" was used
    assert Memo(tmp_path, "ingest", "v1").old == {"a": 1}
    m2 = Memo(tmp_path, "ingest", "v2")
    assert m2.get("a") is None
    m2.put("c", 3)
    m2.save()
    assert sorted(p.name for p in tmp_path.glob("*.pickle")) == ["ingest-v2.pickle"]
