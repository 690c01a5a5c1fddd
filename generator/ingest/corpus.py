"""A seeds folder → articles and errors.

One bad file never costs another article its page: every problem becomes a BuildError
naming the file and the reason, and the rest of the corpus goes on. Only regular files
inside the folder are read (seedfs.py); lines other bodies repeat are furniture only where
the rule of furniture.py says so.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cache import Memo
from ..model import Article, BuildError
from .article import (
    MAX_ARTICLE_BYTES,
    MAX_SIDECAR_BYTES,
    IngestError,
    Sidecar,
    build_article,
    parse_sidecar,
    slugify,
    split_lines,
    too_large,
)
from .boilerplate import candidate_lines, norm_line
from .decode import INVALID_UTF8
from .furniture import fingerprint, shared_lines
from .seedfs import (
    Allowed,
    FileTooLarge,
    UnsafePath,
    allowed_seeds,
    printable,
    read_limited,
    seeds_root,
    sidecar_of,
)


@dataclass(frozen=True)
class Loaded:
    """A seed that was read: where from, its bytes and their digest, and its split."""

    entry: Allowed
    raw: bytes
    digest: str
    lines: list[str]
    warnings: list[str]
    body: frozenset[str]  # normalized lines that may be article text (no title, no tail)
    prints: frozenset[int]  # furniture.fingerprint of body


def display_name(path: Path) -> str:
    """The file name as text that can be printed and written as UTF-8: names that are not
    valid UTF-8 on disk (surrogate escapes) show U+FFFD instead of crashing the report."""
    return printable(path.name)


def ingest_corpus(seeds_dir: Path | str, memo: Memo | None = None) -> tuple[list[Article], list[BuildError]]:
    """Every seed → Article, or a BuildError naming the file. Sorted, deterministic.

    ``memo`` (a :class:`generator.cache.Memo`) keeps what each file gave last time, keyed by
    its bytes and by everything else its article depends on, so an unchanged corpus is read
    and hashed, not decoded and cleaned again. The result is the same with or without it.
    Steps: _read_seeds; shared_lines (corpus evidence per distinct text); _unique_ids;
    per seed its sidecar (_sidecar) and its article (_article)."""
    seeds_dir = Path(seeds_dir)
    memo = memo if memo is not None else Memo(None, "ingest", "")
    loaded, errors = _read_seeds(seeds_dir, memo)
    evidence = shared_lines({s.digest: s.body for s in loaded}, {s.digest: s.prints for s in loaded})
    ids = _unique_ids([s.entry.path for s in loaded])
    root = seeds_root(seeds_dir)
    articles: list[Article] = []
    used_slugs: set[str] = set()
    for seed in loaded:
        sidecar, sidecar_raw, problem = _sidecar(seed.entry.path, root, memo)
        if problem:
            errors.append(problem)
        slug = _free_slug(ids[seed.entry.path], used_slugs)
        try:
            articles.append(
                _article(seed, ids[seed.entry.path], slug, sidecar, sidecar_raw, evidence[seed.digest], memo)
            )
        except IngestError as exc:
            errors.append(BuildError(display_name(seed.entry.path), str(exc)))
            continue
        # Damaged UTF-8 still makes a page, with U+FFFD where bytes were lost; the build
        # report says so, since the page is not quite what the author wrote.
        errors.extend(
            BuildError(display_name(seed.entry.path), w) for w in seed.warnings if w.startswith(INVALID_UTF8)
        )
    return articles, errors


def _read_seeds(seeds_dir: Path, memo: Memo) -> tuple[list[Loaded], list[BuildError]]:
    """The seeds that may be read and could be decoded; a BuildError for each other entry."""
    allowed, refused = allowed_seeds(seeds_dir)
    problems = {entry: reason for entry, reason in refused}
    loaded = []
    for entry in allowed:
        try:
            raw = _read_seed(entry)
            digest = _sha(raw)
            lines, warnings, body, prints = _memo_call(memo, ("lines", digest), _split_for_memo, raw)
        except IngestError as exc:
            problems[entry.path] = str(exc)
            continue
        loaded.append(Loaded(entry, raw, digest, lines, warnings, body, prints))
    errors = [
        BuildError(display_name(p), problems[p]) for p in sorted(problems, key=lambda p: os.fsencode(p.name))
    ]
    return loaded, errors


def _read_seed(entry: Allowed) -> bytes:
    """The bytes of an allowed seed; raise IngestError with the report's reason."""
    try:
        return read_limited(entry, MAX_ARTICLE_BYTES)
    except FileTooLarge as exc:
        raise IngestError(too_large(exc.size)) from None
    except UnsafePath as exc:
        raise IngestError(str(exc)) from None
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None


