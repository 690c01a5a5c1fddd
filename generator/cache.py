"""Per-article results cached on disk, keyed by content hash and by the code that made them.

Each stage keeps one table (:class:`Memo`) whose file name carries the version of the code
that made it: a changed article gets a new key, changed code a new table; unreadable or
corrupt tables are ignored and recomputed. A stage's code version (:func:`stage_version`) is
found from the code, not listed: the source of every module the stage's entry module can
import (its import closure, function-local imports included; generator/codegraph.py), the
files of the data folders of the packages in it, and the installed versions of the
third-party distributions those modules import, with their own requirements.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any, TypeVar

from . import __version__
from .codegraph import Import, closure, external_modules, import_graph, is_package, module_files, read_imports

PACKAGE = "generator"
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = "data"  # a package's data files live in <package>/data/
VERSION_TABLE = "briefing-code-versions.pickle"  # in the package's __pycache__ (see VersionTable)
T = TypeVar("T")


def stage_version(*entries: str) -> str:
    """The code version of the stage whose code is the modules ``entries`` (dotted names)."""
    return _stage_version(tuple(sorted(entries)))


@cache
def _stage_version(entries: tuple[str, ...]) -> str:
    """stage_version, once per process (the code does not change while it runs), from the
    table on disk while the code and the installed distributions are what it was made of."""
    table = _version_table()
    version = table.get(entries)
    if version is None:
        version = code_key(entries, _package_tree(), installed_versions)
        table.put(entries, version)
    return version


@cache
def _version_table() -> VersionTable:
    """This package's table of code versions, opened once per process."""
    return VersionTable(PACKAGE_DIR / "__pycache__" / VERSION_TABLE, code_stamp(PACKAGE_DIR, sys.path))


def code_stamp(package_dir: Path, path_entries: Iterable[str]) -> str:
    """Hash of what code versions are made of, seen through file metadata only: each file
    under ``package_dir`` (its modules and data; relative path, size, mtime in ns) and the
    distributions installed on ``path_entries`` (each .dist-info/.egg-info name, which
    carries the version, and its mtime). A stat per file: ~100 times cheaper than reading
    and parsing the modules and every distribution's file list. Any edit, checkout,
    install or upgrade changes it (a copy that keeps times and sizes is the same code)."""
    h = hashlib.sha256(f"{sys.version} {unicodedata.unidata_version} {__version__}".encode())
    for root, dirs, names in os.walk(package_dir):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            st = os.stat(os.path.join(root, name))
            rel = os.path.relpath(os.path.join(root, name), package_dir)
            _update(h, rel, f"{st.st_size} {st.st_mtime_ns}".encode())
    for entry in path_entries:
        try:
            with os.scandir(entry or ".") as it:
                dists = sorted(e.name for e in it if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:  # not a folder (a zip, a missing entry)
            continue
        for name in dists:
            try:
                mtime = os.stat(os.path.join(entry or ".", name)).st_mtime_ns
            except OSError:
                continue
            _update(h, f"{entry}/{name}", str(mtime).encode())
    return h.hexdigest()


class VersionTable:
    """Code versions (entries → stage_version) kept in one pickle for a code stamp: a
    table made for another stamp, unreadable or foreign, is an empty one. Writing is best
    effort (a read-only install recomputes the versions in each process)."""

    def __init__(self, path: Path, stamp: str):
        self.path, self.stamp = path, stamp
        self.versions: dict[tuple[str, ...], str] = self._read()

    def _read(self) -> dict[tuple[str, ...], str]:
        """The versions on disk made for this stamp, else none."""
        try:
            with open(self.path, "rb") as fh:
                data = pickle.load(fh)
        except Exception:  # noqa: BLE001 - any unreadable table is no table
            return {}
        ok = isinstance(data, dict) and data.get("stamp") == self.stamp
        versions = data.get("versions") if ok else None
        return dict(versions) if isinstance(versions, dict) else {}

    def get(self, entries: tuple[str, ...]) -> str | None:
        """The version recorded for ``entries``, None when there is none."""
        return self.versions.get(entries)

    def put(self, entries: tuple[str, ...], version: str) -> None:
        """Record ``version`` for ``entries``, with what other processes recorded meanwhile."""
        self.versions = {**self._read(), **self.versions, entries: version}
        try:
            write_pickle(self.path, {"stamp": self.stamp, "versions": self.versions})
        except OSError:
            pass


@cache
def _package_tree() -> CodeTree:
    """This package's modules and imports, read once per process."""
    return CodeTree.read(PACKAGE_DIR, PACKAGE)


@dataclass(frozen=True)
class CodeTree:
    """A package's modules (dotted name → file) and the import statements of each."""

    package_dir: Path
    package: str
    modules: Mapping[str, Path]
    imports: Mapping[str, list[Import]]

    @classmethod
    def read(cls, package_dir: Path, package: str) -> CodeTree:
        """The tree of the package ``package`` whose folder is ``package_dir``."""
        modules = module_files(package_dir, package)
        return cls(package_dir, package, modules, read_imports(modules))


def code_key(
    entries: Iterable[str], tree: CodeTree, versions: Callable[[Iterable[str]], dict[str, str]]
) -> str:
    """Hash of what the code of ``entries`` is made of, in order: the interpreter and the
    package version, each module of the import closure (name and source), the data files of
    its packages, and ``versions`` of the third-party top-level modules the closure imports."""
    names = closure(entries, import_graph(tree.imports, tree.modules))
    missing = sorted(set(entries) - names)
    if missing:
        raise ValueError(f"{tree.package_dir}: no module {', '.join(missing)}")
    h = hashlib.sha256(f"{sys.version_info[:2]} unicode {unicodedata.unidata_version} {__version__}".encode())
    for name in sorted(names):
        _update(h, name, tree.modules[name].read_bytes())
    for path in data_files(names, tree.modules):
        _update(h, path.relative_to(tree.package_dir).as_posix(), path.read_bytes())
    for dist, version in sorted(versions(external_modules(tree.imports, names, tree.package)).items()):
        _update(h, dist, version.encode())
    return h.hexdigest()[:16]


def _update(h: Any, name: str, data: bytes) -> None:
    """Feed one named part to the hash, framed so that parts cannot run into each other."""
    h.update(f"{name}\0{len(data)}\0".encode())
    h.update(data)


def data_files(names: Iterable[str], modules: Mapping[str, Path]) -> list[Path]:
    """Every file under the data folder of each package among ``names``, sorted."""
    files: set[Path] = set()
    for name in names:
        path = modules[name]
        if is_package(path) and (path.parent / DATA_DIR).is_dir():
            files.update(
                p for p in (path.parent / DATA_DIR).rglob("*") if p.is_file() and "__pycache__" not in p.parts
            )
    return sorted(files)


def installed_versions(top_level: Iterable[str]) -> dict[str, str]:
    """Distribution → installed version for the distributions that provide the top-level
    modules ``top_level`` and everything they require (a model wheel's runtime too);
    a module no distribution provides is named with version "absent"."""
    provided = _packages_distributions()
    out: dict[str, str] = {}
    todo: list[str] = []
    for name in top_level:
        dists = provided.get(name)
        if dists:
            todo.extend(dists)
        else:
            out[f"module {name}"] = "absent"
    while todo:
        dist = todo.pop()
        key = _canonical(dist)
        if key in out:
            continue
        try:
            out[key] = importlib.metadata.version(dist)
            requires = importlib.metadata.requires(dist) or []
        except importlib.metadata.PackageNotFoundError:
            continue  # a requirement for another platform: not installed, not used
        todo.extend(_requirement_name(r) for r in requires if "extra ==" not in r)
    return out


@cache
def _packages_distributions() -> Mapping[str, list[str]]:
    """importlib.metadata.packages_distributions(), once per process (it reads every
    installed distribution's file list)."""
    return importlib.metadata.packages_distributions()


def _requirement_name(requirement: str) -> str:
    """The distribution name a requirement string starts with ("numpy>=1.2; …" → "numpy")."""
    m = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement.strip())
    return m.group() if m else requirement


