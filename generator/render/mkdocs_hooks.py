"""MkDocs hooks for the generated per-language configs (listed under `hooks:` by site.py).

They exist for sites of thousands of pages, where MkDocs' per-page costs dominate the build:

* Material segments every Han run of every page with jieba whenever jieba is importable —
  in the English, German and Arabic builds too, where the search language is not Chinese —
  and loads jieba's dictionary (~1.5 s) in each of them. Only a build whose search
  language is zh keeps it.
* Material's templates are indented for reading; the same whitespace repeated on tens of
  thousands of pages is a fifth of the site's size (GitHub Pages allows 1 GB). A run of
  whitespace that holds a line break is rendered like one line break, so collapsing it to
  one changes nothing that is shown, except inside <pre>/<textarea>: an article with those
  is left as it is.
* Around the article, in Material's page chrome (head, header, tabs, sidebars, footer), the
  line breaks left between tags are dropped too: there they separate block or flex items,
  or sit at the start or end of a line, where they render as nothing (the chrome has no
  <pre>/<textarea>; inline scripts and styles are kept as they are). Inside <article>,
  the page's own text, a line break between two inline elements is a visible space: kept.
* Material's search index is JSON with every non-ASCII character escaped (\\u0627: six bytes
  for Arabic's two, for Chinese's three): rewritten as UTF-8 JSON after the build, the same
  data in a quarter fewer bytes over the four languages (Material reads it with fetch().json(),
  which decodes UTF-8).
* ``data-search-exclude`` attributes have done their work (the search plugin reads the
  page's content before this hook sees its HTML): dropped from the page.
* Material ships a JavaScript/CSS source map beside each of its assets (1.3 MB per language, only
  for debugging Material itself): dropped after the build, with the comments naming them.
* MkDocs parses every page's Markdown as HTML a second time (after Python-Markdown's own raw-HTML
  pass) only to collect its ``id``s, which serve nothing but the log messages of
  ``validation.links.anchors``. The generated configs set that to ``ignore`` (their pages are
  made by the generator, with their anchors); then the scan is skipped: ~1 ms of ~11 per page,
  nothing written changes.
* Python-Markdown finds a page's raw HTML blocks with `html.parser` (~1.7 ms a page): the
  generator's pages are first given to render/html_blocks.py, which stores the same blocks
  the same way without a parser, or leaves the page to Python-Markdown where it is not sure.

And they make ``mkdocs build --dirty`` (what ``briefing build`` runs on an existing site: only
pages whose Markdown is newer than their HTML are rebuilt) give a full build's site:

* Material's search index then holds the rebuilt pages only. The index of the previous build
  is read before the build; afterwards each page's entries are the new ones if the page was
  rebuilt, else its previous ones, in the order of a full build (MkDocs' file order), and
  pages that no longer exist lose theirs. Unchanged pages' entries are the ones a full build
  would make from the same HTML, so the merged index is byte for byte a full build's.
* MkDocs never deletes in a dirty build: every file of the site folder that this build would
  not write (pages of removed articles, old assets) is deleted after it.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import sys
from pathlib import Path

_WS = re.compile(r"\n\s+")
# A line break just before or after a tag, unless inside an inline <script>/<style>.
_CHROME_NL = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>)|\n(?=<)|(?<=>)\n", re.S)
_ARTICLE = re.compile(r"<article\b.*</article>", re.S)
# Read by the search plugin from the page's content before this hook sees its HTML: in the
# page it says nothing (~60 bytes of every article page). Only inside tags (text has no "<").
_SEARCH_EXCLUDE = re.compile(r"(<[a-zA-Z][^<>]*?) data-search-exclude(?=[\s>])")
_SOURCE_MAP_COMMENT = re.compile(
    rb"\n?(?://# sourceMappingURL=[^\n]*\.map|/\*# sourceMappingURL=[^\n]*\.map \*/)\s*$"
)


BRIEFING_JS = "assets/javascripts/briefing.js"
TEMPLATE_CACHE = "BRIEFING_TEMPLATE_CACHE"  # environment: where Jinja keeps compiled templates
SEARCH_INDEX = "search/search_index.json"
# Written by MkDocs or Material without being in its Files: kept by the dirty build's clean-up.
BUILD_OUTPUTS = frozenset({SEARCH_INDEX, "sitemap.xml.gz"})


class DirtyBuild:
    """What one MkDocs process learns about a dirty build, from the events in order."""

    def __init__(self) -> None:
        self.dirty = False
        self.previous: list[dict] | None = None  # the index entries of the previous build
        self.order: list[str] = []  # URLs of the documentation pages, in build order
        self.outputs: set[str] = set()  # every file this build writes (site-relative)
        self.built: set[str] = set()  # URLs of the pages rebuilt
        self.documents: list = []  # every documentation page's File, in build order
        self.pruned = 0  # unchanged pages taken out of the build's Files (prune_unchanged)


_BUILD = DirtyBuild()


def on_startup(command: str = "build", dirty: bool = False, **_kwargs) -> None:
    """None; starts this process's DirtyBuild record (``dirty``: `mkdocs build --dirty`)."""
    global _BUILD
    _BUILD = DirtyBuild()
    _BUILD.dirty = bool(dirty)


