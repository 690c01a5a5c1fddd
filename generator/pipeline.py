"""The stages in order: ingest → facts + mentions (per article, cached) → entities → link → render.

Per-article work (ingest, analysis, text signatures, embeddings) is cached by content hash
and code version (generator/cache.py), analysis in worker processes when there is much of it.
Corpus-wide work (entity resolution, linking) runs on every build, from those cached parts,
so that its result depends on the articles alone; pages whose inputs did not change are then
carried over from the last build instead of rendered (generator/carry.py).
"""
from __future__ import annotations

import gc
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Memo, code_version, generator_version
from .config import Config
from .ingest import ingest_corpus
from .model import Article, BuildError, Corpus

# Below this many uncached articles, worker processes cost more than they save.
PARALLEL_MIN = 40


@dataclass
class Analysis:
    facts: list  # numeric Facts
    mentions: list  # Mentions
    error: str | None = None


def analyse(body: str, lang: str, published) -> Analysis:
    """Numeric facts and entity mentions of one body; a failing extractor costs only its part."""
    from .entities import recognize
    from .facts import extract_facts

    errors, facts, mentions = [], [], []
    try:
        facts = extract_facts(body, lang, published)
    except Exception as exc:  # noqa: BLE001 - reported per article, never fatal to the build
        errors.append(f"fact extraction failed: {type(exc).__name__}: {exc}")
    try:
        mentions = recognize(body, lang)
    except Exception as exc:  # noqa: BLE001
        errors.append(f"entity recognition failed: {type(exc).__name__}: {exc}")
    return Analysis(facts, mentions, "; ".join(errors) or None)


def _analyse_job(job):
    return analyse(*job)


@dataclass
class Progress:
    """Stage lines on a terminal (or with -v); quiet in CI logs unless asked."""

    verbose: bool = False
    enabled: bool = field(default_factory=lambda: sys.stderr.isatty())
    started: float = field(default_factory=time.monotonic)

    def __call__(self, message: str) -> None:
        if self.verbose or self.enabled:
            sys.stderr.write(f"[{time.monotonic() - self.started:6.1f}s] {message}\n")
            sys.stderr.flush()


def analyse_corpus(articles: list[Article], memo: Memo, progress=None, jobs: int | None = None):
    """Analysis of every article: from ``memo`` when its text was analysed before by this
    code, else computed (in worker processes when there is much to do)."""
    results: dict[str, Analysis] = {}
    todo = []
    for a in articles:
        key = (a.content_hash, a.lang, str(a.published))
        hit = memo.get(key)
        if isinstance(hit, Analysis):
            results[a.id] = hit
        else:
            todo.append((a, key))
    if progress:
        progress(f"analysis: {len(articles) - len(todo)} cached, {len(todo)} to do")
    jobs = jobs or os.cpu_count() or 1
    inputs = [(a.body, a.lang, a.published) for a, _ in todo]
    t0 = time.monotonic()
    if len(todo) >= PARALLEL_MIN and jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outputs = pool.map(_analyse_job, inputs, chunksize=8)
            _store(todo, outputs, results, memo, progress)
    else:
        _store(todo, map(_analyse_job, inputs), results, memo, progress)
    if progress and todo:
        progress(f"analysis: {len(todo)} analysed in {time.monotonic() - t0:.1f}s")
    return results


