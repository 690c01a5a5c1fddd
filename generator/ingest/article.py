"""A seed file (+ optional sidecar) → Article; a seeds folder → articles and errors.

One bad file never costs another article its page: every problem becomes a BuildError
naming the file and the reason, and the rest of the corpus goes on.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from ..cache import Memo
from ..model import Article, BuildError
from ..text import slugify
from .boilerplate import clean, norm_line
from .decode import INVALID_UTF8, DecodeError, decode_bytes
from .language import detect_language, detect_mix, normalize_tag

# News articles are kilobytes; anything this large is a mistake or an attack on build time.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# A sidecar holds five short fields.
MAX_SIDECAR_BYTES = 64 * 1024
SIDECAR_FIELDS: dict[str, type | tuple[type, ...]] = {"url": str, "outlet": str, "published": (date, str),
                                                     "lang": str, "title": str}


class IngestError(ValueError):
    """A file cannot become an article; str(error) is the reason for the build report."""


@dataclass(frozen=True)
class Sidecar:
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    lang: str | None = None
    title: str | None = None


class _SidecarLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # C loader when built
    """Safe YAML whose timestamps stay text: PyYAML's own date constructor raises a bare
    ValueError on "2024-13-45"; _parse_date checks dates and names the field instead.
    The libyaml parser where available: the pure-Python one was a sixth of ingest time."""


_SidecarLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def read_sidecar_bytes(path: Path) -> bytes:
    if path.stat().st_size > MAX_SIDECAR_BYTES:
        raise IngestError(f"sidecar too large (the limit is {MAX_SIDECAR_BYTES // 1024} KB)")
    return path.read_bytes()


def read_sidecar(path: Path) -> Sidecar:
    """Parse seeds/<stem>.yml safely (no tags that build objects); raise IngestError."""
    return parse_sidecar(read_sidecar_bytes(path))


def parse_sidecar(raw: bytes) -> Sidecar:
    """Pure: the bytes of a sidecar → Sidecar; raise IngestError."""
    if len(raw) > MAX_SIDECAR_BYTES:
        raise IngestError(f"sidecar too large (the limit is {MAX_SIDECAR_BYTES // 1024} KB)")
    try:
        if not raw.strip():
            return Sidecar()  # an empty sidecar is no metadata, not a mistake
        text, _, _ = decode_bytes(raw)
        data = yaml.load(text, Loader=_SidecarLoader)  # noqa: S506 - a SafeLoader subclass
    except DecodeError as exc:
        raise IngestError(f"sidecar {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise IngestError(f"sidecar is not valid YAML{where}: {problem}") from None
    except (ValueError, RecursionError) as exc:  # numbers out of range, absurd nesting
        raise IngestError(f"sidecar is not valid YAML: {type(exc).__name__}: {exc}") from None
    if data is None:
        return Sidecar()
    if not isinstance(data, dict):
        raise IngestError("sidecar must be a mapping of url, outlet, published, lang, title")
    unknown = sorted(str(k) for k in data if k not in SIDECAR_FIELDS)
    if unknown:
        raise IngestError(f"sidecar has unknown field(s): {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, kind in SIDECAR_FIELDS.items():
        v = data.get(key)
        if v is None:
            continue
        if not isinstance(v, kind) or isinstance(v, datetime) and key != "published":
            raise IngestError(f"sidecar field '{key}' must be {'a date' if key == 'published' else 'text'},"
                              f" got {type(v).__name__}")
        values[key] = v
    if "published" in values:
        values["published"] = _parse_date(values["published"])
    if "url" in values and not re.match(r"https?://[^\s/]", values["url"].strip(), re.I):
        # The URL becomes a link on the page: javascript:, data: and relative URLs are refused.
        raise IngestError(f"sidecar field 'url' must be an http(s) URL: {values['url']!r}")
    if "lang" in values:
        values["lang"] = normalize_tag(values["lang"])
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", values["lang"]):
            raise IngestError(f"sidecar field 'lang' is not a BCP 47 tag: {data['lang']!r}")
    return Sidecar(**values)


def _parse_date(v) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(v.strip()[:10])
    except ValueError:
        raise IngestError(f"sidecar field 'published' is not an ISO date (YYYY-MM-DD): {v!r}") from None


def read_raw(path: Path) -> bytes:
    # Size from stat first: a huge file is refused without being read into memory.
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise IngestError(f"file too large ({size / 2**20:.1f} MB; the limit is {MAX_ARTICLE_BYTES / 2**20:g} MB)")
    data = path.read_bytes()
    if len(data) > MAX_ARTICLE_BYTES:  # grew while we looked
        raise IngestError(f"file too large (the limit is {MAX_ARTICLE_BYTES / 2**20:g} MB)")
    return data


def split_lines(data: bytes) -> tuple[list[str], list[str]]:
    """Pure: bytes → lines and decoding warnings; raise IngestError."""
    try:
        text, _, warnings = decode_bytes(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from None
    return text.split("\n"), warnings


def read_lines(path: Path) -> tuple[list[str], list[str], bytes]:
    data = read_raw(path)
    return (*split_lines(data), data)


def build_article(article_id: str, slug: str, source: str, lines: list[str], raw: bytes,
                  sidecar: Sidecar, repeated: frozenset = frozenset(),
                  warnings: list[str] | None = None, sidecar_raw: bytes = b"") -> Article:
    cleaned = clean(lines, repeated)
    if not cleaned.paragraphs:
        raise IngestError("no article text found")
    body = "\n".join(cleaned.paragraphs)
    warnings = list(warnings or [])
    if sidecar.lang:
        lang = sidecar.lang
    else:
        lang, share = detect_language(cleaned.title + "\n" + body)
        if lang == "und":
            raise IngestError("cannot tell the language of the text; add 'lang:' to the sidecar")
        mix = detect_mix(body)
        if len(mix) > 1:
            warnings.append("mixed languages: " + ", ".join(f"{t} {s:.0%}" for t, s in mix))
    outlet = sidecar.outlet or _outlet_from_copyright(cleaned.credits.get("copyright"))
    digest = hashlib.sha256(raw + b"\0" + sidecar_raw).hexdigest()
    return Article(
        id=article_id, slug=slug, source=source, lang=lang,
        title=sidecar.title or cleaned.title, paragraphs=cleaned.paragraphs,
        published=sidecar.published, url=sidecar.url, outlet=outlet,
        credits=dict(sorted(cleaned.credits.items())), content_hash=digest, warnings=warnings,
        kinds=cleaned.kinds,
    )


def _outlet_from_copyright(text: str | None) -> str | None:
    if not text:
        return None
    # "© 2025 Business Next Media Corp. All Rights Reserved. …" → "Business Next Media Corp."
    m = re.match(r"(?:\(c\)|©|copyright)?\s*(?:\d{4}\s*)?(.+?)(?:\s*all rights reserved|[,，。]|$)",
                 text.strip(), re.I)
    name = m.group(1).strip(" .") if m else ""
    return name + "." if name.endswith(("Corp", "Inc", "Ltd")) else (name or None)


def seed_files(seeds_dir: Path) -> list[Path]:
    """*.txt (any case) in the folder, sorted by name; broken links are listed too (and
    then reported as unreadable) so that no article disappears without a word."""
    return sorted((p for p in seeds_dir.iterdir()
                   if p.suffix.lower() == ".txt" and (p.is_file() or p.is_symlink() and not p.exists())),
                  key=lambda p: os.fsencode(p.name))


def display_name(path: Path) -> str:
    """The file name as text that can be printed and written as UTF-8: names that are not
    valid UTF-8 on disk (surrogate escapes) show U+FFFD instead of crashing the report."""
    return _printable(path.name)


def ingest_corpus(seeds_dir: Path, memo=None) -> tuple[list[Article], list[BuildError]]:
    """Every seed → Article, or a BuildError naming the file. Sorted, deterministic.

    ``memo`` (a :class:`generator.cache.Memo`) keeps what each file gave last time, keyed by
    its bytes and by everything else its article depends on, so an unchanged corpus is read
    and hashed, not decoded and cleaned again. The result is the same with or without it.
    """
    seeds_dir = Path(seeds_dir)
    memo = memo if memo is not None else Memo(None, "ingest", "")
    errors: list[BuildError] = []
    loaded = []
    for path in seed_files(seeds_dir):
        source = display_name(path)
        try:
            raw = read_raw(path)
            digest = _sha(raw)
            split = _memo_call(memo, ("lines", digest), _split_for_memo, raw)
        except (IngestError, OSError) as exc:
            errors.append(BuildError(source, _reason(exc)))
            continue
        loaded.append((path, raw, digest, split))

    repeated = _repeated((digest, split[3]) for _, _, digest, split in loaded)
    ids = _unique_ids([p for p, *_ in loaded])
    articles = []
    used_slugs: set[str] = set()
    for path, raw, digest, (lines, warnings, norms, _) in loaded:
        source = display_name(path)
        sidecar, sidecar_raw = Sidecar(), b""
        side = path.with_suffix(".yml")
        if side.exists():
            try:
                sidecar_raw = read_sidecar_bytes(side)
                sidecar = _memo_call(memo, ("sidecar", _sha(sidecar_raw)), parse_sidecar, sidecar_raw)
            except (IngestError, OSError) as exc:
                # The article still gets its page, without the sidecar's metadata.
                sidecar = Sidecar()
                errors.append(BuildError(display_name(side), _reason(exc) + "; metadata ignored"))
        article_id = ids[path]
        slug = slugify(article_id)
        tries = 0
        while slug.lower() in used_slugs:  # case-insensitive file systems (a.txt, A.txt)
            tries += 1
            slug = slugify(article_id + "~" * tries)
        used_slugs.add(slug.lower())
        # Everything the article depends on: its bytes, its sidecar, its names, and which of
        # its lines the rest of the corpus repeats.
        mine = repeated & norms
        key = ("article", digest, _sha(sidecar_raw), article_id, slug, source,
               _sha("\n".join(sorted(mine)).encode()))
        try:
            articles.append(_memo_call(memo, key, build_article, article_id, slug, source, lines, raw,
                                       sidecar, mine, warnings, sidecar_raw))
        except IngestError as exc:
            errors.append(BuildError(source, str(exc)))
            continue
        # Damaged UTF-8 still makes a page, with U+FFFD where bytes were lost; the build
        # report says so, since the page is not quite what the author wrote.
        errors.extend(BuildError(source, w) for w in warnings if w.startswith(INVALID_UTF8))
    return articles, errors


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _split_for_memo(raw: bytes) -> tuple:
    """(lines, warnings, normalized lines, normalized lines without the title); raise
    IngestError when the bytes are no text."""
    lines, warnings = split_lines(raw)
    body = frozenset(n for n in map(norm_line, set(lines[1:])) if n)
    norms = body | {n for n in (norm_line(lines[0]),) if n} if lines else body
    return lines, warnings, norms, body


def _memo_call(memo, key, fn, *args):
    """fn(*args) through the memo; an IngestError is remembered as ("error", reason)."""
    def call():
        try:
            return fn(*args)
        except IngestError as exc:
            return ("error", str(exc))

    hit = memo.compute(key, call)
    if isinstance(hit, tuple) and hit[:1] == ("error",):
        raise IngestError(hit[1])
    return hit


def ingest_file(path, repeated: frozenset = frozenset()) -> Article:
    """One file on its own (no corpus signals). Raises IngestError."""
    path = Path(path)
    lines, warnings, raw = read_lines(path)
    side = path.with_suffix(".yml")
    sidecar = read_sidecar(side) if side.exists() else Sidecar()
    return build_article(path.stem, slugify(path.stem), path.name, lines, raw, sidecar, repeated, warnings)


def _repeated(files) -> frozenset:
    """(file digest, its normalized lines but the title) → lines in two or more distinct
    files. A title shared by two articles is not chrome, hence no titles."""
    distinct: dict[str, Any] = {}
    for key, norms in files:
        distinct.setdefault(key, norms)
    seen: dict[str, int] = defaultdict(int)
    for norms in distinct.values():
        for n in norms:
            seen[n] += 1
    return frozenset(n for n, owners in seen.items() if owners >= 2)


def _unique_ids(paths: list[Path]) -> dict[Path, str]:
    """The id is the file stem; stems that collide (a.txt, a.TXT; or names that differ only
    in bytes that are not UTF-8 and so display alike) get a stable suffix from the raw name."""
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for p in paths:
        # Ids are written to briefing.json and shown: no lone surrogates from undecodable names.
        by_stem[_printable(p.stem)].append(p)
    ids = {}
    for stem, group in by_stem.items():
        for i, p in enumerate(sorted(group, key=lambda q: os.fsencode(q.name))):
            ids[p] = stem if i == 0 else f"{stem}-{hashlib.sha1(os.fsencode(p.name)).hexdigest()[:6]}"
    return ids


def _printable(name: str) -> str:
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"cannot read file: {exc.strerror or exc}"
    return str(exc)
