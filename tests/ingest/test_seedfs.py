"""Only regular files inside seeds/ are read: links out, FIFOs, devices, directories named
*.txt and sidecar links are reported and never opened; a link inside is read once."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from generator.ingest import ingest_corpus
from generator.ingest.seedfs import (
    UnsafePath,
    allowed_seeds,
    check,
    read_limited,
    require_regular,
    seeds_root,
)

from .texts import ENGLISH, GERMAN, article_text

SECRET = "Confidential runner token 7f3a9c: never publish this line anywhere."


def _ingest_with_timeout(seeds: Path, seconds: float = 30.0):
    """ingest_corpus in a thread: a FIFO that is opened would block it, and fail the test here."""
    out: list = []
    t = threading.Thread(target=lambda: out.append(ingest_corpus(seeds)), daemon=True)
    t.start()
    t.join(seconds)
    assert out, "ingest blocked (a FIFO or device was opened)"
    articles, errors = out[0]
    return {a.source: a for a in articles}, {e.source: e.reason for e in errors}


@pytest.fixture()
def tree(tmp_path):
    """seeds/ with one good seed, and a secret file beside the folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"Secret heading\n\n{SECRET}\n", encoding="utf-8")
    (outside / "secret.yml").write_text(
        "title: Leaked title from outside\noutlet: Leaked outlet\n", encoding="utf-8"
    )
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(article_text(ENGLISH), encoding="utf-8")
    return seeds, outside


def _nothing_of_the_secret(articles) -> None:
    for a in articles.values():
        assert SECRET not in a.body and "Leaked" not in a.title and a.outlet != "Leaked outlet"


def test_symlink_out_of_seeds_is_reported_and_not_read(tree):
    seeds, outside = tree
    os.symlink(outside / "secret.txt", seeds / "link-out.txt")
    os.symlink("../outside/secret.txt", seeds / "relative-out.txt")
    articles, errors = _ingest_with_timeout(seeds)
    for name in ("link-out.txt", "relative-out.txt"):
        assert name not in articles
        assert "outside the seeds folder" in errors[name]
        assert str(outside) not in errors[name]  # the report is published: no paths of the machine
    _nothing_of_the_secret(articles)
    assert set(articles) == {"good.txt"}


def test_fifo_is_reported_and_never_opened(tree):
    seeds, _ = tree
    os.mkfifo(seeds / "pipe.txt")
    articles, errors = _ingest_with_timeout(seeds)
    assert "named pipe (FIFO)" in errors["pipe.txt"]
    assert set(articles) == {"good.txt"}


def test_link_to_a_device_is_reported(tree):
    seeds, _ = tree
    os.symlink("/dev/zero", seeds / "zero.txt")
    articles, errors = _ingest_with_timeout(seeds)
    assert "outside the seeds folder" in errors["zero.txt"]
    assert set(articles) == {"good.txt"}


@pytest.mark.parametrize(
    "kind, reason",
    [
        (stat.S_IFCHR, "is a device"),
        (stat.S_IFBLK, "is a device"),
        (stat.S_IFIFO, "named pipe"),
        (stat.S_IFSOCK, "is a socket"),
        (stat.S_IFDIR, "is a directory"),
    ],
)
def test_every_kind_of_non_regular_file_is_named(kind, reason):
    with pytest.raises(UnsafePath, match=reason):
        require_regular(kind | 0o644)
    require_regular(stat.S_IFREG | 0o644)


def test_directory_named_txt_is_reported(tree):
    seeds, _ = tree
    (seeds / "folder.txt").mkdir()
    (seeds / "folder.txt" / "inner.txt").write_text(SECRET, encoding="utf-8")
    articles, errors = _ingest_with_timeout(seeds)
    assert errors["folder.txt"] == "is a directory, not a file"
    _nothing_of_the_secret(articles)


def test_symlink_loop_and_dangling_link_cannot_be_read(tree):
    seeds, _ = tree
    os.symlink(seeds / "loop-b.txt", seeds / "loop-a.txt")
    os.symlink(seeds / "loop-a.txt", seeds / "loop-b.txt")
    os.symlink(seeds / "missing.txt", seeds / "dangling.txt")
    articles, errors = _ingest_with_timeout(seeds)
    for name in ("loop-a.txt", "loop-b.txt", "dangling.txt"):
        assert errors[name].startswith("cannot read file"), errors[name]
    assert set(articles) == {"good.txt"}


