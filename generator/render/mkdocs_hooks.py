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
* Material ships a JavaScript/CSS source map beside each of its assets (1.3 MB per language, only
  for debugging Material itself): dropped after the build, with the comments naming them.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

_WS = re.compile(r"\n\s+")
# A line break just before or after a tag, unless inside an inline <script>/<style>.
_CHROME_NL = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>)|\n(?=<)|(?<=>)\n", re.S)
_ARTICLE = re.compile(r"<article\b.*</article>", re.S)
_SOURCE_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*\.map|/\*# sourceMappingURL=[^\n]*\.map \*/)\s*$")


BRIEFING_JS = "assets/javascripts/briefing.js"

# The per-language 404 page's links without site_url (render/notfound.py).
from generator.render.notfound import on_template_context  # noqa: E402,F401


def on_config(config, **_kwargs):
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


def _chrome(html: str) -> str:
    html = _WS.sub("\n", html)
    return _CHROME_NL.sub(lambda m: m.group(1) or "", html)


def on_post_page(output: str, **_kwargs) -> str:
    article = _ARTICLE.search(output)
    if article is None:  # not a Material page: only the safe collapse, as before
        if "<pre" in output or "<textarea" in output:
            return output
        return _WS.sub("\n", output)
    body = article.group(0)
    if "<pre" not in body and "<textarea" not in body:
        body = _WS.sub("\n", body)
    return _chrome(output[:article.start()]) + body + _chrome(output[article.end():])


def on_post_build(config, **_kwargs) -> None:
    # Hooks run after the plugins, so the search plugin has written its index by now.
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_bytes())
        index.write_bytes(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    assets = Path(config["site_dir"]) / "assets"
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
