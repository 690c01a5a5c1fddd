"""briefing build | generate | serve | facts — the command line, configuration read here once."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from datetime import date
from pathlib import Path

from .config import ConfigError, load_config

EPILOG = """examples:
  briefing build                     generate Markdown and build site/ in every language
  briefing generate                  only write content/generated (Markdown + configs)
  briefing assemble                  root files for a site/ built one language at a time (CI)
  briefing serve --port 8000         build, then serve site/ on http://127.0.0.1:8000/
  briefing facts --lang de article.txt
  echo '44 مليار دولار' | briefing facts --lang ar --lines -
"""


def make_parser() -> argparse.ArgumentParser:
    """The `briefing` argument parser: build, generate, serve, assemble, facts."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn news articles in many languages into a multilingual briefing site.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def site_options(p):
        """None; adds the options build, generate and serve share to ``p``."""
        p.add_argument(
            "-c", "--config", default="mkdocs.yml", help="shared MkDocs config (default: mkdocs.yml)"
        )
        p.add_argument("--seeds", help="folder of seed articles (default from config: seeds)")
        p.add_argument("--site-url", help="public URL of the site root, for sitemaps and feeds")
        p.add_argument(
            "--no-embeddings",
            action="store_true",
            help="no multilingual-e5 encoder: link by facts and entities, recognize with the lexical models",
        )
        p.add_argument("--no-cache", action="store_true", help="ignore every cache (read none, write none)")
        p.add_argument("--strict", action="store_true", help="exit 1 if any input was rejected")
        p.add_argument("-j", "--jobs", type=int, help="worker processes (default: CPU count)")
        p.add_argument("-v", "--verbose", action="store_true", help="progress per stage and MkDocs output")
        p.add_argument(
            "--progress",
            action="store_true",
            help="progress per stage even when stderr is not a terminal (without MkDocs output)",
        )

    p_build = sub.add_parser(
        "build", help="generate and build the site in every language (incremental on an existing site)"
    )
    site_options(p_build)
    p_build.add_argument(
        "--full",
        action="store_true",
        help="render every page and rebuild the site from nothing (default: "
        "update the existing site, full only when code or config changed)",
    )
    p_gen = sub.add_parser("generate", help="generate Markdown pages only (content/generated)")
    site_options(p_gen)
    p_serve = sub.add_parser("serve", help="build, then serve site/ locally")
    site_options(p_serve)
    p_serve.add_argument("--port", type=int, default=8000)
    p_serve.add_argument("--no-build", action="store_true", help="serve the existing site/")
    p_serve.add_argument("--full", action="store_true", help="as for build")
    p_asm = sub.add_parser(
        "assemble",
        help="add the root files to a site/ whose languages were built "
        "separately (CI: one MkDocs job per language)",
    )
    p_asm.add_argument(
        "-c", "--config", default="mkdocs.yml", help="shared MkDocs config (default: mkdocs.yml)"
    )
    p_asm.add_argument("--site-url", help="public URL of the site root, for the sitemap index")
    p_facts = sub.add_parser("facts", help="print the facts of a text as JSON")
    p_facts.add_argument("file", nargs="?", default="-", help="text file, or - for standard input")
    p_facts.add_argument("--lang", help="BCP 47 language tag (default: detected)")
    p_facts.add_argument("--published", type=date.fromisoformat, help="publication date YYYY-MM-DD")
    p_facts.add_argument(
        "--lines", action="store_true", help='one {"facts": [...]} JSON object per input line'
    )

    return parser


def main(argv: list[str] | None = None) -> int:
    """The exit code of one `briefing` command (0 ok, 1 failed or --strict with errors, 2 bad config, 130 interrupted)."""
    args = make_parser().parse_args(argv)
    # One BLAS thread per process: builds run one worker per core already, and on a shared
    # machine OpenBLAS's extra threads spin (an encoder sentence cost ~10x its CPU time).
    # Set before numpy is first imported; an explicit setting in the environment wins.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        if args.command == "facts":
            return cmd_facts(args)
        if args.command == "assemble":
            return cmd_assemble(args)
        return cmd_site(args)
    except ConfigError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefing: interrupted; previous content/ and site/ are unchanged", file=sys.stderr)
        return 130
    except OSError as exc:
        # A folder that cannot be written, a full disk: one line naming the path, no traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"briefing: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        gc.unfreeze()  # settle() froze the corpus; a caller in the same process frees it


def cmd_site(args) -> int:
    """build / generate / serve: run generator/build.py's build() and report it in one line."""
    from .build import build
    from .pipeline import Progress
    from .site import SiteBuildError

    cfg = load_config(
        args.config,
        seeds=args.seeds,
        site_url=args.site_url,
        embeddings=False if args.no_embeddings else None,
        cache=False if args.no_cache else None,
    )
    if not cfg.seeds.is_dir():
        raise ConfigError(f"seeds folder not found: {cfg.seeds}")
    _warn_site_url(cfg)
    progress = Progress(verbose=args.verbose or args.progress)
    site = args.command in ("build", "serve") and not getattr(args, "no_build", False)
    try:
        result = build(
            cfg,
            site=site,
            full=getattr(args, "full", False),
            jobs=args.jobs,
            verbose=args.verbose,
            progress=progress,
            report=report_error,
            between_stages=settle,
        )
    except SiteBuildError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        print(f"briefing: {exc.left}", file=sys.stderr)
        return 1
    how = {"full": ", full build", "incremental": ", incremental update"}.get(result.mode, "")
    print(
        f"briefing: {result.articles} articles, {result.languages} languages, {result.pages} pages, "
        f"{len(result.errors)} errors{how}, {result.seconds:.1f} s",
        file=sys.stderr,
    )
    if args.command == "serve":
        return serve(cfg.site, args.port)
    return 1 if args.strict and result.errors else 0


