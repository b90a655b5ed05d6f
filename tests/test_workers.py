"""`--workers N`: the shorthand that picks the local mode, refuses what contradicts it, and
says in the run summary how many workers ran."""

from __future__ import annotations

import os
import subprocess
import sys

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import DirectOptions
from apache_beam.utils.shared import Shared

from pipeline import cli, graph
from pipeline.run_config import RunConfig, beam_pipeline
from pipeline.runners import DASK_RUNNER, LOCAL_BATCH_RUNNER, Runner, RunnerKind
from schemas import TABLES
from tests.conftest import SEEDS
from tests.pipeline_runs import read_tables, run_cli, without

SEED = str(SEEDS / "000_27cef5e8aa7cc37f.txt")


@pytest.fixture()
def configured(monkeypatch, tmp_path):
    """``configured(flags)`` -> (RunConfig, PipelineOptions) of `newsbeam run`; nothing runs."""
    seen = []

    def build(pipeline, config):
        seen.append((config, pipeline.options))
        raise SystemExit(0)

    monkeypatch.setattr(graph, "build", build)

    def run(flags: list[str]):
        with pytest.raises(SystemExit):
            cli.main(["run", "--input", SEED, "--output", str(tmp_path / "out"), *flags])
        return seen[-1]

    return run


def test_workers_2_is_the_multi_process_direct_runner(configured):
    config, options = configured(["--workers", "2"])
    assert config.workers == 2 and config.worker_processes == 2
    assert config.runner == Runner(LOCAL_BATCH_RUNNER, RunnerKind.LOCAL_MULTIPROCESS, False)
    direct = options.view_as(DirectOptions)  # what the FnApiRunner reads to start processes
    assert (direct.direct_num_workers, direct.direct_running_mode) == (2, "multi_processing")


@pytest.mark.parametrize("flags", [["--workers", "1"], []])
def test_workers_1_is_todays_in_process_run(configured, flags):
    config, options = configured(flags)
    assert config.worker_processes == 1 and config.runner.kind is RunnerKind.LOCAL
    assert options.view_as(DirectOptions).direct_running_mode == "in_memory"


def test_workers_agreeing_with_beams_own_flags_is_accepted(configured):
    config, _ = configured(["--workers", "3", "--direct_num_workers", "3",
                            "--direct_running_mode", "multi_processing"])
    assert config.worker_processes == 3


def test_workers_with_dask_sizes_the_local_cluster(configured):
    pytest.importorskip("dask.distributed")
    config, _ = configured(["--runner", "dask", "--workers", "3"])
    assert config.runner.beam_name == DASK_RUNNER
    assert (config.dask_workers, config.worker_processes) == (3, 3)
    config, _ = configured(["--runner", "dask"])
    assert (config.dask_workers, config.worker_processes) == (2, 2)  # the default


@pytest.mark.parametrize(("flags", "message"), [
    (["--workers", "0"], "--workers must be at least 1, got 0"),
    (["--workers", "2", "--direct_num_workers", "3"],
     "--workers 2 and --direct_num_workers 3 disagree"),
    (["--workers", "2", "--direct_running_mode", "multi_threading"],
     "--direct_running_mode multi_threading contradicts it"),
    (["--workers", "1", "--direct_running_mode", "multi_processing"],
     "--workers 1 means one in-process worker"),
    (["--workers", "2", "--runner", "dask", "--dask_workers", "3"],
     "--workers 2 and --dask_workers 3 disagree"),
    (["--workers", "2", "--runner", "dask", "--dask_client_address", "127.0.0.1:8786"],
     "that cluster's own workers run"),
    (["--workers", "2", "--runner", "prism"], "use that runner's own flags"),
    (["--workers", "2", "--streaming", "--input_subscription",
      "projects/p/subscriptions/s"], "--workers applies to batch runs"),
])
def test_contradictory_flags_are_refused_in_one_line(capsys, tmp_path, flags, message):
    if "dask" in flags:
        pytest.importorskip("dask.distributed")
    argv = ["run", "--output", str(tmp_path / "out"), *flags]
    if "--streaming" not in flags:
        argv += ["--input", SEED]
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert message in error, error


