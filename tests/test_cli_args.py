"""How `newsbeam run` hands Beam its flags: aliases apply to --runner's value only."""

from __future__ import annotations

import pytest

from pipeline.cli import _beam_args, build_parser


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--runner", "dask"], ["--runner", "pipeline.dask_cluster.NewsbeamDaskRunner"]),
        (["--runner=direct"], ["--runner=DirectRunner"]),
        (["--runner", "DataflowRunner"], ["--runner", "DataflowRunner"]),
        # a value that happens to spell an alias is not a runner
        (["--job_name", "spark", "--runner", "flink"], ["--job_name", "spark", "--runner",
                                                          "FlinkRunner"]),
        (["--project", "dask"], ["--project", "dask"]),
    ],
)
def test_runner_aliases_touch_only_the_runner(args, expected):
    assert _beam_args(build_parser(), args) == expected
