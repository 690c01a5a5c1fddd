"""The pipeline survives a failing corpus-wide stage: pages stay, the failure is reported."""

from generator import pipeline
from generator.config import load_config

from .conftest import make_project, seed_files


def test_failing_resolver_and_linker_cost_no_page(tmp_path, monkeypatch):
    seeds = {k: v for k, v in seed_files().items() if k.startswith(("003", "004"))}
    project = make_project(tmp_path, seeds)
    cfg = load_config(project.config, embeddings=False)

    def boom(*args, **kwargs):
        raise KeyError(("R", "Q1"))

    monkeypatch.setattr("generator.entities.resolve", boom)
    monkeypatch.setattr("generator.link.link_corpus", boom)
    corpus = pipeline.build_corpus(cfg)
    assert sorted(corpus.articles) == sorted(s[:-4] for s in seeds)
    assert {e.source for e in corpus.errors} == {pipeline.CORPUS}
    reasons = " ".join(e.reason for e in corpus.errors)
    assert "entity resolution failed" in reasons and "linking failed" in reasons
    assert sorted(m for e in corpus.events for m in e.members) == sorted(corpus.articles)
    assert all(f.type in ("money", "percent", "quantity", "date") for fs in corpus.facts.values() for f in fs)
    files = pipeline.generated_files(corpus, cfg)
    assert all(f"en/articles/{a}.md" in files for a in corpus.articles)


def test_analyses_come_back_from_the_memo_and_failures_are_tried_again(tmp_path, monkeypatch):
    from generator.cache import Memo
    from generator.ingest import ingest_corpus

    project = make_project(tmp_path, seed_files())
    articles, _ = ingest_corpus(project.seeds)
    memo = Memo(tmp_path / "cache", "analysis", "v")
    first = pipeline.analyse_corpus(articles, memo)
    memo.save()
    lines = []
    again = pipeline.analyse_corpus(articles, Memo(tmp_path / "cache", "analysis", "v"), lines.append)
    assert again == first and lines == [f"analysis: {len(articles)} cached, 0 to do"]

    def boom(*args):
        raise ValueError("extractor bug")

    monkeypatch.setattr("generator.facts.extract_facts", boom)
    memo = Memo(tmp_path / "cache2", "analysis", "v")
    failed = pipeline.analyse_corpus(articles, memo)
    assert all(a.error and "extractor bug" in a.error for a in failed.values())
    assert all(a.mentions for a in failed.values())  # entities still found
    memo.save()
    assert Memo(tmp_path / "cache2", "analysis", "v").old == {}  # not cached: tried again next build


def test_analyses_with_and_without_encoder_vectors_are_cached_apart(tmp_path):
    from generator.cache import Memo
    from generator.entities import tagger
    from generator.ingest import ingest_corpus

    articles, _ = ingest_corpus(make_project(tmp_path, seed_files()).seeds)
    german = [a for a in articles if a.lang == "de"]
    memo = Memo(tmp_path / "cache", "analysis", "v")
    lexical = pipeline.analyse_corpus(german, memo, vectors=False)
    assert tagger.use_vectors(True) is True  # the process's own setting was left as it was
    lines: list[str] = []
    pipeline.analyse_corpus(german, memo, lines.append, vectors=True)
    assert lines[0] == f"analysis: 0 cached, {len(german)} to do"  # a lexical hit is not reused
    again = pipeline.analyse_corpus(german, memo, vectors=False)
    assert again == lexical


def test_one_process_and_several_write_the_same_files(tmp_path):
    """Languages and page digests are worked out in forked workers (generator/parallel.py);
    the files, and what is carried over, do not depend on how many."""
    from generator.carry import Carry
    from generator.site import write_tree

    project = make_project(tmp_path, seed_files())
    cfg = load_config(project.config, embeddings=False)
    corpus = pipeline.build_corpus(cfg)
    carry = Carry(cfg.cache, cfg.generated)
    first = pipeline.generated_files(corpus, cfg, carry=carry, jobs=1)
    write_tree(first, cfg.generated)
    carry.save()  # every page now recorded as in place
    runs = {}
    for jobs in (1, 2, 3):
        carry = Carry(cfg.cache, cfg.generated)
        files = pipeline.generated_files(corpus, cfg, carry=carry, jobs=jobs)
        runs[jobs] = (
            {k: v for k, v in files.items() if isinstance(v, str)},
            sorted(carry.kept),
            carry.digests,
        )
    assert runs[1] == runs[2] == runs[3]
    assert runs[1][1]  # pages were carried over
    assert (
        pipeline.generated_files(corpus, cfg, jobs=1)
        == pipeline.generated_files(corpus, cfg, jobs=2)
        == first
    )


def test_cached_builds_give_what_an_uncached_build_gives(tmp_path):
    """Caching is one layer around pure stages: cold, warm and no-cache builds agree."""
    from generator.render.export import dumps, export

    project = make_project(tmp_path, seed_files())
    cfg = load_config(project.config, embeddings=False)
    off = load_config(project.config, embeddings=False, cache=False)
    assert off.cache is None and cfg.cache == project.cache
    uncached = pipeline.build_corpus(off)
    assert not project.cache.exists()  # nothing read, nothing written
    cold = pipeline.build_corpus(cfg)
    tables = sorted(p.name.split("-")[0] for p in project.cache.glob("*.pickle"))
    assert tables == ["analysis", "events", "ingest", "names", "templates", "textsig"]
    warm = pipeline.build_corpus(cfg)
    assert uncached == cold == warm
    assert dumps(export(uncached, cfg)) == dumps(export(warm, cfg))


def test_no_cache_on_the_command_line_leaves_no_cache(tmp_path):
    from generator.cli import main

    seeds = {k: v for k, v in seed_files().items() if k.startswith(("003", "004"))}
    project = make_project(tmp_path, seeds)
    assert main(["generate", "--no-cache", "--no-embeddings", "-c", str(project.config)]) == 0
    assert (project.content / "generated" / "briefing.json").is_file()
    assert not project.cache.exists()
