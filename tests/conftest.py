"""Shared fixtures: a throwaway project (config + seeds) and the seed site built once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Project:
    root: Path
    config: Path
    seeds: Path
    content: Path
    site: Path
    cache: Path

    def run(self, *args: str, check: bool = False) -> subprocess.CompletedProcess:
        """Run the CLI on this project (`briefing <args> -c <config>`), capturing output."""
        cmd = [sys.executable, "-m", "generator.cli", *args, "-c", str(self.config)]
        proc = subprocess.run(
            cmd, capture_output=True, text=True, cwd=self.root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1")
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        return proc


def make_project(
    tmp: Path, seeds: dict[str, bytes] | None = None, cache: Path | None = None, languages: list | None = None
) -> Project:
    """A project in ``tmp``: the repo's mkdocs.yml with every path pointing inside ``tmp``
    (theme overrides and hand-written pages stay the repo's), and the given seed files."""
    tmp.mkdir(parents=True, exist_ok=True)
    conf = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    conf["theme"]["custom_dir"] = str(ROOT / "overrides")
    b = conf["extra"]["briefing"]
    b.update(seeds="seeds", content="content", site="site", cache=str(cache or tmp / "cache"))
    if languages:
        b["languages"] = languages
    config = tmp / "mkdocs.yml"
    config.write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), encoding="utf-8")
    seeds_dir = tmp / "seeds"
    seeds_dir.mkdir(exist_ok=True)
    for name, data in (seeds or {}).items():
        (seeds_dir / name).write_bytes(data)
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages", dirs_exist_ok=True)
    return Project(tmp, config, seeds_dir, tmp / "content", tmp / "site", Path(b["cache"]))


def seed_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((ROOT / "seeds").iterdir()) if p.is_file()}


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    """One analysis/embedding cache for every build in the session (warm after the first)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory, shared_cache) -> Project:
    """The seed corpus built once, every language, embeddings on (as `make site` does)."""
    project = make_project(tmp_path_factory.mktemp("seed-site"), seed_files(), cache=shared_cache)
    proc = project.run("build", check=True)
    project.build_log = proc.stderr
    return project