def _store(todo, outputs, results, memo, progress) -> None:
    """Keep each result as it arrives, saving the memo every tenth of a long run (an
    interrupted cold run keeps what it did), with a progress line each time."""
    step = max(500, len(todo) // 10)
    for n, ((a, key), out) in enumerate(zip(todo, outputs), 1):
        results[a.id] = out
        if out.error is None:  # a failed extractor is tried again next time
            memo.put(key, out)
        if n % step == 0 and n < len(todo):
            memo.save()
            if progress:
                progress(f"analysis: {n}/{len(todo)}")


def settle() -> None:
    """Take what is alive now out of the cyclic collector's sight (gc.freeze) until the
    command ends (cli: gc.unfreeze). At 10,000 articles the cached parts and stage results
    are millions of objects that live to the end, and each full collection walked them all
    again: entity resolution took 9.2 s without the freeze and 6.5 s with it (one run each)."""
    gc.freeze()


# The `source` of errors that concern the whole corpus rather than one file.
CORPUS = "(corpus)"


def unlinked(docs):
    """Every article its own event, with no links: what pages show when linking fails."""
    from .link.events import event_id
    from .link.types import LinkResult
    from .model import Event

    return LinkResult(events=[Event(event_id([d.id], {d.id: d.published}), [d.id])
                              for d in sorted(docs, key=lambda d: d.id)],
                      same_event={}, related={})


def build_corpus(cfg: Config, progress=None, jobs: int | None = None) -> Corpus:
    from .entities import load_registry, resolve
    from .link import Embedder, LinkDoc, link_corpus
    from .link.signature import text_signature

    progress = progress or (lambda msg: None)
    # ingest/article.py splits glued credit names on the registry's names (ingest/metadata.py)
    memo = Memo(cfg.cache, "ingest", code_version(("ingest", "model.py", "text.py", "entities/registry.py",
                                                   "entities/data/registry.yml")))
    articles, errors = ingest_corpus(cfg.seeds, memo)
    memo.save()
    progress(f"ingest: {len(articles)} articles, {len(errors)} rejected")
    memo = Memo(cfg.cache, "analysis", generator_version())
    analyses = analyse_corpus(articles, memo, progress, jobs)
    memo.save()
    settle()
    for a in articles:
        if analyses[a.id].error:
            errors.append(BuildError(a.source, analyses[a.id].error))

    t0 = time.monotonic()
    names = Memo(cfg.cache, "names", code_version(("entities",)))
    try:
        entity_facts, entities = resolve({a.id: (a.lang, analyses[a.id].mentions) for a in articles},
                                         load_registry(), names)
        names.save()
    except Exception as exc:  # noqa: BLE001 - a resolver bug must not cost the site; it is reported
        entity_facts, entities = {}, {}
        errors.append(BuildError(CORPUS, f"entity resolution failed, pages show no entities: "
                                         f"{type(exc).__name__}: {exc}"))
    progress(f"entities: {len(entities)} canonical entities in {time.monotonic() - t0:.1f}s")
    settle()
    facts = {}
    for a in articles:
        merged = analyses[a.id].facts + entity_facts.get(a.id, [])
        facts[a.id] = sorted(merged, key=lambda f: (f.start, f.end, f.type, str(f.value), f.id or ""))

    embedder = Embedder(cache_dir=cfg.cache / "embeddings") if cfg.embeddings else None
    sigs = Memo(cfg.cache, "textsig", code_version(("link", "model.py")))
    docs = [LinkDoc(id=a.id, lang=a.lang, title=a.title, paragraphs=a.paragraphs, published=a.published,
                    facts=facts[a.id], content_hash=a.content_hash,
                    text_sig=sigs.compute((a.content_hash, a.title), text_signature, a.title, a.body))
            for a in articles]
    sigs.save()
    t0 = time.monotonic()
    try:
        result = link_corpus(docs, embedder)
    except Exception as exc:  # noqa: BLE001 - as above: articles keep their pages, unlinked
        errors.append(BuildError(CORPUS, f"linking failed, pages show no links: {type(exc).__name__}: {exc}"))
        result = unlinked(docs)
    progress(f"link: {len(result.events)} events in {time.monotonic() - t0:.1f}s")
    settle()
    return Corpus(articles={a.id: a for a in articles}, facts=facts, entities=entities,
                  events=result.events, same_event=result.same_event, related=result.related,
                  errors=errors)


def generated_files(corpus: Corpus, cfg: Config, progress=None, carry=None, jobs: int | None = None) -> dict:
    """Every file of content/generated: per-language docs, configs, briefing.json.

    With ``carry`` (generator/carry.py), pages whose inputs are unchanged since the last
    build are not rendered: their value is a Carried stand-in for the file already in place.
    Page digests, then the languages and briefing.json, are worked out in ``jobs`` forked
    processes (generator/parallel.py)."""
    from .parallel import fork_map
    from .render.digest import PageDigests
    from .render.export import dumps, export
    from .render.pages import Listing
    from .render.search_worker import patched_worker

    jobs = jobs or os.cpu_count() or 1
    digests = PageDigests(corpus)
    listing = Listing.of(corpus)
    if carry is not None:
        t0 = time.monotonic()
        page_digests(corpus, listing, digests, jobs)
        if progress:
            progress(f"render: {len(digests.pages)} page digests in {time.monotonic() - t0:.1f}s")
    worker = patched_worker()

    def task(lang):
        if lang is None:
            return {"briefing.json": dumps(export(corpus, cfg))}, None
        files = language_files(corpus, lang, cfg, listing, digests, carry, worker)
        return files, carry.record() if carry is not None else None

    tasks = [None] + list(cfg.languages)  # None: briefing.json, the longest
    files: dict[str, str] = {}
    for lang, (part, record) in zip(tasks, fork_map(task, tasks, jobs)):
        files.update(part)
        if record is not None:
            carry.absorb(record)
        if progress and lang is not None:
            progress(f"render {lang.code}: {sum(1 for k in part if k.endswith('.md'))} pages")
    if progress:
        kept = f", {carry.carried} unchanged since the last build" if carry else ""
        progress(f"render: {len(files)} files{kept}")
    return files


def page_digests(corpus: Corpus, listing, digests, jobs: int) -> None:
    """Fill ``digests`` with every corpus page's digest, in ``jobs`` processes: the
    languages then look them up (they are the same in every language)."""
    from .parallel import fork_map
    from .render.pages import corpus_pages

    todo = [digest for _path, digest, _render in corpus_pages(corpus, listing, digests)]

    def part(k):
        for digest in todo[k::jobs]:
            digest()
        return digests.pages

    for pages in fork_map(part, range(jobs), jobs):
        digests.pages.update(pages)


def language_files(corpus: Corpus, lang, cfg: Config, listing, digests, carry, worker) -> dict:
    """The files of one site language: its pages, sitemaps, feed and MkDocs configuration."""
    import yaml

    from .render.feeds import feed_xml, section_sitemaps
    from .render.pages import render_language
    from .site import JIEBA_USER_DICT, language_config

    prefix = f"{lang.code}/"
    reuse = (lambda path, digest: carry.get(prefix + path, digest)) if carry is not None else None
    docs = render_language(corpus, lang, cfg, reuse, digests, listing)
    files = {prefix + path: text for path, text in docs.items()}
    files.update({prefix + k: v for k, v in section_sitemaps(sorted(docs), lang, cfg).items()})
    files[prefix + "feed.xml"] = feed_xml(listing.ordered, lang, cfg)
    files[prefix + "about.md"] = hand_written(cfg.pages, "about", lang.code)
    if worker:
        files[prefix + worker[0]] = worker[1]
    conf = language_config(cfg, lang, cfg.generated, cfg.generated / lang.code)
    files[f"mkdocs.{lang.code}.yml"] = ("# Generated by briefing from mkdocs.yml; do not edit.\n"
                                        + yaml.safe_dump(conf, allow_unicode=True, sort_keys=True))
    if lang.search == "zh":
        files[JIEBA_USER_DICT] = jieba_user_dict(corpus)
    return files


def hand_written(pages_dir: Path, name: str, lang: str) -> str:
    """content/pages/<name>.<lang>.md, else the base language's, else <name>.md."""
    for cand in (f"{name}.{lang}.md", f"{name}.{lang.split('-')[0]}.md", f"{name}.md"):
        p = pages_dir / cand
        if p.exists():
            return p.read_text(encoding="utf-8")
    return f"# {name}\n"


def jieba_user_dict(corpus: Corpus) -> str:
    """Chinese names seen in the corpus, so search segments 馬斯克 as one word."""
    words = set()
    for a in corpus.articles.values():
        body = a.body
        for f in corpus.facts.get(a.id, []):
            text = body[f.start:f.end] if f.end <= len(body) else f.text
            if any("\u4e00" <= ch <= "\u9fff" for ch in text) and 2 <= len(text) <= 12 and " " not in text:
                words.add(text)
    for e in corpus.entities.values():
        for tag, name in e.names.items():
            if tag.startswith("zh") and 2 <= len(name) <= 12 and " " not in name:
                words.add(name)
    return "".join(f"{w} 100000\n" for w in sorted(words))
