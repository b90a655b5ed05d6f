"""Local Google Cloud emulators for tests: GCS (gcp-storage-emulator) and Pub/Sub (gcloud).

A pytest plugin: a test module enables it with ``pytest_plugins = ["tests.emulators"]`` and asks for
the session fixtures ``gcs_emulator`` / ``pubsub_emulator``. Both listen on 127.0.0.1 on a free
port, export the ``*_EMULATOR_HOST`` variable the Google client libraries (and Beam) honour, and
are stopped at the end of the session. A missing tool skips the test, except under CI=true where
it fails it: CI must prove the GCS and Pub/Sub paths, never silently skip them.

The classes work without pytest too (benchmarks use them)::

    with GcsEmulator() as gcs, PubsubEmulator() as pubsub:
        gcs.create_bucket("news")
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import IN_CI

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def require_tool(name: str, path: str | None) -> str:
    """``path`` when the tool exists; otherwise skip, or fail under CI."""
    if path and (os.path.exists(path) or shutil.which(path)):
        return path
    message = f"{name} is not installed"
    if IN_CI:
        pytest.fail(f"{message}, and CI must run the emulator tests")
    pytest.skip(message)


class _Emulator:
    """A server process in its own process group, so that stop() also ends its children."""

    name = "emulator"
    env_var = ""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.host_port = f"{HOST}:{self.port}"
        self._proc: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()
        self._saved_env: str | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def ready(self) -> bool:
        raise NotImplementedError

    def environment(self) -> dict[str, str] | None:
        """The server's environment (None: this process's)."""
        return None

    def start(self, timeout: float = 90.0) -> _Emulator:
        self._proc = subprocess.Popen(
            self.command(), stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
            env=self.environment(),
        )
        deadline = time.monotonic() + timeout
        while not self.ready():
            if self._proc.poll() is not None or time.monotonic() > deadline:
                output = self.output()
                self.stop()
                raise RuntimeError(f"{self.name} did not start on {self.host_port}:\n{output}")
            time.sleep(0.2)
        if self.env_var:  # job servers export nothing
            self._saved_env = os.environ.get(self.env_var)
            os.environ[self.env_var] = self.env_value()
        return self

    def env_value(self) -> str:
        return self.host_port

    def output(self, tail: int = 4000) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-tail:]

    def _restore_env(self) -> None:
        if not self.env_var:
            return
        if self._saved_env is None:
            os.environ.pop(self.env_var, None)
        else:
            os.environ[self.env_var] = self._saved_env

    def stop(self) -> None:
        self._restore_env()
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        # gcloud starts java as a child: signal the whole group this class created.
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def port_open(host_port: str) -> bool:
    host, port = host_port.rsplit(":", 1)
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            return True
    except OSError:
        return False


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except urllib.error.HTTPError as exc:
        return exc.code < 500
    except OSError:
        return False


class GcsEmulator(_Emulator):
    """gcp-storage-emulator (PyPI), in memory. Sets STORAGE_EMULATOR_HOST=http://127.0.0.1:PORT."""

    name = "gcp-storage-emulator"
    env_var = "STORAGE_EMULATOR_HOST"

    @staticmethod
    def executable() -> str | None:
        # The console script sits next to the interpreter of this venv.
        beside = Path(sys.executable).with_name("gcp-storage-emulator")
        return str(beside) if beside.exists() else shutil.which("gcp-storage-emulator")

    def command(self) -> list[str]:
        exe = self.executable()
        if exe is None:
            raise FileNotFoundError("gcp-storage-emulator")
        return [exe, "start", "--host", HOST, "--port", str(self.port), "--in-memory", "--quiet"]

    def env_value(self) -> str:
        return f"http://{self.host_port}"

    def ready(self) -> bool:
        return _http_ok(f"http://{self.host_port}/storage/v1/b?project=test")

    def client(self):
        from google.auth.credentials import AnonymousCredentials
        from google.cloud import storage

        return storage.Client(
            project="test", credentials=AnonymousCredentials(),
            client_options={"api_endpoint": f"http://{self.host_port}"},
        )

    def create_bucket(self, name: str):
        return self.client().create_bucket(name)

    def upload(self, bucket: str, name: str, data: bytes | str) -> dict:
        """Upload one object; returns its resource (what a JSON_API_V1 notification carries)."""
        blob = self.client().bucket(bucket).blob(name)
        blob.upload_from_string(data)
        blob.reload()
        return blob._properties


