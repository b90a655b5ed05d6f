"""Faults: one article's NLP failure, a mostly-bad input, a flaky object store.

- an exception inside one article's processing becomes one ``nlp_failure`` row and every other
  article of the batch is still emitted;
- ``--max_error_ratio`` fails the job (exit code 3) with a message that says why and where;
- transient 503s from GCS (an emulator behind a fault-injecting proxy) are retried, nothing lost.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import json
import os
import re
import signal
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import apache_beam as beam
import pytest
from apache_beam.metrics import MetricsFilter
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipeline.cli import EXIT_ERROR_RATIO, main
from tests.adversarial_corpus import GOOD_PARAGRAPH
from tests.conftest import IN_CI, SEEDS
from tests.emulators import GcsEmulator, require_tool
from tests.pipeline_runs import read_tables
from transforms import analysis
from transforms.annotate import AnnotateBatch
from transforms.metrics import NAMESPACE
from transforms.readers import article_input

POISON = "POISONED-ARTICLE"


def _article(name: str, text: str) -> dict:
    return article_input(f"/in/{name}.txt", "txt", "utf-8", text)


@pytest.mark.slow
def test_one_failing_article_goes_to_errors_and_the_rest_is_emitted(monkeypatch):
    real = analysis.extract_quotes

    def extract_quotes(doc, sentences, entities):
        if POISON in doc.text:
            raise RuntimeError("injected extractor failure")
        return real(doc, sentences, entities)

    raise_line = extract_quotes.__code__.co_firstlineno + 2  # the `raise` above
    # analysis.extract_all looks the extractor up in its module at call time
    monkeypatch.setattr(analysis, "extract_quotes", extract_quotes)
    batch = [
        _article("a", GOOD_PARAGRAPH),
        _article("b", f"{POISON} {GOOD_PARAGRAPH}"),
        _article("c", "Second story. " + GOOD_PARAGRAPH),
    ]
    pipeline = BeamTestPipeline()
    out = (
        pipeline
        | beam.Create([batch])
        | beam.ParDo(AnnotateBatch()).with_outputs(
            "sentences", "entities", "quotes", "errors", main="articles"
        )
    )
    assert_that(
        out.articles | "Uris" >> beam.Map(lambda r: r["source_uri"]),
        equal_to(["/in/a.txt", "/in/c.txt"]),
        label="Articles",
    )
    assert_that(
        out.errors
        | "Errors"
        >> beam.Map(lambda r: (r["source_uri"], r["stage"], r["error_type"], r["message"])),
        equal_to(
            # the type and the failing frame, never the exception's text (it may quote the article)
            [("/in/b.txt", "annotate", "nlp_failure",
              f"RuntimeError at test_faults.py:{raise_line} in extract_quotes")]
        ),
        label="ErrorRows",
    )
    assert_that(
        out.sentences
        | "SentenceUris" >> beam.Map(lambda r: r["article_id"])
        | beam.Distinct()
        | beam.combiners.Count.Globally(),
        equal_to([2]),
        label="SentencesOfTheGoodOnes",
    )
    result = pipeline.run()
    result.wait_until_finish()
    failures = result.metrics().query(
        MetricsFilter().with_namespace(NAMESPACE).with_name("nlp_failures")
    )["counters"]
    assert sum(c.committed for c in failures) == 1


@pytest.mark.slow
def test_max_error_ratio_fails_the_job_with_a_clear_message(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD_PARAGRAPH)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "garbage.txt").write_bytes(bytes(range(256)) * 4)
    (inputs / "broken.json").write_text("{")
    out = tmp_path / "out"
    rc = main(["run", "--input", str(inputs), "--output", str(out), "--max_error_ratio", "0.5"])
    assert rc == EXIT_ERROR_RATIO == 3
    err = capsys.readouterr().err
    assert "75.0% of the input went to errors" in err and "--max_error_ratio=0.5" in err
    assert f"{out}/errors/" in err
    # the tables are still written: the failure points at them
    tables = read_tables(out)
    assert len(tables["articles"]) == 1 and len(tables["errors"]) == 3


def test_max_error_ratio_out_of_range_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD_PARAGRAPH)
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "run",
                "--input",
                str(tmp_path),
                "--output",
                str(tmp_path / "out"),
                "--max_error_ratio",
                "1.5",
            ]
        )
    assert exc.value.code == 2
    assert "--max_error_ratio must be between 0 and 1" in capsys.readouterr().err


def _stable(body: bytes, content_type: str) -> bytes:
    """``body`` without what a client makes up anew for each attempt: a multipart (batch)
    request's boundary and its parts' Content-IDs, google-cloud-storage's idempotency token and
    invocation id. A retried request then counts as the same one."""
    boundary = re.search(r'boundary="?([^";]+)', content_type)
    if boundary:
        body = body.replace(boundary.group(1).encode(), b"BOUNDARY")
    body = re.sub(rb"(?i)content-id: *<[^>]*>", b"content-id: <>", body)
    return re.sub(rb"(?i)(idempotency-token|invocation-id)[:/ ]*[0-9a-f-]{36}", rb"\1", body)


class FlakyProxy:
    """An HTTP proxy on 127.0.0.1 in front of the GCS emulator that answers 503 to the first
    ``fail_first`` attempts of every distinct request (method, path, body), then forwards.

    Every request of the run is hit, so a client without retries loses data.
    """

    def __init__(self, upstream: str, fail_first: int = 1):
        self.upstream, self.fail_first = upstream, fail_first
        self.attempts: Counter = Counter()
        self.injected = 0
        self._injected_paths: Counter = Counter()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _should_fail(self, method: str, path: str, body: bytes, content_type: str) -> bool:
        with self._lock:
            key = (method, path, hashlib.sha256(_stable(body, content_type)).hexdigest())
            self.attempts[key] += 1
            fail = self.attempts[key] <= self.fail_first
            self.injected += fail
            self._injected_paths[path] += fail
            return fail

    def injected_on(self, prefix: str) -> int:
        return sum(n for path, n in self._injected_paths.items() if path.startswith(prefix))

    def _handler(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet: the test asserts on counts instead
                pass

            def _reply(self, status: int, headers: list[tuple[str, str]], data: bytes) -> None:
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in {"transfer-encoding", "connection", "content-length"}:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if proxy._should_fail(
                    self.command, self.path, body, self.headers.get("Content-Type", "")
                ):
                    self._reply(
                        503,
                        [("Content-Type", "application/json")],
                        b'{"error": {"code": 503, "message": "injected: try again"}}',
                    )
                    return
                upstream = http.client.HTTPConnection(proxy.upstream, timeout=60)
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in {"host", "connection"}
                }
                upstream.request(self.command, self.path, body=body or None, headers=headers)
                response = upstream.getresponse()
                self._reply(response.status, response.getheaders(), response.read())
                upstream.close()

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        return Handler

    def __enter__(self) -> FlakyProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@pytest.fixture(scope="module")
def gcs_emulator():
    require_tool("gcp-storage-emulator", GcsEmulator.executable())
    with GcsEmulator() as emulator:
        yield emulator


def _upload_corpus(gcs, bucket: str) -> int:
    """A small mixed corpus in ``bucket``/in/; returns the number of input units."""
    gcs.create_bucket(bucket)
    gcs.upload(bucket, "in/a.txt", GOOD_PARAGRAPH)
    gcs.upload(
        bucket,
        "in/b.jsonl",
        "\n".join(
            json.dumps({"id": f"w{i}", "text": f"Wire {i}. {GOOD_PARAGRAPH}"}) for i in range(3)
        ),
    )
    gcs.upload(bucket, "in/c.txt.gz", gzip.compress(b"Gzipped. " + GOOD_PARAGRAPH.encode()))
    gcs.upload(bucket, "in/d.json", "{broken")
    return 6


@pytest.mark.slow
def test_transient_gcs_503s_are_retried_and_nothing_is_lost(gcs_emulator, monkeypatch):
    units = _upload_corpus(gcs_emulator, "flaky-news")
    with FlakyProxy(gcs_emulator.host_port) as proxy:
        monkeypatch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{proxy.port}")
        rc = main(["run", "--input", "gs://flaky-news/in/*", "--output", "gs://flaky-news/out"])
        assert rc == 0
        assert proxy.injected >= 10, "the run must have gone through the faults"
        # the JSON batch endpoint too: WriteToAvro renames its temp files through it
        assert proxy.injected_on("/batch/") >= 5
        tables = read_tables("gs://flaky-news/out")
    assert len(tables["articles"]) == 5 and len(tables["errors"]) == 1
    assert len(tables["articles"]) + len(tables["errors"]) == units
    ids = [r["article_id"] for r in tables["articles"]]
    assert len(set(ids)) == len(ids)
    for table in ("sentences", "entities", "quotes"):
        per_article = Counter(r["article_id"] for r in tables[table])
        assert all(per_article[a["article_id"]] == a[f"n_{table}"] for a in tables["articles"])


def _dask_distributed():
    # Dask is part of the test extra; in CI a missing dask is a failure, not a skip.
    if IN_CI:
        import dask.distributed

        return dask.distributed
    return pytest.importorskip("dask.distributed")


def _task_states(dask_scheduler) -> Counter:
    return Counter(task.state for task in dask_scheduler.tasks.values())


def _kill_a_busy_worker(
    distributed, address: str, run: threading.Thread, timeout: float = 300.0
) -> int:
    """SIGKILL a busy worker process once half of the graph's tasks are done, while ``run`` runs.

    Half-way, the killed worker holds finished results that other tasks still need (they must be
    recomputed) as well as running tasks (they must be rescheduled).
    """
    with distributed.Client(address, timeout=30) as client:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and run.is_alive():
            states = client.run_on_scheduler(_task_states)
            busy = {w: len(tasks) for w, tasks in client.processing().items() if tasks}
            done, total = states["memory"] + states["released"], sum(states.values())
            if busy and total > 100 and done >= total / 2:
                worker = max(busy, key=busy.get)
                pid = client.run(os.getpid, workers=[worker])[worker]
                assert run.is_alive(), "the run ended before a worker could be killed"
                os.kill(pid, signal.SIGKILL)
                return pid
            time.sleep(0.2)
    pytest.fail("no worker was ever busy while the run was running")


@pytest.mark.slow
def test_killing_a_dask_worker_mid_run_loses_and_duplicates_nothing(tmp_path):
    distributed = _dask_distributed()
    inputs = tmp_path / "in"
    inputs.mkdir()
    seed = (SEEDS / "000_27cef5e8aa7cc37f.txt").read_text("utf-8")
    for i in range(24):
        (inputs / f"story_{i:02d}.txt").write_text(f"Story {i}\n\n{seed}")
    (inputs / "wire.jsonl").write_text(
        "\n".join(
            json.dumps({"id": f"w{i}", "text": f"Wire {i}. {GOOD_PARAGRAPH}"}) for i in range(20)
        )
    )
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.json").write_text("{")
    units = 24 + 20 + 2
    out = tmp_path / "out"
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    try:
        result: dict[str, int] = {}

        def run() -> None:
            result["rc"] = main(
                [
                    "run",
                    "--input",
                    str(inputs),
                    "--output",
                    str(out),
                    "--runner",
                    "dask",
                    f"--dask_client_address={cluster.scheduler_address}",
                ]
            )

        thread = threading.Thread(target=run)
        thread.start()
        killed = _kill_a_busy_worker(distributed, cluster.scheduler_address, thread)
        thread.join(timeout=600)
        assert not thread.is_alive() and result.get("rc") == 0
        with distributed.Client(cluster.scheduler_address, timeout=30) as client:
            assert killed not in client.run(os.getpid).values(), "the worker was not killed"
    finally:
        cluster.close()

    tables = read_tables(out)
    assert len(tables["articles"]) + len(tables["errors"]) == units
    assert len(tables["articles"]) == 44 and len(tables["errors"]) == 2
    ids = [r["article_id"] for r in tables["articles"]]
    assert len(set(ids)) == len(ids)
    for table, key in (
        ("sentences", ("article_id", "index")),
        ("entities", ("article_id", "start", "end", "label")),
        ("quotes", ("quote_id",)),
    ):
        keys = [tuple(r[k] for k in key) for r in tables[table]]
        assert len(set(keys)) == len(keys), f"duplicated {table} rows"
        per_article = Counter(r["article_id"] for r in tables[table])
        for article in tables["articles"]:
            assert per_article[article["article_id"]] == article[f"n_{table}"], table


@pytest.mark.slow
def test_the_newsbeam_command_exits_with_the_run_s_status_and_its_output_flushed(tmp_path):
    """The console script skips the interpreter's teardown (pipeline.cli.console_main): the exit
    status, the summary on stdout and the failure on stderr must all still arrive."""
    import subprocess
    import sys
    from pathlib import Path

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD_PARAGRAPH)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.json").write_text("{")
    out = tmp_path / "out"
    script = Path(sys.executable).with_name("newsbeam")
    done = subprocess.run([str(script), "run", "--input", str(inputs), "--output", str(out),
                           "--max_error_ratio", "0.5"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == EXIT_ERROR_RATIO, done.stderr[-2000:]
    assert "articles               1 rows" in done.stdout
    assert "of the input went to errors" in done.stderr
    ok = subprocess.run([str(script), "run", "--input", str(inputs / "good.txt"), "--output",
                         str(tmp_path / "ok")], capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0 and "errors                 0 rows" in ok.stdout
