"""The pipeline on Beam's portable job API, with a separate SDK worker that gets newsbeam only from
the staged package, as Flink, Spark and Dataflow workers do.

``newsbeam run --runner PortableRunner --setup_file pyproject.toml`` submits to Beam's local job
service; each SDK worker is started by Beam's worker pool through our boot program, which installs
the staged sdist into a private folder (``pip --no-deps --no-index``) and starts the worker from
it. This catches what only a real worker process shows: a package-data file missing from the
sdist, a global set only in the launcher, a DoFn that does not pickle, a module that imports from
the source tree.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import ROOT, SEEDS
from tests.pipeline_runs import read_tables, run_cli

pytest_plugins = ["tests.emulators", "tests.portable_jobs"]
pytestmark = pytest.mark.slow


def test_seeds_on_the_portable_job_api_match_the_direct_runner(
    portable_jobs, seed_output, tmp_path
):
    # imported here: the plugin module must be first imported by pytest, to rewrite its asserts
    from tests.portable_jobs import assert_same_tables, assert_workers_ran_the_staged_package

    job = f"newsbeam-portable-{os.getpid()}"
    out = tmp_path / "out"
    rc = run_cli(
        [str(SEEDS / "*")], out, *portable_jobs.runner_args(),
        "--setup_file", str(ROOT / "pyproject.toml"),
        "--beam_plugins", "pipeline.worker_plugin", "--job_name", job,
    )
    assert rc == 0, portable_jobs.logs()

    _, expected = seed_output
    assert_same_tables(read_tables(out), expected)
    assert_workers_ran_the_staged_package(portable_jobs, job)