def test_beam_pipeline_leaves_beams_flags_alone_without_workers(tmp_path):
    from apache_beam.options.pipeline_options import PipelineOptions

    options = PipelineOptions(["--direct_num_workers", "4"])
    config = RunConfig.with_defaults(output=str(tmp_path))
    beam_pipeline(config, options)
    assert options.view_as(DirectOptions).direct_num_workers == 4


@pytest.mark.parametrize(("kind", "processes", "per_worker", "expected"), [
    (RunnerKind.LOCAL, 1, [8], "workers     1, in-process; articles per worker: 8"),
    (RunnerKind.LOCAL_MULTIPROCESS, 2, [5, 3],
     "workers     2 process(es), DirectRunner multi_processing; articles per worker: 5, 3"),
    (RunnerKind.DASK, 2, None, "workers     2 process(es), Dask local cluster"),
])
def test_the_summary_says_how_many_workers_ran(kind, processes, per_worker, expected):
    config = RunConfig.with_defaults(output="out", runner=Runner("x", kind, False),
                                     worker_processes=processes)
    assert cli.workers_line(config, per_worker) == expected


def test_a_dask_cluster_of_its_own_is_not_counted_here():
    config = RunConfig.with_defaults(output="out", runner=Runner(DASK_RUNNER, RunnerKind.DASK,
                                                                 False), dask_workers=1)
    line = cli.workers_line(config, None, external_cluster=True)
    assert line == "workers     the Dask cluster's own (--dask_client_address)"


@pytest.mark.slow
def test_workers_2_gives_the_same_rows_as_workers_1(seed_output, tmp_path, capsys):
    _, single = seed_output
    capsys.readouterr()
    assert run_cli([str(SEEDS / "*")], tmp_path, "--workers", "2") == 0
    workers = [line for line in capsys.readouterr().out.splitlines()
               if line.startswith("workers")]
    assert len(workers) == 1 and "2 process(es), DirectRunner multi_processing" in workers[0]
    shares = [int(n) for n in workers[0].split("articles per worker:")[1].split(",")]
    multi = read_tables(tmp_path)
    assert sum(shares) == len(multi["articles"])  # every article counted by the worker it ran on
    for table in TABLES:
        assert without(multi[table], "ingested_at") == without(single[table], "ingested_at"), table


# --- forked workers (pipeline/forked_workers.py) ------------------------------------------------

ROOT = SEEDS.parent


def _python(code: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter: a forked pool needs a process with no other thread, which
    a pytest process that has already run pipelines (and their thread pools) may not be."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=ROOT, text=True,
                          capture_output=True, timeout=timeout)


_CLI = "import sys; from pipeline.cli import main; raise SystemExit(main(sys.argv[1:]))"


@pytest.mark.slow
def test_forked_workers_give_the_same_rows_and_load_the_model_once(seed_output, tmp_path):
    _, single = seed_output
    ran = _python(_CLI, "run", "--input", str(SEEDS / "*"), "--output", str(tmp_path),
                  "--overwrite", "--workers", "2", "--log_level", "INFO")
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert "forking 2 SDK workers (1 DoFn(s) set up before the fork)" in ran.stderr
    # the launcher loads the model; the workers find it in their copy of its memory
    assert ran.stderr.count("loaded spaCy model") == 1, ran.stderr[-3000:]
    (workers,) = [line for line in ran.stdout.splitlines() if line.startswith("workers")]
    shares = [int(n) for n in workers.split("articles per worker:")[1].split(",")]
    multi = read_tables(tmp_path)
    assert sum(shares) == len(multi["articles"])
    for table in TABLES:
        assert without(multi[table], "ingested_at") == without(single[table], "ingested_at"), table


