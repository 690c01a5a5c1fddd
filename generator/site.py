"""content/generated → site/: per-language MkDocs configs, parallel builds, the root pages.

Two ways to build a language (generator/build.py chooses):

* full: into a staging folder beside site/, swapped in with renames when every language
  succeeded; a failed or interrupted build leaves the previous site/;
* incremental: ``mkdocs build --dirty`` into the existing site/<lang>, in place. MkDocs
  rebuilds a page only when its Markdown is newer than its HTML, so it needs the site/ of the
  last build with its modification times (content/generated rewrites only the pages that
  changed, generator/update.py). The hooks keep the search index complete and delete the
  pages of removed articles (render/mkdocs_hooks.py). A failure can leave part of the
  update in site/ (each language's pages either old or new); the state file then says so
  and the next build is a full one.

The state file (in the cache folder) records the fingerprint of the code, theme and configs
of the last complete build: when it differs (new code, new config) the build is full.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from .cache import stage_version, write_atomically
from .config import Config, SiteLanguage
from .render.i18n import translations
from .render.mkdocs_hooks import TEMPLATE_CACHE
from .render.notfound import not_found_labels
from .render.pages import View, script_labels
from .update import files_under

JIEBA_USER_DICT = "jieba_user.txt"
HOOKS = Path(__file__).resolve().parent / "render" / "mkdocs_hooks.py"
STATE = "site-state.json"  # in the cache folder: it is not part of the published site
STATE_FORMAT = 1
TEMPLATE_CACHE_DIR = "templates"  # in the cache folder: Jinja's compiled theme templates
_DIRTY_LINE = re.compile(r"briefing-hooks: dirty build: (\d+) pages rebuilt, (\d+) stale files removed")


class SiteBuildError(RuntimeError):
    """MkDocs failed for a language; ``left`` says what the failure left of site/."""

    left = "previous content/ and site/ are unchanged"


def language_config(cfg: Config, lang: SiteLanguage, out_dir: Path, docs_dir: Path) -> dict:
    """The MkDocs config of one site language: INHERIT the shared mkdocs.yml, set the rest."""
    t = translations(lang.locale)
    here = out_dir
    search = {"lang": lang.search}
    if lang.search == "zh":
        # Material segments Chinese with jieba; the corpus' names keep 馬斯克 one word.
        # MkDocs runs with the generated folder as working directory (build_languages).
        search["jieba_dict_user"] = JIEBA_USER_DICT
        search["separator"] = r"[\s\u200b\-]+"
    conf: dict[str, Any] = {
        "INHERIT": os.path.relpath(cfg.mkdocs_file, here),
        "site_name": t.gettext("Briefing"),
        "docs_dir": os.path.relpath(docs_dir, here),
        "site_dir": os.path.relpath(cfg.site / lang.code, here),
        "theme": {"name": "material", "language": lang.theme},
        "plugins": [{"search": search}],
        # Per-page savings that matter at thousands of pages (see the module's docstring).
        "hooks": [os.path.relpath(HOOKS, here)],
        "nav": [
            {t.gettext("Home"): "index.md"},
            {t.gettext("All articles"): "archive/1.md"},
            {t.gettext("Events"): "events/index.md"},
            {t.gettext("People, organizations and places"): "entities/index.md"},
            {t.gettext("About"): "about.md"},
        ],
        # Articles, events and entities are reached from lists, not the nav: a nav of
        # thousands of pages makes every page carry it and MkDocs quadratic.
        "not_in_nav": "/articles/\n/events/\n/entities/\n/archive/\n",
        "validation": {
            "nav": {"omitted_files": "ignore", "not_found": "warn"},
            # anchors: the pages and their ids are the generator's; "ignore" also lets the
            # hooks skip MkDocs' per-page scan for ids (render/mkdocs_hooks.py).
            "links": {"not_found": "ignore", "unrecognized_links": "ignore", "anchors": "ignore"},
        },
        "extra": {
            "alternate": [
                {"name": other.name, "lang": other.code, "link": f"../{other.code}/"}
                for other in cfg.languages
            ],
            "briefing_labels": {
                "feed": t.gettext("New articles (RSS)"),
                "feed_short": t.gettext("RSS feed"),
                "export": t.gettext("Data (JSON)"),
                "about": t.gettext("About"),
                **not_found_labels(lang.locale),
            },
            # UI strings that assets/javascripts/briefing.js adds to pages (once per language).
            "briefing_script": script_labels(View.of(lang)),
            "briefing_root_url": cfg.site_url.rstrip("/") + "/" if cfg.site_url else "",
            "briefing_default_language": cfg.default_language,
        },
    }
    if cfg.overrides:
        conf["theme"]["custom_dir"] = os.path.relpath(cfg.overrides, here)
    if cfg.site_url:
        conf["site_url"] = cfg.site_url.rstrip("/") + f"/{lang.code}/"
    return conf


def write_tree(files: Mapping[str, str | bytes], target: Path) -> None:
    """Write {relative path: content} under ``target``, refusing paths that leave it."""
    # Checked lexically, not with resolve() per file: that cost ~1 ms of system calls per file,
    # 70 s for the 70,000 files of a 10,000-article site. The paths are ours (render/paths.py
    # makes every component safe) and the target is a fresh staging folder without symlinks;
    # an absolute path or a ".." component is still refused.
    root = target.resolve()
    made: set[Path] = set()
    for rel_path, content in sorted(files.items()):
        rel = PurePosixPath(rel_path)
        if (
            rel.is_absolute()
            or not rel.parts
            or ".." in rel.parts
            or "\\" in rel_path
            or PureWindowsPath(rel_path).drive
        ):
            raise SiteBuildError(f"refusing to write outside the output folder: {rel_path!r}")
        path = root.joinpath(*rel.parts)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = content.encode("utf-8") if isinstance(content, str) else content
        with open(path, "wb") as fh:
            fh.write(data)


def swap_in(new: Path, final: Path) -> None:
    """Replace ``final`` by ``new`` with renames (the old tree survives until the last step)."""
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    new.rename(final)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def staging_dir(final: Path) -> Path:
    """A new empty folder beside ``final`` (same file system, so it can be renamed over it)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))


