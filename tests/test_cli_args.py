"""How `newsbeam run` names its runner: aliases, Beam's names and the pinned local default."""

from __future__ import annotations

import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from pipeline.cli import build_parser, run_options
from pipeline.runners import (
    DASK_RUNNER,
    LOCAL_BATCH_RUNNER,
    LOCAL_STREAMING_RUNNER,
    RunnerKind,
    recognise,
)


@pytest.mark.parametrize(
    ("flags", "beam_name", "kind", "remote"),
    [
        ([], LOCAL_BATCH_RUNNER, RunnerKind.LOCAL, False),
        (["--streaming"], LOCAL_STREAMING_RUNNER, RunnerKind.LOCAL, False),
        # an explicit DirectRunner is the pinned one too: Beam's would try Prism first
        (["--runner", "DirectRunner"], LOCAL_BATCH_RUNNER, RunnerKind.LOCAL, False),
        (["--runner=direct", "--streaming"], LOCAL_STREAMING_RUNNER, RunnerKind.LOCAL, False),
        (["--runner", "apache_beam.runners.direct.direct_runner.DirectRunner"],
         LOCAL_BATCH_RUNNER, RunnerKind.LOCAL, False),
        (["--direct_running_mode", "multi_processing", "--direct_num_workers", "2"],
         LOCAL_BATCH_RUNNER, RunnerKind.LOCAL_MULTIPROCESS, False),
        (["--runner", "SwitchingDirectRunner"], "SwitchingDirectRunner", RunnerKind.LOCAL, False),
        (["--runner", "dask"], DASK_RUNNER, RunnerKind.DASK, False),
        (["--runner", "apache_beam.runners.dask.dask_runner.DaskRunner"],
         "apache_beam.runners.dask.dask_runner.DaskRunner", RunnerKind.DASK, False),
        (["--runner", "dataflow"], "DataflowRunner", RunnerKind.DATAFLOW, True),
        (["--runner", "DataflowRunner"], "DataflowRunner", RunnerKind.DATAFLOW, True),
        (["--runner", "prism"], "PrismRunner", RunnerKind.PRISM, False),
        (["--runner", "flink"], "FlinkRunner", RunnerKind.FLINK, False),
        (["--runner", "flink", "--flink_master", "flink.example.org:8081"], "FlinkRunner",
         RunnerKind.FLINK, True),
        (["--runner", "spark"], "SparkRunner", RunnerKind.SPARK, False),
        (["--runner", "PortableRunner", "--job_endpoint", "localhost:8099"], "PortableRunner",
         RunnerKind.PORTABLE, False),
        (["--runner", "portable", "--job_endpoint", "jobs.example.org:8099"], "PortableRunner",
         RunnerKind.PORTABLE, True),
        (["--runner", "PortableRunner", "--job_endpoint", "jobs.example.org:8099",
          "--environment_type", "LOOPBACK"], "PortableRunner", RunnerKind.PORTABLE, False),
        (["--runner", "my.module.CustomRunner"], "my.module.CustomRunner", RunnerKind.OTHER,
         False),
    ],
)
def test_runner_names_and_aliases_map_to_one_kind(flags, beam_name, kind, remote):
    runner = recognise(PipelineOptions(flags))
    assert (runner.beam_name, runner.kind, runner.remote) == (beam_name, kind, remote)


def test_an_alias_is_only_the_runners_value():
    # a value that happens to spell an alias is not a runner
    parser = build_parser()
    args, rest = parser.parse_known_args(["run", "--job_name", "spark", "--project", "dask",
                                          "--runner", "flink"])
    options = run_options(args, rest)
    assert recognise(options).beam_name == "FlinkRunner"
    assert options.get_all_options()["job_name"] == "spark"
    assert options.get_all_options()["project"] == "dask"


@pytest.mark.parametrize("argv, message", [
    (["--runner", "dsk"], "--runner 'dsk' is not a runner: use one of direct, dask"),
    (["--runner", "DataflowRunnr"], "is not a runner"),
    # the English model would give German articles English entities and quotes
    (["--languages", "de"], "is for language 'en', so articles in de would get"),
    (["--languages", "en,fr"], "so articles in fr would get"),
])
def test_mistakes_a_user_makes_fail_in_one_line(argv, message, tmp_path, capsys):
    from pipeline.cli import main

    with pytest.raises(SystemExit) as info:
        main(["run", "--input", "seeds/000_*", "--output", str(tmp_path / "out"), *argv])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_model_language_comes_from_its_metadata_without_loading_it():
    from pipeline.run_config import model_language
    from transforms.nlp_model import DEFAULT_MODEL

    assert model_language(DEFAULT_MODEL) == "en"
    assert model_language("no_such_model_package") is None


def test_version(capsys):
    from importlib import metadata

    from pipeline.cli import main

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsbeam {metadata.version('newsbeam')}"
