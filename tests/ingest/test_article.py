"""ingest_corpus / build_article: a folder of good and bad files → articles and one error per
bad file; nothing raises, no article is lost, ids and slugs are unique and safe."""

from __future__ import annotations

import os
import re

import pytest

from generator.ingest import ingest_corpus
from generator.ingest.article import MAX_ARTICLE_BYTES, IngestError, Sidecar, build_article, slugify
from generator.render.paths import article_path

from .texts import ARABIC, ENGLISH, GERMAN, LEGACY_CASES, article_text

SAFE_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def write(folder, name: str | bytes, data: bytes):
    path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
    with open(path, "wb") as fh:
        fh.write(data)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("seeds")
    en = article_text(ENGLISH).encode()
    de = article_text(GERMAN).encode()
    files = {
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "junk.txt": bytes(range(0x80, 0x100)) * 8,
        "only-emoji.txt": "🚀🚀🚀\n👏👏\n".encode(),
        "utf16.txt": "\ufeff".encode("utf-16-le") + article_text(ENGLISH).encode("utf-16-le"),
        "broken-utf8.txt": de.replace(b" hat am", b"\xff hat am", 1),
        "one-line.txt": b"Oil prices rose 3% on Monday after producers announced output cuts.\n",
        "name with spaces.txt": en,
        "北京 新聞.txt": en,
        "-rf.txt": en,
        "..txt": en,
        "a..b.txt": en,
        "dup.txt": de,
        "dup.TXT": en,
        "Case.txt": en,
        "case.txt": de,
        "copy-1.txt": de,
        "copy-2.txt": de,
        "with-sidecar.txt": en,
        "with-sidecar.yml": b"title: !!python/object/apply:os.system ['echo pwned']\n",
        "with-good-sidecar.txt": en,
        "with-good-sidecar.yml": b"lang: en\npublished: 2024-05-01\noutlet: Wire\n",
        "notes.md": b"not a seed",
    }
    for case, sample, codec in LEGACY_CASES:
        files[f"{case}.txt"] = article_text(sample).encode(codec)
    for name, data in files.items():
        write(d, name, data)
    write(d, b"caf\xe9 latin1 name.txt", en)  # a file name that is not UTF-8
    with open(d / "huge.txt", "wb") as fh:  # 20 MB, sparse: refused from its size alone
        fh.truncate(20 * 1024 * 1024)
    os.symlink(d / "missing-target.txt", d / "dangling.txt")
    articles, errors = ingest_corpus(d)
    return {a.source: a for a in articles}, {e.source: e.reason for e in errors}, errors


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("blank.txt", "only whitespace"),
        ("image.txt", "binary file"),
        ("junk.txt", "not valid UTF-8"),
        ("only-emoji.txt", "no article text"),
        ("huge.txt", "file too large (20.0 MB; the limit is 5 MB)"),
        ("dangling.txt", "cannot read file"),
    ],
)
def test_rejected_files_have_one_clear_reason(corpus, name, reason):
    articles, by_source, _ = corpus
    assert name not in articles
    assert reason in by_source[name]


def test_every_other_file_becomes_an_article(corpus):
    articles, _, errors = corpus
    expected = {
        "utf16.txt",
        "broken-utf8.txt",
        "one-line.txt",
        "name with spaces.txt",
        "北京 新聞.txt",
        "-rf.txt",
        "..txt",
        "a..b.txt",
        "dup.txt",
        "dup.TXT",
        "Case.txt",
        "case.txt",
        "copy-1.txt",
        "copy-2.txt",
        "with-sidecar.txt",
        "with-good-sidecar.txt",
        "caf\ufffd latin1 name.txt",
    }
    expected |= {f"{case}.txt" for case, _, _ in LEGACY_CASES}
    assert set(articles) == expected
    assert "notes.md" not in {e.source for e in errors}


def test_one_error_per_problem(corpus):
    _, _, errors = corpus
    sources = [e.source for e in errors]
    assert len(sources) == len(set(sources))
    assert set(sources) == {
        "empty.txt",
        "blank.txt",
        "image.txt",
        "junk.txt",
        "only-emoji.txt",
        "huge.txt",
        "dangling.txt",
        "with-sidecar.yml",
        "broken-utf8.txt",
    }
    for e in errors:
        assert "\n" not in e.reason and e.reason.strip() == e.reason and e.reason


