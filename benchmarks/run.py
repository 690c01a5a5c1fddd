#!/usr/bin/env python3
"""Benchmark `briefing build`, full and incremental, at several corpus sizes; write
benchmarks/out/results.{json,md}.

For each N (default 1000, 10000) in its own project folder out/n<N>/ (a copy of mkdocs.yml
whose extra.briefing paths point into that folder, theme.custom_dir at the repository's
overrides/), with one new article (a perturbed copy of the first) added to the N:

  full      `briefing build --full --progress`: stage times from the progress lines
            ("[  t s] stage: …"), MkDocs time per language, wall and CPU time, peak memory
            (sampled RSS of the whole process tree, and of its largest process); then the
            site's size, search index sizes, first-query bytes, the events' sizes (largest,
            distribution; from briefing.json) and a hash of every file
  minus_one the new article removed, `briefing build` (incremental: its pages deleted)
  plus_one  the new article added back, `briefing build` (incremental): the one-new-article
            update; afterwards every file of site/ is compared with the full build's (same
            articles), and the new article looked up in each language's search index

    python benchmarks/run.py --eval-csv ../shared/eval/semeval_pairs_dev.csv --sizes 1000
    nohup nice -n 10 python benchmarks/run.py --eval-csv … --sizes 10000 > benchmarks/out/n10000.log 2>&1 &

--keep-cache keeps the per-article caches (analyses) of an earlier run: the full build is
then timed as CI runs it after a code change. Results of earlier sizes in out/results.json
are kept, so sizes can be run separately.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from make_corpus import make_corpus, perturb  # noqa: E402

ENV = dict(os.environ, PYTHONUNBUFFERED="1")
STAGE = re.compile(r"^\[\s*([\d.]+)s\] (.*)$")


# ----------------------------------------------------------------------------- measuring


class TreeMemory(threading.Thread):
    """Samples the RSS of a process and all its descendants (from /proc) every `every` s."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_sum = self.peak_one = 0
        self._halt = threading.Event()

    def _tree(self) -> list[int]:
        parents: dict[int, list[int]] = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat", "rb") as fh:
                    stat = fh.read().decode(errors="replace")
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(d))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(parents.get(p, []))
        return out

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/statm") as fh:
                return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0

    def run(self):
        """None; samples until stop()."""
        while not self._halt.is_set():
            sizes = [self._rss(p) for p in self._tree()]
            if sizes:
                self.peak_sum = max(self.peak_sum, sum(sizes))
                self.peak_one = max(self.peak_one, max(sizes))
            self._halt.wait(self.every)

    def stop(self):
        """None; stops sampling and waits for the thread."""
        self._halt.set()
        self.join()


def run(cmd: list[str], cwd: Path, log: Path) -> dict:
    """Run cmd, return wall time, exit code, stderr lines, peak memory."""
    t0 = time.monotonic()
    load0 = os.getloadavg()[0]  # other work on the machine: wall times are read beside it
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.PIPE, text=True, env=ENV)
        mem = TreeMemory(proc.pid)
        mem.start()
        lines = []
        for line in proc.stderr:
            lines.append(line.rstrip("\n"))
            out.write(line)
            out.flush()
        # wait4: CPU time of the whole tree (workers and MkDocs processes are waited for by
        # their parents, so they count) — a measure that other load on the machine barely moves.
        _, status, usage = os.wait4(proc.pid, 0)
        rc = os.waitstatus_to_exitcode(status)
        proc.returncode = rc
        mem.stop()
    wall = time.monotonic() - t0
    if rc != 0:
        sys.stderr.write(f"bench: {shlex.join(cmd)} exited {rc}; see {log}\n")
    return {
        "wall_s": round(wall, 2),
        "rc": rc,
        "lines": lines,
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_tree_rss_mb": round(mem.peak_sum / 2**20, 1),
        "peak_process_rss_mb": round(mem.peak_one / 2**20, 1),
        "load_avg_1min": [round(load0, 1), round(os.getloadavg()[0], 1)],  # at start, at end
    }


