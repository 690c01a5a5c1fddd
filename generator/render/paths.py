"""Where each page lives. Paths are the same in every site language (the switcher relies on it)."""
from __future__ import annotations

import posixpath
import re

from ..ingest.article import slugify

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$")


def safe_component(name: str) -> str:
    """Ids become file names: anything unusual is slugified so no path escapes its folder."""
    return name if _SAFE.match(name) else slugify(name)


def article_path(slug: str) -> str:
    return f"articles/{safe_component(slug)}.md"


def event_path(event_id: str) -> str:
    return f"events/{safe_component(event_id)}.md"


def entity_path(entity_id: str) -> str:
    return f"entities/{safe_component(entity_id)}.md"


def url_of(md_path: str) -> str:
    return md_path[:-3] + ".html" if md_path.endswith(".md") else md_path


def rel(from_md: str, to_md: str) -> str:
    """Relative URL from one page to another (site built with use_directory_urls: false)."""
    return posixpath.relpath(url_of(to_md), posixpath.dirname(from_md) or ".")
