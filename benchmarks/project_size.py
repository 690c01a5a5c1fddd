#!/usr/bin/env python3
"""Project a site's size at a large corpus without building it, for languages × page types.

Chrome (page bytes outside <article>) and the HTML/Markdown ratio of the content come from a
site built with the current code at a small size (its site/ and content/generated/); each
language's content relative to en, too. The content itself comes from the generated Markdown
of the large corpus (one language, en: `briefing generate` is cheap next to MkDocs), with the
"Same event" cap of generator/render/pages.py applied. Prints JSON: the measured factors, the
HTML bytes projected per language, and the whole site's: pages, plus each language's search
index (its bytes per article at the small size, times the large corpus' articles; the index
holds every article's title, summary and key facts), the rest of each language's folder
(assets and feeds measured, sitemaps scaled like the index), and briefing.json (the large corpus', if generated).

    python benchmarks/project_size.py benchmarks/out/n1000 benchmarks/out/n20000 --cap 5
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

TYPES = ("articles", "events", "entities", "archive")
SAME = re.compile(r'(\n## [^\n]*\{#same-event[^\n]*\n\n<ul class="link-list">\n)(.*?)(\n</ul>)', re.S)


def body(md: str) -> str:
    """The Markdown without its front matter (MkDocs writes none of it into the page)."""
    return md.split("\n---\n", 1)[1] if md.startswith("---\n") else md


def capped(md: str, cap: int) -> str:
    """The Markdown with its "Same event" list cut to the first `cap` items."""
    return SAME.sub(lambda m: m.group(1) + "\n".join(m.group(2).split("\n")[:cap]) + m.group(3), md)


def pages(folder: Path, kind: str, suffix: str) -> list[Path]:
    """The section's pages (its index page excluded, except in the archive)."""
    return [p for p in sorted(folder.glob(f"{kind}/*{suffix}")) if kind == "archive" or p.stem != "index"]


def small_factors(site: Path, content: Path, lang: str, kind: str) -> tuple[float, float, int]:
    """(chrome bytes per page, HTML/Markdown content ratio, Markdown bytes) of one section."""
    chrome = html = md = 0
    found = pages(site / lang, kind, ".html")
    for page in found:
        text = page.read_text(encoding="utf-8")
        start, end = text.find("<article"), text.find("</article>") + len("</article>")
        inner = len(text[start:end].encode())
        chrome += len(text.encode()) - inner
        html += inner
        md += len(body((content / lang / kind / f"{page.stem}.md").read_text(encoding="utf-8")).encode())
    return chrome / max(1, len(found)), html / max(1, md), md


def project(small: Path, big_md: Path, cap: int) -> dict:
    """Factors measured on the small build, content of the large one, projected bytes."""
    site, content = small / "site", small / "content" / "generated"
    langs = sorted(p.name for p in site.iterdir() if p.is_dir())
    factors = {lang: {k: small_factors(site, content, lang, k) for k in TYPES} for lang in langs}
    big = {}
    for kind in TYPES:
        texts = [body(p.read_text(encoding="utf-8")) for p in pages(big_md, kind, ".md")]
        cut = [capped(t, cap) if kind == "articles" else t for t in texts]
        big[kind] = {"pages": len(texts), "bytes": sum(len(t.encode()) for t in cut)}
    out: dict = {"factors": {}, "large_markdown": big, "html_bytes": {}}
    for lang in langs:
        total = 0.0
        for kind in TYPES:
            chrome, ratio, md = factors[lang][kind]
            rel = md / max(1, factors["en"][kind][2]) if "en" in factors else 1.0
            out["factors"].setdefault(lang, {})[kind] = {"chrome": chrome, "html_per_md": ratio, "vs_en": rel}
            total += big[kind]["pages"] * chrome + big[kind]["bytes"] * ratio * rel
        out["html_bytes"][lang] = round(total)
    out["html_bytes_total"] = sum(out["html_bytes"].values())
    out["site_bytes"] = site_total(site, langs, big, out["html_bytes_total"], big_md.parent / "briefing.json")
    return out


def site_total(site: Path, langs: list[str], big: dict, html_total: float, export: Path) -> dict:
    """The projected site: pages + search indexes + the rest of each language + briefing.json."""
    small_articles = len(pages(site / langs[0], "articles", ".html")) if langs else 0
    scale = big["articles"]["pages"] / max(1, small_articles)
    index = sum((site / lang / "search" / "search_index.json").stat().st_size for lang in langs) * scale
    rest = 0.0
    for lang in langs:
        for path in (site / lang).rglob("*"):
            kind = path.relative_to(site / lang).parts[0]
            if path.is_file() and path.suffix != ".html" and kind != "search":
                # Sitemaps list every page: they grow with the corpus; assets and feeds do not.
                rest += path.stat().st_size * (scale if path.name.startswith("sitemap") else 1)
    small_export = site / "briefing.json"
    json_bytes = export.stat().st_size if export.is_file() else small_export.stat().st_size * scale
    total = html_total + index + rest + json_bytes
    return {
        "pages": round(html_total),
        "search_indexes": round(index),
        "other_files": round(rest),
        "briefing_json": round(json_bytes),
        "total": round(total),
    }


def main(argv: list[str] | None = None) -> int:
    """0 after printing the projection as JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("small", type=Path, help="benchmark folder built with the current code (site/, content/)")
    ap.add_argument("large", type=Path, help="benchmark folder of the large corpus (content/generated/en)")
    ap.add_argument("--cap", type=int, default=5, help="same-event items shown (pages.SAME_EVENT_SHOWN)")
    args = ap.parse_args(argv)
    result = project(args.small, args.large / "content" / "generated" / "en", args.cap)
    json.dump(result, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
