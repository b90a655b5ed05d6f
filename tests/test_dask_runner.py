"""End to end on Dask: the seeds on a 2-worker dask.distributed LocalCluster give the same tables
as the DirectRunner (same rows, same ids; only ``ingested_at`` differs). What the translation
cannot run faithfully (user state, windows, unknown primitives, another Beam) is refused before
anything runs; the local cluster logs at the run's level."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import apache_beam as beam
import pytest
from apache_beam.transforms import trigger, userstate, window

from schemas import TABLES
from tests.conftest import IN_CI, ROOT, SEEDS

pytestmark = pytest.mark.slow
DASK_RUNNER = "--runner=pipeline.dask_cluster.NewsbeamDaskRunner"

# Every registered table, the corpus-level speakers table (a combine and a join) included.
TABLES_COMPARED = tuple(TABLES)


def _dask():
    # Dask is part of the test extra; in CI a missing dask is a failure, not a skip.
    if IN_CI:
        import dask.distributed

        return dask.distributed
    return pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster_address():
    distributed = _dask()
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _rows(output, table: str) -> list[tuple]:
    from pipeline.summary import read_table

    rows = [
        tuple(sorted((k, v) for k, v in row.items() if k != "ingested_at"))
        for row in read_table(str(output), table)
    ]
    return sorted(rows, key=repr)


def _run(output, *extra: str) -> None:
    from pipeline.cli import main

    code = main(["run", "--input", str(SEEDS / "*"), "--output", str(output), *extra])
    assert code == 0


def test_seeds_on_dask_match_direct_runner(tmp_path, cluster_address):
    direct, dask = tmp_path / "direct", tmp_path / "dask"
    _run(direct)
    _run(dask, "--runner", "dask", f"--dask_client_address={cluster_address}")

    for table in TABLES_COMPARED:
        expected = _rows(direct, table)
        got = _rows(dask, table)
        assert len(got) == len(expected), table
        assert got == expected, f"{table} differs between DirectRunner and Dask"
    # guard against comparing two empty outputs
    assert _rows(direct, "articles") and _rows(direct, "sentences") and _rows(direct, "speakers")
    ids = {dict(r)["article_id"] for r in _rows(dask, "articles")}
    assert len(ids) == len(_rows(dask, "articles"))


def test_multi_output_dofn_and_finish_bundle_on_dask(tmp_path, cluster_address):
    """The two translations Beam 2.77's DaskRunner gets wrong: tagged outputs and finish_bundle."""
    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions
    from apache_beam.transforms.window import GlobalWindow
    from apache_beam.utils.windowed_value import WindowedValue

    class Split(beam.DoFn):
        def start_bundle(self):
            self._seen = 0

        def process(self, n):
            self._seen += 1
            if n % 2:
                yield beam.pvalue.TaggedOutput("odd", n)
            else:
                yield n

        def finish_bundle(self):
            yield WindowedValue(-self._seen, 0, [GlobalWindow()])

    options = PipelineOptions([
        DASK_RUNNER,
        f"--dask_client_address={cluster_address}",
    ])
    out = tmp_path / "out"
    with beam.Pipeline(options=options) as p:
        split = p | beam.Create(range(10)) | beam.ParDo(Split()).with_outputs("odd", main="even")
        split.even | "WriteEven" >> beam.io.WriteToText(str(out / "even"))
        split.odd | "WriteOdd" >> beam.io.WriteToText(str(out / "odd"))

    def read(prefix: str) -> list[int]:
        return sorted(int(line) for f in out.glob(f"{prefix}*") for line in f.read_text().split())

    evens = read("even")
    assert read("odd") == [1, 3, 5, 7, 9]
    assert [n for n in evens if n >= 0] == [0, 2, 4, 6, 8]
    # each bundle reports how many elements it saw, from finish_bundle: together all ten
    assert -sum(n for n in evens if n < 0) == 10


