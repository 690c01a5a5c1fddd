"""The MkDocs hooks that keep a site of tens of thousands of pages small (mkdocs_hooks.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import material

from generator.render import mkdocs_hooks

REPO = Path(__file__).resolve().parents[2]

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <title>T</title>
    <script>var a = 1 >
      2;</script>
  </head>
  <body>
    <nav class="md-tabs">
      <ul>
        <li><a href="a.html">
          Home
        </a></li>
      </ul>
    </nav>
    <article class="md-content__inner">
      <p><a href="x.html">one</a>
      <a href="y.html">two</a></p>
    </article>
    <footer class="md-footer"></footer>
  </body>
</html>
"""


def test_chrome_loses_its_line_breaks_the_article_keeps_its_spaces():
    out = mkdocs_hooks.on_post_page(PAGE)
    head, rest = out.split("<article", 1)
    article, tail = rest.split("</article>", 1)
    assert '<nav class="md-tabs"><ul><li><a href="a.html">Home</a></li></ul></nav>' in head
    assert "\n" not in tail.strip()
    # Inside the article a line break between two links is the space between them.
    assert '<a href="x.html">one</a>\n<a href="y.html">two</a>' in article
    # An inline script is left as it is (beyond the old indentation collapse).
    assert "<script>var a = 1 >\n2;</script>" in head


def test_article_with_pre_is_left_alone_but_the_chrome_is_not():
    page = PAGE.replace("<p>", "<pre>  keep\n    this</pre><p>")
    out = mkdocs_hooks.on_post_page(page)
    assert "<pre>  keep\n    this</pre>" in out
    assert '<ul><li><a href="a.html">Home</a></li></ul>' in out


def test_post_build_drops_source_maps_and_writes_the_search_index_as_utf8(tmp_path):
    js = tmp_path / "assets" / "javascripts"
    js.mkdir(parents=True)
    (js / "bundle.1.min.js").write_text("var x=1;\n//# sourceMappingURL=bundle.1.min.js.map\n")
    (js / "bundle.1.min.js.map").write_text("{}")
    (js / "other.js").write_text("var y=2;\n")
    search = tmp_path / "search"
    search.mkdir()
    data = {
        "config": {"lang": ["ar"]},
        "docs": [{"location": "a.html", "title": "الموجز", "text": '推特 \u2028 "q"'}],
    }
    (search / "search_index.json").write_text(json.dumps(data), encoding="ascii")
    before = (search / "search_index.json").stat().st_size

    mkdocs_hooks.on_post_build({"site_dir": str(tmp_path)})

    assert not list(tmp_path.rglob("*.map"))
    assert (js / "bundle.1.min.js").read_text() == "var x=1;\n"
    assert (js / "other.js").read_text() == "var y=2;\n"
    raw = (search / "search_index.json").read_bytes()
    assert json.loads(raw.decode("utf-8")) == data
    assert "الموجز".encode() in raw and len(raw) < before


def test_the_search_worker_named_by_briefing_js_is_materials():
    """briefing.js replaces base.html's __config; the worker's name is Material's per version."""
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    worker = re.search(r"workers/(search\.[0-9a-f]+\.min\.js)", base).group(1)
    ours = (REPO / "overrides" / "assets" / "javascripts" / "briefing.js").read_text(encoding="utf-8")
    assert f'"workers/{worker}"' in ours


def test_hooks_receive_what_mkdocs_passes():
    # MkDocs passes keyword arguments (page=, config=, files=…): the signatures accept them.
    assert mkdocs_hooks.on_post_page("<p>x</p>", page=None, config=SimpleNamespace()) == "<p>x</p>"


def test_briefing_js_is_rendered_even_without_static_templates_in_mkdocs_yml(tmp_path):
    theme = SimpleNamespace(dirs=[str(REPO / "overrides"), str(tmp_path)], static_templates={"404.html"})
    config = {"theme": theme}
    config_obj = SimpleNamespace(plugins={}, get=config.get)
    mkdocs_hooks.on_config(config_obj)
    assert theme.static_templates == {"404.html", "assets/javascripts/briefing.js"}
    other = SimpleNamespace(dirs=[str(tmp_path)], static_templates=set())
    mkdocs_hooks.on_config(SimpleNamespace(plugins={}, get={"theme": other}.get))
    assert other.static_templates == set()


