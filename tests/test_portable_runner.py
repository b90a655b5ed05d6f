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
from pathlib import Path

import pytest

from schemas import TABLES
from tests.conftest import ROOT, SEEDS
from tests.pipeline_runs import read_tables, run_cli, without

pytest_plugins = ["tests.emulators", "tests.portable_jobs"]
pytestmark = pytest.mark.slow


def test_seeds_on_the_portable_job_api_match_the_direct_runner(
    portable_jobs, seed_output, tmp_path
):
    job = f"newsbeam-portable-{os.getpid()}"
    out = tmp_path / "out"
    rc = run_cli(
        [str(SEEDS / "*")], out, *portable_jobs.runner_args(),
        "--setup_file", str(ROOT / "pyproject.toml"),
        "--beam_plugins", "pipeline.worker_plugin", "--job_name", job,
    )
    assert rc == 0, portable_jobs.logs()

    _, expected = seed_output
    got = read_tables(out)
    assert expected["articles"] and expected["sentences"] and expected["quotes"]
    for table in TABLES:
        assert without(got[table], "ingested_at") == without(expected[table], "ingested_at"), table

    # The DoFns ran in another process, which imported newsbeam from the staged sdist installed
    # in its private folder, not from this source tree (the test's own editable install).
    workers = portable_jobs.worker_pool.manifests(job)
    assert workers, portable_jobs.logs()
    for worker in workers:
        assert "workflow.tar.gz" in worker["staged"]
        site = Path(worker["site"])
        assert worker["pid"] != os.getpid()
        for module in ("transforms", "pipeline"):
            imported = Path(worker[module])
            assert imported.is_relative_to(site), (module, imported, site)
            assert not imported.is_relative_to(ROOT)
        # package data travelled in the sdist
        assert sorted(p.name for p in (site / "schemas").glob("*.avsc")) == sorted(
            p.name for p in (ROOT / "schemas").glob("*.avsc")
        )
