"""Bad input never breaks the site and never loses an article (issue 7).

A corpus of bad files next to two good seed copies is built like `briefing build`: every
bad file gets one line in the build report and an entry in briefing.json `errors`, every
other file gets its page in every language, nothing from an article is executed, a second
build is byte-identical, and a failed or interrupted build leaves the previous output.

Nothing outside seeds/ is published (issue 20): links out of the folder, FIFOs, devices,
directories named *.txt and sidecar links are reported and never read, and include syntax
in an article stays text even with pymdownx.snippets enabled. A retitled copy of 004 and
004 both keep every paragraph.

Builds: two full ones (shared by the module) plus two that stop before MkDocs or fail in it.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, make_project
from tests.ingest.texts import ARABIC, ENGLISH, GERMAN, LEGACY_CASES, article_text

pytestmark = pytest.mark.slow

LANGS = ["en", "ar"]  # one LTR and one RTL site language keep the builds short
GOOD_SEEDS = ("001_e156b01c1481eb5d.txt", "004_2af2013fb0c89e17.txt")

MARKUP = (
    'Council <script>alert("title-xss")</script> approves {{ config.site_name }} budget\n'
    'The city council met on Tuesday and approved the budget. <script>alert("body-xss")</script> '
    "Officials said spending grew by 4% compared with last year.\n"
    '<img src=x onerror=alert("img-xss")> Residents applauded the decision. **bold** _em_ '
    '[a link](javascript:alert("link-xss")) `code` <a href="javascript:alert(\'a-xss\')">click</a>.\n'
    '{% include "partials/evil.html" %} {{ page.meta | tojson }} {#- comment -#} '
    '{: onclick="alert(\'attr-xss\')" } <div markdown="1">*not Markdown*</div> <!-- comment --> &amp; &lt;b&gt;\n'
    '--8<-- "/etc/passwd"\n'
    "# Not a heading\n"
    "| a | b |\n|---|---|\n"
    '</div></p><iframe src="https://evil.example/"></iframe><svg onload=alert("svg-xss")>\n'
    "Emoji 🚀👏🏽 and the Arabic word مرحبا appear in this English sentence about the budget vote.\n"
)
FRONT_MATTER = (
    "---\ntitle: Pwned title\ntemplate: evil.html\nhide: [toc, navigation]\n---\n"
    "Harbour reopens after storm damage is repaired\n"
    "Workers finished repairs on the main pier on Friday, and ferries resumed their service on Saturday morning.\n"
    "The harbour master said traffic would return to normal within a week.\n"
)
BIDI = (
    "Invoice dispute reaches the district court\n"
    "The contractor says the invoice total was \u202e0001\u202c dollars, not 1000 as the city claimed. "
    "The judge will rule on the case next week.\n"
)
ONE_LINE = "Oil prices rose 3% on Monday after producers announced output cuts.\n"
# In files outside seeds/ that links and include syntax point at: must appear nowhere.
SECRET = "runner-secret-5c1f0e: the build machine's private text"
INCLUDE = (
    "Council publishes its include rules for the archive\n"
    "The archive team explained on Monday how pages are assembled from shared files.\n"
    '--8<-- "secret-include.txt"\n'
    "--8<--\nsecret-include.txt\n--8<--\n"
    ';--8<-- "secret-include.txt"\n'
    "{!secret-include.txt!}\n"
    "The team said no page ever includes a file named in an article.\n"
)
COPY_TITLE = "Musk umwirbt in Paris die Werbebranche"

# File → reason (substring) for every file that must be reported.
REPORTED = {
    "empty.txt": "empty file",
    "blank.txt": "only whitespace",
    "image.txt": "binary file",
    "junk.txt": "not valid UTF-8",
    "huge.txt": "file too large",
    "dangling.txt": "cannot read file",
    "broken-utf8.txt": "invalid UTF-8",  # reported, and still gets its page
    "bad-yaml.yml": "not valid YAML",
    "wrong-types.yml": "must be a date",
    "unsafe.yml": "not valid YAML",
    "js-url.yml": "must be an http(s) URL",
    "link-out.txt": "symbolic link to a file outside the seeds folder",
    "zero.txt": "symbolic link to a file outside the seeds folder",
    "pipe.txt": "named pipe (FIFO)",
    "folder.txt": "is a directory",
    "linked-sidecar.yml": "symbolic link to a file outside the seeds folder",
    "alias.txt": "read already as 001_e156b01c1481eb5d.txt; counted once",
}


def corpus() -> dict[str, bytes]:
    en, de = article_text(ENGLISH).encode(), article_text(GERMAN).encode()
    files = {name: (ROOT / "seeds" / name).read_bytes() for name in GOOD_SEEDS}
    files.update(
        {
            "empty.txt": b"",
            "blank.txt": b" \n\t\r\n",
            "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            "junk.txt": bytes(range(0x80, 0x100)) * 8,
            "utf16.txt": "\ufeff".encode("utf-16-le") + article_text(ARABIC).encode("utf-16-le"),
            "broken-utf8.txt": de.replace(b" hat am", b"\xff hat am", 1),
            "one-line.txt": ONE_LINE.encode(),
            "mixed.txt": (article_text(ENGLISH) + article_text(GERMAN)).encode(),
            "markup.txt": MARKUP.encode(),
            "front-matter.txt": FRONT_MATTER.encode(),
            "bidi.txt": BIDI.encode(),
            "name with spaces.txt": en,
            "北京 新聞.txt": de,
            "-rf.txt": en,
            "..txt": de,
            "a..b.txt": en,
            "dup.txt": de,
            "dup.TXT": en,
            "copy-1.txt": de,
            "copy-2.txt": de,
            "bad-yaml.txt": en,
            "bad-yaml.yml": b"url: [unclosed\ntitle: 'x\n",
            "wrong-types.txt": de,
            "wrong-types.yml": b"published: [2024, 1, 1]\ntitle: {a: 1}\n",
            "unsafe.txt": en,
            "unsafe.yml": b"title: !!python/object/apply:os.system ['touch UNSAFE_MARKER']\n",
            "js-url.txt": de,
            "js-url.yml": b"url: \"javascript:alert('url-xss')\"\n",
            "include.txt": INCLUDE.encode(),
            "linked-sidecar.txt": de,
            "004-retitled.txt": _retitled_004(),
            "hostile-sidecar.txt": en,
            "hostile-sidecar.yml": (
                b"outlet: <b onmouseover=alert('outlet-xss')>Wire</b>\n"
                b"title: \"<img src=x onerror=alert('sidecar-title-xss')> {{ 7*7 }}\"\n"
                b'url: "https://example.com/a?b=<script>alert(\'href-xss\')</script>&c=\\"x"\n'
            ),
        }
    )
    for case, sample, codec in LEGACY_CASES:
        files[f"{case}.txt"] = article_text(sample).encode(codec)
    return files


def _retitled_004() -> bytes:
    """004's body under another headline: a syndicated copy."""
    text = (ROOT / "seeds" / GOOD_SEEDS[1]).read_text(encoding="utf-8")
    return (COPY_TITLE + "\n" + text.split("\n", 1)[1]).encode()


