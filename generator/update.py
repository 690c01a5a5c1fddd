"""content/generated brought up to date in place, with a way back.

Replacing the whole tree (stage every file, swap the folders) cost ~7 s for the 75,000 files
of a 10,000-article site even when one article was new: a hard link per unchanged page, then
the old tree unlinked. Here only what changed moves:

1. ``stage``: the files that are not Carried (generator/carry.py: unchanged pages, already
   in place) are written to a sparse staging folder beside the tree;
2. ``apply``: a journal naming every path about to change is written, then each file the
   update replaces or drops is moved into a backup folder and each staged file moved in;
3. ``commit`` drops the backup and the journal; ``undo`` moves everything back (a failed or
   interrupted MkDocs build, which reads the live tree).

When most files change (new code, or no tree yet), moving them one by one costs more than
the folder swap it replaced, so ``apply`` links the carried files into the staging folder
and swaps the folders instead. Either way a journal left by a killed process is undone by
the next run before anything reads the tree, so the previous tree survives every failure.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .cache import write_atomically
from .carry import Carried

FORMAT = 1  # of the journal


class TreeUpdate:
    """Replace a folder's files as one step, with a journal so an interrupted run can be undone."""

    def __init__(self, target: Path):
        self.target = Path(target)
        self.parent = self.target.parent
        # ".tmp-" in the names: what an interrupted run leaves is recognisably ours
        self.journal = self.parent / f".{self.target.name}.tmp-journal"
        self.stage_dir: Path | None = None
        self.backup: Path | None = None  # the files moved aside, or the whole old tree
        self.paths: list[tuple[str, bool]] = []  # (relative path, an old file was moved aside)
        self.swapped = False  # the staged folder became the tree
        self.files: dict[str, str | bytes | Carried] = {}
        recover(self.target)

    def stage(
        self,
        files: Mapping[str, str | bytes | Carried],
        write: Callable[[dict[str, str | bytes], Path], object],
    ) -> None:
        """Write the files to be (re)written into a fresh staging folder with ``write``
        (site.write_tree, which refuses paths that leave it)."""
        self.parent.mkdir(parents=True, exist_ok=True)
        self.stage_dir = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.tmp-", dir=self.parent))
        self.files = dict(files)
        write({k: v for k, v in files.items() if not isinstance(v, Carried)}, self.stage_dir)

    def apply(self) -> None:
        """Make the tree hold exactly the staged and carried files (undo() reverses it)."""
        assert self.stage_dir is not None, "stage() first"
        changed = sorted(k for k, v in self.files.items() if not isinstance(v, Carried))
        if not self.target.exists() or 2 * len(changed) > len(self.files):
            self._swap()
            return
        live = files_under(self.target)
        dropped = sorted(live - set(self.files))
        self.backup = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.tmp-backup-", dir=self.parent))
        self.paths = [(p, p in live) for p in changed] + [(p, True) for p in dropped]
        _write_journal(
            self.journal,
            {"format": FORMAT, "target": str(self.target), "backup": str(self.backup), "paths": self.paths},
        )
        stage = self._staged()
        for rel, had_old in self.paths:
            live_path = self.target / rel
            if had_old:
                _move(live_path, self.backup / rel)
            if rel in self.files:
                _move(stage / rel, live_path)

    def _swap(self) -> None:
        """Most of the tree changes (or there is none): moving files one by one would cost
        more than linking the few carried ones into the staging folder and swapping folders."""
        stage = self._staged()
        for rel, value in self.files.items():
            if isinstance(value, Carried):
                dst = stage / rel
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.link(value.source, dst)
        if self.target.exists():
            self.backup = self.parent / f"{stage.name}-old"
            _write_journal(
                self.journal, {"format": FORMAT, "target": str(self.target), "swap": str(self.backup)}
            )
            self.target.rename(self.backup)
        stage.rename(self.target)
        self.stage_dir, self.swapped = None, True

    def _staged(self) -> Path:
        """The staging folder stage() made (apply() before stage() is a programming error)."""
        if self.stage_dir is None:
            raise RuntimeError("TreeUpdate.apply() before stage()")
        return self.stage_dir

    def commit(self) -> None:
        """Keep the update: drop the staging folder, the backup and the journal."""
        for folder in (self.stage_dir, self.backup):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        _prune_empty(self.target, {os.path.dirname(p) for p, _ in self.paths if p not in self.files})
        self.journal.unlink(missing_ok=True)
        self.stage_dir = self.backup = None

    def undo(self) -> None:
        """Put the previous tree back (safe to call at any point, and more than once)."""
        if self.swapped:
            _unswap(self.target, self.backup)
            self.swapped = False
        elif self.backup is not None:
            _roll_back(self.target, self.backup, self.paths)
        for folder in (self.stage_dir, self.backup):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        self.journal.unlink(missing_ok=True)
        self.stage_dir = self.backup = None


def recover(target: Path) -> None:
    """Undo an update a killed process left half done (its journal is still there)."""
    journal = Path(target).parent / f".{Path(target).name}.tmp-journal"
    if not journal.exists():
        return
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        ok = data.get("format") == FORMAT and data.get("target") == str(target)
        if "swap" in data:
            backup, paths = Path(data["swap"]), None
        else:
            backup, paths = Path(data["backup"]), [(str(p), bool(h)) for p, h in data["paths"]]
    except (OSError, ValueError, KeyError, TypeError):
        ok = False
    if ok and paths is None:
        _unswap(Path(target), backup)
    elif ok and paths is not None:
        _roll_back(Path(target), backup, paths)
        shutil.rmtree(backup, ignore_errors=True)
    journal.unlink(missing_ok=True)


def _unswap(target: Path, old: Path | None) -> None:
    """The new tree out, the old one (if there was one, and it was moved aside) back."""
    if old is None or old.exists():
        shutil.rmtree(target, ignore_errors=True)
    if old is not None and old.exists():
        old.rename(target)


def _roll_back(target: Path, backup: Path, paths: Iterable[tuple[str, bool]]) -> None:
    for rel, had_old in paths:
        saved = backup / rel
        if had_old and saved.exists():
            _move(saved, target / rel)  # replaces the new file, if it was moved in
        elif not had_old:
            (target / rel).unlink(missing_ok=True)


def _move(src: Path, dst: Path) -> None:
    try:
        os.replace(src, dst)
    except FileNotFoundError:
        if not src.exists():
            raise
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)


def files_under(root: Path) -> set[str]:
    """Relative POSIX paths of the files under root (os.scandir: 75,000 files in ~0.2 s)."""
    out: set[str] = set()
    stack = [("", str(root))]
    while stack:
        rel, path = stack.pop()
        with os.scandir(path) as it:
            for entry in it:
                name = f"{rel}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    stack.append((name + "/", entry.path))
                else:
                    out.add(name)
    return out


def _prune_empty(root: Path, folders: set[str]) -> None:
    """Remove folders that dropped files left empty (deepest first, never root)."""
    for rel in sorted(folders, key=lambda p: -p.count("/")):
        path = root / rel
        while rel and path != root:
            try:
                path.rmdir()
            except OSError:
                break
            path, rel = path.parent, os.path.dirname(rel)


def _write_journal(path: Path, data: dict[str, Any]) -> None:
    write_atomically(
        path, lambda fh: fh.write(json.dumps(data).encode("utf-8")), durable=True, prefix=".tmp-journal-"
    )