def report_error(err) -> None:
    """Print one rejected input as ``briefing: <file>: <reason>``."""
    print(f"briefing: {err.source}: {err.reason}", file=sys.stderr)


def settle() -> None:
    """Take what is alive now out of the cyclic collector's sight (gc.freeze) until the
    command ends (main: gc.unfreeze); build_corpus calls it between stages. At 10,000
    articles the cached parts and stage results are millions of objects that live to the
    end, and each full collection would walk them all again (benchmarks/RESULTS.md)."""
    gc.freeze()


def _warn_site_url(cfg) -> None:
    """Print render.feeds' warning when feeds and sitemaps must stay relative."""
    from .render.feeds import site_url_warning

    warning = site_url_warning(cfg)
    if warning:
        print(warning, file=sys.stderr)


def cmd_assemble(args) -> int:
    """site/<lang>/ built elsewhere + content/generated/briefing.json → the root files that
    `briefing build` writes: index.html (language chooser), sitemap.xml, briefing.json."""
    from .render.feeds import sitemap_index
    from .render.notfound import root_not_found
    from .site import pages_report, root_files, write_tree

    cfg = load_config(args.config, site_url=args.site_url)
    _warn_site_url(cfg)
    missing = [lang.code for lang in cfg.languages if not (cfg.site / lang.code / "index.html").is_file()]
    if missing:
        print(f"briefing: error: {cfg.site} has no built site for: {', '.join(missing)}", file=sys.stderr)
        return 1
    export = cfg.generated / "briefing.json"
    if not export.is_file():
        print(f"briefing: error: {export} not found; run `briefing generate` first", file=sys.stderr)
        return 1
    extra: dict[str, str | bytes] = dict(root_files(cfg))
    extra["sitemap.xml"] = sitemap_index(cfg)
    extra["404.html"] = root_not_found(cfg)
    extra["briefing.json"] = export.read_bytes()
    write_tree(extra, cfg.site)
    print(
        f"briefing: assembled {cfg.site}: {len(cfg.languages)} languages, {pages_report(cfg.site)} pages",
        file=sys.stderr,
    )
    return 0


def serve(site: Path, port: int) -> int:
    """0 after serving ``site`` on localhost until Ctrl-C."""
    import functools
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(f"briefing: serving {site} on http://127.0.0.1:{port}/ (Ctrl-C to stop)", file=sys.stderr)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def cmd_facts(args) -> int:
    """Print the facts of one file (or stdin) as JSON; return the exit status."""
    from .facts import extract_facts
    from .ingest.decode import DecodeError, decode_bytes
    from .ingest.language import detect_language, normalize_tag

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        text, _, _ = decode_bytes(data)
    except OSError as exc:
        print(f"briefing: error: {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except DecodeError as exc:
        print(f"briefing: error: {args.file}: {exc}", file=sys.stderr)
        return 2

    whole, _ = detect_language(text)
    whole = "en" if whole == "und" else whole

    def lang_of(t: str) -> str:
        if args.lang:
            return normalize_tag(args.lang)
        tag, share = detect_language(t)
        # A short line is often misread; trust it only when CLD2 is confident.
        return tag if tag != "und" and share >= 0.7 and len(t) >= 40 else whole

    def all_facts(t: str) -> list:
        lang = lang_of(t)
        return sorted(
            extract_facts(t, lang, args.published) + _entity_facts(t, lang),
            key=lambda f: (f.start, f.end, f.type),
        )

    out = sys.stdout
    if args.lines:
        lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
        for line in lines:
            facts = all_facts(line) if line.strip() else []
            out.write(json.dumps({"facts": [f.to_json() for f in facts]}, ensure_ascii=False) + "\n")
    else:
        facts = all_facts(text)
        out.write(json.dumps({"facts": [f.to_json() for f in facts]}, ensure_ascii=False, indent=1) + "\n")
    return 0


def _entity_facts(text: str, lang: str) -> list:
    """Person/organization/place facts of one text, as briefing.json has them (the entities
    package's recognize + resolve, with the shipped registry); [] if recognition fails."""
    from .entities import load_registry, recognize, resolve

    try:
        mentions = recognize(text, lang)
        facts, _entities = resolve({"text": (lang, mentions)}, load_registry())
    except Exception as exc:  # noqa: BLE001 - figures are still printed without entities
        print(f"briefing: warning: entity recognition failed: {exc}", file=sys.stderr)
        return []
    return list(facts.get("text", []))


if __name__ == "__main__":
    sys.exit(main())
