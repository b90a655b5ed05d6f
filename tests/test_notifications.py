"""Cloud Storage notifications -> article paths: parsing, filtering, dedupe (no emulator needed)."""

from __future__ import annotations

import json

import apache_beam as beam
import pytest
from apache_beam.io.gcp.pubsub import PubsubMessage
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.gcs_notifications import (
    NotificationError,
    NotifiedObjects,
    is_article_object,
    parse_notification,
)
from transforms.metrics import NAMESPACE


def message(name: str, generation: int = 1, event: str = "OBJECT_FINALIZE",
            bucket: str = "news", payload: bool = True) -> PubsubMessage:
    """What GCS publishes with --payload-format=json (abridged object resource)."""
    resource = {"kind": "storage#object", "id": f"{bucket}/{name}/{generation}", "name": name,
                "bucket": bucket, "generation": str(generation), "size": "120"}
    attributes = {"eventType": event, "payloadFormat": "JSON_API_V1", "bucketId": bucket,
                  "objectId": name, "objectGeneration": str(generation),
                  "notificationConfig": f"projects/_/buckets/{bucket}/notificationConfigs/1"}
    return PubsubMessage(json.dumps(resource).encode() if payload else b"", attributes)


def test_parse_finalize_notification():
    msg = message("news/2024/a b.txt", generation=1712345678901234)
    notice = parse_notification(msg.data, msg.attributes)
    assert notice.path == "gs://news/news/2024/a b.txt"
    assert notice.key == "gs://news/news/2024/a b.txt#1712345678901234"
    assert notice.event_type == "OBJECT_FINALIZE"


def test_payload_format_none_uses_attributes_only():
    msg = message("x.json", payload=False)
    msg.attributes["payloadFormat"] = "NONE"
    assert parse_notification(msg.data, msg.attributes).path == "gs://news/x.json"


def test_json_payload_alone_is_enough():
    resource = {"name": "a.txt", "bucket": "b", "generation": "7"}
    notice = parse_notification(json.dumps(resource).encode(), {})
    assert (notice.key, notice.event_type) == ("gs://b/a.txt#7", "OBJECT_FINALIZE")


@pytest.mark.parametrize("data, attributes, detail", [
    (b"not json", {}, "not JSON"),
    (b"[1, 2]", {}, "not a JSON object"),
    (b"{}", {"bucketId": "b"}, "no objectId, objectGeneration"),
    (b"", None, "no bucketId"),
])
def test_malformed_notifications(data, attributes, detail):
    with pytest.raises(NotificationError, match=detail) as info:
        parse_notification(data, attributes)
    assert info.value.reason == "invalid_notification"


@pytest.mark.parametrize("name, expected", [
    ("a.txt", True), ("dir/b.jsonl.gz", True), ("c.HTML", True), ("d.json.bz2", True),
    ("e.png", False), ("f", False), ("g.txt.tmp", False), ("folder/", False),
])
def test_article_objects_by_extension(name, expected):
    notice = parse_notification(*_parts(message(name)))
    assert is_article_object(notice) is expected


def test_format_override_accepts_any_name():
    notice = parse_notification(*_parts(message("raw/blob")))
    assert is_article_object(notice, "txt")


def _parts(msg: PubsubMessage):
    return msg.data, msg.attributes


def test_notified_objects_filters_dedupes_and_counts():
    messages = [
        message("a.txt"), message("a.txt"),             # redelivery: read once
        message("a.txt", generation=2),                  # overwrite: a new version, read again
        message("b.jsonl"),
        message("b.jsonl", event="OBJECT_DELETE"),       # not a new object
        message("b.jsonl", event="OBJECT_METADATA_UPDATE"),
        message("logo.png"),                             # not an article
        PubsubMessage(b"hello", {}),                     # not a GCS notification
    ]
    pipeline = TestPipeline()
    out = (pipeline | beam.Create(messages, reshuffle=False)
           | "Notified" >> NotifiedObjects())
    assert_that(out.paths, equal_to(["gs://news/a.txt", "gs://news/a.txt", "gs://news/b.jsonl"]),
                label="Paths")
    assert_that(out.errors | beam.Map(lambda e: (e["stage"], e["error_type"])),
                equal_to([("notify", "invalid_notification")]), label="Errors")
    result = pipeline.run()
    result.wait_until_finish()
    counters = {c.key.metric.name: c.committed for c in result.metrics().query()["counters"]
                if c.key.metric.namespace == NAMESPACE}
    assert counters["notifications"] == 8
    assert counters["notifications_other_event"] == 2
    assert counters["notifications_not_article"] == 1
    assert counters["notifications_malformed"] == 1