def _sidecar(seed_path: Path, root: Path, memo: Memo) -> tuple[Sidecar, bytes, BuildError | None]:
    """(metadata, its bytes, the problem if any) of the sidecar beside a seed. A sidecar that
    may not be read or parsed is reported; the article still gets its page, without it."""
    side = seed_path.with_suffix(".yml")
    try:
        entry = sidecar_of(seed_path, root, listed=True)  # seed_path came from allowed_seeds
        if entry is None:
            return Sidecar(), b"", None
        raw = read_limited(entry, MAX_SIDECAR_BYTES)
        return _memo_call(memo, ("sidecar", _sha(raw)), parse_sidecar, raw), raw, None
    except FileTooLarge:
        reason = f"sidecar too large (the limit is {MAX_SIDECAR_BYTES // 1024} KB)"
    except (IngestError, UnsafePath) as exc:
        reason = str(exc)
    except OSError as exc:
        reason = f"cannot read file: {exc.strerror or exc}"
    return Sidecar(), b"", BuildError(display_name(side), reason + "; metadata ignored")


def _free_slug(article_id: str, used: set[str]) -> str:
    """The article's slug, made unique ignoring case (a.txt and A.txt on one file system)."""
    slug, tries = slugify(article_id), 0
    while slug.lower() in used:
        tries += 1
        slug = slugify(article_id + "~" * tries)
    used.add(slug.lower())
    return slug


def _article(
    seed: Loaded,
    article_id: str,
    slug: str,
    sidecar: Sidecar,
    sidecar_raw: bytes,
    shared: dict[str, int],
    memo: Memo,
) -> Article:
    """The seed's Article through the memo, keyed by everything it depends on: its bytes,
    its sidecar, its names, and the corpus evidence about its lines."""
    source = display_name(seed.entry.path)
    key = (
        "article",
        seed.digest,
        _sha(sidecar_raw),
        article_id,
        slug,
        source,
        _sha(repr(sorted(shared.items())).encode()),
    )
    article: Article = _memo_call(
        memo,
        key,
        build_article,
        article_id,
        slug,
        source,
        seed.lines,
        seed.raw,
        sidecar,
        shared,
        seed.warnings,
        sidecar_raw,
    )
    return article


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def body_keys(lines: list[str]) -> frozenset[str]:
    """Pure: the comparison keys (norm_line) of the lines of a text that may be article text
    (no title, no appended content): what furniture.shared_lines compares across the corpus."""
    _, candidates, _ = candidate_lines(lines)
    return frozenset(n for n in map(norm_line, candidates) if n)


def _split_for_memo(raw: bytes) -> tuple[list[str], list[str], frozenset[str], frozenset[int]]:
    """(lines, warnings, body_keys, their fingerprint); raise IngestError when the bytes are no text."""
    lines, warnings = split_lines(raw)
    keys = body_keys(lines)
    return lines, warnings, keys, fingerprint(keys)


def _memo_call(memo: Memo, key: tuple, fn: Callable[..., Any], *args: Any) -> Any:
    """fn(*args) through the memo; an IngestError is remembered as ("error", reason)."""

    def call() -> Any:
        try:
            return fn(*args)
        except IngestError as exc:
            return ("error", str(exc))

    hit = memo.compute(key, call)
    if isinstance(hit, tuple) and hit[:1] == ("error",):
        raise IngestError(hit[1])
    return hit


def _unique_ids(paths: list[Path]) -> dict[Path, str]:
    """The id is the file stem; stems that collide (a.txt, a.TXT; or names that differ only
    in bytes that are not UTF-8 and so display alike) get a stable suffix from the raw name."""
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for p in paths:
        # Ids are written to briefing.json and shown: no lone surrogates from undecodable names.
        by_stem[printable(p.stem)].append(p)
    ids = {}
    for stem, group in by_stem.items():
        for i, p in enumerate(sorted(group, key=lambda q: os.fsencode(q.name))):
            ids[p] = stem if i == 0 else f"{stem}-{hashlib.sha1(os.fsencode(p.name)).hexdigest()[:6]}"
    return ids
