"""Cloud Storage Pub/Sub notifications -> gs:// paths of new article objects, each once.

GCS publishes one message per object change (``gcloud storage buckets notifications create
gs://BUCKET --topic=TOPIC --payload-format=json``): the attributes say what happened
(``eventType``, ``bucketId``, ``objectId``, ``objectGeneration``, ``payloadFormat``) and, with
the JSON payload format, the data is the object resource. Only ``OBJECT_FINALIZE`` (a new object
or a new generation) is an article to read; deletes, metadata updates and archivals are counted
and ignored, and so are objects whose names are not article files (``readers.file_kind``).
A message that is not a GCS notification at all becomes an ``errors`` row, so nothing vanishes.

Pub/Sub delivers at least once, so the same (bucket, object, generation) can arrive twice;
``NotifiedObjects`` keeps the first and drops redeliveries for ``DEDUPE_SECONDS`` of processing
time (Beam's ``DeduplicatePerKey``: keyed state plus a timer that frees it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import apache_beam as beam
from apache_beam.transforms.deduplicate import DeduplicatePerKey

from transforms.metrics import counter
from transforms.readers import file_kind
from transforms.tables import error_record

FINALIZE = "OBJECT_FINALIZE"

#: How long a seen (bucket, object, generation) is remembered. Pub/Sub redelivers unacked messages
#: within the ack deadline (seconds to minutes); an hour of keys costs ~100 bytes per object.
DEDUPE_SECONDS = 3600


class NotificationError(ValueError):
    """A Pub/Sub message that is not a usable GCS notification; ``reason`` is an error_type."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class ObjectNotice:
    bucket: str
    name: str
    generation: str
    event_type: str

    @property
    def path(self) -> str:
        return f"gs://{self.bucket}/{self.name}"

    @property
    def key(self) -> str:
        """Identity of one object version: a redelivery has the same key, an overwrite not."""
        return f"{self.path}#{self.generation}"


def parse_notification(data: bytes | None, attributes: Mapping[str, str] | None) -> ObjectNotice:
    """One Pub/Sub message (payload, attributes) -> the object change it reports.

    The attributes are authoritative (they are present for every payload format); the JSON
    payload only fills in what attributes lack, e.g. when a message was republished by hand.
    """
    attributes = dict(attributes or {})
    resource: dict[str, Any] = {}
    if data and attributes.get("payloadFormat", "JSON_API_V1") == "JSON_API_V1":
        try:
            parsed = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise NotificationError("invalid_notification", f"payload is not JSON: {exc}") from None
        if not isinstance(parsed, dict):
            raise NotificationError("invalid_notification", "payload is not a JSON object")
        resource = parsed
    bucket = attributes.get("bucketId") or resource.get("bucket")
    name = attributes.get("objectId") or resource.get("name")
    generation = attributes.get("objectGeneration") or resource.get("generation")
    event_type = attributes.get("eventType") or (FINALIZE if resource else None)
    missing = [k for k, v in (("bucketId", bucket), ("objectId", name),
                              ("objectGeneration", generation), ("eventType", event_type)) if not v]
    if missing:
        raise NotificationError("invalid_notification",
                                f"not a Cloud Storage notification: no {', '.join(missing)}")
    return ObjectNotice(str(bucket), str(name), str(generation), str(event_type))


def is_article_object(notice: ObjectNotice, format_override: str | None = None) -> bool:
    return file_kind(notice.name, format_override).format is not None


class ParseNotification(beam.DoFn):
    """PubsubMessage -> ``(key, path)`` of a new article object; malformed ones -> ``errors``."""

    def __init__(self, format_override: str | None = None):
        self._format = format_override

    def setup(self) -> None:
        self._received = counter("notifications")
        self._other_events = counter("notifications_other_event")
        self._not_articles = counter("notifications_not_article")
        self._malformed = counter("notifications_malformed")

    def process(self, message: Any) -> Iterator[Any]:
        self._received.inc()
        data = getattr(message, "data", message)
        attributes = getattr(message, "attributes", None)
        try:
            notice = parse_notification(data, attributes)
        except NotificationError as exc:
            self._malformed.inc()
            source = f"pubsub:{getattr(message, 'message_id', None) or 'unknown'}"
            yield beam.pvalue.TaggedOutput(
                "errors", error_record(source, "notify", exc.reason, str(exc)))
            return
        if notice.event_type != FINALIZE:
            self._other_events.inc()
        elif not is_article_object(notice, self._format):
            self._not_articles.inc()
        else:
            yield notice.key, notice.path


class NotifiedResult(NamedTuple):
    paths: beam.PCollection
    errors: beam.PCollection


class NotifiedObjects(beam.PTransform):
    """PubsubMessages (``with_attributes=True``) -> gs:// paths of new articles, each once.

    Apply it in the global window: the dedupe state is per key *and window*, so a redelivery
    landing in another window would escape a dedupe applied after windowing.
    """

    def __init__(self, format_override: str | None = None,
                 dedupe_seconds: float = DEDUPE_SECONDS):
        super().__init__()
        self._format = format_override
        self._dedupe_seconds = dedupe_seconds

    def expand(self, messages: beam.PCollection) -> NotifiedResult:
        # Typed (str, str) so the dedupe's state key gets a deterministic coder.
        parse = beam.ParDo(ParseNotification(self._format)).with_output_types(tuple[str, str])
        parsed = messages | "Parse" >> parse.with_outputs("errors", main="objects")
        paths = (
            parsed.objects
            | "Dedupe" >> DeduplicatePerKey(processing_time_duration=self._dedupe_seconds)
            | "Paths" >> beam.Values()
        )
        return NotifiedResult(paths, parsed.errors)
