"""Dataflow submission without a project: a template staged to the GCS emulator, then the staged
graph run on a local worker pool.

``newsbeam run --runner dataflow --template_location gs://...`` goes through everything a real
submission does except the Dataflow API call: the graph is translated for runner v2, the sdist is
built, and the template, ``pipeline.pb`` and ``workflow.tar.gz`` are uploaded (here to the
emulator). The second test loads that ``pipeline.pb``, points its environment at the worker pool
of tests/portable_jobs.py and runs it through Beam's job service: the exact graph Dataflow would
run, on workers that install the staged sdist, reading and writing gs:// through the emulator.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import apache_beam
import pytest

from pipeline.cli import main
from tests.conftest import ROOT, SEEDS
from tests.pipeline_runs import read_tables

pytest_plugins = ["tests.emulators", "tests.portable_jobs"]
pytestmark = pytest.mark.slow

BUCKET = "newsbeam-staging"
JOB = f"newsbeam-template-{os.getpid()}"
TEMPLATE = f"gs://{BUCKET}/templates/newsbeam.json"


def _gcs_path(location: str) -> str:
    """Dataflow's ``storage.googleapis.com/BUCKET/NAME`` -> ``gs://BUCKET/NAME``."""
    return "gs://" + location.removeprefix("storage.googleapis.com/")


def _read(url: str) -> bytes:
    from apache_beam.io.filesystem import CompressionTypes
    from apache_beam.io.filesystems import FileSystems

    with FileSystems.open(url, compression_type=CompressionTypes.UNCOMPRESSED) as f:
        return f.read()


@pytest.fixture(scope="module")
def template(gcs_emulator) -> dict:
    gcs_emulator.create_bucket(BUCKET)
    for seed in sorted(SEEDS.iterdir()):
        gcs_emulator.upload(BUCKET, f"seeds/{seed.name}", seed.read_bytes())
    rc = main([
        "run", "--runner", "dataflow", "--project", "newsbeam-test", "--region", "europe-west1",
        "--temp_location", f"gs://{BUCKET}/tmp", "--staging_location", f"gs://{BUCKET}/staging",
        "--no_auth", "--template_location", TEMPLATE, "--job_name", JOB,
        "--setup_file", str(ROOT / "pyproject.toml"), "--beam_plugins", "pipeline.worker_plugin",
        "--input", f"gs://{BUCKET}/seeds/*", "--output", f"gs://{BUCKET}/staged",
    ])
    assert rc == 0
    return json.loads(_read(TEMPLATE))


def test_the_template_stages_the_graph_the_package_and_runner_v2(template, tmp_path):
    assert template["name"] == JOB and template["type"] == "JOB_TYPE_BATCH"
    env = template["environment"]
    assert {"use_runner_v2", "beam_fn_api"} <= set(env["experiments"])
    (pool,) = env["workerPools"]
    (image,) = pool["sdkHarnessContainerImages"]
    # the SDK container the workers would pull carries the submitting Beam's version
    assert image["containerImage"].endswith(f"_sdk:{apache_beam.__version__}")

    staged = {p["name"]: _gcs_path(p["location"]) for p in pool["packages"]}
    assert "workflow.tar.gz" in staged
    sdist = tmp_path / "workflow.tar.gz"
    sdist.write_bytes(_read(staged["workflow.tar.gz"]))  # really uploaded
    with tarfile.open(sdist) as tar:
        names = {Path(*Path(n).parts[1:]).as_posix() for n in tar.getnames()}
    assert {"pyproject.toml", "pipeline/worker_plugin.py", "transforms/annotate.py"} <= names
    assert {f"schemas/{p.name}" for p in (ROOT / "schemas").glob("*.avsc")} <= names

    options = env["sdkPipelineOptions"]["options"]
    assert options["input"] == [f"gs://{BUCKET}/seeds/*"]
    assert options["output"] == f"gs://{BUCKET}/staged"
    assert options["setup_file"].endswith("pyproject.toml")
    assert "pipeline.worker_plugin" in options["beam_plugins"]
    assert options["spacy_model"] and options["avro_codec"] == "deflate"
    assert options["pipelineUrl"].startswith(f"gs://{BUCKET}/staging/")
    assert _read(options["pipelineUrl"])  # the graph itself


def test_the_staged_graph_runs_on_the_worker_pool_with_the_direct_runners_rows(
    template, portable_jobs, tmp_path
):
    from apache_beam.portability.api import beam_runner_api_pb2

    from tests.portable_jobs import (
        assert_same_tables,
        assert_workers_ran_the_staged_package,
        localize_environment,
        run_pipeline_proto,
    )

    direct = f"gs://{BUCKET}/direct"
    assert main(["run", "--input", f"gs://{BUCKET}/seeds/*", "--output", direct]) == 0

    options = template["environment"]["sdkPipelineOptions"]["options"]
    proto = beam_runner_api_pb2.Pipeline.FromString(_read(options["pipelineUrl"]))
    proto = localize_environment(proto, portable_jobs.worker_endpoint, tmp_path / "artifacts")
    state = run_pipeline_proto(proto, options, portable_jobs.job_endpoint)
    assert state == "DONE", portable_jobs.logs()

    assert_same_tables(read_tables(options["output"]), read_tables(direct))
    for worker in assert_workers_ran_the_staged_package(portable_jobs, JOB):
        # the worker plugin made GCS anonymous before ReadArticles/Match ran
        assert worker["anonymous_gcs"] is True


_PLUGIN_PROBE = (
    "from apache_beam.internal.gcp import auth\n"
    "import pipeline.worker_plugin as plugin\n"
    "print(plugin.ANONYMOUS_GCS, auth._Credentials._credentials_init)\n"
)


@pytest.mark.parametrize("emulator, expected", [(None, "False False"),
                                                ("http://127.0.0.1:9", "True True")])
def test_the_worker_plugin_acts_only_when_an_emulator_is_configured(emulator, expected):
    """With STORAGE_EMULATOR_HOST, Beam's credential lookup is answered ("none") before any
    step runs; without it the plugin leaves Beam alone, so real workers keep their account."""
    env = {k: v for k, v in os.environ.items() if k != "STORAGE_EMULATOR_HOST"}
    if emulator:
        env["STORAGE_EMULATOR_HOST"] = emulator
    done = subprocess.run([sys.executable, "-c", _PLUGIN_PROBE], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == expected.split()
