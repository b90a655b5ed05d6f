"""ReadArticles: file patterns (local or gs://) -> article inputs, plus error records."""

from __future__ import annotations

import heapq
import os
import random
from collections.abc import Iterator
from typing import Any, NamedTuple

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.transforms.util import ReshufflePerKey

from transforms.gcs_access import use_anonymous_gcs
from transforms.jsonl_ranges import JSONL_RANGE_BYTES, FileRange, jsonl_ranges
from transforms.metrics import counter
from transforms.readers import (
    DEFAULT_MAX_ARTICLE_BYTES,
    dangling_links,
    file_kind,
    not_a_regular_file,
    parse_file,
    parse_jsonl_range,
)
from transforms.tables import error_record, is_error

#: The Reshuffle that spreads read units over the workers. The Dask runner finds it by this label
#: and cuts its partitions by the units' bytes (pipeline/dask_runner/translation.py).
SPREAD_UNITS = "SpreadUnits"


def unit_bytes(unit: str | FileRange) -> int:
    """About how much a read unit holds: a JSONL range's length, else the file's size (0 when
    it cannot be listed; reading it reports why); a remote file's size is a request."""
    local = local_unit_bytes(unit)
    if local is not None:
        return local
    try:
        return FileSystems.get_filesystem(unit).size(unit)
    except Exception:  # noqa: BLE001 - a size is only a hint for partitioning
        return 0


def balanced_parts(sized: list[tuple[Any, int]], count: int) -> list[list]:
    """``(unit, bytes)`` pairs -> ``count`` lists of units (fewer if there are fewer units), the
    largest unit first into the emptiest list, so that no list's bytes exceed the others' by
    more than one unit."""
    count = max(1, min(count, len(sized)))
    loads = [(0, i) for i in range(count)]  # (bytes so far, list): a heap
    parts: list[list] = [[] for _ in range(count)]
    for unit, size in sorted(sized, key=lambda pair: -pair[1]):
        load, i = heapq.heappop(loads)
        parts[i].append(unit)
        heapq.heappush(loads, (load + size, i))
    return parts


def local_unit_bytes(unit: str | FileRange) -> int | None:
    """How much a read unit holds where that costs no request: a JSONL range, or a file on a
    local disk; None for a file elsewhere (gs://), whose size is a request to its store."""
    if isinstance(unit, FileRange):
        return unit.end - unit.start
    if FileSystems.get_scheme(unit) not in (None, "file"):
        return None
    try:
        return os.path.getsize(unit.removeprefix("file://"))
    except OSError:
        return 0  # reading it reports why


class SplitFile(beam.DoFn):
    """A file path -> the units to read: the path itself, or for an uncompressed JSONL file
    bigger than ``range_bytes`` its ``FileRange``s (transforms/jsonl_ranges.py)."""

    def __init__(self, format_override: str | None = None, range_bytes: int = JSONL_RANGE_BYTES):
        self._format = format_override
        self._range_bytes = range_bytes

    def setup(self) -> None:
        # The first step of every read on a worker: worker processes (multi_processing, Dask)
        # then talk to a GCS emulator without ~20 s of Beam's credential retries each; a no-op
        # unless STORAGE_EMULATOR_HOST is set, and done once per process.
        use_anonymous_gcs()

    def process(self, path: str) -> Iterator[str | FileRange]:
        kind = file_kind(path, self._format)
        if kind.format != "jsonl" or kind.compression is not None:
            yield path
            return
        try:
            if FileSystems.get_filesystem(path).size(path) <= self._range_bytes:
                yield path
                return
            with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
                ranges = jsonl_ranges(path, f, self._range_bytes)
        except Exception:  # noqa: BLE001 - ParseFile reads it again and reports the failure
            ranges = None
        yield from ranges or [path]