def add_awkward_files(seeds: Path, outside: Path) -> None:
    """What make_project cannot write: a name that is not UTF-8, a sparse 20 MB file, a dangling
    link, links out of seeds/ (to a file, to a device, for a sidecar), a link inside, a FIFO,
    a directory named *.txt."""
    with open(os.path.join(os.fsencode(seeds), b"caf\xe9 latin1.txt"), "wb") as fh:
        fh.write(article_text(ENGLISH).encode())
    with open(seeds / "huge.txt", "wb") as fh:
        fh.truncate(20 * 1024 * 1024)
    os.symlink(seeds / "no-such-file.txt", seeds / "dangling.txt")
    (outside / "secret.txt").write_text(
        f"Secret headline\n\n{SECRET}, and a sentence more.\n", encoding="utf-8"
    )
    (outside / "secret.yml").write_text(f'title: "{SECRET}"\noutlet: "{SECRET}"\n', encoding="utf-8")
    (outside / "secret-include.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    os.symlink(outside / "secret.txt", seeds / "link-out.txt")
    os.symlink("/dev/zero", seeds / "zero.txt")
    os.symlink(outside / "secret.yml", seeds / "linked-sidecar.yml")
    os.symlink(GOOD_SEEDS[0], seeds / "alias.txt")
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "folder.txt").mkdir()
    (seeds / "folder.txt" / "inner.txt").write_text(SECRET, encoding="utf-8")