_DYING_WORKER = """
import os, sys
import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from pipeline.runners import LocalBatchRunner

def die_on_3(x):
    if x == 3:
        os._exit(7)
    return x

options = PipelineOptions(["--direct_num_workers", "2", "--direct_running_mode",
                           "multi_processing"])
p = beam.Pipeline(runner=LocalBatchRunner(), options=options)
_ = p | beam.Create(range(10)) | beam.Reshuffle() | beam.Map(die_on_3)
try:
    p.run().wait_until_finish()
except Exception as exc:
    print("FAILED", type(exc).__name__, exc)
"""


def test_a_forked_worker_that_dies_fails_the_run_with_its_exit_status():
    ran = _python(_DYING_WORKER, timeout=120)  # a hang fails the test with TimeoutExpired
    assert "FAILED WorkerDied forked SDK worker" in ran.stdout, ran.stdout + ran.stderr[-3000:]
    assert "exited with status 7 during the run" in ran.stdout


class _LoadsShared(beam.DoFn):
    built: list = []

    def __init__(self):
        self._shared = Shared()

    def setup(self):
        self._thing = self._shared.acquire(self._build)

    def _build(self):
        thing = _Thing()
        _LoadsShared.built.append(thing)
        return thing


class _Thing:  # Shared holds weak references: a plain object, not a builtin
    pass


class _Plain(beam.DoFn):
    def setup(self):
        raise AssertionError("only DoFns with a Shared object are set up before the fork")


def test_warm_shared_sets_up_a_copy_whose_object_the_unpickled_dofn_finds():
    from apache_beam.internal import pickler

    from pipeline.forked_workers import warm_shared

    fn = _LoadsShared()
    assert warm_shared([fn, _Plain()]) == 1
    assert len(_LoadsShared.built) == 1
    assert "_thing" not in vars(fn)  # the graph's DoFn stays small: it is pickled for workers
    worker_copy = pickler.loads(pickler.dumps(fn))  # what a worker sets up
    worker_copy.setup()
    assert worker_copy._thing is _LoadsShared.built[0] and len(_LoadsShared.built) == 1


# --- how a stage's input is split over forked workers (pipeline/parallel_bundles.py) -----------

_SPLITS = """
import collections, json, os, sys, uuid
import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from pipeline.runners import LocalBatchRunner
from transforms.read_articles import SpreadUnits

folder, workers = sys.argv[1], sys.argv[2]

class MarkBundles(beam.DoFn):
    def start_bundle(self):
        open(os.path.join(folder, "bundle-" + uuid.uuid4().hex), "w").close()
    def process(self, x):
        yield x

options = PipelineOptions(["--direct_num_workers", workers, "--direct_running_mode",
                           "multi_processing"])
p = beam.Pipeline(runner=LocalBatchRunner(), options=options)
_ = p | "One" >> beam.Create(["only"]) | beam.ParDo(MarkBundles())
units = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".txt"))
_ = (p | "Units" >> beam.Create(units) | SpreadUnits()
     | beam.Map(lambda path: os.path.basename(path) + " " + str(os.getpid()))
     | beam.io.WriteToText(os.path.join(folder, "dealt")))
p.run().wait_until_finish()
"""


def test_workers_get_read_units_by_bytes_and_no_empty_bundles(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 8000)
    for i in range(8):
        (tmp_path / f"small{i}.txt").write_text("y" * 1000)
    ran = _python(_SPLITS, str(tmp_path), "2", timeout=120)
    assert ran.returncode == 0, ran.stderr[-3000:]
    worker_of = dict(line.split() for f in tmp_path.glob("dealt*") for line in f.read_text()
                     .splitlines())
    assert len(worker_of) == 9
    smalls = [worker_of[f"small{i}.txt"] for i in range(8)]
    # 8,000 bytes against 8 x 1,000: the big file's worker gets at most one small one (dealt by
    # count, as Beam deals them, each would get 4 or 5 files)
    assert smalls.count(worker_of["big.txt"]) <= 1, worker_of
    # the one-element stage ran as one bundle, not one per worker
    assert len(list(tmp_path.glob("bundle-*"))) == 1


