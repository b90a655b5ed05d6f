"""End to end: `newsbeam run --streaming` fed by GCS notifications, on both emulators.

The job runs as a subprocess (the real CLI, Beam's streaming DirectRunner, the real spaCy model)
reading a Pub/Sub emulator subscription and writing gs:// tables to a GCS emulator. The test
uploads objects and publishes the notifications GCS would send for them, including a redelivery,
a delete and a non-article object, then polls the tables. The waits are correctness bounds
(the rows must come), not speed assertions: benchmarks/streaming_latency.py measures speed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from pipeline.summary import read_table
from tests.emulators import publish_notification
from transforms.gcs_access import use_anonymous_gcs

pytest_plugins = ["tests.emulators"]

pytestmark = pytest.mark.slow

BOUND_SECONDS = 120
BUCKET = "stream-news"

ARTICLES = [
    "Harbour reopens\n\n\"The harbour is open again,\" said Captain Ana Lopez on Tuesday.\n",
    "Budget vote\n\nThe council approved the budget. \"It is fair,\" Mayor Tom Reed said.\n",
    "Library news\n\nThe city library will extend its hours, officials said.\n",
    "Late arrival\n\n\"We came as fast as we could,\" said Dr. Mina Patel in Leeds.\n",
]


def newsbeam_command() -> list[str]:
    script = Path(sys.executable).with_name("newsbeam")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def wait_for(condition, what: str, job: subprocess.Popen, log: Path):
    deadline = time.monotonic() + BOUND_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if job.poll() is not None:
            pytest.fail(f"the streaming job exited ({job.returncode}) before {what}:\n"
                        f"{log.read_text()[-4000:]}")
        time.sleep(1)
    pytest.fail(f"no {what} within {BOUND_SECONDS} s:\n{log.read_text()[-4000:]}")


def rows(output: str, table: str) -> list[dict]:
    return list(read_table(output, table))


def test_notifications_become_rows_exactly_once(gcs_emulator, pubsub_emulator, tmp_path):
    from google.cloud import pubsub_v1

    use_anonymous_gcs()
    gcs_emulator.create_bucket(BUCKET)
    topic, subscription = pubsub_emulator.create_topic_and_subscription("gcs-news", "newsbeam")
    output = f"gs://{BUCKET}/tables"
    log = tmp_path / "job.log"
    with log.open("w") as log_file:
        job = subprocess.Popen(
            [*newsbeam_command(), "--log_level", "INFO", "run", "--streaming",
             "--input_subscription", subscription, "--output", output, "--window_seconds", "2"],
            stdout=log_file, stderr=subprocess.STDOUT,
        )
    publisher = pubsub_v1.PublisherClient()
    try:
        uploaded = [gcs_emulator.upload(BUCKET, f"incoming/{i}.txt", text)
                    for i, text in enumerate(ARTICLES[:3])]
        for resource in uploaded:
            publish_notification(publisher, topic, resource)
        publish_notification(publisher, topic, uploaded[0])  # redelivered at once
        png = gcs_emulator.upload(BUCKET, "incoming/photo.png", b"\x89PNG\r\n\x1a\n")
        publish_notification(publisher, topic, png)  # not an article: ignored, counted
        publisher.publish(topic, b"not a notification").result(timeout=30)  # -> errors row

        def first_three():
            arts = rows(output, "articles")
            return arts if len(arts) >= 3 else None

        wait_for(first_three, "rows for the first three articles", job, log)

        # Later: a redelivery of an already written object, a delete, and one new article. Once
        # the new one is written, the redelivery (published before it) has been seen too.
        publish_notification(publisher, topic, uploaded[1])
        publish_notification(publisher, topic, uploaded[2], event_type="OBJECT_DELETE")
        late = gcs_emulator.upload(BUCKET, "incoming/3.txt", ARTICLES[3])
        publish_notification(publisher, topic, late)
        articles = wait_for(lambda: [a for a in rows(output, "articles")
                                     if a["source_uri"].endswith("/3.txt")] and
                            rows(output, "articles"), "rows for the late article", job, log)
        errors = wait_for(lambda: rows(output, "errors"), "the errors row", job, log)
    finally:
        job.send_signal(signal.SIGTERM)
        try:
            code = job.wait(timeout=60)
        except subprocess.TimeoutExpired:
            job.kill()
            job.wait()
            pytest.fail("the streaming job did not stop within 60 s of SIGTERM")
    assert code == 0, log.read_text()[-4000:]

    by_uri = Counter(a["source_uri"] for a in articles)
    assert by_uri == Counter({f"gs://{BUCKET}/incoming/{i}.txt": 1 for i in range(4)})
    assert [(e["stage"], e["error_type"]) for e in errors] == [("notify", "invalid_notification")]
    ids = {a["article_id"] for a in articles}
    quotes = [q for q in rows(output, "quotes") if q["article_id"] in ids]
    harbour = [q for q in quotes if "harbour is open again" in q["text"]]
    assert harbour and "Lopez" in (harbour[0]["speaker_text"] or ""), quotes
    assert len({q["quote_id"] for q in quotes}) == len(quotes)  # no quote written twice
    sentences = rows(output, "sentences")
    assert len({(s["article_id"], s["index"]) for s in sentences}) == len(sentences)
    assert {s["article_id"] for s in sentences} == ids