def stages(lines: list[str]) -> dict:
    """Stage durations from the progress lines ("[  t s] stage: …")."""
    marks, out, mkdocs = {}, {}, {}

    def took(msg):
        m = re.search(r" in ([\d.]+)s", msg)
        return float(m.group(1)) if m else None

    for line in lines:
        m = STAGE.match(line)
        if not m:
            continue
        t, msg = float(m.group(1)), m.group(2)
        key = msg.split(":")[0]
        marks.setdefault(key, t)
        if key == "link":
            out["link_s"] = took(msg)
            lm = re.search(r"(\d+) events", msg)
            out["events"] = int(lm.group(1)) if lm else None
        elif key == "analysis":
            lm = re.search(r"(\d+) cached, (\d+) to do", msg)
            if lm:
                out["analysis_cached"], out["analysis_todo"] = int(lm.group(1)), int(lm.group(2))
            if "analysed in" in msg:
                out["analysis_s"] = took(msg)
        elif key == "entities":
            out["entities_s"] = took(msg)
            lm = re.search(r"(\d+) canonical", msg)
            out["entities"] = int(lm.group(1)) if lm else None
        elif key == "render" and "files" in msg:
            marks["render_done"] = t
            rm = re.search(r"(\d+) files(?:, (\d+) unchanged)?", msg)
            if rm:  # files of content/generated rendered and written, the others carried
                out["files_written"] = int(rm.group(1)) - int(rm.group(2) or 0)
        elif key.startswith("site "):
            sm = re.match(r"site (\S+): done in ([\d.]+)s", msg)
            if sm:
                mkdocs[sm.group(1)] = float(sm.group(2))
                marks["site_done"] = t
            elif "started" in msg:
                marks.setdefault("site_start", t)
    out.setdefault("analysis_s", 0.0)
    out["ingest_s"] = marks.get("ingest")
    if "link" in marks and "render_done" in marks:
        out["render_s"] = round(marks["render_done"] - marks["link"], 2)
    # The generator ends when content is written: MkDocs starts (build) or "content:" (generate).
    out["generator_s"] = marks.get("site_start", marks.get("content"))
    if out["generator_s"] is not None and "render_done" in marks:
        out["write_s"] = round(out["generator_s"] - marks["render_done"], 2)
    out["mkdocs_per_language_s"] = mkdocs
    if "site_done" in marks and "site_start" in marks:
        out["mkdocs_wall_s"] = round(marks["site_done"] - marks["site_start"], 2)
    return out


