"""A portable job API on 127.0.0.1 for tests: Beam's local job service and a worker pool whose
workers boot as a container would (pipeline/worker_boot.py), and a way to replay a pipeline that
Dataflow staging wrote.

A pytest plugin, like tests/emulators.py: ``pytest_plugins = ["tests.emulators",
"tests.portable_jobs"]`` and the session fixture ``portable_jobs``. The servers are Beam's own
modules, started from this interpreter and stopped at the end of the session; nothing is skipped
(they need nothing but apache-beam). The job service listens on localhost; Beam's worker_pool_main
binds ``[::]:PORT`` (hard-coded there) and is only ever addressed as localhost.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.worker_boot import ROOT_ENV, write_launcher
from schemas import TABLES
from tests.conftest import ROOT
from tests.emulators import GcsEmulator, _Emulator, port_open, require_tool
from tests.pipeline_runs import without


class JobService(_Emulator):
    """``python -m apache_beam.runners.portability.local_job_service_main --port P``."""

    name = "Beam local job service"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "apache_beam.runners.portability.local_job_service_main",
                "--port", str(self.port)]

    def ready(self) -> bool:
        return port_open(self.host_port)


class WorkerPool(_Emulator):
    """``python -m apache_beam.runners.worker.worker_pool_main --container_executable BOOT``.

    Each SDK worker it starts runs BOOT: our boot program, which installs the staged sdist into
    a private folder under ``root`` and starts Beam's sdk_worker_main from it. The pool (so its
    workers) sees this process's environment at start, STORAGE_EMULATOR_HOST included.
    """

    name = "Beam worker pool"

    def __init__(self, root: Path, port: int | None = None):
        super().__init__(port)
        self.root = root
        self.boot = write_launcher(root / "boot")

    def command(self) -> list[str]:
        return [sys.executable, "-m", "apache_beam.runners.worker.worker_pool_main",
                "--service_port", str(self.port), "--container_executable", str(self.boot)]

    def environment(self) -> dict[str, str]:
        return {**os.environ, ROOT_ENV: str(self.root)}

    def ready(self) -> bool:
        return port_open(self.host_port)

    def manifests(self, job_name: str) -> list[dict]:
        """What each worker of ``job_name`` booted with and imported (boot.json + worker.json)."""
        found = []
        for folder in sorted(self.root.glob(f"{job_name}-*")):
            boot = json.loads((folder / "boot.json").read_text())
            worker = folder / "worker.json"
            found.append({**boot, **(json.loads(worker.read_text()) if worker.exists() else {})})
        return found


@dataclass
class PortableJobs:
    job_service: JobService
    worker_pool: WorkerPool

    @property
    def job_endpoint(self) -> str:
        return f"localhost:{self.job_service.port}"

    @property
    def worker_endpoint(self) -> str:
        return f"localhost:{self.worker_pool.port}"

    def runner_args(self) -> list[str]:
        """Beam flags that submit to this job service, with workers from this pool."""
        return [
            "--runner", "PortableRunner", "--job_endpoint", self.job_endpoint,
            "--environment_type", "EXTERNAL", "--environment_config", self.worker_endpoint,
        ]

    def logs(self) -> str:
        return (f"--- job service ---\n{self.job_service.output(8000)}\n"
                f"--- worker pool ---\n{self.worker_pool.output(8000)}")


@pytest.fixture(scope="session")
def portable_jobs(gcs_emulator: GcsEmulator) -> Iterator[PortableJobs]:
    """One job service and one worker pool for the session (a staged run reads gs:// through the
    emulator, so the pool starts after it, with STORAGE_EMULATOR_HOST in its environment)."""
    require_tool("gcp-storage-emulator", GcsEmulator.executable())
    root = Path(tempfile.mkdtemp(prefix="newsbeam-workers-"))
    try:
        with JobService() as job_service, WorkerPool(root) as worker_pool:
            yield PortableJobs(job_service, worker_pool)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def assert_same_tables(got: dict, expected: dict) -> None:
    """Every table row for row equal (all but ``ingested_at``), and not vacuously."""
    assert expected["articles"] and expected["sentences"] and expected["quotes"]
    for table in TABLES:
        assert without(got[table], "ingested_at") == without(expected[table], "ingested_at"), table


def assert_workers_ran_the_staged_package(jobs: PortableJobs, job_name: str) -> list[dict]:
    """The job's DoFns ran in other processes, which imported newsbeam from the staged sdist
    installed in their private folder, not from this source tree (the test's editable install)."""
    workers = jobs.worker_pool.manifests(job_name)
    assert workers, jobs.logs()
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
    return workers


# --- replaying what Dataflow staging wrote --------------------------------------------------


def _download(url: str, dest: Path, sha256: str) -> Path:
    from apache_beam.io.filesystem import CompressionTypes
    from apache_beam.io.filesystems import FileSystems

    # as staged: FileSystems would otherwise gunzip workflow.tar.gz on the way
    with FileSystems.open(url, compression_type=CompressionTypes.UNCOMPRESSED) as source:
        data = source.read()
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError(f"{url}: sha256 differs from the one in pipeline.pb")
    dest.write_bytes(data)
    return dest


def localize_environment(proto, worker_endpoint: str, artifact_dir: Path):
    """``proto``'s environments pointed at the worker pool, their staged gs:// artifacts fetched
    (and checked against the sha256 staging recorded) to local files the job service can serve.

    What the Dataflow service does with the same fields: start the SDK container named in the
    environment and give it these artifacts.
    """
    from apache_beam.portability import common_urns
    from apache_beam.portability.api import beam_runner_api_pb2, endpoints_pb2

    url_urn, file_urn = common_urns.artifact_types.URL.urn, common_urns.artifact_types.FILE.urn
    artifact_dir.mkdir(parents=True, exist_ok=True)
    for env in proto.components.environments.values():
        local = []
        for dep in env.dependencies:
            if dep.type_urn == url_urn:
                payload = beam_runner_api_pb2.ArtifactUrlPayload.FromString(dep.type_payload)
                path = _download(payload.url, artifact_dir / os.path.basename(payload.url),
                                 payload.sha256)
                dep = beam_runner_api_pb2.ArtifactInformation(
                    type_urn=file_urn,
                    type_payload=beam_runner_api_pb2.ArtifactFilePayload(
                        path=str(path), sha256=payload.sha256).SerializeToString(),
                    role_urn=dep.role_urn, role_payload=dep.role_payload,
                )
            local.append(dep)
        del env.dependencies[:]
        env.dependencies.extend(local)
        env.urn = common_urns.environments.EXTERNAL.urn
        env.payload = beam_runner_api_pb2.ExternalPayload(
            endpoint=endpoints_pb2.ApiServiceDescriptor(url=worker_endpoint)
        ).SerializeToString()
    return proto


def run_pipeline_proto(proto, options: dict, job_endpoint: str, timeout: float = 600) -> str:
    """Submit a Pipeline proto with ``options`` (as staged: a template's sdkPipelineOptions) to a
    job service as PortableRunner does; returns the final state's name."""
    import grpc
    from apache_beam.options.pipeline_options import PipelineOptions
    from apache_beam.portability.api import beam_job_api_pb2, beam_job_api_pb2_grpc
    from apache_beam.runners.portability.portable_runner import JobServiceHandle
    from google.protobuf import struct_pb2

    def integral(value):
        # The template stores every number as a JSON double (apitools' JsonValue): 600 became
        # 600.0, which the worker's flag parser refuses for an int option. The service hands its
        # workers the submitted numbers; whole numbers back to ints is what they were (and
        # encode_pipeline_options then passes ints as strings, as PortableRunner does).
        return int(value) if isinstance(value, float) and value.is_integer() else value

    class StagedJob(JobServiceHandle):
        def get_pipeline_options(self) -> struct_pb2.Struct:
            return self.encode_pipeline_options({k: integral(v) for k, v in options.items()})

    with grpc.insecure_channel(job_endpoint) as channel:
        stub = beam_job_api_pb2_grpc.JobServiceStub(channel)
        # the state stream ends (DEADLINE_EXCEEDED) after --job_server_timeout seconds
        handle = StagedJob(stub, PipelineOptions([f"--job_server_timeout={int(timeout)}"]))
        _, _, states = handle.submit(proto)
        for event in states:
            state = beam_job_api_pb2.JobState.Enum.Name(event.state)
            if state in {"DONE", "FAILED", "CANCELLED", "UPDATED", "DRAINED"}:
                return state
    return "UNKNOWN"