def test_read_units_are_cut_into_partitions_of_similar_bytes():
    from transforms.read_articles import balanced_parts

    sized = [(f"u{i}", size) for i, size in enumerate([900, 100, 100, 500, 400, 300, 300, 200])]
    parts = balanced_parts(sized, 3)
    assert sorted(u for part in parts for u in part) == sorted(u for u, _ in sized)
    loads = [sum(dict(sized)[u] for u in part) for part in parts]
    assert sorted(loads) == [900, 900, 1000]
    assert len(balanced_parts(sized[:2], 16)) == 2  # never an empty partition
    assert balanced_parts([], 4) == [[]]


def test_many_read_units_get_partitions_by_bytes_not_by_worker_count(tmp_path, cluster_address):
    """40 JSONL ranges of 200 KB (8 MB): 2 worker threads alone would make 16 partitions of
    500 KB, whose rows a task holds at once; by bytes they are 31 of about 256 KB."""
    import json

    from apache_beam.options.pipeline_options import PipelineOptions

    from pipeline.dask_runner.translation import PARTITION_BYTES
    from transforms.jsonl_ranges import FileRange
    from transforms.read_articles import SPREAD_UNITS

    class RecordBundle(beam.DoFn):
        def start_bundle(self):
            self._units = []

        def process(self, unit):
            self._units.append(unit.start)

        def finish_bundle(self):
            (tmp_path / f"bundle-{os.getpid()}-{id(self)}-{len(self._units)}-{self._units[:1]}"
             ).write_text(json.dumps(self._units))

    size = 200_000
    units = [FileRange("big.jsonl", i * size, (i + 1) * size, 1 + i * 100) for i in range(40)]
    options = PipelineOptions([DASK_RUNNER, f"--dask_client_address={cluster_address}"])
    with beam.Pipeline(options=options) as p:
        _ = p | beam.Create(units) | SPREAD_UNITS >> beam.Reshuffle() | beam.ParDo(RecordBundle())

    bundles = [json.loads(f.read_text()) for f in tmp_path.glob("bundle-*")]
    bundles = [b for b in bundles if b]
    assert sorted(s for b in bundles for s in b) == [u.start for u in units]
    assert len(bundles) == -(-40 * size // PARTITION_BYTES)  # 31
    assert max(len(b) for b in bundles) - min(len(b) for b in bundles) <= 1


def _die_once(marks, name: str) -> None:
    died = marks / name
    if not died.exists():
        died.write_text(str(os.getpid()))
        os._exit(1)  # the worker process dies; its nanny starts a new one


def _count(marks, name: str) -> int:
    path = marks / name
    return len(path.read_text().split()) if path.exists() else 0


def _dying_sink(prefix: str, marks):
    """A text sink that records its initialize_write and pre_finalize calls and whose worker dies
    right after its first finalize_write renamed the shards: the situation in which Dask used to
    re-run pre_finalize, which deleted them."""
    from apache_beam.io.textio import _TextSink

    class DyingTextSink(_TextSink):
        def initialize_write(self):
            with open(marks / "initialize_write", "a") as f:
                f.write(f"{os.getpid()}\n")
            return super().initialize_write()

        def pre_finalize(self, init_result, writer_results):
            with open(marks / "pre_finalize", "a") as f:
                f.write(f"{os.getpid()}\n")
            return super().pre_finalize(init_result, writer_results)

        def finalize_write(self, *args):
            yield from super().finalize_write(*args)
            _die_once(marks, "died_finalizing")  # with the shards renamed

    return DyingTextSink(prefix)


def _die_in_the_middle(n: str, marks) -> str:
    if n == "50":
        _die_once(marks, "died_writing")  # results held by this worker must be recomputed
    return n


def test_workers_lost_while_writing_and_finalizing_lose_and_duplicate_nothing(tmp_path):
    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions

    distributed = _dask()
    marks = tmp_path / "marks"
    marks.mkdir()
    out = tmp_path / "out"
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    )
    try:
        options = PipelineOptions([
            DASK_RUNNER,
            f"--dask_client_address={cluster.scheduler_address}",
        ])
        with beam.Pipeline(options=options) as p:
            (
                p
                | beam.Create([str(n) for n in range(100)])
                | beam.Reshuffle()
                | beam.Map(_die_in_the_middle, marks)
                | beam.io.Write(_dying_sink(str(out / "numbers"), marks))
            )
    finally:
        cluster.close()

    assert (marks / "died_writing").exists() and (marks / "died_finalizing").exists()
    # a second initialize_write names a second temp folder that finalize never reads;
    # a second pre_finalize deletes shards that finalize already renamed
    assert _count(marks, "initialize_write") == 1
    assert _count(marks, "pre_finalize") == 1
    lines = [line for f in out.glob("numbers*") for line in f.read_text().split()]
    assert sorted(lines, key=int) == [str(n) for n in range(100)]


