"""ReadArticles: file patterns (local or gs://) -> article inputs, plus error records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from transforms.gcs_access import use_anonymous_gcs
from transforms.metrics import counter
from transforms.readers import DEFAULT_MAX_ARTICLE_BYTES, parse_file
from transforms.records import error_record, is_error


class ParseFile(beam.DoFn):
    """A file path -> its article inputs (main output) and error records (``errors``)."""

    def __init__(self, format_override: str | None = None,
                 max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES):
        self._format = format_override
        self._max_bytes = max_bytes

    def setup(self) -> None:
        # Worker processes (multi_processing, Dask) talk to a GCS emulator without spending
        # ~20 s each in Beam's credential retries; a no-op unless STORAGE_EMULATOR_HOST is set.
        use_anonymous_gcs()
        self._files = counter("files_read")
        self._inputs = counter("article_inputs")
        self._errors = counter("input_errors")

    def process(self, path: str) -> Iterator[Any]:
        self._files.inc()
        try:
            # Compression is handled by parse_file so that decompression stays bounded.
            with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
                data = f.read(self._max_bytes + 1)
        except Exception as exc:  # noqa: BLE001 - any I/O failure is this file's error record
            # e.g. a file deleted between listing and reading, or a permission problem
            self._errors.inc()
            yield beam.pvalue.TaggedOutput(
                "errors", error_record(path, "read", "unreadable", f"{type(exc).__name__}: {exc}")
            )
            return
        for record in parse_file(path, data, self._format, self._max_bytes):
            if is_error(record):
                self._errors.inc()
                yield beam.pvalue.TaggedOutput("errors", record)
            else:
                self._inputs.inc()
                yield record


class ReadResult(NamedTuple):
    articles: beam.PCollection
    errors: beam.PCollection


class ParseFiles(beam.PTransform):
    """File paths -> article inputs and errors, redistributed so workers share the parsing."""

    def __init__(self, format_override: str | None = None,
                 max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES):
        super().__init__()
        self._format = format_override
        self._max_bytes = max_bytes

    def expand(self, paths: beam.PCollection) -> ReadResult:
        parsed = paths | "Parse" >> beam.ParDo(
            ParseFile(self._format, self._max_bytes)
        ).with_outputs("errors", main="articles")
        # One JSONL file can hold thousands of articles: spread them over the workers.
        articles = parsed.articles | "SpreadArticles" >> beam.Reshuffle()
        return ReadResult(articles, parsed.errors)


class ReadArticles(beam.PTransform):
    """Glob patterns -> article inputs and error records.

    Files are matched with Beam's FileSystems (local paths, ``**`` globs, ``gs://``), then
    redistributed before reading so that on a multi-worker runner each worker reads its share.
    """

    def __init__(self, patterns: list[str], format_override: str | None = None,
                 max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES):
        super().__init__()
        self._patterns = list(patterns)
        self._format = format_override
        self._max_bytes = max_bytes

    def expand(self, pbegin: beam.pvalue.PBegin) -> ReadResult:
        paths = (
            pbegin
            | "Patterns" >> beam.Create(self._patterns)
            | "Match" >> fileio.MatchAll()
            | "Paths" >> beam.Map(lambda metadata: metadata.path)
            # Overlapping patterns must not read a file twice; the shuffle behind Distinct also
            # spreads the files over the workers before they are read.
            | "Dedupe" >> beam.Distinct()
        )
        return paths | "ParseFiles" >> ParseFiles(self._format, self._max_bytes)
