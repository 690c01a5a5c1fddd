"""`briefing build` on an existing site (generator/build.py): an incremental update through
MkDocs' dirty build gives the site a full build gives, search index included."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from .conftest import make_project, seed_files
from .e2e.test_bad_input import leftovers, tree_hashes

LANGS = [{"code": "en"}, {"code": "zh-Hant"}]  # zh-Hant: the jieba-segmented index
# With a site_url MkDocs' own sitemap lists every page: the dirty build, which leaves the
# unchanged pages out of its Files, must still list them all (render/mkdocs_hooks.py).
ARGS = ("build", "--no-embeddings", "--progress", "--site-url", "https://example.org/briefing/")


def added_names(seeds: dict) -> list[str]:
    return sorted(n for n in seeds if n.startswith("004"))


def mode(proc) -> str:
    line = proc.stderr.strip().splitlines()[-1]
    assert line.startswith("briefing: "), proc.stderr[-2000:]
    return "incremental" if "incremental update" in line else "full" if "full build" in line else "?"


def index_locations(site, lang: str) -> list[str]:
    data = json.loads((site / lang / "search" / "search_index.json").read_bytes())
    return [d["location"] for d in data["docs"]]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """Every seed, built once from nothing: the site an update must give."""
    project = make_project(tmp_path_factory.mktemp("fresh"), seed_files(), languages=LANGS)
    assert mode(project.run(*ARGS, check=True)) == "full"
    return tree_hashes(project.site)


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    """A site of the seeds without 004, then 004 added (incremental), the state after each."""
    seeds = seed_files()
    project = make_project(
        tmp_path_factory.mktemp("updated"),
        {n: b for n, b in seeds.items() if n not in added_names(seeds)},
        languages=LANGS,
    )
    first = project.run(*ARGS, check=True)
    before = tree_hashes(project.site)
    for name in added_names(seeds):
        (project.seeds / name).write_bytes(seeds[name])
    plus = project.run(*ARGS, check=True)
    return project, first, before, plus, tree_hashes(project.site)


def test_adding_an_article_updates_the_site_to_the_full_builds(updated, fresh):
    project, first, _, plus, after = updated
    assert mode(first) == "full" and mode(plus) == "incremental"
    assert "pages rebuilt" in plus.stderr
    differ = sorted(k for k in set(after) | set(fresh) if after.get(k) != fresh.get(k))
    assert differ == []  # every page, both search indexes and MkDocs' sitemaps, byte for byte
    assert leftovers(project) == []
    sitemap = (project.site / "en" / "sitemap.xml").read_text(encoding="utf-8")
    articles = [k[len("en/") :] for k in after if k.startswith("en/articles/") and k.endswith(".html")]
    assert articles and all(f"/briefing/en/{page}</loc>" in sitemap for page in articles)


def test_the_new_article_is_found_in_search(updated):
    project = updated[0]
    page = next(p.stem for p in (project.seeds).glob("004*.txt"))
    for lang in ("en", "zh-Hant"):
        assert any(loc.startswith(f"articles/{page}") for loc in index_locations(project.site, lang))
    # Its German text is indexed in no site language (its title, facts and names are).
    data = json.loads((project.site / "en" / "search" / "search_index.json").read_bytes())
    title = (project.seeds / f"{page}.txt").read_text(encoding="utf-8").splitlines()[0].strip()
    assert any(
        d["location"] == f"articles/{page}.html" and html.unescape(d["title"]) == title for d in data["docs"]
    )


def test_only_the_touched_pages_are_rebuilt(updated):
    project, _, before, _, after = updated
    rebuilt = sum(int(x) for x in re.findall(r"(\d+) pages rebuilt", updated[3].stderr))
    pages = sum(1 for k in after if k.endswith(".html"))
    assert 0 < rebuilt < pages
    unchanged = [k for k in before if k.endswith(".html") and "/articles/" in k and before[k] == after.get(k)]
    assert unchanged  # the other articles' pages were not touched


def test_removing_an_article_deletes_its_pages_and_index_entries(updated):
    project, _, before, _, _ = updated
    seeds = seed_files()
    for name in added_names(seeds):
        (project.seeds / name).unlink()
    try:
        proc = project.run(*ARGS, check=True)
        assert mode(proc) == "incremental"
        # back to the site of the seeds without 004, which was a full build
        assert tree_hashes(project.site) == before
    finally:
        for name in added_names(seeds):
            (project.seeds / name).write_bytes(seeds[name])


def test_a_changed_config_builds_from_nothing(updated):
    project = updated[0]
    text = project.config.read_text(encoding="utf-8")
    conf = yaml.safe_load(text)
    conf["site_description"] = "Another description"
    project.config.write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        assert mode(project.run(*ARGS, check=True)) == "full"
    finally:
        project.config.write_text(text, encoding="utf-8")


def test_a_failed_update_is_followed_by_a_full_build(updated, monkeypatch):
    from generator import cli
    from generator import site as site_mod

    project = updated[0]
    real = site_mod.run_mkdocs

    def fail_second(lang, *args, **kwargs):
        lang_, proc = real(lang, *args, **kwargs)
        if lang.code == "zh-Hant":
            proc.returncode = 1
            proc.stderr += "\nsimulated failure"
        return lang_, proc

    monkeypatch.setattr(site_mod, "run_mkdocs", fail_second)
    page = next(project.seeds.glob("*.txt"))
    original = page.read_bytes()
    page.write_bytes(original.replace(b"\n", b"\nA new first sentence of the article.\n", 1))
    try:
        code = cli.main(["build", "-c", str(project.config), "--no-embeddings"])
        assert code == 1
        monkeypatch.setattr(site_mod, "run_mkdocs", real)
    finally:
        page.write_bytes(original)
    assert mode(project.run(*ARGS, check=True)) == "full"
    assert leftovers(project) == []