def _tick_interval() -> str:
    import dask

    return dask.config.get("distributed.admin.tick.interval")


def test_the_local_cluster_leaves_glibc_malloc_tuning_alone(monkeypatch):
    """Dask's nanny sets MALLOC_TRIM_THRESHOLD_ for its workers, which turns off glibc's sliding
    mmap threshold: spaCy's workers then spent ~3x the system CPU of DirectRunner workers."""
    distributed = _dask()
    # as in a fresh `newsbeam run`: a nanny also writes the variable into its own process's
    # environment, so the clusters of earlier tests leave it behind in this one
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    from pipeline.dask_cluster import local_cluster

    with local_cluster(2) as address, distributed.Client(address, timeout=30) as client:
        envs = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
        configs = client.run(_tick_interval)
    assert len(envs) == 2 and set(envs.values()) == {None}
    assert set(configs.values()) == {"1s"}


def _model_prewarmed() -> list[str]:
    from transforms import nlp_model

    return sorted(nlp_model._PREWARMED)


def test_the_local_cluster_s_workers_start_loading_the_run_s_model():
    """Each worker starts loading the model when it starts, not in its first annotate task."""
    distributed = _dask()
    from pipeline.dask_cluster import local_cluster
    from transforms.nlp_model import DEFAULT_MODEL

    with local_cluster(2, DEFAULT_MODEL) as address, \
            distributed.Client(address, timeout=30) as client:
        loading = client.run(_model_prewarmed)
    assert list(loading.values()) == [[DEFAULT_MODEL], [DEFAULT_MODEL]]


# --- fails closed -----------------------------------------------------------------------------


class _CountPerKey(beam.DoFn):
    COUNT = userstate.ReadModifyWriteStateSpec("count", beam.coders.VarIntCoder())

    def process(self, element, count=beam.DoFn.StateParam(COUNT)):  # noqa: B008 (Beam API)
        seen = (count.read() or 0) + 1
        count.write(seen)
        yield element[0], seen


class _FlushLater(beam.DoFn):
    FLUSH = userstate.TimerSpec("flush", beam.TimeDomain.WATERMARK)

    def process(self, element, flush=beam.DoFn.TimerParam(FLUSH)):  # noqa: B008 (Beam API)
        flush.set(0)
        yield element

    @userstate.on_timer(FLUSH)
    def on_flush(self):
        yield "flushed"


class _Acknowledge(beam.DoFn):
    def process(self, element, finalizer=beam.DoFn.BundleFinalizerParam):
        finalizer.register(lambda: None)  # e.g. ack a message once the bundle is committed
        yield element


def _keyed(p):
    return p | beam.Create([("a", 1), ("b", 2), ("a", 3)])


UNSUPPORTED = {
    "user state": (lambda p: _keyed(p) | beam.ParDo(_CountPerKey()), "user state or timers"),
    "timers": (lambda p: _keyed(p) | beam.ParDo(_FlushLater()), "user state or timers"),
    "bundle finalizer": (lambda p: _keyed(p) | beam.ParDo(_Acknowledge()), "bundle finalizer"),
    "fixed windows": (
        lambda p: _keyed(p) | beam.WindowInto(window.FixedWindows(60)) | beam.GroupByKey(),
        "FixedWindows",
    ),
    "trigger": (
        lambda p: _keyed(p)
        | beam.WindowInto(window.GlobalWindows(), trigger=trigger.Repeatedly(
            trigger.AfterCount(2)), accumulation_mode=trigger.AccumulationMode.DISCARDING)
        | beam.GroupByKey(),
        "default trigger",
    ),
    "unknown primitive": (lambda p: p | beam.Impulse() | beam.Map(len), "Impulse"),
    "read": (lambda p: p | beam.io.Read(beam.io.textio._TextSource(
        str(SEEDS / "*.txt"), 0, beam.io.filesystem.CompressionTypes.AUTO, True,
        beam.coders.StrUtf8Coder())), "_Read"),
}


