#!/usr/bin/env python3
"""Project a site's size at a large corpus without building it, for languages × page types.

Chrome (page bytes outside <article>) and the HTML/Markdown ratio of the content come from a
site built with the current code at a small size (its site/ and content/generated/); each
language's content relative to en, too. The content itself comes from the generated Markdown
of the large corpus (one language, en: `briefing generate` is cheap next to MkDocs), with the
"Same event" cap of generator/render/pages.py applied and its lists' markup as the current
renderer writes it (current(): a Markdown generated with earlier code still has it). Prints JSON: the measured factors, the
HTML bytes projected per language, and the whole site's: pages, plus each language's search
index (its bytes per article at the small size, times the large corpus' articles; the index
holds every article's title, summary and key facts), the rest of each language's folder
(assets and feeds measured, sitemaps scaled like the index), and briefing.json (the large corpus', if generated).

An article's text is on its page in its own language's site only (or the default
language's, render/pages.py text_home); the other languages' pages hold a link block instead,
and their fact cards link to that page. So the articles' content is projected in two parts:
the rest of the page as above, and per article and language either its text (the large
corpus' own) or the small build's mean link block plus the longer fact-card links.

    python benchmarks/project_size.py benchmarks/out/n1000 benchmarks/out/n20000 --cap 3
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

TYPES = ("articles", "events", "entities", "archive")
SAME = re.compile(r'(\n## [^\n]*\{#same-event[^\n]*\n\n<ul class="link-list">\n)(.*?)(\n</ul>)', re.S)
RELATED = re.compile(r'(\n## [^\n]*\{#related[^\n]*\n\n<ul class="link-list">\n)(.*?)(\n</ul>)', re.S)
STORIES = re.compile(r'(\n## [^\n]*\{#articles[^\n]*\n\n<ul class="article-list">\n)(.*?)(\n</ul>\n)', re.S)
# pages.py: the note under an entity page's capped stories ("12 older stories are not listed.")
NOTE = '<p class="empty">12 older stories are not listed.</p>\n'


# Markup the renderer no longer writes (render/pages.py: article_item, link_list, _tr_group),
# taken out of a large corpus' Markdown generated with earlier code, as capped() cuts its lists.
_LINK_HREFLANG = re.compile(r'(<a href="[^"]*\.html(?:#[^"]*)?") hreflang="[^"]*">')
_TR_BLOCK = re.compile(r'( data-tr-lang="[^"]*") data-tr data-tr-at="end"')


def current(md: str) -> str:
    """The Markdown with its lists' markup as the current renderer writes it."""
    return _TR_BLOCK.sub(r"\1", _LINK_HREFLANG.sub(r"\1>", md)).replace(" data-tr-unit", "")


def body(md: str) -> str:
    """The Markdown without its front matter (MkDocs writes none of it into the page)."""
    return md.split("\n---\n", 1)[1] if md.startswith("---\n") else md


def cut(pattern: re.Pattern, md: str, cap: int, note: str = "") -> str:
    """The Markdown with the list ``pattern`` finds cut to its first ``cap`` lines (items),
    followed by ``note`` when it was longer."""

    def keep(m: re.Match) -> str:
        lines = m.group(2).split("\n")
        return m.group(1) + "\n".join(lines[:cap]) + m.group(3) + (note if len(lines) > cap else "")

    return pattern.sub(keep, md)


def capped(md: str, cap: int, related: int = 4) -> str:
    """The Markdown with its "Same event" list cut to the first `cap` items and its "Related
    coverage" to `related` (pages.SAME_EVENT_SHOWN, RELATED_SHOWN)."""
    return cut(RELATED, cut(SAME, md, cap), related)


def pages(folder: Path, kind: str, suffix: str) -> list[Path]:
    """The section's pages (its index page excluded, except in the archive)."""
    return [p for p in sorted(folder.glob(f"{kind}/*{suffix}")) if kind == "archive" or p.stem != "index"]


ORIGINAL = re.compile(r'<div class="original"[^>]*>.*?</div>\n?', re.S)
LANG = re.compile(r'<div class="original" lang="([^"]+)"')
CARD = re.compile(r'class="fact-card ')


def split_text(md: str) -> tuple[str, str]:
    """(the page without its text block, the text block or its link block)."""
    m = ORIGINAL.search(md)
    return (md[: m.start()] + md[m.end() :], m.group(0)) if m else (md, "")


def holds_text(site_lang: str, article_lang: str, langs: list[str], default: str) -> bool:
    """Whether the site language's page of an article holds its text (pages.View.text_home)."""
    base = article_lang.split("-")[0].lower()
    if site_lang.split("-")[0].lower() == base:
        return True
    return site_lang == default and not any(x.split("-")[0].lower() == base for x in langs)


