"""`--workers N`: the shorthand that picks the local mode, refuses what contradicts it, and
says in the run summary how many workers ran."""

from __future__ import annotations

import pytest
from apache_beam.options.pipeline_options import DirectOptions

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
