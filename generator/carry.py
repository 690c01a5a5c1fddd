"""Pages carried over from the previous build instead of being rendered and written again.

After a build, the manifest (in the cache folder, not in content/: it names inodes) records
for each generated page the digest of its inputs (render/digest.py) and the identity of the
file written for it (size and modification time, to the nanosecond). The next build renders
a page only when its digest changed, or when its file is not the one recorded (deleted,
edited, replaced by another build); an unchanged page stays where it is (generator/update.py
moves only the files that changed), which costs no reading or writing of its text, and keeps
its modification time, which is how MkDocs' dirty build knows to leave its HTML alone.

The inode is recorded but not compared: a copy that keeps modification times (the tar of
actions/cache between CI runs, ``cp -a``) is the same file for this purpose, and comparing
inodes there would render and rewrite every page, and so rebuild every HTML page.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from .cache import write_pickle

MANIFEST = "pages-manifest.pickle"
FORMAT = 1  # of the manifest
Entry = tuple[str, int, int, int]  # a page's digest, and its file's inode, size and mtime (ns)


class Carried:
    """A page whose file is taken from the previous content tree."""

    __slots__ = ("source",)

    def __init__(self, source: str | Path):
        self.source = source


class Carry:
    """The page digests of the last build, and which generated pages this build may keep."""

    def __init__(self, cache: Path | None, generated: Path, version: int = FORMAT, enabled: bool = True):
        self.path = Path(cache) / MANIFEST if cache else None
        self.generated = Path(generated)
        self.version = version
        self.old: dict[str, Entry] = {}
        self._root = str(self.generated)
        self.digests: dict[str, str] = {}  # this build's page → digest
        self.kept: dict[str, Entry] = {}  # pages carried over → their manifest entry
        if self.path is not None and enabled:  # not enabled: render every page, save the manifest
            try:
                with open(self.path, "rb") as fh:
                    data = pickle.load(fh)
                if (
                    isinstance(data, dict)
                    and data.get("version") == version
                    and data.get("generated") == str(self.generated)
                    and isinstance(data.get("pages"), dict)
                ):
                    self.old = {
                        k: v for k, v in data["pages"].items() if isinstance(v, tuple) and len(v) == 4
                    }
            except Exception:  # noqa: BLE001 - no usable manifest: render everything
                self.old = {}

    def get(self, path: str, digest: str) -> Carried | None:
        """The previous file of ``path`` if it was made from the same inputs and is untouched."""
        self.digests[path] = digest
        old = self.old.get(path)
        if old is None or old[0] != digest:
            return None
        source = os.path.join(self._root, path)  # not pathlib: ~30 µs a page, 75,000 pages
        try:
            st = os.stat(source)
        except OSError:
            return None
        if (st.st_size, st.st_mtime_ns) != old[2:]:
            return None
        self.kept[path] = old
        return Carried(source)

    @property
    def carried(self) -> int:
        """How many pages were carried over so far."""
        return len(self.kept)

    def record(self) -> tuple[dict[str, str], dict[str, Entry]]:
        """What get() noted, for a worker process to send back (see absorb)."""
        return self.digests, self.kept

    def absorb(self, record: tuple[dict[str, str], dict[str, Entry]]) -> None:
        """Take in what a worker's get() noted (idempotent: the same page, the same entry)."""
        digests, kept = record
        self.digests.update(digests)
        self.kept.update(kept)

    def save(self) -> None:
        """Record the pages of the content tree now in place (call after the update committed)."""
        if self.path is None:
            return
        pages = {}
        for path, digest in self.digests.items():
            if path in self.kept:  # left in place: the same inode, size and time as recorded
                pages[path] = self.kept[path]
                continue
            try:
                st = os.stat(os.path.join(self._root, path))
            except OSError:
                continue
            pages[path] = (digest, st.st_ino, st.st_size, st.st_mtime_ns)
        try:
            write_pickle(
                self.path, {"version": self.version, "generated": str(self.generated), "pages": pages}
            )
        except OSError:
            pass  # a read-only cache only costs speed
