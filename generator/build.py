"""One build: seeds → content/generated → site/, incremental when it can be, with a way back.

``build`` runs, in order:

1. ``TreeUpdate(content/generated)``: undoes what a killed run left half done;
2. ``build_corpus``: ingest, analysis, entity resolution, linking (generator/pipeline.py);
3. ``generated_files``: every Markdown page and config, unchanged pages carried over
   (generator/carry.py; not with ``full``);
4. the choice of site build (``choose_mode``): incremental when site/ is the complete result
   of a build with the same code, theme and configs (generator/site.py's state file),
   full otherwise or when asked;
5. content/generated updated in place (only changed files are written, so their modification
   times tell MkDocs' dirty build what to rebuild);
6. MkDocs per language, into a staging folder (full) or into site/<lang> (incremental), then
   the root files;
7. commit: the content update kept, the carry manifest and the state file written, a full
   build's staging folder swapped in.

A failure before step 7 puts content/generated back. A full build leaves the previous site/
as it was; an incremental one may have rebuilt part of it in place, and marks the state
incomplete first, so the next build is a full one.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .site import SiteBuildError, pages_report


@dataclass
class BuildResult:
    """What a build did, for the CLI's last line and the benchmark."""

    articles: int
    languages: int
    pages: int
    errors: list = field(default_factory=list)  # BuildError of the rejected inputs
    mode: str = "none"  # "full", "incremental", or "none" (content only)
    seconds: float = 0.0


def build(
    cfg: Config,
    *,
    site: bool = True,
    full: bool = False,
    jobs: int | None = None,
    verbose: bool = False,
    progress=None,
    report=None,
    between_stages=None,
) -> BuildResult:
    """Bring content/generated (and site/ if ``site``) up to date with the seeds; return what
    was done. ``report(error)`` is called for each rejected input as soon as it is known.
    Raises SiteBuildError if MkDocs fails (content/generated is then put back; its ``left``
    says what became of site/). ``between_stages`` goes to build_corpus (the CLI's gc.freeze)."""
    from .carry import Carry
    from .pipeline import Progress, build_corpus, generated_files
    from .update import TreeUpdate

    started = time.monotonic()
    progress = progress or Progress(verbose=False)
    update = TreeUpdate(cfg.generated)  # first: undoes what a killed run left half done
    corpus = build_corpus(cfg, progress, jobs, between_stages=between_stages)
    for err in corpus.errors:
        if report is not None:
            report(err)
    carry = Carry(cfg.cache, cfg.generated, enabled=not full)
    files = generated_files(corpus, cfg, progress, carry, jobs)
    result = BuildResult(
        len(corpus.articles),
        len(cfg.languages),
        sum(1 for k in files if k.endswith(".md")),
        list(corpus.errors),
    )
    fingerprint, mode = choose_mode(cfg, files, site, full)
    result.mode = mode
    stage: Path | None = None
    done = False
    try:
        try:
            stage = update_content_and_site(cfg, files, update, mode, fingerprint, jobs, verbose, progress)
        except SiteBuildError as exc:
            exc.left = (
                "previous content/ and site/ are unchanged"
                if mode == "full"
                else "previous content/ is unchanged; site/ may hold part of this update, "
                "and the next build rebuilds it in full"
            )
            raise
        if stage is not None:
            result.pages = pages_report(stage)
        update.commit()
        done = True
        carry.save()
        progress(f"content: {len(files)} files in {cfg.generated}")
        finish_site(cfg, stage, mode, fingerprint)
        stage = None
    finally:
        if not done:
            update.undo()
        if stage is not None and mode == "full":
            shutil.rmtree(stage, ignore_errors=True)
    result.seconds = time.monotonic() - started
    return result


def choose_mode(cfg: Config, files: dict, site: bool, full: bool) -> tuple[str, str]:
    """(fingerprint, mode): "none" without a site build, "incremental" when site/ is a complete
    build with this fingerprint and no full build was asked for, else "full"."""
    from .site import can_update, site_fingerprint

    if not site:
        return "", "none"
    configs = {k: v for k, v in files.items() if k.startswith("mkdocs.") and k.endswith(".yml")}
    fingerprint = site_fingerprint(cfg, configs)
    return fingerprint, ("incremental" if not full and can_update(cfg, fingerprint) else "full")


def update_content_and_site(
    cfg: Config, files: dict, update, mode: str, fingerprint: str, jobs: int | None, verbose: bool, progress
) -> Path | None:
    """Steps 5–6: content/generated updated, then each language built; return the folder
    holding the built languages (None without a site build)."""
    from .render.feeds import sitemap_index
    from .render.notfound import root_not_found
    from .site import build_languages, record_state, root_files, write_tree

    update.stage(files, write_tree)
    update.apply()
    if mode == "none":
        return None
    if mode == "incremental":
        record_state(cfg, fingerprint, complete=False)  # until every language is rebuilt
    stage = build_languages(cfg, cfg.generated, jobs, verbose, progress, dirty=mode == "incremental")
    extra: dict[str, str | bytes] = dict(root_files(cfg))
    extra["sitemap.xml"] = sitemap_index(cfg)
    extra["404.html"] = root_not_found(cfg)
    extra["briefing.json"] = files["briefing.json"]
    write_tree(extra, stage)
    return stage


def finish_site(cfg: Config, stage: Path | None, mode: str, fingerprint: str) -> None:
    """Step 7 for site/: a full build swapped in; the state file says site/ is complete."""
    from .site import record_state, swap_in

    if mode == "none" or stage is None:
        return
    if mode == "full":
        swap_in(stage, cfg.site)
    record_state(cfg, fingerprint, complete=True)
