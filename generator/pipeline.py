"""The stages in order: ingest → analyse (facts + mentions) → entities → facts merged → link → render.

Each stage is a function of its inputs. Caching is one layer around them (``Caches``,
generator/cache.py): a stage is handed the table of its own code version, per-article work
(ingest, analysis, text signatures, embeddings) is looked up there by content hash, and
``Caches(None)`` (``briefing build --no-cache``) gives every stage empty tables that are never
written, with the same output. Corpus-wide work (entity resolution, linking) runs on every
build, from those cached parts, so that its result depends on the articles alone; pages whose
inputs did not change are then carried over from the last build instead of rendered
(generator/carry.py).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analysis import Analysis, analyse
from .cache import Caches, Memo
from .carry import Carry
from .config import Config, SiteLanguage
from .ingest import ingest_corpus
from .link.types import LinkDoc, LinkResult
from .model import Article, BuildError, Corpus, Entity, Fact
from .scripts import is_han

if TYPE_CHECKING:  # for annotations only: each stage's modules are imported when it runs
    from .render.digest import PageDigests
    from .render.pages import Listing

# Below this many uncached articles, worker processes cost more than they save.
PARALLEL_MIN = 40

# The `source` of errors that concern the whole corpus rather than one file.
CORPUS = "(corpus)"

Report = Callable[[str], None]


def _quiet(message: str) -> None:
    """The progress reporter that reports nothing."""


@dataclass
class Progress:
    """Stage lines on a terminal (or with -v); quiet in CI logs unless asked."""

    verbose: bool = False
    enabled: bool = field(default_factory=lambda: sys.stderr.isatty())
    started: float = field(default_factory=time.monotonic)

    def __call__(self, message: str) -> None:
        """Print ``message`` with the time since the start, when enabled."""
        if self.verbose or self.enabled:
            sys.stderr.write(f"[{time.monotonic() - self.started:6.1f}s] {message}\n")
            sys.stderr.flush()


def build_corpus(
    cfg: Config,
    progress: Report | None = None,
    jobs: int | None = None,
    between_stages: Callable[[], None] | None = None,
) -> Corpus:
    """The corpus of ``cfg.seeds``, stage by stage, each cached in ``cfg.cache`` (None: no cache):

    1. ingest the seed files (articles, and the files rejected);
    2. analyse each article (numeric facts, entity mentions);
    3. resolve the mentions to canonical entities, over the whole corpus;
    4. merge each article's numeric and entity facts;
    5. link the articles into events and related coverage.

    ``between_stages`` runs after each corpus-wide step (the CLI freezes the garbage
    collector's view of what is alive there; see cli.py)."""
    progress = progress or _quiet
    between = between_stages or (lambda: None)
    caches = Caches(cfg.cache)
    articles, errors = ingest_stage(cfg.seeds, caches.memo("ingest", "generator.ingest"), progress)
    memo = caches.memo("analysis", "generator.analysis")
    analyses = analyse_corpus(articles, memo, progress, jobs, vectors=cfg.embeddings)
    errors.extend(analysis_errors(articles, analyses))
    caches.save()
    between()
    entity_facts, entities = entity_stage(articles, analyses, caches, errors, progress)
    between()
    facts = merge_facts(articles, analyses, entity_facts)
    result = link_stage(articles, facts, cfg.embeddings, caches, errors, progress)
    caches.save()
    between()
    return Corpus(
        articles={a.id: a for a in articles},
        facts=facts,
        entities=entities,
        events=result.events,
        same_event=result.same_event,
        related=result.related,
        errors=errors,
    )


def ingest_stage(seeds: Path, memo: Memo, progress: Report) -> tuple[list[Article], list[BuildError]]:
    """The articles of the seed folder and the files that could not become one."""
    articles, errors = ingest_corpus(seeds, memo)
    progress(f"ingest: {len(articles)} articles, {len(errors)} rejected")
    return articles, errors


def analysis_errors(articles: list[Article], analyses: dict[str, Analysis]) -> list[BuildError]:
    """One error per article whose analysis failed in part (its other part is kept)."""
    return [BuildError(a.source, err) for a in articles if (err := analyses[a.id].error)]


def analyse_corpus(
    articles: list[Article],
    memo: Memo,
    progress: Report | None = None,
    jobs: int | None = None,
    vectors: bool = True,
) -> dict[str, Analysis]:
    """Analysis of every article: from ``memo`` when its text was analysed before by this
    code, else computed (in worker processes when there is much to do).

    ``vectors``: whether the recognizer may read the multilingual-e5 encoder's word vectors
    (the builds without embeddings use no encoder at all); part of the memo key, as it
    changes the mentions."""
    results: dict[str, Analysis] = {}
    todo = []
    for a in articles:
        key = (a.content_hash, a.lang, str(a.published), "vectors" if vectors else "lexical")
        hit = memo.get(key)
        if isinstance(hit, Analysis):
            results[a.id] = hit
        else:
            todo.append((a, key))
    if progress:
        progress(f"analysis: {len(articles) - len(todo)} cached, {len(todo)} to do")
    jobs = jobs or os.cpu_count() or 1
    inputs = [(a.body, a.lang, a.published, vectors) for a, _ in todo]
    t0 = time.monotonic()
    if len(todo) >= PARALLEL_MIN and jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            _store(todo, pool.map(_analyse_job, inputs, chunksize=8), results, memo, progress)
    else:
        _store(todo, map(_analyse_job, inputs), results, memo, progress)
    if progress and todo:
        progress(f"analysis: {len(todo)} analysed in {time.monotonic() - t0:.1f}s")
    return results


def _analyse_job(job: tuple[str, str, date | None, bool]) -> Analysis:
    """analyse() of one (body, lang, published, vectors), for a worker process."""
    from .entities.tagger import use_vectors

    body, lang, published, vectors = job
    previous = use_vectors(vectors)  # per job, restored: the caller's process keeps its setting
    try:
        return analyse(body, lang, published)
    finally:
        use_vectors(previous)


def _store(
    todo: list[tuple[Article, Any]],
    outputs: Iterable[Analysis],
    results: dict[str, Analysis],
    memo: Memo,
    progress: Report | None,
) -> None:
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


def entity_stage(
    articles: list[Article],
    analyses: dict[str, Analysis],
    caches: Caches,
    errors: list[BuildError],
    progress: Report,
) -> tuple[dict[str, list[Fact]], dict[str, Entity]]:
    """Entity facts per article and the canonical entities; none (and an error) if it fails."""
    from .entities import load_registry, resolve

    t0 = time.monotonic()
    names = caches.memo("names", "generator.entities.resolver")
    try:
        entity_facts, entities = resolve(
            {a.id: (a.lang, analyses[a.id].mentions) for a in articles}, load_registry(), names
        )
    except Exception as exc:  # noqa: BLE001 - a resolver bug must not cost the site; it is reported
        entity_facts, entities = {}, {}
        errors.append(
            BuildError(
                CORPUS, f"entity resolution failed, pages show no entities: {type(exc).__name__}: {exc}"
            )
        )
    progress(f"entities: {len(entities)} canonical entities in {time.monotonic() - t0:.1f}s")
    return entity_facts, entities


def merge_facts(
    articles: list[Article], analyses: dict[str, Analysis], entity_facts: dict[str, list[Fact]]
) -> dict[str, list[Fact]]:
    """Each article's numeric and entity facts in one list, in text order."""
    facts = {}
    for a in articles:
        merged = analyses[a.id].facts + entity_facts.get(a.id, [])
        facts[a.id] = sorted(merged, key=lambda f: (f.start, f.end, f.type, str(f.value), f.id or ""))
    return facts


def link_stage(
    articles: list[Article],
    facts: dict[str, list[Fact]],
    embeddings: bool,
    caches: Caches,
    errors: list[BuildError],
    progress: Report,
) -> LinkResult:
    """The link result (events, same-event and related links); every article its own
    event (and an error) if linking fails."""
    from .link import Embedder, link_corpus

    docs = link_docs(articles, facts, caches.memo("textsig", "generator.link.signature"))
    embedder = Embedder(cache_dir=caches.folder("embeddings")) if embeddings else None
    # Events of unchanged groups are taken from the last build (exact: an Event depends on
    # its members alone, linker.event_key), so an update recomputes the few that changed.
    # So are the one-template verdicts of pairs of texts met before (the costliest part of
    # scoring a pair, and a function of the two texts alone).
    events = caches.memo("events", "generator.link")
    templates = caches.memo("templates", "generator.link.template")
    t0 = time.monotonic()
    try:
        result = link_corpus(docs, embedder, events, templates)
    except Exception as exc:  # noqa: BLE001 - as above: articles keep their pages, unlinked
        errors.append(BuildError(CORPUS, f"linking failed, pages show no links: {type(exc).__name__}: {exc}"))
        result = unlinked(docs)
    progress(f"link: {len(result.events)} events in {time.monotonic() - t0:.1f}s")
    return result


def link_docs(articles: list[Article], facts: dict[str, list[Fact]], sigs: Memo) -> list[LinkDoc]:
    """What linking reads of each article, its text signature from ``sigs`` when cached."""
    from .link.signature import text_signature

    return [
        LinkDoc(
            id=a.id,
            lang=a.lang,
            title=a.title,
            paragraphs=a.paragraphs,
            published=a.published,
            facts=facts[a.id],
            content_hash=a.content_hash,
            text_sig=sigs.compute((a.content_hash, a.title), text_signature, a.title, a.body),
        )
        for a in articles
    ]


def unlinked(docs: Iterable[LinkDoc]) -> LinkResult:
    """Every article its own event, with no links: what pages show when linking fails."""
    from .link.events import event_id
    from .model import Event

    return LinkResult(
        events=[
            Event(event_id([d.id], {d.id: d.published}), [d.id]) for d in sorted(docs, key=lambda d: d.id)
        ],
        same_event={},
        related={},
    )


def generated_files(
    corpus: Corpus,
    cfg: Config,
    progress: Report | None = None,
    carry: Carry | None = None,
    jobs: int | None = None,
) -> dict[str, Any]:
    """Every file of content/generated: per-language docs, configs, briefing.json.

    With ``carry`` (generator/carry.py), pages whose inputs are unchanged since the last
    build are not rendered: their value is a Carried stand-in for the file already in place.
    Page digests are worked out here, then the languages and briefing.json in ``jobs``
    forked processes (generator/parallel.py)."""
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
        page_digests(corpus, listing, digests)
        if progress:
            progress(f"render: {len(digests.pages)} page digests in {time.monotonic() - t0:.1f}s")
    worker = patched_worker()

    def task(lang: SiteLanguage | None) -> tuple[dict[str, Any], Any]:
        if lang is None:
            return {"briefing.json": dumps(export(corpus, cfg))}, None
        files = language_files(corpus, lang, cfg, listing, digests, carry, worker)
        return files, carry.record() if carry is not None else None

    # None: briefing.json. Last: the first language a worker renders fills its caches (the
    # event figures, sentence spans: 4.6 s against 1.9-2.6 s at 10,000), so the languages go
    # first, one to each worker, and the export (2.1 s) fills the gap at the end.
    tasks: list[SiteLanguage | None] = [*cfg.languages, None]
    files: dict[str, Any] = {}
    for lang, (part, record) in zip(tasks, fork_map(task, tasks, jobs)):
        files.update(part)
        if record is not None and carry is not None:
            carry.absorb(record)
        if progress and lang is not None:
            progress(f"render {lang.code}: {sum(1 for k in part if k.endswith('.md'))} pages")
    if progress:
        kept = f", {carry.carried} unchanged since the last build" if carry else ""
        progress(f"render: {len(files)} files{kept}")
    return files


def page_digests(corpus: Corpus, listing: Listing, digests: PageDigests) -> None:
    """Fill ``digests`` with every corpus page's digest, here, before the languages fork:
    they then look them up (they are the same in every language). Not split over forked
    processes: most of the work is the digest of each article, which the pages of every
    part need (an article's page, its event's, its entities'), so each process redid most
    of it: at 10,001 articles two processes took 3.2-7.2 s wall (by load), and about twice
    the CPU, against 3.1-3.7 s here."""
    from .render.pages import corpus_pages

    for _path, digest, _render in corpus_pages(corpus, listing, digests):
        digest()


def language_files(
    corpus: Corpus,
    lang: SiteLanguage,
    cfg: Config,
    listing: Listing,
    digests: PageDigests,
    carry: Carry | None,
    worker: tuple[str, str] | None,
) -> dict[str, Any]:
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
    files[f"mkdocs.{lang.code}.yml"] = (
        "# Generated by briefing from mkdocs.yml; do not edit.\n"
        + yaml.safe_dump(conf, allow_unicode=True, sort_keys=True)
    )
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
            text = body[f.start : f.end] if f.end <= len(body) else f.text
            if any(is_han(ch) for ch in text) and 2 <= len(text) <= 12 and " " not in text:
                words.add(text)
    for e in corpus.entities.values():
        for tag, name in e.names.items():
            if tag.startswith("zh") and 2 <= len(name) <= 12 and " " not in name:
                words.add(name)
    return "".join(f"{w} 100000\n" for w in sorted(words))