def small_factors(site: Path, content: Path, lang: str, kind: str) -> dict:
    """Chrome bytes per page, HTML/Markdown ratio and Markdown bytes of one section's pages
    without their text block, and the mean link block of pages without their text."""
    chrome = html = md = links = linked = 0
    found = pages(site / lang, kind, ".html")
    for page in found:
        text = page.read_text(encoding="utf-8")
        start, end = text.find("<article"), text.find("</article>") + len("</article>")
        inner, block = split_text(text[start:end])
        chrome += len(text.encode()) - len(text[start:end].encode())
        html += len(inner.encode())
        if "data-src=" in block:
            links += len(block.encode())
            linked += 1
        rest = split_text(body((content / lang / kind / f"{page.stem}.md").read_text(encoding="utf-8")))[0]
        md += len(rest.encode())
    return {
        "chrome": chrome / max(1, len(found)),
        "html_per_md": html / max(1, md),
        "md": md,
        "link_block": links / max(1, linked),
    }


def large_articles(big_md: Path, cap: int) -> list[tuple[str, int, int, str, int]]:
    """Per article of the large corpus: (file stem, bytes without its text, text bytes, its
    language, fact cards)."""
    out = []
    for p in pages(big_md, "articles", ".md"):
        rest, text = split_text(capped(current(body(p.read_text(encoding="utf-8"))), cap))
        m = LANG.match(text)
        out.append(
            (p.stem, len(rest.encode()), len(text.encode()), m.group(1) if m else "", len(CARD.findall(rest)))
        )
    return out


def article_bytes(lang: str, arts: list, f: dict, en: dict, langs: list[str], default: str) -> float:
    """The projected article pages of one site language: chrome, the rest of each page, and
    each article's text or link block (with its fact cards' links to the page holding it)."""
    total = len(arts) * f["chrome"] + sum(a[1] for a in arts) * f["html_per_md"] * f["md"] / max(1, en["md"])
    for stem, _rest, text, article_lang, cards in arts:
        if holds_text(lang, article_lang, langs, default):
            total += text
        else:
            home = next(
                (x for x in langs if x.split("-")[0].lower() == article_lang.split("-")[0].lower()), default
            )
            total += f["link_block"] + cards * len(f"../../{home}/articles/{stem}.html")
    return total


def project(small: Path, big_md: Path, cap: int, default: str = "en", stories: int = 30) -> dict:
    """Factors measured on the small build, content of the large one, projected bytes."""
    site, content = small / "site", small / "content" / "generated"
    langs = sorted(p.name for p in site.iterdir() if p.is_dir())
    factors = {lang: {k: small_factors(site, content, lang, k) for k in TYPES} for lang in langs}
    big = {}
    for kind in TYPES:
        texts = [current(body(p.read_text(encoding="utf-8"))) for p in pages(big_md, kind, ".md")]
        if kind == "articles":
            texts = [capped(t, cap) for t in texts]
        elif kind == "entities":  # pages.ENTITY_STORIES_SHOWN
            texts = [cut(STORIES, t, stories, NOTE) for t in texts]
        big[kind] = {"pages": len(texts), "bytes": sum(len(t.encode()) for t in texts)}
    arts = large_articles(big_md, cap)
    big["articles"]["text_bytes"] = sum(a[2] for a in arts)
    out: dict = {"factors": factors, "large_markdown": big, "html_bytes": {}}
    for lang in langs:
        total = article_bytes(
            lang, arts, factors[lang]["articles"], factors["en"]["articles"], langs, default
        )
        for kind in TYPES[1:]:
            f, en = factors[lang][kind], factors["en"][kind]
            total += big[kind]["pages"] * f["chrome"] + big[kind]["bytes"] * f["html_per_md"] * f["md"] / max(
                1, en["md"]
            )
        out["html_bytes"][lang] = round(total)
    out["html_bytes_total"] = sum(out["html_bytes"].values())
    out["site_bytes"] = site_total(site, langs, big, out["html_bytes_total"], big_md.parent / "briefing.json")
    return out


def exported_bytes(export: Path) -> int:
    """The size of a briefing.json written as the current code writes it (render/export.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from generator.render.export import dumps

    return len(dumps(json.loads(export.read_bytes())).encode("utf-8"))


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
    json_bytes = exported_bytes(export) if export.is_file() else small_export.stat().st_size * scale
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
    ap.add_argument("--cap", type=int, default=3, help="same-event items shown (pages.SAME_EVENT_SHOWN)")
    ap.add_argument("--default", default="en", help="the site's default language (mkdocs.yml)")
    ap.add_argument(
        "--stories", type=int, default=30, help="stories on an entity page (pages.ENTITY_STORIES_SHOWN)"
    )
    args = ap.parse_args(argv)
    result = project(
        args.small, args.large / "content" / "generated" / "en", args.cap, args.default, args.stories
    )
    json.dump(result, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
