"""MkDocs hooks for the generated per-language configs (listed under `hooks:` by site.py).

Both exist for sites of thousands of pages, where MkDocs' per-page costs dominate the build:

* Material segments every Han run of every page with jieba whenever jieba is importable —
  in the English, German and Arabic builds too, where the search language is not Chinese —
  and loads jieba's dictionary (~1.5 s) in each of them. Only a build whose search
  language is zh keeps it.
* Material's templates are indented for reading; the same whitespace repeated on tens of
  thousands of pages is a fifth of the site's size (GitHub Pages allows 1 GB). A run of
  whitespace that holds a line break is rendered like one line break, so collapsing it to
  one changes nothing that is shown, except inside <pre>/<textarea>: pages with those are
  left as they are.
"""
from __future__ import annotations

import re

_WS = re.compile(r"\n\s+")


def on_config(config, **_kwargs):
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


def on_post_page(output: str, **_kwargs) -> str:
    if "<pre" in output or "<textarea" in output:
        return output
    return _WS.sub("\n", output)
