"""read_sidecar: seeds/<stem>.yml → Sidecar, or an IngestError naming the problem."""

from __future__ import annotations

from datetime import date

import pytest

from generator.ingest.article import MAX_SIDECAR_BYTES, IngestError, Sidecar, read_sidecar


def sidecar(tmp_path, text: str | bytes):
    p = tmp_path / "a.yml"
    p.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_sidecar(p)


def test_valid_sidecar(tmp_path):
    s = sidecar(
        tmp_path,
        "url: https://example.com/a\noutlet: Example News\npublished: 2024-03-05\n"
        "lang: zh-hant\ntitle: A title\n",
    )
    assert s == Sidecar(
        url="https://example.com/a",
        outlet="Example News",
        published=date(2024, 3, 5),
        lang="zh-Hant",
        title="A title",
    )


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n", "---\n"])
def test_empty_sidecar_is_no_metadata(tmp_path, text):
    assert sidecar(tmp_path, text) == Sidecar()


@pytest.mark.parametrize(
    "text, reason",
    [
        ("url: [unclosed\n", "not valid YAML at line"),
        ("title: 'a\n", "not valid YAML"),
        ("\tlang: en\n", "not valid YAML"),
        ("- a\n- b\n", "must be a mapping"),
        ("just a string\n", "must be a mapping"),
        ("published: [2024, 1, 1]\n", "'published' must be a date"),
        ("published: 2024-13-45\n", "not an ISO date"),
        ("published: yesterday\n", "not an ISO date"),
        ("title: {a: 1}\n", "'title' must be text"),
        ("lang: 42\n", "'lang' must be text"),
        ("outlet: [a, b]\n", "'outlet' must be text"),
        ("lang: 'not a tag!'\n", "not a BCP 47 tag"),
        ("author: someone\n", "unknown field"),
        ("url: 'javascript:alert(1)'\n", "must be an http"),
        ("url: 'data:text/html,<script>alert(1)</script>'\n", "must be an http"),
        ("url: /relative/path\n", "must be an http"),
    ],
)
def test_bad_sidecars_name_the_problem(tmp_path, text, reason):
    with pytest.raises(IngestError, match=reason):
        sidecar(tmp_path, text)


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/object:builtins.object {{}}",
    ],
)
def test_unsafe_tags_are_refused_and_never_run(tmp_path, tag):
    marker = tmp_path / "pwned"
    with pytest.raises(IngestError, match="not valid YAML"):
        sidecar(tmp_path, "title: " + tag.format(marker=marker) + "\n")
    assert not marker.exists()


def test_binary_and_oversized_sidecars(tmp_path):
    with pytest.raises(IngestError, match="sidecar binary"):
        sidecar(tmp_path, b"\x00\x01\x02title")
    with pytest.raises(IngestError, match="too large"):
        sidecar(tmp_path, "title: " + "x" * MAX_SIDECAR_BYTES + "\n")


def test_aliases_do_not_blow_up(tmp_path):
    # A "billion laughs" document: PyYAML shares aliased nodes, and the fields must be text.
    bomb = "a: &a ['x','x','x','x','x','x','x','x','x']\n" + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(IngestError):
        sidecar(tmp_path, bomb)


def test_dates_with_time_and_quoted_dates(tmp_path):
    assert sidecar(tmp_path, "published: 2024-03-05 10:30:00\n").published == date(2024, 3, 5)
    assert sidecar(tmp_path, "published: '2024-03-05'\n").published == date(2024, 3, 5)
    assert sidecar(tmp_path, "published: 2024-03-05T10:30:00Z\n").published == date(2024, 3, 5)


def test_deep_nesting_is_a_reason_not_a_crash(tmp_path):
    with pytest.raises(IngestError):
        sidecar(tmp_path, "title: " + "[" * 20000 + "]" * 20000 + "\n")
