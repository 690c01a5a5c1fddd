"""Per-article results cached on disk, keyed by content hash and code version.

Each stage keeps one table (:class:`Memo`) whose file name carries the version of the code
that made it: a changed article gets a new key, a changed extractor (any source or data file
of its packages) a new table; unreadable or corrupt tables are ignored and recomputed.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from . import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
# Code and data whose change must invalidate cached analyses.
ANALYSIS_PACKAGES = ("facts", "entities", "text.py", "model.py")


@lru_cache(maxsize=None)
def generator_version() -> str:
    return code_version(ANALYSIS_PACKAGES)


@lru_cache(maxsize=None)
def code_version(packages: tuple[str, ...]) -> str:
    """Hash of the package version and of every source and data file under ``packages``."""
    h = hashlib.sha256(__version__.encode())
    for name in packages:
        root = PACKAGE_DIR / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*")
                                                     if p.is_file() and p.suffix in (".py", ".yml", ".yaml", ".json", ".txt", ".tsv", ".crfsuite"))
        for p in files:
            h.update(str(p.relative_to(PACKAGE_DIR)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class Memo:
    """A table of small per-file results kept in one pickle, for stages that run on every
    article of every build (ingest): one file read instead of ten thousand.

    Keys say everything the value depends on (content hashes); the file name carries the
    code version, so changed code starts an empty table. Only the keys used by a run are
    written back, so the table never outgrows the corpus. A missing, corrupt or foreign file
    is an empty table: the cache costs speed, never correctness.
    """

    def __init__(self, root: Path | None, name: str, version: str):
        self.path = Path(root) / f"{name}-{version}.pickle" if root else None
        self.old: dict = {}
        if self.path is not None:
            try:
                with open(self.path, "rb") as fh:
                    data = pickle.load(fh)
                if isinstance(data, dict):
                    self.old = data
            except Exception:  # noqa: BLE001 - any unreadable cache is no cache
                self.old = {}
        self.new: dict = {}

    def get(self, key):
        if key in self.new:
            return self.new[key]
        v = self.old.get(key)
        if v is not None:
            self.new[key] = v
        return v

    def put(self, key, value) -> None:
        self.new[key] = value

    def compute(self, key, fn, *args):
        """The value kept for ``key``, else fn(*args), kept."""
        value = self.get(key)
        if value is None:
            value = fn(*args)
            self.put(key, value)
        return value

    def save(self) -> None:
        if self.path is None or self.new.keys() == self.old.keys():
            return
        try:
            for stale in self.path.parent.glob(self.path.name.rsplit("-", 1)[0] + "-*.pickle"):
                if stale != self.path:
                    stale.unlink(missing_ok=True)  # tables of older code versions
            write_pickle(self.path, self.new)
        except OSError:
            pass


def write_pickle(path: Path, obj) -> None:
    """Pickle ``obj`` into ``path`` atomically (see write_atomically); raises OSError."""
    write_atomically(path, lambda fh: pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL))


def write_atomically(path: Path, write, *, durable: bool = False, prefix: str = ".tmp-") -> None:
    """Fill a temporary file beside ``path`` with ``write(binary file)`` and rename it over
    ``path``, so a reader never sees half a file; ``durable``: synced to disk before the
    rename (a journal must outlive a crash). Raises OSError; no temporary file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