def test_a_read_units_key_carries_its_bytes_when_known_without_a_request(tmp_path):
    from transforms.jsonl_ranges import FileRange
    from transforms.read_articles import bytes_of_key, sized_key

    (tmp_path / "a.txt").write_text("x" * 1234)
    assert bytes_of_key(sized_key(str(tmp_path / "a.txt"))) == 1234
    assert bytes_of_key(sized_key(FileRange("gs://b/big.jsonl", 100, 600, 3))) == 500
    assert bytes_of_key(sized_key("gs://b/a.txt")) is None  # a request each: not asked
    assert bytes_of_key(sized_key(str(tmp_path / "gone.txt"))) == 0  # reading it will say why
    assert bytes_of_key(12345) is None  # a plain Reshuffle's key (32 random bits)
    assert sized_key(str(tmp_path / "a.txt")) != sized_key(str(tmp_path / "a.txt"))  # still random


_SMALL_INPUT = """
import os, sys, uuid
import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
import pipeline.parallel_bundles as parallel_bundles
from pipeline.runners import LocalBatchRunner

folder, min_bytes = sys.argv[1], int(sys.argv[2])
parallel_bundles.MIN_PART_BYTES = min_bytes

class MarkBundles(beam.DoFn):
    def start_bundle(self):
        open(os.path.join(folder, "bundle-" + uuid.uuid4().hex), "w").close()
    def process(self, kv):
        yield kv[0]

options = PipelineOptions(["--direct_num_workers", "4", "--direct_running_mode",
                           "multi_processing"])
p = beam.Pipeline(runner=LocalBatchRunner(), options=options)
_ = (p | beam.Create([(i % 50, "x" * 100) for i in range(400)]) | beam.GroupByKey()
     | beam.ParDo(MarkBundles()) | beam.io.WriteToText(os.path.join(folder, "keys")))
p.run().wait_until_finish()
"""


@pytest.mark.parametrize("min_bytes, bundles", [(256 << 10, 1), (1, 4)])
def test_a_small_input_after_the_read_runs_on_one_worker(tmp_path, min_bytes, bundles):
    ran = _python(_SMALL_INPUT, str(tmp_path), str(min_bytes), timeout=120)
    assert ran.returncode == 0, ran.stderr[-3000:]
    # ~44 KB of groups: one bundle under the default floor, one per worker without it
    assert len(list(tmp_path.glob("bundle-*"))) == bundles
    keys = [line for f in tmp_path.glob("keys*") for line in f.read_text().splitlines()]
    assert sorted(map(int, keys)) == list(range(50))  # every group once, whole


def test_fewer_parts_folds_small_inputs_and_keeps_every_chunk():
    from pipeline.parallel_bundles import fewer_parts

    parts = [{"a": [bytes([i]) * 300], "b": [bytes([i]) * 100] if i % 2 else []}
             for i in range(6)]  # 400 + 300 + 400 + 300 + 400 + 300 = 2,100 bytes
    assert fewer_parts(parts, 10_000) == [{"a": [p["a"][0] for p in parts],
                                           "b": [p["b"][0] for p in parts if p["b"]]}]
    two = fewer_parts(parts, 1_000)
    assert len(two) == 2 and two[0]["a"][0] == parts[0]["a"][0]  # part 0 (the timers') first
    assert sorted(c for p in two for cs in p.values() for c in cs) == sorted(
        c for p in parts for cs in p.values() for c in cs)
    assert fewer_parts(parts, 100) is parts  # big enough: Beam's split stands
    assert fewer_parts([{"a": []}, {"a": []}], 1_000) == [{"a": []}]