def du(path: Path) -> int:
    """The sum of the sizes of the files under ``path``."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def machine() -> dict:
    """CPU count and model, RAM, Python version and platform of this machine."""
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# ----------------------------------------------------------------------------- project


def make_project(bench: Path, languages: list[str] | None, repo: Path = REPO) -> Path:
    """The mkdocs.yml of a benchmark project in ``bench`` (paths inside it, theme from ``repo``)."""
    conf = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    conf.setdefault("theme", {})["custom_dir"] = str(repo / "overrides")
    b = conf.setdefault("extra", {}).setdefault("briefing", {})
    b.update(seeds="seeds", content="content", site="site", cache="cache")
    if languages:
        b["languages"] = languages
        b["default_language"] = languages[0]
    bench.mkdir(parents=True, exist_ok=True)
    (bench / "mkdocs.yml").write_text(
        "# Generated by benchmarks/run.py\n" + yaml.safe_dump(conf, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    pages = bench / "content" / "pages"
    if not pages.exists():
        pages.parent.mkdir(parents=True, exist_ok=True)
        pages.symlink_to(repo / "content" / "pages")
    return bench / "mkdocs.yml"


def site_hashes(site: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under site/."""
    import hashlib

    out = {}
    for root, _dirs, files in os.walk(site):
        for f in files:
            path = os.path.join(root, f)
            with open(path, "rb") as fh:
                out[os.path.relpath(path, site)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def first_query_bytes(site: Path, lang: str) -> dict:
    """What a reader downloads before the first search result in one language: Material's
    search worker and the whole search_index.json (raw, and gzip-compressed as a static host
    such as GitHub Pages serves it)."""
    import gzip

    root = site / lang
    parts = [root / "search" / "search_index.json"] + sorted(
        (root / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    )
    raw = sum(p.stat().st_size for p in parts if p.is_file())
    gz = sum(len(gzip.compress(p.read_bytes(), 6)) for p in parts if p.is_file())
    return {"raw": raw, "gzip": gz}


def event_sizes(export: Path) -> dict:
    """The largest event's article count and the event size distribution in briefing.json."""
    if not export.is_file():
        return {}
    sizes = sorted(
        (len(e["articles"]) for e in json.loads(export.read_text(encoding="utf-8"))["events"]), reverse=True
    )
    bins = {"1": 0, "2": 0, "3-5": 0, "6-10": 0, "11-50": 0, ">50": 0}
    for k in sizes:
        key = str(k) if k <= 2 else "3-5" if k <= 5 else "6-10" if k <= 10 else "11-50" if k <= 50 else ">50"
        bins[key] += 1
    return {"events": len(sizes), "largest": sizes[0] if sizes else 0, "top10": sizes[:10], "bins": bins}


def rebuilt(lines: list[str]) -> int:
    """HTML pages MkDocs rebuilt in an incremental update (from the per-language progress lines)."""
    return sum(int(m.group(1)) for ln in lines for m in [re.search(r"(\d+) pages rebuilt", ln)] if m)


def measure_update(name: str, briefing: list[str], common: list[str], bench: Path, log) -> dict:
    """One `briefing build` with its stage times and the pages MkDocs rebuilt."""
    print(f"bench {bench.name}: {name} …", file=sys.stderr, flush=True)
    r = run(briefing + ["build"] + common, bench, log(name))
    out = {k: v for k, v in r.items() if k != "lines"} | stages(r["lines"])
    out["pages_rebuilt"] = rebuilt(r["lines"])
    out["summary_line"] = next((ln for ln in reversed(r["lines"]) if ln.startswith("briefing: ")), "")
    return out


def bench_size(n: int, args, briefing: list[str], out: Path) -> dict:
    """Full build of N articles + one new, then the update that removes the new one and the
    update that adds it back, compared file by file with the full build."""
    import random

    bench = out / f"n{n}"
    seeds = bench / "seeds"
    # The new article of an earlier run is not part of the corpus.
    have = sum(1 for p in seeds.glob("*.txt") if p.name != "zz_added_article.txt") if seeds.exists() else 0
    if have != n:
        shutil.rmtree(seeds, ignore_errors=True)
        make_corpus(n, seeds, args.eval_csv, args.seed)
    config = make_project(bench, args.languages, args.repo)
    for d in ("cache", "content/generated", "site"):
        if not (args.keep_cache and d == "cache"):
            shutil.rmtree(bench / d, ignore_errors=True)
    common = (
        ["-c", str(config), "--progress"]
        + (["--no-embeddings"] if not args.embeddings else [])
        + (["-j", str(args.jobs)] if args.jobs else [])
    )
    res: dict = {"n": n, "embeddings": args.embeddings}
    log = lambda name: bench / f"{name}.log"  # noqa: E731
    src = sorted(seeds.glob("*.txt"))[0]
    new = seeds / "zz_added_article.txt"
    new.write_text(perturb(src.read_text(encoding="utf-8"), random.Random(99), 1), encoding="utf-8")
    site = bench / "site"
    try:
        res["full"] = measure_update("full", briefing, common + ["--full"], bench, log)
        if res["full"]["rc"] != 0:
            return res
        res["site_bytes"] = du(site)
        res["html_pages"] = sum(1 for _ in site.rglob("*.html"))
        res["search_index_bytes"] = {
            p.parent.parent.name: p.stat().st_size for p in sorted(site.glob("*/search/search_index.json"))
        }
        res["first_query"] = {lang: first_query_bytes(site, lang) for lang in res["search_index_bytes"]}
        res["event_sizes"] = event_sizes(site / "briefing.json")
        full = site_hashes(site)
        new.rename(bench / "zz_added_article.txt.aside")
        res["minus_one"] = measure_update("minus_one", briefing, common, bench, log)
        (bench / "zz_added_article.txt.aside").rename(new)
        res["plus_one"] = measure_update("plus_one", briefing, common, bench, log)
        after = site_hashes(site)
    finally:
        if (bench / "zz_added_article.txt.aside").exists():
            (bench / "zz_added_article.txt.aside").rename(new)
    differ = sorted(k for k in set(full) | set(after) if full.get(k) != after.get(k))
    res["files"] = len(full)
    res["files_differing"] = len(differ)
    res["differing_sample"] = differ[:20]
    res["pages_differing"] = sum(1 for k in differ if k.endswith(".html"))
    res["new_article_in_search"] = {
        p.parent.parent.name: '"articles/zz_added_article.html' in p.read_text(encoding="utf-8")
        for p in sorted(site.glob("*/search/search_index.json"))
    }
    res["plus_one_over_full"] = round(res["plus_one"]["wall_s"] / res["full"]["wall_s"], 3)
    return res


# ----------------------------------------------------------------------------- report


def fmt_mb(b) -> str:
    """``b`` bytes as MiB and MB."""
    return f"{b / 2**20:,.1f} MiB ({b / 1e6:,.1f} MB)" if b is not None else "–"


def table(results: dict) -> str:
    """The Markdown table of every size in results.json."""
    m = results["machine"]
    rows = sorted((r for r in results["runs"].values() if "full" in r), key=lambda r: r["n"])
    out = [
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}; "
        f"embeddings: {'on' if rows and rows[0]['embeddings'] else 'off (--no-embeddings)'}.",
        "",
    ]

    def g(r, *path):
        v = r
        for p in path:
            v = v.get(p) if isinstance(v, dict) else None
        return v

    def s(v, unit=" s"):
        return "–" if v is None else f"{v:,.1f}{unit}"

    def per_lang(r, key):
        return (
            ", ".join(f"{k} {v:.0f}s" for k, v in (g(r, key, "mkdocs_per_language_s") or {}).items()) or "–"
        )

    lines = [
        ("articles → HTML pages", lambda r: f"{r['n'] + 1:,} → {r['html_pages']:,}"),
        ("**full build** (`--full`), wall", lambda r: s(g(r, "full", "wall_s"))),
        ("full build, CPU (user+sys, all processes)", lambda r: s(g(r, "full", "cpu_s"))),
        ("full build: generator until content/ written", lambda r: s(g(r, "full", "generator_s"))),
        ("full build: MkDocs, all languages (wall)", lambda r: s(g(r, "full", "mkdocs_wall_s"))),
        ("full build: MkDocs per language", lambda r: per_lang(r, "full")),
        (
            "full build: peak memory, process tree (sum of RSS)",
            lambda r: fmt_mb(g(r, "full", "peak_tree_rss_mb") * 2**20),
        ),
        ("**+1 article, `briefing build` (incremental), wall**", lambda r: s(g(r, "plus_one", "wall_s"))),
        ("+1: CPU (user+sys)", lambda r: s(g(r, "plus_one", "cpu_s"))),
        ("+1: generate until content/ written", lambda r: s(g(r, "plus_one", "generator_s"))),
        ("+1: MkDocs + search index, all languages (wall)", lambda r: s(g(r, "plus_one", "mkdocs_wall_s"))),
        ("+1: MkDocs per language", lambda r: per_lang(r, "plus_one")),
        ("+1: HTML pages rebuilt (all languages)", lambda r: f"{g(r, 'plus_one', 'pages_rebuilt'):,}"),
        ("+1: content/generated files written", lambda r: f"{g(r, 'plus_one', 'files_written'):,}"),
        (
            "load average (1 min) at start → end: full / +1",
            lambda r: " / ".join(
                "{} → {}".format(*g(r, step, "load_avg_1min")) for step in ("full", "plus_one")
            ),
        ),
        ("+1 ÷ full build, wall", lambda r: f"{r['plus_one_over_full']:.3f}"),
        ("−1 article (removed), incremental, wall", lambda r: s(g(r, "minus_one", "wall_s"))),
        ("−1: HTML pages rebuilt", lambda r: f"{g(r, 'minus_one', 'pages_rebuilt'):,}"),
        (
            "**files differing from the full build** after −1, +1",
            lambda r: (
                f"{r['files_differing']:,} of {r['files']:,} ({100 * r['files_differing'] / r['files']:.2f} %); "
                f"HTML pages {r['pages_differing']:,}"
            ),
        ),
        (
            "new article in every language's search index",
            lambda r: (
                "yes" if all(r["new_article_in_search"].values()) else f"no: {r['new_article_in_search']}"
            ),
        ),
        ("full build: linking (warm), wall", lambda r: s(g(r, "full", "link_s"))),
        (
            "largest event (articles); events of 1 / 2 / 3-5 / 6-10 / 11-50 / >50 articles",
            lambda r: (
                f"{r['event_sizes']['largest']:,}; "
                + " / ".join(f"{v:,}" for v in r["event_sizes"]["bins"].values())
            ),
        ),
        ("+1: linking, wall", lambda r: s(g(r, "plus_one", "link_s"))),
        ("site size (sum of file sizes)", lambda r: fmt_mb(r["site_bytes"])),
        ("site bytes per article", lambda r: f"{r['site_bytes'] / (r['n'] + 1) / 1e3:,.1f} KB"),
        (
            "first query: search index + worker, per language (raw / gzip)",
            lambda r: ", ".join(
                f"{k} {v['raw'] / 1e6:.1f} / {v['gzip'] / 1e6:.2f} MB" for k, v in r["first_query"].items()
            ),
        ),
    ]
    out.append("| measure | " + " | ".join(f"{r['n']:,}" for r in rows) + " |")
    out.append("|---" * (len(rows) + 1) + "|")
    for label, f in lines:
        cells = []
        for r in rows:
            try:
                cells.append(f(r))
            except Exception:  # noqa: BLE001 - a missing measure leaves a dash
                cells.append("–")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    """0 after benchmarking every size asked for and writing out/results.{json,md}."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--eval-csv", type=Path, required=True, help="SemEval pairs CSV (read only)")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument(
        "--briefing",
        default=str(Path(sys.executable).with_name("briefing")),
        help="command to run (e.g. 'python /tmp/stub/run.py')",
    )
    ap.add_argument("--embeddings", action="store_true", help="link with embeddings (cold: ~0.3 s/article)")
    ap.add_argument("--keep-cache", action="store_true", help="do not empty the cache before the 'cold' run")
    ap.add_argument("--languages", type=lambda s: s.split(","), help="site languages (default: mkdocs.yml's)")
    ap.add_argument("-j", "--jobs", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--repo",
        type=Path,
        default=REPO,
        help="source tree to benchmark (a frozen copy: put first on PYTHONPATH; use with "
        "--briefing 'python -m generator.cli')",
    )
    args = ap.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    args.repo = args.repo.resolve()
    # Always first on PYTHONPATH, also when it is this file's own tree: `python -m
    # generator.cli` would otherwise import whatever tree the venv has installed (editable).
    ENV["PYTHONPATH"] = os.pathsep.join([str(args.repo)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    store = args.out / "results.json"
    results = json.loads(store.read_text()) if store.exists() else {"runs": {}}
    results["machine"] = machine()
    briefing = shlex.split(args.briefing)
    for n in [int(x) for x in args.sizes.split(",")]:
        key = f"{n}{'-emb' if args.embeddings else ''}{'-' + '+'.join(args.languages) if args.languages else ''}"
        res = bench_size(n, args, briefing, args.out)
        # Read again: another size may have been written meanwhile by a parallel run.
        results = json.loads(store.read_text()) if store.exists() else {"runs": {}}
        results["machine"] = machine()
        results["runs"][key] = res
        store.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        (args.out / "results.md").write_text(table(results), encoding="utf-8")
        print(table(results), file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