def test_damaged_utf8_builds_and_is_reported(corpus):
    articles, by_source, _ = corpus
    assert "invalid UTF-8" in by_source["broken-utf8.txt"]
    assert articles["broken-utf8.txt"].title == GERMAN[0]


def test_bad_sidecar_keeps_the_article_without_its_metadata(corpus):
    articles, by_source, _ = corpus
    assert "not valid YAML" in by_source["with-sidecar.yml"]
    assert "metadata ignored" in by_source["with-sidecar.yml"]
    assert articles["with-sidecar.txt"].title == ENGLISH[0]
    good = articles["with-good-sidecar.txt"]
    assert (good.lang, good.outlet, str(good.published)) == ("en", "Wire", "2024-05-01")


@pytest.mark.parametrize("case, sample, codec", LEGACY_CASES, ids=[c[0] for c in LEGACY_CASES])
def test_legacy_articles_have_their_original_title_and_body(corpus, case, sample, codec):
    a = corpus[0][f"{case}.txt"]
    assert a.title == sample[0]
    assert a.paragraphs == sample[1]


def test_legacy_articles_get_the_right_language(corpus):
    articles = corpus[0]
    assert articles["big5-zh-Hant.txt"].lang == "zh-Hant"
    assert articles["gb18030-zh-Hans.txt"].lang == "zh-Hans"
    assert articles["cp1256-ar.txt"].lang == "ar"
    assert articles["cp1252-de.txt"].lang == "de"


def test_ids_and_slugs_are_unique_and_safe(corpus):
    articles = list(corpus[0].values())
    ids = [a.id for a in articles]
    assert len(ids) == len(set(ids))
    slugs = [a.slug.lower() for a in articles]  # unique even on case-insensitive file systems
    assert len(slugs) == len(set(slugs))
    for a in articles:
        assert SAFE_SLUG.match(a.slug) and ".." not in a.slug, a.slug
        path = article_path(a.slug)
        assert path.startswith("articles/") and path.count("/") == 1 and ".." not in path
        assert a.id.encode("utf-8")  # no lone surrogates from undecodable names
        assert a.source.encode("utf-8")


def test_same_stem_twice_gives_two_articles(corpus):
    articles = corpus[0]
    assert sorted(articles[n].id[:4] for n in ("dup.txt", "dup.TXT")) == ["dup", "dup-"]
    assert articles["dup.txt"].title == GERMAN[0] and articles["dup.TXT"].title == ENGLISH[0]
    assert articles["Case.txt"].slug.lower() != articles["case.txt"].slug.lower()


def test_identical_files_are_both_kept_with_their_text(corpus):
    articles = corpus[0]
    one, two = articles["copy-1.txt"], articles["copy-2.txt"]
    assert one.id != two.id
    # Lines shared by two copies of one story are not outlet chrome.
    assert one.paragraphs == two.paragraphs == GERMAN[1]


def test_mixed_language_article_is_built_with_a_warning():
    text = article_text(ENGLISH) + article_text(GERMAN)
    a = build_article("mixed", "mixed", "mixed.txt", text.split("\n"), text.encode(), Sidecar())
    assert a.lang in ("en", "de")
    assert any(w.startswith("mixed languages") for w in a.warnings)


def test_build_article_rejects_what_has_no_language():
    with pytest.raises(IngestError, match="language"):
        build_article("n", "n", "n.txt", ["12345", "67 890"], b"x", Sidecar())
    a = build_article("n", "n", "n.txt", ["12345", "67 890"], b"x", Sidecar(lang="en"))
    assert a.title == "12345"


def test_arabic_article(corpus):
    a = corpus[0]["cp1256-ar.txt"]
    assert a.paragraphs == ARABIC[1]


@pytest.mark.parametrize(
    "stem",
    [
        "../../etc/passwd",
        "..",
        ".",
        "-rf",
        "a b",
        "北京",
        "a/b",
        "a\\b",
        "CON",
        "x" * 300,
        "\udcff",
        "",
        "a..b",
        ".hidden",
    ],
)
def test_slugify_never_leaves_the_folder(stem):
    slug = slugify(stem)
    assert SAFE_SLUG.match(slug) and ".." not in slug and "/" not in slug and len(slug) <= 100
    assert slugify(stem) == slug  # stable


def test_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:
        fh.truncate(MAX_ARTICLE_BYTES + 1)
    from pathlib import Path

    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    articles, errors = ingest_corpus(tmp_path)
    assert not articles and "too large" in errors[0].reason