def enable_snippets(config: Path, base: Path) -> None:
    """pymdownx.snippets on, reading from the folder of the secret: escaping must defeat it."""
    conf = yaml.safe_load(config.read_text(encoding="utf-8"))
    conf["markdown_extensions"].append(
        {"pymdownx.snippets": {"base_path": [str(base)], "check_paths": False, "restrict_base_path": False}}
    )
    config.write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), encoding="utf-8")


def expected_articles() -> set[str]:
    names = {n for n in corpus() if n.lower().endswith(".txt")} | {"caf\ufffd latin1.txt"}
    return names - {n for n in REPORTED if n != "broken-utf8.txt"}


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def leftovers(project) -> list[str]:
    """Staging folders or half-swapped trees next to the outputs."""
    places = [project.content, project.root, project.site.parent]
    return sorted(
        {
            str(p)
            for d in places
            if d.exists()
            for p in d.iterdir()
            if ".tmp-" in p.name or p.name.endswith(".old")
        }
    )


@dataclass
class Built:
    project: object
    first: object  # CompletedProcess
    second: object
    generated: dict
    generated_again: dict
    site_first: dict
    site: dict
    export: dict


@pytest.fixture(scope="module")
def built(tmp_path_factory, shared_cache) -> Built:
    project = make_project(
        tmp_path_factory.mktemp("bad-input"), corpus(), cache=shared_cache, languages=LANGS
    )
    outside = tmp_path_factory.mktemp("outside-seeds")
    add_awkward_files(project.seeds, outside)
    enable_snippets(project.config, outside)
    first = project.run("build", "--no-embeddings")
    generated, site_first = tree_hashes(project.content / "generated"), tree_hashes(project.site)
    second = project.run("build", "--no-embeddings", "--strict")
    export = json.loads((project.site / "briefing.json").read_text(encoding="utf-8"))
    return Built(
        project,
        first,
        second,
        generated,
        tree_hashes(project.content / "generated"),
        site_first,
        tree_hashes(project.site),
        export,
    )


def pages(built) -> list[Path]:
    return sorted(built.project.site.rglob("*.html"))


def article_page(built, lang: str, source: str) -> str:
    entry = next(a for a in built.export["articles"] if a["source"] == source)
    return (built.project.site / entry["pages"][lang]).read_text(encoding="utf-8")


def text_page(built, source: str) -> str:
    """The page holding an article's text: its own language's site, else the default's (en)."""
    entry = next(a for a in built.export["articles"] if a["source"] == source)
    base = entry["lang"].split("-")[0]
    return article_page(built, next((x for x in LANGS if x.split("-")[0] == base), "en"), source)


def original_text(page: str) -> str:
    m = re.search(r'<div class="original"[^>]*>(.*?)</div>', page, re.S)
    assert m, "no original-text block"
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))


# ----------------------------------------------------------------------------- report


def test_build_succeeds_and_strict_fails(built):
    assert built.first.returncode == 0, built.first.stderr[-3000:]
    assert built.second.returncode == 1, "--strict must fail when files were rejected"
    assert (built.project.site / "en" / "index.html").exists()


def test_no_traceback_one_line_per_problem(built):
    err = built.first.stderr
    assert "Traceback" not in err
    lines = [
        ln for ln in err.splitlines() if ln.startswith("briefing: ") and not ln.startswith("briefing: error")
    ]
    for source, reason in REPORTED.items():
        mine = [ln for ln in lines if ln.startswith(f"briefing: {source}: ")]
        assert len(mine) == 1, (source, mine)
        assert reason in mine[0], mine[0]
    assert f"{len(expected_articles())} articles" in err


def test_briefing_json_lists_every_problem(built):
    errors = built.export["errors"]
    assert all(set(e) == {"source", "reason"} for e in errors)
    by_source = {e["source"]: e["reason"] for e in errors}
    for source, reason in REPORTED.items():
        assert reason in by_source.get(source, ""), (source, by_source.get(source))
    assert set(by_source) == set(REPORTED)


