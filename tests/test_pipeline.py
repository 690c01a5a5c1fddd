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
