"""The SDK worker's boot program, for a portable runner's worker pool on this machine.

It does what Beam's container entrypoint (``/opt/apache/beam/boot``, sdks/python/container/boot.go)
does on Dataflow, and what Flink's PROCESS environment runs: Beam's
``python -m apache_beam.runners.worker.worker_pool_main --container_executable BOOT`` starts BOOT
once per SDK worker with ``--id --logging_endpoint --artifact_endpoint --provision_endpoint
--control_endpoint``, and BOOT

1. asks the provision service for the job's pipeline options and staged dependencies;
2. fetches the staged artifacts (the ``--setup_file`` sdist is staged as ``workflow.tar.gz``)
   from the artifact retrieval service;
3. ``pip install --no-deps --no-index --target`` them into a private folder: the worker gets
   newsbeam from what was staged, never from the submitter's source tree, and nothing is
   downloaded (the dependencies are already installed where the worker runs, as in the
   Dockerfile's image);
4. starts ``apache_beam.runners.worker.sdk_worker_main`` with that folder first on
   ``PYTHONPATH`` and the environment variables it reads (``PIPELINE_OPTIONS``,
   ``CONTROL_API_SERVICE_DESCRIPTOR``, ...).

BOOT must be one executable path; ``write_launcher`` writes a two-line shell script that runs
this file with a given interpreter. The file imports only the standard library and apache_beam,
so it runs before (and without) newsbeam being installed.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

LOG = logging.getLogger("newsbeam.worker_boot")

SDK_HARNESS = "apache_beam.runners.worker.sdk_worker_main"
# Names Beam's stager gives what it stages (apache_beam/runners/portability/stager.py)
WORKFLOW_SDIST = "workflow.tar.gz"
EXTRA_PACKAGES = "extra_packages.txt"
# Folder under which each worker gets its own; the installs, keyed by the staged files' hash,
# are shared between the workers of one machine (and reused by later jobs with the same package).
ROOT_ENV = "NEWSBEAM_WORKER_ROOT"
# The worker plugin writes what the worker process really imported here (pipeline/worker_plugin.py)
MANIFEST_ENV = "NEWSBEAM_WORKER_MANIFEST"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    # The container contract: https://s.apache.org/beam-fn-api-container-contract
    parser = argparse.ArgumentParser(prog="newsbeam-worker-boot")
    parser.add_argument("--id", required=True)
    parser.add_argument("--logging_endpoint", required=True)
    parser.add_argument("--artifact_endpoint", required=True)
    parser.add_argument("--provision_endpoint", required=True)
    parser.add_argument("--control_endpoint", required=True)
    parser.add_argument("--semi_persist_dir", default=None)
    args, _ = parser.parse_known_args(argv)
    return args


def _channel(endpoint: str):
    from apache_beam.runners.worker.channel_factory import GRPCChannelFactory

    return GRPCChannelFactory.insecure_channel(endpoint)


def _metadata(worker_id: str) -> list[tuple[str, str]]:
    return [("worker_id", worker_id)]  # how Beam's services tell workers apart


def provision_info(endpoint: str, worker_id: str):
    """The job's ProvisionInfo: pipeline options, dependencies, status endpoint."""
    from apache_beam.portability.api import beam_provision_api_pb2, beam_provision_api_pb2_grpc

    with _channel(endpoint) as channel:
        stub = beam_provision_api_pb2_grpc.ProvisionServiceStub(channel)
        response = stub.GetProvisionInfo(
            beam_provision_api_pb2.GetProvisionInfoRequest(), metadata=_metadata(worker_id)
        )
    return response.info


def staged_name(artifact) -> str:
    """The file name the stager gave an artifact (its STAGING_TO role), or '' if none."""
    from apache_beam.portability import common_urns
    from apache_beam.portability.api import beam_runner_api_pb2

    if artifact.role_urn != common_urns.artifact_roles.STAGING_TO.urn:
        return ""
    payload = beam_runner_api_pb2.ArtifactStagingToRolePayload.FromString(artifact.role_payload)
    return os.path.basename(payload.staged_name)


def fetch_artifacts(
    endpoint: str, worker_id: str, dependencies: Iterable, dest: Path
) -> list[Path]:
    """Resolve and download the staged artifacts into ``dest``, under their staged names."""
    from apache_beam.portability.api import beam_artifact_api_pb2, beam_artifact_api_pb2_grpc

    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    with _channel(endpoint) as channel:
        stub = beam_artifact_api_pb2_grpc.ArtifactRetrievalServiceStub(channel)
        resolved = stub.ResolveArtifacts(
            beam_artifact_api_pb2.ResolveArtifactsRequest(artifacts=list(dependencies)),
            metadata=_metadata(worker_id),
        ).replacements
        for index, artifact in enumerate(resolved):
            path = dest / (staged_name(artifact) or f"artifact-{index}")
            with open(path, "wb") as out:
                for chunk in stub.GetArtifact(
                    beam_artifact_api_pb2.GetArtifactRequest(artifact=artifact),
                    metadata=_metadata(worker_id),
                ):
                    out.write(chunk.data)
            paths.append(path)
    LOG.info("fetched %d staged artifact(s): %s", len(paths), ", ".join(p.name for p in paths))
    return paths


def packages_to_install(staged: Sequence[Path]) -> list[Path]:
    """The staged files pip must install, in boot.go's order: extra packages, then the sdist."""
    by_name = {p.name: p for p in staged}
    packages = []
    if EXTRA_PACKAGES in by_name:
        for line in by_name[EXTRA_PACKAGES].read_text().split():
            if line in by_name:
                packages.append(by_name[line])
    if WORKFLOW_SDIST in by_name:
        packages.append(by_name[WORKFLOW_SDIST])
    return packages


