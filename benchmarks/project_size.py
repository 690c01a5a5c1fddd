#!/usr/bin/env python3
"""Project a site's size at a large corpus without building it, for languages × page types.

Chrome (page bytes outside <article>) and the HTML/Markdown ratio of the content come from a
site built with the current code at a small size (its site/ and content/generated/); each
language's content relative to en, too. The content itself comes from the generated Markdown
of the large corpus (one language, en: `briefing generate` is cheap next to MkDocs), with the
"Same event" cap of generator/render/pages.py applied. Prints JSON: the measured factors and
the HTML bytes projected per language (pages only: add search indexes, briefing.json, assets).

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
    return out


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
