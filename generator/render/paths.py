"""Where each page lives. Paths are the same in every site language (the switcher relies on it)."""

from __future__ import annotations

import posixpath
import re

from ..text import slugify

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$")


def safe_component(name: str) -> str:
    """Ids become file names: anything unusual is slugified so no path escapes its folder."""
    return name if _SAFE.match(name) else slugify(name)


def article_path(slug: str) -> str:
    """The Markdown path of an article's page."""
    return f"articles/{safe_component(slug)}.md"


def event_path(event_id: str) -> str:
    """The Markdown path of an event's page."""
    return f"events/{safe_component(event_id)}.md"


def entity_path(entity_id: str) -> str:
    """The Markdown path of an entity's page."""
    return f"entities/{safe_component(entity_id)}.md"


def url_of(md_path: str) -> str:
    """The site URL (relative) that MkDocs makes of a Markdown path."""
    return md_path[:-3] + ".html" if md_path.endswith(".md") else md_path


def rel(from_md: str, to_md: str) -> str:
    """Relative URL from one page to another (site built with use_directory_urls: false).

    posixpath.relpath's algorithm on the path text alone: relpath makes both paths absolute
    with os.getcwd() first, two system calls per link and a tenth of render time at scale.
    """
    target = [p for p in posixpath.normpath(url_of(to_md)).split("/") if p != "."]
    start = [p for p in posixpath.normpath(posixpath.dirname(from_md) or ".").split("/") if p != "."]
    if not target or ".." in target or ".." in start or to_md.startswith("/") or from_md.startswith("/"):
        return posixpath.relpath(url_of(to_md), posixpath.dirname(from_md) or ".")
    i = 0
    while i < min(len(start), len(target)) and start[i] == target[i]:
        i += 1
    return "/".join([".."] * (len(start) - i) + target[i:]) or "."