def _digest(paths: Sequence[Path]) -> str:
    hasher = hashlib.sha256()
    for path in paths:
        hasher.update(path.name.encode())
        hasher.update(hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()[:16]


@contextlib.contextmanager
def _locked(path: Path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # the other workers of the pool wait for one install
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def install(packages: Sequence[Path], root: Path, python: str = sys.executable) -> Path | None:
    """``pip install --no-deps --no-index --target`` the packages into a folder of their own.

    The folder is named by the packages' hash and built once per machine: concurrent workers wait
    on a lock, later workers with the same staged files reuse it. ``--no-build-isolation``: an
    isolated build would fetch setuptools from PyPI; the worker's own setuptools builds the sdist.
    """
    if not packages:
        return None
    target = root / f"site-{_digest(packages)}"
    with _locked(root / f"{target.name}.lock"):
        if (target / ".complete").exists():
            LOG.info("staged packages already installed in %s", target)
            return target
        building = Path(tempfile.mkdtemp(prefix=f"{target.name}.", dir=root))
        command = [
            python, "-m", "pip", "install", "--no-deps", "--no-index", "--no-build-isolation",
            "--disable-pip-version-check", "--no-compile", "--quiet", "--target", str(building),
            *map(str, packages),
        ]
        LOG.info("installing: %s", shlex.join(command))
        subprocess.run(command, check=True, stdout=sys.stderr)
        (building / ".complete").touch()
        building.rename(target)
    return target


def worker_env(args: argparse.Namespace, info, site: Path | None, workdir: Path) -> dict[str, str]:
    """The environment sdk_worker_main reads (as boot.go sets it)."""
    from apache_beam.portability.api import endpoints_pb2
    from google.protobuf import json_format, text_format

    def descriptor(url: str) -> str:
        return text_format.MessageToString(endpoints_pb2.ApiServiceDescriptor(url=url))

    env = dict(os.environ)
    # only the staged package: nothing of the submitter's (or the pool's) PYTHONPATH
    env.pop("PYTHONPATH", None)
    if site is not None:
        env["PYTHONPATH"] = str(site)
    env.update({
        "WORKER_ID": args.id,
        "PIPELINE_OPTIONS": json_format.MessageToJson(info.pipeline_options),
        "SEMI_PERSISTENT_DIRECTORY": str(workdir),
        "LOGGING_API_SERVICE_DESCRIPTOR": descriptor(args.logging_endpoint),
        "CONTROL_API_SERVICE_DESCRIPTOR": descriptor(args.control_endpoint),
        "RUNNER_CAPABILITIES": " ".join(info.runner_capabilities),
        MANIFEST_ENV: str(workdir / "worker.json"),
    })
    if info.HasField("status_endpoint"):
        env["STATUS_API_SERVICE_DESCRIPTOR"] = text_format.MessageToString(info.status_endpoint)
    return env


def job_name(info) -> str:
    """The job's --job_name, whichever way the runner encoded the options."""
    from google.protobuf import json_format

    options = json_format.MessageToDict(info.pipeline_options)
    options = options.get("options", options)  # Dataflow nests them
    name = options.get("beam:option:job_name:v1") or options.get("job_name") or "job"
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in str(name))


def boot(args: argparse.Namespace) -> None:
    root = Path(os.environ.get(ROOT_ENV) or Path(tempfile.gettempdir()) / "newsbeam-workers")
    root.mkdir(parents=True, exist_ok=True)
    info = provision_info(args.provision_endpoint, args.id)
    if args.semi_persist_dir:
        workdir = Path(args.semi_persist_dir)
        workdir.mkdir(parents=True, exist_ok=True)
    else:  # worker ids repeat from job to job: a folder per boot, named for the job
        workdir = Path(tempfile.mkdtemp(prefix=f"{job_name(info)}-{args.id}-", dir=root))
    staged = fetch_artifacts(args.artifact_endpoint, args.id, info.dependencies, workdir / "staged")
    site = install(packages_to_install(staged), root)
    env = worker_env(args, info, site, workdir)
    (workdir / "boot.json").write_text(json.dumps({
        "boot_pid": os.getpid(), "worker_id": args.id, "site": str(site) if site else None,
        "staged": [p.name for p in staged],
    }))
    LOG.info("starting the SDK worker %s with %s first on PYTHONPATH", args.id, site)
    # exec, not a child: when the pool stops this worker, its signal reaches the worker itself.
    # cwd: the worker's own folder, so that `python -m` puts no source tree on sys.path.
    # stdout to stderr: worker_pool_main pipes our stdout and never reads it.
    os.chdir(workdir)
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    os.execve(sys.executable, [sys.executable, "-m", SDK_HARNESS], env)


def write_launcher(path: Path, python: str = sys.executable) -> Path:
    """An executable script that runs this boot program with ``python`` (worker_pool_main's
    --container_executable takes a path, not a command line). ``-P``: the script's folder
    (pipeline/) is not put on sys.path, so nothing in it can shadow a module the boot imports."""
    path.write_text(f"#!/bin/sh\nexec {shlex.quote(python)} -P {shlex.quote(__file__)} \"$@\"\n")
    path.chmod(0o755)
    return path


def main(argv: Sequence[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s boot[%(process)d] %(message)s")
    boot(parse_args(argv))


if __name__ == "__main__":
    main()
