"""pipeline/lazy_imports.py: which runs leave Beam's unused connectors out, the stand-ins, and
a run through the command's own entry writing the same tables as one that imports everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.dask_runner.runner import DASK_RUNNER
from pipeline.lazy_imports import GCP_CLIENT_MODULES, absent_modules, local_batch_run
from tests.pipeline_runs import read_tables, run_cli, without

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("argv", "expected"), [
    (["run", "--input", "a/*.txt", "--output", "out"], True),
    (["--log_level", "INFO", "run", "--input", "a"], True),
    (["--log_level=INFO", "run", "--input", "a"], True),
    (["run", "--runner", "direct", "--input", "a"], True),
    (["run", "--runner=DirectRunner"], True),
    (["run", "--workers", "2"], True),
    (["run", "--runner", "dask"], True),  # a local cluster's workers are forked from the run
    (["run", f"--runner={DASK_RUNNER}", "--workers", "2"], True),  # the alias's full name
    (["run", "--runner=dataflow"], False),
    (["run", "--runner", "prism"], False),
    (["run", "--streaming"], False),
    (["run", "--streaming=True"], False),
    (["run", "--input_subscription", "projects/p/subscriptions/s"], False),
    (["run", "--input_sub", "projects/p/subscriptions/s"], False),  # argparse's abbreviation
    (["run", "--watch_interval", "5"], False),
    (["eval"], False),
    (["inspect", "out"], False),
    (["--version"], False),
    (["-h"], False),
    ([], False),
])
def test_which_runs_are_local_batch_runs(argv, expected):
    assert local_batch_run(argv) is expected


def test_a_gs_path_anywhere_keeps_the_gcp_clients():
    assert absent_modules(["run", "--input", "a/*.txt", "--output", "out"]) == GCP_CLIENT_MODULES
    assert absent_modules(["run", "--input", "GS://bucket/*.txt", "--output", "out"]) == ()
    assert absent_modules(["run", "--input", "a", "--temp_location=gs://b/tmp"]) == ()


def _python(code: str) -> subprocess.CompletedProcess:
    # Without the GCS emulator a suite's fixture may have left in the environment: with
    # STORAGE_EMULATOR_HOST set, the CLI configures anonymous GCS access, which needs the real
    # auth stack (httplib2), as a run against the emulator should.
    env = {k: v for k, v in os.environ.items() if k != "STORAGE_EMULATOR_HOST"}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env=env)


def test_a_stand_in_takes_nothing_from_star_and_loads_the_real_module_on_use():
    done = _python(
        "import sys\n"
        "from pipeline.lazy_imports import defer_imports\n"
        "assert defer_imports(['colorsys']) == ['colorsys']\n"
        "import colorsys\n"
        "stand_in = colorsys\n"
        "from colorsys import *\n"
        "assert 'rgb_to_hsv' not in dir(), 'star import took a name'\n"
        "assert type(stand_in).__name__ == '_StandIn'\n"
        "assert not hasattr(stand_in, '__path__')\n"  # a dunder probe does not load it
        "assert sys.modules['colorsys'] is stand_in\n"
        "assert stand_in.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)\n"
        "assert sys.modules['colorsys'] is not stand_in\n"
        "assert sys.modules['colorsys'].rgb_to_hsv is stand_in.rgb_to_hsv\n"
        "print('ok')\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_a_gs_run_keeps_gcsio_importable():
    done = _python(
        "from pipeline.lazy_imports import skip_unused_connectors\n"
        "skipped = skip_unused_connectors(['run', '--input', 'gs://b/*.txt', '--output', 'o'])\n"
        "assert 'apache_beam.io.gcp.gcsio' not in skipped and 'apitools' not in skipped\n"
        "from apache_beam.io.filesystems import FileSystems\n"
        "from apache_beam.io.gcp import gcsio\n"
        "assert FileSystems.get_filesystem('gs://b/x').scheme() == 'gs'\n"
        "print('ok')\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


_UNUSED = ("google.cloud.storage", "google.cloud.bigquery", "google.pubsub_v1",
           "google.cloud.dataflow_v1beta3", "pymongo", "apitools.base.py.base_api", "httplib2")


@pytest.mark.parametrize("runner", [[], ["--runner", "dask", "--workers", "2"]],
                         ids=["direct", "dask"])
def test_the_command_entry_skips_the_connectors_and_writes_the_same_tables(tmp_path, runner):
    seeds = [str(ROOT / "seeds" / name) for name in
             ("000_27cef5e8aa7cc37f.txt", "001_harbour_council.json", "003_observatory.html")]
    argv = ["newsbeam", "run", *runner, "--output", str(tmp_path / "entry"), "--overwrite"]
    for seed in seeds:
        argv += ["--input", seed]
    done = _python(
        "import json, sys\n"
        f"sys.argv = {argv!r}\n"
        "from pipeline.cli import main\n"
        "code = main()\n"
        f"loaded = [m for m in {_UNUSED!r} if sys.modules.get(m) is not None\n"
        "          and type(sys.modules[m]).__name__ != '_StandIn']\n"
        "print(json.dumps({'code': code, 'loaded': loaded}))\n")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "loaded": []}
    # The same run on the DirectRunner in this process, which imported every connector with Beam.
    assert run_cli(seeds, tmp_path / "in_process") == 0
    entry, in_process = read_tables(tmp_path / "entry"), read_tables(tmp_path / "in_process")
    assert sum(len(rows) for rows in entry.values()) > 0
    for table, rows in in_process.items():
        assert without(entry[table], "ingested_at") == without(rows, "ingested_at"), table
