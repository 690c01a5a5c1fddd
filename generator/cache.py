"""Per-article results cached on disk, keyed by content hash and generator version.

A changed article, or a changed extractor (any source or data file of the analysis
packages), gets a new key; unreadable or corrupt entries are ignored and recomputed.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from . import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
# Code and data whose change must invalidate cached analyses.
ANALYSIS_PACKAGES = ("facts", "entities", "text.py", "model.py")


@lru_cache(maxsize=None)
def generator_version() -> str:
    h = hashlib.sha256(__version__.encode())
    for name in ANALYSIS_PACKAGES:
        root = PACKAGE_DIR / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*")
                                                     if p.is_file() and p.suffix in (".py", ".yml", ".yaml", ".json", ".txt", ".tsv"))
        for p in files:
            h.update(str(p.relative_to(PACKAGE_DIR)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class Cache:
    def __init__(self, root: Path | None, namespace: str):
        self.dir = Path(root) / namespace if root else None

    def key(self, *parts: str) -> str:
        return hashlib.sha256("\0".join((generator_version(),) + parts).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str):
        if self.dir is None:
            return None
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value) -> None:
        if self.dir is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(value, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full cache only costs speed
