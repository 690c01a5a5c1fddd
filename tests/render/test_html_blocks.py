"""Raw HTML blocks stashed without html.parser give Python-Markdown's own HTML (html_blocks.py)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.utils import meta

from generator.render import html_blocks
from generator.render.mkdocs_hooks import html_blocks_extension
from generator.render.pages import render_language

from . import test_entity_page, test_pages

REPO = Path(__file__).resolve().parents[2]
EXTENSIONS = ["attr_list", "tables", "toc"]  # mkdocs.yml's


def convert(source: str, fast: bool) -> str:
    """The page's HTML as MkDocs' Markdown makes it, with or without the fast block pass."""
    extensions: list = EXTENSIONS + ([html_blocks_extension()] if fast else [])
    return markdown.Markdown(extensions=extensions, extension_configs={"toc": {"permalink": False}}).convert(
        source
    )


def stashed(source: str) -> str | None:
    """What stash_blocks makes of a whole page (None: left to Python-Markdown)."""
    md = markdown.Markdown()
    return html_blocks.stash_blocks(source + "\n\n", md.htmlStash.store, md.is_block_level)


ACCEPTED = [
    '<p class="a" data-tr>One &amp; two</p>\n\n## Facts {#facts data-search-exclude}\n\n<ul>\n<li>x</li>\n</ul>\n',
    '<div class="g"><div class="c"><span>1</span></div><div class="c">2</div></div>\n',
    '<p class="kicker">Org</p>\n# Title\n\nText with <span lang="de">inline</span> HTML.\n',
    "<p>a<br>b &#39;c&#x27; <img src='x.png' alt=\"y\"/></p>\n\n<details><summary>s</summary><p>d</p></details>\n",
    "Text first\n<div>\nblock after a line of text\n</div>\n\nend\n",
    '   <div>indented three</div>\n\n<DIV CLASS="u">upper</DIV>\n',
    '<ul>\n<li><a href="a.html">a</a></li>\n\n<li>after a blank line inside</li>\n</ul>\n',
    "<p>stray </span> end tag</p>\n\n<div><p>unclosed p</div>\n",
]

REFUSED = [
    "<!-- a comment -->\n<p>x</p>\n",
    "<script>var a = 1 < 2;</script>\n",
    "<p>x</p><p>tail on the same line</p>\n",
    "<p>AT&T</p>\n",
    '<div markdown="1">*md*</div>\n',
    "<hr>\n",
    "<div/>\n",
    "<p>a < b</p>\n",
    "<p title='a>b'>x</p>\n",
    "<div>never closed\n",
]


@pytest.mark.parametrize("source", ACCEPTED)
def test_accepted_pages_give_python_markdowns_html(source):
    assert stashed(source) is not None
    assert convert(source, fast=True) == convert(source, fast=False)


@pytest.mark.parametrize("source", REFUSED)
def test_pages_of_other_forms_are_left_to_python_markdown(source):
    assert stashed(source) is None
    assert convert(source, fast=True) == convert(source, fast=False)


def generated_pages():
    """Every page the generator makes of the hand-made corpora of the render tests, and the
    hand-written pages, as MkDocs reads them (front matter removed)."""
    out = []
    for corpus in (test_pages.corpus(), test_pages.story_corpus(), test_entity_page.corpus()):
        for code in ("en", "ar", "zh-Hant"):
            pages = render_language(corpus, test_pages.CFG.language(code), test_pages.CFG)
            out += [meta.get_data(text)[0] for path, text in sorted(pages.items()) if path.endswith(".md")]
    out += [
        meta.get_data(p.read_text(encoding="utf-8"))[0] for p in sorted((REPO / "content/pages").glob("*.md"))
    ]
    return out


def test_generated_pages_take_the_fast_path_and_give_the_same_html():
    pages = generated_pages()
    assert len(pages) > 20
    for source in pages:
        assert stashed(source) is not None, source[:300]
        assert convert(source, fast=True) == convert(source, fast=False), source[:300]