class ParseFile(beam.DoFn):
    """A file path or ``FileRange`` -> its article inputs (main output) and error records
    (``errors``)."""

    def __init__(self, format_override: str | None = None,
                 max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES):
        self._format = format_override
        self._max_bytes = max_bytes

    def setup(self) -> None:
        self._files = counter("files_read")
        self._inputs = counter("article_inputs")
        self._errors = counter("input_errors")

    def process(self, unit: str | FileRange) -> Iterator[Any]:
        path, part = (unit.path, unit) if isinstance(unit, FileRange) else (unit, None)
        if part is None or part.start == 0:
            self._files.inc()
        problem = not_a_regular_file(path)
        if problem is not None:  # a named pipe would block the read forever
            self._errors.inc()
            yield beam.pvalue.TaggedOutput("errors", error_record(
                path, problem.stage, problem.reason, str(problem)))
            return
        try:
            # Compression is handled by parse_file so that decompression stays bounded.
            with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
                if part is None:
                    data = f.read(self._max_bytes + 1)
                else:
                    f.seek(part.start)
                    data = f.read(min(part.end - part.start, self._max_bytes + 1))
        except Exception as exc:  # noqa: BLE001 - any I/O failure is this file's error record
            # e.g. a file deleted between listing and reading, or a permission problem
            self._errors.inc()
            yield beam.pvalue.TaggedOutput(
                "errors", error_record(path, "read", "unreadable", f"{type(exc).__name__}: {exc}",
                                       line=part.first_line if part else None)
            )
            return
        records = (
            parse_file(path, data, self._format, self._max_bytes) if part is None
            else parse_jsonl_range(path, data, part.first_line, self._max_bytes)
        )
        for record in records:
            if is_error(record):
                self._errors.inc()
                yield beam.pvalue.TaggedOutput("errors", record)
            else:
                self._inputs.inc()
                yield record


# A unit's key in SpreadUnits: 32 random bits under the unit's bytes + 1 (0: not known here).
_RANDOM_BITS = 32
_MAX_KEYED_BYTES = (1 << 30) - 1  # larger sizes are capped: the key stays a 64-bit varint


def sized_key(unit: str | FileRange) -> int:
    """A random shuffle key that also says how many bytes ``unit`` holds, when that costs no
    request (``local_unit_bytes``)."""
    size = local_unit_bytes(unit)
    known = 0 if size is None else min(size, _MAX_KEYED_BYTES) + 1
    return (known << _RANDOM_BITS) | random.getrandbits(_RANDOM_BITS)


def bytes_of_key(key: object) -> int | None:
    """The bytes ``sized_key`` put in ``key``; None when it could not say."""
    if not isinstance(key, int) or key < 0:
        return None
    known = key >> _RANDOM_BITS
    return known - 1 if known else None


class SpreadUnits(beam.Reshuffle):
    """``beam.Reshuffle`` of read units whose random keys also carry each unit's bytes.

    To any runner this is a Reshuffle (random keys, one unit each). A local multi-process run
    reads the sizes back from the keys and deals the units to its workers by bytes rather than
    by count (pipeline/parallel_bundles.py); the Dask runner translates it as a Reshuffle.
    """

    def expand(self, pcoll: beam.PCollection) -> beam.PCollection:
        return (
            pcoll
            | "AddSizedKeys" >> beam.Map(lambda unit: (sized_key(unit), unit)).with_output_types(
                tuple[int, Any])
            | ReshufflePerKey().with_input_types(tuple[int, Any]).with_output_types(
                tuple[int, Any])
            | "RemoveKeys" >> beam.Map(lambda pair: pair[1]).with_output_types(Any)
        )


class ReadResult(NamedTuple):
    articles: beam.PCollection
    errors: beam.PCollection


class ParseFiles(beam.PTransform):
    """File paths -> article inputs and errors, redistributed so workers share the parsing."""

    def __init__(self, format_override: str | None = None,
                 max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES, range_bytes: int = JSONL_RANGE_BYTES):
        super().__init__()
        self._format = format_override
        self._max_bytes = max_bytes
        self._range_bytes = range_bytes

    def expand(self, paths: beam.PCollection) -> ReadResult:
        parsed = (
            paths
            # ranges (at most 4x range_bytes) stay under the bound unless one line is over it
            | "Split" >> beam.ParDo(
                SplitFile(self._format, min(self._range_bytes, max(1, self._max_bytes // 4)))
            )
            # Files, and ranges of big JSONL files, go to the workers before they are read: one
            # JSONL file can hold thousands of articles. Shuffling these small units rather than
            # the articles keeps any one worker from holding a whole file's texts.
            | SPREAD_UNITS >> SpreadUnits()
            | "Parse" >> beam.ParDo(ParseFile(self._format, self._max_bytes)).with_outputs(
                "errors", main="articles"
            )
        )
        return ReadResult(parsed.articles, parsed.errors)


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
        patterns = pbegin | "Patterns" >> beam.Create(self._patterns)
        matched = (
            patterns
            | "Match" >> fileio.MatchAll()
            | "Paths" >> beam.Map(lambda metadata: metadata.path)
        )
        broken = patterns | "DanglingLinks" >> beam.FlatMap(dangling_links)
        paths = (
            (matched, broken)
            | "AllPaths" >> beam.Flatten()
            # Overlapping patterns must not read a file twice; the shuffle behind Distinct also
            # spreads the files over the workers before they are read.
            | "Dedupe" >> beam.Distinct()
        )
        return paths | "ParseFiles" >> ParseFiles(self._format, self._max_bytes)