# The per-language 404 page's links without site_url (render/notfound.py).
from generator.render.notfound import on_template_context as not_found_context  # noqa: E402


def on_template_context(context, template_name: str, config, **_kwargs):
    """The context of a theme template: the 404 page's links (render/notfound.py), and in a
    dirty build that pruned unchanged pages, the sitemap's pages all there again."""
    context = not_found_context(context, template_name, config)
    if template_name == "sitemap.xml" and _BUILD.pruned:
        context["pages"] = sitemap_pages(_BUILD.documents, config)
    return context


def sitemap_pages(documents: list, config) -> list:
    """Every documentation page's File with a Page, as a full build gives MkDocs' sitemap
    template (its URL and build date: a Page made without reading the source has both)."""
    from mkdocs.structure.pages import Page

    for file in documents:
        if file.page is None:
            Page(None, file, config)
    return documents


def anchors_validated(config) -> bool:
    """Whether ``validation.links.anchors`` would log anything (True when it cannot be read)."""
    try:
        level = config.validation.links.anchors
    except AttributeError:
        return True
    return not isinstance(level, int) or level > logging.DEBUG


def scan_anchors(scan: bool) -> None:
    """None; makes MkDocs' per-page anchor scan (pages._RawHTMLPreprocessor) run or return
    its lines untouched. Its only output, the page's anchor ids, feeds validate_anchor_links."""
    try:
        from mkdocs.structure import pages
    except ImportError:
        return
    scanner = getattr(pages, "_RawHTMLPreprocessor", None)
    if scanner is None or not callable(getattr(scanner, "run", None)):
        return  # another MkDocs: nothing to skip
    original = getattr(scanner, "_briefing_original_run", scanner.run)
    scanner._briefing_original_run = original
    scanner.run = original if scan else _lines_unchanged


def _lines_unchanged(self, lines: list[str]) -> list[str]:
    return lines