@pytest.mark.parametrize("case", sorted(UNSUPPORTED))
def test_what_the_translation_cannot_run_is_refused_at_translation(case):
    from apache_beam.runners.dask.overrides import dask_overrides

    from pipeline.dask_runner.translation import BagVisitor, UnsupportedOnDask

    build, reason = UNSUPPORTED[case]
    pipeline = beam.Pipeline(options=beam.options.pipeline_options.PipelineOptions())
    build(pipeline)
    pipeline.replace_all(dask_overrides())
    with pytest.raises(UnsupportedOnDask, match=re.escape(reason)):
        pipeline.visit(BagVisitor({}, partitions=2, client=None))


def test_a_refused_step_fails_the_run_before_anything_runs(tmp_path, cluster_address):
    from pipeline.dask_cluster import UnsupportedOnDask

    options = beam.options.pipeline_options.PipelineOptions(
        [DASK_RUNNER, f"--dask_client_address={cluster_address}"]
    )
    marks = tmp_path / "ran"
    with pytest.raises(UnsupportedOnDask, match="step 'Count': _CountPerKey uses user state"):
        with beam.Pipeline(options=options) as p:
            (
                _keyed(p)
                | "Mark" >> beam.Map(lambda kv: marks.mkdir(exist_ok=True) or kv)
                | "Count" >> beam.ParDo(_CountPerKey())
            )
    assert not marks.exists()


def test_the_translation_checks_the_beam_version_at_import():
    from pipeline.dask_runner import TESTED_BEAM, UntestedBeamVersion, check_beam_version

    check_beam_version(f"{TESTED_BEAM[0]}.9")
    with pytest.raises(UntestedBeamVersion, match="2.99.0 is installed"):
        check_beam_version("2.99.0")
    # at import, before any Beam internal is touched
    done = subprocess.run(
        [sys.executable, "-c", "import apache_beam; apache_beam.__version__ = '2.99.0'; "
         "import pipeline.dask_cluster"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert done.returncode != 0
    assert "UntestedBeamVersion" in done.stderr and "2.99.0 is installed" in done.stderr


# --- log level --------------------------------------------------------------------------------

# INFO records of dask.distributed, in our format ("INFO distributed.scheduler: ...") or in
# distributed's own ("... - distributed.worker - INFO - ..."), which a worker process uses
_DISTRIBUTED_INFO = re.compile(
    r"^(?:INFO distributed\.|.* - distributed(?:\.\w+)* - INFO - )", re.MULTILINE
)
# as the CLI does: logging set up before distributed is imported (distributed then logs through
# the root handler, which LocalCluster's silence_logs does not touch)
_CLUSTER_ONLY = """
import logging, sys
logging.basicConfig(level=sys.argv[1], format="%(levelname)s %(name)s: %(message)s")
from dask.distributed import Client
from pipeline.dask_cluster import local_cluster
with local_cluster(1) as address, Client(address) as client:
    assert client.submit(sum, [1, 2]).result() == 3
"""


def _cluster_log(level: str, cwd) -> str:
    done = subprocess.run([sys.executable, "-c", _CLUSTER_ONLY, level], capture_output=True,
                          text=True, cwd=cwd, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_a_run_at_warning_prints_no_info_lines_from_distributed(tmp_path):
    _dask()
    # the counter is not blind: a local cluster at INFO logs its start, workers and close (~41
    # lines; before the fix this 1-worker cluster printed 24 of them at WARNING too)
    assert len(_DISTRIBUTED_INFO.findall(_cluster_log("INFO", tmp_path))) >= 10
    assert _DISTRIBUTED_INFO.findall(_cluster_log("WARNING", tmp_path)) == []

    # the real command, at its default level (WARNING)
    run = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", "--runner", "dask", "--dask_workers", "1",
         "--input", str(SEEDS / "000_27cef5e8aa7cc37f.txt"), "--output", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert "articles" in run.stdout  # the summary: the run happened
    assert _DISTRIBUTED_INFO.findall(run.stderr) == []
