"""Material's search worker with one upstream bug fixed: Chinese queries of whole words.

Material segments a Han query against the index vocabulary, but its loop stops one short
(`j < query.length`), so the whole query is never looked up as a word: 馬斯克 is searched
as 馬 whenever 馬 alone is indexed. The fixed worker is written into each language's docs
folder, where MkDocs prefers it to the theme's file of the same path. If Material changes
the code, nothing is patched and the theme's worker is used as is.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

BUGGY = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


@lru_cache(maxsize=1)
def patched_worker() -> tuple[str, str] | None:
    """(path relative to the docs folder, fixed source), or None if there is nothing to fix."""
    import material

    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    for path in sorted(workers.glob("search.*.min.js")):
        source = path.read_text(encoding="utf-8")
        if source.count(BUGGY) == 1:
            return f"assets/javascripts/workers/{path.name}", source.replace(BUGGY, FIXED)
    return None
