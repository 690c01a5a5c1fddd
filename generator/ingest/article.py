"""A seed file's lines (+ optional sidecar) → Article; the sidecar format; safe slugs.

The seeds folder as a whole (which files are read, corpus evidence) is corpus.py.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from ..model import Article
from ..text import slugify
from .boilerplate import clean, credit_of, load_cues
from .decode import DecodeError, decode_bytes
from .language import detect_language, detect_mix, normalize_tag
from .metadata import name_list, read_metadata, split_glued_names

# News articles are kilobytes; anything this large is a mistake or an attack on build time.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# A sidecar holds five short fields.
MAX_SIDECAR_BYTES = 64 * 1024
SIDECAR_FIELDS: dict[str, type | tuple[type, ...]] = {
    "url": str,
    "outlet": str,
    "published": (date, str),
    "lang": str,
    "title": str,
}


class IngestError(ValueError):
    """A file cannot become an article; str(error) is the reason for the build report."""


@dataclass(frozen=True)
class Sidecar:
    """The metadata of seeds/<stem>.yml; every field optional."""

    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    lang: str | None = None
    title: str | None = None


try:
    from yaml import CSafeLoader as _SafeBase
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeBase  # type: ignore[assignment]


class _SidecarLoader(_SafeBase):
    """Safe YAML whose timestamps stay text: PyYAML's own date constructor raises a bare
    ValueError on "2024-13-45"; _parse_date checks dates and names the field instead.
    The libyaml parser where available: the pure-Python one was a sixth of ingest time."""


_SidecarLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)  # type: ignore[type-var]


def read_sidecar_bytes(path: Path) -> bytes:
    """The bytes of a sidecar at a path the caller trusts; raise IngestError past the limit."""
    if path.stat().st_size > MAX_SIDECAR_BYTES:
        raise IngestError(f"sidecar too large (the limit is {MAX_SIDECAR_BYTES // 1024} KB)")
    return path.read_bytes()


def read_sidecar(path: Path) -> Sidecar:
    """Parse seeds/<stem>.yml safely (no tags that build objects); raise IngestError."""
    return parse_sidecar(read_sidecar_bytes(path))


def parse_sidecar(raw: bytes) -> Sidecar:
    """Pure: the bytes of a sidecar → Sidecar; raise IngestError. Steps: _load_yaml, then
    _field_values (known fields, right types), then the checks of url and lang."""
    data = _load_yaml(raw)
    if data is None:
        return Sidecar()
    values = _field_values(data)
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


def _load_yaml(raw: bytes) -> Any:
    """The sidecar's YAML document (None when empty); raise IngestError naming the problem."""
    if len(raw) > MAX_SIDECAR_BYTES:
        raise IngestError(f"sidecar too large (the limit is {MAX_SIDECAR_BYTES // 1024} KB)")
    try:
        if not raw.strip():
            return None  # an empty sidecar is no metadata, not a mistake
        text, _, _ = decode_bytes(raw)
        return yaml.load(text, Loader=_SidecarLoader)  # noqa: S506 - a SafeLoader subclass
    except DecodeError as exc:
        raise IngestError(f"sidecar {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise IngestError(f"sidecar is not valid YAML{where}: {problem}") from None
    except (ValueError, RecursionError) as exc:  # numbers out of range, absurd nesting
        raise IngestError(f"sidecar is not valid YAML: {type(exc).__name__}: {exc}") from None


def _field_values(data: Any) -> dict[str, Any]:
    """The fields of a sidecar mapping; raise IngestError on anything else, on unknown fields
    (no field names a file: nothing a sidecar says is ever read from disk) and wrong types."""
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
            raise IngestError(
                f"sidecar field '{key}' must be {'a date' if key == 'published' else 'text'},"
                f" got {type(v).__name__}"
            )
        values[key] = v
    return values


def _parse_date(v: date | str) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(v.strip()[:10])
    except ValueError:
        raise IngestError(f"sidecar field 'published' is not an ISO date (YYYY-MM-DD): {v!r}") from None


def _read_raw(path: Path) -> bytes:
    # Size from stat first: a huge file is refused without being read into memory.
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise IngestError(too_large(size))
    data = path.read_bytes()
    if len(data) > MAX_ARTICLE_BYTES:  # grew while we looked
        raise IngestError(too_large(None))
    return data


def too_large(size: int | None) -> str:
    """The report's reason for a seed past MAX_ARTICLE_BYTES (``size`` when known)."""
    limit = f"the limit is {MAX_ARTICLE_BYTES / 2**20:g} MB"
    return (
        f"file too large ({size / 2**20:.1f} MB; {limit})"
        if size is not None
        else f"file too large ({limit})"
    )


def split_lines(data: bytes) -> tuple[list[str], list[str]]:
    """Pure: bytes → lines and decoding warnings; raise IngestError."""
    try:
        text, _, warnings = decode_bytes(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from None
    return text.split("\n"), warnings


def read_lines(path: Path) -> tuple[list[str], list[str], bytes]:
    """(lines, decoding warnings, bytes) of a file at a path the caller trusts."""
    data = _read_raw(path)
    return (*split_lines(data), data)


def build_article(
    article_id: str,
    slug: str,
    source: str,
    lines: list[str],
    raw: bytes,
    sidecar: Sidecar,
    shared: Mapping[str, int] | frozenset = frozenset(),
    warnings: list[str] | None = None,
    sidecar_raw: bytes = b"",
) -> Article:
    """The Article of one file's lines; ``shared`` is its corpus evidence (see clean).
    Raise IngestError when no text or no language is left."""
    cleaned = clean(lines, shared)
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
    # What the text says about itself (ingest/metadata.py); the sidecar always wins.
    meta = read_metadata(lines, cleaned.paragraphs, _is_credit, lang)
    outlet = sidecar.outlet or _outlet_from_copyright(cleaned.credits.get("copyright")) or meta.outlet
    paragraphs, kinds = _without_lines(cleaned.paragraphs, cleaned.kinds, meta.lines)
    credits = dict(sorted(cleaned.credits.items()))
    if "sources" in credits:  # "BBCCNBCTechCrunch" → "BBC、CNBC和TechCrunch"
        credits["sources"] = name_list(split_glued_names(credits["sources"], _known_names(body)), lang)
    digest = hashlib.sha256(raw + b"\0" + sidecar_raw).hexdigest()
    return Article(
        id=article_id,
        slug=slug,
        source=source,
        lang=lang,
        title=sidecar.title or cleaned.title,
        paragraphs=paragraphs,
        published=sidecar.published or meta.published,
        url=sidecar.url,
        outlet=outlet,
        credits=credits,
        content_hash=digest,
        warnings=warnings,
        kinds=kinds,
    )


def _is_credit(line: str) -> bool:
    """A credit line but the copyright footer (which may follow appended content): credit
    lines right after the last paragraph still belong to the article."""
    credit = credit_of(line, load_cues())
    return credit is not None and credit[0] != "copyright"


def _without_lines(paragraphs: list[str], kinds: list[str], drop: frozenset) -> tuple[list[str], list[str]]:
    """The body without its metadata-only lines (a date line is not text); never empty."""
    keep = [i for i, p in enumerate(paragraphs) if p.strip() not in drop]
    if not keep or len(keep) == len(paragraphs):
        return paragraphs, kinds
    return [paragraphs[i] for i in keep], [kinds[i] for i in keep] if kinds else kinds


def _known_names(body: str) -> list[str]:
    """Latin-script names to split glued credits on: the registry's organizations (news
    outlets among them) and the capitalised words of the article."""
    from ..entities.registry import load_registry

    names = [
        n
        for e in load_registry().entities.values()
        if e.type == "organization"
        for n in e.all_names()
        if n.isascii()
    ]
    return names + re.findall(r"\b[A-Z][A-Za-z0-9&]+\b", body)


def _outlet_from_copyright(text: str | None) -> str | None:
    if not text:
        return None
    # "© 2025 Business Next Media Corp. All Rights Reserved. …" → "Business Next Media Corp."
    m = re.match(
        r"(?:\(c\)|©|copyright)?\s*(?:\d{4}\s*)?(.+?)(?:\s*all rights reserved|[,，。]|$)", text.strip(), re.I
    )
    name = m.group(1).strip(" .") if m else ""
    return name + "." if name.endswith(("Corp", "Inc", "Ltd")) else (name or None)


def ingest_file(path: Path | str, shared: Mapping[str, int] | frozenset = frozenset()) -> Article:
    """One file on its own, at a path the caller trusts (no corpus signals). Raises IngestError."""
    path = Path(path)
    lines, warnings, raw = read_lines(path)
    side = path.with_suffix(".yml")
    sidecar = read_sidecar(side) if side.exists() else Sidecar()
    return build_article(path.stem, slugify(path.stem), path.name, lines, raw, sidecar, shared, warnings)