def test_sections_without_text_leave_the_search_index(tmp_path):
    search = tmp_path / "search"
    search.mkdir()
    docs = [
        {"location": "a.html", "title": "A", "text": ""},
        {"location": "a.html#key-facts", "title": "Key facts", "text": "<p>60%</p>"},
        {"location": "a.html#original", "title": "Original text", "text": ""},
    ]
    (search / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    mkdocs_hooks.on_post_build({"site_dir": str(tmp_path)})
    kept = json.loads((search / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert [d["location"] for d in kept] == ["a.html", "a.html#key-facts"]  # a page's own entry stays


def test_a_page_entry_does_not_repeat_its_title_in_its_text():
    page = {"location": "articles/a.html", "title": "Musk sells", "text": "Musk sells <p>Summary.</p>"}
    assert mkdocs_hooks.untitled(page)["text"] == "<p>Summary.</p>"
    section = {"location": "articles/a.html#key-facts", "title": "Key facts", "text": "Key facts <p>x</p>"}
    assert mkdocs_hooks.untitled(section) == section  # a section's heading is its title only
    other = {"location": "b.html", "title": "Musk", "text": "Musketeers <p>y</p>"}
    assert mkdocs_hooks.untitled(other) == other  # a word that merely starts alike is kept


def test_a_title_with_quotes_is_matched_unescaped():
    # Material escapes the title field (&quot;) but not the text taken from the <h1>.
    page = {"location": "a.html", "title": "WHO &quot;four steps&quot;", "text": 'WHO "four steps" <p>s</p>'}
    assert mkdocs_hooks.untitled(page)["text"] == "<p>s</p>"


def test_untitled_entries_merge_like_a_full_build(tmp_path):
    """A dirty build strips its own entries only: the previous ones are kept as written."""
    prev = [{"location": "a.html", "title": "A", "text": "A <p>A b</p>"}]
    new = [{"location": "b.html", "title": "B", "text": "B <p>c</p>"}]
    merged = mkdocs_hooks.merge_index(
        prev, [mkdocs_hooks.untitled(d) for d in new], ["a.html", "b.html"], {"b.html"}
    )
    assert [d["text"] for d in merged] == ["A <p>A b</p>", "<p>c</p>"]


def test_search_exclusion_marks_leave_the_page_but_not_its_text():
    html = (
        '<html><body><article class="md-content__inner">'
        '<h2 data-search-exclude id="related">Related</h2>'
        '<div class="original" lang="de" data-search-exclude data-tr>a data-search-exclude b</div>'
        "</article></body></html>"
    )
    out = mkdocs_hooks.on_post_page(html)
    assert '<h2 id="related">' in out and '<div class="original" lang="de" data-tr>' in out
    assert "a data-search-exclude b" in out  # the article's own words stay


def test_anchor_scan_is_skipped_only_when_anchors_are_not_validated():
    from mkdocs.structure import pages

    def config(anchors):
        links = SimpleNamespace(anchors=anchors)
        return SimpleNamespace(plugins={}, get={}.get, validation=SimpleNamespace(links=links))

    lines = ['<p id="x">a</p>']
    try:
        mkdocs_hooks.on_config(config(10))  # "ignore" (logging.DEBUG)
        scanner = pages._RawHTMLPreprocessor()
        assert scanner.run(lines) == lines and scanner.present_anchor_ids == set()
        mkdocs_hooks.on_config(config(20))  # "info": MkDocs' own scan
        scanner = pages._RawHTMLPreprocessor()
        assert scanner.run(lines) == lines and scanner.present_anchor_ids == {"x"}
    finally:
        mkdocs_hooks.scan_anchors(True)


def test_generated_configs_do_not_validate_anchors():
    from generator.config import load_config
    from generator.site import language_config

    cfg = load_config(REPO / "mkdocs.yml")
    conf = language_config(cfg, cfg.languages[0], cfg.generated, cfg.generated / cfg.languages[0].code)
    assert conf["validation"]["links"]["anchors"] == "ignore"


def test_on_config_adds_the_html_block_pass():
    extensions = ["attr_list"]
    mkdocs_hooks.on_config(SimpleNamespace(plugins={}, get={"markdown_extensions": extensions}.get))
    assert extensions[0] == "attr_list" and len(extensions) == 2
    import markdown

    md = markdown.Markdown(extensions=extensions)
    assert "briefing_html_blocks" in md.preprocessors
    assert md.convert('<div class="a"><p>x &amp; y</p></div>') == '<div class="a"><p>x &amp; y</p></div>'


def _dirty_files(tmp_path: Path, pages: dict[str, str], changed: set[str]):
    """A docs folder and site folder where only ``changed`` pages are newer than their HTML,
    and MkDocs' Files of it (use_directory_urls off, as the generated configs)."""
    import os

    from mkdocs.structure.files import File, Files

    docs, site = tmp_path / "docs", tmp_path / "site"
    files = []
    for src, text in pages.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
        f = File(src, str(docs), str(site), False)
        Path(f.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(f.abs_dest_path).write_text("<html></html>", encoding="utf-8")
        older, newer = (2_000_000, 1_000_000) if src in changed else (1_000_000, 2_000_000)
        os.utime(f.abs_src_path, (older, older))
        os.utime(f.abs_dest_path, (newer, newer))
        files.append(f)
    files.append(File("feed.xml", str(docs), str(site), False))  # not a page: never pruned
    (docs / "feed.xml").write_text("<rss/>", encoding="utf-8")
    return Files(files)


def test_a_dirty_build_leaves_out_unchanged_pages_but_keeps_nav_and_link_targets(tmp_path):
    pages = {
        "index.md": "# Home\n",
        "about.md": "See [the list](archive/1.md) and <a href='b.html'>b</a>.\n",
        "archive/1.md": "# All\n",
        "articles/a.md": "# A\nread [b](b.md#top) and [c](../articles/c%20d.md)\n",
        "articles/b.md": "# B\n",
        "articles/c d.md": "# C\n",
        "articles/e.md": "# E\n",
    }
    files = _dirty_files(tmp_path, pages, changed={"articles/a.md"})
    documents = list(files.documentation_pages())
    config = {"nav": [{"Home": "index.md"}, {"About": "about.md"}]}
    assert mkdocs_hooks.prune_unchanged(files, documents, config) == 2
    left = {f.src_uri for f in files}
    # the changed page, the nav's pages, what the changed page links to, and the non-pages
    assert left == {"index.md", "about.md", "articles/a.md", "articles/b.md", "articles/c d.md", "feed.xml"}


def test_without_a_nav_nothing_is_pruned(tmp_path):
    files = _dirty_files(tmp_path, {"index.md": "# H\n", "x.md": "# X\n"}, changed=set())
    assert mkdocs_hooks.prune_unchanged(files, list(files.documentation_pages()), {"nav": None}) == 0
    assert len(files) == 3


def test_nav_sources_reads_nested_navs():
    nav = [{"Home": "index.md"}, {"Part": [{"One": "a/one.md"}, "/b.md", {"Out": "https://x.org/"}]}]
    assert mkdocs_hooks.nav_sources(nav) == {"index.md", "a/one.md", "b.md", "https://x.org/"}
    assert mkdocs_hooks.nav_sources(None) is None


def test_the_sitemap_lists_pruned_pages_again(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig

    files = _dirty_files(tmp_path, {"index.md": "# H\n", "x/y.md": "# Y\n"}, changed=set())
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "site_url": "https://example.org/", "use_directory_urls": False})
    config.validate()
    documents = list(files.documentation_pages())
    pages = mkdocs_hooks.sitemap_pages(documents, config)
    assert [f.page.canonical_url for f in pages] == [
        "https://example.org/index.html",
        "https://example.org/x/y.html",
    ]