class PubsubEmulator(_Emulator):
    """The gcloud Pub/Sub emulator (Java). Sets PUBSUB_EMULATOR_HOST=127.0.0.1:PORT."""

    name = "gcloud Pub/Sub emulator"
    env_var = "PUBSUB_EMULATOR_HOST"
    project = "newsbeam-test"

    def __init__(self, port: int | None = None):
        super().__init__(port)
        self._data_dir = tempfile.mkdtemp(prefix="pubsub-emulator-")

    def command(self) -> list[str]:
        gcloud = shutil.which("gcloud")
        if gcloud is None:
            raise FileNotFoundError("gcloud")
        return [gcloud, "beta", "emulators", "pubsub", "start", f"--host-port={self.host_port}",
                f"--data-dir={self._data_dir}", "--quiet"]

    def ready(self) -> bool:
        return _http_ok(f"http://{self.host_port}/v1/projects/{self.project}/topics")

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(self._data_dir, ignore_errors=True)

    def topic(self, name: str) -> str:
        return f"projects/{self.project}/topics/{name}"

    def subscription(self, name: str) -> str:
        return f"projects/{self.project}/subscriptions/{name}"

    def create_topic_and_subscription(self, topic: str, subscription: str) -> tuple[str, str]:
        from google.cloud import pubsub_v1

        topic_path, sub_path = self.topic(topic), self.subscription(subscription)
        pubsub_v1.PublisherClient().create_topic(name=topic_path)
        with pubsub_v1.SubscriberClient() as subscriber:
            subscriber.create_subscription(name=sub_path, topic=topic_path, ack_deadline_seconds=60)
        return topic_path, sub_path


def pubsub_emulator_available() -> bool:
    return shutil.which("gcloud") is not None and shutil.which("java") is not None


@pytest.fixture(scope="session")
def gcs_emulator() -> Iterator[GcsEmulator]:
    require_tool("gcp-storage-emulator", GcsEmulator.executable())
    with GcsEmulator() as emulator:
        yield emulator


@pytest.fixture(scope="session")
def pubsub_emulator() -> Iterator[PubsubEmulator]:
    require_tool("gcloud", shutil.which("gcloud"))
    require_tool("java (for the Pub/Sub emulator)", shutil.which("java"))
    with PubsubEmulator() as emulator:
        yield emulator


def gcs_notification(resource: dict, event_type: str = "OBJECT_FINALIZE") -> tuple[bytes, dict]:
    """(data, attributes) of the Pub/Sub message GCS publishes for ``resource`` (JSON_API_V1).

    The emulator has no notification configs, so tests publish what GCS would: the object
    resource as the JSON payload, and the documented attributes.
    """
    attributes = {
        "notificationConfig": f"projects/_/buckets/{resource['bucket']}/notificationConfigs/1",
        "eventType": event_type,
        "payloadFormat": "JSON_API_V1",
        "bucketId": resource["bucket"],
        "objectId": resource["name"],
        "objectGeneration": str(resource["generation"]),
        "eventTime": resource.get("updated") or resource.get("timeCreated") or "",
    }
    return json.dumps(resource).encode("utf-8"), attributes


def publish_notification(publisher, topic: str, resource: dict,
                         event_type: str = "OBJECT_FINALIZE") -> str:
    data, attributes = gcs_notification(resource, event_type)
    return publisher.publish(topic, data, **attributes).result(timeout=30)