def _canonical(dist: str) -> str:
    """A distribution name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", dist).lower()


class Memo:
    """A table of small per-file results kept in one pickle, for stages that run on every
    article of every build (ingest): one file read instead of ten thousand.

    Keys say everything the value depends on (content hashes); the file name carries the
    code version, so changed code starts an empty table. Only the keys used by a run are
    written back, so the table never outgrows the corpus. A missing, corrupt or foreign file
    is an empty table: the cache costs speed, never correctness. Without a folder (``root``
    None: caching off) the table starts empty and is never written.
    """

    def __init__(self, root: Path | None, name: str, version: str):
        self.path = Path(root) / f"{name}-{version}.pickle" if root else None
        self.old: dict[Any, Any] = {}
        if self.path is not None:
            try:
                with open(self.path, "rb") as fh:
                    data = pickle.load(fh)
                if isinstance(data, dict):
                    self.old = data
            except Exception:  # noqa: BLE001 - any unreadable cache is no cache
                self.old = {}
        self.new: dict[Any, Any] = {}

    def get(self, key: Hashable) -> Any:
        """The value kept for ``key`` (None when there is none); a hit is kept for save()."""
        if key in self.new:
            return self.new[key]
        v = self.old.get(key)
        if v is not None:
            self.new[key] = v
        return v

    def put(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` for ``key`` (written by save())."""
        self.new[key] = value

    def compute(self, key: Hashable, fn: Callable[..., T], *args: Any) -> T:
        """The value kept for ``key``, else fn(*args), kept."""
        value: T | None = self.get(key)
        if value is None:
            value = fn(*args)
            self.put(key, value)
        return value

    def save(self) -> None:
        """Write the keys used by this run, if they changed; drop older versions' tables."""
        if self.path is None or self.new.keys() == self.old.keys():
            return
        try:
            for stale in self.path.parent.glob(self.path.name.rsplit("-", 1)[0] + "-*.pickle"):
                if stale != self.path:
                    stale.unlink(missing_ok=True)  # tables of older code versions
            write_pickle(self.path, self.new)
        except OSError:
            pass


class Caches:
    """The caches of one build, all in one folder (``root`` None: every cache off).

    ``memo(name, *entries)`` opens the table of a stage whose code is the modules
    ``entries``; ``save()`` writes every table opened."""

    def __init__(self, root: Path | None):
        self.root = root
        self.opened: list[Memo] = []

    def memo(self, name: str, *entries: str) -> Memo:
        """The table ``name``, versioned by the code of the modules ``entries``."""
        memo = Memo(self.root, name, stage_version(*entries) if self.root else "off")
        self.opened.append(memo)
        return memo

    def folder(self, name: str) -> Path | None:
        """A subfolder for a cache that keeps its own files (embeddings), None when off."""
        return self.root / name if self.root else None

    def save(self) -> None:
        """Write every table opened (each only if it changed)."""
        for memo in self.opened:
            memo.save()


def write_pickle(path: Path, obj: object) -> None:
    """Pickle ``obj`` into ``path`` atomically (see write_atomically); raises OSError."""
    write_atomically(path, lambda fh: pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL))


def write_atomically(
    path: Path, write: Callable[[IO[bytes]], object], *, durable: bool = False, prefix: str = ".tmp-"
) -> None:
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
