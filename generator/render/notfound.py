"""The "page not found" edges: the site root's 404.html and the per-language 404 pages' base.

A static host serves one 404 page for every missing address, at any depth (GitHub Pages:
site/404.html), so the root page is self-contained (inline style, no assets) and resolves
its links against the site root: site_url when it is set, otherwise the part of the
address before a site-language folder (or the server root). Each language's own 404.html
(MkDocs' Material page) gets absolute links from MkDocs when site_url is set; without it
MkDocs assumes the site is served from the server root and links "/assets/…", which is
wrong for site/<lang>/404.html, so its base becomes the page's own folder.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..config import Config
from .i18n import N_, translations

NOT_FOUND = N_("Page not found")
NOT_FOUND_TEXT = N_("There is no page at this address. It may have moved or never existed.")
GO_HOME = N_("Go to the home page")


def not_found_labels(locale: str) -> dict[str, str]:
    """The 404 page's texts in one site language (for the MkDocs config's extra labels)."""
    t = translations(locale)
    return {
        "not_found": t.gettext(NOT_FOUND),
        "not_found_text": t.gettext(NOT_FOUND_TEXT),
        "go_home": t.gettext(GO_HOME),
    }


def root_not_found(cfg: Config) -> str:
    """site/404.html: "not found" in every site language, each with a link to its home."""
    blocks = []
    for lang in cfg.languages:
        labels = not_found_labels(lang.locale)
        blocks.append(
            f'<section lang="{html.escape(lang.code)}" dir="{lang.dir}">'
            f"<h2>{html.escape(labels['not_found'])}</h2><p>{html.escape(labels['not_found_text'])}</p>"
            f'<p><a href="{html.escape(lang.code)}/index.html" hreflang="{html.escape(lang.code)}">'
            f"{html.escape(labels['go_home'])}</a> · {html.escape(lang.name)}</p></section>"
        )
    codes = json.dumps([lang.code for lang in cfg.languages])
    if cfg.site_url:
        base = f'<base href="{html.escape(cfg.site_url.rstrip("/") + "/")}">'
    else:
        # The root is the address up to a site-language folder, else the server root.
        base = (
            "<script>(function () {\n"
            f"  var codes = {codes}, parts = location.pathname.split('/'), root = '/';\n"
            "  for (var i = parts.length - 2; i >= 0; i--)\n"
            "    if (codes.indexOf(parts[i]) >= 0) { root = parts.slice(0, i).join('/') + '/'; break; }\n"
            "  document.write('<base href=\"' + root.replace(/\"/g, '%22') + '\">');\n"
            "})();</script>"
        )
    return f"""<!doctype html>
<html lang="{html.escape(cfg.default_language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
{base}
<title>404 · Briefing</title>
<link rel="icon" href="data:,">
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}}
section{{margin:0 0 1.5rem}}h2{{font-size:1.3rem;margin:0 0 .3rem}}p{{margin:.2rem 0}}a{{color:#3f51b5}}</style>
</head>
<body>
<h1>404</h1>
{"".join(blocks)}
</body>
</html>
"""


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    """MkDocs hook: without site_url, the per-language 404.html links from its own folder."""
    if template_name != "404.html" or config.get("site_url"):
        return context
    from mkdocs.utils import normalize_url

    context["base_url"] = "."
    context["extra_css"] = [normalize_url(str(p), None, ".") for p in config["extra_css"]]
    context["extra_javascript"] = [normalize_url(str(p), None, ".") for p in config["extra_javascript"]]
    return context
