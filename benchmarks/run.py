#!/usr/bin/env python3
"""Benchmark `briefing build` at several corpus sizes; write benchmarks/out/results.{json,md}.

For each N (default 100, 1000, 10000) in its own project folder out/n<N>/ (a copy of
mkdocs.yml whose extra.briefing paths point into that folder, theme.custom_dir at the
repository's overrides/):

  cold      `briefing build --progress` with an empty cache: stage times from the progress
            lines ("[  t s] stage: …"), MkDocs time per language, wall time, peak memory
            (sampled RSS of the whole process tree, and of its largest process)
  warm      `briefing generate` again with nothing changed (generator only)
  +1        one new article added, `briefing generate`: time until content/ is written
  floor     a bare `python -m mkdocs build` of one language's generated Markdown, with
            Material's search, and again with the search plugin disabled
  size      du of site/, each language's search/search_index.json

    python benchmarks/run.py --eval-csv ../shared/eval/semeval_pairs_dev.csv --sizes 100,1000
    nohup python benchmarks/run.py --eval-csv … --sizes 10000 > benchmarks/out/n10000.log 2>&1 &

Results of earlier sizes in out/results.json are kept, so sizes can be run separately.
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
        while not self._halt.is_set():
            sizes = [self._rss(p) for p in self._tree()]
            if sizes:
                self.peak_sum = max(self.peak_sum, sum(sizes))
                self.peak_one = max(self.peak_one, max(sizes))
            self._halt.wait(self.every)

    def stop(self):
        self._halt.set()
        self.join()


def run(cmd: list[str], cwd: Path, log: Path) -> dict:
    """Run cmd, return wall time, exit code, stderr lines, peak memory."""
    t0 = time.monotonic()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.PIPE, text=True,
                                env=ENV)
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
    return {"wall_s": round(wall, 2), "rc": rc, "lines": lines,
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_tree_rss_mb": round(mem.peak_sum / 2**20, 1),
            "peak_process_rss_mb": round(mem.peak_one / 2**20, 1)}


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
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def machine() -> dict:
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
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform()}


# ----------------------------------------------------------------------------- project

def make_project(bench: Path, languages: list[str] | None, repo: Path = REPO) -> Path:
    conf = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    conf.setdefault("theme", {})["custom_dir"] = str(repo / "overrides")
    b = conf.setdefault("extra", {}).setdefault("briefing", {})
    b.update(seeds="seeds", content="content", site="site", cache="cache")
    if languages:
        b["languages"] = languages
    bench.mkdir(parents=True, exist_ok=True)
    (bench / "mkdocs.yml").write_text("# Generated by benchmarks/run.py\n"
                                      + yaml.safe_dump(conf, allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    pages = bench / "content" / "pages"
    if not pages.exists():
        pages.parent.mkdir(parents=True, exist_ok=True)
        pages.symlink_to(repo / "content" / "pages")
    return bench / "mkdocs.yml"


def bench_size(n: int, args, briefing: list[str], out: Path) -> dict:
    bench = out / f"n{n}"
    seeds = bench / "seeds"
    have = len(list(seeds.glob("*.txt"))) if seeds.exists() else 0
    if have != n:
        shutil.rmtree(seeds, ignore_errors=True)
        make_corpus(n, seeds, args.eval_csv, args.seed)
    config = make_project(bench, args.languages, args.repo)
    for d in ("cache", "content/generated", "site"):
        if not (args.keep_cache and d == "cache"):
            shutil.rmtree(bench / d, ignore_errors=True)
    common = ["-c", str(config), "--progress"] + (["--no-embeddings"] if not args.embeddings else []) \
        + (["-j", str(args.jobs)] if args.jobs else [])
    res: dict = {"n": n, "embeddings": args.embeddings}

    log = lambda name: bench / f"{name}.log"  # noqa: E731
    print(f"bench n={n}: cold build …", file=sys.stderr, flush=True)
    cold = run(briefing + ["build"] + common, bench, log("cold_build"))
    res["cold"] = {k: v for k, v in cold.items() if k != "lines"} | stages(cold["lines"])
    res["summary_line"] = next((ln for ln in reversed(cold["lines"]) if ln.startswith("briefing: ")), "")
    if cold["rc"] != 0:
        res["error"] = "\n".join(cold["lines"][-5:])
        return res

    site = bench / "site"
    res["site_bytes"] = du(site)
    res["html_pages"] = sum(1 for _ in site.rglob("*.html"))
    res["md_pages"] = sum(1 for _ in (bench / "content" / "generated").rglob("*.md"))
    res["search_index_bytes"] = {p.parent.parent.name: p.stat().st_size
                                 for p in sorted(site.glob("*/search/search_index.json"))}
    res["pages_per_s"] = round(res["html_pages"] / cold["wall_s"], 1) if cold["wall_s"] else None
    res["s_per_article"] = round(cold["wall_s"] / n, 4)

    print(f"bench n={n}: warm generate …", file=sys.stderr, flush=True)
    warm = run(briefing + ["generate"] + common, bench, log("warm_generate"))
    res["warm"] = {k: v for k, v in warm.items() if k != "lines"} | stages(warm["lines"])

    # One new article on top of the built corpus, warm cache.
    src = sorted(seeds.glob("*.txt"))[0]
    import random
    new = seeds / "zz_added_article.txt"
    new.write_text(perturb(src.read_text(encoding="utf-8"), random.Random(99), 1), encoding="utf-8")
    try:
        print(f"bench n={n}: +1 article generate …", file=sys.stderr, flush=True)
        plus = run(briefing + ["generate"] + common, bench, log("plus_one_generate"))
        res["plus_one"] = {k: v for k, v in plus.items() if k != "lines"} | stages(plus["lines"])
    finally:
        new.unlink()

    # Floors: one language's generated Markdown built by MkDocs alone.
    gen = bench / "content" / "generated"
    floor_lang = args.floor_lang or sorted(p.name[7:-4] for p in gen.glob("mkdocs.*.yml"))[0]
    conf = gen / f"mkdocs.{floor_lang}.yml"
    nosearch = gen / f"mkdocs.{floor_lang}.nosearch.yml"
    data = yaml.safe_load(conf.read_text(encoding="utf-8"))
    data["plugins"] = []
    nosearch.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res["floor_lang"] = floor_lang
    env_py = [args.python, "-m", "mkdocs", "build", "-q"]
    for name, cfgfile in (("floor_mkdocs", conf), ("floor_mkdocs_nosearch", nosearch)):
        print(f"bench n={n}: {name} ({floor_lang}) …", file=sys.stderr, flush=True)
        target = bench / f"floor_site_{name}"
        r = run(env_py + ["-f", str(cfgfile), "-d", str(target)], gen, log(name))
        res[name] = {k: v for k, v in r.items() if k != "lines"}
        res[name]["site_bytes"] = du(target)
        shutil.rmtree(target, ignore_errors=True)
    nosearch.unlink()
    return res


# ----------------------------------------------------------------------------- report

def fmt_mb(b) -> str:
    return f"{b / 2**20:,.1f} MiB ({b / 1e6:,.1f} MB)" if b is not None else "–"


def table(results: dict) -> str:
    m = results["machine"]
    rows = sorted(results["runs"].values(), key=lambda r: r["n"])
    out = [f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}; "
           f"embeddings: {'on' if rows and rows[0]['embeddings'] else 'off (--no-embeddings)'}.", ""]
    cols = ["N"] + [str(r["n"]) for r in rows]

    def g(r, *path):
        v = r
        for p in path:
            v = v.get(p) if isinstance(v, dict) else None
        return v

    def s(v, unit=" s"):
        return "–" if v is None else f"{v:,.1f}{unit}"

    lines = [
        ("articles → HTML pages", lambda r: f"{r['n']:,} → {r['html_pages']:,}"),
        ("analysis cache at the build", lambda r: "cold" if g(r, "cold", "analysis_cached") == 0 else
         f"warm ({g(r, 'cold', 'analysis_cached'):,} cached, {g(r, 'cold', 'analysis_todo')} to do)"),
        ("**total wall, `briefing build`**", lambda r: s(g(r, "cold", "wall_s"))),
        ("**CPU time of the build** (user+sys, all processes)", lambda r: s(g(r, "cold", "cpu_s"))),
        ("CPU time / 2 cores (wall on an idle machine, at best)", lambda r: s(g(r, "cold", "cpu_s") / 2)),
        ("generator (ingest → content/ written)", lambda r: s(g(r, "cold", "generator_s"))),
        ("  analysis (facts + entities)", lambda r: s(g(r, "cold", "analysis_s"))),
        ("  entity resolution", lambda r: s(g(r, "cold", "entities_s"))),
        ("  linking", lambda r: s(g(r, "cold", "link_s"))),
        ("  render Markdown (all languages)", lambda r: s(g(r, "cold", "render_s"))),
        ("  write content/generated", lambda r: s(g(r, "cold", "write_s"))),
        ("  ingest (not cached)", lambda r: s(g(r, "cold", "ingest_s"))),
        ("generator, warm (nothing changed)", lambda r: s(g(r, "warm", "generator_s"))),
        ("  linking, warm", lambda r: s(g(r, "warm", "link_s"))),
        ("+1 article, generate (warm) until content/ written", lambda r: s(g(r, "plus_one", "generator_s"))),
        ("+1 article, generate, process wall", lambda r: s(g(r, "plus_one", "wall_s"))),
        ("MkDocs, all languages (wall, parallel)", lambda r: s(g(r, "cold", "mkdocs_wall_s"))),
        ("MkDocs per language", lambda r: ", ".join(f"{k} {v:.0f}s" for k, v in
                                                    g(r, "cold", "mkdocs_per_language_s").items()) or "–"),
        ("floor: bare MkDocs, one language (with search)",
         lambda r: f"{s(g(r, 'floor_mkdocs', 'wall_s'))} ({r['floor_lang']})"),
        ("floor: bare MkDocs, one language, no search", lambda r: s(g(r, "floor_mkdocs_nosearch", "wall_s"))),
        ("floor: CPU time, with search / no search",
         lambda r: f"{s(g(r, 'floor_mkdocs', 'cpu_s'))} / {s(g(r, 'floor_mkdocs_nosearch', 'cpu_s'))}"),
        ("warm generate: CPU time", lambda r: s(g(r, "warm", "cpu_s"))),
        ("+1 article generate: CPU time", lambda r: s(g(r, "plus_one", "cpu_s"))),
        ("generator + linking, warm, CPU / bare MkDocs CPU (languages × floor)",
         lambda r: f"{100 * g(r, 'warm', 'cpu_s') / (len(g(r, 'cold', 'mkdocs_per_language_s')) * g(r, 'floor_mkdocs', 'cpu_s')):.0f} %"),
        ("generator + linking (warm) / bare MkDocs (4 × floor), wall",
         lambda r: "–" if not g(r, "floor_mkdocs", "wall_s") else
         f"{100 * (g(r, 'warm', 'generator_s') or 0) / (len(g(r, 'cold', 'mkdocs_per_language_s') or {0: 0}) * r['floor_mkdocs']['wall_s']):.0f} %"),
        ("generator in the build / bare MkDocs (4 × floor), wall",
         lambda r: "–" if not g(r, "floor_mkdocs", "wall_s") else
         f"{100 * (g(r, 'cold', 'generator_s') or 0) / (len(g(r, 'cold', 'mkdocs_per_language_s') or {0: 0}) * r['floor_mkdocs']['wall_s']):.0f} %"),
        ("pages per second (build wall)", lambda r: s(r.get("pages_per_s"), "")),
        ("seconds per article (build wall)", lambda r: f"{r['s_per_article']:.3f}"),
        ("CPU seconds per article (build)", lambda r: f"{g(r, 'cold', 'cpu_s') / r['n']:.3f}"),
        ("peak memory, whole process tree (sum of RSS)", lambda r: fmt_mb(g(r, "cold", "peak_tree_rss_mb") * 2**20)),
        ("peak memory, largest process", lambda r: fmt_mb(g(r, "cold", "peak_process_rss_mb") * 2**20)),
        ("site size (du of site/)", lambda r: fmt_mb(r["site_bytes"])),
        ("search_index.json per language", lambda r: ", ".join(f"{k} {v / 2**20:.1f} MB"
                                                                for k, v in r["search_index_bytes"].items())),
    ]
    out.append("| " + " | ".join(["measure"] + cols[1:]) + " |")
    out.append("|---" * len(cols) + "|")
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
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--eval-csv", type=Path, required=True, help="SemEval pairs CSV (read only)")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--briefing", default=str(Path(sys.executable).with_name("briefing")),
                    help="command to run (e.g. 'python /tmp/stub/run.py')")
    ap.add_argument("--python", default=sys.executable, help="Python with MkDocs, for the floors")
    ap.add_argument("--embeddings", action="store_true", help="link with embeddings (cold: ~0.3 s/article)")
    ap.add_argument("--keep-cache", action="store_true", help="do not empty the cache before the 'cold' run")
    ap.add_argument("--languages", type=lambda s: s.split(","), help="site languages (default: mkdocs.yml's)")
    ap.add_argument("--floor-lang", default="en")
    ap.add_argument("-j", "--jobs", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repo", type=Path, default=REPO,
                    help="source tree to benchmark (a frozen copy: put first on PYTHONPATH; use with "
                         "--briefing 'python -m generator.cli')")
    args = ap.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    args.repo = args.repo.resolve()
    if args.repo != REPO:
        ENV["PYTHONPATH"] = os.pathsep.join([str(args.repo)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    store = args.out / "results.json"
    results = json.loads(store.read_text()) if store.exists() else {"runs": {}}
    results["machine"] = machine()
    briefing = shlex.split(args.briefing)
    for n in [int(x) for x in args.sizes.split(",")]:
        key = f"{n}{'-emb' if args.embeddings else ''}"
        results["runs"][key] = bench_size(n, args, briefing, args.out)
        store.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        (args.out / "results.md").write_text(table(results), encoding="utf-8")
        print(table(results), file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
