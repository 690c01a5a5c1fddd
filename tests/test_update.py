"""generator/update.py: content/generated updated in place, and put back on failure."""

from __future__ import annotations

import os

import pytest

from generator import update as update_mod
from generator.carry import Carried
from generator.site import write_tree
from generator.update import TreeUpdate


def snapshot(root):
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as fh:
                out[os.path.relpath(path, root)] = fh.read()
    return out


def dirs(root):
    return sorted(os.path.relpath(d, root) for d, _s, _f in os.walk(root))


def leftovers(parent, name="generated"):
    return sorted(p.name for p in parent.iterdir() if p.name != name)


@pytest.fixture
def tree(tmp_path):
    target = tmp_path / "generated"
    write_tree({"en/a.md": "old a", "en/b.md": "old b", "en/gone/c.md": "old c", "keep.md": "kept"}, target)
    return target


def new_files(target):
    return {
        "en/a.md": "new a",
        "en/new.md": "brand new",
        "keep.md": Carried(target / "keep.md"),
        "en/b.md": Carried(target / "en/b.md"),
    }


def staged(tree, files=None) -> TreeUpdate:
    """An update of ``tree`` with ``files`` (default: new_files) written to its staging folder."""
    up = TreeUpdate(tree)
    up.stage(new_files(tree) if files is None else files, write_tree)
    return up


def test_apply_and_commit_leave_exactly_the_new_tree(tree):
    inode = os.stat(tree / "keep.md").st_ino
    up = staged(tree)
    up.apply()
    up.commit()
    assert snapshot(tree) == {
        "en/a.md": b"new a",
        "en/new.md": b"brand new",
        "keep.md": b"kept",
        "en/b.md": b"old b",
    }
    assert os.stat(tree / "keep.md").st_ino == inode  # carried: not rewritten, not moved
    assert "en/gone" not in dirs(tree)  # emptied by a dropped file
    assert leftovers(tree.parent) == []


def test_undo_after_apply_restores_the_previous_tree(tree):
    before = snapshot(tree)
    up = staged(tree)
    up.apply()
    up.undo()
    up.undo()  # twice is harmless
    assert snapshot(tree) == before
    assert leftovers(tree.parent) == []


def test_undo_before_apply_only_drops_the_staging(tree):
    before = snapshot(tree)
    up = staged(tree)
    up.undo()
    assert snapshot(tree) == before and leftovers(tree.parent) == []


def apply_failing_at_move(tree, monkeypatch, n: int, exc: type) -> TreeUpdate:
    """Stage new_files and apply them with the n-th file move raising ``exc``."""
    real_move, calls = update_mod._move, []

    def move_then_fail(src, dst):
        calls.append(src)
        if len(calls) == n:
            raise exc
        real_move(src, dst)

    monkeypatch.setattr(update_mod, "_move", move_then_fail)
    up = staged(tree)
    with pytest.raises(exc):
        up.apply()
    monkeypatch.setattr(update_mod, "_move", real_move)
    return up


def test_interrupted_apply_is_undone(tree, monkeypatch):
    before = snapshot(tree)
    up = apply_failing_at_move(tree, monkeypatch, 3, KeyboardInterrupt)
    up.undo()
    assert snapshot(tree) == before and leftovers(tree.parent) == []


def test_a_killed_run_is_rolled_back_by_the_next_one(tree, monkeypatch):
    """The process died mid-apply (no undo ran): the journal lets the next run restore."""
    before = snapshot(tree)
    apply_failing_at_move(tree, monkeypatch, 4, SystemExit)  # SystemExit stands in for SIGKILL
    assert snapshot(tree) != before  # half applied
    TreeUpdate(tree)  # the next run
    assert snapshot(tree) == before
    assert [p for p in leftovers(tree.parent) if "journal" in p or "backup" in p] == []


def test_an_unreadable_journal_is_dropped(tree):
    journal = tree.parent / ".generated.tmp-journal"
    journal.write_text("{not json", encoding="utf-8")
    before = snapshot(tree)
    TreeUpdate(tree)
    assert not journal.exists() and snapshot(tree) == before


def test_first_build_moves_the_staged_tree_in_and_undo_removes_it(tmp_path):
    target = tmp_path / "content" / "generated"
    up = TreeUpdate(target)
    up.stage({"en/a.md": "a", "de/a.md": "a"}, write_tree)
    up.apply()
    assert snapshot(target) == {"en/a.md": b"a", "de/a.md": b"a"}
    up.undo()
    assert not target.exists() and leftovers(target.parent) == []


def test_paths_leaving_the_tree_are_refused(tree):
    from generator.site import SiteBuildError

    up = TreeUpdate(tree)
    with pytest.raises(SiteBuildError):
        up.stage({"../outside.md": "x"}, write_tree)
    up.undo()
    assert not (tree.parent / "outside.md").exists()


def test_when_most_files_change_the_folders_are_swapped(tree):
    inode = os.stat(tree / "keep.md").st_ino
    before = snapshot(tree)
    files = {"en/a.md": "new a", "en/b.md": "new b", "en/new.md": "n", "keep.md": Carried(tree / "keep.md")}
    up = staged(tree, files)
    up.apply()
    assert up.swapped
    assert snapshot(tree) == {"en/a.md": b"new a", "en/b.md": b"new b", "en/new.md": b"n", "keep.md": b"kept"}
    assert os.stat(tree / "keep.md").st_ino == inode  # linked, not copied
    up.undo()
    assert snapshot(tree) == before and leftovers(tree.parent) == []
    up = staged(tree, files)
    up.apply()
    up.commit()
    assert set(snapshot(tree)) == set(files) and leftovers(tree.parent) == []


@pytest.mark.parametrize("renames", [0, 1])
def test_a_swap_killed_halfway_is_rolled_back(tree, monkeypatch, renames):
    before = snapshot(tree)
    files = {"en/a.md": "new a", "en/b.md": "new b", "en/new.md": "n"}
    real_rename, calls = type(tree).rename, []

    def rename_then_die(self, dst):
        if len(calls) == renames:
            raise SystemExit
        calls.append(self)
        return real_rename(self, dst)

    up = staged(tree, files)
    monkeypatch.setattr(type(tree), "rename", rename_then_die)
    with pytest.raises(SystemExit):
        up.apply()
    monkeypatch.setattr(type(tree), "rename", real_rename)
    TreeUpdate(tree)  # the next run
    assert snapshot(tree) == before
    assert [p for p in leftovers(tree.parent) if "journal" in p or p.endswith("-old")] == []
