"""A build on top of an earlier one (pages carried over, ingest from the memo) writes exactly
what a build from nothing writes."""

import os
import re

import pytest

from ..conftest import make_project, seed_files
from .test_bad_input import tree_hashes

pytestmark = pytest.mark.slow  # about fifteen generate runs of the seed corpus

LANGS = [{"code": "en"}, {"code": "ar"}]
ARGS = ("generate", "--no-embeddings", "-v")


def carried(proc) -> int:
    m = re.search(r"render: \d+ files, (\d+) unchanged", proc.stderr)
    assert m, proc.stderr[-2000:]
    return int(m.group(1))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """All five seeds, built once from nothing (own cache, no earlier content)."""
    project = make_project(tmp_path_factory.mktemp("fresh"), seed_files(), languages=LANGS)
    project.run(*ARGS, check=True)
    return tree_hashes(project.content / "generated")


def test_adding_an_article_renders_only_what_it_touches(tmp_path, fresh):
    seeds = seed_files()
    added = sorted(n for n in seeds if n.startswith("004"))
    project = make_project(tmp_path, {n: b for n, b in seeds.items() if n not in added}, languages=LANGS)
    first = project.run(*ARGS, check=True)
    assert carried(first) == 0  # nothing built before

    same = project.run(*ARGS, check=True)
    pages = sum(
        1
        for p in (project.content / "generated").rglob("*.md")
        if "/articles/" in p.as_posix() or "/events/e" in p.as_posix()
    )
    assert carried(same) >= pages - 2  # a rebuild of unchanged input renders (almost) nothing

    for name in added:
        (project.seeds / name).write_bytes(seeds[name])
    plus = project.run(*ARGS, check=True)
    assert 0 < carried(plus) < carried(same)
    # 003 and 004 are one story: 003's pages had to change, and the result is the fresh build's
    assert tree_hashes(project.content / "generated") == fresh


def test_an_edited_or_replaced_page_is_rendered_again(tmp_path, fresh):
    project = make_project(tmp_path, seed_files(), languages=LANGS)
    project.run(*ARGS, check=True)
    generated = project.content / "generated"
    page = next(p for p in sorted(generated.glob("en/articles/*.md")))
    with open(page, "a", encoding="utf-8") as fh:  # in place: same inode
        fh.write("\nhand edit\n")
    other = next(p for p in sorted(generated.glob("ar/articles/*.md")))
    text = other.read_bytes()
    other.unlink()
    other.write_bytes(text)  # same bytes, another file: not the one the manifest knows
    os.utime(page, ns=(0, 0))
    again = project.run(*ARGS, check=True)
    assert tree_hashes(generated) == fresh
    assert carried(again) > 0


def test_a_changed_article_changes_its_pages(tmp_path, fresh):
    seeds = seed_files()
    name = sorted(n for n in seeds if n.endswith(".txt"))[0]
    project = make_project(tmp_path, seeds, languages=LANGS)
    project.run(*ARGS, check=True)
    (project.seeds / name).write_bytes(seeds[name].replace(b"\n", b"\n\n", 3))  # same text, other bytes
    project.run(*ARGS, check=True)
    assert tree_hashes(project.content / "generated") == fresh
    title, rest = seeds[name].split(b"\n", 1)
    (project.seeds / name).write_bytes(
        title + b"\nSales rose by 12 % in the quarter, the company said.\n" + rest
    )
    project.run(*ARGS, check=True)
    changed = tree_hashes(project.content / "generated")
    assert changed != fresh
    assert any(changed.get(k) != v for k, v in fresh.items() if "/articles/" in k)


def test_a_damaged_manifest_only_costs_speed(tmp_path, fresh):
    import pickle

    from generator.carry import MANIFEST

    project = make_project(tmp_path, seed_files(), languages=LANGS)
    project.run(*ARGS, check=True)
    manifest = project.cache / MANIFEST
    data = pickle.loads(manifest.read_bytes())
    data["pages"] = {k: ("x",) for k in data["pages"]} | {"en/index.md": None}
    manifest.write_bytes(pickle.dumps(data))
    assert carried(project.run(*ARGS, check=True)) == 0
    assert tree_hashes(project.content / "generated") == fresh
    manifest.write_bytes(pickle.dumps(data | {"pages": sorted(data["pages"])}))  # not a mapping
    assert carried(project.run(*ARGS, check=True)) == 0
    manifest.write_bytes(b"\x80garbage")
    assert carried(project.run(*ARGS, check=True)) == 0
    assert carried(project.run(*ARGS, check=True)) > 0