def html_blocks_extension():
    """A Markdown extension whose preprocessor stashes raw HTML blocks without html.parser
    (render/html_blocks.py), just before Python-Markdown's own raw-HTML pass."""
    from markdown.extensions import Extension  # type: ignore[import-untyped]
    from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

    from generator.render.html_blocks import stash_blocks

    class HtmlBlocks(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            md = self.md
            done = stash_blocks("\n".join(lines), md.htmlStash.store, md.is_block_level)
            return lines if done is None else done.split("\n")

    class HtmlBlocksExtension(Extension):
        def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
            # After normalize_whitespace (30) and fenced code (25), before MkDocs' anchor scan
            # (21) and Python-Markdown's raw-HTML pass (20), which then find no block left.
            md.preprocessors.register(HtmlBlocks(md), "briefing_html_blocks", 22)

    return HtmlBlocksExtension()


def on_config(config, **_kwargs):
    """The config, with briefing.js among the static templates, jieba off unless the search
    language is Chinese, and MkDocs' anchor scan off when anchors are not validated."""
    scan_anchors(anchors_validated(config))
    extensions = config.get("markdown_extensions")
    if isinstance(extensions, list):
        extensions.append(html_blocks_extension())
    # overrides/partials/header.html loads briefing.js, without which Material's scripts find no
    # __config and stop: render it whenever the theme has it, even if a mkdocs.yml (a copy, a
    # benchmark's) lacks theme.static_templates.
    theme = config.get("theme")
    if theme is not None and any((Path(d) / BRIEFING_JS).is_file() for d in theme.dirs):
        theme.static_templates.add(BRIEFING_JS)
    langs = []
    for name, plugin in config.plugins.items():
        if name.endswith("search"):
            lang = plugin.config.get("lang") or []
            langs = [lang] if isinstance(lang, str) else list(lang)
    if not any(str(lang).startswith("zh") for lang in langs):
        try:
            from material.plugins.search import plugin as search_plugin
        except ImportError:
            return config
        if hasattr(search_plugin, "jieba"):
            search_plugin.jieba = None
    return config


def on_env(env, config, files, **_kwargs):
    """The theme's Jinja environment, keeping its compiled templates in the folder
    ``$BRIEFING_TEMPLATE_CACHE`` names (set by generator/site.py: the build's cache folder).
    Compiling Material's templates cost ~0.6 s of every MkDocs process, four a build; Jinja
    checks each template's source against the cached bytecode, and writes it atomically."""
    folder = os.environ.get(TEMPLATE_CACHE)
    if folder:
        from jinja2 import FileSystemBytecodeCache

        try:
            os.makedirs(folder, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(folder)
        except OSError:
            pass  # no cache: the templates are compiled, as without one
    return env


def on_pre_build(config, **_kwargs) -> None:
    """None; in a dirty build, reads the previous search index before the build replaces it."""
    # Hooks run after the search plugin, which writes its index only at on_post_build.
    if _BUILD.dirty:
        _BUILD.previous = read_index_entries(Path(config["site_dir"]) / SEARCH_INDEX)


def on_files(files, config, **_kwargs):
    """The files; notes the page order and every output path of this build, and in a dirty
    build takes out the pages it would leave alone (prune_unchanged)."""
    _BUILD.documents = list(files.documentation_pages())
    _BUILD.order = [f.url for f in _BUILD.documents]
    _BUILD.outputs = {f.dest_uri for f in files}
    theme = config.get("theme")
    _BUILD.outputs |= set(getattr(theme, "static_templates", ()) or ())
    _BUILD.outputs |= set(config.get("extra_templates") or ())
    if _BUILD.dirty:
        _BUILD.pruned = prune_unchanged(files, _BUILD.documents, config)
    return files


def prune_unchanged(files, documents: list, config) -> int:
    """Remove from ``files`` the documentation pages a dirty build would not rebuild (their
    HTML is newer than their Markdown) and that no rebuilt page can need; return how many.

    MkDocs would still make a Page of each (navigation, reading, building: each skipped for
    an unchanged page only after a stat or two): with 17,000 pages a language and 70 of them
    changed after one new article, that was most of a dirty build. A rebuilt page needs of
    another page only what the navigation shows (its pages are kept) and the target of a
    Markdown link to it (kept: see linked_sources). MkDocs' sitemap, the one template that
    lists every page, gets them back (on_template_context). Not with an automatic nav (no
    ``nav:``), where every page is in the navigation."""
    kept = nav_sources(config.get("nav"))
    if kept is None:
        return 0
    changed = [f for f in documents if f.is_modified()]
    kept |= {f.src_uri for f in changed}
    kept |= linked_sources(changed, documents)
    pruned = [f for f in documents if f.src_uri not in kept]
    for f in pruned:
        files.remove(f)
    return len(pruned)


def nav_sources(nav) -> set[str] | None:
    """The Markdown files a ``nav:`` config names (None: no nav, every page is in it)."""
    if nav is None:
        return None
    out: set[str] = set()
    todo = [nav]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            out.add(item.lstrip("/"))
        elif isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return out


# A Markdown file's extension ending a word (what a link to a page ends with).
_MD_SUFFIX = re.compile(r"\.(?:md|markdown|mdown|mkdn|mkd)\b")
MAX_NAME = 255  # bytes of a file name on common file systems


def linked_sources(pages: list, documents: list) -> set[str]:
    """The documents a link of ``pages`` may name (MkDocs turns a link to a page into its
    URL only if that page is among the build's files): every document whose file name ends
    a run of text at a Markdown extension in one of the pages, in any folder. Over-counts
    on purpose (a name is matched, not a resolved path): keeping a page only costs time."""
    from urllib.parse import unquote

    by_name: dict[str, list[str]] = {}
    for f in documents:
        by_name.setdefault(f.src_uri.rsplit("/", 1)[-1], []).append(f.src_uri)
    out: set[str] = set()
    for f in pages:
        try:
            with open(f.abs_src_path, encoding="utf-8-sig", errors="replace") as fh:
                text = fh.read()
        except (OSError, TypeError):
            continue
        for m in _MD_SUFFIX.finditer(text):
            first = max(text.rfind("\n", 0, m.start()) + 1, m.start() - MAX_NAME)
            for start in range(m.start() - 1, first - 1, -1):
                word = text[start : m.end()]
                for name in (word, unquote(word)):
                    out.update(by_name.get(name, ()))
    return out


def read_index_entries(path: Path) -> list[dict] | None:
    """The entries ("docs") of a search index file, or None if there is none to trust."""
    try:
        data = json.loads(path.read_bytes())
        docs = data["docs"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return docs if isinstance(docs, list) and all(isinstance(d, dict) for d in docs) else None


def page_of(location: str) -> str:
    """The page URL of a search index entry's location ("a.html#s" -> "a.html")."""
    return location.split("#", 1)[0]


def merge_index(previous: list[dict], new: list[dict], order: list[str], built: set[str]) -> list[dict]:
    """The entries of a full build: a rebuilt page's new entries, an unchanged page's previous
    ones, page by page in build order; entries of pages not in ``order`` are dropped."""
    by_page: dict[str, list[dict]] = {}
    for entry in previous:
        page = page_of(str(entry.get("location", "")))
        if page not in built:
            by_page.setdefault(page, []).append(entry)
    for page in built:
        by_page.pop(page, None)
    for entry in new:
        by_page.setdefault(page_of(str(entry.get("location", ""))), []).append(entry)
    out: list[dict] = []
    for url in order:
        out.extend(by_page.get(url, ()))
    return out


def stale_files(site_dir: Path, outputs: set[str]) -> list[Path]:
    """Files under ``site_dir`` that a build writing ``outputs`` would not have written."""
    out = []
    for root, _dirs, names in os.walk(site_dir):
        rel_root = os.path.relpath(root, site_dir).replace(os.sep, "/")
        for name in names:
            rel = name if rel_root == "." else f"{rel_root}/{name}"
            if rel not in outputs and rel not in BUILD_OUTPUTS:
                out.append(Path(root, name))
    return sorted(out)


def remove_stale(site_dir: Path, outputs: set[str]) -> int:
    """Delete what stale_files() finds, and the folders that leaves empty; return how many files."""
    stale = stale_files(site_dir, outputs)
    for path in stale:
        path.unlink(missing_ok=True)
    for folder in sorted({p.parent for p in stale}, key=lambda p: -len(p.parts)):
        while folder != site_dir and site_dir in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent
    return len(stale)


def _chrome(html: str) -> str:
    html = _WS.sub("\n", html)
    return _CHROME_NL.sub(lambda m: m.group(1) or "", html)


def on_post_page(output: str, page=None, **_kwargs) -> str:
    """The page's HTML with the chrome's line breaks dropped (the page noted as rebuilt)."""
    if page is not None:
        _BUILD.built.add(page.url)
    article = _ARTICLE.search(output)
    if article is None:  # not a Material page: only the safe collapse, as before
        if "<pre" in output or "<textarea" in output:
            return output
        return _WS.sub("\n", output)
    body = _SEARCH_EXCLUDE.sub(r"\1", article.group(0))
    if "<pre" not in body and "<textarea" not in body:
        body = _WS.sub("\n", body)
    return _chrome(output[: article.start()]) + body + _chrome(output[article.end() :])


def on_post_build(config, **_kwargs) -> None:
    """After the search plugin (hooks run after plugins): the index merged and rewritten as
    UTF-8, a dirty build's stale files removed, the source maps dropped."""
    site_dir = Path(config["site_dir"])
    write_index(site_dir / SEARCH_INDEX)
    if _BUILD.dirty and _BUILD.outputs:
        removed = remove_stale(site_dir, _BUILD.outputs)
        # Read by generator/site.py (MkDocs runs with -q: its own log is silent).
        print(
            f"briefing-hooks: dirty build: {len(_BUILD.built)} pages rebuilt, {removed} stale files removed",
            file=sys.stderr,
        )
    drop_source_maps(site_dir / "assets")


def empty_section(entry: dict) -> bool:
    """Whether an index entry is a section with no text of its own: only its heading
    ("Original text", whose text is excluded) would match, once on every article."""
    return "#" in str(entry.get("location", "")) and not entry.get("text")


def untitled(entry: dict) -> dict:
    """The index entry without the page's title at the start of its text: a page's entry
    has the title as its own field (boosted), and its text began with the <h1> again (an
    article's headline, once per article and language: ~6 MB at 20,000 articles in four
    languages), which a search result then showed twice."""
    title, text = entry.get("title"), entry.get("text")
    location = str(entry.get("location", ""))
    if "#" in location or not isinstance(title, str) or not title or not isinstance(text, str):
        return entry
    # The title field is HTML-escaped (&quot;, &amp;), the text is not: compare both spellings.
    for head in dict.fromkeys((title, html.unescape(title))):
        if text == head or text.startswith(head + " "):
            return {**entry, "text": text[len(head) :].lstrip(" ")}
    return entry


def write_index(index: Path) -> None:
    """Rewrite Material's index as UTF-8 JSON; in a dirty build, merged with the previous one."""
    if not index.is_file():
        return
    data = json.loads(index.read_bytes())
    if not isinstance(data.get("docs"), list):
        index.write_bytes(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        return
    # This build's entries only: the previous build's were written so already.
    data["docs"] = [untitled(d) for d in data["docs"] if isinstance(d, dict)]
    if _BUILD.dirty and _BUILD.previous is not None:
        data["docs"] = merge_index(_BUILD.previous, data["docs"], _BUILD.order, _BUILD.built)
    data["docs"] = [d for d in data["docs"] if not empty_section(d)]
    index.write_bytes(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def drop_source_maps(assets: Path) -> None:
    """Delete the source maps under ``assets`` and the comments in the files that name them."""
    if not assets.is_dir():
        return
    for source_map in assets.rglob("*.map"):
        asset = source_map.with_suffix("")  # bundle.x.min.js.map -> bundle.x.min.js
        source_map.unlink()
        if asset.is_file():
            data = asset.read_bytes()
            trimmed = _SOURCE_MAP_COMMENT.sub(b"", data)
            if trimmed != data:
                asset.write_bytes(trimmed + b"\n")