def build_languages(
    cfg: Config,
    generated: Path,
    jobs: int | None = None,
    verbose: bool = False,
    progress=None,
    dirty: bool = False,
) -> Path:
    """The folder holding the built site/<lang> folders: a new staging folder (full build), or
    site/ itself (``dirty``: each language rebuilt in place by ``mkdocs build --dirty``)."""
    stage = cfg.site if dirty else staging_dir(cfg.site)
    jobs = jobs or min(len(cfg.languages), os.cpu_count() or 1)
    templates = cfg.cache / TEMPLATE_CACHE_DIR if cfg.cache is not None else None
    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(
                pool.map(
                    lambda lang: run_mkdocs(
                        lang, generated, stage / lang.code, dirty, verbose, progress, templates
                    ),
                    cfg.languages,
                )
            )
        failed = [(lang, proc) for lang, proc in results if proc.returncode != 0]
        if failed:
            lang, proc = failed[0]
            tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
            raise SiteBuildError(f"MkDocs failed for language {lang.code}:\n{tail}")
        if verbose:
            for _lang, proc in results:
                sys.stderr.write(proc.stderr)
        return stage
    except BaseException:
        if not dirty:
            shutil.rmtree(stage, ignore_errors=True)
        raise


def run_mkdocs(
    lang: SiteLanguage,
    generated: Path,
    out: Path,
    dirty: bool,
    verbose: bool,
    progress=None,
    templates: Path | None = None,
) -> tuple[SiteLanguage, subprocess.CompletedProcess]:
    """Build one language with MkDocs into ``out``; return the language and the finished
    process. ``templates``: a folder for the theme's compiled templates (render/mkdocs_hooks.py)."""
    config_file = generated / f"mkdocs.{lang.code}.yml"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(out)]
    cmd += ["--dirty"] if dirty else []
    cmd.append("-v" if verbose else "-q")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    if templates is not None:
        env[TEMPLATE_CACHE] = str(templates)
    if progress:
        progress(f"site {lang.code}: MkDocs started{' (incremental)' if dirty else ''}")
    t0 = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=generated)
    if progress:
        # Each language's own duration: with fewer workers than languages they overlap.
        m = _DIRTY_LINE.search(proc.stderr or "")
        what = f", {m.group(1)} pages rebuilt, {m.group(2)} stale files removed" if m else ""
        progress(
            f"site {lang.code}: {'done' if proc.returncode == 0 else 'FAILED'} "
            f"in {time.monotonic() - t0:.1f}s{what}"
        )
    return lang, proc