def test_unsafe_yaml_tag_never_ran(built):
    assert not (built.project.root / "UNSAFE_MARKER").exists()
    assert not (built.project.seeds / "UNSAFE_MARKER").exists()


# ----------------------------------------------------------------------------- pages


def test_every_other_file_has_a_page_in_every_language(built):
    sources = {a["source"] for a in built.export["articles"]}
    assert sources == expected_articles()
    for a in built.export["articles"]:
        for lang in LANGS:
            assert (built.project.site / a["pages"][lang]).is_file(), a["pages"][lang]


def test_good_seeds_are_unharmed(built):
    for seed in GOOD_SEEDS:
        page = text_page(built, seed)
        assert len(original_text(page)) > 500


@pytest.mark.parametrize("case, sample, codec", LEGACY_CASES, ids=[c[0] for c in LEGACY_CASES])
def test_legacy_encodings_are_shown_correctly(built, case, sample, codec):
    entry = next(a for a in built.export["articles"] if a["source"] == f"{case}.txt")
    assert entry["title"] == sample[0]
    text = original_text(text_page(built, f"{case}.txt"))
    for paragraph in sample[1]:
        assert paragraph in text


def test_utf16_one_line_and_mixed_articles(built):
    assert ARABIC[1][0] in original_text(text_page(built, "utf16.txt"))
    assert ONE_LINE.strip() in original_text(text_page(built, "one-line.txt"))
    mixed = original_text(text_page(built, "mixed.txt"))
    assert ENGLISH[1][0] in mixed and GERMAN[1][0] in mixed


def test_same_stem_twice_and_identical_files_all_have_pages(built):
    by_source = {a["source"]: a for a in built.export["articles"]}
    pages_ = [by_source[s]["pages"]["en"] for s in ("dup.txt", "dup.TXT", "copy-1.txt", "copy-2.txt")]
    assert len({p.lower() for p in pages_}) == 4, pages_
    assert GERMAN[1][0] in original_text(text_page(built, "dup.txt"))
    assert ENGLISH[1][0] in original_text(text_page(built, "dup.TXT"))


def test_article_paths_stay_inside_the_site(built):
    site = built.project.site.resolve()
    for a in built.export["articles"]:
        for lang, rel in a["pages"].items():
            assert re.fullmatch(rf"{re.escape(lang)}/articles/[A-Za-z0-9][A-Za-z0-9_.-]*\.html", rel), rel
            assert ".." not in rel
            assert site in (site / rel).resolve().parents
    # Nothing but the project's own folders next to the outputs.
    assert sorted(p.name for p in built.project.root.iterdir()) == [
        "cache",
        "content",
        "mkdocs.yml",
        "seeds",
        "site",
    ] or sorted(p.name for p in built.project.root.iterdir()) == ["content", "mkdocs.yml", "seeds", "site"]


def test_nothing_from_outside_seeds_is_published(built):
    """No byte of the files the links and include lines point at, anywhere in the output;
    the report names no path of the machine."""
    for root in (built.project.site, built.project.content / "generated"):
        for path in root.rglob("*"):
            if path.is_file():
                assert SECRET.encode() not in path.read_bytes(), path
    assert SECRET not in built.first.stderr
    assert not any("outside-seeds" in e["reason"] for e in built.export["errors"])
    sources = {a["source"] for a in built.export["articles"]}
    assert not sources & {"link-out.txt", "zero.txt", "pipe.txt", "folder.txt", "alias.txt"}
    assert "linked-sidecar.txt" in sources  # its article stays, without the sidecar
    entry = next(a for a in built.export["articles"] if a["source"] == "linked-sidecar.txt")
    assert entry["title"] == GERMAN[0] and entry["outlet"] != SECRET


def test_include_syntax_is_shown_literally(built):
    """pymdownx.snippets is enabled in this build: article text is escaped, so it never acts."""
    text = original_text(text_page(built, "include.txt"))
    for literal in ('--8<-- "secret-include.txt"', "{!secret-include.txt!}", ';--8<-- "secret-include.txt"'):
        assert literal in text, literal
    assert "The team said no page ever includes a file" in text


