"""Which files of the seeds folder may be read, and reading them without following them out.

The seeds folder is the boundary of what a build publishes (a pull request controls it; the
machine that builds does not belong to it). A seed or sidecar is read only when its path,
with every symbolic link resolved, is a regular file inside the resolved seeds folder:

* a link that leaves the folder, a device, a FIFO, a socket or a directory named ``*.txt`` is
  refused with a reason, and never opened (opening a FIFO would block the build);
* a link that stays inside the folder is followed; when it names a file that is read
  already (another seed, or a file two links name), it is refused as a second name of that
  file, so one text never counts twice;
* the file is then opened without following links (``O_NOFOLLOW``) and without waiting
  (``O_NONBLOCK``), and checked again on the open descriptor: a path swapped for a link or a
  FIFO between the check and the read is refused too.

Reasons never print where a link points: the report is published with the site.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path


class UnsafePath(ValueError):
    """A path that is not a regular file inside the seeds folder; str(error) is the reason."""


@dataclass(frozen=True)
class Allowed:
    """A seeds-folder entry that may be read: its name there and the file it resolves to."""

    path: Path  # the name in seeds/: ids, sidecars and the report use it
    target: Path  # the resolved regular file inside seeds/ that is read
    linked: bool  # the name is a symbolic link (inside the folder)
    inode: tuple[int, int]  # (device, inode) of the target: one file, one article


def seeds_root(seeds_dir: Path) -> Path:
    """The seeds folder with every link resolved: the boundary paths are checked against."""
    return Path(os.path.realpath(seeds_dir))


def seed_names(seeds_dir: Path) -> list[Path]:
    """Every entry of the folder named *.txt (any case, any kind of file), sorted by bytes."""
    return sorted(
        (p for p in Path(seeds_dir).iterdir() if p.suffix.lower() == ".txt"),
        key=lambda p: os.fsencode(p.name),
    )


def check(path: Path, root: Path, listed: bool = False) -> Allowed:
    """The entry, if it may be read (see the module docstring); raise UnsafePath otherwise.

    ``listed``: the path was listed from the folder ``root`` was resolved from (its folder
    is ``root``), so a plain file needs no resolving."""
    try:
        lst = os.lstat(path)
    except OSError as exc:
        raise UnsafePath(f"cannot read file: {exc.strerror or exc}") from None
    linked = stat.S_ISLNK(lst.st_mode)
    if not linked and listed:
        # The common case, a plain file directly in the folder: it is its own target, and
        # lstat has said what stat would. Resolving every path cost ~70 µs a file (0.7 s
        # for the seeds and sidecars of a 10,000-article folder, on every build).
        require_regular(lst.st_mode)
        return Allowed(path, root / path.name, False, (lst.st_dev, lst.st_ino))
    target = Path(os.path.realpath(path))
    if linked and not target.is_relative_to(root):
        raise UnsafePath("symbolic link to a file outside the seeds folder; not read")
    try:
        st = os.stat(target)
    except OSError as exc:
        broken = linked and isinstance(exc, FileNotFoundError)
        raise UnsafePath(
            "cannot read file: broken symbolic link" if broken else f"cannot read file: {exc.strerror or exc}"
        ) from None
    require_regular(st.st_mode)
    return Allowed(path, target, linked, (st.st_dev, st.st_ino))


def require_regular(mode: int) -> None:
    """Raise UnsafePath naming the kind of file, unless ``mode`` is a regular file's."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise UnsafePath("is a directory, not a file")
    if stat.S_ISFIFO(mode):
        raise UnsafePath("is a named pipe (FIFO), not a regular file; not read")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise UnsafePath("is a device, not a regular file; not read")
    if stat.S_ISSOCK(mode):
        raise UnsafePath("is a socket, not a regular file; not read")
    raise UnsafePath("not a regular file; not read")


def allowed_seeds(seeds_dir: Path) -> tuple[list[Allowed], list[tuple[Path, str]]]:
    """The *.txt entries that may be read, and (entry, reason) for each that may not.

    Steps: resolve the folder; check each entry; refuse a link whose file is read already
    (the plain file wins over links to it, else the first link by name)."""
    root = seeds_root(seeds_dir)
    allowed: list[Allowed] = []
    refused: list[tuple[Path, str]] = []
    for path in seed_names(seeds_dir):
        try:
            allowed.append(check(path, root, listed=True))
        except UnsafePath as exc:
            refused.append((path, str(exc)))
    owner: dict[tuple[int, int], Allowed] = {}
    for entry in sorted(allowed, key=lambda a: a.linked):  # stable: plain files first
        owner.setdefault(entry.inode, entry)
    kept = []
    for entry in allowed:
        first = owner[entry.inode]
        if first is entry or not entry.linked:
            kept.append(entry)  # two plain names of one file (hard links) are two seeds, as git sees them
        else:
            refused.append(
                (
                    entry.path,
                    "symbolic link to a file that is read already as "
                    f"{printable(first.path.name)}; counted once",
                )
            )
    refused.sort(key=lambda pr: os.fsencode(pr[0].name))
    return kept, refused


def sidecar_of(entry_path: Path, root: Path, listed: bool = False) -> Allowed | None:
    """The sidecar ``<name>.yml`` beside a seed, if there is one; raise UnsafePath when there
    is an entry of that name that may not be read. ``listed``: as for :func:`check`, of the
    seed's path."""
    side = entry_path.with_suffix(".yml")
    try:
        os.lstat(side)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnsafePath(f"cannot read file: {exc.strerror or exc}") from None
    return check(side, root, listed)


def read_limited(entry: Allowed, limit: int) -> bytes:
    """The bytes of an allowed file, opened without following links or blocking; raise
    UnsafePath when it changed kind since it was checked, ValueError past ``limit`` bytes."""
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        fd = os.open(entry.target, flags)
    except OSError as exc:
        raise UnsafePath(f"cannot read file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        require_regular(st.st_mode)
        if (st.st_dev, st.st_ino) != entry.inode:
            raise UnsafePath("file changed while it was read; not read")
        if st.st_size > limit:
            raise FileTooLarge(st.st_size)
        data = fh.read(limit + 1)
    if len(data) > limit:  # grew while we looked
        raise FileTooLarge(None)
    return data


class FileTooLarge(ValueError):
    """A file past the size limit: ``size`` bytes, or None when it grew while it was read."""

    def __init__(self, size: int | None):
        super().__init__(size)
        self.size = size


def printable(name: str) -> str:
    """A file name as text that can be printed and written as UTF-8 (U+FFFD for bytes that
    are not UTF-8 on disk)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