def site_fingerprint(cfg: Config, configs: dict[str, str | bytes]) -> str:
    """Hash of what every page's HTML depends on besides its Markdown: the generator's code,
    the theme overrides, mkdocs.yml, the generated per-language configs, MkDocs and Material."""
    from importlib.metadata import version

    h = hashlib.sha256(stage_version("generator.cli").encode())  # the code of every command
    h.update(f"mkdocs {version('mkdocs')} material {version('mkdocs-material')} {sys.version}".encode())
    h.update(cfg.mkdocs_file.read_bytes())
    for name, content in sorted(configs.items()):
        h.update(name.encode() + b"\0" + (content.encode() if isinstance(content, str) else content))
    if cfg.overrides and cfg.overrides.is_dir():
        for path in sorted(p for p in cfg.overrides.rglob("*") if p.is_file()):
            h.update(str(path.relative_to(cfg.overrides)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:24]


def can_update(cfg: Config, fingerprint: str) -> bool:
    """Whether site/ is the complete result of a build with this fingerprint (then a dirty build
    of each language gives a full build's site). Never with --no-cache (no state is kept)."""
    if cfg.cache is None:
        return False
    try:
        state = json.loads((cfg.cache / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(state, dict)
        and state.get("format") == STATE_FORMAT
        and state.get("fingerprint") == fingerprint
        and state.get("complete") is True
        and state.get("site") == str(cfg.site)
        and all((cfg.site / lang.code / "index.html").is_file() for lang in cfg.languages)
    )


def record_state(cfg: Config, fingerprint: str, complete: bool) -> None:
    """Note in the state file whether site/ is a complete build with this fingerprint."""
    data = json.dumps(
        {"format": STATE_FORMAT, "fingerprint": fingerprint, "complete": complete, "site": str(cfg.site)}
    ).encode("utf-8")
    if cfg.cache is not None:  # --no-cache: nothing is kept, every build is a full one
        write_atomically(cfg.cache / STATE, lambda fh: fh.write(data), durable=True)


def root_files(cfg: Config) -> dict[str, str | bytes]:
    """site/index.html (language chooser following the browser) and the sitemap index."""
    langs = [(lang.code, lang.name, lang.dir) for lang in cfg.languages]
    links = "\n".join(
        f'<li><a href="{html.escape(code)}/index.html" hreflang="{html.escape(code)}" '
        f'lang="{html.escape(code)}" dir="{d}">{html.escape(name)}</a></li>'
        for code, name, d in langs
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{html.escape(code)}" href="{html.escape(code)}/index.html">'
        for code, _, _ in langs
    )
    codes = json.dumps([code for code, _, _ in langs])
    index = f"""<!doctype html>
<html lang="{html.escape(cfg.default_language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Briefing</title>
<link rel="icon" href="data:,">
{alternates}
<style>body{{font-family:system-ui,sans-serif;max-width:30rem;margin:4rem auto;padding:0 1rem}}
li{{font-size:1.3rem;margin:.5rem 0}}</style>
<script>
// Follow the browser's preferred languages: exact tag first, then the base language.
(function () {{
  var codes = {codes};
  var prefs = navigator.languages || [navigator.language || ""];
  function pick() {{
    for (var i = 0; i < prefs.length; i++) {{
      var p = String(prefs[i]).toLowerCase();
      for (var j = 0; j < codes.length; j++) if (codes[j].toLowerCase() === p) return codes[j];
      if (p.indexOf("zh") === 0 && /(tw|hk|mo|hant)/.test(p))
        for (j = 0; j < codes.length; j++) if (/^zh-hant/i.test(codes[j])) return codes[j];
      for (j = 0; j < codes.length; j++) if (codes[j].toLowerCase().split("-")[0] === p.split("-")[0]) return codes[j];
    }}
    return null;
  }}
  var code = pick();
  if (code && !/[?&]choose/.test(location.search)) location.replace(code + "/index.html");
}})();
</script>
</head>
<body>
<h1>Briefing</h1>
<ul>
{links}
</ul>
</body>
</html>
"""
    return {"index.html": index}


def pages_report(stage: Path) -> int:
    """The number of HTML pages under ``stage`` (0 when it cannot be read)."""
    try:
        return sum(1 for name in files_under(stage) if name.endswith(".html"))
    except OSError:
        return 0