def test_004_and_its_retitled_copy_both_keep_every_paragraph(built):
    from generator.ingest import ingest_file

    alone = ingest_file(ROOT / "seeds" / GOOD_SEEDS[1]).paragraphs
    assert any("PayPal" in p and "eBay" in p for p in alone)
    for source in (GOOD_SEEDS[1], "004-retitled.txt"):
        text = original_text(text_page(built, source))
        missing = [p[:60] for p in alone if p not in text]
        assert not missing, (source, missing)
    entry = next(a for a in built.export["articles"] if a["source"] == "004-retitled.txt")
    assert entry["title"] == COPY_TITLE


def test_mkdocs_yml_enables_no_extension_that_includes_files():
    """The shipped config: no Markdown extension or plugin that pulls files into a page (article
    text is escaped, but macros and markdown-include act on text that escaping leaves alone)."""
    conf = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in conf.get("markdown_extensions") or []]
    names += [next(iter(p)) if isinstance(p, dict) else p for p in conf.get("plugins") or []]
    including = ("snippets", "include", "macros", "mdx_include", "markdown_include", "embed")
    assert not [n for n in names if any(word in str(n).lower() for word in including)], names


# ----------------------------------------------------------------------------- escaping


class _Tags(HTMLParser):
    """Every element and attribute as a browser would see them, and the text of scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


PAYLOAD_MARKERS = (
    "title-xss",
    "body-xss",
    "img-xss",
    "link-xss",
    "a-xss",
    "attr-xss",
    "svg-xss",
    "url-xss",
    "outlet-xss",
    "sidecar-title-xss",
    "href-xss",
)


def test_no_payload_runs_on_any_page(built):
    checked = 0
    for path in pages(built):
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert(" not in raw, path
        assert not re.search(r"<(img|svg|iframe)\b[^>]*(onerror|onload|evil\.example)", raw, re.I), path
        parser = _Tags()
        parser.feed(raw)
        for tag, attrs in parser.tags:
            for name, value in attrs.items():
                value = value or ""
                assert not (name.startswith("on") and any(m in value for m in PAYLOAD_MARKERS)), (
                    path,
                    tag,
                    name,
                )
                assert not value.strip().lower().startswith("javascript:"), (path, tag, name, value)
            assert tag not in ("iframe",) or "evil.example" not in attrs.get("src", ""), path
        for script in parser.scripts:
            assert not any(m in script for m in PAYLOAD_MARKERS), path
        checked += 1
    assert checked > 20


def test_markup_is_shown_literally(built):
    page = article_page(built, "en", "markup.txt")
    text = original_text(page)
    for literal in (
        '<script>alert("body-xss")</script>',
        '<img src=x onerror=alert("img-xss")>',
        '{% include "partials/evil.html" %}',
        "{{ page.meta | tojson }}",
        "**bold**",
        '[a link](javascript:alert("link-xss"))',
        '--8<-- "/etc/passwd"',
        "# Not a heading",
        "|---|---|",
        "<!-- comment -->",
        "&amp; &lt;b&gt;",
        "🚀👏🏽",
        "مرحبا",
    ):
        assert literal in text, literal
    title = html.unescape(re.search(r'<h1 class="article-title"[^>]*>(.*?)</h1>', page, re.S).group(1))
    assert title == 'Council <script>alert("title-xss")</script> approves {{ config.site_name }} budget'
    assert "<strong>bold</strong>" not in page


def test_markup_article_title_is_escaped_everywhere(built):
    for path in pages(built):
        raw = path.read_text(encoding="utf-8")
        assert '<script>alert("title-xss")' not in raw, path


def test_search_index_and_feeds_carry_no_live_markup(built):
    for lang in LANGS:
        index = json.loads(
            (built.project.site / lang / "search" / "search_index.json").read_text(encoding="utf-8")
        )
        for doc in index["docs"]:
            # Material renders search results as HTML: the payload must stay escaped there too.
            for field in ("title", "text"):
                assert "<script>alert(" not in doc.get(field, ""), (lang, doc.get("location"))
                assert not re.search(r"<img\b[^>]*onerror", doc.get(field, ""), re.I), (
                    lang,
                    doc.get("location"),
                )
        feed = (built.project.site / lang / "feed.xml").read_text(encoding="utf-8")
        assert "<script>" not in feed


def test_sidecar_metadata_is_shown_literally(built):
    page = article_page(built, "en", "hostile-sidecar.txt")
    assert (
        "<b onmouseover" not in page
        and "<img src=x onerror" not in page
        and "<script>alert('href-xss')" not in page
    )
    title = html.unescape(re.search(r'<h1 class="article-title"[^>]*>(.*?)</h1>', page, re.S).group(1))
    assert title == "<img src=x onerror=alert('sidecar-title-xss')> {{ 7*7 }}"
    assert "<b onmouseover=alert('outlet-xss')>Wire</b>" in html.unescape(page)


def test_front_matter_in_an_article_is_text(built):
    page = article_page(built, "en", "front-matter.txt")
    text = original_text(page)
    assert "template: evil.html" in text and "Harbour reopens" in text
    assert 'class="article-title"' in page  # the normal article template, not evil.html


def test_bidi_override_does_not_reorder_the_page(built):
    page = article_page(built, "en", "bidi.txt")
    assert "\u202e" not in page and "\u202c" not in page
    assert "the invoice total was 0001 dollars" in original_text(page)


# ----------------------------------------------------------------------------- determinism


def test_two_builds_are_byte_identical(built):
    assert built.generated, "nothing generated"
    assert built.generated_again == built.generated
    json_hash = hashlib.sha256(
        (built.project.content / "generated" / "briefing.json").read_bytes()
    ).hexdigest()
    assert built.site["briefing.json"] == json_hash == built.generated["briefing.json"]


def test_two_builds_give_the_same_html(built):
    html_first = {k: v for k, v in built.site_first.items() if k.endswith(".html")}
    html_second = {k: v for k, v in built.site.items() if k.endswith(".html")}
    assert html_first and html_first == html_second


# ----------------------------------------------------------------------------- atomic output
# These change the project; they run last in the module, and restore it.


def test_failed_mkdocs_build_leaves_previous_output(built):
    project = built.project
    before_generated = tree_hashes(project.content / "generated")
    before_site = tree_hashes(project.site)
    config_text = project.config.read_text(encoding="utf-8")
    conf = yaml.safe_load(config_text)
    conf["markdown_extensions"].append("no_such_markdown_extension")
    project.config.write_text(yaml.safe_dump(conf, allow_unicode=True), encoding="utf-8")
    new_seed = project.seeds / "late-arrival.txt"
    new_seed.write_text(article_text(ENGLISH), encoding="utf-8")  # the failed build had more to write
    try:
        proc = project.run("build", "--no-embeddings")
    finally:
        project.config.write_text(config_text, encoding="utf-8")
        new_seed.unlink()
    assert proc.returncode == 1
    assert "briefing: error: MkDocs failed" in proc.stderr
    assert "Traceback (most recent call last)" not in proc.stderr.split("MkDocs failed")[0]
    assert tree_hashes(project.content / "generated") == before_generated
    assert tree_hashes(project.site) == before_site
    assert leftovers(project) == []


@pytest.mark.parametrize("where", ["generated", "site"])
def test_interrupted_build_leaves_previous_output(built, monkeypatch, where):
    """Ctrl-C while writing content/generated, or while MkDocs runs: nothing changes."""
    import generator.site as site_mod
    from generator import cli

    project = built.project
    before_generated = tree_hashes(project.content / "generated")
    before_site = tree_hashes(project.site)
    real_write_tree = site_mod.write_tree

    def write_some_then_interrupt(files, target):
        real_write_tree(dict(sorted(files.items())[: len(files) // 2]), target)
        raise KeyboardInterrupt

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    if where == "generated":
        monkeypatch.setattr(site_mod, "write_tree", write_some_then_interrupt)
    else:
        monkeypatch.setattr(site_mod, "build_languages", interrupt)
    new_seed = project.seeds / "late-arrival.txt"
    new_seed.write_text(article_text(ENGLISH), encoding="utf-8")
    try:
        code = cli.main(
            ["generate" if where == "generated" else "build", "-c", str(project.config), "--no-embeddings"]
        )
    finally:
        new_seed.unlink()
    assert code == 130
    assert tree_hashes(project.content / "generated") == before_generated
    assert tree_hashes(project.site) == before_site
    assert leftovers(project) == []