def test_sidecar_symlink_out_is_reported_and_the_article_kept(tree):
    seeds, outside = tree
    os.symlink(outside / "secret.yml", seeds / "good.yml")
    articles, errors = _ingest_with_timeout(seeds)
    assert (
        errors["good.yml"] == "symbolic link to a file outside the seeds folder; not read; metadata ignored"
    )
    assert articles["good.txt"].title == ENGLISH[0]
    _nothing_of_the_secret(articles)


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: os.mkfifo(p), "named pipe"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: os.symlink("/dev/zero", p), "outside the seeds folder"),
    ],
)
def test_sidecar_that_is_no_regular_file_is_reported(tree, make, reason):
    seeds, _ = tree
    make(seeds / "good.yml")
    articles, errors = _ingest_with_timeout(seeds)
    assert reason in errors["good.yml"] and errors["good.yml"].endswith("metadata ignored")
    assert "good.txt" in articles


def test_sidecar_cannot_name_a_file_to_read(tree):
    """No sidecar field is a path; a tag or field that would pull a file in is refused."""
    seeds, outside = tree
    for name, text in {
        "a": f"title: !include {outside / 'secret.txt'}\n",
        "b": f"body: {outside / 'secret.txt'}\n",
        "c": f"include: {outside / 'secret.txt'}\n",
    }.items():
        (seeds / f"{name}.txt").write_text(article_text(GERMAN), encoding="utf-8")
        (seeds / f"{name}.yml").write_text(text, encoding="utf-8")
    articles, errors = _ingest_with_timeout(seeds)
    assert "not valid YAML" in errors["a.yml"]
    assert "unknown field(s): body" in errors["b.yml"] and "unknown field(s): include" in errors["c.yml"]
    _nothing_of_the_secret(articles)
    assert {"a.txt", "b.txt", "c.txt"} <= set(articles)


def test_link_inside_seeds_is_read_once(tree):
    """A link to another seed is a second name of one article: refused, counted once. A link
    to a file elsewhere inside the folder is read as that seed; two such links, once."""
    seeds, _ = tree
    os.symlink("good.txt", seeds / "alias.txt")
    (seeds / "archive").mkdir()
    (seeds / "archive" / "story.md").write_text(article_text(GERMAN), encoding="utf-8")
    os.symlink("archive/story.md", seeds / "story.txt")
    os.symlink(seeds / "archive" / "story.md", seeds / "story-again.txt")
    articles, errors = _ingest_with_timeout(seeds)
    assert errors["alias.txt"] == "symbolic link to a file that is read already as good.txt; counted once"
    assert set(articles) == {"good.txt", "story-again.txt"}  # the first link by name keeps the article
    assert errors["story.txt"].endswith("as story-again.txt; counted once")
    assert articles["story-again.txt"].title == GERMAN[0]


def test_seeds_folder_reached_through_a_link(tree, tmp_path):
    """The folder the user names may itself be a link: the boundary is where it resolves."""
    seeds, _ = tree
    os.symlink(seeds, tmp_path / "seeds-link")
    articles, errors = _ingest_with_timeout(tmp_path / "seeds-link")
    assert set(articles) == {"good.txt"} and not errors


def test_a_file_swapped_after_the_check_is_not_read(tree):
    """Between check and read the seed becomes a FIFO, or a link out: refused, no blocking."""
    seeds, outside = tree
    root = seeds_root(seeds)
    path = seeds / "swap.txt"
    path.write_text(article_text(ENGLISH), encoding="utf-8")
    entry = check(path, root)
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(UnsafePath, match="named pipe"):
        read_limited(entry, 1 << 20)
    path.unlink()
    os.symlink(outside / "secret.txt", path)
    with pytest.raises(UnsafePath, match="cannot read file"):
        read_limited(entry, 1 << 20)


def test_allowed_seeds_lists_in_byte_order(tree):
    seeds, _ = tree
    (seeds / "B.txt").write_text(article_text(GERMAN), encoding="utf-8")
    (seeds / "a.TXT").write_text(article_text(GERMAN), encoding="utf-8")
    allowed, refused = allowed_seeds(seeds)
    assert [a.path.name for a in allowed] == ["B.txt", "a.TXT", "good.txt"] and not refused


@pytest.mark.parametrize("through_link", [False, True])
def test_listed_check_says_what_the_full_check_says(tree, tmp_path, through_link):
    """The shortcut for a plain file listed from the folder (no resolving) gives the same
    entry as resolving it, also when the folder is reached through a link; a link inside
    the folder still takes the full check (a link out is refused either way)."""
    seeds, outside = tree
    folder = seeds
    if through_link:
        folder = tmp_path / "seeds-link"
        os.symlink(seeds, folder)
    os.symlink(outside / "secret.txt", seeds / "out.txt")
    os.symlink(seeds / "good.txt", seeds / "again.txt")
    root = seeds_root(folder)
    for name in ("good.txt", "again.txt"):
        assert check(folder / name, root, listed=True) == check(folder / name, root)
    for listed in (False, True):
        with pytest.raises(UnsafePath, match="outside the seeds folder"):
            check(folder / "out.txt", root, listed=listed)
    (seeds / "dir.txt").mkdir()
    with pytest.raises(UnsafePath, match="directory"):
        check(folder / "dir.txt", root, listed=True)
